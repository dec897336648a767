package org.smartphone.payroll.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code rejected/<input file name>.errors.csv}: every invalid line of an input file (SPEC 5,
 * "Invalid lines and nothing lost"). UTF-8 without BOM, comma, RFC 4180 quoting, LF, sorted by
 * line. It appears whole (written aside, then renamed) and replaces the one of an earlier attempt.
 */
public final class RejectedLinesFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setRecordSeparator("\n")
            .setHeader("line", "column", "value", "reason")
            .get();

    private RejectedLinesFile() {}

    /** Writes the errors file; with no error, removes an old one instead (it is written only on error). */
    public static void write(Path rejectedDir, String inputFileName, List<InputError> errors) throws IOException {
        if (errors.isEmpty()) {
            deleteStale(rejectedDir, inputFileName);
            return;
        }
        List<InputError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingLong(InputError::line)); // stable: a line keeps its column order
        write(rejectedDir, inputFileName, sorted.iterator());
    }

    /**
     * Writes the errors file from rows already sorted by line, at least one, read as they are written
     * (there may be more of them than memory holds).
     */
    public static void write(Path rejectedDir, String inputFileName, Iterator<InputError> sortedByLine)
            throws IOException {
        PrivateFiles files = PrivateFiles.current();
        files.createFolders(rejectedDir);
        Path target = target(rejectedDir, inputFileName);
        // a short temporary name: the input's own name may already be near the file system's limit
        Path temporary = rejectedDir.resolve(".errors-" + UUID.randomUUID() + ".tmp");
        try {
            try (Writer out = new BufferedWriter(
                            new OutputStreamWriter(files.create(temporary), StandardCharsets.UTF_8));
                    CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
                while (sortedByLine.hasNext()) {
                    InputError error = sortedByLine.next();
                    printer.printRecord(
                            error.line(), flatten(error.column()), neutralised(error.value()), flatten(error.reason()));
                }
            }
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                channel.force(true); // the rename must not publish a file whose bytes a crash can lose
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Removes the temporary errors files a process killed while writing one left behind: they hold
     * input values. One command runs at a time (SPEC 6), so none of them is being written.
     */
    public static void removeLeftovers(Path rejectedDir) {
        if (!Files.isDirectory(rejectedDir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(rejectedDir, ".errors-*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove temporary files in " + rejectedDir, e);
        }
    }

    /** Removes the errors file left by an earlier attempt, if any. */
    public static void deleteStale(Path rejectedDir, String inputFileName) {
        try {
            Files.deleteIfExists(target(rejectedDir, inputFileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path target(Path rejectedDir, String inputFileName) {
        if (inputFileName.isEmpty() || inputFileName.contains("/")) {
            throw new IllegalArgumentException("not a file name: " + inputFileName);
        }
        return rejectedDir.resolve(inputFileName + ".errors.csv");
    }

    /** Cell values come from the input: a spreadsheet must never evaluate them as a formula. */
    private static String neutralised(String value) {
        return flatten(SpreadsheetText.copied(value));
    }

    /** One record per line, as in every output file. */
    private static String flatten(String text) {
        return text.replace("\r\n", " ")
                .replace('\r', ' ')
                .replace('\n', ' ')
                .replace('\t', ' ')
                .replace('\u2028', ' ')
                .replace('\u2029', ' ')
                .replace('\u0085', ' ');
    }
}
