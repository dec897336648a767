package org.smartphone.payroll.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.failure.FaultInjection;
import org.smartphone.payroll.progress.Progress;

/**
 * Publishes output files so that each appears whole or not at all: written under a hidden
 * {@code .part} name in the same folder, flushed to disk, then renamed over the final name. A
 * {@code <file>.sha256} sidecar follows the same path. The {@code .part} file is created anew and
 * exclusively ({@link PrivateFiles#create}): a link planted at its name is removed, never written
 * through, and the rename replaces a link at the final name instead of following it.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private Outbox() {}

    /** Writes one CSV of the outbox; returns its record count and digest. */
    public static PublishedFile publishCsv(Path folder, String fileName, List<String> header, CsvBody body)
            throws IOException {
        PrivateFiles files = PrivateFiles.current();
        files.createFolders(folder);
        Path part = folder.resolve("." + fileName + ".part");
        CsvOutput csv;
        try (OutputStream out = files.create(part);
                Progress progress = Progress.start("writing " + fileName, () -> 0)) {
            csv = new CsvOutput(out, header, progress);
            try (csv) {
                body.write(csv);
            }
        }
        forceToDisk(part);
        FaultInjection.reached("publish:" + fileName);
        warnIfReplacingADifferentFile(folder.resolve(fileName), csv.sha256());
        moveIntoPlace(part, folder.resolve(fileName));
        FaultInjection.reached("published:" + fileName);
        publishText(folder, fileName + ".sha256", csv.sha256() + "  " + fileName + "\n");
        return new PublishedFile(fileName, csv.records(), csv.sha256());
    }

    /** Writes a small text file (a sidecar, a manifest, a report, a refusal's reason) atomically. */
    public static void publishText(Path folder, String fileName, String text) throws IOException {
        PrivateFiles files = PrivateFiles.current();
        files.createFolders(folder);
        Path part = folder.resolve("." + fileName + ".part");
        files.write(part, text);
        forceToDisk(part);
        moveIntoPlace(part, folder.resolve(fileName));
    }

    /**
     * {@link #publishText} for a file that two processes may write at once (the period report, by
     * serve and by the report command): each writes aside under a name of its own, so that neither
     * removes or renames the other's half-written file; the last rename wins, whole. A write that fails
     * removes its own aside file.
     */
    public static void publishTextOfProcess(Path folder, String fileName, String text) throws IOException {
        PrivateFiles files = PrivateFiles.current();
        files.createFolders(folder);
        Path part =
                folder.resolve("." + fileName + "." + ProcessHandle.current().pid() + ".part");
        try {
            files.write(part, text);
            forceToDisk(part);
            moveIntoPlace(part, folder.resolve(fileName));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    /**
     * A file published before a crash and changed since is rebuilt; the log says so. Only a regular
     * file is read: a link planted at the name (to /dev/zero, a pipe) would keep the run reading.
     */
    private static void warnIfReplacingADifferentFile(Path target, String sha256) throws IOException {
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && !Sha256.of(target).equals(sha256)) {
            LOG.warn("{} differed from the ledger (altered or damaged since it was published); it is rebuilt", target);
        }
    }

    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            channel.force(true);
        }
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolderToDisk(target.getParent());
    }

    /**
     * Moves the named files of {@code folder} that are there into its subfolder {@code aside} (SPEC 6:
     * a revoked run's files go to {@code outbox/YYYY-MM/revoked-NN/}, nothing is deleted). Moving again
     * after a crash moves what is left; a file already in {@code aside} is never replaced.
     *
     * @return how many files were moved now
     */
    public static long moveAside(Path folder, List<String> names, String aside) throws IOException {
        Path target = folder.resolve(aside);
        PrivateFiles.current().createFolders(target);
        long moved = 0;
        for (String name : names) {
            Path file = folder.resolve(name);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                // a rename that fails when the name is taken: a revoked run's file is never replaced
                Files.move(file, target.resolve(name));
                moved++;
                forceFolderToDisk(target);
                forceFolderToDisk(folder);
                FaultInjection.reached("moved:" + name);
            }
        }
        return moved;
    }

    /** Makes a rename durable: the folder's own entry list is flushed too (Linux allows it). */
    static void forceFolderToDisk(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            LOG.debug("cannot flush folder {}", folder, notSupported);
        }
    }

    /** Writes the records of one output file. */
    @FunctionalInterface
    public interface CsvBody {
        void write(CsvOutput csv) throws IOException;
    }

    /** An output file as published: its name, record count and SHA-256. */
    public record PublishedFile(String name, long records, String sha256) {}
}
