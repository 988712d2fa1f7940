package com.netvizura.license.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.netvizura.license.mail.SmtpSettings.Security;
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

    @Test
    void configured_nothingSet_offersNoSender() {
        assertEquals(Optional.empty(), SmtpSender.configured(null, null, "netvizura@nv01", LicenseDetailsBuilderTest.CLOCK));
        assertEquals(Optional.empty(), SmtpSender.configured(" ", null, "netvizura@nv01", LicenseDetailsBuilderTest.CLOCK));
    }

    @Test
    void configured_boundContainerSession_isUsedWithItsOwnServerAndFrom() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()));
        p.setProperty("mail.from", "license@customer.test");
        FakeNaming.BOUND.put("java:comp/env/mail/Session", Session.getInstance(p));
        SmtpSettings unreachable = SmtpSettings.of("127.0.0.1", "nv01").withPort(1).withSecurity(Security.NONE);

        SmtpSender sender = SmtpSender.configured("mail/Session", unreachable, "netvizura@nv01", LicenseDetailsBuilderTest.CLOCK)
                .orElseThrow();
        SendResult result = sender.send(message());

        assertTrue(result.delivered(), result.message());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("license@customer.test")},
                SMTP.getReceivedMessages()[0].getFrom());
    }

    @Test
    void configured_nameNotBound_fallsBackToSmtpSettings() {
        SmtpSettings smtp = SmtpSettings.of("127.0.0.1", "nv01").withPort(SMTP.getSmtp().getPort()).withSecurity(Security.NONE);

        SmtpSender sender = SmtpSender.configured("mail/Missing", smtp, "netvizura@nv01", LicenseDetailsBuilderTest.CLOCK)
                .orElseThrow();

        assertTrue(sender.send(message()).delivered());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void configured_somethingElseBound_fallsBackToSmtpSettings() {
        FakeNaming.BOUND.put("java:comp/env/mail/Session", "not a session");
        SmtpSettings smtp = SmtpSettings.of("127.0.0.1", "nv01").withPort(SMTP.getSmtp().getPort()).withSecurity(Security.NONE);

        assertTrue(SmtpSender.configured("mail/Session", smtp, "netvizura@nv01", LicenseDetailsBuilderTest.CLOCK)
                .orElseThrow().send(message()).delivered());
    }

    @Test
    void lookup_withoutAnyNamingProvider_isEmpty() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);

        assertFalse(JndiMailSession.lookup("mail/Session").isPresent());
    }
}
