package org.smartphone.payroll.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.failure.Failures;
import org.smartphone.payroll.failure.InvalidInputException;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code payroll [--home DIR] <command>} (SPEC 6). */
@Command(
        name = "payroll",
        mixinStandardHelpOptions = true,
        version = "payroll 1.0",
        synopsisSubcommandLabel = "<command>",
        description = "Smartphone repayment deductions: import contracts, deduct, reconcile, report, serve.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failed (crash, unexpected error); run the same command again to resume",
            "2:invalid input or usage; nothing changed",
            "3:refused by state (already done, out of order, another run in progress, file already processed)"
        })
public final class PayrollCommand {

    static final int FAILED = 1;
    static final int INVALID = 2;
    static final int REFUSED = 3;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "Home folder (inbox, outbox, archive, rejected, db). Default: $PAYROLL_HOME, else ./jobs")
    private Path home;

    private Path homeAfterCommand;

    private final Map<String, String> environment;
    private final String commandLine;
    private final long startedNanos = System.nanoTime();
    private final CommandLog log;

    private PayrollCommand(Map<String, String> environment, String commandLine, CommandLog log) {
        this.environment = environment;
        this.commandLine = commandLine;
        this.log = log;
    }

    /** Parses and runs one command line; returns the exit code. */
    public static int execute(Map<String, String> environment, String... args) {
        PayrollCommand root = new PayrollCommand(environment, String.join(" ", args), new CommandLog(args));
        CommandLine commandLine = new CommandLine(root)
                .addSubcommand(new ImportContractsCommand(root))
                .addSubcommand(new DeductCommand(root))
                .addSubcommand(new ReconcileCommand(root))
                .addSubcommand(new ReportCommand(root))
                .addSubcommand(new StatusCommand(root))
                .addSubcommand(new RecordPaymentsCommand(root))
                .addSubcommand(new AbandonCommand(root))
                .addSubcommand(new RevokeCommand(root))
                .addSubcommand(RefundsCommand.commandLine(root))
                .addSubcommand(new ServeCommand(root))
                .addSubcommand(new HelpCommand())
                .setExitCodeExceptionMapper(PayrollCommand::exitCode)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println(TerminalText.lines(message(e)));
                    root.log.failed(e, message(e));
                    return exitCode(e);
                })
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionStrategy(parseResult -> {
                    root.checkHomes(parseResult.commandSpec().commandLine());
                    return new CommandLine.RunLast().execute(parseResult);
                });
        HomeAfterCommand.addTo(commandLine, root);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(INVALID);
        int exitCode = commandLine.execute(args);
        root.log.ended(exitCode);
        return exitCode;
    }

    /** {@code --home} given after the command ({@code payroll status --home DIR}). */
    void homeAfterCommand(Path value) {
        homeAfterCommand = value;
    }

    Path homeAfterCommand() {
        return homeAfterCommand;
    }

    /**
     * {@code --home} may come before or after the command, not twice with two folders; an empty one
     * ({@code --home "$UNSET"}) would be the current folder, and is refused rather than filled.
     */
    private void checkHomes(CommandLine parsed) {
        for (Path given : new Path[] {home, homeAfterCommand}) {
            if (given != null && given.toString().isBlank()) {
                throw new ParameterException(parsed, "--home is empty: give the home folder");
            }
        }
        if (home != null
                && homeAfterCommand != null
                && !home.toAbsolutePath()
                        .normalize()
                        .equals(homeAfterCommand.toAbsolutePath().normalize())) {
            throw new ParameterException(
                    parsed,
                    "--home is given twice with two folders (" + home + " and " + homeAfterCommand + "): give it once");
        }
    }

    Home home() {
        Path given = home != null ? home : homeAfterCommand;
        if (given != null) {
            return new Home(given);
        }
        String fromEnvironment = environment.get("PAYROLL_HOME");
        return new Home(Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "jobs" : fromEnvironment));
    }

    /** The home and database this command uses, and whether they were named (SPEC 6: else ./jobs). */
    private Whereabouts whereabouts() {
        String fromEnvironment = environment.get("PAYROLL_HOME");
        boolean named =
                home != null || homeAfterCommand != null || fromEnvironment != null && !fromEnvironment.isBlank();
        return Whereabouts.of(home(), named, environment);
    }

    /** The command line as typed, to name this command to another one refused meanwhile. */
    String commandLine() {
        return commandLine;
    }

    /** Where this command says how it went, for the log. */
    CommandLog log() {
        return log;
    }

    /** Time since the command line was parsed, the engine's startup included: what the operator waited. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Opens the engine for a command that changes the ledger: says where first, and that it creates a
     * new home when it does so in a folder nobody named.
     */
    Engine openEngine() throws Exception {
        sayWhere(true);
        return Engine.open(home(), environment, commandLine, Engine.Use.CHANGES, log);
    }

    /**
     * Opens the engine for {@code status} or {@code report}, which only read the ledger: they never
     * create a home (exit 3 instead), and may read the database serve holds.
     */
    Engine openExistingEngine(String command) throws Exception {
        Whereabouts where = sayWhere(false);
        if (where.isNew()) {
            throw where.nothingToRead(command);
        }
        return Engine.open(home(), environment, commandLine, Engine.Use.READS, log);
    }

    Engine openServeEngine() throws Exception {
        sayWhere(true);
        return Engine.open(home(), environment, commandLine, Engine.Use.SERVES, log);
    }

    private Whereabouts sayWhere(boolean creates) {
        Whereabouts where = whereabouts();
        System.err.println(TerminalText.line(where.line()));
        if (creates && !where.named() && where.isNew()) {
            System.err.println(TerminalText.line(where.creatingNotice()));
        }
        return where;
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
