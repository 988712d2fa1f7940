package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Random;

import static com.netvizura.license.key.KeyFixtures.VENDOR;
import static com.netvizura.license.key.KeyFixtures.b64;
import static com.netvizura.license.key.KeyFixtures.header;
import static com.netvizura.license.key.KeyFixtures.json;
import static com.netvizura.license.key.KeyFixtures.keyFile;
import static com.netvizura.license.key.KeyFixtures.perpetualClaims;
import static com.netvizura.license.key.KeyFixtures.validKeyFile;
import static com.netvizura.license.key.KeyFixtures.verifier;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every reason a key is refused, each fed a key with exactly that fault. */
class LicenseKeyRefusalTest {

    private static LicenseKeyException assertRefused(Reason expected, byte[] keyFile) {
        LicenseKeyException e = assertThrows(LicenseKeyException.class, () -> verifier().verify(keyFile));
        assertEquals(expected, e.reason(), e.getMessage());
        return e;
    }

    private static LicenseKeyException assertRefused(Reason expected, String keyText) {
        return assertRefused(expected, keyText.getBytes(StandardCharsets.UTF_8));
    }

    private static String armored(String body) {
        return ArmoredKey.BEGIN + "\n" + body + "\n" + ArmoredKey.END + "\n";
    }

    private static String validCompact() throws LicenseKeyException {
        return ArmoredKey.unarmor(validKeyFile());
    }

    private static String validText() {
        return new String(validKeyFile(), StandardCharsets.US_ASCII);
    }

    private static LicenseKeyException refusedClaim(Reason expected, String claim, String rawJson) {
        LinkedHashMap<String, String> claims = perpetualClaims();
        if (rawJson == null) {
            claims.remove(claim);
        } else {
            claims.put(claim, rawJson);
        }
        return assertRefused(expected, keyFile(claims));
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReason_hasAnAdminSentenceThatSaysWhatToDo(Reason reason) {
        String message = new LicenseKeyException(reason, "x").getMessage();

        assertTrue(message.length() > 40, message);
        assertTrue(message.matches(".*(Upload|Ask) .*"), message);
        assertFalse(message.contains("{0}") || message.contains("''"), message);
    }

    // --- the file

    @Test
    void tooLarge_oneByteOverTheCap() {
        byte[] key = validKeyFile();
        String padding = "x".repeat(LicenseKeyVerifier.MAX_KEY_FILE_BYTES - key.length) + "\n";

        assertRefused(Reason.TOO_LARGE, padding + new String(key, StandardCharsets.US_ASCII));
    }

    @Test
    void tooLarge_endlessStream_readsAtMostTheCapPlusOneByte() {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }
        };

