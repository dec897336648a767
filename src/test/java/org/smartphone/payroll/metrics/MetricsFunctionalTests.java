package org.smartphone.payroll.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.run.AdvisoryLock;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLauncher.Outcome;
import org.smartphone.payroll.run.RunLock;
import org.smartphone.payroll.support.EngineContext;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The meters an operator scrapes and the summary every command prints, checked against figures
 * this test computes itself from the files: the sample contracts, and the engine's output CSV files
 * and errors files, whose amount columns it sums.
 */
class MetricsFunctionalTests {

    private static final Path SAMPLES = Path.of("sample-data");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMetersAndTheRunSummariesShowWhatTheFilesSay(TestDatabase database, @TempDir Path dir) {
        Programme programme = new Programme(dir.resolve("home"), database);
        // A contracts file with three invalid lines is refused whole; its lines are still reported.
        Path badContracts = InputFiles.write(
                dir,
                "contracts-bad.csv",
                "contract_id,matricule,full_name,price_xof,first_period",
                "X-1,MAT-1,Ama,12.5,2026-01",
                "X-2,MAT-2,,90000,2026-01",
                "X-3,MAT-3,Kofi,90000,2026-13");
        assertThat(programme
                        .run("import-contracts", "--file", badContracts.toString())
                        .exitCode())
                .isEqualTo(2);

        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        Result imported = programme.run("import-contracts");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        long contracts =
                ScenarioFiles.readCsvBody(SAMPLES.resolve("contracts.csv")).size();
        assertThat(imported.stdout().lines().toList())
                .containsExactly(
                        "The contracts import completed (run 2): " + counted(contracts, "contract") + " imported.",
                        "  contracts.csv: " + counted(contracts, "line") + " read, 0 rejected; the run took "
                                + imported.stdout().lines().toList().get(1).replaceAll(".*the run took ", ""));

        // January's register has two invalid lines, let through with --max-rejects 2.
        List<String> register = new ArrayList<>(lines(SAMPLES.resolve("payroll-2026-01.csv")));
        register.set(4, register.get(4).replaceFirst(",(\\d+),ACTIVE,", ",$1.5,ACTIVE,"));
        register.set(8, register.get(8).replaceFirst(",ACTIVE,", ",ON_LEAVE,"));
        InputFiles.write(programme.inbox(), "payroll-2026-01.csv", register.toArray(String[]::new));
        Result deducted = programme.run("deduct", "--period", "2026-01", "--max-rejects", "2");
        assertDeductionSummary(programme, deducted, "2026-01", register.size() - 1, 2);

        for (String period : List.of("2026-01", "2026-02")) {
            if (!period.equals("2026-01")) {
                programme.drop(SAMPLES.resolve("payroll-" + period + ".csv"), "payroll-" + period + ".csv");
                assertDeductionSummary(
                        programme,
                        programme.run("deduct", "--period", period),
                        period,
                        lines(SAMPLES.resolve("payroll-" + period + ".csv")).size() - 1,
                        0);
            }
            programme.drop(SAMPLES.resolve("withheld-" + period + ".csv"), "withheld-" + period + ".csv");
            assertReconciliationSummary(
                    programme,
                    programme.run("reconcile", "--period", period),
                    period,
                    lines(SAMPLES.resolve("withheld-" + period + ".csv")).size() - 1);
        }

        // Waiting: one file of each input, one misnamed; files still being written are not waiting.
        programme.drop(SAMPLES.resolve("payroll-2026-03.csv"), "payroll-2026-03.csv");
        programme.drop(SAMPLES.resolve("withheld-2026-03.csv"), "withheld-2026-03.csv");
        programme.drop(badContracts, "contracts-2026-04.csv");
        programme.drop(SAMPLES.resolve("payroll-2026-03.csv"), "payroll-march.csv");
        programme.drop(SAMPLES.resolve("payroll-2026-03.csv"), "payroll-2026-04.csv.part");
        programme.drop(SAMPLES.resolve("payroll-2026-03.csv"), "withheld-2026-04.csv.tmp");

        Path out = programme.outbox("2026-02");
        List<List<String>> order = ScenarioFiles.readCsvBody(out.resolve("deductions-2026-02.csv"));
        List<List<String>> reconciliation = ScenarioFiles.readCsvBody(out.resolve("reconciliation-2026-02.csv"));
        List<List<String>> arrears = ScenarioFiles.readCsvBody(out.resolve("arrears-2026-02.csv"));
        long settled = settledContracts(programme, List.of("2026-01", "2026-02"));
        assertThat(settled).as("the sample data settles a contract by February").isPositive();

        try (EngineContext engine = EngineContext.open(programme)) {
            MeterRegistry meters = engine.bean(MeterRegistry.class);
            assertThat(gauge(meters, "payroll.contracts", "state", "settled")).isEqualTo(settled);
            assertThat(gauge(meters, "payroll.contracts", "state", "open")).isEqualTo(contracts - settled);
            assertThat(gauge(meters, "payroll.deduction.instructed")).isEqualTo(sum(order, 5));
            assertThat(gauge(meters, "payroll.deduction.period")).isEqualTo(202602);
            assertThat(gauge(meters, "payroll.reconciliation.withheld")).isEqualTo(sum(reconciliation, 4));
            assertThat(gauge(meters, "payroll.reconciliation.posted")).isEqualTo(sum(reconciliation, 6));
            assertThat(gauge(meters, "payroll.reconciliation.refund.due")).isEqualTo(sum(reconciliation, 7));
            assertThat(gauge(meters, "payroll.reconciliation.period")).isEqualTo(202602);
            for (String bucket : List.of("MONTHS_1", "MONTHS_2", "MONTHS_3_PLUS")) {
                List<List<String>> inBucket = arrears.stream()
                        .filter(row -> row.get(9).equals(bucket))
                        .toList();
                assertThat(gauge(meters, "payroll.arrears.contracts", "bucket", bucket))
                        .as(bucket)
                        .isEqualTo(inBucket.size());
                assertThat(gauge(meters, "payroll.arrears.overdue", "bucket", bucket))
                        .as(bucket)
                        .isEqualTo(sum(inBucket, 5));
            }
            assertThat(arrears).as("the sample data has arrears by February").isNotEmpty();

            assertThat(rejected(meters, "contracts"))
                    .isEqualTo(distinctLines(programme, "contracts-bad.csv"))
                    .isEqualTo(3);
            assertThat(rejected(meters, "register"))
                    .isEqualTo(distinctLines(programme, "payroll-2026-01.csv"))
                    .isEqualTo(2);
            assertThat(rejected(meters, "return")).isZero();

            assertThat(gauge(meters, "payroll.files.waiting", "input", "contracts"))
                    .isEqualTo(1);
            assertThat(gauge(meters, "payroll.files.waiting", "input", "register"))
                    .isEqualTo(1);
            assertThat(gauge(meters, "payroll.files.waiting", "input", "return"))
                    .isEqualTo(1);
            assertThat(gauge(meters, "payroll.files.waiting", "input", "other")).isEqualTo(1);

            // What serve's endpoint will hand to Prometheus.
            String scraped = engine.bean(PrometheusMeterRegistry.class).scrape();
            assertThat(scraped)
                    .contains("payroll_deduction_instructed_xof " + (double) sum(order, 5))
                    .contains("payroll_lines_rejected_total{input=\"register\"} 2.0")
                    .contains("payroll_contracts{state=\"settled\"} " + (double) settled)
                    .contains("payroll_arrears_overdue_xof{bucket=\"MONTHS_1\"}");
        }
    }

