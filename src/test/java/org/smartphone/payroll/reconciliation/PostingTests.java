package org.smartphone.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smartphone.payroll.ledger.ContractBalance;
import org.smartphone.payroll.ledger.ContractState;

/**
 * SPEC 4 with the credit rule of SPEC 7.0: for an OPEN contract posted = min(w, outstanding before
 * posting), refund_due = w − posted; the contract's state when it is reconciled decides the rule.
 */
class PostingTests {

    /** An OPEN contract of 100 000 financed that still owes {@code outstanding}. */
    private static ContractBalance open(long outstanding) {
        return new ContractBalance(ContractState.OPEN, 100_000, 100_000 - outstanding, 0, 0);
    }

    @Nested
    class ByTheContractsState {

        @Test
        void aContractSettledByAPaymentAfterTheOrderHasEverythingWithheldRefunded() {
            // financed 100 000, all collected, SETTLED: w = 10 000 over an expectation stopped to 0 → posted 0,
            // refund 10 000
            ContractBalance settled = new ContractBalance(ContractState.SETTLED, 100_000, 100_000, 0, 0);
            assertThat(Posting.of(ReconciliationStatus.OVER, 10_000, settled)).isEqualTo(new Posting(0, 10_000, false));
        }

        @Test
        void aCancelledContractHasEverythingWithheldRefunded() {
            ContractBalance cancelled = new ContractBalance(ContractState.CANCELLED, 100_000, 0, 0, 0);
            assertThat(Posting.of(ReconciliationStatus.MATCHED, 10_000, cancelled))
                    .isEqualTo(new Posting(0, 10_000, false));
        }

        @Test
        void aWrittenOffContractRecoversUpToWhatWasWrittenOffAndNotRecovered() {
            // financed 100 000, collected 40 000, written off 60 000, recovered 55 000: 5 000 left to recover;
            // w = 8 000 → posted 5 000 to recovered, refund 3 000
            ContractBalance writtenOff =
                    new ContractBalance(ContractState.WRITTEN_OFF, 100_000, 40_000, 60_000, 55_000);
            assertThat(Posting.of(ReconciliationStatus.OVER, 8_000, writtenOff))
                    .isEqualTo(new Posting(5_000, 3_000, true));
        }

        @Test
        void aLineStoppedToZeroWithNothingWithheldIsMatchedAndPostsNothing() {
            assertThat(ReconciliationStatus.of(0, 0)).isEqualTo(ReconciliationStatus.MATCHED);
            assertThat(Posting.of(ReconciliationStatus.MATCHED, 0, open(0))).isEqualTo(new Posting(0, 0, false));
        }
    }

    @Nested
    class PostingLines {

        @Test
        void aMatchedAmountIsPostedInFull() {
            // e = w = 5000, outstanding 12000: posted min(5000, 12000) = 5000, refund 0
            assertThat(Posting.of(ReconciliationStatus.MATCHED, 5_000, open(12_000)))
                    .isEqualTo(new Posting(5_000, 0, false));
        }

        @Test
        void aShortAmountIsPostedInFull() {
            // w = 3000 < e: posted min(3000, 12000) = 3000, refund 0
            assertThat(Posting.of(ReconciliationStatus.SHORT, 3_000, open(12_000)))
                    .isEqualTo(new Posting(3_000, 0, false));
        }

        @Test
        void anOverAmountWithinTheBalanceIsAPrepaymentFullyPosted() {
            // e = 5000, w = 8000, outstanding 12000: posted min(8000, 12000) = 8000, refund 8000 − 8000 = 0
            assertThat(Posting.of(ReconciliationStatus.OVER, 8_000, open(12_000)))
                    .isEqualTo(new Posting(8_000, 0, false));
        }

        @Test
        void anOverAmountEqualToTheBalanceSettlesWithoutRefund() {
            // w = 6000, outstanding 6000: posted 6000, refund 0
            assertThat(Posting.of(ReconciliationStatus.OVER, 6_000, open(6_000)))
                    .isEqualTo(new Posting(6_000, 0, false));
        }

        @Test
        void anOverAmountBeyondTheBalanceIsPartlyRefunded() {
            // w = 8000, outstanding 6000: posted min(8000, 6000) = 6000, refund 8000 − 6000 = 2000
            assertThat(Posting.of(ReconciliationStatus.OVER, 8_000, open(6_000)))
                    .isEqualTo(new Posting(6_000, 2_000, false));
        }
    }

    @Nested
    class NonPostingLines {

        @Test
        void notWithheldPostsNothing() {
            // w = 0: nothing posted, nothing to refund
            assertThat(Posting.of(ReconciliationStatus.NOT_WITHHELD, 0, open(12_000)))
                    .isEqualTo(new Posting(0, 0, false));
        }

        @Test
        void unexpectedPostsNothingAndTheWholeAmountIsRefundDue() {
            // w = 4000 on a contract not instructed: posted 0, refund 4000, even with 12000 outstanding
            assertThat(Posting.of(ReconciliationStatus.UNEXPECTED, 4_000, open(12_000)))
                    .isEqualTo(new Posting(0, 4_000, false));
        }

        @Test
        void unexpectedOnAnUnknownContractRefundsEverything() {
            // no balance at all (outstanding 0): posted 0, refund 2500
            assertThat(Posting.of(ReconciliationStatus.UNEXPECTED, 2_500, open(0)))
                    .isEqualTo(new Posting(0, 2_500, false));
        }
    }
}
