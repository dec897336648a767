package org.smartphone.payroll.refund;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.files.InputStaging;
import org.smartphone.payroll.files.InvalidLines;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code stageConfirmations} of {@code refunds confirm} (SPEC 7.2): reads and validates the
 * whole refunds-paid file against the ledger and stages its usable lines. A line confirms an item
 * INSTRUCTED (or DUE and made from a refund due recorded before this version, paid by hand) for its exact
 * amount; a line identical to a confirmation already recorded is staged as skipped; anything else is
 * an invalid line, and a refund_id twice in the file makes all its lines invalid (checked first). One
 * transaction, redone whole on resume until the run is committed.
 */
@Component
class StageConfirmations implements Work {

    private static final DuplicateKeys DUPLICATES =
            new DuplicateKeys("refund_id", "this file", "none of these lines is used.");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final Home home;

    StageConfirmations(JdbcTemplate jdbc, RunRegistry runs, Home home) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.home = home;
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        jdbc.update("DELETE FROM refund_confirmation_entry WHERE run_id = ?", run.runId());
        long[] staged = {0};
        try (InvalidLines invalid = new InvalidLines(home.rejected())) {
            long records = InputStaging.read(
                    run, invalid, ConfirmationParser.REQUIRED, List.of(), "refund_id", id -> false, (record, cells) -> {
                        String key = ConfirmationParser.refundId(record);
                        if (!key.isEmpty()) {
                            invalid.carrier(key, record.line());
                        }
                        Optional<ConfirmationParser.Confirmation> line = ConfirmationParser.parse(record, cells);
                        if (line.isEmpty()) {
                            return false;
                        }
                        check(run.runId(), line.get(), invalid);
                        staged[0]++;
                        return true;
                    });
            invalid.rejectRepeats(DUPLICATES, new DuplicateKeys.KeptLines() {
                @Override
                public long keptLine(String refundId) {
                    return 0;
                }

                @Override
                public void rejected(String refundId, long line) {
                    jdbc.update(
                            "DELETE FROM refund_confirmation_entry WHERE run_id = ? AND line = ?", run.runId(), line);
                }
            });
            invalid.settle(run, runs, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return staged[0];
    }

    /** Stages a line that confirms its item, or records why it cannot (unless its refund id is repeated). */
    private void check(long runId, ConfirmationParser.Confirmation line, InvalidLines invalid) {
        List<Item> found = jdbc.query(
                "SELECT status, legacy, amount_xof, paid_on, payment_ref, confirmation FROM refund_item"
                        + " WHERE refund_id = ?",
                (rs, i) -> new Item(
                        rs.getString(1),
                        rs.getBoolean(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6)),
                line.refundId());
        String refundId = line.refundId();
        if (found.isEmpty()) {
            reject(
                    invalid,
                    line,
                    "refund_id",
                    refundId,
                    "No refund item " + refundId + " is known: the refund_id is" + " not one the engine issued.");
            return;
        }
        Item item = found.get(0);
        switch (item.status()) {
            case "PAID" -> {
                if (item.paidOn().equals(line.paidOn())
                        && item.amountXof() == line.amountXof()
                        && item.paymentRef().equals(line.paymentRef())) {
                    stage(runId, line, true);
                } else {
                    reject(
                            invalid,
                            line,
                            "",
                            "",
                            "The refund " + refundId + " was already confirmed paid in "
                                    + RefundFiles.confirmationFile(item.confirmation()) + " (paid_on " + item.paidOn()
                                    + ", amount_xof " + item.amountXof() + ", payment_ref " + item.paymentRef()
                                    + "); this line differs from that confirmation.");
                }
            }
            case "CANCELLED" ->
                reject(
                        invalid,
                        line,
                        "refund_id",
                        refundId,
                        "The refund " + refundId + " was cancelled (reduced to" + " 0): nothing is to be paid for it.");
            case "DUE" -> {
                if (item.legacy()) {
                    checkAmount(runId, line, item, invalid);
                } else {
                    reject(
                            invalid,
                            line,
                            "refund_id",
                            refundId,
                            "The refund " + refundId + " has not been instructed:"
                                    + " it is in no batch sent to the bank (or its batch was released), so it"
                                    + " cannot have"
                                    + " been paid.");
                }
            }
            default -> checkAmount(runId, line, item, invalid);
        }
    }

    private void checkAmount(long runId, ConfirmationParser.Confirmation line, Item item, InvalidLines invalid) {
        if (line.amountXof() != item.amountXof()) {
            reject(
                    invalid,
                    line,
                    "amount_xof",
                    Long.toString(line.amountXof()),
                    "The refund " + line.refundId()
                            + " was instructed for " + Francs.of(item.amountXof()) + ", not "
                            + Francs.of(line.amountXof())
                            + ": a refund is confirmed paid for its whole amount.");
            return;
        }
        stage(runId, line, false);
    }

    private void stage(long runId, ConfirmationParser.Confirmation line, boolean skipped) {
        jdbc.update(
                "INSERT INTO refund_confirmation_entry (run_id, line, refund_id, paid_on, amount_xof, payment_ref,"
                        + " skipped) VALUES (?, ?, ?, ?, ?, ?, ?)",
                runId,
                line.line(),
                line.refundId(),
                line.paidOn(),
                line.amountXof(),
                line.paymentRef(),
                skipped);
    }

    private static void reject(
            InvalidLines invalid, ConfirmationParser.Confirmation line, String column, String value, String reason) {
        invalid.addUnlessRepeated(line.refundId(), new InputError(line.line(), column, value, reason));
    }

    private record Item(
            String status, boolean legacy, long amountXof, String paidOn, String paymentRef, int confirmation) {}
}
