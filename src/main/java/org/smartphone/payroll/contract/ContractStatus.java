package org.smartphone.payroll.contract;

/** Whether a contract still has something to repay (SPEC 2). */
public enum ContractStatus {
    OPEN, SETTLED
}
