package com.netvizura.license.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real Tomcat 10.1 process of its own, started from the distribution that {@code mvn verify} unpacks into
 * {@code target/tomcat/} with a fresh {@code CATALINA_BASE}, a free port on 127.0.0.1 and the WAR in
 * {@code webapps/}, for tests that need what Arquillian's one container cannot give: two Tomcats on one data
 * directory, or redeploys by touching the WAR. The test users are those of {@code src/test/tomcat/conf}.
 *
 * <p>Only the plugin is deployed (no manager, no ROOT), so every web-app class loader in the process is the
 * plugin's. {@link #close()} stops the process (TERM, then KILL after a minute); a JVM shutdown hook stops those a
 * failed test left running. Nothing else is ever stopped: each instance knows the one PID it started.
 */
public final class TomcatProcess implements AutoCloseable {

    /** The context path the WAR gets, as in production. */
    public static final String CONTEXT = "netvizura-license";
    /** What Tomcat logs for every deployment of the WAR that completed. */
    public static final String DEPLOYED = "Deployment of web application archive [";
    /** What Tomcat logs for every deployment of a context file in {@code conf/Catalina/localhost/} that completed. */
    public static final String DEPLOYED_DESCRIPTOR = "Deployment of deployment descriptor [";

    static final String ERROR_NO_TOMCAT = "ERROR_NO_TOMCAT: [%s] has no bin/catalina.sh; run through `mvn verify` "
            + "or `mvn dependency:unpack@unpack-it-tomcats`, which unpack Tomcat into target/tomcat/ "
            + "(or set it.tomcat10.home)";
    /**
     * The time limit of a start, for each application deployed (a loaded machine takes minutes for one): three
     * minutes, or {@code -Dit.tomcat.startSeconds=N}.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("it.tomcat.startSeconds", 180));
    private static final Set<TomcatProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(TomcatProcess::close),
                "stop test Tomcats"));
    }

    private final Path base;
    private final Path war;
    private final Path console;
    private final int port;
    private final Process process;

    private TomcatProcess(Path base, Path war, int port, Process process) {
        this.base = base;
        this.war = war;
        this.console = base.resolve("logs").resolve("console.log");
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a Tomcat in the fresh base directory {@code base} (deleted first) with the WAR deployed and
     * {@code netvizura.home} set as a system property, and waits until the application answers.
     *
     * @param autoDeploy whether Tomcat checks {@code webapps/} every second and redeploys a touched WAR
     */
    public static TomcatProcess start(Path base, Path netvizuraHome, boolean autoDeploy) {
        Path builtWar = builtWar();
        return start(base, "-Dnetvizura.home=" + netvizuraHome.toAbsolutePath(), autoDeploy, 1,
                dir -> Files.copy(builtWar, dir.resolve("webapps").resolve(CONTEXT + ".war"),
                        StandardCopyOption.COPY_ATTRIBUTES));
    }

