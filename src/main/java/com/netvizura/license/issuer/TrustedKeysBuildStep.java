package com.netvizura.license.issuer;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.key.VendorPrivateKey;
import com.netvizura.license.key.VendorPublicKey;

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
 * after, and marks the build as development only. Never called at run time.
 *
 * <p>Arguments: {@code --basedir DIR --classes DIR --dev-key-dir DIR --public-keys=LIST} (LIST may be empty).
 */
public final class TrustedKeysBuildStep {

    static final String DEV_PRIVATE = "private.pem";
    static final String DEV_PUBLIC = "public.pem";

    private TrustedKeysBuildStep() {
    }

    /** Throws (failing the Maven build) rather than exit: it runs inside Maven's JVM. */
    public static void main(String[] args) throws IOException, InvalidKeyException {
        Path basedir = null;
        Path classes = null;
        Path devKeyDir = null;
        String publicKeys = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--basedir" -> basedir = Path.of(args[++i]);
                case "--classes" -> classes = Path.of(args[++i]);
                case "--dev-key-dir" -> devKeyDir = Path.of(args[++i]);
                default -> {
                    if (!args[i].startsWith("--public-keys=")) {
                        throw new IllegalArgumentException("unknown argument [" + args[i] + "]");
                    }
                    publicKeys = args[i].substring("--public-keys=".length()).strip();
                }
            }
        }
        if (basedir == null || classes == null || devKeyDir == null) {
            throw new IllegalArgumentException("usage: --basedir DIR --classes DIR --dev-key-dir DIR --public-keys=LIST");
        }
        String text;
        if (publicKeys.isEmpty()) {
            VendorPublicKey dev = developmentKey(devKeyDir);
            text = TrustedKeys.resourceText(List.of(dev), true);
            System.out.println("[netvizura] DEVELOPMENT BUILD: no -Dnetvizura.license.publicKey given; trusting only the"
                    + " development key " + dev.kid() + " from " + devKeyDir.resolve(DEV_PUBLIC));
        } else {
            List<VendorPublicKey> keys = vendorKeys(basedir, publicKeys);
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
