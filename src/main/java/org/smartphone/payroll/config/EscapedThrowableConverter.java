package org.smartphone.payroll.config;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.smartphone.payroll.text.TerminalText;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * The stack trace of a log line, as Spring Boot writes it ({@code %wEx}), escaped by
 * {@link TerminalText#lines}: an exception's message often quotes a file name or a value.
 */
public class EscapedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return TerminalText.lines(super.throwableProxyToString(proxy));
    }
}
