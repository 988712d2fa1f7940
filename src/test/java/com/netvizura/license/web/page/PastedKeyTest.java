package com.netvizura.license.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.hostile.HostileKeyCorpus;
import com.netvizura.license.hostile.HostileKeyCorpus.Entry;
import com.netvizura.license.model.Actor;
import com.netvizura.license.service.LicenseHeldException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Upload dialog's two ways in, a key file and a pasted key, end in the same outcome for every file of the
 * hostile-key corpus: each way on its own data directory (real service, store and verifier; only the hardware probe
 * and the clock are fakes), both starting from the same active key. A pasted key is what a browser sends from a
 * text field holding the file's text: the text with CRLF line ends (HTML's form submission).
 */
class PastedKeyTest {

    private static final Actor ADMIN = new Actor("admin", "192.0.2.7");
    private static final String UNCHANGED = "Your current license is unchanged.";

    @TempDir
    static Path fileHome;
    @TempDir
    static Path pasteHome;
    private static LicenseService fileWay;
    private static LicenseService pasteWay;
    private static byte[] baseline;

    @BeforeAll
    static void start() throws Exception {
        fileWay = start(fileHome);
        pasteWay = start(pasteHome);
        baseline = HostileKeyCorpus.entries().stream().filter(e -> e.file().equals("valid.key")).findFirst()
                .orElseThrow().bytes();
    }

    @AfterAll
    static void stop() {
        fileWay.stop();
        pasteWay.stop();
    }

    @BeforeEach
    void baselineIsActiveOnBothSides() throws Exception {
        makeActive(fileWay, baseline);
        makeActive(pasteWay, baseline);
    }

    static Stream<Entry> corpus() {
        return HostileKeyCorpus.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void pastedText_endsLikeTheFile(Entry entry) throws Exception {
        KeyOutcome file = KeyOutcome.of(fileWay, SubmittedKey.read(new ByteArrayInputStream(entry.bytes())), ADMIN,
                Locale.ENGLISH);
        KeyOutcome pasted = KeyOutcome.of(pasteWay, SubmittedKey.pasted(asPasted(entry.bytes())), ADMIN,
                Locale.ENGLISH);

        if (isText(entry.bytes())) {
            // A file with CR line ends is other bytes than the active key, its text pasted is not (a paste's line
            // ends are made LF): whether the pop-up says "applied" or "already active" may differ only there.
            boolean sameBytes = !new String(entry.bytes(), StandardCharsets.UTF_8).contains("\r");
            assertEquals(summary(file, sameBytes), summary(pasted, sameBytes), entry.description());
        } else {
            // A text field cannot carry bytes that are no text: what a paste of them brings is refused all the same.
            assertInstanceOf(KeyOutcome.Refused.class, file, entry.description());
            assertInstanceOf(KeyOutcome.Refused.class, pasted, entry.description());
        }
        if (pasted instanceof KeyOutcome.Refused refused) {
            assertTrue(refused.sentence().endsWith(UNCHANGED), refused.sentence());
        }
    }

    @Test
    void pastedTextFarOverTheCap_isRefusedLikeSuchAFile() {
        String huge = "-----BEGIN NETVIZURA LICENSE KEY-----\n" + "A".repeat(1 << 20);

        KeyOutcome pasted = KeyOutcome.of(pasteWay, SubmittedKey.pasted(huge), ADMIN, Locale.ENGLISH);
        KeyOutcome file = KeyOutcome.of(fileWay, SubmittedKey.pasted(huge), ADMIN, Locale.ENGLISH);

        assertEquals(summary(file, true), summary(pasted, true));
        String sentence = assertInstanceOf(KeyOutcome.Refused.class, pasted).sentence();
        assertTrue(sentence.contains("64 KiB") && sentence.endsWith(UNCHANGED), sentence);
    }

    @Test
    void nothingPasted_isRefusedAsEmpty() {
        KeyOutcome pasted = KeyOutcome.of(pasteWay, SubmittedKey.pasted(null), ADMIN, Locale.ENGLISH);

        String sentence = assertInstanceOf(KeyOutcome.Refused.class, pasted).sentence();
        assertTrue(sentence.endsWith(UNCHANGED), sentence);
        assertEquals(summary(KeyOutcome.of(fileWay, new byte[0], ADMIN, Locale.ENGLISH), true), summary(pasted, true));
    }

    /** What the admin notices of an outcome: the pop-up's license, what a held key would lose, or the sentence. */
    private static String summary(KeyOutcome outcome, boolean withChanged) {
        if (outcome instanceof KeyOutcome.Applied applied) {
            return "applied " + applied.license().license().id()
                    + (withChanged ? " changed=" + applied.license().changed() : "")
                    + " renewal=" + applied.license().renewal().orElse("") + " warnings=" + applied.license().warnings();
        }
        if (outcome instanceof KeyOutcome.Held held) {
            return "held " + held.held().license().id() + " losing " + held.held().change().lossSentences();
        }
        return "refused: " + ((KeyOutcome.Refused) outcome).sentence();
    }

    /** The file's text as a browser submits it from a text field: line ends as CRLF. */
    private static String asPasted(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).replaceAll("\r\n|\r|\n", "\r\n");
    }

    private static boolean isText(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static LicenseService start(Path home) throws Exception {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        return LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(),
                HostileKeyCorpus.probeHere(), HostileKeyCorpus.trustedKeys(), HostileKeyCorpus.BUILD,
                HostileKeyCorpus.CLOCK, "test");
    }

    private static void makeActive(LicenseService service, byte[] key) throws Exception {
        try {
            service.apply(key, ADMIN);
        } catch (LicenseHeldException held) {
            service.applyAnyway(key, held.confirmation(), ADMIN);
        }
    }
}
