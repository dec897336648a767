package org.smartphone.payroll.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.run.RunSummary;
import org.smartphone.payroll.run.RunningJob;
import org.smartphone.payroll.text.TerminalText;

/**
 * The two lines every command writes to its home's logs/payroll.log, so that an operator can tell
 * from the log alone who ran what and how it ended:
 * <pre>
 * command started: payroll deduct --period 2026-01 (by ama on treasury-01)
 * command ended: payroll deduct --period 2026-01 (by ama on treasury-01): exit 0 (done) in 3.2 s: The
 *     deduction run completed (run 2): ...
 * </pre>
 * The end line holds the exit code, the time since the command line was read, and the sentences the
 * terminal showed (each on the one line). Its level says how it ended: INFO done (exit 0), WARN an
 * expected failure (2 invalid input, 3 refused: the line is all the log says of it), ERROR an
 * unexpected one (exit 1), with the stack trace of the exception that ended the command when there
 * is one (a run's own failure is traced where its step failed).
 *
 * <p>A command logs once it has opened its home (Engine.open): one stopped before, by a usage error
 * or a setting read before the home is made, logs nothing. It wrote its message on the terminal, and
 * there may be no home to log into (a mistyped {@code --home} must not make one).
 */
final class CommandLog {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLog.class);

    private final String commandLine;
    private final long startedNanos = System.nanoTime();
    private final List<String> outcomes = new ArrayList<>();
    /** "by ACCOUNT on HOST", set once the command has opened its home: until then it logs nothing. */
    private String who;

    private Throwable failure;

    CommandLog(String... args) {
        StringBuilder typed = new StringBuilder("payroll");
        for (String arg : args) {
            typed.append(' ').append(quoted(arg));
        }
        this.commandLine = TerminalText.line(typed.toString());
    }

    /** The home's log is this command's from now on: the first line. */
    void started() {
        who = "by " + TerminalText.line(System.getProperty("user.name")) + " on " + TerminalText.line(hostName());
        LOG.info("command started: {} ({})", commandLine, who);
    }

    /** A sentence the terminal showed about how the command, or one run of it, ended. */
    void outcome(String message) {
        outcomes.add(TerminalText.line(message.strip().replaceAll("\\s*\\n\\s*", " ")));
    }

    /** The exception that ended the command, and the sentence the terminal showed for it. */
    void failed(Throwable exception, String message) {
        failure = exception;
        outcome(message);
    }

    /** The last line, if the command got as far as its home. */
    void ended(int exitCode) {
        if (who == null) {
            return;
        }
        // stopped by Ctrl-C or SIGTERM: no failure, and the process exits 130 or 143 once this returns
        boolean stopped = exitCode == PayrollCommand.FAILED && RunningJob.isStopRequested();
        String line = "command ended: " + commandLine + " (" + who + "): "
                + (stopped
                        ? "stopped on request (exit 130 after Ctrl-C, 143 after SIGTERM)"
                        : "exit " + exitCode + " (" + meaning(exitCode) + ")")
                + " in "
                + RunSummary.seconds(Duration.ofNanos(System.nanoTime() - startedNanos))
                + (outcomes.isEmpty() ? "." : ": " + String.join(" ", outcomes));
        if (stopped) {
            LOG.warn(line);
            return;
        }
        switch (exitCode) {
            case 0 -> LOG.info(line);
            case PayrollCommand.FAILED -> LOG.error(line, failure);
            default -> LOG.warn(line);
        }
    }

    private static String meaning(int exitCode) {
        return switch (exitCode) {
            case 0 -> "done";
            case PayrollCommand.FAILED -> "failed";
            case PayrollCommand.INVALID -> "invalid input";
            case PayrollCommand.REFUSED -> "refused";
            default -> "exit code " + exitCode;
        };
    }

    /** An argument as a shell would need it typed: quoted when empty or holding a space or a quote. */
    private static String quoted(String arg) {
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "-_./:=,@%+".indexOf(c) >= 0)) {
                return "'" + arg.replace("'", "'\\''") + "'";
            }
        }
        return arg.isEmpty() ? "''" : arg;
    }

    /**
     * The machine's name as the kernel has it: looking it up through the resolver
     * ({@link InetAddress#getLocalHost}) can wait seconds on a host missing from DNS.
     */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "an unknown host";
            }
        }
    }
}
