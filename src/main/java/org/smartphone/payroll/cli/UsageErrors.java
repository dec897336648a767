package org.smartphone.payroll.cli;

import java.io.PrintWriter;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli could not read (exit 2): what is wrong in one line, the suggestion picocli
 * has for a name mistyped ("Did you mean: status?"), and where the help is, rather than the whole
 * usage (which hid the one line that mattered) or a Java exception's text. The message quotes the
 * arguments as typed, hence escaped for the terminal.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        ParameterException e = mistypedFirst(error);
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(TerminalText.line(message(e)));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See 'scripts/payroll help" + (command.getParent() == null ? "" : " " + command.getCommandName())
                + "'.");
        err.flush();
        return PayrollCommand.INVALID;
    }

    /**
     * picocli checks the required options before it complains of an argument it did not know: {@code
     * deduct --perod 2026-01} would say that --period is missing, not that --perod is mistyped.
     */
    private static ParameterException mistypedFirst(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (!(e instanceof UnmatchedArgumentException)
                && !command.getUnmatchedArguments().isEmpty()) {
            return new UnmatchedArgumentException(command, command.getUnmatchedArguments());
        }
        return e;
    }

    private static String message(ParameterException e) {
        if (e.getCommandLine().getParent() == null && e.getMessage().startsWith("Missing required subcommand")) {
            return "Missing command: one of "
                    + String.join(", ", e.getCommandLine().getSubcommands().keySet());
        }
        if (e.getCause() instanceof TypeConversionException conversion
                && e.getArgSpec() != null
                && e.getArgSpec().type() == Period.class) {
            return conversion.getMessage();
        }
        if (e instanceof UnmatchedArgumentException unmatched
                && e.getCommandLine().getParent() == null
                && !unmatched.isUnknownOption()
                && !unmatched.getUnmatched().isEmpty()) {
            return "Unknown command: '" + unmatched.getUnmatched().get(0) + "'";
        }
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.isUnknownOption()
                && e.getCommandLine().getCommandSpec().findOption("--period") != null) {
            for (String argument : unmatched.getUnmatched()) {
                if (argument.matches("\\d{4}-\\d{1,2}")) {
                    // deduct 2026-01: the period typed without its option
                    return "Unexpected '" + argument + "': give the period as --period " + argument;
                }
            }
        }
        return e.getMessage();
    }
}
