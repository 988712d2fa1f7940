package com.netvizura.license.model;

/**
 * A value that came from outside (a request path, a header, a file name, a claim) made safe for one log line: in
 * [brackets], so an empty or odd value is visible, with every character that could end the line or change how it
 * reads written as {@code \\uXXXX} (control characters, U+0085, U+2028/2029 and the bidirectional controls), and cut
 * after {@value #MAX_LENGTH} characters. Nobody can then forge a log line that reads like a real record.
 */
public final class LogValue {

    /** Longer values are cut; the rest is counted, not written. */
    public static final int MAX_LENGTH = 256;

    private LogValue() {
    }

    /** {@code [value]} escaped and cut; {@code [null]} for null. */
    public static String of(CharSequence value) {
        if (value == null) {
            return "[null]";
        }
        int shown = Math.min(value.length(), MAX_LENGTH);
        StringBuilder out = new StringBuilder(shown + 16).append('[');
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (mustEscape(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(']');
        if (value.length() > shown) {
            out.append("(+").append(value.length() - shown).append(" more characters)");
        }
        return out.toString();
    }

    /** Whether {@code c} could break a log line or reorder how it reads. */
    static boolean mustEscape(char c) {
        return Character.isISOControl(c) // C0, DEL and C1 (U+0085 included)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
