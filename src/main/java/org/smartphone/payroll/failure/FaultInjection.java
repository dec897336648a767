package org.smartphone.payroll.failure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named points of a run where the crash tests stop the process. Off unless the environment sets
 * {@code PAYROLL_CRASH_AT=<point>} (or {@code <point>#<n>} for its n-th passage): the process then
 * halts on the spot, as {@code kill -9} or a power cut would, without shutdown hooks or flushing.
 * {@code PAYROLL_PAUSE_AT=<point>} with {@code PAYROLL_PAUSE_FILE=<file>} instead creates the file
 * and waits until it is deleted, so that a test can act (restart the database) at that point.
 */
public final class FaultInjection {

    private static final String CRASH_AT = System.getenv("PAYROLL_CRASH_AT");
    private static final String PAUSE_AT = System.getenv("PAYROLL_PAUSE_AT");
    private static final String PAUSE_FILE = System.getenv("PAYROLL_PAUSE_FILE");
    private static final Map<String, Integer> PASSAGES = new ConcurrentHashMap<>();

    private FaultInjection() {}

    public static void reached(String point) {
        if (CRASH_AT == null && PAUSE_AT == null) {
            return;
        }
        int passage = PASSAGES.merge(point, 1, Integer::sum);
        if (matches(CRASH_AT, point, passage)) {
            Runtime.getRuntime().halt(137);
        }
        if (matches(PAUSE_AT, point, passage) && PAUSE_FILE != null) {
            pause(Path.of(PAUSE_FILE));
        }
    }

    private static boolean matches(String target, String point, int passage) {
        return target != null && (target.equals(point) || target.equals(point + "#" + passage));
    }

    private static void pause(Path file) {
        try {
            Files.writeString(file, "paused\n");
            long deadline = System.currentTimeMillis() + 300_000;
            while (Files.exists(file) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException("fault injection pause failed", e);
        }
    }
}
