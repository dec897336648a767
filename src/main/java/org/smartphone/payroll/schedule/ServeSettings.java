package org.smartphone.payroll.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * The settings of {@code serve} ({@code payroll.serve.*} in application.yml, each overridable from the
 * environment, e.g. {@code PAYROLL_SERVE_PORT=9464}).
 *
 * @param active set by the {@code serve} command itself: the serve beans exist only then
 * @param pollInterval how often the inbox is looked at
 * @param settleTime how long a file must have been left unchanged (size and modification time) before it is
 *     taken: a file still being copied is never read half-written
 * @param retryDelay first wait before a failed run is tried again (doubling after each failure), and how
 *     often a file waiting for another run is looked at again even when no run has ended meanwhile
 * @param maxRetryDelay the longest wait between two attempts
 * @param deductCron when the deduction run of the current month is due (Spring cron, six fields)
 * @param reconcileCron when the reconciliation of the previous month is due
 * @param port TCP port of the metrics and health endpoint on 127.0.0.1; 0 takes any free port
 */
@ConfigurationProperties("payroll.serve")
public record ServeSettings(
        boolean active,
        Duration pollInterval,
        Duration settleTime,
        Duration retryDelay,
        Duration maxRetryDelay,
        String deductCron,
        String reconcileCron,
        int port) {

    public ServeSettings {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("payroll.serve.poll-interval must be more than 0");
        }
        if (settleTime == null || settleTime.isNegative()) {
            throw new IllegalArgumentException("payroll.serve.settle-time must be 0 or more");
        }
        if (retryDelay == null || retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("payroll.serve.retry-delay must be more than 0");
        }
        if (maxRetryDelay == null || maxRetryDelay.compareTo(retryDelay) < 0) {
            maxRetryDelay = retryDelay;
        }
        checkCron("payroll.serve.deduct-cron", deductCron);
        checkCron("payroll.serve.reconcile-cron", reconcileCron);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("payroll.serve.port must be 0 to 65535, not " + port);
        }
    }

    private static void checkCron(String name, String expression) {
        if (expression == null || !CronExpression.isValidExpression(expression)) {
            throw new IllegalArgumentException(name + " must be a cron expression of six fields (second minute"
                    + " hour day-of-month month day-of-week), e.g. '0 0 8 20 * *'; not '" + expression + "'");
        }
    }
}
