package org.smartphone.payroll;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring application behind the command line; see {@link PayrollMain} for the entry point. */
@SpringBootApplication
public class PayrollApplication {}
