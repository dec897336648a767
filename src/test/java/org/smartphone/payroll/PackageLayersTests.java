package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the engine form layers, each importing only from those below it, so that a rule
 * has one home and a newcomer can read the code from the bottom up (docs/design.md, "The packages"). A new
 * package takes its place in {@link #LAYERS}; an import from a lower layer to a higher one is a type in
 * the wrong package, or a dependency to turn around.
 */
class PackageLayersTests {

    private static final Path SOURCES = Path.of("src/main/java/org/smartphone/payroll");
    private static final String ROOT = "org.smartphone.payroll";

    /** Lowest first; "" is the root package (the Spring application and the entry point). */
    private static final List<String> LAYERS = List.of(
            "text",
            "period",
            "failure",
            "progress",
            "files",
            "config",
            "ledger",
            "run",
            "contract",
            "arrears",
            "refund",
            "stop",
            "deduction",
            "reconciliation",
            "payment",
            "supplement",
            "action",
            "report",
            "revocation",
            "statement",
            "metrics",
            "schedule",
            "cli",
            "",
            "bench");

    /**
     * The one import allowed to run up: the command line starts the Spring application, whose class
     * must stay in the root package for component scanning, and which imports nothing itself.
     */
    private static final Set<String> ALLOWED = Set.of("cli.Engine -> PayrollApplication");

    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?" + Pattern.quote(ROOT) + "\\.((?:[a-z]\\w*\\.)*)([A-Z]\\w*)",
            Pattern.MULTILINE);

    @Test
    void noPackageImportsFromAHigherOne() throws IOException {
        List<String> upward = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = SOURCES.relativize(file.getParent() == null ? SOURCES : file.getParent())
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                String name = file.getFileName().toString().replace(".java", "");
                Matcher imported = IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    String target = imported.group(1).isEmpty()
                            ? ""
                            : imported.group(1).substring(0, imported.group(1).length() - 1);
                    if (!LAYERS.contains(own) || !LAYERS.contains(target)) {
                        unplaced.add((LAYERS.contains(own) ? target : own) + " (add it to LAYERS)");
                    } else if (LAYERS.indexOf(target) > LAYERS.indexOf(own)
                            && !ALLOWED.contains(own + "." + name + " -> " + imported.group(2))) {
                        upward.add(own + "." + name + " -> " + target + "." + imported.group(2));
                    }
                }
            }
        }
        assertThat(unplaced).as("packages without a layer").isEmpty();
        assertThat(upward).as("imports from a lower layer to a higher one").isEmpty();
    }
}
