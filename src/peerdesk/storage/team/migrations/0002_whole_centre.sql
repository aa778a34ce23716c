-- Team schema version 2: the rest of what a vault holds, so that a centre can
-- move its vault onto the server (`peerdesk team migrate`) and lose nothing:
-- consent, referrals, ratings, groups, meetings and attendance, the listening
-- service, the supporters register with training, checks, supervision,
-- reflective journals and hours, the peers' voice, the release register,
-- drafts, and the audit chain.
--
-- The same rules as version 1 (docs/team-server.md):
-- * identifying and free-text columns are main.sealed (AES-256-GCM made on the
--   client, storage/team/fieldcrypt.py); codes, dates and counts stay plain;
--   a casefolded copy of a name (the vault's sort_name, name_key) is not
--   kept at all: the client sorts what the server can't read;
-- * rows a PC may create have client-made UUIDs (an outbox can send them
--   exactly once); the centre's lists and the staff-level register keep
--   server-made integer ids;
-- * row-level security, forced on the owner too, restates services/access.py
--   and the services of each area; an administrator has no privilege on
--   casework at all. ME below is the signed-in person's staff id,
--   (SELECT main.current_staff_id()), evaluated once per query.
-- * Staff ids in casework are not foreign keys (as in the vault, where they
--   cross compartments): a removed person's rows keep their id.

-- ---------------------------------------------------------------------------
-- Version 1's tables: the vault's columns they did not have yet.

ALTER TABLE main.staff
    ADD COLUMN role text NOT NULL DEFAULT ''
        CHECK (role IN ('', 'admin', 'programme_lead', 'caseworker', 'peer_supporter')),
    ADD COLUMN status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'deactivated', 'removed')),
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
    ADD COLUMN slot_id text UNIQUE;

ALTER TABLE casework.peer
    ADD COLUMN next_follow_up date,
    ADD COLUMN first_session_on date;
CREATE INDEX peer_by_first_session ON casework.peer (first_session_on, id);

ALTER TABLE casework.one_to_one
    ADD COLUMN follow_up_closed_by uuid;

-- Three-state, as in the vault: NULL is "not asked".
ALTER TABLE casework.safe_contact
    ALTER COLUMN calls_ok DROP NOT NULL, ALTER COLUMN calls_ok DROP DEFAULT,
    ALTER COLUMN texts_ok DROP NOT NULL, ALTER COLUMN texts_ok DROP DEFAULT,
    ALTER COLUMN email_ok DROP NOT NULL, ALTER COLUMN email_ok DROP DEFAULT,
    ALTER COLUMN voicemail_ok DROP NOT NULL, ALTER COLUMN voicemail_ok DROP DEFAULT;

-- ---------------------------------------------------------------------------
-- main: the centre's settings and keys' public halves.

CREATE TABLE main.settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- The vault's own facts (its id, the authority's public key, the audit
-- origin): what a client checks signatures and the chain against.
CREATE TABLE main.meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- Public keys only; the private halves stay in each person's key slot.
CREATE TABLE main.key_slot (
    slot_id     text PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('password', 'recovery')),
    public_key  bytea NOT NULL,
    staff_id    integer,
    certificate bytea
);

CREATE TABLE main.personal_key (
    staff_id    integer NOT NULL,
    public_key  bytea NOT NULL,
    signing_key bytea NOT NULL,
    signature   bytea NOT NULL,
    created_at  text NOT NULL,                -- as signed: kept verbatim
    PRIMARY KEY (staff_id, public_key)
);

-- Who may hold which role, signed by the authority key: append-only. The
-- casefolded name is sealed; a client opens it to check the signature.
CREATE TABLE main.role_grant (
    staff_id    integer NOT NULL,
    serial      integer NOT NULL,
    name_key    main.sealed NOT NULL,
    roles       text NOT NULL,
    status      text NOT NULL,
    signing_key bytea NOT NULL,
    issued_at   text NOT NULL,                -- as signed: kept verbatim
    issued_by   integer,
    signature   bytea NOT NULL,
    PRIMARY KEY (staff_id, serial)
);

