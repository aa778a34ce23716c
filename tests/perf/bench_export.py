"""Export everything and import it back: peak memory and time (issue 14, item 9).

A child process signs in to a fresh copy of the demo vault as its programme
lead and exports it (every table as CSV and JSON into the AES zip), then makes
a new vault from that export, as `peerdesk export` and `peerdesk import-export`
do. Figures: each step's peak resident memory (VmHWM, the interpreter
included) against the child's resident size when signed in and idle, target
<= 300 MB (DESIGN.md §8) whatever the vault's size: both stream, one batch of
rows at a time. Seconds, rows and the zip's size are printed alongside.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.perf.bench_common import DemoVault, Figure, fresh_copy

TARGET_MB = 300.0
_ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, os, sys, time
from pathlib import Path

def mem():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return {k: int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}

def reset_peak():
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")

from peerdesk.services import export, import_export
from peerdesk.services.auth import SignIn
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault

vault, user, password, out = sys.argv[1:5]
phrase = "a passphrase for the benchmark"
locked = LockedVault.open(VaultPaths.at(vault))
session = SignIn(locked).sign_in(user, password)
result = {"before": mem()}
reset_peak()
steps = []
start = time.perf_counter()
done = export.export_centre(session, Path(out) / "centre.zip", phrase,
                            progress=lambda s: steps.append(s.done))
result["export_seconds"] = time.perf_counter() - start
result["export"] = mem()
result["rows"], result["size_mb"] = done.rows, done.size / 1e6
result["progress_steps"] = len(steps)
session.end(); locked.release()
reset_peak()
start = time.perf_counter()
imported = import_export.import_export(
    Path(out) / "centre.zip", VaultPaths.at(Path(out) / "new" / "centre.peerdesk"),
    account="Admin Demo", password="the benchmark's new password", passphrase=phrase)
result["import_seconds"] = time.perf_counter() - start
result["import"] = mem()
result["imported_rows"] = sum(imported.counts.values())
print(json.dumps(result))
"""


def _child(vault: Path, demo: DemoVault, out: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault), demo.user, demo.password, str(out)],
        cwd=_ROOT, capture_output=True, text=True, timeout=7200, check=False,
        env={**os.environ, "PEERDESK_KDF_TARGET_MS": "0"})
    if done.returncode != 0:
        raise SystemExit(f"export child failed: {done.stderr.strip()[-400:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure(demo: DemoVault, workdir: Path, repeat: int) -> list[Figure]:
    del repeat  # one run: memory does not vary like time does
    out = workdir / "export-out"
    out.mkdir(parents=True, exist_ok=True)
    result = _child(fresh_copy(demo, workdir / "export"), demo, out)
    idle = result["before"]["VmRSS"]
    exported, imported = result["export"]["VmHWM"], result["import"]["VmHWM"]
    same = result["imported_rows"] == result["rows"]
    return [
        Figure("export: everything, peak memory", exported, idle, "signed in, idle",
               f"<= {TARGET_MB:.0f} MB", exported <= TARGET_MB,
               extra=(f"{result['rows']:,} rows in {result['export_seconds']:.0f} s, zip "
                      f"{result['size_mb']:.1f} MB, {result['progress_steps']} progress steps"),
               samples=1, unit="MB"),
        Figure("import-export: new vault, peak memory", imported, idle, "signed in, idle",
               f"<= {TARGET_MB:.0f} MB", same and imported <= TARGET_MB,
               extra=f"{result['imported_rows']:,} rows in {result['import_seconds']:.0f} s",
               samples=1, unit="MB"),
    ]
