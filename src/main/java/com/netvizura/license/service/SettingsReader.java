package com.netvizura.license.service;

import static com.netvizura.license.service.Settings.ADMIN_ROLE;
import static com.netvizura.license.service.Settings.API_ADMIN_TOKEN;
import static com.netvizura.license.service.Settings.API_TOKEN;
import static com.netvizura.license.service.Settings.CATALINA_BASE;
import static com.netvizura.license.service.Settings.GUARD;
import static com.netvizura.license.service.Settings.HOME;
import static com.netvizura.license.service.Settings.KEY_FILE;
import static com.netvizura.license.service.Settings.MAIL_SESSION;
import static com.netvizura.license.service.Settings.NOTICE_DAYS;
import static com.netvizura.license.service.Settings.NOTIFY_EMAIL;
import static com.netvizura.license.service.Settings.SMTP_FROM;
import static com.netvizura.license.service.Settings.SMTP_HOST;
import static com.netvizura.license.service.Settings.SMTP_PASSWORD;
import static com.netvizura.license.service.Settings.SMTP_PORT;
import static com.netvizura.license.service.Settings.SMTP_SECURITY;
import static com.netvizura.license.service.Settings.SMTP_TIMEOUT_SECONDS;
import static com.netvizura.license.service.Settings.SMTP_USERNAME;
import static com.netvizura.license.service.Settings.SUPPORT_EMAIL;
import static com.netvizura.license.service.Settings.TEMPLATE;
import static com.netvizura.license.service.Settings.USAGE_NOTICE_PERCENT;
import static com.netvizura.license.service.Settings.VENDOR_EMAIL;

