package com.netvizura.license.it;

/** What the data directory of a test deployment holds when the application starts. */
public enum InitialLicense {
    /** No key: the server is unlicensed (the license guard sends people to the License page). */
    NONE,
    /** A valid perpetual key for this machine, signed by the development vendor key the test WAR trusts. */
    VALID
}
