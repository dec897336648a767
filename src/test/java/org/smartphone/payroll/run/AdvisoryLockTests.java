package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The one lock the run lock and serve's lock are made of: on PostgreSQL a second session is refused
 * while the first holds the key, with the refusal its holder wrote, and may take it once the first is
 * closed; another key is not held by it. On H2 the lock is the connection alone.
 */
class AdvisoryLockTests {

    private static final long KEY = 0x54455354L;

    @Test
    void aSecondSessionIsRefusedUntilTheFirstCloses(@TempDir Path home) throws SQLException {
        Map<String, String> database = TestDatabase.POSTGRES.environment(home);
        Connection first = connect(database);
        Connection second = connect(database);
        AdvisoryLock held = AdvisoryLock.take(first, KEY, connection -> new IllegalStateException("unexpected"));

        assertThatThrownBy(() -> AdvisoryLock.take(second, KEY, connection -> new RefusedException("held by first")))
                .isInstanceOf(RefusedException.class)
                .hasMessage("held by first");
        assertThat(second.isClosed())
                .as("the refused session's connection is closed")
                .isTrue();
        try (AdvisoryLock other = AdvisoryLock.take(connect(database), KEY + 1, refusedUnexpectedly())) {
            assertThat(other.connection().isClosed()).isFalse();
        }

        held.close();
        assertThat(first.isClosed()).isTrue();
        try (AdvisoryLock again = AdvisoryLock.take(connect(database), KEY, refusedUnexpectedly())) {
            assertThat(again.connection().isClosed()).isFalse();
        }
    }

    @Test
    void withoutAnAdvisoryLockItHoldsAndClosesTheConnectionAlone(@TempDir Path dir) throws SQLException {
        Connection connection =
                DriverManager.getConnection("jdbc:h2:" + dir.resolve("db").toAbsolutePath(), "sa", "");
        AdvisoryLock lock = AdvisoryLock.without(connection);
        assertThat(lock.connection()).isSameAs(connection);

        lock.close();
        assertThat(connection.isClosed()).isTrue();
        AdvisoryLock.without(null).close();
    }

    private static Connection connect(Map<String, String> database) throws SQLException {
        return DriverManager.getConnection(
                database.get("PAYROLL_DB_URL"), database.get("PAYROLL_DB_USER"), database.get("PAYROLL_DB_PASSWORD"));
    }

    private static AdvisoryLock.Refusal refusedUnexpectedly() {
        return connection -> new IllegalStateException("the key should have been free");
    }
}
