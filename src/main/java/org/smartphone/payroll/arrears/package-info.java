/**
 * Arrears ageing after a reconciliation (SPEC 4): overdue amount, oldest unpaid installment, months
 * past due, bucket and reason, in {@link org.smartphone.payroll.arrears.ArrearsAgeing}.
 */
package org.smartphone.payroll.arrears;
