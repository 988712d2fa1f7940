package com.netvizura.license.issuer;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.VendorKeyPair;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code keygen --out DIR}: makes a vendor key pair as {@code DIR/private.pem} and {@code DIR/public.pem}. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Makes a new Ed25519 vendor key pair and prints its key id (kid). Never overwrites a key."},
        footer = {"",
            "DIR/private.pem  PKCS#8 private key, readable by its owner only (mode 600).",
            "                 Keep it secret and backed up: it signs every license key.",
            "DIR/public.pem   SubjectPublicKeyInfo public key, to build into the product:",
            "                 mvn package -Dnetvizura.license.publicKey=DIR/public.pem"})
final class KeygenCommand implements Callable<Integer> {

    static final String PRIVATE_FILE = "private.pem";
    static final String PUBLIC_FILE = "public.pem";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for the two files")
    private Path dir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IssuerException {
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
        PrintWriter out = spec.commandLine().getOut();
        out.println("Key id (kid): " + pair.publicKey().kid());
        out.println("Private key:  " + privateFile + " (owner only; keep it secret)");
        out.println("Public key:   " + publicFile);
        out.println("Build the product with: mvn package -Dnetvizura.license.publicKey=" + publicFile);
        return IssuerCli.EXIT_OK;
    }
}
