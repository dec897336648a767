package org.smartphone.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartphone.payroll.support.InputFiles.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A file name and a cell value carrying a terminal escape sequence (ESC [31m, which turns a terminal
 * red) and U+202E RIGHT-TO-LEFT OVERRIDE (which shows what follows reversed) reach the operator only
 * escaped: on stdout and stderr, in {@code status} (read back from the database) and in
 * logs/payroll.log. Such a file name is refused before any run is recorded (issue 12, point 4), so
 * what reaches the ledger is the cell value, quoted in the reason of the refused run.
 */
class TerminalSafeMessagesTests {

    private static final String HOSTILE = "\u001b[31m\u202E";
    private static final String SHOWN = "\\u001b[31m\\u202e";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHostileFileNameAndCellValueAreShownEscapedEverywhere(TestDatabase database) throws IOException {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path hostileName = write(
                dir,
                "contracts-" + HOSTILE + "x.csv",
                "contract_id,matricule,full_name,price_xof,first_period",
                "C-1,M-1,Awa Diop,120000,2026-01");
        Path contracts = write(
                dir,
                "contracts-x.csv",
                "contract_id,matricule,full_name,price_xof,first_period",
                "C-1,M-1,Awa Diop,120000,2026-01");
        Path register = write(
                dir,
                "payroll-x.csv",
                "period,matricule,net_pay_xof,employment_status",
                "2026-01,M-1,12" + HOSTILE + "34,ACTIVE");

        Programme.Result named = programme.run("import-contracts", "--file", hostileName.toString());
        Programme.Result imported = programme.run("import-contracts", "--file", contracts.toString());
        Programme.Result refused = programme.run("deduct", "--period", "2026-01", "--file", register.toString());
        Programme.Result badOption = programme.run("deduct", "--period", "2026" + HOSTILE);
        Programme.Result status = programme.run("status");

        assertThat(named.exitCode()).as(named.toString()).isEqualTo(2);
        assertThat(named.stderr()).contains("contracts-" + SHOWN + "x.csv");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.stderr()).contains("12" + SHOWN + "34");
        assertThat(badOption.exitCode()).isEqualTo(2);
        assertThat(badOption.stderr()).contains("2026" + SHOWN);
        assertThat(status.exitCode()).isZero();
        assertThat(status.stdout()).contains("12" + SHOWN + "34").doesNotContain("contracts-" + SHOWN);
        String log = Files.readString(programme.home().resolve("logs").resolve("payroll.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("12" + SHOWN + "34");
        for (String shown : new String[] {
            named.stdout(),
            named.stderr(),
            imported.stdout(),
            imported.stderr(),
            refused.stdout(),
            refused.stderr(),
            badOption.stdout(),
            badOption.stderr(),
            status.stdout(),
            status.stderr(),
            log
        }) {
            assertThat(shown).doesNotContain("\u001b").doesNotContain("\u202E");
        }
    }
}
