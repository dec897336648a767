package org.smartphone.payroll.files;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import org.smartphone.payroll.progress.Progress;

/**
 * Writes an output CSV as SPEC 5 wants it: UTF-8 without BOM, comma, RFC 4180 quoting, LF, one
 * line per record, while computing its SHA-256. Text cells have line breaks and tabs written as a
 * space; text copied from inputs is neutralised for spreadsheets by {@link SpreadsheetText#copied(String)}.
 *
 * <p>Written by hand rather than with Commons CSV's {@code CSVPrinter}: a cell is quoted only when it
 * holds a comma or a quote, as the files have always been, which none of its quote modes does
 * ({@code MINIMAL} also quotes a cell starting with a space or {@code #}, for one), and it took
 * twice the CPU (docs/design.md).
 */
public final class CsvOutput implements Closeable {

    private final DigestOutputStream digestStream;
    private final BufferedWriter writer;
    private final StringBuilder line = new StringBuilder(256);
    private final Progress progress;
    private long records;
    private String sha256;

    public CsvOutput(OutputStream out, List<String> header) throws IOException {
        this(out, header, null);
    }

    /** @param progress told of every record written; null for none */
    public CsvOutput(OutputStream out, List<String> header, Progress progress) throws IOException {
        this.progress = progress;
        MessageDigest digest = Sha256.newDigest();
        this.digestStream = new DigestOutputStream(out, digest);
        this.writer = new BufferedWriter(new OutputStreamWriter(digestStream, StandardCharsets.UTF_8), 1 << 16);
        writeLine(header.toArray(String[]::new));
        records = 0;
    }

    /** Writes one record; cells are already formatted (numbers as plain digits). */
    public void writeRecord(String... cells) throws IOException {
        writeLine(cells);
        records++;
        if (progress != null) {
            progress.row();
        }
    }

    public long records() {
        return records;
    }

    /** Hex SHA-256 of everything written; known once closed. */
    public String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("the digest is known once the file is closed");
        }
        return sha256;
    }

    private void writeLine(String[] cells) throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendCell(cells[i] == null ? "" : cells[i]);
        }
        line.append('\n');
        writer.append(line);
    }

    private void appendCell(String raw) {
        boolean quote = false;
        int start = line.length();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                c = ' ';
            }
            if (c == '"' || c == ',') {
                quote = true;
            }
            line.append(c);
        }
        if (quote) {
            String cell = line.substring(start).replace("\"", "\"\"");
            line.setLength(start);
            line.append('"').append(cell).append('"');
        }
    }

    @Override
    public void close() throws IOException {
        if (sha256 == null) {
            writer.close();
            sha256 = Sha256.hex(digestStream.getMessageDigest());
        }
    }
}
