package com.netvizura.license.key;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedKeysTest {

    /** Where a build without -Dnetvizura.license.publicKey keeps its development key pair (README, "Vendor keys"). */
    private static final Path DEV_KEY_DIR = Path.of("target", "dev-vendor-key");

    private static TrustedKeys read(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return TrustedKeys.fromProperties(p);
    }

    @Test
    void builtIn_testBuild_trustsOnlyTheDevelopmentKeyAndSaysSo() throws Exception {
        TrustedKeys builtIn = TrustedKeys.builtIn();
        VendorPublicKey dev = PemKeys.readPublicKey(DEV_KEY_DIR.resolve("public.pem"));

        assertTrue(builtIn.isDevelopmentOnly());
        assertEquals(List.of(dev.kid()), List.copyOf(builtIn.kids()));
    }

    @Test
    void builtIn_keySignedWithTheDevelopmentPrivateKey_verifies() throws Exception {
        VendorPrivateKey devKey = PemKeys.readPrivateKey(DEV_KEY_DIR.resolve("private.pem"));

        byte[] keyFile = LicenseKeySigner.signToBytes(KeyFixtures.perpetual(), devKey);

        assertEquals(KeyFixtures.perpetual(), new LicenseKeyVerifier(TrustedKeys.builtIn()).verify(keyFile));
    }

    @Test
    void builtIn_keyFromAnyOtherVendorKey_refused() {
        LicenseKeyException e = assertThrows(LicenseKeyException.class,
                () -> new LicenseKeyVerifier(TrustedKeys.builtIn()).verify(KeyFixtures.validKeyFile()));

        assertEquals(LicenseKeyException.Reason.UNKNOWN_SIGNER, e.reason());
    }

    @Test
    void resourceText_vendorKeys_readBackInOrderAsNotDevelopment() throws Exception {
        VendorPublicKey a = VendorKeyPair.generate().publicKey();
        VendorPublicKey b = VendorKeyPair.generate().publicKey();

        TrustedKeys keys = read(TrustedKeys.resourceText(List.of(a, b), false));

        assertFalse(keys.isDevelopmentOnly());
        assertEquals(List.of(a.kid(), b.kid()), List.copyOf(keys.kids()));
        assertEquals(b, keys.find(b.kid()).orElseThrow());
    }

    @Test
    void fromProperties_damagedResource_failsLoudly() {
        assertThrows(IllegalStateException.class, () -> read("development=true\n"));
        assertThrows(IllegalStateException.class, () -> read("keys=MCowBQYDK2VwAyEA\n"));
        assertThrows(IllegalStateException.class, () -> read("development=maybe\nkeys=MCow\n"));
        assertThrows(IllegalStateException.class, () -> read("development=false\nkeys=bm90IGEga2V5\n"));
    }

    @Test
    void kid_isFirst16HexOfSha256OfTheDer() throws Exception {
        VendorPublicKey key = KeyFixtures.VENDOR.publicKey();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.subjectPublicKeyInfo());

        assertEquals(java.util.HexFormat.of().formatHex(digest, 0, 8), key.kid());
    }
}
