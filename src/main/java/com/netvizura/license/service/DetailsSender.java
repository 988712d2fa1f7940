package com.netvizura.license.service;

import com.netvizura.license.mail.DetailsMessage;
import com.netvizura.license.mail.LicenseDetailsBuilder;
import com.netvizura.license.mail.MailtoLink;
import com.netvizura.license.mail.MailtoQrCode;
import com.netvizura.license.mail.SendResult;
import com.netvizura.license.mail.SmtpSender;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.MachineMatch;
import com.netvizura.license.model.Usage;
import com.netvizura.license.model.QrImage;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The License Details of this server and the two ways they reach the vendor: a {@code mailto:} link for the admin's
 * mail program, and mail from the server when an SMTP host or a container mail session is configured.
 */
final class DetailsSender {

    private final Settings settings;
    private final BuildInfo build;
    private final MachineIdentity machine;
    private final Clock clock;
    private final String serverInfo;
    private final ActiveLicense active;
    private final Supplier<Collection<Usage>> usage;
    private volatile Optional<SmtpSender> smtpSender;

    DetailsSender(Settings settings, BuildInfo build, MachineIdentity machine, Clock clock, String serverInfo,
            ActiveLicense active, Supplier<Collection<Usage>> usage) {
        this.settings = settings;
        this.build = build;
        this.machine = machine;
        this.clock = clock;
        this.serverInfo = serverInfo;
        this.active = active;
        this.usage = usage;
    }

    /** The License Details as of now: this server, this build, and the active license if any. */
    LicenseDetails details() {
        LicenseDetailsBuilder builder = new LicenseDetailsBuilder(build, machine.installationCode(), clock)
                .license(active.license())
                .java(System.getProperty("java.vendor") + " " + System.getProperty("java.version"))
                .server(serverInfo)
                .hardwareChanged(active.verdict().machineMatch().map(MachineMatch::changedForVendor).orElse(null))
                .usage(usage.get());
        machine.facts().hostnameIfAny().ifPresent(builder::hostname);
        machine.facts().operatingSystemIfAny().ifPresent(builder::operatingSystem);
        return builder.build();
    }

    String mailtoLink(LicenseDetails details) {
        return MailtoLink.forVendor(settings.vendorEmail(), details);
    }

    QrImage detailsQr(LicenseDetails details) {
        return MailtoQrCode.forVendor(settings.vendorEmail(), details);
    }

    boolean canSendFromServer() {
        return smtpSender().isPresent();
    }

    SendOutcome sendDetails() {
        Optional<SmtpSender> sender = smtpSender();
        if (sender.isEmpty()) {
            return SendOutcome.of(SendResult.notConfigured());
        }
        return SendOutcome.of(sender.get().send(DetailsMessage.forVendor(settings.vendorEmail(), details())));
    }

    /** The server's mail sender, when one is configured (also used for reminder mail). */
    Optional<SmtpSender> smtpSender() {
        Optional<SmtpSender> sender = smtpSender;
        if (sender == null) {
            // Resolved lazily: the container's JNDI mail session may be bound only once the application runs.
            sender = SmtpSender.configured(settings.mailSession(), settings.smtp(), settings.smtpFrom(), clock);
            smtpSender = sender;
        }
        return sender;
    }
}
