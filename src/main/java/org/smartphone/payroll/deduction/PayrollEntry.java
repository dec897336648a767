package org.smartphone.payroll.deduction;

/** One valid payroll register row of a contract holder for the run's period. */
public record PayrollEntry(String matricule, long netPayXof, EmploymentStatus status) {}
