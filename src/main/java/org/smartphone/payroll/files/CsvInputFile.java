package org.smartphone.payroll.files;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.smartphone.payroll.failure.FaultInjection;

/**
 * An input CSV file read one record at a time, as SPEC 5 "Inputs (all)" describes: a header row
 * naming the columns (any order, any case, unknown ones ignored), {@code ,} or {@code ;}, UTF-8
 * with or without BOM, RFC 4180 quoting. Records whose cells are all blank are skipped.
 *
 * <p>Streams: memory does not grow with the file. Problems of the whole file are thrown as
 * {@link InputFileException}: missing or duplicate column (with the renames {@link HeaderAdvice} finds),
 * empty file, tab- or |-separated file, bytes that are not UTF-8, NUL byte, unclosed quote, line over
 * 1 MB. A file that does not exist, is not a regular file (a folder, a named pipe, a device) or cannot
 * be opened is reported on line 0 (there is no line to point to). An I/O failure while reading is not a
 * problem of the file and is thrown as {@link UncheckedIOException}.
 */
public final class CsvInputFile implements Closeable {

    private final String fileName;
    private final Utf8LineReader reader;
    private final RecordParser parser;
    private final int[] slotOf;
    private final int namedCells;
    private final int slotCount;
    private final Map<String, Integer> slotByColumn;
    private final CountingStream counted;
    private final Source source;

    private CsvInputFile(
            String fileName,
            Utf8LineReader reader,
            RecordParser parser,
            int[] slotOf,
            int slotCount,
            int namedCells,
            Map<String, Integer> slotByColumn,
            CountingStream counted,
            Source source) {
        this.namedCells = namedCells;
        this.fileName = fileName;
        this.source = source;
        this.counted = counted;
        this.reader = reader;
        this.parser = parser;
        this.slotOf = slotOf;
        this.slotCount = slotCount;
        this.slotByColumn = slotByColumn;
    }

    /**
     * Opens the file and reads its header; a symbolic link is followed (see the other {@code open}).
     *
     * @param requiredColumns columns the header must name (lower case)
     * @param optionalColumns columns read when present; {@link InputRecord#get} gives "" otherwise
     */
    public static CsvInputFile open(Path file, List<String> requiredColumns, List<String> optionalColumns)
            throws InputFileException {
        return open(file, true, requiredColumns, optionalColumns);
    }

    /**
     * Opens the file, only when it is a regular file (see {@link RegularFile}), and reads its header.
     * The bytes are hashed as they are parsed, so that {@link #sha256} identifies exactly what was read.
     *
     * @param followLinks whether a symbolic link is followed (a file named outside the inbox) or
     *     refused (a file in the inbox, SPEC 6)
     */
    public static CsvInputFile open(
            Path file, boolean followLinks, List<String> requiredColumns, List<String> optionalColumns)
            throws InputFileException {
        String name = Objects.toString(file.getFileName(), file.toString());
        RegularFile opened;
        try {
            opened = RegularFile.open(file, followLinks);
        } catch (RegularFile.NotRegularException e) {
            throw new InputFileException(name, new InputError(0, "", "", e.getMessage()));
        } catch (IOException e) {
            throw new InputFileException(
                    name,
                    new InputError(
                            0,
                            "",
                            "",
                            "The file " + InputName.escaped(file.toString()) + " cannot be opened: " + e.getMessage()
                                    + "."));
        }
        MessageDigest digest = Sha256.newDigest();
        CountingStream counted = new CountingStream(new DigestInputStream(opened.stream(), digest));
        InputStream in = new BufferedInputStream(counted, 1 << 16);
        Utf8LineReader reader = new Utf8LineReader(in, name);
        Source source = new Source(opened, in, digest);
        try {
            RecordParser parser = new RecordParser(reader, Delimiter.sniff(in));
            return withHeader(name, reader, parser, requiredColumns, optionalColumns, counted, source);
        } catch (InputFileException | RuntimeException e) {
            closeQuietly(reader, e);
            throw e;
        }
    }

