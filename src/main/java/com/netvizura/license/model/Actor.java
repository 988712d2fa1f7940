package com.netvizura.license.model;

import java.util.Objects;

/**
 * Who asked for a change: the logged-in user name and the remote address of the request, as written to the audit log.
 */
public record Actor(String user, String remoteAddress) {

    /** The store itself, for lines it writes when it repairs the directory after a crash. */
    public static final Actor SYSTEM = new Actor("system", "local");

    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
