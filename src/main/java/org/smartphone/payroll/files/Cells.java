package org.smartphone.payroll.files;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.smartphone.payroll.period.Period;

/**
 * Reads the cells of one record as values, collecting a problem for every invalid cell instead of
 * stopping at the first, because the errors file must list them all (SPEC 5). Each method returns
 * null when its cell is invalid, and for an optional cell that is empty (its default applies).
 */
public final class Cells {

    private static final int MAX_IDENTIFIER_LENGTH = 32;
    private static final int MAX_SHOWN_LENGTH = 60;

    private final InputRecord record;
    private final List<InputError> errors = new ArrayList<>(2);
    /**
     * Whether the record's cells may be shifted (more of them than the header, SPEC 5): then the line
     * gets that one row, not also rows for cells that only hold their neighbour's value.
     */
    private final boolean lineOnly;

    /** The longest free text accepted in a cell (names, ministry codes, device models). */
    public static final int MAX_TEXT = 10_000;

    public Cells(InputRecord record) {
        this.record = record;
        if (record.problem() != null) {
            errors.add(new InputError(record.line(), "", "", record.problem()));
        }
        this.lineOnly = record.shifted();
    }

    /**
     * A {@code matricule} or {@code contract_id}, in the upper-case form in which it is compared
     * and written everywhere; required.
     */
    public String identifier(String column) {
        return identifier(column, MAX_IDENTIFIER_LENGTH);
    }

    /**
     * An identifier of at most {@code maxLength} characters under the same rules ({@code payment_ref},
     * {@code action_id}: at most 64, SPEC 7); required.
     */
    public String identifier(String column, int maxLength) {
        String value = record.get(column);
        if (value.isEmpty()) {
            return missing(column);
        }
        String upper = value.toUpperCase(Locale.ROOT);
        String problem = identifierProblem(column, upper, shown(value), maxLength);
        if (problem != null) {
            reject(column, value, problem);
            return null;
        }
        return upper;
    }

    /** Whether the cell holds something (an optional cell that is empty counts as absent, SPEC 5). */
    public boolean hasValue(String column) {
        return !record.get(column).isEmpty();
    }

    /** The cell as it is, trimmed (empty when absent). */
    public String raw(String column) {
        return record.get(column);
    }

    public String requiredText(String column) {
        String value = record.get(column);
        return value.isEmpty() ? missing(column) : withinTextLimit(column, value);
    }

    public String optionalText(String column) {
        String value = record.get(column);
        return value.isEmpty() ? null : withinTextLimit(column, value);
    }

    /** Free text is stored whole; past {@value #MAX_TEXT} characters it is surely not a name or a code. */
    private String withinTextLimit(String column, String value) {
        if (value.length() > MAX_TEXT) {
            reject(
                    column,
                    value,
                    "This text has " + value.length() + " characters; at most " + MAX_TEXT + " are accepted.");
            return null;
        }
        return value;
    }

    /** An amount in francs (see {@link AmountSyntax}); null when optional and empty, or invalid. */
    public Long amount(String column, boolean required, boolean negativeAllowed) {
        String value = record.get(column);
        if (value.isEmpty()) {
            return required ? missing(column) : null;
        }
        try {
            return AmountSyntax.parse(value, negativeAllowed);
        } catch (InvalidCell e) {
            reject(column, value, e.getMessage());
            return null;
        }
    }

    public Period period(String column, boolean required) {
        String value = record.get(column);
        if (value.isEmpty()) {
            return required ? missing(column) : null;
        }
        try {
            return Period.parse(value);
        } catch (IllegalArgumentException e) {
            reject(
                    column,
                    value,
                    "A period is written YYYY-MM with a month from 01 to 12, for example 2026-01; " + shown(value)
                            + " is not accepted." + SpreadsheetConversion.dateHint(value));
            return null;
        }
    }

    /**
     * A date written {@code YYYY-MM-DD}; null when invalid, or optional and empty.
     */
    public LocalDate date(String column, boolean required) {
        String value = record.get(column);
        if (value.isEmpty()) {
            return required ? missing(column) : null;
        }
        LocalDate date = null;
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        if (date == null) {
            reject(
                    column,
                    value,
                    "A date is written YYYY-MM-DD, for example 2026-03-15; " + shown(value) + " is not accepted.");
        }
        return date;
    }

    /** An optional whole number written with digits only, from min to max; null when empty or invalid. */
    public Integer integer(String column, int min, int max) {
        String value = record.get(column);
        if (value.isEmpty()) {
            return null;
        }
        boolean digitsOnly = true;
        long number = 0;
        for (int i = 0; i < value.length() && digitsOnly; i++) {
            char c = value.charAt(i);
            digitsOnly = c >= '0' && c <= '9';
            number = Math.min(number * 10 + (c - '0'), (long) max + 1); // saturate: never overflows
        }
        if (!digitsOnly || number < min || number > max) {
            reject(
                    column,
                    value,
                    "The " + column + " is a whole number from " + min + " to " + max + "; " + shown(value)
                            + " is not accepted.");
            return null;
        }
        return (int) number;
    }

    /**
     * Records a rule the caller checks itself (IMEI check digit, period of the run, status ...). A value
     * a spreadsheet wrote in scientific notation (an IMEI, a matricule, an amount) gets the advice to
     * format its column as Text.
     */
    public void reject(String column, String value, String reason) {
        if (!lineOnly) {
            String hint = SpreadsheetConversion.numberHint(value);
            errors.add(new InputError(record.line(), column, value, hint.isEmpty() ? reason : reason + hint));
        }
    }

    /** Records a problem of the line as a whole (duplicate, conflict ...). */
    public void rejectLine(String reason) {
        if (!lineOnly) {
            errors.add(new InputError(record.line(), "", "", reason));
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<InputError> errors() {
        return Collections.unmodifiableList(errors);
    }

    public long line() {
        return record.line();
    }

    /** A cell as quoted inside a reason: long ones are cut, the value column has them whole. */
    static String shown(String value) {
        return value.length() <= MAX_SHOWN_LENGTH ? value : value.substring(0, MAX_SHOWN_LENGTH - 1) + "…";
    }

    private <T> T missing(String column) {
        reject(column, "", "The " + column + " is required but the cell is empty.");
        return null;
    }

    private static String identifierProblem(String column, String upper, String shown, int maxLength) {
        if (upper.length() > maxLength) {
            return "A " + column + " has at most " + maxLength + " characters; this one has " + upper.length() + ".";
        }
        if (!isLetterOrDigit(upper.charAt(0))) {
            return "A " + column + " starts with a letter or a digit; " + shown + " does not.";
        }
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (!isLetterOrDigit(c) && c != '-' && c != '/' && c != '.' && c != '_') {
                return "A " + column + " contains only letters A to Z, digits and the characters - / . _; " + shown
                        + " contains " + (c == ' ' ? "a space" : "'" + c + "'") + ".";
            }
        }
        return null;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
