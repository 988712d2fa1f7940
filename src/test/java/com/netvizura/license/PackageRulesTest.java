package com.netvizura.license;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "May import" line of every {@code package-info.java} (DESIGN.md section 2), checked on the compiled classes:
 * a part that reaches into a part it may not import fails here with the offending class and member. The table below
 * is compared with the package-info lines too, so the words and the rule cannot drift apart.
 */
class PackageRulesTest {

    private static final String ROOT = "com.netvizura.license";

    /** Each part and the parts it may import (besides itself and, for a room, nothing of another room). */
    private static final Map<String, Set<String>> MAY_IMPORT = new LinkedHashMap<>();

    static {
        MAY_IMPORT.put("model", Set.of());
        MAY_IMPORT.put("key", Set.of("model"));
        MAY_IMPORT.put("machine", Set.of("model"));
        MAY_IMPORT.put("policy", Set.of("model"));
        MAY_IMPORT.put("store", Set.of("model", "key"));
        MAY_IMPORT.put("mail", Set.of("model"));
        MAY_IMPORT.put("service", Set.of("model", "key", "machine", "policy", "store", "mail"));
        MAY_IMPORT.put("web", Set.of("service", "model", "web.filter", "web.page", "web.api"));
        MAY_IMPORT.put("web.filter", Set.of("web", "service", "model"));
        MAY_IMPORT.put("web.page", Set.of("web", "service", "model"));
        MAY_IMPORT.put("web.api", Set.of("web", "service", "model"));
        MAY_IMPORT.put("issuer", Set.of("key", "model", "machine"));
    }

    /** Only these classes of {@code web} wire the rooms in; the rest of {@code web} is shared by the rooms. */
    private static final List<String> WEB_START_UP = List.of("LicenseInitializer", "WebRegistration");

    private static final Set<String> PURE = Set.of("model", "key", "machine", "policy", "store", "mail");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPart_isInTheTable() {
        Set<String> found = new TreeSet<>();
        classes.forEach(c -> found.add(part(c.getPackageName())));
        found.remove("");
        assertEquals(new TreeSet<>(MAY_IMPORT.keySet()), found,
                "a package was added or removed: give it a package-info.java with its May import line and a row here");
    }

    @TestFactory
    Stream<DynamicTest> eachPart_importsOnlyWhatItsPackageInfoAllows() {
        return MAY_IMPORT.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String[] forbidden = MAY_IMPORT.keySet().stream()
                    .filter(other -> !other.equals(e.getKey()) && !e.getValue().contains(other))
                    .map(PackageRulesTest::exactPackage)
                    .toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage(exactPackage(e.getKey()))
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because("package-info.java of " + e.getKey() + " says what it may import");
            rule.check(classes);
        }));
    }

    @Test
    void webSharedRules_neverImportTheRooms() {
        noClasses().that().resideInAPackage(exactPackage("web"))
                .and().haveSimpleNameNotStartingWith(WEB_START_UP.get(0))
                .and().haveSimpleNameNotStartingWith(WEB_START_UP.get(1))
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".web.filter", ROOT + ".web.page",
                        ROOT + ".web.api")
                .because("the rooms import web's request rules; only the start-up wires the rooms in")
                .check(classes);
    }

    @Test
    void pureParts_haveNoServletOrFaces() {
        String[] pure = PURE.stream().map(PackageRulesTest::exactPackage).toArray(String[]::new);
        noClasses().that().resideInAnyPackage(pure)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "jakarta.faces..",
                        "jakarta.enterprise..", "org.primefaces..")
                .because("DESIGN.md section 2: pure parts are unit-tested without a container")
                .check(classes);
    }

    @TestFactory
    Stream<DynamicTest> packageInfo_namesTheSamePartsAsTheTable() {
        return MAY_IMPORT.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path info = Path.of("src/main/java", (ROOT + "." + e.getKey()).replace('.', '/'), "package-info.java");
            assertTrue(Files.isRegularFile(info), "missing " + info);
            assertEquals(new TreeSet<>(e.getValue()), namedParts(info), info + ": its May import line");
        }));
    }

    /** The parts a package-info names: "May import: web (its request rules), service and model." */
    private static Set<String> namedParts(Path info) throws IOException {
        String text = Files.readString(info, StandardCharsets.UTF_8).replaceAll("\\s*\\*\\s*", " ");
        Set<String> named = new TreeSet<>();
        if (text.contains("Imports nothing of the project")) {
            return named;
        }
        Matcher line = Pattern.compile("May import: ([^.;]*(?:\\.[a-z]+[^.;]*)*)[.;]").matcher(text);
        assertTrue(line.find(), info + " has no 'May import:' line");
        String words = line.group(1);
        if (words.startsWith("every other part except")) {
            Set<String> except = parts(words);
            MAY_IMPORT.keySet().stream().filter(p -> !p.contains(".") && !except.contains(p))
                    .forEach(named::add);
            named.remove(info.getParent().getFileName().toString());
            return named;
        }
        named.addAll(parts(words));
        if (text.contains("only the start-up classes") && text.contains("import the rooms")) {
            named.addAll(Set.of("web.filter", "web.page", "web.api"));
        }
        return named;
    }

    private static Set<String> parts(String words) {
        Set<String> parts = new TreeSet<>();
        Matcher m = Pattern.compile("\\b([a-z]+(?:\\.[a-z]+)?)\\b").matcher(words);
        while (m.find()) {
            if (MAY_IMPORT.containsKey(m.group(1))) {
                parts.add(m.group(1));
            }
        }
        return parts;
    }

    private static String part(String packageName) {
        return packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
    }

    /** ArchUnit's syntax for "this package, not its subpackages". */
    private static String exactPackage(String part) {
        return ROOT + "." + part;
    }
}
