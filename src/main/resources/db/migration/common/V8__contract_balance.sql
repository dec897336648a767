-- What each contract has collected, in a table of its own (issue 4). The reconciliation run adds the
-- period's postings to every open contract once a month, in one transaction; H2 rewrites a whole row,
-- and removes and adds again its entry in every index, for each row an UPDATE touches, so that monthly
-- update costs much less on a narrow row with one index than on the contract's 14 columns and two
-- indexes (10 M register rows, 3 M contracts, H2, -Xmx1g: the reconciliation's commit step 274 s ->
-- 94 s, the whole run 425 s -> 250 s; README, Performance). financed_xof is price_xof -
-- down_payment_xof, copied at import and never changed, so that the range check stays on the row it
-- checks. The contract keeps settled_period, which changes once in its life. V9 drops
-- contract.collected_xof once this copy is committed: a data move never drops its source in the same
-- migration.
CREATE TABLE contract_balance (
    contract_id   ${ident} NOT NULL PRIMARY KEY,
    financed_xof  BIGINT   NOT NULL,
    collected_xof BIGINT   NOT NULL,
    CONSTRAINT contract_balance_collected_in_range
        CHECK (collected_xof >= 0 AND collected_xof <= financed_xof)
);

INSERT INTO contract_balance (contract_id, financed_xof, collected_xof)
    SELECT contract_id, price_xof - down_payment_xof, collected_xof FROM contract;
