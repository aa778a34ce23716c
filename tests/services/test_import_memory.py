"""Big imports stay small (issue 12, item 8): memory flat, the log about the data's size.

A 1,000,000-row sheet took 2.8 GB of memory and a 625 MB log. Here 200,000 rows
(in a child process, whose peak resident size is what counts) must stay far
below what they took before (~330 MB to check one row per person and ~700 MB
to import them): the bound is the same whatever the sheet's length. The
benchmark measures the full million (python -m tests.perf --only import).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.big_sheet import write_big_sheet
from tests.fixtures.vaults import PASSWORDS

ROOT = Path(__file__).resolve().parents[2]
ROWS = 200_000
# Resident peak while importing, the interpreter and PeerDesk included (~50 MB of it).
PEAK_MB = 200
# The log holds every page the import adds (SQLite can't write them elsewhere first), and
# not much more: not every page twice, nor pages of the people kept while checking.
DISK_RATIO = 1.15


def run_child(vault, sheet: Path, *apply: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "tests.fixtures.import_child", str(vault.database), str(sheet),
         "Lee Lead", *apply],
        cwd=ROOT, capture_output=True, text=True, timeout=3600, check=False,
        env={**os.environ, "PEERDESK_PASSWORD": PASSWORDS["Lee Lead"]})
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.slow
def test_one_row_per_person_imports_in_flat_memory_and_a_log_the_size_of_the_data(
        vault, tmp_path):
    sheet = write_big_sheet(tmp_path / "people.csv", ROWS, sessions_each=1, pool=1)
    got = run_child(vault, sheet.path, "--apply")
    assert (got["peers"], got["sessions"], got["problems"]) == (ROWS, ROWS, 0)
    assert got["counts_after"][:2] == [got["counts_before"][0] + ROWS,
                                       got["counts_before"][1] + ROWS]
    assert got["check"]["VmHWM"] <= PEAK_MB, got
    assert got["apply"]["VmHWM"] <= PEAK_MB, got
    added = got["db_after_mb"] - got["db_before_mb"]
    assert added > 50
    assert got["wal_peak_mb"] <= DISK_RATIO * added, got
    assert got["together_peak_mb"] <= DISK_RATIO * added, got
    assert got["scratch_peak_mb"] > 0  # so the people did go to the scratch file
    # Afterwards: the log given back, no scratch file left.
    assert got["wal_after_mb"] == 0 and got["scratch_left"] == []


@pytest.mark.slow
def test_a_session_log_refused_on_its_last_row_leaves_nothing(vault, tmp_path):
    sheet = write_big_sheet(tmp_path / "log.csv", ROWS, fail_last=True)
    got = run_child(vault, sheet.path, "--apply")
    assert got["problems"] == 1
    assert got["first_problem"].startswith(f"line {sheet.bad_line}: ")
    assert got["counts_after"] == got["counts_before"]
    assert got["check"]["VmHWM"] <= PEAK_MB, got
    assert got["wal_peak_mb"] < 1 and got["scratch_left"] == []
