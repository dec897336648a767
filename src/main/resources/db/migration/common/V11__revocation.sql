-- Revoking a completed run (SPEC 6): the ledger returns exactly to its state before the run. Runs twice
-- safely (an interrupted attempt on H2, where each statement commits on its own).

-- The ministry codes a deduction run replaced in holder_ministry, which keeps only the latest code of
-- each holder (SPEC 4): written by the run with the rows it changes, so that revoking it puts them
-- back. A holder the run saw for the first time has no row here: its code, of the run's period, goes.
CREATE TABLE IF NOT EXISTS holder_ministry_replaced (
    period        VARCHAR(7)    NOT NULL,
    matricule     ${ident}      NOT NULL,
    ministry_code VARCHAR NOT NULL,
    code_period   VARCHAR(7)    NOT NULL,
    PRIMARY KEY (period, matricule)
);

-- Each revocation: the run revoked, why and when, and the folder of outbox/YYYY-MM/ its files moved to.
-- run_id is the revocation's own run (payroll_run, kind REVOKE).
CREATE TABLE IF NOT EXISTS revocation (
    run_id         BIGINT       NOT NULL PRIMARY KEY,
    revoked_run_id BIGINT       NOT NULL UNIQUE,
    reason         VARCHAR      NOT NULL,
    folder         VARCHAR(20)  NOT NULL,
    revoked_at     TIMESTAMP    NOT NULL
);

-- The run a revocation undoes, known from its first attempt on (before the revocation row is written
-- at its commit), so that a command refused meanwhile can name the revoke command that finishes it.
ALTER TABLE payroll_run ADD COLUMN IF NOT EXISTS revoked_run BIGINT;

-- Deduction runs keep the ministry codes they replace from this version on: one made before cannot be
-- revoked exactly when it recorded codes (Revocation.check). Run ids grow, so the first run id after
-- this migration tells them apart.
CREATE TABLE IF NOT EXISTS revocable_since (
    first_run_id BIGINT NOT NULL
);
INSERT INTO revocable_since (first_run_id)
    SELECT COALESCE(MAX(run_id), 0) + 1 FROM payroll_run WHERE NOT EXISTS (SELECT 1 FROM revocable_since);
