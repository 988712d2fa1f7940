package com.netvizura.license.web.api;

import com.netvizura.license.it.Promtool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped alerting rules ({@code src/main/prometheus/}) are valid for Prometheus and fire as their unit tests
 * with made-up series expect ({@code src/test/prometheus/}), as {@code promtool} checks them.
 */
class PrometheusRulesTest {

    private static final Path RULES = Path.of("src/main/prometheus/netvizura-license.rules.yml");
    private static final Path RULES_TEST = Path.of("src/test/prometheus");

    @Test
    void rulesFile_passesPromtoolCheckRules() {
        Promtool.Result result = Promtool.run(null, null, "check", "rules", RULES.toString());

        assertTrue(result.ok() && result.output().contains("SUCCESS: 8 rules found"), result.output());
    }

    @Test
    void alerts_fireAt30_14And7DaysInGraceAndWhenNotOperational_asTheRuleTestsExpect() {
        Promtool.Result result = Promtool.run(RULES_TEST, null, "test", "rules", "netvizura-license.rules.test.yml");

        assertTrue(result.ok() && result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void usageAlerts_warnAtTheNoticeShare_areCriticalOverTheLimit_andQuietForNamesWithoutLimit() {
        Promtool.Result result = Promtool.run(RULES_TEST, null, "test", "rules",
                "netvizura-license-usage.rules.test.yml");

        assertTrue(result.ok() && result.output().contains("SUCCESS"), result.output());
    }
}