    @Test
    void aRunRecordsSpringBatchTimersAndTheLedgerMetersFollowIt(@TempDir Path dir) throws Exception {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        Path register = programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");

        try (EngineContext engine = EngineContext.open(programme)) {
            MeterRegistry meters = engine.bean(MeterRegistry.class);
            assertThat(gauge(meters, "payroll.deduction.instructed"))
                    .as("no deduction run yet")
                    .isNaN();
            assertThat(gauge(meters, "payroll.files.waiting", "input", "register"))
                    .isEqualTo(1);

            Outcome outcome;
            try (AdvisoryLock lock = engine.bean(RunLock.class).acquire("test")) {
                outcome = engine.bean(RunLauncher.class)
                        .launch(RunKind.DEDUCTION, Period.parse("2026-01"), register, true, false, 0);
            }
            assertThat(outcome.exitCode()).as(outcome.message()).isZero();

            Timer job = meters.find("spring.batch.job")
                    .tag("spring.batch.job.name", "deductionJob")
                    .tag("spring.batch.job.status", "COMPLETED")
                    .timer();
            assertThat(job).as("spring.batch.job timer among %s", names(meters)).isNotNull();
            assertThat(job.count()).isEqualTo(1);
            for (String step : List.of("deduct", "publishDeduction", "archiveRegister")) {
                Timer timer = meters.find("spring.batch.step")
                        .tag("spring.batch.step.name", step)
                        .tag("spring.batch.step.job.name", "deductionJob")
                        .tag("spring.batch.step.status", "COMPLETED")
                        .timer();
                assertThat(timer)
                        .as("spring.batch.step timer of %s among %s", step, names(meters))
                        .isNotNull();
                assertThat(timer.count()).isEqualTo(1);
            }

            // The figures read before the run are kept a few seconds, then follow the ledger.
            Thread.sleep(LedgerReadings.FRESH_FOR.toMillis() + 200);
            long instructed =
                    sum(ScenarioFiles.readCsvBody(programme.outbox("2026-01").resolve("deductions-2026-01.csv")), 5);
            assertThat(gauge(meters, "payroll.deduction.instructed")).isEqualTo(instructed);
            assertThat(gauge(meters, "payroll.files.waiting", "input", "register"))
                    .as("archived")
                    .isZero();
        }
    }

