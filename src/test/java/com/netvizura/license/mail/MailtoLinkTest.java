package com.netvizura.license.mail;

import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.LicenseDetails.Field;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailtoLinkTest {

    // RFC 6068 section 6. The RFC leaves '@' in header values and "'" in addresses unencoded (both are allowed
    // "some-delims"); this link encodes them too, so those two are compared after decoding %40 and %27.

    @Test
    void of_rfc6068BasicExamples_encodeTheSame() {
        assertEquals("mailto:chris@example.com", MailtoLink.of("chris@example.com", Map.of()));
        assertEquals("mailto:infobot@example.com?subject=current-issue",
                MailtoLink.of("infobot@example.com", fields("subject", "current-issue")));
        assertEquals("mailto:infobot@example.com?body=send%20current-issue",
                MailtoLink.of("infobot@example.com", fields("body", "send current-issue")));
        assertEquals("mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index",
                MailtoLink.of("infobot@example.com", fields("body", "send current-issue\r\nsend index")));
        assertEquals("mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E",
                rfcDelims(MailtoLink.of("list@example.org", fields("In-Reply-To", "<3469A91.D10AF4C@example.com>"))));
        assertEquals("mailto:majordomo@example.com?body=subscribe%20bamboo-l",
                MailtoLink.of("majordomo@example.com", fields("body", "subscribe bamboo-l")));
        assertEquals("mailto:joe@example.com?cc=bob@example.com&body=hello",
                rfcDelims(MailtoLink.of("joe@example.com", fields("cc", "bob@example.com", "body", "hello"))));
        assertEquals("mailto:gorby%25kremvax@example.com", MailtoLink.of("gorby%kremvax@example.com", Map.of()));
        assertEquals("mailto:unlikely%3Faddress@example.com?blat=foop",
                MailtoLink.of("unlikely?address@example.com", fields("blat", "foop")));
        assertEquals("mailto:Mike%26family@example.org", MailtoLink.of("Mike&family@example.org", Map.of()));
    }

    @Test
    void of_rfc6068QuotedLocalParts_encodeTheSame() {
        assertEquals("mailto:%22not%40me%22@example.org", MailtoLink.of("\"not@me\"@example.org", Map.of()));
        assertEquals("mailto:%22oh%5C%5Cno%22@example.org", MailtoLink.of("\"oh\\\\no\"@example.org", Map.of()));
        assertEquals("mailto:%22%5C%5C%5C%22it's%5C%20ugly%5C%5C%5C%22%22@example.org",
                rfcDelims(MailtoLink.of("\"\\\\\\\"it's\\ ugly\\\\\\\"\"@example.org", Map.of())));
    }

    @Test
    void of_rfc6068NonAsciiExamples_encodeUtf8Bytes() {
        assertEquals("mailto:user@example.org?subject=caf%C3%A9", MailtoLink.of("user@example.org", fields("subject", "café")));
        assertEquals("mailto:user@example.org?subject=%3D%3Futf-8%3FQ%3Fcaf%3DC3%3DA9%3F%3D",
                MailtoLink.of("user@example.org", fields("subject", "=?utf-8?Q?caf=C3=A9?=")));
        assertEquals("mailto:user@example.org?subject=%3D%3Fiso-8859-1%3FQ%3Fcaf%3DE9%3F%3D",
                MailtoLink.of("user@example.org", fields("subject", "=?iso-8859-1?Q?caf=E9?=")));
        assertEquals("mailto:user@example.org?subject=caf%C3%A9&body=caf%C3%A9",
                MailtoLink.of("user@example.org", "café", "café"));
        assertEquals("mailto:user@%E7%B4%8D%E8%B1%86.example.org?subject=Test&body=NATTO",
                MailtoLink.of("user@納豆.example.org", "Test", "NATTO"));
    }

    @Test
    void of_atSignInHeaderValue_isEncodedToo() {
        assertTrue(MailtoLink.of("joe@example.com", fields("cc", "bob@example.com")).endsWith("cc=bob%40example.com"));
    }

    @Test
    void of_reservedCharactersUmlautsAndLineBreaks_survive() {
        String body = "Price: 5 & 10? #1 = 100% a+b\nGrüße aus Köln\r\nZeile\r3 ; / , ' ( ) * ! $ @ [ ]";
        String subject = "Lizenz für Müller & Söhne? #7 + 50%";

        String link = MailtoLink.of("sales@netvizura.com", subject, body);

        String query = link.substring(link.indexOf('?') + 1);
        assertEquals(2, query.split("&", -1).length, "only the separator & is literal: " + link);
        assertTrue(link.matches("mailto:[A-Za-z0-9._~%-]+@[A-Za-z0-9._~%-]+\\?subject=[A-Za-z0-9._~%-]*&body=[A-Za-z0-9._~%-]*"), link);
        Map<String, String> decoded = decode(link);
        assertEquals(subject, decoded.get("subject"));
        assertEquals(body.replaceAll("\\r\\n|\\r|\\n", "\r\n"), decoded.get("body"));
        assertTrue(link.contains("%0D%0AGr%C3%BC%C3%9Fe%20aus%20K%C3%B6ln%0D%0A"), link);
        assertTrue(link.contains("%26%2010%3F%20%231%20%3D%20100%25%20a%2Bb"), link);
    }

    @Test
    void forVendor_usualDetails_carryTheFullTextThatTheIssuerCanRead() {
        LicenseDetails details = details(Optional.empty());

        String link = MailtoLink.forVendor("sales@netvizura.com", details);

        assertTrue(link.length() <= MailtoLink.MAX_LENGTH, link.length() + ": " + link);
        assertTrue(link.startsWith("mailto:sales@netvizura.com?subject=NetVizura%20License%20Details%20NVZ1-"), link);
        Map<String, String> decoded = decode(link);
        assertEquals("NetVizura License Details " + details.installationCode(), decoded.get("subject"));
        assertEquals(details, LicenseDetails.parse(decoded.get("body")));
        assertFalse(decoded.get("body").contains("full License Details are on the License page"));
    }

    @Test
    void forVendor_detailsTooLongForALink_sendEssentialsWithCodeFirstAndSayWhereTheRestIs() {
        LicenseDetails details = details(Optional.of("Ärzte- & Pflegeverbund Österreich Süd ".repeat(30)));
        assertTrue(MailtoLink.of("sales@netvizura.com", "x", details.toText()).length() > MailtoLink.MAX_LENGTH);

        String link = MailtoLink.forVendor("sales@netvizura.com", details);

        assertTrue(link.length() <= MailtoLink.MAX_LENGTH, String.valueOf(link.length()));
        String body = decode(link).get("body");
        assertTrue(body.contains("full License Details are on the License page"), body);
        String firstField = body.lines().filter(l -> l.contains(": ")).findFirst().orElseThrow();
        assertEquals("Installation Code: " + details.installationCode(), firstField);
        assertTrue(body.contains("Current license: NVZ-2026-000123"), body);
        assertEquals(details.installationCode(), LicenseDetails.parse(body).installationCode());
    }

    private static LicenseDetails details(Optional<String> licensee) {
        Map<Field, String> f = new EnumMap<>(Field.class);
        f.put(Field.PRODUCT, "NetVizura");
        f.put(Field.VERSION, "1.0.0");
        f.put(Field.INSTALLATION_CODE, "NVZ1-6144B-SW0VD-QSNTF-3");
        f.put(Field.LICENSE_ID, "NVZ-2026-000123");
        licensee.ifPresent(l -> f.put(Field.LICENSEE, l));
        f.put(Field.HOSTNAME, "nv01.example.com");
        f.put(Field.OPERATING_SYSTEM, "GNU/Linux Debian GNU/Linux 12 (bookworm) build 6.1.0 amd64");
        f.put(Field.JAVA, "17.0.15+6-Debian-1deb12u1 (Debian)");
        f.put(Field.SERVER, "Apache Tomcat/10.1.59");
        f.put(Field.GENERATED, "2026-11-28T08:35:00+01:00");
        f.put(Field.CONTACT_EMAIL, "admin@example.com");
        return new LicenseDetails(f);
    }

    private static Map<String, String> fields(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    /** The link as RFC 6068 writes it: "@" in values and "'" left as they are. */
    private static String rfcDelims(String link) {
        return link.replace("%40", "@").replace("%27", "'");
    }

    /** Header fields of a mailto link, percent-decoded as UTF-8 ("+" is a plus, not a space). */
    static Map<String, String> decode(String link) {
        Map<String, String> m = new LinkedHashMap<>();
        int q = link.indexOf('?');
        m.put("to", percentDecode(link.substring("mailto:".length(), q < 0 ? link.length() : q)));
        if (q >= 0) {
            for (String pair : link.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                m.put(percentDecode(pair.substring(0, eq)), percentDecode(pair.substring(eq + 1)));
            }
        }
        return m;
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
