"""The audit log's head, kept outside the database (docs/security.md §3).

A signed chain shows any change to an event and any event removed from the
middle, but not the newest events cut off with the count put right. So the
count and newest hash are also written where the database can't change them
with it: the key file (at every sign-out, lock and backup), every backup's
key file (a copy of it), and every printed report's footer as a short
anchor, `1234·9f2c1a0b`. Comparing the vault with them names a vault put
back from an older copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerdesk.storage.database import Database
from peerdesk.storage.keyslots import KeySlotFile
from peerdesk.storage.repositories import audit as audit_repo

if TYPE_CHECKING:
    from peerdesk.storage.vault import UnlockedVault

_PRINTED = re.compile(r"^\s*(?:audit\s+)?(\d+)\s*[·.:\-]\s*([0-9a-fA-F]{8,64})\s*$")


@dataclass(frozen=True, slots=True)
class Anchor:
    count: int
    head: str  # hex; a printed anchor carries only the first 8 characters
    at: str = ""

    @property
    def printed(self) -> str:
        return f"{self.count}·{self.head[:8]}"

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "head": self.head, "at": self.at}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Anchor | None:
        if not data:
            return None
        try:
            return cls(int(data["count"]), str(data["head"]), str(data.get("at", "")))
        except (KeyError, TypeError, ValueError):
            return None


def current(db: Database, at: str = "") -> Anchor:
    count, head = audit_repo.head(db)
    return Anchor(count, head.hex(), at)


def parse_printed(text: str) -> Anchor:
    """`1234·9f2c1a0b` (as printed on a report) -> an Anchor; ValueError if it isn't one."""
    match = _PRINTED.match(text)
    if not match:
        raise ValueError("not an audit anchor")
    return Anchor(int(match.group(1)), match.group(2).lower())


def contradiction(db: Database, anchor: Anchor) -> str | None:
    """What is wrong with the vault against an anchor recorded earlier, or None.

    The vault may have moved on since (more events); it must still hold the
    anchored event, with the anchored hash.
    """
    count, _head = audit_repo.head(db)
    if anchor.count > count:
        return (f"the audit log has {count} events, but {anchor.count} were recorded "
                "earlier: newer events are missing (the vault may have been put back from "
                "an older copy)")
    if anchor.count == 0:
        return None
    found = audit_repo.hash_at(db, anchor.count)
    if found is None or not found.hex().startswith(anchor.head.lower()):
        return (f"audit event {anchor.count} is not the one recorded earlier (the log was "
                "rewritten, or the vault was put back from another copy)")
    return None


def record_in_key_file(vault: UnlockedVault, db: Database | None = None, *,
                       seen_by: UnlockedVault | None = None) -> None:
    """Mirror the head into the key file (best effort: a full disk must not stop a
    lock). `db`: the connection to read it on, when not the vault's own (a worker's).
    `seen_by`: also record it in this session's own slot, under a tag only its
    password's key can make (checked at that person's next sign-in)."""
    import contextlib

    from peerdesk.domain.errors import PeerDeskError
    from peerdesk.storage.vault import utc_now

    anchor = current(db or vault.db, utc_now())
    vault.keyslots.anchor = anchor.to_json()
    if seen_by is not None and seen_by.seen_key is not None:
        slot = vault.keyslots.slot(seen_by.slot.id)
        if slot is not None:
            vault.keyslots.record_seen(slot, seen_by.seen_key, anchor.count, anchor.head)
    with contextlib.suppress(PeerDeskError):
        vault.keyslots.save(vault.paths.keys)


def in_key_file(keys: KeySlotFile) -> Anchor | None:
    return Anchor.from_json(keys.anchor)


def in_backup(keys_path: Path) -> Anchor | None:
    """The anchor a backup's key file carries (no key needed to read it)."""
    from peerdesk.domain.errors import PeerDeskError

    try:
        return in_key_file(KeySlotFile.load(keys_path))
    except PeerDeskError:
        return None
