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

    @Test
    void paymentsFilesPayDistinctKnownContractsAndTheSameSeedGivesTheSameBytes(@TempDir Path dir) throws IOException {
        SyntheticProgramme.main(new String[] {
            "--people", "2000", "--contracts", "500", "--months", "1", "--seed", "9", "--out", dir.toString()
        });
        for (String name : new String[] {"a.csv", "b.csv"}) {
            SyntheticProgramme.main(new String[] {
                "payments",
                "--contracts",
                dir.resolve("contracts.csv").toString(),
                "--count",
                "200",
                "--seed",
                "9",
                "--out",
                dir.resolve(name).toString()
            });
        }
        assertThat(OutputFiles.sha256(dir.resolve("a.csv"))).isEqualTo(OutputFiles.sha256(dir.resolve("b.csv")));
        java.util.List<String> lines = Files.readAllLines(dir.resolve("a.csv"));
        assertThat(lines.get(0)).isEqualTo("payment_ref,channel,contract_id,matricule,amount_xof,received_on");
        assertThat(lines).hasSize(201);
        java.util.Set<String> contracts = new java.util.HashSet<>();
        java.util.Set<String> refs = new java.util.HashSet<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        for (String line : Files.readAllLines(dir.resolve("contracts.csv")).subList(1, 501)) {
            known.add(line.substring(0, line.indexOf(',')));
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(6);
            assertThat(refs.add(cells[0])).as("payment_ref unique: %s", line).isTrue();
            assertThat(cells[1].toUpperCase(java.util.Locale.ROOT)).isIn("COUNTER", "BANK", "TMONEY", "FLOOZ", "OTHER");
            assertThat(contracts.add(cells[2]))
                    .as("one payment per contract: %s", line)
                    .isTrue();
            assertThat(known).contains(cells[2]);
            assertThat(Long.parseLong(cells[4])).isPositive();
            assertThat(cells[5]).matches("2026-02-(0[1-9]|1\\d|2[0-8])");
        }
    }

    /** Needs record-payments and refunds (SPEC 7.1, 7.2). */
    @Test
    void theEngineRecordsTheGeneratedPaymentsAndConfirmsTheGeneratedRefundsPaid(@TempDir Path dir) throws IOException {
        SyntheticProgramme.main(new String[] {
            "--people", "2000", "--contracts", "500", "--months", "1", "--seed", "4", "--out", dir.toString()
        });
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        assertThat(programme
                        .run(
                                "import-contracts",
                                "--file",
                                dir.resolve("contracts.csv").toString())
                        .exitCode())
                .isZero();
        assertThat(programme
                        .run(
                                "deduct",
                                "--period",
                                "2026-01",
                                "--file",
                                dir.resolve("payroll-2026-01.csv").toString())
                        .exitCode())
                .isZero();
        Path ret = dir.resolve("withheld-2026-01.csv");
        SyntheticProgramme.main(new String[] {
            "return",
            "--deductions",
            programme.outbox("2026-01").resolve("deductions-2026-01.csv").toString(),
            "--seed",
            "4",
            "--out",
            ret.toString()
        });
        assertThat(programme
                        .run("reconcile", "--period", "2026-01", "--file", ret.toString())
                        .exitCode())
                .isZero();
        Path payments = dir.resolve("payments.csv");
        SyntheticProgramme.main(new String[] {
            "payments",
            "--contracts",
            dir.resolve("contracts.csv").toString(),
            "--count",
            "300",
            "--seed",
            "4",
            "--out",
            payments.toString()
        });
        Programme.Result recorded = programme.run("record-payments", "--file", payments.toString());
        assertThat(recorded.exitCode()).as(recorded.toString()).isZero();
        java.util.List<String> statuses =
                Files.readAllLines(programme.outbox("2026-02").resolve("payments-2026-02-01.csv")).stream()
                        .skip(1)
                        .map(line -> line.substring(line.lastIndexOf(',') + 1))
                        .distinct()
                        .toList();
        assertThat(statuses).contains("POSTED", "SETTLED");

        assertThat(programme.run("refunds", "issue").exitCode()).isZero();
        Path paid = dir.resolve("refunds-paid.csv");
        SyntheticProgramme.main(new String[] {
            "refunds-paid",
            "--refunds",
            programme.home().resolve("outbox/refunds/refunds-0001.csv").toString(),
            "--seed",
            "4",
            "--out",
            paid.toString()
        });
        Programme.Result confirmed = programme.run("refunds", "confirm", "--file", paid.toString());
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(programme.number("SELECT COUNT(*) FROM refund_item WHERE status = 'PAID'"))
                .isEqualTo(Files.readAllLines(paid).size() - 1L);
    }

    private static String[] concat(String[] arguments, String last) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = last;
        return all;
    }
}
