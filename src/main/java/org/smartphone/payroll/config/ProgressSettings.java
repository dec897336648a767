package org.smartphone.payroll.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long runs report their progress (application.yml {@code payroll.progress}, or the environment:
 * {@code PAYROLL_PROGRESS_LIVE}, {@code PAYROLL_PROGRESS_LOG_EVERY}).
 *
 * @param live the live line on stderr: {@code auto} (when the command runs in a terminal),
 *     {@code always} or {@code never}
 * @param logEvery how often a progress line goes to logs/payroll.log while a loop runs
 */
@ConfigurationProperties("payroll.progress")
public record ProgressSettings(String live, Duration logEvery) {

    public static final List<String> LIVE_CHOICES = List.of("auto", "always", "never");

    public ProgressSettings {
        live = live == null || live.isBlank() ? "auto" : live.trim().toLowerCase(Locale.ROOT);
        if (!LIVE_CHOICES.contains(live)) {
            throw new IllegalArgumentException(
                    "payroll.progress.live must be auto, always or never, not '" + live + "'");
        }
        if (logEvery == null || logEvery.isNegative()) {
            logEvery = Duration.ofSeconds(5);
        }
    }

    /**
     * Java 17 has a console when both stdin and stdout are a terminal: a command typed by someone,
     * not one started by cron or systemd, or piped.
     */
    public boolean liveLine() {
        return live.equals("always") || live.equals("auto") && System.console() != null;
    }
}
