package com.netvizura.license.mail;

import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.LicenseDetails.Field;
import com.netvizura.license.model.Messages;

import java.util.List;
import java.util.Objects;

/**
 * The e-mail that carries License Details to the vendor, before it is sent over SMTP or put into a mailto link.
 * Header values are checked when sending ({@link SmtpSender}), not here, so that a bad value becomes a clear
 * result for the admin instead of an exception.
 *
 * @param to         the vendor's address
 * @param replyTo    the admin's address, or {@code null} when unknown
 * @param subject    the subject line
 * @param body       the text: a greeting and the full License Details
 * @param attachment the License Details alone, attached as {@value #ATTACHMENT_NAME}
 */
public record DetailsMessage(String to, String replyTo, String subject, String body, String attachment) {

    public static final String ATTACHMENT_NAME = "license-details.txt";

    /** The lines kept when the message must be short, most important first. */
    static final List<Field> ESSENTIAL = List.of(Field.INSTALLATION_CODE, Field.LICENSE_ID, Field.LICENSEE,
            Field.PRODUCT, Field.VERSION, Field.HOSTNAME, Field.CONTACT_EMAIL);

    private static final String CRLF = "\r\n";

    public DetailsMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(attachment, "attachment");
    }

    /** The message asking {@code vendorEmail} for a key; replies go to the contact address in the details. */
    public static DetailsMessage forVendor(String vendorEmail, LicenseDetails details) {
        String body = Messages.get("mail.body.greeting") + CRLF + CRLF + details.toText();
        return new DetailsMessage(vendorEmail, details.get(Field.CONTACT_EMAIL).orElse(null), subject(details), body,
                details.toText());
    }

    static String subject(LicenseDetails details) {
        return Messages.get("mail.subject", details.installationCode());
    }

    /**
     * A short body with the first {@code lines} of {@link #ESSENTIAL} that {@code details} has (the Installation
     * Code always), and a sentence saying where the full details are. It is still readable by the issuer tool.
     */
    static String essentialBody(LicenseDetails details, int lines) {
        StringBuilder sb = new StringBuilder(Messages.get("mail.body.greeting")).append(CRLF).append(CRLF);
        List<Field> present = ESSENTIAL.stream().filter(f -> details.get(f).isPresent()).toList();
        for (Field f : present.subList(0, Math.max(1, Math.min(lines, present.size())))) {
            sb.append(f.label()).append(": ").append(details.get(f).orElseThrow()).append(CRLF);
        }
        return sb.append(CRLF).append(Messages.get("mail.body.shortened")).append(CRLF).toString();
    }
}
