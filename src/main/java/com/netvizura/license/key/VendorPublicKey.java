package com.netvizura.license.key;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.io.IOException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A vendor's Ed25519 public key (the 32-byte encoding of RFC 8032), which verifies license keys.
 * Its {@link #kid()} names it in the JWS header.
 */
public final class VendorPublicKey {

    /** Bytes of an Ed25519 public key. */
    public static final int LENGTH = 32;

    /** id-Ed25519 (RFC 8410); BouncyCastle keeps its constant in an internal package. */
    static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private final byte[] raw;
    private final String kid;

    private VendorPublicKey(byte[] raw) {
        this.raw = raw;
        this.kid = computeKid(subjectPublicKeyInfo());
    }

    /**
     * @throws InvalidKeyException when {@code raw} is not 32 bytes
     */
    public static VendorPublicKey fromRaw(byte[] raw) throws InvalidKeyException {
        if (raw == null || raw.length != LENGTH) {
            throw new InvalidKeyException("an Ed25519 public key has 32 bytes, not " + (raw == null ? 0 : raw.length));
        }
        return new VendorPublicKey(raw.clone());
    }

    /**
     * Reads the DER of a SubjectPublicKeyInfo (RFC 8410) holding an Ed25519 key; anything else, including a
     * non-canonical encoding of one, is refused.
     */
    public static VendorPublicKey fromSubjectPublicKeyInfo(byte[] der) throws InvalidKeyException {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("not a DER SubjectPublicKeyInfo", e);
        }
        if (info == null || !VendorPublicKey.ED25519.equals(info.getAlgorithm().getAlgorithm())) {
            throw new InvalidKeyException("not an Ed25519 public key");
        }
        VendorPublicKey key = fromRaw(info.getPublicKeyData().getBytes());
        if (!Arrays.equals(key.subjectPublicKeyInfo(), der)) {
            throw new InvalidKeyException("not the canonical DER encoding of an Ed25519 public key");
        }
        return key;
    }

    /** A copy of the 32 key bytes. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The DER of this key's SubjectPublicKeyInfo, as {@code openssl pkey -pubout -outform DER} writes it. */
    public byte[] subjectPublicKeyInfo() {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(VendorPublicKey.ED25519), raw).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    /** The key id: the first 16 hex characters of the SHA-256 of {@link #subjectPublicKeyInfo()}. */
    public String kid() {
        return kid;
    }

    private static String computeKid(byte[] spki) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VendorPublicKey other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "VendorPublicKey[kid=" + kid + "]";
    }
}
