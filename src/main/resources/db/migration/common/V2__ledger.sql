-- The engine's own tables. ${ident} is an identifier column (contract_id, matricule) that sorts
-- by code point on every database (COLLATE "C" on PostgreSQL), as SPEC 5 orders output rows.
-- Periods are stored as their YYYY-MM text, which sorts in time order. Free text (names, ministry
-- codes, device models) has no length limit here; the input files accept at most 10 000 characters.

-- Every run of a command: one row per Spring Batch job instance (run_id = job instance id).
CREATE TABLE payroll_run (
    run_id            BIGINT       NOT NULL PRIMARY KEY,
    kind              VARCHAR(20)  NOT NULL,
    period            VARCHAR(7),
    input_name        VARCHAR NOT NULL,
    input_sha256      VARCHAR(64)  NOT NULL,
    state             VARCHAR(20)  NOT NULL,
    started_at        TIMESTAMP    NOT NULL,
    ended_at          TIMESTAMP,
    attempts          INT          NOT NULL,
    records_read      BIGINT       NOT NULL DEFAULT 0,
    records_rejected  BIGINT       NOT NULL DEFAULT 0,
    summary           VARCHAR,
    message           VARCHAR
);
CREATE INDEX payroll_run_kind_period ON payroll_run (kind, period);

-- Inputs whose run reached the ledger (with at least one data row); a file with the same SHA-256
-- is refused.
CREATE TABLE processed_file (
    input_sha256 VARCHAR(64)   NOT NULL PRIMARY KEY,
    input_name   VARCHAR NOT NULL,
    run_id       BIGINT        NOT NULL
);

CREATE TABLE contract (
    contract_id          ${ident}     NOT NULL PRIMARY KEY,
    matricule            ${ident}     NOT NULL,
    full_name            VARCHAR NOT NULL,
    ministry_code        VARCHAR,
    device_model         VARCHAR,
    imei                 VARCHAR(15),
    price_xof            BIGINT       NOT NULL,
    down_payment_xof     BIGINT       NOT NULL,
    term_months          INT          NOT NULL,
    first_period         VARCHAR(7)   NOT NULL,
    base_installment_xof BIGINT       NOT NULL,
    collected_xof        BIGINT       NOT NULL DEFAULT 0,
    settled_period       VARCHAR(7),
    import_run_id        BIGINT       NOT NULL,
    CONSTRAINT contract_collected_in_range CHECK (collected_xof >= 0 AND collected_xof <= price_xof - down_payment_xof)
);
CREATE INDEX contract_matricule ON contract (matricule);

-- Valid rows of a contracts file, staged by its run before they are applied in one transaction.
CREATE TABLE staged_contract (
    run_id               BIGINT       NOT NULL,
    line                 BIGINT       NOT NULL,
    contract_id          ${ident}     NOT NULL,
    matricule            ${ident}     NOT NULL,
    full_name            VARCHAR NOT NULL,
    ministry_code        VARCHAR,
    device_model         VARCHAR,
    imei                 VARCHAR(15),
    price_xof            BIGINT       NOT NULL,
    down_payment_xof     BIGINT       NOT NULL,
    term_months          INT          NOT NULL,
    first_period         VARCHAR(7)   NOT NULL,
    base_installment_xof BIGINT       NOT NULL,
    PRIMARY KEY (run_id, line)
);
CREATE INDEX staged_contract_id ON staged_contract (run_id, contract_id);

-- Register rows of contract holders for a period (the rest of the register is not kept).
CREATE TABLE register_entry (
    period            VARCHAR(7)   NOT NULL,
    line              BIGINT       NOT NULL,
    matricule         ${ident}     NOT NULL,
    net_pay_xof       BIGINT       NOT NULL,
    employment_status VARCHAR(10)  NOT NULL,
    ministry_code     VARCHAR,
    PRIMARY KEY (period, line)
);
CREATE INDEX register_entry_matricule ON register_entry (period, matricule);

-- The latest non-blank ministry code read in a register for a contract holder (SPEC 4).
CREATE TABLE holder_ministry (
    matricule     ${ident}      NOT NULL PRIMARY KEY,
    ministry_code VARCHAR NOT NULL,
    period        VARCHAR(7)    NOT NULL
);

-- What the deduction run of a period computed for every contract with a due above zero.
CREATE TABLE deduction_line (
    period            VARCHAR(7)   NOT NULL,
    contract_id       ${ident}     NOT NULL,
    matricule         ${ident}     NOT NULL,
    due_xof           BIGINT       NOT NULL,
    arrears_part_xof  BIGINT       NOT NULL,
    amount_xof        BIGINT       NOT NULL,
    reason            VARCHAR(20),
    PRIMARY KEY (period, contract_id)
);

-- Valid lines of a withholding return.
CREATE TABLE return_entry (
    period      VARCHAR(7)  NOT NULL,
    line        BIGINT      NOT NULL,
    contract_id ${ident}    NOT NULL,
    matricule   ${ident}    NOT NULL,
    amount_xof  BIGINT      NOT NULL,
    PRIMARY KEY (period, line)
);
CREATE INDEX return_entry_contract ON return_entry (period, contract_id);

-- Reconciliation rows of a period; a contract may have an order-line row and an UNEXPECTED one.
CREATE TABLE reconciliation_line (
    period         VARCHAR(7)  NOT NULL,
    contract_id    ${ident}    NOT NULL,
    matricule      ${ident}    NOT NULL,
    unexpected     BOOLEAN     NOT NULL,
    expected_xof   BIGINT      NOT NULL,
    withheld_xof   BIGINT      NOT NULL,
    posted_xof     BIGINT      NOT NULL,
    refund_due_xof BIGINT      NOT NULL,
    status         VARCHAR(20) NOT NULL,
    PRIMARY KEY (period, contract_id, unexpected)
);

-- The ledger: what reached each contract, once per period, written with the reconciliation commit.
CREATE TABLE posting (
    period      VARCHAR(7)  NOT NULL,
    contract_id ${ident}    NOT NULL,
    amount_xof  BIGINT      NOT NULL,
    run_id      BIGINT      NOT NULL,
    PRIMARY KEY (period, contract_id)
);

-- Contracts in arrears after the reconciliation of a period.
CREATE TABLE arrears_line (
    period               VARCHAR(7)    NOT NULL,
    contract_id          ${ident}      NOT NULL,
    matricule            ${ident}      NOT NULL,
    ministry_code        VARCHAR,
    overdue_xof          BIGINT        NOT NULL,
    outstanding_xof      BIGINT        NOT NULL,
    oldest_unpaid_period VARCHAR(7)    NOT NULL,
    months_past_due      INT           NOT NULL,
    bucket               VARCHAR(20)   NOT NULL,
    reason               VARCHAR(20)   NOT NULL,
    PRIMARY KEY (period, contract_id)
);
