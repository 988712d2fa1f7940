package com.netvizura.license.service;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One setting's value as found, with its origin for messages, and the typed readings of it. Values are stripped of
 * surrounding blanks, except secrets (a password may begin or end with a space). Secrets never appear in a message.
 * Each {@code as...} reading returns the typed value or throws the {@link InvalidSettingException} that says what to
 * put instead.
 */
record SettingValue(String setting, String value, String origin, boolean secret) {

    static final String ERROR_CONTROL_CHARACTERS = "remove the line break or other control character from it";
    static final String ERROR_NOT_ABSOLUTE = "use an absolute directory path";
    static final String ERROR_NOT_AN_ADDRESS = "use a plain e-mail address such as name@example.com";
    static final String ERROR_NOT_ADDRESSES =
            "use plain e-mail addresses separated by commas, such as it@example.com,ops@example.com";
    static final String ERROR_NOT_A_BOOLEAN = "use true or false";
    static final String ERROR_NOT_A_FACELETS_PATH =
            "use the path of a Facelets template inside the application, starting with /, such as "
            + "/WEB-INF/templates/layout.xhtml";

    // Loose on purpose: it catches typos and pasted display names, not every RFC 5322 corner.
    private static final Pattern LOOKS_LIKE_ADDRESS =
            Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
    // RFC 6750 b64token: what an "Authorization: Bearer" header can carry.
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String JNDI_ENV_PREFIX = "java:comp/env/";

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

    /** An absolute path, normalized. */
    Path asAbsolutePath() {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw invalid(ERROR_NOT_ABSOLUTE);
        }
        if (!path.isAbsolute()) {
            throw invalid(ERROR_NOT_ABSOLUTE);
        }
        return path.normalize();
    }

    /** A whole number from {@code min} to {@code max}; {@code whatToDo} names the range for the admin. */
    int asInt(int min, int max, String whatToDo) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw invalid(whatToDo);
    }

    boolean asBoolean() {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw invalid(ERROR_NOT_A_BOOLEAN);
    }

    /** The constant of {@code choices} whose name is the value in any case. */
    <E extends Enum<E>> E asChoice(E[] choices, String whatToDo) {
        for (E choice : choices) {
            if (choice.name().equalsIgnoreCase(value)) {
                return choice;
            }
        }
        throw invalid(whatToDo);
    }

    /** One plain e-mail address. */
    String asAddress() {
        if (!looksLikeAddress(value)) {
            throw invalid(ERROR_NOT_AN_ADDRESS);
        }
        return value;
    }

    /** Comma-separated plain e-mail addresses, blanks around them and empty items ignored. */
    List<String> asAddresses() {
        List<String> addresses = new ArrayList<>();
        for (String item : value.split(",")) {
            String address = item.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (!looksLikeAddress(address)) {
                throw invalid(ERROR_NOT_ADDRESSES);
            }
            addresses.add(address);
        }
        return List.copyOf(addresses);
    }

    /** A Facelets path inside the application: starts with {@code /}, no blanks, no {@code ..} or {@code \}. */
    String asFaceletsPath() {
        boolean inside = value.startsWith("/") && value.length() > 1 && value.chars().noneMatch(Character::isWhitespace)
                && !value.contains("\\") && List.of(value.split("/")).stream().noneMatch(".."::equals);
        if (!inside) {
            throw invalid(ERROR_NOT_A_FACELETS_PATH);
        }
        return value;
    }

    /**
     * A secret that a client sends as {@code Authorization: Bearer <token>}: at least {@code minLength} characters
     * that such a header can carry (RFC 6750). Surrounding blanks are dropped: a header value cannot keep them.
     */
    String asBearerToken(int minLength) {
        String token = value.strip();
        if (token.length() < minLength || !BEARER_TOKEN.matcher(token).matches()) {
            throw invalid("use at least " + minLength + " characters of A-Z, a-z, 0-9 and - . _ ~ + / (for example "
                    + "the output of openssl rand -hex 32)");
        }
        return token;
    }

    /** A JNDI name relative to {@code java:comp/env}: {@code mail/Session} for {@code java:comp/env/mail/Session}. */
    String asJndiNameInEnv() {
        return value.startsWith(JNDI_ENV_PREFIX) ? value.substring(JNDI_ENV_PREFIX.length()) : value;
    }

    static boolean looksLikeAddress(String text) {
        return LOOKS_LIKE_ADDRESS.matcher(text).matches();
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
