package com.netvizura.license.model;

/**
 * The names usage is reported under ({@code devices}, {@code interfaces}...): DESIGN.md section 11 allows
 * {@code [a-z][a-z0-9_]{0,39}}. Checked by hand rather than by a regular expression, because the check runs on the
 * host's thread at every {@code reportUsage} call and must not allocate.
 */
public final class UsageName {

    /** The longest name. */
    public static final int MAX_LENGTH = 40;
    /** The most names one report (and one server) may carry. */
    public static final int MAX_NAMES = 64;

    private UsageName() {
    }

    /** Whether {@code name} is a usage name: a lower-case letter, then up to 39 lower-case letters, digits or _. */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        char first = name.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
