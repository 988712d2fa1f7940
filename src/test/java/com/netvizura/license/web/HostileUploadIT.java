package com.netvizura.license.web;

import com.netvizura.license.hostile.HostileKeyCorpus.Entry;
import com.netvizura.license.hostile.HostileKeyCorpus.Kind;
import com.netvizura.license.hostile.HostileKeyCorpus;
import com.netvizura.license.it.FacesVisitor;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorPublicKey;
import com.netvizura.license.machine.InstallationCodeException;
import com.netvizura.license.machine.InstallationCodeMatcher;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.OshiHardwareProbe;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.License;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.policy.LicenseComparison;
import com.netvizura.license.policy.LicenseEvaluator;
import com.netvizura.license.web.filter.RequestBodyLimitFilter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The hostile key corpus through the real upload path: every corpus file posted by a logged-in admin the way the
 * License page's file chooser posts it (PrimeFaces AJAX multipart, the page's view state, the own {@code Origin}).
 *
 * <p>The test WAR trusts the corpus key in addition to the keys the build put in (a test-only replacement of
 * {@value TrustedKeys#RESOURCE}), so that correctly signed corpus keys get past the signature check. What each file
 * must come to is decided in the test by the verifier and the evaluator for this server and today: a hostile key comes
 * back with the verifier's own sentence, a signed key not usable here with this server's verdict, both ending "Your
 * current license is unchanged." and with the active key file byte for byte as before. The corpus is bound to one
 * machine ({@code HostileKeyCorpus.HERE}) and day; where and when those are this server's, its friendly keys are
 * usable and must be applied as uploaded (the admin then logs in again, as the pop-up asks), or, when one gives less
 * than the active key, wait for Apply anyway with the active key unchanged.
 */
class HostileUploadIT extends NetVizuraIT {

    static final String ERROR_NO_TRUSTED_KEYS = "ERROR_NO_TRUSTED_KEYS: the built WAR has no " + TrustedKeys.RESOURCE;

    private static final String TRUSTED_KEYS_IN_WAR = "/WEB-INF/classes/" + TrustedKeys.RESOURCE;
    private static final String UNCHANGED = Messages.get("upload.unchanged");
    private static final Pattern REFUSAL = Pattern.compile("<p id=\"uploadRefusal\">(.*?)</p>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");
    private static final Pattern REFUSED_AUDIT = Pattern.compile("\"outcome\"\\s*:\\s*\"REFUSED\"");

    private FacesVisitor admin;
    private String viewState;
    private byte[] activeKey;
    private List<Path> history;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        WebArchive war = builtWar(HostileUploadIT.class, InitialLicense.VALID);
        Properties built = new Properties();
        try (InputStream in = war.get(TRUSTED_KEYS_IN_WAR).getAsset().openStream()) {
            built.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(ERROR_NO_TRUSTED_KEYS, e);
        }
        war.delete(TRUSTED_KEYS_IN_WAR);
        return war.add(new StringAsset(TrustedKeys.resourceText(trustedHere(built),
                Boolean.parseBoolean(built.getProperty("development")))), TRUSTED_KEYS_IN_WAR);
    }

    /** The keys the built WAR trusts plus the corpus key: what the test WAR trusts. */
    private static List<VendorPublicKey> trustedHere(Properties built) {
        List<VendorPublicKey> keys = new ArrayList<>();
        for (String der : built.getProperty("keys", "").split(",")) {
            try {
                keys.add(VendorPublicKey.fromSubjectPublicKeyInfo(Base64.getDecoder().decode(der.strip())));
            } catch (InvalidKeyException | IllegalArgumentException e) {
                throw new IllegalStateException(ERROR_NO_TRUSTED_KEYS, e);
            }
        }
        keys.add(HostileKeyCorpus.publicKey());
        return keys;
    }

    @BeforeEach
    void adminOnTheLicensePage() throws IOException {
        admin = new FacesVisitor(url(""));
        admin.logIn(TestUser.ADMIN);
        String page = admin.get("license/license.xhtml").body();
        assertTrue(page.contains("id=\"sendForm:uploadButton\""), page);
        viewState = FacesVisitor.viewStateOf(page);
        // The page renders its Upload dialog on demand: ask for it as the Upload button does.
        String dialog = admin.openUploadDialog(viewState, admin.ownOrigin()).body();
        assertTrue(dialog.contains("id=\"uploadForm\""), dialog);
        activeKey = Files.readAllBytes(activeKeyFile());
        history = historyFiles();
    }

    @Test
    void everyCorpusKey_uploadedByTheAdmin_endsAsThisServerDecides_aRefusalChangesNothing() throws Exception {
        List<Entry> corpus = HostileKeyCorpus.entries();
        LicenseKeyVerifier verifier = new LicenseKeyVerifier(TrustedKeys.of(trustedKeysOfTheTestWar()));
        LicenseEvaluator thisServer = new LicenseEvaluator(thisServer(), Clock.systemDefaultZone(), BuildInfo.current());
        long refusedBefore = refusedInAuditLog();
        List<Path> historyBefore = history;
        List<Executable> checks = new ArrayList<>();
        int refusedByTheService = 0;
        int applied = 0;
        int held = 0;

        for (Entry entry : corpus) {
            Optional<String> expected = expectedRefusal(entry, verifier, thisServer);
            byte[] keyBefore = Files.readAllBytes(activeKeyFile());
            HttpResponse<String> answer = admin.uploadKey(viewState, entry.file(), entry.bytes(), admin.ownOrigin());
            byte[] keyAfter = Files.readAllBytes(activeKeyFile());
            Optional<String> refusal = refusalIn(answer.body());
            checks.add(() -> assertAll(entry.toString(),
                    () -> assertEquals(200, answer.statusCode(), answer.body()),
                    () -> assertTrue(answer.body().startsWith("<?xml") && answer.body().contains("<partial-response"),
                            "a partial response: " + answer.body())));
            if (expected.isPresent()) {
                if (entry.bytes().length <= LicenseKeyVerifier.MAX_KEY_FILE_BYTES) {
                    refusedByTheService++;
                }
                checks.add(() -> assertAll(entry.toString(),
                        () -> assertEquals(expected, refusal),
                        () -> assertFalse(FacesVisitor.announcesApplied(answer.body()), "no applied pop-up"),
                        () -> assertArrayEquals(keyBefore, keyAfter, "active key unchanged")));
            } else if (givesLess(verifier, keyBefore, entry)) {
                // Usable here, but less than the active key (another licensee, ...): it waits for Apply anyway.
                held++;
                checks.add(() -> assertAll(entry.toString(),
                        () -> assertTrue(FacesVisitor.announcesHeld(answer.body()), answer.body()),
                        () -> assertFalse(FacesVisitor.announcesApplied(answer.body()), "no applied pop-up"),
                        () -> assertArrayEquals(keyBefore, keyAfter, "active key unchanged until Apply anyway")));
            } else {
                // Usable on this server today (the corpus machine and day): the upload must apply it as uploaded.
                applied++;
                checks.add(() -> assertAll(entry.toString(),
                        () -> assertTrue(FacesVisitor.announcesApplied(answer.body()), answer.body()),
                        () -> assertArrayEquals(entry.bytes(), keyAfter, "applied byte for byte")));
                adminOnTheLicensePage(); // the apply reset the admin's session: log in again, as the pop-up asks
            }
        }

        long refusedInAudit = refusedInAuditLog() - refusedBefore;
        int refusals = refusedByTheService;
        int applies = applied;
        int holds = held;
        long hostile = corpus.stream().filter(e -> e.expected().kind() != Kind.ACCEPTED).count();
        // The service audits what it refuses; a file over 64 KiB is refused before it is read, and audited too.
        checks.add(() -> assertEquals(refusals + oversized(corpus), refusedInAudit, "one audit line per refused upload"));
        checks.add(() -> assertEquals(corpus.size(), refusals + applies + holds + oversized(corpus),
                "every file was sent"));
        checks.add(() -> assertEquals(applies, historyFiles().size() - historyBefore.size(),
                "only applies retire a key"));
        checks.add(() -> assertTrue(refusals + oversized(corpus) >= hostile, "every hostile key refused: " + refusals));
        assertAll(checks);
    }

    /** Refused before it is read (413, RequestBodyLimitFilter), with the page's size sentence. */
    @Test
    void tenMegabyteUpload_isACleanRefusal_licenseUnchanged() throws Exception {
        byte[] valid = corpusFile("valid.key");
        byte[] huge = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        System.arraycopy(valid, 0, huge, 0, valid.length);

        HttpResponse<String> answer = admin.uploadKey(viewState, "huge.key", huge, admin.ownOrigin());

        Optional<String> refusal = refusalIn(answer.body());
        assertAll(
                () -> assertEquals(413, answer.statusCode(), answer.body()),
                () -> assertFalse(answer.body().contains("Exception"), "no stack trace: " + answer.body()),
                () -> assertTrue(refusal.isPresent(), answer.body()),
                () -> assertEquals(Optional.of(Messages.get("web.upload.tooLarge")), refusal),
                () -> assertArrayEquals(activeKey, Files.readAllBytes(activeKeyFile()), "active key unchanged"),
                () -> assertEquals(history, historyFiles(), "no key was retired"));
    }

    @Test
    void binaryGarbage_isRefusedAsNotAKeyFile_licenseUnchanged() throws Exception {
        HttpResponse<String> answer = admin.uploadKey(viewState, "garbage.key", corpusFile("binary-garbage.key"),
                admin.ownOrigin());

        assertAll(
                () -> assertEquals(200, answer.statusCode(), answer.body()),
                () -> assertEquals(Optional.of(new LicenseKeyException(LicenseKeyException.Reason.NOT_TEXT).getMessage()
                        + " " + UNCHANGED), refusalIn(answer.body())),
                () -> assertArrayEquals(activeKey, Files.readAllBytes(activeKeyFile()), "active key unchanged"));
    }

    /**
     * What the page must say about {@code entry} on this server today, or empty when the key is usable here and
     * must be applied: the page's size sentence for a file over 64 KiB (refused before the key is read), the
     * verifier's sentence for a refused key, else this server's verdict (the corpus is bound to one machine and
     * day: elsewhere, or on another day, even its friendly keys are not usable).
     */
    private static Optional<String> expectedRefusal(Entry entry, LicenseKeyVerifier verifier, LicenseEvaluator here) {
        if (entry.bytes().length > LicenseKeyVerifier.MAX_KEY_FILE_BYTES) {
            return Optional.of(Messages.get("web.upload.tooLarge"));
        }
        try {
            License license = verifier.verify(entry.bytes());
            assertFalse(entry.expected().kind() == Kind.REFUSED, entry + " verifies");
            Verdict verdict = here.evaluate(Optional.of(license));
            return verdict.operational() ? Optional.empty() : Optional.of(verdict.explanation() + " " + UNCHANGED);
        } catch (LicenseKeyException e) {
            assertEquals(entry.expected().toString(), e.reason().name(), entry + ": " + e.getMessage());
            return Optional.of(e.getMessage() + " " + UNCHANGED);
        }
    }

    /** Whether the usable key {@code entry} gives less than the key {@code active} (DESIGN.md section 10). */
    private static boolean givesLess(LicenseKeyVerifier verifier, byte[] active, Entry entry) throws LicenseKeyException {
        return LicenseComparison.between(verifier.verify(active), verifier.verify(entry.bytes())).givesLess();
    }

    private static long oversized(List<Entry> corpus) {
        return corpus.stream().filter(e -> e.bytes().length > LicenseKeyVerifier.MAX_KEY_FILE_BYTES).count();
    }

    /** The refusal sentence the partial response shows, with the HTML/XML escapes undone. */
    static Optional<String> refusalIn(String partialResponse) {
        Matcher m = REFUSAL.matcher(partialResponse);
        return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
    }

    private static String unescape(String html) {
        // Escaped text has no tags: a raw '<' would mean the sentence was written unescaped.
        if (html.contains("<")) {
            return "(unescaped markup) " + html;
        }
        Matcher m = ENTITY.matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String text = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1)));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        return m.appendTail(sb).toString();
    }

    /** This server as the deployed service sees it (the same probe, the same matching). */
    private static com.netvizura.license.policy.ThisMachine thisServer() {
        InstallationCode here = InstallationCodes.of(new OshiHardwareProbe(Path.of("target").toAbsolutePath()).probe());
        assertEquals(TestLicenses.thisMachineCode(), here.value());
        return codeInKey -> {
            try {
                return InstallationCodeMatcher.match(codeInKey, here);
            } catch (InstallationCodeException e) {
                return new MachineMatch(false, Set.of(), Set.of(), Messages.get("service.machine.unreadableCode"));
            }
        };
    }

    private VendorPublicKey[] trustedKeysOfTheTestWar() throws IOException {
        Properties built = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target/classes").resolve(TrustedKeys.RESOURCE))) {
            built.load(in);
        }
        return trustedHere(built).toArray(VendorPublicKey[]::new);
    }

    private long refusedInAuditLog() throws IOException {
        Path audit = dataHome().resolve("license").resolve("audit.log");
        if (!Files.exists(audit)) {
            return 0;
        }
        return Files.readAllLines(audit, StandardCharsets.UTF_8).stream()
                .filter(line -> REFUSED_AUDIT.matcher(line).find()).count();
    }

    private List<Path> historyFiles() throws IOException {
        Path history = dataHome().resolve("license").resolve("history");
        if (!Files.isDirectory(history)) {
            return List.of();
        }
        try (var files = Files.list(history)) {
            return files.toList();
        }
    }

    private static byte[] corpusFile(String name) {
        return HostileKeyCorpus.entries().stream().filter(e -> e.file().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no corpus file " + name)).bytes();
    }
}
