package com.netvizura.license.key;

import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Keys and claims for tests: a vendor key pair made per run, and hand-made JSON so that tests can break it. */
final class KeyFixtures {

    /** A fresh vendor key pair for this test run (no private key is ever committed). */
    static final VendorKeyPair VENDOR = VendorKeyPair.generate();
    /** Another vendor's key pair, not trusted by {@link #verifier()}. */
    static final VendorKeyPair STRANGER = VendorKeyPair.generate();

    static final Instant ISSUED_AT = Instant.parse("2026-03-15T09:30:00Z");
    /** A well-formed code (checksum included): the issuer tool refuses any other. */
    static final String INSTALLATION_CODE = "NVZ1-61T9R-1W0VD-QSNTA-2";

    private KeyFixtures() {
    }

    static LicenseKeyVerifier verifier() {
        return new LicenseKeyVerifier(TrustedKeys.of(VENDOR.publicKey()));
    }

    static License perpetual() {
        return new License("NVZ-2026-000123", ISSUED_AT, "ACME Networks d.o.o.", "it@acme.example",
                LicenseType.PERPETUAL, LocalDate.parse("2027-03-14"), null, INSTALLATION_CODE,
                List.of("netflow", "eventlog"), Map.of("devices", 100L), null, Map.of());
    }

    /** The claims of a valid perpetual key, each value as raw JSON text, in issue order. */
    static LinkedHashMap<String, String> perpetualClaims() {
        LinkedHashMap<String, String> c = new LinkedHashMap<>();
        c.put("iss", "\"NetVizura\"");
        c.put("jti", "\"NVZ-2026-000123\"");
        c.put("iat", String.valueOf(ISSUED_AT.getEpochSecond()));
        c.put("sub", "\"ACME Networks d.o.o.\"");
        c.put("email", "\"it@acme.example\"");
        c.put("product", "\"netvizura\"");
        c.put("license_type", "\"perpetual\"");
        c.put("maintenance_until", "\"2027-03-14\"");
        c.put("installation_code", "\"" + INSTALLATION_CODE + "\"");
        c.put("modules", "[\"netflow\",\"eventlog\"]");
        c.put("limits", "{\"devices\":100}");
        return c;
    }

    /** The claims of a valid subscription key. */
    static LinkedHashMap<String, String> subscriptionClaims() {
        LinkedHashMap<String, String> c = perpetualClaims();
        c.put("license_type", "\"subscription\"");
        c.put("usage_until", "\"2027-03-14\"");
        return c;
    }

    static String json(Map<String, String> claims) {
        return claims.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String header(String kid) {
        return "{\"alg\":\"EdDSA\",\"typ\":\"netvizura-license\",\"kid\":\"" + kid + "\"}";
    }

    /** The compact JWS of any header and payload text, signed with {@code key}. */
    static String compact(String header, String payload, VendorPrivateKey key) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return JwsCompact.serialize(h, p, new Ed25519Signer(key).sign(JwsCompact.signingInput(h, p)));
    }

    /** An armored key file of any header and payload text, signed with the trusted vendor key. */
    static byte[] keyFile(String header, String payload) {
        return ArmoredKey.armor(compact(header, payload, VENDOR.privateKey())).getBytes(StandardCharsets.US_ASCII);
    }

    /** An armored key file with the given claims and a valid header, signed with the trusted vendor key. */
    static byte[] keyFile(Map<String, String> claims) {
        return keyFile(header(VENDOR.publicKey().kid()), json(claims));
    }

    static byte[] validKeyFile() {
        return LicenseKeySigner.signToBytes(perpetual(), VENDOR.privateKey());
    }

    static String b64(String text) {
        return Base64Url.encode(text.getBytes(StandardCharsets.UTF_8));
    }
}
