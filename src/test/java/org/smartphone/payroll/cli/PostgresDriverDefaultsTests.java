package org.smartphone.payroll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PostgreSQL driver's batched-insert rewrite is on unless the URL says otherwise; H2 is left alone. */
class PostgresDriverDefaultsTests {

    private static final String PROPERTY = "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts";

    @Test
    void turnsTheRewriteOnForAPostgresqlUrl() {
        assertThat(PostgresDriverDefaults.forUrl("jdbc:postgresql://db.example:5432/payroll"))
                .isEqualTo(Map.of(PROPERTY, "true"));
        assertThat(PostgresDriverDefaults.forUrl("jdbc:postgresql://db.example/payroll?sslmode=require"))
                .isEqualTo(Map.of(PROPERTY, "true"));
    }

    @Test
    void leavesAUrlThatChoseForItselfAsItIs() {
        assertThat(PostgresDriverDefaults.forUrl("jdbc:postgresql://db/payroll?reWriteBatchedInserts=false"))
                .isEmpty();
        assertThat(PostgresDriverDefaults.forUrl("jdbc:postgresql://db/payroll?ssl=true&reWriteBatchedInserts=true"))
                .isEmpty();
    }

    @Test
    void addsNothingForTheEmbeddedDatabase() {
        assertThat(PostgresDriverDefaults.forUrl(null)).isEmpty();
        assertThat(PostgresDriverDefaults.forUrl("")).isEmpty();
        assertThat(PostgresDriverDefaults.forUrl("jdbc:h2:file:/srv/payroll/db/payroll"))
                .isEmpty();
    }
}
