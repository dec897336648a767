package org.smartphone.payroll.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.payment.PaymentParser.PaymentLine;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks the valid lines of a payments file against the ledger (SPEC 7.1) and stages the ones to keep,
 * a batch at a time (one indexed query per batch for the payments, one for the contracts), so that
 * memory holds one batch. The (channel, payment_ref) check comes first: a payment already recorded with
 * the same contract, amount and date is staged as skipped; with other values the line is invalid
 * (a conflict). Then the contract must be known and, when the line names a matricule, that must be the
 * contract's current one.
 *
 * <p>Its errors are provisional: a line whose key turns out to be repeated in the file gets only that
 * error (SPEC 7.1, a key twice in one file makes all its lines invalid).
 */
final class PaymentCheck implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final long runId;
    private final int batchSize;
    private final BiConsumer<String, InputError> provisional;
    private final RowBatch staged;
    private final List<PaymentLine> pending;

    /** @param provisional where the errors go, with the key of their line */
    PaymentCheck(JdbcTemplate jdbc, long runId, int batchSize, BiConsumer<String, InputError> provisional) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.batchSize = batchSize;
        this.provisional = provisional;
        this.pending = new ArrayList<>(batchSize);
        this.staged = new RowBatch(
                jdbc,
                "INSERT INTO payment_entry (run_id, line, channel, payment_ref, contract_id, amount_xof,"
                        + " received_on, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                batchSize);
    }

    /** Takes a valid line; its outcome is known once its batch has been checked. */
    void check(PaymentLine line) {
        pending.add(line);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** Checks the lines still pending, and writes every staged line (call once the file has been read). */
    @Override
    public void close() {
        flush();
        staged.close();
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Recorded> recorded = recorded(pending);
        Map<String, String> holders = holders(pending);
        for (PaymentLine line : pending) {
            Recorded earlier = recorded.get(line.key());
            if (earlier != null) {
                if (earlier.contractId().equals(line.contractId())
                        && earlier.amountXof() == line.amountXof()
                        && earlier.receivedOn().equals(line.receivedOn())) {
                    stage(line, true);
                } else {
                    provisional.accept(
                            line.key(),
                            new InputError(
                                    line.line(),
                                    "payment_ref",
                                    line.paymentRef(),
                                    "The payment " + line.key() + " was already recorded with other values (contract "
                                            + earlier.contractId() + ", " + Francs.of(earlier.amountXof())
                                            + " received on " + earlier.receivedOn() + "); a recorded payment"
                                            + " is not changed."));
                }
                continue;
            }
            String holder = holders.get(line.contractId());
            if (holder == null) {
                provisional.accept(
                        line.key(),
                        new InputError(
                                line.line(),
                                "contract_id",
                                line.contractId(),
                                "The contract " + line.contractId() + " is not known; check the contract_id."));
            } else if (line.matricule() != null && !line.matricule().equals(holder)) {
                provisional.accept(
                        line.key(),
                        new InputError(
                                line.line(),
                                "matricule",
                                line.matricule(),
                                "The contract " + line.contractId() + " is held by the matricule " + holder + ", not "
                                        + line.matricule() + "; check the contract_id and the matricule."));
            } else {
                stage(line, false);
            }
        }
        pending.clear();
    }

    private void stage(PaymentLine line, boolean skipped) {
        staged.add(
                runId,
                line.line(),
                line.channel().name(),
                line.paymentRef(),
                line.contractId(),
                line.amountXof(),
                line.receivedOn(),
                skipped);
    }

    /**
     * The payments already recorded under the keys of these lines, by key: looked up by payment_ref (an
     * index of its own), the channel compared here.
     */
    private Map<String, Recorded> recorded(List<PaymentLine> lines) {
        StringBuilder sql =
                new StringBuilder("SELECT channel, payment_ref, contract_id, amount_xof, received_on FROM payment"
                        + " WHERE payment_ref IN (");
        Object[] refs = new Object[lines.size()];
        for (int i = 0; i < refs.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
            refs[i] = lines.get(i).paymentRef();
        }
        Map<String, Recorded> recorded = new HashMap<>();
        jdbc.query(
                sql.append(')').toString(),
                rs -> {
                    recorded.put(
                            PaymentParser.key(PaymentChannel.valueOf(rs.getString(1)), rs.getString(2)),
                            new Recorded(rs.getString(3), rs.getLong(4), rs.getString(5)));
                },
                refs);
        return recorded;
    }

    /** The current matricule of each known contract these lines name. */
    private Map<String, String> holders(List<PaymentLine> lines) {
        StringBuilder sql = new StringBuilder("SELECT contract_id, matricule FROM contract WHERE contract_id IN (");
        Object[] ids = new Object[lines.size()];
        for (int i = 0; i < ids.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
            ids[i] = lines.get(i).contractId();
        }
        Map<String, String> holders = new HashMap<>();
        jdbc.query(
                sql.append(')').toString(),
                rs -> {
                    holders.put(rs.getString(1), rs.getString(2));
                },
                ids);
        return holders;
    }

    private record Recorded(String contractId, long amountXof, String receivedOn) {}
}
