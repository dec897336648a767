package org.smartphone.payroll.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The figures of the summary line an operator reads under a completed run. */
class RunSummaryTests {

    @ParameterizedTest
    @CsvSource({
        "0, 0.0 s",
        "99, 0.0 s",
        "100, 0.1 s",
        "1432, 1.4 s",
        "1999, 1.9 s",
        "61000, 61.0 s",
        "3723400, 3723.4 s"
    })
    void aDurationReadsInSecondsToTheTenthRoundedDown(long millis, String shown) {
        assertThat(RunSummary.seconds(Duration.ofMillis(millis))).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"78, 600, 130", "10000000, 400000, 25000", "3, 2000, 1", "1, 3000, 0", "5, 0, 5000", "0, 1000, 0"})
    void theRateIsLinesPerSecondRoundedDownAndAnInstantRunCountsAsOneMillisecond(
            long lines, long millis, long perSecond) {
        assertThat(RunSummary.perSecond(lines, Duration.ofMillis(millis))).isEqualTo(perSecond);
    }
}
