package org.smartphone.payroll.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.reconciliation.ReturnMatching.Placement;
import org.smartphone.payroll.reconciliation.ReturnParser.ReturnLine;
import org.smartphone.payroll.support.RepeatedKeys;

/**
 * SPEC 4 and 5: a return line gives its order line the withheld amount when contract and matricule
 * match; otherwise it is UNEXPECTED (kept aside); a contract_id on two lines makes all of them invalid, whether
 * the order has it or not.
 */
class ReturnMatchingTests {

    private static OrderLines order(String... contractMatricule) {
        OrderLines.Builder builder = new OrderLines.Builder();
        for (int i = 0; i < contractMatricule.length; i += 2) {
            builder.add(contractMatricule[i], contractMatricule[i + 1]);
        }
        return builder.build();
    }

    private static final OrderLines ORDER = order("C-1", "M-1", "C-2", "M-2", "C-3", "M-1");

    private final RepeatedKeys carriers = new RepeatedKeys();

    @Nested
    class Lines {

        @Test
        void aLineForTheOrderLinesContractAndMatriculeIsItsWithheldAmount() {
            ReturnMatching matching = new ReturnMatching(ORDER, carriers);
            assertThat(matching.place(new ReturnLine(2, "C-2", "M-2", 6_500))).isEqualTo(Placement.ORDER_LINE);
            assertThat(matching.withheldXof(ORDER.indexOf("C-2"))).isEqualTo(6_500);
            assertThat(matching.withheldXof(ORDER.indexOf("C-1"))).isZero();
        }

        @Test
        void aLineWithAnotherMatriculeIsKeptAsideAndLeavesTheOrderLineUnwithheld() {
            ReturnMatching matching = new ReturnMatching(ORDER, carriers);
            assertThat(matching.place(new ReturnLine(2, "C-3", "M-2", 9_000))).isEqualTo(Placement.ASIDE);
            assertThat(matching.withheldXof(ORDER.indexOf("C-3"))).isZero();
        }

        @Test
        void aLineForAContractWithoutOrderLineIsKeptAside() {
            ReturnMatching matching = new ReturnMatching(ORDER, carriers);
            assertThat(matching.place(new ReturnLine(2, "C-9", "M-1", 1_000))).isEqualTo(Placement.ASIDE);
            assertThat(carriers.rejected(matching)).isEmpty();
        }
    }

    @Nested
    class RepeatedContracts {

        @Test
        void aSecondLineMakesBothInvalidAndTheOrderLineCountsAsNotInTheReturn() {
            ReturnMatching matching = new ReturnMatching(ORDER, carriers);
            matching.place(new ReturnLine(2, "C-1", "M-1", 5_000));
            assertThat(matching.place(new ReturnLine(7, "C-1", "M-1", 5_000))).isEqualTo(Placement.REPEAT);
            assertThat(carriers.rejected(matching)).isEqualTo(Map.of("C-1", List.of(2L, 7L)));
            assertThat(matching.withheldXof(ORDER.indexOf("C-1"))).isZero();
        }

        @Test
        void aFirstLineWithAnotherMatriculeStillMakesTheNextOneARepeat() {
            ReturnMatching matching = new ReturnMatching(ORDER, carriers);
            assertThat(matching.place(new ReturnLine(3, "C-2", "X", 100))).isEqualTo(Placement.ASIDE);
            assertThat(matching.place(new ReturnLine(4, "C-2", "M-2", 7_000))).isEqualTo(Placement.REPEAT);
            assertThat(carriers.rejected(matching)).isEqualTo(Map.of("C-2", List.of(3L, 4L)));
        }

        @Test
        void anInvalidLineCarryingTheContractCountsAsACarrier() {
            ReturnMatching matching = new ReturnMatching(ORDER, carriers);
            matching.place(new ReturnLine(5, "C-3", "M-1", 9_000));
            assertThat(carriers.invalid(Map.of("C-3", List.of(2L))).rejected(matching))
                    .isEqualTo(Map.of("C-3", List.of(5L, 2L)));
            assertThat(matching.withheldXof(ORDER.indexOf("C-3"))).isZero();
        }

        @Test
        void oneInvalidLineAloneIsNoRepeat() {
            ReturnMatching matching = new ReturnMatching(ORDER, carriers);
            matching.place(new ReturnLine(5, "C-1", "M-1", 5_000));
            assertThat(carriers.invalid(Map.of("C-2", List.of(3L))).rejected(matching))
                    .isEmpty();
            assertThat(matching.withheldXof(ORDER.indexOf("C-1"))).isEqualTo(5_000);
        }

        @Test
        void twoInvalidLinesCarryingAContractOfTheOrderAreRepeats() {
            ReturnMatching matching = new ReturnMatching(ORDER, carriers);
            assertThat(carriers.invalid(Map.of("C-2", List.of(3L, 8L))).rejected(matching))
                    .isEqualTo(Map.of("C-2", List.of(3L, 8L)));
        }

