"""Every vault table as it lives on the team server: one description, used by
`peerdesk team migrate` (storage/team/move.py) to copy and to verify, and by
the tests to check the server's catalogue says the same.

A column's kind says how a vault value becomes the server's and how both
sides write it in the canonical form the content hashes are made from:

    int, text     as they are
    date          'YYYY-MM-DD' text in the vault, `date` on the server
    ts            ISO 8601 text in the vault, `timestamptz` on the server
    bool          0/1 in the vault, `boolean` on the server (NULL stays NULL)
    bytes         `bytea` (already ciphertext or public keys)
    uuid          a vault integer id, made a UUID the same way every time
                  (uuid5 of the vault's id, the table and the number), so a
                  copy run twice makes the same ids
    sealed        text sealed on the client (main.sealed on the server)
    roles         staff roles, 'a,b' in the vault, text[] on the server

Vault columns not copied are listed in LEFT_OUT with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

INT, TEXT, DATE, TS, BOOL, BYTES, UUID, SEALED, ROLES = (
    "int", "text", "date", "ts", "bool", "bytes", "uuid", "sealed", "roles")


@dataclass(frozen=True, slots=True)
class Col:
    name: str                 # the server's column
    kind: str
    source: str | None = None  # the vault's column, when it is named otherwise
    ref: str | None = None     # for uuid: the vault table whose ids it holds

    @property
    def vault_column(self) -> str:
        return self.source or self.name


@dataclass(frozen=True, slots=True)
class TeamTable:
    schema: str               # "main" or "casework" on the server; also the sealing key
    name: str                 # the server's table
    source: str               # the vault's table
    key: tuple[str, ...]      # server columns the rows are ordered (and sealed) by
    columns: tuple[Col, ...]
    where: str = ""           # which vault rows (a split table)
    sealed_by: str | None = None  # the column whose value binds sealed values (default: key)
    identity: str | None = None   # an identity column to move past the copied ids

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def sealed(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.kind == SEALED)

    def column(self, name: str) -> Col:
        return next(c for c in self.columns if c.name == name)


def _c(spec: str, kind: str = TEXT, **extra: str) -> tuple[Col, ...]:
    return tuple(Col(name, kind, **extra) for name in spec.split())


def _uuid(name: str, ref: str, source: str | None = None) -> Col:
    return Col(name, UUID, source=source, ref=ref)


_STAMPS = _c("created_at updated_at", TS)

TABLES: tuple[TeamTable, ...] = (
    # -- main ------------------------------------------------------------------------
    TeamTable("main", "staff", "staff", ("id",), (
        Col("id", INT), Col("login_name", TEXT, source="id"), Col("roles", ROLES),
        Col("display_name", SEALED, source="name"), Col("active", BOOL, source="status"),
        Col("role", TEXT), Col("status", TEXT), Col("must_change_password", BOOL),
        Col("slot_id", TEXT), Col("created_at", TS)),
        sealed_by="login_name", identity="id"),
    TeamTable("main", "settings", "settings", ("key",), _c("key value")),
    TeamTable("main", "meta", "meta", ("key",), _c("key value")),
    TeamTable("main", "key_slot", "key_slot", ("slot_id",), (
        *_c("slot_id kind"), *_c("public_key", BYTES), Col("staff_id", INT),
        Col("certificate", BYTES))),
    TeamTable("main", "personal_key", "personal_key", ("staff_id", "public_key"), (
        Col("staff_id", INT), *_c("public_key signing_key signature", BYTES),
        Col("created_at", TEXT))),
    TeamTable("main", "role_grant", "role_grant", ("staff_id", "serial"), (
        *_c("staff_id serial", INT), Col("name_key", SEALED), *_c("roles status"),
        Col("signing_key", BYTES), Col("issued_at", TEXT), Col("issued_by", INT),
        Col("signature", BYTES))),
    TeamTable("main", "sealed_note_key", "sealed_note_key",
              ("item_kind", "item_id", "staff_id", "public_key"), (
        Col("item_kind", TEXT), *_c("item_id staff_id", INT),
        *_c("public_key ephemeral nonce sealed", BYTES))),
    TeamTable("main", "audit_event", "audit_event", ("id",), (
        Col("id", INT), Col("at", TEXT), Col("actor_id", INT),
        *_c("action target_kind target_id"), Col("detail", SEALED),
        *_c("prev_hash hash", BYTES), Col("signer_id", INT),
        *_c("signing_key signature", BYTES)), identity="id"),
    TeamTable("main", "imported_audit_event", "imported_audit_event", ("source_vault", "id"), (
        Col("source_vault", TEXT), Col("id", INT), Col("at", TEXT), Col("actor_id", INT),
        *_c("action target_kind target_id"), Col("detail", SEALED),
        *_c("prev_hash hash", BYTES), Col("signer_id", INT),
        *_c("signing_key signature", BYTES))),
    TeamTable("main", "competency", "competency", ("id",), (
        Col("id", INT), Col("name", TEXT), Col("position", INT), Col("active", BOOL)),
        identity="id"),
    TeamTable("main", "course", "course", ("id",), (
        Col("id", INT), Col("name", TEXT), Col("renewal_months", INT), Col("active", BOOL)),
        identity="id"),
    TeamTable("main", "course_competency", "course_competency", ("course_id", "competency_id"),
              _c("course_id competency_id", INT)),
    TeamTable("main", "supporter", "supporter", ("id",), (
        Col("id", INT), *_c("preferred_name reach", SEALED), Col("roles", TEXT),
        Col("start_date", DATE), Col("staff_id", INT), *_STAMPS), identity="id"),
    TeamTable("main", "supporter_status", "supporter_status", ("id",), (
        *_c("id supporter_id", INT), Col("status", TEXT), Col("since", DATE)), identity="id"),
    TeamTable("main", "training_completion", "training_completion", ("id",), (
        *_c("id supporter_id course_id", INT), *_c("completed_on valid_until", DATE),
        Col("recorded_by", INT), Col("created_at", TS), Col("from_modules", BOOL)),
        identity="id"),
    TeamTable("main", "course_module", "course_module", ("id",), (
        *_c("id course_id", INT), Col("name", TEXT), Col("position", INT),
        Col("retired", BOOL)), identity="id"),
    TeamTable("main", "module_competency", "module_competency", ("module_id", "competency_id"),
              _c("module_id competency_id", INT)),
    TeamTable("main", "module_completion", "module_completion", ("id",), (
        *_c("id supporter_id module_id", INT), *_c("completed_on valid_until", DATE),
        Col("recorded_by", INT), Col("created_at", TS)), identity="id"),
    TeamTable("main", "supporter_check", "supporter_check", ("id",), (
        *_c("id supporter_id", INT), Col("kind", TEXT), Col("checked_on", DATE),
        Col("reference", SEALED), Col("expires_on", DATE), Col("recorded_by", INT),
        Col("created_at", TS)), identity="id"),
    TeamTable("main", "hours_entry", "hours_entry", ("id",), (
        *_c("id supporter_id", INT), Col("worked_on", DATE), Col("kind", TEXT),
        Col("minutes", INT), Col("note", SEALED), Col("recorded_by", INT),
        Col("created_at", TS)), identity="id"),
    TeamTable("main", "supervision_session", "supervision_session", ("id",), (
        *_c("id supporter_id supervisor_id", INT), Col("kind", TEXT), Col("held_on", DATE),
        *_c("minutes recorded_by", INT), Col("created_at", TS)), identity="id"),
    TeamTable("main", "supervision_note", "supervision_session", ("session_id",), (
        Col("session_id", INT, source="id"), *_c("notes_nonce notes_sealed", BYTES)),
        where="notes_sealed IS NOT NULL"),
    TeamTable("main", "journal_entry", "journal_entry", ("id",), (
        *_c("id author_id", INT), Col("written_on", DATE), *_c("nonce sealed", BYTES),
        Col("shared_with", INT), *_STAMPS), identity="id"),
    # -- casework: peers and what is about them -------------------------------------------
    TeamTable("casework", "peer", "peer", ("id",), (
        _uuid("id", "peer"), Col("ref_number", INT),
        *_c("preferred_name full_name", SEALED), Col("birth_year", INT),
        *_c("age_band gender"), Col("gender_description", SEALED),
        *_c("languages nationality contact_route"), Col("first_contact", DATE),
        Col("status", TEXT), Col("closed_on", DATE), Col("closed_reason", SEALED),
        *_c("caseworker_id supporter_id", INT),
        *_c("last_contact next_follow_up first_session_on", DATE), *_STAMPS)),
    TeamTable("casework", "safe_contact", "safe_contact", ("peer_id",), (
        _uuid("peer_id", "peer"),
        *_c("do_not_contact calls_ok texts_ok email_ok voicemail_ok", BOOL),
        *_c("safe_times code_word other", SEALED))),
    TeamTable("casework", "one_to_one", "one_to_one", ("id",), (
        _uuid("id", "one_to_one"), _uuid("peer_id", "peer"), Col("worker_id", INT),
        Col("held_on", DATE), Col("minutes", INT), *_c("mode kind"),
        *_c("follow_up_on follow_up_done_on", DATE), *_STAMPS,
        _uuid("follow_up_closed_by", "one_to_one"))),
    TeamTable("casework", "one_to_one_note", "one_to_one_note", ("session_id",), (
        _uuid("session_id", "one_to_one"), *_c("notes next_steps", SEALED))),
    TeamTable("casework", "consent", "consent", ("id",), (
        _uuid("id", "consent"), _uuid("peer_id", "peer"), Col("scope", TEXT),
        Col("given_on", DATE), Col("recorded_by", INT), *_c("review_on withdrawn_on", DATE),
        Col("created_at", TS))),
    TeamTable("casework", "region", "region", ("id",), (
        Col("id", INT), Col("name", TEXT), Col("active", BOOL)), identity="id"),
    TeamTable("casework", "directory_entry", "directory_entry", ("id",), (
        _uuid("id", "directory_entry"),
        *_c("name phone email website opening_hours notes", SEALED),
        Col("all_regions", BOOL), *_c("last_checked archived_on", DATE), *_STAMPS)),
    TeamTable("casework", "directory_category", "directory_category", ("id",), (
        Col("id", INT), Col("name", TEXT), Col("active", BOOL)), identity="id"),
    TeamTable("casework", "directory_entry_category", "directory_entry_category",
              ("entry_id", "category_id"), (
        _uuid("entry_id", "directory_entry"), Col("category_id", INT))),
    TeamTable("casework", "directory_entry_region", "directory_entry_region",
              ("entry_id", "region_id"), (
        _uuid("entry_id", "directory_entry"), Col("region_id", INT))),
    TeamTable("casework", "referral", "referral", ("id",), (
        _uuid("id", "referral"), _uuid("peer_id", "peer"), Col("made_on", DATE),
        Col("destination", TEXT), Col("destination_name", SEALED), Col("status", TEXT),
        Col("recorded_by", INT), _uuid("directory_entry_id", "directory_entry"), *_STAMPS)),
    TeamTable("casework", "measure", "measure", ("key",), (
        *_c("key kind title"), Col("active", BOOL))),
    TeamTable("casework", "rating", "rating", ("id",), (
        _uuid("id", "rating"), _uuid("peer_id", "peer"), Col("measure_key", TEXT),
        Col("rated_on", DATE), Col("worker_id", INT), Col("scores", TEXT), Col("total", INT),
        *_c("created_at deleted_at", TS))),
    TeamTable("casework", "rating_change", "rating_change", ("id",), (
        _uuid("id", "rating_change"), _uuid("rating_id", "rating"), Col("kind", TEXT),
        Col("changed_at", TS), Col("changed_by", INT), Col("reason", SEALED),
        Col("old_rated_on", DATE), Col("old_scores", TEXT), Col("old_total", INT))),
    # -- casework: groups ---------------------------------------------------------------
    TeamTable("casework", "peer_group", "peer_group", ("id",), (
        _uuid("id", "peer_group"), Col("name", SEALED), *_c("kind mode"),
        Col("archived_on", DATE), *_STAMPS)),
    TeamTable("casework", "group_facilitator", "group_facilitator", ("group_id", "staff_id"), (
        _uuid("group_id", "peer_group"), Col("staff_id", INT))),
    TeamTable("casework", "group_member", "group_member", ("group_id", "peer_id"), (
        _uuid("group_id", "peer_group"), _uuid("peer_id", "peer"),
        *_c("joined_on left_on", DATE))),
    TeamTable("casework", "meeting", "meeting", ("id",), (
        _uuid("id", "meeting"), _uuid("group_id", "peer_group"), Col("held_on", DATE),
        Col("starts_at", TEXT), *_c("place notes", SEALED), Col("status", TEXT),
        *_c("anonymous_count series_id", INT), *_STAMPS)),
    TeamTable("casework", "meeting_facilitator", "meeting_facilitator",
              ("meeting_id", "staff_id"), (_uuid("meeting_id", "meeting"), Col("staff_id", INT))),
    TeamTable("casework", "attendance", "attendance", ("meeting_id", "peer_id"), (
        _uuid("meeting_id", "meeting"), _uuid("peer_id", "peer"), Col("mark", TEXT),
        Col("walk_in", BOOL))),
    TeamTable("casework", "topic", "topic", ("id",), (
        Col("id", INT), Col("name", TEXT), Col("active", BOOL)), identity="id"),
    TeamTable("casework", "one_to_one_topic", "one_to_one_topic", ("session_id", "topic_id"), (
        _uuid("session_id", "one_to_one"), Col("topic_id", INT))),
    TeamTable("casework", "one_to_one_signpost", "one_to_one_signpost",
              ("session_id", "entry_id"), (
        _uuid("session_id", "one_to_one"), _uuid("entry_id", "directory_entry"))),
    # -- casework: the listening service --------------------------------------------------
    TeamTable("casework", "known_caller", "known_caller", ("id",), (
        _uuid("id", "known_caller"), *_c("nickname note", SEALED), Col("created_by", INT),
        Col("last_contact", DATE), *_STAMPS)),
    TeamTable("casework", "contact_topic", "contact_topic", ("id",), (
        Col("id", INT), Col("name", TEXT), Col("active", BOOL)), identity="id"),
    TeamTable("casework", "anonymous_contact", "anonymous_contact", ("id",), (
        _uuid("id", "anonymous_contact"), Col("contacted_on", DATE),
        *_c("contacted_time channel"), *_c("minutes taken_by region_id", INT),
        Col("first_time", TEXT), Col("safety_concern", BOOL), Col("outcomes", INT),
        _uuid("known_caller_id", "known_caller"), _uuid("peer_id", "peer"), *_STAMPS)),
    TeamTable("casework", "contact_note", "contact_note", ("contact_id",), (
        _uuid("contact_id", "anonymous_contact"), *_c("notes safety_action", SEALED))),
    TeamTable("casework", "contact_topic_link", "contact_topic_link", ("contact_id", "topic_id"), (
        _uuid("contact_id", "anonymous_contact"), Col("topic_id", INT))),
    TeamTable("casework", "contact_signpost", "contact_signpost", ("contact_id", "entry_id"), (
        _uuid("contact_id", "anonymous_contact"), _uuid("entry_id", "directory_entry"))),
    TeamTable("casework", "callback", "callback", ("id",), (
        _uuid("id", "callback"), Col("received_on", DATE), *_c("route status"),
        Col("closed_on", DATE), _uuid("contact_id", "anonymous_contact"),
        _uuid("known_caller_id", "known_caller"), _uuid("peer_id", "peer"),
        Col("created_by", INT), *_STAMPS)),
    TeamTable("casework", "callback_reach", "callback_reach", ("callback_id",), (
        _uuid("callback_id", "callback"), *_c("ask_for reach", SEALED),
        *_c("calls_ok texts_ok email_ok voicemail_ok", BOOL),
        *_c("safe_times code_word other", SEALED), Col("agreed_on", DATE))),
    # -- casework: the peers' voice -------------------------------------------------------
    TeamTable("casework", "mentoring_pair", "mentoring_pair", ("id",), (
        _uuid("id", "mentoring_pair"), _uuid("mentee_id", "peer"),
        _uuid("mentor_peer_id", "peer"), Col("mentor_supporter_id", INT),
        *_c("starts_on ends_on", DATE), Col("goals", SEALED), Col("recorded_by", INT),
        *_STAMPS)),
    TeamTable("casework", "consultation", "consultation", ("id",), (
        _uuid("id", "consultation"), Col("held_on", DATE), Col("method", TEXT),
        Col("topic", SEALED), Col("headcount", INT), *_c("said action", SEALED),
        Col("status", TEXT), Col("why_not", SEALED), Col("status_on", DATE),
        Col("recorded_by", INT), *_STAMPS)),
    TeamTable("casework", "feedback", "feedback", ("id",), (
        _uuid("id", "feedback"), Col("given_on", DATE), Col("source", TEXT),
        Col("helped", SEALED), Col("benefits", TEXT), Col("comments", SEALED),
        Col("recorded_by", INT), Col("created_at", TS))),
    TeamTable("casework", "quote", "quote", ("id",), (
        _uuid("id", "quote"), _uuid("peer_id", "peer"), _uuid("consent_id", "consent"),
        Col("said_on", DATE), *_c("words warnings", SEALED), *_c("recorded_by approved_by", INT),
        Col("approved_at", TS), *_STAMPS)),
    # -- casework: releases and drafts -----------------------------------------------------
    TeamTable("casework", "report_release", "report_release", ("id",), (
        Col("id", INT), *_c("code period_kind"), *_c("start_on end_on", DATE),
        *_c("revision revises", INT), Col("published_at", TS), *_c("published_by k", INT),
        *_c("rounding counts hidden printed together"), Col("note", SEALED)), identity="id"),
    TeamTable("casework", "draft", "draft", ("id",), (
        *_c("id staff_id", INT), Col("kind", TEXT), Col("saved_at", TS),
        Col("payload", SEALED)), identity="id"),
)

# Vault tables and columns the server does not get, and why.
LEFT_OUT: dict[str, str] = {
    "main.key_task": "the vault's own key chores (a rotation or sealing owed on this PC)",
    "main.staff.name_key": "a casefolded name: the client sorts and matches names",
    "casework.peer.sort_name": "a casefolded name: the client sorts and matches names",
    "main.supporter.sort_name": "a casefolded name: the client sorts and matches names",
    "casework.known_caller.sort_name": "a casefolded name: the client sorts and matches names",
    "casework.directory_entry.sort_name": "a casefolded name: the client sorts names",
}


def by_name() -> dict[str, TeamTable]:
    return {table.qualified: table for table in TABLES}


def sealed_columns(schema: str | None = None) -> set[tuple[str, str]]:
    """(table, column) of every sealed column, of one server schema or all."""
    return {(t.name, c) for t in TABLES if schema in (None, t.schema) for c in t.sealed}
