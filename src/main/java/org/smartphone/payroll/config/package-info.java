/** Settings, the home folder, and the Spring wiring shared by the jobs. */
package org.smartphone.payroll.config;
