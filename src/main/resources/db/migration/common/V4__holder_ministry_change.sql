-- The deduction run no longer stages register rows: it keeps contract holders' rows in memory while
-- it allocates (README, Design). What it stages for its commit is the ministry codes that changed.
DROP TABLE register_entry;

-- Ministry codes read in a period's register that differ from holder_ministry, applied by the commit.
CREATE TABLE holder_ministry_change (
    period        VARCHAR(7)    NOT NULL,
    matricule     ${ident}      NOT NULL,
    ministry_code VARCHAR NOT NULL,
    PRIMARY KEY (period, matricule)
);
