"""Casework migration 2 turns each "Where to" already typed on a referral into a
directory entry."""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

from peerdesk.storage import migrations
from peerdesk.storage.database import Database


def _folder(tmp_path: Path, up_to: int) -> Path:
    folder = tmp_path / f"migrations-{up_to}"
    folder.mkdir()
    shipped = Path(str(resources.files("peerdesk.storage") / "migrations" / "casework"))
    for sql in sorted(shipped.glob("*.sql"))[:up_to]:
        shutil.copy(sql, folder)
    return folder


def test_referrals_where_to_become_directory_entries(tmp_path: Path) -> None:
    db = Database(tmp_path / "v1.casework", os.urandom(32), create=True)
    try:
        migrations.migrate(db, _folder(tmp_path, 1), compartment="casework")
        now = "2026-01-01T00:00:00+00:00"
        db.execute("INSERT INTO peer (id, ref_number, preferred_name, sort_name, contact_route, "
                   "first_contact, created_at, updated_at) VALUES (1, 1, 'Sunny', 'sunny', "
                   "'walk_in', '2025-01-01', ?, ?)", (now, now))
        for where, destination in (("Talking Therapies", "counselling"),
                                   ("  talking therapies ", "counselling"),
                                   ("Citizens Advice", "agency"),
                                   ("Tuesday art group", "group")):
            db.execute("INSERT INTO referral (peer_id, made_on, destination, destination_name, "
                       "created_at, updated_at) VALUES (1, '2025-02-01', ?, ?, ?, ?)",
                       (destination, where, now, now))
        result = migrations.migrate(db, compartment="casework")
        assert result.from_version == 1 and result.backup is not None  # copied first
        entries = {str(r[1]): int(r[0]) for r in db.query(
            "SELECT id, name FROM directory_entry ORDER BY name")}
        # One entry per name, spacing and case ignored; never checked, so due for review.
        assert sorted(entries) == ["Citizens Advice", "Talking Therapies", "Tuesday art group"]
        assert db.scalar("SELECT count(*) FROM directory_entry WHERE last_checked IS NULL") == 3
        links = db.query("SELECT destination_name, directory_entry_id FROM referral ORDER BY id")
        assert [e for _, e in links] == [entries["Talking Therapies"]] * 2 + [
            entries["Citizens Advice"], entries["Tuesday art group"]]
        assert links[1][0] == "  talking therapies "  # the words typed are kept as they were
        categories = dict(db.query(
            "SELECT e.name, c.name FROM directory_entry AS e JOIN directory_entry_category AS x "
            "ON x.entry_id = e.id JOIN directory_category AS c ON c.id = x.category_id"))
        assert categories == {"Talking Therapies": "Counselling",
                              "Tuesday art group": "Other peer support"}
        found = db.query("SELECT rowid FROM directory_search WHERE directory_search MATCH "
                         "'\"couns\"*'")
        assert [int(r[0]) for r in found] == [entries["Talking Therapies"]]
    finally:
        db.close()