        LicenseKeyException e = assertThrows(LicenseKeyException.class, () -> verifier().verify(endless));

        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals(LicenseKeyVerifier.MAX_KEY_FILE_BYTES + 1, served[0]);
    }

    @Test
    void empty_noBytesOrOnlyBlankLines() {
        assertRefused(Reason.EMPTY, new byte[0]);
        assertRefused(Reason.EMPTY, " \r\n\t\n");
    }

    @Test
    void notText_binaryGarbage() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);

        assertRefused(Reason.NOT_TEXT, garbage);
    }

    @Test
    void notText_pngImage() {
        assertRefused(Reason.NOT_TEXT, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
    }

    @Test
    void notText_keySavedAsUtf16() {
        assertRefused(Reason.NOT_TEXT, validText().getBytes(StandardCharsets.UTF_16));
    }

    @Test
    void notALicenseKey_pemPublicKeyOrOtherText() {
        LicenseKeyException e = assertRefused(Reason.NOT_A_LICENSE_KEY, PemKeys.publicKeyPem(VENDOR.publicKey()));
        assertRefused(Reason.NOT_A_LICENSE_KEY, "Dear customer, your key will follow.");
        assertRefused(Reason.NOT_A_LICENSE_KEY, validText().replace("LICENSE KEY-----", "LICENCE KEY-----"));

        assertEquals("The file is not a NetVizura license key. Upload the .key file you received from NetVizura sales.",
                e.getMessage());
    }

    @Test
    void incomplete_endLineMissing() {
        String text = validText();

        assertRefused(Reason.INCOMPLETE, text.substring(0, text.indexOf(ArmoredKey.END)));
        assertRefused(Reason.INCOMPLETE, text.substring(0, text.length() / 2));
    }

    @Test
    void moreThanOneKey_twoKeysInOneFile() {
        assertRefused(Reason.MORE_THAN_ONE_KEY, validText() + "\n" + validText());
        assertRefused(Reason.MORE_THAN_ONE_KEY, validText() + "\n" + ArmoredKey.BEGIN + "\n");
    }

    // --- the JWS

    @ParameterizedTest
    @ValueSource(strings = {"", "onlyonepart", "two.parts", "a.b.c.d", ".b.c", "a..c", "a.b."})
    void malformed_notThreeNonEmptyParts(String body) {
        assertRefused(Reason.MALFORMED, armored(body));
    }

    @Test
    void malformed_paddingOrStandardBase64Characters() throws Exception {
        String compact = validCompact();
        String signature = compact.substring(compact.lastIndexOf('.') + 1);
        String signed = compact.substring(0, compact.lastIndexOf('.') + 1);

        assertRefused(Reason.MALFORMED, armored(compact + "=="));
        assertRefused(Reason.MALFORMED, armored(signed + signature.replace('-', '+').replace('_', '/') + "+/"));
        assertRefused(Reason.MALFORMED, armored(compact.replaceFirst("\\.", "=.")));
        assertRefused(Reason.MALFORMED, armored(compact.substring(0, 10) + "*" + compact.substring(11)));
    }

    @Test
    void malformed_nonCanonicalBase64Url() throws Exception {
        String compact = validCompact();
        // 64 signature bytes end in a character whose 4 low bits are unused (A, Q, g or w); the next character
        // differs only there, so a lax decoder would read the same signature from a second text.
        String twin = compact.substring(0, compact.length() - 1) + (char) (compact.charAt(compact.length() - 1) + 1);
        String twinSignature = twin.substring(twin.lastIndexOf('.') + 1);
        String signature = compact.substring(compact.lastIndexOf('.') + 1);
        assertArrayEquals(java.util.Base64.getUrlDecoder().decode(signature),
                java.util.Base64.getUrlDecoder().decode(twinSignature));

        assertRefused(Reason.MALFORMED, armored(twin));
    }

    @Test
    void malformed_headerNotAJsonObject() {
        assertRefused(Reason.MALFORMED, keyFile("not json", json(perpetualClaims())));
        assertRefused(Reason.MALFORMED, keyFile("[\"alg\",\"EdDSA\"]", json(perpetualClaims())));
        assertRefused(Reason.MALFORMED,
                keyFile("{\"alg\":\"EdDSA\",\"alg\":\"none\",\"typ\":\"netvizura-license\"}", json(perpetualClaims())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "RS256", "ES256", "Ed25519", "eddsa"})
    void unsupportedAlgorithm_anyAlgOtherThanEdDSA(String alg) {
        String h = "{\"alg\":\"" + alg + "\",\"typ\":\"netvizura-license\",\"kid\":\"" + VENDOR.publicKey().kid() + "\"}";

        LicenseKeyException e = assertRefused(Reason.UNSUPPORTED_ALGORITHM, keyFile(h, json(perpetualClaims())));
        assertTrue(e.getMessage().contains("[" + alg + "]"), e.getMessage());
    }

    @Test
    void unsupportedAlgorithm_algMissingOrNotAString() {
        String kid = VENDOR.publicKey().kid();
        assertRefused(Reason.UNSUPPORTED_ALGORITHM,
                keyFile("{\"typ\":\"netvizura-license\",\"kid\":\"" + kid + "\"}", json(perpetualClaims())));
        assertRefused(Reason.UNSUPPORTED_ALGORITHM,
                keyFile("{\"alg\":[\"EdDSA\"],\"typ\":\"netvizura-license\",\"kid\":\"" + kid + "\"}", json(perpetualClaims())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crit", "jwk", "jku", "x5c", "x5u"})
    void forbiddenHeader_critOrKeyCarryingMember(String member) {
        String h = header(VENDOR.publicKey().kid()).replace("}", ",\"" + member + "\":[\"exp\"]}");

        LicenseKeyException e = assertRefused(Reason.FORBIDDEN_HEADER, keyFile(h, json(perpetualClaims())));
        assertEquals(member, e.subject().orElseThrow());
    }

    @Test
    void wrongType_typMissingOrOther() {
        String kid = VENDOR.publicKey().kid();
        assertRefused(Reason.WRONG_TYPE, keyFile("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}", json(perpetualClaims())));
        assertRefused(Reason.WRONG_TYPE,
                keyFile("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", json(perpetualClaims())));
    }

    @Test
    void unknownSigner_keyFromAnotherVendor() {
        byte[] foreign = LicenseKeySigner.signToBytes(KeyFixtures.perpetual(), KeyFixtures.STRANGER.privateKey());

        LicenseKeyException e = assertRefused(Reason.UNKNOWN_SIGNER, foreign);
        assertEquals(KeyFixtures.STRANGER.publicKey().kid(), e.subject().orElseThrow());
    }

    @Test
    void unknownSigner_kidMissing() {
        assertRefused(Reason.UNKNOWN_SIGNER,
                keyFile("{\"alg\":\"EdDSA\",\"typ\":\"netvizura-license\"}", json(perpetualClaims())));
    }

    @Test
    void badSignature_payloadChangedAfterSigning() throws Exception {
        String compact = validCompact();
        String[] parts = compact.split("\\.");
        String richer = json(perpetualClaims()).replace("\"devices\":100", "\"devices\":100000");

        assertRefused(Reason.BAD_SIGNATURE, armored(parts[0] + "." + b64(richer) + "." + parts[2]));
    }

    @Test
    void badSignature_oneSignatureBitFlipped() throws Exception {
        String compact = validCompact();
        byte[] signature = Base64Url.decode(compact.substring(compact.lastIndexOf('.') + 1));
        signature[10] ^= 0x04;

        assertRefused(Reason.BAD_SIGNATURE,
                armored(compact.substring(0, compact.lastIndexOf('.') + 1) + Base64Url.encode(signature)));
    }

    @Test
    void badSignature_signatureOfWrongLength() throws Exception {
        String compact = validCompact();

        assertRefused(Reason.BAD_SIGNATURE, armored(compact.substring(0, compact.lastIndexOf('.') + 1) + b64("short")));
    }

    @Test
    void badSignature_trustedKidButSignedByAnotherKey() {
        String forged = KeyFixtures.compact(header(VENDOR.publicKey().kid()), json(perpetualClaims()),
                KeyFixtures.STRANGER.privateKey());

        assertRefused(Reason.BAD_SIGNATURE, ArmoredKey.armor(forged));
    }

    // --- the payload

    @Test
    void malformedPayload_duplicateMemberName() {
        String payload = json(perpetualClaims());

        assertRefused(Reason.MALFORMED_PAYLOAD, keyFile(header(VENDOR.publicKey().kid()),
                payload.substring(0, payload.length() - 1) + ",\"license_type\":\"subscription\"}"));
        assertRefused(Reason.MALFORMED_PAYLOAD, keyFile(header(VENDOR.publicKey().kid()),
                payload.replace("{\"devices\":100}", "{\"devices\":100,\"devices\":5000}")));
    }

    @Test
    void malformedPayload_notOneJsonObject() {
        String kid = VENDOR.publicKey().kid();
        String payload = json(perpetualClaims());

        assertRefused(Reason.MALFORMED_PAYLOAD, keyFile(header(kid), "[" + payload + "]"));
        assertRefused(Reason.MALFORMED_PAYLOAD, keyFile(header(kid), payload + "{}"));
        assertRefused(Reason.MALFORMED_PAYLOAD, keyFile(header(kid), payload + " trailing"));
        assertRefused(Reason.MALFORMED_PAYLOAD, keyFile(header(kid), payload.substring(0, payload.length() - 1)));
        assertRefused(Reason.MALFORMED_PAYLOAD, keyFile(header(kid), "Example of Ed25519 signing"));
    }

    @Test
    void malformedPayload_nestedTooDeeply() {
        LinkedHashMap<String, String> claims = perpetualClaims();
        claims.put("deep", "[".repeat(5000) + "]".repeat(5000));

        assertRefused(Reason.MALFORMED_PAYLOAD, keyFile(claims));
    }

    @Test
    void malformedPayload_invalidUtf8() {
        String compact = KeyFixtures.compact(header(VENDOR.publicKey().kid()), "{}", VENDOR.privateKey());
        String[] parts = compact.split("\\.");
        byte[] h = Base64Url.decode(parts[0]);
        byte[] p = {'{', '"', 's', 'u', 'b', '"', ':', '"', (byte) 0xC3, '"', '}'};
        byte[] s = new Ed25519Signer(VENDOR.privateKey()).sign(JwsCompact.signingInput(h, p));

        assertRefused(Reason.MALFORMED_PAYLOAD, ArmoredKey.armor(JwsCompact.serialize(h, p, s)));
    }

    @Test
    void wrongIssuer() {
        LicenseKeyException e = refusedClaim(Reason.WRONG_ISSUER, "iss", "\"NetVizura Pirates\"");

        assertTrue(e.getMessage().contains("[NetVizura Pirates]"), e.getMessage());
    }

    @Test
    void wrongProduct() {
        LicenseKeyException e = refusedClaim(Reason.WRONG_PRODUCT, "product", "\"otherproduct\"");

        assertTrue(e.getMessage().contains("[otherproduct]"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "jti", "iat", "sub", "product", "license_type", "maintenance_until",
        "installation_code", "modules"})
    void missingClaim_eachRequiredClaim(String claim) {
        LicenseKeyException e = refusedClaim(Reason.MISSING_CLAIM, claim, null);

        assertEquals(claim, e.subject().orElseThrow());
        assertTrue(e.getMessage().contains("[" + claim + "]"), e.getMessage());
    }

    @Test
    void missingClaim_usageUntilOfSubscriptionOrTrial() {
        for (String type : new String[] {"subscription", "trial"}) {
            LinkedHashMap<String, String> claims = perpetualClaims();
            claims.put("license_type", "\"" + type + "\"");

            assertEquals("usage_until", assertRefused(Reason.MISSING_CLAIM, keyFile(claims)).subject().orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2027-02-30\"", "\"2027-2-28\"", "\"27-02-28\"", "\"2027-02-28T00:00\"", "\"2027/02/28\"",
        "\"+2027-02-28\"", "20270228", "null", "\"\""})
    void invalidClaim_maintenanceUntilNotAStrictDate(String value) {
        assertEquals("maintenance_until",
                refusedClaim(Reason.INVALID_CLAIM, "maintenance_until", value).subject().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1773567000\"", "1773567000.5", "1.7735670E9", "-1", "1e999999999", "99999999999999999999999",
        "253402300800", "true"})
    void invalidClaim_iatNotAPlainWholeNumberOfSeconds(String value) {
        assertEquals("iat", refusedClaim(Reason.INVALID_CLAIM, "iat", value).subject().orElseThrow());
    }

    @Test
    void invalidClaim_usageUntilOnPerpetual() {
        assertEquals("usage_until", refusedClaim(Reason.INVALID_CLAIM, "usage_until", "\"2030-01-01\"").subject().orElseThrow());
    }

    @Test
    void invalidClaim_subscriptionUsageUntilInvalidDate() {
        LinkedHashMap<String, String> claims = KeyFixtures.subscriptionClaims();
        claims.put("usage_until", "\"2027-02-29\"");

        assertEquals("usage_until", assertRefused(Reason.INVALID_CLAIM, keyFile(claims)).subject().orElseThrow());
    }

    @Test
    void invalidClaim_unknownLicenseType() {
        refusedClaim(Reason.INVALID_CLAIM, "license_type", "\"forever\"");
        refusedClaim(Reason.INVALID_CLAIM, "license_type", "\"PERPETUAL\"");
    }

    @Test
    void invalidClaim_licenseIdUnsafeAsFileName() {
        refusedClaim(Reason.INVALID_CLAIM, "jti", "\"../../etc/passwd\"");
        refusedClaim(Reason.INVALID_CLAIM, "jti", "\"\"");
        refusedClaim(Reason.INVALID_CLAIM, "jti", "42");
        refusedClaim(Reason.INVALID_CLAIM, "supersedes", "\"a/b\"");
    }

    /** A licensee, module or limit name that reads otherwise than it is signed never reaches a page or a mail. */
    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u2028", "\u2029"})
    void textControls_inLicenseeModuleOrLimitName_refusedWithTheirSentence(String control) {
        String escaped = String.format("\\u%04X", (int) control.charAt(0));
        LicenseKeyException licensee = refusedClaim(Reason.INVALID_CLAIM, "sub", "\"ACME " + escaped + "skrowteN\"");
        assertEquals("sub", licensee.subject().orElseThrow());
        assertEquals("The license key's field [sub] holds characters that change how the text around them reads "
                + "(direction overrides or line separators), so it could show a name other than the one signed. Ask "
                + "NetVizura sales for a new key.", licensee.getMessage());
        refusedClaim(Reason.INVALID_CLAIM, "modules", "[\"netflow" + escaped + "\"]");
        refusedClaim(Reason.INVALID_CLAIM, "limits", "{\"devices" + escaped + "\":100}");
        refusedClaim(Reason.INVALID_CLAIM, "sub", "\"" + control + "ACME\"");
    }

    @Test
    void invalidClaim_wrongTypesAndShapes() {
        refusedClaim(Reason.INVALID_CLAIM, "sub", "\"   \"");
        refusedClaim(Reason.INVALID_CLAIM, "sub", "\"ACME\\nLicense type: perpetual\"");
        refusedClaim(Reason.INVALID_CLAIM, "email", "\"not an address\"");
        refusedClaim(Reason.INVALID_CLAIM, "email", "null");
        refusedClaim(Reason.INVALID_CLAIM, "installation_code", "{}");
        refusedClaim(Reason.INVALID_CLAIM, "modules", "\"netflow\"");
        refusedClaim(Reason.INVALID_CLAIM, "modules", "[\"netflow\",7]");
        refusedClaim(Reason.INVALID_CLAIM, "modules", "[\"netflow\",\"netflow\"]");
        refusedClaim(Reason.INVALID_CLAIM, "limits", "[100]");
        refusedClaim(Reason.INVALID_CLAIM, "limits", "{\"devices\":2.5}");
        refusedClaim(Reason.INVALID_CLAIM, "limits", "{\"devices\":-1}");
        refusedClaim(Reason.INVALID_CLAIM, "limits", "{\"devices\":1e400}");
        refusedClaim(Reason.INVALID_CLAIM, "limits", "{\"devices\":\"100\"}");
    }
}
