package org.smartphone.payroll.support;

import java.util.HashMap;
import java.util.Map;
import org.smartphone.payroll.PayrollApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The engine's Spring application opened on a programme's home and database, as one command opens
 * it (cli/Engine), for tests that look at what lives only inside a process: its meters. Like a
 * command, it holds the embedded H2 database until closed.
 */
public final class EngineContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private EngineContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static EngineContext open(Programme programme) {
        Map<String, String> environment = programme.environment();
        Map<String, Object> properties = new HashMap<>();
        properties.put("payroll.home", programme.home().toString());
        properties.put(
                "spring.datasource.url",
                environment.containsKey("PAYROLL_DB_URL")
                        ? programme.jdbcUrl()
                        : programme.jdbcUrl() + ";WRITE_DELAY=0");
        properties.put("spring.datasource.username", programme.jdbcUser());
        properties.put("spring.datasource.password", programme.jdbcPassword());
        properties.put(
                "logging.file.name",
                programme.home().resolve("logs").resolve("payroll.log").toString());
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new MapPropertySource("test", properties));
        spring.getPropertySources()
                .addAfter(
                        "test", new SystemEnvironmentPropertySource("payrollEnvironment", new HashMap<>(environment)));
        return new EngineContext(new SpringApplicationBuilder(PayrollApplication.class)
                .environment(spring)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
