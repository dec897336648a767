package org.smartphone.payroll.text;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A moment as the engine prints it: {@code 2026-12-07 14:31:00}. */
public final class Timestamps {

    /**
     * To the second, always: LocalDateTime's own text drops the seconds when they are 0 (a status row
     * then shifted, and a revoked run's summary lost its seconds once a minute).
     */
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Timestamps() {}

    public static String toTheSecond(LocalDateTime moment) {
        return TO_THE_SECOND.format(moment);
    }
}
