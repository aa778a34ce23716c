-- Casework schema version 5: intentionally empty, a stand-in only.
--
-- Number 5 belongs to another branch of the first-week work that is merged
-- separately; this file keeps the numbers 1..n on this branch so that
-- 0006_callback_safe_contact.sql can keep its number. At merge, delete this
-- file in favour of the real 0005 (or renumber 0006 to 0005 if that branch
-- has not landed).
SELECT 1;
