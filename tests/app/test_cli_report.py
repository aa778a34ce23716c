"""`peerdesk report`: a preview unless --publish; publishing records a release."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.app.test_cli import _one_clear_line, demo, peerdesk

__all__ = ["demo"]


def _sign_in(demo: tuple[Path, object]) -> tuple[str, str, str]:
    folder, done = demo
    lines = done.stdout.splitlines()  # type: ignore[attr-defined]
    return str(folder / "demo.peerdesk"), lines[0][len("user: "):], lines[1][len("password: "):]


def _release_row(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(row[4] for row in csv.reader(handle) if row[1:3] == ["release", "Release"])


def test_a_report_is_a_preview_until_published(demo, tmp_path: Path) -> None:
    vault, user, password = _sign_in(demo)
    preview = peerdesk("report", vault, "--month", "2025-03", "--csv",
                       str(tmp_path / "p.csv"), "--user", user, password=password)
    assert preview.returncode == 0, preview.stderr
    assert "preview, not for publication" in preview.stdout
    assert _release_row(tmp_path / "p.csv") == "Preview — not for publication"

    published = peerdesk("report", vault, "--month", "2025-03", "--publish", "--pdf",
                         str(tmp_path / "r.pdf"), "--csv", str(tmp_path / "r.csv"),
                         "--user", user, password=password)
    assert published.returncode == 0, published.stderr
    assert "published: release 2025-03 r1" in published.stdout
    assert _release_row(tmp_path / "r.csv") == "2025-03 r1"

    again = peerdesk("report", vault, "--month", "2025-03", "--publish", "--csv",
                     str(tmp_path / "again.csv"), "--user", user, password=password)
    assert "already published, unchanged: release 2025-03 r1" in again.stdout
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "r.csv").read_bytes()


def test_a_range_that_is_not_whole_months_is_refused_for_publication(demo,
                                                                     tmp_path: Path) -> None:
    vault, user, password = _sign_in(demo)
    done = peerdesk("report", vault, "--range", "2025-01-02..2025-01-31", "--publish",
                    "--csv", str(tmp_path / "x.csv"), "--user", user, password=password)
    assert done.returncode == 1
    assert "previewed only" in _one_clear_line(done.stderr)
    assert not (tmp_path / "x.csv").exists()
    preview = peerdesk("report", vault, "--range", "2025-01-02..2025-01-31", "--csv",
                       str(tmp_path / "x.csv"), "--user", user, password=password)
    assert preview.returncode == 0, preview.stderr
