package org.smartphone.payroll.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium (Debian's {@code chromium} package) that renders a page from a file:
 * the DOM after rendering, or a screenshot. Each call runs with a new empty profile and with
 * everything that would reach the network switched off. When Chromium is not installed the test
 * fails in CI (CI=true, where .ci/run installs it), saying how to install it; on a developer's machine
 * with only Java and Maven it is reported as not run, with the same message.
 */
public final class Chromium {

    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;

    private Chromium() {}

    /** The DOM of the page once Chromium has rendered it ({@code --dump-dom}). */
    public static String dumpDom(Path page) {
        return new String(run(page, List.of("--dump-dom")), StandardCharsets.UTF_8);
    }

    /** A PNG of the page as a window of that size shows it. */
    public static Path screenshot(Path page, Path png, int width, int height) {
        run(
                page,
                List.of(
                        "--hide-scrollbars",
                        "--window-size=" + width + "," + height,
                        "--screenshot=" + png.toAbsolutePath()));
        if (!Files.isRegularFile(png)) {
            fail("Chromium did not write the screenshot " + png);
        }
        return png;
    }

    /**
     * Debian's chromium, else a {@code chromium} on the PATH. Without one, the test fails in CI
     * (which installs it) and is reported as not run elsewhere.
     */
    public static Path binary() {
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            return DEBIAN_CHROMIUM;
        }
        String path = System.getenv("PATH");
        for (String folder : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, "chromium");
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String missing = "The HTML period report is tested in a real browser, and Chromium is not installed"
                + " (no /usr/bin/chromium). Install Debian's chromium: apt-get update && apt-get install -y chromium"
                + " (.ci/run does this in CI).";
        if ("true".equals(System.getenv("CI"))) {
            return fail(missing);
        }
        // a developer's machine with only Java and Maven (the Quick start promise): say so, loudly
        System.err.println("NOT RUN: " + missing);
        Assumptions.abort(missing);
        return null;
    }

    private static byte[] run(Path page, List<String> what) {
        Path binary = binary();
        Path profile = null;
        Path log = null;
        Path output = null;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            log = Files.createTempFile("chromium", ".log");
            output = Files.createTempFile("chromium", ".out");
            List<String> command = new ArrayList<>(List.of(
                    binary.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile));
            command.addAll(what);
            command.add(page.toAbsolutePath().toUri().toString());
            Process process = new ProcessBuilder(command)
                    .redirectOutput(output.toFile())
                    .redirectError(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                return fail("Chromium exited with " + process.exitValue() + ": " + command + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(profile);
            delete(log);
            delete(output);
        }
    }

    private static void delete(Path path) {
        if (path == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
