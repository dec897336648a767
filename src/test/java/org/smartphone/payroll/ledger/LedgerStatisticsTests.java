package org.smartphone.payroll.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.bench.SyntheticProgramme;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * On PostgreSQL every run tells the planner what it has just written: right after each command the
 * planner's estimate of the rows its successors read in bulk is the real count, where without
 * statistics PostgreSQL takes 0.5 % of the table for a value it has never seen and joins millions
 * of rows by one index lookup each (docs/design.md, Statistics after each run). A generated
 * programme of 2 000 contracts, run through the command line. (H2 analyses its tables by itself;
 * nothing to check there.)
 */
class LedgerStatisticsTests {

    private static final Pattern ESTIMATE = Pattern.compile("rows=(\\d+)");

    @Test
    void afterEachRunThePlannerExpectsAsManyRowsAsTheRunWrote(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in");
        SyntheticProgramme.main(new String[] {
            "--people", "5000", "--contracts", "2000", "--months", "1", "--seed", "11", "--out", in.toString()
        });
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.POSTGRES);

        assertThat(programme
                        .run(
                                "import-contracts",
                                "--file",
                                in.resolve("contracts.csv").toString())
                        .exitCode())
                .isZero();
        assertEstimated(programme, "contract WHERE " + LedgerRules.isOpen("contract"), 2000);
        assertEstimated(programme, "contract_balance WHERE collected_xof = 0", 2000);

        assertThat(programme
                        .run(
                                "deduct",
                                "--period",
                                "2026-01",
                                "--file",
                                in.resolve("payroll-2026-01.csv").toString())
                        .exitCode())
                .isZero();
        assertEstimated(programme, "deduction_line WHERE period = '2026-01'", 1000);
        assertEstimated(programme, "holder_ministry WHERE period = '2026-01'", 1000);

        Path withheld = dir.resolve("withheld-2026-01.csv");
        SyntheticProgramme.main(new String[] {
            "return",
            "--deductions",
            programme.outbox("2026-01").resolve("deductions-2026-01.csv").toString(),
            "--seed",
            "11",
            "--out",
            withheld.toString()
        });
        assertThat(programme
                        .run("reconcile", "--period", "2026-01", "--file", withheld.toString())
                        .exitCode())
                .isZero();
        assertEstimated(programme, "reconciliation_line WHERE period = '2026-01'", 1000);
        assertEstimated(programme, "posting WHERE period = '2026-01'", 1000);
        assertEstimated(programme, "arrears_line WHERE period = '2026-01'", 50);
    }

    /** The planner's estimate is within a factor of 2 of the count, itself at least {@code atLeast}. */
    private static void assertEstimated(Programme programme, String rows, long atLeast) {
        long count = programme.number("SELECT COUNT(*) FROM " + rows);
        String plan = programme.query("EXPLAIN SELECT * FROM " + rows).get(0).get(0);
        Matcher estimate = ESTIMATE.matcher(plan);
        assertThat(estimate.find()).as(plan).isTrue();
        assertThat(count).as(rows).isGreaterThanOrEqualTo(atLeast);
        assertThat(Long.parseLong(estimate.group(1)))
                .as("%s: the planner's estimate in %s", rows, plan)
                .isBetween(count / 2, count * 2);
    }
}
