package com.netvizura.license.web.page;

import com.netvizura.license.model.QrImage;
import java.io.Serializable;
import java.util.Base64;

/**
 * The License Details' QR code as the License page shows it ({@code #nvlDetailsQr}): a {@code data:} URI of the PNG,
 * so the image is of exactly the details on the page and needs no request of its own (the shell's Content Security
 * Policy allows {@code img-src data:}; a host frame's policy must too).
 *
 * @param dataUri {@code data:image/png;base64,...}
 * @param pixels  the image's width and height, shown one image pixel to one CSS pixel
 */
public record DetailsQr(String dataUri, int pixels) implements Serializable {

    private static final long serialVersionUID = 1L;

    static DetailsQr of(QrImage image) {
        return new DetailsQr("data:image/png;base64," + Base64.getEncoder().encodeToString(image.png()),
                image.pixels());
    }
}
