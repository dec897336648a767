-- SPEC 7.0 and 7.2: refund items. Runs twice safely (an interrupted attempt on H2, where each statement
-- commits on its own).

-- The lines of a refunds-paid file being confirmed (refunds confirm), staged by the run that reads it
-- until its commit: a line identical to a confirmation already recorded is kept as skipped (the manifest
-- counts it, no output lists it).
CREATE TABLE IF NOT EXISTS refund_confirmation_entry (
    run_id      BIGINT       NOT NULL,
    line        BIGINT       NOT NULL,
    refund_id   VARCHAR(100) NOT NULL,
    paid_on     VARCHAR(10)  NOT NULL,
    amount_xof  BIGINT       NOT NULL,
    payment_ref ${ref}       NOT NULL,
    skipped     BOOLEAN      NOT NULL,
    PRIMARY KEY (run_id, line)
);

-- Refunds due recorded before this version become items in the same way as a reconciliation makes them
-- now (SPEC 7.0): one per row of a reconciliation that reached the ledger with a refund due above 0,
-- named reconciliation-M-NNNNNN by the row's number in the published file's order (contract_id, then
-- matricule, the order-line row before the UNEXPECTED one), status DUE, legacy (they may be confirmed
-- paid while DUE, having perhaps been paid by hand: SPEC 7.2). The period's reconciliation run made them.
INSERT INTO refund_item (refund_id, run_id, period, contract_id, matricule, unexpected, original_xof, amount_xof,
                         status, legacy)
SELECT n.refund_id, n.run_id, n.period, n.contract_id, n.matricule, n.unexpected, n.refund_due_xof,
       n.refund_due_xof, 'DUE', TRUE
FROM (SELECT 'reconciliation-' || r.period || '-'
                 || CASE WHEN r.row_no < 1000000 THEN LPAD(CAST(r.row_no AS VARCHAR(20)), 6, '0')
                         ELSE CAST(r.row_no AS VARCHAR(20)) END AS refund_id,
             r.run_id, r.period, r.contract_id, r.matricule, r.unexpected, r.refund_due_xof
      FROM (SELECT l.period, l.contract_id, l.matricule, l.unexpected, l.refund_due_xof, p.run_id,
                   ROW_NUMBER() OVER (PARTITION BY l.period ORDER BY l.contract_id, l.matricule, l.unexpected)
                       AS row_no
            FROM reconciliation_line l
            JOIN payroll_run p ON p.period = l.period AND p.kind = 'RECONCILIATION'
                              AND p.state IN ('COMMITTED', 'COMPLETED')) r
      WHERE r.refund_due_xof > 0) n
WHERE NOT EXISTS (SELECT 1 FROM refund_item i WHERE i.refund_id = n.refund_id);