    /**
     * Starts a Tomcat in the fresh base directory {@code base} (deleted first) with {@code javaOptions} (besides
     * {@code -Xmx512m}); {@code deploy} puts the applications in place (a WAR in {@code webapps/}, a context file in
     * {@code conf/Catalina/localhost/}) before the start, and it waits until {@code deployments} of them are
     * deployed. The process started is Tomcat's JVM itself ({@code catalina.sh run} execs it): {@link #pid()}.
     */
    public static TomcatProcess start(Path base, String javaOptions, boolean autoDeploy, int deployments,
            Deployment deploy) {
        Path catalinaHome = catalinaHome();
        try {
            Path dir = base.toAbsolutePath();
            deleteTree(dir);
            for (String sub : List.of("conf", "logs", "temp", "webapps", "work")) {
                Files.createDirectories(dir.resolve(sub));
            }
            for (String file : List.of("catalina.properties", "context.xml", "logging.properties", "web.xml")) {
                Files.copy(catalinaHome.resolve("conf").resolve(file), dir.resolve("conf").resolve(file));
            }
            Files.copy(Path.of("src/test/tomcat/conf/tomcat-users.xml"), dir.resolve("conf/tomcat-users.xml"));
            int port = freePort();
            Files.writeString(dir.resolve("conf/server.xml"), serverXml(port, autoDeploy), StandardCharsets.UTF_8);
            deploy.into(dir);
            ProcessBuilder pb = new ProcessBuilder("bash", catalinaHome.resolve("bin/catalina.sh").toString(), "run")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("logs/console.log").toFile());
            pb.environment().put("CATALINA_HOME", catalinaHome.toString());
            pb.environment().put("CATALINA_BASE", dir.toString());
            pb.environment().put("CATALINA_OPTS", ("-Xmx512m " + javaOptions).strip());
            pb.environment().remove("JAVA_OPTS");
            TomcatProcess tomcat = new TomcatProcess(dir, dir.resolve("webapps").resolve(CONTEXT + ".war"), port,
                    pb.start());
            RUNNING.add(tomcat);
            try {
                tomcat.awaitLog("Server startup in", 1, START_TIMEOUT.multipliedBy(Math.max(1, deployments)));
            } catch (IllegalStateException e) {
                tomcat.close(); // one that is slow to start would otherwise run on beside the caller's next one
                throw e;
            }
            if (tomcat.count(DEPLOYED) + tomcat.count(DEPLOYED_DESCRIPTOR) < deployments) {
                tomcat.close();
                throw new IllegalStateException("the WAR did not deploy:\n" + tomcat.logTail());
            }
            return tomcat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts applications into a fresh {@code CATALINA_BASE} before Tomcat starts. */
    @FunctionalInterface
    public interface Deployment {
        void into(Path catalinaBase) throws IOException;
    }

    /**
     * The Tomcat 10.1 that {@code mvn verify} (or {@code mvn dependency:unpack@unpack-it-tomcats}) unpacks into
     * {@code target/tomcat/}: {@code it.tomcat10.home}, or the version pom.xml names (the one place it is named).
     */
    public static Path catalinaHome() {
        String home = System.getProperty("it.tomcat10.home");
        if (home == null) {
            Properties versions = new Properties();
            try (InputStream in = TomcatProcess.class.getResourceAsStream("tomcat.properties")) {
                versions.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            home = "target/tomcat/apache-tomcat-" + versions.getProperty("tomcat10.version");
        }
        Path catalinaHome = Path.of(home).toAbsolutePath();
        if (!Files.isRegularFile(catalinaHome.resolve("bin/catalina.sh"))) {
            throw new IllegalStateException(String.format(ERROR_NO_TOMCAT, catalinaHome));
        }
        return catalinaHome;
    }

    /** The WAR {@code mvn package} built: {@code it.war}, or {@code target/netvizura-license.war}. */
    public static Path builtWar() {
        Path builtWar = Path.of(System.getProperty("it.war", "target/netvizura-license.war")).toAbsolutePath();
        if (!Files.isRegularFile(builtWar)) {
            throw new IllegalStateException(String.format(NetVizuraIT.ERROR_NO_WAR, builtWar));
        }
        return builtWar;
    }

    private static String serverXml(int port, boolean autoDeploy) {
        // No shutdown port: the process is stopped with a signal. The realm is the test users file.
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="-1" shutdown="SHUTDOWN">
                  <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
                  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
                  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
                  <Service name="Catalina">
                    <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000"/>
                    <Engine name="Catalina" defaultHost="localhost" backgroundProcessorDelay="1">
                      <Realm className="org.apache.catalina.realm.MemoryRealm" pathname="conf/tomcat-users.xml"/>
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="%s"/>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(port, autoDeploy);
    }

    /** Deletes {@code dir} and everything below it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A port free right now; Tomcat takes it a moment later (a clash fails the start loudly). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server's root, {@code http://127.0.0.1:PORT/}. */
    public URI server() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The application's root, e.g. {@code http://127.0.0.1:PORT/netvizura-license/}. */
    public URI root() {
        return URI.create("http://127.0.0.1:" + port + "/" + CONTEXT + "/");
    }

    public long pid() {
        return process.pid();
    }

    /** Marks the WAR as changed, as an admin copying a new one does; with auto-deploy Tomcat redeploys it. */
    public void touchWar() throws IOException {
        FileTime previous = Files.getLastModifiedTime(war);
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(war, FileTime.fromMillis(Math.max(now, previous.toMillis() + 2000)));
    }

    /** Everything Tomcat wrote to its console so far (the console handler gets every log line). */
    public String log() {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many times {@code text} occurs in {@link #log()}. */
    public int count(String text) {
        String log = log();
        int n = 0;
        for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
            n++;
        }
        return n;
    }

    /** Waits until {@code text} occurs {@code times} times in the log; fails with the log's end otherwise. */
    public void awaitLog(String text, int times, Duration timeout) {
        await(() -> count(text) >= times, timeout, "[" + text + "] x" + times);
    }

    private void await(BooleanSupplier condition, Duration timeout, String what) {
        boolean seen = Poll.within(timeout, Duration.ofMillis(100), () -> {
            if (!process.isAlive() && !condition.getAsBoolean()) {
                throw new IllegalStateException("Tomcat " + base + " stopped while waiting for " + what + ":\n"
                        + logTail());
            }
            return condition.getAsBoolean();
        });
        if (!seen) {
            throw new IllegalStateException("Tomcat " + base + " did not log " + what + " within " + timeout + ":\n"
                    + logTail());
        }
    }

    /** The last 40 lines of the log, for failure messages. */
    public String logTail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** {@code jcmd} for this Tomcat's JVM. */
    public Jcmd jcmd() {
        return new Jcmd(pid());
    }

    /** Web-app class loaders alive after a full GC; only the plugin is deployed, so all of them are the plugin's. */
    public long liveWebappClassLoaders() {
        return jcmd().liveInstances("org.apache.catalina.loader.ParallelWebappClassLoader");
    }

    /** Lines in which Tomcat says the plugin left a thread, ThreadLocal or driver behind at undeploy. */
    public List<String> leakWarnings() {
        String app = "The web application [" + CONTEXT + "]";
        return log().lines().filter(l -> l.contains(app) && (l.contains("failed to stop it")
                || l.contains("failed to remove it") || l.contains("failed to unregister it"))).toList();
    }

    /** Stops Tomcat: TERM (a clean shutdown), KILL after a minute. Safe to call twice. */
    @Override
    public void close() {
        RUNNING.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
