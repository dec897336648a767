package org.smartphone.payroll.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <run>-YYYY-MM.manifest.json} of a deduction or reconciliation run (SPEC 5): the input's
 * name and SHA-256 and, per output file, its record count and amount totals. It holds no clock
 * time, so the same inputs give the same manifest.
 */
public final class Manifest {

    private final String run;
    private final String period;
    private final String inputName;
    private final String inputSha256;
    private final List<Entry> outputs = new ArrayList<>();

    public Manifest(String run, String period, String inputName, String inputSha256) {
        this.run = run;
        this.period = period;
        this.inputName = inputName;
        this.inputSha256 = inputSha256;
    }

    public void add(Outbox.PublishedFile file, Map<String, Long> totals) {
        outputs.add(new Entry(file, new LinkedHashMap<>(totals)));
    }

    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"run\": ").append(quote(run)).append(",\n");
        json.append("  \"period\": ").append(quote(period)).append(",\n");
        json.append("  \"input\": {\"name\": ").append(quote(inputName))
                .append(", \"sha256\": ").append(quote(inputSha256)).append("},\n");
        json.append("  \"outputs\": [");
        for (int i = 0; i < outputs.size(); i++) {
            Entry entry = outputs.get(i);
            json.append(i == 0 ? "\n" : ",\n");
            json.append("    {\"file\": ").append(quote(entry.file.name()))
                    .append(", \"sha256\": ").append(quote(entry.file.sha256()))
                    .append(", \"records\": ").append(entry.file.records())
                    .append(", \"totals\": {");
            int t = 0;
            for (Map.Entry<String, Long> total : entry.totals.entrySet()) {
                json.append(t++ == 0 ? "" : ", ").append(quote(total.getKey())).append(": ")
                        .append(total.getValue());
            }
            json.append("}}");
        }
        json.append("\n  ]\n}\n");
        return json.toString();
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
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
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
            if (file == null || !file.isTextual() || sha256 == null || !sha256.isTextual() || records == null
                    || !records.isIntegralNumber() || !records.canConvertToLong() || totals == null
                    || !totals.isObject()) {
                throw new IllegalArgumentException("an output without file, sha256, records and totals");
            }
            Map<String, Long> sums = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = totals.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> total = it.next();
                if (!total.getValue().isIntegralNumber() || !total.getValue().canConvertToLong()) {
                    throw new IllegalArgumentException("the total " + total.getKey() + " is not a whole number");
                }
                sums.put(total.getKey(), total.getValue().longValue());
            }
            read.add(new Output(file.textValue(), sha256.textValue(), records.longValue(), Map.copyOf(sums)));
        }
        return List.copyOf(read);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private record Entry(Outbox.PublishedFile file, Map<String, Long> totals) {
    }

    /** One output file as a manifest lists it: name, SHA-256, record count, amount totals. */
    public record Output(String file, String sha256, long records, Map<String, Long> totals) {
    }
}
