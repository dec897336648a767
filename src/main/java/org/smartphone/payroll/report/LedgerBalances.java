package org.smartphone.payroll.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.smartphone.payroll.config.DatabaseDialect;
import org.smartphone.payroll.ledger.ContractState;
import org.smartphone.payroll.report.PeriodFigures.Balances;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Checks every contract's balance against what the ledger recorded for it (SPEC 2 and 7.0: collected =
 * the sum of its reconciliation postings and of the collected changes of its ledger entries,
 * written_off and recovered the sums of theirs; 0 ≤ collected + written_off ≤ financed; settled
 * exactly when nothing is outstanding) in one pass over the ledger, in contract_id order: the contracts
 * with their balances, merged with each period's postings and each SPEC 7 run's ledger entries, each
 * read in contract_id order. Memory holds one row per period and per run: neither H2 (which groups in
 * memory) nor PostgreSQL needs room that grows with the ledger. Identifiers are ASCII (SPEC 5), so the
 * databases' order (code point on PostgreSQL, code unit on H2) is {@link String#compareTo}'s.
 */
@Repository
class LedgerBalances {

    private static final String CONTRACTS = """
            SELECT c.contract_id, b.financed_xof, b.collected_xof, c.state, b.written_off_xof, b.recovered_xof
            FROM contract c LEFT JOIN contract_balance b ON b.contract_id = c.contract_id
            ORDER BY c.contract_id""";
    /** The period after the one given that has postings: one step along the key, not a scan. */
    private static final String NEXT_PERIOD = """
            SELECT period FROM posting WHERE period > ? ORDER BY period, contract_id FETCH FIRST 1 ROWS ONLY""";
    /** Ordered by the whole key, the period first, so that H2 reads along it instead of sorting. */
    private static final String POSTINGS = """
            SELECT contract_id, amount_xof, to_recovered FROM posting WHERE period = ? ORDER BY period, contract_id""";

    /** The run after the one given that has ledger entries: one step along the key, not a scan. */
    private static final String NEXT_RUN = """
            SELECT run_id FROM ledger_entry WHERE run_id > ? ORDER BY run_id, row_no FETCH FIRST 1 ROWS ONLY""";
    /** One run's entries (SPEC 7: one per row of its main file, at most one run's worth sorted). */
    private static final String ENTRIES = """
            SELECT contract_id, collected_xof, written_off_xof, recovered_xof FROM ledger_entry WHERE run_id = ?
            ORDER BY contract_id, row_no""";

    private final JdbcTemplate jdbc;
    private final boolean h2;

    LedgerBalances(JdbcTemplate jdbc, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.h2 = dialect.isH2();
    }

    Balances check() {
        return jdbc.execute((ConnectionCallback<Balances>) connection -> {
            // PostgreSQL streams a result with a fetch size only inside a transaction; H2 computes a
            // whole result (into a temporary file when large) before the first row unless it is
            // lazy, and this pass holds one result per period open at the same time
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                lazy(connection, h2, true);
                return check(connection);
            } finally {
                connection.rollback();
                lazy(connection, h2, false);
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    private static void lazy(Connection connection, boolean h2, boolean lazy) throws SQLException {
        if (h2) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LAZY_QUERY_EXECUTION " + (lazy ? 1 : 0));
            }
        }
    }

    private Balances check(Connection connection) throws SQLException {
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            List<Cursor> postings = new ArrayList<>();
            for (String period : periods(connection)) {
                PreparedStatement statement = statement(connection, POSTINGS, statements);
                statement.setString(1, period);
                postings.add(new Cursor(statement.executeQuery()));
            }
            List<Cursor> entries = new ArrayList<>();
            for (long run : runs(connection)) {
                PreparedStatement statement = statement(connection, ENTRIES, statements);
                statement.setLong(1, run);
                entries.add(new Cursor(statement.executeQuery()));
            }
            Cursor contracts =
                    new Cursor(statement(connection, CONTRACTS, statements).executeQuery());
            return merge(contracts, postings, entries);
        } finally {
            for (PreparedStatement statement : statements) {
                statement.close();
            }
        }
    }

