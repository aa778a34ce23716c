"""The files that make up one vault."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

VAULT_SUFFIX = ".peerdesk"


@dataclass(frozen=True, slots=True)
class VaultPaths:
    database: Path

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
    def rekey_temp(self) -> Path:
        return self._beside(".rekey")

    def exists(self) -> bool:
        return self.database.exists() or self.keys.exists()