    @Test
    void aRunResumedAfterACrashSaysItsFileWasReadByTheEarlierAttempt(@TempDir Path dir) {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        programme.drop(SAMPLES.resolve("payroll-2026-01.csv"), "payroll-2026-01.csv");
        EngineProcess crashed = EngineProcess.start(
                programme, Map.of("PAYROLL_CRASH_AT", "step:publishDeduction"), "deduct", "--period", "2026-01");
        assertThat(crashed.waitFor()).as(crashed.output()).isEqualTo(137);

        Result resumed = programme.run("deduct", "--period", "2026-01");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        List<String> lines = resumed.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .matches("  payroll-2026-01\\.csv: "
                        + (lines(SAMPLES.resolve("payroll-2026-01.csv")).size() - 1)
                        + " lines read, 0 rejected \\(by an earlier attempt\\); this attempt took \\d+\\.\\d s\\.");
    }

    /**
     * The outcome line gives the order's and the exceptions' totals, the line under it what was
     * read and rejected (the errors file's lines) and how fast.
     */
    private static void assertDeductionSummary(
            Programme programme, Result result, String period, long records, long rejected) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<List<String>> order =
                ScenarioFiles.readCsvBody(programme.outbox(period).resolve("deductions-" + period + ".csv"));
        List<List<String>> exceptions =
                ScenarioFiles.readCsvBody(programme.outbox(period).resolve("deduction-exceptions-" + period + ".csv"));
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("The deduction run completed (run ")
                .endsWith("): ordered "
                        + counted(order.size(), "line") + ", " + francs(sum(order, 5)) + "; "
                        + counted(exceptions.size(), "exception") + ", shortfall " + francs(sum(exceptions, 6)) + ".");
        assertThat(lines.get(1))
                .matches("  payroll-" + period + "\\.csv: " + counted(records, "line") + " read, " + rejected
                        + " rejected; the run took \\d+\\.\\d s, \\d+ lines/s\\.");
        if (rejected > 0) {
            assertThat(distinctLines(programme, "payroll-" + period + ".csv")).isEqualTo(rejected);
        }
    }

    private static void assertReconciliationSummary(Programme programme, Result result, String period, long records) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path out = programme.outbox(period);
        List<List<String>> rows = ScenarioFiles.readCsvBody(out.resolve("reconciliation-" + period + ".csv"));
        List<List<String>> arrears = ScenarioFiles.readCsvBody(out.resolve("arrears-" + period + ".csv"));
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("The reconciliation run completed (run ")
                .endsWith("): "
                        + counted(rows.size(), "row") + "; withheld " + francs(sum(rows, 4)) + ", posted "
                        + francs(sum(rows, 6))
                        + ", refund due " + francs(sum(rows, 7)) + "; " + counted(arrears.size(), "contract")
                        + " in arrears, overdue " + francs(sum(arrears, 5)) + ".");
        assertThat(lines.get(1))
                .matches("  withheld-" + period + "\\.csv: " + counted(records, "line")
                        + " read, 0 rejected; the run took \\d+\\.\\d s, \\d+ lines/s\\.");
    }

    /** Contracts whose postings (posted_xof of the reconciliation files) add up to their financed amount. */
    private static long settledContracts(Programme programme, List<String> periods) {
        Map<String, Long> collected = new HashMap<>();
        for (String period : periods) {
            for (List<String> row :
                    ScenarioFiles.readCsvBody(programme.outbox(period).resolve("reconciliation-" + period + ".csv"))) {
                collected.merge(row.get(2), Long.parseLong(row.get(6)), Long::sum);
            }
        }
        List<List<String>> contracts = ScenarioFiles.readCsv(SAMPLES.resolve("contracts.csv"));
        List<String> header = contracts.get(0);
        long settled = 0;
        for (List<String> row : contracts.subList(1, contracts.size())) {
            String down = row.get(header.indexOf("down_payment_xof"));
            long financed =
                    Long.parseLong(row.get(header.indexOf("price_xof"))) - (down.isEmpty() ? 0 : Long.parseLong(down));
            if (collected.getOrDefault(row.get(header.indexOf("contract_id")), 0L) == financed) {
                settled++;
            }
        }
        return settled;
    }

    private static long distinctLines(Programme programme, String inputName) {
        return InputFiles.errorRows(programme, inputName).stream()
                .map(row -> row.get(0))
                .distinct()
                .count();
    }

    /** A count as the terminal says it, written here apart from the engine's: 1 line, 2 lines. */
    private static String counted(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** An amount as the terminal says it: digits grouped by threes with spaces, then F. */
    private static String francs(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', ' ') + " F";
    }

    private static long sum(List<List<String>> rows, int column) {
        return rows.stream().mapToLong(row -> Long.parseLong(row.get(column))).sum();
    }

    private static double gauge(MeterRegistry meters, String name, String... tags) {
        Gauge gauge = meters.find(name).tags(tags).gauge();
        assertThat(gauge).as("gauge %s %s", name, List.of(tags)).isNotNull();
        return gauge.value();
    }

    private static double rejected(MeterRegistry meters, String input) {
        FunctionCounter counter =
                meters.find("payroll.lines.rejected").tag("input", input).functionCounter();
        assertThat(counter).as("payroll.lines.rejected of %s", input).isNotNull();
        return counter.count();
    }

    private static List<String> names(MeterRegistry meters) {
        return meters.getMeters().stream()
                .map(m -> m.getId().getName() + m.getId().getTags())
                .toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
