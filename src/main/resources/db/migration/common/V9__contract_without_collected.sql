-- contract_balance (V8) holds what each contract has collected; the contract no longer does. Runs
-- twice safely (an interrupted attempt on H2, where each statement commits on its own).
ALTER TABLE contract DROP CONSTRAINT IF EXISTS contract_collected_in_range;
ALTER TABLE contract DROP COLUMN IF EXISTS collected_xof;
