package org.smartphone.payroll.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The floor of an input run: the file merely parsed with Apache Commons CSV, every record read and
 * every cell touched, nothing validated or stored. Prints one line per file:
 * {@code <file> records=<n> parse_s=<seconds>}. The delimiter is taken from the header line as the
 * engine does ({@code ;} when it has more of them than {@code ,}).
 */
public final class ParseFloor {

    private ParseFloor() {}

    public static void main(String[] args) throws IOException {
        for (String name : args) {
            Path file = Path.of(name);
            long t0 = System.nanoTime();
            char delimiter = ',';
            try (BufferedReader head = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String header = head.readLine();
                if (header != null
                        && header.chars().filter(c -> c == ';').count()
                                > header.chars().filter(c -> c == ',').count()) {
                    delimiter = ';';
                }
            }
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get();
            long records = 0;
            long touched = 0;
            try (Reader reader = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16);
                    CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord record : parser) {
                    records++;
                    for (int i = 0; i < record.size(); i++) {
                        String cell = record.get(i);
                        touched += cell.length() + (cell.isEmpty() ? 0 : cell.charAt(0));
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s records=%d parse_s=%.3f touched=%d%n",
                    file,
                    records,
                    (System.nanoTime() - t0) / 1e9,
                    touched);
        }
    }
}
