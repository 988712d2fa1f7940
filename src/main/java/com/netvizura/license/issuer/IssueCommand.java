package com.netvizura.license.issuer;

import com.netvizura.license.key.LicenseClaims;
import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.VendorPrivateKey;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.LicenseType;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code issue ...}: signs a new license key for one installation code. */
final class IssueCommand {

    static final String HELP = """
            Usage: issue --private-key FILE (--details FILE | --installation-code CODE) --licensee NAME
                         --type perpetual|subscription|trial [--maintenance-until DATE] [--usage-until DATE]
                         [--modules a,b] [--limit name=N]... [--id ID] [--email ADDR] [--supersedes ID] --out FILE

            Signs a license key bound to one Installation Code and writes it to FILE (never overwrites).
              --details FILE            the License Details text the customer sent (an e-mail is fine);
                                        its "Installation Code:" line is used
              --installation-code CODE  the Installation Code itself
              DATE is YYYY-MM-DD, the last day (inclusive). Periods count the issue day, so that one year
              from 2026-03-15 ends on 2027-03-14. Defaults:
                perpetual     maintenance until one year; no usage end (--usage-until is refused)
                subscription  usage until one year; maintenance until the end of usage
                trial         usage until 30 days; maintenance until the end of usage
              --id ID                   default: NVZ-<year>-<6 random characters>
              --limit name=N            a numeric limit, e.g. --limit devices=100 (repeatable)
              --supersedes ID           the license id this key renews
            Exit codes: 0 issued, 1 refused, 2 usage error.
            """;

    private static final Map<String, CommandLine.Kind> OPTIONS = Map.ofEntries(
            Map.entry("private-key", CommandLine.Kind.SINGLE),
            Map.entry("details", CommandLine.Kind.SINGLE),
            Map.entry("installation-code", CommandLine.Kind.SINGLE),
            Map.entry("licensee", CommandLine.Kind.SINGLE),
            Map.entry("type", CommandLine.Kind.SINGLE),
            Map.entry("maintenance-until", CommandLine.Kind.SINGLE),
            Map.entry("usage-until", CommandLine.Kind.SINGLE),
            Map.entry("modules", CommandLine.Kind.SINGLE),
            Map.entry("limit", CommandLine.Kind.REPEATABLE),
            Map.entry("id", CommandLine.Kind.SINGLE),
            Map.entry("email", CommandLine.Kind.SINGLE),
            Map.entry("supersedes", CommandLine.Kind.SINGLE),
            Map.entry("out", CommandLine.Kind.SINGLE));

    private static final Pattern LIMIT = Pattern.compile("([A-Za-z0-9_.-]{1,64})=(0|[1-9][0-9]{0,17})");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final long MAX_DETAILS_BYTES = 1024 * 1024;

    private IssueCommand() {
    }

    static void run(String[] args, PrintStream out, Clock clock) throws IssuerException {
        CommandLine line = CommandLine.parse(args, OPTIONS);
        line.requireOperands(0, "no arguments besides options");
        Path privateKeyFile = Path.of(line.required("private-key"));
        Path outFile = Path.of(line.required("out"));
        String licensee = line.required("licensee").strip();
        LicenseType type = LicenseType.fromClaimValue(line.required("type"))
                .orElseThrow(() -> IssuerException.usage("--type must be perpetual, subscription or trial, not ["
                        + line.value("type").orElse("") + "]"));
        Optional<LocalDate> maintenanceOption = date(line, "maintenance-until");
        Optional<LocalDate> usageOption = date(line, "usage-until");
        List<String> modules = modules(line.value("modules").orElse(""));
        Map<String, Long> limits = limits(line.values("limit"));
        String rawCode = installationCodeText(line);

        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate issueDay = LocalDate.ofInstant(issuedAt, clock.getZone());
        String id = line.value("id").orElseGet(() -> LicenseIds.next(issueDay));
        requireLicenseId("--id", id);
        String supersedes = line.value("supersedes").orElse(null);
        if (supersedes != null) {
            requireLicenseId("--supersedes", supersedes);
        }
        String email = line.value("email").map(String::strip).orElse(null);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw IssuerException.usage("--email [" + email + "] is not an e-mail address");
        }
        if (licensee.isEmpty() || licensee.length() > 200 || licensee.chars().anyMatch(Character::isISOControl)) {
            throw IssuerException.usage("--licensee needs the organization's name (at most 200 characters)");
        }

        LocalDate usageUntil = null;
        LocalDate maintenanceUntil;
        if (type == LicenseType.PERPETUAL) {
            if (usageOption.isPresent()) {
                throw IssuerException.refused("a perpetual license has no end of usage: drop --usage-until"
                        + " (or issue a subscription)");
            }
            maintenanceUntil = maintenanceOption.orElse(oneYearFrom(issueDay));
        } else {
            usageUntil = usageOption.orElse(type == LicenseType.TRIAL ? issueDay.plusDays(29) : oneYearFrom(issueDay));
            maintenanceUntil = maintenanceOption.orElse(usageUntil);
            notBefore(issueDay, "--usage-until", usageUntil);
            if (maintenanceUntil.isAfter(usageUntil)) {
                throw IssuerException.refused("--maintenance-until " + maintenanceUntil + " is after the end of usage "
                        + usageUntil + "; a " + type.claimValue() + " has maintenance only while it may be used");
            }
        }
        notBefore(issueDay, "--maintenance-until", maintenanceUntil);
        String installationCode = InstallationCodes.requireWellFormed(rawCode);

