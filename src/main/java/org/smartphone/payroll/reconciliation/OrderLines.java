package org.smartphone.payroll.reconciliation;

import org.smartphone.payroll.files.PackedIdentifiers;

/**
 * The deduction order of a period (its lines with an amount above 0), held in memory while the
 * withholding return is read, so that each return line finds its order line without a table of
 * the return: the contract_ids in ascending order and their matricules, packed one after the other
 * in byte arrays (identifiers are at most 32 ASCII characters, SPEC 5); a contract_id is found by
 * bisection. About 34 bytes per order line with identifiers of 15 and 11 characters (those of
 * scripts/generate), 100 MB for the 3 million contracts of the whole population, where a map of
 * strings would take several times more; the expected amounts are not kept, the pass after the
 * reading has them.
 */
final class OrderLines {

    private final PackedIdentifiers contractIds;
    private final PackedIdentifiers matricules;
    private final int size;
    private final long deductionLines;

    private OrderLines(PackedIdentifiers contractIds, PackedIdentifiers matricules, int size, long deductionLines) {
        this.contractIds = contractIds;
        this.matricules = matricules;
        this.size = size;
        this.deductionLines = deductionLines;
    }

    int size() {
        return size;
    }

    /** The period's deduction lines, those of amount 0 (not in the order) included. */
    long deductionLines() {
        return deductionLines;
    }

    /** The position of the contract's order line, or -1 when the order has none (any text is accepted). */
    int indexOf(String contractId) {
        return contractIds.indexOf(contractId);
    }

    /** Whether the i-th order line was instructed for this matricule. */
    boolean heldBy(int i, String matricule) {
        return matricules.compare(i, matricule) == 0;
    }

    /** Collects the order lines (amount above 0) in ascending order of contract_id, one per contract. */
    static final class Builder {

        private final PackedIdentifiers.Builder contractIds = new PackedIdentifiers.Builder();
        private final PackedIdentifiers.Builder matricules = new PackedIdentifiers.Builder();
        private int size;
        private long uninstructed;
        private String last;

        Builder add(String contractId, String matricule) {
            if (last != null && last.compareTo(contractId) >= 0) {
                throw new IllegalArgumentException(
                        "order lines must come in ascending order of contract_id: " + last + " before " + contractId);
            }
            contractIds.add(contractId);
            matricules.add(matricule);
            size++;
            last = contractId;
            return this;
        }

        /** Counts a deduction line of amount 0: it has no order line. */
        Builder addUninstructed() {
            uninstructed++;
            return this;
        }

        OrderLines build() {
            return new OrderLines(contractIds.build(), matricules.build(), size, size + uninstructed);
        }
    }
}
