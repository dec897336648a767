package org.smartphone.payroll.cli;

import org.smartphone.payroll.period.Period;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --period YYYY-MM}; a wrong value ({@code 2026-1}, {@code 2026-13}, {@code janvier}) is
 * a usage error (exit 2) said in one sentence naming it.
 */
final class PeriodConverter implements ITypeConverter<Period> {

    @Override
    public Period convert(String value) {
        try {
            return Period.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(
                    "Invalid period '" + value + "': a period is written YYYY-MM," + " e.g. 2026-01.");
        }
    }
}
