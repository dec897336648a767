package org.smartphone.payroll.reconciliation;

import java.util.function.ObjLongConsumer;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.reconciliation.ReturnParser.ReturnLine;

/**
 * Matches the lines of a withholding return with the deduction order as they are read (SPEC 4, 5).
 * A line for an order line's contract and matricule gives that line its withheld amount; a line
 * whose contract has no order line in the period, or another matricule, is left to the caller (it
 * is UNEXPECTED); a contract_id that comes back in a later line is repeated, since every line
 * carrying it is invalid. The first line of each order line's contract is kept here; the other
 * carriers of a contract_id (later lines, and the lines of contracts outside the order) go to the
 * run's carriers, which find the repeats. Memory: the withheld amount and first line number of each
 * order line.
 */
final class ReturnMatching implements DuplicateKeys.KeptLines {

    /** Where a valid return line goes. */
    enum Placement {
        /** It is the withheld amount of its order line. */
        ORDER_LINE,
        /** Its contract has no order line for its matricule: an UNEXPECTED row (kept aside by the caller). */
        ASIDE,
        /** Its contract_id came earlier in the return: all lines carrying it are invalid. */
        REPEAT
    }

    private final OrderLines order;
    private final long[] withheld;
    private final int[] firstLine;
    private final ObjLongConsumer<String> carriers;

    /** @param carriers where the lines carrying a contract_id go, other than the first line of an order line's */
    ReturnMatching(OrderLines order, ObjLongConsumer<String> carriers) {
        this.order = order;
        this.withheld = new long[order.size()];
        this.firstLine = new int[order.size()];
        this.carriers = carriers;
    }

    OrderLines order() {
        return order;
    }

    Placement place(ReturnLine line) {
        int i = order.indexOf(line.contractId());
        if (i < 0) {
            carriers.accept(line.contractId(), line.line()); // repeats outside the order are found among these
            return Placement.ASIDE;
        }
        if (firstLine[i] != 0) {
            carriers.accept(line.contractId(), line.line());
            return Placement.REPEAT;
        }
        firstLine[i] = Math.toIntExact(line.line());
        if (!order.heldBy(i, line.matricule())) {
            return Placement.ASIDE;
        }
        withheld[i] = line.amountXof();
        return Placement.ORDER_LINE;
    }

    /** The first line of an order line's contract, or 0 (none, or a contract outside the order). */
    @Override
    public long keptLine(String contractId) {
        int i = order.indexOf(contractId);
        return i >= 0 ? firstLine[i] : 0;
    }

    /**
     * A contract_id of the order on more than one line, valid or not: none of its lines counts (the
     * order line is reconciled as if the return had no line for it).
     */
    @Override
    public void rejected(String contractId, long line) {
        int i = order.indexOf(contractId);
        if (i >= 0) {
            withheld[i] = 0;
        }
    }

    /** What the return withheld for the i-th order line (0 when it has no valid, unrepeated line for it). */
    long withheldXof(int i) {
        return withheld[i];
    }
}
