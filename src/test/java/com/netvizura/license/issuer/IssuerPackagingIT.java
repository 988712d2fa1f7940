package com.netvizura.license.issuer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code mvn package} builds: the WAR for customers without the vendor's tool, and the tool as a runnable jar
 * with its dependencies, run here as the vendor runs it ({@code java -jar}).
 */
class IssuerPackagingIT {

    private static final Path WAR = Path.of(System.getProperty("it.war", "target/netvizura-license.war"));
    private static final Path JAR = Path.of(System.getProperty("it.issuerJar", "target/netvizura-license-issuer.jar"));

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " did not end within 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> entries(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void war_holdsNeitherTheIssuerNorTheBuildStepNorPicocli() throws IOException {
        List<String> names = entries(WAR);

        assertEquals(List.of(), names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains("issuer")).toList());
        assertEquals(List.of(), names.stream().filter(n -> n.contains("TrustedKeysBuildStep") || n.contains("picocli")).toList());
        // The build step still ran: the WAR carries the trusted keys and the classes that read them.
        assertTrue(names.contains("WEB-INF/classes/com/netvizura/license/key/trusted-keys.properties"), names.toString());
        assertTrue(names.contains("WEB-INF/classes/com/netvizura/license/key/TrustedKeys.class"));
    }

    @Test
    void jar_holdsTheToolAndPicocliButNoBuildStepAndNoBuiltInKeys() throws IOException {
        List<String> names = entries(JAR);

        assertTrue(names.contains("com/netvizura/license/issuer/IssuerCli.class"));
        assertTrue(names.contains("picocli/CommandLine.class"));
        assertFalse(names.stream().anyMatch(n -> n.contains("TrustedKeysBuildStep")), "the build step runs only in Maven");
        assertFalse(names.contains("com/netvizura/license/key/trusted-keys.properties"),
                "inspect trusts only the public key on its command line");
    }

    @Test
    void jar_issueHelp_showsPicocliUsage() throws Exception {
        Result r = java("issue", "--help");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: java -jar netvizura-license-issuer.jar issue [-hV] --private-key=FILE"),
                r.out());
        assertTrue(r.out().contains("--renew=OLD.key"), r.out());
    }

    @Test
    void jar_keygenIssueRenewInspect_runWithTheJarsOwnDependencies() throws Exception {
        String code = "NVZ1-6144B-SW0VD-QSNTF-3";
        assertEquals(0, java("keygen", "--out", "vendor").exit());
        Result issued = java("issue", "--private-key", "vendor/private.pem", "--installation-code", code,
                "--licensee", "ACME Networks", "--type", "subscription", "--modules", "netflow", "--out", "old.key");
        assertEquals(0, issued.exit(), issued.err());

        Result renewed = java("issue", "--private-key", "vendor/private.pem", "--renew", "old.key", "--out", "new.key");
        Result inspected = java("inspect", "--public-key", "vendor/public.pem", "new.key");

        assertEquals(0, renewed.exit(), renewed.err());
        assertEquals(0, inspected.exit(), inspected.err());
        assertTrue(inspected.out().contains("Supersedes:") && inspected.out().contains("Renewal:            renewed early"),
                inspected.out());
        assertEquals(2, java("issue", "--out").exit(), "a missing value is a usage error");
        assertTrue(new File(dir.toFile(), "new.key").isFile());
    }
}
