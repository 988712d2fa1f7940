package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.Poll;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.service.Settings;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminder mail from the deployed WAR: a key whose usage ends in 6 days gets the 7-day reminder, once, to the
 * notifyEmail address over SMTP (GreenMail); the License page says reminders are on, to whom, and the last one
 * sent; and a deployment's reminder thread ends with it, without Tomcat's warning about a thread it had to stop.
 */
class ReminderMailIT extends NetVizuraIT {

    private static final String ID = "NVZ-IT-REMINDER";
    private static final String OPS = "it-ops@example.com";
    private static final String REMINDER_THREAD = "NetVizura License reminders";
    private static final String THREAD_WARNING = "appears to have started a thread named [" + REMINDER_THREAD + "]";
    private static GreenMail mailServer;

    /** Stands for the second deployment of the undeploy test (names its data directory). */
    static final class UndeployedCopy {
    }

    @Deployment(testable = false)
    public static WebArchive deployment() {
        mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mailServer.start();
        return builtWar(ReminderMailIT.class, TestLicenses.subscriptionEndingIn(ID, "Reminder Test Ltd", 6),
                mailSettings(OPS));
    }

    private static Map<String, String> mailSettings(String notifyEmail) {
        return Map.of(Settings.NOTIFY_EMAIL, notifyEmail,
                Settings.SMTP_HOST, "127.0.0.1",
                Settings.SMTP_PORT, String.valueOf(mailServer.getSmtp().getPort()),
                Settings.SMTP_SECURITY, "none");
    }

    @AfterAll
    static void stopMailServer() {
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @BeforeEach
    void theStartCheckHasSentItsReminder() {
        assertTrue(mailServer.waitForIncomingEmail(30_000, 1), "the reminder of the check at start");
    }

    @Test
    void keyEndingInSixDays_getsThe7DayReminderOnce_withTheDetailsAttached() throws Exception {
        MimeMessage mail = mailServer.getReceivedMessages()[0];
        Multipart parts = (Multipart) mail.getContent();
        String end = LocalDate.now().plusDays(6).toString();

        assertAll(
                () -> assertEquals("NetVizura license " + ID + ": the subscription ends in 6 days (" + end + ")",
                        mail.getSubject()),
                () -> assertEquals(OPS, mail.getAllRecipients()[0].toString()),
                () -> assertTrue(GreenMailUtil.getBody(parts.getBodyPart(0)).contains("Usage: last day " + end),
                        GreenMailUtil.getBody(parts.getBodyPart(0))),
                () -> assertEquals("license-details.txt", parts.getBodyPart(1).getFileName()),
                () -> assertTrue(GreenMailUtil.getBody(parts.getBodyPart(1))
                        .contains("Installation Code: " + TestLicenses.thisMachineCode())),
                () -> assertTrue(Files.readString(dataHome().resolve("license").resolve("state.properties"))
                        .contains("reminder." + ID + ".done="), "remembered in state.properties"),
                () -> assertEquals(1, mailServer.getReceivedMessages().length, "not the 14- or 30-day one too"));
    }

    @Test
    void licensePage_saysRemindersAreOn_toWhom_andTheLastSent() {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        String page = admin.get("license/license.xhtml").body();

        assertAll(
                () -> assertTrue(page.contains("id=\"remindersSection\""), page),
                () -> assertTrue(page.contains("Reminder mail is on: " + OPS + " get mail"), page),
                () -> assertTrue(page.contains("7 days before usage ends (license " + ID + ")"), page));
    }

    @Test
    void undeploy_endsTheReminderThread_withoutTomcatsThreadWarning() throws Exception {
        WebArchive copy = builtWar(UndeployedCopy.class, InitialLicense.NONE, mailSettings("undeploy-check@example.com"));
        File file = dataHome(UndeployedCopy.class).resolveSibling("nvl-undeploy-check.war").toFile();
        copy.as(ZipExporter.class).exportTo(file, true);
        String startLine = "reminder mail to [undeploy-check@example.com]";
        long startsBefore = logLines(startLine);
        long warningsBefore = logLines(THREAD_WARNING);
        int threadsBefore = reminderThreads();

        manager("deploy?path=/nvl-undeploy-check&war=" + file.toURI());
        int threadsWhileDeployed = reminderThreads();
        manager("undeploy?path=/nvl-undeploy-check");
        int threadsAfter = reminderThreads();
        boolean started = awaitLogLines(startLine, startsBefore, 50);
        // Tomcat writes its log asynchronously: give a warning 3 s to arrive (it comes with the undeploy).
        awaitLogLines(THREAD_WARNING, warningsBefore, 15);
        long warningsAfter = logLines(THREAD_WARNING);

        assertAll(
                () -> assertTrue(started, "the copy's reminder thread started (its log line is in the Tomcat log)"),
                () -> assertEquals(threadsBefore + 1, threadsWhileDeployed, "one reminder thread per deployment"),
                () -> assertEquals(threadsBefore, threadsAfter, "no reminder thread outlives its deployment"),
                () -> assertEquals(warningsBefore, warningsAfter, "Tomcat warned of a reminder thread"));
    }

    private String manager(String command) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("arquillian:arquillian".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + baseUrl.getPort() + "/manager/text/" + command))
                .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.body().startsWith("OK"), command + ": " + answer.body());
        return answer.body();
    }

    /** Live reminder threads in Tomcat's JVM, asked over the JMX port Arquillian opened. */
    private static int reminderThreads() throws IOException {
        String launch = System.getProperty("arquillian.launch", "tomcat10");
        String port = System.getProperty("it." + launch + ".jmx.port");
        JMXServiceURL jmx = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        try (JMXConnector connector = JMXConnectorFactory.connect(jmx)) {
            ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                    ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
            return (int) Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                    .filter(Objects::nonNull).map(ThreadInfo::getThreadName).filter(REMINDER_THREAD::equals).count();
        }
    }

    private static long logLines(String text) throws IOException {
        String launch = System.getProperty("arquillian.launch", "tomcat10");
        Path logs = Path.of(System.getProperty("it." + launch + ".home")).resolve("logs");
        long count = 0;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("catalina.")).toList()) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    count += lines.filter(line -> line.contains(text)).count();
                }
            }
        }
        return count;
    }

    /** Whether more than {@code before} lines hold {@code text} within {@code tries} times 200 ms. */
    private static boolean awaitLogLines(String text, long before, int tries) {
        return Poll.within(Duration.ofMillis(200L * tries), Duration.ofMillis(200), () -> {
            try {
                return logLines(text) > before;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
