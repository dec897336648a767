package org.smartphone.payroll.deduction;

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
import org.smartphone.payroll.support.RepeatedKeys;

/**
 * The register rows of contract holders a deduction run keeps in memory (SPEC 3, 5): each holder's
 * row as read, and a holder's matricule on more than one line (valid or invalid) makes every such
 * line invalid and the holder absent from the payroll. Checked against a plain list of the lines.
 */
class HolderEntriesTests {

    private static final List<String> MINISTRIES = List.of("MEF", "MSANTE", "MEN", "MJ");

    @Test
    void keepsEachHoldersRowAndIgnoresNoOne() {
        RepeatedKeys carriers = new RepeatedKeys();
        HolderEntries entries = new HolderEntries(holders("A", "B", "C"), new int[16], carriers);

        entries.add(0, 2, new PayrollEntry("A", 150_000, EmploymentStatus.ACTIVE), "MEF");
        entries.add(2, 3, new PayrollEntry("C", 0, EmploymentStatus.RETIRED), null);
        Map<String, List<Long>> rejected = carriers.rejected(entries);

        assertThat(rejected).isEmpty();
        assertThat(entries.entry(0, "A")).isEqualTo(new PayrollEntry("A", 150_000, EmploymentStatus.ACTIVE));
        assertThat(entries.ministryCode(0)).isEqualTo("MEF");
        assertThat(entries.entry(1, "B")).isNull();
        assertThat(entries.ministryCode(1)).isNull();
        assertThat(entries.entry(2, "C")).isEqualTo(new PayrollEntry("C", 0, EmploymentStatus.RETIRED));
        assertThat(entries.ministryCode(2)).isNull();
    }

    @Test
    void aHolderOnAValidAndAnInvalidLineIsAbsentAndBothLinesAreRejected() {
        RepeatedKeys carriers = new RepeatedKeys();
        HolderEntries entries = new HolderEntries(holders("A", "B"), new int[16], carriers);
        entries.add(1, 7, new PayrollEntry("B", 90_000, EmploymentStatus.ACTIVE), "MEN");

        // the run gives only holders' invalid lines: Z holds no contract, so its repeats are not there
        Map<String, List<Long>> rejected =
                carriers.invalid(Map.of("B", List.of(4L), "A", List.of(9L))).rejected(entries);

        // A has one invalid line only
        assertThat(rejected).containsOnlyKeys("B");
        assertThat(rejected.get("B")).containsExactlyInAnyOrder(4L, 7L);
        assertThat(entries.entry(1, "B")).isNull();
        assertThat(entries.ministryCode(1)).isNull();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2026})
    void rejectsExactlyTheLinesOfMatriculesCarriedMoreThanOnce(long seed) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            names.add(String.format("M%04d", i));
        }
        RepeatedKeys carriers = new RepeatedKeys();
        HolderEntries entries =
                new HolderEntries(holders(names.toArray(String[]::new)), new int[names.size()], carriers);
        Map<String, List<Long>> validLines = new TreeMap<>();
        Map<String, List<Long>> invalidLines = new HashMap<>();
        Map<String, PayrollEntry> lastValid = new HashMap<>();
        Map<String, String> lastCode = new HashMap<>();
        for (long line = 2; line < 400; line++) {
            String matricule = names.get(random.nextInt(names.size()));
            if (random.nextInt(5) == 0) {
                invalidLines.computeIfAbsent(matricule, m -> new ArrayList<>()).add(line);
            } else {
                PayrollEntry entry = new PayrollEntry(
                        matricule, random.nextInt(500_000), EmploymentStatus.values()[random.nextInt(5)]);
                String code = random.nextBoolean() ? MINISTRIES.get(random.nextInt(MINISTRIES.size())) : null;
                entries.add(names.indexOf(matricule), line, entry, code);
                validLines.computeIfAbsent(matricule, m -> new ArrayList<>()).add(line);
                lastValid.put(matricule, entry);
                lastCode.put(matricule, code);
            }
        }

        Map<String, List<Long>> rejected = carriers.invalid(invalidLines).rejected(entries);

        for (String matricule : names) {
            List<Long> lines = new ArrayList<>(validLines.getOrDefault(matricule, List.of()));
            lines.addAll(invalidLines.getOrDefault(matricule, List.of()));
            int holder = names.indexOf(matricule);
            if (lines.size() > 1) {
                assertThat(rejected.get(matricule)).as(matricule).containsExactlyInAnyOrderElementsOf(lines);
                assertThat(entries.entry(holder, matricule)).as(matricule).isNull();
            } else {
                assertThat(rejected).as(matricule).doesNotContainKey(matricule);
                // a single valid line is the holder's row; a single invalid one leaves the holder absent
                assertThat(entries.entry(holder, matricule)).as(matricule).isEqualTo(lastValid.get(matricule));
                assertThat(entries.ministryCode(holder)).as(matricule).isEqualTo(lastCode.get(matricule));
            }
        }
    }

    private static HolderSet holders(String... matricules) {
        HolderSet.Builder builder = new HolderSet.Builder();
        for (String matricule : matricules) {
            builder.add(matricule);
        }
        return builder.build();
    }
}
