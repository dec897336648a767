package org.smartphone.payroll.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code <run>-YYYY-MM.manifest.json} of a deduction or reconciliation run (SPEC 5): the input's
 * name and SHA-256 and, per output file, its record count and amount totals. It holds no clock
 * time, so the same inputs give the same manifest.
 */
public final class Manifest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final String run;
    private final String period;
    private final String inputName;
    private final String inputSha256;
    private final List<Entry> outputs = new ArrayList<>();
    /** Input lines skipped as already recorded (SPEC 7.0), listed in no output; null: not counted. */
    private Long skipped;

    public Manifest(String run, String period, String inputName, String inputSha256) {
        this.run = run;
        this.period = period;
        this.inputName = inputName;
        this.inputSha256 = inputSha256;
    }

    /** Counts the input lines skipped as already recorded (SPEC 7.0: the manifest counts them). */
    public void skipped(long lines) {
        this.skipped = lines;
    }

    public void add(Outbox.PublishedFile file, Map<String, Long> totals) {
        outputs.add(new Entry(file, new LinkedHashMap<>(totals)));
    }

    /** The manifest's text, in {@link Layout}, ending with a newline. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("run", run);
        root.put("period", period);
        root.putObject("input").put("name", inputName).put("sha256", inputSha256);
        if (skipped != null) {
            root.put("skipped", skipped);
        }
        ArrayNode list = root.putArray("outputs");
        for (Entry entry : outputs) {
            ObjectNode output = list.addObject()
                    .put("file", entry.file.name())
                    .put("sha256", entry.file.sha256())
                    .put("records", entry.file.records());
            ObjectNode totals = output.putObject("totals");
            entry.totals.forEach(totals::put);
        }
        return JSON.writer().with(new Layout()).writeValueAsString(root) + "\n";
    }

    /**
     * The outputs a manifest lists, read back (for the period report, which checks the files
     * against them).
     *
     * @throws IllegalArgumentException when the text is not a manifest as {@link #toJson()} writes it
     */
    public static List<Output> outputsOf(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode outputs = root == null ? null : root.get("outputs");
        if (outputs == null || !outputs.isArray()) {
            throw new IllegalArgumentException("no \"outputs\" list");
        }
        List<Output> read = new ArrayList<>();
        for (JsonNode output : outputs) {
            JsonNode file = output.get("file");
            JsonNode sha256 = output.get("sha256");
            JsonNode records = output.get("records");
            JsonNode totals = output.get("totals");
            if (file == null
                    || !file.isString()
                    || sha256 == null
                    || !sha256.isString()
                    || records == null
                    || !records.isIntegralNumber()
                    || !records.canConvertToLong()
                    || totals == null
                    || !totals.isObject()) {
                throw new IllegalArgumentException("an output without file, sha256, records and totals");
            }
            Map<String, Long> sums = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> total : totals.properties()) {
                if (!total.getValue().isIntegralNumber() || !total.getValue().canConvertToLong()) {
                    throw new IllegalArgumentException("the total " + total.getKey() + " is not a whole number");
                }
                sums.put(total.getKey(), total.getValue().longValue());
            }
            read.add(new Output(file.stringValue(), sha256.stringValue(), records.longValue(), Map.copyOf(sums)));
        }
        return List.copyOf(read);
    }

    private record Entry(Outbox.PublishedFile file, Map<String, Long> totals) {}

    /**
     * The manifest's layout, the same since the first manifest was written (auditors compare them,
     * and a manifest's SHA-256 is shown in the report): the top-level fields one to a line indented
     * by two, each output on a line of its own indented by four, every object below the top on one
     * line, with {@code ", "} between fields and {@code ": "} after a name. Jackson's own pretty
     * printer indents every object. A new one per manifest: it counts the objects and lists open.
     */
    private static final class Layout implements PrettyPrinter {

        private int depth;

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {}

        @Override
        public void writeStartObject(JsonGenerator g) {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
            if (depth == 1) {
                g.writeRaw("\n  ");
            }
        }

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            g.writeRaw(depth == 1 ? ",\n  " : ", ");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) {
            depth--;
            g.writeRaw(depth == 0 ? "\n}" : "}");
        }

        @Override
        public void writeStartArray(JsonGenerator g) {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            g.writeRaw("\n    ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(",\n    ");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            depth--;
            g.writeRaw("\n  ]");
        }
    }

    /** One output file as a manifest lists it: name, SHA-256, record count, amount totals. */
    public record Output(String file, String sha256, long records, Map<String, Long> totals) {}
}
