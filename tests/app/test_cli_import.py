"""`peerdesk import`: the mapping printed, then the counts or the line-numbered problems."""

from __future__ import annotations

import pytest

from peerdesk.app.cli import main
from tests.fixtures.vaults import PASSWORDS, close, sign_in
from tests.services.import_helpers import GOOD_ROWS, HEADERS, counts, row, write_csv


def run(capsys, monkeypatch, *args: str, user: str = "Lee Lead") -> tuple[int, str, str]:
    monkeypatch.setenv("PEERDESK_PASSWORD", PASSWORDS[user])
    code = main(["import", *args, "--user", user])
    out = capsys.readouterr()
    return code, out.out, out.err


def vault_counts(paths) -> tuple[int, int, int]:
    session = sign_in(paths, "Lee Lead")
    try:
        return counts(session)
    finally:
        close(session)


def test_a_good_file_is_imported(vault, tmp_path, capsys, monkeypatch):
    path = write_csv(tmp_path / "old.csv", GOOD_ROWS)
    code, out, err = run(capsys, monkeypatch, str(vault.database), str(path))
    assert code == 0, err
    assert "Peer key (the old spreadsheet's id) ← “peer_key”" in out
    assert out.strip().splitlines()[-1] == "imported 2 peers and 3 sessions"
    assert vault_counts(vault)[:2] == (2, 3)


def test_dry_run_imports_nothing(vault, tmp_path, capsys, monkeypatch):
    path = write_csv(tmp_path / "old.csv", GOOD_ROWS)
    before = vault_counts(vault)
    code, out, _err = run(capsys, monkeypatch, str(vault.database), str(path), "--dry-run")
    assert code == 0
    assert "would import 2 peers and 3 sessions; nothing was imported" in out
    after = vault_counts(vault)
    assert after[:2] == before[:2]


def test_problems_are_listed_by_line_and_nothing_is_imported(vault, tmp_path, capsys,
                                                             monkeypatch):
    bad = row(peer_key="Z", preferred_name="Zed", first_contact="31/02/2024")
    path = write_csv(tmp_path / "bad.csv", [*GOOD_ROWS, bad])
    before = vault_counts(vault)
    code, out, err = run(capsys, monkeypatch, str(vault.database), str(path))
    assert code == 1
    assert "line 6: first_contact: First contact date “31/02/2024” is not a real date." in out
    assert err.strip() == "peerdesk: 1 problem in the file; nothing was imported."
    assert vault_counts(vault)[:2] == before[:2]


def test_map_chooses_a_column(vault, tmp_path, capsys, monkeypatch):
    headers = ["Client No" if h == "peer_key" else h for h in HEADERS]
    path = write_csv(tmp_path / "theirs.csv", GOOD_ROWS, headers)
    code, out, _ = run(capsys, monkeypatch, str(vault.database), str(path))
    assert code == 1 and "line 1: Peer key (the old spreadsheet's id): no column" in out
    code, out, err = run(capsys, monkeypatch, str(vault.database), str(path),
                         "--map", "peer_key=client no")
    assert code == 0, err
    assert "Peer key (the old spreadsheet's id) ← “Client No”" in out
    assert "imported 2 peers and 3 sessions" in out


@pytest.mark.parametrize(("extra", "words", "status"), [
    # A --map that names no field of ours, or is not a pair, is a usage error (2);
    # a heading the file doesn't have is a problem with the file (1).
    (["--map", "favourite=colour"], "“favourite” is not one of PeerDesk's import fields", 2),
    (["--map", "peer_key=No Such Column"], "no column headed “No Such Column”", 1),
    (["--map", "nonsense"], "Give --map as ourfield=theircolumn", 2),
])
def test_bad_map_arguments_get_one_clear_line(vault, tmp_path, capsys, monkeypatch, extra,
                                              words, status):
    path = write_csv(tmp_path / "old.csv", GOOD_ROWS)
    code, _out, err = run(capsys, monkeypatch, str(vault.database), str(path), *extra)
    assert code == status
    assert words in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_refusals_exit_non_zero(vault, tmp_path, capsys, monkeypatch):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, _, err = run(capsys, monkeypatch, str(vault.database), str(empty))
    assert code == 1 and err.startswith("peerdesk: The file is empty")
    path = write_csv(tmp_path / "old.csv", GOOD_ROWS)
    code, _, err = run(capsys, monkeypatch, str(vault.database), str(path), user="Cal Worker")
    assert code == 1 and "Only a programme lead can import from a spreadsheet." in err
    assert vault_counts(vault)[:2] == (0, 0)
