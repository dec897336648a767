package org.smartphone.payroll.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.smartphone.payroll.files.CsvInputFile;
import org.smartphone.payroll.files.InputFileException;
import org.smartphone.payroll.files.InputRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares a published CSV with the ledger rows it was written from, line by line, both read a row
 * at a time in the file's order: totals alone do not see two amounts swapped, or a line given to
 * another matricule. Only the columns the ledger holds as they are written are compared (not the
 * names, copied from the contract with the formula rule of SPEC 5).
 */
final class LedgerRows {

    private LedgerRows() {}

    /**
     * The number of lines, counted in the file's order, whose cells differ from the ledger row at
     * the same place, plus the lines one side has beyond the other.
     *
     * @param columns the file's columns to compare, in the order the query returns them
     * @param sql the ledger rows, in the order the run wrote them
     */
    static Reading<Long> differing(JdbcTemplate jdbc, Path file, List<String> columns, String sql, Object... args) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return Reading.missing(name);
        }
        long[] differing = {0};
        try (CsvInputFile csv = CsvInputFile.open(file, columns, List.of())) {
            InputFileException[] problem = {null};
            jdbc.query(
                    sql,
                    rs -> {
                        if (problem[0] != null) {
                            return;
                        }
                        InputRecord record;
                        try {
                            record = csv.next();
                        } catch (InputFileException e) {
                            problem[0] = e;
                            return;
                        }
                        boolean same = record != null;
                        for (int i = 0; same && i < columns.size(); i++) {
                            same = record.get(columns.get(i)).equals(String.valueOf(rs.getObject(i + 1)));
                        }
                        differing[0] += same ? 0 : 1;
                    },
                    args);
            if (problem[0] != null) {
                throw problem[0];
            }
            while (csv.next() != null) {
                differing[0]++;
            }
        } catch (InputFileException e) {
            return Reading.unreadable(name, e.error().line(), e.error().column());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reading.of(name, differing[0]);
    }
}
