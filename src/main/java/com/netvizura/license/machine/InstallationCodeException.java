package com.netvizura.license.machine;

/**
 * An Installation Code could not be read. The message is a sentence for the admin or vendor: what is wrong with the
 * code and what to do (usually: copy it again instead of typing it).
 */
public final class InstallationCodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public InstallationCodeException(String adminSentence) {
        super(adminSentence);
    }
}
