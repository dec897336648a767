package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.reference.RefContract;
import org.smartphone.payroll.reference.RefDeductionResult;
import org.smartphone.payroll.reference.RefPayrollRow;
import org.smartphone.payroll.reference.RefReconciliationResult;
import org.smartphone.payroll.reference.RefReturnRow;
import org.smartphone.payroll.reference.ReferenceProgramme;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The sample programme of the Quick start, dropped into the inbox and run month by month as a
 * treasurer would, compared with the reference model fed the same files; and the cases the sample
 * data promises (sample-data/EXPECTED.md) really occur.
 */
class SampleDataEndToEndTests {

    private static final Path SAMPLES = Path.of("sample-data");
    private static final List<String> PERIODS = List.of("2026-01", "2026-02", "2026-03");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void threeSampleMonthsMatchTheReferenceModelAndShowEveryCase(TestDatabase database, @TempDir Path dir) {
        Programme programme = new Programme(dir, database);
        ReferenceProgramme reference = new ReferenceProgramme();
        programme.drop(SAMPLES.resolve("contracts.csv"), "contracts.csv");
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        reference.importContracts(contracts());
        assertThat(programme.archive().resolve("contracts/contracts.csv")).exists();

        List<List<String>> allExceptions = new ArrayList<>();
        List<List<String>> allReconciliation = new ArrayList<>();
        List<List<String>> allArrears = new ArrayList<>();
        for (String period : PERIODS) {
            programme.drop(SAMPLES.resolve("payroll-" + period + ".csv"), "payroll-" + period + ".csv");
            programme.drop(SAMPLES.resolve("withheld-" + period + ".csv"), "withheld-" + period + ".csv");
            assertThat(programme.run("deduct", "--period", period).exitCode()).isZero();
            RefDeductionResult deduction = reference.deduct(period, register(period));
            Path out = programme.outbox(period);
            OutputFiles.assertContent(
                    out.resolve("deductions-" + period + ".csv"), "deductions", deduction.deductions());
            OutputFiles.assertContent(
                    out.resolve("deduction-exceptions-" + period + ".csv"),
                    "deduction-exceptions",
                    deduction.exceptions());

            assertThat(programme.run("reconcile", "--period", period).exitCode())
                    .isZero();
            RefReconciliationResult reconciliation = reference.reconcile(period, withholdingReturn(period));
            OutputFiles.assertContent(
                    out.resolve("reconciliation-" + period + ".csv"),
                    "reconciliation",
                    reconciliation.reconciliation());
            OutputFiles.assertContent(out.resolve("arrears-" + period + ".csv"), "arrears", reconciliation.arrears());
            assertThat(programme.archive().resolve(period))
                    .isDirectoryContaining("glob:**/payroll-" + period + ".csv")
                    .isDirectoryContaining("glob:**/withheld-" + period + ".csv");
            allExceptions.addAll(deduction.exceptions());
            allReconciliation.addAll(reconciliation.reconciliation());
            allArrears.addAll(reconciliation.arrears());
        }
        assertThat(column(allExceptions, 7))
                .contains(
                        "NOT_IN_PAYROLL",
                        "EMPLOYEE_SUSPENDED",
                        "EMPLOYEE_LEFT",
                        "EMPLOYEE_RETIRED",
                        "EMPLOYEE_DECEASED",
                        "CAPPED");
        assertThat(column(allReconciliation, 8)).contains("MATCHED", "NOT_WITHHELD", "SHORT", "OVER", "UNEXPECTED");
        assertThat(column(allArrears, 9)).contains("MONTHS_1", "MONTHS_2", "MONTHS_3_PLUS");
        assertThat(programme.number("SELECT COUNT(*) FROM contract WHERE settled_period IS NOT NULL"))
                .isPositive();
        assertThat(programme.query("SELECT 1 FROM reconciliation_line WHERE status = 'OVER' AND refund_due_xof > 0"))
                .isNotEmpty();
    }

    private static List<String> column(List<List<String>> rows, int index) {
        return rows.stream().map(row -> row.get(index)).distinct().toList();
    }

    private static List<RefContract> contracts() {
        List<RefContract> contracts = new ArrayList<>();
        for (Map<String, String> row : rows(SAMPLES.resolve("contracts.csv"))) {
            contracts.add(new RefContract(
                    row.get("contract_id"),
                    row.get("matricule"),
                    row.get("full_name"),
                    blankToNull(row.get("ministry_code")),
                    Long.parseLong(row.get("price_xof")),
                    row.get("down_payment_xof").isEmpty() ? 0 : Long.parseLong(row.get("down_payment_xof")),
                    row.get("term_months").isEmpty() ? 12 : Integer.parseInt(row.get("term_months")),
                    row.get("first_period")));
        }
        return contracts;
    }

    private static List<RefPayrollRow> register(String period) {
        return rows(SAMPLES.resolve("payroll-" + period + ".csv")).stream()
                .map(row -> new RefPayrollRow(
                        row.get("matricule"),
                        Long.parseLong(row.get("net_pay_xof")),
                        row.get("employment_status"),
                        blankToNull(row.get("ministry_code"))))
                .toList();
    }

    private static List<RefReturnRow> withholdingReturn(String period) {
        return rows(SAMPLES.resolve("withheld-" + period + ".csv")).stream()
                .map(row -> new RefReturnRow(
                        row.get("contract_id"), row.get("matricule"), Long.parseLong(row.get("amount_withheld_xof"))))
                .toList();
    }

    /** The sample files are plain (no grouping, no BOM): read them naively, by header name. */
    private static List<Map<String, String>> rows(Path file) {
        List<List<String>> csv = ScenarioFiles.readCsv(file);
        List<String> header = csv.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> cells : csv.subList(1, csv.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i).trim() : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
