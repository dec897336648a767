/**
 * The payments run, {@code record-payments} (SPEC 7.1): counter, bank and mobile-money payments credited
 * to contracts by the credit rule in the open period P, recorded once per (channel, payment_ref), with
 * {@code payments-P-NN.csv}, its manifest, and the stops file while P's order is issued
 * ({@link org.smartphone.payroll.stop.OrderStops}).
 */
package org.smartphone.payroll.payment;
