"""The casework migration that gives a call-back's safe contact the peer form's three
states (issue 14): answers already recorded are kept, and a new row starts not asked."""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

import pytest

from peerdesk.storage import migrations
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import callbacks as callback_repo

NOW = "2026-01-01T00:00:00+00:00"
NAME = "callback_safe_contact"


def _folder_before(tmp_path: Path) -> Path:
    """The shipped casework migrations up to, not including, this one."""
    folder = tmp_path / "before"
    folder.mkdir()
    shipped = sorted(Path(str(resources.files("peerdesk.storage") / "migrations"
                              / "casework")).glob("*.sql"))
    for sql in shipped[:[p.stem.endswith(NAME) for p in shipped].index(True)]:
        shutil.copy(sql, folder)
    return folder


def _callback(db: Database, callback_id: int, channels: tuple[int, int, int, int]) -> None:
    db.execute("INSERT INTO callback (id, received_on, route, created_at, updated_at) "
               "VALUES (?, '2025-12-30', 'phone', ?, ?)", (callback_id, NOW, NOW))
    db.execute("INSERT INTO callback_reach (callback_id, ask_for, reach, calls_ok, texts_ok, "
               "email_ok, voicemail_ok, safe_times, code_word, agreed_on) "
               "VALUES (?, 'Sunny', '07700 900123', ?, ?, ?, ?, 'after 6 pm', 'bluebird', "
               "'2025-12-30')", (callback_id, *channels))


@pytest.fixture
def old_vault(tmp_path: Path):
    """A casework database as the version before this migration left it."""
    db = Database(tmp_path / "old.casework", os.urandom(32), create=True)
    migrations.migrate(db, _folder_before(tmp_path), compartment="casework")
    _callback(db, 1, (1, 0, 1, 0))
    _callback(db, 2, (0, 0, 0, 0))
    try:
        yield db
    finally:
        db.close()


def test_recorded_call_back_answers_are_kept_and_new_ones_start_not_asked(
        old_vault: Database) -> None:
    db = old_vault
    before = db.query("SELECT * FROM callback_reach ORDER BY callback_id")
    result = migrations.migrate(db, compartment="casework")
    assert result.to_version == migrations.latest_version(compartment="casework")
    assert db.query("SELECT * FROM callback_reach ORDER BY callback_id") == before
    first = callback_repo.get(db, 1)
    assert first.prefs.channels() == (True, False, True, False)
    assert (first.reach, first.ask_for, first.prefs.safe_times,
            first.prefs.code_word) == ("07700 900123", "Sunny", "after 6 pm", "bluebird")
    assert not first.prefs.not_asked
    assert callback_repo.get(db, 2).prefs.channels() == (False, False, False, False)
    # A row written the bare way is "not asked yet", never OK.
    db.execute("INSERT INTO callback (id, received_on, route, created_at, updated_at) "
               "VALUES (3, '2025-12-31', 'text', ?, ?)", (NOW, NOW))
    db.execute("INSERT INTO callback_reach (callback_id, reach, agreed_on) "
               "VALUES (3, '@sunny', '2025-12-31')")
    third = callback_repo.get(db, 3)
    assert third.prefs.channels() == (None, None, None, None) and third.prefs.not_asked
    # Closing a call-back still erases its way to reach them.
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("DELETE FROM callback WHERE id = 1")
    assert db.scalar("SELECT count(*) FROM callback_reach WHERE callback_id = 1") == 0


def test_only_the_three_states_can_be_stored(old_vault: Database) -> None:
    migrations.migrate(old_vault, compartment="casework")
    with pytest.raises(Exception, match="refused"):
        old_vault.execute("UPDATE callback_reach SET calls_ok = 2 WHERE callback_id = 1")
