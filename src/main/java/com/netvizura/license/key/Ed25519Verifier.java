package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

import java.security.InvalidKeyException;

/**
 * Checks Ed25519 signatures (RFC 8032) with one public key. There is no boolean answer to forget: {@link #verify}
 * returns normally only when the signature holds.
 */
public final class Ed25519Verifier {

    /** Bytes of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PublicKeyParameters publicKey;

    /**
     * @param publicKey the 32-byte public key
     * @throws InvalidKeyException when it is not 32 bytes or not a point on the curve
     */
    public Ed25519Verifier(byte[] publicKey) throws InvalidKeyException {
        if (publicKey == null || publicKey.length != VendorPublicKey.LENGTH) {
            throw new InvalidKeyException("an Ed25519 public key has 32 bytes");
        }
        try {
            // Decoding once here lets BouncyCastle reuse the decoded point for every verification.
            this.publicKey = new Ed25519PublicKeyParameters(publicKey.clone(), 0);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("not an Ed25519 public key", e);
        }
    }

    public Ed25519Verifier(VendorPublicKey publicKey) throws InvalidKeyException {
        this(publicKey.raw());
    }

    /**
     * @throws LicenseKeyException {@link Reason#BAD_SIGNATURE} unless {@code signature} is a valid signature of
     *                             {@code data}
     */
    public void verify(byte[] signature, byte[] data) throws LicenseKeyException {
        if (signature == null || signature.length != SIGNATURE_LENGTH || data == null) {
            throw new LicenseKeyException(Reason.BAD_SIGNATURE);
        }
        org.bouncycastle.crypto.signers.Ed25519Signer verifier = new org.bouncycastle.crypto.signers.Ed25519Signer();
        verifier.init(false, publicKey);
        byte[] message = data.clone();
        verifier.update(message, 0, message.length);
        if (!verifier.verifySignature(signature.clone())) {
            throw new LicenseKeyException(Reason.BAD_SIGNATURE);
        }
    }
}
