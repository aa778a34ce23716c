"""A single-PC centre never loads team mode: only storage/team and the `team`
command import psycopg; storage.team is imported by those, and by
services/team.py and services/casework_store.py (the team store of the
casework protocol) only inside their functions, so that loading the app (its
first-run screen included) loads no driver (import-linter keeps ui, reports
and domain off both, and services off psycopg)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "peerdesk"
TEAM = PACKAGE / "storage" / "team"
CLI = PACKAGE / "app" / "cli_team.py"
SERVICE = PACKAGE / "services" / "team.py"
STORES = PACKAGE / "services" / "casework_store.py"
# The team report (issue 18): the same rule as the team service.
REPORTS_SERVICE = PACKAGE / "services" / "team_reports.py"
PUBLISH_SERVICE = PACKAGE / "services" / "team_publish.py"
# The listening service's store over the team (the contact form, the day's list).
LISTENING_STORE = PACKAGE / "services" / "listening_store.py"
# The team window's Groups page (issue 18): the same rule again.
GROUPS_SERVICE = PACKAGE / "services" / "team_groups.py"
# Changing the team's main key when someone leaves: the same rule again.
MAIN_KEY_SERVICE = PACKAGE / "services" / "team_main_key.py"
# Sessions across peers on the team server (Today, Sessions): the same rule.
SESSIONS_SERVICE = PACKAGE / "services" / "team_sessions.py"
# Sending the outbox from a worker thread: the same rule.
SENDING_SERVICE = PACKAGE / "services" / "team_sending.py"
# The services that may reach the team's storage, inside functions only.
SERVICES = (
    SERVICE,
    STORES,
    REPORTS_SERVICE,
    PUBLISH_SERVICE,
    LISTENING_STORE,
    GROUPS_SERVICE,
    MAIN_KEY_SERVICE,
    SESSIONS_SERVICE,
    SENDING_SERVICE,
)
PSYCOPG = re.compile(r"^\s*(from|import)\s+psycopg\b", re.MULTILINE)
TEAM_STORE = re.compile(r"^\s*(from|import)\s+peerdesk\.storage\.team\b", re.MULTILINE)
AT_TOP = re.compile(r"^(from|import)\s+(psycopg|peerdesk\.storage\.team)\b", re.MULTILINE)


def _modules() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if TEAM not in path.parents]


def test_only_team_modules_import_psycopg():
    found = [str(path.relative_to(PACKAGE)) for path in _modules()
             if path != CLI and PSYCOPG.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_only_the_team_command_and_service_import_the_team_store():
    found = [str(path.relative_to(PACKAGE)) for path in _modules()
             if path != CLI and path not in SERVICES
             and TEAM_STORE.search(path.read_text(encoding="utf-8"))]
    assert found == []
    # The services import it inside functions (or for type checking) only.
    for service in SERVICES:
        assert not AT_TOP.search(service.read_text(encoding="utf-8")), service.name


def test_loading_the_app_and_the_team_service_loads_no_driver():
    code = ("import sys, peerdesk.services.team, peerdesk.services.casework_store, "
            "peerdesk.ui.setup_wizard, "
            "peerdesk.ui.team.join_dialog, peerdesk.ui.team.team_window, "
            "peerdesk.ui.team.contacts_page, peerdesk.app.gui; "
            "print(sorted(m for m in sys.modules if m.startswith(('psycopg', "
            "'peerdesk.storage.team'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"QT_QPA_PLATFORM": "offscreen",
                                           "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == "[]"


def test_the_finders_would_see_such_an_import():
    assert TEAM_STORE.search("x = 1\n    from peerdesk.storage.team import schema\n")
    assert PSYCOPG.search("import psycopg\n")
    assert AT_TOP.search("from peerdesk.storage.team.keys import TeamKeys\n")
    assert not AT_TOP.search("    from peerdesk.storage.team.keys import TeamKeys\n")
    assert not TEAM_STORE.search("import peerdesk.storage.teams_elsewhere\n")
