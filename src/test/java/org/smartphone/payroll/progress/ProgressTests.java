package org.smartphone.payroll.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The progress line of long loops: what it says, and how often it is written, on a clock the test moves. */
class ProgressTests {

    /** A clock that moves only when told to. */
    static class ManualClock extends Clock {

        private long nanos = 1_000_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long millis() {
            return nanos / 1_000_000;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<String> log = new ArrayList<>();
    private final ByteArrayOutputStream terminalBytes = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(terminalBytes, true, StandardCharsets.UTF_8);

    private String terminal() {
        return terminalBytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@code rows} rows, the clock moving {@code perRow} after each. */
    private static void rows(Progress progress, ManualClock clock, int rows, Duration perRow) {
        for (int i = 0; i < rows; i++) {
            clock.advance(perRow);
            progress.row();
        }
    }

    @Nested
    class TheLine {

        @Test
        void givesRowsShareRateElapsedAndTimeLeftWhenTheTotalIsKnown() {
            Progress progress =
                    new Progress("allocating 2026-01", () -> 4096, null, clock, null, log::add, Duration.ZERO);
            for (int i = 0; i < 2048; i++) {
                progress.row();
            }
            clock.advance(Duration.ofSeconds(2));
            // 2 048 of 4 096 rows in 2 s: 1 024 rows/s, half done, so 2 s more at that pace
            assertThat(progress.line(clock.millis()))
                    .isEqualTo("allocating 2026-01: 2 048 rows (50 %), 1 024 rows/s, 2.0 s elapsed, about 2.0 s left");
        }

        @Test
        void measuresTheShareDoneInTheUnitOfTheTotalSuchAsBytesOfAFile() {
            AtomicLong bytes = new AtomicLong();
            Progress progress = new Progress(
                    "reading payroll-2026-01.csv", () -> 50_000_000, bytes::get, clock, null, log::add, Duration.ZERO);
            for (int i = 0; i < 100_000; i++) {
                progress.row();
            }
            bytes.set(10_000_000);
            clock.advance(Duration.ofSeconds(12));
            // a fifth of the bytes in 12 s: four fifths left take 48 s
            assertThat(progress.line(clock.millis()))
                    .isEqualTo(
                            "reading payroll-2026-01.csv: 100 000 rows (20 %), 8 333 rows/s, 12 s elapsed, about 48 s left");
        }

        @Test
        void saysNothingOfShareOrTimeLeftWhenTheTotalIsUnknown() {
            Progress progress =
                    new Progress("writing deductions-2026-01.csv", () -> 0, null, clock, null, log::add, Duration.ZERO);
            for (int i = 0; i < 3000; i++) {
                progress.row();
            }
            clock.advance(Duration.ofMillis(1500));
            assertThat(progress.line(clock.millis()))
                    .isEqualTo("writing deductions-2026-01.csv: 3 000 rows, 2 000 rows/s, 1.5 s elapsed");
        }

        @Test
        void neverPromisesMoreThanAllOnceTheTotalIsReached() {
            Progress progress =
                    new Progress("ageing arrears 2026-01", () -> 1000, null, clock, null, log::add, Duration.ZERO);
            for (int i = 0; i < 1200; i++) {
                progress.row();
            }
            clock.advance(Duration.ofSeconds(1));
            assertThat(progress.line(clock.millis()))
                    .isEqualTo("ageing arrears 2026-01: 1 200 rows (100 %), 1 200 rows/s, 1.0 s elapsed");
        }

        @ParameterizedTest
        @CsvSource({
            "0, 0",
            "7, 7",
            "999, 999",
            "1000, 1 000",
            "1234567, 1 234 567",
            "-45000, -45 000",
            "1000000000000, 1 000 000 000 000"
        })
        void groupsThousandsWithASpace(long n, String written) {
            assertThat(Progress.group(n)).isEqualTo(written);
        }

        @ParameterizedTest
        @CsvSource({
            "0, 0.0 s",
            "400, 0.4 s",
            "9999, 9.9 s",
            "10000, 10 s",
            "59999, 59 s",
            "60000, 1 min 00 s",
            "185000, 3 min 05 s",
            "3720000, 1 h 02 min"
        })
        void writesDurationsForPeople(long ms, String written) {
            assertThat(Progress.seconds(ms)).isEqualTo(written);
        }
    }

    @Nested
    class TheLog {

        @Test
        void getsALineEveryIntervalWhileTheLoopRunsAndOneWhenItEnds() {
            Progress progress =
                    new Progress("allocating 2026-01", () -> 0, null, clock, null, log::add, Duration.ofSeconds(5));
            // 1 ms a row: 20 480 rows take 20.48 s; the clock is looked at every 1 024 rows
            rows(progress, clock, 20_480, Duration.ofMillis(1));
            progress.close();
            assertThat(log).hasSize(5);
            // a look at the clock every 1 024 ms; the first at or after 5 s is at 5 120 rows
            assertThat(log.get(0)).startsWith("allocating 2026-01: 5 120 rows, 1 000 rows/s, 5.1 s elapsed");
            assertThat(log.get(1)).startsWith("allocating 2026-01: 10 240 rows,");
            assertThat(log.get(2)).startsWith("allocating 2026-01: 15 360 rows,");
            assertThat(log.get(3)).startsWith("allocating 2026-01: 20 480 rows,");
            assertThat(log.get(4)).isEqualTo("allocating 2026-01: 20 480 rows in 20 s, 1 000 rows/s");
        }

        @Test
        void ofAShortLoopIsOnlyItsTotal() {
            Progress progress = new Progress(
                    "reading withheld-2026-01.csv", () -> 0, null, clock, null, log::add, Duration.ofSeconds(5));
            rows(progress, clock, 300, Duration.ofMillis(1));
            progress.close();
            progress.close();
            assertThat(log).containsExactly("reading withheld-2026-01.csv: 300 rows in 0.3 s, 1 000 rows/s");
        }

        @Test
        void ofOneRowSaysRow() {
            Progress progress = new Progress(
                    "reading withheld-2026-01.csv", () -> 0, null, clock, null, log::add, Duration.ofSeconds(5));
            rows(progress, clock, 1, Duration.ofMillis(1));
            progress.close();
            assertThat(log).containsExactly("reading withheld-2026-01.csv: 1 row in 0.0 s, 1 000 rows/s");
        }

        @Test
        void asksForTheTotalOnceAndOnlyWhenALineIsWritten() {
            AtomicLong counts = new AtomicLong();
            LongSupplier count = () -> {
                counts.incrementAndGet();
                return 9000;
            };
            Progress shortLoop =
                    new Progress("ageing arrears 2026-01", count, null, clock, null, log::add, Duration.ofSeconds(5));
            rows(shortLoop, clock, 4000, Duration.ofMillis(1));
            shortLoop.close();
            assertThat(counts.get())
                    .as("a loop shorter than the interval never counts its rows")
                    .isZero();

            Progress longLoop =
                    new Progress("ageing arrears 2026-01", count, null, clock, null, log::add, Duration.ofSeconds(2));
            rows(longLoop, clock, 8192, Duration.ofMillis(1));
            longLoop.close();
            assertThat(counts.get()).isEqualTo(1);
            assertThat(log).anyMatch(line -> line.startsWith("ageing arrears 2026-01: 4 096 rows (45 %)"));
        }

        @Test
        void looksAtTheClockOnlyOnceEvery1024Rows() {
            AtomicLong looks = new AtomicLong();
            ManualClock counting = new ManualClock() {
                @Override
                public long millis() {
                    looks.incrementAndGet();
                    return super.millis();
                }
            };
            Progress progress =
                    new Progress("allocating 2026-01", () -> 0, null, counting, null, log::add, Duration.ZERO);
            long before = looks.get();
            for (int i = 0; i < 1_024_000; i++) {
                progress.row();
            }
            assertThat(looks.get() - before).isEqualTo(1000);
        }
    }

    @Nested
    class OnATerminal {

        @Test
        void redrawsOneLineAtMostOnceASecondAndEndsItWhenTheLoopEnds() {
            Progress progress = new Progress(
                    "reading payroll-2026-01.csv", () -> 0, null, clock, terminal, log::add, Duration.ofHours(1));
            // 1 024 rows every 0.512 s: a look at the clock twice a second, a redraw once a second
            rows(progress, clock, 4096, Duration.ofNanos(500_000));
            progress.close();
            String shown = terminal();
            assertThat(shown).startsWith("\r").endsWith("\n");
            assertThat(shown.chars().filter(c -> c == '\r').count()).isEqualTo(2 + 1);
            assertThat(shown.chars().filter(c -> c == '\n').count()).isEqualTo(1);
            assertThat(shown).contains("\rreading payroll-2026-01.csv: 2 048 rows, 2 000 rows/s, 1.0 s elapsed");
            assertThat(shown).contains("\rreading payroll-2026-01.csv: 4 096 rows in 2.0 s, 2 000 rows/s");
        }

        @Test
        void showsAnEscapeSequenceInTheFileNameEscaped() {
            Progress progress = new Progress(
                    "reading payroll-\u001b[2J\u202E.csv",
                    () -> 0,
                    null,
                    clock,
                    terminal,
                    log::add,
                    Duration.ofHours(1));
            rows(progress, clock, 4096, Duration.ofNanos(500_000));
            progress.close();
            assertThat(terminal())
                    .contains("\rreading payroll-\\u001b[2J\\u202e.csv: 2 048 rows")
                    .contains("\rreading payroll-\\u001b[2J\\u202e.csv: 4 096 rows in")
                    .doesNotContain("\u001b")
                    .doesNotContain("\u202E");
        }

        @Test
        void staysSilentForALoopShorterThanASecond() {
            Progress progress = new Progress(
                    "writing arrears-2026-01.csv", () -> 0, null, clock, terminal, log::add, Duration.ofHours(1));
            rows(progress, clock, 5000, Duration.ofNanos(100_000));
            progress.close();
            assertThat(terminal()).isEmpty();
            assertThat(log).hasSize(1);
        }

        @Test
        void blanksWhatALongerEarlierDrawLeftBehind() {
            AtomicLong bytes = new AtomicLong(1);
            Progress progress = new Progress(
                    "reading r.csv", () -> 100, bytes::get, clock, terminal, log::add, Duration.ofHours(1));
            rows(progress, clock, 1024, Duration.ofMillis(1));
            String first = terminal();
            progress.close();
            String end = terminal().substring(first.length());
            String finalLine = "reading r.csv: 1 024 rows in 1.0 s, 1 000 rows/s";
            assertThat(first.length() - 1).isGreaterThan(finalLine.length());
            assertThat(end).isEqualTo("\r" + finalLine + " ".repeat(first.length() - 1 - finalLine.length()) + "\n");
        }
    }
}
