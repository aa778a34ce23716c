"""The report's and the caseload's faster paths at the huge scale (issue 17, casework 0007).

Each faster statement must give exactly what the statement it replaced gave,
and must read the index made for it: on an encrypted vault the old plans
decrypted a page per peer (first sessions, age and gender) or read rows the
index could not give (follow-ups due, new peers by route).

- A peer's first session date is kept with the peer (peer.first_session_on) by
  every write of a session: logging, changing its date, deleting it, a bulk import
  and the demo data; the migration fills it for sessions already recorded.
- On the small demo vault, every month and the year give the same figures by the
  old statements (kept here) as by the new ones.
- Each statement's plan names its index, so dropping the index fails a test.
"""

from __future__ import annotations

import os
import shutil
import statistics
from collections.abc import Iterator
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from peerdesk.reports import figures, listening_figures, peer_sets
from peerdesk.reports.period import Period
from peerdesk.services import casework, importer, peers
from peerdesk.services.auth import SignIn
from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.services.session import Session
from peerdesk.storage import migrations
from peerdesk.storage.database import Database
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import one_to_one as session_repo
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import close, sign_in, template, vault
from tests.services.caseload_helpers import TODAY, lead_in_new_centre, one_to_one, peer
from tests.services.import_helpers import GOOD_ROWS, write_csv

__all__ = ["template", "vault"]

NOW = "2026-01-01T00:00:00+00:00"

# The statements casework 0007 replaced, as reports/ ran them before it.
OLD_FIRST_SESSIONS = (
    "SELECT p.first_contact, w.first FROM (SELECT report_s.peer_id, "
    "  (SELECT min(o.held_on) FROM one_to_one AS o WHERE o.peer_id = report_s.peer_id) "
    f"  AS first FROM {peer_sets.SUPPORTED} AS report_s) AS w JOIN peer AS p "
    "ON p.id = w.peer_id WHERE w.first BETWEEN :s AND :e")
OLD_PROFILES = (f"SELECT age_band, gender, count(*) FROM peer WHERE id IN "
                f"(SELECT peer_id FROM {peer_sets.SUPPORTED}) GROUP BY 1, 2")
OLD_EXCLUDED = (
    "SELECT c.peer_id FROM consent AS c WHERE c.scope = 'statistics' "
    "AND c.withdrawn_on IS NOT NULL AND c.id = (SELECT c2.id FROM consent AS c2 "
    "WHERE c2.peer_id = c.peer_id AND c2.scope = 'statistics' "
    "ORDER BY c2.given_on DESC, c2.id DESC LIMIT 1) ORDER BY 1")


def _first_sessions(db: Database, peer_id: int) -> tuple[Any, Any]:
    """(kept on the peer, worked out from the sessions)."""
    return tuple(db.query(
        "SELECT first_session_on, (SELECT min(held_on) FROM one_to_one WHERE peer_id = :p) "
        "FROM peer WHERE id = :p", {"p": peer_id})[0])  # type: ignore[return-value]


def _all_kept(db: Database) -> bool:
    return int(db.scalar(
        "SELECT count(*) FROM peer WHERE first_session_on IS NOT "
        "(SELECT min(held_on) FROM one_to_one AS o WHERE o.peer_id = peer.id)")) == 0


# -- the first session date, kept with every write ------------------------------------


