package com.netvizura.license.key;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedKeysTest {

    /**
     * What this build was given, passed by pom.xml (surefire): {@code -Dnetvizura.license.publicKey} (empty for a
     * development build), the project directory it is resolved against, and where a development build keeps its key.
     */
    private static final String PUBLIC_KEYS = System.getProperty("build.publicKeys", "").strip();
    private static final Path BASEDIR = Path.of(System.getProperty("build.basedir", "."));
    private static final Path DEV_KEY_DIR = Path.of(System.getProperty("build.devKeyDir", "target/dev-vendor-key"));

    /** RFC 8037 appendix A.2's Ed25519 public key ("x": 11qYAYKx...HURo) as SubjectPublicKeyInfo PEM. */
    private static final String RFC8037_PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\n"
            + "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n";
    /** Its kid, computed once by hand: {@code openssl dgst -sha256} of the 44-byte DER, first 16 hex characters. */
    private static final String RFC8037_KID = "06e3fd8fda29bb60";

    private static TrustedKeys read(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return TrustedKeys.fromProperties(p);
    }

    private static boolean developmentBuild() {
        return PUBLIC_KEYS.isEmpty();
    }

    /** The kids of the public key files named by -Dnetvizura.license.publicKey, in their order. */
    private static List<String> vendorKids() throws Exception {
        List<String> kids = new ArrayList<>();
        for (String name : PUBLIC_KEYS.split(",")) {
            if (!name.isBlank()) {
                String kid = PemKeys.readPublicKey(BASEDIR.resolve(name.strip())).kid();
                if (!kids.contains(kid)) {
                    kids.add(kid);
                }
            }
        }
        return kids;
    }

    @Test
    void builtIn_trustsExactlyTheKeysThisBuildWasGiven_andSaysWhetherItIsADevelopmentBuild() throws Exception {
        TrustedKeys builtIn = TrustedKeys.builtIn();

        if (developmentBuild()) {
            VendorPublicKey dev = PemKeys.readPublicKey(DEV_KEY_DIR.resolve("public.pem"));
            assertTrue(builtIn.isDevelopmentOnly());
            assertEquals(List.of(dev.kid()), List.copyOf(builtIn.kids()));
        } else {
            assertFalse(builtIn.isDevelopmentOnly());
            assertEquals(vendorKids(), List.copyOf(builtIn.kids()));
        }
    }

    @Test
    void builtIn_keySignedWithTheDevelopmentKey_verifiesOnlyInADevelopmentBuild() throws Exception {
        Path devPrivate = DEV_KEY_DIR.resolve("private.pem");
        // A vendor build made from a clean tree has no development key at all: then any stranger's key stands in.
        VendorPrivateKey devKey = Files.exists(devPrivate) || developmentBuild()
                ? PemKeys.readPrivateKey(devPrivate)
                : VendorKeyPair.generate().privateKey();
        byte[] keyFile = LicenseKeySigner.signToBytes(KeyFixtures.perpetual(), devKey);
        LicenseKeyVerifier verifier = new LicenseKeyVerifier(TrustedKeys.builtIn());

        if (developmentBuild()) {
            assertEquals(KeyFixtures.perpetual(), verifier.verify(keyFile));
        } else {
            LicenseKeyException e = assertThrows(LicenseKeyException.class, () -> verifier.verify(keyFile));
            assertEquals(LicenseKeyException.Reason.UNKNOWN_SIGNER, e.reason());
        }
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
    void kid_rfc8037PublicKey_isTheKnownKid() throws Exception {
        assertEquals(RFC8037_KID, PemKeys.readPublicKey(RFC8037_PUBLIC_KEY).kid());
    }
}
