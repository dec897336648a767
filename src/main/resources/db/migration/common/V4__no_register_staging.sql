-- The deduction run no longer stages register rows: it keeps contract holders' rows in memory while
-- it allocates, and commits in the same step (README, Design).
DROP TABLE register_entry;
