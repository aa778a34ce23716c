"""One table of exit statuses (app/exit_codes.py), checked command by command.

0 done; 1 refused or failed (one line says why); 2 the command line is wrong;
3 an unexpected problem; 130 Ctrl+C; 143 SIGTERM. `--debug` adds a traceback
and never changes the status. Driven through `main()` as `peerdesk` runs it.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import time
from datetime import date
from pathlib import Path

import pytest

from peerdesk.app import cli, exit_codes
from peerdesk.app.exit_codes import (
    EXIT_CODES,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_UNEXPECTED,
    EXIT_USAGE,
)
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import ADMIN_NAME, PASSWORDS

ROOT = Path(__file__).resolve().parents[2]
LEAD = "Lee Lead"


def run(capsys, monkeypatch, *args: str, user: str | None = None) -> tuple[int, str, str]:
    monkeypatch.delenv("PEERDESK_PASSWORD", raising=False)
    if user is not None:
        monkeypatch.setenv("PEERDESK_PASSWORD", PASSWORDS[user])
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("peerdesk: ")
    return lines[0]


def last_month() -> str:
    first = date.today().replace(day=1)
    return f"{first.year - (first.month == 1)}-{(first.month - 2) % 12 + 1:02d}"


# -- the table itself ---------------------------------------------------------------

def test_the_codes_are_distinct_and_the_help_prints_them(capsys):
    codes = [code for code, _ in EXIT_CODES]
    assert codes == [0, 1, 2, 3, 130, 143]
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "exit status:" in out
    for code, meaning in EXIT_CODES:
        assert re.search(rf"^  {code}\s+{re.escape(meaning.split()[0])}", out, re.MULTILINE)


def test_the_readme_shows_the_same_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\d+)` \| (.+?) \|$", section, re.MULTILINE)
    assert [(int(code), text) for code, text in rows] == list(EXIT_CODES)


@pytest.mark.parametrize("command", ["demo", "check", "report", "backup", "restore", "import",
                                     "export", "import-export", "team", "team init"])
def test_each_command_help_names_the_statuses(capsys, command):
    assert cli.main([*command.split(), "--help"]) == 0
    assert exit_codes.exit_code_summary().split("(")[0].strip() in " ".join(
        capsys.readouterr().out.split())


def _every_action(parser: argparse.ArgumentParser, name: str = "peerdesk"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice, sub in action.choices.items():
                yield from _every_action(sub, f"{name} {choice}")
            for pseudo in action._choices_actions:
                yield f"{name} {pseudo.dest}", pseudo
        else:
            yield name, action


def test_every_argument_has_help():
    missing = [f"{where}: {action.metavar or action.dest}"
               for where, action in _every_action(cli.build_parser())
               if not action.help or action.help == argparse.SUPPRESS]
    assert missing == []


# -- usage (2) -----------------------------------------------------------------------

@pytest.mark.parametrize(("args", "words"), [
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["--nonsense"], "unrecognized arguments: --nonsense"),
    (["demo"], "required: PATH"),
    (["demo", "x.peerdesk", "--scale", "giant"], "invalid choice: 'giant'"),
    (["demo", "x.peerdesk", "--seed", "one"], "invalid int value: 'one'"),
    (["check", "x.peerdesk"], "required: --user"),
    (["report", "x.peerdesk", "--user", LEAD, "--pdf", "r.pdf"],
     "one of the arguments --month --quarter --year --range is required"),
    (["report", "x.peerdesk", "--month", "2026-01", "--quarter", "2026-Q1", "--user", LEAD,
      "--pdf", "r.pdf"], "not allowed with argument"),
    (["report", "x.peerdesk", "--month", "2026-13", "--user", LEAD, "--pdf", "r.pdf"],
     "“2026-13” is not a month"),
    (["report", "x.peerdesk", "--month", "October", "--user", LEAD, "--pdf", "r.pdf"],
     "“October” is not a month"),
    (["report", "x.peerdesk", "--quarter", "2026-Q5", "--user", LEAD, "--pdf", "r.pdf"],
     "“2026-Q5” is not a quarter"),
    (["report", "x.peerdesk", "--year", "26", "--user", LEAD, "--pdf", "r.pdf"],
     "“26” is not a year"),
    (["report", "x.peerdesk", "--month", "2026-01", "--user", LEAD],
     "Say where to save the report"),
    (["backup", "x.peerdesk", "folder", "--user", ADMIN_NAME, "--keep", "0"],
     "--keep needs a number of backups, 1 or more"),
    (["restore", "b.peerdesk", "new.peerdesk"], "Say how to open the backup"),
    (["restore", "b.peerdesk", "new.peerdesk", "--user", ADMIN_NAME, "--recovery-key"],
     "not allowed with argument"),
    (["import", "x.peerdesk", "old.csv", "--user", LEAD, "--map", "nonsense"],
     "Give --map as ourfield=theircolumn"),
    (["import", "x.peerdesk", "old.csv", "--user", LEAD, "--map", "colour=Colour"],
     "“colour” is not one of PeerDesk's import fields"),
    (["export", "x.peerdesk", "--user", LEAD], "required: OUT"),
    (["import-export", "e.zip", "new.peerdesk"], "required: --user"),
    (["--vault", "a.peerdesk", "--demo"], "not allowed with argument"),
])
def test_a_wrong_command_line_is_status_2_with_one_line(capsys, monkeypatch, tmp_path, args,
                                                        words):
    monkeypatch.chdir(tmp_path)  # nothing may be created, wherever it would go
    code, out, err = run(capsys, monkeypatch, *args)
    assert code == EXIT_USAGE
    line = one_line(err)
    assert words.lower() in line.lower()  # argparse's words, capitalised
    assert line.endswith("--help).")
    assert out == ""
    assert list(tmp_path.iterdir()) == []


# -- refused or failed (1) ---------------------------------------------------------

def test_refusals_are_status_1_with_one_line(capsys, monkeypatch, vault, tmp_path):
    missing = str(tmp_path / "nowhere.peerdesk")
    db = str(vault.database)
    cases = [
        (["demo", db], None, "already exists"),
        (["check", missing, "--user", ADMIN_NAME], ADMIN_NAME, "There is no PeerDesk vault at"),
        (["check", db, "--user", ADMIN_NAME], None, "No password: set PEERDESK_PASSWORD"),
        (["report", missing, "--month", last_month(), "--pdf", "r.pdf", "--user", LEAD], LEAD,
         "There is no PeerDesk vault at"),
        (["report", db, "--month", last_month(), "--pdf", str(tmp_path / "r.pdf"),
          "--user", "Cal Worker"], "Cal Worker", "Only a programme lead can run reports."),
        (["report", db, "--month", "2999-01", "--pdf", str(tmp_path / "r.pdf"),
          "--user", LEAD], LEAD, "January 2999 has not started yet"),
        (["backup", missing, str(tmp_path), "--user", ADMIN_NAME], ADMIN_NAME,
         "There is no PeerDesk vault at"),
        (["backup", db, str(tmp_path), "--user", LEAD], LEAD,
         "Only an administrator can make, list or restore backups."),
        (["restore", str(tmp_path / "b.peerdesk"), str(tmp_path / "new.peerdesk"),
          "--user", ADMIN_NAME], ADMIN_NAME, "There is no backup at"),
        (["import", missing, str(tmp_path / "old.csv"), "--user", LEAD], LEAD,
         "There is no PeerDesk vault at"),
    ]
    for args, user, words in cases:
        code, _out, err = run(capsys, monkeypatch, *args, user=user)
        assert code == EXIT_FAILED, (args, err)
        assert words in one_line(err), args
    assert not (tmp_path / "r.pdf").exists()
    assert not VaultPaths.at(tmp_path / "new.peerdesk").exists()


def test_debug_adds_the_details_but_keeps_the_status(capsys, monkeypatch, tmp_path):
    missing = str(tmp_path / "nowhere.peerdesk")
    code, _, err = run(capsys, monkeypatch, "--debug", "check", missing, "--user", ADMIN_NAME,
                       user=ADMIN_NAME)
    assert code == EXIT_FAILED
    assert "Traceback" in err
    assert err.strip().splitlines()[-1] == f"peerdesk: There is no PeerDesk vault at {missing}."
    code, _, err = run(capsys, monkeypatch, "--debug", "report", missing, "--month", "2026-13",
                       "--pdf", "r.pdf", "--user", LEAD)
    assert code == EXIT_USAGE
    assert "Traceback" in err


# -- periods ---------------------------------------------------------------------------

def test_the_current_month_is_allowed_and_said_to_be_incomplete(capsys, monkeypatch, vault,
                                                                tmp_path):
    today = date.today()
    pdf = tmp_path / "now.pdf"
    code, out, err = run(capsys, monkeypatch, "report", str(vault.database), "--month",
                         f"{today:%Y-%m}", "--pdf", str(pdf), "--user", LEAD, user=LEAD)
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith(f"note: {today:%B %Y} is not over yet")
    assert f"to {today:%d %B %Y} (today) only" in first
    assert pdf.exists()


def test_a_past_month_has_no_note_and_this_year_has_one(capsys, monkeypatch, vault, tmp_path):
    code, out, err = run(capsys, monkeypatch, "report", str(vault.database), "--month",
                         last_month(), "--csv", str(tmp_path / "m.csv"), "--user", LEAD,
                         user=LEAD)
    assert code == 0, err
    assert "note:" not in out
    code, out, err = run(capsys, monkeypatch, "report", str(vault.database), "--year",
                         str(date.today().year), "--csv", str(tmp_path / "y.csv"),
                         "--user", LEAD, user=LEAD)
    assert code == 0, err
    assert out.startswith(f"note: {date.today().year} is not over yet")


@pytest.mark.parametrize("when", [["--quarter", "2999-Q1"], ["--year", "2999"]])
def test_a_quarter_or_year_not_started_is_refused(capsys, monkeypatch, vault, tmp_path, when):
    code, _, err = run(capsys, monkeypatch, "report", str(vault.database), *when, "--csv",
                       str(tmp_path / "r.csv"), "--user", LEAD, user=LEAD)
    assert code == EXIT_FAILED
    assert "has not started yet" in one_line(err)
    assert not (tmp_path / "r.csv").exists()


# -- unexpected (3), Ctrl+C (130), SIGTERM (143) ----------------------------------------

def test_an_unexpected_problem_is_status_3_without_its_details(capsys, monkeypatch, vault):
    from peerdesk.services import vault_check

    def broken(*_args, **_kwargs):
        raise RuntimeError("internal detail that must not be shown")

    monkeypatch.setattr(vault_check, "check_vault", broken)
    code, _, err = run(capsys, monkeypatch, "check", str(vault.database), "--user", ADMIN_NAME,
                       user=ADMIN_NAME)
    assert code == EXIT_UNEXPECTED
    assert "internal detail" not in one_line(err)
    code, _, err = run(capsys, monkeypatch, "--debug", "check", str(vault.database), "--user",
                       ADMIN_NAME, user=ADMIN_NAME)
    assert code == EXIT_UNEXPECTED
    assert "internal detail that must not be shown" in err


def test_ctrl_c_is_130_and_gives_the_vault_back(capsys, monkeypatch, vault):
    from peerdesk.services import vault_check
    from peerdesk.storage.vault import LockedVault

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(vault_check, "check_vault", interrupted)
    code, _, err = run(capsys, monkeypatch, "check", str(vault.database), "--user", ADMIN_NAME,
                       user=ADMIN_NAME)
    assert code == EXIT_INTERRUPTED
    assert one_line(err) == "peerdesk: stopped by Ctrl+C."
    LockedVault.open(vault).release()


def test_sigterm_is_143_and_the_report_is_not_left_half_written(capsys, monkeypatch, vault,
                                                               tmp_path):
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    from peerdesk.reports import pdf as pdf_writer
    from peerdesk.storage.vault import LockedVault

    before = signal.getsignal(signal.SIGTERM)

    def killed_while_writing(_report, target):
        target.write_bytes(b"%PDF-1.4 half")
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler raises before this ends
        raise AssertionError("SIGTERM did not stop the command")

    monkeypatch.setattr(pdf_writer, "write_pdf", killed_while_writing)
    code, _, err = run(capsys, monkeypatch, "report", str(vault.database), "--month",
                       last_month(), "--pdf", str(out_folder / "r.pdf"), "--user", LEAD,
                       user=LEAD)
    assert code == EXIT_TERMINATED
    assert one_line(err) == "peerdesk: stopped by SIGTERM."
    assert list(out_folder.iterdir()) == []  # neither the report nor its partial file
    assert signal.getsignal(signal.SIGTERM) is before
    LockedVault.open(vault).release()


def test_a_demo_stopped_part_way_leaves_no_vault(capsys, monkeypatch, tmp_path):
    from peerdesk.services import demo_data

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(demo_data, "populate", interrupted)
    code, out, err = run(capsys, monkeypatch, "demo", str(tmp_path / "demo.peerdesk"))
    assert code == EXIT_INTERRUPTED
    assert out == ""
    assert one_line(err) == "peerdesk: stopped by Ctrl+C."
    assert list(tmp_path.iterdir()) == []
