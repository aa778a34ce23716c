"""Moving the vault to new keys after a revocation (docs/security.md §3).

A password change moves both databases on; a removal by an administrator
moves the main database at once and casework at the next casework sign-in.
Each rotation is measured whole (export under the new key, verification of
every page and row count, swap) against its baseline: copying the same
file's bytes (what any rotation must at least do).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from tests.perf.bench_common import DemoVault, Figure, fresh_copy, median_ms


def measure(demo: DemoVault, workdir: Path, repeat: int) -> list[Figure]:
    from peerdesk.domain.staff import Compartment
    from peerdesk.services import keys
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault

    paths = VaultPaths.at(fresh_copy(demo, workdir / "rotation"))
    size = {c: paths.file_of(c.value).stat().st_size for c in keys.ROTATED}
    # Huge vaults take minutes to rotate: fewer runs there.
    runs = max(1, min(repeat, 3 if size[Compartment.CASEWORK] < 500e6 else 1))
    locked = LockedVault.open(paths)
    rotate: dict[Compartment, list[float]] = {c: [] for c in keys.ROTATED}
    copy: dict[Compartment, list[float]] = {c: [] for c in keys.ROTATED}
    try:
        session = SignIn(locked).sign_in(demo.user, demo.password)
        try:
            for _ in range(runs):
                for compartment in keys.ROTATED:
                    source = paths.file_of(compartment.value)
                    start = time.perf_counter()
                    shutil.copyfile(source, workdir / "rotation" / "plain-copy")
                    copy[compartment].append(time.perf_counter() - start)
                    (workdir / "rotation" / "plain-copy").unlink()
                    start = time.perf_counter()
                    prepared = keys.prepare_rotation(session, compartment)
                    keys.commit_rotation(session, prepared)
                    rotate[compartment].append(time.perf_counter() - start)
        finally:
            session.end()
    finally:
        locked.release()
    figures = []
    for compartment in keys.ROTATED:
        mb = size[compartment] / 1e6
        figures.append(Figure(
            name=f"rotate {compartment.value} ({mb:,.0f} MB)",
            median_ms=median_ms(rotate[compartment]), baseline_ms=median_ms(copy[compartment]),
            baseline="copying the file's bytes", target="measured (runs on a worker)",
            holds=True, samples=runs))
    return figures
