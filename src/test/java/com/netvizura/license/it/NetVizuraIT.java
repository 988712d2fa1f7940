package com.netvizura.license.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every integration test: deploys the WAR that {@code mvn package} just built, unchanged, into a real
 * Tomcat that Arquillian starts (see {@code arquillian.xml}), and tests it from outside as a client.
 *
 * <p>Each concrete IT declares its deployment, so that one that needs extra content (a test bean, a page, a key)
 * can add it (Arquillian collects {@code @Deployment} methods of superclasses too, so the base has none):
 * <pre>
 * &#64;Deployment(testable = false)
 * public static WebArchive deployment() {
 *     return builtWar(MyIT.class, InitialLicense.VALID);
 * }
 * </pre>
 * Every {@code *IT} runs on Tomcat 10.1; classes or methods tagged {@value #SMOKE} run on Tomcat 11 too.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class NetVizuraIT {

    /** JUnit tag of the small suite that also runs on Tomcat 11. */
    public static final String SMOKE = "smoke";

    static final String ERROR_NO_WAR =
            "ERROR_NO_WAR: [%s] does not exist; run the ITs through `mvn verify`, which builds the WAR first";

    /** The deployed application's root, e.g. {@code http://127.0.0.1:PORT/netvizura-license/}. */
    @ArquillianResource
    protected URL baseUrl;

    /**
     * The WAR from {@code target/}, named {@code netvizura-license.war} so the context path is the real one, with
     * its own fresh data directory ({@link #dataHome(Class)}, set through a context parameter so that test classes
     * never see each other's licenses) holding {@code initial}.
     */
    protected static WebArchive builtWar(Class<?> testClass, InitialLicense initial) {
        return builtWar(testClass, initial, Map.of());
    }

    /**
     * {@link #builtWar(Class, InitialLicense)} with further context parameters in {@code META-INF/context.xml}, the
     * way a site sets the plugin's settings, e.g. {@code Map.of("netvizura.license.guard", "false")}.
     */
    protected static WebArchive builtWar(Class<?> testClass, InitialLicense initial, Map<String, String> contextParams) {
        byte[] key = initial == InitialLicense.VALID
                ? TestLicenses.valid("NVZ-IT-" + testClass.getSimpleName().toUpperCase(java.util.Locale.ROOT),
                        TestLicenses.IT_LICENSEE)
                : null;
        return builtWar(testClass, key, contextParams);
    }

    /**
     * {@link #builtWar(Class, InitialLicense, Map)} whose data directory holds {@code initialKey} as the active key
     * (none when {@code null}), e.g. {@code TestLicenses.subscription(id, licensee, LocalDate.now().plusDays(10))}.
     */
    protected static WebArchive builtWar(Class<?> testClass, byte[] initialKey, Map<String, String> contextParams) {
        File war = new File(System.getProperty("it.war", "target/netvizura-license.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(String.format(ERROR_NO_WAR, war.getAbsolutePath()));
        }
        Path home = freshDataHome(testClass, initialKey);
        StringBuilder parameters = new StringBuilder();
        parameter(parameters, "netvizura.home", home.toString());
        contextParams.forEach((name, value) -> parameter(parameters, name, value));
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        String context = withParameters(archive, parameters.toString());
        archive.delete(CONTEXT_XML);
        return archive.addAsManifestResource(new StringAsset(context), "context.xml");
    }

    static final String CONTEXT_XML = "/META-INF/context.xml";
    static final String ERROR_CONTEXT_XML = "ERROR_CONTEXT_XML: the WAR's " + CONTEXT_XML + " has no </Context>";

    /**
     * The WAR's own {@code META-INF/context.xml} (its cookie settings, for one) with {@code parameters} added before
     * its end, or a context of just the parameters when the WAR has none: the test deployment must keep what the WAR
     * brings.
     */
    private static String withParameters(WebArchive archive, String parameters) {
        org.jboss.shrinkwrap.api.Node node = archive.get(CONTEXT_XML);
        if (node == null || node.getAsset() == null) {
            return "<Context>\n" + parameters + "</Context>\n";
        }
        String own;
        try (java.io.InputStream in = node.getAsset().openStream()) {
            own = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = own.lastIndexOf("</Context>");
        if (end < 0) {
            throw new IllegalStateException(ERROR_CONTEXT_XML);
        }
        return own.substring(0, end) + parameters + own.substring(end);
    }

    private static void parameter(StringBuilder context, String name, String value) {
        context.append("  <Parameter name=\"").append(xmlAttribute(name)).append("\" value=\"").append(xmlAttribute(value))
                .append("\" override=\"false\"/>\n");
    }

    private static String xmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /** The data directory ({@code netvizura.home}) of {@code testClass}'s deployment on the current Tomcat. */
    protected static Path dataHome(Class<?> testClass) {
        return Path.of(System.getProperty("it.homes", "target/it-homes"), System.getProperty("arquillian.launch", "tomcat10"),
                testClass.getSimpleName()).toAbsolutePath();
    }

    /** This test class's data directory. */
    protected Path dataHome() {
        return dataHome(getClass());
    }

    /** The active key file of this test class's deployment. */
    protected Path activeKeyFile() {
        return dataHome().resolve("license").resolve("license.key");
    }

    private static Path freshDataHome(Class<?> testClass, byte[] initialKey) {
        Path home = dataHome(testClass);
        try {
            if (Files.exists(home)) {
                try (Stream<Path> files = Files.walk(home)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(home.resolve("license"));
            if (initialKey != null) {
                Files.write(home.resolve("license").resolve("license.key"), initialKey);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }

    /** {@code path} relative to the application root ("" is the root itself). */
    protected URI url(String path) {
        try {
            return baseUrl.toURI().resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
