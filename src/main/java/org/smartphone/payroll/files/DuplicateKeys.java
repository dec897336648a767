package org.smartphone.payroll.files;

import java.util.ArrayList;
import java.util.List;

/**
 * A key that must be unique in one input (a contract_id in a contracts file or a return, a contract
 * holder's matricule in a register) makes every line that carries it invalid (SPEC 2, 5); lines
 * already invalid for another reason still count as carriers. {@link InvalidLines#rejectRepeats}
 * finds them; this says how.
 *
 * @param keyColumn the column that must be unique
 * @param what how the file is called in the reason, e.g. "this register"
 * @param consequence what happens to those lines, e.g. "none of these lines is used."
 */
public record DuplicateKeys(String keyColumn, String what, String consequence) {

    /**
     * How many of a group's lines its reason names, and how many of its rows carry that reason: the
     * others point to the first row. Naming every line on every row made the errors file grow with the
     * square of the group (SPEC 5 asks for every invalid line, which the rows themselves give), and a
     * long reason on each of thousands of copies of a short line made it many times the input's size.
     */
    static final int LINES_NAMED = 5;

    /**
     * The lines carrying a key that a job keeps itself while it reads (its first valid line, usually),
     * the other carriers being given to {@link InvalidLines#carrier}.
     */
    public interface KeptLines {

        /** The line carrying the key that the job kept, or 0 when it kept none. */
        long keptLine(String key);

        /** Called for every line of a repeated key, kept or not: from now on that line is not used. */
        void rejected(String key, long line);
    }

    /** The reason on the rows of a repeated key after the first {@link #LINES_NAMED}: the first says it all. */
    public String seeFirst(String key, long firstLine) {
        return "The " + keyColumn + " " + key + " is repeated; see line " + firstLine + ".";
    }

    /**
     * The reason on the first rows of a repeated key.
     *
     * @param count how many lines carry the key
     * @param firstLines the first of those lines, in ascending order (at most {@link #LINES_NAMED} are named)
     */
    public String reason(String key, long count, long[] firstLines) {
        List<String> named = new ArrayList<>(LINES_NAMED);
        for (int i = 0; i < firstLines.length && i < LINES_NAMED; i++) {
            named.add(Long.toString(firstLines[i]));
        }
        String lines;
        if (count > named.size()) {
            lines = String.join(", ", named) + " and " + (count - named.size()) + " more";
        } else {
            lines = String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        }
        return "The " + keyColumn + " " + key + " appears " + (count == 2 ? "twice" : count + " times") + " in " + what
                + " (lines " + lines + "); " + consequence;
    }
}
