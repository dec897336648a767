/**
 * The deduction run for a period (SPEC 3), in three steps: {@link org.smartphone.payroll.deduction.Deduct}
 * reads the payroll register, keeping the rows of contract holders in memory, and
 * {@link org.smartphone.payroll.deduction.DeductionAllocator} shares each holder's capacity
 * ({@link org.smartphone.payroll.config.CapRatio}) among the holder's contracts, in one transaction;
 * {@link org.smartphone.payroll.deduction.PublishDeduction} writes the deduction order and exceptions
 * from the committed lines; the register is archived.
 */
package org.smartphone.payroll.deduction;
