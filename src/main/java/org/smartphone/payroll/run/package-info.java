/**
 * What every run shares: the Spring Batch job built from steps ({@link org.smartphone.payroll.run.RunSteps}),
 * the run registry and its states, the period refusals ({@link org.smartphone.payroll.run.PeriodGuard}),
 * the run lock, the inbox names ({@link org.smartphone.payroll.run.InboxName}), and the launcher that
 * turns outcomes into exit codes (SPEC 5 and 6). How an input is read and its invalid lines counted is
 * in {@code files/}.
 */
package org.smartphone.payroll.run;
