package org.smartphone.payroll.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.smartphone.payroll.files.Cells;

/** Turns one record of a payments file into a {@link PaymentLine}, or reports its invalid cells (SPEC 7.1). */
final class PaymentParser {

    static final List<String> REQUIRED = List.of("payment_ref", "channel", "contract_id", "amount_xof", "received_on");
    static final List<String> OPTIONAL = List.of("matricule");

    /** A payment_ref follows the identifier rules, with up to 64 characters. */
    static final int MAX_REF_LENGTH = 64;

    private final LocalDate today;

    /** @param today the day the run started: no payment is received after it */
    PaymentParser(LocalDate today) {
        this.today = today;
    }

    /**
     * The payment's key, (channel, payment_ref), when both cells are valid: the key the rules on
     * recorded payments and on repeated keys go by, also for a line invalid for another reason.
     */
    private static Optional<String> keyOf(PaymentChannel channel, String paymentRef) {
        return channel == null || paymentRef == null ? Optional.empty() : Optional.of(key(channel, paymentRef));
    }

    /** How a key is written in the errors file: {@code REF-1 (COUNTER)}. */
    static String key(PaymentChannel channel, String paymentRef) {
        return paymentRef + " (" + channel + ")";
    }

    Parsed parse(Cells cells) {
        String channelCell = cells.raw("channel");
        String paymentRef = cells.identifier("payment_ref", MAX_REF_LENGTH);
        PaymentChannel channel = null;
        if (channelCell.isEmpty()) {
            cells.reject("channel", "", "The channel is required but the cell is empty.");
        } else {
            channel = PaymentChannel.of(channelCell).orElse(null);
            if (channel == null) {
                cells.reject(
                        "channel",
                        channelCell,
                        "The channel is COUNTER, BANK, TMONEY, FLOOZ or OTHER; " + channelCell + " is not one.");
            }
        }
        String contractId = cells.identifier("contract_id");
        Long amount = cells.amount("amount_xof", true, false);
        if (amount != null && amount == 0) {
            cells.reject("amount_xof", "0", "A payment is above 0 francs.");
        }
        LocalDate receivedOn = cells.date("received_on", true);
        if (receivedOn != null && receivedOn.isAfter(today)) {
            cells.reject(
                    "received_on",
                    receivedOn.toString(),
                    "The payment cannot have been received after today (" + today + ").");
        }
        String matricule = cellOrNull(cells, "matricule");
        Optional<String> key = keyOf(channel, paymentRef);
        if (!cells.valid()) {
            return new Parsed(key, Optional.empty());
        }
        return new Parsed(
                key,
                Optional.of(new PaymentLine(
                        cells.line(), channel, paymentRef, contractId, amount, receivedOn.toString(), matricule)));
    }

    private static String cellOrNull(Cells cells, String column) {
        return cells.hasValue(column) ? cells.identifier(column) : null;
    }

    /** The line's key, when readable, and the line, when valid. */
    record Parsed(Optional<String> key, Optional<PaymentLine> line) {}

    /**
     * A valid line of a payments file.
     *
     * @param receivedOn YYYY-MM-DD
     * @param matricule the matricule given, or null
     */
    record PaymentLine(
            long line,
            PaymentChannel channel,
            String paymentRef,
            String contractId,
            long amountXof,
            String receivedOn,
            String matricule) {

        String key() {
            return PaymentParser.key(channel, paymentRef);
        }
    }
}
