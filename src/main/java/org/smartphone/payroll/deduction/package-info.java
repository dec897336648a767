/**
 * The deduction run for a period (SPEC 3). Its first step, {@code deduct}, reads the payroll register
 * once, keeping only contract holders' rows in memory (never in a table), and
 * {@link org.smartphone.payroll.deduction.DeductionAllocator} shares each holder's capacity
 * ({@link org.smartphone.payroll.deduction.CapRatio}) among the holder's due contracts; the deduction
 * lines and the ministry codes reach the ledger in that step's one transaction. Then the deduction order
 * and the exceptions are published from the committed lines, and the register is archived.
 */
package org.smartphone.payroll.deduction;
