"""Failed sign-ins, kept beside the vault until the next successful sign-in.

They can't go into the encrypted database: nobody has the key when a
password is wrong. The file holds only times and, when the name typed was
a real account, that account's name (already listed on the sign-in screen).
At the next successful sign-in they are moved into the audit log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peerdesk.storage.atomic import write_atomically


@dataclass(frozen=True, slots=True)
class FailedSignIn:
    at: str
    account: str  # "" when the name typed is not an account


def read(path: Path) -> list[FailedSignIn]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = [FailedSignIn(str(item["at"]), str(item["account"])) for item in data]
        # An entry whose time does not parse is dropped, not trusted: the
        # file sits outside the vault where anyone could edit it.
        return [f for f in found if _parses(f.at)]
    except FileNotFoundError:
        return []
    except (ValueError, KeyError, TypeError):
        # A damaged counter must not stop anyone signing in; the next
        # failure starts it again.
        return []


def _parses(at: str) -> bool:
    try:
        datetime.fromisoformat(at)
    except ValueError:
        return False
    return True


def record(path: Path, failure: FailedSignIn) -> list[FailedSignIn]:
    failures = [*read(path), failure]
    payload = [{"at": f.at, "account": f.account} for f in failures[-1000:]]
    write_atomically(path, json.dumps(payload).encode("utf-8"))
    return failures


def clear(path: Path) -> None:
    path.unlink(missing_ok=True)
