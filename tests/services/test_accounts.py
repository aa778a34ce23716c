"""Admin › Staff: who may do what, the rules on names, and the audit trail."""

from __future__ import annotations

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.staff import Role, StaffStatus
from peerdesk.services import accounts, audit_log, auth
from peerdesk.services.auth import SignIn
from peerdesk.storage.keyslots import KeySlotFile
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import ADMIN_NAME, can_sign_in, close, sign_in

NEW_PASSWORD = "a brand new password"


def _by_name(session, name):
    return next(s for s in accounts.list_staff(session, include_removed=True) if s.name == name)


@pytest.mark.parametrize("who", ["Cal Worker", "Pia Peer", "Lee Lead"])
def test_only_admins_manage_staff(vault, who):
    session = sign_in(vault, who)
    try:
        with pytest.raises(PermissionDenied):
            accounts.list_staff(session)
        with pytest.raises(PermissionDenied):
            accounts.add_staff(session, name="Sneaky New", role=Role.ADMIN,
                               password=NEW_PASSWORD, confirm=NEW_PASSWORD)
        with pytest.raises(PermissionDenied):
            accounts.deactivate(session, 1)
        with pytest.raises(PermissionDenied):
            accounts.change_role(session, session.staff.id, Role.ADMIN)
    finally:
        close(session)
    assert "Sneaky New" not in KeySlotFile.load(vault.keys).accounts()


def test_admin_cannot_act_on_their_own_account(vault):
    session = sign_in(vault, ADMIN_NAME)
    try:
        me = session.staff.id
        for action in (accounts.deactivate, accounts.remove):
            with pytest.raises(PermissionDenied, match="your own account"):
                action(session, me)
        with pytest.raises(PermissionDenied, match="your own account"):
            accounts.change_role(session, me, Role.CASEWORKER)
        assert _by_name(session, ADMIN_NAME).status is StaffStatus.ACTIVE
    finally:
        close(session)


def test_a_recovery_session_cannot_touch_accounts(centre, vault_paths):
    """The recovery key only lets someone set an admin's password; staff changes
    (which once reached the last-administrator rule this way) are refused."""
    ada = centre.session.staff
    locked = centre.session.end()
    session = SignIn(locked).open_with_recovery_key(centre.recovery_key)
    try:
        assert auth.is_recovery(session)
        for action in (accounts.deactivate, accounts.remove):
            with pytest.raises(PermissionDenied, match="Opened with the recovery key"):
                action(session, ada.id)
        with pytest.raises(PermissionDenied, match="Opened with the recovery key"):
            accounts.change_role(session, ada.id, Role.CASEWORKER)
        assert [s.status for s in auth.recovery_admin_choices(session)] == [StaffStatus.ACTIVE]
    finally:
        session.vault.close()
    # The fixture releases the vault; reopen it for its own clean-up.
    centre.session.vault = SignIn(locked).unlock(ada.name, "correct horse battery staple")


def _last_change(session):
    """The newest event other than the key rotations a revocation brings with it."""
    return next(e for e in audit_repo.recent(session.db, limit=10)
                if e.action is not AuditAction.VAULT_REKEYED)


def test_deactivate_then_reset_password_reactivates(vault):
    session = sign_in(vault, ADMIN_NAME)
    try:
        cal = _by_name(session, "Cal Worker")
        accounts.deactivate(session, cal.id)
        assert _by_name(session, "Cal Worker").status is StaffStatus.DEACTIVATED
        assert _last_change(session).action is AuditAction.STAFF_DEACTIVATED
    finally:
        close(session)
    assert "Cal Worker" not in KeySlotFile.load(vault.keys).accounts()
    assert not can_sign_in(vault, "Cal Worker")
    session = sign_in(vault, ADMIN_NAME)
    try:
        accounts.reset_password(session, cal.id, NEW_PASSWORD, NEW_PASSWORD)
        assert _by_name(session, "Cal Worker").status is StaffStatus.ACTIVE
        assert _last_change(session).action is AuditAction.STAFF_REACTIVATED
    finally:
        close(session)
    cal_session = sign_in(vault, "Cal Worker", NEW_PASSWORD)
    assert cal_session.must_change_password
    close(cal_session)