    private PreparedStatement statement(Connection connection, String sql, List<PreparedStatement> open)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        open.add(statement);
        statement.setFetchSize(jdbc.getFetchSize() > 0 ? jdbc.getFetchSize() : 1000);
        return statement;
    }

    private static List<String> periods(Connection connection) throws SQLException {
        List<String> periods = new ArrayList<>();
        try (PreparedStatement next = connection.prepareStatement(NEXT_PERIOD)) {
            String after = "";
            while (true) {
                next.setString(1, after);
                try (ResultSet rs = next.executeQuery()) {
                    if (!rs.next()) {
                        return periods;
                    }
                    after = rs.getString(1);
                    periods.add(after);
                }
            }
        }
    }

    private static List<Long> runs(Connection connection) throws SQLException {
        List<Long> runs = new ArrayList<>();
        try (PreparedStatement next = connection.prepareStatement(NEXT_RUN)) {
            long after = Long.MIN_VALUE;
            while (true) {
                next.setLong(1, after);
                try (ResultSet rs = next.executeQuery()) {
                    if (!rs.next()) {
                        return runs;
                    }
                    after = rs.getLong(1);
                    runs.add(after);
                }
            }
        }
    }

    /**
     * Walks the contracts in order; for each, takes the postings of every period and the entries of
     * every run that are for it. Rows whose contract_id comes before the current contract belong to no
     * contract.
     */
    private static Balances merge(Cursor contracts, List<Cursor> postings, List<Cursor> entries) throws SQLException {
        long count = 0;
        long collectedTotal = 0;
        long postedTotal = 0;
        long notSumOfPostings = 0;
        long settledWithOutstanding = 0;
        long openOutOfRange = 0;
        for (; contracts.current != null; contracts.next()) {
            String contractId = contracts.current;
            long posted = 0;
            long recoveredEntries = 0;
            for (Cursor cursor : postings) {
                while (cursor.current != null && cursor.current.compareTo(contractId) <= 0) {
                    long amount = cursor.rs.getLong(2);
                    // a withholding credited to a written-off contract is recovered money, not collected
                    boolean toRecovered = cursor.rs.getBoolean(3);
                    if (!toRecovered) {
                        postedTotal = Math.addExact(postedTotal, amount);
                    }
                    if (cursor.current.equals(contractId)) {
                        if (toRecovered) {
                            recoveredEntries = Math.addExact(recoveredEntries, amount);
                        } else {
                            posted = Math.addExact(posted, amount);
                        }
                    } else {
                        notSumOfPostings++; // a posting for a contract the ledger does not hold
                    }
                    cursor.next();
                }
            }
            long writtenOffEntries = 0;
            for (Cursor cursor : entries) {
                while (cursor.current != null && cursor.current.compareTo(contractId) <= 0) {
                    long amount = cursor.rs.getLong(2);
                    postedTotal = Math.addExact(postedTotal, amount);
                    if (cursor.current.equals(contractId)) {
                        posted = Math.addExact(posted, amount);
                        writtenOffEntries = Math.addExact(writtenOffEntries, cursor.rs.getLong(3));
                        recoveredEntries = Math.addExact(recoveredEntries, cursor.rs.getLong(4));
                    } else {
                        notSumOfPostings++; // an entry for a contract the ledger does not hold
                    }
                    cursor.next();
                }
            }
            count++;
            long financed = contracts.rs.getLong(2);
            long collected = contracts.rs.getLong(3);
            boolean hasBalance = !contracts.rs.wasNull();
            ContractState state = ContractState.valueOf(contracts.rs.getString(4));
            long writtenOff = contracts.rs.getLong(5);
            long recovered = contracts.rs.getLong(6);
            boolean settled = state == ContractState.SETTLED;
            boolean open = state == ContractState.OPEN;
            collectedTotal = Math.addExact(collectedTotal, collected);
            if (!hasBalance
                    || collected != posted
                    || writtenOff != writtenOffEntries
                    || recovered != recoveredEntries) {
                notSumOfPostings++;
            }
            long repaid = collected + writtenOff; // SPEC 7.0: what no longer counts as outstanding
            if (settled && (!hasBalance || repaid != financed)) {
                settledWithOutstanding++;
            }
            if (open && (!hasBalance || collected < 0 || writtenOff < 0 || repaid >= financed)) {
                openOutOfRange++;
            }
        }
        for (List<Cursor> rest : List.of(postings, entries)) {
            for (Cursor cursor : rest) {
                while (cursor.current != null) {
                    postedTotal = Math.addExact(postedTotal, cursor.rs.getLong(2));
                    notSumOfPostings++;
                    cursor.next();
                }
            }
        }
        return new Balances(
                count, collectedTotal, postedTotal, notSumOfPostings, settledWithOutstanding, openOutOfRange);
    }

    /** A result read in step with the others: {@code current} is the contract_id of its row, null at the end. */
    private static final class Cursor {

        private final ResultSet rs;
        private String current;

        Cursor(ResultSet rs) throws SQLException {
            this.rs = rs;
            next();
        }

        void next() throws SQLException {
            current = rs.next() ? rs.getString(1) : null;
        }
    }
}
