package com.netvizura.license.issuer;

import com.netvizura.license.issuer.OptionValues.Limit;
import com.netvizura.license.issuer.OptionValues.Modules;
import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.VendorPrivateKey;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.LicenseType;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code issue ...}: signs a new license key for one Installation Code, or with {@code --renew OLD.key} the key that
 * renews an earlier one (DESIGN.md section 10), or with {@code --move OLD.key} the same license for a new Installation
 * Code after a hardware change (section 13).
 *
 * <p>Long mostly for its 17 options (a field and its help text each) and the help footer; the rules it applies are
 * elsewhere ({@link IssuePeriod} the dates, {@link RenewalNote} the renewal claim, {@link IssueReport} what it
 * prints, {@link OptionValues} the parsing).
 */
@Command(name = "issue", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        description = "Signs a license key bound to one Installation Code and writes it to FILE (never overwrites).",
        footer = {"",
            "DATE is YYYY-MM-DD, the last day (inclusive). Periods count their first day:",
            "one year from 2026-03-15 ends on 2027-03-14; one from 2028-02-29 on 2029-02-28.",
            "A new license starts on the issue day. Defaults:",
            "  perpetual     maintenance until one year; no usage end (--usage-until refused)",
            "  subscription  usage until one year; maintenance until the end of usage",
            "  trial         usage until 30 days; maintenance until the end of usage",
            "",
            "--renew OLD.key copies licensee, e-mail, type, modules, limits and the",
            "Installation Code from the old key and sets supersedes to its id. The new",
            "period starts the day after the old one ends (usage; maintenance for perpetual)",
            "when renewed up to its last day, so no day is lost; later, on the issue day.",
            "Options given override what is copied (--limit name by name). A trial renews",
            "only with --type: perpetual or subscription buys it (the paid period starts on",
            "the issue day), trial extends it.",
            "",
            "--move OLD.key (with --details or --installation-code of the new server) issues",
            "the same terms for the new Installation Code: licensee, e-mail, type, dates,",
            "modules, limits and hardware grace kept, supersedes set, no day added.",
            "",
            "--hardware-grace-days N (0 to 90, default 14): days NetVizura keeps running",
            "after the server stops matching the Installation Code, once per license.",
            "",
            "Exit codes: 0 issued, 1 refused, 2 usage error."})
final class IssueCommand implements Callable<Integer> {

    /** Hardware grace days of a key when {@code --hardware-grace-days} is not given (DESIGN.md section 13). */
    static final int DEFAULT_HARDWARE_GRACE_DAYS = 14;

    @Option(names = "--private-key", required = true, paramLabel = "FILE", description = "the vendor private key (PEM)")
    private Path privateKeyFile;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private CodeSource codeSource;

    @Option(names = "--renew", paramLabel = "OLD.key", description = "the key this one renews (see below)")
    private Path renew;

    @Option(names = "--move", paramLabel = "OLD.key",
            description = "the key whose license moves to the new Installation Code (see below)")
    private Path move;