-- Supervision notes and journal entries are sealed end to end in the vault
-- already (a key per item, sealed to each reader's public key); these are
-- those sealed keys, copied as they are.
CREATE TABLE main.sealed_note_key (
    item_kind  text NOT NULL CHECK (item_kind IN ('supervision', 'journal')),
    item_id    integer NOT NULL,
    staff_id   integer NOT NULL,
    public_key bytea NOT NULL,
    ephemeral  bytea NOT NULL,
    nonce      bytea NOT NULL,
    sealed     bytea NOT NULL,
    PRIMARY KEY (item_kind, item_id, staff_id, public_key)
);

-- ---------------------------------------------------------------------------
-- main: the audit chain. Ordered by the server's sequence (id); each event
-- carries the hash of the one before, its own hash and its signer's
-- signature, all made on the client, so any client that reads the chain can
-- verify it (storage/team/audit.py). The server only keeps the order: an
-- event is appended through main.append_audit_event, which takes a lock and
-- refuses one whose prev_hash is not the current head's hash, so two PCs
-- can't fork the chain. Append-only: no UPDATE or DELETE for anyone.

CREATE TABLE main.audit_event (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at          text NOT NULL,                -- UTC ISO 8601, as hashed: verbatim
    actor_id    integer,
    action      text NOT NULL,
    target_kind text NOT NULL DEFAULT '',
    target_id   text NOT NULL DEFAULT '',
    detail      main.sealed NOT NULL,         -- free text: sealed with the main key
    prev_hash   bytea NOT NULL,
    hash        bytea NOT NULL UNIQUE,
    signer_id   integer,
    signing_key bytea,
    signature   bytea
);
CREATE INDEX audit_event_by_actor ON main.audit_event (actor_id, id);

-- Another vault's log, merged in by an import: kept apart, as in the vault.
CREATE TABLE main.imported_audit_event (
    source_vault text NOT NULL,
    id           integer NOT NULL,
    at           text NOT NULL,
    actor_id     integer,
    action       text NOT NULL,
    target_kind  text NOT NULL DEFAULT '',
    target_id    text NOT NULL DEFAULT '',
    detail       main.sealed NOT NULL,
    prev_hash    bytea NOT NULL,
    hash         bytea NOT NULL,
    signer_id    integer,
    signing_key  bytea,
    signature    bytea,
    PRIMARY KEY (source_vault, id)
);

CREATE FUNCTION main.refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON main.audit_event
    FOR EACH ROW EXECUTE FUNCTION main.refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON main.audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION main.refuse_change();
CREATE TRIGGER imported_audit_append_only BEFORE UPDATE OR DELETE ON main.imported_audit_event
    FOR EACH ROW EXECUTE FUNCTION main.refuse_change();
CREATE TRIGGER role_grant_append_only BEFORE UPDATE OR DELETE ON main.role_grant
    FOR EACH ROW EXECUTE FUNCTION main.refuse_change();

-- The head every client chains its next event to: (id, hash), or nothing for
-- an empty log. Every person may read it (each action of theirs is audited);
-- reading the whole log is for administrators and programme leads.
CREATE FUNCTION main.audit_head(OUT head_id bigint, OUT head_hash bytea)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$ SELECT id, hash FROM main.audit_event ORDER BY id DESC LIMIT 1 $$;

CREATE FUNCTION main.append_audit_event(
        p_at text, p_action text, p_target_kind text, p_target_id text, p_detail main.sealed,
        p_prev_hash bytea, p_hash bytea, p_signing_key bytea, p_signature bytea)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_me      integer := main.current_staff_id();
    v_head    bytea;
    v_head_id bigint;
    v_id      bigint;
BEGIN
    IF v_me IS NULL THEN
        RAISE EXCEPTION 'only a signed-in PeerDesk login appends to the audit log'
            USING ERRCODE = '42501';
    END IF;
    -- One appender at a time: the chain is a line, never a tree.
    PERFORM pg_advisory_xact_lock(1346717010);  -- "PEER" + 2, the audit chain's own lock
    SELECT id, hash INTO v_head_id, v_head FROM main.audit_event ORDER BY id DESC LIMIT 1;
    IF coalesce(v_head, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
            <> p_prev_hash THEN
        RAISE EXCEPTION 'the audit log moved on: chain this event to the current head'
            USING ERRCODE = '40001';
    END IF;
    -- The next number in the line: the client hashed the event with it (the
    -- head's id + 1, read from main.audit_head()).
    v_id := coalesce(v_head_id, 0) + 1;
    INSERT INTO main.audit_event (id, at, actor_id, action, target_kind, target_id, detail,
                                  prev_hash, hash, signer_id, signing_key, signature)
        VALUES (v_id, p_at, v_me, p_action, p_target_kind, p_target_id, p_detail, p_prev_hash,
                p_hash, v_me, p_signing_key, p_signature);
    RETURN v_id;
END
$$;

-- A person moved in from a vault has a staff row but no login yet: an
-- administrator makes it from a SCRAM verifier (never a password), with the
-- roles the row already records.
CREATE FUNCTION main.enable_staff_login(p_staff_id integer, p_verifier text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_login text;
    v_roles text[];
    v_role  text;
    v_group text;
BEGIN
    SELECT login_name, roles INTO v_login, v_roles FROM main.staff
        WHERE id = p_staff_id AND status = 'active';
    IF v_login IS NULL THEN
        RAISE EXCEPTION 'no active PeerDesk staff member %', p_staff_id USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login) THEN
        RAISE EXCEPTION 'staff member % already has a login', p_staff_id USING ERRCODE = '42710';
    END IF;
    IF p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a SCRAM-SHA-256 verifier is needed, never a password'
            USING ERRCODE = '22023';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', v_login, p_verifier);
    EXECUTE format('GRANT %I TO %I', {{staff.name}}, v_login);
    FOREACH v_role IN ARRAY v_roles LOOP
        v_group := CASE v_role
            WHEN 'admin' THEN {{admin.name}}
            WHEN 'programme_lead' THEN {{programme_lead.name}}
            WHEN 'caseworker' THEN {{caseworker.name}}
            WHEN 'peer_supporter' THEN {{peer_supporter.name}}
        END;
        EXECUTE format('GRANT %I TO %I', v_group, v_login);
    END LOOP;
    UPDATE main.staff SET active = true WHERE id = p_staff_id;
    RETURN v_login;
END
$$;

REVOKE ALL ON FUNCTION main.refuse_change() FROM PUBLIC;
REVOKE ALL ON FUNCTION main.audit_head() FROM PUBLIC;
REVOKE ALL ON FUNCTION main.append_audit_event(text, text, text, text, main.sealed, bytea, bytea,
                                               bytea, bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION main.enable_staff_login(integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.audit_head() TO {{staff}};
GRANT EXECUTE ON FUNCTION main.append_audit_event(text, text, text, text, main.sealed, bytea,
                                                  bytea, bytea, bytea) TO {{staff}};
GRANT EXECUTE ON FUNCTION main.enable_staff_login(integer, text) TO {{admin}};

-- ---------------------------------------------------------------------------
-- main: the peer supporters register (staff-level: administrators keep it as
-- well as programme leads). A supporter linked to an account reads only
-- their own record and what hangs off it.

CREATE TABLE main.competency (
    id       integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name     text NOT NULL UNIQUE,
    position integer NOT NULL,
    active   boolean NOT NULL DEFAULT true
);

CREATE TABLE main.course (
    id             integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name           text NOT NULL UNIQUE,
    renewal_months integer CHECK (renewal_months IS NULL OR renewal_months > 0),
    active         boolean NOT NULL DEFAULT true
);

CREATE TABLE main.course_competency (
    course_id     integer NOT NULL REFERENCES main.course (id) ON DELETE CASCADE,
    competency_id integer NOT NULL REFERENCES main.competency (id),
    PRIMARY KEY (course_id, competency_id)
);

CREATE TABLE main.supporter (
    id             integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    preferred_name main.sealed NOT NULL,
    reach          main.sealed NOT NULL,          -- how the centre reaches them
    roles          text NOT NULL,                 -- codes, sorted, comma-separated
    start_date     date NOT NULL,
    staff_id       integer UNIQUE REFERENCES main.staff (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE main.supporter_status (
    id           integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    supporter_id integer NOT NULL REFERENCES main.supporter (id) ON DELETE CASCADE,
    status       text NOT NULL CHECK (status IN ('in_training', 'active', 'on_break', 'left')),
    since        date NOT NULL
);
CREATE INDEX supporter_status_by_supporter ON main.supporter_status (supporter_id, since);

CREATE TABLE main.training_completion (
    id           integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    supporter_id integer NOT NULL REFERENCES main.supporter (id) ON DELETE CASCADE,
    course_id    integer NOT NULL REFERENCES main.course (id),
    completed_on date NOT NULL,
    valid_until  date,
    recorded_by  integer,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_by_supporter ON main.training_completion (supporter_id, course_id);

CREATE TABLE main.supporter_check (
    id           integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    supporter_id integer NOT NULL REFERENCES main.supporter (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('vetting', 'confidentiality', 'code_of_conduct')),
    checked_on   date NOT NULL,
    reference    main.sealed NOT NULL,          -- a certificate number: never printed
    expires_on   date,
    recorded_by  integer,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX check_by_supporter ON main.supporter_check (supporter_id, kind);

CREATE TABLE main.hours_entry (
    id           integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    supporter_id integer NOT NULL REFERENCES main.supporter (id) ON DELETE CASCADE,
    worked_on    date NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('training', 'supervision', 'outreach', 'admin')),
    minutes      integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    note         main.sealed NOT NULL,
    recorded_by  integer,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hours_by_supporter ON main.hours_entry (supporter_id, worked_on);

-- Supervision: when, how long, who with, readable by the supporter, their
-- supervisor and the register's keepers. Its notes are a table of their own,
-- for the supervisor and programme leads only (services/supervision.py).
CREATE TABLE main.supervision_session (
    id            integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    supporter_id  integer NOT NULL REFERENCES main.supporter (id) ON DELETE CASCADE,
    supervisor_id integer REFERENCES main.supporter (id),  -- NULL: from outside
    kind          text NOT NULL CHECK (kind IN ('individual', 'group')),
    held_on       date NOT NULL,
    minutes       integer NOT NULL CHECK (minutes BETWEEN 1 AND 720),
    recorded_by   integer,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_by_supporter ON main.supervision_session (supporter_id, held_on);
CREATE INDEX supervision_by_supervisor ON main.supervision_session (supervisor_id, held_on);

CREATE TABLE main.supervision_note (
    session_id   integer PRIMARY KEY
        REFERENCES main.supervision_session (id) ON DELETE CASCADE,
    notes_nonce  bytea NOT NULL,                -- sealed end to end (sealed_note_key)
    notes_sealed bytea NOT NULL
);

-- A private reflective journal, sealed end to end as in the vault; the row
-- is visible only to its author and the supervisor it is shared with.
CREATE TABLE main.journal_entry (
    id          integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    author_id   integer NOT NULL REFERENCES main.staff (id),
    written_on  date NOT NULL,
    nonce       bytea NOT NULL,
    sealed      bytea NOT NULL,
    shared_with integer REFERENCES main.staff (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_by_author ON main.journal_entry (author_id, written_on);

-- ---------------------------------------------------------------------------
-- casework: consent, referrals, ratings.

CREATE TABLE casework.consent (
    id           uuid PRIMARY KEY,
    peer_id      uuid NOT NULL REFERENCES casework.peer (id) ON DELETE CASCADE,
    scope        text NOT NULL
        CHECK (scope IN ('store_data', 'groups', 'contact', 'statistics', 'quotable')),
    given_on     date NOT NULL,
    recorded_by  integer,
    review_on    date,
    withdrawn_on date,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_by_peer ON casework.consent (peer_id, scope, given_on);

CREATE TABLE casework.region (
    id     integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name   text NOT NULL UNIQUE,                -- the centre's own list: not about anyone
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE casework.directory_entry (
    id            uuid PRIMARY KEY,
    name          main.sealed NOT NULL,
    phone         main.sealed NOT NULL,
    email         main.sealed NOT NULL,
    website       main.sealed NOT NULL,
    opening_hours main.sealed NOT NULL,
    notes         main.sealed NOT NULL,
    all_regions   boolean NOT NULL DEFAULT false,
    last_checked  date,
    archived_on   date,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE casework.directory_category (
    id     integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name   text NOT NULL UNIQUE,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE casework.directory_entry_category (
    entry_id    uuid NOT NULL REFERENCES casework.directory_entry (id) ON DELETE CASCADE,
    category_id integer NOT NULL REFERENCES casework.directory_category (id),
    PRIMARY KEY (entry_id, category_id)
);

CREATE TABLE casework.directory_entry_region (
    entry_id  uuid NOT NULL REFERENCES casework.directory_entry (id) ON DELETE CASCADE,
    region_id integer NOT NULL REFERENCES casework.region (id),
    PRIMARY KEY (entry_id, region_id)
);

CREATE TABLE casework.referral (
    id                 uuid PRIMARY KEY,
    peer_id            uuid NOT NULL REFERENCES casework.peer (id) ON DELETE CASCADE,
    made_on            date NOT NULL,
    destination        text NOT NULL CHECK (destination IN ('counselling', 'agency', 'group')),
    destination_name   main.sealed NOT NULL,
    status             text NOT NULL DEFAULT 'made'
        CHECK (status IN ('made', 'accepted', 'declined')),
    recorded_by        integer,
    directory_entry_id uuid REFERENCES casework.directory_entry (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_by_peer ON casework.referral (peer_id, made_on);
CREATE INDEX referral_by_date ON casework.referral (made_on, destination, status, peer_id);

CREATE TABLE casework.measure (
    key    text PRIMARY KEY,
    kind   text NOT NULL CHECK (kind IN ('ons4', 'ucla3', 'ladder')),
    title  text NOT NULL,                       -- e.g. "Confidence": the programme's own
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE casework.rating (
    id          uuid PRIMARY KEY,
    peer_id     uuid NOT NULL REFERENCES casework.peer (id) ON DELETE CASCADE,
    measure_key text NOT NULL REFERENCES casework.measure (key),
    rated_on    date NOT NULL,
    worker_id   integer,
    scores      text NOT NULL,                  -- comma-separated; '-' = declined
    total       integer,
    created_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
CREATE INDEX rating_by_peer ON casework.rating (peer_id, measure_key, rated_on);

CREATE TABLE casework.rating_change (
    id           uuid PRIMARY KEY,
    rating_id    uuid NOT NULL REFERENCES casework.rating (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('corrected', 'deleted')),
    changed_at   timestamptz NOT NULL,
    changed_by   integer NOT NULL,
    reason       main.sealed NOT NULL,
    old_rated_on date NOT NULL,
    old_scores   text NOT NULL,
    old_total    integer
);

-- ---------------------------------------------------------------------------
-- casework: groups, meetings, attendance.

CREATE TABLE casework.peer_group (
    id          uuid PRIMARY KEY,
    name        main.sealed NOT NULL,
    kind        text NOT NULL DEFAULT 'peer_support'
        CHECK (kind IN ('peer_support', 'activity', 'workshop', 'other')),
    mode        text NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'online')),
    archived_on date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Who runs a group: staff ids only, readable by every casework role (a
-- supporter's policies below look their own groups up here).
CREATE TABLE casework.group_facilitator (
    group_id uuid NOT NULL REFERENCES casework.peer_group (id) ON DELETE CASCADE,
    staff_id integer NOT NULL,
    PRIMARY KEY (group_id, staff_id)
);
CREATE INDEX group_facilitator_by_staff ON casework.group_facilitator (staff_id, group_id);

CREATE TABLE casework.group_member (
    group_id  uuid NOT NULL REFERENCES casework.peer_group (id) ON DELETE CASCADE,
    peer_id   uuid NOT NULL REFERENCES casework.peer (id) ON DELETE CASCADE,
    joined_on date NOT NULL,
    left_on   date,
    PRIMARY KEY (group_id, peer_id)
);
CREATE INDEX group_member_by_peer ON casework.group_member (peer_id, group_id);

CREATE TABLE casework.meeting (
    id              uuid PRIMARY KEY,
    group_id        uuid NOT NULL REFERENCES casework.peer_group (id) ON DELETE CASCADE,
    held_on         date NOT NULL,
    starts_at       text NOT NULL DEFAULT '',   -- HH:MM
    place           main.sealed NOT NULL,
    notes           main.sealed NOT NULL,
    status          text NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'held', 'cancelled')),
    anonymous_count integer NOT NULL DEFAULT 0 CHECK (anonymous_count >= 0),
    series_id       integer,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_by_group ON casework.meeting (group_id, held_on);
CREATE INDEX meeting_by_date ON casework.meeting (held_on, status, group_id, anonymous_count);

CREATE TABLE casework.meeting_facilitator (
    meeting_id uuid NOT NULL REFERENCES casework.meeting (id) ON DELETE CASCADE,
    staff_id   integer NOT NULL,
    PRIMARY KEY (meeting_id, staff_id)
);
CREATE INDEX meeting_facilitator_by_staff ON casework.meeting_facilitator (staff_id, meeting_id);

-- A register taken on two PCs merges by person: one row per (meeting, peer).
CREATE TABLE casework.attendance (
    meeting_id uuid NOT NULL REFERENCES casework.meeting (id) ON DELETE CASCADE,
    peer_id    uuid NOT NULL REFERENCES casework.peer (id) ON DELETE CASCADE,
    mark       text NOT NULL CHECK (mark IN ('attended', 'apologies', 'absent')),
    walk_in    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (meeting_id, peer_id)
);
CREATE INDEX attendance_by_peer ON casework.attendance (peer_id, meeting_id, mark);

-- ---------------------------------------------------------------------------
-- casework: topics of one-to-one sessions and their signposting.

CREATE TABLE casework.topic (
    id     integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name   text NOT NULL UNIQUE,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE casework.one_to_one_topic (
    session_id uuid NOT NULL REFERENCES casework.one_to_one (id) ON DELETE CASCADE,
    topic_id   integer NOT NULL REFERENCES casework.topic (id),
    PRIMARY KEY (session_id, topic_id)
);

CREATE TABLE casework.one_to_one_signpost (
    session_id uuid NOT NULL REFERENCES casework.one_to_one (id) ON DELETE CASCADE,
    entry_id   uuid NOT NULL REFERENCES casework.directory_entry (id),
    PRIMARY KEY (session_id, entry_id)
);

-- ---------------------------------------------------------------------------
-- casework: the listening service.

CREATE TABLE casework.known_caller (
    id           uuid PRIMARY KEY,
    nickname     main.sealed NOT NULL,
    note         main.sealed NOT NULL,
    created_by   integer,
    last_contact date,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE casework.contact_topic (
    id     integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name   text NOT NULL UNIQUE,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE casework.anonymous_contact (
    id              uuid PRIMARY KEY,
    contacted_on    date NOT NULL,
    contacted_time  text NOT NULL,              -- HH:MM, local
    channel         text NOT NULL CHECK (channel IN ('phone', 'text', 'email', 'online_chat',
                        'social_media', 'video', 'walk_in', 'other')),
    minutes         integer NOT NULL CHECK (minutes BETWEEN 1 AND 720),
    taken_by        integer,
    region_id       integer REFERENCES casework.region (id),
    first_time      text NOT NULL DEFAULT 'unknown'
        CHECK (first_time IN ('first', 'returning', 'unknown')),
    safety_concern  boolean NOT NULL DEFAULT false,
    outcomes        integer NOT NULL DEFAULT 0 CHECK (outcomes BETWEEN 0 AND 31),
    known_caller_id uuid REFERENCES casework.known_caller (id) ON DELETE SET NULL,
    peer_id         uuid REFERENCES casework.peer (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_by_date ON casework.anonymous_contact
    (contacted_on, channel, minutes, region_id, first_time, safety_concern, outcomes);
CREATE INDEX contact_by_taker ON casework.anonymous_contact (taken_by, contacted_on);
CREATE INDEX contact_by_caller ON casework.anonymous_contact (known_caller_id, contacted_on);
CREATE INDEX contact_by_peer ON casework.anonymous_contact (peer_id) WHERE peer_id IS NOT NULL;

CREATE TABLE casework.contact_note (
    contact_id    uuid PRIMARY KEY REFERENCES casework.anonymous_contact (id) ON DELETE CASCADE,
    notes         main.sealed NOT NULL,
    safety_action main.sealed NOT NULL
);

CREATE TABLE casework.contact_topic_link (
    contact_id uuid NOT NULL REFERENCES casework.anonymous_contact (id) ON DELETE CASCADE,
    topic_id   integer NOT NULL REFERENCES casework.contact_topic (id),
    PRIMARY KEY (contact_id, topic_id)
);

CREATE TABLE casework.contact_signpost (
    contact_id uuid NOT NULL REFERENCES casework.anonymous_contact (id) ON DELETE CASCADE,
    entry_id   uuid NOT NULL REFERENCES casework.directory_entry (id),
    PRIMARY KEY (contact_id, entry_id)
);

CREATE TABLE casework.callback (
    id              uuid PRIMARY KEY,
    received_on     date NOT NULL,
    route           text NOT NULL CHECK (route IN ('phone', 'text', 'social_media',
                        'booking_form', 'someone_they_know', 'other')),
    status          text NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'done', 'closed', 'expired')),
    closed_on       date,
    contact_id      uuid REFERENCES casework.anonymous_contact (id) ON DELETE SET NULL,
    known_caller_id uuid REFERENCES casework.known_caller (id) ON DELETE SET NULL,
    peer_id         uuid REFERENCES casework.peer (id) ON DELETE CASCADE,
    created_by      integer,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX callback_by_status ON casework.callback (status, received_on);

-- How to reach someone who asked to be called back: every word of it sealed.
CREATE TABLE casework.callback_reach (
    callback_id  uuid PRIMARY KEY REFERENCES casework.callback (id) ON DELETE CASCADE,
    ask_for      main.sealed NOT NULL,
    reach        main.sealed NOT NULL,
    calls_ok     boolean,
    texts_ok     boolean,
    email_ok     boolean,
    voicemail_ok boolean,
    safe_times   main.sealed NOT NULL,
    code_word    main.sealed NOT NULL,
    other        main.sealed NOT NULL,
    agreed_on    date NOT NULL
);

-- ---------------------------------------------------------------------------
-- casework: the peers' voice (programme leads and caseworkers only).

CREATE TABLE casework.mentoring_pair (
    id                  uuid PRIMARY KEY,
    mentee_id           uuid NOT NULL REFERENCES casework.peer (id) ON DELETE CASCADE,
    mentor_peer_id      uuid REFERENCES casework.peer (id) ON DELETE CASCADE,
    mentor_supporter_id integer,                -- main.supporter's id (checked by the client)
    starts_on           date NOT NULL,
    ends_on             date,
    goals               main.sealed NOT NULL,
    recorded_by         integer,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((mentor_peer_id IS NULL) <> (mentor_supporter_id IS NULL)),
    CHECK (mentor_peer_id IS NULL OR mentor_peer_id <> mentee_id)
);

CREATE TABLE casework.consultation (
    id          uuid PRIMARY KEY,
    held_on     date NOT NULL,
    method      text NOT NULL CHECK (method IN ('group_discussion', 'survey', 'feedback_box')),
    topic       main.sealed NOT NULL,
    headcount   integer NOT NULL CHECK (headcount BETWEEN 0 AND 100000),
    said        main.sealed NOT NULL,
    action      main.sealed NOT NULL,
    status      text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'wont_do')),
    why_not     main.sealed NOT NULL,
    status_on   date,
    recorded_by integer,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE casework.feedback (
    id          uuid PRIMARY KEY,
    given_on    date NOT NULL,
    source      text NOT NULL CHECK (source IN ('anonymous', 'staff')),
    helped      main.sealed NOT NULL,
    benefits    text NOT NULL DEFAULT '',       -- codes, sorted, comma-separated
    comments    main.sealed NOT NULL,
    recorded_by integer,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_by_date ON casework.feedback (given_on, source, benefits);

CREATE TABLE casework.quote (
    id          uuid PRIMARY KEY,
    peer_id     uuid NOT NULL REFERENCES casework.peer (id) ON DELETE CASCADE,
    consent_id  uuid NOT NULL REFERENCES casework.consent (id) ON DELETE CASCADE,
    said_on     date NOT NULL,
    words       main.sealed NOT NULL,
    warnings    main.sealed NOT NULL,
    recorded_by integer,
    approved_by integer,
    approved_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------
-- casework: the release register (figures as published: frozen) and drafts.

CREATE TABLE casework.report_release (
    id           integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code         text NOT NULL UNIQUE,
    period_kind  text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year', 'custom')),
    start_on     date NOT NULL,
    end_on       date NOT NULL,
    revision     integer NOT NULL CHECK (revision >= 1),
    revises      integer REFERENCES casework.report_release (id),
    published_at timestamptz NOT NULL,
    published_by integer NOT NULL,
    k            integer NOT NULL,
    rounding     text NOT NULL,
    counts       text NOT NULL,                 -- JSON: true counts (no names), verbatim
    hidden       text NOT NULL,
    printed      text NOT NULL,
    together     text NOT NULL DEFAULT '[]',
    note         main.sealed NOT NULL,
    UNIQUE (start_on, end_on, revision)
);
CREATE TRIGGER report_release_frozen BEFORE UPDATE OR DELETE ON casework.report_release
    FOR EACH ROW EXECUTE FUNCTION main.refuse_change();

-- An unsaved form kept at a lock: its owner's alone.
CREATE TABLE casework.draft (
    id       integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    staff_id integer NOT NULL,
    kind     text NOT NULL,
    saved_at timestamptz NOT NULL,
    payload  main.sealed NOT NULL
);
CREATE INDEX draft_by_staff ON casework.draft (staff_id, kind);

-- ---------------------------------------------------------------------------
-- Privileges. main: every person reads the centre's settings, the public
-- keys and the lists; the register's keepers (administrators, programme
-- leads) write it. Casework: as version 1, never administrators.

GRANT SELECT ON main.settings, main.meta, main.key_slot, main.personal_key, main.role_grant,
    main.competency, main.course, main.course_competency TO {{staff}};
GRANT INSERT, UPDATE, DELETE ON main.settings TO {{admin}}, {{programme_lead}};
GRANT INSERT, UPDATE, DELETE ON main.key_slot, main.personal_key TO {{admin}};
GRANT INSERT ON main.role_grant TO {{admin}};
GRANT INSERT, UPDATE, DELETE ON main.competency, main.course, main.course_competency
    TO {{admin}}, {{programme_lead}};
GRANT SELECT, INSERT, DELETE ON main.sealed_note_key TO {{staff}};
GRANT SELECT ON main.audit_event, main.imported_audit_event TO {{admin}}, {{programme_lead}};
GRANT SELECT, INSERT, UPDATE, DELETE ON main.supporter, main.supporter_status,
    main.training_completion, main.supporter_check, main.hours_entry,
    main.supervision_session, main.supervision_note TO {{staff}};
GRANT SELECT, INSERT, UPDATE, DELETE ON main.journal_entry TO {{staff}};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA main TO {{admin}}, {{programme_lead}};

GRANT SELECT, INSERT, UPDATE, DELETE ON
    casework.consent, casework.referral, casework.rating, casework.rating_change,
    casework.peer_group, casework.group_facilitator, casework.group_member, casework.meeting,
    casework.meeting_facilitator, casework.attendance, casework.one_to_one_topic,
    casework.one_to_one_signpost, casework.known_caller, casework.anonymous_contact,
    casework.contact_note, casework.contact_topic_link, casework.contact_signpost,
    casework.callback, casework.callback_reach, casework.directory_entry,
    casework.directory_entry_category, casework.directory_entry_region, casework.draft,
    casework.region, casework.topic, casework.contact_topic, casework.directory_category,
    casework.measure
    TO {{programme_lead}}, {{caseworker}};
GRANT SELECT, INSERT, UPDATE, DELETE ON casework.mentoring_pair, casework.consultation,
    casework.feedback, casework.quote TO {{programme_lead}}, {{caseworker}};
GRANT SELECT, INSERT ON casework.report_release TO {{programme_lead}};
GRANT SELECT, INSERT, UPDATE ON
    casework.consent, casework.referral, casework.rating, casework.rating_change,
    casework.attendance, casework.one_to_one_topic, casework.one_to_one_signpost,
    casework.known_caller, casework.anonymous_contact, casework.contact_note,
    casework.contact_topic_link, casework.contact_signpost, casework.callback,
    casework.callback_reach, casework.directory_entry, casework.directory_entry_category,
    casework.directory_entry_region
    TO {{peer_supporter}};
GRANT SELECT ON casework.peer_group, casework.group_facilitator, casework.group_member,
    casework.meeting, casework.meeting_facilitator, casework.region, casework.topic,
    casework.contact_topic, casework.directory_category, casework.measure TO {{peer_supporter}};
GRANT SELECT, INSERT, UPDATE, DELETE ON casework.draft TO {{peer_supporter}};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA casework TO {{programme_lead}}, {{caseworker}},
    {{peer_supporter}};

-- ---------------------------------------------------------------------------
-- Row-level security on every new table, forced on the owner too.

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
            'main.settings', 'main.meta', 'main.key_slot', 'main.personal_key',
            'main.role_grant', 'main.sealed_note_key', 'main.audit_event',
            'main.imported_audit_event', 'main.competency', 'main.course',
            'main.course_competency', 'main.supporter', 'main.supporter_status',
            'main.training_completion', 'main.supporter_check', 'main.hours_entry',
            'main.supervision_session', 'main.supervision_note', 'main.journal_entry',
            'casework.consent', 'casework.region', 'casework.directory_entry',
            'casework.directory_category', 'casework.directory_entry_category',
            'casework.directory_entry_region', 'casework.referral', 'casework.measure',
            'casework.rating', 'casework.rating_change', 'casework.peer_group',
            'casework.group_facilitator', 'casework.group_member', 'casework.meeting',
            'casework.meeting_facilitator', 'casework.attendance', 'casework.topic',
            'casework.one_to_one_topic', 'casework.one_to_one_signpost',
            'casework.known_caller', 'casework.contact_topic', 'casework.anonymous_contact',
            'casework.contact_note', 'casework.contact_topic_link', 'casework.contact_signpost',
            'casework.callback', 'casework.callback_reach', 'casework.mentoring_pair',
            'casework.consultation', 'casework.feedback', 'casework.quote',
            'casework.report_release', 'casework.draft'] LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    END LOOP;
END
$$;

-- main: what every signed-in person reads (and the keepers write).
CREATE POLICY signed_in ON main.settings FOR ALL TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL)
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY signed_in ON main.meta FOR SELECT TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY signed_in ON main.key_slot FOR ALL TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL)
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY signed_in ON main.personal_key FOR ALL TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL)
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY signed_in ON main.role_grant FOR ALL TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL)
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY signed_in ON main.competency FOR ALL TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL)
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY signed_in ON main.course FOR ALL TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL)
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY signed_in ON main.course_competency FOR ALL TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL)
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);

-- A sealed note key is its reader's: read one's own; give one to anybody
-- (writing a note seals its key to each reader).
CREATE POLICY own_keys ON main.sealed_note_key FOR SELECT TO {{staff}}
    USING (staff_id = (SELECT main.current_staff_id()));
CREATE POLICY give_keys ON main.sealed_note_key FOR INSERT TO {{staff}}
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY drop_own_keys ON main.sealed_note_key FOR DELETE TO {{staff}}
    USING (staff_id = (SELECT main.current_staff_id()));

-- The audit log: read by administrators and programme leads; appended only
-- through main.append_audit_event (no INSERT privilege for anyone).
CREATE POLICY audit_readers ON main.audit_event FOR SELECT TO {{admin}}, {{programme_lead}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY audit_readers ON main.imported_audit_event FOR SELECT
    TO {{admin}}, {{programme_lead}} USING ((SELECT main.current_staff_id()) IS NOT NULL);
-- The functions run as the tables' owner, who is held to the policies too.
CREATE POLICY appender ON main.audit_event FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);

-- The supporters register: its keepers see it all; anybody else only their
-- own supporter record and what hangs off it.
CREATE FUNCTION main.own_supporter_id() RETURNS integer
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$ SELECT id FROM main.supporter WHERE staff_id = main.current_staff_id() $$;
GRANT EXECUTE ON FUNCTION main.own_supporter_id() TO {{staff}};

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['main.supporter', 'main.supporter_status',
            'main.training_completion', 'main.supporter_check', 'main.hours_entry',
            'main.supervision_session'] LOOP
        EXECUTE format('CREATE POLICY keepers ON %s FOR ALL TO %I, %I '
                       'USING ((SELECT main.current_staff_id()) IS NOT NULL) '
                       'WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL)',
                       t, {{admin.name}}, {{programme_lead.name}});
    END LOOP;
END
$$;
CREATE POLICY own_record ON main.supporter FOR SELECT TO {{staff}}
    USING (staff_id = (SELECT main.current_staff_id()));
CREATE POLICY own_record ON main.supporter_status FOR SELECT TO {{staff}}
    USING (supporter_id = (SELECT main.own_supporter_id()));
CREATE POLICY own_record ON main.training_completion FOR SELECT TO {{staff}}
    USING (supporter_id = (SELECT main.own_supporter_id()));
CREATE POLICY own_record ON main.supporter_check FOR SELECT TO {{staff}}
    USING (supporter_id = (SELECT main.own_supporter_id()));
-- Hours: one's own, read and entered (services/supervision.py).
CREATE POLICY own_hours ON main.hours_entry FOR ALL TO {{staff}}
    USING (supporter_id = (SELECT main.own_supporter_id()))
    WITH CHECK (supporter_id = (SELECT main.own_supporter_id()));
-- Supervision sessions: one's own, and those of the people one supervises
-- (whose supervisor one is), read; recorded by the supervisor too.
CREATE POLICY own_supervision ON main.supervision_session FOR SELECT TO {{staff}}
    USING ((SELECT main.own_supporter_id()) IN (supporter_id, supervisor_id));
CREATE POLICY supervisor_records ON main.supervision_session FOR INSERT TO {{staff}}
    WITH CHECK (supervisor_id = (SELECT main.own_supporter_id()));
-- Supervision notes: the session's supervisor and programme leads only —
-- not the supporter, not an administrator.
CREATE POLICY leads_read_notes ON main.supervision_note FOR ALL TO {{programme_lead}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL)
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY supervisor_notes ON main.supervision_note FOR ALL TO {{staff}}
    USING (session_id IN (SELECT id FROM main.supervision_session
                          WHERE supervisor_id = (SELECT main.own_supporter_id())))
    WITH CHECK (session_id IN (SELECT id FROM main.supervision_session
                               WHERE supervisor_id = (SELECT main.own_supporter_id())));
-- A journal entry: its author, and the supervisor it is shared with (who may
-- only read it). Nobody else, whatever their role.
CREATE POLICY author ON main.journal_entry FOR ALL TO {{staff}}
    USING (author_id = (SELECT main.current_staff_id()))
    WITH CHECK (author_id = (SELECT main.current_staff_id()));
CREATE POLICY shared_with_me ON main.journal_entry FOR SELECT TO {{staff}}
    USING (shared_with = (SELECT main.current_staff_id()));

-- casework: programme leads and caseworkers see and change every row (as for
-- peers in version 1), except the voice (below) and drafts (their owner's).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
            'casework.consent', 'casework.region', 'casework.directory_entry',
            'casework.directory_category', 'casework.directory_entry_category',
            'casework.directory_entry_region', 'casework.referral', 'casework.measure',
            'casework.rating', 'casework.rating_change', 'casework.peer_group',
            'casework.group_facilitator', 'casework.group_member', 'casework.meeting',
            'casework.meeting_facilitator', 'casework.attendance', 'casework.topic',
            'casework.one_to_one_topic', 'casework.one_to_one_signpost',
            'casework.known_caller', 'casework.contact_topic', 'casework.anonymous_contact',
            'casework.contact_note', 'casework.contact_topic_link', 'casework.contact_signpost',
            'casework.callback', 'casework.callback_reach', 'casework.mentoring_pair',
            'casework.consultation', 'casework.feedback', 'casework.quote',
            'casework.report_release'] LOOP
        EXECUTE format('CREATE POLICY every_row ON %s FOR ALL TO %I, %I '
                       'USING ((SELECT main.current_staff_id()) IS NOT NULL) '
                       'WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL)',
                       t, {{programme_lead.name}}, {{caseworker.name}});
    END LOOP;
    -- The lists every casework role chooses from, and the signposting
    -- directory the listening service uses (LOG_CONTACTS): every row.
    FOREACH t IN ARRAY ARRAY[
            'casework.region', 'casework.topic', 'casework.contact_topic',
            'casework.directory_category', 'casework.measure', 'casework.directory_entry',
            'casework.directory_entry_category', 'casework.directory_entry_region',
            'casework.group_facilitator', 'casework.meeting_facilitator',
            'casework.known_caller', 'casework.callback', 'casework.callback_reach'] LOOP
        EXECUTE format('CREATE POLICY listening ON %s FOR ALL TO %I '
                       'USING ((SELECT main.current_staff_id()) IS NOT NULL) '
                       'WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL)',
                       t, {{peer_supporter.name}});
    END LOOP;
END
$$;

-- A peer supporter: what is about the peers assigned to them (the subquery
-- on casework.peer runs under peer's own policy).
CREATE POLICY assigned ON casework.consent FOR ALL TO {{peer_supporter}}
    USING (peer_id IN (SELECT id FROM casework.peer))
    WITH CHECK (peer_id IN (SELECT id FROM casework.peer));
CREATE POLICY assigned ON casework.referral FOR ALL TO {{peer_supporter}}
    USING (peer_id IN (SELECT id FROM casework.peer))
    WITH CHECK (peer_id IN (SELECT id FROM casework.peer));
CREATE POLICY assigned ON casework.rating FOR ALL TO {{peer_supporter}}
    USING (peer_id IN (SELECT id FROM casework.peer))
    WITH CHECK (peer_id IN (SELECT id FROM casework.peer)
                AND worker_id = (SELECT main.current_staff_id()));
CREATE POLICY assigned ON casework.rating_change FOR ALL TO {{peer_supporter}}
    USING (rating_id IN (SELECT id FROM casework.rating))
    WITH CHECK (rating_id IN (SELECT id FROM casework.rating)
                AND changed_by = (SELECT main.current_staff_id()));
CREATE POLICY assigned ON casework.one_to_one_topic FOR ALL TO {{peer_supporter}}
    USING (session_id IN (SELECT id FROM casework.one_to_one))
    WITH CHECK (session_id IN (SELECT id FROM casework.one_to_one
                               WHERE worker_id = (SELECT main.current_staff_id())));
CREATE POLICY assigned ON casework.one_to_one_signpost FOR ALL TO {{peer_supporter}}
    USING (session_id IN (SELECT id FROM casework.one_to_one))
    WITH CHECK (session_id IN (SELECT id FROM casework.one_to_one
                               WHERE worker_id = (SELECT main.current_staff_id())));

-- Groups: the ones they facilitate, those groups' meetings and registers.
CREATE POLICY facilitated ON casework.peer_group FOR SELECT TO {{peer_supporter}}
    USING (id IN (SELECT group_id FROM casework.group_facilitator
                  WHERE staff_id = (SELECT main.current_staff_id())));
CREATE POLICY facilitated ON casework.group_member FOR SELECT TO {{peer_supporter}}
    USING (group_id IN (SELECT group_id FROM casework.group_facilitator
                        WHERE staff_id = (SELECT main.current_staff_id())));
CREATE POLICY facilitated ON casework.meeting FOR SELECT TO {{peer_supporter}}
    USING (group_id IN (SELECT group_id FROM casework.group_facilitator
                        WHERE staff_id = (SELECT main.current_staff_id()))
           OR id IN (SELECT meeting_id FROM casework.meeting_facilitator
                     WHERE staff_id = (SELECT main.current_staff_id())));
CREATE POLICY facilitated ON casework.attendance FOR ALL TO {{peer_supporter}}
    USING (meeting_id IN (SELECT id FROM casework.meeting))
    WITH CHECK (meeting_id IN (SELECT id FROM casework.meeting));
-- A facilitator sees who is on the register (peer ids) but reads the peer
-- rows of the assigned ones only, as casework.peer's policy says: widening
-- it would open those peers' safe-contact details and notes too.

-- The listening service: every contact that is not a peer's (a peer's goes
-- with the peer), changed and its notes read only by whoever took it.
CREATE POLICY listening ON casework.anonymous_contact FOR SELECT TO {{peer_supporter}}
    USING (peer_id IS NULL OR peer_id IN (SELECT id FROM casework.peer));
CREATE POLICY own_contacts ON casework.anonymous_contact FOR INSERT TO {{peer_supporter}}
    WITH CHECK (taken_by = (SELECT main.current_staff_id()));
CREATE POLICY own_contacts_change ON casework.anonymous_contact FOR UPDATE TO {{peer_supporter}}
    USING (taken_by = (SELECT main.current_staff_id()))
    WITH CHECK (taken_by = (SELECT main.current_staff_id()));
CREATE POLICY own_contacts ON casework.contact_note FOR ALL TO {{peer_supporter}}
    USING (contact_id IN (SELECT id FROM casework.anonymous_contact
                          WHERE taken_by = (SELECT main.current_staff_id())))
    WITH CHECK (contact_id IN (SELECT id FROM casework.anonymous_contact
                               WHERE taken_by = (SELECT main.current_staff_id())));
CREATE POLICY listening ON casework.contact_topic_link FOR SELECT TO {{peer_supporter}}
    USING (contact_id IN (SELECT id FROM casework.anonymous_contact));
CREATE POLICY own_contacts ON casework.contact_topic_link FOR INSERT TO {{peer_supporter}}
    WITH CHECK (contact_id IN (SELECT id FROM casework.anonymous_contact
                               WHERE taken_by = (SELECT main.current_staff_id())));
CREATE POLICY listening ON casework.contact_signpost FOR SELECT TO {{peer_supporter}}
    USING (contact_id IN (SELECT id FROM casework.anonymous_contact));
CREATE POLICY own_contacts ON casework.contact_signpost FOR INSERT TO {{peer_supporter}}
    WITH CHECK (contact_id IN (SELECT id FROM casework.anonymous_contact
                               WHERE taken_by = (SELECT main.current_staff_id())));

-- Drafts: their owner's only, whatever the role.
CREATE POLICY own_drafts ON casework.draft FOR ALL
    TO {{programme_lead}}, {{caseworker}}, {{peer_supporter}}
    USING (staff_id = (SELECT main.current_staff_id()))
    WITH CHECK (staff_id = (SELECT main.current_staff_id()));
