package org.smartphone.payroll;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.Snapshot;
import org.smartphone.payroll.support.TestDatabase;

/**
 * Errors files that grow with the input, not with its square, and runs whose memory does not grow
 * with the invalid lines (SPEC 5, "Invalid lines and nothing lost"): a file of thousands of copies
 * of one line, or of a million invalid lines, is refused like a file of a few (exit 2, every invalid
 * line reported, sorted by line, nothing changed), with an errors file of a size near the input's.
 */
class LargeErrorFilesTests {

    private static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();
    private static final String REGISTER_HEADER =
            "period,matricule,net_pay_xof,employment_status,full_name," + "ministry_code";
    private static final String CONTRACTS_HEADER = "contract_id,matricule,full_name,ministry_code,device_model,imei,"
            + "price_xof,down_payment_xof,term_months,first_period";
    private static final String ABSENT =
            "none of these lines is used, so this person counts as absent from the" + " payroll.";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fourThousandCopiesOfAHoldersRegisterLineGiveAnErrorsFileNearTheRegistersSize(TestDatabase database)
            throws IOException {
        Programme programme = withSampleContracts(database);
        Snapshot before = Snapshot.of(programme).ledgerAndOutbox();
        List<String> lines = new ArrayList<>(List.of(REGISTER_HEADER));
        lines.addAll(Collections.nCopies(4000, "2026-01,MAT-104233,93400,ACTIVE,Kossi Agbéko,MEF"));
        Path register = InputFiles.write(dir, "payroll-2026-01.csv", lines.toArray(String[]::new));

        Programme.Result result = programme.run("deduct", "--period", "2026-01", "--file", register.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        String whole = "The matricule MAT-104233 appears 4000 times in this register (lines 2, 3, 4, 5, 6 and 3995"
                + " more); " + ABSENT;
        assertThat(result.stderr())
                .contains("4000 invalid line(s), more than the 0 allowed")
                .contains("First: line 2, column matricule, value 'MAT-104233': "
                        + whole.substring(0, whole.length() - 1));
        assertThat(result.errors().length()).as("stderr").isLessThan(1000);
        Path errors = InputFiles.errorsFile(programme, "payroll-2026-01.csv");
        assertThat(Files.size(errors)).isLessThan(3 * Files.size(register));
        List<List<String>> rows = InputFiles.errorRows(programme, "payroll-2026-01.csv");
        assertThat(rows).hasSize(4000);
        for (int i = 0; i < rows.size(); i++) {
            String line = Integer.toString(i + 2);
            String reason = i < 5 ? whole : "The matricule MAT-104233 is repeated; see line 2.";
            assertThat(rows.get(i)).isEqualTo(List.of(line, "matricule", "MAT-104233", reason));
        }
        assertThat(Snapshot.of(programme).ledgerAndOutbox()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fourThousandCopiesOfAContractLineGiveAnErrorsFileNearTheFilesSize(TestDatabase database) throws IOException {
        Programme programme = withSampleContracts(database);
        Snapshot before = Snapshot.of(programme).ledgerAndOutbox();
        List<String> lines = new ArrayList<>(List.of(CONTRACTS_HEADER));
        lines.addAll(Collections.nCopies(
                4000, "SP-2026-9001,MAT-200001,Yawa Dogbe,MEF,Tecno Spark 20,358675129686157,95000,0,12,2026-02"));
        Path contracts = InputFiles.write(dir, "contracts-copies.csv", lines.toArray(String[]::new));

        Programme.Result result = programme.run("import-contracts", "--file", contracts.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("4000 invalid line(s)");
        Path errors = InputFiles.errorsFile(programme, "contracts-copies.csv");
        assertThat(Files.size(errors)).isLessThan(3 * Files.size(contracts));
        List<List<String>> rows = InputFiles.errorRows(programme, "contracts-copies.csv");
        assertThat(rows).hasSize(4000);
        assertThat(rows.get(0))
                .isEqualTo(List.of(
                        "2",
                        "contract_id",
                        "SP-2026-9001",
                        "The contract_id SP-2026-9001"
                                + " appears 4000 times in this file (lines 2, 3, 4, 5, 6 and 3995 more); none of these lines is"
                                + " imported."));
        assertThat(rows.get(3999))
                .isEqualTo(List.of(
                        "4001",
                        "contract_id",
                        "SP-2026-9001",
                        "The contract_id SP-2026-9001 is repeated; see line 2."));
        assertThat(Snapshot.of(programme).ledgerAndOutbox()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fourThousandCopiesOfAReturnLineGiveAnErrorsFileNearTheReturnsSize(TestDatabase database) throws IOException {
        Programme programme = withSampleContracts(database);
        Programme.Result deducted = programme.run(
                "deduct",
                "--period",
                "2026-01",
                "--file",
                SAMPLES.resolve("payroll-2026-01.csv").toString());
        assertThat(deducted.exitCode()).as(deducted.toString()).isZero();
        Snapshot before = Snapshot.of(programme).ledgerAndOutbox();
        // one line of the order, and one of a contract the order does not have (kept aside as UNEXPECTED)
        List<String> lines = new ArrayList<>(List.of("period,contract_id,matricule,amount_withheld_xof"));
        for (int i = 0; i < 2000; i++) {
            lines.add("2026-01,SP-2026-0001,MAT-104233,8000");
            lines.add("2026-01,SP-2026-9999,MAT-104233,8000");
        }
        Path withheld = InputFiles.write(dir, "withheld-2026-01.csv", lines.toArray(String[]::new));

        Programme.Result result = programme.run("reconcile", "--period", "2026-01", "--file", withheld.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("4000 invalid line(s)");
        assertThat(Files.size(InputFiles.errorsFile(programme, "withheld-2026-01.csv")))
                .isLessThan(3 * Files.size(withheld));
        List<List<String>> rows = InputFiles.errorRows(programme, "withheld-2026-01.csv");
        assertThat(rows).hasSize(4000);
        assertThat(rows.subList(0, 3))
                .containsExactly(
                        List.of(
                                "2",
                                "contract_id",
                                "SP-2026-0001",
                                "The contract_id SP-2026-0001 appears 2000 times in this"
                                        + " return (lines 2, 4, 6, 8, 10 and 1995 more); none of these lines is used."),
                        List.of(
                                "3",
                                "contract_id",
                                "SP-2026-9999",
                                "The contract_id SP-2026-9999 appears 2000 times in this"
                                        + " return (lines 3, 5, 7, 9, 11 and 1995 more); none of these lines is used."),
                        List.of(
                                "4",
                                "contract_id",
                                "SP-2026-0001",
                                "The contract_id SP-2026-0001 appears 2000 times in this"
                                        + " return (lines 2, 4, 6, 8, 10 and 1995 more); none of these lines is used."));
        assertThat(rows.get(3999))
                .isEqualTo(List.of(
                        "4001",
                        "contract_id",
                        "SP-2026-9999",
                        "The contract_id SP-2026-9999 is repeated; see line 3."));
        assertThat(Snapshot.of(programme).ledgerAndOutbox()).isEqualTo(before);
    }

    /**
     * A million invalid lines, one in ten of them carrying a contract holder's matricule (so that each
     * holder's lines are repeats too), read by an engine in a JVM of 256 MB: refused whole (exit 2),
     * every line reported in order, nothing changed.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMillionInvalidLinesAreReportedByAnEngineOf256Megabytes(TestDatabase database) throws IOException {
        Programme programme = withSampleContracts(database);
        Snapshot before = Snapshot.of(programme).ledgerAndOutbox();
        List<String> holders = ScenarioFiles.readCsvBody(SAMPLES.resolve("contracts.csv")).stream()
                .map(row -> row.get(1))
                .distinct()
                .toList();
        int million = 1_000_000;
        Path register = dir.resolve("payroll-2026-01.csv");
        try (BufferedWriter out = Files.newBufferedWriter(register, UTF_8)) {
            out.write(REGISTER_HEADER + "\n");
            for (int i = 0; i < million; i++) {
                if (i % 10 == 0) {
                    out.write(
                            "2026-01," + holders.get(i / 10 % holders.size()) + ",93400.50,ACTIVE,Kossi Agbéko,MEF\n");
                } else if (i % 2 == 0) {
                    out.write(String.format("2026-01,X-%07d,93400,ACTIF,Essodina Agba,MAEDR\n", i));
                } else {
                    out.write(String.format("2026-02,X-%07d,93400,ACTIVE,Essodina Agba,MAEDR\n", i));
                }
            }
        }

        long started = System.nanoTime();
        EngineProcess engine = EngineProcess.start(
                programme,
                List.of("-Xmx256m"),
                Map.of(),
                "deduct",
                "--period",
                "2026-01",
                "--file",
                register.toString());
        int exit = engine.waitFor();
        System.out.printf(
                "%s: a million invalid lines refused in %d s%n",
                database, (System.nanoTime() - started) / 1_000_000_000);

        assertThat(exit).as(engine.output()).isEqualTo(2);
        assertThat(engine.output())
                .contains("1000000 invalid line(s), more than the 0 allowed (max-rejects);"
                        + " nothing was changed. First: line 2, column net_pay_xof, value '93400.50': The amount must be a"
                        + " whole number of francs; 93400.50 has a fraction. All are listed in");
        Path errors = InputFiles.errorsFile(programme, "payroll-2026-01.csv");
        assertThat(Files.size(errors)).isLessThan(3 * Files.size(register));
        // each holder has every (10 x holders)-th line from line 2: 100 000 lines shared among them
        int holderLines = (million / 10 + holders.size() - 1) / holders.size();
        String firstHolder = "The matricule " + holders.get(0) + " appears " + holderLines + " times in this"
                + " register (lines 2, " + (2 + 10 * holders.size()) + ", " + (2 + 20 * holders.size()) + ", "
                + (2 + 30 * holders.size()) + ", " + (2 + 40 * holders.size()) + " and " + (holderLines - 5)
                + " more); " + ABSENT;
        long rows = 0;
        long distinctLines = 0;
        long previous = 0;
        try (BufferedReader in = Files.newBufferedReader(errors, UTF_8)) {
            assertThat(in.readLine()).isEqualTo("line,column,value,reason");
            assertThat(in.readLine())
                    .isEqualTo("2,net_pay_xof,93400.50,The amount must be a whole number of francs;"
                            + " 93400.50 has a fraction.");
            assertThat(in.readLine()).isEqualTo("2,matricule," + holders.get(0) + ",\"" + firstHolder + "\"");
            assertThat(in.readLine())
                    .isEqualTo("3,period,2026-02,\"The period must be 2026-01, the period of this" + " run.\"");
            rows = 3;
            distinctLines = 2;
            previous = 3;
            String row;
            while ((row = in.readLine()) != null) {
                long line = Long.parseLong(row.substring(0, row.indexOf(',')));
                assertThat(line).as("row %d", rows + 1).isGreaterThanOrEqualTo(previous);
                distinctLines += line == previous ? 0 : 1;
                previous = line;
                rows++;
            }
        }
        assertThat(distinctLines).isEqualTo(million);
        assertThat(previous).isEqualTo(million + 1);
        assertThat(rows).isEqualTo(million + million / 10);
        assertThat(InputFiles.list(programme.rejected()))
                .extracting(Path::toString)
                .containsExactly("payroll-2026-01.csv.errors.csv");
        assertThat(Snapshot.of(programme).ledgerAndOutbox()).isEqualTo(before);
    }

    /**
     * A million contract lines, each invalid and with a contract_id of its own (every id takes part in
     * the rule on repeated ids), imported by an engine in a JVM of 256 MB: refused whole, nothing changed.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMillionInvalidContractLinesAreReportedByAnEngineOf256Megabytes(TestDatabase database) throws IOException {
        Programme programme = withSampleContracts(database);
        Snapshot before = Snapshot.of(programme).ledgerAndOutbox();
        int million = 1_000_000;
        Path contracts = dir.resolve("contracts-bad.csv");
        try (BufferedWriter out = Files.newBufferedWriter(contracts, UTF_8)) {
            out.write(CONTRACTS_HEADER + "\n");
            for (int i = 0; i < million; i++) {
                out.write(String.format("C-%07d,M-%07d,Kossi Agbéko,MEF,Tecno Spark 20,,95000,0,12,2026-13\n", i, i));
            }
        }

        long started = System.nanoTime();
        EngineProcess engine = EngineProcess.start(
                programme, List.of("-Xmx256m"), Map.of(), "import-contracts", "--file", contracts.toString());
        int exit = engine.waitFor();
        System.out.printf(
                "%s: a million invalid contract lines refused in %d s%n",
                database, (System.nanoTime() - started) / 1_000_000_000);

        assertThat(exit).as(engine.output()).isEqualTo(2);
        assertThat(engine.output())
                .contains("1000000 invalid line(s), more than the 0 allowed (max-rejects);"
                        + " nothing was changed. First: line 2, column first_period, value '2026-13'");
        Path errors = InputFiles.errorsFile(programme, "contracts-bad.csv");
        assertThat(Files.size(errors)).isLessThan(3 * Files.size(contracts));
        String reason = "\"A period is written YYYY-MM with a month from 01 to 12, for example 2026-01; 2026-13 is not"
                + " accepted.\"";
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(errors, UTF_8)) {
            assertThat(in.readLine()).isEqualTo("line,column,value,reason");
            String row;
            while ((row = in.readLine()) != null) {
                rows++;
                if (!row.equals((rows + 1) + ",first_period,2026-13," + reason)) {
                    assertThat(row).as("row %d", rows).isEqualTo((rows + 1) + ",first_period,2026-13," + reason);
                }
            }
        }
        assertThat(rows).isEqualTo(million);
        assertThat(InputFiles.list(programme.rejected()))
                .extracting(Path::toString)
                .containsExactly("contracts-bad.csv.errors.csv");
        assertThat(Snapshot.of(programme).ledgerAndOutbox()).isEqualTo(before);
    }

    private Programme withSampleContracts(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        Programme.Result imported = programme.run(
                "import-contracts", "--file", SAMPLES.resolve("contracts.csv").toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        return programme;
    }
}
