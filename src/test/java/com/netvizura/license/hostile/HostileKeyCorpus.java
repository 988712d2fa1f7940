package com.netvizura.license.hostile;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorPublicKey;
import com.netvizura.license.machine.HardwareProbe;
import com.netvizura.license.machine.InstallationCodeException;
import com.netvizura.license.machine.InstallationCodeMatcher;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.policy.ThisMachine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hostile key corpus in {@code src/test/resources/hostile-keys/}: key files with the outcome each must get,
 * listed in {@code manifest.tsv}, and the fixed world they were made for (the corpus vendor key, this machine, the
 * clock, the build). Reusable by any test that feeds keys to a verifying path (verifier, service, HTTP upload).
 *
 * <p>Every file is signed, if at all, with a throwaway key pair made while the corpus was built; only its public
 * key ({@code public-corpus.pem}) is kept, so nobody can add a validly signed key later. Outcomes for entries that
 * reach the evaluation ({@code ACCEPTED}, {@code NOT_USABLE_HERE:<status>}) hold for {@link #HERE}, {@link #CLOCK}
 * and {@link #BUILD}; on another machine or day all of them become {@code NOT_USABLE_HERE}, while entries with a
 * refusal reason keep it everywhere.
 */
public final class HostileKeyCorpus {

    /** Classpath folder of the corpus. */
    public static final String FOLDER = "/hostile-keys/";
    public static final String MANIFEST = "manifest.tsv";
    public static final String PUBLIC_KEY = "public-corpus.pem";

    /** The server the corpus keys are bound to (a small VM: processor id, machine-id, one MAC). */
    public static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "nv-hostile", "Debian GNU/Linux 12");
    /** Another server, which shares no component with {@link #HERE}. */
    public static final MachineFacts ELSEWHERE = new MachineFacts(null, null, "BFEBFBFF000A0671",
            "9f1b2c3d4e5f60718293a4b5c6d7e8f9", List.of("3c:ec:ef:12:34:56"), null, "nv-other", "Debian GNU/Linux 12");
    /** The moment the corpus is evaluated at. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    /** The build the corpus is evaluated for. */
    public static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));

    private HostileKeyCorpus() {
    }

    /** One corpus file and the outcome it must get. */
    public record Entry(String file, Expected expected, String description) {

        /** The file's bytes, exactly as committed. */
        public byte[] bytes() {
            return resource(file);
        }

        @Override
        public String toString() {
            return file + " -> " + expected;
        }
    }

    /**
     * What a key must come to.
     *
     * @param kind   a refusal by the verifier, acceptance, or a verified key the evaluation finds not usable here
     * @param detail the {@code LicenseKeyException.Reason} name for {@link Kind#REFUSED}, the {@code LicenseStatus}
     *               name for {@link Kind#NOT_USABLE_HERE}, empty for {@link Kind#ACCEPTED}
     */
    public record Expected(Kind kind, String detail) {

        /** Parses a manifest column: {@code ACCEPTED}, {@code NOT_USABLE_HERE:EXPIRED} or a reason name. */
        static Expected parse(String text) {
            if (text.equals("ACCEPTED")) {
                return new Expected(Kind.ACCEPTED, "");
            }
            if (text.startsWith("NOT_USABLE_HERE:")) {
                return new Expected(Kind.NOT_USABLE_HERE, text.substring("NOT_USABLE_HERE:".length()));
            }
            return new Expected(Kind.REFUSED, text);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case ACCEPTED -> "ACCEPTED";
                case NOT_USABLE_HERE -> "NOT_USABLE_HERE:" + detail;
                case REFUSED -> detail;
            };
        }
    }

    public enum Kind { ACCEPTED, REFUSED, NOT_USABLE_HERE }

    /** Every manifest entry, in manifest order. */
    public static List<Entry> entries() {
        String manifest = new String(resource(MANIFEST), StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        for (String line : manifest.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 3) {
                throw new IllegalStateException("manifest line needs 3 tab-separated columns: [" + line + "]");
            }
            entries.add(new Entry(columns[0], Expected.parse(columns[1]), columns[2]));
        }
        return entries;
    }

    /** The public half of the throwaway key pair that signed the corpus. */
    public static VendorPublicKey publicKey() {
        try {
            return PemKeys.readPublicKey(new String(resource(PUBLIC_KEY), StandardCharsets.US_ASCII));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(PUBLIC_KEY + " is not an Ed25519 public key", e);
        }
    }

    public static TrustedKeys trustedKeys() {
        return TrustedKeys.of(publicKey());
    }

    /** A hardware probe that always sees {@link #HERE}. */
    public static HardwareProbe probeHere() {
        return () -> HERE;
    }

    /** {@link #HERE} as the policy sees it; like the service, an unreadable code in a key never matches. */
    public static ThisMachine thisMachine() {
        InstallationCode here = InstallationCodes.of(HERE);
        return codeInKey -> {
            try {
                return InstallationCodeMatcher.match(codeInKey, here);
            } catch (InstallationCodeException e) {
                return new MachineMatch(false, Set.of(), Set.of(), e.getMessage());
            }
        };
    }

    static byte[] resource(String name) {
        try (InputStream in = HostileKeyCorpus.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("corpus file missing from the test classpath: " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
