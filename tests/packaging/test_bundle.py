"""The PyInstaller bundle builds, starts and has all its parts (slow: about a minute).

    pip install -e '.[package]' && python -m pytest -m slow tests/packaging/test_bundle.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk import __version__
from peerdesk.app.self_check import OK_LINE

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "peerdesk.spec"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller",
                        reason="needs the 'package' extra: pip install -e '.[package]'")
    work = tmp_path_factory.mktemp("bundle")
    built = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build")],
        cwd=work, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stderr[-3000:]
    folder = work / "dist" / "peerdesk"
    assert folder.is_dir()
    return folder


def run(bundle: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # On Windows the GUI program has no console; its console twin prints.
    program = bundle / ("peerdesk-cli.exe" if sys.platform == "win32" else "peerdesk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PEERDESK_KDF_TARGET_MS", None)  # calibrate for real, as on a centre's PC
    return subprocess.run([str(program), *args], env=env, cwd=bundle.parent,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300)


def test_the_bundle_says_its_version(bundle):
    done = run(bundle, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"PeerDesk {__version__}"


def test_the_bundle_passes_its_self_check(bundle):
    done = run(bundle, "--self-check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == OK_LINE


def test_the_bundle_carries_its_data_and_leaves_out_the_network_module(bundle):
    inside = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*")}
    assert any(p.endswith("peerdesk/storage/migrations/0001_initial.sql") for p in inside)
    assert any(p.endswith("peerdesk/reports/fonts/DejaVuSans.ttf") for p in inside)
    assert any(p.endswith("peerdesk/resources/icons/peerdesk-256.png") for p in inside)
    assert not any("QtNetwork" in p for p in inside)


def test_the_bundle_carries_every_data_file_the_package_ships(bundle):
    package = ROOT / "src" / "peerdesk"
    shipped = {p.relative_to(package.parent).as_posix() for p in package.rglob("*")
               if p.is_file() and p.suffix in {".sql", ".ttf", ".txt", ".png", ".qm"}}
    inside = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*")}
    missing = sorted(f for f in shipped if not any(p.endswith(f) for p in inside))
    assert shipped and not missing, missing
