/**
 * CSV in: reading the input files (contracts, payroll register, withholding return) and writing
 * the errors file of their invalid lines. Implements SPEC section 5, "Inputs (all)" and
 * "Invalid lines and nothing lost".
 *
 * <p>{@link org.smartphone.payroll.files.CsvInputFile} streams records, {@link
 * org.smartphone.payroll.files.Cells} turns the cells of one record into values while collecting
 * every problem, and {@link org.smartphone.payroll.files.RejectedLinesFile} publishes them.
 */
package org.smartphone.payroll.files;
