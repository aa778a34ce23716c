"""Where a vault's files are, as the UI names them (docs/architecture.md §2).

The UI never imports storage; it names a vault's files (the database, its
casework file, its key file, a backup's) through this service.
"""

from __future__ import annotations

from peerdesk.storage.paths import VaultPaths

__all__ = ["VaultPaths"]
