"""Casework migration 4 (issue 14): safe-contact channels get "not asked yet" without
changing anything a person already recorded."""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

import pytest

from peerdesk.storage import migrations
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import ratings

NOW = "2026-01-01T00:00:00+00:00"


def _folder(tmp_path: Path, up_to: int) -> Path:
    folder = tmp_path / f"migrations-{up_to}"
    folder.mkdir()
    shipped = Path(str(resources.files("peerdesk.storage") / "migrations" / "casework"))
    for sql in sorted(shipped.glob("*.sql"))[:up_to]:
        shutil.copy(sql, folder)
    return folder


def _peer(db: Database, peer_id: int, name: str) -> None:
    db.execute("INSERT INTO peer (id, ref_number, preferred_name, sort_name, contact_route, "
               "first_contact, created_at, updated_at) VALUES (?, ?, ?, ?, 'walk_in', "
               "'2025-01-01', ?, ?)", (peer_id, peer_id, name, name.casefold(), NOW, NOW))


@pytest.fixture
def old_vault(tmp_path: Path):
    """A casework database as version 3 left it, with answers recorded the old way."""
    db = Database(tmp_path / "v3.casework", os.urandom(32), create=True)
    migrations.migrate(db, _folder(tmp_path, 3), compartment="casework")
    for peer_id, name in ((1, "Sunny"), (2, "Rae"), (3, "Kim")):
        _peer(db, peer_id, name)
    db.execute("INSERT INTO safe_contact (peer_id, do_not_contact, calls_ok, texts_ok, "
               "email_ok, voicemail_ok, safe_times, code_word, other) "
               "VALUES (1, 0, 0, 1, 0, 1, 'after 6 pm', 'bluebird', 'no letters')")
    db.execute("INSERT INTO safe_contact (peer_id, do_not_contact, calls_ok, texts_ok, "
               "email_ok, voicemail_ok) VALUES (2, 1, 1, 1, 1, 0)")
    try:
        yield db
    finally:
        db.close()


def test_recorded_answers_are_kept_and_new_peers_start_not_asked(old_vault: Database) -> None:
    db = old_vault
    before = db.query("SELECT * FROM safe_contact ORDER BY peer_id")
    result = migrations.migrate(db, compartment="casework")
    assert result.from_version == 3 and result.backup is not None
    # Every answer recorded stays as it was: 1 is OK, 0 is not OK; nothing else moves.
    assert db.query("SELECT * FROM safe_contact ORDER BY peer_id") == before
    sunny = peer_repo.get_safe_contact(db, 1)
    assert sunny.channels() == (False, True, False, True)
    assert (sunny.safe_times, sunny.code_word, sunny.other) == ("after 6 pm", "bluebird",
                                                                "no letters")
    assert peer_repo.get_safe_contact(db, 2).do_not_contact
    # A row added the bare way (as any older code path would) is "not asked yet", not OK.
    db.execute("INSERT INTO safe_contact (peer_id) VALUES (3)")
    assert db.query("SELECT calls_ok, texts_ok, email_ok, voicemail_ok FROM safe_contact "
                    "WHERE peer_id = 3") == [(None, None, None, None)]
    assert peer_repo.get_safe_contact(db, 3).not_asked
    # Deleting a peer still takes their safe-contact row with it.
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("DELETE FROM peer WHERE id = 1")
    assert db.scalar("SELECT count(*) FROM safe_contact WHERE peer_id = 1") == 0


def test_only_the_three_states_can_be_stored(old_vault: Database) -> None:
    migrations.migrate(old_vault, compartment="casework")
    with pytest.raises(Exception, match="refused"):
        old_vault.execute("INSERT INTO safe_contact (peer_id, calls_ok) VALUES (3, 2)")


def test_ratings_are_copied_unchanged_and_can_then_be_declined_or_changed(
        old_vault: Database) -> None:
    db = old_vault
    db.execute("INSERT INTO rating (id, peer_id, measure_key, rated_on, worker_id, scores, "
               "total, created_at) VALUES (7, 1, 'ons4', '2025-03-01', 4, '5,6,7,8', 26, ?)",
               (NOW,))
    before = db.query("SELECT id, peer_id, measure_key, rated_on, worker_id, scores, total, "
                      "created_at FROM rating")
    migrations.migrate(db, compartment="casework")
    assert db.query("SELECT id, peer_id, measure_key, rated_on, worker_id, scores, total, "
                    "created_at FROM rating") == before
    assert db.scalar("SELECT deleted_at FROM rating WHERE id = 7") is None
    [kept] = ratings.for_peer(db, 1)
    assert (kept.scores, kept.total, kept.corrected) == ((5, 6, 7, 8), 26, False)
    # A declined item now has no total, and a change keeps the version before it.
    db.execute("INSERT INTO rating (peer_id, measure_key, rated_on, scores, total, created_at) "
               "VALUES (1, 'ons4', '2025-04-01', '5,-,7,8', NULL, ?)", (NOW,))
    ratings.delete(db, 7, by=4, reason="duplicate", now=NOW)
    assert [r.scores for r in ratings.for_peer(db, 1)] == [(5, None, 7, 8)]
    assert [(c.kind, c.old_scores) for c in ratings.history(db, 7)] == [
        ("deleted", (5, 6, 7, 8))]
    # Erasing the peer takes the ratings and their history with them.
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("DELETE FROM peer WHERE id = 1")
    assert db.scalar("SELECT count(*) FROM rating_change") == 0
