/**
 * The reconciliation run for a period (SPEC 4): the withholding return against the deduction order
 * ({@link org.smartphone.payroll.reconciliation.ReconciliationStatus}), postings with refund due
 * ({@link org.smartphone.payroll.reconciliation.Posting}), and the arrears they leave, applied to the
 * ledger in one transaction before the reconciliation and arrears files are published. Its steps, in
 * order: {@link org.smartphone.payroll.reconciliation.StageAndReconcile},
 * {@link org.smartphone.payroll.reconciliation.CommitReconciliation},
 * {@link org.smartphone.payroll.reconciliation.PublishReconciliation},
 * {@link org.smartphone.payroll.reconciliation.ArchiveReturn}.
 */
package org.smartphone.payroll.reconciliation;
