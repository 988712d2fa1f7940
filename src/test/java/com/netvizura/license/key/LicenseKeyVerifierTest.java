package com.netvizura.license.key;

import com.netvizura.license.model.License;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.netvizura.license.key.KeyFixtures.VENDOR;
import static com.netvizura.license.key.KeyFixtures.perpetual;
import static com.netvizura.license.key.KeyFixtures.validKeyFile;
import static com.netvizura.license.key.KeyFixtures.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys that must be accepted: as issued, and as mail clients and editors leave them. */
class LicenseKeyVerifierTest {

    private static String validText() {
        return new String(validKeyFile(), StandardCharsets.US_ASCII);
    }

    private static License verifyText(String text) throws LicenseKeyException {
        return verifier().verify(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void verify_keyAsIssued_returnsTheLicenseItWasSignedFrom() throws Exception {
        assertEquals(perpetual(), verifier().verify(validKeyFile()));
    }

    @Test
    void sign_wrapsTheJwsAt64CharactersBetweenArmorLines() {
        List<String> lines = validText().lines().toList();

        assertEquals(ArmoredKey.BEGIN, lines.get(0));
        assertEquals(ArmoredKey.END, lines.get(lines.size() - 1));
        lines.subList(1, lines.size() - 2).forEach(l -> assertEquals(64, l.length(), l));
        assertTrue(lines.get(lines.size() - 2).length() <= 64);
    }

    @Test
    void verify_headerAsIssued_namesAlgorithmTypeAndKid() throws Exception {
        String compact = ArmoredKey.unarmor(validKeyFile());
        String header = new String(JwsCompact.parse(compact).header(), StandardCharsets.UTF_8);

        assertEquals(KeyFixtures.header(VENDOR.publicKey().kid()), header);
    }

    @Test
    void verify_subscriptionKey_hasUsageUntil() throws Exception {
        License license = verifier().verify(KeyFixtures.keyFile(KeyFixtures.subscriptionClaims()));

        assertEquals(Optional.of(java.time.LocalDate.parse("2027-03-14")), license.usageUntilIfAny());
    }

    @Test
    void verify_crlfLineEnds_accepted() throws Exception {
        assertEquals(perpetual(), verifyText(validText().replace("\n", "\r\n")));
    }

    @Test
    void verify_oldMacLineEnds_accepted() throws Exception {
        assertEquals(perpetual(), verifyText(validText().replace("\n", "\r")));
    }

    @Test
    void verify_utf8ByteOrderMark_accepted() throws Exception {
        assertEquals(perpetual(), verifyText("\uFEFF" + validText()));
    }

    @Test
    void verify_keyInsideAnEmailWithTextAround_accepted() throws Exception {
        String mail = "Hello,\r\n\r\nhere is your new key – thank you for choosing NetVizura!\r\n\r\n"
                + validText().replace("\n", "\r\n") + "\r\nBest regards,\r\nNetVizura sales\r\n";

        assertEquals(perpetual(), verifyText(mail));
    }

    @Test
    void verify_rewrappedAndIndentedLines_accepted() throws Exception {
        String compact = ArmoredKey.unarmor(validKeyFile());
        StringBuilder rewrapped = new StringBuilder("  " + ArmoredKey.BEGIN + "\n");
        for (int i = 0; i < compact.length(); i += 76) {
            rewrapped.append("    ").append(compact, i, Math.min(compact.length(), i + 76)).append(" \t\n");
        }
        rewrapped.append(ArmoredKey.END);

        assertEquals(perpetual(), verifyText(rewrapped.toString()));
        assertEquals(perpetual(), verifyText(ArmoredKey.BEGIN + "\n" + compact + "\n" + ArmoredKey.END));
    }

    @Test
    void verify_inputStream_readsTheKey() throws Exception {
        assertEquals(perpetual(), verifier().verify(new ByteArrayInputStream(validKeyFile())));
    }

    @Test
    void verify_keyOfExactlyTheSizeCap_accepted() throws Exception {
        byte[] key = validKeyFile();
        String padding = "x".repeat(LicenseKeyVerifier.MAX_KEY_FILE_BYTES - key.length - 1) + "\n";

        assertEquals(perpetual(), verifyText(padding + new String(key, StandardCharsets.US_ASCII)));
    }

    @Test
    void verify_unknownClaims_keptAsJsonText() throws Exception {
        LinkedHashMap<String, String> claims = KeyFixtures.perpetualClaims();
        claims.put("support_level", "\"gold\"");
        claims.put("features", "{\"beta\":[1,2]}");

        License license = verifier().verify(KeyFixtures.keyFile(claims));

        assertEquals(Map.of("support_level", "\"gold\"", "features", "{\"beta\":[1,2]}"), license.otherClaims());
    }

    @Test
    void sign_licenseWithOtherClaims_roundTrips() throws Exception {
        License withOthers = new License("NVZ-2026-000124", KeyFixtures.ISSUED_AT, "Beta \"Quoted\" Ltd – Ünïcode",
                null, com.netvizura.license.model.LicenseType.TRIAL, java.time.LocalDate.parse("2026-04-13"),
                java.time.LocalDate.parse("2026-04-13"), KeyFixtures.INSTALLATION_CODE, List.of(), Map.of(),
                "NVZ-2025-000001", Map.of("support_level", "\"gold\""));

        assertEquals(withOthers, verifier().verify(LicenseKeySigner.signToBytes(withOthers, VENDOR.privateKey())));
    }

    @Test
    void verify_secondTrustedKeyForRotation_accepted() throws Exception {
        LicenseKeyVerifier rotated = new LicenseKeyVerifier(
                TrustedKeys.of(KeyFixtures.STRANGER.publicKey(), VENDOR.publicKey()));

        assertEquals(perpetual(), rotated.verify(validKeyFile()));
    }

    @Test
    void peekLicenseId_validKey_returnsJti() {
        assertEquals(Optional.of("NVZ-2026-000123"), LicenseKeyVerifier.peekLicenseId(validKeyFile()));
    }

    @Test
    void peekLicenseId_doesNotCheckTheSignature_soItIsOnlyForNamingFiles() {
        byte[] foreign = LicenseKeySigner.signToBytes(perpetual(), KeyFixtures.STRANGER.privateKey());

        assertEquals(Optional.of("NVZ-2026-000123"), LicenseKeyVerifier.peekLicenseId(foreign));
    }

    @Test
    void peekLicenseId_idUnsafeAsFileName_empty() {
        LinkedHashMap<String, String> claims = KeyFixtures.perpetualClaims();
        claims.put("jti", "\"../../etc/passwd\"");

        assertEquals(Optional.empty(), LicenseKeyVerifier.peekLicenseId(KeyFixtures.keyFile(claims)));
        assertEquals(Optional.empty(), LicenseKeyVerifier.peekLicenseId("not a key".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), LicenseKeyVerifier.peekLicenseId(new byte[0]));
    }
}
