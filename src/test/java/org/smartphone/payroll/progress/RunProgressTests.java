package org.smartphone.payroll.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A run started without a terminal (cron, systemd, a pipe) reports its progress in logs/payroll.log
 * and keeps its output to the one closing line.
 */
class RunProgressTests {

    private static final int CONTRACTS = 3000;
    private static final int PEOPLE = 5000;

    @Test
    void aRunWithoutATerminalWritesProgressLinesToTheLogAndNoneToItsOutput(@TempDir Path dir) throws IOException {
        // given 3 000 contracts and a register of 5 000 people, and progress logged at every check
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        List<String> contracts = new ArrayList<>(List.of("contract_id,matricule,full_name,price_xof,first_period"));
        for (int i = 0; i < CONTRACTS; i++) {
            contracts.add(String.format("K-%05d,M-%05d,Person %d,120000,2026-01", i, i, i));
        }
        List<String> register = new ArrayList<>(List.of("period,matricule,net_pay_xof,employment_status"));
        for (int i = 0; i < PEOPLE; i++) {
            register.add(String.format("2026-01,M-%05d,300000,ACTIVE", i));
        }
        Path contractsFile = InputFiles.write(dir.resolve("in"), "contracts.csv", contracts.toArray(String[]::new));
        Path registerFile = InputFiles.write(dir.resolve("in"), "payroll-2026-01.csv", register.toArray(String[]::new));
        assertThat(programme
                        .run("import-contracts", "--file", contractsFile.toString())
                        .exitCode())
                .isZero();

        // when the deduction runs in a process of its own whose input is not a terminal
        EngineProcess engine = EngineProcess.start(
                programme,
                Map.of("PAYROLL_PROGRESS_LOG_EVERY", "0s"),
                "deduct",
                "--period",
                "2026-01",
                "--file",
                registerFile.toString());
        int exit = engine.waitFor();

        // then its output is where it works, the outcome line and its summary line alone, no progress
        assertThat(exit).as(engine.output()).isZero();
        assertThat(engine.output()).doesNotContain("\r").doesNotContain("rows/s");
        assertThat(engine.output().strip().lines().toList())
                .satisfiesExactly(
                        where -> assertThat(where).startsWith("Home " + programme.home()),
                        outcome -> assertThat(outcome).startsWith("The deduction run completed"),
                        summary ->
                                assertThat(summary).startsWith("  payroll-2026-01.csv: 5000 lines read, 0 rejected;"));
        // and the log follows each long loop: rows, share done and time left while it runs, totals at its end
        String log = Files.readString(programme.home().resolve("logs/payroll.log"), StandardCharsets.UTF_8);
        assertThat(log)
                .containsPattern("reading payroll-2026-01\\.csv: 1 024 rows \\(\\d+ %\\), [0-9 ]+ rows/s,"
                        + " [0-9.]+ s elapsed, about [0-9.]+ s left");
        assertThat(log).containsPattern("reading payroll-2026-01\\.csv: 5 000 rows in [0-9.]+ s");
        // 1 024 and 2 048 of the 3 000 open contracts are 34 % and 68 %
        assertThat(log).contains("allocating 2026-01: 1 024 rows (34 %)", "allocating 2026-01: 2 048 rows (68 %)");
        assertThat(log).containsPattern("allocating 2026-01: 3 000 rows in [0-9.]+ s");
        assertThat(log).containsPattern("writing deductions-2026-01\\.csv: 2 048 rows, [0-9 ]+ rows/s");
        assertThat(log).containsPattern("writing deductions-2026-01\\.csv: 3 000 rows in [0-9.]+ s");
        // and each step's wall and CPU time
        assertThat(log)
                .containsPattern("step deduct of run \\d+: [0-9.]+ s wall, [0-9.]+ s CPU in the step's"
                        + " thread, [0-9.]+ s CPU in the process");
    }
}
