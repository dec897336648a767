/**
 * Progress of the long loops of a run (reading an input, allocating, reconciling, ageing arrears,
 * writing an output file): a live line on a terminal, lines in logs/payroll.log otherwise. Settings
 * under {@code payroll.progress} (README, Key settings).
 */
package org.smartphone.payroll.progress;
