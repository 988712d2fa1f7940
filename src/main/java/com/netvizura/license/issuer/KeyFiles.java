package com.netvizura.license.issuer;

import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorPrivateKey;
import com.netvizura.license.key.VendorPublicKey;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseDetails;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.InvalidKeyException;

/** The files the vendor hands the tool and the key files it writes; every failure is a refusal naming the file. */
final class KeyFiles {

    private static final long MAX_DETAILS_BYTES = 1024 * 1024;

    private KeyFiles() {
    }

    static VendorPrivateKey privateKey(Path file) throws IssuerException {
        try {
            return PemKeys.readPrivateKey(file);
        } catch (IOException | InvalidKeyException e) {
            throw IssuerException.refused("cannot use [" + file + "] as the private key: " + e.getMessage(), e);
        }
    }

    static VendorPublicKey publicKey(Path file) throws IssuerException {
        try {
            return PemKeys.readPublicKey(file);
        } catch (IOException | InvalidKeyException e) {
            throw IssuerException.refused("cannot use [" + file + "] as the public key: " + e.getMessage(), e);
        }
    }

    /**
     * The license in {@code keyFile}, verified with {@code publicKey} exactly as the product verifies it.
     *
     * @param what how the message names the file, e.g. "the key to renew"
     */
    static License verified(Path keyFile, VendorPublicKey publicKey, String what) throws IssuerException {
        try (InputStream in = Files.newInputStream(keyFile)) {
            return new LicenseKeyVerifier(TrustedKeys.of(publicKey)).verify(in);
        } catch (IOException e) {
            throw IssuerException.refused("cannot read " + what + " [" + keyFile + "]: " + e, e);
        } catch (LicenseKeyException e) {
            throw IssuerException.refused(what + " [" + keyFile + "] is REFUSED (" + e.reason()
                    + e.subject().map(s -> " " + s).orElse("") + "): " + e.getMessage(), e);
        }
    }

    /** The License Details the customer sent (an e-mail, possibly quoted, is fine). */
    static LicenseDetails details(Path file) throws IssuerException {
        try {
            if (Files.size(file) > MAX_DETAILS_BYTES) {
                throw IssuerException.refused("[" + file + "] is too large to be License Details");
            }
            return LicenseDetails.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw IssuerException.refused("cannot read the License Details [" + file + "]: " + e, e);
        } catch (IllegalArgumentException e) {
            throw IssuerException.refused("[" + file + "]: " + e.getMessage()
                    + "; ask the customer for the License Details from Settings > Control Panel > License", e);
        }
    }

    /** Writes a new key file; an existing file is never overwritten. */
    static void writeNew(Path file, String keyText) throws IssuerException {
        try {
            Files.writeString(file, keyText, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw IssuerException.refused("[" + file + "] already exists; issue never overwrites a key."
                    + " Choose another --out file", e);
        } catch (IOException e) {
            throw IssuerException.refused("cannot write [" + file + "]: " + e, e);
        }
    }
}
