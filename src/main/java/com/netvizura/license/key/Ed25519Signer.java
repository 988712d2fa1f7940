package com.netvizura.license.key;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.util.Arrays;
import java.util.Objects;

/** Makes Ed25519 signatures (RFC 8032) with a vendor's private key; used only by the issuer side. */
public final class Ed25519Signer {

    private final VendorPrivateKey privateKey;

    public Ed25519Signer(VendorPrivateKey privateKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    /** The 64-byte signature of {@code data}. Ed25519 is deterministic: the same data gives the same signature. */
    public byte[] sign(byte[] data) {
        byte[] seed = privateKey.seed();
        try {
            org.bouncycastle.crypto.signers.Ed25519Signer signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
            signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
            byte[] message = data.clone();
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
