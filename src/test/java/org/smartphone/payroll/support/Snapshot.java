package org.smartphone.payroll.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a run leaves that users rely on: the ledger tables (without ids and clock times), the
 * outbox files byte for byte (as SHA-256), and what lies in the inbox, archive and rejected folders.
 * Two programmes fed the same inputs must have equal snapshots, however often one was interrupted.
 */
public record Snapshot(Map<String, List<List<String>>> tables, Map<String, String> files) {

    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry(
                    "contract",
                    "SELECT contract_id, matricule, full_name, ministry_code, device_model, imei,"
                            + " price_xof, down_payment_xof, term_months, first_period, base_installment_xof, settled_period,"
                            + " state FROM contract ORDER BY contract_id"),
            Map.entry(
                    "contract_balance",
                    "SELECT contract_id, financed_xof, collected_xof FROM contract_balance" + " ORDER BY contract_id"),
            Map.entry("posting", "SELECT period, contract_id, amount_xof FROM posting ORDER BY period, contract_id"),
            Map.entry("deduction_line", "SELECT * FROM deduction_line ORDER BY period, contract_id"),
            Map.entry(
                    "reconciliation_line",
                    "SELECT period, contract_id, matricule, CASE WHEN unexpected THEN 1"
                            + " ELSE 0 END, expected_xof, withheld_xof, posted_xof, refund_due_xof, status"
                            + " FROM reconciliation_line ORDER BY period, contract_id, unexpected"),
            Map.entry("arrears_line", "SELECT * FROM arrears_line ORDER BY period, contract_id"),
            Map.entry("holder_ministry", "SELECT * FROM holder_ministry ORDER BY matricule"),
            Map.entry("holder_ministry_replaced", "SELECT * FROM holder_ministry_replaced ORDER BY period, matricule"),
            Map.entry("processed_file", "SELECT input_sha256, input_name FROM processed_file ORDER BY input_sha256"),
            Map.entry(
                    "refund_item",
                    "SELECT refund_id, period, contract_id, matricule, CASE WHEN unexpected THEN 1 ELSE 0 END,"
                            + " original_xof, amount_xof, status, batch, issued_matricule, confirmation, paid_on,"
                            + " payment_ref, CASE WHEN legacy THEN 1 ELSE 0 END FROM refund_item ORDER BY refund_id"),
            Map.entry(
                    "refund_batch",
                    "SELECT kind, batch, period, items, amount_xof FROM refund_batch ORDER BY kind, batch"),
            Map.entry(
                    "staging",
                    "SELECT (SELECT COUNT(*) FROM contract_import_skip)," + " (SELECT COUNT(*) FROM return_entry),"
                            + " (SELECT COUNT(*) FROM refund_confirmation_entry)"),
            Map.entry(
                    "runs",
                    "SELECT kind, period, input_name, input_sha256, state, records_read, records_rejected,"
                            + " summary FROM payroll_run WHERE state <> 'ABANDONED'"
                            // a total order: a revoked run and its rerun share kind, period and input
                            + " ORDER BY kind, period, input_name, state, summary"));

    /** The ledger tables only, without the run history. */
    public static final List<String> LEDGER = List.of(
            "contract",
            "contract_balance",
            "posting",
            "deduction_line",
            "reconciliation_line",
            "arrears_line",
            "holder_ministry",
            "holder_ministry_replaced",
            "refund_item",
            "refund_batch",
            "staging");

    public static Snapshot of(Programme programme) {
        Map<String, List<List<String>>> tables = new TreeMap<>();
        TABLES.forEach((name, sql) -> tables.put(name, programme.query(sql)));
        Map<String, String> files = new TreeMap<>();
        for (String folder : List.of("inbox", "outbox", "archive", "rejected")) {
            Path root = programme.home().resolve(folder);
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .forEach(file ->
                                files.put(programme.home().relativize(file).toString(), OutputFiles.sha256(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Snapshot(tables, files);
    }

    /** What differs from {@code other}: the names of the tables and files that are not the same. */
    public List<String> differencesFrom(Snapshot other) {
        List<String> differences = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>(tables.keySet());
        names.addAll(other.tables.keySet());
        for (String name : names) {
            if (!java.util.Objects.equals(tables.get(name), other.tables.get(name))) {
                differences.add("table " + name);
            }
        }
        java.util.Set<String> paths = new java.util.TreeSet<>(files.keySet());
        paths.addAll(other.files.keySet());
        for (String path : paths) {
            if (!java.util.Objects.equals(files.get(path), other.files.get(path))) {
                differences.add("file " + path + (files.containsKey(path) ? "" : " (missing)")
                        + (other.files.containsKey(path) ? "" : " (extra)"));
            }
        }
        return differences;
    }

    /** The ledger tables and the outbox, leaving the run history and the input folders aside. */
    public Snapshot ledgerAndOutbox() {
        Map<String, List<List<String>>> ledger = new TreeMap<>(tables);
        ledger.keySet().retainAll(LEDGER);
        Map<String, String> outbox = new TreeMap<>(files);
        outbox.keySet().removeIf(path -> !path.startsWith("outbox"));
        return new Snapshot(ledger, outbox);
    }
}
