"""The team benchmark runs end to end on the tests' small demo vault, so it can't
rot unnoticed: search over the cache, opening a peer, and PCs saving at once
(two PCs for a second here). Its times are not judged: that is the benchmark's
own work, on a quiet machine."""

from __future__ import annotations

from pathlib import Path

from tests.perf import bench_team
from tests.perf.bench_common import DemoVault


def test_the_team_benchmark_makes_each_of_its_figures(demo_template: Path,
                                                       tmp_path: Path) -> None:
    from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
    from tests.team.conftest import require_server_bin

    require_server_bin()
    demo = DemoVault(demo_template / "demo.peerdesk", DEMO_LEAD, DEMO_PASSWORD)
    figures = bench_team.measure(demo, tmp_path, 1, clients=2, save_seconds=1.0)
    by_name = {(f.name, f.statistic): f for f in figures}
    assert ("team: search per keystroke (cache)", "median") in by_name
    opened = by_name[("team: open a peer (page + sessions)", "median")]
    assert opened.median_ms > 0 and opened.baseline_ms > 0
    p95 = by_name[("team: save a session, 2 PCs", "p95")]
    p50 = by_name[("team: save a session, 2 PCs", "median")]
    # Both PCs saved, on the server (nothing went to an outbox), and the vault too.
    assert p95.samples == p50.samples >= 2
    assert " 0 queued" in p95.extra
    assert 0 < p50.median_ms <= p95.median_ms and 0 < p50.baseline_ms <= p95.baseline_ms
    assert " p95 " in p95.line()
