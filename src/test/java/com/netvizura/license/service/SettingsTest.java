package com.netvizura.license.service;

import com.netvizura.license.mail.SmtpSettings;
import com.netvizura.license.mail.SmtpSettings.Security;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    private static final String PASSWORD = "s3cret pass";

    private final Properties systemProperties = new Properties();
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> contextParameters = new HashMap<>();
    private Supplier<String> hostName = () -> "nv01.example.com";

    SettingsTest() {
        systemProperties.setProperty("catalina.base", "/opt/tomcat");
    }

    private Settings settings() {
        return new SettingsReader(systemProperties, environment, contextParameters::get, hostName).read();
    }

    private InvalidSettingException refused() {
        return assertThrows(InvalidSettingException.class, this::settings);
    }

    @Nested
    class Defaults {

        @Test
        void nothingSet_givesTheDocumentedDefaults() {
            Settings s = settings();

            assertEquals(Path.of("/opt/tomcat/netvizura"), s.home());
            assertEquals(Path.of("/opt/tomcat/netvizura/license"), s.licenseDirectory());
            assertEquals("admin", s.adminRole());
            assertEquals("sales@netvizura.com", s.vendorEmail());
            assertEquals("support@netvizura.com", s.supportEmail());
            assertEquals(Optional.empty(), s.smtp());
            assertEquals("netvizura@nv01.example.com", s.smtpFrom());
            assertEquals(Optional.empty(), s.mailSession());
            assertTrue(s.guardEnabled());
            assertEquals(Optional.empty(), s.template());
            assertEquals(30, s.noticeDays());
            assertEquals(List.of(), s.notifyEmail());
            assertEquals(Optional.empty(), s.apiToken());
        }

        @Test
        void smtpHostSet_givesSmtpSettingsWithTheDocumentedDefaults() {
            contextParameters.put(Settings.SMTP_HOST, "mail.acme.example");

            SmtpSettings smtp = settings().smtp().orElseThrow();

            assertEquals("mail.acme.example", smtp.host());
            assertEquals(587, smtp.port());
            assertEquals(Security.STARTTLS, smtp.security());
            assertEquals(null, smtp.username());
            assertEquals(null, smtp.password());
            assertEquals("netvizura@nv01.example.com", smtp.from());
            assertEquals(Duration.ofSeconds(10), smtp.timeout());
        }

        @Test
        void noHomeAndNoCatalinaBase_failsSayingHowToSetTheHome() {
            systemProperties.remove("catalina.base");

            InvalidSettingException e = refused();

            assertEquals("netvizura.home", e.setting());
            assertEquals(SettingsReader.ERROR_NO_HOME, e.getMessage());
            assertTrue(e.getMessage().contains("NETVIZURA_HOME"), e.getMessage());
        }

        @Test
        void hostNameThatMakesNoAddress_fallsBackToLocalhostSender() {
            hostName = () -> "build_box";

            contextParameters.put(Settings.SMTP_HOST, "mail.acme.example");

            Settings s = settings();

            assertEquals("netvizura@localhost", s.smtpFrom());
            assertEquals("netvizura@localhost", s.smtp().orElseThrow().from(), "one sender rule for both");
        }

        @Test
        void smtpFromSet_neverAsksForTheHostName() {
            hostName = () -> {
                throw new AssertionError("host name looked up although smtp.from is set");
            };
            contextParameters.put(Settings.SMTP_FROM, "license@acme.example");
            contextParameters.put(Settings.SMTP_HOST, "mail.acme.example");

            Settings s = settings();

            assertEquals("license@acme.example", s.smtpFrom());
            assertEquals("license@acme.example", s.smtp().orElseThrow().from());
        }
    }

    @Nested
    class Precedence {

        /** The SMTP port in force, with a host set so that there are SMTP settings at all. */
        private int smtpPort() {
            contextParameters.putIfAbsent(Settings.SMTP_HOST, "mail.acme.example");
            return settings().smtp().orElseThrow().port();
        }

        @Test
        void contextParameter_beatsDefault() {
            contextParameters.put(Settings.SMTP_PORT, "2525");

            assertEquals(2525, smtpPort());
        }

        @Test
        void environmentVariable_beatsContextParameter() {
            contextParameters.put(Settings.SMTP_PORT, "2525");
            environment.put("NETVIZURA_LICENSE_SMTP_PORT", "2526");

            assertEquals(2526, smtpPort());
        }

        @Test
        void systemProperty_beatsEnvironmentVariable() {
            contextParameters.put(Settings.SMTP_PORT, "2525");
            environment.put("NETVIZURA_LICENSE_SMTP_PORT", "2526");
            systemProperties.setProperty(Settings.SMTP_PORT, "2527");

            assertEquals(2527, smtpPort());
        }

        @Test
        void environmentName_isUpperCaseWithUnderscores() {
            environment.put("NETVIZURA_LICENSE_ADMINROLE", "nv-admin");
            environment.put("NETVIZURA_LICENSE_SMTP_HOST", "mail.acme.example");
            environment.put("NETVIZURA_HOME", "/srv/netvizura");

            Settings s = settings();

            assertEquals("nv-admin", s.adminRole());
            assertEquals("mail.acme.example", s.smtp().orElseThrow().host());
            assertEquals(Path.of("/srv/netvizura"), s.home());
        }

        @Test
        void homeSystemProperty_beatsEnvironmentAndCatalinaBase() {
            environment.put("NETVIZURA_HOME", "/srv/from-env");
            systemProperties.setProperty(Settings.HOME, "/srv/from-property");

            assertEquals(Path.of("/srv/from-property/license"), settings().licenseDirectory());
        }

        @Test
        void blankValue_countsAsNotSetAndFallsThrough() {
            environment.put("NETVIZURA_LICENSE_SMTP_HOST", "");
            contextParameters.put(Settings.SMTP_HOST, "mail.acme.example");

            assertEquals("mail.acme.example", settings().smtp().orElseThrow().host());
        }

        @Test
        void values_areStrippedButThePasswordIsKeptAsIs() {
            contextParameters.put(Settings.SMTP_HOST, "  mail.acme.example ");
            contextParameters.put(Settings.SMTP_USERNAME, " nv ");
            contextParameters.put(Settings.SMTP_PASSWORD, " " + PASSWORD);

            SmtpSettings smtp = settings().smtp().orElseThrow();

            assertEquals("mail.acme.example", smtp.host());
            assertEquals("nv", smtp.username());
            assertEquals(" " + PASSWORD, smtp.password());
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest
        @ValueSource(strings = {"0", "65536", "abc", "-1", "587.0"})
        void badPort_failsNamingSettingValueAndOrigin(String port) {
            environment.put("NETVIZURA_LICENSE_SMTP_PORT", port);

            InvalidSettingException e = refused();

            assertEquals("Setting netvizura.license.smtp.port has the invalid value [" + port + "] (environment "
                    + "variable NETVIZURA_LICENSE_SMTP_PORT): use a port number from 1 to 65535.", e.getMessage());
            assertEquals(Settings.SMTP_PORT, e.setting());
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "65535"})
        void portAtTheEdges_isAccepted(String port) {
            systemProperties.setProperty(Settings.SMTP_PORT, port);
            systemProperties.setProperty(Settings.SMTP_HOST, "mail.acme.example");

            assertEquals(Integer.parseInt(port), settings().smtp().orElseThrow().port());
        }

        @Test
        void unknownSecurity_failsListingTheChoices() {
            contextParameters.put(Settings.SMTP_SECURITY, "ssl");

            InvalidSettingException e = refused();

            assertEquals("Setting netvizura.license.smtp.security has the invalid value [ssl] (context parameter "
                    + "netvizura.license.smtp.security): use none, starttls or tls.", e.getMessage());
        }

        @Test
        void security_isReadIgnoringCase() {
            contextParameters.put(Settings.SMTP_HOST, "mail.acme.example");
            contextParameters.put(Settings.SMTP_SECURITY, "TLS");
            environment.put("NETVIZURA_LICENSE_SMTP_PORT", "465");

            SmtpSettings smtp = settings().smtp().orElseThrow();

            assertEquals(Security.TLS, smtp.security());
            assertEquals(465, smtp.port());
        }

        @ParameterizedTest
        @ValueSource(strings = {"sales at netvizura.com", "Sales <sales@netvizura.com>", "sales@", "@netvizura.com",
                "a@b@c.com", "sales@netvizura.com,boss@netvizura.com"})
        void vendorEmailThatIsNoAddress_fails(String address) {
            systemProperties.setProperty(Settings.VENDOR_EMAIL, address);

            InvalidSettingException e = refused();

            assertTrue(e.getMessage().startsWith("Setting netvizura.license.vendorEmail has the invalid value ["
                    + address + "] (system property netvizura.license.vendorEmail): use a plain e-mail address"),
                    e.getMessage());
        }

        @Test
        void lineBreakInAValue_failsAndShowsItEscaped() {
            contextParameters.put(Settings.SUPPORT_EMAIL, "support@acme.example\r\nBcc: all@acme.example");

            InvalidSettingException e = refused();

            assertEquals("Setting netvizura.license.supportEmail has the invalid value "
                    + "[support@acme.example\\r\\nBcc: all@acme.example] (context parameter "
                    + "netvizura.license.supportEmail): remove the line break or other control character from it.",
                    e.getMessage());
        }

        @Test
        void lineBreakInAdminRole_fails() {
            environment.put("NETVIZURA_LICENSE_ADMINROLE", "admin\nmanager");

            assertEquals(Settings.ADMIN_ROLE, refused().setting());
        }

        @Test
        void lineBreakInPassword_failsWithoutShowingIt() {
            contextParameters.put(Settings.SMTP_USERNAME, "nv");
            contextParameters.put(Settings.SMTP_PASSWORD, PASSWORD + "\n");

            InvalidSettingException e = refused();

            assertEquals(Settings.SMTP_PASSWORD, e.setting());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertTrue(e.getMessage().contains("not shown because it is secret"), e.getMessage());
        }

        @Test
        void usernameWithoutPassword_fails() {
            contextParameters.put(Settings.SMTP_USERNAME, "nv");

            InvalidSettingException e = refused();

            assertEquals("Setting netvizura.license.smtp.username has the invalid value [nv] (context parameter "
                    + "netvizura.license.smtp.username): set netvizura.license.smtp.password too, or neither of them.",
                    e.getMessage());
        }

        @Test
        void passwordWithoutUsername_failsWithoutShowingIt() {
            environment.put("NETVIZURA_LICENSE_SMTP_PASSWORD", PASSWORD);

            InvalidSettingException e = refused();

            assertEquals(Settings.SMTP_PASSWORD, e.setting());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertTrue(e.getMessage().endsWith("set netvizura.license.smtp.username too, or neither of them."),
                    e.getMessage());
        }

        @Test
        void relativeHome_fails() {
            systemProperties.setProperty(Settings.HOME, "data/netvizura");

            InvalidSettingException e = refused();

            assertEquals("Setting netvizura.home has the invalid value [data/netvizura] (system property "
                    + "netvizura.home): use an absolute directory path.", e.getMessage());
        }

        @Test
        void home_isNormalized() {
            systemProperties.setProperty(Settings.HOME, "/srv/./netvizura/../netvizura");

            assertEquals(Path.of("/srv/netvizura"), settings().home());
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "301", "ten"})
        void badTimeout_fails(String seconds) {
            contextParameters.put(Settings.SMTP_TIMEOUT_SECONDS, seconds);

            InvalidSettingException e = refused();

            assertTrue(e.getMessage().contains("[" + seconds + "]"), e.getMessage());
            assertTrue(e.getMessage().endsWith("use a whole number of seconds from 1 to 300."), e.getMessage());
        }

        @Test
        void timeout_isReadInSeconds() {
            contextParameters.put(Settings.SMTP_TIMEOUT_SECONDS, "300");
            contextParameters.put(Settings.SMTP_HOST, "mail.acme.example");

            assertEquals(Duration.ofMinutes(5), settings().smtp().orElseThrow().timeout());
        }

        @Test
        void guardFalse_switchesTheGuardOff() {
            environment.put("NETVIZURA_LICENSE_GUARD", "FALSE");

            assertFalse(settings().guardEnabled());
        }

        @Test
        void guardNeitherTrueNorFalse_fails() {
            environment.put("NETVIZURA_LICENSE_GUARD", "off");

            assertEquals("Setting netvizura.license.guard has the invalid value [off] (environment variable "
                    + "NETVIZURA_LICENSE_GUARD): use true or false.", refused().getMessage());
        }

        @Test
        void mailSession_isKeptRelativeToJavaCompEnv() {
            contextParameters.put(Settings.MAIL_SESSION, "java:comp/env/mail/Session");

            assertEquals(Optional.of("mail/Session"), settings().mailSession());
        }
    }

    @Nested
    class PageFrameNoticesAndApi {

        private static final String TOKEN = "3f9c1a7e5b2d4c6a8e0f1b3d5a7c9e1f";

        @Test
        void template_isAFaceletsPathFromTheRoot() {
            contextParameters.put(Settings.TEMPLATE, "/WEB-INF/templates/layout.xhtml");

            assertEquals(Optional.of("/WEB-INF/templates/layout.xhtml"), settings().template());
        }

        @ParameterizedTest
        @ValueSource(strings = {"WEB-INF/templates/layout.xhtml", "/", "/WEB-INF/../../etc/passwd",
                "/WEB-INF\\layout.xhtml", "/my layout.xhtml"})
        void templateNotAPathInsideTheApplication_fails(String path) {
            contextParameters.put(Settings.TEMPLATE, path);

            InvalidSettingException e = refused();

            assertEquals(Settings.TEMPLATE, e.setting());
            assertTrue(e.getMessage().endsWith("(context parameter netvizura.license.template): use the path of a "
                    + "Facelets template inside the application, starting with /, such as "
                    + "/WEB-INF/templates/layout.xhtml."), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "14", "365"})
        void noticeDays_fromZeroTo365_areAccepted(String days) {
            environment.put("NETVIZURA_LICENSE_NOTICEDAYS", days);

            assertEquals(Integer.parseInt(days), settings().noticeDays());
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "366", "thirty", "7.5"})
        void noticeDaysOutOfRange_fails(String days) {
            environment.put("NETVIZURA_LICENSE_NOTICEDAYS", days);

            assertEquals("Setting netvizura.license.noticeDays has the invalid value [" + days + "] (environment "
                    + "variable NETVIZURA_LICENSE_NOTICEDAYS): use a whole number of days from 0 to 365 (0 shows no "
                    + "notice).", refused().getMessage());
        }

        @Test
        void notifyEmail_isAListOfAddressesWithBlanksAndEmptyItemsIgnored() {
            contextParameters.put(Settings.NOTIFY_EMAIL, " it@acme.example , ops@acme.example,");

            assertEquals(List.of("it@acme.example", "ops@acme.example"), settings().notifyEmail());
        }

        @Test
        void notifyEmailWithSomethingElse_failsNamingTheWholeValue() {
            contextParameters.put(Settings.NOTIFY_EMAIL, "it@acme.example; ops@acme.example");

            assertEquals("Setting netvizura.license.notifyEmail has the invalid value [it@acme.example; "
                    + "ops@acme.example] (context parameter netvizura.license.notifyEmail): use plain e-mail addresses "
                    + "separated by commas, such as it@example.com,ops@example.com.", refused().getMessage());
        }

        @Test
        void apiToken_isKeptWithoutSurroundingBlanks() {
            environment.put("NETVIZURA_LICENSE_APITOKEN", " " + TOKEN + " ");

            assertEquals(Optional.of(TOKEN), settings().apiToken());
        }

        @ParameterizedTest
        @ValueSource(strings = {"0123456789abcde", "0123456789 abcdef", "0123456789abcdef,more"})
        void apiTokenTooShortOrNotForABearerHeader_failsWithoutShowingIt(String token) {
            environment.put("NETVIZURA_LICENSE_APITOKEN", token);

            InvalidSettingException e = refused();

            assertEquals(Settings.API_TOKEN, e.setting());
            assertFalse(e.getMessage().contains("0123456789"), e.getMessage());
            assertEquals("Setting netvizura.license.apiToken has the invalid value which is not shown because it is "
                    + "secret (environment variable NETVIZURA_LICENSE_APITOKEN): use at least 16 characters of A-Z, "
                    + "a-z, 0-9 and - . _ ~ + / (for example the output of openssl rand -hex 32).", e.getMessage());
        }

        @Test
        void toString_showsTheNewSettingsButNeverTheToken() {
            contextParameters.put(Settings.TEMPLATE, "/WEB-INF/templates/layout.xhtml");
            contextParameters.put(Settings.NOTIFY_EMAIL, "it@acme.example,ops@acme.example");
            systemProperties.setProperty(Settings.API_TOKEN, TOKEN);

            String text = settings().toString();

            assertFalse(text.contains(TOKEN), text);
            assertTrue(text.contains("netvizura.license.apiToken=(set, hidden) (system property "
                    + "netvizura.license.apiToken)"), text);
            assertTrue(text.contains("netvizura.license.template=/WEB-INF/templates/layout.xhtml (context parameter "
                    + "netvizura.license.template)"), text);
            assertTrue(text.contains("netvizura.license.noticeDays=30 (default)"), text);
            assertTrue(text.contains("netvizura.license.notifyEmail=it@acme.example,ops@acme.example (context "
                    + "parameter netvizura.license.notifyEmail)"), text);
        }

        @Test
        void writeSettings_defaults_noAdminTokenNinetyPercentNoKeyFile() {
            Settings s = settings();

            assertEquals(Optional.empty(), s.apiAdminToken());
            assertEquals(90, s.usageNoticePercent());
            assertEquals(Optional.empty(), s.keyFile());
        }

        @Test
        void apiAdminToken_isKeptAndNeverShown() {
            String adminToken = TOKEN + "-admin";
            systemProperties.setProperty(Settings.API_ADMIN_TOKEN, adminToken);

            Settings s = settings();

            assertEquals(Optional.of(adminToken), s.apiAdminToken());
            assertFalse(s.toString().contains(adminToken), s.toString());
            assertTrue(s.toString().contains("netvizura.license.apiAdminToken=(set, hidden)"), s.toString());
        }

        @Test
        void apiAdminTokenSameAsReadToken_failsWithoutShowingIt() {
            systemProperties.setProperty(Settings.API_TOKEN, TOKEN);
            systemProperties.setProperty(Settings.API_ADMIN_TOKEN, TOKEN);

            InvalidSettingException e = refused();

            assertEquals(Settings.API_ADMIN_TOKEN, e.setting());
            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
            assertTrue(e.getMessage().endsWith("use another value than netvizura.license.apiToken: the read-only "
                    + "token must not also write."), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "101", "ninety", "-5"})
        void usageNoticePercentOutOfRange_failsNamingTheValue(String value) {
            contextParameters.put(Settings.USAGE_NOTICE_PERCENT, value);

            assertEquals("Setting netvizura.license.usageNoticePercent has the invalid value [" + value + "] (context "
                    + "parameter netvizura.license.usageNoticePercent): use a whole number from 1 to 100.",
                    refused().getMessage());
        }

        @Test
        void usageNoticePercent_isRead() {
            environment.put("NETVIZURA_LICENSE_USAGENOTICEPERCENT", "75");

            assertEquals(75, settings().usageNoticePercent());
        }

        @Test
        void keyFile_mustBeAbsolute() {
            contextParameters.put(Settings.KEY_FILE, "/etc/netvizura/license.key");
            assertEquals(Optional.of(java.nio.file.Path.of("/etc/netvizura/license.key")), settings().keyFile());

            contextParameters.put(Settings.KEY_FILE, "license.key");
            assertEquals(Settings.KEY_FILE, refused().setting());
        }

        @Test
        void toString_unsetNewSettings_sayUnsetOrNone() {
            String text = settings().toString();

            assertTrue(text.contains("netvizura.license.template=(unset) (default)"), text);
            assertTrue(text.contains("netvizura.license.notifyEmail=(none) (default)"), text);
            assertTrue(text.contains("netvizura.license.apiToken=(unset) (default)"), text);
        }
    }

    @Nested
    class Display {

        @Test
        void toString_showsValuesAndOriginsButNeverThePassword() {
            contextParameters.put(Settings.SMTP_HOST, "mail.acme.example");
            environment.put("NETVIZURA_LICENSE_SMTP_USERNAME", "nv");
            environment.put("NETVIZURA_LICENSE_SMTP_PASSWORD", PASSWORD);

            String text = settings().toString();

            assertFalse(text.contains("s3cret"), text);
            assertTrue(text.contains("netvizura.license.smtp.password=(set, hidden) (environment variable "
                    + "NETVIZURA_LICENSE_SMTP_PASSWORD)"), text);
            assertTrue(text.contains("netvizura.license.smtp.host=mail.acme.example (context parameter "
                    + "netvizura.license.smtp.host)"), text);
            assertTrue(text.contains("netvizura.license.smtp.port=587 (default)"), text);
            assertTrue(text.contains("netvizura.home=/opt/tomcat/netvizura (default)"), text);
        }

        @Test
        void smtpSettingsToString_neverShowsThePassword() {
            contextParameters.put(Settings.SMTP_HOST, "mail.acme.example");
            contextParameters.put(Settings.SMTP_USERNAME, "nv");
            contextParameters.put(Settings.SMTP_PASSWORD, PASSWORD);

            String text = settings().smtp().orElseThrow().toString();

            assertFalse(text.contains("s3cret"), text);
            assertTrue(text.contains("username=nv") && text.contains("password=****")
                    && text.contains("security=starttls"), text);
        }

        @Test
        void toString_withoutPassword_saysUnset() {
            assertTrue(settings().toString().contains("netvizura.license.smtp.password=(unset) (default)"));
        }
    }

    @Test
    void fromSystem_readsThisJvmsSystemProperties(@TempDir Path home) {
        String before = System.getProperty(Settings.HOME);
        System.setProperty(Settings.HOME, home.toString());
        try {
            Settings s = Settings.fromSystem(name -> null);

            assertEquals(home.resolve("license"), s.licenseDirectory());
        } finally {
            if (before == null) {
                System.clearProperty(Settings.HOME);
            } else {
                System.setProperty(Settings.HOME, before);
            }
        }
    }
}
