package org.smartphone.payroll.progress;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.TerminalText;

/**
 * Progress of one long loop (staging a register, allocating, ageing arrears, writing a file): rows
 * done, rate, and time left when the total is known. On a terminal a live line is redrawn on stderr
 * (carriage return, at most once a second); a line also goes to the log (logs/payroll.log) every
 * {@code payroll.progress.log-every}, and one when the loop ends, so that a run started by cron or
 * systemd can be followed with {@code tail -f}.
 *
 * <p>The loops call {@link #row()} once per row: it only counts, and looks at the clock once every
 * 1024 rows, so progress costs nothing measurable. The settings are set once per command by
 * {@link #configure}; the loops reach them through {@link #start}, with no wiring.
 */
public final class Progress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    /** Rows between two looks at the clock: a power of two, tested with a mask. */
    private static final int CHECK_MASK = 1023;

    private static final long LIVE_EVERY_MS = 1000;

    private static volatile Settings settings = new Settings(false, Duration.ofSeconds(5));
    /** The progress whose live line is on the terminal, so that a failure can end that line first. */
    private static volatile Progress live;

    private final String task;
    private LongSupplier totalSupplier;
    private long total;
    private final LongSupplier position;
    private final Clock clock;
    private final PrintStream terminal;
    private final Consumer<String> log;
    private final long logEveryMs;
    private final long startMs;
    private long rows;
    private long lastLogMs;
    private long lastLiveMs;
    private int liveLength;
    private boolean closed;

    /**
     * @param total the amount of work, in rows or in the unit {@code position} counts (bytes of an
     *     input file), 0 or less when unknown; asked for once, when the first line is written
     * @param position how much of {@code total} is done; null to count rows
     * @param terminal where the live line goes; null for none
     */
    Progress(
            String task,
            LongSupplier total,
            LongSupplier position,
            Clock clock,
            PrintStream terminal,
            Consumer<String> log,
            Duration logEvery) {
        this.task = task;
        this.totalSupplier = total;
        this.position = position;
        this.clock = clock;
        this.terminal = terminal;
        this.log = log;
        this.logEveryMs = Math.max(0, logEvery.toMillis());
        this.startMs = clock.millis();
        this.lastLogMs = startMs;
        this.lastLiveMs = startMs;
    }

    /** Sets, for this process, whether a live line is drawn and how often the log hears of progress. */
    public static void configure(boolean liveLine, Duration logEvery) {
        settings = new Settings(liveLine, logEvery);
    }

    /**
     * Progress of a loop over {@code totalRows} rows (0 when unknown). The total is asked for only
     * when the first line is written, so that a short loop never pays for counting its rows (a count
     * on H2 scans the table).
     */
    public static Progress start(String task, LongSupplier totalRows) {
        return start(task, totalRows, null);
    }

    /** Progress of a loop whose completion is {@code position} out of {@code total} (bytes of a file). */
    public static Progress start(String task, long total, LongSupplier position) {
        return start(task, () -> total, position);
    }

    private static Progress start(String task, LongSupplier total, LongSupplier position) {
        Settings current = settings;
        Progress progress = new Progress(
                task,
                total,
                position,
                Clock.systemUTC(),
                current.liveLine() ? System.err : null,
                LOG::info,
                current.logEvery());
        if (progress.terminal != null) {
            live = progress;
        }
        return progress;
    }

    /**
     * Ends a live line left open by a loop that failed, so that the message that follows starts on
     * a line of its own.
     */
    public static void endLiveLine() {
        Progress progress = live;
        if (progress != null) {
            progress.endLine();
        }
    }

    /** One more row done. */
    public void row() {
        if ((++rows & CHECK_MASK) == 0) {
            report();
        }
    }

    long rows() {
        return rows;
    }

    private void report() {
        long now = clock.millis();
        if (terminal != null && now - lastLiveMs >= LIVE_EVERY_MS) {
            lastLiveMs = now;
            String line = TerminalText.line(line(now)); // the task names the input file
            terminal.print("\r" + line + " ".repeat(Math.max(0, liveLength - line.length())));
            terminal.flush();
            liveLength = line.length();
        }
        if (now - lastLogMs >= logEveryMs) {
            lastLogMs = now;
            log.accept(line(now));
        }
    }

    /** The loop ended: the log gets its totals; a live line shown is completed and ended. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long now = clock.millis();
        String done = task + ": " + group(rows) + " " + Counted.noun(rows, "row") + " in " + seconds(now - startMs)
                + rate(now);
        log.accept(done);
        if (terminal != null && liveLength > 0) {
            String shown = TerminalText.line(done);
            terminal.print("\r" + shown + " ".repeat(Math.max(0, liveLength - shown.length())) + "\n");
            terminal.flush();
            liveLength = 0;
        }
        if (live == this) {
            live = null;
        }
    }

    private void endLine() {
        if (terminal != null && liveLength > 0) {
            terminal.println();
            liveLength = 0;
        }
    }

    /**
     * The progress line at {@code now}: e.g. {@code reading payroll-2026-01.csv: 412 000 rows (41 %),
     * 98 000 rows/s, 4 s elapsed, about 6 s left}. The time left assumes the rest goes at the pace
     * so far.
     */
    String line(long now) {
        long elapsed = now - startMs;
        StringBuilder line = new StringBuilder(task)
                .append(": ")
                .append(group(rows))
                .append(' ')
                .append(Counted.noun(rows, "row"));
        long done = position == null ? rows : position.getAsLong();
        long total = total();
        boolean known = total > 0 && done > 0;
        if (known) {
            line.append(" (").append(Math.min(100, done * 100 / total)).append(" %)");
        }
        line.append(rate(now)).append(", ").append(seconds(elapsed)).append(" elapsed");
        if (known && done < total && elapsed > 0) {
            long leftMs = (long) ((double) elapsed * (total - done) / done);
            line.append(", about ").append(seconds(leftMs)).append(" left");
        }
        return line.toString();
    }

    private long total() {
        if (totalSupplier != null) {
            total = totalSupplier.getAsLong();
            totalSupplier = null;
        }
        return total;
    }

    private String rate(long now) {
        long elapsed = now - startMs;
        return elapsed <= 0 ? "" : ", " + group(rows * 1000 / elapsed) + " rows/s";
    }

    /** 1 234 567: thousands grouped with a space, as the period report writes amounts. */
    static String group(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(n < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** 0.4 s, 12 s, 3 min 05 s, 1 h 02 min. */
    static String seconds(long ms) {
        if (ms < 10_000) {
            return (ms / 1000) + "." + (ms % 1000 / 100) + " s";
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + String.format("%02d", s % 60) + " s";
        }
        return (s / 3600) + " h " + String.format("%02d", s % 3600 / 60) + " min";
    }

    private record Settings(boolean liveLine, Duration logEvery) {}
}
