package org.smartphone.payroll.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.files.InvalidLines;

/**
 * The carriers of keys a job gives to its {@link InvalidLines} (its later valid lines, and the invalid
 * lines), collected so that a test can add invalid lines of its own; {@link #rejected} then runs the
 * real repeat finding over them with the lines the job kept, and says which lines were rejected.
 */
public final class RepeatedKeys implements ObjLongConsumer<String> {

    private static final DuplicateKeys ANY = new DuplicateKeys("key", "this file", "none is used.");

    private final List<Map.Entry<String, Long>> carriers = new ArrayList<>();

    @Override
    public void accept(String key, long line) {
        carriers.add(Map.entry(key, line));
    }

    /** Adds invalid lines, by the key they carry. */
    public RepeatedKeys invalid(Map<String, List<Long>> linesByKey) {
        linesByKey.forEach((key, lines) -> lines.forEach(line -> accept(key, line)));
        return this;
    }

    /** Every line (kept or carrier) of each key carried more than once, in the order the job is told of them. */
    public Map<String, List<Long>> rejected(DuplicateKeys.KeptLines kept) {
        Map<String, List<Long>> rejected = new TreeMap<>();
        // no line is written: a few carriers stay in memory, and the folder is never created
        try (InvalidLines invalid = new InvalidLines(Path.of(System.getProperty("java.io.tmpdir"), "unused"))) {
            carriers.forEach(carrier -> invalid.carrier(carrier.getKey(), carrier.getValue()));
            invalid.rejectRepeats(ANY, new DuplicateKeys.KeptLines() {
                @Override
                public long keptLine(String key) {
                    return kept.keptLine(key);
                }

                @Override
                public void rejected(String key, long line) {
                    kept.rejected(key, line);
                    rejected.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rejected;
    }
}
