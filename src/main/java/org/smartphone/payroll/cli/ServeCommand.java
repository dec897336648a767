package org.smartphone.payroll.cli;

import java.util.concurrent.Callable;
import org.smartphone.payroll.run.RunningJob;
import org.smartphone.payroll.schedule.Serve;
import picocli.CommandLine.Command;

/** {@code serve}: the scheduled mode of SPEC 6, until SIGTERM. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Scheduled mode: watches the inbox and runs what each dropped file calls for (contracts*.csv"
                + " imports, payroll-YYYY-MM.csv deducts, withheld-YYYY-MM.csv reconciles), checks the monthly"
                + " deadlines, serves metrics and health on 127.0.0.1. Runs until SIGTERM (Ctrl-C), which lets the"
                + " run in progress stop resumably. One serve per database.")
final class ServeCommand implements Callable<Integer> {

    private final PayrollCommand root;

    ServeCommand(PayrollCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = root.openServeEngine()) {
            Serve serve = engine.bean(Serve.class);
            try {
                serve.start();
                RunningJob.awaitStopRequest();
            } finally {
                serve.stop();
            }
            System.out.println("serve stopped: nothing is left half done; an interrupted run resumes with the next"
                    + " serve or the same command.");
            return 0;
        }
    }
}
