package org.smartphone.payroll.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.smartphone.payroll.failure.InvalidInputException;
import org.smartphone.payroll.failure.RefusedException;

/**
 * Keeps out of logs/payroll.log (and serve's console) the lines an operator would misread: each
 * command ends with one line of its own saying how it ended (cli/CommandLog), with the stack trace
 * when the failure was unexpected (exit 1), and serve says how each of its runs ended. So:
 * <ul>
 * <li>a line carrying an invalid input or a refusal (exit 2 or 3, SPEC 6) as its exception, such as
 * Spring Batch's ERROR with a stack trace for the step that threw it, is left out: it is an outcome,
 * not a failure, and the outcome line says it;</li>
 * <li>Spring Boot's own report of a command that could not start (the "APPLICATION FAILED TO
 * START" box, "Application run failed" and the context's "cancelling refresh attempt") is left out:
 * the command's end line says it, once;</li>
 * <li>Flyway's warning that the embedded H2 is newer than the versions Flyway was verified with is
 * left out: that H2 is the one built into the engine and tested with it, nothing an operator can
 * change. Flyway's other warnings stay, its warning about a PostgreSQL server newer than it knows
 * too (that server is the operator's).</li>
 * </ul>
 * An appender's filter sees only the lines that pass the loggers' levels: nothing is added to the
 * cost of a disabled debug line.
 */
public class OperatorLogFilter extends Filter<ILoggingEvent> {

    /** Flyway's {@code Database}: "Using H2 2.4.240 which is newer than the version Flyway has been verified with". */
    private static final String FLYWAY_DATABASE = "org.flywaydb.core.internal.database.base.Database";

    private static final String FAILURE_ANALYSIS =
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter";
    private static final String SPRING_APPLICATION = "org.springframework.boot.SpringApplication";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return isExpectedOutcome(event.getThrowableProxy())
                        || isStartupFailureReport(event)
                        || isEmbeddedH2VersionWarning(event)
                ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }

    private static boolean isExpectedOutcome(IThrowableProxy proxy) {
        if (!(proxy instanceof ThrowableProxy thrown)) {
            return false;
        }
        for (Throwable t = thrown.getThrowable(); t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof RefusedException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStartupFailureReport(ILoggingEvent event) {
        String logger = event.getLoggerName();
        String message = String.valueOf(event.getMessage());
        return logger.equals(FAILURE_ANALYSIS)
                || logger.equals(SPRING_APPLICATION) && message.startsWith("Application run failed")
                || logger.startsWith("org.springframework.context.")
                        && message.startsWith("Exception encountered during context initialization");
    }

    private static boolean isEmbeddedH2VersionWarning(ILoggingEvent event) {
        return event.getLoggerName().equals(FLYWAY_DATABASE)
                && String.valueOf(event.getMessage()).startsWith("Using H2 ");
    }
}
