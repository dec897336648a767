package org.smartphone.payroll.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smartphone.payroll.files.InputName;
import org.smartphone.payroll.period.Period;

/**
 * A file name that is not one the engine takes ({@link InboxName}) but is close to one, so that a
 * message can name it and the name to give it: {@code Payroll_2026-01.csv}, {@code payroll-2026-01.CSV},
 * {@code payroll janvier.csv}, {@code payroll-2026-1.csv}, {@code payroll 202601.csv}, {@code Contracts.csv},
 * or a spreadsheet {@code payroll-2026-01.xlsx} that must first be saved as CSV.
 *
 * <p>The rule: ignoring case, accents and every separator, the name is a word for the kind of input
 * ({@link #KIND_WORDS}, French included) followed, for a register or a return, by nothing but its month
 * (a number, {@code YYYYMM} or a month name, French or English, with or without the year) and ending in
 * {@code .csv}, {@code .txt}, a spreadsheet's extension, or none; a browser's copy number
 * {@code (1)} is ignored. Deterministic, and only looked at when a file is missing or not taken.
 *
 * @param kind the input the name asks for
 * @param period its month, when the name says it whole (year and month); else null
 * @param month the month alone, when the name gives it without a year or with it; else 0
 * @param spreadsheet whether the file is a spreadsheet (it must be saved as CSV, not only renamed)
 * @param rest for contracts, what follows the word in the name, as written (kept in the name to suggest)
 */
public record CloseInboxName(RunKind kind, Period period, int month, boolean spreadsheet, String rest) {

    /** The first word of a name, as {@link #words} writes it, and the input it asks for. */
    static final Map<String, RunKind> KIND_WORDS = Map.ofEntries(
            Map.entry("contracts", RunKind.IMPORT),
            Map.entry("contract", RunKind.IMPORT),
            Map.entry("contrats", RunKind.IMPORT),
            Map.entry("contrat", RunKind.IMPORT),
            Map.entry("payroll", RunKind.DEDUCTION),
            Map.entry("paie", RunKind.DEDUCTION),
            Map.entry("paye", RunKind.DEDUCTION),
            Map.entry("withheld", RunKind.RECONCILIATION),
            Map.entry("withholding", RunKind.RECONCILIATION),
            Map.entry("retenues", RunKind.RECONCILIATION),
            Map.entry("retenue", RunKind.RECONCILIATION));

    /** Month names and their usual abbreviations, French and English, as {@link #words} writes them. */
    static final Map<String, Integer> MONTHS = months(
            "janvier janv jan january",
            "fevrier fevr fev february feb",
            "mars mar march",
            "avril avr april apr",
            "mai may",
            "juin jun june",
            "juillet juil jul july",
            "aout aug august",
            "septembre sept sep september",
            "octobre oct october",
            "novembre nov november",
            "decembre dec december");

    /** Words that may stand between the kind and the month: {@code payroll register 2026-01}. */
    private static final Set<String> FILLERS =
            Set.of("register", "registre", "return", "retour", "de", "du", "of", "file", "fichier");

