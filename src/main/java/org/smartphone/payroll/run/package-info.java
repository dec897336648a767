/**
 * What every run shares: the Spring Batch job built from steps ({@link org.smartphone.payroll.run.RunSteps}),
 * the run registry and its states, the period refusals ({@link org.smartphone.payroll.run.PeriodGuard}),
 * invalid lines and max-rejects ({@link org.smartphone.payroll.files.InputErrors}), and the launcher that
 * turns outcomes into exit codes (SPEC 5 and 6).
 */
package org.smartphone.payroll.run;
