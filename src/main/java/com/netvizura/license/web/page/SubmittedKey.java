package com.netvizura.license.web.page;

import com.netvizura.license.service.LicenseService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a key as the admin handed it to the page, a file or pasted text, cut at the service's cap + 1 byte:
 * one byte over the cap is enough for the verifier to refuse the key as too large, whatever size the browser
 * claims. Both ways then meet the same checks ({@link KeyOutcome}).
 */
final class SubmittedKey {

    private SubmittedKey() {
    }

    /** At most cap + 1 bytes of an uploaded file. */
    static byte[] read(InputStream file) throws IOException {
        return file.readNBytes(LicenseService.MAX_KEY_FILE_BYTES + 1);
    }

    /**
     * A pasted key: the text as UTF-8 with LF line ends, as the issuer writes a key file, at most cap + 1 bytes. A
     * browser sends a text field's line ends as CRLF; without making them LF again, pasting the active key would
     * apply it as a new one (and end every session) instead of saying it is already active. Nothing else is mended:
     * the verifier forgives what a file may carry (indentation, text around the armor) and no more, for a paste as
     * for a file. A null text (no field sent) is empty.
     */
    static byte[] pasted(String text) {
        String lines = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        return bytes.length > LicenseService.MAX_KEY_FILE_BYTES + 1
                ? Arrays.copyOf(bytes, LicenseService.MAX_KEY_FILE_BYTES + 1) : bytes;
    }
}
