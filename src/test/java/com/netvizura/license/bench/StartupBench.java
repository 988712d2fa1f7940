package com.netvizura.license.bench;

import com.netvizura.license.it.TomcatProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up figures of the standalone WAR: starts a fresh Tomcat 10.1 ({@link TomcatProcess}: new
 * {@code CATALINA_BASE}, new data directory) for each run, reads the phases of the deployment from catalina's log
 * lines, stops it, and prints the median and range of each phase per WAR, and the ratio of each WAR's medians to the
 * first WAR's. Several WARs (e.g. the one before a change and the one after) are started in turn within each round,
 * the order reversed every other round, so that the load of a shared machine falls on all of them alike. Prints
 * figures; asserts nothing.
 *
 * <p>Figures: the first from {@code /proc}, the others from the log lines' millisecond time stamps:
 * <ul>
 * <li>{@code cpu}: the processor time the Tomcat JVM used until it was started (its own start, Tomcat's and the
 *     deployment's), from {@code /proc}; on a shared machine the steadiest of these figures;</li>
 * <li>{@code total}: what Tomcat reports in "Deployment of web application archive [...] has finished in [N] ms";</li>
 * <li>{@code toTldNote}: from "Deploying web application archive" to the TLD scanner's note (the unpacking and the
 *     scanning of the jars); absent when no jar was scanned for TLDs, as then no note comes;</li>
 * <li>{@code toPlugin}: from "Deploying web application archive" to the plugin's settings line: the same span up to
 *     the first of the application's initializers, which run after the scans (Tomcat's own Jasper first);</li>
 * <li>{@code plugin}: from the plugin's settings line to its "NetVizura License started" line (the probe, the trusted
 *     keys, the data directory, the reminders; since the probe runs on its own thread, that line comes when the probe
 *     is done, beside Weld's start), plus {@code pluginSays}: the time that line itself reports as holding up the
 *     deployment, when it reports one.</li>
 * </ul>
 *
 * <p>The log of every start is kept in {@code target/bench-startup/logs/}. Run from the project directory after
 * {@code mvn -B -o package -DskipTests} and once
 * {@code mvn -B -o dependency:unpack@unpack-it-tomcats} (Tomcat in {@code target/tomcat/}):
 * {@code java -cp target/test-classes com.netvizura.license.bench.StartupBench ROUNDS WAR...}.
 */
public final class StartupBench {