@pytest.mark.parametrize("name, message", [
    ("", "can't be empty"),
    ("   ", "can't be empty"),
    ("x" * 61, "can be at most"),
    ("Tab\there", "control characters"),
    ("New\nLine", "control characters"),
    ("Zero\u200bwidth", "control characters"),
    ("cal worker", "already an account"),
    ("  CAL WORKER ", "already an account"),
])
def test_names_are_checked_with_a_message(vault, name, message):
    session = sign_in(vault, ADMIN_NAME)
    try:
        events = audit_repo.verify_chain(session.db).events
        with pytest.raises(ValidationError, match=message) as caught:
            accounts.add_staff(session, name=name, role=Role.CASEWORKER,
                               password=NEW_PASSWORD, confirm=NEW_PASSWORD)
        assert caught.value.field == "name"
        assert audit_repo.verify_chain(session.db).events == events
    finally:
        close(session)
    assert len(KeySlotFile.load(vault.keys).slots) == 6


def test_every_change_writes_its_audit_event(vault):
    session = sign_in(vault, ADMIN_NAME)
    try:
        def last():
            event = _last_change(session)
            return event.action, event.target_id, event.detail, event.actor_id

        me = session.staff.id
        new = accounts.add_staff(session, name="Noor New", role=Role.PEER_SUPPORTER,
                                 password=NEW_PASSWORD, confirm=NEW_PASSWORD)
        assert last() == (AuditAction.STAFF_ADDED, str(new.id), "peer_supporter", me)
        accounts.change_role(session, new.id, Role.CASEWORKER)
        assert last() == (AuditAction.STAFF_ROLE_CHANGED, str(new.id),
                          "peer_supporter -> caseworker", me)
        accounts.reset_password(session, new.id, "another new password", "another new password")
        assert last()[:2] == (AuditAction.STAFF_PASSWORD_RESET, str(new.id))
        accounts.deactivate(session, new.id)
        assert last()[:2] == (AuditAction.STAFF_DEACTIVATED, str(new.id))
        accounts.remove(session, new.id)
        # Deactivating already took every key away (and rotated main): removing
        # a deactivated account owes no further rotation.
        assert last()[:2] == (AuditAction.STAFF_REMOVED, str(new.id))
        with pytest.raises(ValidationError, match="already an account"):
            accounts.add_staff(session, name="noor new", role=Role.CASEWORKER,
                               password=NEW_PASSWORD, confirm=NEW_PASSWORD)
        assert audit_repo.verify_chain(session.db).ok
    finally:
        close(session)


def test_password_rules_refuse_with_messages(vault):
    session = sign_in(vault, ADMIN_NAME)
    try:
        for password, confirm, message in [
            ("short", "short", "at least 10"),
            ("long enough password", "long enough passw0rd", "not the same"),
            ("password123", "password123", "first ones an attacker tries"),
            (" spaced out password", " spaced out password", "starts or ends with a space"),
            ("aaaaaaaaaaaa", "aaaaaaaaaaaa", "more different characters"),
            ("omar okoro 2024 x", "omar okoro 2024 x", "account name"),
        ]:
            with pytest.raises(ValidationError, match=message):
                accounts.add_staff(session, name="Omar Okoro", role=Role.CASEWORKER,
                                   password=password, confirm=confirm)
    finally:
        close(session)
    assert "Omar Okoro" not in KeySlotFile.load(vault.keys).accounts()


def test_the_audit_log_shows_roles_by_their_labels(vault):
    session = sign_in(vault, ADMIN_NAME)
    try:
        new = accounts.add_staff(session, name="Noor New", role=Role.PEER_SUPPORTER,
                                 password=NEW_PASSWORD, confirm=NEW_PASSWORD)
        accounts.change_role(session, new.id, Role.PROGRAMME_LEAD)
        shown = {(row.action, row.detail) for row in audit_log.recent_events(session)}
        assert (AuditAction.STAFF_ADDED, "Peer supporter") in shown
        assert (AuditAction.STAFF_ROLE_CHANGED, "Peer supporter → Programme lead") in shown
    finally:
        close(session)
