"""Any name and password through add_staff: stored exactly, or refused whole."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import ValidationError
from peerdesk.domain.staff import Role
from peerdesk.services import accounts
from peerdesk.storage import crypto, keyslots
from tests.fixtures.vaults import ADMIN_NAME, close, sign_in

NAMES = st.one_of(
    st.text(max_size=70),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf")), min_size=1, max_size=30),
    st.sampled_from(["Cal Worker", "cal worker", "ADA ADMIN", " Pia Peer\u3000"]),
)
PASSWORDS = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=10, max_size=60),
    # Mostly acceptable ones, so that many examples are really stored.
    st.text("abcdefghijk XYZ0123456789'\"\\éüñ🔐́", min_size=12, max_size=40),
)


def _consistent(session) -> None:
    """Every account with a slot has it in the key file and the database, and
    no slot exists without an account (the recovery slot aside)."""
    staff_slots = {s.slot_id for s in accounts.list_staff(session) if s.slot_id}
    file_slots = {s.id for s in session.vault.keyslots.slots if s.kind == keyslots.PASSWORD}
    on_disk = {s.id for s in keyslots.KeySlotFile.load(session.vault.paths.keys).slots
               if s.kind == keyslots.PASSWORD}
    db_slots = {str(r[0]) for r in session.db.query(
        "SELECT slot_id FROM key_slot WHERE kind = 'password'")}
    assert staff_slots == file_slots == on_disk == db_slots


def test_add_staff_stores_exactly_or_refuses_whole(vault):
    session = sign_in(vault, ADMIN_NAME)

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(name=NAMES, password=PASSWORDS)
    def check(name: str, password: str) -> None:
        before = {s.id for s in accounts.list_staff(session, include_removed=True)}
        try:
            staff = accounts.add_staff(session, name=name, role=Role.CASEWORKER,
                                       password=password, confirm=password)
        except ValidationError as exc:
            assert exc.user_message.strip()
            assert exc.field in ("name", "password", "confirm")
            assert {s.id for s in accounts.list_staff(session, include_removed=True)} == before
            _consistent(session)
            return
        assert staff.name == name.strip()
        stored = next(s for s in accounts.list_staff(session) if s.id == staff.id)
        assert stored.name == name.strip()
        slot = session.vault.keyslots.slot(staff.slot_id)
        assert slot is not None and slot.account == stored.name
        # The password opens the slot however it is composed when typed.
        for typed in {unicodedata.normalize(f, password) for f in ("NFC", "NFD")}:
            private = session.vault.keyslots.open_private_key(slot, keyslots.password_bytes(typed))
            crypto.wipe(private)
        _consistent(session)

    try:
        check()
    finally:
        close(session)
