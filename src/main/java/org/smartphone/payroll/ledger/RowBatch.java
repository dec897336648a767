package org.smartphone.payroll.ledger;

import java.util.ArrayList;
import java.util.List;
import org.smartphone.payroll.failure.FaultInjection;
import org.springframework.jdbc.core.JdbcTemplate;

/** Inserts rows in JDBC batches of a fixed size, flushing the rest on close. */
public final class RowBatch implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final int size;
    private final List<Object[]> rows;

    public RowBatch(JdbcTemplate jdbc, String sql, int size) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.size = size;
        this.rows = new ArrayList<>(size);
    }

    public void add(Object... row) {
        rows.add(row);
        if (rows.size() >= size) {
            flush();
        }
    }

    public void flush() {
        if (!rows.isEmpty()) {
            FaultInjection.reached("batch");
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }

    @Override
    public void close() {
        flush();
    }
}
