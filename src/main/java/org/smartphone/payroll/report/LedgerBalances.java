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
 * Checks every contract's balance against its postings (SPEC 2: collected = the sum of all amounts
 * posted to it, 0 ≤ collected ≤ financed, settled exactly when nothing is outstanding) in one pass
 * over the ledger, in contract_id order: the contracts with their balances, merged with each
 * period's postings, each read along its primary key. Nothing is sorted or grouped by the database,
 * and memory holds one row per period: neither H2 (which groups in memory) nor PostgreSQL needs
 * room that grows with the ledger. Identifiers are ASCII (SPEC 5), so the databases' order (code
 * point on PostgreSQL, code unit on H2) is {@link String#compareTo}'s.
 */
@Repository
class LedgerBalances {

    private static final String CONTRACTS = """
            SELECT c.contract_id, b.financed_xof, b.collected_xof, c.state
            FROM contract c LEFT JOIN contract_balance b ON b.contract_id = c.contract_id
            ORDER BY c.contract_id""";
    /** The period after the one given that has postings: one step along the key, not a scan. */
    private static final String NEXT_PERIOD = """
            SELECT period FROM posting WHERE period > ? ORDER BY period, contract_id FETCH FIRST 1 ROWS ONLY""";
    /** Ordered by the whole key, the period first, so that H2 reads along it instead of sorting. */
    private static final String POSTINGS = """
            SELECT contract_id, amount_xof FROM posting WHERE period = ? ORDER BY period, contract_id""";

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
            Cursor contracts =
                    new Cursor(statement(connection, CONTRACTS, statements).executeQuery());
            return merge(contracts, postings);
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

    /**
     * Walks the contracts in order; for each, takes the postings of every period that are for it.
     * Postings whose contract_id comes before the current contract belong to no contract.
     */
    private static Balances merge(Cursor contracts, List<Cursor> postings) throws SQLException {
        long count = 0;
        long collectedTotal = 0;
        long postedTotal = 0;
        long notSumOfPostings = 0;
        long settledWithOutstanding = 0;
        long openOutOfRange = 0;
        for (; contracts.current != null; contracts.next()) {
            String contractId = contracts.current;
            long posted = 0;
            for (Cursor cursor : postings) {
                while (cursor.current != null && cursor.current.compareTo(contractId) <= 0) {
                    long amount = cursor.rs.getLong(2);
                    postedTotal = Math.addExact(postedTotal, amount);
                    if (cursor.current.equals(contractId)) {
                        posted = Math.addExact(posted, amount);
                    } else {
                        notSumOfPostings++; // a posting for a contract the ledger does not hold
                    }
                    cursor.next();
                }
            }
            count++;
            long financed = contracts.rs.getLong(2);
            long collected = contracts.rs.getLong(3);
            boolean hasBalance = !contracts.rs.wasNull();
            ContractState state = ContractState.valueOf(contracts.rs.getString(4));
            boolean settled = state == ContractState.SETTLED;
            boolean open = state == ContractState.OPEN;
            collectedTotal = Math.addExact(collectedTotal, collected);
            if (!hasBalance || collected != posted) {
                notSumOfPostings++;
            }
            if (settled && (!hasBalance || collected != financed)) {
                settledWithOutstanding++;
            }
            if (open && (!hasBalance || collected < 0 || collected >= financed)) {
                openOutOfRange++;
            }
        }
        for (Cursor cursor : postings) {
            while (cursor.current != null) {
                postedTotal = Math.addExact(postedTotal, cursor.rs.getLong(2));
                notSumOfPostings++;
                cursor.next();
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
