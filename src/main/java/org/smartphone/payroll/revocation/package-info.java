/**
 * Revoking a completed run that was a mistake (SPEC 6, {@code revoke deduct|reconcile}): the latest
 * deduction or reconciliation run of the ledger, while nothing depends on it, is undone in one commit
 * ({@link org.smartphone.payroll.revocation.Revocation}), then its files move to
 * {@code outbox/YYYY-MM/revoked-NN/}. The revocation is a run of its own (kind {@code revocation} in
 * {@code status}), resumed by the same command after exit 1, and every other run waits until it is
 * finished.
 */
package org.smartphone.payroll.revocation;
