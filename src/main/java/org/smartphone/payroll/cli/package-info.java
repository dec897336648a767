/** The command line of SPEC 6 (picocli): one class per command, each opening the Spring application. */
package org.smartphone.payroll.cli;
