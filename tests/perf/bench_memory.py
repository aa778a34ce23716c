"""Resident memory with the vault open and the caseload list shown, vs a bare window.

A child process signs in, shows the main window on the Peers page, scrolls
the list to the end and back (so every page of ids is touched), and reports
its resident set (VmRSS) and peak (VmHWM). Target: <= 300 MB at huge.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.perf.bench_common import DemoVault, Figure, fresh_copy

TARGET_MB = 300.0

CHILD = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QWidget

def rss():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return {k: int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}

app = QApplication([])
if sys.argv[1] == "bare":
    window = QWidget(); window.resize(1000, 680); window.show(); app.processEvents()
else:
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault
    from peerdesk.ui.main_window import MainWindow
    locked = LockedVault.open(VaultPaths.at(sys.argv[2]))
    window = MainWindow(SignIn(locked).sign_in(sys.argv[3], sys.argv[4]))
    window.show(); window.show_page("Peers"); app.processEvents()
    table = window.caseload.peers.list_page.table
    bar = table.verticalScrollBar()
    for value in (bar.maximum() // 2, bar.maximum(), 0):
        bar.setValue(value); app.processEvents()
print(json.dumps(rss()))
"""


def _child(*args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True,
                          timeout=600, check=False)
    if done.returncode != 0:
        raise SystemExit(f"memory child failed: {done.stderr.strip()[-400:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure(demo: DemoVault, workdir: Path, repeat: int) -> list[Figure]:
    del repeat  # one run each: memory does not vary like time does
    copy = fresh_copy(demo, workdir / "memory")
    bare = _child("bare")
    shown = _child("vault", str(copy), demo.user, demo.password)
    return [Figure(
        "memory: vault open, list shown", shown["VmRSS"], bare["VmRSS"],
        "bare PySide6 window", f"<= {TARGET_MB:.0f} MB",
        shown["VmRSS"] <= TARGET_MB and shown["VmHWM"] <= TARGET_MB,
        extra=f"peak {shown['VmHWM']:.0f} MB", samples=1, unit="MB",
    )]
