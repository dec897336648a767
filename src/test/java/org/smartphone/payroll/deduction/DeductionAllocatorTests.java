package org.smartphone.payroll.deduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.config.CapRatio;
import org.smartphone.payroll.period.Period;

/** SPEC 3: what each contract of one matricule is instructed, and why it is less than its due. */
class DeductionAllocatorTests {

    private static final CapRatio ONE_THIRD = new CapRatio(1, 3);
    private static final DeductionAllocator ALLOCATOR = new DeductionAllocator(ONE_THIRD);

    private static DueContract due(String contractId, String firstPeriod, long dueXof) {
        return new DueContract(contractId, "M-1", Period.parse(firstPeriod), dueXof);
    }

    private static PayrollEntry active(long netPay) {
        return new PayrollEntry("M-1", netPay, EmploymentStatus.ACTIVE);
    }

    @Nested
    class NothingInstructed {

        @Test
        void aMatriculeAbsentFromThePayrollGetsZeroNotInPayrollOnEveryContract() {
            // given
            List<DueContract> contracts = List.of(due("C-1", "2026-01", 5_000), due("C-2", "2026-02", 3_000));

            // when
            List<Instruction> instructions = ALLOCATOR.allocate(null, contracts);

            // then
            assertThat(instructions)
                    .extracting(i -> i.contract().contractId(), Instruction::amountXof, Instruction::reason)
                    .containsExactly(
                            tuple("C-1", 0L, DeductionReason.NOT_IN_PAYROLL),
                            tuple("C-2", 0L, DeductionReason.NOT_IN_PAYROLL));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
            "SUSPENDED, EMPLOYEE_SUSPENDED",
            "LEFT, EMPLOYEE_LEFT",
            "RETIRED, EMPLOYEE_RETIRED",
            "DECEASED, EMPLOYEE_DECEASED"
        })
        void aPersonNotActiveGetsZeroWithTheStatusReason(EmploymentStatus status, DeductionReason reason) {
            // given a net pay that could bear everything: 300000 / 3 = 100000 ≥ 5000 + 3000
            PayrollEntry entry = new PayrollEntry("M-1", 300_000, status);
            List<DueContract> contracts = List.of(due("C-1", "2026-01", 5_000), due("C-2", "2026-02", 3_000));

            // when
            List<Instruction> instructions = ALLOCATOR.allocate(entry, contracts);

            // then
            assertThat(instructions)
                    .extracting(Instruction::amountXof, Instruction::reason)
                    .containsExactly(tuple(0L, reason), tuple(0L, reason));
            assertThat(instructions).extracting(Instruction::shortfallXof).containsExactly(5_000L, 3_000L);
            assertThat(instructions).noneMatch(Instruction::isOrdered).allMatch(Instruction::isException);
        }
    }

    @Nested
    class EnoughCapacity {

        @Test
        void everyDueIsInstructedInFullWithoutReason() {
            // given capacity = floor(300000 / 3) = 100000 ≥ 5000 + 8000 = 13000
            List<DueContract> contracts = List.of(due("C-1", "2026-01", 5_000), due("C-2", "2026-02", 8_000));

            // when
            List<Instruction> instructions = ALLOCATOR.allocate(active(300_000), contracts);

            // then
            assertThat(instructions)
                    .extracting(Instruction::amountXof, Instruction::reason)
                    .containsExactly(tuple(5_000L, null), tuple(8_000L, null));
            assertThat(instructions).allMatch(Instruction::isOrdered).noneMatch(Instruction::isException);
        }

        @Test
        void aCapacityExactlyEqualToTheDuesIsEnough() {
            // capacity = 39000 / 3 = 13000 = 6000 + 7000
            List<Instruction> instructions = ALLOCATOR.allocate(
                    active(39_000), List.of(due("C-1", "2026-01", 6_000), due("C-2", "2026-01", 7_000)));

            assertThat(instructions)
                    .extracting(Instruction::amountXof, Instruction::reason)
                    .containsExactly(tuple(6_000L, null), tuple(7_000L, null));
        }
    }

    @Nested
    class SharedCapacity {

        @Test
        void contractsAreServedByFirstPeriodThenContractIdWhateverTheInputOrder() {
            // given capacity = floor(30000 / 3) = 10000, and B starting before A
            DueContract a = due("A", "2026-02", 7_000);
            DueContract b = due("B", "2026-01", 6_000);
            DueContract c = due("C", "2026-03", 4_000);

            // when: given in the order A, C, B
            List<Instruction> instructions = ALLOCATOR.allocate(active(30_000), List.of(a, c, b));

            // then: B (2026-01) gets 6000, 4000 left; A (2026-02) gets min(7000, 4000) = 4000, CAPPED, shortfall 3000;
            // C (2026-03) gets min(4000, 0) = 0, CAPPED, shortfall 4000
            assertThat(instructions)
                    .extracting(
                            i -> i.contract().contractId(),
                            Instruction::amountXof,
                            Instruction::reason,
                            Instruction::shortfallXof)
                    .containsExactly(
                            tuple("B", 6_000L, null, 0L),
                            tuple("A", 4_000L, DeductionReason.CAPPED, 3_000L),
                            tuple("C", 0L, DeductionReason.CAPPED, 4_000L));
            // 6000 + 4000 + 0 = 10000 = capacity
            assertThat(instructions.stream().mapToLong(Instruction::amountXof).sum())
                    .isEqualTo(10_000L);
        }

        @Test
        void contractIdsOfTheSameFirstPeriodAreComparedByCodePoint() {
            // given capacity = 15000 / 3 = 5000, two dues of 4000 starting the same month
            DueContract a1 = due("A1", "2026-01", 4_000);
            DueContract aDash1 = due("A-1", "2026-01", 4_000);

            // when
            List<Instruction> instructions = ALLOCATOR.allocate(active(15_000), List.of(a1, aDash1));

            // then: '-' (0x2D) < '1' (0x31), so A-1 gets 4000 and A1 gets 5000 − 4000 = 1000, CAPPED
            assertThat(instructions)
                    .extracting(i -> i.contract().contractId(), Instruction::amountXof, Instruction::reason)
                    .containsExactly(tuple("A-1", 4_000L, null), tuple("A1", 1_000L, DeductionReason.CAPPED));
        }

        @ParameterizedTest
        @CsvSource({"0", "-15000", "2"})
        void aNetPayThatBearsNothingCapsEveryContractAtZero(long netPay) {
            // floor(0 / 3) = 0; negative → 0; floor(2 / 3) = 0
            List<Instruction> instructions = ALLOCATOR.allocate(active(netPay), List.of(due("C-1", "2026-01", 1_000)));

            assertThat(instructions)
                    .extracting(Instruction::amountXof, Instruction::reason)
                    .containsExactly(tuple(0L, DeductionReason.CAPPED));
        }
    }

    @Nested
    class Properties {

        private static final String[] IDS = {"A", "A-1", "A1", "A.1", "B", "B/2", "C_3", "10", "9"};

        static IntStream seeds() {
            return IntStream.range(0, 20);
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("seeds")
        void amountsNeverExceedCapacityNorDueAndAReasonExactlyWhenShort(int seed) {
            Random random = new Random(40_260_000L + seed);
            EmploymentStatus[] statuses = EmploymentStatus.values();
            for (int n = 0; n < 500; n++) {
                // given a random ratio, register row and 1..5 contracts with a due above zero
                long q = 1 + random.nextInt(12);
                long p = random.nextLong(q + 1);
                CapRatio ratio = new CapRatio(p, q);
                long netPay = random.nextLong(2_000_000) - 200_000;
                PayrollEntry entry = random.nextInt(10) == 0
                        ? null
                        : new PayrollEntry(
                                "M-1",
                                netPay,
                                random.nextInt(4) == 0
                                        ? statuses[random.nextInt(statuses.length)]
                                        : EmploymentStatus.ACTIVE);
                List<String> ids = new ArrayList<>(List.of(IDS));
                Collections.shuffle(ids, random);
                List<DueContract> contracts = new ArrayList<>();
                for (int k = 0; k < 1 + random.nextInt(5); k++) {
                    contracts.add(new DueContract(
                            ids.get(k),
                            "M-1",
                            Period.parse("2026-01").plusMonths(random.nextInt(4)),
                            1 + random.nextLong(400_000)));
                }
                String label = "seed " + seed + " #" + n + ": " + ratio + ", " + entry + ", " + contracts;

                // when
                List<Instruction> instructions = new DeductionAllocator(ratio).allocate(entry, contracts);

                // then: capacity computed independently, 0 when not active
                boolean isActive = entry != null && entry.status() == EmploymentStatus.ACTIVE;
                long capacity = isActive && netPay > 0 ? netPay * p / q : 0;
                long totalDue =
                        contracts.stream().mapToLong(DueContract::dueXof).sum();
                assertThat(instructions)
                        .as(label)
                        .extracting(Instruction::contract)
                        .containsExactlyInAnyOrderElementsOf(contracts);
                long sum = 0;
                boolean capped = false;
                for (Instruction instruction : instructions) {
                    long amount = instruction.amountXof();
                    long dueXof = instruction.contract().dueXof();
                    assertThat(amount).as(label).isBetween(0L, dueXof);
                    assertThat(amount < dueXof).as(label).isEqualTo(instruction.reason() != null);
                    if (capped) {
                        // once a contract is capped nothing is left for the later ones
                        assertThat(amount).as(label).isZero();
                    }
                    capped |= amount < dueXof;
                    sum += amount;
                }
                assertThat(sum).as(label).isLessThanOrEqualTo(capacity).isEqualTo(Math.min(capacity, totalDue));
                // served in (first_period, contract_id) order
                assertThat(instructions)
                        .as(label)
                        .extracting(Instruction::contract)
                        .isSortedAccordingTo(DueContract.SERVICE_ORDER);
            }
        }
    }
}
