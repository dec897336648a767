package org.smartphone.payroll.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.InputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * What was hashed is what was read: a register changed under a deduction run that has already
 * hashed it is refused (exit 2, nothing changed, the file left in the inbox), never processed with
 * the new bytes under the old digest; something that is not a file put in its place is refused at
 * once. The engine runs in a process of its own, held at a named point while the test acts.
 *
 * <p>One contract, SP-1 of MAT-000001: 12 000 F over 12 months from 2026-01, so 1 000 F due in
 * 2026-01. The register pays MAT-000001 300 000 F, whose third bears the 1 000 F; edited to 300 F,
 * its third is 100 F, and the order becomes 100 F. Ten thousand people without a contract come
 * first, so that the holder's line lies far beyond what the reader has buffered at the first record.
 */
@EnabledOnOs(OS.LINUX)
class InputChangedWhileReadTests {

    private static final String[] DEDUCT = {"deduct", "--period", "2026-01"};
    private static final Duration NEVER_HANGS = Duration.ofSeconds(120);
    private static final String HOLDER_LINE = "2026-01,MAT-000001,300000,ACTIVE";
    private static final String EDITED_LINE = "2026-01,MAT-000001,   300,ACTIVE";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRegisterEditedInPlaceWhileReadIsRefusedAndTheSameCommandThenRunsTheEditedFile(TestDatabase database)
            throws Exception {
        Programme programme = programmeWithOneContract(database);
        Path register = programme.inbox().resolve("payroll-2026-01.csv");
        Object inode = inode(register);
        Path pause = dir.resolve("paused");
        EngineProcess engine = EngineProcess.start(
                programme, Map.of("PAYROLL_PAUSE_AT", "read#1", "PAYROLL_PAUSE_FILE", pause.toString()), DEDUCT);
        try {
            EngineProcess.awaitFile(pause, engine);
            editInPlace(register, HOLDER_LINE, EDITED_LINE);
            Files.delete(pause);

            assertThat(engine.waitFor()).as(engine.output()).isEqualTo(2);
        } finally {
            stop(engine);
        }

        assertThat(engine.output())
                .contains("payroll-2026-01.csv changed while it was being read")
                .contains("nothing was changed");
        assertNothingChanged(programme);
        assertThat(inode(register)).isEqualTo(inode);

        Programme.Result again = programme.run(DEDUCT);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(programme.query("SELECT contract_id, amount_xof FROM deduction_line WHERE period = '2026-01'"))
                .containsExactly(List.of("SP-1", "100"));
        assertThat(programme.query(
                        "SELECT state, input_sha256 FROM payroll_run WHERE kind = 'DEDUCTION'" + " ORDER BY run_id"))
                .containsExactly(
                        List.of("REJECTED", sha256Of(registerLines(HOLDER_LINE))),
                        List.of("COMPLETED", sha256Of(registerLines(EDITED_LINE))));
        assertThat(programme.archive().resolve("2026-01/payroll-2026-01.csv")).exists();
        assertThat(register).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNamedPipePutInPlaceOfTheRegisterIsRefusedAtOnce(TestDatabase database) throws Exception {
        Programme programme = programmeWithOneContract(database);
        Path register = programme.inbox().resolve("payroll-2026-01.csv");

        String output = deductWithTheRegisterReplacedBy(programme, () -> {
            Files.delete(register);
            Process mkfifo = new ProcessBuilder("mkfifo", register.toString()).start();
            assertThat(mkfifo.waitFor()).isZero();
        });

        assertThat(output).contains(register + " is not a regular file (a named pipe, a socket or a device)");
        assertNothingChanged(programme);
        assertThat(Files.readAttributes(register, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .isOther())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFolderPutInPlaceOfTheRegisterIsRefused(TestDatabase database) throws Exception {
        Programme programme = programmeWithOneContract(database);
        Path register = programme.inbox().resolve("payroll-2026-01.csv");

        String output = deductWithTheRegisterReplacedBy(programme, () -> {
            Files.delete(register);
            Files.createDirectory(register);
        });

        assertThat(output).contains(register + " is a folder, not a file");
        assertNothingChanged(programme);
        assertThat(register).isDirectory();
    }

    /**
     * On H2 a contracts import of many new contracts inserts without the index on matricule, dropped
     * outside its transaction; a file changed between the import's two reads is refused at the end of
     * the apply step (exit 2): nothing is imported and the index is there again for the runs that
     * follow. The bulk path is taken from one new contract here (PAYROLL_BULK_IMPORT_ROWS=1).
     */
    @org.junit.jupiter.api.Test
    void aContractsFileChangedBeforeItsBulkInsertIsRefusedAndTheIndexOnMatriculeIsThereAgain() throws Exception {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        List<String> lines = new ArrayList<>();
        lines.add("contract_id,matricule,full_name,price_xof,first_period");
        for (int i = 1; i <= 6_000; i++) {
            lines.add(String.format("SP-%05d,MAT-%05d,Ama Mensah,12000,2026-01", i, i));
        }
        Path contracts = InputFiles.write(programme.inbox(), "contracts.csv", lines.toArray(String[]::new));
        Path pause = dir.resolve("paused");
        // the stage step reads records 1 to 6 000; the apply step's first record is the 6 001st read
        EngineProcess engine = EngineProcess.start(
                programme,
                Map.of(
                        "PAYROLL_PAUSE_AT",
                        "read#6001",
                        "PAYROLL_PAUSE_FILE",
                        pause.toString(),
                        "PAYROLL_BULK_IMPORT_ROWS",
                        "1"),
                "import-contracts");
        try {
            EngineProcess.awaitFile(pause, engine);
            editInPlace(contracts, "SP-06000,MAT-06000,Ama Mensah,12000", "SP-06000,MAT-06000,Ama Mensah,12001");
            Files.delete(pause);

            assertThat(engine.waitFor()).as(engine.output()).isEqualTo(2);
        } finally {
            stop(engine);
        }

        assertThat(engine.output()).contains("contracts.csv changed while it was being read");
        assertThat(programme.number("SELECT COUNT(*) FROM contract")).isZero();
        assertThat(programme.number("SELECT COUNT(*) FROM contract_import_skip"))
                .isZero();
        assertThat(programme.number("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE UPPER(INDEX_NAME) = 'CONTRACT_MATRICULE'"))
                .isEqualTo(1);
    }

    /** Runs the deduction held before its read, replaces the register meanwhile, and returns its output (exit 2). */
    private String deductWithTheRegisterReplacedBy(Programme programme, Replacement replacement) throws Exception {
        Path pause = dir.resolve("paused");
        EngineProcess engine = EngineProcess.start(
                programme, Map.of("PAYROLL_PAUSE_AT", "step:deduct", "PAYROLL_PAUSE_FILE", pause.toString()), DEDUCT);
        try {
            EngineProcess.awaitFile(pause, engine);
            replacement.run();
            Files.delete(pause);

            int exit = assertTimeoutPreemptively(NEVER_HANGS, engine::waitFor, engine::output);
            assertThat(exit).as(engine.output()).isEqualTo(2);
            return engine.output();
        } finally {
            stop(engine);
        }
    }

    @FunctionalInterface
    private interface Replacement {
        void run() throws Exception;
    }

    private Programme programmeWithOneContract(TestDatabase database) {
        Programme programme = new Programme(dir.resolve("home"), database);
        Path contracts = InputFiles.write(
                dir,
                "contracts.csv",
                "contract_id,matricule,full_name,price_xof,down_payment_xof,term_months,first_period",
                "SP-1,MAT-000001,Ama Mensah,12000,0,12,2026-01");
        Programme.Result imported = programme.run("import-contracts", "--file", contracts.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        InputFiles.write(
                programme.inbox(),
                "payroll-2026-01.csv",
                registerLines(HOLDER_LINE).toArray(String[]::new));
        return programme;
    }

    private static List<String> registerLines(String holderLine) {
        List<String> lines = new ArrayList<>();
        lines.add("period,matricule,net_pay_xof,employment_status");
        for (int i = 0; i < 10_000; i++) {
            lines.add("2026-01,MAT-9" + String.format("%05d", i) + ",250000,ACTIVE");
        }
        lines.add(holderLine);
        return lines;
    }

    /** Overwrites the bytes of {@code before} with {@code after} (as long) where they are: same file, same inode. */
    private static void editInPlace(Path file, String before, String after) throws IOException {
        assertThat(after).hasSameSizeAs(before);
        String text = Files.readString(file, UTF_8);
        int offset = text.indexOf(before);
        assertThat(offset).isGreaterThan(200_000);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(after.getBytes(UTF_8)), offset);
            channel.force(true);
        }
    }

    /** No deduction line, no output, no run completed: the ledger and outbox are as before the command. */
    private static void assertNothingChanged(Programme programme) throws IOException {
        assertThat(programme.number("SELECT COUNT(*) FROM deduction_line")).isZero();
        assertThat(programme.number(
                        "SELECT COUNT(*) FROM payroll_run WHERE kind = 'DEDUCTION'" + " AND state <> 'REJECTED'"))
                .isZero();
        Path outbox = programme.outbox("2026-01");
        if (Files.exists(outbox)) {
            try (var files = Files.list(outbox)) {
                assertThat(files).isEmpty();
            }
        }
        assertThat(programme.archive().resolve("2026-01")).doesNotExist();
    }

    private static void stop(EngineProcess engine) {
        if (engine.isAlive()) {
            engine.kill();
        }
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
    }

    /** The SHA-256 of a file of these lines, each ended by LF, as {@link InputFiles#write} writes them. */
    private static String sha256Of(List<String> lines) throws Exception {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
