"""`peerdesk export` and `peerdesk import-export`, driven through main() as a person
runs them: statuses from app/exit_codes.py, one line on standard error when
refused, and the passphrase only from the environment or a prompt."""

from __future__ import annotations

import pytest
import pyzipper

from peerdesk.app import cli
from peerdesk.app.cli_export import PASSPHRASE_ENV
from peerdesk.app.exit_codes import EXIT_FAILED, EXIT_USAGE
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import ADMIN_NAME, PASSWORDS

LEAD = "Lee Lead"
PHRASE = "a passphrase of five words"


def run(capsys, monkeypatch, *args, password=None, passphrase=PHRASE):
    monkeypatch.delenv("PEERDESK_PASSWORD", raising=False)
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    if password is not None:
        monkeypatch.setenv("PEERDESK_PASSWORD", password)
    if passphrase is not None:
        monkeypatch.setenv(PASSPHRASE_ENV, passphrase)
    code = cli.main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err):
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("peerdesk: "), err
    return lines[0]


def test_a_programme_lead_exports_everything_and_an_administrator_the_main_database(
        capsys, monkeypatch, vault, tmp_path):
    code, out, err = run(capsys, monkeypatch, "export", vault.database, tmp_path / "lead.zip",
                         "--user", LEAD, password=PASSWORDS[LEAD])
    assert (code, err) == (0, "")
    assert "main and casework databases" in out and "AES-256" in out
    code, out, _err = run(capsys, monkeypatch, "export", vault.database, tmp_path / "adm.zip",
                          "--user", ADMIN_NAME, password=PASSWORDS[ADMIN_NAME])
    assert code == 0
    assert "main database only" in out
    archive = pyzipper.AESZipFile(tmp_path / "adm.zip")
    assert not [n for n in archive.namelist() if n.startswith("casework/")]


def test_import_export_makes_a_new_vault_and_prints_its_recovery_key(capsys, monkeypatch,
                                                                     vault, tmp_path):
    run(capsys, monkeypatch, "export", vault.database, tmp_path / "c.zip", "--user", LEAD,
        password=PASSWORDS[LEAD])
    new = tmp_path / "new" / "centre.peerdesk"
    code, out, err = run(capsys, monkeypatch, "import-export", tmp_path / "c.zip", new,
                         "--user", ADMIN_NAME, password="a brand new password")
    assert (code, err) == (0, "")
    assert "recovery key: " in out and "the old audit log:" in out
    assert "4 other account(s) can't sign in" in out
    code, out, _ = run(capsys, monkeypatch, "check", new, "--user", ADMIN_NAME,
                       password="a brand new password")
    assert code == 0 and out.startswith("ok:")


@pytest.mark.parametrize(("user", "words"), [
    ("Cal Worker", "Only an administrator or a programme lead can export"),
    ("Pia Peer", "Only an administrator or a programme lead can export"),
])
def test_roles_that_may_not_export_are_refused_with_status_1(capsys, monkeypatch, vault,
                                                             tmp_path, user, words):
    code, _out, err = run(capsys, monkeypatch, "export", vault.database, tmp_path / "x.zip",
                          "--user", user, password=PASSWORDS[user])
    assert code == EXIT_FAILED
    assert words in one_line(err)
    assert not list(tmp_path.glob("*x.zip*"))


def test_refusals_are_status_1_with_one_line(capsys, monkeypatch, vault, tmp_path):
    target = tmp_path / "c.zip"
    code, _, err = run(capsys, monkeypatch, "export", vault.database, target, "--user", LEAD,
                       password=PASSWORDS[LEAD], passphrase="too short")
    assert code == EXIT_FAILED and "at least 16 characters" in one_line(err)
    code, _, err = run(capsys, monkeypatch, "export", vault.database, target, "--user", LEAD,
                       password=PASSWORDS[LEAD], passphrase=None)
    assert code == EXIT_FAILED and "PEERDESK_EXPORT_PASSPHRASE" in one_line(err)
    assert run(capsys, monkeypatch, "export", vault.database, target, "--user", LEAD,
               password=PASSWORDS[LEAD])[0] == 0
    code, _, err = run(capsys, monkeypatch, "export", vault.database, target, "--user", LEAD,
                       password=PASSWORDS[LEAD])
    assert code == EXIT_FAILED and "already a file" in one_line(err)
    new = tmp_path / "new.peerdesk"
    code, _, err = run(capsys, monkeypatch, "import-export", target, new, "--user", ADMIN_NAME,
                       password="a brand new password", passphrase="the wrong passphrase")
    assert code == EXIT_FAILED and "passphrase does not open" in one_line(err)
    code, _, err = run(capsys, monkeypatch, "import-export", target, vault.database,
                       "--user", ADMIN_NAME, password="a brand new password")
    assert code == EXIT_FAILED and "already a vault" in one_line(err)
    code, _, err = run(capsys, monkeypatch, "import-export", tmp_path / "none.zip", new,
                       "--user", ADMIN_NAME, password="a brand new password")
    assert code == EXIT_FAILED and "no export at" in one_line(err)
    assert not VaultPaths.at(new).exists()


def test_the_passphrase_is_never_an_argument(capsys, monkeypatch, vault, tmp_path):
    code, _, err = run(capsys, monkeypatch, "export", vault.database, tmp_path / "c.zip",
                       "--user", LEAD, "--passphrase", PHRASE, password=PASSWORDS[LEAD])
    assert code == EXIT_USAGE and "Unrecognized arguments" in one_line(err)
