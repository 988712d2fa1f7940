package com.netvizura.license.service;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;
import com.netvizura.license.model.Actor;
import com.netvizura.license.store.LicenseStore;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminder mail from real services on a real data directory to a real SMTP server (GreenMail); only the hardware
 * probe and the clock are fakes. Each test waits for the reminder thread's checks, never for a time.
 */
class ReminderMailTest {

    private static final VendorKeyPair VENDOR = VendorKeyPair.generate();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final BuildInfo BUILD = new BuildInfo("1.0.0", LocalDate.parse("2026-11-01"));
    private static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), "nv1.acme.example", "nv1",
            "Debian GNU/Linux 12");
    private static final String OPS = "ops@acme.example";
    private static final String ID = "NVZ-2026-000777";

    @TempDir
    Path home;

    private final List<LicenseService> started = new ArrayList<>();
    private GreenMail smtp;

    @AfterEach
    void stopEverything() {
        started.forEach(LicenseService::stop);
        if (smtp != null) {
            smtp.stop();
        }
    }

    private GreenMail smtpServer(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private GreenMail smtpServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        return smtp;
    }

    private LicenseService start(int smtpPort, String notifyEmail) throws Exception {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        sys.setProperty(Settings.SMTP_HOST, "127.0.0.1");
        sys.setProperty(Settings.SMTP_PORT, String.valueOf(smtpPort));
        sys.setProperty(Settings.SMTP_SECURITY, "none");
        sys.setProperty(Settings.SMTP_FROM, "netvizura@nv1.acme.example");
        sys.setProperty(Settings.SMTP_TIMEOUT_SECONDS, "5");
        if (notifyEmail != null) {
            sys.setProperty(Settings.NOTIFY_EMAIL, notifyEmail);
        }
        LicenseService service = LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(), () -> HERE,
                TrustedKeys.of(VENDOR.publicKey()), BUILD, CLOCK, "Apache Tomcat/10.1.59");
        started.add(service);
        return service;
    }

    /** Waits until the start check and one more check have run on the service's reminder thread. */
    private static Reminders.Outcome checked(LicenseService service) throws Exception {
        return service.reminders().checkNow().get(30, TimeUnit.SECONDS);
    }

    /** A subscription for this machine whose usage and maintenance end {@code days} from today. */
    private static byte[] subscriptionEndingIn(int days) {
        LocalDate end = TODAY.plusDays(days);
        License license = new License(ID, NOW.minusSeconds(86_400 * 300L), "ACME Networks", "it@acme.example",
                LicenseType.SUBSCRIPTION, end, end, InstallationCodes.of(HERE).value(), List.of("netflow"),
                Map.of("devices", 100L), null, Map.of());
        return LicenseKeySigner.sign(license, VENDOR.privateKey()).getBytes(StandardCharsets.UTF_8);
    }

    private void activeKey(byte[] key) throws Exception {
        Files.createDirectories(home.resolve("license"));
        Files.write(home.resolve("license").resolve("license.key"), key);
    }

    @Test
    void keyEndingInSixDays_getsTheSevenDayMail_notThe30Or14DayOne() throws Exception {
        GreenMail mail = smtpServer();
        activeKey(subscriptionEndingIn(6));

        LicenseService service = start(mail.getSmtp().getPort(), OPS + ", boss@acme.example");
        checked(service);

        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(2, received.length, "one message, delivered to each of the two addresses");
        MimeMessage m = received[0];
        String body = GreenMailUtil.getBody(((Multipart) m.getContent()).getBodyPart(0));
        Part attachment = ((Multipart) m.getContent()).getBodyPart(1);
        assertAll(
                () -> assertEquals("NetVizura license " + ID + ": the subscription ends in 6 days (2026-12-07)",
                        m.getSubject()),
                () -> assertEquals(List.of(new InternetAddress(OPS), new InternetAddress("boss@acme.example")),
                        Arrays.asList(m.getRecipients(Message.RecipientType.TO))),
                () -> assertTrue(body.contains("The subscription " + ID + " of ACME Networks on the NetVizura server "
                        + "nv1 ends in 6 days, on 2026-12-07."), body),
                () -> assertTrue(body.contains("Usage: last day 2026-12-07 (6 days left)"), body),
                () -> assertTrue(body.contains("Grace period: last day 2026-12-21 (20 days left)"), body),
                () -> assertTrue(body.contains("forward this mail with its attachment license-details.txt"), body),
                () -> assertTrue(body.contains("Vendor: sales@netvizura.com"), body),
                () -> assertEquals("license-details.txt", attachment.getFileName()),
                () -> assertTrue(GreenMailUtil.getBody(attachment).contains("Current license: " + ID)),
                () -> assertEquals(Set.of("usage-7", "usage-14", "usage-30", "maintenance-7", "maintenance-14",
                        "maintenance-30"), ledger().done(ID), "the 30- and 14-day mails are done with it"),
                () -> assertTrue(service.reminderStatus().lastSent().isPresent()));
    }

    @Test
    void restart_afterTheReminderWasSent_sendsNoSecond() throws Exception {
        GreenMail mail = smtpServer();
        activeKey(subscriptionEndingIn(6));
        LicenseService first = start(mail.getSmtp().getPort(), OPS);
        checked(first);
        first.stop();

        LicenseService restarted = start(mail.getSmtp().getPort(), OPS);
        Reminders.Outcome outcome = checked(restarted);

        assertEquals(Reminders.Outcome.NOT_MINE, outcome);
        assertEquals(1, mail.getReceivedMessages().length);
        assertEquals(ID, restarted.reminderStatus().lastSent().orElseThrow().licenseId(),
                "the restarted node shows the reminder the first one sent");
    }

    @Test
    void twoServicesOnOneDataDirectory_sendOneMail() throws Exception {
        GreenMail mail = smtpServer();
        activeKey(subscriptionEndingIn(6));

        LicenseService a = start(mail.getSmtp().getPort(), OPS);
        LicenseService b = start(mail.getSmtp().getPort(), OPS);
        checked(a);
        checked(b);

        assertEquals(1, mail.getReceivedMessages().length);
    }

    @Test
    void refusedSmtpConnection_isLoggedAsFailure_andRetriedOnceTheServerIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        activeKey(subscriptionEndingIn(6));
        LicenseService service = start(port, OPS);

        Reminders.Outcome whileDown = checked(service);
        ReminderStatus.Event failure = service.reminderStatus().unresolvedFailure().orElseThrow();
        Set<String> doneWhileDown = ledger().done(ID);
        GreenMail mail = smtpServer(port);
        Reminders.Outcome onceBack = checked(service);

        assertAll(
                () -> assertEquals(Reminders.Outcome.FAILED, whileDown),
                () -> assertTrue(failure.reason().contains("refused the connection"), failure.reason()),
                () -> assertEquals(ReminderThreshold.USAGE_7, failure.threshold().orElseThrow()),
                () -> assertEquals(Set.of(), doneWhileDown, "not done while it failed"),
                () -> assertEquals(Reminders.Outcome.SENT, onceBack),
                () -> assertEquals(1, mail.getReceivedMessages().length),
                () -> assertEquals(java.util.Optional.empty(), service.reminderStatus().unresolvedFailure()));
    }

    @Test
    void withoutNotifyEmail_nothingIsSent_andNoReminderThreadRuns() throws Exception {
        GreenMail mail = smtpServer();
        activeKey(subscriptionEndingIn(6));

        LicenseService service = start(mail.getSmtp().getPort(), null);
        applyAnyway(service, subscriptionEndingIn(1));
        Reminders.Outcome outcome = checked(service);

        assertEquals(Reminders.Outcome.NOTHING_DUE, outcome);
        assertEquals(0, mail.getReceivedMessages().length);
        assertFalse(service.reminderStatus().on());
        assertFalse(reminderThreadRuns());
    }

    @Test
    void apply_ofAKeyEndingSoon_sendsItsReminderAfterTheApply() throws Exception {
        GreenMail mail = smtpServer();
        activeKey(subscriptionEndingIn(200));
        LicenseService service = start(mail.getSmtp().getPort(), OPS);
        assertEquals(Reminders.Outcome.NOTHING_DUE, checked(service));

        applyAnyway(service, subscriptionEndingIn(10));
        checked(service);

        assertEquals(1, mail.getReceivedMessages().length);
        assertTrue(mail.getReceivedMessages()[0].getSubject().endsWith("ends in 10 days (2026-12-11)"),
                mail.getReceivedMessages()[0].getSubject());
    }

    @Test
    void stop_endsTheReminderThread() throws Exception {
        GreenMail mail = smtpServer();
        LicenseService service = start(mail.getSmtp().getPort(), OPS);
        checked(service);
        assertTrue(reminderThreadRuns());

        service.stop();

        assertFalse(reminderThreadRuns());
    }

    @Test
    void usageAtTheNoticeShareAndOverTheLimit_getOneMailEach_onceEvenAfterARestart() throws Exception {
        GreenMail mail = smtpServer();
        activeKey(subscriptionEndingIn(200)); // nothing about the license's end is due
        LicenseService service = start(mail.getSmtp().getPort(), OPS);
        service.reportUsage("devices", 50);
        awaitUsage(service, 50);
        checked(service);
        int belowTheShare = mail.getReceivedMessages().length;

        service.reportUsage("devices", 95);
        awaitUsage(service, 95);
        checked(service);
        checked(service);
        MimeMessage[] atTheShare = mail.getReceivedMessages();

        service.reportUsage("devices", 103);
        awaitUsage(service, 103);
        checked(service);
        service.stop();
        started.remove(service);
        LicenseService restarted = start(mail.getSmtp().getPort(), OPS);
        restarted.reportUsage("devices", 104);
        awaitUsage(restarted, 104);
        checked(restarted);
        MimeMessage[] all = mail.getReceivedMessages();

        assertAll(
                () -> assertEquals(0, belowTheShare, "50 of 100 is below the notice share (90 %)"),
                () -> assertEquals(1, atTheShare.length, "once at the notice share, however often checked"),
                () -> assertEquals("NetVizura license " + ID + ": 95 of 100 devices in use", atTheShare[0].getSubject()),
                () -> assertEquals(2, all.length, "once more over the limit, and not again after a restart"),
                () -> assertEquals("NetVizura license " + ID + ": 103 of 100 devices in use, over the limit",
                        all[all.length - 1].getSubject()),
                () -> assertTrue(textOf(all[all.length - 1]).contains("over the limit since " + TODAY),
                        textOf(all[all.length - 1])));
    }

    /** Waits until the usage meter's once-a-second tick shows {@code inUse} devices (at most 10 s). */
    private static void awaitUsage(LicenseService service, long inUse) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            com.netvizura.license.model.Usage devices = service.usage().get("devices");
            if (devices != null && devices.inUse() == inUse) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the usage meter never showed " + inUse + " devices: " + service.usage());
    }

    private static String textOf(MimeMessage message) throws Exception {
        return GreenMailUtil.getBody(((Multipart) message.getContent()).getBodyPart(0));
    }

    private com.netvizura.license.store.ReminderLedger ledger() throws Exception {
        return LicenseStore.open(home.resolve("license"), key -> java.util.Optional.empty(), CLOCK).reminderLedger();
    }

    private static boolean reminderThreadRuns() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && Reminders.THREAD_NAME.equals(t.getName()));
    }

    /** A key that ends earlier than the active one waits for Apply anyway: the admin presses it. */
    private static void applyAnyway(LicenseService service, byte[] key) throws Exception {
        Actor admin = new Actor("admin", "127.0.0.1");
        try {
            service.apply(key, admin);
        } catch (LicenseHeldException held) {
            service.applyAnyway(key, held.confirmation(), admin);
        }
    }
}
