package org.smartphone.payroll.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.smartphone.payroll.PayrollMain;

/**
 * A class data sharing archive of the engine, made once per test JVM, from which the engines of
 * {@link EngineProcess} start, as {@code scripts/payroll} starts an operator's engine from one: an
 * engine in a process of its own then spends about a quarter less CPU starting (docs/development.md,
 * Tests). The archive only changes where the JVM reads classes from, not what the engine does.
 *
 * <p>Java 17 archives classes from jar files only, and the tests run on the build's folders
 * ({@code target/classes}, {@code target/test-classes}): each folder of the test class path is copied
 * into a jar, in the same place of the class path. The archive is written at the exit of a training
 * run (the sample contracts imported, the sample register of 2026-01 deducted) in {@code
 * target/engine-archive/}. When the training fails the engines start as before, from the test class
 * path: the archive is only an accelerator.
 */
final class EngineArchive {

    /** The JVM options of the engines that start from the archive; the same ones train it. */
    private final List<String> jvmOptions;
    /** The class path with jars in place of the folders, the one the archive was made with. */
    private final String classPath;
    /** The archive itself, or empty when the training failed. */
    private final Optional<Path> archive;

    private static EngineArchive instance;

    private EngineArchive(List<String> jvmOptions, String classPath, Optional<Path> archive) {
        this.jvmOptions = jvmOptions;
        this.classPath = classPath;
        this.archive = archive;
    }

    /** The archive made with these JVM options, made or found on the first call of this test JVM. */
    static synchronized EngineArchive of(List<String> jvmOptions) {
        if (instance == null) {
            instance = make(jvmOptions);
        }
        if (!instance.jvmOptions.equals(jvmOptions)) {
            throw new IllegalArgumentException("one archive per test JVM, made with " + instance.jvmOptions);
        }
        return instance;
    }

    /** The options and class path of {@code java} to start an engine from the archive. */
    List<String> javaOptions() {
        List<String> options = new ArrayList<>(jvmOptions);
        archive.ifPresent(file -> options.addAll(List.of(
                "-XX:SharedArchiveFile=" + file,
                // a JVM that cannot map the archive starts without it; it says nothing on the engine's output
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off")));
        options.add("-cp");
        options.add(archive.isPresent() ? classPath : System.getProperty("java.class.path"));
        return options;
    }

    /**
     * Makes the archive in {@code target/engine-archive/}, or takes the one there when it was made from
     * the same classes, JDK and options: the two test JVMs of a run share one, and a later run on the
     * same build reuses it. A lock file keeps the second test JVM waiting while the first one trains.
     */
    private static EngineArchive make(List<String> jvmOptions) {
        Path folder = Path.of("target", "engine-archive");
        try (FileChannel lockFile = FileChannel.open(
                        Files.createDirectories(Path.of("target")).resolve("engine-archive.lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            String key = key(jvmOptions);
            Path keyFile = folder.resolve("key.txt");
            Path archive = folder.resolve("engine.jsa");
            Path classPathFile = folder.resolve("class-path.txt");
            if (Files.isRegularFile(archive)
                    && Files.isRegularFile(keyFile)
                    && Files.readString(keyFile).equals(key)) {
                return new EngineArchive(jvmOptions, Files.readString(classPathFile), Optional.of(archive));
            }
            delete(folder);
            Files.createDirectories(folder);
            String classPath = jarredClassPath(folder);
            if (train(jvmOptions, classPath, folder, archive)) {
                Files.writeString(classPathFile, classPath);
                Files.writeString(keyFile, key);
                return new EngineArchive(jvmOptions, classPath, Optional.of(archive));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("The engines start without a class data sharing archive: " + e);
        }
        return new EngineArchive(jvmOptions, System.getProperty("java.class.path"), Optional.empty());
    }

    /**
     * What the archive was made from: the JDK, the options, the test class path, and for each of its
     * folders the number, total size and latest change of its files (a build that changed a class
     * changes one of them).
     */
    private static String key(List<String> jvmOptions) throws IOException {
        StringBuilder key = new StringBuilder()
                .append(System.getProperty("java.home"))
                .append('\n')
                .append(jvmOptions)
                .append('\n')
                .append(System.getProperty("java.class.path"))
                .append('\n');
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                long files = 0;
                long bytes = 0;
                long latest = 0;
                try (Stream<Path> paths = Files.walk(path)) {
                    for (Path file : paths.filter(Files::isRegularFile).toList()) {
                        files++;
                        bytes += Files.size(file);
                        latest =
                                Math.max(latest, Files.getLastModifiedTime(file).toMillis());
                    }
                }
                key.append(entry)
                        .append(' ')
                        .append(files)
                        .append(' ')
                        .append(bytes)
                        .append(' ')
                        .append(latest);
                key.append('\n');
            }
        }
        return key.toString();
    }

    /** The test class path with each folder replaced by a jar of it, made in {@code folder}. */
    private static String jarredClassPath(Path folder) throws IOException {
        List<String> entries = new ArrayList<>();
        int folders = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = folder.resolve("classes-" + ++folders + ".jar");
                jar(path, jar);
                entries.add(jar.toAbsolutePath().toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * A jar of the folder's files, with an entry for each folder too: Spring finds the engine's
     * components by listing its packages, which a jar without folder entries would not answer.
     */
    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.sorted().toList()) {
                if (path.equals(classes)) {
                    continue;
                }
                String name = classes.relativize(path).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
    }

    /**
     * The sample contracts imported, then the sample register of 2026-01 deducted by an engine that
     * writes the classes it loaded into the archive as it exits: Spring, Spring Batch, H2, Flyway and
     * the engine's own classes for the commands the tests run most.
     */
    private static boolean train(List<String> jvmOptions, String classPath, Path folder, Path archive)
            throws IOException {
        Path home = folder.resolve("training");
        Files.createDirectories(home.resolve("inbox"));
        Path samples = Path.of("sample-data");
        Files.copy(samples.resolve("contracts.csv"), home.resolve("inbox/contracts.csv"));
        Files.copy(samples.resolve("payroll-2026-01.csv"), home.resolve("inbox/payroll-2026-01.csv"));
        Path part = folder.resolve("engine.jsa.part");
        boolean trained = run(jvmOptions, classPath, folder, home, "import-contracts")
                && run(
                        concat(
                                jvmOptions,
                                "-XX:ArchiveClassesAtExit=" + part,
                                "-Xlog:cds=off",
                                "-Xlog:cds+dynamic=off"),
                        classPath,
                        folder,
                        home,
                        "deduct",
                        "--period",
                        "2026-01");
        delete(home);
        if (!trained || !Files.isRegularFile(part) || Files.size(part) == 0) {
            System.err.println("The engines start without a class data sharing archive: the training run failed;"
                    + " see " + folder.resolve("training.log"));
            return false;
        }
        Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static boolean run(List<String> jvmOptions, String classPath, Path folder, Path home, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, PayrollMain.class.getName(), "--home", home.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("training.log").toFile()));
        // the default settings and the embedded database, whatever the test JVM was given
        builder.environment().keySet().removeIf(variable -> variable.startsWith("PAYROLL_"));
        try {
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> concat(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
