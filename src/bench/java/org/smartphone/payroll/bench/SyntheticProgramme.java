package org.smartphone.payroll.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a synthetic programme in the SPEC 5 formats, for measuring the engine at country scale.
 * Streams every file (constant memory); the same arguments give the same bytes.
 *
 * <pre>
 * programme: --people N --contracts C --months K --seed S --out DIR [--start YYYY-MM]
 *            → DIR/contracts.csv and DIR/payroll-YYYY-MM.csv for K months from --start (default 2026-01)
 * return:    return --deductions FILE --seed S --out FILE
 *            → a withholding return made from the engine's deduction order of the month
 * payments:  payments --contracts FILE --count N --seed S --out FILE [--from YYYY-MM-DD] [--days D]
 *            → a payments file of N lines against the contracts of FILE (received from --from,
 *              default 2026-02-01, over D days, default 28)
 * refunds-paid: refunds-paid --refunds FILE --seed S --out FILE [--paid-on YYYY-MM-DD]
 *            → what the bank paid of an issued batch (outbox/refunds/refunds-NNNN.csv)
 * </pre>
 *
 * Counts accept a k or M suffix (100k, 1M). Run through {@code scripts/generate}.
 */
public final class SyntheticProgramme {

    private SyntheticProgramme() {}

    public static void main(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("return")) {
                returnMode(options(args, 1, Set.of("deductions", "seed", "out")));
            } else if (args.length > 0 && args[0].equals("payments")) {
                paymentsMode(options(args, 1, Set.of("contracts", "count", "seed", "out", "from", "days")));
            } else if (args.length > 0 && args[0].equals("refunds-paid")) {
                refundsPaidMode(options(args, 1, Set.of("refunds", "seed", "out", "paid-on")));
            } else {
                programmeMode(options(args, 0, Set.of("people", "contracts", "months", "seed", "out", "start")));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.println("usage: scripts/generate --people N --contracts C --months K --seed S --out DIR"
                    + " [--start YYYY-MM]");
            System.err.println("       scripts/generate return --deductions FILE --seed S --out FILE");
            System.err.println("       scripts/generate payments --contracts FILE --count N --seed S --out FILE"
                    + " [--from YYYY-MM-DD] [--days D]");
            System.err.println(
                    "       scripts/generate refunds-paid --refunds FILE --seed S --out FILE [--paid-on YYYY-MM-DD]");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("generate: " + e);
            System.exit(1);
        }
    }

    private static void programmeMode(Map<String, String> o) throws IOException {
        long people = count(o, "people");
        long contracts = count(o, "contracts");
        int months = (int) count(o, "months");
        long seed = number(o, "seed");
        Path out = Path.of(required(o, "out"));
        YearMonth start = YearMonth.parse(o.getOrDefault("start", "2026-01"));
        long t0 = System.nanoTime();
        long holders = ContractsFile.holdersFor(seed, contracts);
        Population population = new Population(seed, people, holders);
        long rows = ContractsFile.write(out.resolve("contracts.csv"), seed, contracts, population, start, months);
        report(out.resolve("contracts.csv"), rows, t0);
        System.out.printf(Locale.ROOT, "  %d contract holders among %d people%n", holders, people);
        for (int m = 0; m < months; m++) {
            long t1 = System.nanoTime();
            YearMonth period = start.plusMonths(m);
            Path file = out.resolve("payroll-" + period + ".csv");
            report(file, RegisterFile.write(file, seed, population, period, m), t1);
        }
        System.out.printf(
                Locale.ROOT,
                "done in %.1f s; withholding returns: scripts/generate return --deductions"
                        + " <home>/outbox/YYYY-MM/deductions-YYYY-MM.csv --seed %d --out <home>/inbox/withheld-YYYY-MM.csv%n",
                (System.nanoTime() - t0) / 1e9,
                seed);
    }

    private static void returnMode(Map<String, String> o) throws IOException {
        long t0 = System.nanoTime();
        Path out = Path.of(required(o, "out"));
        ReturnFile.Summary s = ReturnFile.write(Path.of(required(o, "deductions")), number(o, "seed"), out);
        report(out, s.lines(), t0);
        System.out.printf(
                Locale.ROOT,
                "  from %d order lines: %d equal, %d zero, %d absent, %d short, %d over,"
                        + " %d wrong matricule, %d unknown contract%n",
                s.orderLines(),
                s.equal(),
                s.zero(),
                s.absent(),
                s.shortLines(),
                s.over(),
                s.wrongMatricule(),
                s.unknownContract());
    }

    private static void paymentsMode(Map<String, String> o) throws IOException {
        long t0 = System.nanoTime();
        Path out = Path.of(required(o, "out"));
        PaymentsFile.Summary s = PaymentsFile.write(
                Path.of(required(o, "contracts")),
                count(o, "count"),
                number(o, "seed"),
                date(o.getOrDefault("from", "2026-02-01"), "from"),
                (int) Math.min(3_650, Long.parseLong(o.getOrDefault("days", "28"))),
                out);
        report(out, s.lines(), t0);
        System.out.printf(
                Locale.ROOT,
                "  against %d contracts: %d paying their whole financed amount, %d channels in lower case%n",
                s.contracts(),
                s.whole(),
                s.lowerCase());
    }

    private static void refundsPaidMode(Map<String, String> o) throws IOException {
        long t0 = System.nanoTime();
        Path out = Path.of(required(o, "out"));
        RefundsPaidFile.Summary s = RefundsPaidFile.write(
                Path.of(required(o, "refunds")),
                number(o, "seed"),
                date(o.getOrDefault("paid-on", "2026-02-15"), "paid-on"),
                out);
        report(out, s.lines(), t0);
        System.out.printf(Locale.ROOT, "  %d of the batch's %d items paid%n", s.lines(), s.items());
    }

    private static java.time.LocalDate date(String value, String name) {
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be a date YYYY-MM-DD");
        }
    }

    private static void report(Path file, long rows, long since) {
        System.out.printf(Locale.ROOT, "%s: %d rows in %.1f s%n", file, rows, (System.nanoTime() - since) / 1e9);
    }

    private static Map<String, String> options(String[] args, int from, Set<String> known) {
        Map<String, String> o = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            o.put(name, value);
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String value = o.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static long number(Map<String, String> o, String name) {
        try {
            return Long.parseLong(required(o, name).replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }

    /** A non-negative count, with an optional k (thousand) or M (million) suffix. */
    private static long count(Map<String, String> o, String name) {
        String value = required(o, name).replace("_", "");
        long unit = 1;
        if (value.endsWith("k") || value.endsWith("K")) {
            unit = 1_000;
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("M") || value.endsWith("m")) {
            unit = 1_000_000;
            value = value.substring(0, value.length() - 1);
        }
        try {
            long n = Math.multiplyExact(Long.parseLong(value), unit);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--" + name + " must be a count such as 300000, 300k or 1M");
        }
    }
}
