package org.smartphone.payroll.refund;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code releaseBatch} of {@code refunds release --batch N} (SPEC 7.2), its one commit: the
 * items of batch N still INSTRUCTED (the bank rejected the batch) are DUE again, to be issued in a later
 * batch; those confirmed paid meanwhile stay PAID. The run's subject is the batch's file name.
 */
@Component
class ReleaseBatch implements Work {

    private static final Pattern BATCH_FILE = Pattern.compile("refunds-(\\d+)\\.csv");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;

    ReleaseBatch(JdbcTemplate jdbc, RunRegistry runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /** The batch a release run releases, from its subject ({@code refunds-0003.csv}). */
    static int batchOf(String subject) {
        Matcher matcher = BATCH_FILE.matcher(subject);
        if (!matcher.matches()) {
            throw new IllegalStateException("a release of " + subject + ": not a batch file");
        }
        return Integer.parseInt(matcher.group(1));
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        int batch = batchOf(run.inputName());
        Long amount = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount_xof), 0) FROM refund_item WHERE batch = ? AND status = 'INSTRUCTED'",
                Long.class,
                batch);
        int released = jdbc.update(
                "UPDATE refund_item SET status = 'DUE', issued_matricule = NULL WHERE batch = ?"
                        + " AND status = 'INSTRUCTED'",
                batch);
        runs.recordSummary(
                run.runId(),
                Counted.of(released, "refund item") + " of " + RefundFiles.batchFile(batch) + " due again, "
                        + Francs.of(amount));
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return released;
    }
}
