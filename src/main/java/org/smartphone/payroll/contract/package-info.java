/**
 * Contracts and their schedules (SPEC 2): {@link org.smartphone.payroll.contract.InstallmentSchedule}
 * (installments, rounding unit, remainder in the last one), {@link org.smartphone.payroll.contract.Balance}
 * (due, arrears part, outstanding), and the contracts import job, which stages a file's valid lines,
 * rejects duplicates and conflicts, and applies the new contracts in one transaction.
 */
package org.smartphone.payroll.contract;
