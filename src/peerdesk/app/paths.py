"""Where the vault lives unless told otherwise."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "PeerDesk"
DEFAULT_VAULT_NAME = "centre.peerdesk"


def default_vault_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, roaming=False) / DEFAULT_VAULT_NAME
