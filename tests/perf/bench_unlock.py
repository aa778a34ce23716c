"""Unlock (and full sign-in) against one Argon2id derivation at the same parameters."""

from __future__ import annotations

import time
from pathlib import Path

from tests.perf.bench_common import DemoVault, Figure, fresh_copy, median_ms

BUDGET_MS = 150.0


def measure(demo: DemoVault, workdir: Path, repeat: int) -> list[Figure]:
    from peerdesk.services.auth import SignIn
    from peerdesk.storage import crypto, keyslots
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault

    paths = VaultPaths.at(fresh_copy(demo, workdir / "unlock"))
    locked = LockedVault.open(paths)
    try:
        slot = locked.keyslots.slots_for(demo.user)[0]
        secret = keyslots.password_bytes(demo.password)
        # Warm-up: imports, the first page reads, a first derivation.
        locked.unlock(demo.user, demo.password).close()
        argon, unlock, sign_in = [], [], []
        for _ in range(repeat):
            start = time.perf_counter()
            key = crypto.derive_key(secret, slot.salt, slot.kdf)
            argon.append(time.perf_counter() - start)
            crypto.wipe(key)

            start = time.perf_counter()
            vault = locked.unlock(demo.user, demo.password)
            unlock.append(time.perf_counter() - start)
            vault.close()

            start = time.perf_counter()
            session = SignIn(locked).sign_in(demo.user, demo.password)
            sign_in.append(time.perf_counter() - start)
            session.vault.close()
    finally:
        locked.release()
    baseline = median_ms(argon)
    kdf = slot.kdf
    params = f"Argon2id {kdf.memory_kib // 1024} MiB/{kdf.time_cost}/{kdf.parallelism}"
    figures = []
    for name, samples in (("unlock", unlock), ("sign in (unlock + session)", sign_in)):
        median = median_ms(samples)
        figures.append(Figure(
            name=name, median_ms=median, baseline_ms=baseline, baseline=params,
            target=f"<= Argon2id + {BUDGET_MS:.0f} ms", holds=median - baseline <= BUDGET_MS,
            extra=f"+{median - baseline:.1f} ms", samples=repeat))
    return figures
