-- Schema version 7: the report's change between first and latest rating
-- looks up, for each peer supported and each measure, the first and the
-- latest rating up to the period's end (by date, then id) and reads its
-- total and item scores. rating_by_peer lacked the scores and put the total
-- before the id, so every look-up read the rating's row and sorted ties.
-- This index holds exactly what the look-ups read, in their order. It starts
-- with rating_by_peer's columns and also gives a peer's page its ratings in
-- the order it lists them, so it replaces that index.

CREATE INDEX rating_first_and_latest ON rating (peer_id, measure_key, rated_on, id, total, scores);
DROP INDEX rating_by_peer;
