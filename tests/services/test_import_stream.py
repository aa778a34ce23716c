"""Big sheets stream: people kept beyond memory spill to an encrypted scratch file, the
import reads the file again, and every promise of a small import still holds.

The memory itself is measured in test_import_memory (slow) and the benchmark; here
the spilling is forced with a tiny memory part, so the same paths run on small files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peerdesk.domain.import_plans import MemoryPlans
from peerdesk.domain.import_rows import MAX_LISTED_PROBLEMS
from peerdesk.services import importer, peers
from peerdesk.services.clock import today
from peerdesk.services.import_reader import ImportRefused
from peerdesk.services.peers import PeerFilter
from peerdesk.storage import import_scratch
from peerdesk.storage.import_scratch import ScratchPlans
from tests.fixtures.vaults import close, sign_in
from tests.services.import_helpers import HEADERS, counts, row, write_csv

NAMES = ["Marisol", "Jory", "Ottilie", "Wenonah", "Bartholomew", "Yevgenia", "Zuleika",
         "Oluwaseun"]


@pytest.fixture
def lead(vault):
    session = sign_in(vault, "Lee Lead")
    yield session
    close(session)


def interleaved(sessions_each: int = 4) -> list[list[str]]:
    """Each person's rows spread among everyone else's, as in a session log by date;
    some details given on a later row than the first."""
    rows = []
    for turn in range(sessions_each):
        for n, name in enumerate(NAMES):
            cells = {"peer_key": f"K{n}", "session_date": f"2024-0{turn + 1}-1{n}",
                     "mode": "phone", "kind": "peer support", "minutes": str(20 + n),
                     "notes": f"note {turn} for {name}"}
            if turn == 0:
                cells.update(preferred_name=name, gender="woman" if n % 2 else "man")
            if turn == 2:
                cells.update(full_name=f"{name} Example", gender="" if n % 2 else "M")
            rows.append(row(**cells))
    return rows


def spilling(folder: Path, hot_limit: int = 2) -> ScratchPlans:
    folder.mkdir(exist_ok=True)
    return ScratchPlans(folder, hot_limit=hot_limit)


def check(lead, path: Path, plans=None, **kwargs) -> importer.ImportPreview:
    return importer.check_file(path, staff=importer.staff_directory(lead),
                               importer_id=lead.staff.id, today=today(), plans=plans, **kwargs)


def test_a_sheet_bigger_than_memory_imports_as_a_small_one_does(lead, tmp_path):
    path = write_csv(tmp_path / "log.csv", interleaved())
    plans = spilling(tmp_path / "scratch")
    checked = check(lead, path, plans)
    assert plans.spilled and checked.ok, [str(p) for p in checked.problems]
    in_memory = check(lead, path, MemoryPlans())
    assert (checked.row_count, checked.peer_count, checked.session_count) == \
        (in_memory.row_count, in_memory.peer_count, in_memory.session_count) == (32, 8, 32)

    # The scratch file holds names, notes and code words only encrypted.
    assert plans.file is not None
    scratch = plans.file.read_bytes()
    assert len(scratch) > 4096
    # (Words of four letters or more: a two-byte one like a sheet's "K3" turns up
    # in 20 KB of ciphertext by chance about one run in four.)
    for secret in (*NAMES, "Example"):
        assert secret.encode() not in scratch

    result = importer.apply_import(lead, checked)
    assert (result.peers, result.sessions) == (8, 32)
    assert not plans.file.exists()  # given back as soon as the people were written
    for n, name in enumerate(NAMES):
        [peer_id] = peers.find(lead, PeerFilter(text=name))
        page = peers.open_page(lead, peer_id)
        details = page.peer.details
        assert (details.preferred_name, details.full_name) == (name, f"{name} Example")
        assert details.gender.value == ("woman" if n % 2 else "man")
        assert details.first_contact == date(2024, 1, 10 + n)
        assert page.peer.last_contact == date(2024, 4, 10 + n)
        assert sorted(s.draft.notes for s in page.sessions) == \
            [f"note {turn} for {name}" for turn in range(4)]


def test_problems_across_rows_are_found_whatever_was_spilled(lead, tmp_path):
    rows = interleaved()
    rows[2 * len(NAMES) + 3] = row(peer_key="K3", preferred_name="Someone Else",
                                   session_date="2024-03-13", mode="phone", kind="intake",
                                   minutes="30")
    rows.append(row(peer_key="NEW", session_date="2024-05-01", mode="phone", kind="intake",
                    minutes="30"))
    rows.append(row(peer_key="K5", status="closed"))
    path = write_csv(tmp_path / "bad.csv", rows)
    spilled = check(lead, path, spilling(tmp_path / "scratch"))
    kept = check(lead, path, MemoryPlans())
    # Row problems in file order, then each person's, in the order the file named them.
    assert [str(p) for p in spilled.problems] == [str(p) for p in kept.problems] == [
        "line 21: preferred_name: differs from line 5 for the same peer key; one person's "
        "details must agree on every row.",
        "line 7: Closed date: A closed record needs the date it was closed.",
        "line 34: preferred_name: missing; every peer needs a preferred name or alias (on "
        "at least one of their rows).",
    ]
    with pytest.raises(ImportRefused):
        importer.apply_import(lead, spilled)
    assert counts(lead)[:2] == (0, 0)


def test_refusal_on_the_last_row_leaves_nothing_and_no_scratch_file(lead, vault, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setattr(import_scratch, "HOT_PLANS", 50)
    rows = [row(peer_key=f"P{n}", preferred_name=f"Name{n}", first_contact="2024-01-01",
                session_date="2024-01-02", mode="phone", kind="intake", minutes="30")
            for n in range(3000)]
    rows[-1][HEADERS.index("session_date")] = "2024-02-30"
    path = write_csv(tmp_path / "last.csv", rows)
    before = counts(lead)
    checked = importer.preview(lead, path)
    assert checked.problem_count == 1
    assert str(checked.problems[0]).startswith("line 3001: session_date: ")
    # The people did spill beside the vault, and a refused check gave the file back at once.
    scratch = checked.plans.file
    assert scratch is not None and scratch.parent == vault.database.parent
    assert not scratch.exists() and checked.spent
    with pytest.raises(ImportRefused, match="1 problem"):
        importer.apply_import(lead, checked)
    assert counts(lead) == before
    assert not list(vault.database.parent.glob("*.tmp"))


def test_progress_reaches_100_percent_in_order(lead, tmp_path, monkeypatch):
    monkeypatch.setattr(import_scratch, "HOT_PLANS", 100)
    rows = [row(peer_key=f"P{n % 700}", preferred_name=f"Name{n % 700}",
                session_date="2024-01-02", mode="phone", kind="intake", minutes="30",
                notes="x" * 40) for n in range(5000)]
    path = write_csv(tmp_path / "big.csv", rows)
    seen: list[tuple[int, int]] = []
    checked = importer.preview(lead, path, progress=lambda d, t: seen.append((d, t)))
    assert checked.ok and checked.plans.file is not None
    applied: list[tuple[int, int]] = []
    importer.apply_import(lead, checked, progress=lambda d, t: applied.append((d, t)))
    for calls in (seen, applied):
        assert len(calls) >= 5
        fractions = [done / total for done, total in calls]
        assert fractions == sorted(fractions)
        assert fractions[-1] == 1.0 and fractions[0] < 0.5


def test_problems_beyond_the_listed_ones_are_counted(lead, tmp_path):
    bad = [row(peer_key=f"B{n}", preferred_name="Ann", first_contact="2024-13-01")
           for n in range(MAX_LISTED_PROBLEMS + 123)]
    checked = importer.preview(lead, write_csv(tmp_path / "many.csv", bad))
    assert len(checked.problems) == MAX_LISTED_PROBLEMS
    assert checked.problem_count == MAX_LISTED_PROBLEMS + 123
    assert str(checked.problems[-1]).startswith(f"line {MAX_LISTED_PROBLEMS + 1}: ")


def test_a_file_changed_while_it_is_imported_is_rolled_back(lead, tmp_path):
    rows = [row(peer_key=f"P{n}", preferred_name=f"Name{n}", session_date="2024-01-02",
                mode="phone", kind="intake", minutes="30", notes="n" * 60)
            for n in range(5000)]
    path = write_csv(tmp_path / "moving.csv", rows)
    checked = importer.preview(lead, path)
    assert checked.ok
    before = counts(lead)
    size = path.stat().st_size

    def change_the_end(done: int, total: int) -> None:
        # Another program saves over the sheet while it is being read the second time:
        # the same size, one duration changed in the last row.
        data = bytearray(path.read_bytes())
        at = data.rindex(b",30,")
        data[at + 1:at + 3] = b"45"
        with path.open("r+b") as handle:
            handle.write(data)
        assert path.stat().st_size == size

    with pytest.raises(ImportRefused, match="changed while importing"):
        importer.apply_import(lead, checked, progress=change_the_end)
    assert counts(lead) == before


def test_staff_accounts_changed_since_the_check_mean_checking_again(lead, tmp_path):
    path = write_csv(tmp_path / "a.csv", interleaved(1))
    stale = importer.check_file(path, staff={}, importer_id=lead.staff.id, today=today())
    assert stale.ok
    with pytest.raises(ImportRefused, match="staff accounts changed"):
        importer.apply_import(lead, stale)
    assert counts(lead)[:2] == (0, 0)


def test_a_check_imports_once(lead, tmp_path):
    checked = importer.preview(lead, write_csv(tmp_path / "a.csv", interleaved(1)))
    importer.apply_import(lead, checked)
    after = counts(lead)
    assert checked.spent
    with pytest.raises(ImportRefused, match="used already"):
        importer.apply_import(lead, checked)
    assert counts(lead) == after


def test_a_scratch_file_left_by_a_crash_is_swept_away(lead, vault, tmp_path, monkeypatch):
    monkeypatch.setattr(import_scratch, "HOT_PLANS", 2)
    left = vault.database.with_name(vault.database.name + ".import-crashed.tmp")
    left.write_bytes(b"\x8f" * 8192)
    unrelated = vault.database.with_name("notes.tmp")
    unrelated.write_bytes(b"keep")
    checked = importer.preview(lead, write_csv(tmp_path / "a.csv", interleaved(2)))
    assert checked.ok and checked.plans.file is not None
    assert not left.exists() and unrelated.exists()


def test_huge_cells_in_the_first_rows_are_not_kept_whole(lead, tmp_path):
    long_note = "word " * 8000
    rows = [row(peer_key="A", preferred_name="Ann", session_date="2024-01-02", mode="phone",
                kind="intake", minutes="30", notes=long_note)]
    checked = importer.preview(lead, write_csv(tmp_path / "a.csv", rows))
    assert checked.ok
    shown = checked.first_rows[0][HEADERS.index("notes")]
    assert shown.endswith("…") and len(shown) <= 200
    importer.apply_import(lead, checked)
    [ann] = peers.find(lead, PeerFilter(text="Ann"))
    assert peers.open_page(lead, ann).sessions[0].draft.notes == long_note.strip()
