package org.smartphone.payroll.schedule;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.report.PeriodReport;
import org.smartphone.payroll.run.PeriodGuard;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLock;
import org.smartphone.payroll.run.RunRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.endpoint.SourcePollingChannelAdapter;
import org.springframework.integration.file.filters.ChainFileListFilter;
import org.springframework.integration.file.filters.FileListFilter;
import org.springframework.integration.file.filters.LastModifiedFileListFilter;
import org.springframework.integration.file.inbound.FileReadingMessageSource;

/** The wiring of {@code serve}; present only in the application the serve command opens. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "payroll.serve.active", havingValue = "true")
@EnableConfigurationProperties(ServeSettings.class)
class ServeConfiguration {

    private static final String WATCHER = "inboxWatcher";

    /**
     * A poll hands over at most this many files: all of them normally, each either leaving the inbox or
     * waiting; the bound only keeps a file that neither runs nor waits from being handed over forever.
     */
    private static final int FILES_PER_POLL = 100;

    @Bean
    Clock serveClock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    InboxRunner inboxRunner(
            Home home,
            RunLauncher launcher,
            PeriodGuard guard,
            RunLock runLock,
            RunRegistry runs,
            PayrollSettings settings,
            ServeSettings serve,
            Clock serveClock,
            PeriodReport report) {
        return new InboxRunner(
                home,
                launcher,
                guard,
                runLock,
                runs,
                settings,
                serve,
                serveClock,
                new PeriodReports(report, runs, home));
    }

    @Bean
    MonthlyDeadlines monthlyDeadlines(
            Clock serveClock,
            Home home,
            RunRegistry runs,
            InboxRunner runner,
            PrometheusMeterRegistry meterRegistry,
            ServeSettings serve) {
        return new MonthlyDeadlines(serveClock, home, runs, runner, meterRegistry, serve.settleTime());
    }

    /**
     * The inbox, polled with Spring Integration's file adapter: the three names only ({@code *.part},
     * {@code *.tmp} and hidden files never match; any other name is logged once, {@link InboxNameFilter}),
     * regular files only, files left unchanged for the settle time (by size and modification time, and
     * by modification time alone for Spring Integration's own filter), and that the runner has not just
     * tried; in the order of the monthly cycle. No accept-once filter: a file
     * still in the inbox is offered again, and the ledger says whether it was processed.
     */
    @Bean
    IntegrationFlow inboxWatcherFlow(ServeSettings serve, Home home, InboxRunner runner) {
        LastModifiedFileListFilter settled = new LastModifiedFileListFilter();
        settled.setAge(serve.settleTime());
        FileListFilter<File> due =
                files -> Arrays.stream(files).filter(runner::isDue).toList();
        FileReadingMessageSource source = new FileReadingMessageSource(InboxFile.FILE_ORDER);
        source.setDirectory(home.inbox().toFile());
        source.setAutoCreateDirectory(false);
        source.setFilter(new ChainFileListFilter<>(List.of(
                new InboxNameFilter(),
                new RegularFileFilter(),
                new UnchangedFileFilter(serve.settleTime(), Clock.systemUTC()),
                settled,
                due)));
        return IntegrationFlow.from(
                        source,
                        adapter -> adapter.id(WATCHER)
                                .autoStartup(false)
                                .poller(Pollers.fixedDelay(serve.pollInterval()).maxMessagesPerPoll(FILES_PER_POLL)))
                .handle(File.class, (file, headers) -> {
                    runner.run(file);
                    return null;
                })
                .get();
    }

    @Bean
    ServeLock serveLock(
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password) {
        return new ServeLock(url, user, password);
    }

    @Bean
    Serve serve(
            ServeSettings settings,
            Home home,
            InboxRunner runner,
            MonthlyDeadlines deadlines,
            ServeLock lock,
            PrometheusMeterRegistry meterRegistry,
            DataSource dataSource,
            Clock serveClock,
            ApplicationContext context) {
        return new Serve(
                settings,
                home,
                runner,
                deadlines,
                () -> context.getBean(WATCHER, SourcePollingChannelAdapter.class),
                lock,
                meterRegistry,
                dataSource,
                serveClock);
    }
}
