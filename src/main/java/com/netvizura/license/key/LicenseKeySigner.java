package com.netvizura.license.key;

import com.netvizura.license.model.License;

import java.nio.charset.StandardCharsets;

/**
 * Issues license keys: signs a {@link License} with a vendor private key and returns the armored key file text.
 * Used by the vendor's issuer tool and by tests; the product itself never signs.
 */
public final class LicenseKeySigner {

    private LicenseKeySigner() {
    }

    /**
     * The armored key file text (format v1, JWS wrapped at 64 characters, LF line ends).
     *
     * @throws IllegalArgumentException when the license would not pass verification (for example an id of the wrong
     *                                  shape), so that no unusable key is ever issued
     */
    public static String sign(License license, VendorPrivateKey privateKey) {
        byte[] payload = LicenseClaims.toJson(license);
        try {
            LicenseClaims.fromJson(payload);
        } catch (LicenseKeyException e) {
            throw new IllegalArgumentException("the license would be refused: " + e.reason()
                    + e.subject().map(s -> " [" + s + "]").orElse(""), e);
        }
        byte[] header = LicenseKeyHeader.encode(privateKey.publicKey().kid());
        byte[] signature = new Ed25519Signer(privateKey).sign(JwsCompact.signingInput(header, payload));
        return ArmoredKey.armor(JwsCompact.serialize(header, payload, signature));
    }

    /** {@link #sign} as the bytes of a key file (the armored text is ASCII). */
    public static byte[] signToBytes(License license, VendorPrivateKey privateKey) {
        return sign(license, privateKey).getBytes(StandardCharsets.US_ASCII);
    }
}