@pytest.fixture(scope="module")
def lead(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    lead = lead_in_new_centre(tmp_path_factory.mktemp("first-session"))
    yield lead
    lead.vault.close()
    lead.vault.locked.release()


def test_logging_changing_and_deleting_sessions_keep_the_first_session(lead: Session) -> None:
    me = lead.staff.id
    sunny = peers.create(lead, peer("Sunny"), today=TODAY)
    assert _first_sessions(lead.db, sunny) == (None, None)
    later = casework.log_session(lead, one_to_one(sunny, me, held_on=date(2026, 10, 5)),
                                 today=TODAY)
    assert _first_sessions(lead.db, sunny) == ("2026-10-05", "2026-10-05")
    earlier = casework.log_session(lead, one_to_one(sunny, me, held_on=date(2026, 9, 1)),
                                   today=TODAY)
    assert _first_sessions(lead.db, sunny) == ("2026-09-01", "2026-09-01")
    # Re-dated after the other: the other becomes the first.
    casework.edit_session(lead, earlier, one_to_one(sunny, me, held_on=date(2026, 11, 2)),
                          today=TODAY)
    assert _first_sessions(lead.db, sunny) == ("2026-10-05", "2026-10-05")
    casework.delete_session(lead, later)
    assert _first_sessions(lead.db, sunny) == ("2026-11-02", "2026-11-02")
    casework.delete_session(lead, earlier)
    assert _first_sessions(lead.db, sunny) == (None, None)


def test_an_import_sets_the_first_session_of_each_person(vault: VaultPaths,
                                                          tmp_path: Path) -> None:
    session = sign_in(vault, "Lee Lead")
    try:
        checked = importer.preview(session, write_csv(tmp_path / "old.csv", GOOD_ROWS))
        assert checked.ok
        importer.apply_import(session, checked)
        imported = [int(r[0]) for r in session.db.query(
            "SELECT peer_id FROM one_to_one GROUP BY peer_id")]
        assert imported
        assert all(_first_sessions(session.db, p)[0] is not None for p in imported)
        assert _all_kept(session.db)
    finally:
        close(session)


def test_the_migration_fills_the_first_session_for_sessions_already_recorded(
        tmp_path: Path) -> None:
    folder = tmp_path / "migrations-4"
    folder.mkdir()
    shipped = Path(str(resources.files("peerdesk.storage") / "migrations" / "casework"))
    for sql in sorted(shipped.glob("*.sql"))[:4]:
        shutil.copy(sql, folder)
    db = Database(tmp_path / "v4.casework", os.urandom(32), create=True)
    try:
        migrations.migrate(db, folder, compartment="casework")
        for peer_id in (1, 2):
            db.execute("INSERT INTO peer (id, ref_number, preferred_name, sort_name, "
                       "contact_route, first_contact, created_at, updated_at) VALUES "
                       "(?, ?, 'P', 'p', 'walk_in', '2025-01-01', ?, ?)",
                       (peer_id, peer_id, NOW, NOW))
        for held_on in ("2025-03-04", "2025-02-01", "2025-06-30"):
            db.execute("INSERT INTO one_to_one (peer_id, held_on, minutes, mode, kind, "
                       "created_at, updated_at) VALUES (1, ?, 30, 'in_person', "
                       "'peer_support', ?, ?)", (held_on, NOW, NOW))
        migrations.migrate(db, compartment="casework")
        assert _first_sessions(db, 1) == ("2025-02-01", "2025-02-01")
        assert _first_sessions(db, 2) == (None, None)
    finally:
        db.close()


# -- the same figures by the old statements and the new, on the small demo vault -------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[Session]:
    folder = tmp_path_factory.mktemp("demo-fast-paths") / "demo"
    shutil.copytree(demo_template, folder)
    locked = LockedVault.open(VaultPaths.at(folder / "demo.peerdesk"))
    session = SignIn(locked).sign_in(DEMO_LEAD, DEMO_PASSWORD)
    yield session
    session.vault.close()
    locked.release()


def _periods(db: Database) -> list[Period]:
    newest = date.fromisoformat(str(db.scalar("SELECT max(held_on) FROM one_to_one")))
    months, day = [], newest.replace(day=1)
    for _ in range(14):
        day = (day - timedelta(days=1)).replace(day=1)
        months.append(Period.month(day.year, day.month))
    return [*months, Period.year(newest.year - 1), Period.year(newest.year)]


def test_the_demo_data_keeps_every_first_session(demo: Session) -> None:
    assert int(demo.db.scalar("SELECT count(first_session_on) FROM peer")) > 100
    assert _all_kept(demo.db)


def test_the_new_statements_give_the_old_figures(demo: Session) -> None:
    checked_waits = 0
    for period in _periods(demo.db):
        new = figures.compute(demo.db, period)
        dates = {"s": period.start.isoformat(), "e": period.end.isoformat()}
        with peer_sets.prepared(demo.db, period):
            waits = [(date.fromisoformat(first) - date.fromisoformat(contact)).days
                     for contact, first in demo.db.query(OLD_FIRST_SESSIONS, dates)]
            profiles = sorted(tuple(r) for r in demo.db.query(OLD_PROFILES))
            excluded = [int(r[0]) for r in demo.db.query(
                f"SELECT peer_id FROM {peer_sets.EXCLUDED} ORDER BY 1")]
            new_profiles = sorted(tuple(r) for r in demo.db.query(
                f"SELECT age_band, gender, count(*) FROM peer INDEXED BY peer_profile_by_id "
                f"WHERE id IN (SELECT peer_id FROM {peer_sets.SUPPORTED}) GROUP BY 1, 2"))
        assert excluded == [int(r[0]) for r in demo.db.query(OLD_EXCLUDED)], period
        assert new_profiles == profiles, period
        first = new.tables[listening_figures.TABLES[-1]]
        assert first.rows[0][1] == (len(waits),), period
        median = new.extras.get("median_days_to_first_session")
        if waits:
            assert median == statistics.median(max(0, w) for w in waits), period
            checked_waits += 1
        else:
            assert median is None, period
        # The age and gender tables add up to the peers supported, as before.
        supported = new.headlines["peers_supported"]
        assert sum(c for _, (c,) in new.tables["age"].rows) == supported
        assert sum(c for _, (c,) in new.tables["gender"].rows) == supported
        assert sum(r[2] for r in profiles) == supported
    assert checked_waits >= 6


def test_the_follow_ups_list_is_the_one_the_old_index_gave(demo: Session) -> None:
    until = date.fromisoformat(str(demo.db.scalar("SELECT max(follow_up_on) FROM one_to_one")))
    listed = session_repo.open_follow_ups(demo.db, until)
    assert listed
    old = demo.db.query(
        "SELECT id, peer_id, follow_up_on, worker_id FROM one_to_one NOT INDEXED "
        "WHERE follow_up_on IS NOT NULL AND follow_up_done_on IS NULL AND follow_up_on <= ? "
        "ORDER BY follow_up_on, id", (until.isoformat(),))
    assert [tuple(r) for r in old] == [
        (s, p, f, w) for s, p, f, w in listed]


# -- each statement reads its index ------------------------------------------------------


def _plan(db: Database, sql: str, params: Any = ()) -> str:
    return " / ".join(str(r[3]) for r in db.query("EXPLAIN QUERY PLAN " + sql, params))


class _Plans:
    """Records each statement's plan as figures.compute runs it."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.plans: dict[str, str] = {}

    def query(self, sql: str, params: Any = ()) -> list[Any]:
        if not sql.lstrip().upper().startswith("PRAGMA"):
            self.plans[sql] = _plan(self.db, sql, params)
        return self.db.query(sql, params)

    def execute(self, sql: str, params: Any = ()) -> Any:
        if sql.lstrip().upper().startswith("INSERT"):
            self.plans[sql] = _plan(self.db, sql, params)
        return self.db.execute(sql, params)

    def scalar(self, sql: str, params: Any = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def read_snapshot(self) -> Any:
        return self.db.read_snapshot()

    @property
    def in_transaction(self) -> bool:
        return self.db.in_transaction


def _plan_of(plans: dict[str, str], *words: str) -> str:
    [plan] = [p for sql, p in plans.items() if all(w in sql for w in words)]
    return plan


def test_each_faster_statement_reads_its_index(demo: Session) -> None:
    recording = _Plans(demo.db)
    figures.compute(recording, Period.month(2026, 10))  # type: ignore[arg-type]
    plans = recording.plans
    assert ("COVERING INDEX peer_by_first_session"
            in _plan_of(plans, "first_session_on BETWEEN"))
    assert "COVERING INDEX peer_profile_by_id (id=?)" in _plan_of(plans, "age_band, gender")
    assert ("COVERING INDEX peer_by_first_contact"
            in _plan_of(plans, "contact_route, count(*)"))
    assert ("COVERING INDEX consent_statistics_by_peer"
            in _plan_of(plans, "INSERT INTO temp.report_excluded"))
    listing = _Plans(demo.db)
    session_repo.open_follow_ups(listing, date(2026, 11, 1))  # type: ignore[arg-type]
    [follow_ups] = listing.plans.values()
    # Every column from the index, already in the list's order: no rows, no sorting.
    assert follow_ups == ("SEARCH one_to_one USING COVERING INDEX one_to_one_open_follow_ups "
                          "(follow_up_on>? AND follow_up_on<?)")
