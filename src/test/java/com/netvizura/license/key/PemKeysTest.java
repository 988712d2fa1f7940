package com.netvizura.license.key;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PemKeysTest {

    @TempDir
    Path dir;

    private final VendorKeyPair pair = VendorKeyPair.generate();

    @Test
    void writeAndRead_keyPair_roundTrips() throws Exception {
        PemKeys.writePrivateKey(dir.resolve("private.pem"), pair.privateKey());
        PemKeys.writePublicKey(dir.resolve("public.pem"), pair.publicKey());

        assertEquals(pair.publicKey(), PemKeys.readPrivateKey(dir.resolve("private.pem")).publicKey());
        assertEquals(pair.publicKey(), PemKeys.readPublicKey(dir.resolve("public.pem")));
    }

    @Test
    void writePrivateKey_fileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("private.pem");

        PemKeys.writePrivateKey(file, pair.privateKey());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void write_existingFile_refusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("private.pem");
        Files.writeString(file, "precious");

        assertThrows(FileAlreadyExistsException.class, () -> PemKeys.writePrivateKey(file, pair.privateKey()));
        assertThrows(FileAlreadyExistsException.class, () -> PemKeys.writePublicKey(file, pair.publicKey()));
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void publicKeyPem_hasOpenSslLayout() {
        String pem = PemKeys.publicKeyPem(pair.publicKey());

        assertTrue(pem.matches("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA[A-Za-z0-9+/]{43}=\n-----END PUBLIC KEY-----\n"), pem);
    }

    @Test
    void readPublicKey_privateKeyGivenByMistake_refusedSayingSo() {
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> PemKeys.readPublicKey(PemKeys.privateKeyPem(pair.privateKey())));

        assertTrue(e.getMessage().contains("private key"), e.getMessage());
    }

    @Test
    void read_notAnEd25519Pem_refused() {
        assertThrows(InvalidKeyException.class, () -> PemKeys.readPublicKey("hello"));
        assertThrows(InvalidKeyException.class, () -> PemKeys.readPrivateKey("hello"));
        assertThrows(InvalidKeyException.class, () -> PemKeys.readPublicKey(
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
        // The same layout with the algorithm id of Ed448 (1.3.101.113) is not an Ed25519 key.
        byte[] der = pair.publicKey().subjectPublicKeyInfo();
        der[8] = 0x71;
        assertThrows(InvalidKeyException.class, () -> PemKeys.readPublicKey("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n"));
        assertThrows(InvalidKeyException.class, () -> PemKeys.readPrivateKey(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"));
    }

    @Test
    void readPrivateKey_carryingAnotherKeysPublicPart_refused() throws Exception {
        byte[] der = new PrivateKeyInfo(new AlgorithmIdentifier(VendorPublicKey.ED25519),
                new DEROctetString(pair.privateKey().seed()), null, VendorKeyPair.generate().publicKey().raw())
                .getEncoded("DER");
        String pem = "-----BEGIN " + PemKeys.PRIVATE_KEY + "-----\n" + Base64.getEncoder().encodeToString(der) + "\n-----END "
                + PemKeys.PRIVATE_KEY + "-----\n";

        assertThrows(InvalidKeyException.class, () -> PemKeys.readPrivateKey(pem));
    }

    @Test
    void toString_neverShowsTheSeed() {
        String seedBase64 = Base64.getEncoder().encodeToString(pair.privateKey().seed());

        assertTrue(!pair.privateKey().toString().contains(seedBase64) && pair.privateKey().toString().contains(pair.publicKey().kid()));
    }
}
