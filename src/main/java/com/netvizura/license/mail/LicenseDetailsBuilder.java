package com.netvizura.license.mail;

import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.LicenseDetails.Field;
import com.netvizura.license.model.Usage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fills the License Details of this server from what the service knows: the build, the Installation Code, the
 * current license (if any), host facts, the server's own description and the admin's contact address.
 * Without a license, "Current license" reads {@value LicenseDetails#NONE} and the license lines are left out.
 */
public final class LicenseDetailsBuilder {

    /** The product's name as the vendor sells it. */
    public static final String PRODUCT = "NetVizura";

    /** Server-local time with its offset, always with seconds: "2026-11-28T08:35:00+01:00". */
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final BuildInfo build;
    private final InstallationCode installationCode;
    private final Clock clock;
    private License license;
    private String hostname;
    private String operatingSystem;
    private String java = Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
    private String server;
    private String contactEmail;
    private String hardwareChanged;
    private List<String> usage = List.of();

    public LicenseDetailsBuilder(BuildInfo build, InstallationCode installationCode, Clock clock) {
        this.build = Objects.requireNonNull(build, "build");
        this.installationCode = Objects.requireNonNull(installationCode, "installationCode");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The license now active, or {@code null}/empty for none. */
    public LicenseDetailsBuilder license(Optional<License> current) {
        this.license = current.orElse(null);
        return this;
    }

    public LicenseDetailsBuilder hostname(String hostname) {
        this.hostname = hostname;
        return this;
    }

    public LicenseDetailsBuilder operatingSystem(String operatingSystem) {
        this.operatingSystem = operatingSystem;
        return this;
    }

    /** Replaces the running Java's version and vendor, which is the default. */
    public LicenseDetailsBuilder java(String java) {
        this.java = java;
        return this;
    }

    /** The servlet container, e.g. {@code ServletContext.getServerInfo()}: "Apache Tomcat/10.1.59". */
    public LicenseDetailsBuilder server(String serverInfo) {
        this.server = serverInfo;
        return this;
    }

    /** The admin's address the vendor should answer to, or {@code null} when unknown. */
    public LicenseDetailsBuilder contactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
        return this;
    }

    /**
     * The components of this server that differ from the active key's Installation Code (e.g. "processor, disk"),
     * or {@code null}/blank when none: the vendor sees a move of a licensed server, not a new one.
     */
    public LicenseDetailsBuilder hardwareChanged(String components) {
        this.hardwareChanged = components;
        return this;
    }

    /** The usage of each name, as one line each ("Usage devices: 87 of 100, 30-day peak 91"), in name order. */
    public LicenseDetailsBuilder usage(Collection<Usage> usages) {
        this.usage = usages.stream().sorted(Comparator.comparing(Usage::name)).map(UsageLine::of).toList();
        return this;
    }

    public LicenseDetails build() {
        Map<Field, String> f = new EnumMap<>(Field.class);
        f.put(Field.PRODUCT, PRODUCT);
        f.put(Field.VERSION, build.version());
        f.put(Field.BUILD_DATE, build.releaseDate().toString());
        f.put(Field.INSTALLATION_CODE, installationCode.value());
        if (license == null) {
            f.put(Field.LICENSE_ID, LicenseDetails.NONE);
        } else {
            f.put(Field.LICENSE_ID, license.id());
            f.put(Field.LICENSEE, license.licensee());
            f.put(Field.LICENSE_TYPE, license.type().claimValue());
            f.put(Field.MAINTENANCE_UNTIL, license.maintenanceUntil().toString());
            license.usageUntilIfAny().ifPresent(d -> f.put(Field.USAGE_UNTIL, d.toString()));
            f.put(Field.HARDWARE_CHANGED, hardwareChanged);
        }
        f.put(Field.HOSTNAME, hostname);
        f.put(Field.OPERATING_SYSTEM, operatingSystem);
        f.put(Field.JAVA, java);
        f.put(Field.SERVER, server);
        f.put(Field.GENERATED, GENERATED.format(OffsetDateTime.now(clock)));
        f.put(Field.CONTACT_EMAIL, contactEmail);
        f.values().removeIf(Objects::isNull);
        return new LicenseDetails(f, usage);
    }
}
