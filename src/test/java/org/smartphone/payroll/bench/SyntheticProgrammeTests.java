package org.smartphone.payroll.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/** The generator behind {@code scripts/generate} and {@code scripts/bench}: what it writes, the engine takes. */
class SyntheticProgrammeTests {

    @Test
    void theSameSeedGivesTheSameBytesAndTheEngineRunsTheWholeMonthOnThem(@TempDir Path dir) throws IOException {
        String[] arguments = {"--people", "3000", "--contracts", "800", "--months", "1", "--seed", "7", "--out"};
        SyntheticProgramme.main(concat(arguments, dir.resolve("a").toString()));
        SyntheticProgramme.main(concat(arguments, dir.resolve("b").toString()));
        for (String file : new String[] {"contracts.csv", "payroll-2026-01.csv"}) {
            assertThat(OutputFiles.sha256(dir.resolve("a").resolve(file)))
                    .isEqualTo(OutputFiles.sha256(dir.resolve("b").resolve(file)));
        }
        assertThat(Files.readAllLines(dir.resolve("a/contracts.csv"))).hasSize(801);
        assertThat(Files.readAllLines(dir.resolve("a/payroll-2026-01.csv")).size())
                .isGreaterThan(2900);

        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        assertThat(programme
                        .run(
                                "import-contracts",
                                "--file",
                                dir.resolve("a/contracts.csv").toString())
                        .exitCode())
                .isZero();
        assertThat(programme
                        .run(
                                "deduct",
                                "--period",
                                "2026-01",
                                "--file",
                                dir.resolve("a/payroll-2026-01.csv").toString())
                        .exitCode())
                .isZero();
        Path order = programme.outbox("2026-01").resolve("deductions-2026-01.csv");
        Path ret = dir.resolve("withheld-2026-01.csv");
        SyntheticProgramme.main(
                new String[] {"return", "--deductions", order.toString(), "--seed", "7", "--out", ret.toString()});
        Programme.Result reconciled = programme.run("reconcile", "--period", "2026-01", "--file", ret.toString());

        assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();
        assertThat(programme.query("SELECT DISTINCT status FROM reconciliation_line ORDER BY status"))
                .extracting(row -> row.get(0))
                .contains("MATCHED", "NOT_WITHHELD", "SHORT", "OVER", "UNEXPECTED");
    }

    private static String[] concat(String[] arguments, String last) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = last;
        return all;
    }
}
