package com.netvizura.license.issuer;

/** Ends a command with a message for the vendor on standard error and an exit code. */
final class IssuerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private IssuerException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The command line is wrong (unknown command or option, missing or unparsable value): exit code 2. */
    static IssuerException usage(String message) {
        return new IssuerException(IssuerCli.EXIT_USAGE, message, null);
    }

    /** The command was understood but refused or failed: exit code 1. */
    static IssuerException refused(String message) {
        return new IssuerException(IssuerCli.EXIT_REFUSED, message, null);
    }

    static IssuerException refused(String message, Throwable cause) {
        return new IssuerException(IssuerCli.EXIT_REFUSED, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
