package org.smartphone.payroll.refund;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.files.Manifest;
import org.smartphone.payroll.files.SpreadsheetText;
import org.smartphone.payroll.run.OutputPublisher;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code publishRefunds} of {@code refunds issue} (SPEC 7.2): {@code outbox/refunds/refunds-NNNN.csv}
 * lists the batch's items by refund id, with its sidecar and manifest, written from the committed ledger
 * (again whenever an interrupted run is resumed).
 */
@Component
class PublishRefunds implements Work {

    static final List<String> HEADER = List.of("refund_id", "matricule", "contract_id", "full_name", "amount_xof");

    private final JdbcTemplate jdbc;
    private final Home home;
    private final RefundBatches batches;
    private final RefundItems items;

    PublishRefunds(JdbcTemplate jdbc, Home home, RefundBatches batches, RefundItems items) {
        this.jdbc = jdbc;
        this.home = home;
        this.batches = batches;
        this.items = items;
    }

    @Override
    public long run(RunContext run) throws IOException {
        int batch = batches.of(run.runId())
                .orElseThrow(() -> new IllegalStateException("run " + run.runId() + " issued no batch"));
        // the batch's open period P; no input file
        Manifest manifest = new Manifest("refunds", batches.periodOf(run.runId()), null, null);
        OutputPublisher outbox = new OutputPublisher(jdbc, folder(home), manifest);
        outbox.publishCsv(
                RefundFiles.batchFile(batch),
                HEADER,
                List.of("amount_xof"),
                (rs, record) -> record.text(rs.getString(1))
                        .text(rs.getString(2))
                        .text(rs.getString(3))
                        .text(SpreadsheetText.copied(rs.getString(4)))
                        .amount(rs.getLong(5)),
                "SELECT i.refund_id, i.issued_matricule, i.contract_id, c.full_name, i.amount_xof FROM refund_item i"
                        + " LEFT JOIN contract c ON c.contract_id = i.contract_id WHERE i.batch = ?"
                        + " ORDER BY i.refund_id" + items.codePoint(),
                batch);
        return outbox.publishManifest(RefundFiles.batchManifest(batch));
    }

    /** {@code outbox/refunds/}. */
    static Path folder(Home home) {
        return home.root().resolve("outbox").resolve(RefundFiles.FOLDER);
    }
}
