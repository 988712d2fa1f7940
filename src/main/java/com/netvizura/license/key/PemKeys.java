package com.netvizura.license.key;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Vendor keys as PEM files, interchangeable with OpenSSL: the public key as SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}, as {@code openssl pkey -pubout} writes it), the private key as unencrypted
 * PKCS#8 (PEM type {@value #PRIVATE_KEY}, as {@code openssl genpkey -algorithm ed25519} writes it).
 */
public final class PemKeys {

    static final String PUBLIC_KEY = "PUBLIC KEY";
    static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final int MAX_PEM_CHARS = 16 * 1024;

    private PemKeys() {
    }

    /** The PEM text of a public key, byte for byte what {@code openssl pkey -pubout} prints for it. */
    public static String publicKeyPem(VendorPublicKey key) {
        return pem(PUBLIC_KEY, key.subjectPublicKeyInfo());
    }

    /** The PEM text of a private key, byte for byte what {@code openssl genpkey -algorithm ed25519} writes. */
    public static String privateKeyPem(VendorPrivateKey key) {
        byte[] seed = key.seed();
        try {
            byte[] der = new PrivateKeyInfo(new AlgorithmIdentifier(VendorPublicKey.ED25519),
                    new DEROctetString(seed)).getEncoded("DER");
            return pem(PRIVATE_KEY, der);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    public static VendorPublicKey readPublicKey(Path file) throws IOException, InvalidKeyException {
        return readPublicKey(readSmall(file));
    }

    /**
     * @throws InvalidKeyException when the text holds no Ed25519 public key in PEM form (the message says what it
     *                             holds instead, e.g. a private key)
     */
    public static VendorPublicKey readPublicKey(String pem) throws InvalidKeyException {
        PemObject object = readPem(pem);
        if (PRIVATE_KEY.equals(object.getType()) || object.getType().endsWith(" " + PRIVATE_KEY)) {
            throw new InvalidKeyException("this is a private key; give the public key (openssl pkey -in FILE -pubout)");
        }
        if (!PUBLIC_KEY.equals(object.getType())) {
            throw new InvalidKeyException("expected -----BEGIN PUBLIC KEY-----, found [" + object.getType() + "]");
        }
        return VendorPublicKey.fromSubjectPublicKeyInfo(object.getContent());
    }

    public static VendorPrivateKey readPrivateKey(Path file) throws IOException, InvalidKeyException {
        return readPrivateKey(readSmall(file));
    }

    /**
     * @throws InvalidKeyException when the text holds no unencrypted PKCS#8 Ed25519 private key
     */
    public static VendorPrivateKey readPrivateKey(String pem) throws InvalidKeyException {
        PemObject object = readPem(pem);
        if ("ENCRYPTED PRIVATE KEY".equals(object.getType())) {
            throw new InvalidKeyException("the private key is encrypted; decrypt it first (openssl pkey -in FILE -out PLAIN)");
        }
        if (!PRIVATE_KEY.equals(object.getType())) {
            throw new InvalidKeyException("expected a PEM block of type [" + PRIVATE_KEY + "], found [" + object.getType() + "]");
        }
        PrivateKeyInfo info;
        byte[] seed = null;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(object.getContent()));
            if (info == null || !VendorPublicKey.ED25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                throw new InvalidKeyException("not an Ed25519 private key");
            }
            seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            VendorPrivateKey key = VendorPrivateKey.fromSeed(seed);
            // PKCS#8 v2 may carry the public key too; one that does not belong to the seed means a damaged file.
            if (info.getPublicKeyData() != null && !Arrays.equals(info.getPublicKeyData().getBytes(), key.publicKey().raw())) {
                throw new InvalidKeyException("the private key file carries a public key that does not belong to it");
            }
            return key;
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("not a DER PKCS#8 private key", e);
        } finally {
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    /**
     * Writes the private key to a new file readable and writable by its owner only (POSIX mode 600).
     *
     * @throws FileAlreadyExistsException rather than overwrite a key
     */
    public static void writePrivateKey(Path file, VendorPrivateKey key) throws IOException {
        FileAttribute<?>[] ownerOnly = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        // Created with its final mode, so the key is never readable by others, not even for an instant.
        Files.createFile(file, ownerOnly);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(privateKeyPem(key).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * @throws FileAlreadyExistsException rather than overwrite a key
     */
    public static void writePublicKey(Path file, VendorPublicKey key) throws IOException {
        Files.write(file, publicKeyPem(key).getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE_NEW);
    }

    private static String readSmall(Path file) throws IOException {
        if (Files.size(file) > MAX_PEM_CHARS) {
            throw new IOException("[" + file + "] is too large to be a PEM key file");
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    private static PemObject readPem(String pem) throws InvalidKeyException {
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("not a PEM file", e);
        }
        if (object == null) {
            throw new InvalidKeyException("not a PEM file: no -----BEGIN ...----- line");
        }
        return object;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
