package org.smartphone.payroll.cli;

import java.util.Map;
import org.smartphone.payroll.config.DatabaseDialect;

/**
 * Driver options the engine turns on for PostgreSQL unless the URL sets them itself.
 *
 * <p>{@code reWriteBatchedInserts=true}: the JDBC batches of staging and computing (1 000 rows each)
 * are sent as multi-row {@code INSERT ... VALUES (...), (...)} statements instead of one statement
 * per row (why, and what it saves: docs/operations.md, Batched inserts). The engine never reads the per-row counts
 * of a batch, which the rewrite no longer reports. Given as a data-source property, so that a URL
 * with {@code reWriteBatchedInserts=false} still wins (the driver lets URL parameters override them;
 * it reads parameter names case-sensitively, and so does this check).
 */
final class PostgresDriverDefaults {

    static final String REWRITE = "reWriteBatchedInserts";

    private PostgresDriverDefaults() {}

    /** Spring properties to add for a database URL; none for H2 or a URL that chose for itself. */
    static Map<String, Object> forUrl(String url) {
        if (DatabaseDialect.ofUrl(url).isH2() || url.contains(REWRITE + "=")) {
            return Map.of();
        }
        return Map.of("spring.datasource.hikari.data-source-properties." + REWRITE, "true");
    }
}
