package org.smartphone.payroll.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.smartphone.payroll.config.Home;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The meter registry of the engine and what feeds it. Spring Boot without Actuator defines no
 * registry, so this one is ours; its meters live as long as the command (or {@code serve}).
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Every meter of the engine; {@code serve} exposes it in Prometheus text format. */
    @Bean
    PrometheusMeterRegistry meterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * Spring Batch observes jobs and steps through this registry, and the handler turns each
     * observation into a timer ({@code spring.batch.job}, {@code spring.batch.step}). Boot's
     * BatchObservabilityBeanPostProcessor hands it to job beans and the JobOperator only; our steps
     * are built inside the jobs, so RunSteps gives it to them too.
     */
    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
        return registry;
    }

    @Bean
    PayrollMeters payrollMeters(MeterRegistry meterRegistry, LedgerReadings readings, Home home) {
        PayrollMeters meters = new PayrollMeters(readings, home.inbox());
        meters.bindTo(meterRegistry);
        return meters;
    }
}
