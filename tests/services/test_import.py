"""Spreadsheet import: a good file goes in whole; any problem gives its line and imports nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.peer import ContactRoute, Gender, PeerStatus
from peerdesk.services import casework, importer, peers
from peerdesk.services.import_reader import ImportRefused
from peerdesk.services.peers import PeerFilter
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import close, sign_in
from tests.services.import_helpers import GOOD_ROWS, HEADERS, counts, row, write_csv

TEMPLATE = Path(__file__).resolve().parents[2] / "docs" / "import-template.csv"


@pytest.fixture
def lead(vault):
    session = sign_in(vault, "Lee Lead")
    yield session
    close(session)


def test_a_good_file_imports_whole(lead, tmp_path):
    path = write_csv(tmp_path / "old.csv", GOOD_ROWS)
    before = counts(lead)
    checked = importer.preview(lead, path)
    assert checked.ok, [str(p) for p in checked.problems]
    assert (checked.row_count, checked.peer_count, checked.session_count) == (4, 2, 3)
    result = importer.apply_import(lead, checked)
    assert (result.peers, result.sessions) == (2, 3)
    after = counts(lead)
    assert after[:2] == (before[0] + 2, before[1] + 3)
    assert after[2] == before[2] + 1

    [marisol] = peers.find(lead, PeerFilter(text="Quint"))
    page = peers.open_page(lead, marisol)
    details = page.peer.details
    assert details.preferred_name == "Marisol"
    assert details.birth_year == 1990 and details.gender is Gender.WOMAN
    assert details.contact_route is ContactRoute.WALK_IN
    assert page.peer.ref.startswith("P-")
    assert page.peer.last_contact == date(2024, 3, 5)
    assert [s.draft.minutes for s in page.sessions] == [60, 30, 45]
    assert all(s.draft.worker_id == lead.staff.id for s in page.sessions)
    [jory] = peers.find(lead, PeerFilter(text="Jory"))
    assert peers.open_page(lead, jory).peer.details.status is PeerStatus.PAUSED
    # The notes are searchable as typed ones are.
    assert [h.peer_id for h in casework.search_notes(lead, "housing")] == [marisol]

    event = next(e for e in audit_repo.recent(lead.db, limit=10)
                 if e.target_kind == "import")
    assert event.action is AuditAction.CREATED and event.actor_id == lead.staff.id
    assert "2 peers" in event.detail and "3 one-to-one sessions" in event.detail
    for secret in ("Marisol", "Quintero", "Jory", "A1", "old.csv"):
        assert secret not in event.detail


def test_imported_peers_get_the_next_reference_numbers(lead, tmp_path):
    from peerdesk.domain.peer import PeerDraft

    first = peers.create(lead, PeerDraft("Before", date(2025, 1, 1)))
    importer.apply_import(lead, importer.preview(lead, write_csv(tmp_path / "a.csv",
                                                                  GOOD_ROWS)))
    second = peers.create(lead, PeerDraft("After", date(2025, 1, 1)))
    refs = sorted(peers.rows(lead, peers.find(lead, PeerFilter())), key=lambda r: r.ref)
    assert [r.ref for r in refs] == ["P-0001", "P-0002", "P-0003", "P-0004"]
    assert {r.id: r.ref for r in refs}[first] == "P-0001"
    assert {r.id: r.ref for r in refs}[second] == "P-0004"


BAD = [
    (row(peer_key="X", preferred_name="Ann", first_contact="2024-02-30"),
     "line 2: first_contact: First contact date “2024-02-30” is not a real date."),
    (row(peer_key="X", preferred_name="Ann", first_contact="yesterday"),
     "line 2: first_contact: First contact date “yesterday” is not a date"),
    (row(peer_key="X", preferred_name="Ann", session_date="2024-01-01", mode="carrier pigeon",
         kind="intake", minutes="30"),
     "line 2: mode: Session mode “carrier pigeon” is not one of"),
    (row(peer_key="X", preferred_name="Ann", session_date="2024-01-01", mode="phone",
         kind="chat", minutes="30"),
     "line 2: kind: Session kind “chat” is not one of"),
    (row(peer_key="X", preferred_name="Ann", session_date="2024-01-01", mode="phone",
         kind="intake", minutes="-15"),
     "line 2: minutes: Duration must be at least one minute."),
    (row(peer_key="X", preferred_name="Ann", session_date="2024-01-01", mode="phone",
         kind="intake", minutes="30", notes="n" * 40_001),
     "line 2: notes: Notes can be at most 40,000 characters (this is 40,001)"),
    (row(peer_key="X", preferred_name="A" * 61, first_contact="2024-01-01"),
     "line 2: preferred_name: Preferred name or alias can be at most 60 characters (this is 61"),
    (row(peer_key="", preferred_name="Ann", first_contact="2024-01-01"),
     "line 2: peer_key: empty;"),
    (row(peer_key="X", first_contact="2024-01-01"),
     "line 2: preferred_name: missing;"),
    (row(peer_key="X", preferred_name="Ann", session_date="2024-01-01", mode="phone"),
     "line 2: kind: missing;"),
    (row(peer_key="X", preferred_name="Ann", first_contact="2099-01-01"),
     "line 2: first_contact: First contact date can't be in the future (2099-01-01)."),
    (row(peer_key="X", preferred_name="Ann", first_contact="2024-01-01", status="closed"),
     "line 2: Closed date: A closed record needs the date it was closed."),
    (row(peer_key="X", preferred_name="Ann", first_contact="2024-01-01", birth_year="1850"),
     "line 2: birth_year: Year of birth 1850 is not plausible"),
]


@pytest.mark.parametrize(("bad_row", "message"), BAD, ids=[m[8:30] for _, m in BAD])
def test_each_kind_of_error_gives_its_line_and_imports_nothing(lead, tmp_path, bad_row,
                                                               message):
    # The bad row comes after three good ones, so it is line 5 of the file.
    path = write_csv(tmp_path / "bad.csv", [*GOOD_ROWS[:3], bad_row])
    before = counts(lead)
    checked = importer.preview(lead, path)
    expected = message.replace("line 2:", "line 5:")
    assert not checked.ok
    assert any(str(p).startswith(expected) for p in checked.problems), \
        [str(p) for p in checked.problems]
    with pytest.raises(ImportRefused):
        importer.apply_import(lead, checked)
    assert counts(lead) == before


def test_a_peer_key_whose_details_conflict_is_refused(lead, tmp_path):
    rows = [row(peer_key="K", preferred_name="Ann", first_contact="2024-01-01",
                gender="woman"),
            row(peer_key="K", preferred_name="Anne", gender="female")]
    checked = importer.preview(lead, write_csv(tmp_path / "c.csv", rows))
    assert [str(p) for p in checked.problems] == [
        "line 3: preferred_name: differs from line 2 for the same peer key; one person's "
        "details must agree on every row."]


def test_headings_that_differ_are_mapped_and_the_mapping_can_be_changed(lead, tmp_path):
    headers = ["Client No", "Known As", "Start Date", "Seen", "Contact type", "Session Type",
               "Mins", "Comments", "Favourite colour"]
    rows = [["7", "Bo", "2024-01-01", "02/01/2024", "F2F", "Intake", "50", "hello",
             "blue"]]
    path = write_csv(tmp_path / "theirs.csv", rows, headers, delimiter=";")
    checked = importer.preview(lead, path)
    assert checked.format.delimiter == ";"
    assert checked.mapping["mode"] == 4 and checked.mapping["minutes"] == 6
    # "Client No" is not a known heading, and "Seen" isn't either: the person maps them.
    assert "peer_key" not in checked.mapping and not checked.ok
    assert any("Favourite colour" in str(n) for n in checked.notes)
    mapping = importer.mapping_from_names(checked.headers, {"peer_key": "client no",
                                                            "session_date": "Seen"},
                                          checked.mapping)
    fixed = importer.preview(lead, path, mapping)
    assert fixed.ok, [str(p) for p in fixed.problems]
    importer.apply_import(lead, fixed)
    [bo] = peers.find(lead, PeerFilter(text="Bo"))
    assert peers.open_page(lead, bo).sessions[0].draft.held_on == date(2024, 1, 2)


def test_windows_1252_and_bom_files_are_read(lead, tmp_path):
    rows = [row(peer_key="1", preferred_name="Zoë", first_contact="2024-01-01")]
    old = importer.preview(lead, write_csv(tmp_path / "w.csv", rows, encoding="cp1252"))
    assert old.ok and old.format.encoding == "cp1252"
    assert any("Windows-1252" in str(n) for n in old.notes)
    new = importer.preview(lead, write_csv(tmp_path / "u.csv", rows, encoding="utf-8-sig"))
    assert new.ok and not new.notes and new.headers[0] == "peer_key"
    importer.apply_import(lead, old)
    assert peers.find(lead, PeerFilter(text="Zoë"))


def test_excel_unicode_text_is_read(lead, tmp_path):
    rows = [row(peer_key="1", preferred_name="Zoë", first_contact="2024-01-01")]
    path = write_csv(tmp_path / "u16.txt", rows, delimiter="\t", encoding="utf-16")
    checked = importer.preview(lead, path)
    assert checked.ok and checked.format.delimiter == "\t"
    assert checked.first_rows[0][1] == "Zoë"


@pytest.mark.parametrize(("content", "words"), [
    (b"", "empty"),
    (b"\n\n  \n", "empty"),
    (b"\x00\x01\x02PK\x03\x04" * 50, "CSV"),
    (bytes(range(256)) * 20, "CSV"),
    (b"\n,,,\nA1,Ann\n", "first line"),
])
def test_files_that_are_not_a_sheet_are_refused(lead, tmp_path, content, words):
    path = tmp_path / "junk.csv"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=words):
        importer.preview(lead, path)


def test_a_file_of_data_without_headings_is_refused_at_line_1(lead, tmp_path):
    path = write_csv(tmp_path / "nohead.csv", [["A2", "Bo"]], ["A1", "Ann"])
    checked = importer.preview(lead, path)
    assert not checked.ok
    assert str(checked.problems[0]).startswith("line 1: ")


def test_formula_like_text_is_stored_as_plain_text(lead, tmp_path):
    formula = '=HYPERLINK("http://example.invalid","click")'
    rows = [row(peer_key="F", preferred_name="+Plus", first_contact="2024-01-01",
                session_date="2024-01-02", mode="phone", kind="intake", minutes="20",
                notes=formula)]
    importer.apply_import(lead, importer.preview(lead, write_csv(tmp_path / "f.csv", rows)))
    [peer_id] = peers.find(lead, PeerFilter(text="Plus"))
    page = peers.open_page(lead, peer_id)
    assert page.peer.details.preferred_name == "+Plus"
    assert page.sessions[0].draft.notes == formula


def test_a_file_changed_after_checking_is_not_imported(lead, tmp_path):
    path = write_csv(tmp_path / "a.csv", GOOD_ROWS)
    checked = importer.preview(lead, path)
    write_csv(path, [*GOOD_ROWS, row(peer_key="Z", preferred_name="Zed",
                                     first_contact="2024-01-01")])
    before = counts(lead)
    with pytest.raises(ImportRefused, match="changed"):
        importer.apply_import(lead, checked)
    assert counts(lead) == before


def test_workers_and_caseworkers_by_account_name(lead, tmp_path):
    headers = [*HEADERS, "worker", "caseworker"]
    rows = [[*row(peer_key="W", preferred_name="Wen", session_date="2024-01-02", mode="phone",
                  kind="intake", minutes="20"), "cal worker", "Cal Worker"],
            [*row(peer_key="V", preferred_name="Vi", first_contact="2024-01-01"), "",
             "Ada Admin"]]
    checked = importer.preview(lead, write_csv(tmp_path / "w.csv", rows, headers))
    assert [str(p) for p in checked.problems] == [
        "line 3: caseworker: this account can't be assigned peers (it must be an active "
        "caseworker, peer supporter or programme lead)."]
    importer.apply_import(lead, importer.preview(
        lead, write_csv(tmp_path / "w2.csv", rows[:1], headers)))
    [wen] = peers.find(lead, PeerFilter(text="Wen"))
    page = peers.open_page(lead, wen)
    assert page.sessions[0].worker_name == "Cal Worker"
    assert page.peer.details.caseworker_id == page.sessions[0].draft.worker_id


@pytest.mark.parametrize("name", ["Cal Worker", "Pia Peer", "Ada Admin"])
def test_only_programme_leads_may_import(vault, tmp_path, name):
    session = sign_in(vault, name)
    try:
        with pytest.raises(PermissionDenied):
            importer.preview(session, write_csv(tmp_path / "a.csv", GOOD_ROWS))
    finally:
        close(session)


def test_the_documented_template_imports(lead):
    checked = importer.preview(lead, TEMPLATE)
    assert checked.ok, [str(p) for p in checked.problems]
    assert not checked.notes  # every column of the template is a field
    assert checked.row_count >= 2
