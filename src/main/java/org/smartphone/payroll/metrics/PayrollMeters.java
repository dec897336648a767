package org.smartphone.payroll.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.smartphone.payroll.arrears.ArrearsBucket;
import org.smartphone.payroll.ledger.ContractState;
import org.smartphone.payroll.metrics.InboxFiles.Input;
import org.smartphone.payroll.metrics.LedgerFigures.Deducted;
import org.smartphone.payroll.metrics.LedgerFigures.Payments;
import org.smartphone.payroll.metrics.LedgerFigures.Reconciled;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.run.RunKind;

/**
 * The domain meters ({@code payroll.*}); docs/operations.md, "Metrics", says what each one means. Amounts are
 * francs (base unit {@code xof}) of the latest completed run of their kind rather than one series
 * per period: the figures of a period never change once its run is done, Prometheus keeps each
 * month's value in its history anyway, and a fixed set of meters needs no registering as periods
 * come. {@code payroll.deduction.period} and {@code payroll.reconciliation.period} say which period
 * the amounts are of. A gauge with nothing to show yet (no completed run) reads NaN.
 */
final class PayrollMeters implements MeterBinder {

    private static final String XOF = "xof";

    private final LedgerReadings readings;
    private final Path inbox;

    PayrollMeters(LedgerReadings readings, Path inbox) {
        this.readings = readings;
        this.inbox = inbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ContractState state : ContractState.values()) {
            ledgerGauge(
                            "payroll.contracts",
                            "Contracts in the ledger by state: open (still repaying), settled, written off, cancelled",
                            null,
                            f -> (double) f.contracts(state.name()))
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        ledgerGauge(
                        "payroll.open.period",
                        "The open period P (YYYYMM) in which payments post; NaN before the first deduction run",
                        null,
                        f -> f.open()
                                .map(open -> (double) yyyymm(open.period()))
                                .orElse(Double.NaN))
                .register(registry);
        ledgerGauge(
                        "payroll.open.period.order.issued",
                        "1 while the deduction order of P is with the payroll office (payments send stops), else 0",
                        null,
                        f -> f.open()
                                .map(open -> open.orderIssued() ? 1.0 : 0.0)
                                .orElse(Double.NaN))
                .register(registry);

        payments(
                registry,
                "payroll.payments.recorded",
                "Payments recorded so far (counter, bank, mobile money)",
                null,
                p -> p.count());
        payments(
                registry,
                "payroll.payments.received",
                "Amount of every payment recorded so far",
                XOF,
                p -> p.receivedXof());
        payments(
                registry,
                "payroll.payments.posted",
                "What the payments recorded so far posted to the contracts (collected or recovered)",
                XOF,
                p -> p.postedXof());
        payments(
                registry,
                "payroll.payments.refund.due",
                "What the payments recorded so far could not post: refunds due",
                XOF,
                p -> p.refundDueXof());
        for (String status : List.of("DUE", "INSTRUCTED", "PAID", "CANCELLED")) {
            String tag = status.toLowerCase(Locale.ROOT);
            ledgerGauge(
                            "payroll.refunds.items",
                            "Refund items by status: due, instructed (sent to the bank), paid, cancelled",
                            null,
                            f -> f.refunds(status)
                                    .map(line -> (double) line.count())
                                    .orElse(0.0))
                    .tag("status", tag)
                    .register(registry);
            ledgerGauge(
                            "payroll.refunds.amount",
                            "Amount of the refund items by status (what remains of each after reductions)",
                            XOF,
                            f -> f.refunds(status)
                                    .map(line -> (double) line.amountXof())
                                    .orElse(0.0))
                    .tag("status", tag)
                    .register(registry);
        }

        deduction(
                registry,
                "payroll.deduction.instructed",
                "Total of the deduction order of the latest completed" + " deduction run",
                XOF,
                Deducted::instructedXof);
        deduction(
                registry,
                "payroll.deduction.period",
                "Period (YYYYMM) of the latest completed deduction run",
                null,
                d -> yyyymm(d.period()));

        reconciliation(
                registry,
                "payroll.reconciliation.withheld",
                "Withheld by the payroll office, as reconciled by" + " the latest completed reconciliation run",
                XOF,
                Reconciled::withheldXof);
        reconciliation(
                registry,
                "payroll.reconciliation.posted",
                "Posted to the ledger by the latest completed" + " reconciliation run",
                XOF,
                Reconciled::postedXof);
        reconciliation(
                registry,
                "payroll.reconciliation.refund.due",
                "Withheld but not owed (to refund) in the" + " latest completed reconciliation run",
                XOF,
                Reconciled::refundDueXof);
        reconciliation(
                registry,
                "payroll.reconciliation.period",
                "Period (YYYYMM) of the latest completed" + " reconciliation run",
                null,
                r -> yyyymm(r.period()));

        for (ArrearsBucket bucket : ArrearsBucket.values()) {
            arrears(
                    registry,
                    bucket,
                    "payroll.arrears.contracts",
                    "Contracts in arrears after the latest completed" + " reconciliation run, per bucket",
                    null,
                    BucketLine::count);
            arrears(
                    registry,
                    bucket,
                    "payroll.arrears.overdue",
                    "Overdue amount of the contracts in arrears after"
                            + " the latest completed reconciliation run, per bucket",
                    XOF,
                    BucketLine::overdueXof);
        }

        for (RunKind kind : RunKind.values()) {
            if (!kind.readsInput()) {
                continue;
            }
            FunctionCounter.builder("payroll.lines.rejected", readings, r ->
                            (double) r.current().rejectedLines(kind))
                    .description("Invalid lines reported in rejected/<file>.errors.csv by every run so far,"
                            + " skipped or refused")
                    .tag("input", input(kind).tag())
                    .register(registry);
        }

        for (Input input : Input.values()) {
            Gauge.builder("payroll.files.waiting", inbox, folder ->
                            (double) InboxFiles.waiting(folder).get(input))
                    .description("Files in the inbox not yet taken, by the input their name makes them"
                            + " (other: a name the engine does not take)")
                    .tag("input", input.tag())
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** A total of every payment so far: it only grows (a reversal keeps the payment it reverses). */
    private void payments(
            MeterRegistry registry, String name, String description, String unit, ToLongFunction<Payments> value) {
        FunctionCounter.builder(name, readings, r ->
                        (double) value.applyAsLong(r.current().payments()))
                .description(description)
                .baseUnit(unit)
                .register(registry);
    }

    private Gauge.Builder<LedgerReadings> ledgerGauge(
            String name, String description, String unit, ToDoubleFunction<LedgerFigures> value) {
        return Gauge.builder(name, readings, r -> value.applyAsDouble(r.current()))
                .description(description)
                .baseUnit(unit)
                .strongReference(true);
    }

    private void deduction(
            MeterRegistry registry, String name, String description, String unit, ToLongFunction<Deducted> value) {
        ledgerGauge(name, description, unit, f -> orNaN(f.deduction(), value)).register(registry);
    }

    private void reconciliation(
            MeterRegistry registry, String name, String description, String unit, ToLongFunction<Reconciled> value) {
        ledgerGauge(name, description, unit, f -> orNaN(f.reconciliation(), value))
                .register(registry);
    }

    private void arrears(
            MeterRegistry registry,
            ArrearsBucket bucket,
            String name,
            String description,
            String unit,
            ToLongFunction<BucketLine> value) {
        Function<LedgerFigures, Optional<BucketLine>> line =
                f -> f.reconciliation().flatMap(r -> r.bucket(bucket.name()));
        ledgerGauge(name, description, unit, f -> orNaN(line.apply(f), value))
                .tag("bucket", bucket.name())
                .register(registry);
    }

    private static <T> double orNaN(Optional<T> figures, ToLongFunction<T> value) {
        return figures.map(f -> (double) value.applyAsLong(f)).orElse(Double.NaN);
    }

    private static long yyyymm(Period period) {
        return period.year() * 100L + period.month();
    }

    private static Input input(RunKind kind) {
        return switch (kind) {
            case IMPORT -> Input.CONTRACTS;
            case DEDUCTION -> Input.REGISTER;
            case RECONCILIATION -> Input.RETURN;
            case PAYMENTS -> Input.PAYMENTS;
            case REFUNDS_CONFIRM -> Input.REFUNDS_PAID;
            default -> Input.OTHER;
        };
    }
}
