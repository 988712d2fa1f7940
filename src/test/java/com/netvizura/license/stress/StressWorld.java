package com.netvizura.license.stress;

import com.netvizura.license.hostile.HostileKeyCorpus;
import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorPrivateKey;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.service.LicenseDataException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the stress and fault commands share: the real clock, a build released today, the fake machine
 * {@link HostileKeyCorpus#HERE}, and keys signed with a vendor key made for the run (never stored in git).
 */
final class StressWorld {

    static final Clock CLOCK = Clock.systemUTC();
    static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.now(ZoneOffset.UTC));

    private StressWorld() {
    }

    /** Starts the service as NetVizura would, on {@code home}, trusting {@code trusted}. */
    static LicenseService start(Path home, TrustedKeys trusted) throws LicenseDataException {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        return LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(), HostileKeyCorpus.probeHere(),
                trusted, BUILD, CLOCK, "stress");
    }

    /** A valid perpetual key for this machine, today, with license id {@code id}. */
    static byte[] key(String id, VendorPrivateKey vendor) {
        License license = new License(id, CLOCK.instant().minus(Duration.ofHours(1)), "Stress Test Ltd", null,
                LicenseType.PERPETUAL, LocalDate.now(ZoneOffset.UTC).plusYears(1), null,
                InstallationCodes.of(HostileKeyCorpus.HERE).value(), List.of("netflow"), Map.of(), null, Map.of());
        return LicenseKeySigner.sign(license, vendor).getBytes(StandardCharsets.US_ASCII);
    }
}
