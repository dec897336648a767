package org.smartphone.payroll.refund;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.files.InputRecord;

/**
 * Turns one line of a refunds-paid file (SPEC 7.2) into a {@link Confirmation}, or records its invalid
 * cells: refund_id as the engine wrote it in a batch (compared ignoring case), paid_on a date
 * {@code YYYY-MM-DD}, amount_xof above 0, payment_ref an identifier of at most 64 characters.
 */
final class ConfirmationParser {

    static final List<String> REQUIRED = List.of("refund_id", "paid_on", "amount_xof", "payment_ref");

    /** A refund id: a file name without .csv (lower-case letters, digits, dashes), a dash and a row number. */
    private static final Pattern REFUND_ID = Pattern.compile("[a-z][a-z0-9-]{0,90}-[0-9]{6,}");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ConfirmationParser() {}

    /** The refund id a line carries, in the form the engine writes it; empty when the cell is. */
    static String refundId(InputRecord record) {
        return record.get("refund_id").toLowerCase(Locale.ROOT);
    }

    static Optional<Confirmation> parse(InputRecord record, Cells cells) {
        String refundId = refundId(record);
        if (refundId.isEmpty()) {
            cells.reject("refund_id", "", "The refund_id is required but the cell is empty.");
        } else if (!REFUND_ID.matcher(refundId).matches()) {
            cells.reject(
                    "refund_id",
                    record.get("refund_id"),
                    "A refund_id is written as in the refunds file it was issued in, for example"
                            + " reconciliation-2026-03-000017; this one is not.");
        }
        String paidOn = paidOn(record, cells);
        Long amount = cells.amount("amount_xof", true, false);
        if (amount != null && amount == 0) {
            cells.reject("amount_xof", record.get("amount_xof"), "The amount_xof of a refund paid is above 0.");
        }
        String paymentRef = cells.identifier("payment_ref", 64);
        if (!cells.valid()) {
            return Optional.empty();
        }
        return Optional.of(new Confirmation(cells.line(), refundId, paidOn, amount, paymentRef));
    }

    private static String paidOn(InputRecord record, Cells cells) {
        String value = record.get("paid_on");
        if (value.isEmpty()) {
            cells.reject("paid_on", "", "The paid_on is required but the cell is empty.");
            return null;
        }
        try {
            if (DATE.matcher(value).matches()) {
                return LocalDate.parse(value).toString();
            }
        } catch (DateTimeParseException e) {
            // not a day of the calendar: reported below
        }
        cells.reject(
                "paid_on",
                value,
                "The paid_on is a date written YYYY-MM-DD, for example 2026-04-30; " + value + " is not one.");
        return null;
    }

    /** A valid line of a refunds-paid file. */
    record Confirmation(long line, String refundId, String paidOn, long amountXof, String paymentRef) {}
}
