package org.smartphone.payroll.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} in a process of its own ({@link EngineProcess}) with short poll and settle times, and
 * what the serve tests do with it: wait for what it logs or leaves on disk, stop it as an operator
 * does, read the port of its endpoint.
 */
public final class ServeProcess {

    /** Poll every 200 ms, take files left unchanged for 800 ms, retry after 1 s, any free port. */
    public static final Map<String, String> QUICK = Map.of(
            "PAYROLL_SERVE_POLL_INTERVAL",
            "200ms",
            "PAYROLL_SERVE_SETTLE_TIME",
            "800ms",
            "PAYROLL_SERVE_RETRY_DELAY",
            "1s",
            "PAYROLL_SERVE_PORT",
            "0");

    private ServeProcess() {}

    /** {@code payroll serve} on the programme's home with the {@link #QUICK} settings, then {@code extra}. */
    public static EngineProcess startServe(Programme programme, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(QUICK);
        environment.putAll(extra);
        return EngineProcess.start(programme, environment, "serve");
    }

    /** SIGTERM, then a clean end: exit 0, or 143 when the JVM reports the signal. */
    public static void stop(EngineProcess serve) {
        serve.terminate();
        assertThat(serve.waitFor()).as(serve.output()).isIn(0, 143);
        assertThat(serve.output()).contains("serve stopped");
    }

    /** Waits (at most 90 s, and while serve runs) until the condition holds. */
    public static void await(EngineProcess serve, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.getAsBoolean()) {
            if (!serve.isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("serve never got to " + what + ":\n" + serve.output());
            }
            Thread.sleep(50);
        }
    }

    /** The port of serve's endpoint, as serve says it at start. */
    public static int port(EngineProcess serve) {
        Matcher matcher =
                Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/metrics").matcher(serve.output());
        assertThat(matcher.find()).as(serve.output()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** How many times {@code part} occurs in {@code text} (a line serve logs once, say). */
    public static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
