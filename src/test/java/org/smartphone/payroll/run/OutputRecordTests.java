package org.smartphone.payroll.run;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smartphone.payroll.run.OutputPublisher.OutputRecord;

/** SPEC 5: a manifest's totals are the sums of the named amount columns of the records written. */
class OutputRecordTests {

    private static final List<String> EXCEPTIONS_HEADER = List.of(
            "period", "matricule", "contract_id", "full_name", "due_xof", "amount_xof", "shortfall_xof", "reason");

    private static OutputRecord exceptions() {
        return new OutputRecord(EXCEPTIONS_HEADER, List.of("due_xof", "amount_xof", "shortfall_xof"));
    }

    private static String[] write(OutputRecord record, String matricule, long due, long amount) {
        return record.start()
                .text("2026-03")
                .text(matricule)
                .text("C-" + matricule)
                .text("Awa")
                .amount(due)
                .amount(amount)
                .amount(due - amount)
                .text("CAPPED")
                .cells();
    }

    @Nested
    class Totals {

        @Test
        void areTheSumsOfTheNamedColumnsInTheOrderNamed() {
            OutputRecord record = exceptions();
            write(record, "M1", 9_000, 1_000);
            write(record, "M2", 25_000, 0);

            // due 9 000 + 25 000; withheld 1 000 + 0; shortfall 8 000 + 25 000
            assertThat(record.totals())
                    .containsExactly(
                            entry("due_xof", 34_000L), entry("amount_xof", 1_000L), entry("shortfall_xof", 33_000L));
        }

        @Test
        void areZeroWhenNoRecordIsWritten() {
            assertThat(exceptions().totals())
                    .containsExactly(entry("due_xof", 0L), entry("amount_xof", 0L), entry("shortfall_xof", 0L));
        }

        @Test
        void leaveOutAmountsOfColumnsNotNamed() {
            OutputRecord record =
                    new OutputRecord(List.of("contract_id", "months_past_due", "overdue_xof"), List.of("overdue_xof"));
            record.start().text("C1").amount(3).amount(12_000).cells();

            assertThat(record.totals()).containsExactly(entry("overdue_xof", 12_000L));
        }
    }

    @Nested
    class Cells {

        @Test
        void areWrittenInTheHeadersOrderWithAmountsAsPlainDigits() {
            assertThat(write(exceptions(), "M1", 9_000, 1_000))
                    .containsExactly("2026-03", "M1", "C-M1", "Awa", "9000", "1000", "8000", "CAPPED");
        }

        @Test
        void ofATotalledColumnMustBeAnAmount() {
            OutputRecord record =
                    exceptions().start().text("2026-03").text("M1").text("C1").text("Awa");

            assertThatThrownBy(() -> record.text("9000"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("due_xof");
        }

        @Test
        void mustFillEveryColumnAndNoMore() {
            OutputRecord record = new OutputRecord(List.of("contract_id", "amount_xof"), List.of("amount_xof"));

            assertThatThrownBy(() -> record.start().text("C1").cells()).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> record.start().text("C1").amount(5).text("extra"))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void cannotTotalAColumnTheHeaderDoesNotHave() {
            assertThatThrownBy(() -> new OutputRecord(List.of("contract_id"), List.of("amount_xof")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("amount_xof");
        }
    }
}
