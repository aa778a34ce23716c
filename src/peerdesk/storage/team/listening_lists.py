"""The listening service's lists on the team server, for the contact form:
regions and contact topics (the centre's own lists, about no one: plain
columns) and known callers (nicknames, sealed with the casework key, bound to
the caller's id).

Reading the lists records nothing (they say nothing about anyone); reading the
known callers' nicknames is recorded as a view, as reading contacts is
(storage/team/groupwork.py). A login that may not read known callers (a peer
supporter: row-level security) gets none.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.storage.repositories.listening_lists import ListItem
from peerdesk.storage.team.casework import Audit, _saving
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.schema import Conn


@dataclass(frozen=True, slots=True)
class TeamCaller:
    id: uuid.UUID
    nickname: str


def _items(conn: Conn, table: str, *, active_only: bool) -> list[ListItem]:
    """`table` is this module's own name: region or contact_topic."""
    rows = conn.execute(
        f"SELECT id, name, active FROM casework.{table} "
        "WHERE active OR NOT %s ORDER BY lower(name), id", (active_only,)).fetchall()
    return [ListItem(int(i), str(name), bool(active)) for i, name, active in rows]


def regions(conn: Conn, *, active_only: bool = True) -> list[ListItem]:
    return _items(conn, "region", active_only=active_only)


def topics(conn: Conn, *, active_only: bool = True) -> list[ListItem]:
    return _items(conn, "contact_topic", active_only=active_only)


def known_callers(conn: Conn, cipher: FieldCipher, audit: Audit | None = None
                  ) -> list[TeamCaller]:
    """Every known caller this login may see, by nickname (sorted here: the
    server holds only ciphertext)."""
    with _saving(conn):
        rows = conn.execute("SELECT id, nickname FROM casework.known_caller").fetchall()
        if audit is not None and rows:
            audit(AuditAction.VIEWED, "known_callers", "",
                  f"known callers' nicknames, {len(rows)} results")
    found = [TeamCaller(i, cipher.open("known_caller", "nickname", i, nick)) for i, nick in rows]
    return sorted(found, key=lambda c: (c.nickname.casefold(), str(c.id)))


__all__ = ["TeamCaller", "known_callers", "regions", "topics"]
