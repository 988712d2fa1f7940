package com.netvizura.license.hostile;

import com.netvizura.license.key.Ed25519Signer;
import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.key.VendorPrivateKey;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Builds the hostile key corpus once; the result is committed and this tool is kept to show how each file was made.
 * It is not a test and is never run by the build.
 *
 * <p>It makes a throwaway vendor key pair in memory, signs every case that needs a valid signature over bad
 * content, writes only the public key ({@code public-corpus.pem}) and forgets the private key: it never touches
 * the disk. Running it again replaces the whole corpus with one signed by a new key.
 *
 * <pre>mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.netvizura.license.hostile.HostileKeyCorpusGenerator \
 *     -Dexec.args=src/test/resources/hostile-keys</pre>
 */
public final class HostileKeyCorpusGenerator {

    private static final String BEGIN = "-----BEGIN NETVIZURA LICENSE KEY-----";
    private static final String END = "-----END NETVIZURA LICENSE KEY-----";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    /** The Ed25519 group order L = 2^252 + 27742317777372353535851937790883648493. */
    private static final BigInteger GROUP_ORDER = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final long ISSUED = Instant.parse("2026-11-01T09:00:00Z").getEpochSecond();

    private final Path dir;
    private final VendorPrivateKey vendor;
    private final VendorPrivateKey stranger = VendorKeyPair.generate().privateKey();
    private final StringBuilder manifest = new StringBuilder();
    private final Random random = new Random(20261128L);
    private int count;

    private HostileKeyCorpusGenerator(Path dir, VendorPrivateKey vendor) {
        this.dir = dir;
        this.vendor = vendor;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/hostile-keys");
        Files.createDirectories(dir);
        try (var old = Files.newDirectoryStream(dir)) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        VendorKeyPair pair = VendorKeyPair.generate();
        Files.writeString(dir.resolve(HostileKeyCorpus.PUBLIC_KEY), PemKeys.publicKeyPem(pair.publicKey()),
                StandardCharsets.US_ASCII);
        HostileKeyCorpusGenerator g = new HostileKeyCorpusGenerator(dir, pair.privateKey());
        g.manifest.append("# Hostile key corpus: file, expected outcome, what the file is.\n")
                .append("# Outcome: a LicenseKeyException.Reason name (refused by the verifier), ACCEPTED, or\n")
                .append("# NOT_USABLE_HERE:<LicenseStatus> (verifies, but the evaluation refuses it).\n")
                .append("# Signed with the key in public-corpus.pem, whose private half was never stored.\n")
                .append("# Evaluation-level outcomes hold for HostileKeyCorpus.HERE, CLOCK (2026-11-28T10:00Z, UTC)\n")
                .append("# and BUILD (1.0.0 released 2026-11-01). Made by HostileKeyCorpusGenerator.\n");
        g.generate();
        Files.writeString(dir.resolve(HostileKeyCorpus.MANIFEST), g.manifest, StandardCharsets.UTF_8);
        System.out.println(g.count + " corpus files written to " + dir + ", kid " + pair.publicKey().kid());
    }

    private void generate() throws Exception {
        friendly();
        file();
        armor();
        jwsShape();
        header();
        signature();
        payloadTampered();
        payloadSignedButBad();
        badClaims();
        evaluation();
    }

    // --- the friendly cases: what mail clients and editors do to a good key

    private void friendly() {
        String valid = armor(signed(claims()));
        add("valid.key", "ACCEPTED", "a good perpetual key as the issuer writes it", valid);
        add("friendly-crlf.key", "ACCEPTED", "CRLF line ends", valid.replace("\n", "\r\n"));
        add("friendly-cr-only.key", "ACCEPTED", "old Mac CR line ends", valid.replace("\n", "\r"));
        add("friendly-bom.key", "ACCEPTED", "UTF-8 byte order mark", "\uFEFF" + valid);
        add("friendly-text-around.key", "ACCEPTED", "mail text before and after the armor",
                "Hello,\n\nhere is your license key:\n\n" + valid + "\nBest regards,\nNetVizura Sales\n-- \nsales@netvizura.com\n");
        add("friendly-indented.key", "ACCEPTED", "every line indented with spaces and tabs, trailing blanks",
                valid.lines().map(l -> "  \t" + l + "   ").collect(Collectors.joining("\n", "", "\n")));
        add("friendly-one-line.key", "ACCEPTED", "the JWS on one line, not wrapped",
                BEGIN + "\n" + signed(claims()) + "\n" + END + "\n");
        add("friendly-blank-lines.key", "ACCEPTED", "blank lines before, inside and after the armor",
                "\n\n" + valid.replace("\n", "\n\n") + "\n\n\n");
        add("friendly-end-doubled.key", "ACCEPTED", "a second END line is text after the armor, ignored",
                valid + END + "\n");
        add("friendly-unknown-claim.key", "ACCEPTED", "an unknown claim is kept and shown, never fatal",
                armor(signed(with(claims(), "support_level", "\"gold\""))));
        add("friendly-subscription.key", "ACCEPTED", "a good subscription key", armor(signed(subscription())));
        add("friendly-trial.key", "ACCEPTED", "a good trial key",
                armor(signed(with(with(claims(), "license_type", "\"trial\""), "usage_until", "\"2026-12-27\""))));
        add("friendly-grace.key", "ACCEPTED", "subscription in its 14 grace days (status GRACE, operational)",
                armor(signed(with(with(subscription(), "usage_until", "\"2026-11-20\""), "maintenance_until", "\"2026-11-20\""))));
        add("friendly-maintenance-ended.key", "ACCEPTED", "perpetual after maintenance, build covered (MAINTENANCE_ENDED)",
                armor(signed(with(claims(), "maintenance_until", "\"2026-11-10\""))));
    }

