package com.netvizura.license.issuer;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.key.VendorPrivateKey;
import com.netvizura.license.key.VendorPublicKey;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step (run by exec-maven-plugin in the process-classes phase) that writes the trusted vendor public keys
 * into {@code target/classes/}{@value TrustedKeys#RESOURCE}, from where they end up in the WAR.
 *
 * <p>With {@code -Dnetvizura.license.publicKey=FILE[,FILE...]} (PEM public keys; relative paths are resolved
 * against the project directory) it writes exactly those keys. Without it, it trusts a development key pair in
 * {@code target/dev-vendor-key/} ({@code private.pem}, {@code public.pem}), generated on first use and reused
 * after, and marks the build as development only. Never called at run time, and not part of the WAR.
 */
@Command(name = "TrustedKeysBuildStep", sortOptions = false,
        description = "Writes the vendor public keys the build trusts into the classes directory.")
public final class TrustedKeysBuildStep {

    static final String DEV_PRIVATE = "private.pem";
    static final String DEV_PUBLIC = "public.pem";
    static final String ERROR_USAGE = "ERROR_TRUSTED_KEYS_BUILD_STEP_USAGE: the exec-maven-plugin execution"
            + " 'trusted-keys' in pom.xml passes wrong arguments: ";

    @Option(names = "--basedir", required = true, paramLabel = "DIR", description = "the project directory")
    private Path basedir;

    @Option(names = "--classes", required = true, paramLabel = "DIR", description = "the build's classes directory")
    private Path classes;

    @Option(names = "--dev-key-dir", required = true, paramLabel = "DIR",
            description = "where the development key pair is kept")
    private Path devKeyDir;

    @Option(names = "--public-keys", required = true, paramLabel = "LIST",
            description = "-Dnetvizura.license.publicKey: PEM files, comma-separated; empty for a development build")
    private String publicKeys;

    private TrustedKeysBuildStep() {
    }

    /**
     * Throws (failing the Maven build) rather than exit: it runs inside Maven's JVM.
     *
     * @throws IllegalArgumentException for wrong arguments (with picocli's usage) or an unusable vendor key file
     */
    public static void main(String[] args) throws IOException, InvalidKeyException {
        TrustedKeysBuildStep step = new TrustedKeysBuildStep();
        CommandLine line = new CommandLine(step);
        try {
            line.parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(ERROR_USAGE + e.getMessage() + "\n" + line.getUsageMessage(), e);
        }
        step.writeResource();
    }

    private void writeResource() throws IOException, InvalidKeyException {
        String list = publicKeys.strip();
        String text;
        if (list.isEmpty()) {
            VendorPublicKey dev = developmentKey(devKeyDir);
            text = TrustedKeys.resourceText(List.of(dev), true);
            System.out.println("[netvizura] DEVELOPMENT BUILD: no -Dnetvizura.license.publicKey given; trusting only the"
                    + " development key " + dev.kid() + " from " + devKeyDir.resolve(DEV_PUBLIC));
        } else {
            List<VendorPublicKey> keys = vendorKeys(basedir, list);
            text = TrustedKeys.resourceText(keys, false);
            System.out.println("[netvizura] Trusting vendor key(s) " + keys.stream().map(VendorPublicKey::kid).toList());
        }
        Path resource = classes.resolve(TrustedKeys.RESOURCE);
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, text, StandardCharsets.ISO_8859_1);
    }

    static List<VendorPublicKey> vendorKeys(Path basedir, String list) throws IOException {
        List<VendorPublicKey> keys = new ArrayList<>();
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Path file = basedir.resolve(name.strip());
            try {
                VendorPublicKey key = PemKeys.readPublicKey(file);
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            } catch (InvalidKeyException | IOException e) {
                throw new IllegalArgumentException("-Dnetvizura.license.publicKey: [" + file
                        + "] is not an Ed25519 public key in PEM form: " + e.getMessage(), e);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("-Dnetvizura.license.publicKey names no file");
        }
        return keys;
    }

    /** The development public key, made on the first build and reused, so keys signed for tests stay valid. */
    static VendorPublicKey developmentKey(Path dir) throws IOException, InvalidKeyException {
        Files.createDirectories(dir);
        Path privateFile = dir.resolve(DEV_PRIVATE);
        Path publicFile = dir.resolve(DEV_PUBLIC);
        VendorPrivateKey privateKey;
        if (Files.exists(privateFile)) {
            privateKey = PemKeys.readPrivateKey(privateFile);
        } else {
            privateKey = VendorKeyPair.generate().privateKey();
            PemKeys.writePrivateKey(privateFile, privateKey);
        }
        VendorPublicKey publicKey = privateKey.publicKey();
        // The public file is derived, never trusted: rewrite it when it is missing or does not match.
        if (!Files.exists(publicFile) || !PemKeys.publicKeyPem(publicKey).equals(Files.readString(publicFile))) {
            Files.deleteIfExists(publicFile);
            PemKeys.writePublicKey(publicFile, publicKey);
        }
        return publicKey;
    }
}
