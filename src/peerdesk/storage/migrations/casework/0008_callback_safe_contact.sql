-- Casework schema: the call-back form's safe contact gets the peer form's
-- three states (issue 14).
--
-- Each channel (calls, texts, email, voicemail) of the way to reach someone
-- waiting for a call-back becomes NULL = not asked yet (now the default),
-- 1 = OK, 0 = not OK, as safe_contact has been since casework version 4.
-- Every row already recorded keeps its answers exactly (1 stays OK, 0 stays
-- not OK): only the defaults and NOT NULL change, which SQLite can do only by
-- rebuilding the table.

CREATE TABLE callback_reach_new (
    callback_id  INTEGER PRIMARY KEY REFERENCES callback(id) ON DELETE CASCADE,
    ask_for      TEXT NOT NULL DEFAULT '',        -- the name or alias to ask for
    reach        TEXT NOT NULL,                   -- a phone number, a handle, an address
    calls_ok     INTEGER CHECK (calls_ok IN (0, 1)),
    texts_ok     INTEGER CHECK (texts_ok IN (0, 1)),
    email_ok     INTEGER CHECK (email_ok IN (0, 1)),
    voicemail_ok INTEGER CHECK (voicemail_ok IN (0, 1)),
    safe_times   TEXT NOT NULL DEFAULT '',
    code_word    TEXT NOT NULL DEFAULT '',
    other        TEXT NOT NULL DEFAULT '',
    agreed_on    TEXT NOT NULL                    -- the day they agreed we keep it
);
INSERT INTO callback_reach_new (callback_id, ask_for, reach, calls_ok, texts_ok, email_ok,
                                voicemail_ok, safe_times, code_word, other, agreed_on)
    SELECT callback_id, ask_for, reach, calls_ok != 0, texts_ok != 0, email_ok != 0,
           voicemail_ok != 0, safe_times, code_word, other, agreed_on FROM callback_reach;
DROP TABLE callback_reach;
ALTER TABLE callback_reach_new RENAME TO callback_reach;
