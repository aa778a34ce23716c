"""The files that make up one vault."""

from __future__ import annotations

from pathlib import Path
from typing import Any

VAULT_SUFFIX = ".peerdesk"


class VaultPaths:
    """Frozen, compared and hashed by `database`. A plain class rather than a
    dataclass: the sign-in window needs it before its first paint, and importing
    dataclasses there is a measurable part of start-up."""

    __slots__ = ("database",)
    database: Path

    def __init__(self, database: Path) -> None:
        object.__setattr__(self, "database", database)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"VaultPaths is frozen: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, VaultPaths):
            return NotImplemented
        return self.database == other.database

    def __hash__(self) -> int:
        return hash((VaultPaths, self.database))

    def __reduce__(self) -> tuple[type[VaultPaths], tuple[Path]]:
        return (VaultPaths, (self.database,))

    def __repr__(self) -> str:
        return f"VaultPaths(database={self.database!r})"

    @classmethod
    def at(cls, path: str | Path) -> VaultPaths:
        return cls(Path(path).expanduser().absolute())

    def _beside(self, suffix: str) -> Path:
        return self.database.with_name(self.database.name + suffix)

    @property
    def keys(self) -> Path:
        return self._beside(".keys")

    @property
    def lock(self) -> Path:
        return self._beside(".lock")

    @property
    def signin_log(self) -> Path:
        """Failed sign-ins, counted outside the database because it can't be opened then."""
        return self._beside(".signin")

    @property
    def casework(self) -> Path:
        """The casework database: everything about peers, under its own key."""
        return self._beside(".casework")

    def file_of(self, compartment: str) -> Path:
        return self.database if compartment == "main" else self._beside("." + compartment)

    def rotation_temp(self, compartment: str) -> Path:
        """Where a compartment's file is re-encrypted before it replaces the old one."""
        return self._beside(".rekey" if compartment == "main" else f".{compartment}.rekey")

    @property
    def rekey_temp(self) -> Path:
        return self.rotation_temp("main")

    def database_files(self) -> list[Path]:
        """Both databases with their WAL and shared-memory files, for removing a vault."""
        found = []
        for db in (self.database, self.casework):
            found += [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"),
                      db.with_name(db.name + "-journal")]
        return found

    def exists(self) -> bool:
        return self.database.exists() or self.keys.exists() or self.casework.exists()
