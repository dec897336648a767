/**
 * Stops (SPEC 7.0): while the open period's deduction order is with the payroll office, a run that
 * lowers what a contract still owes below what the order asks of it sends a stop, listed in
 * {@code deduction-stops-P-NN.csv}; the reconciliation of that period then expects the amount in
 * force. {@link org.smartphone.payroll.stop.OrderStops} is called by every run of SPEC 7 that posts in
 * the open period (payments today; supplements and actions later), after its postings.
 */
package org.smartphone.payroll.stop;
