"""A missing, damaged or too-new key file: a clear message and nothing changed."""

from __future__ import annotations

import base64
import json

import pytest

from peerdesk.domain.errors import KeyFileDamaged, KeyFileMissing, VaultError, VaultTooNew
from peerdesk.storage.keyslots import KeySlotFile
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import ADMIN_NAME, can_sign_in


def _truncate(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _flip_base64(raw: bytes) -> bytes:
    data = json.loads(raw)
    salt = data["slots"][1]["salt"]
    data["slots"][1]["salt"] = "*" + salt[1:]
    return json.dumps(data).encode()


def _short_field(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["slots"][1]["public_key"] = base64.b64encode(b"\1" * 31).decode()
    return json.dumps(data).encode()


def _future(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["version"] = 3
    data["something_new"] = {"x": 1}
    return json.dumps(data).encode()


def _not_json(raw: bytes) -> bytes:
    return b"\xff\xfe" + raw[2:]


def _wrong_shape(raw: bytes) -> bytes:
    return b"[1, 2, 3]"


def _weak_kdf(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["slots"][1]["kdf"]["memory_kib"] = 8
    return json.dumps(data).encode()


@pytest.mark.parametrize("damage, error", [
    (_truncate, KeyFileDamaged),
    (_flip_base64, KeyFileDamaged),
    (_short_field, KeyFileDamaged),
    (_not_json, KeyFileDamaged),
    (_wrong_shape, KeyFileDamaged),
    (_weak_kdf, KeyFileDamaged),
    (_future, VaultTooNew),
])
def test_damaged_key_file_is_refused_and_nothing_changes(vault, damage, error):
    vault.keys.write_bytes(damage(vault.keys.read_bytes()))
    before = (vault.database.read_bytes(), vault.keys.read_bytes())
    for _ in range(2):  # the lock is given back: the second try says the same
        with pytest.raises(error) as caught:
            LockedVault.open(vault)
        # The message names the file that is wrong, not "the vault".
        assert caught.value.user_message == error(file=vault.keys).user_message
        if error is KeyFileDamaged:
            assert vault.keys.name in caught.value.user_message
        assert "Nothing has been changed" in caught.value.user_message
    assert (vault.database.read_bytes(), vault.keys.read_bytes()) == before


def test_missing_key_file(vault):
    vault.keys.unlink()
    before = vault.database.read_bytes()
    with pytest.raises(KeyFileMissing, match=f"key file {vault.keys.name} is missing"):
        LockedVault.open(vault)
    assert vault.database.read_bytes() == before
    assert not vault.keys.exists()


def test_key_file_of_another_vault_does_not_open(vault, template, tmp_path):
    other = template.copy_to(tmp_path / "other")
    # A new vault id, as another centre's vault has.
    keys = KeySlotFile.load(other.keys)
    data = json.loads(vault.keys.read_text())
    data["vault_id"] = keys.vault_id[::-1]
    vault.keys.write_text(json.dumps(data))
    assert not can_sign_in(vault, ADMIN_NAME)


def test_the_damage_helpers_really_damage(vault):
    raw = vault.keys.read_bytes()
    assert KeySlotFile.load_bytes(raw).slots
    for damage in (_truncate, _flip_base64, _short_field, _future, _weak_kdf):
        with pytest.raises(VaultError):
            KeySlotFile.load_bytes(damage(raw))


def test_absurd_key_derivation_parameters_are_refused_as_damage(tmp_path):
    def slot_with(**kdf):
        return {"format": "peerdesk-keys", "version": 1, "vault_id": "00", "slots": [{
            "id": "aa", "kind": "password", "account": "A",
            "kdf": {"time_cost": 3, "memory_kib": 65536, "parallelism": 4, **kdf},
            "salt": b64(16), "public_key": b64(32), "private_nonce": b64(12),
            "private_sealed": b64(48), "data_keys": []}]}

    def b64(size):
        return base64.b64encode(b"\1" * size).decode()

    ok = tmp_path / "ok.keys"
    ok.write_text(json.dumps(slot_with()))
    assert KeySlotFile.load(ok).slots[0].kdf.time_cost == 3  # well formed but for the KDF
    for kdf in ({"memory_kib": 64 * 1024 * 1024}, {"time_cost": 10_000}, {"parallelism": 999}):
        path = tmp_path / "k.keys"
        path.write_text(json.dumps(slot_with(**kdf)))
        with pytest.raises(KeyFileDamaged):
            KeySlotFile.load(path)
