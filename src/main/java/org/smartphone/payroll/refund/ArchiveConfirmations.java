package org.smartphone.payroll.refund;

import java.io.IOException;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.files.Archive;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code archiveConfirmations} of {@code refunds confirm}: once the run is committed and
 * published, empties its staged lines and moves a file taken from the inbox to {@code archive/refunds/}
 * (SPEC 7); a file named outside the inbox stays where it is.
 */
@Component
class ArchiveConfirmations implements Work {

    private final JdbcTemplate jdbc;
    private final Home home;

    ArchiveConfirmations(JdbcTemplate jdbc, Home home) {
        this.jdbc = jdbc;
        this.home = home;
    }

    @Override
    public long run(RunContext run) throws IOException {
        jdbc.update("DELETE FROM refund_confirmation_entry WHERE run_id = ?", run.runId());
        if (run.fromInbox()) {
            Archive.move(run.input(), home.archive().resolve(RefundFiles.FOLDER), run.sha256());
        }
        return 0;
    }
}
