package com.netvizura.license.issuer;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.VendorKeyPair;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code keygen --out DIR}: makes a vendor key pair as {@code DIR/private.pem} and {@code DIR/public.pem}. */
final class KeygenCommand {

    static final String PRIVATE_FILE = "private.pem";
    static final String PUBLIC_FILE = "public.pem";

    static final String HELP = """
            Usage: keygen --out DIR

            Makes a new Ed25519 vendor key pair:
              DIR/private.pem  PKCS#8 private key, readable by its owner only (mode 600). Keep it secret and backed up:
                               it signs every license key.
              DIR/public.pem   SubjectPublicKeyInfo public key, to build into the product:
                               mvn package -Dnetvizura.license.publicKey=DIR/public.pem
            Prints the key id (kid). Refuses to overwrite existing files.
            """;

    private KeygenCommand() {
    }

    static void run(String[] args, PrintStream out) throws IssuerException {
        CommandLine line = CommandLine.parse(args, Map.of("out", CommandLine.Kind.SINGLE));
        line.requireOperands(0, "no arguments");
        Path dir = Path.of(line.required("out"));
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        for (Path p : new Path[] {privateFile, publicFile}) {
            if (Files.exists(p)) {
                throw IssuerException.refused("[" + p + "] already exists; keygen never overwrites a key."
                        + " Choose another --out directory");
            }
        }
        VendorKeyPair pair = VendorKeyPair.generate();
        try {
            Files.createDirectories(dir);
            PemKeys.writePrivateKey(privateFile, pair.privateKey());
            PemKeys.writePublicKey(publicFile, pair.publicKey());
        } catch (IOException e) {
            throw IssuerException.refused("cannot write the key pair to [" + dir + "]: " + e, e);
        }
        out.println("Key id (kid): " + pair.publicKey().kid());
        out.println("Private key:  " + privateFile + " (owner only; keep it secret)");
        out.println("Public key:   " + publicFile);
        out.println("Build the product with: mvn package -Dnetvizura.license.publicKey=" + publicFile);
    }
}
