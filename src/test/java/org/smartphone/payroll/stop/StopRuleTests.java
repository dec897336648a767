package org.smartphone.payroll.stop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smartphone.payroll.ledger.ContractState;

/** SPEC 7.0, stops: a line is stopped to the outstanding when that is below its amount in force, never raised. */
class StopRuleTests {

    @Test
    void aContractThatNowOwesLessThanItsAmountInForceIsStoppedToWhatItOwes() {
        // ordered 10 000, the contract owes 5 000 after a payment: stopped to 5 000
        assertThat(StopRule.stop(10_000, 5_000)).hasValue(5_000);
    }

    @Test
    void aContractSettledOrWrittenOffIsStoppedToZero() {
        assertThat(StopRule.stop(10_000, 0)).hasValue(0);
    }

    @Test
    void aContractThatStillOwesAtLeastItsAmountInForceIsNotStopped() {
        assertThat(StopRule.stop(10_000, 10_000)).isEmpty();
        assertThat(StopRule.stop(10_000, 119_000)).isEmpty();
    }

    @Test
    void aStopNeverRaisesTheAmountInForce() {
        // stopped to 2 000 earlier; the contract owes 5 000 again (say a payment reversed): no new stop
        assertThat(StopRule.stop(2_000, 5_000)).isEmpty();
        // a line already stopped to 0 is never stopped again
        assertThat(StopRule.stop(0, 0)).isEmpty();
    }

    @Test
    void theReasonIsTheContractsStateWhenWrittenOffOrCancelledElseTheRunsCredit() {
        assertThat(StopReason.of(ContractState.WRITTEN_OFF, StopReason.PAID_OUTSIDE_PAYROLL))
                .isEqualTo(StopReason.WRITTEN_OFF);
        assertThat(StopReason.of(ContractState.CANCELLED, StopReason.PAID_OUTSIDE_PAYROLL))
                .isEqualTo(StopReason.CANCELLED);
        assertThat(StopReason.of(ContractState.SETTLED, StopReason.PAID_OUTSIDE_PAYROLL))
                .isEqualTo(StopReason.PAID_OUTSIDE_PAYROLL);
        assertThat(StopReason.of(ContractState.OPEN, StopReason.WITHHELD_LATE)).isEqualTo(StopReason.WITHHELD_LATE);
    }
}
