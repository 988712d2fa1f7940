package com.netvizura.license.issuer;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.key.VendorPublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build step that decides which vendor keys a build trusts. */
class TrustedKeysBuildStepTest {

    @TempDir
    Path dir;

    private String resource() throws Exception {
        return Files.readString(dir.resolve("classes").resolve(TrustedKeys.RESOURCE));
    }

    private void build(String publicKeys) throws Exception {
        TrustedKeysBuildStep.main(new String[] {"--basedir", dir.toString(), "--classes", dir.resolve("classes").toString(),
            "--dev-key-dir", dir.resolve("dev").toString(), "--public-keys=" + publicKeys});
    }

    @Test
    void withoutVendorKey_generatesDevelopmentKeyOnceAndReusesIt() throws Exception {
        build("");
        String first = resource();
        String privatePem = Files.readString(dir.resolve("dev/private.pem"));

        build("");

        assertEquals(first, resource());
        assertEquals(privatePem, Files.readString(dir.resolve("dev/private.pem")));
        assertTrue(first.contains("development=true"), first);
        assertTrue(first.contains(PemKeys.readPublicKey(dir.resolve("dev/public.pem")).kid()), first);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("dev/private.pem"))));
    }

    @Test
    void withoutVendorKey_publicFileEditedOrLost_isDerivedAgainFromThePrivateKey() throws Exception {
        build("");
        String expected = Files.readString(dir.resolve("dev/public.pem"));
        Files.writeString(dir.resolve("dev/public.pem"), PemKeys.publicKeyPem(VendorKeyPair.generate().publicKey()));

        build("");

        assertEquals(expected, Files.readString(dir.resolve("dev/public.pem")));
    }

    @Test
    void withVendorKeys_trustsExactlyThoseRelativeToTheProject() throws Exception {
        VendorPublicKey current = VendorKeyPair.generate().publicKey();
        VendorPublicKey next = VendorKeyPair.generate().publicKey();
        PemKeys.writePublicKey(dir.resolve("current.pem"), current);
        PemKeys.writePublicKey(dir.resolve("next.pem"), next);

        build("current.pem, " + dir.resolve("next.pem"));

        String text = resource();
        assertTrue(text.contains("development=false"), text);
        assertTrue(text.contains("kids: " + current.kid() + " " + next.kid()), text);
        assertTrue(Files.notExists(dir.resolve("dev")), "no development key is made for a vendor build");
    }

    @Test
    void withVendorKey_privateKeyOrMissingFile_failsTheBuild() throws Exception {
        PemKeys.writePrivateKey(dir.resolve("private.pem"), VendorKeyPair.generate().privateKey());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build("private.pem"));
        assertTrue(e.getMessage().contains("private key"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> build("nowhere.pem"));
    }

    @Test
    void optionWithoutValueOrMissing_failsTheBuildNamingTheOption() {
        String[][] wrong = {
            {"--basedir", dir.toString(), "--dev-key-dir", dir.toString(), "--public-keys=", "--classes"},
            {"--basedir", dir.toString(), "--dev-key-dir", dir.toString(), "--public-keys="},
            {"--basedir", dir.toString(), "--classes", dir.toString(), "--dev-key-dir", dir.toString(), "--public-keys=",
                "--colour", "blue"},
        };
        for (String[] args : wrong) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedKeysBuildStep.main(args));

            assertTrue(e.getMessage().startsWith(TrustedKeysBuildStep.ERROR_USAGE), e.getMessage());
            assertTrue(e.getMessage().contains("--classes") || e.getMessage().contains("--colour"), e.getMessage());
            assertTrue(e.getMessage().contains("Usage: TrustedKeysBuildStep"), e.getMessage());
        }
        assertTrue(Files.notExists(dir.resolve(TrustedKeys.RESOURCE)), "no resource is written");
        assertTrue(Files.notExists(dir.resolve("private.pem")), "no development key is made");
    }
}
