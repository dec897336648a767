package org.smartphone.payroll.refund;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A {@code refunds confirm} run as {@code abandon} sees it: an interrupted run that has not reached the
 * ledger leaves only its staged lines, which go. The run itself is its steps, wired by
 * {@link RefundsJobConfiguration}.
 */
@Service
public class RefundConfirmations {

    private final JdbcTemplate jdbc;

    public RefundConfirmations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes what the unfinished confirmation run {@code runId} staged (for {@code abandon refunds confirm}). */
    public void discard(long runId) {
        jdbc.update("DELETE FROM refund_confirmation_entry WHERE run_id = ?", runId);
    }
}
