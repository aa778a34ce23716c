"""`peerdesk backup` and `peerdesk restore` as a script meets them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from peerdesk.storage.backup import list_backups
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import ADMIN_NAME, ADMIN_PASSWORD, PASSWORDS, Template, can_sign_in


def peerdesk(*args: str, password: str | None = None, recovery_key: str | None = None):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PEERDESK_PASSWORD", "PEERDESK_RECOVERY_KEY")}
    if password is not None:
        env["PEERDESK_PASSWORD"] = password
    if recovery_key is not None:
        env["PEERDESK_RECOVERY_KEY"] = recovery_key
    return subprocess.run([sys.executable, "-m", "peerdesk", *args], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def _one_clear_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("peerdesk: ")
    return lines[0]


def _back_up(vault: VaultPaths, folder: Path) -> Path:
    done = peerdesk("backup", str(vault.database), str(folder), "--user", ADMIN_NAME,
                    password=ADMIN_PASSWORD)
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.strip())
    assert path.parent == folder and path.is_file()
    return path


def test_backup_prints_its_path_and_restore_prints_what_it_restored(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    path = _back_up(vault, folder)
    assert [b.path for b in list_backups(folder)] == [path]

    target = tmp_path / "restored" / "centre.peerdesk"
    done = peerdesk("restore", str(path), str(target), "--user", "Lee Lead",
                    password=PASSWORDS["Lee Lead"])
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.strip().splitlines()
    assert first == (f"restored into {target}: 0 peers, 0 sessions, 0 groups, 0 meetings, "
                     "5 staff")
    assert second.endswith(f"open it with: peerdesk --vault {target}")
    assert can_sign_in(VaultPaths.at(target), ADMIN_NAME)


def test_restore_with_the_recovery_key(vault, template: Template, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    path = _back_up(vault, folder)
    target = tmp_path / "restored.peerdesk"
    done = peerdesk("restore", str(path), str(target), "--recovery-key",
                    recovery_key=template.recovery_key)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"restored into {target}: ")


def test_wrong_password_is_one_line_and_changes_nothing(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    done = peerdesk("backup", str(vault.database), str(folder), "--user", ADMIN_NAME,
                    password="not the password")
    assert done.returncode != 0
    assert "don't match" in _one_clear_line(done.stderr)
    assert list(folder.iterdir()) == []

    path = _back_up(vault, folder)
    target = tmp_path / "restored.peerdesk"
    done = peerdesk("restore", str(path), str(target), "--user", ADMIN_NAME,
                    password="not the password")
    assert done.returncode != 0
    _one_clear_line(done.stderr)
    assert not VaultPaths.at(target).exists()


def test_restore_never_writes_over_a_vault(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    path = _back_up(vault, folder)
    before = vault.database.read_bytes()
    done = peerdesk("restore", str(path), str(vault.database), "--user", ADMIN_NAME,
                    password=ADMIN_PASSWORD)
    assert done.returncode != 0
    assert "already a vault" in _one_clear_line(done.stderr)
    assert vault.database.read_bytes() == before


def test_restore_needs_to_be_told_how_to_open_the_backup(vault, tmp_path):
    done = peerdesk("restore", str(tmp_path / "b.peerdesk"), str(tmp_path / "new.peerdesk"))
    assert done.returncode != 0
    assert "--user NAME" in _one_clear_line(done.stderr)
