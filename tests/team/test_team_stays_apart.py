"""A single-PC centre never loads team mode: only storage/team and the `team`
command import psycopg or storage.team (import-linter keeps ui, reports and
domain off it; this covers the vault's own storage and services too)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "peerdesk"
ALLOWED = {PACKAGE / "app" / "cli_team.py"}
IMPORT = re.compile(r"^\s*(from|import)\s+(psycopg|peerdesk\.storage\.team)\b", re.MULTILINE)


def test_only_team_modules_import_psycopg_or_the_team_store():
    team = PACKAGE / "storage" / "team"
    found = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
             if team not in path.parents and path not in ALLOWED
             and IMPORT.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_finder_would_see_such_an_import():
    assert IMPORT.search("x = 1\n    from peerdesk.storage.team import schema\n")
    assert IMPORT.search("import psycopg\n")
    assert not IMPORT.search("import peerdesk.storage.teams_elsewhere\n")
