package org.smartphone.payroll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.PeriodFigures.Balances;
import org.smartphone.payroll.report.PeriodFigures.BatchLine;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.DifferingRows;
import org.smartphone.payroll.report.PeriodFigures.LifeEvents;
import org.smartphone.payroll.report.PeriodFigures.MoneyOfPeriod;
import org.smartphone.payroll.report.PeriodFigures.Portfolio;
import org.smartphone.payroll.report.PeriodFigures.PostingRun;
import org.smartphone.payroll.report.PeriodFigures.ReasonLine;
import org.smartphone.payroll.report.PeriodFigures.RefundLine;
import org.smartphone.payroll.report.PeriodFigures.RunLine;
import org.smartphone.payroll.report.PeriodFigures.StateLine;
import org.smartphone.payroll.report.PeriodFigures.StopLine;
import org.smartphone.payroll.report.PeriodFigures.StopsInForce;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunState;

/**
 * The plain-text report rendered from figures given by hand, the same record the HTML page renders:
 * the figures carry every known reason (zero when none), the text lists those that hold a row, by
 * name in code point order, as the report always printed them.
 */
class PeriodTextTests {

    @Test
    void aDeductionAloneListsItsExceptionsThatHoldRowsByName() {
        // SPEC's order of reasons, as PeriodLedger gives them, with zeros
        List<ReasonLine> reasons = List.of(
                new ReasonLine("NOT_IN_PAYROLL", 2, 20_000, 0, 20_000),
                new ReasonLine("EMPLOYEE_SUSPENDED", 0, 0, 0, 0),
                new ReasonLine("EMPLOYEE_LEFT", 1, 9_000, 0, 9_000),
                new ReasonLine("EMPLOYEE_RETIRED", 0, 0, 0, 0),
                new ReasonLine("EMPLOYEE_DECEASED", 0, 0, 0, 0),
                new ReasonLine("CAPPED", 1, 12_500, 10_000, 2_500));
        PeriodFigures figures = new PeriodFigures(
                Period.parse("2026-01"),
                List.of(new RunLine(RunKind.DEDUCTION, 2, RunState.COMPLETED, "payroll-2026-01.csv")),
                Reading.missing("deductions-2026-01.csv"),
                Reading.missing("deduction-2026-01.manifest.json"),
                Reading.missing("deduction-exceptions-2026-01.csv"),
                Reading.missing("reconciliation-2026-01.csv"),
                Reading.missing("arrears-2026-01.csv"),
                Reading.missing("withheld-2026-01.csv"),
                List.of(),
                List.of(),
                Optional.of(new DeductionFigures(7, 1_234_567, 45_000, 5, 1_183_067, reasons)),
                Optional.empty(),
                new Portfolio(9, 1, 6_259_000, 410_571, 5_848_429),
                new Balances(10, 410_571, 410_571, 0, 0, 0),
                new DifferingRows(
                        Reading.missing("deduction_line"),
                        Reading.missing("deduction_line"),
                        Reading.missing("reconciliation_line"),
                        Reading.missing("arrears_line")),
                LifeEventFigures.none(false));

        assertThat(PeriodText.of(figures)).isEqualTo("""
                Period report 2026-01
                ====================

                Deduction run: COMPLETED (run 2, payroll-2026-01.csv)
                  contracts with a due                  7 rows  due 1 234 567 F
                                                                of which arrears 45 000 F
                  deduction order                       5 rows  amount 1 183 067 F
                  exceptions CAPPED                     1 row   shortfall 2 500 F
                  exceptions EMPLOYEE_LEFT              1 row   shortfall 9 000 F
                  exceptions NOT_IN_PAYROLL             2 rows  shortfall 20 000 F

                Reconciliation run: not run

                Portfolio now
                  open contracts 9, settled 1, collected to date 410 571 F, outstanding 5 848 429 F
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void theMoneyOutsideThePayrollIsListedWhenThePeriodHasSome() {
        // a payments run: 3 rows, 60 000 received, 55 000 posted, 5 000 refund due; one stop from 10 000
        // to 0; the refund created, issued in batch 0001 and confirmed paid in confirmation 0001
        LifeEvents life = new LifeEvents(
                List.of(new PostingRun(
                        RunKind.PAYMENTS, 4, 2, RunState.COMPLETED, "payments-a.csv", 3, 60_000, 55_000, 5_000)),
                List.of(
                        new StopLine("PAID_OUTSIDE_PAYROLL", 1, 10_000, 0),
                        new StopLine("WITHHELD_LATE", 0, 0, 0),
                        new StopLine("WRITTEN_OFF", 0, 0, 0),
                        new StopLine("CANCELLED", 0, 0, 0)),
                new StopsInForce(1, 10_000),
                List.of(
                        new RefundLine("DUE", 0, 0, 0),
                        new RefundLine("INSTRUCTED", 0, 0, 0),
                        new RefundLine("PAID", 1, 5_000, 5_000),
                        new RefundLine("CANCELLED", 0, 0, 0)),
                List.of(new BatchLine("ISSUE", 1, 1, 5_000), new BatchLine("CONFIRM", 1, 1, 5_000)),
                new MoneyOfPeriod(false, 0, 60_000, 0, 55_000, 5_000, 0),
                List.of(
                        new StateLine("OPEN", 9, 5_848_429, 0, 0),
                        new StateLine("SETTLED", 1, 0, 0, 0),
                        new StateLine("WRITTEN_OFF", 0, 0, 0, 0),
                        new StateLine("CANCELLED", 0, 0, 0, 0)),
                List.of(
                        new RefundLine("DUE", 0, 0, 0),
                        new RefundLine("INSTRUCTED", 0, 0, 0),
                        new RefundLine("PAID", 1, 5_000, 5_000),
                        new RefundLine("CANCELLED", 0, 0, 0)));
        PeriodFigures figures = new PeriodFigures(
                Period.parse("2026-02"),
                List.of(),
                Reading.missing("deductions-2026-02.csv"),
                Reading.missing("deduction-2026-02.manifest.json"),
                Reading.missing("deduction-exceptions-2026-02.csv"),
                Reading.missing("reconciliation-2026-02.csv"),
                Reading.missing("arrears-2026-02.csv"),
                Reading.missing("withheld-2026-02.csv"),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                new Portfolio(9, 1, 6_259_000, 410_571, 5_848_429),
                new Balances(10, 410_571, 410_571, 0, 0, 0),
                new DifferingRows(
                        Reading.missing("deduction_line"),
                        Reading.missing("deduction_line"),
                        Reading.missing("reconciliation_line"),
                        Reading.missing("arrears_line")),
                life);

        assertThat(PeriodText.of(figures)).endsWith("""
                Money outside the payroll
                  payments-2026-02-02.csv               3 rows  received 60 000 F  posted 55 000 F  refund due 5 000 F
                  stops PAID_OUTSIDE_PAYROLL            1 row   ordered 10 000 F  in force 0 F
                  contracts stopped                     1       taken off the order 10 000 F
                  refund items PAID                     1 item  original 5 000 F  amount 5 000 F
                  refunds-0001.csv                      1 item  amount 5 000 F
                  refunds-paid-0001.csv                 1 item  amount 5 000 F

                Portfolio now
                  open contracts 9, settled 1, collected to date 410 571 F, outstanding 5 848 429 F
                  refund items: DUE 0 (0 F), INSTRUCTED 0 (0 F), PAID 1 (5 000 F), CANCELLED 0 (0 F)
                """.replace("\n", System.lineSeparator()));
    }
}
