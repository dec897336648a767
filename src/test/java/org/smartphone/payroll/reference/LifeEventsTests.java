package org.smartphone.payroll.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The programmes with money outside the payroll that the comparison with the engine plays: valid
 * inputs only (the model refuses anything else), every case of SPEC 7.1 and 7.2 reached over a few
 * seeds, and the model's invariants kept.
 */
class LifeEventsTests {

    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9][A-Z0-9/._-]{0,63}");
    private static final LocalDate TODAY = LocalDate.parse("2025-12-31");

    @Test
    void generatedProgrammesReachEveryCaseAndKeepTheInvariants() {
        Map<String, Integer> seen = new HashMap<>();
        for (long seed = 0; seed < 30; seed++) {
            Scenario scenario = ScenarioGenerator.generate(seed, 40, 14, "2024-01");
            ReferenceProgramme ref = new ReferenceProgramme();
            List<ProgrammeStep> steps = LifeEvents.play(scenario, ref, TODAY);
            Set<String> inputs = new HashSet<>();
            for (ProgrammeStep step : steps) {
                String command = String.join(" ", step.arguments());
                seen.merge(command.replaceFirst(" --.*", ""), 1, Integer::sum);
                if (step.inputName() != null) {
                    assertThat(inputs.add(command.replaceFirst(" --.*", "") + step.inputRows()))
                            .as("the same file twice would be refused as processed: %s", step.commandLine())
                            .isTrue();
                }
                for (Map.Entry<String, List<List<String>>> out : step.outputs().entrySet()) {
                    String kind = out.getKey().replaceFirst(".*/", "");
                    for (List<String> row : out.getValue()) {
                        assertThat(row).hasSameSizeAs(ReferenceProgramme.header(kind));
                        if (kind.startsWith("payments-")) {
                            seen.merge("payment " + row.get(10), 1, Integer::sum);
                        } else if (kind.startsWith("deduction-stops-")) {
                            seen.merge(row.get(5).equals("0") ? "stop to 0" : "stop above 0", 1, Integer::sum);
                        } else if (kind.startsWith("reconciliation-")
                                && row.get(3).equals("0")
                                && !row.get(8).equals("UNEXPECTED")) {
                            seen.merge("reconciled stop to 0 " + row.get(8), 1, Integer::sum);
                        }
                    }
                }
                if (step.arguments().get(0).equals("record-payments")) {
                    for (List<String> line : step.inputRows()) {
                        assertThat(line.get(1)).matches(REFERENCE);
                        assertThat(LocalDate.parse(line.get(5))).isBeforeOrEqualTo(TODAY);
                        if (!line.get(0).equals(line.get(0).toUpperCase(java.util.Locale.ROOT))) {
                            seen.merge("lower-case channel", 1, Integer::sum);
                        }
                    }
                }
            }
            // the money balances (SPEC 7.7): withheld + payments = posted + refunds due, over every run
            long arrived = 0;
            long posted = 0;
            long refundsDue = 0;
            for (ProgrammeStep step : steps) {
                for (Map.Entry<String, List<List<String>>> out : step.outputs().entrySet()) {
                    String kind = out.getKey().replaceFirst(".*/", "");
                    for (List<String> row : out.getValue()) {
                        if (kind.startsWith("reconciliation-")) {
                            arrived += Long.parseLong(row.get(4));
                            posted += Long.parseLong(row.get(6));
                            refundsDue += Long.parseLong(row.get(7));
                        } else if (kind.startsWith("payments-")) {
                            arrived += Long.parseLong(row.get(6));
                            posted += Long.parseLong(row.get(7));
                            refundsDue += Long.parseLong(row.get(8));
                        }
                    }
                }
            }
            assertThat(arrived).isEqualTo(posted + refundsDue);
            assertThat(posted).isEqualTo(ref.totalCollected());
            assertThat(refundsDue).isEqualTo(ref.refundsOriginalTotal());
            // conservation: every franc of every item is DUE, INSTRUCTED or PAID (no reductions before 7.3)
            assertThat(ref.refundsOriginalTotal())
                    .isEqualTo(ref.refundsTotal(RefRefundItem.DUE)
                            + ref.refundsTotal(RefRefundItem.INSTRUCTED)
                            + ref.refundsTotal(RefRefundItem.PAID));
            for (String id : ref.contractIds()) {
                assertThat(ref.collected(id)).isBetween(0L, ref.financed(id));
                assertThat(ref.contractState(id).equals("SETTLED")).isEqualTo(ref.outstanding(id) == 0);
            }
        }
        assertThat(seen)
                .as("%s", seen)
                .containsKeys(
                        "payment POSTED",
                        "payment SETTLED",
                        "payment REFUNDED",
                        "stop to 0",
                        "stop above 0",
                        "reconciled stop to 0 OVER",
                        "reconciled stop to 0 MATCHED",
                        "lower-case channel",
                        "refunds issue",
                        "refunds confirm",
                        "refunds release");
    }

    @Test
    void theSameSeedPlaysTheSameProgramme() {
        Scenario scenario = ScenarioGenerator.generate(5, 30, 13, "2024-01");
        assertThat(LifeEvents.play(scenario, new ReferenceProgramme(), TODAY))
                .isEqualTo(LifeEvents.play(scenario, new ReferenceProgramme(), TODAY));
    }
}
