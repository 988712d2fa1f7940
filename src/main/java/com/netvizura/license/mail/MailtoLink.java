package com.netvizura.license.mail;

import com.netvizura.license.model.LicenseDetails;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code mailto:} URI per RFC 6068 that opens the admin's mail program with the message to the vendor filled in.
 *
 * <p>Everything but the unreserved characters {@code A-Z a-z 0-9 - . _ ~} is percent-encoded as UTF-8 bytes, in
 * addresses and in header values alike ({@code &}, {@code ?}, {@code #}, {@code %}, {@code +}, {@code =}, space,
 * umlauts): more than RFC 6068 demands, which every mail program reads the same way. Line breaks in the body are
 * sent as {@code %0D%0A}. Some mail programs and browsers cut long links, so a link that would be longer than
 * {@value #MAX_LENGTH} characters carries a shortened body (Installation Code first, then as many essential lines as
 * fit) that says the full details are on the License page.
 */
public final class MailtoLink {

    /** Longest link offered; about what old browsers and mail programs on Windows pass on whole. */
    public static final int MAX_LENGTH = 2000;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MailtoLink() {
    }

    /** The link for sending {@code details} to {@code vendorEmail}, shortened when the full one is too long. */
    public static String forVendor(String vendorEmail, LicenseDetails details) {
        return forVendor(vendorEmail, details, MAX_LENGTH);
    }

    /**
     * {@link #forVendor(String, LicenseDetails)} with another longest length, e.g. what a QR code holds at a size a
     * phone reads from a screen; the shortened body is the same.
     */
    public static String forVendor(String vendorEmail, LicenseDetails details, int maxLength) {
        DetailsMessage message = DetailsMessage.forVendor(vendorEmail, details);
        String full = of(vendorEmail, message.subject(), message.body());
        if (full.length() <= maxLength) {
            return full;
        }
        String best = of(vendorEmail, message.subject(), DetailsMessage.essentialBody(details, 1));
        for (int lines = 2; lines <= DetailsMessage.ESSENTIAL.size(); lines++) {
            String more = of(vendorEmail, message.subject(), DetailsMessage.essentialBody(details, lines));
            if (more.length() > maxLength) {
                break;
            }
            best = more;
        }
        return best;
    }

    /** {@code mailto:to?subject=...&body=...}; line breaks in {@code body} become CRLF. */
    public static String of(String to, String subject, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("body", body);
        return of(to, fields);
    }

    /** {@code mailto:to?name=value&...} with every header field given, in order; an empty map gives no {@code ?}. */
    public static String of(String to, Map<String, String> headerFields) {
        StringBuilder sb = new StringBuilder("mailto:").append(address(to));
        char separator = '?';
        for (Map.Entry<String, String> field : headerFields.entrySet()) {
            String value = field.getKey().equalsIgnoreCase("body")
                    ? field.getValue().replaceAll("\\r\\n|\\r|\\n", "\r\n")
                    : field.getValue();
            sb.append(separator).append(encode(field.getKey())).append('=').append(encode(value));
            separator = '&';
        }
        return sb.toString();
    }

    /** An address with its local part and domain encoded apart, so the separating {@code @} stays literal. */
    private static String address(String to) {
        int at = to.lastIndexOf('@');
        return at < 0 ? encode(to) : encode(to.substring(0, at)) + '@' + encode(to.substring(at + 1));
    }

    static String encode(String text) {
        StringBuilder sb = new StringBuilder(text.length() * 3 / 2);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }
}
