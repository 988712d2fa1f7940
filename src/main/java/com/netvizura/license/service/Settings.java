package com.netvizura.license.service;

import com.netvizura.license.mail.SmtpSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * The plugin's settings as read once at start by {@link SettingsReader}, which validated them: a wrong value fails
 * the start with a sentence that names the setting, its value in [brackets] and where it came from. Immutable.
 *
 * <p>Each setting is looked up in this order, the first one set wins: JVM system property, environment variable
 * (the name in upper case with dots as underscores, e.g. {@code NETVIZURA_LICENSE_SMTP_HOST}), servlet context
 * init-parameter, default. A blank value counts as not set. Values are stripped of surrounding blanks, except the
 * password. No value may contain a line break or other control character.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code netvizura.home}</td><td>{@code ${catalina.base}/netvizura}</td>
 *     <td>absolute path of the NetVizura data directory; license files live in its {@code license/}</td></tr>
 * <tr><td>{@code netvizura.license.adminRole}</td><td>{@code admin}</td>
 *     <td>the container role that may see the License page, upload and send</td></tr>
 * <tr><td>{@code netvizura.license.vendorEmail}</td><td>{@code sales@netvizura.com}</td>
 *     <td>where Send sends the License Details</td></tr>
 * <tr><td>{@code netvizura.license.supportEmail}</td><td>{@code support@netvizura.com}</td>
 *     <td>the support address shown to admins</td></tr>
 * <tr><td>{@code netvizura.license.smtp.host}</td><td>unset</td>
 *     <td>SMTP server; unset: Send offers the {@code mailto:} link only</td></tr>
 * <tr><td>{@code netvizura.license.smtp.port}</td><td>{@code 587}</td><td>1 to 65535</td></tr>
 * <tr><td>{@code netvizura.license.smtp.security}</td><td>{@code starttls}</td>
 *     <td>{@code none}, {@code starttls} or {@code tls}</td></tr>
 * <tr><td>{@code netvizura.license.smtp.username}, {@code .password}</td><td>unset</td>
 *     <td>SMTP authentication, both or neither; the password is never logged or shown</td></tr>
 * <tr><td>{@code netvizura.license.smtp.from}</td><td>{@code netvizura@<hostname>}</td>
 *     <td>sender address of mails, also through a mail session that sets no {@code mail.from}</td></tr>
 * <tr><td>{@code netvizura.license.smtp.timeoutSeconds}</td><td>{@code 10}</td>
 *     <td>connect, read and write timeout for SMTP, 1 to 300</td></tr>
 * <tr><td>{@code netvizura.license.mailSession}</td><td>unset</td>
 *     <td>JNDI name under {@code java:comp/env} (e.g. {@code mail/Session}) of a Tomcat mail resource, used instead
 *     of the smtp settings when bound</td></tr>
 * <tr><td>{@code netvizura.license.guard}</td><td>{@code true}</td>
 *     <td>{@code true} or {@code false}; {@code false} switches the license guard off</td></tr>
 * <tr><td>{@code netvizura.license.template}</td><td>unset</td>
 *     <td>the page frame of the License page and About: a Facelets template path inside the application starting
 *     with {@code /}; unset: the plugin's own minimal frame</td></tr>
 * <tr><td>{@code netvizura.license.noticeDays}</td><td>{@code 30}</td>
 *     <td>days before the last day of maintenance or usage from which admins see the license notice, 0 to 365;
 *     {@code 0}: no notice</td></tr>
 * <tr><td>{@code netvizura.license.notifyEmail}</td><td>unset</td>
 *     <td>comma-separated addresses that get reminder mail; unset: no reminders</td></tr>
 * <tr><td>{@code netvizura.license.apiToken}</td><td>unset</td>
 *     <td>the secret for {@code Authorization: Bearer} on the status API, at least 16 characters; never logged or
 *     shown</td></tr>
 * <tr><td>{@code netvizura.license.apiAdminToken}</td><td>unset</td>
 *     <td>the secret for {@code Authorization: Bearer} that reads the status API and also writes through it (usage
 *     reports, keys); same rules as {@code apiToken}, and not the same value; unset: nothing can be written through
 *     the API</td></tr>
 * <tr><td>{@code netvizura.license.usageNoticePercent}</td><td>{@code 90}</td>
 *     <td>share of a limit in use, 1 to 100, from which admins see the notice and monitoring warns</td></tr>
 * <tr><td>{@code netvizura.license.keyFile}</td><td>unset</td>
 *     <td>absolute path of a key file applied at start and whenever it changes</td></tr>
 * </table>
 */
public final class Settings {

    public static final String HOME = "netvizura.home";
    public static final String ADMIN_ROLE = "netvizura.license.adminRole";
    public static final String VENDOR_EMAIL = "netvizura.license.vendorEmail";
    public static final String SUPPORT_EMAIL = "netvizura.license.supportEmail";
    public static final String SMTP_HOST = "netvizura.license.smtp.host";
    public static final String SMTP_PORT = "netvizura.license.smtp.port";
    public static final String SMTP_SECURITY = "netvizura.license.smtp.security";
    public static final String SMTP_USERNAME = "netvizura.license.smtp.username";
    public static final String SMTP_PASSWORD = "netvizura.license.smtp.password";
    public static final String SMTP_FROM = "netvizura.license.smtp.from";
    public static final String SMTP_TIMEOUT_SECONDS = "netvizura.license.smtp.timeoutSeconds";
    public static final String MAIL_SESSION = "netvizura.license.mailSession";
    public static final String GUARD = "netvizura.license.guard";
    public static final String TEMPLATE = "netvizura.license.template";
    public static final String NOTICE_DAYS = "netvizura.license.noticeDays";
    public static final String NOTIFY_EMAIL = "netvizura.license.notifyEmail";
    public static final String API_TOKEN = "netvizura.license.apiToken";
    public static final String API_ADMIN_TOKEN = "netvizura.license.apiAdminToken";
    public static final String USAGE_NOTICE_PERCENT = "netvizura.license.usageNoticePercent";
    public static final String KEY_FILE = "netvizura.license.keyFile";

