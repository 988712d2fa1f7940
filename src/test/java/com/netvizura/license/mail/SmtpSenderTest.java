package com.netvizura.license.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real SMTP conversations with GreenMail, a silent server and a closed port, with SMTP settings made the way
 * production makes them: read from the plugin's settings.
 */
class SmtpSenderTest {

    private static final String VENDOR = "sales@netvizura.test";
    private static final String ADMIN = "admin@customer.test";
    private static final String PASSWORD = "s3cret-Pa55";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final LicenseDetails details = new LicenseDetailsBuilder(LicenseDetailsBuilderTest.BUILD,
            LicenseDetailsBuilderTest.CODE, LicenseDetailsBuilderTest.CLOCK)
            .license(Optional.of(LicenseDetailsBuilderTest.subscription()))
            .hostname("nv01").contactEmail(ADMIN).build();

    /** The SMTP settings for a server on 127.0.0.1 with the given {@code netvizura.license.smtp.*} settings. */
    static SmtpSettings smtp(String... namesAndValues) {
        Properties system = new Properties();
        system.setProperty(Settings.HOME, "/srv/netvizura");
        Map<String, String> context = new HashMap<>();
        context.put(Settings.SMTP_HOST, "127.0.0.1");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            context.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new SettingsReader(system, Map.of(), context::get, () -> "nv01").read().smtp().orElseThrow();
    }

    /** GreenMail without TLS, and {@code more} settings. */
    private SmtpSettings plain(String... more) {
        String[] all = new String[4 + more.length];
        all[0] = Settings.SMTP_PORT;
        all[1] = String.valueOf(SMTP.getSmtp().getPort());
        all[2] = Settings.SMTP_SECURITY;
        all[3] = "none";
        System.arraycopy(more, 0, all, 4, more.length);
        return smtp(all);
    }

    private SendResult send(SmtpSettings settings, DetailsMessage message) {
        return SmtpSender.withOwnSession(settings, LicenseDetailsBuilderTest.CLOCK).send(message);
    }

    @Test
    void send_toGreenMail_deliversDetailsAsTextAndAttachmentWithReplyToTheAdmin() throws Exception {
        SendResult result = send(plain(), DetailsMessage.forVendor(VENDOR, details));

        assertTrue(result.delivered(), result.message());
        assertEquals("The License Details were sent to sales@netvizura.test. The vendor answers with a license key "
                + "file, which you upload on this page.", result.message());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertArrayEquals(new InternetAddress[] {new InternetAddress(VENDOR)}, m.getRecipients(Message.RecipientType.TO));
        assertArrayEquals(new InternetAddress[] {new InternetAddress("netvizura@nv01")}, m.getFrom());
        assertArrayEquals(new InternetAddress[] {new InternetAddress(ADMIN)}, m.getReplyTo());
        assertEquals("NetVizura License Details " + details.installationCode(), m.getSubject());
        assertEquals(LicenseDetailsBuilderTest.CLOCK.instant(), m.getSentDate().toInstant());

        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        String body = (String) parts.getBodyPart(0).getContent();
        assertTrue(body.startsWith("Hello, please send a license key"), body);
        assertEquals(details, LicenseDetails.parse(body), "the issuer reads the body");
        Part attachment = parts.getBodyPart(1);
        assertEquals("license-details.txt", attachment.getFileName());
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertTrue(attachment.isMimeType("text/plain"));
        assertEquals(details, LicenseDetails.parse((String) attachment.getContent()));
        assertTrue(((String) attachment.getContent()).contains("Licensed to: Müller & Söhne GmbH"));
    }

