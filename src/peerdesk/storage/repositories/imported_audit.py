"""The audit logs of the vaults a vault was made from (docs/export.md).

A vault made from an export keeps the old vault's log in
`imported_audit_event`, as it was, and its own log begins with a signed
CREATED_FROM_EXPORT event naming the old vault and the old log's count and
newest hash. The old signatures can't be checked against this vault's keys,
but they need not be: the old chain ends in a hash this vault's own signed
log names, so changing, adding or removing any old event breaks either the
chain or that head. The old events' signatures are checked once, on import,
against the old vault's keys carried in the export.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from peerdesk.domain.audit import AuditAction
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.audit import ChainReport, SignatureKeys, walk

_COLUMNS = ("id, at, actor_id, action, target_kind, target_id, detail, prev_hash, hash, "
            "signer_id, signing_key, signature")


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """What a CREATED_FROM_EXPORT event says about the log it brought along."""

    source_vault: str
    events: int
    head: bytes
    exported_at: str

    def detail(self) -> str:
        return json.dumps({"source_vault": self.source_vault, "events": self.events,
                           "head": self.head.hex(), "exported_at": self.exported_at},
                          separators=(", ", ": "))

    @classmethod
    def parse(cls, detail: str) -> ImportRecord | None:
        try:
            data = json.loads(detail)
            return cls(str(data["source_vault"]), int(data["events"]),
                       bytes.fromhex(data["head"]), str(data.get("exported_at", "")))
        except (ValueError, KeyError, TypeError):
            return None


def rows(db: Database, source_vault: str) -> Iterator[tuple[Any, ...]]:
    return db.iterate(f"SELECT {_COLUMNS} FROM imported_audit_event WHERE source_vault = ? "
                      "ORDER BY id", (source_vault,))


def verify_source(db: Database, source_vault: str, keys: SignatureKeys | None = None, *,
                  unsigned_until: int = 0) -> ChainReport:
    """One old log's chain (and, given the old vault's keys, its signatures)."""
    return walk(rows(db, source_vault), keys, unsigned_until=unsigned_until)


def _records(db: Database, table: str) -> list[ImportRecord]:
    found = []
    for (detail,) in db.query(f"SELECT detail FROM {table} WHERE action = ?",
                              (AuditAction.CREATED_FROM_EXPORT.value,)):
        record = ImportRecord.parse(str(detail))
        if record is not None:
            found.append(record)
    return found


def check(db: Database) -> list[str]:
    """Every old log kept here: its chain whole, ending where a record of its
    import says. The live log's records count (its signatures are checked by
    `verify_chain`); so do records inside an old log whose own chain checks."""
    problems: list[str] = []
    sources = [str(r[0]) for r in db.query(
        "SELECT DISTINCT source_vault FROM imported_audit_event ORDER BY source_vault")]
    heads: dict[str, set[tuple[int, bytes]]] = {}
    for record in _records(db, "audit_event"):
        heads.setdefault(record.source_vault, set()).add((record.events, record.head))
    chains = {source: verify_source(db, source) for source in sources}
    for source, chain in chains.items():
        if chain.ok:
            for (detail,) in db.query(
                    "SELECT detail FROM imported_audit_event WHERE source_vault = ? "
                    "AND action = ?", (source, AuditAction.CREATED_FROM_EXPORT.value)):
                inner = ImportRecord.parse(str(detail))
                if inner is not None:
                    heads.setdefault(inner.source_vault, set()).add((inner.events, inner.head))
    for source, chain in chains.items():
        label = f"the imported audit log of vault {source[:8]}"
        problems += [f"{label}: {p}" for p in chain.problems]
        if (chain.events, chain.head) not in heads.get(source, set()):
            problems.append(f"{label} does not end where the record of its import says "
                            "(old events were removed, added or changed)")
    return problems
