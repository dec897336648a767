/**
 * Files in and out (SPEC 5). In: {@link org.smartphone.payroll.files.CsvInputFile} streams the records
 * of an input (encoding, BOM, delimiter, quoting, header), {@link org.smartphone.payroll.files.Cells}
 * turns the cells of one record into values while collecting every problem, and
 * {@link org.smartphone.payroll.files.RejectedLinesFile} writes the errors file. Out:
 * {@link org.smartphone.payroll.files.CsvOutput} writes an output CSV, {@link org.smartphone.payroll.files.Outbox}
 * publishes it whole with its {@code .sha256} sidecar, {@link org.smartphone.payroll.files.Manifest} describes
 * a run's outputs, and {@link org.smartphone.payroll.files.Archive} moves processed inputs out of the inbox.
 * {@link org.smartphone.payroll.files.PrivateFiles} creates every file and folder of the home, readable by
 * no other account, and never through a link planted at its name.
 */
package org.smartphone.payroll.files;
