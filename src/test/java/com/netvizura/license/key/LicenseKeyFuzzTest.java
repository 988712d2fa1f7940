package com.netvizura.license.key;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.netvizura.license.model.License;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Fuzz tests of the key verifier (Jazzer). Property: any input ends in a {@link License} or a
 * {@link LicenseKeyException} with a reason and a sentence; any other exception or error is a finding.
 *
 * <p>Without {@code JAZZER_FUZZ} each method replays its saved inputs from
 * {@code src/test/resources/com/netvizura/license/key/LicenseKeyFuzzTestInputs/<method>/} as a normal test: the
 * fuzzer's own findings only. The hostile key corpus ({@code src/test/resources/hostile-keys/}) is stored and replayed
 * in one place, {@code hostile.HostileKeyCorpusTest}, which also holds each file to its exact outcome; to start a
 * fuzz run from it, copy its {@code .key} files into the run's corpus directory under {@code .cifuzz-corpus/}.
 * To fuzz one method for a while (README, section Hardening):
 * {@code JAZZER_FUZZ=1 mvn -B -o test -Dtest='LicenseKeyFuzzTest#verify_anyKeyFile_returnsALicenseOrRefuses' -Djazzer.max_duration=5m}
 */
class LicenseKeyFuzzTest {

    private static final VendorKeyPair VENDOR = VendorKeyPair.generate();
    private static final LicenseKeyVerifier VERIFIER = new LicenseKeyVerifier(TrustedKeys.of(VENDOR.publicKey()));
    private static final byte[] VALID_HEADER = LicenseKeyHeader.encode(VENDOR.publicKey().kid());

    /** Whole key files as uploaded: armor, text decoding, JWS shape and header, rarely past the signature. */
    @FuzzTest(maxDuration = "5m")
    void verify_anyKeyFile_returnsALicenseOrRefuses(byte[] keyFile) {
        verifyOrRefuse(keyFile);
    }

    /**
     * Header and payload signed by the trusted key, so that every input reaches the JSON and claim parsing:
     * the input is the payload, or header, a line break and the payload.
     */
    @FuzzTest(maxDuration = "5m")
    void verify_anySignedPayload_returnsALicenseOrRefuses(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        byte[] header = newline < 0 ? VALID_HEADER : Arrays.copyOfRange(input, 0, newline);
        byte[] payload = newline < 0 ? input : Arrays.copyOfRange(input, newline + 1, input.length);
        if (header.length == 0 || payload.length == 0) {
            return;
        }
        byte[] signature = new Ed25519Signer(VENDOR.privateKey()).sign(JwsCompact.signingInput(header, payload));
        String keyFile = ArmoredKey.armor(JwsCompact.serialize(header, payload, signature));
        License license = verifyOrRefuse(keyFile.getBytes(StandardCharsets.US_ASCII));
        if (license != null) {
            // What verifies can be issued again and reads back the same (the issuer's inspect relies on it).
            assertEquals(license, verifyOrRefuse(LicenseKeySigner.signToBytes(license, VENDOR.privateKey())));
        }
    }

    private static License verifyOrRefuse(byte[] keyFile) {
        try {
            return VERIFIER.verify(keyFile);
        } catch (LicenseKeyException e) {
            assertFalse(e.getMessage().isBlank(), "a refusal says why");
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
