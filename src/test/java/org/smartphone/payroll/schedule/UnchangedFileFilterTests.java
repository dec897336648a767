package org.smartphone.payroll.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is handed over only once its size and modification time have stayed the same for the settle time. */
class UnchangedFileFilterTests {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Test
    void aFileIsTakenOnlyAfterItStayedUnchangedForTheSettleTime(@TempDir Path inbox) throws IOException {
        MovingClock clock = new MovingClock();
        UnchangedFileFilter filter = new UnchangedFileFilter(SETTLE, clock);
        File file = Files.writeString(inbox.resolve("payroll-2026-01.csv"), "period,matricule\n")
                .toFile();

        assertThat(filter.filterFiles(new File[] {file})).as("first seen").isEmpty();
        clock.advance(Duration.ofSeconds(9));
        assertThat(filter.filterFiles(new File[] {file}))
                .as("unchanged for 9 s")
                .isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(filter.filterFiles(new File[] {file}))
                .as("unchanged for 10 s")
                .containsExactly(file);
    }

    @Test
    void aFileThatGrowsStartsItsWaitAgainEvenWithTheSameModificationTime(@TempDir Path inbox) throws IOException {
        MovingClock clock = new MovingClock();
        UnchangedFileFilter filter = new UnchangedFileFilter(SETTLE, clock);
        Path path = Files.writeString(inbox.resolve("withheld-2026-01.csv"), "period,contract_id\n");
        File file = path.toFile();
        long modified = file.lastModified();
        filter.filterFiles(new File[] {file});
        clock.advance(Duration.ofSeconds(8));

        Files.writeString(path, "2026-01,SP-1\n", StandardOpenOption.APPEND);
        assertThat(file.setLastModified(modified)).isTrue();
        assertThat(filter.filterFiles(new File[] {file})).isEmpty();
        clock.advance(Duration.ofSeconds(8));
        assertThat(filter.filterFiles(new File[] {file}))
                .as("8 s since it grew")
                .isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(filter.filterFiles(new File[] {file})).containsExactly(file);
    }

    @Test
    void aFileGoneAndBackIsWaitedForAfresh(@TempDir Path inbox) throws IOException {
        MovingClock clock = new MovingClock();
        UnchangedFileFilter filter = new UnchangedFileFilter(SETTLE, clock);
        File file = Files.writeString(inbox.resolve("contracts.csv"), "contract_id\n")
                .toFile();
        filter.filterFiles(new File[] {file});
        clock.advance(Duration.ofSeconds(5));
        filter.filterFiles(new File[0]);
        clock.advance(Duration.ofSeconds(5));

        assertThat(filter.filterFiles(new File[] {file})).isEmpty();
        clock.advance(SETTLE);
        assertThat(filter.filterFiles(new File[] {file})).containsExactly(file);
    }

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-01-20T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
