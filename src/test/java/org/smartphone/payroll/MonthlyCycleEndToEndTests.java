package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.reference.ReferenceProgramme;
import org.smartphone.payroll.reference.Scenario;
import org.smartphone.payroll.reference.Scenario.MonthOutcome;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.reference.ScenarioGenerator;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * Whole programmes of 14 months, generated from seeds, run through the command line on H2 and on
 * PostgreSQL and compared file by file with the independent reference model written from SPEC.
 */
class MonthlyCycleEndToEndTests {

    static Stream<Arguments> programmes() {
        return Stream.of(
                Arguments.of(TestDatabase.H2, 11L),
                Arguments.of(TestDatabase.H2, 12L),
                Arguments.of(TestDatabase.POSTGRES, 13L),
                Arguments.of(TestDatabase.POSTGRES, 14L));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("programmes")
    void everyMonthsFilesMatchTheReferenceModel(TestDatabase database, long seed, @TempDir Path dir) {
        Scenario scenario = ScenarioGenerator.generate(seed, 40, 14, "2026-01");
        List<MonthOutcome> expected = scenario.playOn(new ReferenceProgramme());
        Programme programme = new Programme(dir.resolve("home"), database);

        Path contracts = ScenarioFiles.writeContracts(dir.resolve("in"), scenario);
        assertThat(programme
                        .run("import-contracts", "--file", contracts.toString())
                        .exitCode())
                .isZero();

        for (MonthOutcome month : expected) {
            String period = month.period();
            Path register = ScenarioFiles.writePayroll(dir.resolve("in"), scenario, period);
            Programme.Result deduct = programme.run("deduct", "--period", period, "--file", register.toString());
            assertThat(deduct.exitCode()).as("deduct %s: %s", period, deduct).isZero();
            Path out = programme.outbox(period);
            OutputFiles.assertContent(
                    out.resolve("deductions-" + period + ".csv"),
                    "deductions",
                    month.deduction().deductions());
            OutputFiles.assertContent(
                    out.resolve("deduction-exceptions-" + period + ".csv"),
                    "deduction-exceptions",
                    month.deduction().exceptions());

            Path ret = ScenarioFiles.writeWithheld(dir.resolve("in"), period, month.withholdingReturn());
            Programme.Result reconcile = programme.run("reconcile", "--period", period, "--file", ret.toString());
            assertThat(reconcile.exitCode())
                    .as("reconcile %s: %s", period, reconcile)
                    .isZero();
            OutputFiles.assertContent(
                    out.resolve("reconciliation-" + period + ".csv"),
                    "reconciliation",
                    month.reconciliation().reconciliation());
            OutputFiles.assertContent(
                    out.resolve("arrears-" + period + ".csv"),
                    "arrears",
                    month.reconciliation().arrears());
        }
        long collected = programme.number("SELECT COALESCE(SUM(collected_xof), 0) FROM contract_balance");
        long posted = programme.number("SELECT COALESCE(SUM(amount_xof), 0) FROM posting");
        assertThat(collected).as("collected equals the sum of postings").isEqualTo(posted);
    }
}
