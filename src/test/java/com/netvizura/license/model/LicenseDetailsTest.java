package com.netvizura.license.model;

import com.netvizura.license.model.LicenseDetails.Field;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LicenseDetailsTest {

    static LicenseDetails full() {
        Map<Field, String> f = new EnumMap<>(Field.class);
        f.put(Field.PRODUCT, "NetVizura");
        f.put(Field.VERSION, "1.0.0");
        f.put(Field.BUILD_DATE, "2026-11-20");
        f.put(Field.INSTALLATION_CODE, "NVZ1-6144B-SW0VD-QSNTF-3");
        f.put(Field.LICENSE_ID, "NVZ-2026-000123");
        f.put(Field.LICENSEE, "Müller & Söhne GmbH: Netzwerk");
        f.put(Field.LICENSE_TYPE, "subscription");
        f.put(Field.MAINTENANCE_UNTIL, "2027-11-30");
        f.put(Field.USAGE_UNTIL, "2027-11-30");
        f.put(Field.HARDWARE_CHANGED, "processor, network card");
        f.put(Field.HOSTNAME, "nv01.example.com");
        f.put(Field.OPERATING_SYSTEM, "GNU/Linux Debian GNU/Linux 12 (bookworm) build 6.1.0 amd64");
        f.put(Field.JAVA, "17.0.15+6-Debian-1deb12u1 (Debian)");
        f.put(Field.SERVER, "Apache Tomcat/10.1.59");
        f.put(Field.GENERATED, "2026-11-28T08:35:00+01:00");
        f.put(Field.CONTACT_EMAIL, "admin@example.com");
        return new LicenseDetails(f);
    }

    @Test
    void parse_ofToText_givesEveryFieldBack() {
        LicenseDetails details = full();

        assertEquals(details, LicenseDetails.parse(details.toText()));
        assertEquals(Field.values().length, LicenseDetails.parse(details.toText()).fields().size());
    }

    @Test
    void usageLines_followTheLicenseLines_andParseBack_withoutTakingUsageUntil() {
        LicenseDetails details = new LicenseDetails(full().fields(),
                List.of("Usage devices: 87 of 100, 30-day peak 91", "Usage probes: 12 (not limited), 30-day peak 14"));
        String text = details.toText();

        assertTrue(text.contains("Usage until: 2027-11-30\r\nUsage devices: 87 of 100, 30-day peak 91\r\n"
                + "Usage probes: 12 (not limited), 30-day peak 14\r\nHardware changed since the key was issued: "), text);
        assertEquals(details, LicenseDetails.parse("> " + text.replace("\r\n", "\n> ")));
    }

    @Test
    void toText_isOneLabelledLinePerFieldWithCrlf() {
        String text = full().toText();

        assertTrue(text.startsWith("NetVizura License Details\r\n=========================\r\nProduct: NetVizura\r\n"), text);
        assertTrue(text.contains("\r\nInstallation Code: NVZ1-6144B-SW0VD-QSNTF-3\r\n"), text);
        assertTrue(text.contains("\r\nGenerated: 2026-11-28T08:35:00+01:00\r\n"), text);
        assertEquals(2 + Field.values().length, text.split("\r\n").length);
    }

    @Test
    void parse_quotedReplyWithOtherText_findsTheFields() {
        String reply = "Thanks, key below.\n\nOn Monday the admin wrote:\n" + full().toText().replace("\r\n", "\n> ")
                .replace("Product:", "> > Product:");

        LicenseDetails parsed = LicenseDetails.parse(reply);

        assertEquals(full(), parsed);
    }

    @Test
    void parse_labelsInOtherCase_areRead() {
        LicenseDetails parsed = LicenseDetails.parse("installation code:  nvz1-6144b-sw0vd-qsntf-3 \nHOSTNAME: nv01");

        assertEquals("nvz1-6144b-sw0vd-qsntf-3", parsed.installationCode());
        assertEquals("nv01", parsed.get(Field.HOSTNAME).orElseThrow());
    }

    @Test
    void parse_withoutInstallationCode_saysWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LicenseDetails.parse("Product: NetVizura\nVersion: 1.0.0"));
        assertTrue(e.getMessage().contains("Installation Code:"), e.getMessage());
    }

    @Test
    void new_valueWithLineBreakOrControlCharacters_cannotForgeAnotherLine() {
        Map<Field, String> f = new EnumMap<>(Field.class);
        f.put(Field.INSTALLATION_CODE, "NVZ1-6144B-SW0VD-QSNTF-3");
        f.put(Field.LICENSEE, "ACME\r\nInstallation Code: NVZ1-FORGED\u2028x\u0000y\tz");

        LicenseDetails details = new LicenseDetails(f);

        assertEquals("ACME Installation Code: NVZ1-FORGED x y z", details.get(Field.LICENSEE).orElseThrow());
        assertEquals("NVZ1-6144B-SW0VD-QSNTF-3", LicenseDetails.parse(details.toText()).installationCode());
        assertEquals(details, LicenseDetails.parse(details.toText()));
    }

    @Test
    void new_blankValues_areLeftOut() {
        Map<Field, String> f = new EnumMap<>(Field.class);
        f.put(Field.INSTALLATION_CODE, "NVZ1-6144B-SW0VD-QSNTF-3");
        f.put(Field.HOSTNAME, " \u0000 ");

        LicenseDetails details = new LicenseDetails(f);

        assertFalse(details.get(Field.HOSTNAME).isPresent());
        assertFalse(details.toText().contains("Hostname"));
    }
}
