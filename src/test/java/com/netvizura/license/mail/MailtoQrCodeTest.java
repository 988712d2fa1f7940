package com.netvizura.license.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.LicenseDetails.Field;
import com.netvizura.license.model.QrImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The License Details' QR code decodes, with ZXing's own reader, back to exactly the mailto link it was made of. */
class MailtoQrCodeTest {

    private static final String VENDOR = "sales@netvizura.com";

    static LicenseDetails details(String hostname) {
        Map<Field, String> fields = new EnumMap<>(Field.class);
        fields.put(Field.PRODUCT, "NetVizura");
        fields.put(Field.VERSION, "1.0.0");
        fields.put(Field.BUILD_DATE, "2026-11-01");
        fields.put(Field.INSTALLATION_CODE, "NVZ1-ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC");
        fields.put(Field.LICENSE_ID, "NVZ-2026-000123");
        fields.put(Field.LICENSEE, "Müller & Söhne \"Netze\" GmbH");
        fields.put(Field.LICENSE_TYPE, "perpetual");
        fields.put(Field.MAINTENANCE_UNTIL, "2027-12-20");
        fields.put(Field.HOSTNAME, hostname);
        fields.put(Field.OPERATING_SYSTEM, "Debian GNU/Linux 12 (bookworm) 6.1.0-28-amd64 amd64");
        fields.put(Field.JAVA, "Eclipse Adoptium 17.0.15");
        fields.put(Field.SERVER, "Apache Tomcat/10.1.59");
        fields.put(Field.GENERATED, "2026-12-03T20:00:00Z");
        fields.put(Field.CONTACT_EMAIL, "netops@example.com");
        return new LicenseDetails(fields);
    }

    /** What a phone's reader gets from the image: decoded from its pixels, not from the text it was made of. */
    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), argb);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    @Test
    void forVendor_usualDetails_decodeToExactlyTheLinkSendUses() throws Exception {
        LicenseDetails details = details("nv-collector-01.example.com");

        QrImage qr = MailtoQrCode.forVendor(VENDOR, details);

        assertEquals(MailtoLink.forVendor(VENDOR, details), qr.text(), "the same link as Send");
        assertEquals(qr.text(), decode(qr.png()));
        assertTrue(qr.pixels() <= 600, "fits a screen: " + qr.pixels());
        assertEquals(0, qr.pixels() % MailtoQrCode.MODULE_PIXELS);
    }

    @Test
    void forVendor_detailsTooLongForAReadableCode_carryTheShortBodyWithTheInstallationCode() throws Exception {
        LicenseDetails details = details("very-long-host-name-".repeat(30) + "example.com");

        QrImage qr = MailtoQrCode.forVendor(VENDOR, details);

        assertTrue(MailtoLink.forVendor(VENDOR, details).length() > MailtoQrCode.MAX_LINK_LENGTH);
        assertTrue(qr.text().length() <= MailtoQrCode.MAX_LINK_LENGTH, qr.text());
        assertTrue(qr.text().contains("NVZ1-ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC"), qr.text());
        assertTrue(qr.text().contains("NVZ-2026-000123"), "the license id too: " + qr.text());
        assertEquals(qr.text(), decode(qr.png()));
        assertTrue(qr.pixels() <= 600, "fits a screen: " + qr.pixels());
    }
}
