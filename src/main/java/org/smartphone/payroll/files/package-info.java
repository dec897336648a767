/**
 * Files in and out (SPEC 5). In: {@link org.smartphone.payroll.files.CsvInputFile} streams the records
 * of an input (encoding, BOM, delimiter, quoting, header), {@link org.smartphone.payroll.files.Cells}
 * turns the cells of one record into values while collecting every problem,
 * {@link org.smartphone.payroll.files.InputStaging} reads a run's input whole into the job's stager,
 * {@link org.smartphone.payroll.files.InvalidLines} gathers its invalid lines and repeated keys
 * ({@link org.smartphone.payroll.files.DuplicateKeys}) in bounded memory,
 * {@link org.smartphone.payroll.files.InputErrors} applies max-rejects, and
 * {@link org.smartphone.payroll.files.RejectedLinesFile} writes the errors file. A run is seen here
 * through {@link org.smartphone.payroll.files.InputRun} and {@link org.smartphone.payroll.files.InputCounts},
 * so that this package imports none above it. Out:
 * {@link org.smartphone.payroll.files.CsvOutput} writes an output CSV, {@link org.smartphone.payroll.files.Outbox}
 * publishes it whole with its {@code .sha256} sidecar, {@link org.smartphone.payroll.files.Manifest} describes
 * a run's outputs, and {@link org.smartphone.payroll.files.Archive} moves processed inputs out of the inbox.
 * {@link org.smartphone.payroll.files.PrivateFiles} creates every file and folder of the home, readable by
 * no other account, and never through a link planted at its name.
 */
package org.smartphone.payroll.files;
