"""Importing a big spreadsheet: peak memory, and the disk it borrows (issue 12, item 8).

A child process (tests/fixtures/import_child.py) signs in to a fresh copy of the
demo vault, checks a generated sheet and imports it, as `peerdesk import` does:
100,000 rows at small scale, 1,000,000 at large and huge. Two sheets:
- a session log (one row per session in date order, each person's rows spread
  among everyone else's, ~5 sessions a person), imported;
- one row per person, the last row refused: the worst case for what the check
  keeps (every row a new person), which must leave the vault as it was.
Figures: each one's peak resident memory (VmHWM, the interpreter included)
against the child's resident size before it started, target <= 300 MB; the
largest the write-ahead log got against the data the import added (the vault's
growth), target <= 1.1 x; the log and the check's scratch file together, target
<= 1.15 x. The seconds are printed alongside.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.fixtures.big_sheet import write_big_sheet
from tests.perf.bench_common import DemoVault, Figure, fresh_copy

TARGET_MB = 300.0
WAL_RATIO = 1.1
TEMP_RATIO = 1.15
ROWS = {"small": 100_000, "large": 1_000_000, "huge": 1_000_000}
_SHEETS = 1  # bump when big_sheet's output changes, so cached sheets are made again
_ROOT = Path(__file__).resolve().parents[2]


def _sheet(workdir: Path, rows: int, kind: str) -> Path:
    path = workdir / f"import-{kind}-{rows}-v{_SHEETS}.csv"
    if not path.exists():
        partial = path.with_suffix(".part")
        if kind == "log":
            write_big_sheet(partial, rows)
        else:
            write_big_sheet(partial, rows, sessions_each=1, pool=1, fail_last=True)
        partial.replace(path)
    return path


def _child(vault: Path, sheet: Path, demo: DemoVault) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.fixtures.import_child", str(vault), str(sheet), demo.user,
         "--apply"],
        cwd=_ROOT, capture_output=True, text=True, timeout=7200, check=False,
        env={**os.environ, "PEERDESK_PASSWORD": demo.password})
    if done.returncode != 0:
        raise SystemExit(f"import child failed: {done.stderr.strip()[-400:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure(demo: DemoVault, workdir: Path, repeat: int, scale: str = "small") -> list[Figure]:
    del repeat  # one run each: memory and sizes do not vary like time does
    rows = ROWS[scale]
    cache = workdir.parent  # the sheets are kept with the demo vaults, and reused like them
    log = _child(fresh_copy(demo, workdir / "import-log"), _sheet(cache, rows, "log"), demo)
    bad = _child(fresh_copy(demo, workdir / "import-bad"), _sheet(cache, rows, "bad"), demo)
    n = f"{rows // 1000}k" if rows < 1_000_000 else f"{rows // 1_000_000}M"

    added = log["db_after_mb"] - log["db_before_mb"]
    peak, check_peak = log["apply"]["VmHWM"], log["check"]["VmHWM"]
    imported = log["problems"] == 0 and log["counts_after"] != log["counts_before"]
    refused_peak = bad["check"]["VmHWM"]
    unchanged = bad["problems"] == 1 and bad["counts_after"] == bad["counts_before"]
    wal, together = log["wal_peak_mb"], log["together_peak_mb"]
    given_back = log["wal_after_mb"] == 0 and not log["scratch_left"]
    return [
        Figure(f"import: {n}-row log, peak memory", peak, log["before"]["VmRSS"],
               "signed in, idle", f"<= {TARGET_MB:.0f} MB", imported and peak <= TARGET_MB,
               extra=(f"check {check_peak:.0f} MB; {log['peers']:,} peers; check "
                      f"{log['check_seconds']:.0f} s, import {log['apply_seconds']:.0f} s"),
               samples=1, unit="MB"),
        Figure(f"import: {n} people refused, peak memory", refused_peak,
               bad["before"]["VmRSS"], "signed in, idle", f"<= {TARGET_MB:.0f} MB",
               unchanged and refused_peak <= TARGET_MB,
               extra=(f"scratch file {bad['scratch_peak_mb']:.0f} MB; vault unchanged: "
                      f"{'yes' if unchanged else 'NO'}; check {bad['check_seconds']:.0f} s"),
               samples=1, unit="MB"),
        Figure(f"import: {n}-row log, log file peak", wal, added, "data added",
               f"<= {WAL_RATIO} x", wal <= WAL_RATIO * added and given_back,
               extra=f"given back after: {'yes' if given_back else 'NO'}", samples=1,
               unit="MB"),
        Figure(f"import: {n}-row log, log + scratch", together, added, "data added",
               f"<= {TEMP_RATIO} x", together <= TEMP_RATIO * added,
               extra=f"scratch alone {log['scratch_peak_mb']:.0f} MB", samples=1, unit="MB"),
    ]
