package com.netvizura.license.hostile;

import com.netvizura.license.hostile.HostileKeyCorpus.Entry;
import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.model.License;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.policy.LicenseEvaluator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file of the hostile key corpus through the real verifier and evaluator: each ends in exactly the outcome the
 * manifest names, and nothing ends in any other exception.
 */
class HostileKeyCorpusTest {

    private static final LicenseKeyVerifier VERIFIER = new LicenseKeyVerifier(HostileKeyCorpus.trustedKeys());
    private static final LicenseEvaluator EVALUATOR = new LicenseEvaluator(HostileKeyCorpus.thisMachine(),
            HostileKeyCorpus.CLOCK, HostileKeyCorpus.BUILD);

    static Stream<Entry> corpus() {
        return HostileKeyCorpus.entries().stream();
    }

    /** The outcome in manifest words; any exception other than a refusal escapes and fails the test. */
    static String outcome(byte[] keyFile) {
        try {
            License license = VERIFIER.verify(keyFile);
            Verdict verdict = EVALUATOR.evaluate(Optional.of(license));
            return verdict.operational() ? "ACCEPTED" : "NOT_USABLE_HERE:" + verdict.status();
        } catch (LicenseKeyException e) {
            assertFalse(e.getMessage().isBlank(), "a refusal says why");
            return e.reason().name();
        }
    }

    @Test
    void corpus_isLargeAndCoversEveryRefusalAndEveryOutcome() {
        List<Entry> entries = HostileKeyCorpus.entries();
        assertTrue(entries.size() >= 60, "only " + entries.size() + " corpus files");
        Set<String> outcomes = entries.stream().map(e -> e.expected().toString()).collect(Collectors.toSet());
        for (LicenseKeyException.Reason reason : LicenseKeyException.Reason.values()) {
            assertTrue(outcomes.contains(reason.name()), "no corpus file is refused with " + reason);
        }
        for (String status : List.of("OTHER_MACHINE", "EXPIRED", "NOT_YET_VALID", "VERSION_NOT_COVERED")) {
            assertTrue(outcomes.contains("NOT_USABLE_HERE:" + status), "no corpus file ends in " + status);
        }
        assertTrue(outcomes.contains("ACCEPTED"));
    }

    @Test
    void manifest_listsEveryCorpusFileExactlyOnce() throws IOException, URISyntaxException {
        Path dir = Path.of(HostileKeyCorpus.class.getResource(HostileKeyCorpus.FOLDER).toURI());
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(HostileKeyCorpus.MANIFEST) && !n.equals(HostileKeyCorpus.PUBLIC_KEY))
                    .forEach(onDisk::add);
        }
        List<String> listed = HostileKeyCorpus.entries().stream().map(Entry::file).toList();
        assertEquals(listed.size(), Set.copyOf(listed).size(), "a file is listed twice");
        assertEquals(onDisk, new TreeSet<>(listed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFile_endsInItsExpectedOutcome(Entry entry) {
        assertEquals(entry.expected().toString(), outcome(entry.bytes()), entry.description());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFile_readFromAStream_endsInTheSameOutcome(Entry entry) throws IOException {
        String viaStream;
        try (InputStream in = new ByteArrayInputStream(entry.bytes())) {
            viaStream = streamOutcome(in);
        }
        assertEquals(entry.expected().toString(), viaStream, entry.description());
    }

    @Test
    void tenMegabyteKey_isRefusedAsTooLargeAfterReadingOnlyTheCap() throws IOException {
        byte[] valid = HostileKeyCorpus.resource("valid.key");
        CountingStream tenMegabytes = new CountingStream(10 * 1024 * 1024, i -> i < valid.length ? valid[i] : (byte) 'x');

        assertEquals("TOO_LARGE", streamOutcome(tenMegabytes));
        assertEquals(LicenseKeyVerifier.MAX_KEY_FILE_BYTES + 1, tenMegabytes.read);
    }

    @Test
    void tenMegabytesOfBinaryGarbage_isRefusedAsTooLargeAfterReadingOnlyTheCap() throws IOException {
        Random random = new Random(10);
        CountingStream garbage = new CountingStream(10 * 1024 * 1024, i -> (byte) random.nextInt());

        assertEquals("TOO_LARGE", streamOutcome(garbage));
        assertEquals(LicenseKeyVerifier.MAX_KEY_FILE_BYTES + 1, garbage.read);
    }

    @Test
    void tenMegabyteArray_isRefusedAsTooLarge() {
        byte[] big = new byte[10 * 1024 * 1024];
        LicenseKeyException e = assertThrows(LicenseKeyException.class, () -> VERIFIER.verify(big));
        assertEquals(LicenseKeyException.Reason.TOO_LARGE, e.reason());
    }

    private static String streamOutcome(InputStream in) throws IOException {
        try {
            License license = VERIFIER.verify(in);
            Verdict verdict = EVALUATOR.evaluate(Optional.of(license));
            return verdict.operational() ? "ACCEPTED" : "NOT_USABLE_HERE:" + verdict.status();
        } catch (LicenseKeyException e) {
            return e.reason().name();
        }
    }

    /** A generated stream of {@code size} bytes that counts how many were taken from it. */
    private static final class CountingStream extends InputStream {

        interface ByteAt {
            byte at(int index);
        }

        private final int size;
        private final ByteAt source;
        int read;

        CountingStream(int size, ByteAt source) {
            this.size = size;
            this.source = source;
        }

        @Override
        public int read() {
            return read < size ? source.at(read++) & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = Math.min(len, size - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = source.at(read++);
            }
            return n;
        }
    }
}
