package com.netvizura.license.stress;

import com.netvizura.license.it.RedeployMeasurement;

import java.nio.file.Path;

/**
 * Stress command (see {@code .ci/stress-redeploy} and README, section Hardening): redeploys the WAR in a real
 * Tomcat 10.1 ROUNDS times by touching it and prints what the old deployments left behind. Exits 1 unless exactly
 * one web-app class loader is alive after a full GC and Tomcat logged no leak warning about the plugin.
 * Arguments: {@code rounds work-directory}.
 */
public final class RedeployStress {

    private RedeployStress() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        RedeployMeasurement.Figures figures = RedeployMeasurement.run(Path.of(args[1]).toAbsolutePath(), rounds);
        boolean passed = figures.liveClassLoaders() == 1 && figures.leakWarnings().isEmpty();
        System.out.println((passed ? "REDEPLOY STRESS PASSED: " : "REDEPLOY STRESS FAILED: ") + figures);
        System.exit(passed ? 0 : 1);
    }
}
