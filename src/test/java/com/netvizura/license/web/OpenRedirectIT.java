package com.netvizura.license.web;

import com.netvizura.license.it.InitialLicense;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link OpenRedirectChecks} with the WAR at its own context path, {@code /netvizura-license}. */
class OpenRedirectIT extends OpenRedirectChecks {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(OpenRedirectIT.class, InitialLicense.VALID);
    }

    @Override
    protected String contextPath() {
        return "/netvizura-license";
    }
}
