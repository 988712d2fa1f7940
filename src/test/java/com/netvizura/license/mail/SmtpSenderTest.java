package com.netvizura.license.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.netvizura.license.mail.SmtpSettings.Security;
import com.netvizura.license.model.LicenseDetails;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real SMTP conversations with GreenMail, a silent server and a closed port. */
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

    private SmtpSettings plain() {
        return SmtpSettings.of("127.0.0.1", "nv01").withPort(SMTP.getSmtp().getPort()).withSecurity(Security.NONE);
    }

    private SendResult send(SmtpSettings settings, DetailsMessage message) {
        return new SmtpSender(settings, LicenseDetailsBuilderTest.CLOCK).send(message);
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

        SendResult result = send(plain().withLogin("netvizura", PASSWORD), DetailsMessage.forVendor(VENDOR, details));

        assertTrue(result.delivered(), result.message() + " / " + result.detail());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void send_withWrongPassword_failsNamingTheUserButNeverThePassword() {
        SMTP.setUser("netvizura@customer.test", "netvizura", "another-password");

        SendResult result = send(plain().withLogin("netvizura", PASSWORD), DetailsMessage.forVendor(VENDOR, details));

        assertFalse(result.delivered());
        assertTrue(result.message().startsWith("The mail server [127.0.0.1] refused the login of user [netvizura]. "
                + "Check the settings netvizura.license.smtp.username and netvizura.license.smtp.password."), result.message());
        assertTrue(result.message().endsWith("You can still send the License Details with your own mail program "
                + "(the Send link), or copy or download them."), result.message());
        assertFalse(result.message().contains(PASSWORD));
        assertFalse(result.detail().contains(PASSWORD));
        assertFalse(plain().withLogin("netvizura", PASSWORD).toString().contains(PASSWORD));
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void send_starttlsChosenButServerHasNone_failsWithoutSendingInTheClear() {
        SendResult result = send(plain().withSecurity(Security.STARTTLS).withLogin("netvizura", PASSWORD),
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
            SmtpSettings settings = SmtpSettings.of("127.0.0.1", "nv01").withSecurity(Security.TLS)
                    .withPort(smtps.getSmtps().getPort()).withTimeout(Duration.ofSeconds(5));

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
        SmtpSettings settings = SmtpSettings.of("127.0.0.1", "nv01").withPort(closed).withSecurity(Security.NONE);

        long start = System.nanoTime();
        SendResult result = send(settings, DetailsMessage.forVendor(VENDOR, details));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertFalse(result.delivered());
        assertTrue(result.message().startsWith("The mail server [127.0.0.1:" + closed + "] refused the connection."),
                result.message());
        assertTrue(millis < SmtpSettings.DEFAULT_TIMEOUT_SECONDS * 1000, millis + " ms");
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
            SmtpSettings settings = SmtpSettings.of("127.0.0.1", "nv01").withPort(silent.getLocalPort())
                    .withSecurity(Security.NONE).withTimeout(Duration.ofSeconds(1));

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
            default -> settings = settings.withFrom(v);
        }

        SendResult result = send(settings, m);

        assertFalse(result.delivered());
        assertTrue(result.message().contains(sentence) && result.message().contains("nothing was sent"), result.message());
        assertFalse(result.message().contains("\r") || result.message().contains("\n"), result.message());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void properties_defaults_timeOutAfterTenSecondsAndRequireStarttls() {
        Properties p = SmtpSender.properties(SmtpSettings.of("mail.example.com", "nv01"));

        assertEquals("587", p.getProperty("mail.smtp.port"));
        assertEquals("10000", p.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("10000", p.getProperty("mail.smtp.timeout"));
        assertEquals("10000", p.getProperty("mail.smtp.writetimeout"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", p.getProperty("mail.smtp.ssl.checkserveridentity"));
    }

    @Test
    void properties_tls_useSmtpsWithItsOwnTimeouts() {
        Properties p = SmtpSender.properties(SmtpSettings.of("mail.example.com", "nv01").withSecurity(Security.TLS).withPort(465));

        assertEquals("smtps", p.getProperty("mail.transport.protocol"));
        assertEquals("10000", p.getProperty("mail.smtps.connectiontimeout"));
        assertEquals("10000", p.getProperty("mail.smtps.timeout"));
        assertEquals("10000", p.getProperty("mail.smtps.writetimeout"));
        assertEquals("true", p.getProperty("mail.smtps.ssl.checkserveridentity"));
    }
}
