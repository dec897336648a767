package org.smartphone.payroll.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TimestampsTests {

    @Test
    void aMomentOnTheMinuteKeepsItsSeconds() {
        // LocalDateTime's own text would be 2026-12-07T14:31
        assertThat(Timestamps.toTheSecond(LocalDateTime.of(2026, 12, 7, 14, 31, 0)))
                .isEqualTo("2026-12-07 14:31:00");
    }

    @Test
    void aMomentIsWrittenToTheSecondWithoutItsFraction() {
        assertThat(Timestamps.toTheSecond(LocalDateTime.of(2026, 1, 5, 9, 4, 7, 123_000_000)))
                .isEqualTo("2026-01-05 09:04:07");
    }
}
