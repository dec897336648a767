-- Run numbers (payroll_run.run_id, shown in every message as "run N") are Spring Batch job instance
-- ids from this sequence. H2 hands out sequence values from a cache of 32 that it records as used only
-- when the database is closed: a killed command made the next run number jump by up to 32. Without
-- the cache every value is recorded with the transaction that takes it. (PostgreSQL's sequences have
-- a cache of 1 already.) Runs twice safely, as every migration must (README, Database).
ALTER SEQUENCE BATCH_JOB_INSTANCE_SEQ NO CACHE;
