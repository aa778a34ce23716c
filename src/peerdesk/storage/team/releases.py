"""The release register on the team server: recording a publication (issue 18).

casework.report_release is the vault's register on the server, frozen by a
trigger and readable and insertable only by programme leads' logins. What a
release holds is decided by services.releases (the same code as the vault's);
this only keeps it. Two things differ from the vault:

- **One publication at a time, across PCs.** Disclosure control protects a new
  release against every release before it, so two PCs must never both read
  the register, then both record: `one_at_a_time` holds a lock of the server
  session for the whole act (read, count, record). It is a session lock, not a
  transaction's, so each count still takes its own REPEATABLE READ snapshot
  *after* the lock is held, and sees what the PC before it published.
- **Rows are written once.** The trigger refuses any UPDATE, so the ids of a
  batch published together are drawn first (`new_ids`) and each row is
  inserted with the others already listed in `together` (the vault sets it
  after inserting).

The note (free text about a revision) is sealed with the casework key, bound
to the release's id, as `team migrate` seals it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from peerdesk.storage.repositories.releases import ReleaseRow
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.figures import _RELEASE, _release
from peerdesk.storage.team.schema import Conn

# pg_advisory_lock's key for publishing (the audit chain's lock is another).
_PUBLISHING_LOCK = 1346717011


@contextlib.contextmanager
def one_at_a_time(conn: Conn) -> Iterator[None]:
    """Hold the server's publishing lock (waiting for another PC's publication to
    end); `conn` in autocommit, outside a transaction. Released at the end, and by
    the server if the connection drops."""
    conn.execute("SELECT pg_advisory_lock(%s)", (_PUBLISHING_LOCK,))
    try:
        yield
    finally:
        if not (conn.closed or conn.broken):
            conn.execute("SELECT pg_advisory_unlock(%s)", (_PUBLISHING_LOCK,))


def new_ids(conn: Conn, count: int) -> list[int]:
    """`count` ids for releases to be inserted (the register's own sequence)."""
    return [int(r[0]) for r in conn.execute(
        "SELECT nextval(pg_get_serial_sequence('casework.report_release', 'id')) "
        "FROM generate_series(1, %s)", (count,)).fetchall()]


def insert(conn: Conn, cipher: FieldCipher, release_id: int, *, code: str, period_kind: str,
           start_on: str, end_on: str, revision: int, revises: int | None,
           published_at: str, published_by: int, k: int, rounding: str, counts: str,
           hidden: list[str], printed: str, note: str, together: list[int]) -> None:
    conn.execute(
        "INSERT INTO casework.report_release (id, code, period_kind, start_on, end_on, "
        "revision, revises, published_at, published_by, k, rounding, counts, hidden, "
        "printed, together, note) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
        "%s, %s, %s, %s)",
        (release_id, code, period_kind, start_on, end_on, revision, revises, published_at,
         published_by, k, rounding, counts, json.dumps(sorted(hidden)), printed,
         json.dumps(sorted(together)), cipher.seal("report_release", "note", release_id, note)))


def history(conn: Conn, cipher: FieldCipher) -> list[ReleaseRow]:
    """Every release on the server, newest first, notes opened."""
    return [replace(_release(tuple(r)), note=cipher.open("report_release", "note", r[0], r[15]))
            for r in conn.execute(f"{_RELEASE.replace(' FROM', ', note FROM')} "
                                  "ORDER BY id DESC").fetchall()]


def audit_head(conn: Conn) -> tuple[int, bytes]:
    """(events in the server's audit log, the newest's hash): a report's anchor."""
    from peerdesk.storage.team.audit import head

    return head(conn)


def printable_quotes(conn: Conn, casework: FieldCipher, on: date) -> list[str]:
    """Approved quotes whose "may be quoted" consent is current on `on`, oldest
    first, their words opened (as storage.repositories.voice.printable_quotes on
    the vault). A peer left out of reports (their latest statistics consent
    withdrawn) is left out here too; a tie of one day breaks by when the quote
    was saved (the server's ids are UUIDs)."""
    day = on.isoformat()
    return [casework.open("quote", "words", r[0], r[1]) for r in conn.execute(
        "SELECT q.id, q.words FROM casework.quote AS q "
        "JOIN casework.consent AS c ON c.id = q.consent_id "
        "WHERE q.approved_at IS NOT NULL AND c.scope = 'quotable' "
        "AND c.given_on <= %(d)s::date "
        "AND (c.withdrawn_on IS NULL OR c.withdrawn_on > %(d)s::date) "
        "AND q.peer_id NOT IN (SELECT s.peer_id FROM (SELECT DISTINCT ON (peer_id) peer_id, "
        "withdrawn_on FROM casework.consent WHERE scope = 'statistics' "
        "ORDER BY peer_id, given_on DESC, created_at DESC, id DESC) AS s "
        "WHERE s.withdrawn_on IS NOT NULL) "
        "ORDER BY q.said_on, q.created_at, q.id", {"d": day}).fetchall()]


__all__ = ["audit_head", "history", "insert", "new_ids", "one_at_a_time",
           "printable_quotes"]