    private static CsvInputFile withHeader(
            String name,
            Utf8LineReader reader,
            RecordParser parser,
            List<String> required,
            List<String> optional,
            CountingStream counted,
            Source source)
            throws InputFileException {
        RecordParser.Raw header = parser.nextHeader();
        if (header == null || header.blank()) {
            throw headerProblem(name, "", noHeader(header, parser, counted.count, String.join(",", required)));
        }
        if (header.problem() != null) {
            throw headerProblem(name, "", "The header row is not valid CSV. " + header.problem());
        }
        String[] names = header.cells();
        if (names.length == 1 && names[0].indexOf('\t') >= 0) {
            throw headerProblem(name, "", "The file is tab-separated; save it as CSV with , or ; between values.");
        }
        if (names.length == 1 && names[0].indexOf('|') >= 0) {
            throw headerProblem(name, "", "The file has | between values; save it as CSV with , or ; between values.");
        }
        Map<String, Integer> positionOf = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String column = names[i].toLowerCase(Locale.ROOT);
            Integer earlier = positionOf.putIfAbsent(column, i);
            boolean used = required.contains(column) || optional.contains(column);
            if (earlier != null && used) {
                throw headerProblem(
                        name,
                        column,
                        "The header row names the column " + column + " twice" + " (columns " + (earlier + 1) + " and "
                                + (i + 1) + "); each column must appear once.");
            }
        }
        int[] slotOf = new int[names.length];
        Arrays.fill(slotOf, -1);
        Map<String, Integer> slotByColumn = new HashMap<>();
        List<String> missing = new ArrayList<>();
        int slotCount = 0;
        for (String column : concat(required, optional)) {
            Integer position = positionOf.get(column);
            if (position == null) {
                slotByColumn.put(column, -1);
                if (required.contains(column)) {
                    missing.add(column);
                }
            } else if (!slotByColumn.containsKey(column)) {
                slotOf[position] = slotCount;
                slotByColumn.put(column, slotCount++);
            }
        }
        if (!missing.isEmpty()) {
            List<String> absent = concat(required, optional).stream()
                    .filter(c -> !positionOf.containsKey(c))
                    .toList();
            throw headerProblem(name, missing.get(0), HeaderAdvice.reason(List.of(names), lowerCase(required), absent));
        }
        // a column under another name whose absence gives a default that changes the money (SPEC 2)
        List<String> unread = Arrays.stream(names)
                .filter(cell -> !required.contains(cell.toLowerCase(Locale.ROOT))
                        && !optional.contains(cell.toLowerCase(Locale.ROOT)))
                .toList();
        List<String> defaulted =
                optional.stream().filter(c -> !positionOf.containsKey(c)).toList();
        Map<String, String> meant = HeaderAdvice.defaultsMeant(unread, defaulted);
        if (!meant.isEmpty()) {
            String column = meant.values().iterator().next();
            throw headerProblem(name, column, HeaderAdvice.defaultsReason(meant));
        }
        int namedCells = names.length;
        while (namedCells > 0 && names[namedCells - 1].isBlank()) {
            namedCells--;
        }
        return new CsvInputFile(
                name, reader, parser, slotOf, slotCount, namedCells, Map.copyOf(slotByColumn), counted, source);
    }

    /** The next record with at least one non-blank cell, or null at the end of the file. */
    public InputRecord next() throws InputFileException {
        RecordParser.Raw raw;
        do {
            raw = parser.next(slotOf, slotCount, namedCells);
            if (raw == null) {
                return null;
            }
        } while (raw.blank());
        FaultInjection.reached("read"); // the n-th record read: where a test edits the file in place
        return new InputRecord(raw.line(), raw.cells(), slotByColumn, raw.problem(), raw.shifted());
    }

    public String fileName() {
        return fileName;
    }

    /** Bytes read from the file so far (ahead of the records returned by up to one 64 KB buffer). */
    public long bytesRead() {
        return counted.count;
    }

    /**
     * The SHA-256 of every byte of the file read, once {@link #next} has returned null: the digest of
     * exactly what was parsed, to compare with the one the run started with (a file edited in place
     * while it is read gives another). Any byte not read yet is read first.
     */
    public String sha256() throws IOException {
        byte[] rest = new byte[1 << 16];
        while (source.buffered().read(rest) >= 0) {
            // normally nothing is left: next() returned null at the end of the bytes
        }
        return Sha256.hex(source.digest());
    }

    /** Whether the path no longer names the file opened (removed or replaced since, see {@link RegularFile}). */
    public boolean replaced() {
        return source.file().replaced();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * Why there is no header, in the words of what the file holds: nothing at all (0 bytes, often a file
     * saved or copied before it was written), only a byte order mark, only blank lines, or a blank first
     * line before the rest. Read further only here, once the file has already failed.
     */
    private static String noHeader(RecordParser.Raw header, RecordParser parser, long bytesRead, String example)
            throws InputFileException {
        String rule = ": its first line must name the columns, for example " + example + ".";
        if (header == null) {
            return bytesRead == 0
                    ? "The file is empty (0 bytes): save or export it again, with a header row naming"
                            + " the columns, for example " + example + "."
                    : "The file holds only a byte order mark, no header row" + rule;
        }
        RecordParser.Raw next = parser.nextHeader();
        while (next != null && next.blank()) {
            next = parser.nextHeader();
        }
        return (next == null
                        ? "The file holds only blank lines, no header row"
                        : "The first line of the file is blank, so it has no header row")
                + rule;
    }

    private static InputFileException headerProblem(String name, String column, String reason) {
        return new InputFileException(name, new InputError(1, column, "", reason));
    }

    private static List<String> lowerCase(List<String> columns) {
        return columns.stream().map(column -> column.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> concat(List<String> required, List<String> optional) {
        List<String> all = new ArrayList<>(required.size() + optional.size());
        for (String column : required) {
            all.add(column.toLowerCase(Locale.ROOT));
        }
        for (String column : optional) {
            all.add(column.toLowerCase(Locale.ROOT));
        }
        return all;
    }

    /** Counts the bytes read, for progress: the buffer above reads in 64 KB blocks, so this costs nothing. */
    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** The file opened, the buffered stream the parser reads, and the digest of the bytes it has read. */
    private record Source(RegularFile file, InputStream buffered, MessageDigest digest) {}

    private static void closeQuietly(Closeable closeable, Exception failure) {
        try {
            closeable.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
