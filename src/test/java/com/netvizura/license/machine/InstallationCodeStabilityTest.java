package com.netvizura.license.machine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code of this machine must not change between restarts: two fresh JVMs and this one compute the same. */
class InstallationCodeStabilityTest {

    @TempDir
    Path dataDirectory;

    @Test
    void code_computedInTwoFreshJvms_isTheSame() throws Exception {
        String first = codeInFreshJvm();
        String second = codeInFreshJvm();
        String here = InstallationCodes.of(new OshiHardwareProbe(dataDirectory).probe()).value();

        assertTrue(first.startsWith(InstallationCodeCodec.PREFIX), first);
        assertEquals(first, second);
        assertEquals(first, here);
    }

    private String codeInFreshJvm() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ShowInstallationCode.class.getName(), dataDirectory.toString()))
                .redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish within 60 s");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("NVZ")).findFirst().orElse(out);
    }
}
