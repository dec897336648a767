/** The period report for auditors: counts and totals read from the ledger tables. */
package org.smartphone.payroll.report;
