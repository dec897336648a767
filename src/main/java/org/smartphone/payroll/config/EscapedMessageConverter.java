package org.smartphone.payroll.config;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.smartphone.payroll.text.TerminalText;

/**
 * The message of a log line ({@code %m}, {@code %msg}, {@code %message}: EscapingLogbackLoggingSystem),
 * escaped by {@link TerminalText#lines}: every message, whoever logs it and whatever input text it
 * quotes, reaches logs/payroll.log and serve's console without a terminal control in it.
 */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return TerminalText.lines(super.convert(event));
    }
}
