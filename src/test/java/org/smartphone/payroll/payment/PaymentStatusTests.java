package org.smartphone.payroll.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smartphone.payroll.ledger.ContractBalance;
import org.smartphone.payroll.ledger.ContractState;

/** SPEC 7.1: REFUNDED when nothing is posted, else SETTLED, else RECOVERED for a written-off contract, else POSTED. */
class PaymentStatusTests {

    @Test
    void aPaymentWithinWhatIsOwedIsPosted() {
        // financed 120 000, collected 10 000: 30 000 posted, 80 000 left
        ContractBalance open = new ContractBalance(ContractState.OPEN, 120_000, 10_000, 0, 0);
        assertThat(PaymentStatus.of(open.credit(30_000))).isEqualTo(PaymentStatus.POSTED);
    }

    @Test
    void aPaymentThatBringsTheOutstandingToZeroSettlesEvenWithARefund() {
        // owes 50 000, pays 60 000: 50 000 posted, 10 000 refund due, settled
        ContractBalance open = new ContractBalance(ContractState.OPEN, 120_000, 70_000, 0, 0);
        assertThat(PaymentStatus.of(open.credit(60_000))).isEqualTo(PaymentStatus.SETTLED);
    }

    @Test
    void aPaymentToASettledOrCancelledContractIsRefunded() {
        ContractBalance settled = new ContractBalance(ContractState.SETTLED, 9_000, 9_000, 0, 0);
        ContractBalance cancelled = new ContractBalance(ContractState.CANCELLED, 9_000, 0, 0, 0);
        assertThat(PaymentStatus.of(settled.credit(5_000))).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(PaymentStatus.of(cancelled.credit(5_000))).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void aPaymentToAWrittenOffContractIsRecoveredUntilAllWrittenOffIsRecovered() {
        // written off 60 000, recovered 60 000 already: nothing more can be recovered
        ContractBalance partly = new ContractBalance(ContractState.WRITTEN_OFF, 100_000, 40_000, 60_000, 10_000);
        ContractBalance fully = new ContractBalance(ContractState.WRITTEN_OFF, 100_000, 40_000, 60_000, 60_000);
        assertThat(PaymentStatus.of(partly.credit(5_000))).isEqualTo(PaymentStatus.RECOVERED);
        assertThat(PaymentStatus.of(fully.credit(5_000))).isEqualTo(PaymentStatus.REFUNDED);
    }
}
