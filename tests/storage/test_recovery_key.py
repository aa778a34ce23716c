"""The printed recovery key: every typo caught, every slot gone and it still opens."""

from __future__ import annotations

import json

import pytest

from peerdesk.domain.errors import ValidationError, WrongCredentials
from peerdesk.services import auth
from peerdesk.services.auth import SignIn
from peerdesk.storage import recovery
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import ADMIN_NAME, can_sign_in, close

KEY = "7K3QM-Z0R1T-ABCDE-00000-11111-XYZWV-HJKMN-PQRST"


def _valid(seed_groups: list[str]) -> str:
    """A valid key from eight groups of four data characters."""
    groups = []
    for g, data in enumerate(seed_groups):
        values = [recovery.ALPHABET.index(ch) for ch in data]
        groups.append(data + recovery.ALPHABET[recovery._check_value(g, values)])
    return "-".join(groups)


VALID = _valid(["7K3Q", "Z0R1", "ABCD", "0000", "1111", "XYZW", "HJKM", "PQRS"])


def test_generated_keys_normalise_to_themselves():
    for _ in range(50):
        key = recovery.generate()
        assert recovery.normalise(key) == key
        assert len(recovery.secret_bytes(key)) * 5 >= 160


def test_every_single_character_substitution_is_caught_and_names_its_group():
    chars = VALID.replace("-", "")
    tried = 0
    for position, original in enumerate(chars):
        group = position // 5 + 1
        for replacement in recovery.ALPHABET:
            if replacement == original:
                continue
            typed = chars[:position] + replacement + chars[position + 1:]
            with pytest.raises(ValidationError) as caught:
                recovery.normalise(typed)
            assert f"Group {group} " in caught.value.user_message, (position, replacement)
            assert caught.value.field == "recovery_key"
            tried += 1
    assert tried == 40 * 31


def test_lowercase_spaces_and_look_alike_letters_are_accepted():
    assert "0" in VALID and "1" in VALID
    typed = VALID.lower().replace("-", "  ").replace("0", "o").replace("1", "l")
    assert recovery.normalise(typed) == VALID
    assert recovery.normalise(VALID.replace("1", "I").replace("-", "")) == VALID
    assert recovery.normalise(" " + VALID.replace("-", ".") + "\n") == VALID


@pytest.mark.parametrize("typed, message", [
    (VALID[:-1], "characters in 8 groups"),
    (VALID + "0", "characters in 8 groups"),
    (VALID[:-1] + "U", "characters a recovery key never uses"),
])
def test_wrong_length_and_foreign_characters_are_explained(typed, message):
    with pytest.raises(ValidationError, match=message):
        recovery.normalise(typed)


def test_recovery_key_opens_with_every_password_slot_gone(vault, template):
    keys = json.loads(vault.keys.read_text())
    keys["slots"] = [s for s in keys["slots"] if s["kind"] == "recovery"]
    vault.keys.write_text(json.dumps(keys))
    locked = LockedVault.open(vault)
    try:
        assert locked.accounts() == []
        with pytest.raises(WrongCredentials):
            SignIn(locked).sign_in(ADMIN_NAME, "correct horse battery staple")
        with pytest.raises(WrongCredentials):
            SignIn(locked).open_with_recovery_key(recovery.generate())
        session = SignIn(locked).open_with_recovery_key(template.recovery_key.lower())
        assert auth.is_recovery(session)
        admins = auth.recovery_admin_choices(session)
        ada = next(s for s in admins if s.name == ADMIN_NAME)
        session = auth.recover_admin(session, ada.id, "recovered at last 2026",
                                     "recovered at last 2026")
        assert session.staff.name == ADMIN_NAME
        close(session)
    except BaseException:
        locked.release()
        raise
    assert can_sign_in(vault, ADMIN_NAME, "recovered at last 2026")
