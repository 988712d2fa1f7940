package com.netvizura.license.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, run inside the page the browser shows now: the WCAG 2.1 A and AA rules only
 * (tags {@code wcag2a wcag2aa wcag21a wcag21aa}). The script comes from the axe-core WebJar on the test class path
 * and is injected through WebDriver, so the page's own Content-Security-Policy does not apply to it.
 *
 * <p>Every check is also written to {@code target/axe/report.txt} (one line a page), so a run leaves the counts
 * per page to compare before and after a change.
 */
public final class Axe {

    /** The rule tags checked: WCAG 2.0 and 2.1, levels A and AA. */
    public static final List<String> WCAG_21_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** Impacts that fail a page: a person relying on assistive technology is blocked or badly hindered. */
    public static final Set<String> BLOCKING = Set.of("serious", "critical");

    static final String ERROR_NO_AXE = "ERROR_NO_AXE: the axe-core WebJar (org.webjars.npm:axe-core) is not on the "
            + "test class path; it is a test dependency in pom.xml";

    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    private static final String POM = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(function (result) {
                done(result.violations.map(function (v) {
                  return {rule: v.id, impact: v.impact || 'none', help: v.help,
                          nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
                }));
              }, function (e) { done('axe failed: ' + e); });
            """;

    private static String script;

    private Axe() {
    }

    /** One rule that the page breaks, at the nodes (CSS selectors) that break it. */
    public record Violation(String rule, String impact, String help, List<String> nodes) {

        public boolean blocking() {
            return BLOCKING.contains(impact);
        }

        @Override
        public String toString() {
            return rule + " (" + impact + ", " + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s") + ": "
                    + String.join(", ", nodes) + "): " + help;
        }
    }

    /** What axe found on one page. */
    public record Report(String page, String axeVersion, List<Violation> violations) {

        public Report {
            violations = List.copyOf(violations);
        }

        /** The violations of impact serious or critical: each fails the page. */
        public List<Violation> blocking() {
            return violations.stream().filter(Violation::blocking).toList();
        }

        /** How many page elements break a serious or critical rule (axe counts nodes, one a rule and element). */
        public int blockingNodes() {
            return blocking().stream().mapToInt(v -> v.nodes().size()).sum();
        }

        /** One line: the page, the serious and critical nodes per rule, and the minor ones counted apart. */
        public String summary() {
            String rules = blocking().stream().map(v -> v.rule() + " x" + v.nodes().size())
                    .collect(Collectors.joining(", "));
            int minor = violations.stream().filter(v -> !v.blocking()).mapToInt(v -> v.nodes().size()).sum();
            return "axe " + axeVersion + " " + page + ": " + blockingNodes() + " serious/critical node(s)"
                    + (rules.isEmpty() ? "" : " [" + rules + "]") + ", " + minor + " minor/moderate";
        }

        /** The message of a failed check: every blocking violation with its nodes. */
        public String details() {
            return summary() + blocking().stream().map(v -> "\n  " + v).collect(Collectors.joining());
        }
    }

    /** Runs axe on the page {@code browser} shows now; {@code page} names it in the report. */
    public static Report check(WebDriver browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(script());
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object answer = js.executeAsyncScript(RUN, WCAG_21_A_AA);
        if (!(answer instanceof List<?> list)) {
            throw new IllegalStateException(page + ": " + answer);
        }
        List<Violation> violations = new ArrayList<>();
        for (Object item : list) {
            Map<?, ?> v = (Map<?, ?>) item;
            List<String> nodes = ((List<?>) v.get("nodes")).stream().map(String::valueOf).toList();
            violations.add(new Violation(String.valueOf(v.get("rule")), String.valueOf(v.get("impact")),
                    String.valueOf(v.get("help")), nodes));
        }
        Report report = new Report(page, version(), violations);
        record(report);
        return report;
    }

    private static void record(Report report) {
        System.out.println(report.summary());
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.axe", "target/axe")));
            Files.writeString(dir.resolve("report.txt"), report.summary() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String script() {
        if (script == null) {
            try (InputStream in = resource(WEBJAR + version() + "/axe.min.js")) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static String version() {
        Properties pom = new Properties();
        try (InputStream in = resource(POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static InputStream resource(String name) {
        InputStream in = Axe.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(ERROR_NO_AXE + " [" + name + "]");
        }
        return in;
    }
}
