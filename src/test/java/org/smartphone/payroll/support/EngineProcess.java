package org.smartphone.payroll.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.smartphone.payroll.PayrollMain;

/**
 * The engine in a process of its own (same classes and dependencies as the tests, started with
 * {@code java}), so that a test can kill it with SIGKILL or SIGTERM, or have it halt itself at a
 * named point ({@code PAYROLL_CRASH_AT}), and then look at what it left behind.
 */
public final class EngineProcess {

    /**
     * The JVM options of an engine started without options of its own: only the quick compiler (C1)
     * and the serial collector. Such an engine runs a few hundred lines at most, and most of its time
     * went into compiling Spring's start-up code with C2 on a second core the tests share: it starts
     * in half the CPU time. A test that sets its own options (a heap size for a million lines) gets
     * the JVM's defaults besides them.
     */
    private static final List<String> QUICK_START = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;
    private final Path output;

    private EngineProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@code payroll <args>} with the programme's environment plus {@code extra}, in a JVM with
     * the {@link #QUICK_START} options, from the class data sharing archive of this test JVM ({@link
     * EngineArchive}).
     */
    public static EngineProcess start(Programme programme, Map<String, String> extra, String... args) {
        return launch(programme, quickStart(), extra, args);
    }

    /**
     * Starts {@code payroll <args>} in a JVM with these options (a heap size, say) besides the JVM's
     * defaults, from the test class path, without the archive.
     */
    public static EngineProcess start(
            Programme programme, List<String> jvmOptions, Map<String, String> extra, String... args) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-cp");
        options.add(System.getProperty("java.class.path"));
        return launch(programme, options, extra, args);
    }

    /** The JVM options and class path of an engine started without options of its own. */
    private static List<String> quickStart() {
        return EngineArchive.of(QUICK_START).javaOptions();
    }

    private static EngineProcess launch(
            Programme programme, List<String> javaOptions, Map<String, String> extra, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add(PayrollMain.class.getName());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(programme.home().getParent(), "engine-", ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(programme.environment());
            builder.environment().putAll(extra);
            return new EngineProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code payroll <args>} in {@code workingDirectory} with neither {@code --home} nor {@code
     * PAYROLL_HOME}: the home is {@code ./jobs} there (SPEC 6), as for an operator who forgot both.
     */
    public static EngineProcess startIn(Path workingDirectory, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(quickStart());
        command.add(PayrollMain.class.getName());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(workingDirectory.getParent(), "engine-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(variable -> variable.startsWith("PAYROLL_"));
            return new EngineProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the end (at most five minutes) and returns the exit code. */
    public int waitFor() {
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the engine did not finish within five minutes:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The process id, as the engine names itself to a command it refuses. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
    public int kill() {
        process.destroyForcibly();
        return waitFor();
    }

    /** SIGTERM: the engine's shutdown hook asks the running job to stop. */
    public void terminate() {
        process.destroy();
    }

    /** SIGINT, as Ctrl-C on the terminal sends it. */
    public void interrupt() {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -INT " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Waits until {@code file} exists (a pause point was reached), at most a minute. */
    public static void awaitFile(Path file, EngineProcess process) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(file)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the engine never reached the pause point:\n" + process.output());
            }
            Thread.sleep(20);
        }
    }
}
