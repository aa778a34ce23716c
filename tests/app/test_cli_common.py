"""The command line's shared sign-in: the vault is released however the command ends."""

from __future__ import annotations

import argparse

import pytest

from peerdesk.app.cli_common import PASSWORD_ENV, add_vault_and_account, signed_in
from peerdesk.domain.errors import WrongCredentials
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD, can_sign_in


def test_signed_in_yields_the_account_and_releases_the_vault(
        vault: VaultPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, ADMIN_PASSWORD)
    with signed_in(vault, ADMIN_NAME) as session:
        assert session.staff.name == ADMIN_NAME
        assert not can_sign_in(vault, ADMIN_NAME)  # held while the command runs
    assert can_sign_in(vault, ADMIN_NAME)


def test_signed_in_releases_the_vault_when_the_command_fails(
        vault: VaultPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, ADMIN_PASSWORD)
    with pytest.raises(RuntimeError), signed_in(vault, ADMIN_NAME):
        raise RuntimeError("the command failed")
    assert can_sign_in(vault, ADMIN_NAME)


def test_signed_in_releases_the_vault_after_a_wrong_password(
        vault: VaultPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "not the password")
    with pytest.raises(WrongCredentials), signed_in(vault, ADMIN_NAME):
        pytest.fail("signed in with a wrong password")
    assert can_sign_in(vault, ADMIN_NAME)


def test_vault_and_account_arguments() -> None:
    parser = argparse.ArgumentParser()
    add_vault_and_account(parser, "an administrator's account")
    args = parser.parse_args(["centre.peerdesk", "--user", "Ada"])
    assert (args.path, args.user) == ("centre.peerdesk", "Ada")
    with pytest.raises(SystemExit):
        parser.parse_args(["centre.peerdesk"])
    assert "an administrator's account (password from PEERDESK_PASSWORD or a prompt)" in \
        " ".join(parser.format_help().split())
