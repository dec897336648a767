package org.smartphone.payroll.refund;

import java.util.List;
import java.util.Optional;
import org.smartphone.payroll.run.OpenPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code refund_batch} table: each {@code refunds-NNNN.csv} issued (kind ISSUE) and each
 * {@code refunds-paid-NNNN.csv} written (kind CONFIRM), numbered from 1 per kind in the order their
 * runs committed, with the open period P of that moment (the report of M lists those made while P was M).
 */
@Component
public class RefundBatches {

    static final String ISSUE = "ISSUE";
    static final String CONFIRM = "CONFIRM";

    private final JdbcTemplate jdbc;
    private final OpenPeriod openPeriod;

    public RefundBatches(JdbcTemplate jdbc, OpenPeriod openPeriod) {
        this.jdbc = jdbc;
        this.openPeriod = openPeriod;
    }

    /**
     * The number of the batch (or confirmation) run {@code runId} made, assigned now if it has none: one
     * more than the last of its kind. In the run's commit, under the run lock.
     */
    int numberFor(String kind, long runId) {
        Optional<Integer> assigned = of(runId);
        if (assigned.isPresent()) {
            return assigned.get();
        }
        Integer last = jdbc.queryForObject("SELECT MAX(batch) FROM refund_batch WHERE kind = ?", Integer.class, kind);
        return last == null ? 1 : last + 1;
    }

    /** Records the batch (or confirmation) {@code number} of run {@code runId}, in the run's commit. */
    void record(String kind, int number, long runId, long items, long amountXof) {
        String period =
                openPeriod.current().map(open -> open.period().toString()).orElse(null);
        jdbc.update(
                "INSERT INTO refund_batch (kind, batch, run_id, period, items, amount_xof) VALUES (?, ?, ?, ?, ?, ?)",
                kind,
                number,
                runId,
                period,
                items,
                amountXof);
    }

    /** The number of the batch or confirmation run {@code runId} made, once committed. */
    Optional<Integer> of(long runId) {
        List<Integer> numbers =
                jdbc.queryForList("SELECT batch FROM refund_batch WHERE run_id = ?", Integer.class, runId);
        return numbers.stream().findFirst();
    }

    /** The open period P when run {@code runId} made its batch or confirmation; null before any deduction run. */
    String periodOf(long runId) {
        List<String> periods =
                jdbc.queryForList("SELECT period FROM refund_batch WHERE run_id = ?", String.class, runId);
        return periods.isEmpty() ? null : periods.get(0);
    }
}
