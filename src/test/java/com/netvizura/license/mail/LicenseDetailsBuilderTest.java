package com.netvizura.license.mail;

import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.LicenseDetails.Field;
import com.netvizura.license.model.LicenseType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LicenseDetailsBuilderTest {

    static final InstallationCode CODE = new InstallationCode("NVZ1-6144B-SW0VD-QSNTF-3");
    static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.of(2026, 11, 20));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T07:35:00Z"), ZoneId.of("Europe/Belgrade"));

    static License subscription() {
        return new License("NVZ-2026-000123", Instant.parse("2026-11-01T10:00:00Z"), "Müller & Söhne GmbH",
                "it@mueller.example", LicenseType.SUBSCRIPTION, LocalDate.of(2027, 10, 31), LocalDate.of(2027, 10, 31),
                CODE.value(), List.of("netflow"), Map.of("devices", 100L), null, Map.of());
    }

    @Test
    void build_withLicense_fillsEveryField() {
        LicenseDetails d = new LicenseDetailsBuilder(BUILD, CODE, CLOCK)
                .license(Optional.of(subscription()))
                .hostname("nv01")
                .operatingSystem("GNU/Linux Debian GNU/Linux 12 (bookworm) amd64")
                .java("17.0.15+6 (Debian)")
                .server("Apache Tomcat/10.1.59")
                .contactEmail("admin@example.com")
                .hardwareChanged("processor, disk")
                .build();

        assertEquals("NetVizura", d.get(Field.PRODUCT).orElseThrow());
        assertEquals("1.0.0", d.get(Field.VERSION).orElseThrow());
        assertEquals("2026-11-20", d.get(Field.BUILD_DATE).orElseThrow());
        assertEquals(CODE.value(), d.installationCode());
        assertEquals("NVZ-2026-000123", d.get(Field.LICENSE_ID).orElseThrow());
        assertEquals("Müller & Söhne GmbH", d.get(Field.LICENSEE).orElseThrow());
        assertEquals("subscription", d.get(Field.LICENSE_TYPE).orElseThrow());
        assertEquals("2027-10-31", d.get(Field.MAINTENANCE_UNTIL).orElseThrow());
        assertEquals("2027-10-31", d.get(Field.USAGE_UNTIL).orElseThrow());
        assertEquals("processor, disk", d.get(Field.HARDWARE_CHANGED).orElseThrow());
        assertEquals("Apache Tomcat/10.1.59", d.get(Field.SERVER).orElseThrow());
        assertEquals("2026-11-28T08:35:00+01:00", d.get(Field.GENERATED).orElseThrow(), "server time with seconds");
        assertEquals("admin@example.com", d.get(Field.CONTACT_EMAIL).orElseThrow());
        assertEquals(Field.values().length, d.fields().size());
        assertEquals(d, LicenseDetails.parse(d.toText()));
    }

    @Test
    void build_withoutLicense_saysNoneAndLeavesLicenseLinesOut() {
        LicenseDetails d = new LicenseDetailsBuilder(BUILD, CODE, CLOCK).license(Optional.empty()).build();

        assertEquals("none", d.get(Field.LICENSE_ID).orElseThrow());
        assertFalse(d.get(Field.LICENSEE).isPresent());
        assertFalse(d.get(Field.MAINTENANCE_UNTIL).isPresent());
        assertFalse(d.get(Field.CONTACT_EMAIL).isPresent());
        assertTrue(d.get(Field.JAVA).orElseThrow().startsWith(String.valueOf(Runtime.version().feature())));
        assertEquals(d, LicenseDetails.parse(d.toText()));
    }

    @Test
    void build_perpetualLicense_hasNoUsageEnd() {
        License perpetual = new License("NVZ-2026-000124", Instant.parse("2026-11-01T10:00:00Z"), "ACME", null,
                LicenseType.PERPETUAL, LocalDate.of(2027, 10, 31), null, CODE.value(), List.of(), Map.of(), null, Map.of());

        LicenseDetails d = new LicenseDetailsBuilder(BUILD, CODE, CLOCK).license(Optional.of(perpetual)).build();

        assertEquals("perpetual", d.get(Field.LICENSE_TYPE).orElseThrow());
        assertFalse(d.get(Field.USAGE_UNTIL).isPresent());
    }
}
