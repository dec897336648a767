package org.smartphone.payroll.schedule;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.failure.InvalidInputException;
import org.smartphone.payroll.run.AdvisoryLock;
import org.springframework.integration.endpoint.SourcePollingChannelAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * {@code serve} from start to stop: takes the one-serve-per-database lock, opens the metrics endpoint,
 * schedules the monthly deadlines, the resumption of interrupted runs and the period reports still to
 * write ({@link PeriodReports}), and starts watching the inbox. Stopping takes no new work, lets the run
 * in progress end (asked to stop at its next step by the SIGTERM hook), then releases everything.
 */
public final class Serve {

    private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

    private final ServeSettings settings;
    private final Home home;
    private final InboxRunner runner;
    private final MonthlyDeadlines deadlines;
    private final Supplier<SourcePollingChannelAdapter> watcher;
    private final ServeLock lock;
    private final PrometheusMeterRegistry registry;
    private final DataSource dataSource;
    private final Clock clock;
    private AdvisoryLock held;
    private HttpEndpoint endpoint;
    private ThreadPoolTaskScheduler scheduler;

    Serve(
            ServeSettings settings,
            Home home,
            InboxRunner runner,
            MonthlyDeadlines deadlines,
            Supplier<SourcePollingChannelAdapter> watcher,
            ServeLock lock,
            PrometheusMeterRegistry registry,
            DataSource dataSource,
            Clock clock) {
        this.settings = settings;
        this.home = home;
        this.runner = runner;
        this.deadlines = deadlines;
        this.watcher = watcher;
        this.lock = lock;
        this.registry = registry;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Starts serving; refuses (exit 3) when another serve holds the database. */
    public synchronized void start() throws Exception {
        held = lock.acquire();
        try {
            endpoint = HttpEndpoint.start(settings.port(), registry, dataSource);
        } catch (java.net.BindException e) {
            throw new InvalidInputException("Invalid setting: port " + settings.port() + " on 127.0.0.1 is in use ("
                    + e.getMessage() + "); choose another with PAYROLL_SERVE_PORT (0 takes any free port).");
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("serve-schedule-");
        scheduler.initialize();
        scheduler.schedule(
                guarded(deadlines::deductionDeadline), new CronTrigger(settings.deductCron(), clock.getZone()));
        scheduler.schedule(
                guarded(deadlines::reconciliationDeadline), new CronTrigger(settings.reconcileCron(), clock.getZone()));
        scheduler.execute(guarded(runner::writeMissingReport));
        scheduler.scheduleWithFixedDelay(guarded(runner::resumeInterrupted), settings.pollInterval());
        watcher.get().start();
        LOG.info(
                "serve started: watching {} every {} ms (files settle {} ms); deduction deadline '{}', reconciliation"
                        + " deadline '{}' ({}); metrics on http://127.0.0.1:{}/metrics, health on http://127.0.0.1:{}/health",
                home.inbox(),
                settings.pollInterval().toMillis(),
                settings.settleTime().toMillis(),
                settings.deductCron(),
                settings.reconcileCron(),
                clock.getZone(),
                endpoint.port(),
                endpoint.port());
    }

    /** Stops serving; safe to call whatever {@link #start} got to. */
    public synchronized void stop() {
        runner.stop();
        if (scheduler != null) {
            watcher.get().stop();
            scheduler.shutdown();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (held != null) {
            held.close();
        }
        if (scheduler != null) {
            LOG.info("serve stopped.");
        }
    }

    /** A scheduled task logs its failure and runs again at its next time. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("A scheduled task of serve failed; it runs again at its next time.", e);
            }
        };
    }
}
