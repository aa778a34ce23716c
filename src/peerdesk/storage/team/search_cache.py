"""The search cache: what one login may see, on this PC, for search as you type.

Names and notes on the team server are sealed, so the server can't search
them, and asking it for every peer at each keystroke would not be fast. Each
PC keeps an SQLCipher file per person and centre in its data folder, keyed by
a subkey of the casework key (HKDF, its own purpose, not the outbox's), so it
opens only for someone holding casework. It holds the peers this login may
see (the list's columns and names) and their sessions with the notes this
login may read, with FTS5 indexes like the vault's (`peer_search`,
`note_search`: contentless, diacritics folded, prefix search).

Kept in step incrementally (team migration "search cache changes"): every
peer, session and note row on the server carries the id of the transaction
that last wrote it (`changed_xid`). A refresh reads, in one repeatable-read
snapshot, the rows stamped at or after the watermark, and the entries of
`casework.cache_drop` since then (rows deleted, and peers whose caseworker or
supporter changed); for those it keeps only what this login may still see.
The new watermark is the oldest transaction still running in that snapshot,
so a transaction that commits late is read next time, not missed.

`casework.cache_drop` entries are kept 90 days (team migration "cache drop
pruning"), pruned by any PC's refresh. A cache whose watermark is older than
the newest entry pruned may have missed one: it reads everything this login
may see again and removes from its copy whatever is no longer there.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg

from peerdesk.domain.peer import parse_ref
from peerdesk.storage import crypto
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.search import prefix_query
from peerdesk.storage.team.casework import ConnectionLost, TeamPeer, TeamSession
from peerdesk.storage.team.errors import TeamServerError
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.schema import Conn

PURPOSE = b"peerdesk-team-search-cache"
# Notes are searched once every word typed has this many characters, and only
# the last NOTE_LIMIT notes logged that match count (as the vault's note
# search): a word's first letters match most of a centre's notes.
NOTE_MIN_CHARS = 3
NOTE_LIMIT = 200
# Peers per batch of the first fill: each batch is one local transaction and
# one point it can stop at and go on from.
FILL_BATCH = 500
_NO_ID = "00000000-0000-0000-0000-000000000000"
_WAITING = "waiting to be sent"  # the stamp of a peer added here offline (never a server's)
_WORD = re.compile(r"\w+", re.UNICODE)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS peer (
    n              INTEGER PRIMARY KEY,          -- rowid of peer_search
    id             TEXT NOT NULL UNIQUE,         -- the server's uuid
    ref_number     INTEGER NOT NULL,
    preferred_name TEXT NOT NULL,
    sort_name      TEXT NOT NULL,                -- casefolded preferred name, as the vault
    status         TEXT NOT NULL,
    caseworker_id  INTEGER,
    supporter_id   INTEGER,
    row_version    INTEGER NOT NULL,
    stamp          TEXT NOT NULL                 -- the server's changed_xid when read
);
CREATE INDEX IF NOT EXISTS peer_by_name ON peer (sort_name, ref_number);
CREATE TABLE IF NOT EXISTS session (
    n            INTEGER PRIMARY KEY,            -- rowid of note_search
    id           TEXT NOT NULL UNIQUE,
    peer_n       INTEGER NOT NULL REFERENCES peer (n) ON DELETE CASCADE,
    held_on      TEXT NOT NULL,
    follow_up_on TEXT,
    follow_up_done_on TEXT,
    stamp        TEXT NOT NULL                   -- changed_xid of the session and its note
);
CREATE INDEX IF NOT EXISTS session_by_peer ON session (peer_n, held_on);
CREATE VIRTUAL TABLE IF NOT EXISTS peer_search USING fts5(
    names, content = '', contentless_delete = 1, prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS note_search USING fts5(
    body, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""

_PEER_READ = ("id", "ref_number", "preferred_name", "full_name", "status", "caseworker_id",
              "supporter_id", "row_version", "changed_xid::text")


class NoLongerActive(TeamServerError):
    default_message = ("Your account on the team server is no longer active, so this PC no "
                       "longer keeps your copy of peers' records.")


@dataclass(frozen=True, slots=True)
class CachedPeer:
    """One row of the peers list, as this PC last had it from the server."""

    id: uuid.UUID
    ref_number: int
    preferred_name: str
    status: str
    caseworker_id: int | None
    supporter_id: int | None
    last_contact: date | None
    next_follow_up: date | None


@dataclass(frozen=True, slots=True)
class FillProgress:
    """How far the first fill is: peers in the cache of those this login sees."""

    done: int
    total: int

    @property
    def percent(self) -> int:
        return 100 if self.total <= 0 else min(100, self.done * 100 // self.total)


@dataclass(frozen=True, slots=True)
class Refreshed:
    changed_peers: int
    changed_sessions: int
    removed_peers: int
    removed_sessions: int


@dataclass(frozen=True, slots=True)
class _Changes:
    mark: str
    dropped_peers: list[str]
    dropped_sessions: list[str]
    visible_peers: set[str]
    visible_sessions: set[str]
    peers: list[tuple[Any, ...]]
    sessions: list[tuple[Any, ...]]
    # Read whole (an entry this cache needed was pruned): what it holds and the
    # server no longer shows it goes.
    whole: bool = False


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


class SearchCache:
    """One person's search cache file for one centre."""

    def __init__(self, path: Path, casework_key: bytes | bytearray) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = crypto.derive_subkey(casework_key, PURPOSE)
        try:
            self.db = Database(path, key, create=True)
        finally:
            crypto.wipe(key)
        # A copy of the server's rows, brought in step after every save: a commit
        # that waits for the disk (FULL) cost a PC more than the save itself. In
        # WAL mode NORMAL is still all or nothing; a power cut may lose the last
        # refreshes, watermark with them, and the next refresh reads them again.
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.executescript(_SCHEMA)
        self.path = path
        self._replaced = 0

    def close(self) -> None:
        self.db.close()

    # -- what it says about itself -----------------------------------------------

    def _meta(self, key: str) -> str | None:
        rows = self.db.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                        "DO UPDATE SET value = excluded.value", (key, value))

    @property
    def in_step_at(self) -> datetime | None:
        """When it was last in step with the server (None: never filled)."""
        found = self._meta("in_step_at")
        return None if found is None else datetime.fromisoformat(found)

    # -- reading ------------------------------------------------------------------

    def find(self, text: str) -> list[uuid.UUID]:
        """Peers whose names start with every word typed, or, once each word has
        NOTE_MIN_CHARS characters, whose notes (those this login may read) hold
        them among the NOTE_LIMIT last logged that do, as the vault's note search;
        a reference (P-0042) finds that peer. Ordered as the vault's peers list:
        by name casefolded, then reference."""
        ref = parse_ref(text) if text.strip() else None
        if ref is not None:
            rows = self.db.query("SELECT id FROM peer WHERE ref_number = ?", (ref,))
            return [uuid.UUID(r[0]) for r in rows]
        query = prefix_query(text)
        if query is None:
            return []
        shortest = min(len(word) for word in _WORD.findall(text))
        if shortest < NOTE_MIN_CHARS:
            # The first keystrokes match most notes (and thousands of names):
            # names only, walking the small name index in order, as the vault.
            rows = self.db.query(
                "SELECT id FROM peer INDEXED BY peer_by_name WHERE n IN "
                "(SELECT rowid FROM peer_search WHERE peer_search MATCH ?) "
                "ORDER BY sort_name, ref_number", (query,))
        else:
            rows = self.db.query(
                "SELECT id FROM peer WHERE n IN (SELECT rowid FROM peer_search "
                "WHERE peer_search MATCH ?1) OR n IN (SELECT s.peer_n FROM session s "
                "WHERE s.n IN (SELECT rowid FROM note_search WHERE note_search MATCH ?1 "
                "ORDER BY rowid DESC LIMIT ?2)) ORDER BY sort_name, ref_number",
                (query, NOTE_LIMIT))
        return [uuid.UUID(r[0]) for r in rows]

    def peers(self, ids: Sequence[uuid.UUID] | None = None) -> list[CachedPeer]:
        """The list's rows: all, by name; or these ids, in the order given (the list
        fetches the rows it shows, a screenful at a time)."""
        select = ("SELECT p.id, p.ref_number, p.preferred_name, p.status, p.caseworker_id, "
                  "p.supporter_id, (SELECT max(held_on) FROM session WHERE peer_n = p.n), "
                  "(SELECT min(follow_up_on) FROM session WHERE peer_n = p.n AND "
                  "follow_up_done_on IS NULL) FROM peer p")
        if ids is None:
            rows = self.db.query(select + " ORDER BY p.sort_name, p.ref_number")
        else:
            rows = []
            wanted = [str(i) for i in ids]
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                rows += self.db.query(
                    select + f" WHERE p.id IN ({', '.join('?' * len(chunk))})", chunk)
        found = [CachedPeer(uuid.UUID(r[0]), int(r[1]), r[2], r[3], r[4], r[5], _day(r[6]),
                            _day(r[7])) for r in rows]
        if ids is None:
            return found
        by_id = {p.id: p for p in found}
        return [by_id[i] for i in ids if i in by_id]

    def count(self) -> int:
        return int(self.db.scalar("SELECT count(*) FROM peer"))

    # -- keeping in step ----------------------------------------------------------

    def _remove_peers(self, ids: Iterable[str]) -> int:
        removed = 0
        for peer_id in ids:
            rows = self.db.query("SELECT n FROM peer WHERE id = ?", (peer_id,))
            if not rows:
                continue
            n = int(rows[0][0])
            sessions = [int(s[0]) for s in self.db.query(
                "SELECT n FROM session WHERE peer_n = ?", (n,))]
            self.db.executemany("DELETE FROM note_search WHERE rowid = ?",
                                [(s,) for s in sessions])
            self.db.execute("DELETE FROM session WHERE peer_n = ?", (n,))
            self.db.execute("DELETE FROM peer_search WHERE rowid = ?", (n,))
            self.db.execute("DELETE FROM peer WHERE n = ?", (n,))
            removed += 1
        return removed

    def _remove_sessions(self, ids: Iterable[str]) -> int:
        removed = 0
        for session_id in ids:
            rows = self.db.query("SELECT n FROM session WHERE id = ?", (session_id,))
            if rows:
                self.db.execute("DELETE FROM note_search WHERE rowid = ?", (rows[0][0],))
                self.db.execute("DELETE FROM session WHERE n = ?", (rows[0][0],))
                removed += 1
        return removed

    def _put_peer(self, values: dict[str, Any], cipher: FieldCipher) -> bool:
        peer_id = str(values["id"])
        stamp = str(values["changed_xid::text"])
        found = self.db.query("SELECT n, stamp FROM peer WHERE id = ?", (peer_id,))
        if found and found[0][1] == stamp:
            return False  # read before, unchanged (the watermark overlaps on purpose)
        names = " ".join(cipher.open("peer", column, values["id"], values[column])
                         for column in ("preferred_name", "full_name")).strip()
        preferred = cipher.open("peer", "preferred_name", values["id"], values["preferred_name"])
        plain = (values["ref_number"], preferred, preferred.casefold(), values["status"],
                 values["caseworker_id"], values["supporter_id"], values["row_version"], stamp)
        self._write_peer(peer_id, names, plain, found)
        return True

    def put_waiting(self, peer: TeamPeer) -> None:
        """A peer added on this PC while the server couldn't be reached (waiting in
        the outbox), so search finds them meanwhile: without a reference number
        yet (NUMBER_FROM_SERVER, as they are added) and stamped as no read from the
        server is, so the server's row, number and all, replaces this one once it
        has landed."""
        plain = (peer.ref_number, peer.preferred_name, peer.preferred_name.casefold(),
                 peer.status, peer.caseworker_id, peer.supporter_id, 0, _WAITING)
        names = f"{peer.preferred_name} {peer.full_name}".strip()
        with self.db.transaction():
            found = self.db.query("SELECT n, stamp FROM peer WHERE id = ?", (str(peer.id),))
            self._write_peer(str(peer.id), names, plain, found)

    def _write_peer(self, peer_id: str, names: str, plain: tuple[Any, ...],
                    found: list[tuple[Any, ...]]) -> None:
        if found:
            n = int(found[0][0])
            self.db.execute("UPDATE peer SET ref_number = ?, preferred_name = ?, sort_name = ?, "
                            "status = ?, caseworker_id = ?, supporter_id = ?, row_version = ?, "
                            "stamp = ? WHERE n = ?", (*plain, n))
            self.db.execute("DELETE FROM peer_search WHERE rowid = ?", (n,))
            self._replaced += 1
        else:
            n = int(self.db.execute(
                "INSERT INTO peer (id, ref_number, preferred_name, sort_name, status, "
                "caseworker_id, supporter_id, row_version, stamp) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (peer_id, *plain)).lastrowid)
        self.db.execute("INSERT INTO peer_search (rowid, names) VALUES (?, ?)", (n, names))

    def _put_session(self, row: tuple[Any, ...], cipher: FieldCipher) -> bool:
        (session_id, peer_id, held_on, follow_up, done, notes, steps,
         stamp) = (str(row[0]), str(row[1]), *row[2:7], str(row[7]))
        peer = self.db.query("SELECT n FROM peer WHERE id = ?", (peer_id,))
        if not peer:
            return False  # its peer isn't visible to this login
        found = self.db.query("SELECT n, stamp FROM session WHERE id = ?", (session_id,))
        if found and found[0][1] == stamp:
            return False
        values = (int(peer[0][0]), held_on.isoformat(),
                  None if follow_up is None else follow_up.isoformat(),
                  None if done is None else done.isoformat(), stamp)
        if found:
            n = int(found[0][0])
            self.db.execute("UPDATE session SET peer_n = ?, held_on = ?, follow_up_on = ?, "
                            "follow_up_done_on = ?, stamp = ? WHERE n = ?", (*values, n))
            self.db.execute("DELETE FROM note_search WHERE rowid = ?", (n,))
            self._replaced += 1
        else:
            n = int(self.db.execute(
                "INSERT INTO session (id, peer_n, held_on, follow_up_on, follow_up_done_on, "
                "stamp) VALUES (?, ?, ?, ?, ?, ?)", (session_id, *values)).lastrowid)
        if notes is not None:  # None: a note this login may not read
            body = " ".join(cipher.open("one_to_one_note", column, row[0], sealed)
                            for column, sealed in (("notes", notes), ("next_steps", steps)))
            if body.strip():
                self.db.execute("INSERT INTO note_search (rowid, body) VALUES (?, ?)",
                                (n, body.strip()))
        return True

    def refresh(self, conn: Conn, cipher: FieldCipher) -> Refreshed:
        """Bring the cache in step with what this login sees on the server now
        (filling it first if it never was, or finishing a fill cut off)."""
        filled = Refreshed(0, 0, 0, 0)
        if not self.filled:
            filled = self._fill_all(conn, cipher)
        watermark = self._meta("watermark")
        try:
            with conn.transaction():
                conn.execute("SELECT casework.prune_cache_drop()")
            read = self._read_changes(conn, watermark)
        except psycopg.OperationalError as exc:
            raise ConnectionLost from exc
        found = self._apply(read, cipher)
        return Refreshed(found.changed_peers + filled.changed_peers,
                         found.changed_sessions + filled.changed_sessions,
                         found.removed_peers, found.removed_sessions)

    def put_saved_session(self, session: TeamSession, stamp: str, cipher: FieldCipher) -> None:
        """A session this PC has just saved on the server, as the next refresh
        would read it (`stamp`: TeamCasework.save_session's), so its note is
        searchable at once without a round of the server after every save; that
        refresh then finds it unchanged. The watermark stays: what others saved
        meanwhile is read then."""
        row = (session.id, session.peer_id, session.held_on, session.follow_up_on, None,
               *(cipher.seal("one_to_one_note", column, session.id, getattr(session, column))
                 for column in ("notes", "next_steps")), stamp)
        with self.db.transaction():
            self._put_session(row, cipher)

    # -- the first fill, in batches --------------------------------------------------

    @property
    def filled(self) -> bool:
        """Whether the first fill is done (search can use it); a fill cut off
        (the app closed midway) leaves its place here and goes on from it."""
        return self._meta("watermark") is not None and self._meta("fill_mark") is None

    def fill(self, conn: Conn, cipher: FieldCipher, *, batch: int | None = None,
             progress: Callable[[FillProgress], None] | None = None,
             should_stop: Callable[[], bool] = lambda: False) -> bool:
        """The first fill: every peer this login may see and their sessions, `batch`
        peers at a time (by id), each batch one local transaction that also
        records where it got to, so a fill stopped (`should_stop`, checked after
        each batch) or cut off goes on from there; then brought in step. True
        when the cache is filled, False when stopped first.

        Rows changed on the server while it fills are caught by the refresh
        at the end: its watermark is the snapshot taken when the fill began."""
        if self.filled:
            return True
        batch = batch or FILL_BATCH
        try:
            if self._meta("fill_mark") is None:
                with self.db.transaction():
                    self._set_meta("fill_mark", self._snapshot_mark(conn))
                    self._set_meta("fill_after", _NO_ID)
            total = self._visible_peers(conn)
            while True:
                after = self._meta("fill_after") or _NO_ID
                peers, sessions = self._read_batch(conn, after, batch)
                if peers:
                    with self.db.transaction():
                        for found in peers:
                            self._put_peer(dict(zip(_PEER_READ, found, strict=True)), cipher)
                        for row in sessions:
                            self._put_session(row, cipher)
                        self._set_meta("fill_after", str(peers[-1][0]))
                if progress is not None:
                    progress(FillProgress(self.count(), max(total, self.count())))
                if not peers or len(peers) < batch:
                    break
                if should_stop():
                    return False
            with self.db.transaction():
                self._set_meta("watermark", str(self._meta("fill_mark")))
                self.db.execute("DELETE FROM meta WHERE key IN ('fill_mark', 'fill_after')")
            self.refresh(conn, cipher)
        except psycopg.OperationalError as exc:
            raise ConnectionLost from exc
        return True

    def _fill_all(self, conn: Conn, cipher: FieldCipher) -> Refreshed:
        before_peers = self.count()
        before_sessions = int(self.db.scalar("SELECT count(*) FROM session"))
        self.fill(conn, cipher)
        return Refreshed(self.count() - before_peers,
                         int(self.db.scalar("SELECT count(*) FROM session")) - before_sessions,
                         0, 0)

    @staticmethod
    def _snapshot_mark(conn: Conn) -> str:
        """The oldest transaction still running now: what commits after this is
        read by the refresh that ends the fill."""
        with conn.transaction():
            row = conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text, "
                               "main.current_staff_id()").fetchone()
        if row is None or row[1] is None:
            raise NoLongerActive
        return str(row[0])

    @staticmethod
    def _visible_peers(conn: Conn) -> int:
        row = conn.execute("SELECT count(*) FROM casework.peer").fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def _read_batch(conn: Conn, after: str, batch: int
                    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            peers = conn.execute(
                "SELECT " + ", ".join(_PEER_READ) + " FROM casework.peer "
                "WHERE id > %s::uuid ORDER BY id LIMIT %s", (after, batch)).fetchall()
            ids = [str(p[0]) for p in peers]
            sessions = conn.execute(
                "SELECT s.id, s.peer_id, s.held_on, s.follow_up_on, s.follow_up_done_on, "
                "n.notes, n.next_steps, s.changed_xid::text || '|' || "
                "coalesce(n.changed_xid::text, '') FROM casework.one_to_one s "
                "LEFT JOIN casework.one_to_one_note n ON n.session_id = s.id "
                "WHERE s.peer_id = ANY(%s::uuid[])", (ids,)).fetchall() if ids else []
        return peers, sessions

    def _read_changes(self, conn: Conn, watermark: str | None) -> _Changes:
        since = "0" if watermark is None else watermark
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            row = conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text, "
                               "main.current_staff_id()").fetchone()
            if row is None or row[1] is None:
                raise NoLongerActive
            next_mark = str(row[0])
            if watermark is not None and _pruned_since(conn, watermark):
                watermark, whole = None, True
                since = "0"
            else:
                whole = False
            drops = conn.execute(
                "SELECT what, row_id FROM casework.cache_drop WHERE changed_xid >= %s::xid8",
                (since,)).fetchall() if watermark is not None else []
            dropped_peers = sorted({str(r[1]) for r in drops if r[0] == "peer"})
            dropped_sessions = sorted({str(r[1]) for r in drops if r[0] == "session"})
            visible_peers = {str(r[0]) for r in conn.execute(
                "SELECT id FROM casework.peer WHERE id = ANY(%s::uuid[])",
                (dropped_peers,))} if dropped_peers else set()
            visible_sessions = {str(r[0]) for r in conn.execute(
                "SELECT id FROM casework.one_to_one WHERE id = ANY(%s::uuid[])",
                (dropped_sessions,))} if dropped_sessions else set()
            # Peers still visible after a reassignment: read again with all their
            # sessions (the local copy is replaced whole).
            again_peers = sorted(visible_peers)
            peers = conn.execute(
                "SELECT " + ", ".join(_PEER_READ) + " FROM casework.peer "
                "WHERE changed_xid >= %s::xid8 OR id = ANY(%s::uuid[])",
                (since, again_peers)).fetchall()
            # Each part on its own index; a peer changed (newly assigned to me, say)
            # brings all its sessions, older ones too.
            sessions = conn.execute(
                "SELECT s.id, s.peer_id, s.held_on, s.follow_up_on, s.follow_up_done_on, "
                "n.notes, n.next_steps, s.changed_xid::text || '|' || "
                "coalesce(n.changed_xid::text, '') FROM casework.one_to_one s "
                "LEFT JOIN casework.one_to_one_note n ON n.session_id = s.id WHERE s.id IN ("
                "SELECT id FROM casework.one_to_one WHERE changed_xid >= %(since)s::xid8 "
                "UNION SELECT session_id FROM casework.one_to_one_note "
                "WHERE changed_xid >= %(since)s::xid8 "
                "UNION SELECT id FROM casework.one_to_one WHERE peer_id = ANY(%(peers)s::uuid[]) "
                "UNION SELECT id FROM casework.one_to_one WHERE id = ANY(%(sessions)s::uuid[]) "
                "UNION SELECT id FROM casework.one_to_one WHERE peer_id IN "
                "(SELECT id FROM casework.peer WHERE changed_xid >= %(since)s::xid8))",
                {"since": since, "peers": again_peers,
                 "sessions": sorted(visible_sessions)}).fetchall()
        return _Changes(next_mark, dropped_peers, dropped_sessions, visible_peers,
                        visible_sessions, peers, sessions, whole)

    def _apply(self, read: _Changes, cipher: FieldCipher) -> Refreshed:
        (next_mark, dropped_peers, dropped_sessions, visible_peers, visible_sessions, peers,
         sessions) = (read.mark, read.dropped_peers, read.dropped_sessions, read.visible_peers,
                      read.visible_sessions, read.peers, read.sessions)
        again_peers = sorted(visible_peers)
        gone_peers = [p for p in dropped_peers if p not in visible_peers]
        gone_sessions = [s for s in dropped_sessions if s not in visible_sessions]
        if read.whole:
            on_server = {str(found[0]) for found in peers}
            gone_peers = [str(r[0]) for r in self.db.query("SELECT id FROM peer")
                          if str(r[0]) not in on_server]
            sessions_on_server = {str(found[0]) for found in sessions}
            gone_sessions = [str(r[0]) for r in self.db.query("SELECT id FROM session")
                             if str(r[0]) not in sessions_on_server]
        self._replaced = 0
        with self.db.transaction():
            removed_peers = self._remove_peers(gone_peers)
            removed_sessions = self._remove_sessions(gone_sessions)
            # Still visible after a reassignment or a move: replaced whole below.
            self._replaced += self._remove_peers(again_peers)
            self._replaced += self._remove_sessions(sorted(visible_sessions))
            changed_peers = sum(self._put_peer(dict(zip(_PEER_READ, found, strict=True)),
                                               cipher) for found in peers)
            changed_sessions = sum(self._put_session(found, cipher) for found in sessions)
            if removed_peers or removed_sessions or self._replaced:
                for table in ("peer_search", "note_search"):
                    # Deleted terms leave the index only when it is rewritten
                    # (storage/repositories/search.py): a removed or renamed
                    # peer's name must not stay readable here.
                    self.db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
            self._set_meta("watermark", next_mark)
            self._set_meta("in_step_at", datetime.now(UTC).isoformat())
        return Refreshed(changed_peers, changed_sessions, removed_peers, removed_sessions)


def _pruned_since(conn: Conn, watermark: str) -> bool:
    """Whether an entry of casework.cache_drop at or after `watermark` was pruned."""
    row = conn.execute("SELECT EXISTS (SELECT 1 FROM casework.cache_drop_pruned "
                       "WHERE pruned_through >= %s::xid8)", (watermark,)).fetchone()
    return bool(row and row[0])


def wipe(path: Path) -> None:
    """Remove a cache file and its journal files (a person deactivated, a slot gone)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            size = candidate.stat().st_size
            with candidate.open("r+b") as handle:
                handle.write(b"\0" * size)
            candidate.unlink()
