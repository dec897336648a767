package org.smartphone.payroll.cli;

import org.smartphone.payroll.contract.Period;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --period YYYY-MM}; a wrong value is a usage error (exit 2). */
final class PeriodConverter implements ITypeConverter<Period> {

    @Override
    public Period convert(String value) {
        return Period.parse(value);
    }
}
