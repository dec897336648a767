package org.smartphone.payroll.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.support.RepeatedKeys;

/**
 * The packed contract ids an import keeps to find the ids repeated in one file (SPEC 2: a contract_id
 * twice in one file makes all its lines invalid, invalid lines counting as carriers too): it must name
 * exactly the ids a plain map of strings to lines would, with every line, in ascending order.
 */
class ContractIdLinesTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/._";

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void findsTheRepeatedIdsAPlainMapWouldFind(long seed) {
        Random random = new Random(seed);
        // a small pool of ids so that repeats are frequent, some of them prefixes of others
        List<String> pool = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3000); i < n; i++) {
            String id = id(random);
            pool.add(id);
            if (random.nextInt(10) == 0) {
                pool.add(id.substring(0, 1 + random.nextInt(id.length())));
            }
        }
        ContractIdLines ids = new ContractIdLines();
        Map<String, List<Long>> validLines = new TreeMap<>();
        Map<String, List<Long>> invalidLines = new HashMap<>();
        long line = 1;
        for (int i = 0, n = random.nextInt(6000); i < n; i++) {
            line += 1 + random.nextInt(3);
            String id = random.nextInt(50) == 0
                    ? id(random).toLowerCase() + "\u00e9"
                    : pool.get(random.nextInt(pool.size()));
            if (random.nextInt(20) == 0) {
                invalidLines.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
            } else if (!id.matches("[A-Z0-9./_-]+")) {
                continue; // a valid line carries a valid id
            } else {
                ids.add(id, line);
                validLines.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
            }
        }

        Map<String, List<Long>> expected = new TreeMap<>();
        for (String id : union(validLines, invalidLines)) {
            List<Long> all = new ArrayList<>(validLines.getOrDefault(id, List.of()));
            all.addAll(invalidLines.getOrDefault(id, List.of()));
            if (all.size() > 1) {
                expected.put(id, all.stream().sorted().toList());
            }
        }
        assertThat(repeated(ids, invalidLines)).isEqualTo(expected);
    }

    @Test
    void anIdOnceValidAndOnceOnAnInvalidLineIsRepeatedButEachAloneIsNot() {
        ContractIdLines ids = new ContractIdLines();
        ids.add("C1", 2);
        ids.add("C2", 3);
        ids.add("C10", 5);

        Map<String, List<Long>> repeated = repeated(ids, Map.of("C1", List.of(4L), "C3", List.of(6L)));

        assertThat(repeated).containsExactly(Map.entry("C1", List.of(2L, 4L)));
    }

    @Test
    void anEmptyFileHasNoRepeats() {
        assertThat(repeated(new ContractIdLines(), Map.of("C1", List.of(2L)))).isEmpty();
    }

    /** The repeated ids with their lines in ascending order, found by the import's own means. */
    private static Map<String, List<Long>> repeated(ContractIdLines ids, Map<String, List<Long>> invalidLines) {
        RepeatedKeys carriers = new RepeatedKeys();
        ids.repeatedLines(carriers);
        Map<String, List<Long>> repeated = carriers.invalid(invalidLines).rejected(new DuplicateKeys.KeptLines() {
            @Override
            public long keptLine(String contractId) {
                return ids.keptLine(contractId);
            }

            @Override
            public void rejected(String contractId, long line) {}
        });
        repeated.replaceAll((id, lines) -> lines.stream().sorted().toList());
        return repeated;
    }

    private static List<String> union(Map<String, List<Long>> a, Map<String, List<Long>> b) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return new ArrayList<>(keys.keySet());
    }

    private static String id(Random random) {
        StringBuilder id = new StringBuilder();
        id.append(ALPHABET.charAt(random.nextInt(36)));
        for (int i = 0, n = random.nextInt(12); i < n; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
