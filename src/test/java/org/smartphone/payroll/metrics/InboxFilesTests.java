package org.smartphone.payroll.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.metrics.InboxFiles.Input;

/**
 * The files waiting in the inbox, as the {@code payroll.inbox.files} meter counts them: by the input
 * their name makes them, a misspelt name as "other", and nothing for a file still on its way in, a
 * spreadsheet's lock file included (it goes when the spreadsheet is closed).
 */
class InboxFilesTests {

    @Test
    void eachFileCountsAsTheInputItsNameMakesIt(@TempDir Path inbox) throws IOException {
        for (String name : new String[] {
            "contracts.csv",
            "contracts-2026-03.csv",
            "payroll-2026-03.csv",
            "withheld-2026-03.csv",
            "Payroll_2026-04.csv",
            "payroll-2026-04.xlsx",
            "payroll-2026-05.csv.part",
            "withheld-2026-05.csv.tmp",
            ".payroll-2026-05.csv",
            "~$payroll-2026-04.xlsx"
        }) {
            Files.writeString(inbox.resolve(name), "x");
        }
        Files.createDirectory(inbox.resolve("payroll-2026-06.csv"));

        assertThat(InboxFiles.waiting(inbox))
                .isEqualTo(Map.of(
                        Input.CONTRACTS,
                        2L,
                        Input.REGISTER,
                        1L,
                        Input.RETURN,
                        1L,
                        Input.PAYMENTS,
                        0L,
                        Input.REFUNDS_PAID,
                        0L,
                        Input.OTHER,
                        2L));
    }

    @Test
    void aMissingInboxHasNothingWaiting(@TempDir Path home) {
        assertThat(InboxFiles.waiting(home.resolve("inbox")))
                .isEqualTo(Map.of(
                        Input.CONTRACTS,
                        0L,
                        Input.REGISTER,
                        0L,
                        Input.RETURN,
                        0L,
                        Input.PAYMENTS,
                        0L,
                        Input.REFUNDS_PAID,
                        0L,
                        Input.OTHER,
                        0L));
    }
}
