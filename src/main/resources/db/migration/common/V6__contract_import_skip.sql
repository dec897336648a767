-- The contracts import no longer stages whole rows (issue 4): its stage step validates the file and
-- records here only the lines its apply step must not insert (invalid, duplicated in the file, in
-- conflict with the ledger, starting too early, or repeats of contracts already imported); the apply
-- step reads the file again and inserts the other lines straight into contract. Line 0 (the header
-- is line 1) marks a run whose stage step completed. Emptied when the run is archived.
CREATE TABLE contract_import_skip (
    run_id BIGINT NOT NULL,
    line   BIGINT NOT NULL,
    PRIMARY KEY (run_id, line)
);

DROP TABLE staged_contract;
