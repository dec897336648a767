-- SPEC 7: money outside the payroll. The tables every run of section 7 shares; the runs themselves are
-- the payments run (record-payments), the refunds commands, and later supplements and actions. Runs
-- twice safely (an interrupted attempt on H2, where each statement commits on its own). ${ref} is an
-- identifier of at most 64 characters (payment_ref, action_id) sorting by code point like ${ident}.

-- SPEC 7.0: a contract keeps collected (net cash posted), written_off and recovered (money received
-- after a write-off). outstanding = financed - collected - written_off for OPEN and SETTLED contracts,
-- 0 for the others (ledger/LedgerRules.outstanding, ledger/ContractBalance in Java).
ALTER TABLE contract_balance ADD COLUMN IF NOT EXISTS written_off_xof BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contract_balance ADD COLUMN IF NOT EXISTS recovered_xof BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contract_balance DROP CONSTRAINT IF EXISTS contract_balance_collected_in_range;
ALTER TABLE contract_balance ADD CONSTRAINT contract_balance_collected_in_range
    CHECK (collected_xof >= 0 AND written_off_xof >= 0 AND collected_xof + written_off_xof <= financed_xof
           AND recovered_xof >= 0 AND recovered_xof <= written_off_xof);

-- The four states of SPEC 7.0 (V12 admitted only the two the monthly runs reach).
ALTER TABLE contract DROP CONSTRAINT IF EXISTS contract_state_known;
ALTER TABLE contract ADD CONSTRAINT contract_state_known
    CHECK (state IN ('OPEN', 'SETTLED', 'WRITTEN_OFF', 'CANCELLED'));

-- SPEC 7.0, run numbers: the runs that post in the open period P (payments, supplements, actions) are
-- numbered in the order they complete, from 1 within P; set in the run's commit (payroll_run.period is P).
ALTER TABLE payroll_run ADD COLUMN IF NOT EXISTS run_number INT;

-- What each run of section 7 did to each contract, one entry per row of the run's main output file
-- (row_no, 1-based, the header not counted), in the order the ledger recorded them: the change to
-- collected, written_off and recovered, and the refund due it made. The monthly reconciliation keeps
-- its own entries in posting (one per contract and period). A statement (SPEC 7.6) reads both.
-- kind: PAYMENT, SUPPLEMENT, or an action (MATRICULE_CHANGE, WRITE_OFF, REINSTATE, CANCEL,
-- PAYMENT_REVERSAL). reference: <output file name without .csv>-<row, 6 digits> (SPEC 7.6).
CREATE TABLE IF NOT EXISTS ledger_entry (
    run_id          BIGINT       NOT NULL,
    row_no      BIGINT       NOT NULL,
    period          VARCHAR(7)   NOT NULL,
    contract_id     ${ident}     NOT NULL,
    matricule       ${ident}     NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    reference       VARCHAR(100) NOT NULL,
    amount_xof      BIGINT       NOT NULL,
    collected_xof   BIGINT       NOT NULL,
    written_off_xof BIGINT       NOT NULL,
    recovered_xof   BIGINT       NOT NULL,
    refund_xof      BIGINT       NOT NULL,
    PRIMARY KEY (run_id, row_no)
);
CREATE INDEX IF NOT EXISTS ledger_entry_contract ON ledger_entry (contract_id);
CREATE INDEX IF NOT EXISTS ledger_entry_period ON ledger_entry (period);

-- SPEC 7.1: every payment recorded, identified by (channel, payment_ref). period is the P it posted in,
-- row_no its row in payments-P-NN.csv; posted_xof what it added to collected (or to recovered when
-- to_recovered); refund_id the refund item it made, if any; reversed_run_id the action run that
-- reversed it (SPEC 7.5), if any.
CREATE TABLE IF NOT EXISTS payment (
    channel         VARCHAR(10)  NOT NULL,
    payment_ref     ${ref}       NOT NULL,
    contract_id     ${ident}     NOT NULL,
    amount_xof      BIGINT       NOT NULL,
    received_on     VARCHAR(10)  NOT NULL,
    run_id          BIGINT       NOT NULL,
    period          VARCHAR(7)   NOT NULL,
    row_no      BIGINT       NOT NULL,
    posted_xof      BIGINT       NOT NULL,
    to_recovered    BOOLEAN      NOT NULL,
    refund_id       VARCHAR(100),
    reversed_run_id BIGINT,
    PRIMARY KEY (channel, payment_ref),
    CONSTRAINT payment_amounts CHECK (amount_xof > 0 AND posted_xof >= 0 AND posted_xof <= amount_xof)
);
CREATE INDEX IF NOT EXISTS payment_contract ON payment (contract_id);
CREATE INDEX IF NOT EXISTS payment_run ON payment (run_id);

