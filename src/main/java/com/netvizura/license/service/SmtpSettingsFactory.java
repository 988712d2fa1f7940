package com.netvizura.license.service;

import com.netvizura.license.mail.SmtpSettings;

/** Turns the {@code netvizura.license.smtp.*} settings into what the SMTP sender needs. */
final class SmtpSettingsFactory {

    private SmtpSettingsFactory() {
    }

    /** The SMTP settings, or {@code null} when no SMTP host is set (then Send offers the mailto link only). */
    static SmtpSettings from(Settings settings) {
        if (settings.smtpHost().isEmpty()) {
            return null;
        }
        SmtpSettings smtp = new SmtpSettings(settings.smtpHost().get(), settings.smtpPort(),
                SmtpSettings.Security.fromSetting(settings.smtpSecurity().name().toLowerCase(java.util.Locale.ROOT))
                        .orElseThrow(),
                settings.smtpUsername().orElse(null), settings.smtpPassword().orElse(null), settings.smtpFrom(),
                settings.smtpTimeout());
        return smtp;
    }
}
