package com.netvizura.license.it;

import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.key.VendorPrivateKey;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.machine.OshiHardwareProbe;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * License keys for integration tests, signed like the vendor would: with the development vendor key that a build
 * without {@code -Dnetvizura.license.publicKey} generates into {@code target/dev-vendor-key/} and builds into the WAR.
 * Keys for "this machine" carry the Installation Code the deployed application computes, probed the same way.
 */
public final class TestLicenses {

    static final String ERROR_NO_DEV_KEY = "ERROR_NO_DEV_KEY: [%s] is missing; build without "
            + "-Dnetvizura.license.publicKey (mvn verify does) so that the WAR trusts the development key";

    /**
     * The licensee of every test deployment's first key ({@link InitialLicense#VALID}). A key for another licensee
     * gives less than it and waits for Apply anyway, so tests that just apply a new key use this one.
     */
    public static final String IT_LICENSEE = "Integration Test Ltd";

    private static String thisMachineCode;

    private TestLicenses() {
    }

    /** This machine's Installation Code, as the application computes it for a data directory under {@code target/}. */
    public static synchronized String thisMachineCode() {
        if (thisMachineCode == null) {
            thisMachineCode = InstallationCodes.of(new OshiHardwareProbe(Path.of("target").toAbsolutePath()).probe()).value();
        }
        return thisMachineCode;
    }

    /** The code of a machine that shares no component with this one. */
    public static String otherMachineCode() {
        return InstallationCodes.of(new MachineFacts("4C4C4544-0042-3510-8052-B3C04F4B4E32", "CNFCW0017G0123",
                "BFEBFBFF000A0671", "9f1b2c3d4e5f60718293a4b5c6d7e8f9", List.of("3c:ec:ef:12:34:56"),
                "S4EWNX0R123456", "elsewhere", "Linux")).value();
    }

    /** A perpetual key for this machine with a year of maintenance, modules netflow and eventlog, 100 devices. */
    public static byte[] valid(String id, String licensee) {
        return perpetual(id, licensee, thisMachineCode(), LocalDate.now().plusYears(1));
    }

    /** A correctly signed key bound to another machine. */
    public static byte[] forOtherMachine(String id) {
        return perpetual(id, "Other Machine Ltd", otherMachineCode(), LocalDate.now().plusYears(1));
    }

    /** A key bound to another machine that gives {@code hardwareGraceDays} of hardware grace (DESIGN.md section 13). */
    public static byte[] forOtherMachineWithHardwareGrace(String id, int hardwareGraceDays) {
        License l = license(id, "Moved Server Ltd", otherMachineCode(), LocalDate.now().plusYears(1));
        return sign(new License(l.id(), l.issuedAt(), l.licensee(), l.email(), l.type(), l.maintenanceUntil(),
                l.usageUntil(), l.installationCode(), l.modules(), l.limits(), null, Map.of(), hardwareGraceDays));
    }

    /** A subscription for this machine that ended (with its grace) 60 days ago. */
    public static byte[] expiredSubscription(String id) {
        LocalDate end = LocalDate.now().minusDays(60);
        return sign(new License(id, Instant.now().minus(400, ChronoUnit.DAYS), "Lapsed Ltd", null,
                LicenseType.SUBSCRIPTION, end, end, thisMachineCode(), List.of("netflow"), Map.of(), null, Map.of()));
    }

    /**
     * A licensee whose name a metrics writer and the JSON writer must escape: a double quote and a backslash, and
     * letters outside ASCII. The key's claim rules refuse line breaks, U+2028/2029 and direction overrides in
     * {@code sub}, so none of those can reach a writer from a key; a real line feed is covered by the writer's unit
     * test.
     */
    public static final String AWKWARD_LICENSEE = "Quote \"Q\" Back\\slash Müller & Söhne Ltd";

    /** A subscription for this machine whose usage and maintenance end {@code days} from today. */
    public static byte[] subscriptionEndingIn(String id, String licensee, int days) {
        LocalDate end = LocalDate.now().plusDays(days);
        return sign(new License(id, Instant.now().minus(300, ChronoUnit.DAYS), licensee, null,
                LicenseType.SUBSCRIPTION, end, end, thisMachineCode(), List.of("netflow"), Map.of("devices", 50L),
                null, Map.of()));
    }

    /**
     * A subscription for this machine whose usage ended 3 days ago: in grace. Maintenance runs on for 30 days, so
     * that this build (released today) is covered and the status is grace, not "version not covered".
     */
    public static byte[] inGrace(String id, String licensee) {
        return sign(new License(id, Instant.now().minus(400, ChronoUnit.DAYS), licensee, null,
                LicenseType.SUBSCRIPTION, LocalDate.now().plusDays(30), LocalDate.now().minusDays(3),
                thisMachineCode(), List.of("netflow"), Map.of(), null, Map.of()));
    }

    /** A subscription for this machine whose usage, maintenance and support end on {@code lastDay}. */
    public static byte[] subscription(String id, String licensee, LocalDate lastDay) {
        return sign(new License(id, Instant.now().minus(1, ChronoUnit.HOURS), licensee, null, LicenseType.SUBSCRIPTION,
                lastDay, lastDay, thisMachineCode(), List.of("netflow"), Map.of("devices", 50L), null, Map.of()));
    }

    /** A valid key signed by a vendor key the WAR does not trust. */
    public static byte[] signedByStranger(String id) {
        License license = license(id, "Stranger Ltd", thisMachineCode(), LocalDate.now().plusYears(1));
        return LicenseKeySigner.sign(license, VendorKeyPair.generate().privateKey()).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code key} with one character of the signed payload changed, so that the signature no longer holds. */
    public static byte[] tampered(byte[] key) {
        String text = new String(key, StandardCharsets.US_ASCII);
        int at = text.indexOf('.', text.indexOf("-----\n") + 6) + 10;
        char c = text.charAt(at);
        return (text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1)).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] perpetual(String id, String licensee, String installationCode, LocalDate maintenanceUntil) {
        return sign(license(id, licensee, installationCode, maintenanceUntil));
    }

    public static byte[] sign(License license) {
        return LicenseKeySigner.sign(license, devVendorKey()).getBytes(StandardCharsets.UTF_8);
    }

    private static License license(String id, String licensee, String code, LocalDate maintenanceUntil) {
        return new License(id, Instant.now().minus(1, ChronoUnit.HOURS), licensee, "it@" + "example.com",
                LicenseType.PERPETUAL, maintenanceUntil, null, code, List.of("netflow", "eventlog"),
                Map.of("devices", 100L), null, Map.of());
    }

    private static VendorPrivateKey devVendorKey() {
        Path file = Path.of(System.getProperty("it.devVendorKey", "target/dev-vendor-key/private.pem"));
        try {
            return PemKeys.readPrivateKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format(ERROR_NO_DEV_KEY, file.toAbsolutePath()), e);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(String.format(ERROR_NO_DEV_KEY, file.toAbsolutePath()), e);
        }
    }
}
