package org.smartphone.payroll.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A streaming CSV writer: comma, LF, RFC 4180 quoting only where a cell needs it. One reused
 * line buffer and a large BufferedWriter, so memory stays constant whatever the row count.
 */
final class CsvLine implements AutoCloseable {

    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private boolean first = true;
    private long rows;

    CsvLine(Path file, String header) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
        out.write(header);
        out.write('\n');
    }

    CsvLine text(String cell) {
        separate();
        if (cell == null) {
            return this;
        }
        boolean quote = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            line.append(cell);
        } else {
            line.append('"');
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
            line.append('"');
        }
        return this;
    }

    CsvLine number(long value) {
        separate();
        line.append(value);
        return this;
    }

    /** A cell written as is (the caller knows it needs no quoting). */
    CsvLine raw(CharSequence cell) {
        separate();
        line.append(cell);
        return this;
    }

    void end() throws IOException {
        line.append('\n');
        out.append(line);
        line.setLength(0);
        first = true;
        rows++;
    }

    long rows() {
        return rows;
    }

    private void separate() {
        if (!first) {
            line.append(',');
        }
        first = false;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
