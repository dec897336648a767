package org.smartphone.payroll.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.InputFiles.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A payments run interrupted at any step (the engine halting itself at a named point, as {@code kill -9}
 * would), then the same command again: exit 0, and a ledger (payments, stops, refund items, ledger
 * entries, balances), outbox, archive and inbox identical to those of a programme never interrupted.
 * Two payments runs: one while 2026-01's order is issued (with its stops file), one in 2026-02. Batches
 * of 3 rows put several JDBC batches in each step.
 */
class PaymentsCrashResumeTests {

    private static final String BATCH_SIZE = "3";

    /** The ledger tables of SPEC 7 that {@link Snapshot} does not hold, in a stable order. */
    private static final Map<String, String> LIFE_EVENT_TABLES = Map.of(
            "payment",
            "SELECT channel, payment_ref, contract_id, amount_xof, received_on, period, row_no, posted_xof,"
                    + " to_recovered, refund_id, matricule, outstanding_xof, status FROM payment"
                    + " ORDER BY channel, payment_ref",
            "order_stop",
            "SELECT period, contract_id, row_no, matricule, ordered_xof, amount_xof, reason FROM order_stop"
                    + " ORDER BY period, contract_id, amount_xof",
            "refund_item",
            "SELECT refund_id, period, contract_id, matricule, original_xof, amount_xof, status FROM refund_item"
                    + " ORDER BY refund_id",
            "ledger_entry",
            "SELECT period, row_no, contract_id, matricule, kind, reference, amount_xof, collected_xof,"
                    + " recovered_xof, refund_xof FROM ledger_entry ORDER BY reference",
            "balances",
            "SELECT contract_id, collected_xof, written_off_xof, recovered_xof FROM contract_balance"
                    + " ORDER BY contract_id",
            "runs",
            "SELECT kind, period, run_number, records_read, records_skipped FROM payroll_run"
                    + " WHERE state <> 'ABANDONED' ORDER BY run_id",
            "staged",
            "SELECT COUNT(*) FROM payment_entry");

    /** Each step: the file dropped in the inbox (null: none), then the command. */
    private static final List<Step> STEPS = List.of(
            new Step("contracts.csv", "import-contracts"),
            new Step("payroll-2026-01.csv", "deduct", "--period", "2026-01"),
            new Step("payments-1.csv", "record-payments"),
            new Step("withheld-2026-01.csv", "reconcile", "--period", "2026-01"),
            new Step("payments-2.csv", "record-payments"));

    @TempDir
    static Path shared;

    static Path inputs;
    static Map<String, Object> uninterrupted;
    static Map<String, Object> uninterruptedOnPostgresql;

    @BeforeAll
    static void uninterruptedProgramme() {
        inputs = shared.resolve("inputs");
        List<String> contracts = new ArrayList<>(List.of(PaymentsFunctionalTests.CONTRACTS_HEADER));
        List<String> register = new ArrayList<>(List.of(PaymentsFunctionalTests.REGISTER_HEADER));
        List<String> withheld = new ArrayList<>(List.of(PaymentsFunctionalTests.RETURN_HEADER));
        List<String> first = new ArrayList<>(List.of(PaymentsFunctionalTests.PAYMENTS_HEADER));
        List<String> second = new ArrayList<>(List.of(PaymentsFunctionalTests.PAYMENTS_HEADER));
        for (int i = 1; i <= 12; i++) {
            String id = String.format("K-%02d", i);
            contracts.add(id + ",M-" + i + ",Name " + i + ",,,,120000,,12,2026-01");
            register.add("2026-01,M-" + i + ",300000,ACTIVE,,");
            withheld.add("2026-01," + id + ",M-" + i + ",10000");
            // 2026-01, order issued: settles some (stopped to 0), leaves others below 10 000 (stopped), or not
            first.add("A-" + i + ",COUNTER," + id + "," + (i % 3 == 0 ? 120000 : i % 3 == 1 ? 115000 : 1000)
                    + ",2026-01-1" + (i % 10) + ",");
            // 2026-02: payments to settled contracts refunded, others posted
            second.add("B-" + i + ",BANK," + id + ",20000,2026-02-0" + (1 + i % 9) + ",M-" + i);
        }
        first.add("A-1,COUNTER,K-01,115000,2026-01-11,"); // repeated key: both lines invalid, within max-rejects
        write(inputs, "contracts.csv", contracts.toArray(String[]::new));
        write(inputs, "payroll-2026-01.csv", register.toArray(String[]::new));
        write(inputs, "withheld-2026-01.csv", withheld.toArray(String[]::new));
        write(inputs, "payments-1.csv", first.toArray(String[]::new));
        write(inputs, "payments-2.csv", second.toArray(String[]::new));
        uninterrupted = uninterrupted(TestDatabase.H2);
    }

