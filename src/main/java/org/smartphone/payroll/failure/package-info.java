/**
 * How a command fails, below the packages that fail: the two outcomes an operator mends, the input
 * that cannot be used ({@link org.smartphone.payroll.failure.InvalidInputException}, exit 2) and the
 * run the ledger's state refuses ({@link org.smartphone.payroll.failure.RefusedException}, exit 3),
 * which the log records without a stack trace; the one line that says what went wrong in an
 * unexpected failure ({@link org.smartphone.payroll.failure.Failures}); and the named crash and pause
 * points that the crash tests reach through {@code PAYROLL_CRASH_AT}
 * ({@link org.smartphone.payroll.failure.FaultInjection}).
 */
package org.smartphone.payroll.failure;
