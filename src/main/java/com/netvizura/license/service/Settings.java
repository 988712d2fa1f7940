package com.netvizura.license.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The plugin's settings, read once at start and validated; a wrong value fails the start with a sentence that names
 * the setting, its value in [brackets] and where it came from.
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
 *     <td>sender address of mails</td></tr>
 * <tr><td>{@code netvizura.license.smtp.timeoutSeconds}</td><td>{@code 10}</td>
 *     <td>connect, read and write timeout for SMTP, 1 to 300</td></tr>
 * <tr><td>{@code netvizura.license.mailSession}</td><td>unset</td>
 *     <td>JNDI name under {@code java:comp/env} (e.g. {@code mail/Session}) of a Tomcat mail resource, used instead
 *     of the smtp settings when bound</td></tr>
 * <tr><td>{@code netvizura.license.guard}</td><td>{@code true}</td>
 *     <td>{@code true} or {@code false}; {@code false} switches the license guard off</td></tr>
 * <tr><td>{@code netvizura.license.notifyEmail}</td><td>unset</td>
 *     <td>comma-separated addresses that get reminder mail before the license ends; unset: no reminders</td></tr>
 * <tr><td>{@code netvizura.license.apiToken}</td><td>unset</td>
 *     <td>bearer token that opens the status API and the metrics besides an admin's session, at least
 *     {@value #MIN_API_TOKEN_LENGTH} characters; secret: never logged or shown</td></tr>
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
    public static final String NOTIFY_EMAIL = "netvizura.license.notifyEmail";
    public static final String API_TOKEN = "netvizura.license.apiToken";
    /** A shorter bearer token could be guessed; 16 characters is the least, a random 32 or more is better. */
    public static final int MIN_API_TOKEN_LENGTH = 16;

    /** The system property Tomcat sets to its instance directory; the default home lies below it. */
    public static final String CATALINA_BASE = "catalina.base";

    static final String ERROR_NO_HOME = "Setting " + HOME + " is not set and system property " + CATALINA_BASE
            + " is not set either, so there is no data directory: set " + HOME + " (system property, environment "
            + "variable " + SettingSources.environmentName(HOME) + " or context parameter) to an absolute directory path.";
    static final String ERROR_NOT_ABSOLUTE = "use an absolute directory path";
    static final String ERROR_NOT_A_PORT = "use a port number from 1 to 65535";
    static final String ERROR_NOT_AN_ADDRESS = "use a plain e-mail address such as name@example.com";
    static final String ERROR_NOT_A_SECURITY = "use none, starttls or tls";
    static final String ERROR_NOT_A_BOOLEAN = "use true or false";
    static final int MAX_SMTP_TIMEOUT_SECONDS = 300;
    static final String ERROR_NOT_A_TIMEOUT = "use a whole number of seconds from 1 to " + MAX_SMTP_TIMEOUT_SECONDS;
    static final String ERROR_USERNAME_WITHOUT_PASSWORD = "set " + SMTP_PASSWORD + " too, or neither of them";
    static final String ERROR_PASSWORD_WITHOUT_USERNAME = "set " + SMTP_USERNAME + " too, or neither of them";
    static final String ERROR_NOT_ADDRESSES =
            "use plain e-mail addresses separated by commas, such as ops@example.com,admin@example.com";
    static final String ERROR_NOT_A_TOKEN = "use at least " + MIN_API_TOKEN_LENGTH + " characters without spaces, "
            + "for example the output of openssl rand -hex 32";

    // Loose on purpose: it catches typos and pasted display names, not every RFC 5322 corner.
    private static final Pattern LOOKS_LIKE_ADDRESS =
            Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final String JNDI_ENV_PREFIX = "java:comp/env/";

    /** How the connection to the SMTP server is protected. */
    public enum SmtpSecurity {
        /** Plain text; only for a relay on the same host or network. */
        NONE,
        /** Plain connect, then upgrade with STARTTLS (required, not opportunistic); usually port 587. */
        STARTTLS,
        /** TLS from the first byte ("SMTPS"); usually port 465. */
        TLS
    }

    private final Map<String, String> shown = new LinkedHashMap<>();
    private final Path home;
    private final String adminRole;
    private final String vendorEmail;
    private final String supportEmail;
    private final Optional<String> smtpHost;
    private final int smtpPort;
    private final SmtpSecurity smtpSecurity;
    private final Optional<String> smtpUsername;
    private final Optional<String> smtpPassword;
    private final String smtpFrom;
    private final Duration smtpTimeout;
    private final Optional<String> mailSession;
    private final boolean guardEnabled;
    private final List<String> notifyEmail;
    private final Optional<String> apiToken;

    /** Settings from the given sources; the default sender's host name is this machine's. */
    public Settings(Properties systemProperties, Map<String, String> environment,
                    UnaryOperator<String> contextParameters) {
        this(systemProperties, environment, contextParameters, Settings::localHostName);
    }

    /**
     * Settings from the given sources.
     *
     * @param systemProperties  JVM system properties (also the source of {@code catalina.base})
     * @param environment       environment variables
     * @param contextParameters servlet context init-parameters by name, {@code null} when absent
     *                          (e.g. {@code servletContext::getInitParameter})
     * @param hostName          this machine's host name, asked only when {@code smtp.from} is not set
     * @throws InvalidSettingException when a value is unusable or the data directory cannot be determined
     */
    public Settings(Properties systemProperties, Map<String, String> environment,
                    UnaryOperator<String> contextParameters, Supplier<String> hostName) {
        SettingSources sources = new SettingSources(systemProperties, environment, contextParameters);
        home = home(sources);
        adminRole = text(sources, ADMIN_ROLE, "admin");
        vendorEmail = address(sources, VENDOR_EMAIL, () -> "sales@netvizura.com");
        supportEmail = address(sources, SUPPORT_EMAIL, () -> "support@netvizura.com");
        smtpHost = optional(sources, SMTP_HOST, false);
        smtpPort = parsed(sources, SMTP_PORT, 587, Settings::port, ERROR_NOT_A_PORT);
        smtpSecurity = parsed(sources, SMTP_SECURITY, SmtpSecurity.STARTTLS, Settings::security, ERROR_NOT_A_SECURITY);
        smtpUsername = optional(sources, SMTP_USERNAME, false);
        smtpPassword = optional(sources, SMTP_PASSWORD, true);
        checkCredentialsPaired(sources);
        smtpFrom = address(sources, SMTP_FROM, () -> defaultSender(hostName));
        smtpTimeout = Duration.ofSeconds(parsed(sources, SMTP_TIMEOUT_SECONDS, 10, Settings::timeoutSeconds,
                ERROR_NOT_A_TIMEOUT));
        mailSession = optional(sources, MAIL_SESSION, false).map(Settings::relativeJndiName);
        guardEnabled = parsed(sources, GUARD, true, Settings::bool, ERROR_NOT_A_BOOLEAN);
        notifyEmail = addresses(sources, NOTIFY_EMAIL);
        apiToken = token(sources, API_TOKEN);
    }

    /** Settings from this JVM's system properties and environment and the given context parameters. */
    public static Settings fromSystem(UnaryOperator<String> contextParameters) {
        return new Settings(System.getProperties(), System.getenv(), contextParameters);
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

    /** The SMTP server; empty when mail goes out through the admin's mail client ({@code mailto:}) only. */
    public Optional<String> smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public SmtpSecurity smtpSecurity() {
        return smtpSecurity;
    }

    /** The SMTP user; present exactly when {@link #smtpPassword()} is. */
    public Optional<String> smtpUsername() {
        return smtpUsername;
    }

    /** The SMTP password: hand it to the mail session only, never to a log or a page. */
    public Optional<String> smtpPassword() {
        return smtpPassword;
    }

    public String smtpFrom() {
        return smtpFrom;
    }

    public Duration smtpTimeout() {
        return smtpTimeout;
    }

    /** The JNDI name of a Tomcat mail resource relative to {@code java:comp/env}, e.g. {@code mail/Session}. */
    public Optional<String> mailSession() {
        return mailSession;
    }

    /** Whether the license guard is on (the default); off only when an integrator switched it off. */
    public boolean guardEnabled() {
        return guardEnabled;
    }

    /** Who gets reminder mail before the license ends; empty: reminders are off. */
    public List<String> notifyEmail() {
        return notifyEmail;
    }

    /** The bearer token of the status API: compare it in constant time, never log or show it. */
    public Optional<String> apiToken() {
        return apiToken;
    }

    /** Every setting with its value and origin, for the start-up log; the password shows only whether it is set. */
    @Override
    public String toString() {
        StringJoiner joined = new StringJoiner(", ", "Settings[", "]");
        shown.forEach((name, value) -> joined.add(name + "=" + value));
        return joined.toString();
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    private Path home(SettingSources sources) {
        Optional<SettingValue> set = sources.find(HOME, false);
        SettingValue value = set.orElseGet(() -> sources.systemProperty(CATALINA_BASE)
                .map(base -> new SettingValue(HOME, base + "/netvizura",
                        "default ${" + CATALINA_BASE + "}/netvizura", false))
                .orElseThrow(() -> new InvalidSettingException(HOME, ERROR_NO_HOME)));
        Path path;
        try {
            path = Path.of(value.value());
        } catch (InvalidPathException e) {
            throw value.invalid(ERROR_NOT_ABSOLUTE);
        }
        if (!path.isAbsolute()) {
            throw value.invalid(ERROR_NOT_ABSOLUTE);
        }
        path = path.normalize();
        remember(HOME, path.toString(), set.isPresent() ? value.origin() : "default");
        return path;
    }

    private String text(SettingSources sources, String name, String fallback) {
        return sources.find(name, false).map(v -> remember(name, v.value(), v.origin()))
                .orElseGet(() -> remember(name, fallback, "default"));
    }

    private String address(SettingSources sources, String name, Supplier<String> fallback) {
        Optional<SettingValue> set = sources.find(name, false);
        set.filter(v -> !LOOKS_LIKE_ADDRESS.matcher(v.value()).matches()).ifPresent(v -> {
            throw v.invalid(ERROR_NOT_AN_ADDRESS);
        });
        return set.map(v -> remember(name, v.value(), v.origin()))
                .orElseGet(() -> remember(name, fallback.get(), "default"));
    }

    private List<String> addresses(SettingSources sources, String name) {
        Optional<SettingValue> set = sources.find(name, false);
        if (set.isEmpty()) {
            remember(name, "(unset)", "default");
            return List.of();
        }
        SettingValue v = set.get();
        List<String> list = new ArrayList<>();
        for (String part : v.value().split(",", -1)) {
            String address = part.strip();
            if (!LOOKS_LIKE_ADDRESS.matcher(address).matches()) {
                throw v.invalid(ERROR_NOT_ADDRESSES);
            }
            list.add(address);
        }
        remember(name, String.join(",", list), v.origin());
        return List.copyOf(list);
    }

    /** A secret token: visible ASCII only (it travels in an HTTP header), long enough not to be guessed. */
    private Optional<String> token(SettingSources sources, String name) {
        Optional<SettingValue> set = sources.find(name, true);
        if (set.isEmpty()) {
            remember(name, "(unset)", "default");
            return Optional.empty();
        }
        SettingValue v = set.get();
        String token = v.value().strip();
        if (token.length() < MIN_API_TOKEN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw v.invalid(ERROR_NOT_A_TOKEN);
        }
        remember(name, "(set, hidden)", v.origin());
        return Optional.of(token);
    }

    private Optional<String> optional(SettingSources sources, String name, boolean secret) {
        Optional<SettingValue> set = sources.find(name, secret);
        if (set.isEmpty()) {
            remember(name, "(unset)", "default");
            return Optional.empty();
        }
        SettingValue v = set.get();
        remember(name, secret ? "(set, hidden)" : v.value(), v.origin());
        return Optional.of(v.value());
    }

    /** A typed setting; {@code parse} returns {@code null} for a value it does not accept. */
    private <T> T parsed(SettingSources sources, String name, T fallback, Function<String, T> parse, String whatToDo) {
        Optional<SettingValue> set = sources.find(name, false);
        if (set.isEmpty()) {
            remember(name, String.valueOf(fallback).toLowerCase(Locale.ROOT), "default");
            return fallback;
        }
        SettingValue v = set.get();
        T result = parse.apply(v.value());
        if (result == null) {
            throw v.invalid(whatToDo);
        }
        remember(name, String.valueOf(result).toLowerCase(Locale.ROOT), v.origin());
        return result;
    }

    private void checkCredentialsPaired(SettingSources sources) {
        if (smtpUsername.isPresent() && smtpPassword.isEmpty()) {
            throw sources.find(SMTP_USERNAME, false).orElseThrow().invalid(ERROR_USERNAME_WITHOUT_PASSWORD);
        }
        if (smtpPassword.isPresent() && smtpUsername.isEmpty()) {
            throw sources.find(SMTP_PASSWORD, true).orElseThrow().invalid(ERROR_PASSWORD_WITHOUT_USERNAME);
        }
    }

    private String remember(String name, String value, String origin) {
        shown.put(name, value + " (" + origin + ")");
        return value;
    }

    // ---- parsing: null means "not accepted" ---------------------------------------------------------------------

    private static Integer port(String text) {
        Integer n = integer(text);
        return n != null && n >= 1 && n <= 65535 ? n : null;
    }

    private static Integer timeoutSeconds(String text) {
        Integer n = integer(text);
        return n != null && n >= 1 && n <= MAX_SMTP_TIMEOUT_SECONDS ? n : null;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static SmtpSecurity security(String text) {
        for (SmtpSecurity s : SmtpSecurity.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }

    private static Boolean bool(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    private static String relativeJndiName(String name) {
        return name.startsWith(JNDI_ENV_PREFIX) ? name.substring(JNDI_ENV_PREFIX.length()) : name;
    }

    /** {@code netvizura@<hostname>}, or {@code netvizura@localhost} when the host name would not make an address. */
    static String defaultSender(Supplier<String> hostName) {
        String candidate = "netvizura@" + hostName.get();
        return LOOKS_LIKE_ADDRESS.matcher(candidate).matches() ? candidate : "netvizura@localhost";
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
