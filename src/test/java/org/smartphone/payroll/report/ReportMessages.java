package org.smartphone.payroll.report;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;

/**
 * The report's words as the engine reads them: Spring Boot's own MessageSource, configured by
 * {@code spring.messages} in application.yml, without the rest of the engine's context.
 */
final class ReportMessages {

    private static final MessageSource SOURCE = load();

    private ReportMessages() {}

    static MessageSource source() {
        return SOURCE;
    }

    static ReportLabels labels(String language) {
        return ReportLabels.of(SOURCE, language);
    }

    private static MessageSource load() {
        AtomicReference<MessageSource> source = new AtomicReference<>();
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
                .run(context -> source.set(context.getBean(MessageSource.class)));
        return source.get();
    }
}
