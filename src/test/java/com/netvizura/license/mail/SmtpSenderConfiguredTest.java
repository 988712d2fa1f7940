package com.netvizura.license.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.netvizura.license.service.Settings;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

import javax.naming.Context;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which way Send goes: container mail session, smtp settings, or mailto only. JNDI is a fake at the edge. */
@ResourceLock("java.naming.factory.initial")
class SmtpSenderConfiguredTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private String previousFactory;

    @BeforeEach
    void useFakeNaming() {
        previousFactory = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, FakeNaming.class.getName());
        FakeNaming.BOUND.clear();
    }

    @AfterEach
    void restoreNaming() {
        FakeNaming.BOUND.clear();
        if (previousFactory == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previousFactory);
        }
    }

    private DetailsMessage message() {
        return DetailsMessage.forVendor("sales@netvizura.test", new LicenseDetailsBuilder(LicenseDetailsBuilderTest.BUILD,
                LicenseDetailsBuilderTest.CODE, LicenseDetailsBuilderTest.CLOCK).build());
    }

    private static SmtpSettings greenMail() {
        return SmtpSenderTest.smtp(Settings.SMTP_PORT, String.valueOf(SMTP.getSmtp().getPort()),
                Settings.SMTP_SECURITY, "none");
    }

    @Test
    void configured_containerSessionWithoutMailFrom_sendsFromTheSettingsSender() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()));
        FakeNaming.BOUND.put("java:comp/env/mail/Session", Session.getInstance(p));

        SmtpSender sender = SmtpSender.configured(Optional.of("mail/Session"), Optional.empty(), "netvizura@nv01",
                LicenseDetailsBuilderTest.CLOCK).orElseThrow();

        assertTrue(sender.send(message()).delivered());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("netvizura@nv01")},
                SMTP.getReceivedMessages()[0].getFrom());
    }

    @Test
    void configured_containerSessionThatCannotConnect_namesItsServerNotTheSmtpSettings() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(closed));
        FakeNaming.BOUND.put("java:comp/env/mail/Session", Session.getInstance(p));

        SendResult result = SmtpSender.configured(Optional.of("mail/Session"), Optional.of(greenMail()),
                "netvizura@nv01", LicenseDetailsBuilderTest.CLOCK).orElseThrow().send(message());

        assertFalse(result.delivered());
        assertTrue(result.message().startsWith("The mail server [127.0.0.1:" + closed + "] refused the connection."),
                result.message());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void configured_nothingSet_offersNoSender() {
        assertEquals(Optional.empty(), SmtpSender.configured(Optional.empty(), Optional.empty(), "netvizura@nv01",
                LicenseDetailsBuilderTest.CLOCK));
        assertEquals(Optional.empty(), SmtpSender.configured(Optional.of(" "), Optional.empty(), "netvizura@nv01",
                LicenseDetailsBuilderTest.CLOCK));
    }

    @Test
    void configured_boundContainerSession_isUsedWithItsOwnServerAndFrom() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()));
        p.setProperty("mail.from", "license@customer.test");
        FakeNaming.BOUND.put("java:comp/env/mail/Session", Session.getInstance(p));
        SmtpSettings unreachable = SmtpSenderTest.smtp(Settings.SMTP_PORT, "1", Settings.SMTP_SECURITY, "none");

        SmtpSender sender = SmtpSender.configured(Optional.of("mail/Session"), Optional.of(unreachable),
                "netvizura@nv01", LicenseDetailsBuilderTest.CLOCK).orElseThrow();
        SendResult result = sender.send(message());

        assertTrue(result.delivered(), result.message());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("license@customer.test")},
                SMTP.getReceivedMessages()[0].getFrom());
    }

    @Test
    void configured_nameNotBound_fallsBackToSmtpSettings() {
        SmtpSender sender = SmtpSender.configured(Optional.of("mail/Missing"), Optional.of(greenMail()),
                "netvizura@nv01", LicenseDetailsBuilderTest.CLOCK).orElseThrow();

        assertTrue(sender.send(message()).delivered());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void configured_somethingElseBound_fallsBackToSmtpSettings() {
        FakeNaming.BOUND.put("java:comp/env/mail/Session", "not a session");
        assertTrue(SmtpSender.configured(Optional.of("mail/Session"), Optional.of(greenMail()), "netvizura@nv01",
                LicenseDetailsBuilderTest.CLOCK).orElseThrow().send(message()).delivered());
    }

    @Test
    void lookup_withoutAnyNamingProvider_isEmpty() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);

        assertFalse(JndiMailSession.lookup("mail/Session").isPresent());
    }
}
