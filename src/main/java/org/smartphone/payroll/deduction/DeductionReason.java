package org.smartphone.payroll.deduction;

/** Why a contract was instructed less than its due (SPEC 3), written in the exceptions file. */
public enum DeductionReason {
    NOT_IN_PAYROLL,
    EMPLOYEE_SUSPENDED,
    EMPLOYEE_LEFT,
    EMPLOYEE_RETIRED,
    EMPLOYEE_DECEASED,
    CAPPED
}