    // --- the file as a whole

    private void file() throws Exception {
        String valid = armor(signed(claims()));
        add("empty.key", "EMPTY", "zero bytes", new byte[0]);
        add("blank.key", "EMPTY", "only white space", " \n\t\r\n  \n");
        byte[] garbage = new byte[2048];
        random.nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        add("binary-garbage.key", "NOT_TEXT", "2 KiB of random bytes", garbage);
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                'I', 'H', 'D', 'R'}, 64);
        add("image.png.key", "NOT_TEXT", "the start of a PNG image", png);
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write(valid.getBytes(StandardCharsets.UTF_16LE));
        add("utf16le.key", "NOT_TEXT", "a good key saved as UTF-16LE with byte order mark", utf16.toByteArray());
        int cut = valid.indexOf('\n', BEGIN.length() + 10) + 20;
        add("nul-inside-armor.key", "NOT_TEXT", "a NUL byte inside the armor",
                valid.substring(0, cut) + "\0" + valid.substring(cut));
        add("zip-archive.key", "NOT_TEXT", "a ZIP header (the key mailed as an archive)",
                new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, (byte) 0x9C, (byte) 0xA1});
        StringBuilder big = new StringBuilder(valid).append("Padding after the armor.\n");
        while (big.length() < 64 * 1024 + 1) {
            big.append("x".repeat(63)).append('\n');
        }
        big.setLength(64 * 1024 + 1);
        add("too-large.key", "TOO_LARGE", "a good key padded to 64 KiB + 1 byte", big.toString());
    }

    // --- the armor

    private void armor() {
        String compact = signed(claims());
        String valid = armor(compact);
        add("no-armor.key", "NOT_A_LICENSE_KEY", "the bare JWS without BEGIN and END lines", compact + "\n");
        add("public-key-pem.key", "NOT_A_LICENSE_KEY", "the vendor's public key PEM uploaded by mistake",
                PemKeys.publicKeyPem(vendor.publicKey()));
        add("armor-lowercase.key", "NOT_A_LICENSE_KEY", "BEGIN and END lines in lower case", valid.toLowerCase());
        add("armor-wrong-label.key", "NOT_A_LICENSE_KEY", "BEGIN LICENSE KEY instead of NETVIZURA LICENSE KEY",
                valid.replace("NETVIZURA LICENSE KEY", "LICENSE KEY"));
        add("armor-no-end.key", "INCOMPLETE", "the END line is missing", valid.replace(END + "\n", ""));
        add("armor-begin-only.key", "INCOMPLETE", "only the BEGIN line", BEGIN + "\n");
        add("truncated-half.key", "INCOMPLETE", "the first half of a good key file",
                valid.substring(0, valid.length() / 2));
        add("armor-doubled.key", "MORE_THAN_ONE_KEY", "BEGIN and END lines each twice",
                BEGIN + "\n" + valid + END + "\n");
        add("two-keys.key", "MORE_THAN_ONE_KEY", "two different good keys in one file",
                valid + "\n" + armor(signed(subscription())));
        add("two-keys-same.key", "MORE_THAN_ONE_KEY", "the same good key twice in one file", valid + valid);
        add("armor-empty-body.key", "MALFORMED", "BEGIN and END with nothing between", BEGIN + "\n" + END + "\n");
        add("armor-quoted-reply.key", "MALFORMED", "a key quoted in a mail reply (\"> \" before every line)",
                valid.lines().map(l -> l.startsWith("-----") ? l : "> " + l).collect(Collectors.joining("\n", "", "\n")));
    }

    // --- the JWS compact serialization

    private void jwsShape() throws Exception {
        String[] parts = signed(claims()).split("\\.");
        add("jws-two-parts.key", "MALFORMED", "header.payload without signature", armor(parts[0] + "." + parts[1]));
        add("jws-four-parts.key", "MALFORMED", "a fourth part after the signature",
                armor(String.join(".", parts) + "." + parts[2]));
        add("jws-empty-signature.key", "MALFORMED", "header.payload. (unsecured JWS shape)",
                armor(parts[0] + "." + parts[1] + "."));
        add("jws-empty-payload.key", "MALFORMED", "header..signature (detached payload)",
                armor(parts[0] + ".." + parts[2]));
        add("jws-illegal-character.key", "MALFORMED", "a '*' inside the payload part",
                armor(parts[0] + "." + parts[1].substring(0, 10) + "*" + parts[1].substring(11) + "." + parts[2]));
        add("jws-json-serialization.key", "MALFORMED", "RFC 7515 JSON serialization inside the armor",
                armor("{\"payload\":\"" + parts[1] + "\",\"protected\":\"" + parts[0] + "\",\"signature\":\"" + parts[2] + "\"}"));
        Base64.Encoder std = Base64.getEncoder();
        Base64.Decoder url = Base64.getUrlDecoder();
        add("jws-standard-base64-padded.key", "MALFORMED", "standard base64 with = padding instead of base64url",
                armor(std.encodeToString(url.decode(parts[0])) + "." + std.encodeToString(url.decode(parts[1]))
                        + "." + std.encodeToString(url.decode(parts[2]))));
        // Vary the licensee until standard base64 of the signed parts needs '+' or '/': only the alphabet differs.
        for (int i = 0; ; i++) {
            String compact = signed(with(claims(), "sub", "\"ACME Networks " + i + "\""));
            String[] p = compact.split("\\.");
            String standard = Arrays.stream(p).map(s -> Base64.getEncoder().withoutPadding().encodeToString(url.decode(s)))
                    .collect(Collectors.joining("."));
            if (standard.contains("+") && standard.contains("/")) {
                add("jws-standard-base64-alphabet.key", "MALFORMED", "standard base64 alphabet ('+', '/'), no padding",
                        armor(standard));
                break;
            }
        }
        // 64 signature bytes end in a character that carries 2 bits; setting the 4 unused bits keeps the bytes.
        String sig = parts[2];
        char last = sig.charAt(sig.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sloppy = alphabet.charAt(alphabet.indexOf(last) | 0x0F);
        add("jws-base64-stray-bits.key", "MALFORMED", "the signature's last character has non-zero unused bits",
                armor(parts[0] + "." + parts[1] + "." + sig.substring(0, sig.length() - 1) + sloppy));
        add("jws-signature-short-by-3-bytes.key", "BAD_SIGNATURE", "signature cut to 61 bytes",
                armor(parts[0] + "." + parts[1] + "." + b64(Arrays.copyOf(url.decode(sig), 61))));
        add("jws-signature-one-char-less.key", "MALFORMED", "signature one character short (impossible length)",
                armor(parts[0] + "." + parts[1] + "." + sig.substring(0, sig.length() - 1)));
        add("jws-signature-65-bytes.key", "BAD_SIGNATURE", "a byte appended to the signature",
                armor(parts[0] + "." + parts[1] + "." + b64(Arrays.copyOf(url.decode(sig), 65))));
    }

    // --- the header

    private void header() throws Exception {
        String kid = vendor.publicKey().kid();
        String payload = json(claims());
        String[] parts = signed(claims()).split("\\.");
        byte[] h = Base64.getUrlDecoder().decode(parts[0]);
        add("header-bitflip-brace.key", "MALFORMED", "bit 0 of the header's '{' flipped",
                armor(b64(flip(h, 0, 0)) + "." + parts[1] + "." + parts[2]));
        String headerText = new String(h, StandardCharsets.UTF_8);
        add("header-bitflip-alg.key", "UNSUPPORTED_ALGORITHM", "bit 5 of 'E' in EdDSA flipped (edDSA)",
                armor(b64(flip(h, headerText.indexOf("EdDSA"), 5)) + "." + parts[1] + "." + parts[2]));
        add("header-bitflip-typ.key", "WRONG_TYPE", "bit 0 of 'n' in netvizura-license flipped",
                armor(b64(flip(h, headerText.indexOf("netvizura-license"), 0)) + "." + parts[1] + "." + parts[2]));
        add("header-bitflip-kid.key", "UNKNOWN_SIGNER", "bit 0 of the kid's first character flipped",
                armor(b64(flip(h, headerText.indexOf(kid), 0)) + "." + parts[1] + "." + parts[2]));
        add("header-not-object.key", "MALFORMED", "the header is a JSON array",
                armor(signed("[\"EdDSA\",\"netvizura-license\",\"" + kid + "\"]", payload, vendor)));
        add("header-duplicate-alg.key", "MALFORMED", "alg twice: none, then EdDSA (signed)",
                armor(signed("{\"alg\":\"none\",\"alg\":\"EdDSA\",\"typ\":\"netvizura-license\",\"kid\":\"" + kid + "\"}",
                        payload, vendor)));
        add("header-duplicate-kid.key", "MALFORMED", "kid twice (signed)",
                armor(signed(headerWith(kid, ",\"kid\":\"" + kid + "\""), payload, vendor)));
        add("header-trailing-data.key", "MALFORMED", "text after the header object (signed)",
                armor(signed(header(kid) + "x", payload, vendor)));
        add("header-deeply-nested.key", "MALFORMED", "an extra header member nested 5,000 deep (signed)",
                armor(signed(headerWith(kid, ",\"x\":" + "[".repeat(5000) + "]".repeat(5000)), payload, vendor)));
        add("alg-none.key", "MALFORMED", "alg none with the empty signature of an unsecured JWS",
                armor(b64("{\"alg\":\"none\",\"typ\":\"netvizura-license\",\"kid\":\"" + kid + "\"}") + "." + b64(payload) + "."));
        add("alg-none-with-signature.key", "UNSUPPORTED_ALGORITHM", "alg none, signature present",
                armor(signed(header(kid).replace("EdDSA", "none"), payload, vendor)));
        add("alg-missing.key", "UNSUPPORTED_ALGORITHM", "no alg member",
                armor(signed("{\"typ\":\"netvizura-license\",\"kid\":\"" + kid + "\"}", payload, vendor)));
        add("alg-ed25519-name.key", "UNSUPPORTED_ALGORITHM", "alg Ed25519 (fully-specified name) instead of EdDSA",
                armor(signed(header(kid).replace("EdDSA", "Ed25519"), payload, vendor)));
        // Algorithm confusion: an HMAC keyed with the (public) vendor key, which a lax verifier might accept.
        String hsHeader = header(kid).replace("EdDSA", "HS256");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PemKeys.publicKeyPem(vendor.publicKey()).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String hsInput = b64(hsHeader) + "." + b64(payload);
        add("alg-hs256-public-key.key", "UNSUPPORTED_ALGORITHM", "HS256 keyed with the vendor's public key PEM",
                armor(hsInput + "." + b64(mac.doFinal(hsInput.getBytes(StandardCharsets.US_ASCII)))));
        mac.init(new SecretKeySpec(vendor.publicKey().raw(), "HmacSHA256"));
        add("alg-hs256-raw-public-key.key", "UNSUPPORTED_ALGORITHM", "HS256 keyed with the raw 32-byte public key",
                armor(hsInput + "." + b64(mac.doFinal(hsInput.getBytes(StandardCharsets.US_ASCII)))));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(rsa.generateKeyPair().getPrivate());
        String rsInput = b64(header(kid).replace("EdDSA", "RS256")) + "." + b64(payload);
        rs256.update(rsInput.getBytes(StandardCharsets.US_ASCII));
        add("alg-rs256.key", "UNSUPPORTED_ALGORITHM", "RS256, signed with a throwaway RSA key",
                armor(rsInput + "." + b64(rs256.sign())));

        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + b64(stranger.publicKey().raw()) + "\"}";
        String strangerKid = stranger.publicKey().kid();
        add("header-jwk.key", "FORBIDDEN_HEADER", "embedded jwk of the attacker's key, signed by it",
                armor(signed(headerWith(strangerKid, ",\"jwk\":" + jwk), payload, stranger)));
        add("header-jwk-trusted-kid.key", "FORBIDDEN_HEADER", "embedded attacker jwk under the trusted kid",
                armor(signed(headerWith(kid, ",\"jwk\":" + jwk), payload, stranger)));
        add("header-jku.key", "FORBIDDEN_HEADER", "jku pointing at the attacker's key set",
                armor(signed(headerWith(kid, ",\"jku\":\"https://attacker.example/keys.json\""), payload, stranger)));
        add("header-x5c.key", "FORBIDDEN_HEADER", "x5c certificate chain",
                armor(signed(headerWith(kid, ",\"x5c\":[\"" + Base64.getEncoder().encodeToString(stranger.publicKey().subjectPublicKeyInfo()) + "\"]"),
                        payload, stranger)));
        add("header-x5u.key", "FORBIDDEN_HEADER", "x5u certificate URL",
                armor(signed(headerWith(kid, ",\"x5u\":\"https://attacker.example/cert.pem\""), payload, stranger)));
        add("header-crit.key", "FORBIDDEN_HEADER", "crit naming an extension (signed by the vendor)",
                armor(signed(headerWith(kid, ",\"crit\":[\"exp\"],\"exp\":1"), payload, vendor)));
        add("typ-jwt.key", "WRONG_TYPE", "typ JWT (a token of another kind), signed by the vendor",
                armor(signed(header(kid).replace("netvizura-license", "JWT"), payload, vendor)));
        add("typ-missing.key", "WRONG_TYPE", "no typ member",
                armor(signed("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}", payload, vendor)));
        add("kid-unknown.key", "UNKNOWN_SIGNER", "signed by another key, with that key's kid",
                armor(signed(header(strangerKid), payload, stranger)));
        add("kid-missing.key", "UNKNOWN_SIGNER", "no kid member",
                armor(signed("{\"alg\":\"EdDSA\",\"typ\":\"netvizura-license\"}", payload, vendor)));
        add("kid-number.key", "UNKNOWN_SIGNER", "kid is a number",
                armor(signed("{\"alg\":\"EdDSA\",\"typ\":\"netvizura-license\",\"kid\":42}", payload, vendor)));
        add("kid-path-traversal.key", "UNKNOWN_SIGNER", "kid ../../../etc/netvizura/public.pem",
                armor(signed(header("../../../etc/netvizura/public.pem"), payload, vendor)));
        add("kid-trusted-foreign-signature.key", "BAD_SIGNATURE", "the trusted kid, signed by another key",
                armor(signed(header(kid), payload, stranger)));
    }

    // --- the signature

    private void signature() {
        String[] parts = signed(claims()).split("\\.");
        byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
        String signingInput = parts[0] + "." + parts[1] + ".";
        add("signature-bitflip-first.key", "BAD_SIGNATURE", "bit 0 of the signature's first byte (R) flipped",
                armor(signingInput + b64(flip(sig, 0, 0))));
        add("signature-bitflip-middle.key", "BAD_SIGNATURE", "bit 3 of byte 32 (first byte of S) flipped",
                armor(signingInput + b64(flip(sig, 32, 3))));
        add("signature-bitflip-last.key", "BAD_SIGNATURE", "bit 7 of the last byte flipped (S becomes >= L)",
                armor(signingInput + b64(flip(sig, 63, 7))));
        // S + L verifies under a lax check (same value mod L) but is not the canonical encoding RFC 8032 demands.
        byte[] sLe = Arrays.copyOfRange(sig, 32, 64);
        BigInteger s = new BigInteger(1, reverse(sLe)).add(GROUP_ORDER);
        byte[] malleable = Arrays.copyOf(sig, 64);
        byte[] sPlusL = reverse(toFixed(s.toByteArray(), 32));
        System.arraycopy(sPlusL, 0, malleable, 32, 32);
        add("signature-s-plus-l.key", "BAD_SIGNATURE", "non-canonical signature: S + L (group order) instead of S",
                armor(signingInput + b64(malleable)));
        add("signature-zero.key", "BAD_SIGNATURE", "64 zero bytes", armor(signingInput + b64(new byte[64])));
        String other = signed(subscription()).split("\\.")[2];
        add("signature-of-other-key.key", "BAD_SIGNATURE", "the signature of another good key",
                armor(signingInput + other));
    }

    // --- payload changed after signing

    private void payloadTampered() {
        String[] parts = signed(claims()).split("\\.");
        byte[] p = Base64.getUrlDecoder().decode(parts[1]);
        String text = new String(p, StandardCharsets.UTF_8);
        add("payload-bitflip-brace.key", "BAD_SIGNATURE", "bit 0 of the payload's '{' flipped (never parsed)",
                armor(parts[0] + "." + b64(flip(p, 0, 0)) + "." + parts[2]));
        add("payload-bitflip-licensee.key", "BAD_SIGNATURE", "bit 0 of the licensee's first letter flipped",
                armor(parts[0] + "." + b64(flip(p, text.indexOf("ACME"), 0)) + "." + parts[2]));
        add("payload-edited-date.key", "BAD_SIGNATURE", "maintenance_until edited to 2099 after signing",
                armor(parts[0] + "." + b64(text.replace("2027-10-31", "2099-10-31")) + "." + parts[2]));
        add("payload-edited-modules.key", "BAD_SIGNATURE", "a module added after signing",
                armor(parts[0] + "." + b64(text.replace("\"eventlog\"", "\"eventlog\",\"ipfix\"")) + "." + parts[2]));
        add("payload-of-other-key.key", "BAD_SIGNATURE", "header and signature of one key, payload of another",
                armor(parts[0] + "." + signed(subscription()).split("\\.")[1] + "." + parts[2]));
    }

    // --- payload signed by the vendor, but not one strict JSON object

    private void payloadSignedButBad() {
        String kid = vendor.publicKey().kid();
        String good = json(claims());
        String body = good.substring(1, good.length() - 1);
        add("payload-duplicate-jti.key", "MALFORMED_PAYLOAD", "jti twice",
                armor(signed(header(kid), "{" + body + ",\"jti\":\"NVZ-2026-H99999\"}", vendor)));
        add("payload-duplicate-maintenance.key", "MALFORMED_PAYLOAD", "maintenance_until twice, the second 2099",
                armor(signed(header(kid), "{" + body + ",\"maintenance_until\":\"2099-12-31\"}", vendor)));
        add("payload-duplicate-nested.key", "MALFORMED_PAYLOAD", "limits.devices twice",
                armor(signed(json(with(claims(), "limits", "{\"devices\":100,\"devices\":100000}")), vendor)));
        add("payload-trailing-text.key", "MALFORMED_PAYLOAD", "text after the JSON object",
                armor(signed(header(kid), good + " and more", vendor)));
        add("payload-trailing-object.key", "MALFORMED_PAYLOAD", "a second JSON object after the first",
                armor(signed(header(kid), good + "{\"maintenance_until\":\"2099-12-31\"}", vendor)));
        add("payload-truncated-json.key", "MALFORMED_PAYLOAD", "the JSON cut in the middle",
                armor(signed(header(kid), good.substring(0, good.length() / 2), vendor)));
        add("payload-not-object.key", "MALFORMED_PAYLOAD", "a JSON array of the claims",
                armor(signed(header(kid), "[" + good + "]", vendor)));
        add("payload-bom.key", "MALFORMED_PAYLOAD", "a byte order mark before the JSON",
                armor(signed(header(kid), "\uFEFF" + good, vendor)));
        byte[] badUtf8 = good.replace("ACME", "AC\u0001E").getBytes(StandardCharsets.UTF_8);
        badUtf8[indexOf(badUtf8, (byte) 1)] = (byte) 0xC3;
        badUtf8[indexOf(badUtf8, (byte) 0xC3) + 1] = (byte) 0x28;
        add("payload-invalid-utf8.key", "MALFORMED_PAYLOAD", "an invalid UTF-8 sequence (C3 28) in sub",
                armor(signed(header(kid).getBytes(StandardCharsets.UTF_8), badUtf8, vendor)));
        // As deep as a 64 KiB file allows: the armored payload grows by 4/3 and a line break per 64 characters.
        int depth = 23_000;
        add("payload-nested-arrays.key", "MALFORMED_PAYLOAD", depth + " nested arrays in an extra claim",
                armor(signed(header(kid), "{" + body + ",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}", vendor)));
        add("payload-nested-objects.key", "MALFORMED_PAYLOAD", "7,000 nested objects in an extra claim",
                armor(signed(header(kid), "{" + body + ",\"x\":" + "{\"a\":".repeat(7_000) + "1" + "}".repeat(7_000) + "}", vendor)));
        add("payload-nested-unclosed.key", "MALFORMED_PAYLOAD", "46,000 unclosed arrays",
                armor(signed(header(kid), "{" + body + ",\"x\":" + "[".repeat(46_000), vendor)));
    }

    // --- claims signed by the vendor, with values that are not allowed

    private void badClaims() {
        Map<String, String> c;
        add("iat-huge-exponent.key", "INVALID_CLAIM", "iat 1e999999999", armor(signed(with(claims(), "iat", "1e999999999"))));
        add("iat-huge-integer.key", "INVALID_CLAIM", "iat with 400 digits",
                armor(signed(with(claims(), "iat", "9".repeat(400)))));
        add("iat-past-year-9999.key", "INVALID_CLAIM", "iat 999999999999 (after 9999-12-31)",
                armor(signed(with(claims(), "iat", "999999999999"))));
        add("iat-negative.key", "INVALID_CLAIM", "iat -1", armor(signed(with(claims(), "iat", "-1"))));
        add("iat-fraction.key", "INVALID_CLAIM", "iat with a fraction", armor(signed(with(claims(), "iat", ISSUED + ".5"))));
        add("iat-string.key", "INVALID_CLAIM", "iat as a string", armor(signed(with(claims(), "iat", "\"" + ISSUED + "\""))));
        add("limit-huge.key", "INVALID_CLAIM", "limits.devices 1e400 written out",
                armor(signed(with(claims(), "limits", "{\"devices\":1" + "0".repeat(400) + "}"))));
        add("limit-long-overflow.key", "INVALID_CLAIM", "limits.devices 9223372036854775808 (Long.MAX_VALUE + 1)",
                armor(signed(with(claims(), "limits", "{\"devices\":9223372036854775808}"))));
        add("limit-negative.key", "INVALID_CLAIM", "limits.devices -100",
                armor(signed(with(claims(), "limits", "{\"devices\":-100}"))));
        add("date-feb-30.key", "INVALID_CLAIM", "maintenance_until 2027-02-30",
                armor(signed(with(claims(), "maintenance_until", "\"2027-02-30\""))));
        add("date-feb-29-common-year.key", "INVALID_CLAIM", "maintenance_until 2027-02-29",
                armor(signed(with(claims(), "maintenance_until", "\"2027-02-29\""))));
        add("date-month-13.key", "INVALID_CLAIM", "subscription usage_until 2027-13-01",
                armor(signed(with(subscription(), "usage_until", "\"2027-13-01\""))));
        add("date-short-form.key", "INVALID_CLAIM", "maintenance_until 2027-3-1",
                armor(signed(with(claims(), "maintenance_until", "\"2027-3-1\""))));
        add("date-with-time.key", "INVALID_CLAIM", "maintenance_until 2027-03-14T00:00:00Z",
                armor(signed(with(claims(), "maintenance_until", "\"2027-03-14T00:00:00Z\""))));
        add("wrong-issuer.key", "WRONG_ISSUER", "iss NetVizura Ltd", armor(signed(with(claims(), "iss", "\"NetVizura Ltd\""))));
        add("wrong-issuer-case.key", "WRONG_ISSUER", "iss netvizura (lower case)", armor(signed(with(claims(), "iss", "\"netvizura\""))));
        add("wrong-product.key", "WRONG_PRODUCT", "product netvizura-flow",
                armor(signed(with(claims(), "product", "\"netvizura-flow\""))));
        add("issuer-not-string.key", "INVALID_CLAIM", "iss is a number", armor(signed(with(claims(), "iss", "1"))));
        for (String claim : new String[] {"iss", "jti", "iat", "sub", "product", "license_type", "maintenance_until",
                "installation_code", "modules"}) {
            c = claims();
            c.remove(claim);
            add("missing-" + claim.replace('_', '-') + ".key", "MISSING_CLAIM", "perpetual key without " + claim,
                    armor(signed(c)));
        }
        c = subscription();
        c.remove("usage_until");
        add("missing-usage-until-subscription.key", "MISSING_CLAIM", "subscription without usage_until", armor(signed(c)));
        c = with(claims(), "license_type", "\"trial\"");
        add("missing-usage-until-trial.key", "MISSING_CLAIM", "trial without usage_until", armor(signed(c)));
        c = subscription();
        c.remove("maintenance_until");
        add("missing-maintenance-until-subscription.key", "MISSING_CLAIM", "subscription without maintenance_until",
                armor(signed(c)));
        add("perpetual-with-usage-until.key", "INVALID_CLAIM", "perpetual key with usage_until",
                armor(signed(with(claims(), "usage_until", "\"2027-10-31\""))));
        add("license-type-unknown.key", "INVALID_CLAIM", "license_type lifetime",
                armor(signed(with(claims(), "license_type", "\"lifetime\""))));
        add("jti-path-traversal.key", "INVALID_CLAIM", "jti ../../license",
                armor(signed(with(claims(), "jti", "\"../../license\""))));
        add("sub-fake-line.key", "INVALID_CLAIM", "sub with a line break that would fake a License Details line",
                armor(signed(with(claims(), "sub", "\"ACME\\nLicense ID: NVZ-FAKE\""))));
        add("sub-null.key", "INVALID_CLAIM", "sub null", armor(signed(with(claims(), "sub", "null"))));
        add("sub-too-long.key", "INVALID_CLAIM", "sub of 5,000 characters",
                armor(signed(with(claims(), "sub", "\"" + "A".repeat(5000) + "\""))));
        add("email-invalid.key", "INVALID_CLAIM", "email without @", armor(signed(with(claims(), "email", "\"it.acme.example\""))));
        add("modules-not-array.key", "INVALID_CLAIM", "modules as a string", armor(signed(with(claims(), "modules", "\"netflow\""))));
        add("modules-duplicate.key", "INVALID_CLAIM", "a module listed twice",
                armor(signed(with(claims(), "modules", "[\"netflow\",\"netflow\"]"))));
    }

    // --- correctly signed keys that the evaluation must refuse on this server today

    private void evaluation() {
        add("other-machine.key", "NOT_USABLE_HERE:OTHER_MACHINE", "bound to another server",
                armor(signed(with(claims(), "installation_code", "\"" + code(HostileKeyCorpus.ELSEWHERE) + "\""))));
        add("installation-code-unreadable.key", "NOT_USABLE_HERE:OTHER_MACHINE", "installation_code NVZ1-XXXXX",
                armor(signed(with(claims(), "installation_code", "\"NVZ1-XXXXX\""))));
        add("expired-subscription.key", "NOT_USABLE_HERE:EXPIRED", "usage_until 2026-10-01, grace ended 2026-10-15",
                armor(signed(with(with(subscription(), "usage_until", "\"2026-10-01\""), "maintenance_until", "\"2026-11-15\""))));
        add("expired-trial.key", "NOT_USABLE_HERE:EXPIRED", "trial whose usage ended 2026-10-31",
                armor(signed(with(with(claims(), "license_type", "\"trial\""), "usage_until", "\"2026-10-31\""))));
        add("not-yet-valid.key", "NOT_USABLE_HERE:NOT_YET_VALID", "iat 2026-12-05, a week after the clock",
                armor(signed(with(claims(), "iat", String.valueOf(Instant.parse("2026-12-05T00:00:00Z").getEpochSecond())))));
        add("version-not-covered.key", "NOT_USABLE_HERE:VERSION_NOT_COVERED",
                "perpetual, maintenance ended 2026-10-31, build released 2026-11-01",
                armor(signed(with(claims(), "maintenance_until", "\"2026-10-31\""))));
    }

    // --- helpers

    private static LinkedHashMap<String, String> claims() {
        LinkedHashMap<String, String> c = new LinkedHashMap<>();
        c.put("iss", "\"NetVizura\"");
        c.put("jti", "\"NVZ-2026-H00001\"");
        c.put("iat", String.valueOf(ISSUED));
        c.put("sub", "\"ACME Networks d.o.o.\"");
        c.put("email", "\"it@acme.example\"");
        c.put("product", "\"netvizura\"");
        c.put("license_type", "\"perpetual\"");
        c.put("maintenance_until", "\"2027-10-31\"");
        c.put("installation_code", "\"" + code(HostileKeyCorpus.HERE) + "\"");
        c.put("modules", "[\"netflow\",\"eventlog\"]");
        c.put("limits", "{\"devices\":100}");
        return c;
    }

    private static LinkedHashMap<String, String> subscription() {
        LinkedHashMap<String, String> c = with(claims(), "jti", "\"NVZ-2026-H00002\"");
        c.put("license_type", "\"subscription\"");
        c.put("usage_until", "\"2027-11-27\"");
        c.put("maintenance_until", "\"2027-11-27\"");
        return c;
    }

    private static LinkedHashMap<String, String> with(LinkedHashMap<String, String> claims, String name, String rawJson) {
        LinkedHashMap<String, String> c = new LinkedHashMap<>(claims);
        c.put(name, rawJson);
        return c;
    }

    private static String code(MachineFacts machine) {
        return InstallationCodes.of(machine).value();
    }

    private static String json(Map<String, String> claims) {
        return claims.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String header(String kid) {
        return "{\"alg\":\"EdDSA\",\"typ\":\"netvizura-license\",\"kid\":\"" + kid + "\"}";
    }

    private static String headerWith(String kid, String extraMembers) {
        String h = header(kid);
        return h.substring(0, h.length() - 1) + extraMembers + "}";
    }

    private String signed(Map<String, String> claims) {
        return signed(json(claims), vendor);
    }

    private String signed(String payload, VendorPrivateKey key) {
        return signed(header(key.publicKey().kid()), payload, key);
    }

    private static String signed(String header, String payload, VendorPrivateKey key) {
        return signed(header.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8), key);
    }

    private static String signed(byte[] header, byte[] payload, VendorPrivateKey key) {
        String input = b64(header) + "." + b64(payload);
        return input + "." + b64(new Ed25519Signer(key).sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String armor(String compact) {
        StringBuilder sb = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < compact.length(); i += 64) {
            sb.append(compact, i, Math.min(compact.length(), i + 64)).append('\n');
        }
        return sb.append(END).append('\n').toString();
    }

    private static String b64(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] flip(byte[] bytes, int index, int bit) {
        byte[] copy = bytes.clone();
        copy[index] ^= (byte) (1 << bit);
        return copy;
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] r = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            r[i] = bytes[bytes.length - 1 - i];
        }
        return r;
    }

    /** Big-endian magnitude bytes of exactly {@code length}, dropping a sign byte or padding with zeros. */
    private static byte[] toFixed(byte[] bigEndian, int length) {
        byte[] out = new byte[length];
        int copy = Math.min(length, bigEndian.length);
        System.arraycopy(bigEndian, bigEndian.length - copy, out, length - copy, copy);
        return out;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("byte not found");
    }

    private void add(String file, String expected, String description, String content) {
        add(file, expected, description, content.getBytes(StandardCharsets.UTF_8));
    }

    private void add(String file, String expected, String description, byte[] content) {
        try {
            Files.write(dir.resolve(file), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        manifest.append(file).append('\t').append(expected).append('\t').append(description).append('\n');
        count++;
    }
}
