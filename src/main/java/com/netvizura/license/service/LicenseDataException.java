package com.netvizura.license.service;

/**
 * The license data directory ({@code $NETVIZURA_HOME/license}) could not be opened or read. The message is an admin
 * sentence that says what went wrong and what to do.
 */
public final class LicenseDataException extends Exception {

    private static final long serialVersionUID = 1L;

    LicenseDataException(Exception cause) {
        super(cause.getMessage(), cause);
    }
}
