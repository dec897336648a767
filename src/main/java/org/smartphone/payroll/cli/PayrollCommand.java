package org.smartphone.payroll.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.text.TerminalText;
import org.smartphone.payroll.run.Failures;
import org.smartphone.payroll.run.InvalidInputException;
import org.smartphone.payroll.run.RefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code payroll [--home DIR] <command>} (SPEC 6). */
@Command(name = "payroll", mixinStandardHelpOptions = true, version = "payroll 1.0",
        description = "Smartphone repayment deductions: import contracts, deduct, reconcile, report, serve.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failed (crash, unexpected error); run the same command again to resume",
            "2:invalid input or usage; nothing changed",
            "3:refused by state (already done, out of order, another run in progress, file already processed)"})
public final class PayrollCommand {

    static final int FAILED = 1;
    static final int INVALID = 2;
    static final int REFUSED = 3;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Home folder (inbox, outbox, archive, rejected, db). Default: $PAYROLL_HOME, else ./jobs")
    private Path home;

    private final Map<String, String> environment;
    private final String commandLine;
    private final long startedNanos = System.nanoTime();

    private PayrollCommand(Map<String, String> environment, String commandLine) {
        this.environment = environment;
        this.commandLine = commandLine;
    }

    /** Parses and runs one command line; returns the exit code. */
    public static int execute(Map<String, String> environment, String... args) {
        PayrollCommand root = new PayrollCommand(environment, String.join(" ", args));
        CommandLine commandLine = new CommandLine(root)
                .addSubcommand(new ImportContractsCommand(root))
                .addSubcommand(new DeductCommand(root))
                .addSubcommand(new ReconcileCommand(root))
                .addSubcommand(new ReportCommand(root))
                .addSubcommand(new StatusCommand(root))
                .addSubcommand(new AbandonCommand(root))
                .addSubcommand(new RevokeCommand(root))
                .addSubcommand(new ServeCommand(root))
                .setExitCodeExceptionMapper(PayrollCommand::exitCode)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println(TerminalText.lines(message(e)));
                    return exitCode(e);
                })
                // picocli's own handler, minus its colours: the message quotes the arguments as typed
                .setParameterExceptionHandler((e, typed) -> {
                    CommandLine cmd = e.getCommandLine();
                    cmd.getErr().println(TerminalText.line(e.getMessage()));
                    if (!UnmatchedArgumentException.printSuggestions(e, cmd.getErr())) {
                        cmd.usage(cmd.getErr());
                    }
                    return exitCode(e);
                });
        commandLine.getCommandSpec().exitCodeOnInvalidInput(INVALID);
        return commandLine.execute(args);
    }

    Home home() {
        if (home != null) {
            return new Home(home);
        }
        String fromEnvironment = environment.get("PAYROLL_HOME");
        return new Home(Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "jobs" : fromEnvironment));
    }

    /** The command line as typed, to name this command to another one refused meanwhile. */
    String commandLine() {
        return commandLine;
    }

    /** Time since the command line was parsed, the engine's startup included: what the operator waited. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    Engine openEngine() throws Exception {
        return Engine.open(home(), environment, commandLine);
    }

    Engine openServeEngine() throws Exception {
        return Engine.openForServe(home(), environment, commandLine);
    }

    static int exitCode(Throwable e) {
        if (e instanceof ParameterException) {
            return INVALID;
        }
        Throwable cause = unwrap(e);
        if (cause instanceof InvalidInputException) {
            return INVALID;
        }
        if (cause instanceof RefusedException) {
            return REFUSED;
        }
        return FAILED;
    }

    private static String message(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof InvalidInputException || cause instanceof RefusedException) {
            return cause.getMessage();
        }
        return "The command failed: " + Failures.describe(cause) + ". Nothing is lost: run the same command"
                + " again to resume; details are in logs/payroll.log under the home folder.";
    }

    /** Startup wraps our exceptions; the first one of ours in the chain says what happened. */
    private static Throwable unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof RefusedException) {
                return t;
            }
        }
        return e;
    }
}
