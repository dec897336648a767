package org.smartphone.payroll.run;

/**
 * The kinds of run that change the ledger, each a Spring Batch job: three read an input file, which
 * {@link InboxName} names; a revocation (SPEC 6) undoes a completed deduction or reconciliation run.
 */
public enum RunKind {
    IMPORT("importContractsJob", "contracts import"),
    DEDUCTION("deductionJob", "deduction run"),
    RECONCILIATION("reconciliationJob", "reconciliation run"),
    REVOKE("revokeJob", "revocation");

    private final String jobName;
    private final String label;

    RunKind(String jobName, String label) {
        this.jobName = jobName;
        this.label = label;
    }

    public String jobName() {
        return jobName;
    }

    public String label() {
        return label;
    }

    /** Whether the run reads an input file: all but a revocation. */
    public boolean readsInput() {
        return this != REVOKE;
    }
}
