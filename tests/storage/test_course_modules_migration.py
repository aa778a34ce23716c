"""The main migration that adds modules inside courses (issue 16, item 2): a vault with
training recorded before it keeps every completion and its meaning."""

from __future__ import annotations

import os
import shutil
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.supporters import CellState, ModuleDraft, cell_state
from peerdesk.storage import migrations
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import supporters as repo

NOW = "2026-01-01T00:00:00+00:00"
NAME = "course_modules"
TODAY = date(2026, 6, 15)


def _folder_before(tmp_path: Path) -> Path:
    """The shipped main migrations up to, not including, this one."""
    folder = tmp_path / "before"
    folder.mkdir()
    shipped = sorted(Path(str(resources.files("peerdesk.storage") / "migrations")).glob("*.sql"))
    for sql in shipped[:[p.stem.endswith(NAME) for p in shipped].index(True)]:
        shutil.copy(sql, folder)
    return folder


@pytest.fixture
def old_vault(tmp_path: Path):
    """A main database as the version before modules left it, with training recorded:
    Ana did Safeguarding (Safety, 12 months) on 1 Mar 2026, Ben on 1 Jun 2025 (lapsed),
    and Ben Hope (never lapses) in 2020."""
    db = Database(tmp_path / "old.peerdesk", os.urandom(32), create=True)
    migrations.migrate(db, _folder_before(tmp_path))
    for sid, name in ((1, "Ana"), (2, "Ben")):
        db.execute("INSERT INTO supporter (id, preferred_name, sort_name, roles, start_date, "
                   "created_at, updated_at) VALUES (?, ?, ?, 'volunteer', '2025-01-01', ?, ?)",
                   (sid, name, name.lower(), NOW, NOW))
        db.execute("INSERT INTO supporter_status (supporter_id, status, since) "
                   "VALUES (?, 'active', '2025-01-01')", (sid,))
    db.execute("INSERT INTO course (id, name, renewal_months) VALUES (1, 'Safeguarding', 12), "
               "(2, 'Hope', NULL)")
    db.execute("INSERT INTO course_competency VALUES (1, 1), (2, 8)")
    db.execute("INSERT INTO training_completion (supporter_id, course_id, completed_on, "
               "valid_until, created_at) VALUES (1, 1, '2026-03-01', '2027-03-01', ?), "
               "(2, 1, '2025-06-01', '2026-06-01', ?), (2, 2, '2020-05-01', NULL, ?)",
               (NOW, NOW, NOW))
    try:
        yield db
    finally:
        db.close()


def _states(db: Database) -> dict[tuple[int, int], CellState]:
    return {key: cell_state(untils, TODAY) for key, untils in repo.competency_untils(db).items()}


def test_training_recorded_before_modules_keeps_its_meaning(old_vault: Database) -> None:
    db = old_vault
    before = db.query("SELECT id, supporter_id, course_id, completed_on, valid_until "
                      "FROM training_completion ORDER BY id")
    # As the version before counted them (its own query: no module tables yet).
    untils: dict[tuple[int, int], list[date | None]] = {}
    for sid, cid, until in db.query(
            "SELECT t.supporter_id, cc.competency_id, t.valid_until FROM training_completion "
            "AS t JOIN course_competency AS cc ON cc.course_id = t.course_id"):
        untils.setdefault((sid, cid), []).append(date.fromisoformat(until) if until else None)
    states = {key: cell_state(u, TODAY) for key, u in untils.items()}
    assert states == {(1, 1): CellState.CURRENT, (2, 1): CellState.EXPIRED,
                      (2, 8): CellState.CURRENT}
    result = migrations.migrate(db)
    assert result.to_version == migrations.latest_version()
    assert db.query("SELECT id, supporter_id, course_id, completed_on, valid_until "
                    "FROM training_completion ORDER BY id") == before
    assert [c.from_modules for c in repo.completions(db)] == [False] * 3
    assert _states(db) == states
    # No course has modules yet: each behaves as before.
    assert repo.modules(db) == [] and repo.module_completions(db) == []
    assert [c.name for c in repo.courses(db)] == ["Hope", "Safeguarding"]
    # Modules can now be added to an old course; old completions still count.
    module = repo.insert_module(db, 1, ModuleDraft("Spotting harm"))
    assert repo.modules(db, 1)[0].id == module and repo.modules(db, 1)[0].position == 1
    assert _states(db) == states


def test_the_new_columns_keep_to_their_codes(old_vault: Database) -> None:
    db = old_vault
    migrations.migrate(db)
    with pytest.raises(PeerDeskError):
        db.execute("UPDATE training_completion SET from_modules = 2 WHERE id = 1")
    db.execute("INSERT INTO course_module (course_id, name, position) VALUES (1, 'A', 1)")
    with pytest.raises(PeerDeskError):
        db.execute("INSERT INTO course_module (course_id, name, position) VALUES (1, 'a', 2)")
    with pytest.raises(PeerDeskError):
        db.execute("UPDATE course_module SET retired = 5")
