package org.smartphone.payroll.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smartphone.payroll.files.InputError;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A key that must be unique in one input (a contract_id in a contracts file or a return, a contract
 * holder's matricule in a register) makes every line that carries it invalid (SPEC 2, 5). Valid
 * lines are staged in a table; lines already invalid for another reason still count as carriers.
 *
 * @param table the staging table
 * @param scopeColumn the column that holds the run's rows (run_id or period)
 * @param keyColumn the column that must be unique
 * @param what how the file is called in the reason, e.g. "this register"
 * @param consequence what happens to those lines, e.g. "none of these lines is used."
 */
public record DuplicateKeys(String table, String scopeColumn, String keyColumn, String what, String consequence) {

    /** For a job that finds repeated keys in memory: only {@link #errors} applies, there is no table. */
    public DuplicateKeys(String keyColumn, String what, String consequence) {
        this(null, null, keyColumn, what, consequence);
    }

    /**
     * Finds the duplicated keys, deletes their staged rows and returns one error per line.
     *
     * @param invalidLines lines already found invalid, by the key they carry
     */
    public List<InputError> reject(JdbcTemplate jdbc, Object scope, Map<String, List<Long>> invalidLines) {
        Map<String, List<Long>> lines = new TreeMap<>();
        // the keys alone, in the order of the (scope, key) index, repeats side by side: one pass
        // that H2 serves from the index; a GROUP BY joined back to the table cost several times more
        List<String> repeated = new ArrayList<>();
        String[] previous = {null};
        jdbc.query("SELECT " + keyColumn + " FROM " + table + " WHERE " + scopeColumn + " = ? ORDER BY " + keyColumn,
                rs -> {
                    String key = rs.getString(1);
                    if (key.equals(previous[0]) && (repeated.isEmpty() || !repeated.get(repeated.size() - 1)
                            .equals(key))) {
                        repeated.add(key);
                    }
                    previous[0] = key;
                }, scope);
        for (String key : repeated) {
            lines.put(key, new ArrayList<>(jdbc.queryForList("SELECT line FROM " + table + " WHERE " + scopeColumn
                    + " = ? AND " + keyColumn + " = ?", Long.class, scope, key)));
        }
        for (Map.Entry<String, List<Long>> invalid : invalidLines.entrySet()) {
            List<Long> staged = jdbc.queryForList("SELECT line FROM " + table + " WHERE " + scopeColumn + " = ? AND "
                    + keyColumn + " = ?", Long.class, scope, invalid.getKey());
            if (staged.size() + invalid.getValue().size() > 1) {
                lines.computeIfAbsent(invalid.getKey(), k -> new ArrayList<>(staged)).addAll(invalid.getValue());
            }
        }
        List<InputError> errors = errors(lines);
        List<Object[]> deletions = errors.stream().map(error -> new Object[] {scope, error.line()}).toList();
        jdbc.batchUpdate("DELETE FROM " + table + " WHERE " + scopeColumn + " = ? AND line = ?", deletions);
        return errors;
    }

    /**
     * The errors of {@link #errors(String, Collection)} for several keys, in ascending key order.
     *
     * @param linesByKey every line (valid or not) of each key that appears more than once
     */
    public List<InputError> errors(Map<String, List<Long>> linesByKey) {
        List<InputError> errors = new ArrayList<>();
        for (Map.Entry<String, List<Long>> duplicate : new TreeMap<>(linesByKey).entrySet()) {
            errors.addAll(errors(duplicate.getKey(), duplicate.getValue()));
        }
        return errors;
    }

    /**
     * One error per line carrying a repeated key, for a job that finds repeats itself (in memory)
     * rather than in the staging table.
     *
     * @param carriers every line (valid or not) that carries the key
     */
    public List<InputError> errors(String key, Collection<Long> carriers) {
        List<Long> all = carriers.stream().distinct().sorted().toList();
        String reason = "The " + keyColumn + " " + key + " appears more than once in " + what + " (lines "
                + String.join(", ", all.stream().map(String::valueOf).toList()) + "); " + consequence;
        List<InputError> errors = new ArrayList<>(all.size());
        for (long line : all) {
            errors.add(new InputError(line, keyColumn, key, reason));
        }
        return errors;
    }
}
