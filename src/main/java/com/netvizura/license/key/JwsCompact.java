package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;

import java.nio.charset.StandardCharsets;

/**
 * A JWS in compact serialization (RFC 7515 section 7.1): {@code BASE64URL(header).BASE64URL(payload).BASE64URL(signature)}.
 * Parsing only splits and decodes; what the header and payload mean is checked elsewhere.
 */
final class JwsCompact {

    private final String encodedHeader;
    private final String encodedPayload;
    private final byte[] header;
    private final byte[] payload;
    private final byte[] signature;

    private JwsCompact(String encodedHeader, String encodedPayload, byte[] header, byte[] payload, byte[] signature) {
        this.encodedHeader = encodedHeader;
        this.encodedPayload = encodedPayload;
        this.header = header;
        this.payload = payload;
        this.signature = signature;
    }

    /**
     * @throws LicenseKeyException {@link Reason#MALFORMED} unless there are exactly three non-empty parts of
     *                             strict base64url
     */
    static JwsCompact parse(String compact) throws LicenseKeyException {
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == compact.length() - 1 || compact.indexOf('.', second + 1) >= 0) {
            throw new LicenseKeyException(Reason.MALFORMED);
        }
        String h = compact.substring(0, first);
        String p = compact.substring(first + 1, second);
        String s = compact.substring(second + 1);
        try {
            return new JwsCompact(h, p, Base64Url.decode(h), Base64Url.decode(p), Base64Url.decode(s));
        } catch (IllegalArgumentException e) {
            throw new LicenseKeyException(Reason.MALFORMED);
        }
    }

    /** The bytes an Ed25519 JWS signature covers: ASCII of {@code BASE64URL(header) "." BASE64URL(payload)}. */
    static byte[] signingInput(byte[] header, byte[] payload) {
        return (Base64Url.encode(header) + "." + Base64Url.encode(payload)).getBytes(StandardCharsets.US_ASCII);
    }

    /** The compact serialization of a signed JWS whose signature covers {@link #signingInput(byte[], byte[])}. */
    static String serialize(byte[] header, byte[] payload, byte[] signature) {
        return Base64Url.encode(header) + "." + Base64Url.encode(payload) + "." + Base64Url.encode(signature);
    }

    byte[] signingInput() {
        return (encodedHeader + "." + encodedPayload).getBytes(StandardCharsets.US_ASCII);
    }

    byte[] header() {
        return header.clone();
    }

    byte[] payload() {
        return payload.clone();
    }

    byte[] signature() {
        return signature.clone();
    }
}