        @Test
        void linesOfAContractOutsideTheOrderAreRepeatsTooValidOrNot() {
            ReturnMatching matching = new ReturnMatching(ORDER, carriers);
            assertThat(matching.place(new ReturnLine(4, "C-9", "M-1", 1_000))).isEqualTo(Placement.ASIDE);
            assertThat(matching.place(new ReturnLine(6, "C-9", "M-1", 1_000))).isEqualTo(Placement.ASIDE);
            assertThat(carriers.invalid(Map.of("C-9", List.of(3L), "C-8", List.of(5L)))
                            .rejected(matching))
                    .isEqualTo(Map.of("C-9", List.of(3L, 4L, 6L)));
        }
    }

    /**
     * Random orders and returns (repeats, other matricules, unknown contracts, invalid lines) against
     * the rule written the plain way: count every line carrying each contract_id.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void matchesThePlainRuleOnRandomReturns(long seed) {
        Random random = new Random(seed);
        TreeMap<String, String[]> orderLines = new TreeMap<>(); // contract -> {matricule, expected}
        int contracts = 1 + random.nextInt(300);
        for (int i = 0; i < contracts; i++) {
            orderLines.put(
                    "C" + random.nextInt(1_000),
                    new String[] {"M" + random.nextInt(100), Long.toString(1 + random.nextInt(50_000))});
        }
        OrderLines.Builder builder = new OrderLines.Builder();
        orderLines.forEach((id, line) -> builder.add(id, line[0]));
        OrderLines order = builder.build();

        ReturnMatching matching = new ReturnMatching(order, carriers);
        Map<String, List<Long>> lines = new HashMap<>();
        Map<String, List<Long>> invalid = new HashMap<>();
        List<ReturnLine> valid = new ArrayList<>();
        int count = random.nextInt(400);
        for (long line = 2; line < count + 2; line++) {
            String id = random.nextInt(10) == 0
                    ? "C" + random.nextInt(1_000)
                    : new ArrayList<>(orderLines.keySet()).get(random.nextInt(orderLines.size()));
            lines.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
            if (random.nextInt(20) == 0) {
                invalid.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
                continue;
            }
            String matricule = orderLines.containsKey(id) && random.nextInt(8) != 0
                    ? orderLines.get(id)[0]
                    : "M" + random.nextInt(100);
            ReturnLine returnLine = new ReturnLine(line, id, matricule, random.nextInt(60_000));
            valid.add(returnLine);
            Placement placement = matching.place(returnLine);
            boolean firstValid =
                    valid.stream().filter(v -> v.contractId().equals(id)).count() == 1;
            if (!orderLines.containsKey(id)) {
                assertThat(placement).isEqualTo(Placement.ASIDE);
            } else if (!firstValid) {
                assertThat(placement).isEqualTo(Placement.REPEAT);
            } else {
                assertThat(placement)
                        .isEqualTo(matricule.equals(orderLines.get(id)[0]) ? Placement.ORDER_LINE : Placement.ASIDE);
            }
        }

        Map<String, List<Long>> expectedRepeats = new TreeMap<>();
        lines.forEach((id, all) -> {
            if (all.size() > 1) {
                expectedRepeats.put(id, all);
            }
        });
        Map<String, List<Long>> repeats = carriers.invalid(invalid).rejected(matching);
        assertThat(repeats.keySet()).isEqualTo(expectedRepeats.keySet());
        repeats.forEach((id, all) -> assertThat(new TreeSet<>(all)).isEqualTo(new TreeSet<>(expectedRepeats.get(id))));
        for (String id : orderLines.keySet()) {
            List<ReturnLine> forId =
                    valid.stream().filter(v -> v.contractId().equals(id)).toList();
            long expectedWithheld = lines.getOrDefault(id, List.of()).size() == 1
                            && forId.size() == 1
                            && forId.get(0).matricule().equals(orderLines.get(id)[0])
                    ? forId.get(0).amountXof()
                    : 0;
            assertThat(matching.withheldXof(order.indexOf(id))).as(id).isEqualTo(expectedWithheld);
        }
    }

    @Nested
    class Order {

        @Test
        void findsEveryContractAndNothingElse() {
            OrderLines order = order("A", "M", "A-1", "M", "AB", "M", "B.7", "M", "Z_9", "M");
            assertThat(List.of("A", "A-1", "AB", "B.7", "Z_9").stream().map(order::indexOf))
                    .containsExactly(0, 1, 2, 3, 4);
            assertThat(List.of("", "a", "A-", "A-10", "B", "ZZ", "É", "0").stream()
                            .map(order::indexOf))
                    .containsOnly(-1);
            assertThat(order.heldBy(0, "M")).isTrue();
            assertThat(order.heldBy(0, "M1")).isFalse();
        }

        @Test
        void refusesContractsOutOfOrderOrRepeated() {
            assertThatThrownBy(() -> order("B", "M", "A", "M")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> order("A", "M", "A", "M")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
