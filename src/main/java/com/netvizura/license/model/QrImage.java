package com.netvizura.license.model;

import java.util.Objects;

/**
 * A QR code as a PNG image, with the text it holds.
 *
 * @param text   what the code holds, e.g. a {@code mailto:} link
 * @param png    the image, black modules on white with a quiet zone
 * @param pixels its width and height
 */
public record QrImage(String text, byte[] png, int pixels) {

    public QrImage {
        Objects.requireNonNull(text, "text");
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}
