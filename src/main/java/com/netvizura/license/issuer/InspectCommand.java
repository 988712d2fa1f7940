package com.netvizura.license.issuer;

import com.netvizura.license.key.VendorPublicKey;
import com.netvizura.license.model.License;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code inspect --public-key FILE KEYFILE}: verifies a license key as the product would and prints its claims. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Verifies KEYFILE with the vendor public key exactly as the product does, then prints its claims;"
            + " for a key made with issue --renew also how its period was chosen.",
            "Exit code 0 only when the key is accepted; otherwise prints why it is refused and exits with 1."
            + " (Whether the key fits a machine or a date is decided by the product, not here.)"})
final class InspectCommand implements Callable<Integer> {

    @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "the vendor public key (PEM)")
    private Path publicKeyFile;

    @Parameters(paramLabel = "KEYFILE", description = "the license key file")
    private Path keyFile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IssuerException {
        VendorPublicKey publicKey = KeyFiles.publicKey(publicKeyFile);
        License license = KeyFiles.verified(keyFile, publicKey, "the key");
        PrintWriter out = spec.commandLine().getOut();
        out.println("Signature:          valid, key id " + publicKey.kid());
        print(out, license);
        return IssuerCli.EXIT_OK;
    }

    static void print(PrintWriter out, License license) {
        row(out, "License id", license.id());
        row(out, "Licensee", license.licensee());
        license.emailIfAny().ifPresent(e -> row(out, "E-mail", e));
        row(out, "Type", license.type().claimValue());
        row(out, "Issued at", license.issuedAt().toString());
        row(out, "Maintenance until", license.maintenanceUntil().toString());
        license.usageUntilIfAny().ifPresent(d -> row(out, "Usage until", d.toString()));
        row(out, "Installation Code", license.installationCode());
        row(out, "Modules", license.modules().isEmpty() ? "(none)" : String.join(", ", license.modules()));
        if (!license.limits().isEmpty()) {
            row(out, "Limits", license.limits().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        license.supersedesIfAny().ifPresent(s -> row(out, "Supersedes", s));
        row(out, "Hardware grace", IssueReport.graceDays(license));
        Optional<RenewalNote> renewal = RenewalNote.of(license);
        renewal.ifPresent(note -> row(out, "Renewal", note.sentence()));
        for (Map.Entry<String, String> other : license.otherClaims().entrySet()) {
            // A renewal claim this version cannot read is still shown, as it is.
            if (!other.getKey().equals(RenewalNote.CLAIM) || renewal.isEmpty()) {
                row(out, "Other claim", other.getKey() + " = " + other.getValue());
            }
        }
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-19s %s%n", label + ":", value);
    }
}
