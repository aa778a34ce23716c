"""Service-test fixtures: a fresh vault from the template, and a programme lead on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import close, sign_in, template, vault

__all__ = ["template", "vault"]


@pytest.fixture
def lead(vault: VaultPaths) -> Iterator[Session]:
    """Lee Lead (programme lead) signed in on this test's own vault."""
    session = sign_in(vault, "Lee Lead")
    yield session
    if session.db.is_open:
        close(session)
