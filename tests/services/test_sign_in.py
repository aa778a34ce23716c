"""Slowing down guessing, and failed tries moved into the audit log."""

from __future__ import annotations

import time

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import SignInDelayed, WrongCredentials
from peerdesk.services import auth
from peerdesk.services.auth import FREE_TRIES, SignIn, delay_after
from peerdesk.storage import signin_log
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD, close


class Clock:
    def __init__(self) -> None:
        self.now = float(int(time.time()))

    def __call__(self) -> float:
        return self.now


def test_delay_schedule():
    assert [delay_after(n) for n in range(FREE_TRIES)] == [0] * FREE_TRIES
    waits = [delay_after(n) for n in range(FREE_TRIES, FREE_TRIES + 12)]
    assert waits[:4] == [2, 4, 8, 16]
    assert max(waits) == auth.MAX_DELAY_S == waits[-1]


def test_failures_slow_down_then_go_into_the_audit_log(vault):
    clock = Clock()
    locked = LockedVault.open(vault)
    sign_in = SignIn(locked, clock=clock)
    tries = [ADMIN_NAME, "Somebody Unknown", "  ada admin  "]  # the last: same account
    try:
        for name in tries:
            assert sign_in.seconds_to_wait() == 0
            with pytest.raises(WrongCredentials):
                sign_in.sign_in(name, "wrong password")
        expected_wait = delay_after(FREE_TRIES)
        for round_ in range(3):
            assert sign_in.seconds_to_wait() == expected_wait
            with pytest.raises(SignInDelayed) as caught:
                # Even the right password waits: the delay is not a hint.
                sign_in.sign_in(ADMIN_NAME, ADMIN_PASSWORD)
            assert caught.value.seconds_left == expected_wait
            assert f"{expected_wait} seconds" in caught.value.user_message
            clock.now += expected_wait - 1
            assert sign_in.seconds_to_wait() == 1
            clock.now += 1
            assert sign_in.seconds_to_wait() == 0
            if round_ < 2:
                with pytest.raises(WrongCredentials):
                    sign_in.sign_in(ADMIN_NAME, "wrong again")
                tries.append(ADMIN_NAME)
                expected_wait *= 2
        assert len(signin_log.read(vault.signin_log)) == len(tries) == 5
        session = sign_in.sign_in(ADMIN_NAME, ADMIN_PASSWORD)
    except BaseException:
        locked.release()
        raise
    try:
        assert session.failed_sign_ins_since_last == 5
        assert not vault.signin_log.exists()
        events = list(reversed(audit_repo.recent(session.db, limit=6)))
        assert events[-1].action is AuditAction.SIGNED_IN
        failed = events[:-1]
        assert [e.action for e in failed] == [AuditAction.SIGN_IN_FAILED] * 5
        assert [e.target_id for e in failed] == [
            ADMIN_NAME, "", ADMIN_NAME, ADMIN_NAME, ADMIN_NAME]
        assert all(e.actor_id is None for e in failed)
        assert audit_repo.verify_chain(session.db).ok
    finally:
        close(session)


def test_a_damaged_counter_file_does_not_stop_sign_in(vault):
    vault.signin_log.write_text("{not json")
    locked = LockedVault.open(vault)
    try:
        session = SignIn(locked).sign_in(ADMIN_NAME, ADMIN_PASSWORD)
    except BaseException:
        locked.release()
        raise
    close(session)
    assert not vault.signin_log.exists()


def test_a_recovery_key_session_has_no_role_permissions(vault_paths):
    from peerdesk.domain.errors import PermissionDenied
    from peerdesk.domain.staff import Permission, Role
    from peerdesk.services import accounts
    from peerdesk.services.auth import SignIn, is_recovery
    from peerdesk.services.setup import create_centre
    from peerdesk.storage.vault import LockedVault

    centre = create_centre(vault_paths, centre_name="C", admin_name="Ada Admin",
                           password="a long admin password", confirm="a long admin password")
    centre.session.end().release()
    locked = LockedVault.open(vault_paths)
    try:
        recovery = SignIn(locked).open_with_recovery_key(centre.recovery_key)
        assert is_recovery(recovery)
        assert not any(recovery.can(p) for p in Permission)
        with pytest.raises(PermissionDenied):
            accounts.add_staff(recovery, name="Mallory", role=Role.ADMIN,
                               password="another long password", confirm="another long password")
        recovery.vault.close()
    finally:
        locked.release()