        VendorPrivateKey privateKey = privateKey(privateKeyFile);
        License license = new License(id, issuedAt, licensee, email, type, maintenanceUntil, usageUntil,
                installationCode, modules, limits, supersedes, Map.of());
        String keyText;
        try {
            keyText = LicenseKeySigner.sign(license, privateKey);
        } catch (IllegalArgumentException e) {
            throw IssuerException.refused("the license would not verify: " + e.getMessage(), e);
        }
        try {
            Files.writeString(outFile, keyText, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw IssuerException.refused("[" + outFile + "] already exists; issue never overwrites a key."
                    + " Choose another --out file", e);
        } catch (IOException e) {
            throw IssuerException.refused("cannot write [" + outFile + "]: " + e, e);
        }
        out.println("Issued " + license.type().claimValue() + " license " + license.id() + " for [" + licensee + "]");
        license.usageUntilIfAny().ifPresent(d -> out.println("  usage until        " + d));
        out.println("  maintenance until  " + maintenanceUntil);
        out.println("  installation code  " + installationCode);
        out.println("  signed with kid    " + privateKey.publicKey().kid());
        out.println("Wrote " + outFile);
    }

    /** One year counted with the issue day: issued 2026-03-15, last day 2027-03-14. */
    static LocalDate oneYearFrom(LocalDate issueDay) {
        return issueDay.plusYears(1).minusDays(1);
    }

    private static String installationCodeText(CommandLine line) throws IssuerException {
        if (line.has("details") == line.has("installation-code")) {
            throw IssuerException.usage("give either --details FILE or --installation-code CODE (exactly one)");
        }
        if (line.has("installation-code")) {
            return line.value("installation-code").orElseThrow();
        }
        Path details = Path.of(line.value("details").orElseThrow());
        try {
            if (Files.size(details) > MAX_DETAILS_BYTES) {
                throw IssuerException.refused("[" + details + "] is too large to be License Details");
            }
            return LicenseDetails.parse(Files.readString(details, StandardCharsets.UTF_8)).installationCode();
        } catch (IOException e) {
            throw IssuerException.refused("cannot read the License Details [" + details + "]: " + e, e);
        } catch (IllegalArgumentException e) {
            throw IssuerException.refused("[" + details + "]: " + e.getMessage()
                    + "; ask the customer for the License Details from Settings > Control Panel > License", e);
        }
    }

    private static VendorPrivateKey privateKey(Path file) throws IssuerException {
        try {
            return PemKeys.readPrivateKey(file);
        } catch (IOException | InvalidKeyException e) {
            throw IssuerException.refused("cannot use [" + file + "] as the private key: " + e.getMessage(), e);
        }
    }

    private static Optional<LocalDate> date(CommandLine line, String option) throws IssuerException {
        Optional<String> text = line.value(option);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!text.get().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", text.get(), 0);
            }
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw IssuerException.usage("--" + option + " [" + text.get() + "] is not a date YYYY-MM-DD");
        }
    }

    private static void notBefore(LocalDate issueDay, String option, LocalDate date) throws IssuerException {
        if (date.isBefore(issueDay)) {
            throw IssuerException.refused(option + " " + date + " is before the issue date " + issueDay
                    + "; such a key would be over on arrival");
        }
    }

    private static void requireLicenseId(String option, String id) throws IssuerException {
        if (!LicenseClaims.isWellFormedLicenseId(id)) {
            throw IssuerException.usage(option + " [" + id + "] is not a license id (letters, digits, '-', '_', '.';"
                    + " at most 64; e.g. NVZ-2026-000123)");
        }
    }

    private static List<String> modules(String list) throws IssuerException {
        List<String> modules = new ArrayList<>();
        for (String m : list.split(",")) {
            String name = m.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!MODULE.matcher(name).matches() || modules.contains(name)) {
                throw IssuerException.usage("--modules [" + list + "]: module names are letters, digits, '-', '_', '.',"
                        + " each once, separated by commas");
            }
            modules.add(name);
        }
        return modules;
    }

    private static Map<String, Long> limits(List<String> values) throws IssuerException {
        Map<String, Long> limits = new LinkedHashMap<>();
        for (String v : values) {
            var m = LIMIT.matcher(v.strip());
            if (!m.matches() || limits.containsKey(m.group(1))) {
                throw IssuerException.usage("--limit [" + v + "] must be name=N with a whole number N, each name once"
                        + " (e.g. --limit devices=100)");
            }
            limits.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return limits;
    }
}
