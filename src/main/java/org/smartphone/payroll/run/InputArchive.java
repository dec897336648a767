package org.smartphone.payroll.run;

import java.io.IOException;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.files.Archive;
import org.springframework.stereotype.Component;

/**
 * The last step of every run: a file taken from the inbox moves to {@code archive/YYYY-MM/}, or
 * {@code archive/contracts/} for a contracts file (SPEC 6). A file named outside the inbox stays.
 */
@Component
public class InputArchive {

    private final Home home;

    public InputArchive(Home home) {
        this.home = home;
    }

    public long archive(RunContext run) throws IOException {
        if (run.fromInbox()) {
            String folder = run.period() == null ? "contracts" : run.period().toString();
            Archive.move(run.input(), home.archive().resolve(folder), run.sha256());
        }
        return 0;
    }
}
