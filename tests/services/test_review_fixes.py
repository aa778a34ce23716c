"""Hardening found in review: file modes, the sign-in counter, audited upgrades,
assignments, topics."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.staff import Role
from peerdesk.services import casework, peers
from peerdesk.services.auth import SignIn
from peerdesk.services.session import Session
from peerdesk.storage.migrations import latest_version
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.vault import LockedVault
from tests.conftest import ADMIN_NAME, ADMIN_PASSWORD

from .caseload_helpers import TODAY, add_person, one_to_one, peer, sign_in_as

FIXTURE = Path(__file__).parent.parent / "fixtures" / "vault_v1"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_vault_files_are_for_this_account_only(tmp_path: Path) -> None:
    from peerdesk.services.setup import create_centre

    paths = VaultPaths.at(tmp_path / "new-folder" / "centre.peerdesk")
    centre = create_centre(paths, centre_name="C", admin_name=ADMIN_NAME,
                           password=ADMIN_PASSWORD, confirm=ADMIN_PASSWORD)
    with pytest.raises(Exception):  # noqa: B017 - any failure: we only want the counter
        SignIn(centre.session.end()).sign_in(ADMIN_NAME, "wrong password here")
    centre.session.vault.locked.release()
    assert stat.S_IMODE(paths.database.parent.stat().st_mode) == 0o700
    for path in (paths.database, paths.casework, paths.keys):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_an_upgrade_done_at_sign_in_is_audited(tmp_path: Path) -> None:
    for source in FIXTURE.iterdir():
        shutil.copyfile(source, tmp_path / source.name)
    locked = LockedVault.open(VaultPaths.at(tmp_path / "centre.peerdesk"))
    try:
        session = SignIn(locked).sign_in("Ada Admin", "fixture vault password 1")
        migrated = [e for e in audit_repo.recent(session.db, limit=20)
                    if e.action is AuditAction.VAULT_MIGRATED]
        assert [e.detail for e in migrated] == [f"schema 1 -> {latest_version()}"]
        session.vault.close()
    finally:
        locked.release()


def test_peers_are_assigned_only_to_active_staff_who_work_with_peers(
        admin_session: Session) -> None:
    sam = add_person(admin_session, "Sam Supporter", Role.PEER_SUPPORTER)
    add_person(admin_session, "Lee Lead", Role.PROGRAMME_LEAD)
    admin_id = admin_session.staff.id
    lead = sign_in_as(admin_session, "Lee Lead")
    with pytest.raises(ValidationError, match="active caseworker") as refused:
        peers.create(lead, peer("Ana", caseworker_id=admin_id), today=TODAY)
    assert refused.value.field == "caseworker_id"
    ana = peers.create(lead, peer("Ana", supporter_id=sam), today=TODAY)
    sam_session = sign_in_as(lead, "Sam Supporter")
    peers.update(sam_session, ana, peer("Ana B", supporter_id=None), today=TODAY)
    details = peers.open_page(sam_session, ana).peer.details
    assert (details.preferred_name, details.supporter_id) == ("Ana B", sam)  # kept


def test_topics_are_checked_and_hidden_with_the_notes(admin_session: Session) -> None:
    sam = add_person(admin_session, "Sam Supporter", Role.PEER_SUPPORTER)
    add_person(admin_session, "Lee Lead", Role.PROGRAMME_LEAD)
    lead = sign_in_as(admin_session, "Lee Lead")
    ana = peers.create(lead, peer("Ana", supporter_id=sam), today=TODAY)
    for bad in ("Bad\x00topic", "x" * 61):
        with pytest.raises(ValidationError, match="Topic"):
            casework.log_session(lead, one_to_one(ana, lead.staff.id, topics=(bad,)),
                                 today=TODAY)
    casework.log_session(lead, one_to_one(ana, lead.staff.id, topics=("Substance use",),
                                          notes="lead's note"), today=TODAY)
    sam_session = sign_in_as(lead, "Sam Supporter")
    [seen] = peers.open_page(sam_session, ana).sessions
    assert (seen.draft.notes, seen.draft.topics) == ("", ())
