package com.netvizura.license.service;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The places a setting is looked up, in order: JVM system property, environment variable (upper case, dots as
 * underscores), servlet context init-parameter. A blank value counts as not set, so that an empty
 * {@code NETVIZURA_LICENSE_SMTP_HOST=} in a service file falls through instead of breaking the start.
 */
final class SettingSources {

    private final Properties systemProperties;
    private final Map<String, String> environment;
    private final UnaryOperator<String> contextParameters;

    SettingSources(Properties systemProperties, Map<String, String> environment,
                   UnaryOperator<String> contextParameters) {
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.contextParameters = Objects.requireNonNull(contextParameters, "contextParameters");
    }

    /** The environment variable that holds a setting: {@code netvizura.license.smtp.host} -> {@code NETVIZURA_LICENSE_SMTP_HOST}. */
    static String environmentName(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The first value set for {@code setting}, with where it came from. */
    Optional<SettingValue> find(String setting, boolean secret) {
        String fromProperty = systemProperties.getProperty(setting);
        if (isSet(fromProperty)) {
            return Optional.of(SettingValue.of(setting, fromProperty, "system property " + setting, secret));
        }
        String envName = environmentName(setting);
        String fromEnvironment = environment.get(envName);
        if (isSet(fromEnvironment)) {
            return Optional.of(SettingValue.of(setting, fromEnvironment, "environment variable " + envName, secret));
        }
        String fromContext = contextParameters.apply(setting);
        if (isSet(fromContext)) {
            return Optional.of(SettingValue.of(setting, fromContext, "context parameter " + setting, secret));
        }
        return Optional.empty();
    }

    /** A plain system property that is no setting of ours but feeds a default ({@code catalina.base}). */
    Optional<String> systemProperty(String name) {
        return Optional.ofNullable(systemProperties.getProperty(name)).filter(SettingSources::isSet).map(String::strip);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
