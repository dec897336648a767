package org.smartphone.payroll.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.files.Manifest;
import org.smartphone.payroll.files.Outbox;
import org.smartphone.payroll.files.Outbox.PublishedFile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes the outputs of one deduction or reconciliation run in its period's outbox folder (SPEC 5):
 * each CSV holds the rows of one query, published whole or not at all with its {@code .sha256}
 * ({@link Outbox#publishCsv}), its amount columns totalled by name as the rows are written; then the
 * manifest lists every file with its record count, SHA-256 and totals. Everything is read from the
 * committed ledger, so publishing again after a crash writes the same bytes.
 */
public final class OutputPublisher {

    private final JdbcTemplate jdbc;
    private final Path folder;
    private final Manifest manifest;
    private long records;

    /** @param runName the manifest's {@code run}: deduction, reconciliation */
    public OutputPublisher(JdbcTemplate jdbc, Home home, RunContext run, String runName) {
        this(
                jdbc,
                home.outbox(run.period()),
                new Manifest(runName, run.period().toString(), run.inputName(), run.sha256()));
    }

    /** Publishes in {@code folder} ({@code outbox/refunds/}, SPEC 7.2), listing the files in {@code manifest}. */
    public OutputPublisher(JdbcTemplate jdbc, Path folder, Manifest manifest) {
        this.jdbc = jdbc;
        this.folder = folder;
        this.manifest = manifest;
    }

    /**
     * Writes the rows of a query as the CSV {@code fileName}, one record each, and lists the file in
     * the manifest with the sums of the columns named in {@code totalled}, in that order.
     */
    public void publishCsv(
            String fileName,
            List<String> header,
            List<String> totalled,
            RecordCells cells,
            String sql,
            Object... parameters)
            throws IOException {
        OutputRecord record = new OutputRecord(header, totalled);
        PublishedFile file = Outbox.publishCsv(
                folder,
                fileName,
                header,
                csv -> jdbc.query(
                        sql,
                        rs -> {
                            cells.write(rs, record.start());
                            try {
                                csv.writeRecord(record.cells());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        parameters));
        manifest.add(file, record.totals());
        records += file.records();
    }

    /** The names of a run's published files: each CSV, then its {@code .sha256}, and the manifest last. */
    public static List<String> filesWithSidecars(String manifestFile, String... csvFiles) {
        List<String> names = new ArrayList<>();
        for (String csv : csvFiles) {
            names.add(csv);
            names.add(csv + ".sha256");
        }
        names.add(manifestFile);
        return List.copyOf(names);
    }

    /** Counts in the manifest the input lines skipped as already recorded (SPEC 7.0). */
    public void skipped(long lines) {
        manifest.skipped(lines);
    }

    /** Writes the manifest of the files published; returns how many records they hold in all. */
    public long publishManifest(String fileName) throws IOException {
        Outbox.publishText(folder, fileName, manifest.toJson());
        return records;
    }

    /** Fills the cells of one output record from one row of the query, in the header's order. */
    @FunctionalInterface
    public interface RecordCells {
        void write(ResultSet row, OutputRecord record) throws SQLException;
    }

    /**
     * The cells of one output record, filled in the header's order. An amount in a totalled column is
     * added to that column's total; a totalled column takes amounts only, so none is left out of it.
     */
    public static final class OutputRecord {

        private final List<String> header;
        /** The total of each column, by position; null for a column not totalled. */
        private final Total[] totalOf;

        private final List<Total> totals = new ArrayList<>();
        private final String[] cells;
        private int next;

        OutputRecord(List<String> header, List<String> totalled) {
            this.header = header;
            this.totalOf = new Total[header.size()];
            this.cells = new String[header.size()];
            for (String column : totalled) {
                int position = header.indexOf(column);
                if (position < 0) {
                    throw new IllegalArgumentException("no column " + column + " to total in " + header);
                }
                totalOf[position] = new Total(column);
                totals.add(totalOf[position]);
            }
        }

        /** The next cell, text as it is written (null for an empty cell). */
        public OutputRecord text(String cell) {
            if (next < totalOf.length && totalOf[next] != null) {
                throw new IllegalStateException("the column " + header.get(next) + " is totalled: write an amount");
            }
            return cell(cell);
        }

        /** The next cell, an amount in francs written as plain digits, added to its column's total if any. */
        public OutputRecord amount(long xof) {
            if (next < totalOf.length && totalOf[next] != null) {
                totalOf[next].sum += xof;
            }
            return cell(Long.toString(xof));
        }

        private OutputRecord cell(String cell) {
            if (next == cells.length) {
                throw new IllegalStateException("more cells than the " + cells.length + " columns of " + header);
            }
            cells[next++] = cell;
            return this;
        }

        OutputRecord start() {
            next = 0;
            return this;
        }

        String[] cells() {
            if (next != cells.length) {
                throw new IllegalStateException(next + " cells for the " + cells.length + " columns of " + header);
            }
            return cells;
        }

        Map<String, Long> totals() {
            Map<String, Long> byColumn = new LinkedHashMap<>();
            for (Total total : totals) {
                byColumn.put(total.column, total.sum);
            }
            return byColumn;
        }
    }

    /** The sum of one column over the records written. */
    private static final class Total {

        private final String column;
        private long sum;

        Total(String column) {
            this.column = column;
        }
    }
}
