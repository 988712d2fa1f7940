package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Ed25519 signature check against the JWS example of RFC 8037 Appendix A.4, and tampered variants of it. */
class Ed25519VerifierTest {

    // RFC 8037 Appendix A.1 (key) and A.4 (JWS of "Example of Ed25519 signing" with header {"alg":"EdDSA"}).
    private static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private static final String JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
            + ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    private static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    private static byte[] signingInput() {
        return JWS.substring(0, JWS.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] signature() {
        return b64(JWS.substring(JWS.lastIndexOf('.') + 1));
    }

    @Test
    void verify_rfc8037Example_accepts() throws Exception {
        Ed25519Verifier verifier = new Ed25519Verifier(b64(X));

        assertDoesNotThrow(() -> verifier.verify(signature(), signingInput()));
    }

    @Test
    void verify_rfc8037ExampleWithOnePayloadBitChanged_refusesWithBadSignature() throws Exception {
        byte[] input = signingInput();
        input[input.length - 1] ^= 0x01;

        LicenseKeyException e = assertThrows(LicenseKeyException.class,
                () -> new Ed25519Verifier(b64(X)).verify(signature(), input));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void verify_rfc8037ExampleWithOneSignatureBitChanged_refusesWithBadSignature() throws Exception {
        for (int bit : new int[] {0, 255, 256, 511}) {
            byte[] signature = signature();
            signature[bit / 8] ^= (byte) (1 << (bit % 8));

            LicenseKeyException e = assertThrows(LicenseKeyException.class,
                    () -> new Ed25519Verifier(b64(X)).verify(signature, signingInput()), "bit " + bit);
            assertEquals(Reason.BAD_SIGNATURE, e.reason());
        }
    }

    @Test
    void verify_signatureOfWrongLength_refusesBeforeTheCryptoCall() throws Exception {
        Ed25519Verifier verifier = new Ed25519Verifier(b64(X));
        byte[] signature = signature();

        assertThrows(LicenseKeyException.class, () -> verifier.verify(Arrays.copyOf(signature, 63), signingInput()));
        assertThrows(LicenseKeyException.class, () -> verifier.verify(Arrays.copyOf(signature, 65), signingInput()));
        assertThrows(LicenseKeyException.class, () -> verifier.verify(new byte[0], signingInput()));
    }

    @Test
    void constructor_publicKeyOfWrongLength_isRefused() {
        assertThrows(InvalidKeyException.class, () -> new Ed25519Verifier(Arrays.copyOf(b64(X), 31)));
        assertThrows(InvalidKeyException.class, () -> new Ed25519Verifier(Arrays.copyOf(b64(X), 33)));
    }

    @Test
    void sign_rfc8037PrivateKey_producesTheRfcSignature() throws Exception {
        VendorPrivateKey key = VendorPrivateKey.fromSeed(b64(D));

        assertArrayEquals(b64(X), key.publicKey().raw());
        assertArrayEquals(signature(), new Ed25519Signer(key).sign(signingInput()));
    }

    @Test
    void verify_callerChangesArraysAfterwards_verifierIsUnaffected() throws Exception {
        byte[] publicKey = b64(X);
        Ed25519Verifier verifier = new Ed25519Verifier(publicKey);
        Arrays.fill(publicKey, (byte) 0);

        assertDoesNotThrow(() -> verifier.verify(signature(), signingInput()));
    }
}
