package org.smartphone.payroll.run;

/**
 * The kinds of run that change the ledger, each a Spring Batch job: those that read an input file,
 * which {@link InboxName} names; a revocation (SPEC 6) undoes a completed deduction or reconciliation
 * run; the refunds commands (SPEC 7.2) issue and release batches of refund items.
 */
public enum RunKind {
    IMPORT("importContractsJob", "contracts import", "import-contracts", true),
    DEDUCTION("deductionJob", "deduction run", "deduct", true),
    RECONCILIATION("reconciliationJob", "reconciliation run", "reconcile", true),
    REVOKE("revokeJob", "revocation", "revoke", false),
    /** Counter payments (SPEC 7.1); posts in the open period P. */
    PAYMENTS("recordPaymentsJob", "payments run", "record-payments", true),
    /** A batch of refund items instructed (SPEC 7.2). */
    REFUNDS_ISSUE("issueRefundsJob", "refunds issue", "refunds issue", false),
    /** Refunds confirmed paid (SPEC 7.2). */
    REFUNDS_CONFIRM("confirmRefundsJob", "refunds confirmation", "refunds confirm", true),
    /** A batch released: its items still instructed are due again (SPEC 7.2). */
    REFUNDS_RELEASE("releaseRefundsJob", "refunds release", "refunds release", false);

    private final String jobName;
    private final String label;
    private final String command;
    private final boolean readsInput;

    RunKind(String jobName, String label, String command, boolean readsInput) {
        this.jobName = jobName;
        this.label = label;
        this.command = command;
        this.readsInput = readsInput;
    }

    public String jobName() {
        return jobName;
    }

    public String label() {
        return label;
    }

    /** The command that starts (and resumes) a run of this kind, without its options. */
    public String command() {
        return command;
    }

    /**
     * The command that finishes an unfinished run of this kind ({@code deduct --period 2026-03},
     * {@code record-payments}), as refusals name it: the period is an option of the monthly runs only.
     */
    public String resumeCommand(String period) {
        return (this == DEDUCTION || this == RECONCILIATION) && period != null
                ? command + " --period " + period
                : command;
    }

    /** Whether the run reads an input file. */
    public boolean readsInput() {
        return readsInput;
    }

    /** Whether the run is one of SPEC 7's, which post in the open period P or work on refund items. */
    public boolean isLifeEvent() {
        return ordinal() >= PAYMENTS.ordinal();
    }

    /** Whether the run posts in the open period P and is numbered there (SPEC 7.0, run numbers). */
    public boolean postsInOpenPeriod() {
        return this == PAYMENTS;
    }
}
