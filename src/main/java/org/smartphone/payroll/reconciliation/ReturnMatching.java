package org.smartphone.payroll.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smartphone.payroll.reconciliation.ReturnParser.ReturnLine;

/**
 * Matches the lines of a withholding return with the deduction order as they are read (SPEC 4, 5).
 * A line for an order line's contract and matricule gives that line its withheld amount; a line
 * whose contract has no order line in the period, or another matricule, is left to the caller (it
 * is UNEXPECTED); a contract_id that comes back in a later line is remembered with all its lines,
 * since every line carrying it is invalid. Memory: the withheld amount and first line number of each
 * order line, and the repeated lines.
 */
final class ReturnMatching {

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
    private final Map<String, List<Long>> repeated = new TreeMap<>();

    ReturnMatching(OrderLines order) {
        this.order = order;
        this.withheld = new long[order.size()];
        this.firstLine = new int[order.size()];
    }

    OrderLines order() {
        return order;
    }

    Placement place(ReturnLine line) {
        int i = order.indexOf(line.contractId());
        if (i < 0) {
            return Placement.ASIDE; // its repeats are found among the lines kept aside
        }
        if (firstLine[i] != 0) {
            repeated.computeIfAbsent(line.contractId(), k -> new ArrayList<>(List.of((long) firstLine[i])))
                    .add(line.line());
            return Placement.REPEAT;
        }
        firstLine[i] = Math.toIntExact(line.line());
        if (!order.heldBy(i, line.matricule())) {
            return Placement.ASIDE;
        }
        withheld[i] = line.amountXof();
        return Placement.ORDER_LINE;
    }

    /**
     * The contract_ids of the order that the return carries on more than one line, valid or not, with
     * those lines; from then on none of their lines counts (the order line is reconciled as if the
     * return had no line for it).
     *
     * @param invalidLinesByKey the invalid lines of the return by the contract_id they carry
     */
    Map<String, List<Long>> repeatedContracts(Map<String, List<Long>> invalidLinesByKey) {
        Map<String, List<Long>> lines = new TreeMap<>(repeated);
        for (Map.Entry<String, List<Long>> invalid : invalidLinesByKey.entrySet()) {
            int i = order.indexOf(invalid.getKey());
            if (i >= 0) {
                lines.computeIfAbsent(invalid.getKey(), k -> firstLine[i] == 0 ? new ArrayList<>()
                        : new ArrayList<>(List.of((long) firstLine[i]))).addAll(invalid.getValue());
            }
        }
        lines.values().removeIf(carriers -> carriers.size() < 2);
        for (String contractId : lines.keySet()) {
            withheld[order.indexOf(contractId)] = 0;
        }
        return lines;
    }

    /** What the return withheld for the i-th order line (0 when it has no valid, unrepeated line for it). */
    long withheldXof(int i) {
        return withheld[i];
    }
}
