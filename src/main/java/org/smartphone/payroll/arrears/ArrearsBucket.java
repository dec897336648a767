package org.smartphone.payroll.arrears;

/** How long a contract has been in arrears (SPEC 4). */
public enum ArrearsBucket {
    MONTHS_1,
    MONTHS_2,
    MONTHS_3_PLUS;

    public static ArrearsBucket of(int monthsPastDue) {
        if (monthsPastDue < 1) {
            throw new IllegalArgumentException("months past due starts at 1");
        }
        return monthsPastDue == 1 ? MONTHS_1 : monthsPastDue == 2 ? MONTHS_2 : MONTHS_3_PLUS;
    }
}
