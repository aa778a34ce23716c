"""`peerdesk --self-check` from the source install: what a bundle build runs too."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile

from peerdesk.app import cli
from peerdesk.app.self_check import OK_LINE


def test_self_check_passes_from_the_source_install(tmp_path):
    done = subprocess.run([sys.executable, "-m", "peerdesk", "--self-check"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == OK_LINE
    assert done.stderr == ""


def test_a_failed_step_exits_non_zero_with_one_line(tmp_path, monkeypatch, capsys):
    # Nowhere to make the throwaway vault: the check must say which step failed.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    assert cli.main(["--self-check"]) == cli.EXIT_FAILED
    out, err = capsys.readouterr()
    assert OK_LINE not in out
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("peerdesk: self-check failed at make a temporary folder: ")


def test_self_check_is_listed_in_the_help(capsys):
    assert cli.main(["--help"]) == 0
    # Spaces between option and help vary with the longest command's name.
    assert re.search(r"--self-check +for packagers and support", capsys.readouterr().out)