    @Test
    void send_withoutContactAddress_hasNoReplyToOfItsOwn() throws Exception {
        DetailsMessage message = new DetailsMessage(VENDOR, null, "NetVizura License Details", "body", "details");

        assertTrue(send(plain(), message).delivered());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("netvizura@nv01")}, SMTP.getReceivedMessages()[0].getReplyTo(),
                "without Reply-To, replies go to From");
    }

    @Test
    void send_withRightLogin_isDelivered() {
        SMTP.setUser("netvizura@customer.test", "netvizura", PASSWORD);

        SendResult result = send(plain(Settings.SMTP_USERNAME, "netvizura", Settings.SMTP_PASSWORD, PASSWORD),
                DetailsMessage.forVendor(VENDOR, details));

        assertTrue(result.delivered(), result.message() + " / " + result.detail());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void send_withWrongPassword_failsNamingTheUserButNeverThePassword() {
        SMTP.setUser("netvizura@customer.test", "netvizura", "another-password");

        SmtpSettings settings = plain(Settings.SMTP_USERNAME, "netvizura", Settings.SMTP_PASSWORD, PASSWORD);
        SendResult result = send(settings, DetailsMessage.forVendor(VENDOR, details));

        assertFalse(result.delivered());
        assertTrue(result.message().startsWith("The mail server [127.0.0.1] refused the login of user [netvizura]. "
                + "Check the settings netvizura.license.smtp.username and netvizura.license.smtp.password."), result.message());
        assertTrue(result.message().endsWith("You can still send the License Details with your own mail program "
                + "(the Send link), or copy or download them."), result.message());
        assertFalse(result.message().contains(PASSWORD));
        assertFalse(result.detail().contains(PASSWORD));
        assertFalse(settings.toString().contains(PASSWORD));
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void send_starttlsChosenButServerHasNone_failsWithoutSendingInTheClear() {
        SendResult result = send(smtp(Settings.SMTP_PORT, String.valueOf(SMTP.getSmtp().getPort()),
                Settings.SMTP_SECURITY, "starttls", Settings.SMTP_USERNAME, "netvizura", Settings.SMTP_PASSWORD, PASSWORD),
                DetailsMessage.forVendor(VENDOR, details));

        assertFalse(result.delivered());
        assertTrue(result.message().startsWith("No secure connection to the mail server [127.0.0.1:"), result.message());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void send_tlsToServerWithUntrustedCertificate_failsWithTlsSentence() {
        GreenMail smtps = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
        smtps.start();
        try {
            SmtpSettings settings = smtp(Settings.SMTP_SECURITY, "tls",
                    Settings.SMTP_PORT, String.valueOf(smtps.getSmtps().getPort()), Settings.SMTP_TIMEOUT_SECONDS, "5");

            SendResult result = send(settings, DetailsMessage.forVendor(VENDOR, details));

            assertFalse(result.delivered());
            assertTrue(result.message().contains("No secure connection") && result.message().contains("[unable to find valid certification path"),
                    result.message());
            assertEquals(0, smtps.getReceivedMessages().length);
        } finally {
            smtps.stop();
        }
    }

    @Test
    void send_toClosedPort_failsAtOnceSayingRefused() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SmtpSettings settings = smtp(Settings.SMTP_PORT, String.valueOf(closed), Settings.SMTP_SECURITY, "none");

        long start = System.nanoTime();
        SendResult result = send(settings, DetailsMessage.forVendor(VENDOR, details));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertFalse(result.delivered());
        assertTrue(result.message().startsWith("The mail server [127.0.0.1:" + closed + "] refused the connection."),
                result.message());
        assertTrue(millis < settings.timeout().toMillis(), millis + " ms, timeout " + settings.timeout());
    }

    @Test
    void send_toServerThatNeverAnswers_givesUpAfterTheTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accept, then never say a word
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SmtpSettings settings = smtp(Settings.SMTP_PORT, String.valueOf(silent.getLocalPort()),
                    Settings.SMTP_SECURITY, "none", Settings.SMTP_TIMEOUT_SECONDS, "1");

            long start = System.nanoTime();
            SendResult result = send(settings, DetailsMessage.forVendor(VENDOR, details));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertFalse(result.delivered());
            assertTrue(result.message().startsWith("The mail server [127.0.0.1:" + silent.getLocalPort()
                    + "] did not answer within 1 second."), result.message());
            assertTrue(millis >= 900 && millis < 5000, millis + " ms");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "subject    | NetVizura License Details\\r\\nBcc: evil@attacker.test | contains a line break",
            "recipient  | sales@netvizura.test\\r\\nBcc: evil@attacker.test      | contains a line break",
            "recipient  | sales@netvizura.test\\nBcc: evil@attacker.test        | contains a line break",
            "recipient  | sales@netvizura.test, evil@attacker.test             | is not one valid e-mail address",
            "reply-to   | admin@customer.test\\r\\nBcc: evil@attacker.test      | contains a line break",
            "reply-to   | admin@customer.test\\rX-Evil: 1                       | contains a line break",
            "from       | netvizura@nv01\\r\\nBcc: evil@attacker.test           | contains a line break",
            "from       | netvizura@nv01 evil@attacker.test                    | is not one valid e-mail address"})
    void send_headerInjection_isRefusedAndNothingIsSent(String header, String value, String sentence) {
        String v = value.replace("\\r", "\r").replace("\\n", "\n");
        DetailsMessage m = DetailsMessage.forVendor(VENDOR, details);
        SmtpSettings settings = plain();
        switch (header) {
            case "subject" -> m = new DetailsMessage(m.to(), m.replyTo(), v, m.body(), m.attachment());
            case "recipient" -> m = new DetailsMessage(v, m.replyTo(), m.subject(), m.body(), m.attachment());
            case "reply-to" -> m = new DetailsMessage(m.to(), v, m.subject(), m.body(), m.attachment());
            // The settings refuse such a sender already; the sender checks again (a container's mail.from).
            default -> settings = new SmtpSettings(settings.host(), settings.port(), settings.security(),
                    settings.username(), settings.password(), v, settings.timeout());
        }

        SendResult result = send(settings, m);

        assertFalse(result.delivered());
        assertTrue(result.message().contains(sentence) && result.message().contains("nothing was sent"), result.message());
        assertFalse(result.message().contains("\r") || result.message().contains("\n"), result.message());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void properties_defaults_timeOutAfterTenSecondsAndRequireStarttls() {
        Properties p = OwnSessionTransport.properties(smtp());

        assertEquals("587", p.getProperty("mail.smtp.port"));
        assertEquals("10000", p.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("10000", p.getProperty("mail.smtp.timeout"));
        assertEquals("10000", p.getProperty("mail.smtp.writetimeout"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", p.getProperty("mail.smtp.ssl.checkserveridentity"));
    }

    @Test
    void properties_tls_useSmtpsWithItsOwnTimeouts() {
        Properties p = OwnSessionTransport.properties(smtp(Settings.SMTP_SECURITY, "tls", Settings.SMTP_PORT, "465"));

        assertEquals("smtps", p.getProperty("mail.transport.protocol"));
        assertEquals("10000", p.getProperty("mail.smtps.connectiontimeout"));
        assertEquals("10000", p.getProperty("mail.smtps.timeout"));
        assertEquals("10000", p.getProperty("mail.smtps.writetimeout"));
        assertEquals("true", p.getProperty("mail.smtps.ssl.checkserveridentity"));
    }
}
