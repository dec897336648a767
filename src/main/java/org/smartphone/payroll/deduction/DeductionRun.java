package org.smartphone.payroll.deduction;

import org.smartphone.payroll.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A deduction run as the commands that undo one see it: {@code revoke} (SPEC 6) undoes a completed
 * run, {@code abandon} discards an unfinished one. The run itself is its steps: {@link Deduct} and
 * {@link PublishDeduction}, wired by {@link DeductionJobConfiguration}.
 */
@Service
public class DeductionRun {

    private final JdbcTemplate jdbc;

    public DeductionRun(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Undoes the committed deduction run of a period, the latest one (SPEC 6, revoke): its lines go,
     * the ministry codes it replaced come back, and those it recorded for holders seen for the first
     * time go (every code of the period not replacing one was such). One transaction with the rest of
     * the revocation.
     */
    public void revoke(Period period) {
        String p = period.toString();
        jdbc.update("DELETE FROM deduction_line WHERE period = ?", p);
        jdbc.update(
                "DELETE FROM holder_ministry WHERE period = ? AND matricule NOT IN (SELECT matricule"
                        + " FROM holder_ministry_replaced WHERE period = ?)",
                p,
                p);
        jdbc.update(
                "UPDATE holder_ministry SET ministry_code = (SELECT r.ministry_code FROM holder_ministry_replaced r"
                        + " WHERE r.period = ? AND r.matricule = holder_ministry.matricule), period = (SELECT r.code_period"
                        + " FROM holder_ministry_replaced r WHERE r.period = ? AND r.matricule = holder_ministry.matricule)"
                        + " WHERE period = ?",
                p,
                p,
                p);
        jdbc.update("DELETE FROM holder_ministry_replaced WHERE period = ?", p);
    }

    /** Whether the deduction run of a period recorded a holder's ministry code (first seen or replaced). */
    public boolean recordedMinistryCodes(Period period) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM holder_ministry WHERE period = ?)", Boolean.class, period.toString()));
    }

    /** Removes what an unfinished deduction run staged and computed (for {@code abandon}). */
    public void discard(Period period) {
        jdbc.update("DELETE FROM deduction_line WHERE period = ?", period.toString());
    }
}
