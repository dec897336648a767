-- Who holds the engine (one run at a time per database). On PostgreSQL the hold itself is a
-- session advisory lock, released when the holder's connection ends, even if its process was
-- killed; this row only tells a refused command who holds it.
CREATE TABLE engine_lock (
    id     INT           NOT NULL PRIMARY KEY,
    holder VARCHAR(1000) NOT NULL,
    since  TIMESTAMP     NOT NULL
);
INSERT INTO engine_lock (id, holder, since) VALUES (1, 'nobody', CURRENT_TIMESTAMP);
