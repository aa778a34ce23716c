"""`peerdesk report`: a preview unless --publish; publishing records a release."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

from pypdf import PdfReader

from tests.app.test_cli import _one_clear_line, demo, peerdesk

__all__ = ["demo"]


def _sign_in(demo: tuple[Path, object]) -> tuple[str, str, str]:
    folder, done = demo
    lines = done.stdout.splitlines()  # type: ignore[attr-defined]
    return str(folder / "demo.peerdesk"), lines[0][len("user: "):], lines[1][len("password: "):]


def _release_row(path: Path, row: str = "Release") -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(r[4] for r in csv.reader(handle) if r[1:3] == ["release", row])


def _without_anchor(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.reader(handle) if r[1:3] != ["release", "Audit anchor"]]


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
    # The same release; only the audit anchor says it was printed later.
    assert _without_anchor(tmp_path / "again.csv") == _without_anchor(tmp_path / "r.csv")


_ANCHOR = re.compile(r"audit (\d+·[0-9a-f]{8})")


def test_the_audit_anchor_on_a_report_names_an_older_copy_put_back(demo, tmp_path: Path
                                                                    ) -> None:
    folder = demo[0]
    here = tmp_path / "vault"
    shutil.copytree(folder, here)
    vault = str(here / "demo.peerdesk")
    _, user, password = _sign_in(demo)
    older = tmp_path / "older"
    shutil.copytree(here, older)  # the vault, its casework file and key file, as they were
    for kind, path in (("preview", tmp_path / "p"), ("--publish", tmp_path / "r")):
        extra = ("--publish",) if kind == "--publish" else ()
        made = peerdesk("report", vault, "--month", "2025-04", *extra, "--pdf",
                        f"{path}.pdf", "--csv", f"{path}.csv", "--user", user,
                        password=password)
        assert made.returncode == 0, made.stderr
        pages = [page.extract_text() or "" for page in PdfReader(f"{path}.pdf").pages]
        printed = {m for page in pages for m in _ANCHOR.findall(page)}
        assert len(printed) == 1 and all(_ANCHOR.search(page) for page in pages), pages[-1]
        anchor = printed.pop()
        assert _release_row(Path(f"{path}.csv"), "Audit anchor") == f"audit {anchor}"
        checked = peerdesk("check", vault, "--user", user, "--anchor", anchor,
                           password=password)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    # Put the older copy back, key file and all: the key file agrees with it, but
    # the anchor printed on the report since does not.
    for path in older.iterdir():
        shutil.copyfile(path, here / path.name)
    checked = peerdesk("check", vault, "--user", user, "--anchor", f"audit {anchor}",
                       password=password)
    assert checked.returncode != 0
    assert "against the anchor given" in checked.stdout
    assert "put back from an older copy" in checked.stdout


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
