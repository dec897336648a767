package org.smartphone.payroll.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartphone.payroll.period.Period;

/**
 * The names SPEC 5 gives the inputs in the inbox, the one place this rule is written (the commands,
 * {@code serve} and the metrics all use it): {@code contracts*.csv}, where {@code *} is a plain name
 * part, for an import; {@code payroll-YYYY-MM.csv} for the deduction run of that month;
 * {@code withheld-YYYY-MM.csv} for its reconciliation; {@code payments*.csv} for a payments run (SPEC 7.1);
 * {@code refunds-paid*.csv} for a confirmation of refunds paid (SPEC 7.2).
 *
 * <p>A plain name part holds letters, digits (any script, accents included), spaces, {@code -},
 * {@code _}, {@code .} and parentheses (a browser saves a second download as {@code contracts (1).csv}),
 * and neither contains {@code .csv.} nor ends in {@code .errors.csv}: the
 * errors file ({@code <name>.errors.csv}) and reason file ({@code <name>.reason.txt}) the engine
 * writes beside an input are never taken for one when dropped back in the inbox.
 *
 * @param period the month of a deduction or reconciliation; null for contracts
 */
public record InboxName(RunKind kind, Period period) {

    /** The rule in words, for messages. */
    public static final String RULE = "contracts*.csv (where * holds only letters, digits, spaces,"
            + " '-', '_', '.', '(' and ')', and never '.csv.'), payroll-YYYY-MM.csv, withheld-YYYY-MM.csv,"
            + " payments*.csv or refunds-paid*.csv (* as for contracts)";

    private static final Pattern CONTRACTS_NAME = plainNamePattern("contracts");
    private static final Pattern PAYMENTS_NAME = plainNamePattern("payments");
    private static final Pattern REFUNDS_PAID_NAME = plainNamePattern("refunds-paid");
    private static final Pattern PERIODIC_NAME = Pattern.compile("(payroll|withheld)-(\\d{4}-(?:0[1-9]|1[0-2]))\\.csv");

    /** The input a file of this name in the inbox is, if it is one. */
    public static Optional<InboxName> parse(String name) {
        if (CONTRACTS_NAME.matcher(name).matches()) {
            return Optional.of(new InboxName(RunKind.IMPORT, null));
        }
        if (PAYMENTS_NAME.matcher(name).matches()) {
            return Optional.of(new InboxName(RunKind.PAYMENTS, null));
        }
        if (REFUNDS_PAID_NAME.matcher(name).matches()) {
            return Optional.of(new InboxName(RunKind.REFUNDS_CONFIRM, null));
        }
        Matcher periodic = PERIODIC_NAME.matcher(name);
        if (!periodic.matches() || periodic.group(2).startsWith("0000")) {
            return Optional.empty(); // there is no year 0 (Period)
        }
        RunKind kind = periodic.group(1).equals("payroll") ? RunKind.DEDUCTION : RunKind.RECONCILIATION;
        return Optional.of(new InboxName(kind, Period.parse(periodic.group(2))));
    }

    /** {@code <prefix>*.csv}, where {@code *} is a plain name part. */
    private static Pattern plainNamePattern(String prefix) {
        return Pattern.compile(prefix + "(?!.*\\.csv\\.)(?!.*\\.errors\\.csv$)" + "[\\p{L}\\p{M}\\p{Nd} ()._-]*\\.csv");
    }

    /** Whether a file of this name in the inbox is an input, one that {@code serve} runs. */
    public static boolean isInput(String name) {
        return parse(name).isPresent();
    }

    /** The name of the input of a deduction or reconciliation run of {@code period} in the inbox. */
    public static String of(RunKind kind, Period period) {
        return named(kind, period.toString());
    }

    /** The name of that input, with {@code YYYY-MM} for its month: for messages. */
    public static String template(RunKind kind) {
        return named(kind, "YYYY-MM");
    }

    private static String named(RunKind kind, String month) {
        return switch (kind) {
            case DEDUCTION -> "payroll-" + month + ".csv";
            case RECONCILIATION -> "withheld-" + month + ".csv";
            default -> throw new IllegalArgumentException("a " + kind.label() + " has no single input name");
        };
    }

    /**
     * Whether a file of this name is on its way in and not to be looked at yet, nor reported: a file
     * being written ({@code *.part}, {@code *.tmp}), a hidden file, a spreadsheet's lock file ({@code ~$...}).
     */
    public static boolean isOnItsWay(String name) {
        return name.startsWith(".") || name.startsWith("~$") || name.endsWith(".part") || name.endsWith(".tmp");
    }

    /** Whether a file of this name is one the engine writes beside an input: its errors or reason file. */
    public static boolean isEnginesOwn(String name) {
        return name.endsWith(".errors.csv") || name.endsWith(".reason.txt");
    }

    /**
     * The inbox files that ask to be imported, in name order: every {@code contracts*.csv} but the
     * engine's own errors and reason files. A name that asks but is not plain (a control character, a
     * symbol) is listed too, so that the import refuses it with a message rather than skip it unseen.
     */
    public static List<Path> contractsFiles(Path inbox) throws IOException {
        return filesNamed(inbox, "contracts*.csv");
    }

    /** The inbox files that ask to be recorded as payments, in name order, as {@link #contractsFiles}. */
    public static List<Path> paymentsFiles(Path inbox) throws IOException {
        return filesNamed(inbox, "payments*.csv");
    }

    /** The inbox files that ask to be confirmed as refunds paid, in name order, as {@link #contractsFiles}. */
    public static List<Path> refundsPaidFiles(Path inbox) throws IOException {
        return filesNamed(inbox, "refunds-paid*.csv");
    }

    private static List<Path> filesNamed(Path inbox, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(inbox, glob)) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (!name.contains(".csv.") && !isEnginesOwn(name)) {
                    files.add(file);
                }
            }
        }
        files.sort(
                (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }
}
