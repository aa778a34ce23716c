"""Contacts and group registers on the team server (issue 18).

Contacts are the listening service's log (`casework.anonymous_contact`, its
note in `casework.contact_note`, its topics in `casework.contact_topic_link`);
a register is a group meeting's attendance (`casework.attendance`, one row per
meeting and person). Both may be made on a PC while the server can't be
reached, so both carry ids made here and are safe to send again:

* a contact lands once: INSERT ... ON CONFLICT (id) DO NOTHING, its note and
  topics in the same transaction;
* a register merges by person. Each mark is sent as an upsert on (meeting,
  peer) that keeps the *stronger* mark: attended > apologies > absent, and a
  walk-in stays a walk-in. The merge is the maximum, so it is the same in any
  order, on any number of PCs, and sent twice is the same as sent once: two
  PCs taking the same register end with the union of the people present, and
  an outbox sent a day late changes nothing it shouldn't.

  Deliberately, an "absent" or "apologies" from one PC never takes away an
  "attended" from another: someone who marked a person present saw them
  there, while "absent" is usually just "not ticked on this PC". A mistaken
  "attended" is put right with `correct_mark`, an edit made online only (like
  every edit of a record already on the server), which sets the mark as given.

Audited as the vault audits them, when given an `audit` (services.team gives
one that chains to the server's audit log): each event in the transaction of
what it records, after the rows it writes (so a register's row locks are never
waited on while holding the log's lock), with ids and marks only, never a name.
A contact is recorded against its peer when it has one, else as a contact; a
mark that changes the register against the person marked; a resend that
changes nothing records nothing (the first send did). Reading contacts, a
register or the names on one's registers is recorded as a view.

Sealed columns, as `storage/team/tables.py` says: a contact's notes and
safety action (bound to the contact's id); a facilitator's view of names is
the peer's preferred name, sealed to the peer's id.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from psycopg import sql

from peerdesk.domain.audit import AuditAction
from peerdesk.storage.team.casework import Audit, _saving
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.schema import Conn

SEALED_COLUMNS: dict[str, tuple[str, ...]] = {
    "contact_note": ("notes", "safety_action"),
}

MARKS = ("absent", "apologies", "attended")  # weakest first: the merge keeps the strongest
RANK = {mark: rank for rank, mark in enumerate(MARKS)}


@dataclass(frozen=True, slots=True)
class TeamContact:
    """One contact of the listening service (a first contact or a returning one)."""

    id: uuid.UUID
    contacted_on: date
    contacted_time: str          # HH:MM, local
    channel: str
    minutes: int
    taken_by: int | None
    region_id: int | None = None
    first_time: str = "unknown"  # first, returning, unknown
    safety_concern: bool = False
    outcomes: int = 0
    known_caller_id: uuid.UUID | None = None
    peer_id: uuid.UUID | None = None
    notes: str = ""
    safety_action: str = ""
    topic_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TeamMark:
    peer_id: uuid.UUID
    mark: str                    # attended, apologies, absent
    walk_in: bool = False


@dataclass(frozen=True, slots=True)
class TeamRegister:
    """A register (or part of one) as taken on one PC: `id` is this taking's own,
    so the outbox holds it once; the marks merge by person on the server."""

    id: uuid.UUID
    meeting_id: uuid.UUID
    marks: tuple[TeamMark, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class RegisterName:
    """A person on the register of a meeting one facilitates: id and name only."""

    peer_id: uuid.UUID
    preferred_name: str


@dataclass(frozen=True, slots=True)
class TeamGroupRow:
    """A group in the centre's list: who runs it (staff ids), members now, and the
    meetings either side of today."""

    id: uuid.UUID
    name: str
    kind: str
    mode: str
    facilitator_ids: tuple[int, ...]
    members: int
    last_meeting: date | None
    next_meeting: date | None


@dataclass(frozen=True, slots=True)
class TeamMeetingRow:
    id: uuid.UUID
    group_id: uuid.UUID
    held_on: date
    starts_at: str
    place: str
    status: str
    anonymous_count: int
    attended: int


@dataclass(frozen=True, slots=True)
class TeamRegisterLine:
    """One person on a meeting's register: its members then, and anyone marked
    on it (a walk-in, a past member). `ref_number` is None when this login may
    not read the peer's record (a facilitator sees the name only); `mark` is
    None when nobody marked them yet."""

    peer_id: uuid.UUID
    preferred_name: str
    ref_number: int | None
    member: bool
    mark: str | None
    walk_in: bool


_CONTACT_PLAIN = ("id", "contacted_on", "contacted_time", "channel", "minutes", "taken_by",
                  "region_id", "first_time", "safety_concern", "outcomes", "known_caller_id",
                  "peer_id")


def merged(first: str, second: str) -> str:
    """The mark two takings of a register agree on (the stronger)."""
    return first if RANK[first] >= RANK[second] else second


# -- the outbox's form of them (JSON) ---------------------------------------------------------

def encode(record: TeamContact | TeamRegister) -> str:
    if isinstance(record, TeamRegister):
        body: dict[str, Any] = {
            "id": str(record.id), "meeting_id": str(record.meeting_id),
            "marks": [[str(m.peer_id), m.mark, m.walk_in] for m in record.marks]}
    else:
        body = {name: getattr(record, name) for name in (*_CONTACT_PLAIN, "notes",
                                                         "safety_action")}
        for name in ("id", "known_caller_id", "peer_id"):
            body[name] = None if body[name] is None else str(body[name])
        body["contacted_on"] = record.contacted_on.isoformat()
        body["topic_ids"] = list(record.topic_ids)
    return json.dumps(body, sort_keys=True)


def decode_register(body: str) -> TeamRegister:
    raw = json.loads(body)
    return TeamRegister(uuid.UUID(raw["id"]), uuid.UUID(raw["meeting_id"]),
                        tuple(TeamMark(uuid.UUID(p), str(m), bool(w))
                              for p, m, w in raw["marks"]))


def decode_contact(body: str) -> TeamContact:
    raw = json.loads(body)
    for name in ("id", "known_caller_id", "peer_id"):
        raw[name] = None if raw[name] is None else uuid.UUID(raw[name])
    raw["contacted_on"] = date.fromisoformat(raw["contacted_on"])
    raw["topic_ids"] = tuple(int(t) for t in raw["topic_ids"])
    return TeamContact(**raw)


# -- the server ---------------------------------------------------------------------------

class TeamGroupwork:
    """Contacts and registers on the team server for one connection (one login)."""

    def __init__(self, conn: Conn, cipher: FieldCipher, audit: Audit | None = None) -> None:
        self.conn = conn
        self.cipher = cipher
        self.audit = audit

    def _audit(self, action: AuditAction, kind: str, target: object, detail: str = "") -> None:
        if self.audit is not None:
            self.audit(action, kind, str(target), detail)

    def _audit_contact(self, action: AuditAction, contact: TeamContact, what: str = "") -> None:
        """Against the peer once the contact is on their record, so their trail
        shows it (as services/listening.py does in the vault)."""
        if contact.peer_id is not None:
            self._audit(action, "peer", contact.peer_id,
                        f"contact {contact.id}" + (f" {what}" if what else ""))
        else:
            self._audit(action, "contact", contact.id, what)

    # contacts

    def add_contact(self, contact: TeamContact) -> bool:
        """The contact, its note and its topics in one transaction; False when a
        contact with its id is already there (a resend: it lands once)."""
        sealed = {c: self.cipher.seal("contact_note", c, contact.id, getattr(contact, c))
                  for c in SEALED_COLUMNS["contact_note"]}
        values = {c: getattr(contact, c) for c in _CONTACT_PLAIN}
        with _saving(self.conn):
            cursor = self.conn.execute(
                "INSERT INTO casework.anonymous_contact (" + ", ".join(_CONTACT_PLAIN)
                + ") VALUES (" + ", ".join(f"%({c})s" for c in _CONTACT_PLAIN)
                + ") ON CONFLICT (id) DO NOTHING", values)
            if not cursor.rowcount:
                return False
            self.conn.execute(
                "INSERT INTO casework.contact_note (contact_id, notes, safety_action) "
                "VALUES (%s, %s, %s)", (contact.id, sealed["notes"], sealed["safety_action"]))
            for topic in sorted(set(contact.topic_ids)):
                self.conn.execute("INSERT INTO casework.contact_topic_link (contact_id, "
                                  "topic_id) VALUES (%s, %s)", (contact.id, topic))
            self._audit_contact(AuditAction.CREATED, contact)
        return True

    def contacts(self, on: date | None = None) -> list[TeamContact]:
        """The contacts this login may see (of one day, or all), oldest first; a
        note this login may not read comes back empty."""
        with _saving(self.conn):
            rows = self._contact_rows(on)
            self._audit(AuditAction.VIEWED, "contacts", "",
                        f"contacts of {on.isoformat() if on else 'every day'}, "
                        f"{len(rows)} results")
        found = []
        for row in rows:
            values: dict[str, Any] = dict(zip(_CONTACT_PLAIN, row, strict=False))
            notes, action, topics = row[len(_CONTACT_PLAIN):]
            if notes is not None:
                values["notes"] = self.cipher.open("contact_note", "notes", values["id"], notes)
                values["safety_action"] = self.cipher.open("contact_note", "safety_action",
                                                           values["id"], action)
            values["topic_ids"] = tuple(topics)
            found.append(TeamContact(**values))
        return found

    def _contact_rows(self, on: date | None) -> list[tuple[Any, ...]]:
        return self.conn.execute(
            "SELECT " + ", ".join(f"c.{n}" for n in _CONTACT_PLAIN)
            + ", n.notes, n.safety_action, "
            "coalesce((SELECT array_agg(t.topic_id ORDER BY t.topic_id) "
            "FROM casework.contact_topic_link t WHERE t.contact_id = c.id), '{}') "
            "FROM casework.anonymous_contact c "
            "LEFT JOIN casework.contact_note n ON n.contact_id = c.id "
            "WHERE %(on)s::date IS NULL OR c.contacted_on = %(on)s "
            "ORDER BY c.contacted_on, c.contacted_time, c.id", {"on": on}).fetchall()

    # groups and meetings (what a register hangs off)

    def add_group(self, group_id: uuid.UUID, name: str, facilitators: tuple[int, ...] = (),
                  *, kind: str = "peer_support") -> bool:
        with _saving(self.conn):
            cursor = self.conn.execute(
                "INSERT INTO casework.peer_group (id, name, kind) VALUES (%s, %s, %s) "
                "ON CONFLICT (id) DO NOTHING",
                (group_id, self.cipher.seal("peer_group", "name", group_id, name), kind))
            if not cursor.rowcount:
                return False
            self._add_facilitators("group_facilitator", "group_id", group_id, facilitators)
            self._audit(AuditAction.CREATED, "group", group_id)
        return True

    def add_member(self, group_id: uuid.UUID, peer_id: uuid.UUID, joined_on: date) -> None:
        with _saving(self.conn):
            cursor = self.conn.execute(
                "INSERT INTO casework.group_member (group_id, peer_id, joined_on) "
                "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", (group_id, peer_id, joined_on))
            if cursor.rowcount:
                self._audit(AuditAction.CHANGED, "peer", peer_id, f"joined group {group_id}")

    def add_meeting(self, meeting_id: uuid.UUID, group_id: uuid.UUID, held_on: date, *,
                    facilitators: tuple[int, ...] = ()) -> bool:
        seal = self.cipher.seal
        with _saving(self.conn):
            cursor = self.conn.execute(
                "INSERT INTO casework.meeting (id, group_id, held_on, place, notes, status) "
                "VALUES (%s, %s, %s, %s, %s, 'held') ON CONFLICT (id) DO NOTHING",
                (meeting_id, group_id, held_on, seal("meeting", "place", meeting_id, ""),
                 seal("meeting", "notes", meeting_id, "")))
            if not cursor.rowcount:
                return False
            self._add_facilitators("meeting_facilitator", "meeting_id", meeting_id, facilitators)
            self._audit(AuditAction.CREATED, "group", group_id, f"meeting {meeting_id}")
        return True

    def groups(self, today: date) -> list[TeamGroupRow]:
        """The groups this login may see (row security: a peer supporter's are the
        ones they facilitate), not archived, by name; `today` splits the last
        meeting from the next."""
        with _saving(self.conn):
            rows = self.conn.execute(
                "SELECT g.id, g.name, g.kind, g.mode, "
                "coalesce((SELECT array_agg(f.staff_id ORDER BY f.staff_id) "
                "FROM casework.group_facilitator f WHERE f.group_id = g.id), '{}'), "
                "(SELECT count(*) FROM casework.group_member m WHERE m.group_id = g.id "
                "AND (m.left_on IS NULL OR m.left_on > %(today)s)), "
                "(SELECT max(x.held_on) FROM casework.meeting x WHERE x.group_id = g.id "
                "AND x.held_on < %(today)s AND x.status <> 'cancelled'), "
                "(SELECT min(x.held_on) FROM casework.meeting x WHERE x.group_id = g.id "
                "AND x.held_on >= %(today)s AND x.status <> 'cancelled') "
                "FROM casework.peer_group g WHERE g.archived_on IS NULL",
                {"today": today}).fetchall()
            self._audit(AuditAction.VIEWED, "groups", "", f"groups, {len(rows)} results")
        found = [TeamGroupRow(g, self.cipher.open("peer_group", "name", g, name), kind, mode,
                              tuple(staff), int(members), last, upcoming)
                 for g, name, kind, mode, staff, members, last, upcoming in rows]
        return sorted(found, key=lambda r: (r.name.casefold(), str(r.id)))

    def meetings(self, group_id: uuid.UUID) -> list[TeamMeetingRow]:
        """A group's meetings, newest first, each with how many attended."""
        with _saving(self.conn):
            rows = self.conn.execute(
                "SELECT m.id, m.held_on, m.starts_at, m.place, m.status, m.anonymous_count, "
                "(SELECT count(*) FROM casework.attendance a WHERE a.meeting_id = m.id "
                "AND a.mark = 'attended') FROM casework.meeting m WHERE m.group_id = %s "
                "ORDER BY m.held_on DESC, m.starts_at DESC, m.id", (group_id,)).fetchall()
            self._audit(AuditAction.VIEWED, "group", group_id, f"meetings, {len(rows)} results")
        return [TeamMeetingRow(m, group_id, held_on, starts_at,
                               self.cipher.open("meeting", "place", m, place), status,
                               int(anonymous), int(attended))
                for m, held_on, starts_at, place, status, anonymous, attended in rows]

    def register_lines(self, meeting_id: uuid.UUID) -> list[TeamRegisterLine]:
        """Who is on a meeting's register, with their marks so far, by name: the
        group's members on the day and anyone marked. Names come from the peer's
        record where this login may read it, else through register_names() (a
        facilitator's narrow door: the name only), asked only then: it reads
        every register the login facilitates, so it is the slower way."""
        with _saving(self.conn):
            rows = self.conn.execute(
                "WITH m AS (SELECT group_id, held_on FROM casework.meeting WHERE id = %(m)s), "
                "members AS (SELECT g.peer_id FROM casework.group_member g, m "
                "WHERE g.group_id = m.group_id AND g.joined_on <= m.held_on "
                "AND (g.left_on IS NULL OR g.left_on > m.held_on)), "
                "marked AS (SELECT peer_id, mark, walk_in FROM casework.attendance "
                "WHERE meeting_id = %(m)s), "
                "listed AS (SELECT peer_id FROM members UNION SELECT peer_id FROM marked) "
                "SELECT l.peer_id, p.preferred_name, p.ref_number, "
                "l.peer_id IN (SELECT peer_id FROM members), a.mark, coalesce(a.walk_in, false) "
                "FROM listed l LEFT JOIN marked a ON a.peer_id = l.peer_id "
                "LEFT JOIN casework.peer p ON p.id = l.peer_id",
                {"m": meeting_id}).fetchall()
            hidden = [row[0] for row in rows if row[1] is None]
            names: dict[uuid.UUID, Any] = dict(self.conn.execute(
                "SELECT peer_id, preferred_name FROM casework.register_names() "
                "WHERE peer_id = ANY(%s)", (hidden,)).fetchall()) if hidden else {}
            self._audit(AuditAction.VIEWED, "meeting", meeting_id,
                        f"register, {len(rows)} people")
        found = []
        for peer_id, sealed, ref, member, mark, walk_in in rows:
            name = sealed if sealed is not None else names.get(peer_id)
            found.append(TeamRegisterLine(
                peer_id, "" if name is None else self.cipher.open("peer", "preferred_name",
                                                                  peer_id, name),
                ref, bool(member), mark, bool(walk_in)))
        return sorted(found, key=lambda r: (r.preferred_name.casefold(), str(r.peer_id)))

    def _add_facilitators(self, table: str, owner: str, owner_id: uuid.UUID,
                          staff_ids: tuple[int, ...]) -> None:
        """Who runs a new group or meeting; `table` and `owner` are this module's own
        names (group_facilitator/group_id, meeting_facilitator/meeting_id)."""
        insert = sql.SQL("INSERT INTO casework.{} ({}, staff_id) VALUES (%s, %s)").format(
            sql.Identifier(table), sql.Identifier(owner))
        for staff_id in staff_ids:
            self.conn.execute(insert, (owner_id, staff_id))

    # registers

    def take_register(self, register: TeamRegister) -> int:
        """Merge these marks into the meeting's register, by person; how many
        rows it changed (0 for a resend, or marks the register already had)."""
        changed: list[tuple[uuid.UUID, str, bool]] = []
        with _saving(self.conn):
            # In the same order on every PC, so two registers of one meeting merged
            # at once wait for each other rather than deadlock.
            for mark in sorted(register.marks, key=lambda m: str(m.peer_id)):
                cursor = self.conn.execute(
                    "INSERT INTO casework.attendance AS a (meeting_id, peer_id, mark, walk_in) "
                    "VALUES (%(meeting)s, %(peer)s, %(mark)s, %(walk_in)s) "
                    "ON CONFLICT (meeting_id, peer_id) DO UPDATE SET "
                    "mark = CASE WHEN array_position(%(ranks)s::text[], excluded.mark) > "
                    "array_position(%(ranks)s::text[], a.mark) THEN excluded.mark "
                    "ELSE a.mark END, walk_in = a.walk_in OR excluded.walk_in "
                    "WHERE array_position(%(ranks)s::text[], excluded.mark) > "
                    "array_position(%(ranks)s::text[], a.mark) "
                    "OR (excluded.walk_in AND NOT a.walk_in) RETURNING a.mark, a.walk_in",
                    {"meeting": register.meeting_id, "peer": mark.peer_id, "mark": mark.mark,
                     "walk_in": mark.walk_in, "ranks": list(MARKS)})
                now = cursor.fetchone()
                if now is not None:
                    changed.append((mark.peer_id, str(now[0]), bool(now[1])))
            for peer_id, now_mark, walk_in in changed:
                self._audit(AuditAction.CHANGED, "peer", peer_id,
                            f"marked {now_mark}" + (" (walk-in)" if walk_in else "")
                            + f" at meeting {register.meeting_id}")
        return len(changed)

    def correct_mark(self, meeting_id: uuid.UUID, peer_id: uuid.UUID, mark: str) -> bool:
        """Set one person's mark as given (an edit, made online: it may weaken a mark)."""
        with _saving(self.conn):
            cursor = self.conn.execute(
                "UPDATE casework.attendance SET mark = %s WHERE meeting_id = %s AND peer_id = %s",
                (mark, meeting_id, peer_id))
            if cursor.rowcount:
                self._audit(AuditAction.CHANGED, "peer", peer_id,
                            f"mark corrected to {mark} at meeting {meeting_id}")
        return bool(cursor.rowcount)

    def register(self, meeting_id: uuid.UUID) -> list[TeamMark]:
        with _saving(self.conn):
            rows = self.conn.execute(
                "SELECT peer_id, mark, walk_in FROM casework.attendance WHERE meeting_id = %s "
                "ORDER BY peer_id", (meeting_id,)).fetchall()
            self._audit(AuditAction.VIEWED, "meeting", meeting_id, "register")
        return [TeamMark(p, str(m), bool(w)) for p, m, w in rows]

    def register_names(self) -> list[RegisterName]:
        """Who is on the registers (and in the groups) this login facilitates: ids and
        names only, through casework.register_names() (team migration 5), for a
        facilitator who may not read those peers' records."""
        with _saving(self.conn):
            rows = self.conn.execute(
                "SELECT peer_id, preferred_name FROM casework.register_names()").fetchall()
            self._audit(AuditAction.VIEWED, "registers", "",
                        f"names on one's registers, {len(rows)} people")
        found = [RegisterName(p, self.cipher.open("peer", "preferred_name", p, name))
                 for p, name in rows]
        return sorted(found, key=lambda r: (r.preferred_name.casefold(), str(r.peer_id)))
