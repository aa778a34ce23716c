"""Numbered SQL migration files, found and checked one way for every database.

The vault's two databases (storage/migrations.py) and the team server
(storage/team/schema.py) each keep a folder of `NNNN_name.sql` files numbered
1..n with no gap; each file is one migration. How they are applied differs
(SQLite's user_version against PostgreSQL's schema_migration table under an
advisory lock), which files there are and in what order does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def shipped_files(package: str, *folders: str) -> list[tuple[str, str]]:
    """(file name, SQL) of each .sql file shipped in `package`'s folder `folders`."""
    folder = resources.files(package)
    for name in folders:
        folder = folder.joinpath(name)
    return [(entry.name, entry.read_text(encoding="utf-8"))
            for entry in folder.iterdir() if entry.name.endswith(".sql")]


def numbered(files: Iterable[tuple[str, str]], what: str = "migration") -> list[Migration]:
    """The files as migrations in version order; a RuntimeError (a fault in PeerDesk
    itself, never a person's) when one is badly named or the numbers have a gap."""
    found = []
    for name, sql in files:
        match = _NAME.match(name)
        if not match:
            raise RuntimeError(f"badly named {what} file: {name}")
        found.append(Migration(int(match.group(1)), name, sql))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"{what}s are not numbered 1..n: {versions}")
    return found
