package org.smartphone.payroll.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.PayrollApplication;
import org.smartphone.payroll.config.DatabaseCredential;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.SharedDatabase;
import org.smartphone.payroll.failure.InvalidInputException;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.files.PrivateFiles;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The Spring application for one command: database (embedded H2 under the home unless
 * {@code PAYROLL_DB_URL} names another), migrations, jobs. Settings come from application.yml,
 * overridden by the environment given (PAYROLL_CAP_RATIO and so on).
 */
final class Engine implements AutoCloseable {

    /**
     * Spring Integration's auto-configuration, which only {@code serve} uses: the other commands
     * leave it out and start as fast as before it was on the class path.
     */
    private static final String SERVE_ONLY_AUTO_CONFIGURATION = String.join(
            ",",
            "org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration",
            "org.springframework.boot.integration.autoconfigure.IntegrationGraphEndpointAutoConfiguration",
            "org.springframework.boot.integration.autoconfigure.metrics.IntegrationMetricsAutoConfiguration");

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    /** H2's error code for a database file held by another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final ConfigurableApplicationContext context;
    private final Path holderNote;
    private final SharedDatabase shared;
    private final Home home;
    private final PrivateFiles files;

    private Engine(
            ConfigurableApplicationContext context,
            Path holderNote,
            SharedDatabase shared,
            Home home,
            PrivateFiles files) {
        this.context = context;
        this.holderNote = holderNote;
        this.shared = shared;
        this.home = home;
        this.files = files;
    }

    /** What a command does with the database, which decides how it may open one that serve holds. */
    enum Use {
        /** Changes the ledger: refused (exit 3) while another process holds the embedded database (SPEC 6). */
        CHANGES,
        /** Only reads it (status, report): through serve's server while serve holds it (SharedDatabase). */
        READS,
        /** serve: holds the embedded database and shares it with the reading commands. */
        SERVES
    }

    /**
     * H2 writes committed transactions to its file in the background by default; WRITE_DELAY=0
     * writes them at commit, so that a killed process never loses a commit whose effects on the
     * file system (an archived input) already happened.
     */
    static Engine open(Home home, Map<String, String> environment, String command, Use use, CommandLog commandLog)
            throws Exception {
        Map<String, Object> properties = new HashMap<>();
        if (use == Use.SERVES) {
            properties.put("payroll.serve.active", "true");
            properties.put("logging.threshold.console", "INFO");
            properties.put("logging.level.org.smartphone.payroll.schedule", "INFO");
            SharedDatabase.listenOnLoopbackOnly();
        } else {
            properties.put("spring.autoconfigure.exclude", SERVE_ONLY_AUTO_CONFIGURATION);
        }
        properties.put("payroll.home", home.root().toString());
        properties.put("logging.file.name", home.log().toString());
        StandardEnvironment settings = settings(properties, environment);
        PrivateFiles files = privateFiles(home, settings);
        PrivateFiles.use(files);
        home.createFolders(files);
        logToHome(settings);
        commandLog.started();
        String url = environment.get("PAYROLL_DB_URL");
        boolean embedded = url == null || url.isBlank();
        String embeddedUrl = "jdbc:h2:file:" + home.database().resolve("payroll")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=" + h2CacheKilobytes();
        DatabaseCredential credential = embedded ? DatabaseCredential.of(home, files) : null;
        // PAYROLL_DB_USER and PAYROLL_DB_PASSWORD go with PAYROLL_DB_URL (SPEC 6); H2 has its own credential
        properties.put(
                "spring.datasource.username",
                embedded ? DatabaseCredential.USER : environment.getOrDefault("PAYROLL_DB_USER", "sa"));
        properties.put(
                "spring.datasource.password",
                embedded ? credential.password() : environment.getOrDefault("PAYROLL_DB_PASSWORD", ""));
        properties.putAll(PostgresDriverDefaults.forUrl(url));
        Path holderNote = home.database().resolve("in-use-by.txt");
        Opening opening = new Opening(home, files, properties, environment, command, use, holderNote);
        try {
            if (!embedded) {
                return opening.start(url, null, false);
            }
            try {
                return opening.start(embeddedUrl, credential, true);
            } catch (RuntimeException | SQLException e) {
                Optional<String> shared =
                        use == Use.READS && isDatabaseInUse(e) ? SharedDatabase.url(home) : Optional.empty();
                if (shared.isEmpty()) {
                    throw e;
                }
                try {
                    // a command that only reads never migrates the schema of the database serve runs on
                    properties.put("spring.flyway.enabled", "false");
                    Engine engine = opening.start(shared.get(), credential, false);
                    // once the application has started: to the log file, not on the command's output
                    log.info("the embedded database is held by serve: '{}' reads it through serve's server", command);
                    return engine;
                } catch (RuntimeException | SQLException lost) {
                    if (SharedDatabase.url(home).isPresent()) {
                        throw lost;
                    }
                    // serve ended meanwhile (stopped, or killed): the database is free again
                    properties.remove("spring.flyway.enabled");
                    return opening.start(embeddedUrl, credential, true);
                }
            }
        } catch (RuntimeException | SQLException e) {
            Throwable setting = settingProblem(e);
            if (setting != null) {
                throw new InvalidInputException("Invalid setting: " + setting.getMessage());
            }
            if (isDatabaseInUse(e)) {
                String holder = holder(holderNote);
                throw new RefusedException("Another run is in progress: " + holder + " holds the database in "
                        + home.database()
                        + (holder.matches(".*\\bserve\\b.*")
                                ? ". serve keeps the embedded database for as long as it runs (status and report"
                                        + " read it through serve): stop it (SIGTERM) first, or use PostgreSQL"
                                        + " (PAYROLL_DB_URL) to run commands beside it."
                                : ". Wait for it to finish."));
            }
            throw e;
        } finally {
            // also when refused: H2 traces the refusal in db/payroll.trace.db
            adoptLibraryFiles(home, files);
        }
    }

