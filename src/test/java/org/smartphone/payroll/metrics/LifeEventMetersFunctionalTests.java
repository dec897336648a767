package org.smartphone.payroll.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.EngineContext;
import org.smartphone.payroll.support.LifeEventLedger;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * The meters of the money outside the payroll (SPEC 7): the open period, contracts per state, the
 * payments recorded and the refund items per status, read from a ledger the runs of SPEC 7 left
 * ({@link LifeEventLedger}, whose figures are worked out by hand there and below).
 */
class LifeEventMetersFunctionalTests {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMetersShowThePaymentsTheStatesAndTheRefundItems(TestDatabase database, @TempDir Path dir) {
        Programme programme = LifeEventLedger.paidWhileTheOrderIsIssued(dir, database);

        try (EngineContext engine = EngineContext.open(programme)) {
            MeterRegistry meters = engine.bean(MeterRegistry.class);

            // P = 2026-01, its order issued (deducted, not reconciled)
            assertThat(gauge(meters, "payroll.open.period")).isEqualTo(202601);
            assertThat(gauge(meters, "payroll.open.period.order.issued")).isEqualTo(1);
            // C-2 settled by its payment; C-1, C-3, C-4 open
            assertThat(gauge(meters, "payroll.contracts", "state", "open")).isEqualTo(3);
            assertThat(gauge(meters, "payroll.contracts", "state", "settled")).isEqualTo(1);
            assertThat(gauge(meters, "payroll.contracts", "state", "written_off"))
                    .isZero();
            assertThat(gauge(meters, "payroll.contracts", "state", "cancelled")).isZero();
            // 125 000 + 57 000 + 2 000 received; 120 000 + 57 000 + 2 000 posted; 5 000 to refund
            assertThat(counter(meters, "payroll.payments.recorded")).isEqualTo(3);
            assertThat(counter(meters, "payroll.payments.received")).isEqualTo(184_000);
            assertThat(counter(meters, "payroll.payments.posted")).isEqualTo(179_000);
            assertThat(counter(meters, "payroll.payments.refund.due")).isEqualTo(5_000);
            // the refund of 5 000, issued in batch 0001
            assertThat(gauge(meters, "payroll.refunds.items", "status", "instructed"))
                    .isEqualTo(1);
            assertThat(gauge(meters, "payroll.refunds.amount", "status", "instructed"))
                    .isEqualTo(5_000);
            // the payments and refunds-paid files have their own tags: no line rejected, no file waiting
            for (String input : List.of("payments", "refunds-paid")) {
                FunctionCounter rejected = meters.find("payroll.lines.rejected")
                        .tag("input", input)
                        .functionCounter();
                assertThat(rejected).as(input).isNotNull();
                assertThat(rejected.count()).as(input).isZero();
                assertThat(gauge(meters, "payroll.files.waiting", "input", input))
                        .as(input)
                        .isZero();
            }
            for (String status : List.of("due", "paid", "cancelled")) {
                assertThat(gauge(meters, "payroll.refunds.items", "status", status))
                        .as(status)
                        .isZero();
                assertThat(gauge(meters, "payroll.refunds.amount", "status", status))
                        .as(status)
                        .isZero();
            }
        }
    }

    private static double gauge(MeterRegistry meters, String name, String... tags) {
        Gauge gauge = meters.find(name).tags(tags).gauge();
        assertThat(gauge).as("gauge %s %s", name, List.of(tags)).isNotNull();
        return gauge.value();
    }

    private static double counter(MeterRegistry meters, String name) {
        FunctionCounter counter = meters.find(name).functionCounter();
        assertThat(counter).as("counter %s", name).isNotNull();
        return counter.count();
    }
}
