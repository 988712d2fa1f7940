package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;
import com.netvizura.license.model.License;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a license key file into a {@link License}, or refuses it with a {@link LicenseKeyException} saying why.
 *
 * <p>Order of checks: size cap, text, armor, JWS shape, header, signature with a trusted key, then the claims.
 * Nothing from the payload is interpreted before its signature holds.
 */
public final class LicenseKeyVerifier {

    /** Largest key file accepted: a real key has about 1 KiB. */
    public static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    private final TrustedKeys trustedKeys;

    public LicenseKeyVerifier(TrustedKeys trustedKeys) {
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trustedKeys");
    }

    /**
     * @param keyFile the bytes of the uploaded or stored key file
     * @return the verified license
     * @throws LicenseKeyException when the key is refused; its message is a sentence for the admin
     */
    public License verify(byte[] keyFile) throws LicenseKeyException {
        if (keyFile.length > MAX_KEY_FILE_BYTES) {
            throw new LicenseKeyException(Reason.TOO_LARGE);
        }
        JwsCompact jws = JwsCompact.parse(ArmoredKey.unarmor(keyFile));
        String kid = LicenseKeyHeader.kidOf(jws.header());
        Ed25519Verifier verifier = trustedKeys.verifier(kid)
                .orElseThrow(() -> new LicenseKeyException(Reason.UNKNOWN_SIGNER, kid));
        verifier.verify(jws.signature(), jws.signingInput());
        return LicenseClaims.fromJson(jws.payload());
    }

    /**
     * Reads at most {@link #MAX_KEY_FILE_BYTES} + 1 bytes of {@code in} (so an endless stream costs nothing) and
     * verifies them. Does not close {@code in}.
     *
     * @throws IOException when the stream fails, which says nothing about the key
     */
    public License verify(InputStream in) throws IOException, LicenseKeyException {
        byte[] bytes = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
        if (bytes.length > MAX_KEY_FILE_BYTES) {
            throw new LicenseKeyException(Reason.TOO_LARGE);
        }
        return verify(bytes);
    }

    /**
     * The license id ({@code jti}) a key file claims, read WITHOUT checking the signature: never trust it. It is
     * meant only for naming a file that holds the key (for example in the history), and is returned only when it has
     * the narrow shape of {@link LicenseClaims#LICENSE_ID}, so it is safe in a file name.
     */
    public static Optional<String> peekLicenseId(byte[] keyFile) {
        if (keyFile == null || keyFile.length > MAX_KEY_FILE_BYTES) {
            return Optional.empty();
        }
        try {
            JsonObject claims = StrictJson.parseObject(JwsCompact.parse(ArmoredKey.unarmor(keyFile)).payload(),
                    Reason.MALFORMED_PAYLOAD);
            return claims.get(LicenseClaims.JTI) instanceof JsonString jti && LicenseClaims.isWellFormedLicenseId(jti.getString())
                    ? Optional.of(jti.getString())
                    : Optional.empty();
        } catch (LicenseKeyException e) {
            return Optional.empty();
        }
    }
}
