package org.smartphone.payroll.config;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.smartphone.payroll.progress.Progress;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring wiring shared by the jobs: settings, home folder, progress, the schema's migration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PayrollSettings.class, ProgressSettings.class})
class EngineConfiguration {

    @Bean
    Home home(@Value("${payroll.home}") String home) {
        return new Home(Path.of(home));
    }

    /**
     * The long loops report progress through {@link Progress#start}, one line each and no wiring, so
     * the command's settings are handed to it here, once.
     */
    @Bean
    InitializingBean progressReporting(ProgressSettings settings) {
        return () -> Progress.configure(settings.liveLine(), settings.logEvery());
    }

    /**
     * Identifier columns ({@code ${ident}}, at most 32 characters; {@code ${ref}}, at most 64, SPEC 7) sort
     * by code point on PostgreSQL too (SPEC 5 orders rows that way); H2
     * compares strings by code unit already, the same for the ASCII identifiers allow.
     */
    @Bean
    FlywayConfigurationCustomizer identifierCollation() {
        return configuration -> {
            boolean postgres = DatabaseDialect.ofUrl(configuration.getUrl()).isPostgres()
                    || dialect(configuration.getDataSource(), "prepare its schema")
                            .isPostgres();
            String collate = postgres ? " COLLATE \"C\"" : "";
            configuration.placeholders(Map.of("ident", "VARCHAR(32)" + collate, "ref", "VARCHAR(64)" + collate));
        };
    }

    /** A migration interrupted part-way on H2 is applied again from a clean start (see the class). */
    @Bean
    Callback unfinishedMigration() {
        return new UnfinishedMigration();
    }

    /** ... and one that stopped on an error is too, once its failed attempt is forgotten. */
    @Bean
    FlywayMigrationStrategy forgettingFailedMigrations() {
        return UnfinishedMigration::migrate;
    }

    /** The database the engine's data source reaches, for every part whose SQL or locking depends on it. */
    @Bean
    DatabaseDialect databaseDialect(DataSource dataSource) {
        return dialect(dataSource, "tell which it is");
    }

    private static DatabaseDialect dialect(DataSource dataSource, String purpose) {
        try {
            return DatabaseDialect.of(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to " + purpose, e);
        }
    }
}
