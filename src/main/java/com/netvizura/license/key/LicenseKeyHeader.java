package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JOSE header of a license key: {@code {"alg":"EdDSA","typ":"netvizura-license","kid":"..."}}.
 * The algorithm is fixed, never chosen by the key; a header that asks for critical extensions or brings its own
 * key ({@code jwk}, {@code jku}, {@code x5c}, {@code x5u}) is refused, because only built-in keys are trusted.
 */
final class LicenseKeyHeader {

    static final String ALGORITHM = "EdDSA";
    static final String TYPE = "netvizura-license";
    static final List<String> FORBIDDEN_MEMBERS = List.of("crit", "jwk", "jku", "x5c", "x5u");

    private LicenseKeyHeader() {
    }

    static byte[] encode(String kid) {
        return StrictJson.provider().createObjectBuilder()
                .add("alg", ALGORITHM)
                .add("typ", TYPE)
                .add("kid", kid)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The {@code kid} of an acceptable header.
     *
     * @throws LicenseKeyException MALFORMED, UNSUPPORTED_ALGORITHM, FORBIDDEN_HEADER, WRONG_TYPE or UNKNOWN_SIGNER
     */
    static String kidOf(byte[] header) throws LicenseKeyException {
        JsonObject json = StrictJson.parseObject(header, Reason.MALFORMED);
        String alg = stringOrNull(json.get("alg"));
        if (!ALGORITHM.equals(alg)) {
            throw new LicenseKeyException(Reason.UNSUPPORTED_ALGORITHM, alg == null ? "none" : alg);
        }
        for (String member : FORBIDDEN_MEMBERS) {
            if (json.containsKey(member)) {
                throw new LicenseKeyException(Reason.FORBIDDEN_HEADER, member);
            }
        }
        if (!TYPE.equals(stringOrNull(json.get("typ")))) {
            throw new LicenseKeyException(Reason.WRONG_TYPE);
        }
        String kid = stringOrNull(json.get("kid"));
        if (kid == null) {
            throw new LicenseKeyException(Reason.UNKNOWN_SIGNER);
        }
        return kid;
    }

    private static String stringOrNull(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}