    @Option(names = "--hardware-grace-days", paramLabel = "N",
            description = "days NetVizura keeps running after the server stops matching, 0 to 90 (default 14)")
    private Integer hardwareGraceDays;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "verifies OLD.key (default: the public half of --private-key)")
    private Path publicKeyFile;

    @Option(names = "--licensee", paramLabel = "NAME", converter = OptionValues.Licensee.class,
            description = "the organization (at most 200 characters)")
    private String licensee;

    @Option(names = "--type", paramLabel = "TYPE", converter = OptionValues.Type.class,
            description = "perpetual, subscription or trial")
    private LicenseType type;

    @Option(names = "--maintenance-until", paramLabel = "DATE", converter = OptionValues.Date.class,
            description = "last day of maintenance and support")
    private LocalDate maintenanceUntil;

    @Option(names = "--usage-until", paramLabel = "DATE", converter = OptionValues.Date.class,
            description = "last day of usage (subscription, trial)")
    private LocalDate usageUntil;

    @Option(names = "--modules", paramLabel = "a,b", converter = OptionValues.ModuleList.class,
            description = "licensed modules, e.g. netflow,eventlog")
    private Modules modules;

    @Option(names = "--limit", paramLabel = "NAME=N", converter = OptionValues.LimitValue.class,
            description = "a numeric limit, e.g. devices=100 (repeatable)")
    private List<Limit> limits = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", converter = OptionValues.LicenseId.class,
            description = "the license id (default: NVZ-<year>-<6 random characters>)")
    private String id;

    @Option(names = "--email", paramLabel = "ADDR", converter = OptionValues.Email.class,
            description = "the licensee's contact")
    private String email;

    @Option(names = "--supersedes", paramLabel = "ID", converter = OptionValues.LicenseId.class,
            description = "the license id this key renews (--renew sets it)")
    private String supersedes;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the new key")
    private Path out;

    @Spec
    private CommandSpec spec;

    private final Clock clock;

    /** Where the Installation Code comes from when not from the renewed key. */
    static final class CodeSource {
        @Option(names = "--details", required = true, paramLabel = "FILE",
                description = "the License Details the customer sent (an e-mail is fine)")
        private Path details;

        @Option(names = "--installation-code", required = true, paramLabel = "CODE",
                description = "the Installation Code itself")
        private String code;
    }

    IssueCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() throws IssuerException {
        requireHardwareGraceDaysInRange();
        if (move != null) {
            return moved();
        }
        requireWhatCannotBeCopied();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate issueDay = LocalDate.ofInstant(issuedAt, clock.getZone());
        Optional<LicenseDetails> details = codeSource != null && codeSource.details != null
                ? Optional.of(KeyFiles.details(codeSource.details))
                : Optional.empty();
        VendorPrivateKey privateKey = KeyFiles.privateKey(privateKeyFile);
        Optional<License> old = Optional.empty();
        if (renew != null) {
            old = Optional.of(KeyFiles.verified(renew, publicKeyFile == null ? privateKey.publicKey()
                    : KeyFiles.publicKey(publicKeyFile), "the key to renew"));
        }
        LicenseType newType = type != null ? type : old.map(License::type).orElseThrow();
        if (old.isPresent()) {
            requireRenewableAs(old.get(), newType);
        }

        Optional<RenewalNote> note = old.map(o -> RenewalNote.choose(o, newType, issueDay));
        Optional<LocalDate> maintenance = Optional.ofNullable(maintenanceUntil);
        Optional<LocalDate> usage = Optional.ofNullable(usageUntil);
        if (IssuePeriod.givenExplicitly(newType, maintenance, usage)) {
            note = note.map(RenewalNote::explicit);
        }
        LocalDate start = note.map(RenewalNote::start).orElse(issueDay);
        IssuePeriod period = IssuePeriod.choose(newType, start, issueDay, maintenance, usage);
        String code = InstallationCodeCheck.requireWellFormed(codeSource == null ? old.orElseThrow().installationCode()
                : details.map(LicenseDetails::installationCode).orElse(codeSource.code));
        String newId = id != null ? id : LicenseIds.next(issueDay);
        if (old.isPresent() && newId.equals(old.get().id())) {
            throw IssuerException.refused("--id " + newId + " is the id of the key being renewed; a renewal needs an id"
                    + " of its own (leave --id out for a new one)");
        }
        License license = new License(newId, issuedAt,
                licensee != null ? licensee : old.orElseThrow().licensee(),
                email != null ? email : old.map(License::email).orElse(null),
                newType, period.maintenanceUntil(), period.usageUntil(), code,
                modules != null ? modules.names() : old.map(License::modules).orElse(List.of()),
                limits(old), old.map(License::id).orElse(supersedes),
                note.map(n -> Map.of(RenewalNote.CLAIM, n.json())).orElse(Map.of()),
                hardwareGraceDays != null ? hardwareGraceDays : DEFAULT_HARDWARE_GRACE_DAYS);

        signAndWrite(license, privateKey);
        details.ifPresent(d -> IssueReport.currentLicense(spec.commandLine().getErr(), d, license));
        IssueReport.issued(spec.commandLine().getOut(), license, note, privateKey.publicKey().kid(), out);
        return IssuerCli.EXIT_OK;
    }

    /**
     * {@code --move OLD.key}: the old key's terms for the new server's Installation Code, superseding it. Options
     * that would change the terms are refused, so that a move never hides a renewal (that is {@code --renew}).
     */
    private Integer moved() throws IssuerException {
        requireMoveOnly();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Optional<LicenseDetails> details = codeSource.details != null
                ? Optional.of(KeyFiles.details(codeSource.details)) : Optional.empty();
        VendorPrivateKey privateKey = KeyFiles.privateKey(privateKeyFile);
        License old = KeyFiles.verified(move, publicKeyFile == null ? privateKey.publicKey()
                : KeyFiles.publicKey(publicKeyFile), "the key to move");
        String code = InstallationCodeCheck.requireWellFormed(
                details.map(LicenseDetails::installationCode).orElse(codeSource.code));
        if (code.equals(old.installationCode())) {
            throw IssuerException.refused("[" + move + "] is already bound to " + code + ": nothing moves");
        }
        String newId = id != null ? id : LicenseIds.next(LocalDate.ofInstant(issuedAt, clock.getZone()));
        if (newId.equals(old.id())) {
            throw IssuerException.refused("--id " + newId + " is the id of the key being moved; a moved license needs"
                    + " an id of its own (leave --id out for a new one)");
        }
        License license = new License(newId, issuedAt, old.licensee(), email != null ? email : old.email(),
                old.type(), old.maintenanceUntil(), old.usageUntil(), code, old.modules(), old.limits(), old.id(),
                Map.of(), hardwareGraceDays != null ? hardwareGraceDays : old.hardwareGraceDays());
        signAndWrite(license, privateKey);
        IssueReport.moved(spec.commandLine().getOut(), old, license, privateKey.publicKey().kid(), out);
        return IssuerCli.EXIT_OK;
    }

    private void signAndWrite(License license, VendorPrivateKey privateKey) throws IssuerException {
        String keyText;
        try {
            keyText = LicenseKeySigner.sign(license, privateKey);
        } catch (IllegalArgumentException e) {
            throw IssuerException.refused("the license would not verify: " + e.getMessage(), e);
        }
        KeyFiles.writeNew(out, keyText);
    }

    private void requireHardwareGraceDaysInRange() throws IssuerException {
        if (hardwareGraceDays != null
                && (hardwareGraceDays < 0 || hardwareGraceDays > License.MAX_HARDWARE_GRACE_DAYS)) {
            throw IssuerException.usage("--hardware-grace-days " + hardwareGraceDays + " is out of range: give 0 to "
                    + License.MAX_HARDWARE_GRACE_DAYS + " (0: the key stops at once on other hardware)");
        }
    }

    /** A move takes the new server's code and keeps every term of the old key. */
    private void requireMoveOnly() throws IssuerException {
        if (renew != null) {
            throw IssuerException.usage("--move and --renew issue different keys: give one of them");
        }
        if (codeSource == null) {
            throw IssuerException.usage("--move needs the new server's --details FILE or --installation-code CODE");
        }
        Map<String, Boolean> termOptions = new LinkedHashMap<>();
        termOptions.put("--licensee", licensee != null);
        termOptions.put("--type", type != null);
        termOptions.put("--maintenance-until", maintenanceUntil != null);
        termOptions.put("--usage-until", usageUntil != null);
        termOptions.put("--modules", modules != null);
        termOptions.put("--limit", !limits.isEmpty());
        termOptions.put("--supersedes", supersedes != null);
        for (Map.Entry<String, Boolean> option : termOptions.entrySet()) {
            if (option.getValue()) {
                throw IssuerException.usage("--move keeps the old key's terms: drop " + option.getKey()
                        + " (to change terms, issue --renew with the moved key)");
            }
        }
    }

    /** Without {@code --renew} nothing can be copied: licensee, type and the Installation Code must be given. */
    private void requireWhatCannotBeCopied() throws IssuerException {
        if (renew != null) {
            if (supersedes != null) {
                throw IssuerException.usage("--renew sets supersedes to the old key's id: drop --supersedes");
            }
            return;
        }
        if (publicKeyFile != null) {
            throw IssuerException.usage("--public-key verifies the key given with --renew OLD.key; there is none");
        }
        if (codeSource == null) {
            throw IssuerException.usage("give either --details FILE or --installation-code CODE (or --renew OLD.key)");
        }
        if (licensee == null) {
            throw IssuerException.usage("--licensee NAME is required (or --renew OLD.key to copy it)");
        }
        if (type == null) {
            throw IssuerException.usage("--type is required: perpetual, subscription or trial"
                    + " (or --renew OLD.key to copy it)");
        }
    }

    /** A trial is renewed only into what the vendor names; a paid license never into a trial. */
    private void requireRenewableAs(License old, LicenseType newType) throws IssuerException {
        if (old.type() == LicenseType.TRIAL && type == null) {
            throw IssuerException.usage("[" + renew + "] is a trial: say what it becomes with --type perpetual or"
                    + " --type subscription (bought: the paid period starts today), or --type trial (extended)");
        }
        if (old.type() != LicenseType.TRIAL && newType == LicenseType.TRIAL) {
            throw IssuerException.usage("[" + renew + "] is a paid license (" + old.type().claimValue() + "); a trial"
                    + " does not renew it. Drop --type trial, or issue a trial without --renew");
        }
    }

    /** The old key's limits, each {@code --limit} replacing or adding one by name. */
    private Map<String, Long> limits(Optional<License> old) throws IssuerException {
        Map<String, Long> result = new LinkedHashMap<>(old.map(License::limits).orElse(Map.of()));
        List<String> given = new ArrayList<>();
        for (Limit limit : limits) {
            if (given.contains(limit.name())) {
                throw IssuerException.usage("--limit " + limit.name() + " is given twice; each name once");
            }
            given.add(limit.name());
            result.put(limit.name(), limit.value());
        }
        return result;
    }
}
