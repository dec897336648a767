/**
 * Settings (the home folder, the cap ratio, progress, the report's language), the database (its dialect,
 * credential and migrations, and its sharing while serve runs), the logging set-up, and the Spring wiring
 * shared by the jobs.
 */
package org.smartphone.payroll.config;