    /** The snapshot of the programme run without interruption on this database. */
    static Map<String, Object> uninterrupted(TestDatabase database) {
        Programme clean = programme(shared.resolve("clean-" + database.name()), database);
        for (Step step : STEPS) {
            step.drop(clean);
            Programme.Result result = clean.run(step.command());
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        return snapshot(clean);
    }

    static Stream<Arguments> crashPoints() {
        return Stream.of(
                Arguments.of(2, "start:recordPaymentsJob"),
                Arguments.of(2, "step:stagePayments"),
                Arguments.of(2, "batch#2"),
                Arguments.of(2, "done:stagePayments"),
                Arguments.of(2, "step:commitPayments"),
                Arguments.of(2, "batch#9"),
                Arguments.of(2, "done:commitPayments"),
                Arguments.of(2, "step:publishPayments"),
                Arguments.of(2, "publish:payments-2026-01-01.csv"),
                Arguments.of(2, "published:payments-2026-01-01.csv"),
                Arguments.of(2, "publish:deduction-stops-2026-01-01.csv"),
                Arguments.of(2, "step:archivePayments"),
                Arguments.of(2, "done:archivePayments"),
                Arguments.of(4, "step:commitPayments"),
                Arguments.of(4, "done:commitPayments"),
                Arguments.of(4, "published:payments-2026-02-01.csv"),
                Arguments.of(4, "step:archivePayments"));
    }

    @ParameterizedTest(name = "{1} in step {0}")
    @MethodSource("crashPoints")
    void aCrashAtAnyPointIsResumedExactlyByTheSameCommand(int crashed, String point, @TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), TestDatabase.H2);
        runAll(programme, crashed, point);
        assertThat(snapshot(programme)).isEqualTo(uninterrupted);
    }

    static Stream<Arguments> postgresCrashPoints() {
        return Stream.of(
                Arguments.of(2, "batch#2"),
                Arguments.of(2, "done:commitPayments"),
                Arguments.of(4, "step:archivePayments"));
    }

    @ParameterizedTest(name = "{1} in step {0}")
    @MethodSource("postgresCrashPoints")
    void aCrashIsResumedExactlyOnPostgresql(int crashed, String point, @TempDir Path dir) {
        Programme programme = programme(dir.resolve("home"), TestDatabase.POSTGRES);
        runAll(programme, crashed, point);
        // the database writes some values its own way (booleans): compared with a run on PostgreSQL
        if (uninterruptedOnPostgresql == null) {
            uninterruptedOnPostgresql = uninterrupted(TestDatabase.POSTGRES);
        }
        assertThat(snapshot(programme)).isEqualTo(uninterruptedOnPostgresql);
    }

    static void runAll(Programme programme, int crashed, String point) {
        for (int i = 0; i < STEPS.size(); i++) {
            Step step = STEPS.get(i);
            step.drop(programme);
            if (i == crashed) {
                EngineProcess engine =
                        EngineProcess.start(programme, Map.of("PAYROLL_CRASH_AT", point), step.command());
                assertThat(engine.waitFor())
                        .as("halted at %s:\n%s", point, engine.output())
                        .isEqualTo(137);
            }
            Programme.Result result = programme.run(step.command());
            assertThat(result.exitCode())
                    .as("%s after the crash: %s", String.join(" ", step.command()), result)
                    .isZero();
        }
    }

    static Programme programme(Path home, TestDatabase database) {
        Programme programme = new Programme(home, database)
                .with("PAYROLL_BATCH_SIZE", BATCH_SIZE)
                .with("PAYROLL_MAX_REJECTS", "2");
        try {
            Files.createDirectories(programme.inbox());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return programme;
    }

    static Map<String, Object> snapshot(Programme programme) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        Snapshot engine = Snapshot.of(programme);
        snapshot.put("ledger", engine.tables());
        snapshot.put("files", engine.files());
        LIFE_EVENT_TABLES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(table -> snapshot.put(table.getKey(), programme.query(table.getValue())));
        return snapshot;
    }

    record Step(String input, String... command) {

        void drop(Programme programme) {
            Path target = programme.inbox().resolve(input);
            if (!Files.exists(target) && !alreadyArchived(programme)) {
                try {
                    Files.copy(inputs.resolve(input), target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private boolean alreadyArchived(Programme programme) {
            try (Stream<Path> files =
                    Files.exists(programme.archive()) ? Files.walk(programme.archive()) : Stream.empty()) {
                return files.anyMatch(file -> file.getFileName().toString().equals(input));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
