package org.smartphone.payroll.run;

import org.smartphone.payroll.contract.Period;

/** The three kinds of run that change the ledger, each a Spring Batch job. */
public enum RunKind {
    IMPORT("importContractsJob", "contracts import", "contracts"),
    DEDUCTION("deductionJob", "deduction run", "payroll-"),
    RECONCILIATION("reconciliationJob", "reconciliation run", "withheld-");

    private final String jobName;
    private final String label;
    private final String inboxPrefix;

    RunKind(String jobName, String label, String inboxPrefix) {
        this.jobName = jobName;
        this.label = label;
        this.inboxPrefix = inboxPrefix;
    }

    /**
     * The input's name in the inbox (SPEC 5): {@code payroll-YYYY-MM.csv}, {@code withheld-YYYY-MM.csv};
     * contracts files are {@code contracts*.csv}, so only their prefix is fixed.
     */
    public String inboxName(Period period) {
        return this == IMPORT ? inboxPrefix + ".csv" : inboxPrefix + period + ".csv";
    }

    /** The start every inbox name of this kind has. */
    public String inboxPrefix() {
        return inboxPrefix;
    }

    public String jobName() {
        return jobName;
    }

    public String label() {
        return label;
    }
}
