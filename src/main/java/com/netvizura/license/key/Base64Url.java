package com.netvizura.license.key;

import java.util.Arrays;
import java.util.Base64;

/**
 * Base64url without padding (RFC 7515 section 2), decoded strictly: only the 64 URL-safe characters, no
 * {@code =}, {@code +} or {@code /}, and only the canonical encoding of a byte sequence (no stray trailing bits),
 * so one key has exactly one textual form.
 */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final boolean[] ALPHABET = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALPHABET[c] = true;
        }
        ALPHABET['-'] = true;
        ALPHABET['_'] = true;
    }

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Whether {@code c} belongs to the base64url alphabet (padding excluded). */
    static boolean isAlphabet(char c) {
        return c < 128 && ALPHABET[c];
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not canonical unpadded base64url
     */
    static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isAlphabet(text.charAt(i))) {
                throw new IllegalArgumentException("not a base64url character at " + i);
            }
        }
        if (text.length() % 4 == 1) {
            throw new IllegalArgumentException("impossible base64url length " + text.length());
        }
        byte[] bytes = DECODER.decode(text);
        // The JDK decoder ignores non-zero bits in the last character; re-encoding exposes them.
        if (!Arrays.equals(ENCODER.encode(bytes), text.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("non-canonical base64url");
        }
        return bytes;
    }
}
