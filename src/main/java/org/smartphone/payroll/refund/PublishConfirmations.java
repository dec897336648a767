package org.smartphone.payroll.refund;

import java.io.IOException;
import java.util.List;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.files.Manifest;
import org.smartphone.payroll.run.OutputPublisher;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code publishConfirmations} of {@code refunds confirm} (SPEC 7.2):
 * {@code outbox/refunds/refunds-paid-NNNN.csv} lists the refunds the file confirmed, by refund id, with
 * its sidecar and a manifest that also counts the lines skipped as already confirmed; written from the
 * committed ledger, again whenever an interrupted run is resumed.
 */
@Component
class PublishConfirmations implements Work {

    static final List<String> HEADER =
            List.of("refund_id", "matricule", "contract_id", "amount_xof", "paid_on", "payment_ref");

    private final JdbcTemplate jdbc;
    private final Home home;
    private final RefundBatches batches;
    private final RefundItems items;

    PublishConfirmations(JdbcTemplate jdbc, Home home, RefundBatches batches, RefundItems items) {
        this.jdbc = jdbc;
        this.home = home;
        this.batches = batches;
        this.items = items;
    }

    @Override
    public long run(RunContext run) throws IOException {
        int confirmation = batches.of(run.runId())
                .orElseThrow(() -> new IllegalStateException("run " + run.runId() + " made no confirmation"));
        Manifest manifest = new Manifest("refunds-paid", batches.periodOf(run.runId()), run.inputName(), run.sha256());
        Long skipped = jdbc.queryForObject(
                "SELECT COUNT(*) FROM refund_confirmation_entry WHERE run_id = ? AND skipped", Long.class, run.runId());
        manifest.skipped(skipped);
        OutputPublisher outbox = new OutputPublisher(jdbc, PublishRefunds.folder(home), manifest);
        outbox.publishCsv(
                RefundFiles.confirmationFile(confirmation),
                HEADER,
                List.of("amount_xof"),
                (rs, record) -> record.text(rs.getString(1))
                        .text(rs.getString(2))
                        .text(rs.getString(3))
                        .amount(rs.getLong(4))
                        .text(rs.getString(5))
                        .text(rs.getString(6)),
                "SELECT refund_id, issued_matricule, contract_id, amount_xof, paid_on, payment_ref FROM refund_item"
                        + " WHERE confirmation = ? ORDER BY refund_id" + items.codePoint(),
                confirmation);
        return outbox.publishManifest(RefundFiles.confirmationManifest(confirmation));
    }
}
