package com.netvizura.license.service;

import com.netvizura.license.service.Settings.SmtpSecurity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
        return new Settings(systemProperties, environment, contextParameters::get, hostName);
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
            assertEquals(Optional.empty(), s.smtpHost());
            assertEquals(587, s.smtpPort());
            assertEquals(SmtpSecurity.STARTTLS, s.smtpSecurity());
            assertEquals(Optional.empty(), s.smtpUsername());
            assertEquals(Optional.empty(), s.smtpPassword());
            assertEquals("netvizura@nv01.example.com", s.smtpFrom());
            assertEquals(Duration.ofSeconds(10), s.smtpTimeout());
            assertEquals(Optional.empty(), s.mailSession());
            assertTrue(s.guardEnabled());
        }

        @Test
        void noHomeAndNoCatalinaBase_failsSayingHowToSetTheHome() {
            systemProperties.remove("catalina.base");

            InvalidSettingException e = refused();

            assertEquals("netvizura.home", e.setting());
            assertEquals(Settings.ERROR_NO_HOME, e.getMessage());
            assertTrue(e.getMessage().contains("NETVIZURA_HOME"), e.getMessage());
        }

        @Test
        void hostNameThatMakesNoAddress_fallsBackToLocalhostSender() {
            hostName = () -> "build_box";

            assertEquals("netvizura@localhost", settings().smtpFrom());
        }

        @Test
        void smtpFromSet_neverAsksForTheHostName() {
            hostName = () -> {
                throw new AssertionError("host name looked up although smtp.from is set");
            };
            contextParameters.put(Settings.SMTP_FROM, "license@acme.example");

            assertEquals("license@acme.example", settings().smtpFrom());
        }
    }

    @Nested
    class Precedence {

        @Test
        void contextParameter_beatsDefault() {
            contextParameters.put(Settings.SMTP_PORT, "2525");

            assertEquals(2525, settings().smtpPort());
        }

        @Test
        void environmentVariable_beatsContextParameter() {
            contextParameters.put(Settings.SMTP_PORT, "2525");
            environment.put("NETVIZURA_LICENSE_SMTP_PORT", "2526");

            assertEquals(2526, settings().smtpPort());
        }

        @Test
        void systemProperty_beatsEnvironmentVariable() {
            contextParameters.put(Settings.SMTP_PORT, "2525");
            environment.put("NETVIZURA_LICENSE_SMTP_PORT", "2526");
            systemProperties.setProperty(Settings.SMTP_PORT, "2527");

            assertEquals(2527, settings().smtpPort());
        }

        @Test
        void environmentName_isUpperCaseWithUnderscores() {
            environment.put("NETVIZURA_LICENSE_ADMINROLE", "nv-admin");
            environment.put("NETVIZURA_LICENSE_SMTP_HOST", "mail.acme.example");
            environment.put("NETVIZURA_HOME", "/srv/netvizura");

            Settings s = settings();

            assertEquals("nv-admin", s.adminRole());
            assertEquals(Optional.of("mail.acme.example"), s.smtpHost());
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

            assertEquals(Optional.of("mail.acme.example"), settings().smtpHost());
        }

        @Test
        void values_areStrippedButThePasswordIsKeptAsIs() {
            contextParameters.put(Settings.SMTP_HOST, "  mail.acme.example ");
            contextParameters.put(Settings.SMTP_USERNAME, " nv ");
            contextParameters.put(Settings.SMTP_PASSWORD, " " + PASSWORD);

            Settings s = settings();

            assertEquals(Optional.of("mail.acme.example"), s.smtpHost());
            assertEquals(Optional.of("nv"), s.smtpUsername());
            assertEquals(Optional.of(" " + PASSWORD), s.smtpPassword());
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

            assertEquals(Integer.parseInt(port), settings().smtpPort());
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
            contextParameters.put(Settings.SMTP_SECURITY, "TLS");

            assertEquals(SmtpSecurity.TLS, settings().smtpSecurity());
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

            assertEquals(Duration.ofMinutes(5), settings().smtpTimeout());
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
    class Monitoring {

        private static final String TOKEN = "f3a9c2e417b86d05aa41";

        @Test
        void unset_meansNoRemindersAndNoToken() {
            Settings s = settings();

            assertEquals(java.util.List.of(), s.notifyEmail());
            assertEquals(Optional.empty(), s.apiToken());
        }

        @Test
        void notifyEmail_isAListOfAddresses_blanksAroundCommasIgnored() {
            contextParameters.put(Settings.NOTIFY_EMAIL, "ops@acme.example, it-admin@acme.example");

            assertEquals(java.util.List.of("ops@acme.example", "it-admin@acme.example"), settings().notifyEmail());
        }

        @ParameterizedTest
        @ValueSource(strings = {"ops@acme.example,", "ops@acme.example;admin@acme.example", "Ops <ops@acme.example>"})
        void notifyEmail_withSomethingThatIsNoAddress_failsNamingTheValue(String value) {
            contextParameters.put(Settings.NOTIFY_EMAIL, value);

            InvalidSettingException e = refused();

            assertEquals(Settings.NOTIFY_EMAIL, e.setting());
            assertTrue(e.getMessage().contains("[" + value + "]"), e.getMessage());
            assertTrue(e.getMessage().endsWith(Settings.ERROR_NOT_ADDRESSES + "."), e.getMessage());
        }

        @Test
        void apiToken_isKeptButNeverShown() {
            environment.put("NETVIZURA_LICENSE_APITOKEN", TOKEN);

            Settings s = settings();

            assertEquals(Optional.of(TOKEN), s.apiToken());
            assertFalse(s.toString().contains(TOKEN), s.toString());
            assertTrue(s.toString().contains("netvizura.license.apiToken=(set, hidden)"), s.toString());
        }

        @ParameterizedTest
        @ValueSource(strings = {"fifteen-chars-x", "sixteen chars ok", "token-with-\u00e9-not-ascii"})
        void apiToken_tooShortOrNotPlainAscii_failsWithoutShowingIt(String token) {
            contextParameters.put(Settings.API_TOKEN, token);

            InvalidSettingException e = refused();

            assertEquals(Settings.API_TOKEN, e.setting());
            assertFalse(e.getMessage().contains(token), e.getMessage());
            assertEquals("Setting netvizura.license.apiToken has the invalid value which is not shown because it is "
                    + "secret (context parameter netvizura.license.apiToken): " + Settings.ERROR_NOT_A_TOKEN + ".",
                    e.getMessage());
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