    /** The system property Tomcat sets to its instance directory; the default home lies below it. */
    public static final String CATALINA_BASE = "catalina.base";

    private final Path home;
    private final String adminRole;
    private final String vendorEmail;
    private final String supportEmail;
    private final Optional<SmtpSettings> smtp;
    private final String smtpFrom;
    private final Optional<String> mailSession;
    private final boolean guardEnabled;
    private final Optional<String> template;
    private final int noticeDays;
    private final List<String> notifyEmail;
    private final Optional<String> apiToken;
    private final Optional<String> apiAdminToken;
    private final int usageNoticePercent;
    private final Optional<Path> keyFile;
    private final Map<String, String> shown;

    /** Only {@link SettingsReader} makes settings, after validating every value; {@code shown} is for the log. */
    Settings(Path home, String adminRole, String vendorEmail, String supportEmail, Optional<SmtpSettings> smtp,
             String smtpFrom, Optional<String> mailSession, boolean guardEnabled, Optional<String> template,
             int noticeDays, List<String> notifyEmail, Optional<String> apiToken, Optional<String> apiAdminToken,
             int usageNoticePercent, Optional<Path> keyFile, Map<String, String> shown) {
        this.home = Objects.requireNonNull(home, "home");
        this.adminRole = Objects.requireNonNull(adminRole, "adminRole");
        this.vendorEmail = Objects.requireNonNull(vendorEmail, "vendorEmail");
        this.supportEmail = Objects.requireNonNull(supportEmail, "supportEmail");
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        this.smtpFrom = Objects.requireNonNull(smtpFrom, "smtpFrom");
        this.mailSession = Objects.requireNonNull(mailSession, "mailSession");
        this.guardEnabled = guardEnabled;
        this.template = Objects.requireNonNull(template, "template");
        this.noticeDays = noticeDays;
        this.notifyEmail = List.copyOf(notifyEmail);
        this.apiToken = Objects.requireNonNull(apiToken, "apiToken");
        this.apiAdminToken = Objects.requireNonNull(apiAdminToken, "apiAdminToken");
        this.usageNoticePercent = usageNoticePercent;
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        this.shown = new LinkedHashMap<>(shown);
    }

    /** Settings from this JVM's system properties and environment and the given context parameters. */
    public static Settings fromSystem(UnaryOperator<String> contextParameters) {
        return new SettingsReader(System.getProperties(), System.getenv(), contextParameters).read();
    }

    /** The NetVizura data directory ({@code netvizura.home}), absolute. */
    public Path home() {
        return home;
    }

    /** The plugin's own directory below the home: the active key, history, audit log, state. */
    public Path licenseDirectory() {
        return home.resolve("license");
    }

    public String adminRole() {
        return adminRole;
    }

    /** Where Send sends the License Details; also named in sentences that say whom to contact. */
    public String vendorEmail() {
        return vendorEmail;
    }

    public String supportEmail() {
        return supportEmail;
    }

    /** How to reach the SMTP server; empty when no host is set (Send is then the {@code mailto:} link). */
    public Optional<SmtpSettings> smtp() {
        return smtp;
    }

    /** The sender address: of the SMTP settings, and of a container mail session that sets no {@code mail.from}. */
    public String smtpFrom() {
        return smtpFrom;
    }

    /** The JNDI name of a Tomcat mail resource relative to {@code java:comp/env}, e.g. {@code mail/Session}. */
    public Optional<String> mailSession() {
        return mailSession;
    }

    /** Whether the license guard is on (the default); off only when an integrator switched it off. */
    public boolean guardEnabled() {
        return guardEnabled;
    }

    /** The Facelets template of the host's page frame, e.g. {@code /WEB-INF/templates/layout.xhtml}. */
    public Optional<String> template() {
        return template;
    }

    /** Days before a last day from which admins see the license notice; 0 means no notice. */
    public int noticeDays() {
        return noticeDays;
    }

    /** Who gets reminder mail; empty means no reminders. */
    public List<String> notifyEmail() {
        return notifyEmail;
    }

    /** The status API's bearer token: compare it, never log or show it. */
    public Optional<String> apiToken() {
        return apiToken;
    }

    /** The bearer token that may also write through the API (usage reports, keys): compare it, never log or show it. */
    public Optional<String> apiAdminToken() {
        return apiAdminToken;
    }

    /** Share of a limit in use (1 to 100) from which admins see the notice and monitoring warns. */
    public int usageNoticePercent() {
        return usageNoticePercent;
    }

    /** A key file applied at start and whenever it changes; absolute. */
    public Optional<Path> keyFile() {
        return keyFile;
    }

    /** Every setting with its value and origin, for the start-up log; secrets show only whether they are set. */
    @Override
    public String toString() {
        StringJoiner joined = new StringJoiner(", ", "Settings[", "]");
        shown.forEach((name, value) -> joined.add(name + "=" + value));
        return joined.toString();
    }
}
