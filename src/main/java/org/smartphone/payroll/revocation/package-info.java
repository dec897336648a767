/**
 * Revoking a completed run that was a mistake (SPEC 6, {@code revoke deduct|reconcile}): the latest
 * deduction or reconciliation run of the ledger, while nothing depends on it
 * ({@link org.smartphone.payroll.revocation.Revocation#check}), is undone in one commit (the step
 * {@link org.smartphone.payroll.revocation.Revoke}), then its files move to {@code outbox/YYYY-MM/revoked-NN/}
 * ({@link org.smartphone.payroll.revocation.MoveRevokedFiles}). The revocation is a run of its own (kind
 * REVOKE), resumed by the same command after exit 1, and every other run waits until it is finished.
 */
package org.smartphone.payroll.revocation;