import com.netvizura.license.mail.SmtpSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads the plugin's {@link Settings} from their sources once, at start, and validates them: a wrong value fails with
 * an {@link InvalidSettingException} whose sentence names the setting, its value in [brackets] and where it came
 * from. It remembers every value with its origin for the start-up log ({@link Settings#toString()}); secrets show
 * only whether they are set.
 */
public final class SettingsReader {

    static final String ERROR_NO_HOME = "Setting " + HOME + " is not set and system property " + CATALINA_BASE
            + " is not set either, so there is no data directory: set " + HOME + " (system property, environment "
            + "variable " + SettingSources.environmentName(HOME) + " or context parameter) to an absolute directory path.";
    static final String ERROR_NOT_A_PORT = "use a port number from 1 to 65535";
    static final String ERROR_NOT_A_SECURITY = "use none, starttls or tls";
    static final int MAX_SMTP_TIMEOUT_SECONDS = 300;
    static final String ERROR_NOT_A_TIMEOUT = "use a whole number of seconds from 1 to " + MAX_SMTP_TIMEOUT_SECONDS;
    static final String ERROR_USERNAME_WITHOUT_PASSWORD = "set " + SMTP_PASSWORD + " too, or neither of them";
    static final String ERROR_PASSWORD_WITHOUT_USERNAME = "set " + SMTP_USERNAME + " too, or neither of them";
    static final int MAX_NOTICE_DAYS = 365;
    static final String ERROR_NOT_NOTICE_DAYS =
            "use a whole number of days from 0 to " + MAX_NOTICE_DAYS + " (0 shows no notice)";
    /** The shortest API token accepted: 16 characters, already too many to guess over HTTP. */
    static final int MIN_API_TOKEN_LENGTH = 16;

    static final String ERROR_SAME_TOKENS = "use another value than " + API_TOKEN + ": the read-only token must not also "
            + "write";
    static final String ERROR_NOT_A_PERCENT = "use a whole number from 1 to 100";

    private static final int DEFAULT_SMTP_PORT = 587;
    private static final int DEFAULT_SMTP_TIMEOUT_SECONDS = 10;
    private static final int DEFAULT_NOTICE_DAYS = 30;
    private static final int DEFAULT_USAGE_NOTICE_PERCENT = 90;

    private final SettingSources sources;
    private final Supplier<String> hostName;
    private final Map<String, String> shown = new LinkedHashMap<>();

    /** A reader of the given sources; the default sender's host name is this machine's. */
    public SettingsReader(Properties systemProperties, Map<String, String> environment,
                          UnaryOperator<String> contextParameters) {
        this(systemProperties, environment, contextParameters, SettingsReader::localHostName);
    }

    /**
     * @param systemProperties  JVM system properties (also the source of {@code catalina.base})
     * @param environment       environment variables
     * @param contextParameters servlet context init-parameters by name, {@code null} when absent
     *                          (e.g. {@code servletContext::getInitParameter})
     * @param hostName          this machine's host name, asked only when {@code smtp.from} is not set
     */
    public SettingsReader(Properties systemProperties, Map<String, String> environment,
                          UnaryOperator<String> contextParameters, Supplier<String> hostName) {
        this.sources = new SettingSources(systemProperties, environment, contextParameters);
        this.hostName = hostName;
    }

    /**
     * Reads and validates every setting.
     *
     * @throws InvalidSettingException when a value is unusable or the data directory cannot be determined
     */
    public Settings read() {
        shown.clear();
        Path home = home();
        String adminRole = read(ADMIN_ROLE, () -> "admin", SettingValue::value);
        String vendorEmail = read(VENDOR_EMAIL, () -> "sales@netvizura.com", SettingValue::asAddress);
        String supportEmail = read(SUPPORT_EMAIL, () -> "support@netvizura.com", SettingValue::asAddress);
        Optional<String> smtpHost = optional(SMTP_HOST, false, SettingValue::value);
        int smtpPort = read(SMTP_PORT, () -> DEFAULT_SMTP_PORT, v -> v.asInt(1, 65535, ERROR_NOT_A_PORT));
        SmtpSettings.Security security = read(SMTP_SECURITY, () -> SmtpSettings.Security.STARTTLS,
                v -> v.asChoice(SmtpSettings.Security.values(), ERROR_NOT_A_SECURITY));
        Optional<String> username = optional(SMTP_USERNAME, false, SettingValue::value);
        Optional<String> password = optional(SMTP_PASSWORD, true, SettingValue::value);
        checkCredentialsPaired(username, password);
        String from = read(SMTP_FROM, this::defaultSender, SettingValue::asAddress);
        Duration timeout = Duration.ofSeconds(read(SMTP_TIMEOUT_SECONDS, () -> DEFAULT_SMTP_TIMEOUT_SECONDS,
                v -> v.asInt(1, MAX_SMTP_TIMEOUT_SECONDS, ERROR_NOT_A_TIMEOUT)));
        Optional<SmtpSettings> smtp = smtpHost.map(host -> new SmtpSettings(host, smtpPort, security,
                username.orElse(null), password.orElse(null), from, timeout));
        Optional<String> mailSession = optional(MAIL_SESSION, false, SettingValue::asJndiNameInEnv);
        boolean guard = read(GUARD, () -> true, SettingValue::asBoolean);
        Optional<String> template = optional(TEMPLATE, false, SettingValue::asFaceletsPath);
        int noticeDays = read(NOTICE_DAYS, () -> DEFAULT_NOTICE_DAYS,
                v -> v.asInt(0, MAX_NOTICE_DAYS, ERROR_NOT_NOTICE_DAYS));
        List<String> notifyEmail = read(NOTIFY_EMAIL, List::of, SettingValue::asAddresses);
        Optional<String> apiToken = optional(API_TOKEN, true, v -> v.asBearerToken(MIN_API_TOKEN_LENGTH));
        Optional<String> apiAdminToken = optional(API_ADMIN_TOKEN, true, v -> v.asBearerToken(MIN_API_TOKEN_LENGTH));
        if (apiAdminToken.isPresent() && apiAdminToken.equals(apiToken)) {
            throw sources.find(API_ADMIN_TOKEN, true).orElseThrow().invalid(ERROR_SAME_TOKENS);
        }
        int usageNoticePercent = read(USAGE_NOTICE_PERCENT, () -> DEFAULT_USAGE_NOTICE_PERCENT,
                v -> v.asInt(1, 100, ERROR_NOT_A_PERCENT));
        Optional<Path> keyFile = optional(KEY_FILE, false, SettingValue::asAbsolutePath);
        return new Settings(home, adminRole, vendorEmail, supportEmail, smtp, from, mailSession, guard, template,
                noticeDays, notifyEmail, apiToken, apiAdminToken, usageNoticePercent, keyFile, shown);
    }

    /** {@code netvizura@<hostname>}, or {@code netvizura@localhost} when the host name would not make an address. */
    private String defaultSender() {
        String candidate = "netvizura@" + hostName.get();
        return SettingValue.looksLikeAddress(candidate) ? candidate : "netvizura@localhost";
    }

    private Path home() {
        Optional<SettingValue> set = sources.find(HOME, false);
        SettingValue value = set.orElseGet(() -> sources.systemProperty(CATALINA_BASE)
                .map(base -> new SettingValue(HOME, base + "/netvizura",
                        "default ${" + CATALINA_BASE + "}/netvizura", false))
                .orElseThrow(() -> new InvalidSettingException(HOME, ERROR_NO_HOME)));
        return remember(HOME, value.asAbsolutePath(), set.isPresent() ? value.origin() : "default");
    }

    /** A setting with a default; {@code parse} validates a value that is set. */
    private <T> T read(String name, Supplier<T> fallback, Function<SettingValue, T> parse) {
        return sources.find(name, false).map(v -> remember(name, parse.apply(v), v.origin()))
                .orElseGet(() -> remember(name, fallback.get(), "default"));
    }

    /** A setting that may stay unset; a secret is shown only as set or unset. */
    private <T> Optional<T> optional(String name, boolean secret, Function<SettingValue, T> parse) {
        Optional<SettingValue> set = sources.find(name, secret);
        if (set.isEmpty()) {
            shown.put(name, "(unset) (default)");
            return Optional.empty();
        }
        T value = parse.apply(set.get());
        shown.put(name, (secret ? "(set, hidden)" : display(value)) + " (" + set.get().origin() + ")");
        return Optional.of(value);
    }

    private void checkCredentialsPaired(Optional<String> username, Optional<String> password) {
        if (username.isPresent() && password.isEmpty()) {
            throw sources.find(SMTP_USERNAME, false).orElseThrow().invalid(ERROR_USERNAME_WITHOUT_PASSWORD);
        }
        if (password.isPresent() && username.isEmpty()) {
            throw sources.find(SMTP_PASSWORD, true).orElseThrow().invalid(ERROR_PASSWORD_WITHOUT_USERNAME);
        }
    }

    private <T> T remember(String name, T value, String origin) {
        shown.put(name, display(value) + " (" + origin + ")");
        return value;
    }

    /** A choice in lower case as it is written in a setting, a list comma-separated, anything else as it is. */
    private static String display(Object value) {
        if (value instanceof Enum<?> choice) {
            return choice.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof List<?> items) {
            return items.isEmpty() ? "(none)" : String.join(",", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
