package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Programme.Result;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The connection pool (application.yml, spring.datasource.hikari) is sized from what a command holds
 * at once: the run lock, the step's transaction, the run registry's own short transaction (3), plus
 * the stop request of a SIGTERM (4). Every job must run with 3, and a pool of 2 must not be enough,
 * or the count, and the size derived from it, is wrong.
 */
class ConnectionPoolTests {

    private static Programme programme(Path dir, TestDatabase database, int poolSize) {
        return new Programme(dir.resolve("home"), database)
                .with("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", Integer.toString(poolSize))
                .with("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "1")
                // a command short of a connection fails after this long instead of 30 s
                .with("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "1000");
    }

    private static Path[] inputs(Path dir) {
        Path in = dir.resolve("in");
        return new Path[] {
            InputFiles.write(
                    in,
                    "contracts.csv",
                    "contract_id,matricule,full_name,price_xof,first_period",
                    "K-1,M-1,Ama Kpodar,120000,2026-01",
                    "K-2,M-1,Ama Kpodar,60000,2026-01",
                    "K-3,M-2,Kofi Mensah,240000,2026-01"),
            InputFiles.write(
                    in,
                    "payroll-2026-01.csv",
                    "period,matricule,net_pay_xof,employment_status",
                    "2026-01,M-1,90000,ACTIVE",
                    "2026-01,M-2,60000,ACTIVE",
                    "2026-01,M-9,50000,ACTIVE"),
            InputFiles.write(
                    in,
                    "withheld-2026-01.csv",
                    "period,contract_id,matricule,amount_withheld_xof",
                    "2026-01,K-1,M-1,10000",
                    "2026-01,K-2,M-1,5000",
                    "2026-01,K-3,M-2,15000")
        };
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyJobRunsWithTheConnectionsOneCommandHoldsAtOnce(TestDatabase database, @TempDir Path dir) {
        Programme programme = programme(dir, database, 3);
        Path[] in = inputs(dir);

        Result imported = programme.run("import-contracts", "--file", in[0].toString());
        Result deducted = programme.run("deduct", "--period", "2026-01", "--file", in[1].toString());
        Result reconciled = programme.run("reconcile", "--period", "2026-01", "--file", in[2].toString());
        Result reported = programme.run("report", "--period", "2026-01");

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(deducted.exitCode()).as(deducted.toString()).isZero();
        assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();
        assertThat(reported.exitCode()).as(reported.toString()).isZero();
        assertThat(programme.number("SELECT SUM(amount_xof) FROM posting")).isEqualTo(30_000);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneConnectionFewerIsNotEnoughAndTheRunCanBeResumedWithEnough(TestDatabase database, @TempDir Path dir) {
        Path[] in = inputs(dir);

        Programme programme = programme(dir, database, 2);

        Result starved = programme.run("import-contracts", "--file", in[0].toString());
        Result resumed = programme
                .with("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "3")
                .run("import-contracts", "--file", in[0].toString());

        assertThat(starved.exitCode()).as(starved.toString()).isEqualTo(1);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(3);
    }
}
