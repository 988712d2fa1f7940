package com.netvizura.license.service;

/**
 * One setting's value as found, with its origin for messages. Values are stripped of surrounding blanks, except
 * secrets (a password may begin or end with a space). Secrets never appear in a message.
 */
record SettingValue(String setting, String value, String origin, boolean secret) {

    static final String ERROR_CONTROL_CHARACTERS = "remove the line break or other control character from it";

    /** Refuses control characters anywhere: a CR or LF in a value could forge a mail header or a log line. */
    static SettingValue of(String setting, String raw, String origin, boolean secret) {
        SettingValue found = new SettingValue(setting, secret ? raw : raw.strip(), origin, secret);
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw found.invalid(ERROR_CONTROL_CHARACTERS);
        }
        return found;
    }

    /** The exception for this value: "Setting X has the invalid value [v] (from Y): what to do." */
    InvalidSettingException invalid(String whatToDo) {
        String shown = secret ? "which is not shown because it is secret" : "[" + printable(value) + "]";
        return new InvalidSettingException(setting,
                "Setting " + setting + " has the invalid value " + shown + " (" + origin + "): " + whatToDo + ".");
    }

    /** Shows a control character as {@code \n}, {@code \r} or a code, so that the message itself stays one line. */
    private static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        text.chars().forEach(c -> {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append((char) c);
            }
        });
        return sb.toString();
    }
}
