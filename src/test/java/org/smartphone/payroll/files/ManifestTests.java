package org.smartphone.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SPEC 5: the run manifest holds the input's name and SHA-256 and, per output, its record count and totals. */
class ManifestTests {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String INPUT_SHA = "a".repeat(64);
    private static final String DEDUCTIONS_SHA = "b".repeat(64);
    private static final String EXCEPTIONS_SHA = "c".repeat(64);

    private static Manifest deductionManifest() {
        Manifest manifest = new Manifest("deduction", "2026-03", "payroll-2026-03.csv", INPUT_SHA);
        manifest.add(
                new Outbox.PublishedFile("deductions-2026-03.csv", 2, DEDUCTIONS_SHA), Map.of("amount_xof", 15_000L));
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("due_xof", 9_000L);
        totals.put("amount_xof", 1_000L);
        totals.put("shortfall_xof", 8_000L); // 9000 − 1000
        manifest.add(new Outbox.PublishedFile("deduction-exceptions-2026-03.csv", 1, EXCEPTIONS_SHA), totals);
        return manifest;
    }

    @Nested
    class Content {

        @Test
        void namesTheRunTheInputAndEveryOutput() throws Exception {
            JsonNode json = JSON.readTree(deductionManifest().toJson());

            assertThat(json.get("run").asString()).isEqualTo("deduction");
            assertThat(json.get("period").asString()).isEqualTo("2026-03");
            assertThat(json.get("input").get("name").asString()).isEqualTo("payroll-2026-03.csv");
            assertThat(json.get("input").get("sha256").asString()).isEqualTo(INPUT_SHA);
            assertThat(json.get("outputs")).hasSize(2);

            JsonNode deductions = json.get("outputs").get(0);
            assertThat(deductions.get("file").asString()).isEqualTo("deductions-2026-03.csv");
            assertThat(deductions.get("sha256").asString()).isEqualTo(DEDUCTIONS_SHA);
            assertThat(deductions.get("records").asLong()).isEqualTo(2);
            assertThat(deductions.get("totals").get("amount_xof").isIntegralNumber())
                    .isTrue();
            assertThat(deductions.get("totals").get("amount_xof").asLong()).isEqualTo(15_000);

            JsonNode exceptions = json.get("outputs").get(1);
            assertThat(exceptions.get("file").asString()).isEqualTo("deduction-exceptions-2026-03.csv");
            assertThat(exceptions.get("records").asLong()).isEqualTo(1);
            assertThat(List.of(
                            exceptions.get("totals").propertyNames().iterator().next()))
                    .containsExactly("due_xof");
            assertThat(exceptions.get("totals").get("shortfall_xof").asLong()).isEqualTo(8_000);
        }

        @Test
        void negativeTotalsAreJsonIntegers() throws Exception {
            Manifest manifest = new Manifest("reconciliation", "2026-03", "withheld-2026-03.csv", INPUT_SHA);
            manifest.add(
                    new Outbox.PublishedFile("reconciliation-2026-03.csv", 1, DEDUCTIONS_SHA),
                    Map.of("difference_xof", -2_000L));

            JsonNode totals =
                    JSON.readTree(manifest.toJson()).get("outputs").get(0).get("totals");

            assertThat(totals.get("difference_xof").isIntegralNumber()).isTrue();
            assertThat(totals.get("difference_xof").asLong()).isEqualTo(-2_000);
        }

        @Test
        void aRunWithoutOutputsHasAnEmptyList() throws Exception {
            JsonNode json = JSON.readTree(new Manifest("deduction", "2026-03", "p.csv", INPUT_SHA).toJson());

            assertThat(json.get("outputs").isArray()).isTrue();
            assertThat(json.get("outputs")).isEmpty();
        }
    }

    @Nested
    class Layout {

        @Test
        void isTheOneAuditorsKnowTopFieldsOnALineEachOutputOnOneLine() {
            assertThat(deductionManifest().toJson())
                    .isEqualTo("""
                    {
                      "run": "deduction",
                      "period": "2026-03",
                      "input": {"name": "payroll-2026-03.csv", "sha256": "%s"},
                      "outputs": [
                        {"file": "deductions-2026-03.csv", "sha256": "%s", "records": 2, "totals": \
                    {"amount_xof": 15000}},
                        {"file": "deduction-exceptions-2026-03.csv", "sha256": "%s", "records": 1, "totals": \
                    {"due_xof": 9000, "amount_xof": 1000, "shortfall_xof": 8000}}
                      ]
                    }
                    """.formatted(INPUT_SHA, DEDUCTIONS_SHA, EXCEPTIONS_SHA));
        }

        @Test
        void anEmptyListClosesOnItsOwnLine() {
            assertThat(new Manifest("deduction", "2026-03", "p.csv", INPUT_SHA).toJson())
                    .isEqualTo("""
                    {
                      "run": "deduction",
                      "period": "2026-03",
                      "input": {"name": "p.csv", "sha256": "%s"},
                      "outputs": [
                      ]
                    }
                    """.formatted(INPUT_SHA));
        }

        @Test
        void namesAreWrittenAsTheyAreExceptForQuotesAndBackslashes() {
            assertThat(new Manifest("deduction", "2026-03", "pay\"roll\\été/2026.csv", INPUT_SHA).toJson())
                    .contains("\"input\": {\"name\": \"pay\\\"roll\\\\été/2026.csv\", ");
        }
    }

    @Nested
    class Escaping {

        @Test
        void anyInputNameIsValidJsonAndReadsBack() throws Exception {
            String name = "pay\"roll\\2026\u0001\t\n-été.csv";

            JsonNode json = JSON.readTree(new Manifest("deduction", "2026-03", name, INPUT_SHA).toJson());

            assertThat(json.get("input").get("name").asString()).isEqualTo(name);
        }
    }

    @Nested
    class ReadBack {

        @Test
        void givesEveryOutputWithItsDigestRecordsAndTotals() {
            List<Manifest.Output> outputs =
                    Manifest.outputsOf(deductionManifest().toJson());

            assertThat(outputs).hasSize(2);
            assertThat(outputs.get(0))
                    .isEqualTo(new Manifest.Output(
                            "deductions-2026-03.csv", DEDUCTIONS_SHA, 2, Map.of("amount_xof", 15_000L)));
            assertThat(outputs.get(1).totals()).containsEntry("due_xof", 9_000L).containsEntry("shortfall_xof", 8_000L);
        }

        @Test
        void refusesWhatIsNotAManifest() {
            for (String text : List.of(
                    "",
                    "not json",
                    "{}",
                    "{\"outputs\": {}}",
                    "{\"outputs\": [{\"file\": \"a.csv\", \"sha256\": \"x\", \"records\": 1.5, \"totals\": {}}]}",
                    "{\"outputs\": [{\"file\": \"a.csv\", \"sha256\": \"x\", \"records\": 1,"
                            + " \"totals\": {\"amount_xof\": \"12\"}}]}")) {
                assertThatThrownBy(() -> Manifest.outputsOf(text))
                        .as(text)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Nested
    class Reproducibility {

        @Test
        void theSameRunGivesTheSameManifest() {
            assertThat(deductionManifest().toJson())
                    .isEqualTo(deductionManifest().toJson());
        }
    }
}
