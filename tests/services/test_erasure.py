"""Erasing one peer: everything about them goes, physically, and nothing else does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from peerdesk.services import casework, drafts, erasure, groups, peers
from peerdesk.services.session import Session
from peerdesk.storage import migrations
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import close, sign_in

from .erasure_helpers import full_record, group_meeting
from .vault_pages import database_pages, page_one_is_sqlite, wal_pages, words_found


def _wal(paths: VaultPaths):
    return paths.casework.with_name(paths.casework.name + "-wal")


def _pre_upgrade_copy(session: Session) -> Path:
    """A pre-upgrade copy of the casework file, made the way storage makes one
    (same bytes, same key)."""
    casework = session.vault.paths.casework
    version = int(session.db.scalar("PRAGMA casework.user_version"))
    copy = migrations.backup_path(casework, version)
    session.db.checkpoint()
    shutil.copyfile(casework, copy)
    assert migrations.existing_backups(casework) == [copy]
    return copy


def _casework_key(session: Session) -> bytes:
    return bytes(session.vault.key("casework").key)


def test_erasure_leaves_no_word_of_them_in_any_page_the_log_or_an_old_copy(
        lead: Session, vault: VaultPaths) -> None:
    meeting = group_meeting(lead, anonymous_count=3)
    gone = full_record(lead, "zorblax", meeting_id=meeting)
    kept = full_record(lead, "quillfen", meeting_id=meeting)
    # Edits too: the old name and old note words live on in freed cells and index blocks.
    peers.update(lead, gone.peer_id, peers.open_page(lead, gone.peer_id).peer.details)
    copy = _pre_upgrade_copy(lead)
    key = _casework_key(lead)
    # The checks can see the words: in the live file, and in the copy.
    assert words_found(database_pages(vault.casework, key), gone.words) == set(gone.words)
    assert words_found(database_pages(copy, key), gone.words) == set(gone.words)

    erasure.erase_peer(lead, gone.peer_id, typed_ref=peers.open_page(lead, gone.peer_id)
                       .peer.ref.lower())

    assert not copy.exists()
    assert words_found(wal_pages(_wal(vault), key), gone.words) == set()
    close(lead)
    assert page_one_is_sqlite(vault.casework, key)
    assert words_found(database_pages(vault.casework, key), gone.words) == set()
    assert words_found(wal_pages(_wal(vault), key), gone.words) == set()
    # The other peer's words are all still there, read the same way.
    assert words_found(database_pages(vault.casework, key), kept.words) == set(kept.words)

    again = sign_in(vault, "Lee Lead")
    try:
        with pytest.raises(NotFound):
            peers.open_page(again, gone.peer_id)
        other = peers.open_page(again, kept.peer_id)
        assert len(other.sessions) == 3 and other.consents and other.referrals and other.ratings
        assert [h.peer_id for h in casework.search_notes(again, "quillfennoteword")] == [
            kept.peer_id] * 3
        assert casework.search_notes(again, "zorblaxnoteword") == []
        assert peers.find(again, peers.PeerFilter(text="zorblax")) == []
        register = groups.open_register(again, meeting)
        assert register.meeting.anonymous_count == 3
        assert [line.peer_id for line in register.lines] == [kept.peer_id]
        deleted = [e for e in audit_repo.recent(again.db, limit=50)
                   if e.action is AuditAction.DELETED]
        assert [(e.target_kind, e.target_id) for e in deleted] == [("peer", str(gone.peer_id))]
        assert "P-" in deleted[0].detail
        for event in audit_repo.recent(again.db, limit=500):
            text = f"{event.target_id} {event.detail}".casefold()
            assert not any(w.casefold() in text for w in gone.words)
        assert audit_repo.verify_chain(again.db).ok
    finally:
        close(again)


def test_the_reference_must_be_typed_and_nothing_goes_otherwise(lead: Session) -> None:
    record = full_record(lead, "mintavel")
    with pytest.raises(ValidationError) as refused:
        erasure.erase_peer(lead, record.peer_id, typed_ref="P-9999")
    assert "Nothing was deleted" in refused.value.user_message
    assert len(peers.open_page(lead, record.peer_id).sessions) == 3


@pytest.mark.parametrize("name", ["Cal Worker", "Pia Peer", "Ada Admin"])
def test_only_a_programme_lead_may_erase(vault: VaultPaths, name: str) -> None:
    lead = sign_in(vault, "Lee Lead")
    record = full_record(lead, "pembrook")
    ref = peers.open_page(lead, record.peer_id).peer.ref
    close(lead)
    other = sign_in(vault, name)
    try:
        assert not erasure.can_erase(other)
        with pytest.raises(PermissionDenied):
            erasure.erase_peer(other, record.peer_id, typed_ref=ref)
        with pytest.raises(PermissionDenied):
            erasure.preview(other, record.peer_id)
    finally:
        close(other)
    lead = sign_in(vault, "Lee Lead")
    try:
        assert peers.open_page(lead, record.peer_id).peer.ref == ref
    finally:
        close(lead)


def test_preview_counts_what_will_go(lead: Session) -> None:
    meeting = group_meeting(lead)
    record = full_record(lead, "hollisk", meeting_id=meeting)
    shown = erasure.preview(lead, record.peer_id)
    assert (shown.sessions, shown.consents, shown.referrals, shown.ratings,
            shown.attendance_marks) == (3, 1, 1, 1, 1)


def test_every_table_that_points_at_a_peer_goes_with_them(lead: Session) -> None:
    """A table added later without ON DELETE CASCADE would make erasure fail or leave rows."""
    tables = [r[0] for r in lead.db.query(
        "SELECT name FROM casework.sqlite_master WHERE type = 'table' "
        "AND sql NOT LIKE '%VIRTUAL%'")]
    pointing = {}
    for table in tables:
        for fk in lead.db.query(f"PRAGMA foreign_key_list('{table}')"):
            if fk[2] == "peer":
                pointing[table] = fk[6]
    assert set(pointing) >= {"safe_contact", "consent", "one_to_one", "referral", "rating",
                             "group_member", "attendance"}
    assert set(pointing.values()) == {"CASCADE"}


FIXTURE_V1 = Path(__file__).parent.parent / "fixtures" / "vault_v1"


def test_an_upgraded_vault_keeps_no_copy_that_holds_a_record(tmp_path: Path) -> None:
    """The real thing: a version-1 vault upgraded at sign-in. Moving casework into
    its own file removed the safety copy once the new files verified (it is under
    the old key, which every old slot opens), so there is none left to hold a record."""
    folder = tmp_path / "old"
    shutil.copytree(FIXTURE_V1, folder)
    paths = VaultPaths.at(folder / "centre.peerdesk")
    lead = sign_in(paths, "Lee Lead", "fixture vault password 1")
    try:
        assert migrations.existing_backups(paths.database) == []
        assert migrations.existing_backups(paths.casework) == []
        record = full_record(lead, "gravelyn")
        erasure.erase_peer(lead, record.peer_id,
                           typed_ref=peers.open_page(lead, record.peer_id).peer.ref)
        assert migrations.existing_backups(paths.database) == []
    finally:
        close(lead)


def test_a_draft_about_them_goes_too(lead: Session, vault: VaultPaths) -> None:
    record = full_record(lead, "torquin")
    other = full_record(lead, "ilvasch")
    for peer_id, word in ((record.peer_id, "torquindraftword"), (other.peer_id, "ilvaschdraft")):
        drafts.keep(lead, drafts.SESSION_FORM, {"peer_id": peer_id, "notes": word})
    key = _casework_key(lead)
    erasure.erase_peer(lead, record.peer_id,
                       typed_ref=peers.open_page(lead, record.peer_id).peer.ref)
    assert [d.payload["notes"] for d in drafts.pending(lead)] == ["ilvaschdraft"]
    close(lead)
    assert words_found(database_pages(vault.casework, key),
                       ["torquindraftword", "ilvaschdraft"]) == {"ilvaschdraft"}


def test_erasing_on_a_connection_of_its_own_as_the_window_does(lead: Session) -> None:
    record = full_record(lead, "cassivel")
    ref = peers.open_page(lead, record.peer_id).peer.ref
    worker = lead.vault.connect()
    try:
        erasure.erase_peer(lead, record.peer_id, typed_ref=ref, db=worker)
    finally:
        worker.close()
    with pytest.raises(NotFound):
        peers.open_page(lead, record.peer_id)
    event = next(e for e in audit_repo.recent(lead.db, limit=10)
                 if e.action is AuditAction.DELETED)
    assert (event.actor_id, event.target_id) == (lead.staff.id, str(record.peer_id))
    assert audit_repo.verify_chain(lead.db).ok


def test_every_connection_overwrites_what_it_deletes(lead: Session) -> None:
    worker = lead.vault.connect()
    try:
        assert lead.db.scalar("PRAGMA secure_delete") == 1
        assert worker.scalar("PRAGMA secure_delete") == 1
    finally:
        worker.close()
