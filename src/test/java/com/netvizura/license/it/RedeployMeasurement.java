package com.netvizura.license.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Redeploys the WAR in a real Tomcat by touching it in {@code webapps/}, as an admin does, using each deployment
 * (an admin logs in and opens the License page) and then counts what the old deployments left behind after a full
 * GC. Shared by {@code RedeployLeakIT} (a few rounds) and {@code .ci/stress-redeploy} (ten).
 */
public final class RedeployMeasurement {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofSeconds(30);

    /**
     * What the process holds after the redeploys.
     *
     * @param deployments         deployments of the WAR, the first one included
     * @param liveClassLoaders    web-app class loaders alive after a full GC (exactly 1 when nothing leaks)
     * @param jnaCleanerThreads   live {@code JNA Cleaner} threads (at most the current deployment's)
     * @param metaspaceFirstKiB   metaspace in use after the first deployment and a full GC
     * @param metaspaceLastKiB    metaspace in use after the last deployment and a full GC
     * @param leakWarnings        Tomcat's warnings about threads, ThreadLocals or drivers the plugin left behind
     * @param seconds             how long the redeploys took
     */
    public record Figures(int deployments, long liveClassLoaders, long jnaCleanerThreads, long metaspaceFirstKiB,
            long metaspaceLastKiB, List<String> leakWarnings, long seconds) {

        @Override
        public String toString() {
            return String.format("%d deployments in %d s: %d web-app class loader(s) alive after a full GC, "
                    + "%d JNA Cleaner thread(s), metaspace %.1f MiB after the first and %.1f MiB after the last, "
                    + "%d leak warning(s)%s", deployments, seconds, liveClassLoaders, jnaCleanerThreads,
                    metaspaceFirstKiB / 1024.0, metaspaceLastKiB / 1024.0, leakWarnings.size(),
                    leakWarnings.isEmpty() ? "" : ":\n  " + String.join("\n  ", leakWarnings));
        }
    }

    private RedeployMeasurement() {
    }

    /** Starts a Tomcat in {@code work}, redeploys {@code redeploys} times, measures, stops Tomcat. */
    public static Figures run(Path work, int redeploys) throws IOException {
        Path home = work.resolve("home");
        TomcatProcess.deleteTree(home);
        Files.createDirectories(home.resolve("license"));
        Files.write(home.resolve("license/license.key"), TestLicenses.valid("NVZ-REDEPLOY", "Redeploy Test Ltd"));
        long started = System.nanoTime();
        try (TomcatProcess tomcat = TomcatProcess.start(work.resolve("base"), home, true)) {
            use(tomcat);
            long metaspaceFirst = tomcat.jcmd().metaspaceUsedKiB();
            for (int i = 1; i <= redeploys; i++) {
                tomcat.touchWar();
                tomcat.awaitLog(TomcatProcess.DEPLOYED, i + 1, DEPLOY_TIMEOUT);
                use(tomcat);
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            long loaders = settledClassLoaders(tomcat, work);
            return new Figures(tomcat.count(TomcatProcess.DEPLOYED), loaders, tomcat.jcmd().threadsNamed("JNA Cleaner"),
                    metaspaceFirst, tomcat.jcmd().metaspaceUsedKiB(), tomcat.leakWarnings(), seconds);
        }
    }

    /**
     * The live web-app class loaders once references that only wait for a JDK thread (finalizers, reference
     * handling; slow on a busy machine) are gone: counted again every 2 s for up to 30 s while more than one is
     * alive. A leak does not go away; if more than one stays, a heap dump is written for finding its path.
     */
    private static long settledClassLoaders(TomcatProcess tomcat, Path work) {
        long start = System.nanoTime();
        long loaders = tomcat.liveWebappClassLoaders();
        long first = loaders;
        while (loaders > 1 && System.nanoTime() - start < SETTLE.toNanos()) {
            Poll.pause(Duration.ofSeconds(2));
            loaders = tomcat.liveWebappClassLoaders();
        }
        if (first != loaders) {
            System.out.printf("RedeployMeasurement: %d class loaders at the first count, %d after %d s%n", first,
                    loaders, Duration.ofNanos(System.nanoTime() - start).toSeconds());
        }
        if (loaders > 1) {
            Path dump = work.resolve("leak.hprof");
            tomcat.jcmd().heapDump(dump);
            System.out.println("RedeployMeasurement: " + loaders + " class loaders alive; heap dump in " + dump);
        }
        return loaders;
    }


    /** An admin logs in and opens the License page: Faces, CDI, PrimeFaces and the service all did some work. */
    private static void use(TomcatProcess tomcat) {
        WebClient admin = new WebClient(tomcat.root());
        admin.logIn(TestUser.ADMIN);
        HttpResponse<String> page = admin.get("license/license.xhtml");
        if (page.statusCode() != 200 || !page.body().contains("id=\"licenseDetails\"")) {
            throw new IllegalStateException("the License page did not render (" + page.statusCode() + "):\n"
                    + tomcat.logTail());
        }
    }
}
