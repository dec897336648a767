/**
 * Contracts and their schedules (SPEC 2): {@link org.smartphone.payroll.contract.InstallmentSchedule}
 * (installments, rounding unit, remainder in the last one), {@link org.smartphone.payroll.contract.Balance}
 * (due, arrears part, outstanding), and the contracts import job, which validates a file (invalid lines,
 * contract_ids repeated in the file, conflicts with the ledger, contracts starting too early), then
 * reads it again to insert the new contracts in one transaction (the steps
 * {@link org.smartphone.payroll.contract.StageContracts}, {@link org.smartphone.payroll.contract.ApplyContracts},
 * {@link org.smartphone.payroll.contract.ArchiveContracts}).
 */
package org.smartphone.payroll.contract;
