"""Turning what someone types into a safe FTS5 query."""

from __future__ import annotations

import re

from peerdesk.storage.database import Database
from peerdesk.storage.repositories.meta import get_meta, set_meta

_TOKEN = re.compile(r"\w+", re.UNICODE)


def prefix_query(text: str) -> str | None:
    """'sam o' -> '"sam"* AND "o"*'; None when nothing searchable was typed.

    Each token is quoted, so FTS5 operators typed by a person (AND, NEAR,
    quotes, parentheses) are searched for as words, never run.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " AND ".join('"' + token.replace('"', '""') + '"*' for token in tokens)




# -- removing deleted words for real ---------------------------------------------------
#
# FTS5 deletes leave the old terms in the index blocks until segments are
# merged, even with contentless_delete and its secure-delete option (checked
# on SQLite 3.53). Anyone holding the key could read a deleted note's words
# or a peer's old name there. 'optimize' rewrites the index without them.
# On a centre-sized index that takes milliseconds, so it runs in the same
# transaction; on a very large one (seconds) it is recorded and run when the
# person signs out.

INDEXES = ("peer_search", "note_search", "contact_note_search", "directory_search")
SMALL_INDEX_BLOCKS = 2000
_PENDING = "fts_purge_pending"


def _optimize(db: Database, table: str) -> None:
    if table not in INDEXES:
        raise ValueError(f"not a search index: {table}")
    db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def forget_deleted(db: Database, table: str) -> None:
    """Call in the transaction that deleted or replaced rows of `table`."""
    if int(db.scalar(f"SELECT count(*) FROM {table}_data")) <= SMALL_INDEX_BLOCKS:
        _optimize(db, table)
        return
    pending = set(filter(None, (get_meta(db, _PENDING) or "").split(",")))
    set_meta(db, _PENDING, ",".join(sorted(pending | {table})))


def forget_now(db: Database, tables: tuple[str, ...] = INDEXES) -> None:
    """Rewrite these indexes now, whatever their size (erasing a person can't wait
    for sign-out). Call in the transaction that deleted the rows."""
    for table in tables:
        _optimize(db, table)
    pending = [t for t in (get_meta(db, _PENDING) or "").split(",") if t and t not in tables]
    if get_meta(db, _PENDING):
        set_meta(db, _PENDING, ",".join(pending))


def purge_pending(db: Database) -> None:
    """Run the optimisations deferred by forget_deleted (at sign-out)."""
    pending = [t for t in (get_meta(db, _PENDING) or "").split(",") if t]
    if not pending:
        return
    with db.transaction():
        for table in pending:
            _optimize(db, table)
        set_meta(db, _PENDING, "")
