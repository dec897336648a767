package org.smartphone.payroll.files;

import java.util.ArrayList;
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
}
