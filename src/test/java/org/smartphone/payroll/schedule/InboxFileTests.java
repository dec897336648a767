package org.smartphone.payroll.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.RunKind;

/** Which inbox files serve runs, for which run, and in which order when several wait at once. */
class InboxFileTests {

    private static final Path INBOX = Path.of("/home/inbox");

    @Test
    void theThreeNamesOfSpecFiveCallForTheirRun() {
        assertThat(InboxFile.of(INBOX.resolve("contracts.csv")))
                .get()
                .returns(RunKind.IMPORT, InboxFile::kind)
                .returns(null, InboxFile::period);
        assertThat(InboxFile.of(INBOX.resolve("contracts-2026-03-ministry.csv")))
                .get()
                .returns(RunKind.IMPORT, InboxFile::kind);
        assertThat(InboxFile.of(INBOX.resolve("payroll-2026-03.csv")))
                .get()
                .returns(RunKind.DEDUCTION, InboxFile::kind)
                .returns(Period.parse("2026-03"), InboxFile::period);
        assertThat(InboxFile.of(INBOX.resolve("withheld-2026-12.csv")))
                .get()
                .returns(RunKind.RECONCILIATION, InboxFile::kind)
                .returns(Period.parse("2026-12"), InboxFile::period);
    }

    @Test
    void aPaymentsFileCallsForAPaymentsRunInTheOpenPeriod() {
        assertThat(InboxFile.of(INBOX.resolve("payments.csv")))
                .get()
                .returns(RunKind.PAYMENTS, InboxFile::kind)
                .returns(null, InboxFile::period);
        assertThat(InboxFile.of(INBOX.resolve("payments-2026-03 (1).csv")))
                .get()
                .returns(RunKind.PAYMENTS, InboxFile::kind);
        assertThat(InboxFile.of(INBOX.resolve("payments.csv.errors.csv"))).isEmpty();
        assertThat(InboxFile.of(INBOX.resolve("payments.csv.part"))).isEmpty();
    }

    @Test
    void aRefundsPaidFileCallsForAConfirmationOfRefunds() {
        assertThat(InboxFile.of(INBOX.resolve("refunds-paid.csv")))
                .get()
                .returns(RunKind.REFUNDS_CONFIRM, InboxFile::kind)
                .returns(null, InboxFile::period)
                .returns("refunds confirm --file " + INBOX.resolve("refunds-paid.csv"), InboxFile::command);
        assertThat(InboxFile.of(INBOX.resolve("refunds-paid-2026-04 (1).csv")))
                .get()
                .returns(RunKind.REFUNDS_CONFIRM, InboxFile::kind);
        assertThat(InboxFile.of(INBOX.resolve("refunds-paid.csv.errors.csv"))).isEmpty();
        assertThat(InboxFile.of(INBOX.resolve("refunds-0001.csv"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "contracts.csv.part",
                "payroll-2026-03.csv.part",
                "withheld-2026-03.csv.tmp",
                "payroll-2026-03.tmp",
                ".contracts.csv",
                "payroll-2026-13.csv",
                "payroll-2026-3.csv",
                "payroll-2026-03.CSV",
                "Payroll-2026-03.csv",
                "payroll-2026-03.csv.errors.csv~",
                "notes.txt",
                "withheld-2026-03.csv.reason.txt",
                "payroll-0000-01.csv"
            })
    void filesBeingWrittenAndOtherNamesAreNotTaken(String name) {
        assertThat(InboxFile.of(INBOX.resolve(name))).isEmpty();
    }

    @Test
    void severalFilesRunInTheOrderOfTheMonthlyCycle() {
        List<String> expected = List.of(
                "contracts-a.csv",
                "contracts-b.csv",
                "payroll-2025-12.csv",
                "withheld-2025-12.csv",
                "payroll-2026-01.csv",
                "withheld-2026-01.csv",
                "payroll-2026-02.csv",
                "withheld-2026-02.csv",
                "payroll-2026-10.csv",
                "payments-2026-02-counter.csv",
                "payments-bank.csv",
                "refunds-paid-2026-02.csv",
                "refunds-paid-2026-03.csv");
        Random random = new Random(5);
        for (int round = 0; round < 20; round++) {
            List<InboxFile> files = new ArrayList<>();
            expected.forEach(name -> files.add(InboxFile.of(INBOX.resolve(name)).orElseThrow()));
            Collections.shuffle(files, random);
            files.sort(InboxFile.CYCLE_ORDER);
            assertThat(files).extracting(InboxFile::name).containsExactlyElementsOf(expected);

            List<java.io.File> plain = new ArrayList<>(
                    expected.stream().map(n -> INBOX.resolve(n).toFile()).toList());
            plain.add(INBOX.resolve("readme.txt").toFile());
            Collections.shuffle(plain, random);
            plain.sort(InboxFile.FILE_ORDER);
            assertThat(plain.subList(0, expected.size()))
                    .extracting(java.io.File::getName)
                    .containsExactlyElementsOf(expected);
        }
    }

    /**
     * The engine's own errors and reason files, dropped back in the inbox, are not inputs; nor is a
     * name with a control character (it could forge a line of the log).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "contracts-x.csv.errors.csv",
                "contracts-x.csv.reason.txt",
                "contracts.errors.csv",
                "contracts.csv.csv",
                "contracts-a\nb.csv",
                "contracts-\u202ex.csv",
                "contracts-a;b.csv",
                "payroll-2026-03.csv.errors.csv"
            })
    void theEnginesOwnFilesAndNamesWithControlCharactersAreNotTaken(String name) {
        assertThat(InboxFile.of(INBOX.resolve(name))).isEmpty();
        assertThat(new InboxNameFilter()
                        .filterFiles(new File[] {INBOX.resolve(name).toFile()}))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"contracts (1).csv", "contracts été 2026.csv", "contracts_2026.03.csv"})
    void plainContractsNamesAreTaken(String name) {
        assertThat(InboxFile.of(INBOX.resolve(name))).get().returns(RunKind.IMPORT, InboxFile::kind);
        File file = INBOX.resolve(name).toFile();
        assertThat(new InboxNameFilter().filterFiles(new File[] {file})).containsExactly(file);
    }
}
