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
 * Fourteen months (2026-01 to 2027-02) of a small programme built so that each case of the monthly
 * cycle happens at a known month, with the key figures worked out by hand below, and every file
 * also compared with the reference model:
 * <ul>
 *   <li>C-LATE (M1, 12 000 F over 3): M1 absent from the payroll until 2026-04, so the contract runs
 *       past its term; back in 2026-05 with a net pay of 30 000 (capacity 10 000), it settles in 2026-06;
 *   <li>C-B1 and C-B2 (M2, 60 000 and 36 000 F over 12, from 2026-01 and 2026-02) share a capacity of
 *       floor(21 000 / 3) = 7 000;
 *   <li>C-LEAVE (M3, 24 000 F over 12): M3 leaves in 2026-05;
 *   <li>C-OVER (M4, 10 000 F over 2): 12 000 withheld in 2026-01, past the remaining balance;
 *   <li>an UNEXPECTED return line in 2026-03 for an unknown contract.
 * </ul>
 */
class NamedCasesEndToEndTests {

    private static final List<RefContract> CONTRACTS = List.of(
            new RefContract("C-LATE", "M1", "Afi Mensah", "MSP", 12_000, 0, 3, "2026-01"),
            new RefContract("C-B1", "M2", "Kossi Agbeko", "MSP", 60_000, 0, 12, "2026-01"),
            new RefContract("C-B2", "M2", "Kossi Agbeko", "MSP", 36_000, 0, 12, "2026-02"),
            new RefContract("C-LEAVE", "M3", "Essozimna Pali", "MJ", 24_000, 0, 12, "2026-01"),
            new RefContract("C-OVER", "M4", "Yawa Akakpo", "MEF", 10_000, 0, 2, "2026-01"));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fourteenMonthsOfNamedCases(TestDatabase database, @TempDir Path dir) {
        Programme programme = new Programme(dir.resolve("home"), database);
        ReferenceProgramme reference = new ReferenceProgramme();
        Path contracts = ScenarioFiles.writeContracts(dir.resolve("in"), CONTRACTS);
        assertThat(programme
                        .run("import-contracts", "--file", contracts.toString())
                        .exitCode())
                .isZero();
        reference.importContracts(CONTRACTS);

        Map<String, Map<String, List<List<String>>>> files = new HashMap<>();
        for (int month = 0; month < 14; month++) {
            String period = String.format("%04d-%02d", 2026 + month / 12, month % 12 + 1);
            List<RefPayrollRow> register = register(month);
            Path payroll = ScenarioFiles.writePayroll(dir.resolve("in"), period, register);
            assertThat(programme
                            .run("deduct", "--period", period, "--file", payroll.toString())
                            .exitCode())
                    .isZero();
            RefDeductionResult deduction = reference.deduct(period, register);

            List<RefReturnRow> withheld = withheld(period, deduction.deductions());
            Path ret = ScenarioFiles.writeWithheld(dir.resolve("in"), period, withheld);
            assertThat(programme
                            .run("reconcile", "--period", period, "--file", ret.toString())
                            .exitCode())
                    .isZero();
            RefReconciliationResult reconciliation = reference.reconcile(period, withheld);

            Path out = programme.outbox(period);
            OutputFiles.assertContent(
                    out.resolve("deductions-" + period + ".csv"), "deductions", deduction.deductions());
            OutputFiles.assertContent(
                    out.resolve("deduction-exceptions-" + period + ".csv"),
                    "deduction-exceptions",
                    deduction.exceptions());
            OutputFiles.assertContent(
                    out.resolve("reconciliation-" + period + ".csv"),
                    "reconciliation",
                    reconciliation.reconciliation());
            OutputFiles.assertContent(out.resolve("arrears-" + period + ".csv"), "arrears", reconciliation.arrears());
            files.put(
                    period,
                    Map.of(
                            "deductions",
                            ScenarioFiles.readCsvBody(out.resolve("deductions-" + period + ".csv")),
                            "exceptions",
                            ScenarioFiles.readCsvBody(out.resolve("deduction-exceptions-" + period + ".csv")),
                            "reconciliation",
                            ScenarioFiles.readCsvBody(out.resolve("reconciliation-" + period + ".csv")),
                            "arrears",
                            ScenarioFiles.readCsvBody(out.resolve("arrears-" + period + ".csv"))));
        }

        // 2026-01: C-OVER expects its first installment 10 000 / 2 = 5 000; 12 000 came back; the
        // outstanding balance was 10 000, so 10 000 is posted and 2 000 is refund due; it settles.
        assertThat(files.get("2026-01").get("reconciliation"))
                .contains(List.of("2026-01", "M4", "C-OVER", "5000", "12000", "7000", "10000", "2000", "OVER"));
        assertThat(programme.query("SELECT settled_period FROM contract WHERE contract_id = 'C-OVER'"))
                .containsExactly(List.of("2026-01"));
        // 2026-01: C-LATE's first installment 12 000 / 3 = 4 000 cannot be instructed: M1 is absent.
        assertThat(files.get("2026-01").get("exceptions"))
                .contains(List.of("2026-01", "M1", "C-LATE", "Afi Mensah", "4000", "0", "4000", "NOT_IN_PAYROLL"));
        // 2026-02: M2's capacity 7 000 serves C-B1 (from 2026-01) first: 60 000 / 12 = 5 000; C-B2 gets
        // the 2 000 left of its 36 000 / 12 = 3 000.
        assertThat(files.get("2026-02").get("exceptions"))
                .contains(List.of("2026-02", "M2", "C-B2", "Kossi Agbeko", "3000", "2000", "1000", "CAPPED"));
        // 2026-03: the return line for an unknown contract is refund due in full.
        assertThat(files.get("2026-03").get("reconciliation"))
                .contains(List.of("2026-03", "M9", "C-GHOST", "0", "7000", "7000", "0", "7000", "UNEXPECTED"));
        // 2026-04: C-LATE is past its term (last installment 2026-03): all 12 000 overdue since 2026-01,
        // 4 months past due.
        assertThat(files.get("2026-04").get("arrears"))
                .contains(List.of(
                        "2026-04",
                        "M1",
                        "C-LATE",
                        "Afi Mensah",
                        "MSP",
                        "12000",
                        "12000",
                        "2026-01",
                        "4",
                        "MONTHS_3_PLUS",
                        "NOT_IN_PAYROLL"));
        // 2026-05: M1 is back with capacity floor(30 000 / 3) = 10 000 for a due of 12 000; the 10 000
        // posted cover installments 1 and 2 and half of 3, so 2026-03 is the oldest unpaid: 3 months.
        assertThat(files.get("2026-05").get("exceptions"))
                .contains(List.of("2026-05", "M1", "C-LATE", "Afi Mensah", "12000", "10000", "2000", "CAPPED"));
        assertThat(files.get("2026-05").get("arrears"))
                .contains(List.of(
                        "2026-05",
                        "M1",
                        "C-LATE",
                        "Afi Mensah",
                        "MSP",
                        "2000",
                        "2000",
                        "2026-03",
                        "3",
                        "MONTHS_3_PLUS",
                        "CAPPED"));
        // 2026-05: M3 has left; C-LEAVE's 2 000 (24 000 / 12) is not instructed. Register rows of M3
        // carry ministry MEPS, which wins over the contract's MJ.
        assertThat(files.get("2026-05").get("arrears"))
                .contains(List.of(
                        "2026-05",
                        "M3",
                        "C-LEAVE",
                        "Essozimna Pali",
                        "MEPS",
                        "2000",
                        "16000",
                        "2026-05",
                        "1",
                        "MONTHS_1",
                        "EMPLOYEE_LEFT"));
        // 2026-06: C-LATE pays its last 2 000 and settles; it never appears again.
        assertThat(programme.query("SELECT c.settled_period, b.collected_xof FROM contract c"
                        + " JOIN contract_balance b ON b.contract_id = c.contract_id WHERE c.contract_id = 'C-LATE'"))
                .containsExactly(List.of("2026-06", "12000"));
        assertThat(files.get("2026-07").get("deductions"))
                .noneMatch(row -> row.get(2).equals("C-LATE"));
        // 2027-02: C-LEAVE's term ended in 2026-12; 24 000 − 4 × 2 000 = 16 000 overdue since 2026-05,
        // which is 10 months from 2026-05 to 2027-02 inclusive.
        assertThat(files.get("2027-02").get("arrears"))
                .contains(List.of(
                        "2027-02",
                        "M3",
                        "C-LEAVE",
                        "Essozimna Pali",
                        "MEPS",
                        "16000",
                        "16000",
                        "2026-05",
                        "10",
                        "MONTHS_3_PLUS",
                        "EMPLOYEE_LEFT"));
    }

