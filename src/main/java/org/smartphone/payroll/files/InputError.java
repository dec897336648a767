package org.smartphone.payroll.files;

import java.util.Objects;

/**
 * One row of an errors file: what is wrong with an input file, where.
 *
 * @param line   1-based physical line where the record starts (the header is line 1); 0 when the
 *               file could not be opened at all
 * @param column the column name, or "" for a problem with the whole line or the whole file
 * @param value  the offending cell as read (trimmed), or "" when there is none
 * @param reason an English sentence a payroll administrator understands
 */
public record InputError(long line, String column, String value, String reason) {

    public InputError {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }
}
