package com.netvizura.license.key;

import com.netvizura.license.issuer.IssuerCli;
import com.netvizura.license.model.License;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key format against OpenSSL 3 ({@code pkeyutl -rawin} signs and verifies plain Ed25519): keys and
 * signatures made by either side are accepted by the other. Needs the {@code openssl} command (.ci/test installs it).
 */
class OpenSslInteropTest {

    @TempDir
    Path dir;

    private Path privatePem;
    private Path publicPem;

    private record Result(int exitCode, String output) {
    }

    private Result openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("the openssl command is needed for this test (apt-get install openssl)", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output);
    }

    private void opensslOk(String... args) throws IOException, InterruptedException {
        Result r = openssl(args);
        assertEquals(0, r.exitCode(), "openssl " + String.join(" ", args) + ": " + r.output());
    }

    @BeforeEach
    void opensslKeyPair() throws Exception {
        privatePem = dir.resolve("vendor-private.pem");
        publicPem = dir.resolve("vendor-public.pem");
        opensslOk("genpkey", "-algorithm", "ed25519", "-out", privatePem.toString());
        opensslOk("pkey", "-in", privatePem.toString(), "-pubout", "-out", publicPem.toString());
    }

    @Test
    void pemKeys_opensslFiles_readAndWrittenByteForByte() throws Exception {
        VendorPrivateKey privateKey = PemKeys.readPrivateKey(privatePem);
        VendorPublicKey publicKey = PemKeys.readPublicKey(publicPem);

        assertEquals(publicKey, privateKey.publicKey());
        assertEquals(Files.readString(publicPem), PemKeys.publicKeyPem(publicKey));
        assertEquals(Files.readString(privatePem), PemKeys.privateKeyPem(privateKey));
    }

    @Test
    void kid_matchesSha256OfOpensslDer() throws Exception {
        Path der = dir.resolve("public.der");
        opensslOk("pkey", "-pubin", "-in", publicPem.toString(), "-outform", "DER", "-out", der.toString());

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(der)))
                .substring(0, 16);

        assertEquals(expected, PemKeys.readPublicKey(publicPem).kid());
    }

    @Test
    void verify_keySignedByOpensslPkeyutl_accepted() throws Exception {
        VendorPublicKey publicKey = PemKeys.readPublicKey(publicPem);
        byte[] header = KeyFixtures.header(publicKey.kid()).getBytes(StandardCharsets.UTF_8);
        byte[] payload = KeyFixtures.json(KeyFixtures.perpetualClaims()).getBytes(StandardCharsets.UTF_8);
        Path input = dir.resolve("signing-input");
        Path signature = dir.resolve("signature");
        Files.write(input, JwsCompact.signingInput(header, payload));

        opensslOk("pkeyutl", "-sign", "-rawin", "-inkey", privatePem.toString(), "-in", input.toString(),
                "-out", signature.toString());
        byte[] opensslSignature = Files.readAllBytes(signature);
        String keyText = ArmoredKey.armor(JwsCompact.serialize(header, payload, opensslSignature));

        License license = new LicenseKeyVerifier(TrustedKeys.of(publicKey))
                .verify(keyText.getBytes(StandardCharsets.US_ASCII));
        assertEquals(KeyFixtures.perpetual(), license);
        // Ed25519 is deterministic: the project's signer must produce OpenSSL's signature exactly.
        assertArrayEquals(opensslSignature,
                new Ed25519Signer(PemKeys.readPrivateKey(privatePem)).sign(Files.readAllBytes(input)));
    }

    @Test
    void issuerTool_keyIssuedWithOpensslKey_verifiedByOpensslPkeyutl() throws Exception {
        Path keyFile = dir.resolve("customer.key");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = IssuerCli.run(new String[] {"issue", "--private-key", privatePem.toString(),
                "--installation-code", KeyFixtures.INSTALLATION_CODE, "--licensee", "ACME", "--type", "subscription",
                "--out", keyFile.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.fixed(KeyFixtures.ISSUED_AT, ZoneOffset.UTC));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        String compact = ArmoredKey.unarmor(Files.readAllBytes(keyFile));
        int lastDot = compact.lastIndexOf('.');
        Path input = dir.resolve("signing-input");
        Path signature = dir.resolve("signature");
        Files.writeString(input, compact.substring(0, lastDot), StandardCharsets.US_ASCII);
        Files.write(signature, Base64.getUrlDecoder().decode(compact.substring(lastDot + 1)));

        Result verified = openssl("pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", publicPem.toString(),
                "-in", input.toString(), "-sigfile", signature.toString());

        assertEquals(0, verified.exitCode(), verified.output());
        assertTrue(verified.output().contains("Signature Verified Successfully"), verified.output());

        char last = compact.charAt(lastDot - 1);
        Files.writeString(input, compact.substring(0, lastDot - 1) + (last == 'A' ? 'B' : 'A'), StandardCharsets.US_ASCII);
        assertNotEquals(0, openssl("pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", publicPem.toString(),
                "-in", input.toString(), "-sigfile", signature.toString()).exitCode());
    }
}
