"""Shared fixtures: real encrypted vaults in tmp_path, offscreen Qt."""

from __future__ import annotations

import os

# Before Qt or our crypto load: no display is needed, and key derivation
# uses the Argon2id floor (64 MiB, 3 passes) instead of calibrating to 0.5 s.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PEERDESK_KDF_TARGET_MS"] = "0"

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.services.demo import create_demo_vault
from peerdesk.services.session import Session
from peerdesk.services.setup import NewCentre, create_centre
from peerdesk.storage.paths import VaultPaths

CENTRE_NAME = "Test Drop-in Centre"
ADMIN_NAME = "Ada Admin"
ADMIN_PASSWORD = "correct horse battery staple"


@pytest.fixture
def vault_paths(tmp_path) -> VaultPaths:
    return VaultPaths.at(tmp_path / "centre.peerdesk")


@pytest.fixture
def centre(vault_paths: VaultPaths) -> Iterator[NewCentre]:
    """A new vault with one admin, signed in. Closed and released afterwards."""
    new = create_centre(vault_paths, centre_name=CENTRE_NAME, admin_name=ADMIN_NAME,
                        password=ADMIN_PASSWORD, confirm=ADMIN_PASSWORD)
    yield new
    locked = new.session.vault.locked
    new.session.vault.db.close()
    locked.release()


@pytest.fixture
def admin_session(centre: NewCentre) -> Session:
    return centre.session


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo vault, built once per run (it takes a few seconds)."""
    folder = tmp_path_factory.mktemp("demo-template")
    create_demo_vault(VaultPaths.at(folder / "demo.peerdesk"))
    return folder


@pytest.fixture
def demo_vault(demo_template: Path, tmp_path: Path) -> VaultPaths:
    """A fresh copy of the demo vault, this test's own to change."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    return VaultPaths.at(folder / "demo.peerdesk")
