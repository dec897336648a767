/**
 * The deduction run for a period (SPEC 3), in three steps ({@link DeductionJobConfiguration}):
 * {@link Deduct} reads the payroll register, keeping the rows of contract holders in memory, and
 * {@link DeductionAllocator} shares each holder's capacity ({@link CapRatio}) among the holder's
 * contracts, in one transaction; {@link PublishDeduction} writes the deduction order and exceptions
 * from the committed lines; the register is archived.
 */
package org.smartphone.payroll.deduction;
