package com.netvizura.license.issuer;

import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorPublicKey;
import com.netvizura.license.model.License;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code inspect --public-key FILE KEYFILE}: verifies a license key as the product would and prints its claims. */
final class InspectCommand {

    static final String HELP = """
            Usage: inspect --public-key FILE KEYFILE

            Verifies KEYFILE with the vendor public key FILE (PEM) exactly as the product does, then prints its claims.
            Exit code 0 only when the key is accepted; otherwise prints why it is refused and exits with 1.
            (Whether the key fits a machine or a date is decided by the product, not here.)
            """;

    private InspectCommand() {
    }

    static void run(String[] args, PrintStream out) throws IssuerException {
        CommandLine line = CommandLine.parse(args, Map.of("public-key", CommandLine.Kind.SINGLE));
        line.requireOperands(1, "one KEYFILE");
        Path publicKeyFile = Path.of(line.required("public-key"));
        Path keyFile = Path.of(line.operands().get(0));
        VendorPublicKey publicKey;
        try {
            publicKey = PemKeys.readPublicKey(publicKeyFile);
        } catch (IOException | InvalidKeyException e) {
            throw IssuerException.refused("cannot use [" + publicKeyFile + "] as the public key: " + e.getMessage(), e);
        }
        License license;
        try (InputStream in = Files.newInputStream(keyFile)) {
            license = new LicenseKeyVerifier(TrustedKeys.of(publicKey)).verify(in);
        } catch (IOException e) {
            throw IssuerException.refused("cannot read [" + keyFile + "]: " + e, e);
        } catch (LicenseKeyException e) {
            throw IssuerException.refused("REFUSED (" + e.reason() + e.subject().map(s -> " " + s).orElse("") + "): "
                    + e.getMessage(), e);
        }
        out.println("Signature:          valid, key id " + publicKey.kid());
        print(out, license);
    }

    static void print(PrintStream out, License license) {
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
        license.otherClaims().forEach((name, json) -> row(out, "Other claim", name + " = " + json));
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("%-19s %s%n", label + ":", value);
    }
}
