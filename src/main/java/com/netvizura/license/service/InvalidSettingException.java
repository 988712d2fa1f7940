package com.netvizura.license.service;

/**
 * A setting has a value the plugin cannot work with. Thrown at start, so that a deployment with a wrong setting
 * fails at once with a sentence naming the setting, where it came from, and what to put instead.
 */
public final class InvalidSettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The name of the setting at fault, e.g. {@code netvizura.license.smtp.port}. */
    public String setting() {
        return setting;
    }
}
