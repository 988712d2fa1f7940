package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text armor of a license key file (DESIGN.md section 3): a JWS compact serialization between
 * {@code -----BEGIN NETVIZURA LICENSE KEY-----} and {@code -----END NETVIZURA LICENSE KEY-----}, wrapped at
 * 64 characters.
 *
 * <p>Reading forgives what mail clients and editors do to a file (CRLF or CR line ends, a UTF-8 byte order mark,
 * indented lines, text around the armor such as a mail signature) and refuses everything else: the text outside
 * the armor is never looked at again, and a file with two keys is refused rather than guessed at.
 */
public final class ArmoredKey {

    public static final String BEGIN = "-----BEGIN NETVIZURA LICENSE KEY-----";
    public static final String END = "-----END NETVIZURA LICENSE KEY-----";
    /** Characters per armored line, as in PEM. */
    public static final int LINE_LENGTH = 64;

    private static final char BOM = '\uFEFF';

    private ArmoredKey() {
    }

    /** The armored text of a compact JWS: BEGIN line, the JWS wrapped at 64 characters, END line; LF line ends. */
    public static String armor(String compactJws) {
        StringBuilder sb = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < compactJws.length(); i += LINE_LENGTH) {
            sb.append(compactJws, i, Math.min(compactJws.length(), i + LINE_LENGTH)).append('\n');
        }
        return sb.append(END).append('\n').toString();
    }

    /**
     * The compact JWS inside the one armored key of a key file, line breaks and indentation removed.
     * Does not check the JWS beyond its alphabet.
     */
    public static String unarmor(byte[] keyFile) throws LicenseKeyException {
        return unarmorText(decodeText(keyFile));
    }

    static String decodeText(byte[] bytes) throws LicenseKeyException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LicenseKeyException(Reason.NOT_TEXT);
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Valid UTF-8 can still be binary: control characters other than white space never occur in text.
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                throw new LicenseKeyException(Reason.NOT_TEXT);
            }
        }
        if (text.isBlank()) {
            throw new LicenseKeyException(Reason.EMPTY);
        }
        return text;
    }

    static String unarmorText(String text) throws LicenseKeyException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Integer> begins = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals(BEGIN)) {
                begins.add(i);
            }
        }
        if (begins.isEmpty()) {
            throw new LicenseKeyException(Reason.NOT_A_LICENSE_KEY);
        }
        if (begins.size() > 1) {
            throw new LicenseKeyException(Reason.MORE_THAN_ONE_KEY);
        }
        StringBuilder body = new StringBuilder();
        for (int i = begins.get(0) + 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals(END)) {
                return checkedBody(body);
            }
            body.append(line);
        }
        throw new LicenseKeyException(Reason.INCOMPLETE);
    }

    private static String checkedBody(StringBuilder body) throws LicenseKeyException {
        if (body.length() == 0) {
            throw new LicenseKeyException(Reason.MALFORMED);
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '.' && !Base64Url.isAlphabet(c)) {
                throw new LicenseKeyException(Reason.MALFORMED);
            }
        }
        return body.toString();
    }
}
