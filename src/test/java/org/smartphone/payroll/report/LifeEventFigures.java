package org.smartphone.payroll.report;

import java.util.List;
import org.smartphone.payroll.report.PeriodFigures.LifeEvents;
import org.smartphone.payroll.report.PeriodFigures.MoneyOfPeriod;
import org.smartphone.payroll.report.PeriodFigures.StopsInForce;

/** Figures of a period with no money outside the payroll, for the tests that give figures by hand. */
final class LifeEventFigures {

    private LifeEventFigures() {}

    /** Nothing posted outside the reconciliation, no stop, no refund item, no batch. */
    static LifeEvents none(boolean reconciled) {
        return new LifeEvents(
                List.of(),
                List.of(),
                new StopsInForce(0, 0),
                List.of(),
                List.of(),
                new MoneyOfPeriod(reconciled, 0, 0, 0, 0, 0, 0),
                List.of(),
                List.of());
    }

    /**
     * A reconciled period whose only money is its return's: what the reconciliation posted and the refund
     * items its refunds due became.
     */
    static LifeEvents reconciled(long postedXof, long refundsCreatedXof) {
        return new LifeEvents(
                List.of(),
                List.of(),
                new StopsInForce(0, 0),
                List.of(),
                List.of(),
                new MoneyOfPeriod(true, 0, 0, 0, postedXof, refundsCreatedXof, 0),
                List.of(),
                List.of());
    }
}