    private static final Pattern STAMP = Pattern.compile("^(\\d{2}-\\w{3}-\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) ");
    private static final DateTimeFormatter STAMP_FORMAT = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss.SSS",
            Locale.ENGLISH);
    private static final Pattern TOTAL = Pattern.compile("has finished in \\[([\\d,.]+)\\] ms");
    private static final Pattern PLUGIN_SAYS = Pattern.compile("NetVizura License started in (\\d+) ms");
    private static final String DEPLOYING = "Deploying web application archive";
    private static final String TLD_NOTE = "At least one JAR was scanned for TLDs yet contained no TLDs";
    private static final String SETTINGS = "NetVizura License settings:";
    private static final String STARTED = "NetVizura License started";
    /** Linux's USER_HZ, the unit of the times in {@code /proc/PID/stat}: 100 on every common architecture. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final List<String> PHASES = List.of("cpu", "total", "toTldNote", "toPlugin", "plugin", "pluginSays");

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StartupBench ROUNDS WAR...");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        List<Path> wars = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            wars.add(Path.of(args[i]).toAbsolutePath());
        }
        Path work = Path.of("target/bench-startup").toAbsolutePath();
        Map<Path, Map<String, List<Double>>> figures = new LinkedHashMap<>();
        for (Path war : wars) {
            Map<String, List<Double>> phases = new LinkedHashMap<>();
            PHASES.forEach(p -> phases.put(p, new ArrayList<>()));
            figures.put(war, phases);
        }
        for (int round = 0; round < rounds; round++) {
            List<Path> order = new ArrayList<>(wars);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Path war : order) {
                Map<String, Double> run;
                try {
                    run = oneStart(war, work, round + 1);
                } catch (IllegalStateException e) { // a start that timed out on an overloaded machine: next one
                    System.out.printf("round %d %s failed: %s%n", round + 1, war.getFileName(),
                            e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                System.out.printf("round %d %-28s %s%n", round + 1, war.getFileName(), run);
                run.forEach((phase, ms) -> figures.get(war).get(phase).add(ms));
            }
        }
        Map<String, List<Double>> first = figures.get(wars.get(0));
        System.out.println();
        System.out.printf("%-28s %-10s %8s %8s %8s %7s%n", "WAR", "phase (ms)", "median", "min", "max", "ratio");
        for (Path war : wars) {
            for (String phase : PHASES) {
                List<Double> values = figures.get(war).get(phase);
                if (values.isEmpty()) {
                    continue;
                }
                List<Double> base = first.get(phase);
                String ratio = base.isEmpty() ? "" : String.format("%.2f", median(values) / median(base));
                System.out.printf("%-28s %-10s %8.0f %8.0f %8.0f %7s%n", war.getFileName(), phase, median(values),
                        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), ratio);
            }
        }
        System.out.printf("%d rounds; each WAR started %d times in a fresh Tomcat%n", rounds, rounds);
    }

    /** One fresh Tomcat with {@code war}: its phases in ms, read from the log. */
    private static Map<String, Double> oneStart(Path war, Path work, int round) throws Exception {
        Path base = work.resolve("base");
        Path home = work.resolve("home");
        TomcatProcess.deleteTree(home);
        Files.createDirectories(home);
        System.setProperty("it.war", war.toString());
        String log;
        Map<String, Double> run = new LinkedHashMap<>();
        try (TomcatProcess tomcat = TomcatProcess.start(base, home, false)) {
            cpuMillis(tomcat.pid()).ifPresent(ms -> run.put("cpu", (double) ms));
            log = tomcat.log() + contextLog(base);
        }
        // Kept for a look at what took the time: the next start deletes the base directory.
        Path kept = work.resolve("logs").resolve(war.getFileName() + "." + round + ".log");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, log, StandardCharsets.UTF_8);
        Matcher total = TOTAL.matcher(log);
        if (total.find()) {
            run.put("total", Double.parseDouble(total.group(1).replace(",", "")));
        }
        Optional<LocalDateTime> deploying = stampOf(log, DEPLOYING);
        Optional<LocalDateTime> settings = stampOf(log, SETTINGS);
        between(deploying, stampOf(log, TLD_NOTE)).ifPresent(ms -> run.put("toTldNote", (double) ms));
        between(deploying, settings).ifPresent(ms -> run.put("toPlugin", (double) ms));
        between(settings, stampOf(log, STARTED)).ifPresent(ms -> run.put("plugin", (double) ms));
        Matcher says = PLUGIN_SAYS.matcher(log);
        if (says.find()) {
            run.put("pluginSays", Double.parseDouble(says.group(1)));
        }
        return run;
    }

    /**
     * The processor time the JVM {@code pid} used so far (user and system, all its threads), from
     * {@code /proc/PID/stat}; empty where there is none. Less at the mercy of other processes than the wall-clock
     * phases on a shared machine, as long as the processor's speed stays the same.
     */
    private static OptionalLong cpuMillis(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isReadable(stat)) {
            return OptionalLong.empty();
        }
        String text = Files.readString(stat, StandardCharsets.US_ASCII);
        // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are the
        // 14th and 15th fields of the line, the 12th and 13th after the closing parenthesis.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return OptionalLong.of(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }

    /** What the application wrote with {@code ServletContext.log}: Tomcat's logging sends it to its own file. */
    private static String contextLog(Path base) throws IOException {
        StringBuilder text = new StringBuilder();
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(base.resolve("logs"), "localhost.*.log")) {
            for (Path file : logs) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /** The time stamp of the first log line that contains {@code text}. */
    private static Optional<LocalDateTime> stampOf(String log, String text) {
        return log.lines().filter(l -> l.contains(text)).findFirst().map(STAMP::matcher).filter(Matcher::find)
                .map(m -> LocalDateTime.parse(m.group(1), STAMP_FORMAT));
    }

    private static OptionalLong between(Optional<LocalDateTime> from, Optional<LocalDateTime> to) {
        return from.isPresent() && to.isPresent() ? OptionalLong.of(ChronoUnit.MILLIS.between(from.get(), to.get()))
                : OptionalLong.empty();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
