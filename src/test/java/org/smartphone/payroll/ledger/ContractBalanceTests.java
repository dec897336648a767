package org.smartphone.payroll.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The credit rule and the outstanding of SPEC 7.0, worked out by hand from its table. */
class ContractBalanceTests {

    @Test
    void anOpenContractTakesWhatItOwesAndRefundsTheRest() {
        ContractBalance open = new ContractBalance(ContractState.OPEN, 120_000, 100_000, 0, 0);

        ContractBalance.Credit credit = open.credit(30_000);

        // outstanding 20 000: 20 000 posted, 10 000 refund due, settled
        assertThat(credit.postedXof()).isEqualTo(20_000);
        assertThat(credit.refundDueXof()).isEqualTo(10_000);
        assertThat(credit.toRecovered()).isFalse();
        assertThat(credit.settled()).isTrue();
        assertThat(credit.after()).isEqualTo(new ContractBalance(ContractState.SETTLED, 120_000, 120_000, 0, 0));
        assertThat(credit.after().outstandingXof()).isZero();
    }

    @Test
    void anOpenContractPaidLessThanItOwesStaysOpen() {
        ContractBalance.Credit credit = new ContractBalance(ContractState.OPEN, 120_000, 0, 0, 0).credit(10_000);

        assertThat(credit.postedXof()).isEqualTo(10_000);
        assertThat(credit.refundDueXof()).isZero();
        assertThat(credit.settled()).isFalse();
        assertThat(credit.after().state()).isEqualTo(ContractState.OPEN);
        assertThat(credit.after().outstandingXof()).isEqualTo(110_000);
    }

    @Test
    void aWrittenOffContractRecoversUpToWhatWasWrittenOff() {
        // collected 70 000, written off 50 000 of which 45 000 recovered already: 5 000 left to recover
        ContractBalance written = new ContractBalance(ContractState.WRITTEN_OFF, 120_000, 70_000, 50_000, 45_000);

        ContractBalance.Credit credit = written.credit(8_000);

        assertThat(credit.postedXof()).isEqualTo(5_000);
        assertThat(credit.refundDueXof()).isEqualTo(3_000);
        assertThat(credit.toRecovered()).isTrue();
        assertThat(credit.settled()).isFalse();
        assertThat(credit.after())
                .isEqualTo(new ContractBalance(ContractState.WRITTEN_OFF, 120_000, 70_000, 50_000, 50_000));
        assertThat(written.outstandingXof()).isZero();
    }

    @Test
    void settledAndCancelledContractsRefundEverything() {
        ContractBalance settled = new ContractBalance(ContractState.SETTLED, 120_000, 120_000, 0, 0);
        ContractBalance cancelled = new ContractBalance(ContractState.CANCELLED, 120_000, 0, 0, 0);

        assertThat(settled.credit(7_000)).isEqualTo(new ContractBalance.Credit(0, 7_000, false, false, settled));
        assertThat(cancelled.credit(7_000)).isEqualTo(new ContractBalance.Credit(0, 7_000, false, false, cancelled));
        assertThat(cancelled.outstandingXof()).isZero();
    }

    @Test
    void outstandingTakesWrittenOffAmountsOffOpenAndSettledContracts() {
        assertThat(new ContractBalance(ContractState.OPEN, 120_000, 30_000, 0, 0).outstandingXof())
                .isEqualTo(90_000);
        assertThat(new ContractBalance(ContractState.SETTLED, 120_000, 100_000, 20_000, 0).outstandingXof())
                .isZero();
    }

    @Test
    void aBalanceOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> new ContractBalance(ContractState.OPEN, 100, 60, 50, 0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ContractBalance(ContractState.WRITTEN_OFF, 100, 50, 50, 51))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ContractBalance(ContractState.OPEN, 100, 0, 0, 0).credit(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Over random balances and amounts: nothing is lost (posted + refund = amount) and the invariants hold. */
    @RepeatedTest(200)
    void aCreditLosesNothingAndKeepsTheInvariants(RepetitionInfo repetition) {
        Random random = new Random(7_919L * repetition.getCurrentRepetition());
        long financed = 1 + random.nextInt(1_000_000);
        long collected = random.nextInt((int) financed + 1);
        long writtenOff = random.nextInt((int) (financed - collected) + 1);
        long recovered = writtenOff == 0 ? 0 : random.nextInt((int) writtenOff + 1);
        ContractState state = ContractState.values()[random.nextInt(4)];
        if (state == ContractState.OPEN && collected + writtenOff == financed) {
            state = ContractState.SETTLED;
        }
        ContractBalance before = new ContractBalance(state, financed, collected, writtenOff, recovered);
        long amount = 1 + random.nextInt(2_000_000);

        ContractBalance.Credit credit = before.credit(amount);

        assertThat(credit.postedXof() + credit.refundDueXof()).isEqualTo(amount);
        assertThat(credit.postedXof()).isBetween(0L, amount);
        ContractBalance after = credit.after();
        long collectedGain = after.collectedXof() - before.collectedXof();
        long recoveredGain = after.recoveredXof() - before.recoveredXof();
        assertThat(collectedGain + recoveredGain).isEqualTo(credit.postedXof());
        assertThat(after.writtenOffXof()).isEqualTo(before.writtenOffXof());
        assertThat(after.outstandingXof()).isEqualTo(before.outstandingXof() - collectedGain);
        assertThat(credit.settled()).isEqualTo(state == ContractState.OPEN && after.outstandingXof() == 0);
    }
}
