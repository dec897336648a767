-- The monthly update now touches contract_balance (V8), not contract: the room for it (V7) moves
-- there. Half-filled pages let each of that transaction's row versions stay on its page, without a new
-- index entry (a "HOT" update; README, Performance). The contract is updated once in its life (when
-- settled) and goes back to full pages. Both settings apply to pages written from now on; existing
-- pages keep their filling until rewritten (VACUUM FULL). Runs twice safely.
ALTER TABLE contract_balance SET (fillfactor = 50);
ALTER TABLE contract RESET (fillfactor);
