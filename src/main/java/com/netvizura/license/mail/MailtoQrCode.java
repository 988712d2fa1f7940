package com.netvizura.license.mail;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.QrImage;
import java.util.Map;

/**
 * The License Details as a QR code of the {@code mailto:} link to the vendor, for a server without a mail route: a
 * phone outside the network scans it from the screen and sends the mail (DESIGN.md section 12). Encoded with ZXing,
 * written as a black-and-white PNG ({@link BlackWhitePng}).
 *
 * <p>Readable from a screen: error correction L (a screen is not a torn label; L keeps the code smallest), a quiet
 * zone of four modules, {@value #MODULE_PIXELS} pixels a module. The link is the one Send uses while it is at most
 * {@value #MAX_LINK_LENGTH} characters (version 27 at most, 125 modules, about 530 pixels square); longer details
 * (long host or licensee names, many extra lines) get the shortened body of {@link MailtoLink} with the Installation
 * Code first, which the vendor's issuer reads all the same.
 */
public final class MailtoQrCode {

    /** Longest link put in the code, so that it stays readable from a screen at {@value #MODULE_PIXELS} px a module. */
    public static final int MAX_LINK_LENGTH = 1400;
    /** Pixels a module: about what phone cameras resolve from a screen at arm's length. */
    public static final int MODULE_PIXELS = 4;
    private static final int QUIET_ZONE_MODULES = 4;

    private MailtoQrCode() {
    }

    /** The code of the link that sends {@code details} to {@code vendorEmail}. */
    public static QrImage forVendor(String vendorEmail, LicenseDetails details) {
        return of(MailtoLink.forVendor(vendorEmail, details, MAX_LINK_LENGTH));
    }

    /** The code of {@code link}, as it is. */
    public static QrImage of(String link) {
        BitMatrix modules;
        try {
            // Width and height 0: one pixel a module; the image is scaled below without any smoothing.
            modules = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L,
                    EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
        } catch (WriterException e) {
            throw new IllegalArgumentException("ERROR_QR_TOO_LONG: a QR code holds at most about 2,900 bytes; pass a "
                    + "link shortened with MailtoLink.forVendor(vendor, details, MAX_LINK_LENGTH)", e);
        }
        int pixels = modules.getWidth() * MODULE_PIXELS;
        BitMatrix code = modules;
        byte[] png = BlackWhitePng.of(pixels, pixels,
                (x, y) -> code.get(x / MODULE_PIXELS, y / MODULE_PIXELS));
        return new QrImage(link, png, pixels);
    }
}
