"""Backup services: permission, audit, settings, the daily automatic backup, keep-last-N."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.services import backups
from peerdesk.services.backups import BackupSettings
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories.meta import get_setting, set_setting
from tests.fixtures.vaults import ADMIN_NAME, PASSWORDS, close, sign_in
from tests.storage.backup_helpers import fingerprint, fingerprint_of


@pytest.fixture
def admin(vault):
    session = sign_in(vault, ADMIN_NAME)
    yield session
    close(session)


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_settings_default_to_keep_seven_automatic_off_until_a_folder(admin):
    # A new vault has nowhere to put backups yet, so automatic backup is off.
    assert backups.backup_settings(admin) == BackupSettings(folder=None, keep=7, auto=False)
    assert backups.last_backup_at(admin) is None


def test_settings_are_saved_in_the_vault_and_audited(admin, stick):
    backups.save_backup_settings(admin, BackupSettings(folder=stick, keep=3, auto=False))
    assert backups.backup_settings(admin) == BackupSettings(folder=stick, keep=3, auto=False)
    event = audit_repo.recent(admin.db, limit=1)[0]
    assert (event.action, event.target_kind) == (AuditAction.CHANGED, "backup_settings")
    with pytest.raises(ValidationError):
        backups.save_backup_settings(admin, BackupSettings(folder=stick, keep=0))
    with pytest.raises(ValidationError):
        backups.save_backup_settings(admin, BackupSettings(folder=Path("relative"), keep=2))
    assert backups.backup_settings(admin).keep == 3


def test_only_roles_allowed_backups_may_make_one_or_see_settings(vault, stick):
    worker = sign_in(vault, "Cal Worker")
    try:
        with pytest.raises(PermissionDenied):
            backups.back_up_now(worker, stick)
        with pytest.raises(PermissionDenied):
            backups.backup_settings(worker)
        with pytest.raises(PermissionDenied):
            backups.list_backups(worker, stick)
    finally:
        close(worker)
    assert list(stick.iterdir()) == []


def test_back_up_now_is_audited_and_remembered(admin, stick):
    result = backups.back_up_now(admin, stick)
    assert result.path.parent == stick
    event = audit_repo.recent(admin.db, limit=1)[0]
    assert event.action is AuditAction.EXPORTED
    assert (event.target_kind, event.target_id, event.detail) == (
        "backup", result.path.name, "on demand")
    assert event.actor_id == admin.staff.id
    last = backups.last_backup_at(admin)
    assert last is not None and datetime.now(last.tzinfo) - last < timedelta(minutes=5)
    assert [b.path for b in backups.list_backups(admin, stick)] == [result.path]


def test_back_up_now_without_a_folder_asks_for_one(admin):
    with pytest.raises(ValidationError) as refused:
        backups.back_up_now(admin)
    assert "folder" in refused.value.user_message


def test_keep_last_n_after_each_backup(admin, stick):
    backups.save_backup_settings(admin, BackupSettings(folder=stick, keep=2))
    made = [backups.back_up_now(admin, now=datetime(2026, 5, day, 12, 0, 0)).path
            for day in (1, 2, 3)]
    assert [b.path for b in backups.list_backups(admin)] == [made[2], made[1]]


def test_backup_due_once_a_day_when_on_and_a_folder_is_set(admin, stick):
    today = datetime.now().astimezone().date()
    assert not backups.backup_due(admin, today=today)  # no folder yet
    backups.save_backup_settings(admin, BackupSettings(folder=stick, auto=False))
    assert not backups.backup_due(admin, today=today)  # automatic backups off
    backups.save_backup_settings(admin, BackupSettings(folder=stick, auto=True))
    assert backups.backup_due(admin, today=today)  # never backed up

    result = backups.run_due_backup(admin, today=today)
    assert result is not None and result.path.parent == stick
    assert audit_repo.recent(admin.db, limit=1)[0].detail == "automatic"
    assert not backups.backup_due(admin, today=today)
    assert backups.run_due_backup(admin, today=today) is None
    assert len(backups.list_backups(admin)) == 1
    assert backups.backup_due(admin, today=today + timedelta(days=1))


def test_due_backup_runs_for_whoever_signs_in_first(vault, stick):
    admin = sign_in(vault, ADMIN_NAME)
    try:
        backups.save_backup_settings(admin, BackupSettings(folder=stick))
    finally:
        close(admin)
    peer_supporter = sign_in(vault, "Pia Peer")
    try:
        assert backups.backup_due(peer_supporter, today=date.today())
        result = backups.run_due_backup(peer_supporter, today=date.today())
        assert result is not None
        event = audit_repo.recent(peer_supporter.db, limit=1)[0]
        assert (event.action, event.actor_id) == (AuditAction.EXPORTED,
                                                  peer_supporter.staff.id)
    finally:
        close(peer_supporter)


def test_a_backup_runs_on_its_own_connection_in_another_thread(admin, stick):
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["result"] = backups.back_up_now(admin, stick)
        except Exception as exc:  # reported below, so the test shows it
            outcome["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=120)
    assert "error" not in outcome, outcome
    assert isinstance(outcome["result"], backups.BackupResult)
    # The main connection still works, and sees what the worker wrote.
    assert audit_repo.recent(admin.db, limit=1)[0].target_kind == "backup"


def test_a_failed_backup_is_not_remembered(admin, tmp_path):
    with pytest.raises(backups.storage.BackupFailed):
        backups.back_up_now(admin, tmp_path / "unplugged")
    assert backups.last_backup_at(admin) is None
    assert audit_repo.recent(admin.db, limit=1)[0].action is not AuditAction.EXPORTED


def test_a_change_saved_while_the_backup_is_written_is_not_half_in_it(admin, stick, tmp_path):
    before = fingerprint(admin.db)

    def meanwhile(step: str) -> None:
        # The copy is made; the vault changes before the copy is checked.
        if step.startswith("Copying the key file"):
            set_setting(admin.db, "centre_name", "Renamed while backing up")

    result = backups.back_up_now(admin, stick, progress=meanwhile)
    assert get_setting(admin.db, "centre_name") == "Renamed while backing up"
    target = tmp_path / "restored.peerdesk"
    backups.restore(result.path, target, ADMIN_NAME, PASSWORDS[ADMIN_NAME])
    assert fingerprint_of(VaultPaths.at(target), ADMIN_NAME, PASSWORDS[ADMIN_NAME]) == before


def _restored_history(target: Path, account: str) -> list[tuple[AuditAction, str, str]]:
    session = sign_in(VaultPaths.at(target), account)
    try:
        assert audit_repo.verify_chain(session.db).ok
        lead = next(s for s in staff_repo.list_all(session.db) if s.name == "Lee Lead")
        return [(e.action, e.target_id, "lead" if e.actor_id == lead.id else str(e.actor_id))
                for e in audit_repo.recent(session.db, target_kind="vault",
                                                 target_id="restored", limit=5)]
    finally:
        close(session)


def test_a_restored_vault_records_where_it_came_from_and_who_opened_it(
        admin, stick, tmp_path, template):
    made = backups.back_up_now(admin, stick)
    by_lead = tmp_path / "by-lead.peerdesk"
    backups.restore(made.path, by_lead, "Lee Lead", PASSWORDS["Lee Lead"])
    history = _restored_history(by_lead, ADMIN_NAME)
    assert history[0] == (AuditAction.CREATED, "restored", "lead")

    by_key = tmp_path / "by-key.peerdesk"
    backups.restore(made.path, by_key, None, template.recovery_key)
    assert _restored_history(by_key, ADMIN_NAME)[0] == (
        AuditAction.RECOVERY_USED, "restored", "None")


def test_the_vault_in_use_records_a_restore_by_file_name_only(admin, stick):
    made = backups.back_up_now(admin, stick)
    backups.record_restore(admin, made.path)
    event = audit_repo.recent(admin.db, limit=1)[0]
    assert (event.action, event.target_kind, event.target_id) == (
        AuditAction.EXPORTED, "backup", made.path.name)
    assert str(stick) not in event.detail
