package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.RedeployMeasurement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An admin redeploys the WAR (touches it in {@code webapps/} of a real Tomcat 10.1, which redeploys it): the old
 * deployments leave nothing behind. The short version of {@code .ci/stress-redeploy} (ten redeploys).
 */
class RedeployIT {

    static final int REDEPLOYS = 3;

    @Test
    void redeploysByTouchingTheWar_leaveOneClassLoaderAlive_andTomcatWarnsOfNoLeak() throws Exception {
        RedeployMeasurement.Figures figures = RedeployMeasurement.run(
                Path.of("target", "tomcats", "redeploy").toAbsolutePath(), REDEPLOYS);

        System.out.println("RedeployIT: " + figures);
        assertAll(figures.toString(),
                () -> assertEquals(REDEPLOYS + 1, figures.deployments()),
                () -> assertEquals(1, figures.liveClassLoaders(), "only the running deployment's class loader"),
                () -> assertTrue(figures.jnaCleanerThreads() <= 1, "at most the running deployment's JNA Cleaner"),
                () -> assertEquals(List.of(), figures.leakWarnings()),
                // Each deployment kept alive would add about half of what the first one uses.
                () -> assertTrue(figures.metaspaceLastKiB() < figures.metaspaceFirstKiB() * 3 / 2,
                        "metaspace does not grow with the redeploys"));
    }
}