-- SPEC 7.0, stops: each row of a deduction-stops-P-NN.csv. The amount in force of an order line of P is
-- the amount of its latest stop (stops only lower it, so the least), else its order amount.
CREATE TABLE IF NOT EXISTS order_stop (
    period       VARCHAR(7)   NOT NULL,
    contract_id  ${ident}     NOT NULL,
    run_id       BIGINT       NOT NULL,
    row_no   BIGINT       NOT NULL,
    matricule    ${ident}     NOT NULL,
    ordered_xof  BIGINT       NOT NULL,
    amount_xof   BIGINT       NOT NULL,
    reason       VARCHAR(30)  NOT NULL,
    PRIMARY KEY (period, contract_id, run_id),
    CONSTRAINT order_stop_lowers CHECK (amount_xof >= 0 AND amount_xof < ordered_xof)
);
CREATE INDEX IF NOT EXISTS order_stop_run ON order_stop (run_id);

-- SPEC 7.0 and 7.2: refund items. refund_id = <output file name without .csv>-<row, 6 digits> of the row
-- that created it; period the period of that file (M for a reconciliation, P for the others);
-- payee_matricule fixed at creation for an UNEXPECTED row, else blank until issued (then the contract's
-- current matricule, kept in issued_matricule). contract_id may name no known contract (UNEXPECTED).
-- status DUE, INSTRUCTED, PAID or CANCELLED (reduced to 0). batch: the refunds-NNNN.csv it was last
-- issued in; confirmation: the refunds-paid-NNNN.csv that confirmed it. legacy: made by V15 from a
-- refund due recorded before this version (may be confirmed while DUE, SPEC 7.2).
CREATE TABLE IF NOT EXISTS refund_item (
    refund_id        VARCHAR(100) NOT NULL PRIMARY KEY,
    run_id           BIGINT       NOT NULL,
    period           VARCHAR(7)   NOT NULL,
    contract_id      ${ident}     NOT NULL,
    matricule        ${ident}     NOT NULL,
    unexpected       BOOLEAN      NOT NULL,
    original_xof     BIGINT       NOT NULL,
    amount_xof       BIGINT       NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    batch            INT,
    issued_matricule ${ident},
    confirmation     INT,
    paid_on          VARCHAR(10),
    payment_ref      ${ref},
    legacy           BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT refund_item_amounts CHECK (amount_xof >= 0 AND amount_xof <= original_xof AND original_xof > 0),
    CONSTRAINT refund_item_status CHECK (status IN ('DUE', 'INSTRUCTED', 'PAID', 'CANCELLED'))
);
CREATE INDEX IF NOT EXISTS refund_item_status ON refund_item (status);
CREATE INDEX IF NOT EXISTS refund_item_contract ON refund_item (contract_id);
CREATE INDEX IF NOT EXISTS refund_item_run ON refund_item (run_id);

-- Each reduction of a refund item (SPEC 7.3, 7.5): by which run, in which period, how much. Conservation
-- (SPEC 7.0): sum of original_xof = sum of amount_xof of DUE, INSTRUCTED and PAID items + sum of reductions.
CREATE TABLE IF NOT EXISTS refund_reduction (
    refund_id  VARCHAR(100) NOT NULL,
    run_id     BIGINT       NOT NULL,
    period     VARCHAR(7)   NOT NULL,
    amount_xof BIGINT       NOT NULL,
    PRIMARY KEY (refund_id, run_id),
    CONSTRAINT refund_reduction_amount CHECK (amount_xof > 0)
);

-- SPEC 7.2: each refunds-NNNN.csv issued (kind ISSUE) and refunds-paid-NNNN.csv written (kind CONFIRM),
-- numbered from 1 per kind; period is the open period P when it was made (the report of M lists the
-- batches made while P was M).
CREATE TABLE IF NOT EXISTS refund_batch (
    kind       VARCHAR(10)  NOT NULL,
    batch      INT          NOT NULL,
    run_id     BIGINT       NOT NULL UNIQUE,
    period     VARCHAR(7),
    items      BIGINT       NOT NULL,
    amount_xof BIGINT       NOT NULL,
    PRIMARY KEY (kind, batch)
);
