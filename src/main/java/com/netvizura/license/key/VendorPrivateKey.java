package com.netvizura.license.key;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.security.InvalidKeyException;

/**
 * A vendor's Ed25519 private key (the 32-byte seed of RFC 8032), which signs license keys. It lives only in the
 * vendor's issuer tool and in tests. The seed leaves this class only through package-private methods used by
 * {@link PemKeys} and {@link Ed25519Signer}; {@link #toString()} never shows it.
 */
public final class VendorPrivateKey {

    /** Bytes of an Ed25519 private key seed. */
    public static final int LENGTH = 32;

    private final byte[] seed;
    private final VendorPublicKey publicKey;

    private VendorPrivateKey(byte[] seed) {
        this.seed = seed;
        try {
            this.publicKey = VendorPublicKey.fromRaw(new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded());
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Ed25519 derived a public key of the wrong length", e);
        }
    }

    static VendorPrivateKey fromSeed(byte[] seed) throws InvalidKeyException {
        if (seed == null || seed.length != LENGTH) {
            throw new InvalidKeyException("an Ed25519 private key has 32 bytes, not " + (seed == null ? 0 : seed.length));
        }
        return new VendorPrivateKey(seed.clone());
    }

    /** The public key that verifies what this key signs. */
    public VendorPublicKey publicKey() {
        return publicKey;
    }

    /** A copy of the seed, for the package's signer and PEM writer only. */
    byte[] seed() {
        return seed.clone();
    }

    @Override
    public String toString() {
        return "VendorPrivateKey[for kid=" + publicKey.kid() + "]";
    }
}
