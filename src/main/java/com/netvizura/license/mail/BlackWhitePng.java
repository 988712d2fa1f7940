package com.netvizura.license.mail;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A black-and-white image written as PNG (1 bit grey, PNG specification section 11) without java.awt or ImageIO.
 * Their first use in a JVM creates the JDK's AWT app context, which keeps the web application that asked first in
 * memory after it is undeployed (RedeployIT counts class loaders); a QR code needs none of what they offer.
 */
final class BlackWhitePng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int BIT_DEPTH = 1;
    private static final int GREY = 0;

    /** Whether the pixel at column {@code x} and row {@code y} is black. */
    @FunctionalInterface
    interface Pixels {
        boolean black(int x, int y);
    }

    private BlackWhitePng() {
    }

    /** The PNG of a {@code width} x {@code height} image. */
    static byte[] of(int width, int height, Pixels pixels) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
            png.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {BIT_DEPTH, GREY, 0, 0, 0}); // deflate, adaptive filtering, no interlace
            chunk(png, "IHDR", header.toByteArray());
            chunk(png, "IDAT", rows(width, height, pixels));
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: not expected
        }
    }

    /** The scanlines, each a filter byte (0: none) and the pixels 8 a byte, 1 white; compressed with zlib. */
    private static byte[] rows(int width, int height, Pixels pixels) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(4096);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed)) {
            byte[] line = new byte[1 + (width + 7) / 8];
            for (int y = 0; y < height; y++) {
                Arrays.fill(line, (byte) 0);
                for (int x = 0; x < width; x++) {
                    if (!pixels.black(x, y)) {
                        line[1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                    }
                }
                out.write(line);
            }
        }
        return compressed.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
