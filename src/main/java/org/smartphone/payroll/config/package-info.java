/**
 * Settings, the home folder, the embedded database (its credential, the server serve shares it through,
 * migrations an interrupted command left half-applied on H2), the log (escaped text, the operator's
 * lines), the fault points of the crash tests, and the Spring wiring shared by the jobs.
 */
package org.smartphone.payroll.config;
