package io.stsgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package table of {@code docs/architecture.md} is the rule: every class of {@code src/main} lives in a package of
 * the table, depends on another package of stsgate only where the "may use" column names it, and the packages marked
 * "JDK only" use nothing beyond the JDK. The page and the code change together: a new edge fails here until the page
 * says it is allowed.
 */
class ArchitectureTest {

    private static final String ROOT = "io.stsgate.";
    private static final Path PAGE = Path.of("docs", "architecture.md");
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final int MAX_LINES = 300;
    private static PackageTable table;
    private static JavaClasses classes;

    @BeforeAll
    static void readPageAndCode() throws IOException {
        table = PackageTable.parse(Files.readAllLines(PAGE));
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.stsgate");
    }

    @Test
    void theTableIsReadFromThePage() {
        assertThat(table.rows()).containsKeys("engine", "policy", "api.query", "runtime");
        assertThat(table.rows().get("api.query").mayUse()).contains("engine");
        assertThat(classes.size()).isGreaterThan(100);
    }

    @Test
    void theParserReadsEntriesWildcardsNotesAndLibraries() {
        var parsed = PackageTable.parse(List.of("| package | holds | may use |", "|---|---|---|",
                "| `api.x` | x | engine, identity.* (until y, z), config |", "| `engine` | e | policy, JDBC |",
                "| `identity.oidc` | o | SmallRye JWT |", "| `identity.saml` | s | OpenSAML |",
                "| `policy` | p | JDK only |", "| `config` | c | — |", "| `runtime` | r | everything |", "",
                "| `ignored` | after the table | engine |"));
        assertThat(parsed.rows().keySet()).containsExactly("api.x", "engine", "identity.oidc", "identity.saml",
                "policy", "config", "runtime");
        assertThat(parsed.rows().get("api.x").mayUse()).containsExactlyInAnyOrder("engine", "identity.oidc",
                "identity.saml", "config");
        assertThat(parsed.allows("api.x", "identity.saml")).isTrue();
        assertThat(parsed.allows("engine", "api.x")).isFalse();
        assertThat(parsed.allows("engine", "config")).isFalse();
        assertThat(parsed.allows("runtime", "api.x")).isTrue();
        assertThat(parsed.rows().get("policy").jdkOnly()).isTrue();
        assertThat(parsed.rowOf("io.stsgate.identity.oidc.jwks")).contains("identity.oidc");
        assertThat(parsed.rowOf("io.stsgate.identity")).isEmpty();
        assertThat(parsed.rowOf("org.example.engine")).isEmpty();
    }

    @Test
    void everyClassLivesInAPackageOfTheTable() {
        var homeless = new TreeSet<String>();
        for (JavaClass type : classes) {
            if (table.rowOf(type.getPackageName()).isEmpty()) {
                homeless.add(type.getPackageName());
            }
        }
        assertThat(homeless).as("packages missing from the table in %s", PAGE).isEmpty();
    }