    private static List<RefPayrollRow> register(int month) {
        List<RefPayrollRow> rows = new ArrayList<>();
        if (month >= 4) {
            rows.add(new RefPayrollRow("M1", 30_000, "ACTIVE", null));
        }
        rows.add(new RefPayrollRow("M2", 21_000, "ACTIVE", null));
        rows.add(new RefPayrollRow("M3", 300_000, month >= 4 ? "LEFT" : "ACTIVE", "MEPS"));
        rows.add(new RefPayrollRow("M4", 100_000, "ACTIVE", null));
        rows.add(new RefPayrollRow("X1", 80_000, "ACTIVE", "MEF"));
        return rows;
    }

    /** Everything instructed comes back, except C-OVER's 12 000 in 2026-01 and a stray line in 2026-03. */
    private static List<RefReturnRow> withheld(String period, List<List<String>> deductions) {
        List<RefReturnRow> rows = new ArrayList<>();
        for (List<String> line : deductions) {
            long amount =
                    line.get(2).equals("C-OVER") && period.equals("2026-01") ? 12_000 : Long.parseLong(line.get(5));
            rows.add(new RefReturnRow(line.get(2), line.get(1), amount));
        }
        if (period.equals("2026-03")) {
            rows.add(new RefReturnRow("C-GHOST", "M9", 7_000));
        }
        return rows;
    }
}
