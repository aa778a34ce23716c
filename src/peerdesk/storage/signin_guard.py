"""Failed sign-ins: slowing guesses per account, and remembering them for the audit log.

They can't go into the encrypted database: nobody has its key while a
password is wrong. They live in the key file, which can't be deleted
without losing the vault (the old `.signin` beside it could). Each account
name — real or made up — has its own counter, so guesses at one name never
slow anyone else down. Names are kept as a keyed hash, not as typed.

Every failure also advances a counter the database records at each
successful sign-in; a key file put back from an older copy (which resets
the counters) is then found at the next sign-in and written to the audit log.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peerdesk.storage.keyslots import KeySlotFile

_MAX_KEPT = 1000


@dataclass(frozen=True, slots=True)
class FailedSignIn:
    at: str
    account: str  # the account's name if the name typed is a real account, else ""


def name_tag(vault_id: str, account: str) -> str:
    return hashlib.sha256(f"{vault_id}|{account.strip().casefold()}".encode()).hexdigest()[:24]


def _parses(at: object) -> bool:
    try:
        datetime.fromisoformat(str(at))
    except ValueError:
        return False
    return True


def _state(keys: KeySlotFile) -> dict[str, Any]:
    guard = keys.guard
    if not isinstance(guard.get("accounts"), dict):
        guard["accounts"] = {}
    if not isinstance(guard.get("unrecorded"), list):
        guard["unrecorded"] = []
    if not isinstance(guard.get("attempts"), int):
        guard["attempts"] = 0
    return guard


def consecutive_failures(keys: KeySlotFile, account: str) -> tuple[int, str | None]:
    """How many wrong tries in a row at this name, and when the last was."""
    entry = _state(keys)["accounts"].get(name_tag(keys.vault_id, account))
    if not isinstance(entry, dict) or not _parses(entry.get("last")):
        return 0, None
    try:
        return max(0, int(entry.get("n", 0))), str(entry["last"])
    except (TypeError, ValueError):
        return 0, None


def record_failure(keys: KeySlotFile, account: str, at: str) -> None:
    """Count one wrong try (the caller saves the key file)."""
    state = _state(keys)
    tag = name_tag(keys.vault_id, account)
    count, _last = consecutive_failures(keys, account)
    state["accounts"][tag] = {"n": count + 1, "last": at}
    known = next((s.account for s in keys.slots_for(account) if s.account), "")
    state["unrecorded"] = [*state["unrecorded"], {"at": at, "account": known}][-_MAX_KEPT:]
    state["attempts"] = int(state["attempts"]) + 1


def record_success(keys: KeySlotFile, account: str) -> None:
    _state(keys)["accounts"].pop(name_tag(keys.vault_id, account), None)


def unrecorded(keys: KeySlotFile) -> list[FailedSignIn]:
    found = []
    for item in _state(keys)["unrecorded"]:
        if isinstance(item, dict) and _parses(item.get("at")):
            found.append(FailedSignIn(str(item["at"]), str(item.get("account", ""))))
    return found


def clear_unrecorded(keys: KeySlotFile) -> None:
    _state(keys)["unrecorded"] = []


def attempts(keys: KeySlotFile) -> int:
    return int(_state(keys)["attempts"])
