package org.smartphone.payroll.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.pattern.DynamicConverter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.text.TerminalText;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Spring Boot's Logback logging exactly as Boot configures it by default (console and
 * logs/payroll.log, with the patterns, thresholds and levels of application.yml), except that the
 * message and the stack trace of every line are escaped by {@link TerminalText}: they quote file
 * names, cell values and database errors, which must never act on a terminal. Logback's own
 * conversion words for them ({@code %m %msg %message}, and Boot's {@code %wEx} and {@code %ex}) are
 * replaced, so no pattern can leave the escaping out, whoever logs.
 *
 * <p>Boot's default configuration takes no conversion rule of ours; a logback-spring.xml could
 * declare them, but Logback's XML configurator adds to every command's start (docs/performance.md, Startup).
 * So the default configuration runs, the rules are added, and the appenders' patterns are read again.
 * Each appender also gets the {@link OperatorLogFilter}, which keeps out lines an operator would misread.
 */
public class EscapingLogbackLoggingSystem extends LogbackLoggingSystem {

    private static final Map<String, Supplier<DynamicConverter<?>>> RULES = Map.of(
            "m",
            EscapedMessageConverter::new,
            "msg",
            EscapedMessageConverter::new,
            "message",
            EscapedMessageConverter::new,
            "wEx",
            EscapedThrowableConverter::new,
            "ex",
            EscapedThrowableConverter::new);

    public EscapingLogbackLoggingSystem(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    protected void loadDefaults(LoggingInitializationContext initializationContext, LogFile logFile) {
        super.loadDefaults(initializationContext, logFile);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        @SuppressWarnings("unchecked")
        Map<String, Supplier<DynamicConverter<?>>> registry = (Map<String, Supplier<DynamicConverter<?>>>)
                context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (registry == null) {
            registry = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, registry);
        }
        registry.putAll(RULES);
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appender -> {
            if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
                    && stream.getEncoder() instanceof PatternLayoutEncoder encoder) {
                encoder.stop();
                encoder.start(); // a new layout, its pattern compiled with the rules above
            }
            OperatorLogFilter filter = new OperatorLogFilter();
            filter.setContext(context);
            filter.start();
            appender.addFilter(filter);
        });
    }

    /** Chosen by Spring Boot through META-INF/spring.factories, before its own Logback system. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static final class Factory implements LoggingSystemFactory {

        @Override
        public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
            return new EscapingLogbackLoggingSystem(classLoader);
        }
    }
}
