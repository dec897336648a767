package org.smartphone.payroll.ledger;

/**
 * The ledger's rules that SQL must apply, each written once here and used by every run, report and
 * meter that needs it, so that no statement restates one (STYLE, SQL). Conditions take the name
 * (or alias) of the table they test, so that they fit into any statement; the statements that change
 * a contract's state live here too, beside the condition they keep true. The plain-Java side of the
 * same rules is {@link ContractBalance} (outstanding, the credit rule) and
 * {@link org.smartphone.payroll.contract.Balance} (the schedule's dues of an open contract).
 *
 * <p>These are SQL fragments rather than views: a view over contract or deduction_line would hide
 * nothing the runs' main queries need, and a fragment leaves every statement exactly as the planner
 * saw it before (the indexes the runs rely on are the same).
 */
public final class LedgerRules {

    /**
     * Settles, in the period given (settled_period), every open contract that the
     * period's postings paid off, on PostgreSQL: one scan of the narrow balance table. Every commit
     * settles the contracts it pays off and a financed amount is above 0 (SPEC 2), so an open
     * contract whose balance now equals its financed amount is one this posting paid off.
     */
    public static final String SETTLE_PAID_OFF = "UPDATE contract c SET state = '" + ContractState.SETTLED
            + "', settled_period = ? FROM contract_balance b WHERE b.contract_id = c.contract_id AND "
            + isPaidOff("b") + " AND " + isOpen("c");

    /**
     * {@link #SETTLE_PAID_OFF} on H2, through the period's postings (H2 evaluates the form above once
     * per contract); the period is given twice, for the postings and for settled_period.
     */
    public static final String SETTLE_PAID_OFF_BY_POSTINGS = "MERGE INTO contract c USING (SELECT p.contract_id"
            + " FROM posting p JOIN contract_balance b ON b.contract_id = p.contract_id WHERE p.period = ? AND "
            + isPaidOff("b") + ") s ON c.contract_id = s.contract_id WHEN MATCHED AND " + isOpen("c")
            + " THEN UPDATE SET state = '" + ContractState.SETTLED + "', settled_period = ?";

    /**
     * Opens again the contracts that a reconciliation's postings settled (revoking it, SPEC 6): settled in
     * its period and posted to by the run. A contract settled in that period by a payment (SPEC 7.1) was
     * posted nothing by the reconciliation (the credit rule posts nothing to a settled contract) and stays
     * settled. Parameters: the period, the period again and the run; before the postings are removed.
     */
    public static final String REOPEN_SETTLED_BY_RUN = "UPDATE contract SET state = '" + ContractState.OPEN
            + "', settled_period = NULL WHERE " + isSettled("contract") + " AND settled_period = ? AND contract_id"
            + " IN (SELECT p.contract_id FROM posting p WHERE p.period = ? AND p.run_id = ? AND NOT p.to_recovered)";

    private LedgerRules() {}

    /**
     * A contract still repaying (SPEC 7.0: only OPEN contracts are deducted, aged and counted open).
     *
     * @param contract the contract table's name or alias in the statement
     */
    public static String isOpen(String contract) {
        return contract + ".state = '" + ContractState.OPEN + "'";
    }

    /**
     * A contract repaid in full, in {@code settled_period}.
     *
     * @param contract the contract table's name or alias in the statement
     */
    public static String isSettled(String contract) {
        return contract + ".state = '" + ContractState.SETTLED + "'";
    }

    /**
     * A balance with nothing outstanding: what the contract collected and had written off is what was
     * financed (SPEC 7.0; {@link ContractBalance#outstandingXof} in Java, for an OPEN contract).
     *
     * @param balance the contract_balance table's name or alias in the statement
     */
    public static String isPaidOff(String balance) {
        return "(" + balance + ".collected_xof + " + balance + ".written_off_xof = " + balance + ".financed_xof)";
    }

    /**
     * What a contract still owes (SPEC 7.0; {@link ContractBalance#outstandingXof} in Java): financed −
     * collected − written_off for an OPEN or SETTLED contract, 0 for a WRITTEN_OFF or CANCELLED one.
     *
     * @param contract the contract table's name or alias in the statement
     * @param balance the contract_balance table's name or alias in the statement
     */
    public static String outstanding(String contract, String balance) {
        return "(CASE WHEN " + contract + ".state IN ('" + ContractState.OPEN + "', '" + ContractState.SETTLED
                + "') THEN " + balance + ".financed_xof - " + balance + ".collected_xof - " + balance
                + ".written_off_xof ELSE 0 END)";
    }

    /**
     * A deduction line of the order: an amount above 0 is instructed (SPEC 3). A line of 0 is a
     * contract with a due that nothing could be instructed for.
     *
     * @param line the deduction_line table's name or alias in the statement
     */
    public static String isOrderLine(String line) {
        return line + ".amount_xof > 0";
    }

    /**
     * A deduction line that is an exception: instructed less than its due (SPEC 3), listed in the
     * exceptions file with its reason.
     *
     * @param line the deduction_line table's name or alias in the statement
     */
    public static String isException(String line) {
        return line + ".amount_xof < " + line + ".due_xof";
    }
}
