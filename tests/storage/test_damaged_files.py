"""Issue 12 item 6: a damaged vault is never written, and each message names the
file that is wrong. Found as run: a zero-length vault became 4,096 bytes; an
old or altered key file was reported as "the vault file is damaged"; a failed
report said "Nothing has been changed" after pages of the vault were rewritten.
"""

from __future__ import annotations

import shutil

import pytest

from peerdesk.domain.errors import KeyFileMismatch, PeerDeskError, VaultDamaged
from peerdesk.reports.period import Period
from peerdesk.services import accounts, reports
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import (
    ADMIN_NAME,
    ADMIN_PASSWORD,
    PASSWORDS,
    close,
    flip_byte,
    sign_in,
)

PAGE = 4096


def _files(vault) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in vault.database.parent.iterdir() if p.is_file()
            and not p.name.endswith(".lock")}


def _refused(vault, account: str = ADMIN_NAME, password: str = ADMIN_PASSWORD) -> PeerDeskError:
    locked = LockedVault.open(vault)
    try:
        with pytest.raises(PeerDeskError) as caught:
            locked.unlock(account, password)
        return caught.value
    finally:
        locked.release()


@pytest.mark.parametrize("which", ["database", "casework"])
@pytest.mark.parametrize("cut", [0, 100, PAGE * 2 + 1])
def test_an_empty_or_cut_short_file_is_refused_byte_for_byte_unchanged(vault, which, cut):
    path = getattr(vault, which)
    path.write_bytes(path.read_bytes()[:cut])
    before = _files(vault)
    error = _refused(vault, "Lee Lead", PASSWORDS["Lee Lead"])
    assert isinstance(error, VaultDamaged)
    assert path.name in error.user_message
    assert _files(vault) == before  # nothing written, nothing added beside it


def test_a_damaged_first_page_is_refused_unchanged_and_named(vault):
    flip_byte(vault.casework, 100)
    before = _files(vault)
    error = _refused(vault, "Cal Worker", PASSWORDS["Cal Worker"])
    assert isinstance(error, VaultDamaged)
    assert vault.casework.name in error.user_message
    assert _files(vault) == before


def test_an_old_key_file_is_named_as_the_key_file_not_the_vault(vault, tmp_path):
    old_keys = vault.keys.read_bytes()
    session = sign_in(vault, "Cal Worker")
    try:
        accounts.change_own_password(session, PASSWORDS["Cal Worker"], "new words for cal",
                                     "new words for cal")
    finally:
        close(session)
    vault.keys.write_bytes(old_keys)  # an old copy put back beside the vault
    before = _files(vault)
    error = _refused(vault, "Pia Peer", PASSWORDS["Pia Peer"])
    assert isinstance(error, KeyFileMismatch)
    assert vault.keys.name in error.user_message
    assert "damaged" not in error.user_message
    assert _files(vault) == before


def test_damage_found_by_a_report_leaves_the_damaged_file_as_it_was(vault, tmp_path):
    lead = sign_in(vault, "Lee Lead")
    try:
        from tests.services.erasure_helpers import full_record

        full_record(lead, "ostrevan")
        # The page the report's session counts start from.
        root = int(lead.db.scalar("SELECT rootpage FROM casework.sqlite_master "
                                  "WHERE name = 'one_to_one_by_date'"))
    finally:
        close(lead)
    assert root > 1
    flip_byte(vault.casework, (root - 1) * PAGE + PAGE // 2)
    damaged = vault.casework.read_bytes()
    lead = sign_in(vault, "Lee Lead")
    try:
        with pytest.raises(VaultDamaged) as caught:
            for month in range(1, 13):
                reports.build(lead, Period.month(2026, month))
        message = caught.value.user_message
        # Not "Nothing has been changed" (signing in did write): it stops writing.
        assert "Nothing has been changed" not in message
        assert "stopped writing" in message and vault.casework.name in message
    finally:
        close(lead)
    assert vault.casework.read_bytes() == damaged
    assert not vault.casework.with_name(vault.casework.name + "-wal").exists() or \
        vault.casework.with_name(vault.casework.name + "-wal").stat().st_size == 0


def test_a_backup_that_is_damaged_is_named_as_the_backup(vault, tmp_path):
    from peerdesk.services import backups

    stick = tmp_path / "stick"
    stick.mkdir()
    admin = sign_in(vault, ADMIN_NAME)
    try:
        made = backups.back_up_now(admin, stick)
    finally:
        close(admin)
    data = bytearray(made.path.read_bytes())
    data[50] ^= 0x40
    made.path.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged) as caught:
        backups.preview(made.path, ADMIN_NAME, ADMIN_PASSWORD)
    assert made.path.name in caught.value.user_message
    shutil.rmtree(stick)
