package org.smartphone.payroll.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generator produces valid, varied scenarios, and the reference keeps its invariants on them. */
class ScenarioGeneratorTests {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z0-9][A-Z0-9/._-]{0,31}");

    static LongStream manySeeds() {
        return LongStream.range(0, 200);
    }

    static LongStream playSeeds() {
        return LongStream.range(1_000, 1_060);
    }

    /** About 200 × 40 = 8 000 random contracts, each with rounding units 1 and 100. */
    @ParameterizedTest
    @MethodSource("manySeeds")
    void installmentsOfGeneratedContractsAddUpToFinanced(long seed) {
        Scenario s = ScenarioGenerator.generate(seed);
        for (long unit : new long[] {1, 100}) {
            ReferenceProgramme ref = new ReferenceProgramme(1, 3, unit, "SMARTPHONE");
            ref.importContracts(s.contracts());
            for (RefContract c : s.contracts()) {
                List<Long> inst = ref.installments(c.contractId());
                assertThat(inst).hasSize(c.termMonths());
                assertThat(inst.stream().mapToLong(Long::longValue).sum()).isEqualTo(c.financedXof());
                if (c.termMonths() > 1) {
                    assertThat(inst.get(0) % unit).isZero(); // with a single installment, it is the whole amount
                }
                assertThat(ref.scheduled(
                                c.contractId(),
                                c.firstPeriod().plusMonths(c.termMonths() - 1L).toString()))
                        .isEqualTo(c.financedXof());
                assertThat(ref.scheduled(
                                c.contractId(), c.firstPeriod().minusMonths(1).toString()))
                        .isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("manySeeds")
    void generatedInputsAreValid(long seed) {
        Scenario s = ScenarioGenerator.generate(seed);
        Set<String> ids = new HashSet<>();
        Map<String, Integer> perMatricule = new HashMap<>();
        for (RefContract c : s.contracts()) {
            assertThat(ids.add(c.contractId())).isTrue();
            assertThat(c.contractId()).matches(IDENTIFIER);
            assertThat(c.matricule()).matches(IDENTIFIER);
            assertThat(c.priceXof()).isBetween(45_000L, 350_000L);
            assertThat(c.downPaymentXof()).isBetween(0L, c.priceXof() / 3);
            assertThat(c.termMonths()).isBetween(1, 24);
            assertThat(c.fullName())
                    .doesNotContain("\n", "\r", "\t")
                    .isEqualTo(c.fullName().strip());
            assertThat(c.firstPeriod().toString())
                    .isGreaterThanOrEqualTo(s.periods().get(0));
            perMatricule.merge(c.matricule(), 1, Integer::sum);
            Scenario.ContractExtras x = s.extras(c.contractId());
            if (x.imei() != null) {
                assertThat(x.imei()).matches("\\d{15}");
                assertThat(ScenarioGenerator.luhnValid(x.imei())).isTrue();
            }
        }
        assertThat(perMatricule.values()).allMatch(n -> n >= 1 && n <= 3);
        assertThat(s.contracts()).extracting(RefContract::fullName).contains("=Afi Dzifa", "Lawson, Kafui Ama");
        for (String period : s.periods()) {
            Set<String> holdersSeen = new HashSet<>();
            for (RefPayrollRow r : s.register(period)) {
                assertThat(r.matricule()).matches(IDENTIFIER);
                if (perMatricule.containsKey(r.matricule())) {
                    assertThat(holdersSeen.add(r.matricule()))
                            .as("holder twice in a register")
                            .isTrue();
                }
            }
        }
    }

    @Test
    void sameSeedSameScenarioAndSameOutcomes() {
        Scenario a = ScenarioGenerator.generate(42);
        Scenario b = ScenarioGenerator.generate(42);
        assertThat(a.contracts()).isEqualTo(b.contracts());
        assertThat(a.periods()).isEqualTo(b.periods());
        for (String p : a.periods()) {
            assertThat(a.register(p)).isEqualTo(b.register(p));
        }
        assertThat(a.playOn(new ReferenceProgramme())).isEqualTo(b.playOn(new ReferenceProgramme()));
        assertThat(ScenarioGenerator.generate(43).contracts()).isNotEqualTo(a.contracts());
    }

    @ParameterizedTest
    @MethodSource("playSeeds")
    void referenceInvariantsHoldOnGeneratedScenarios(long seed) {
        Scenario s = ScenarioGenerator.generate(seed);
        ReferenceProgramme ref = new ReferenceProgramme();
        List<Scenario.MonthOutcome> outcomes = s.playOn(ref);
        assertThat(outcomes).hasSize(s.periods().size());
        long totalPosted = 0;
        for (Scenario.MonthOutcome o : outcomes) {
            // capacity per matricule is respected
            Map<String, Long> instructedPerMatricule = new HashMap<>();
            for (List<String> d : o.deduction().deductions()) {
                assertThat(d).hasSize(6);
                assertThat(Long.parseLong(d.get(5))).isPositive();
                instructedPerMatricule.merge(d.get(1), Long.parseLong(d.get(5)), Long::sum);
            }
            for (RefPayrollRow r : o.register()) {
                Long instructed = instructedPerMatricule.get(r.matricule());
                if (instructed != null) {
                    assertThat(r.status()).isEqualTo("ACTIVE");
                    assertThat(instructed).isLessThanOrEqualTo(Math.max(0, r.netPayXof()) / 3);
                }
            }
            for (List<String> e : o.deduction().exceptions()) {
                long due = Long.parseLong(e.get(4));
                long amount = Long.parseLong(e.get(5));
                assertThat(Long.parseLong(e.get(6))).isEqualTo(due - amount).isPositive();
            }
            assertSorted(o.deduction().deductions());
            assertSorted(o.deduction().exceptions());
            for (List<String> r : o.reconciliation().reconciliation()) {
                long e = Long.parseLong(r.get(3));
                long w = Long.parseLong(r.get(4));
                long posted = Long.parseLong(r.get(6));
                long refund = Long.parseLong(r.get(7));
                assertThat(Long.parseLong(r.get(5))).isEqualTo(w - e);
                if (r.get(8).equals("UNEXPECTED")) {
                    assertThat(e).isZero();
                    assertThat(posted).isZero();
                    assertThat(refund).isEqualTo(w).isPositive();
                } else if (r.get(8).equals("NOT_WITHHELD")) {
                    assertThat(w).isZero();
                    assertThat(posted).isZero();
                } else {
                    assertThat(posted + refund).isEqualTo(w);
                }
                totalPosted += posted;
            }
            assertSorted(o.reconciliation().reconciliation());
            for (List<String> a : o.reconciliation().arrears()) {
                long months = Long.parseLong(a.get(8));
                assertThat(months).isPositive();
                assertThat(a.get(9)).isEqualTo(months == 1 ? "MONTHS_1" : months == 2 ? "MONTHS_2" : "MONTHS_3_PLUS");
                assertThat(Long.parseLong(a.get(5))).isPositive().isLessThanOrEqualTo(Long.parseLong(a.get(6)));
                // PRIOR_ARREARS cannot arise: a contract still overdue after M had due > 0 in M, so it either
                // has an exception in M or an order line that, if MATCHED or OVER, cleared the overdue amount
                assertThat(a.get(10)).isNotEqualTo("PRIOR_ARREARS");
            }
            assertSorted(o.reconciliation().arrears());
        }
        assertThat(ref.totalCollected()).isEqualTo(totalPosted);
        for (RefContract c : s.contracts()) {
            assertThat(ref.collected(c.contractId())).isBetween(0L, c.financedXof());
            assertThat(ref.isSettled(c.contractId())).isEqualTo(ref.outstanding(c.contractId()) == 0);
        }
    }

    @Test
    void scenariosExerciseEveryReasonAndStatus() {
        Set<String> seen = new HashSet<>();
        boolean refundBeyondBalance = false;
        boolean twoRowsForOneContract = false;
        boolean settled = false;
        boolean sharedCapacity = false;
        for (long seed = 1_000; seed < 1_060; seed++) {
            Scenario s = ScenarioGenerator.generate(seed);
            ReferenceProgramme ref = new ReferenceProgramme();
            for (Scenario.MonthOutcome o : s.playOn(ref)) {
                for (List<String> e : o.deduction().exceptions()) {
                    seen.add(e.get(7));
                }
                List<String> previousContract = new ArrayList<>();
                for (List<String> r : o.reconciliation().reconciliation()) {
                    seen.add(r.get(8));
                    if (!r.get(8).equals("UNEXPECTED") && Long.parseLong(r.get(7)) > 0) {
                        refundBeyondBalance = true;
                    }
                    if (previousContract.contains(r.get(2))) {
                        twoRowsForOneContract = true;
                    }
                    previousContract.add(r.get(2));
                }
                for (List<String> a : o.reconciliation().arrears()) {
                    seen.add(a.get(9));
                    seen.add("arrears:" + a.get(10));
                }
                Map<String, Integer> linesPerMatricule = new HashMap<>();
                for (List<String> d : o.deduction().deductions()) {
                    linesPerMatricule.merge(d.get(1), 1, Integer::sum);
                }
                for (List<String> e : o.deduction().exceptions()) {
                    if (e.get(7).equals("CAPPED") && linesPerMatricule.getOrDefault(e.get(1), 0) > 0) {
                        sharedCapacity = true;
                    }
                }
            }
            for (RefContract c : s.contracts()) {
                settled |= ref.isSettled(c.contractId());
            }
        }
        assertThat(seen)
                .contains(
                        "NOT_IN_PAYROLL",
                        "EMPLOYEE_SUSPENDED",
                        "EMPLOYEE_LEFT",
                        "EMPLOYEE_RETIRED",
                        "EMPLOYEE_DECEASED",
                        "CAPPED",
                        "MATCHED",
                        "NOT_WITHHELD",
                        "SHORT",
                        "OVER",
                        "UNEXPECTED",
                        "MONTHS_1",
                        "MONTHS_2",
                        "MONTHS_3_PLUS",
                        "arrears:NOT_WITHHELD",
                        "arrears:SHORT",
                        "arrears:CAPPED",
                        "arrears:NOT_IN_PAYROLL");
        assertThat(refundBeyondBalance).isTrue();
        assertThat(twoRowsForOneContract).isTrue();
        assertThat(settled).isTrue();
        assertThat(sharedCapacity).isTrue();
    }

    private static void assertSorted(List<List<String>> rows) {
        for (int i = 1; i < rows.size(); i++) {
            List<String> a = rows.get(i - 1);
            List<String> b = rows.get(i);
            int byContract = ReferenceProgramme.BY_CODE_POINT.compare(a.get(2), b.get(2));
            assertThat(byContract == 0 ? ReferenceProgramme.BY_CODE_POINT.compare(a.get(1), b.get(1)) : byContract)
                    .as("row order %s then %s", a, b)
                    .isNegative();
        }
    }
}
