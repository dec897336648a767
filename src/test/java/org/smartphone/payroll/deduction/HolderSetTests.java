package org.smartphone.payroll.deduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The set of contract holders a deduction run keeps while reading the register (SPEC 3: rows of
 * people without an open contract are read and ignored): it must answer exactly as a plain set of
 * strings would, for holders, for people without a contract, and for text that is no matricule.
 */
class HolderSetTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/._";

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void answersAsASetOfStringsWould(long seed) {
        Random random = new Random(seed);
        TreeSet<String> holders = new TreeSet<>();
        int count = random.nextInt(5000);
        for (int i = 0; i < count; i++) {
            holders.add(matricule(random));
        }
        HolderSet.Builder builder = new HolderSet.Builder();
        for (String holder : holders) {
            // a holder of several contracts comes once per contract
            for (int repeat = random.nextInt(3); repeat >= 0; repeat--) {
                builder.add(holder);
            }
        }
        HolderSet set = builder.build();

        assertThat(set.size()).isEqualTo(holders.size());
        int position = 0;
        for (String holder : holders) {
            assertThat(set.contains(holder)).as(holder).isTrue();
            // positions follow ascending order and give the matricule back: arrays beside the set rely on it
            assertThat(set.indexOf(holder)).as(holder).isEqualTo(position);
            assertThat(set.matricule(position)).isEqualTo(holder);
            position++;
        }
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            probes.add(matricule(random));
        }
        for (String holder : holders) {
            probes.add(holder.substring(0, holder.length() - 1));
            probes.add(holder + "0");
            probes.add(holder.toLowerCase());
        }
        probes.add("");
        probes.add("MAT-\u00c9T\u00c9");
        for (String probe : probes) {
            assertThat(set.contains(probe)).as(probe).isEqualTo(holders.contains(probe));
            assertThat(set.indexOf(probe))
                    .as(probe)
                    .isEqualTo(holders.contains(probe) ? holders.headSet(probe).size() : -1);
        }
    }

    @Test
    void anEmptySetHoldsNothing() {
        HolderSet set = new HolderSet.Builder().build();

        assertThat(set.size()).isZero();
        assertThat(set.contains("MAT-1")).isFalse();
        assertThat(set.contains("")).isFalse();
    }

    @Test
    void refusesMatriculesOutOfOrderRatherThanAnsweringWrongly() {
        HolderSet.Builder builder = new HolderSet.Builder().add("MAT-2");

        assertThatThrownBy(() -> builder.add("MAT-1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String matricule(Random random) {
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 32 : 8);
        StringBuilder text = new StringBuilder();
        text.append(ALPHABET.charAt(random.nextInt(36)));
        for (int i = 1; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
