package org.smartphone.payroll;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.reference.ScenarioFiles;
import org.smartphone.payroll.support.OutputFiles;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * Personal data on disk (docs/security.md): what the engine writes in its home (outputs,
 * archived and rejected inputs, errors files, the report, the log, the embedded database) is readable
 * by no other account, the embedded database has a password of its own, and no link planted in the
 * home makes the engine write over a file elsewhere.
 *
 * <p>The home and its inbox are made here as a user would under the usual umask 022 (0755), and
 * inputs are dropped 0644 or 0666; what the engine makes is checked, not what the test made.
 */
class ConfidentialHomeTests {

    private static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();
    private static final Set<PosixFilePermission> OTHERS = Set.of(
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> GROUP =
            Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE);

    @BeforeAll
    static void posixFileSystem() {
        assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file modes exist on POSIX file systems only");
    }

    /** A home and an inbox as a user makes them (mkdir under umask 022). */
    private static Programme programme(Path dir, TestDatabase database) throws IOException {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("inbox"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home.resolve("inbox"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Programme(home, database);
    }

    /** Drops a sample file into the inbox with the mode a user's tools gave it. */
    private static void drop(Programme programme, String sample, String name, String mode) throws IOException {
        Path dropped = programme.drop(SAMPLES.resolve(sample), name);
        Files.setPosixFilePermissions(dropped, PosixFilePermissions.fromString(mode));
    }

    /**
     * A month on the sample data: import, a contracts file dropped again (refused, moved to rejected/
     * with its reason), the deduction run, a return with one invalid line (its errors file), the
     * reconciliation and the report.
     */
    private static void aMonth(Programme programme) throws IOException {
        drop(programme, "contracts.csv", "contracts.csv", "rw-r--r--");
        assertThat(programme.run("import-contracts").exitCode()).isZero();
        drop(programme, "contracts.csv", "contracts-again.csv", "rw-rw-rw-");
        assertThat(programme.run("import-contracts").exitCode()).isEqualTo(3);
        drop(programme, "payroll-2026-01.csv", "payroll-2026-01.csv", "rw-rw-rw-");
        assertThat(programme.run("deduct", "--period", "2026-01").exitCode()).isZero();
        Path withheld = programme.inbox().resolve("withheld-2026-01.csv");
        Files.writeString(
                withheld,
                Files.readString(SAMPLES.resolve("withheld-2026-01.csv"), UTF_8)
                        + "2026-01,SP-2026-0999,MAT-100001,ten francs\n",
                UTF_8);
        Files.setPosixFilePermissions(withheld, PosixFilePermissions.fromString("rw-r--r--"));
        programme.with("PAYROLL_MAX_REJECTS", "1");
        assertThat(programme.run("reconcile", "--period", "2026-01").exitCode()).isZero();
        assertThat(programme.run("report", "--period", "2026-01").exitCode()).isZero();
    }

    /** Every path under the home but the home and the inbox (the user's), with its mode, e.g. {@code rw-r-----}. */
    private static Map<String, String> modes(Programme programme) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(programme.home())) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (!path.equals(programme.home()) && !path.equals(programme.inbox())) {
                    modes.put(
                            programme.home().relativize(path).toString(),
                            PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
                }
            }
        }
        return modes;
    }

    private static List<String> withAny(Map<String, String> modes, Set<PosixFilePermission> bits) {
        return modes.entrySet().stream()
                .filter(entry -> PosixFilePermissions.fromString(entry.getValue()).stream()
                        .anyMatch(bits::contains))
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .toList();
    }

    @Nested
    class FileModes {

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void aMonthLeavesNothingInTheHomeThatOtherAccountsCanRead(TestDatabase database, @TempDir Path dir)
                throws IOException {
            Programme programme = programme(dir, database);

            aMonth(programme);

            Map<String, String> modes = modes(programme);
            assertThat(modes)
                    .containsKeys(
                            "outbox/2026-01/deductions-2026-01.csv",
                            "outbox/2026-01/report-2026-01.html",
                            "archive/2026-01/payroll-2026-01.csv",
                            "archive/2026-01/withheld-2026-01.csv",
                            "archive/contracts/contracts.csv",
                            "rejected/contracts-again.csv",
                            "rejected/contracts-again.csv.reason.txt",
                            "rejected/withheld-2026-01.csv.errors.csv",
                            "logs/payroll.log");
            if (database == TestDatabase.H2) {
                assertThat(modes).containsKeys("db/payroll.mv.db", "db/credential");
            }
            assertThat(withAny(modes, OTHERS))
                    .as("paths open to other accounts")
                    .isEmpty();
            assertThat(modes)
                    .containsEntry("outbox/2026-01", "rwxr-x---")
                    .containsEntry("outbox/2026-01/deductions-2026-01.csv", "rw-r-----")
                    .containsEntry("archive/2026-01/payroll-2026-01.csv", "rw-r-----")
                    .containsEntry("rejected/contracts-again.csv", "rw-r-----");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void withFileMode0600OnlyTheEnginesAccountCanRead(TestDatabase database, @TempDir Path dir) throws IOException {
            Programme programme = programme(dir, database).with("PAYROLL_FILE_MODE", "0600");

            aMonth(programme);

            Map<String, String> modes = modes(programme);
            assertThat(modes)
                    .containsKeys(
                            "outbox/2026-01/deductions-2026-01.csv",
                            "logs/payroll.log",
                            "archive/2026-01/payroll-2026-01.csv",
                            "rejected/contracts-again.csv.reason.txt");
            assertThat(withAny(modes, OTHERS))
                    .as("paths open to other accounts")
                    .isEmpty();
            assertThat(withAny(modes, GROUP)).as("paths open to the group").isEmpty();
        }

        @Test
        void anOtherFileModeIsAnInvalidSettingAndMakesNothing(@TempDir Path dir) {
            Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2).with("PAYROLL_FILE_MODE", "0644");

            Programme.Result result = programme.run("import-contracts");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr() + result.stdout())
                    .contains("Invalid setting")
                    .contains("0640")
                    .contains("0600");
            assertThat(programme.home()).doesNotExist();
        }

        /** Treasury staff share the home through its group: what the engine makes takes the home's group. */
        @Test
        void whatTheEngineMakesTakesTheHomeFoldersGroup(@TempDir Path dir) throws IOException {
            Programme programme = programme(dir, TestDatabase.H2);
            PosixFileAttributeView home = Files.getFileAttributeView(programme.home(), PosixFileAttributeView.class);
            GroupPrincipal account = home.readAttributes().group();
            GroupPrincipal other = null;
            for (String name : List.of("users", "staff", "daemon")) {
                try {
                    GroupPrincipal group = programme
                            .home()
                            .getFileSystem()
                            .getUserPrincipalLookupService()
                            .lookupPrincipalByGroupName(name);
                    if (!group.equals(account)) {
                        home.setGroup(group);
                        other = group;
                        break;
                    }
                } catch (IOException notThere) {
                    // try the next one
                }
            }
            assumeTrue(other != null, "this account can give its files no other group");

            aMonth(programme);

            List<String> otherGroup = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(programme.home())) {
                for (Path path : (Iterable<Path>) walk::iterator) {
                    if (!path.equals(programme.inbox())
                            && !other.equals(
                                    Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                                            .group())) {
                        otherGroup.add(programme.home().relativize(path).toString());
                    }
                }
            }
            assertThat(otherGroup).as("paths not in the home's group").isEmpty();
        }
    }

    @Nested
    class EmbeddedDatabaseCredential {

        private static final String URL_SUFFIX = "db/payroll";

        private static String url(Programme programme) {
            return "jdbc:h2:file:" + programme.home().resolve(URL_SUFFIX);
        }

        private static Path credential(Programme programme) {
            return programme.home().resolve("db").resolve("credential");
        }

        @Test
        void theDatabaseRefusesSaWithoutPasswordAndTakesItsCredential(@TempDir Path dir) throws Exception {
            Programme programme = programme(dir, TestDatabase.H2);

            assertThat(programme.run("import-contracts").exitCode()).isZero();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credential(programme))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(credential(programme)).strip()).matches("[0-9a-f]{64}");
            assertThatThrownBy(() -> DriverManager.getConnection(url(programme), "sa", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(
                    url(programme),
                    "sa",
                    Files.readString(credential(programme)).strip())) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }

        /** Running again cannot mend it: refused by the state of the home (exit 3), not a failure (1). */
        @Test
        void aCredentialThatIsNotTheDatabasesIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
            Programme programme = programme(dir, TestDatabase.H2);
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            Files.writeString(credential(programme), "0".repeat(64) + "\n");

            Programme.Result status = programme.run("status");

            assertThat(status.exitCode()).as(status.toString()).isEqualTo(3);
            assertThat(status.stderr())
                    .contains("The embedded database refuses the password kept in " + credential(programme))
                    .contains("Put back the one saved with this database");
        }

        @Test
        void twoHomesHaveTwoCredentials(@TempDir Path dir) throws Exception {
            Programme first = programme(dir.resolve("1"), TestDatabase.H2);
            Programme second = programme(dir.resolve("2"), TestDatabase.H2);

            assertThat(first.run("import-contracts").exitCode()).isZero();
            assertThat(second.run("import-contracts").exitCode()).isZero();

            assertThat(Files.readString(credential(first))).isNotEqualTo(Files.readString(credential(second)));
        }

        /**
         * A home of an earlier version: its database has sa with an empty password and there is no
         * credential file. Made here from a home with a ledger, as that version left it.
         */
        @Test
        void aHomeOfAnEarlierVersionIsGivenACredentialAndKeepsItsLedger(@TempDir Path dir) throws Exception {
            Programme programme = programme(dir, TestDatabase.H2);
            drop(programme, "contracts.csv", "contracts.csv", "rw-r--r--");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            asAnEarlierVersionLeftIt(programme);
            Files.delete(credential(programme));
            try (Connection connection = DriverManager.getConnection(url(programme), "sa", "")) {
                assertThat(connection.isValid(1))
                        .as("the earlier version's database takes sa, no password")
                        .isTrue();
            }
            drop(programme, "payroll-2026-01.csv", "payroll-2026-01.csv", "rw-r--r--");

            Programme.Result deduct = programme.run("deduct", "--period", "2026-01");

            assertThat(deduct.exitCode()).as(deduct.toString()).isZero();
            // sample-data/EXPECTED.md, 2026-01: 41 order lines, 415155 F
            assertThat(deduct.stdout()).contains("ordered 41 lines, 415 155 F");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credential(programme))))
                    .isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(url(programme), "sa", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            assertThat(programme.number("SELECT COUNT(*) FROM contract")).isEqualTo(50);
        }

        /** A crash between writing the credential and giving it to the database: the next start finishes. */
        @Test
        void aCredentialWrittenButNotYetGivenIsGivenAtTheNextStart(@TempDir Path dir) throws Exception {
            Programme programme = programme(dir, TestDatabase.H2);
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            String written = Files.readString(credential(programme));
            asAnEarlierVersionLeftIt(programme);

            Programme.Result status = programme.run("status");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(Files.readString(credential(programme))).isEqualTo(written);
            assertThatThrownBy(() -> DriverManager.getConnection(url(programme), "sa", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(url(programme), "sa", written.strip())) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }

        private static void asAnEarlierVersionLeftIt(Programme programme) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url(programme), "sa", programme.jdbcPassword());
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER USER sa SET PASSWORD ''");
            }
        }
    }

    /**
     * Links planted in the home by an account that may write there (a shared home whose folders are
     * group-writable) never make the engine write over their target outside the home.
     */
    @Nested
    class PlantedLinks {

        private static final String VICTIM = "victim's file\n";

        private static Path victim(Path dir) throws IOException {
            Path victim = dir.resolve("elsewhere").resolve("victim.txt");
            Files.createDirectories(victim.getParent());
            Files.writeString(victim, VICTIM, UTF_8);
            Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
            return victim;
        }

        private static void plant(Path link, Path target) throws IOException {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        }

        private static void assertUntouched(Path victim) throws IOException {
            assertThat(Files.readString(victim, UTF_8)).isEqualTo(VICTIM);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)))
                    .isEqualTo("rw-r--r--");
        }

        @ParameterizedTest
        @EnumSource(TestDatabase.class)
        void linksAtTheOutboxWorkingNamesAreNotWrittenThrough(TestDatabase database, @TempDir Path dir)
                throws IOException {
            Programme programme = programme(dir, database);
            Path victim = victim(dir);
            Path out = programme.outbox("2026-01");
            for (String name : List.of(
                    ".deductions-2026-01.csv.part",
                    ".deductions-2026-01.csv.sha256.part",
                    ".deduction-2026-01.manifest.json.part",
                    ".deduction-exceptions-2026-01.csv.part")) {
                plant(out.resolve(name), victim);
            }
            drop(programme, "contracts.csv", "contracts.csv", "rw-r--r--");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            drop(programme, "payroll-2026-01.csv", "payroll-2026-01.csv", "rw-r--r--");

            Programme.Result deduct = programme.run("deduct", "--period", "2026-01");

            assertThat(deduct.exitCode()).as(deduct.toString()).isZero();
            assertUntouched(victim);
            Path order = out.resolve("deductions-2026-01.csv");
            assertThat(order).isRegularFile();
            OutputFiles.assertSidecar(order);
            // sample-data/EXPECTED.md, 2026-01: 41 order lines, 415155 F
            List<List<String>> lines = ScenarioFiles.readCsvBody(order);
            assertThat(lines).hasSize(41);
            assertThat(lines.stream()
                            .mapToLong(line -> Long.parseLong(line.get(5)))
                            .sum())
                    .isEqualTo(415155);
            assertThat(Files.readString(out.resolve("deduction-2026-01.manifest.json")))
                    .contains("415155");
            try (Stream<Path> left = Files.list(out)) {
                assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
            }
        }

        @Test
        void linksAtTheNoteTheLogTheErrorsFileAndTheReasonAreNotWrittenThrough(@TempDir Path dir) throws IOException {
            Programme programme = programme(dir, TestDatabase.H2);
            Path victim = victim(dir);
            drop(programme, "contracts.csv", "contracts.csv", "rw-r--r--");
            assertThat(programme.run("import-contracts").exitCode()).isZero();
            plant(programme.home().resolve("db").resolve("in-use-by.txt"), victim);
            Files.delete(programme.home().resolve("logs").resolve("payroll.log"));
            plant(programme.home().resolve("logs").resolve("payroll.log"), victim);
            plant(programme.rejected().resolve("contracts-again.csv.reason.txt"), victim);
            plant(programme.rejected().resolve("contracts-bad.csv.errors.csv"), victim);
            drop(programme, "contracts.csv", "contracts-again.csv", "rw-r--r--");

            assertThat(programme
                            .run(
                                    "import-contracts",
                                    "--file",
                                    programme
                                            .inbox()
                                            .resolve("contracts-again.csv")
                                            .toString())
                            .exitCode())
                    .isEqualTo(3);
            Files.writeString(
                    programme.inbox().resolve("contracts-bad.csv"),
                    "contract_id,matricule,full_name,price_xof,first_period\nC-1,M-1,Ama,ten,2026-01\n",
                    UTF_8);
            assertThat(programme
                            .run(
                                    "import-contracts",
                                    "--file",
                                    programme
                                            .inbox()
                                            .resolve("contracts-bad.csv")
                                            .toString())
                            .exitCode())
                    .isEqualTo(2);

            assertUntouched(victim);
            assertThat(programme.rejected().resolve("contracts-again.csv.reason.txt"))
                    .isRegularFile();
            assertThat(programme.rejected().resolve("contracts-bad.csv.errors.csv"))
                    .isRegularFile();
            assertThat(programme.home().resolve("logs").resolve("payroll.log"))
                    .isRegularFile()
                    .content()
                    .contains("engine started");
        }
    }
}
