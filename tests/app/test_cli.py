"""The command line as a person or a script meets it (DESIGN.md §7)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk import __version__
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD, close, flip_byte, sign_in


def peerdesk(*args: str, password: str | None = None, timeout: int = 120):
    env = {k: v for k, v in os.environ.items() if k != "PEERDESK_PASSWORD"}
    if password is not None:
        env["PEERDESK_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "peerdesk", *args], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=timeout)


def _one_clear_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("peerdesk: ")
    return lines[0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    done = peerdesk("demo", str(folder / "demo.peerdesk"))
    return folder, done


def test_version():
    done = peerdesk("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"PeerDesk {__version__}"


def test_demo_prints_the_sign_in_and_then_checks_ok(demo, tmp_path):
    folder, done = demo
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("user: ") and lines[1].startswith("password: ")
    user, password = lines[0][len("user: "):], lines[1][len("password: "):]
    assert user and password
    assert "Traceback" not in done.stderr
    check = peerdesk("check", str(folder / "demo.peerdesk"), "--user", user, password=password)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("ok: ")
    # And the vault is a real one this program can sign in to.
    close(sign_in(VaultPaths.at(folder / "demo.peerdesk"), user, password))


def test_demo_refuses_to_overwrite(demo):
    folder, _ = demo
    before = (folder / "demo.peerdesk").read_bytes()
    done = peerdesk("demo", str(folder / "demo.peerdesk"))
    assert done.returncode != 0
    assert "already exists" in _one_clear_line(done.stderr)
    assert (folder / "demo.peerdesk").read_bytes() == before


def test_check_with_a_wrong_password(vault):
    done = peerdesk("check", str(vault.database), "--user", ADMIN_NAME, password="wrong one")
    assert done.returncode == 1
    assert "don't match" in _one_clear_line(done.stderr)
    assert done.stdout == ""


def test_check_without_a_password_source(vault):
    done = peerdesk("check", str(vault.database), "--user", ADMIN_NAME)
    assert done.returncode != 0
    assert "PEERDESK_PASSWORD" in _one_clear_line(done.stderr)


def test_check_on_a_missing_path(tmp_path):
    done = peerdesk("check", str(tmp_path / "nowhere.peerdesk"), "--user", ADMIN_NAME,
                    password=ADMIN_PASSWORD)
    assert done.returncode != 0
    assert "no PeerDesk vault" in _one_clear_line(done.stderr)


def test_check_with_the_key_file_missing(vault):
    vault.keys.unlink()
    done = peerdesk("check", str(vault.database), "--user", ADMIN_NAME, password=ADMIN_PASSWORD)
    assert done.returncode == 1
    assert f"key file {vault.keys.name} is missing" in _one_clear_line(done.stderr)


def _problem_lines(done) -> list[str]:
    assert done.returncode == 1
    assert "failed its checks" in _one_clear_line(done.stderr)
    # "not checked:" and "note:" lines say what this account's keys don't open.
    return [line for line in done.stdout.strip().splitlines()
            if not line.startswith(("not checked: ", "note: "))]


@pytest.mark.parametrize("where", ["first page", "middle page"])
def test_check_finds_a_flipped_byte(vault, where):
    size = vault.database.stat().st_size
    offset = 2048 if where == "first page" else (size // 4096 // 2) * 4096 + 1000
    flip_byte(vault.database, offset)
    done = peerdesk("check", str(vault.database), "--user", ADMIN_NAME, password=ADMIN_PASSWORD)
    problems = _problem_lines(done)
    assert problems and all(p.startswith("problem: ") for p in problems)
    assert "damaged" in problems[0] or "HMAC" in problems[0]


def test_check_finds_a_tampered_audit_log(vault):
    session = sign_in(vault, ADMIN_NAME)
    try:
        session.db.raw.execute("DROP TRIGGER audit_event_no_delete")
        session.db.raw.execute("DELETE FROM audit_event WHERE id = 2")
        session.vault.close()
    finally:
        session.vault.locked.release()
    done = peerdesk("check", str(vault.database), "--user", ADMIN_NAME, password=ADMIN_PASSWORD)
    problems = _problem_lines(done)
    assert any("audit event 2 is missing" in p for p in problems)


def test_check_while_the_vault_is_open_elsewhere(vault):
    session = sign_in(vault, ADMIN_NAME)
    try:
        done = peerdesk("check", str(vault.database), "--user", ADMIN_NAME,
                        password=ADMIN_PASSWORD)
    finally:
        close(session)
    assert done.returncode == 1
    assert "already open" in _one_clear_line(done.stderr)


def test_a_copied_vault_checks_ok(vault, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in (vault.database, vault.casework, vault.keys):
        shutil.copy(path, copy / Path(path).name)
    done = peerdesk("check", str(copy / vault.database.name), "--user", ADMIN_NAME,
                    password=ADMIN_PASSWORD)
    assert done.returncode == 0, done.stderr


def test_check_signs_in_and_is_audited(vault):
    """Issue 12 item 7: `peerdesk check` unlocked the vault without an audit event."""
    from peerdesk.domain.audit import AuditAction
    from peerdesk.storage.repositories import audit as audit_repo

    done = peerdesk("check", str(vault.database), "--user", ADMIN_NAME, password=ADMIN_PASSWORD)
    assert done.returncode == 0, done.stderr
    session = sign_in(vault, ADMIN_NAME)
    try:
        events = [(e.action, e.detail) for e in audit_repo.recent(session.db, limit=4)][1:]
        assert events == [(AuditAction.SIGNED_OUT, ""), (AuditAction.VAULT_CHECKED, "ok"),
                          (AuditAction.SIGNED_IN, "peerdesk check")]
    finally:
        close(session)