    private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "txt");
    private static final Set<String> SPREADSHEET_EXTENSIONS = Set.of("xlsx", "xls", "xlsm", "ods");
    private static final int MAX_NAMED = 5;

    /** The input a name that is not taken is close to, if any; empty for the engine's own files. */
    public static Optional<CloseInboxName> of(String name) {
        if (InboxName.isOnItsWay(name) || InboxName.isEnginesOwn(name)) {
            return Optional.empty();
        }
        String base = name;
        boolean spreadsheet = false;
        boolean first = true;
        while (true) {
            int dot = base.lastIndexOf('.');
            String extension = dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (TEXT_EXTENSIONS.contains(extension) || SPREADSHEET_EXTENSIONS.contains(extension)) {
                spreadsheet |= first && SPREADSHEET_EXTENSIONS.contains(extension);
                base = base.substring(0, dot);
                first = false;
            } else if (first && dot >= 0 && !extension.chars().allMatch(Character::isDigit)) {
                return Optional.empty(); // another kind of file: a PDF, an archive, a .part being written
            } else {
                break;
            }
        }
        base = base.replaceFirst("\\s*\\(\\d+\\)$", "");
        List<String> words = words(base);
        if (words.isEmpty() || !KIND_WORDS.containsKey(words.get(0))) {
            return Optional.empty();
        }
        RunKind kind = KIND_WORDS.get(words.get(0));
        if (kind == RunKind.IMPORT) {
            return Optional.of(new CloseInboxName(kind, null, 0, spreadsheet, afterFirstWord(base, words.get(0))));
        }
        List<String> month = words.subList(1, words.size()).stream()
                .filter(word -> !FILLERS.contains(word))
                .toList();
        int[] yearMonth = yearMonth(month);
        if (yearMonth == null) {
            return Optional.empty();
        }
        Period period = yearMonth[0] > 0 ? new Period(yearMonth[0], yearMonth[1]) : null;
        return Optional.of(new CloseInboxName(kind, period, yearMonth[1], spreadsheet, ""));
    }

    /** Whether a file of this name was most likely meant as the input of {@code kind} for {@code wanted}. */
    boolean means(RunKind wanted, Period month) {
        if (kind != wanted) {
            return false;
        }
        if (kind == RunKind.IMPORT) {
            return true;
        }
        return (period == null || period.equals(month)) && (this.month == 0 || this.month == month.month());
    }

    /** The name it should have: the inbox name of its month, or with YYYY-MM where the name does not say it. */
    String suggested() {
        return switch (kind) {
            case IMPORT -> {
                String named = "contracts" + rest + ".csv";
                yield InboxName.parse(named).isPresent() ? named : "contracts.csv";
            }
            case DEDUCTION, RECONCILIATION -> period != null ? InboxName.of(kind, period) : InboxName.template(kind);
            default -> throw new IllegalStateException("no close name is looked for a " + kind.label());
        };
    }

    /**
     * For an input that does not exist: the clause naming the files beside it that were most likely meant,
     * starting with {@code ;}, or "" when there is none (or the folder cannot be read). A name the engine
     * takes is never offered (it is another month's input, or another contracts file); for a name that
     * is none of the inputs', only the same name in other case is.
     *
     * @param where how a message names the folder ("the inbox")
     */
    public static String beside(Path missing, String where) {
        String name = String.valueOf(missing.getFileName());
        Optional<InboxName> expected = InboxName.parse(name);
        Path folder = missing.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return "";
        }
        List<String> renamed = new ArrayList<>();
        List<String> spreadsheets = new ArrayList<>();
        String renamedAs = name;
        String savedAs = name;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String found = file.getFileName().toString();
                if (found.equals(name) || InboxName.parse(found).isPresent()) {
                    continue;
                }
                if (expected.isEmpty()) {
                    if (found.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                        renamed.add(InputName.escaped(found));
                    }
                    continue;
                }
                Optional<CloseInboxName> close = of(found)
                        .filter(c ->
                                c.means(expected.get().kind(), expected.get().period()));
                if (close.isPresent()) {
                    // a contracts file keeps what follows the word: Contracts-2026.csv becomes contracts-2026.csv
                    String suggested = expected.get().kind() == RunKind.IMPORT
                            ? close.get().suggested()
                            : name;
                    if (close.get().spreadsheet()) {
                        spreadsheets.add(InputName.escaped(found));
                        savedAs = suggested;
                    } else {
                        renamed.add(InputName.escaped(found));
                        renamedAs = suggested;
                    }
                }
            }
        } catch (IOException e) {
            return "";
        }
        boolean contracts = expected.isPresent() && expected.get().kind() == RunKind.IMPORT;
        StringBuilder text = new StringBuilder();
        if (!renamed.isEmpty()) {
            text.append("; ").append(where).append(" holds ").append(listed(renamed));
            if (renamed.size() == 1) {
                text.append(", which is close: rename it ").append(renamedAs);
            } else {
                text.append(", which are close: ")
                        .append(
                                contracts
                                        ? "rename each to a name that starts with contracts" + " and ends with .csv"
                                        : "rename the right one " + name);
            }
        }
        if (!spreadsheets.isEmpty()) {
            text.append("; ")
                    .append(where)
                    .append(renamed.isEmpty() ? " holds " : " also holds ")
                    .append(listed(spreadsheets));
            if (spreadsheets.size() == 1) {
                text.append(", a spreadsheet: save it as CSV named ").append(savedAs);
            } else {
                text.append(", spreadsheets: ")
                        .append(
                                contracts
                                        ? "save each as CSV with a name that starts with" + " contracts"
                                        : "save the right one as CSV named " + name);
            }
        }
        return text.toString();
    }

    /** What {@code serve} logs, once, about an inbox file whose name it does not take. */
    public static String unrecognised(String name) {
        String text = InputName.escaped(name) + " in the inbox is not recognised, so serve does not run it: ";
        Optional<CloseInboxName> close = of(name);
        if (close.isEmpty()) {
            return text + "serve takes " + InboxName.RULE + ".";
        }
        String suggested = close.get().suggested();
        String when = suggested.contains("YYYY-MM") ? ", with the year and month it is for" : "";
        return text + (close.get().spreadsheet() ? "save it as CSV named " : "rename it ") + suggested + when + ".";
    }

    /**
     * {@code [year, month]} from the words after the kind: none, {@code 2026 01}, {@code 01 2026},
     * {@code 202601}, {@code janvier}, {@code janv 26}, {@code 2026 janvier}; year 0 when absent, month 0
     * when absent; null for anything else.
     */
    private static int[] yearMonth(List<String> words) {
        if (words.isEmpty()) {
            return new int[] {0, 0};
        }
        if (words.size() == 1) {
            String word = words.get(0);
            if (MONTHS.containsKey(word)) {
                return new int[] {0, MONTHS.get(word)};
            }
            if (word.length() == 6 && isNumber(word)) {
                return checked(Integer.parseInt(word.substring(0, 4)), Integer.parseInt(word.substring(4)));
            }
            return null;
        }
        if (words.size() != 2) {
            return null;
        }
        String a = words.get(0);
        String b = words.get(1);
        if (a.length() == 4 && isNumber(a)) {
            return monthOf(b) > 0 ? checked(Integer.parseInt(a), monthOf(b)) : null;
        }
        if (monthOf(a) > 0 && isNumber(b) && (b.length() == 4 || b.length() == 2)) {
            return checked(b.length() == 2 ? 2000 + Integer.parseInt(b) : Integer.parseInt(b), monthOf(a));
        }
        return null;
    }

    /** A month written as a number of one or two digits, or a month name; 0 if neither. */
    private static int monthOf(String word) {
        if (MONTHS.containsKey(word)) {
            return MONTHS.get(word);
        }
        if (word.length() <= 2 && isNumber(word)) {
            int month = Integer.parseInt(word);
            return month >= 1 && month <= 12 ? month : 0;
        }
        return 0;
    }

    private static int[] checked(int year, int month) {
        return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 ? new int[] {year, month} : null;
    }

    private static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * The name's words: compatibility forms folded, accents dropped, lower case, split at every character
     * that is neither a letter nor a digit and between letters and digits ({@code janv26} is two words).
     */
    static List<String> words(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean letter = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            boolean sameKind = word.length() > 0 && (letter ? isLetter(word.charAt(0)) : !isLetter(word.charAt(0)));
            if ((!letter && !digit) || !sameKind) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            }
            if (letter || digit) {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** What follows the first word of a contracts file name, as written (a plain part of a name, or ""). */
    private static String afterFirstWord(String base, String word) {
        int start = 0;
        while (start < base.length() && !Character.isLetter(base.charAt(start))) {
            start++;
        }
        int end = start + word.length();
        return end <= base.length() ? base.substring(end) : "";
    }

    private static String listed(List<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        if (sorted.size() <= MAX_NAMED) {
            return sorted.size() == 1
                    ? sorted.get(0)
                    : String.join(", ", sorted.subList(0, sorted.size() - 1)) + " and " + sorted.get(sorted.size() - 1);
        }
        return String.join(", ", sorted.subList(0, MAX_NAMED)) + " and " + (sorted.size() - MAX_NAMED) + " more";
    }

    private static Map<String, Integer> months(String... names) {
        Map<String, Integer> months = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i].split(" ")) {
                months.put(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
