package org.smartphone.payroll.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.PayrollApplication;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.schedule.MonthlyDeadlines.Finding;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.scheduling.support.CronExpression;

/**
 * The monthly deadlines of serve, called with a fixed clock instead of waiting for the 20th: a run
 * done needs nothing, a file in the inbox is run, a missing file raises payroll.files.late for its
 * kind and period. On the real engine (H2, the sample programme).
 */
class MonthlyDeadlinesTests {

    private static final Path SAMPLES = Path.of("sample-data");

    @Test
    void atEachDeadlineTheRunIsDoneOrRunOrItsFileIsReportedLate(@TempDir Path dir) {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        for (String file : List.of("contracts.csv", "payroll-2026-01.csv", "withheld-2026-01.csv")) {
            programme.drop(SAMPLES.resolve(file), file);
        }
        assertThat(programme.run("import-contracts").exitCode()).isZero();

        try (ConfigurableApplicationContext context = serveContext(programme)) {
            RunRegistry runs = context.getBean(RunRegistry.class);
            PrometheusMeterRegistry meters = context.getBean(PrometheusMeterRegistry.class);

            MonthlyDeadlines january20 = deadlines(context, "2026-01-20T08:00:00Z");
            assertThat(january20.deductionDeadline()).isEqualTo(Finding.RUN);
            assertThat(runs.isCompleted(RunKind.DEDUCTION, org.smartphone.payroll.period.Period.parse("2026-01")))
                    .isTrue();
            assertThat(programme.archive().resolve("2026-01/payroll-2026-01.csv"))
                    .exists();
            assertThat(january20.deductionDeadline()).isEqualTo(Finding.DONE);

            MonthlyDeadlines february10 = deadlines(context, "2026-02-10T08:00:00Z");
            assertThat(february10.reconciliationDeadline())
                    .as("the return of January is due on February 10")
                    .isEqualTo(Finding.RUN);
            assertThat(programme.archive().resolve("2026-01/withheld-2026-01.csv"))
                    .exists();
            assertThat(february10.reconciliationDeadline()).isEqualTo(Finding.DONE);

            MonthlyDeadlines february20 = deadlines(context, "2026-02-20T08:00:00Z");
            assertThat(late(meters, "deduction", "2026-02")).isNull();
            assertThat(february20.deductionDeadline()).isEqualTo(Finding.LATE);
            assertThat(february20.deductionDeadline()).isEqualTo(Finding.LATE);
            assertThat(late(meters, "deduction", "2026-02").count()).isEqualTo(2.0);

            assertThat(deadlines(context, "2026-03-10T08:00:00Z").reconciliationDeadline())
                    .isEqualTo(Finding.LATE);
            assertThat(late(meters, "reconciliation", "2026-02").count()).isEqualTo(1.0);
            assertThat(meters.scrape())
                    .contains("payroll_files_late_total{kind=\"deduction\",period=\"2026-02\"} 2.0")
                    .contains("payroll_files_late_total{kind=\"reconciliation\",period=\"2026-02\"} 1.0");
        }
    }

    /** The deadlines are the cron settings: by default the 20th (deduction) and the 10th (reconciliation) at 08:00. */
    @Test
    void theDeadlinesComeFromTheCronSettings(@TempDir Path dir) {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        assertThat(programme.run("import-contracts").exitCode())
                .as("the engine makes the home and its database")
                .isZero();
        try (ConfigurableApplicationContext context = serveContext(programme)) {
            ServeSettings defaults = context.getBean(ServeSettings.class);
            LocalDateTime march1 = LocalDateTime.of(2026, 3, 1, 0, 0);
            assertThat(CronExpression.parse(defaults.deductCron()).next(march1))
                    .isEqualTo(LocalDateTime.of(2026, 3, 20, 8, 0));
            assertThat(CronExpression.parse(defaults.reconcileCron()).next(march1))
                    .isEqualTo(LocalDateTime.of(2026, 3, 10, 8, 0));
            assertThat(defaults.port()).isEqualTo(9464);
        }
        programme.with("PAYROLL_SERVE_DEDUCT_CRON", "0 30 6 25 * *");
        try (ConfigurableApplicationContext context = serveContext(programme)) {
            assertThat(CronExpression.parse(context.getBean(ServeSettings.class).deductCron())
                            .next(LocalDateTime.of(2026, 3, 1, 0, 0)))
                    .isEqualTo(LocalDateTime.of(2026, 3, 25, 6, 30));
        }
    }

    @Test
    void aWrongCronSettingIsAnInvalidSettingAndServeDoesNotStart(@TempDir Path dir) {
        Programme programme =
                new Programme(dir.resolve("home"), TestDatabase.H2).with("PAYROLL_SERVE_RECONCILE_CRON", "on the 10th");

        Programme.Result result = programme.run("serve");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("Invalid setting")
                .contains("payroll.serve.reconcile-cron")
                .contains("on the 10th")
                .doesNotContain("\tat ");
    }

    private static Counter late(PrometheusMeterRegistry meters, String kind, String period) {
        return meters.find("payroll.files.late")
                .tags("kind", kind, "period", period)
                .counter();
    }

    private static MonthlyDeadlines deadlines(ConfigurableApplicationContext context, String instant) {
        return new MonthlyDeadlines(
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC),
                context.getBean(Home.class),
                context.getBean(RunRegistry.class),
                context.getBean(InboxRunner.class),
                context.getBean(PrometheusMeterRegistry.class),
                Duration.ZERO);
    }

    /**
     * The serve application in this JVM, not started: its beans only, with the programme's environment
     * read as the engine reads it (PAYROLL_SERVE_DEDUCT_CRON and the like).
     */
    private static ConfigurableApplicationContext serveContext(Programme programme) {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("payroll.home", programme.home().toString());
        properties.put("payroll.serve.active", "true");
        properties.put("spring.datasource.url", programme.jdbcUrl());
        properties.put("spring.datasource.username", programme.jdbcUser());
        properties.put("spring.datasource.password", programme.jdbcPassword());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment
                .getPropertySources()
                .addAfter(
                        "test",
                        new SystemEnvironmentPropertySource(
                                "payrollEnvironment", new java.util.HashMap<>(programme.environment())));
        return new SpringApplicationBuilder(PayrollApplication.class)
                .environment(environment)
                .run();
    }
}
