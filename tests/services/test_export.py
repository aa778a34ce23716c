"""Export everything: what each role's export holds, the encryption, the files'
format, the audit event, and every refusal (docs/export.md)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import threading
import zipfile

import pytest
import pyzipper

from peerdesk.domain.errors import PermissionDenied, ValidationError, WrongCredentials
from peerdesk.services import export
from peerdesk.services.demo import DEMO_CASEWORKERS, DEMO_SUPPORTERS
from peerdesk.storage.paths import VaultPaths
from tests.services.export_helpers import (
    DEMO_ADMIN,
    DEMO_LEAD,
    PASSPHRASE,
    export_as,
    import_into,
    signed_in,
)


def _open(path, passphrase=PASSPHRASE):
    archive = pyzipper.AESZipFile(path)
    archive.setpassword(passphrase.encode())
    return archive


def _csv(archive, name):
    raw = archive.read(name)
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# -- what each role's export holds ------------------------------------------------------

def test_a_programme_lead_exports_both_databases(demo_vault, tmp_path):
    result = export_as(demo_vault, DEMO_LEAD, tmp_path / "lead.zip")
    assert result.databases == ("main", "casework")
    names = _open(result.path).namelist()
    assert {"casework/peer.csv", "casework/one_to_one_note.csv", "casework/attendance.csv",
            "main/staff.csv", "main/audit_event.csv", "centre.json", "README.txt",
            "data-dictionary.csv", "codes.csv", "manifest.json"} <= set(names)
    readme = _open(result.path).read("README.txt").decode()
    assert "holds both of the vault's databases" in readme
    # Search indexes are rebuilt on import, never exported.
    assert not any("_search" in n for n in names)


def test_an_administrator_exports_the_main_database_only_and_is_told(demo_vault, tmp_path):
    result = export_as(demo_vault, DEMO_ADMIN, tmp_path / "admin.zip")
    assert result.databases == ("main",)
    archive = _open(result.path)
    assert not [n for n in archive.namelist() if n.startswith("casework/")]
    readme = archive.read("README.txt").decode()
    assert "THIS EXPORT HOLDS THE MAIN DATABASE ONLY" in readme
    assert "Administrator" in readme
    manifest = json.loads(archive.read("manifest.json"))
    assert set(manifest["databases"]) == {"main"}
    body = archive.read("centre.json").decode()
    # Not a name of a peer anywhere: the demo's peers are in casework only.
    with signed_in(demo_vault, DEMO_LEAD) as session:
        names = [r[0] for r in session.db.query("SELECT preferred_name FROM peer")]
    assert not [n for n in names if len(n) > 3 and f'"{n}"' in body]


@pytest.mark.parametrize("who", [DEMO_CASEWORKERS[0], DEMO_SUPPORTERS[0]])
def test_caseworkers_and_peer_supporters_may_not_export(demo_vault, tmp_path, who):
    with signed_in(demo_vault, who) as session, pytest.raises(PermissionDenied) as refused:
        export.export_centre(session, tmp_path / "x.zip", PASSPHRASE)
    assert "programme lead" in refused.value.user_message
    assert not list(tmp_path.glob("*x.zip*"))


def test_an_administrator_s_export_imports_as_a_centre_with_no_peers(demo_vault, tmp_path):
    result = export_as(demo_vault, DEMO_ADMIN, tmp_path / "admin.zip")
    new = VaultPaths.at(tmp_path / "new" / "centre.peerdesk")
    imported = import_into(result.path, new)
    assert imported.databases == ("main",)
    assert imported.counts["staff"] == 10 and "peer" not in imported.counts


# -- encryption ---------------------------------------------------------------------------

def test_every_file_is_aes_256_encrypted_and_opens_only_with_the_passphrase(demo_vault,
                                                                              tmp_path):
    result = export_as(demo_vault, DEMO_LEAD, tmp_path / "centre.zip")
    plain = zipfile.ZipFile(result.path)
    for info in plain.infolist():
        assert info.flag_bits & 0x1, info.filename
        assert info.compress_type == 99, info.filename  # WinZip AES
    with pytest.raises((RuntimeError, NotImplementedError)):
        plain.read("casework/peer.csv")
    archive = _open(result.path)
    assert all(i.wz_aes_strength == 3 for i in archive.infolist())  # 256-bit
    rows = _csv(archive, "casework/peer.csv")
    assert rows[0][:3] == ["id", "ref_number", "preferred_name"]
    wrong = _open(result.path, "not the passphrase at all")
    with pytest.raises(RuntimeError):
        wrong.read("casework/peer.csv")
    # No name, note or table text in the file's bytes.
    raw = result.path.read_bytes()
    some_name = rows[1][2].encode()
    assert some_name not in raw and b"preferred_name" not in raw


@pytest.mark.skipif(shutil.which("7z") is None, reason="7-Zip (p7zip-full) is not installed")
def test_7zip_opens_it_with_the_passphrase(demo_vault, tmp_path):
    result = export_as(demo_vault, DEMO_LEAD, tmp_path / "centre.zip")
    listing = subprocess.run(["7z", "l", "-slt", str(result.path)], capture_output=True,
                             text=True, check=True).stdout
    assert "Method = AES-256 Deflate" in listing
    out = tmp_path / "out"
    done = subprocess.run(["7z", "x", f"-p{PASSPHRASE}", f"-o{out}", str(result.path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "casework" / "peer.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    refused = subprocess.run(["7z", "t", "-pwrong-passphrase-here", str(result.path)],
                             capture_output=True, text=True)
    assert refused.returncode != 0


# -- the files ------------------------------------------------------------------------------

def test_csv_cells_that_would_run_as_formulas_are_defused_and_json_is_exact(demo_vault,
                                                                            tmp_path):
    formula = '=HYPERLINK("http://x","click")'
    with signed_in(demo_vault, DEMO_LEAD) as session, session.db.transaction():
        session.db.execute("UPDATE one_to_one_note SET notes = ?, next_steps = '-1+1' "
                           "WHERE session_id = 1", (formula,))
        session.db.execute("UPDATE peer SET birth_year = NULL WHERE id = 1")
    result = export_as(demo_vault, DEMO_LEAD, tmp_path / "centre.zip")
    archive = _open(result.path)
    notes = _csv(archive, "casework/one_to_one_note.csv")
    assert notes[1][:3] == ["1", "'" + formula, "'-1+1"]
    peer_rows = _csv(archive, "casework/peer.csv")
    assert peer_rows[1][5] == ""  # NULL is an empty cell
    assert peer_rows[1][12].count("-") == 2  # first_contact, ISO date
    lines = archive.read("centre.json").decode().splitlines()
    note = json.loads(next(line.rstrip(",") for line in lines
                           if line.startswith('{"session_id":1,')))
    assert note["notes"] == formula and note["next_steps"] == "-1+1"
    whole = json.loads("\n".join(lines))  # and it is one valid JSON document
    peer_table = next(t for t in whole["tables"] if t["table"] == "peer")
    assert peer_table["rows"][0]["birth_year"] is None
    assert isinstance(peer_table["rows"][0]["ref_number"], int)


def test_the_data_dictionary_describes_every_column_exported(demo_vault, tmp_path):
    result = export_as(demo_vault, DEMO_LEAD, tmp_path / "centre.zip")
    archive = _open(result.path)
    manifest = json.loads(archive.read("manifest.json"))
    described = {(r[1], r[2]): r for r in _csv(archive, "data-dictionary.csv")[1:]}
    for table in manifest["tables"]:
        assert described[(table["name"], "")][6]
        for column in table["columns"]:
            assert described[(table["name"], column)][6], (table["name"], column)
            assert "(no description)" not in described[(table["name"], column)][6]
    codes = {(r[0], r[1], r[2]): r[3] for r in _csv(archive, "codes.csv")[1:]}
    assert codes[("attendance", "mark", "apologies")]
    assert codes[("one_to_one", "mode", "in_person")]
    assert ("audit_event", "action", "exported") in codes
    # Every file is listed with its SHA-256.
    assert set(manifest["files"]) == set(archive.namelist()) - {"manifest.json"}


# -- the audit event, and nothing left behind -------------------------------------------------

def test_the_export_is_audited_without_a_path(demo_vault, tmp_path):
    folder = tmp_path / "Jordan's exports"
    folder.mkdir()
    export_as(demo_vault, DEMO_LEAD, folder / "centre.zip")
    with signed_in(demo_vault, DEMO_LEAD) as session:
        action, kind, target, detail, actor = session.db.query(
            "SELECT action, target_kind, target_id, detail, actor_id FROM audit_event "
            "WHERE action = 'exported' ORDER BY id DESC LIMIT 1")[0]
        lead_id = session.staff.id
    assert (action, kind, target, actor) == ("exported", "centre", "", lead_id)
    assert "tables" in detail and "Jordan" not in detail and "centre.zip" not in detail


def test_a_stopped_export_leaves_no_file_and_records_nothing(demo_vault, tmp_path):
    stop = threading.Event()
    seen = []
    out = tmp_path / "out"
    out.mkdir()

    def progress(step):
        seen.append(step)
        if step.done > 1000:
            stop.set()

    with signed_in(demo_vault, DEMO_LEAD) as session:
        before = session.db.scalar("SELECT count(*) FROM audit_event WHERE action='exported'")
        with pytest.raises(export.ExportCancelled):
            export.export_centre(session, out / "centre.zip", PASSPHRASE,
                                 progress=progress, cancel=stop)
        after = session.db.scalar("SELECT count(*) FROM audit_event WHERE action='exported'")
    assert after == before
    assert list(out.iterdir()) == []
    assert seen[0].total > 0 and all(s.done <= s.total for s in seen)


@pytest.mark.parametrize(("phrase", "confirm", "field"), [
    ("short phrase", "short phrase", "passphrase"),
    ("aaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaa", "passphrase"),
    ("a long export passphrase", "a long export passphrasE", "confirm"),
])
def test_passphrase_rules(demo_vault, tmp_path, phrase, confirm, field):
    with signed_in(demo_vault, DEMO_LEAD) as session, pytest.raises(ValidationError) as bad:
        export.export_centre(session, tmp_path / "x.zip", phrase, confirm)
    assert bad.value.field == field
    assert list(tmp_path.glob("*.zip*")) == []


def test_an_existing_file_is_not_written_over_unless_asked(demo_vault, tmp_path):
    target = tmp_path / "centre.zip"
    target.write_bytes(b"something else")
    with signed_in(demo_vault, DEMO_LEAD) as session:
        with pytest.raises(ValidationError):
            export.export_centre(session, target, PASSPHRASE)
        assert target.read_bytes() == b"something else"
        export.export_centre(session, target, PASSPHRASE, replace=True)
    assert zipfile.is_zipfile(target)


# -- refusals on import -------------------------------------------------------------------------

@pytest.fixture
def exported(demo_vault, tmp_path):
    return export_as(demo_vault, DEMO_LEAD, tmp_path / "centre.zip").path


def _new(tmp_path, name="new"):
    return VaultPaths.at(tmp_path / name / "centre.peerdesk")


def test_a_wrong_passphrase_is_refused_and_makes_no_vault(exported, tmp_path):
    new = _new(tmp_path)
    with pytest.raises(WrongCredentials, match="passphrase"):
        import_into(exported, new, passphrase="not the right passphrase")
    assert not new.exists()


def test_a_damaged_zip_is_refused_and_makes_no_vault(exported, tmp_path):
    data = bytearray(exported.read_bytes())
    data[len(data) // 2] ^= 0x01
    exported.write_bytes(bytes(data))
    new = _new(tmp_path)
    with pytest.raises(export.PeerDeskError, match="damaged"):
        import_into(exported, new)
    assert not new.exists()


def test_a_cut_short_zip_is_refused(exported, tmp_path):
    exported.write_bytes(exported.read_bytes()[: exported.stat().st_size // 3])
    with pytest.raises(export.PeerDeskError, match=r"damaged|not a PeerDesk"):
        import_into(exported, _new(tmp_path))


def _rewrite(path, change, passphrase=PASSPHRASE):
    """Rewrite the export with `change(name, bytes) -> bytes`, encrypted as before
    (what someone holding the passphrase could do)."""
    source = _open(path, passphrase)
    entries = [(n, source.read(n)) for n in source.namelist()]
    source.close()
    path.unlink()
    with pyzipper.AESZipFile(path, "w", compression=pyzipper.ZIP_DEFLATED,
                             encryption=pyzipper.WZ_AES) as out:
        out.setpassword(passphrase.encode())
        for name, data in entries:
            out.writestr(name, change(name, data))


def test_an_export_from_a_newer_peerdesk_is_refused(exported, tmp_path):
    def newer(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["format_version"] = export.FORMAT_VERSION + 1
        manifest["peerdesk_version"] = "99.0"
        return json.dumps(manifest).encode()

    _rewrite(exported, newer)
    with pytest.raises(export.PeerDeskError, match=r"newer PeerDesk \(99.0\)"):
        import_into(exported, _new(tmp_path))


def test_an_export_of_a_newer_schema_is_refused(exported, tmp_path):
    def newer(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["databases"]["casework"] += 1
        return json.dumps(manifest).encode()

    _rewrite(exported, newer)
    with pytest.raises(export.PeerDeskError, match="newer PeerDesk"):
        import_into(exported, _new(tmp_path))


def test_a_changed_file_is_refused_even_with_the_passphrase(exported, tmp_path):
    _rewrite(exported, lambda name, data: data.replace(b"Okafor", b"Okafov")
             if name == "centre.json" else data)
    new = _new(tmp_path)
    with pytest.raises(export.PeerDeskError, match="damaged"):
        import_into(exported, new)
    assert not new.exists()


def test_an_old_audit_event_changed_and_rehashed_in_the_files_is_refused(exported, tmp_path):
    """Someone with the passphrase edits an old audit event and fixes every
    SHA-256 in the manifest: the old log's own chain and signatures catch it."""
    import hashlib

    def edit(name, data):
        if name == "centre.json":
            text = data.decode()
            start = text.index('{"id":3,"at":')
            end = text.index("\n", start)
            row = json.loads(text[start:end].rstrip(","))
            row["detail"] = "nothing happened here"
            text = text[:start] + json.dumps(row, ensure_ascii=False, separators=(",", ":")) + (
                "," if text[start:end].endswith(",") else "") + text[end:]
            return text.encode()
        return data

    _rewrite(exported, edit)
    source = _open(exported)
    entries = {n: source.read(n) for n in source.namelist()}
    manifest = json.loads(entries["manifest.json"])
    manifest["files"]["centre.json"] = hashlib.sha256(entries["centre.json"]).hexdigest()
    _rewrite(exported, lambda name, data: json.dumps(manifest).encode()
             if name == "manifest.json" else data)
    new = _new(tmp_path)
    with pytest.raises(export.PeerDeskError, match=r"audit log .* does not check out"):
        import_into(exported, new)
    assert not new.exists()


def test_the_account_named_must_be_an_administrator_in_the_export(exported, tmp_path):
    for name, message in ((DEMO_LEAD, "administrator"), ("Nobody Here", "no account")):
        with pytest.raises(ValidationError, match=message):
            import_into(exported, _new(tmp_path), account=name)
    assert not _new(tmp_path).exists()


def test_an_existing_vault_is_never_written_over(exported, vault):
    before = vault.database.read_bytes()
    with pytest.raises(export.PeerDeskError):
        import_into(exported, vault)
    assert vault.database.read_bytes() == before
