"""Shared pieces: figures, medians, and the cached demo vaults."""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from peerdesk import __version__
from peerdesk.storage.migrations import CASEWORK, MAIN, load_migrations

DEFAULT_WORKDIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "peerdesk-bench"


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    median_ms: float
    baseline_ms: float
    baseline: str
    target: str
    holds: bool
    extra: str = ""
    samples: int = 0
    unit: str = "ms"
    # What the figure and its baseline are of the samples: the median, or a
    # percentile such as "p95" (a save under load is judged by its slow ones).
    statistic: str = "median"

    @property
    def ratio(self) -> float:
        return self.median_ms / self.baseline_ms if self.baseline_ms else float("inf")

    def line(self) -> str:
        extra = f"  {self.extra}" if self.extra else ""
        unit = self.unit
        return (f"{self.name:<38} {self.statistic} {self.median_ms:8.1f} {unit}  baseline "
                f"{self.baseline_ms:8.1f} {unit} ({self.baseline})  ratio {self.ratio:5.2f}"
                f"{extra}  target {self.target}  holds: {'yes' if self.holds else 'no'}")

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": round(self.ratio, 3)}


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


@dataclass(frozen=True, slots=True)
class DemoVault:
    path: Path
    user: str
    password: str


def demo_vault(workdir: Path, scale: str) -> DemoVault:
    """Build (once) or reuse the demo vault for `scale`, made by `peerdesk demo`.

    Keyed by program version and by what every shipped migration says (not only
    how many there are), so a vault built from another branch's migrations, or
    before one was changed, is never reused.
    """
    folder = workdir / f"demo-{scale}-v{__version__}-m{migrations_digest()}"
    path = folder / "demo.peerdesk"
    sign_in = folder / "sign-in.txt"
    if not sign_in.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        done = subprocess.run(
            [sys.executable, "-m", "peerdesk", "demo", str(path), "--scale", scale],
            capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"peerdesk demo failed: {done.stderr.strip()}")
        sign_in.write_text(done.stdout, encoding="utf-8")
    lines = dict(line.split(": ", 1) for line in sign_in.read_text().splitlines() if ": " in line)
    return DemoVault(path, lines["user"], lines["password"])


def migrations_digest(folders: dict[str, Path] | None = None) -> str:
    """A short hash of every migration file of both sequences, names and text: the
    shipped ones, or those in `folders` (compartment -> folder)."""
    digest = hashlib.sha256()
    for compartment in (MAIN, CASEWORK):
        folder = (folders or {}).get(compartment)
        for migration in load_migrations(folder, compartment):
            for part in (compartment, migration.name, migration.sql):
                digest.update(part.encode("utf-8"))
                digest.update(b"\0")
    return digest.hexdigest()[:12]


def fresh_copy(demo: DemoVault, folder: Path) -> Path:
    """A private copy, so runs that write (audit events) never change the cache."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for suffix in ("", ".casework", ".keys"):
        source = demo.path.with_name(demo.path.name + suffix)
        if source.exists():
            shutil.copyfile(source, folder / source.name)
    return folder / demo.path.name
