package org.smartphone.payroll.run;

/** The three kinds of run that change the ledger, each a Spring Batch job; {@link InboxName} names their inputs. */
public enum RunKind {
    IMPORT("importContractsJob", "contracts import"),
    DEDUCTION("deductionJob", "deduction run"),
    RECONCILIATION("reconciliationJob", "reconciliation run");

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
}
