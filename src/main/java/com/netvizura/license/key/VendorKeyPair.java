package com.netvizura.license.key;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A vendor's Ed25519 key pair.
 *
 * @param privateKey signs license keys; stays with the vendor
 * @param publicKey  verifies them; built into the product
 */
public record VendorKeyPair(VendorPrivateKey privateKey, VendorPublicKey publicKey) {

    public VendorKeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        if (!privateKey.publicKey().equals(publicKey)) {
            throw new IllegalArgumentException("the public key does not belong to the private key");
        }
    }

    /** A new key pair from a strong random source. */
    public static VendorKeyPair generate() {
        return generate(new SecureRandom());
    }

    public static VendorKeyPair generate(SecureRandom random) {
        byte[] seed = new byte[VendorPrivateKey.LENGTH];
        random.nextBytes(seed);
        try {
            VendorPrivateKey privateKey = VendorPrivateKey.fromSeed(seed);
            return new VendorKeyPair(privateKey, privateKey.publicKey());
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a 32-byte seed is always a valid Ed25519 key", e);
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }
}
