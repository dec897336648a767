-- SPEC 7.1: the payments run (record-payments). Runs twice safely (an interrupted attempt on H2, where each
-- statement commits on its own).

-- The valid lines of a payments file being recorded, staged by the run's first step and emptied once it
-- is archived. skipped: a payment already recorded with the same values (SPEC 7.1), counted in the
-- manifest and recorded nowhere else.
CREATE TABLE IF NOT EXISTS payment_entry (
    run_id      BIGINT      NOT NULL,
    line        BIGINT      NOT NULL,
    channel     VARCHAR(10) NOT NULL,
    payment_ref ${ref}      NOT NULL,
    contract_id ${ident}    NOT NULL,
    amount_xof  BIGINT      NOT NULL,
    received_on VARCHAR(10) NOT NULL,
    skipped     BOOLEAN     NOT NULL,
    PRIMARY KEY (run_id, line)
);

-- What the row of payments-P-NN.csv says beside the payment itself: the contract's current matricule
-- when it was recorded, its outstanding after this payment, and the row's status.
ALTER TABLE payment ADD COLUMN IF NOT EXISTS matricule ${ident};
ALTER TABLE payment ADD COLUMN IF NOT EXISTS outstanding_xof BIGINT;
ALTER TABLE payment ADD COLUMN IF NOT EXISTS status VARCHAR(10);

-- SPEC 7.0, outputs: lines skipped as already recorded are listed in no output; the manifest counts them.
-- Kept with the run, since the staged lines are gone once the input is archived.
ALTER TABLE payroll_run ADD COLUMN IF NOT EXISTS records_skipped BIGINT NOT NULL DEFAULT 0;

-- The credit rule by the contract's state at reconciliation time (SPEC 4, 7.0): what a reconciliation posts
-- to a written-off contract is recovered money, not collected. Kept with the row and its posting, so that
-- the commit and a revocation apply and undo it where it went.
ALTER TABLE reconciliation_line ADD COLUMN IF NOT EXISTS to_recovered BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE posting ADD COLUMN IF NOT EXISTS to_recovered BOOLEAN NOT NULL DEFAULT FALSE;

-- A payments file's lines are checked against the payments recorded by payment_ref, a batch at a time.
CREATE INDEX IF NOT EXISTS payment_ref ON payment (payment_ref);