    @Test
    void packagesUseOnlyWhatTheTableAllows() {
        var violations = new TreeSet<String>();
        for (JavaClass type : classes) {
            Optional<String> from = table.rowOf(type.getPackageName());
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                Optional<String> to = table.rowOf(target.getPackageName());
                if (to.isPresent() && !table.allows(from.get(), to.get())) {
                    violations.add(from.get() + " -> " + to.get() + ": " + type.getName() + " uses " + target.getName());
                }
            }
        }
        assertThat(violations).as("edges the 'may use' column of %s does not allow", PAGE).isEmpty();
    }

    @Test
    void jdkOnlyPackagesUseOnlyTheJdk() {
        var violations = new TreeSet<String>();
        for (JavaClass type : classes) {
            Optional<String> from = table.rowOf(type.getPackageName());
            if (from.isEmpty() || !table.rows().get(from.get()).jdkOnly()) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                String name = target.getPackageName();
                boolean jdk = target.isPrimitive() || name.startsWith("java.") || name.startsWith("javax.");
                if (!jdk && !table.rowOf(name).equals(from)) {
                    violations.add(from.get() + ": " + type.getName() + " uses " + target.getName());
                }
            }
        }
        assertThat(violations).as("JDK-only packages reaching beyond the JDK").isEmpty();
    }

    @Test
    void noApiPackageUsesAnother() {
        for (var row : table.rows().values()) {
            if (row.name().startsWith("api.")) {
                assertThat(row.mayUse()).as("%s may use", row.name()).noneMatch(used -> used.startsWith("api."));
            }
        }
    }

    /** Issue #19: a class that grows past a screenful or three has more than one job; split it along its seams. */
    @Test
    void noSourceFileIsLongerThanThreeHundredLines() throws IOException {
        var offenders = new TreeSet<String>();
        var files = new ArrayList<Path>();
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            walk.filter(file -> file.toString().endsWith(".java")).forEach(files::add);
        }
        for (Path file : files) {
            String relative = SOURCES.relativize(file).toString().replace(File.separatorChar, '/');
            int lines = Files.readAllLines(file).size();
            if (lines > MAX_LINES) {
                offenders.add(relative + " (" + lines + " lines)");
            }
        }
        assertThat(files).as("sources under %s", SOURCES).hasSizeGreaterThan(100);
        assertThat(offenders).as("files in %s over %d lines", SOURCES, MAX_LINES).isEmpty();
    }

    /** One row of the table: a package (relative to io.stsgate), the stsgate packages it may use, JDK-only or not. */
    record Row(String name, Set<String> mayUse, boolean everything, boolean jdkOnly) {
    }

    /** The table under the header {@code | package | holds | may use |}. */
    record PackageTable(Map<String, Row> rows) {

        static PackageTable parse(List<String> lines) {
            int header = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).replace(" ", "").startsWith("|package|holds|mayuse|")) {
                    header = i;
                    break;
                }
            }
            if (header < 0) {
                throw new IllegalStateException(PAGE + " has no '| package | holds | may use |' table");
            }
            var cells = new ArrayList<String[]>();
            for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                cells.add(lines.get(i).split("(?<!\\\\)\\|"));
            }
            var names = new LinkedHashSet<String>();
            for (String[] row : cells) {
                names.add(unquote(row[1]));
            }
            var rows = new LinkedHashMap<String, Row>();
            for (String[] row : cells) {
                String name = unquote(row[1]);
                String column = row[row.length - 1].trim();
                var mayUse = new LinkedHashSet<String>();
                for (String entry : column.split(",(?![^(]*\\))")) {
                    String used = unquote(entry);
                    if (used.endsWith(".*")) {
                        String prefix = used.substring(0, used.length() - 1);
                        names.stream().filter(known -> known.startsWith(prefix)).forEach(mayUse::add);
                    } else {
                        // a package covers its sub-packages: "identity" is identity.oidc, identity.saml, ...
                        names.stream().filter(known -> known.equals(used) || known.startsWith(used + "."))
                                .forEach(mayUse::add);
                    }
                }
                rows.put(name, new Row(name, mayUse, column.equalsIgnoreCase("everything"),
                        column.equalsIgnoreCase("JDK only")));
            }
            return new PackageTable(rows);
        }

        private static String unquote(String cell) {
            return cell.trim().replace("`", "").replaceAll("\\s*\\(.*\\)$", "");
        }

        /** The row of a Java package: the longest table entry it is, or lies under. */
        Optional<String> rowOf(String javaPackage) {
            if (!javaPackage.startsWith(ROOT)) {
                return Optional.empty();
            }
            String relative = javaPackage.substring(ROOT.length());
            return rows.keySet().stream()
                    .filter(name -> relative.equals(name) || relative.startsWith(name + "."))
                    .max(Comparator.comparingInt(String::length));
        }

        boolean allows(String from, String to) {
            Row row = rows.get(from);
            return from.equals(to) || row.everything() || row.mayUse().contains(to);
        }
    }
}
