/**
 * The deduction run for a period (SPEC 3). The job stages the payroll register rows of contract
 * holders, then {@link org.smartphone.payroll.deduction.DeductionAllocator} shares each holder's
 * capacity ({@link org.smartphone.payroll.config.CapRatio}) among the holder's contracts, and the
 * deduction order and exceptions are published from the committed lines.
 */
package org.smartphone.payroll.deduction;
