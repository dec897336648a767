package org.smartphone.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SPEC 4: posted = min(w, outstanding before posting), refund_due = w − posted. */
class PostingTests {

    @Nested
    class PostingLines {

        @Test
        void aMatchedAmountIsPostedInFull() {
            // e = w = 5000, outstanding 12000: posted min(5000, 12000) = 5000, refund 0
            assertThat(Posting.of(ReconciliationStatus.MATCHED, 5_000, 12_000)).isEqualTo(new Posting(5_000, 0));
        }

        @Test
        void aShortAmountIsPostedInFull() {
            // w = 3000 < e: posted min(3000, 12000) = 3000, refund 0
            assertThat(Posting.of(ReconciliationStatus.SHORT, 3_000, 12_000)).isEqualTo(new Posting(3_000, 0));
        }

        @Test
        void anOverAmountWithinTheBalanceIsAPrepaymentFullyPosted() {
            // e = 5000, w = 8000, outstanding 12000: posted min(8000, 12000) = 8000, refund 8000 − 8000 = 0
            assertThat(Posting.of(ReconciliationStatus.OVER, 8_000, 12_000)).isEqualTo(new Posting(8_000, 0));
        }

        @Test
        void anOverAmountEqualToTheBalanceSettlesWithoutRefund() {
            // w = 6000, outstanding 6000: posted 6000, refund 0
            assertThat(Posting.of(ReconciliationStatus.OVER, 6_000, 6_000)).isEqualTo(new Posting(6_000, 0));
        }

        @Test
        void anOverAmountBeyondTheBalanceIsPartlyRefunded() {
            // w = 8000, outstanding 6000: posted min(8000, 6000) = 6000, refund 8000 − 6000 = 2000
            assertThat(Posting.of(ReconciliationStatus.OVER, 8_000, 6_000)).isEqualTo(new Posting(6_000, 2_000));
        }
    }

    @Nested
    class NonPostingLines {

        @Test
        void notWithheldPostsNothing() {
            // w = 0: nothing posted, nothing to refund
            assertThat(Posting.of(ReconciliationStatus.NOT_WITHHELD, 0, 12_000)).isEqualTo(new Posting(0, 0));
        }

        @Test
        void unexpectedPostsNothingAndTheWholeAmountIsRefundDue() {
            // w = 4000 on a contract not instructed: posted 0, refund 4000, even with 12000 outstanding
            assertThat(Posting.of(ReconciliationStatus.UNEXPECTED, 4_000, 12_000))
                    .isEqualTo(new Posting(0, 4_000));
        }

        @Test
        void unexpectedOnAnUnknownContractRefundsEverything() {
            // no balance at all (outstanding 0): posted 0, refund 2500
            assertThat(Posting.of(ReconciliationStatus.UNEXPECTED, 2_500, 0)).isEqualTo(new Posting(0, 2_500));
        }
    }
}
