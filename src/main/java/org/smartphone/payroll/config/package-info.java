/**
 * Settings (the home folder, the cap ratio, progress, the report's language), the database (its dialect,
 * its credential, the server serve shares it through, migrations an interrupted command left half-applied
 * on H2), the log (escaped text, the operator's lines), and the Spring wiring shared by the jobs.
 */
package org.smartphone.payroll.config;