    /** What opening the application takes, for one database URL or another. */
    private record Opening(
            Home home,
            PrivateFiles files,
            Map<String, Object> properties,
            Map<String, String> environment,
            String command,
            Use use,
            Path holderNote) {

        /**
         * Starts the application on the database at {@code url}. The embedded database is first opened
         * (given its credential) by a connection held until the pool has its own, so that it is opened
         * once. The process that holds it ({@code owner}) says so in the holder note, for the commands
         * refused meanwhile, and serve shares it with the reading commands.
         */
        Engine start(String url, DatabaseCredential credential, boolean owner) throws Exception {
            properties.put("spring.datasource.url", url);
            long contextStarted = System.nanoTime();
            try (Connection first = credential == null ? null : credential.connect(url)) {
                ConfigurableApplicationContext context = new SpringApplicationBuilder(PayrollApplication.class)
                        .environment(settings(properties, environment))
                        .web(WebApplicationType.NONE)
                        .logStartupInfo(false)
                        .registerShutdownHook(false)
                        .run();
                // what a command spends before its work, measured apart from the job (docs/performance.md)
                log.info(
                        "engine started: {} s since the JVM started, of which {} s for the Spring context"
                                + " (database opened, migrations checked); {} s CPU in the process",
                        seconds(uptimeNanos()),
                        seconds(System.nanoTime() - contextStarted),
                        seconds(processCpuNanos()));
                if (!owner) {
                    return new Engine(context, null, null, home, files);
                }
                SharedDatabase shared = null;
                try {
                    files.write(
                            holderNote,
                            "'" + command + "' (process "
                                    + ProcessHandle.current().pid() + ", since "
                                    + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ")");
                    if (use == Use.SERVES) {
                        shared = SharedDatabase.start(
                                home, files, home.database().resolve("payroll"));
                    } else {
                        SharedDatabase.forgetLeftover(home);
                    }
                } catch (IOException | SQLException | RuntimeException e) {
                    context.close();
                    throw e;
                }
                return new Engine(context, holderNote, shared, home, files);
            }
        }
    }

    /** The settings of a command: its own properties, then the environment given, then application.yml. */
    private static StandardEnvironment settings(Map<String, Object> properties, Map<String, String> environment) {
        StandardEnvironment settings = new StandardEnvironment();
        settings.getPropertySources().addFirst(new MapPropertySource("command", properties));
        settings.getPropertySources()
                .addAfter(
                        "command",
                        new SystemEnvironmentPropertySource("payrollEnvironment", new HashMap<>(environment)));
        return settings;
    }

    /**
     * The files of the home with {@code payroll.file-mode}, read before the application starts (the
     * folders, the log and the database are made first) from the same settings the application reads.
     */
    private static PrivateFiles privateFiles(Home home, StandardEnvironment settings) throws IOException {
        ConfigDataEnvironmentPostProcessor.applyTo(settings);
        try {
            return PrivateFiles.forHome(home.root(), settings.getProperty("payroll.file-mode"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Invalid setting: " + e.getMessage());
        }
    }

    /**
     * Sends the log to this home's logs/payroll.log before anything else happens, so that a command
     * refused before the application starts (the embedded database held by another process, its
     * credential not the database's) is logged there too. Logging is set up as Spring Boot sets it up
     * at start (the same settings, the same system), which then finds it done and only applies the
     * levels of application.yml. A command run before this one in the same JVM (the tests) logged
     * into its own home: that setup is undone first.
     */
    private static void logToHome(ConfigurableEnvironment settings) {
        LoggingSystem logging = LoggingSystem.get(Engine.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(settings), null, LogFile.get(settings));
    }

    /** H2 and logback make their files with the umask: they get the home's mode once made. */
    private static void adoptLibraryFiles(Home home, PrivateFiles files) {
        files.adopt(home.database());
        files.adopt(home.logs());
    }

    /**
     * H2's page cache (16 MB by default) is far smaller than a database of a few hundred thousand
     * contracts, which made every step re-read pages; a quarter of the heap, at most 512 MB, leaves
     * the rest to the engine (a run holds one batch of rows and the contract holders' set).
     */
    static long h2CacheKilobytes() {
        return Math.min(512L * 1024, Runtime.getRuntime().maxMemory() / 4 / 1024);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private static Throwable settingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                Throwable cause = t.getCause();
                while (cause != null && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                return cause == null ? t : cause;
            }
        }
        return null;
    }

    private static boolean isDatabaseInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static String holder(Path note) {
        try {
            return Files.readString(note);
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() throws IOException {
        long closing = System.nanoTime();
        long cpu = processCpuNanos();
        if (shared != null) {
            shared.close();
        }
        if (holderNote != null) {
            Files.deleteIfExists(holderNote);
        }
        context.close();
        adoptLibraryFiles(home, files); // H2's trace file, logback's rolled logs
        log.info(
                "engine closed in {} s ({} s CPU in the process): connections and database closed",
                seconds(System.nanoTime() - closing),
                seconds(processCpuNanos() - cpu));
    }

    private static long uptimeNanos() {
        return ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static String seconds(long nanos) {
        return String.format("%.2f", nanos / 1e9);
    }
}
