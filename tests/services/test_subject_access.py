"""Subject access export: the person's whole record as a PDF, theirs alone, audited."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PeerDeskError, PermissionDenied
from peerdesk.reports.subject_access_pdf import GENERIC_TITLE
from peerdesk.services import casework, peers, subject_access
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from tests.fixtures.vaults import close, sign_in

from .caseload_helpers import TODAY, one_to_one
from .erasure_helpers import full_record, group_meeting


@pytest.fixture
def lead(vault: VaultPaths) -> Iterator[Session]:
    session = sign_in(vault, "Lee Lead")
    yield session
    close(session)


def _text(path: Path) -> str:
    reader = PdfReader(path)
    # Paragraphs wrap where they like: compare with the line breaks taken out.
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _resolve(obj: object) -> object:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def test_the_export_holds_their_record_and_nobody_elses(lead: Session, tmp_path: Path) -> None:
    meeting = group_meeting(lead)
    theirs = full_record(lead, "velmira", meeting_id=meeting)
    other = full_record(lead, "dostrand", meeting_id=meeting)
    path = tmp_path / "record.pdf"

    pages = subject_access.export_pdf(lead, theirs.peer_id, path, today=TODAY)

    text = _text(path)
    lowered = text.casefold()
    for word in theirs.words:
        assert word.casefold() in lowered, word
    for heading in ("Your details", "How you asked to be contacted", "Consent",
                    "One-to-one sessions (3)", "Follow-ups", "Referrals", "Ratings",
                    "Group attendance", "Thursday circle", "Lee Lead"):
        assert heading in text, heading
    assert not any(word.casefold() in lowered for word in other.words)
    assert f"page {pages} of {pages}" in text
    assert not list(tmp_path.glob(".*partial"))

    event = audit_repo.recent(lead.db, limit=1)[0]
    assert (event.action, event.target_kind, event.target_id) == (
        AuditAction.EXPORTED, "peer", str(theirs.peer_id))
    assert not any(word.casefold() in event.detail.casefold() for word in theirs.words)


def test_metadata_is_blank_but_a_generic_title_and_every_font_is_embedded(
        lead: Session, tmp_path: Path) -> None:
    record = full_record(lead, "orlavin")
    path = tmp_path / "record.pdf"
    subject_access.export_pdf(lead, record.peer_id, path, today=TODAY)
    reader = PdfReader(path)
    info = {k: str(v) for k, v in reader.trailer["/Info"].get_object().items()}
    assert info.pop("/Title") == GENERIC_TITLE
    assert info.pop("/CreationDate").startswith("D:20000101000000")
    assert info.pop("/ModDate").startswith("D:20000101000000")
    info.pop("/Trapped", None)
    assert info == {"/Author": "", "/Creator": "", "/Producer": "", "/Subject": "",
                    "/Keywords": ""}
    assert "/Metadata" not in reader.trailer["/Root"]
    seen = 0
    for page in reader.pages:
        fonts = _resolve(_resolve(page["/Resources"]).get("/Font", {}))
        for ref in fonts.values():
            font = _resolve(ref)
            targets = ([_resolve(d) for d in font["/DescendantFonts"]]
                       if font["/Subtype"] == "/Type0" else [font])
            for target in targets:
                assert "/FontFile2" in _resolve(target["/FontDescriptor"])
                seen += 1
    assert seen >= 2
    raw = path.read_bytes()
    for standard in (b"/Helvetica", b"/Times", b"/Courier"):
        assert standard not in raw
    assert str(tmp_path).encode() not in raw


def test_a_record_with_hundreds_of_sessions_and_long_notes_exports(
        lead: Session, tmp_path: Path) -> None:
    record = full_record(lead, "tamsook")
    long_note = " ".join(["A long conversation about housing and safety."] * 120
                         + ["lastwordofthenote"])
    for day in range(300):
        casework.log_session(lead, one_to_one(
            record.peer_id, lead.staff.id, held_on=date(2025, 1, 1).fromordinal(
                date(2025, 1, 1).toordinal() + day),
            notes=long_note if day % 50 == 0 else f"session number {day}"), today=TODAY)
    path = tmp_path / "big.pdf"
    pages = subject_access.export_pdf(lead, record.peer_id, path, today=TODAY)
    assert pages > 20
    text = _text(path)
    assert "One-to-one sessions (303)" in text
    assert text.count("lastwordofthenote") == 6
    numbers = {int(n) for n in re.findall(r"session number (\d+)", text)}
    assert numbers == {d for d in range(300) if d % 50}


def test_a_failed_write_leaves_nothing_and_records_no_export(lead: Session,
                                                             tmp_path: Path) -> None:
    record = full_record(lead, "brisvane")
    before = audit_repo.recent(lead.db, limit=1)[0].id
    with pytest.raises(PeerDeskError) as failed:
        subject_access.export_pdf(lead, record.peer_id, tmp_path / "missing" / "r.pdf",
                                  today=TODAY)
    assert "Nothing was saved" in failed.value.user_message or "Choose another" in (
        failed.value.user_message)
    # Preparing it was a view of the record (audited); no export is recorded.
    after = [(e.action, e.detail) for e in audit_repo.recent(lead.db, limit=5) if e.id > before]
    assert after == [(AuditAction.VIEWED, "subject access export prepared")]


def test_preparing_an_export_and_previewing_an_erasure_are_audited(lead: Session) -> None:
    """Issue 12 item 7: both read a whole record and left no trace."""
    from peerdesk.services import erasure

    record = full_record(lead, "tamsvell")
    subject_access.prepare(lead, record.peer_id, today=TODAY)
    erasure.preview(lead, record.peer_id)
    events = audit_repo.recent(lead.db, limit=2)
    assert [(e.action, e.target_id, e.detail) for e in reversed(events)] == [
        (AuditAction.VIEWED, str(record.peer_id), "subject access export prepared"),
        (AuditAction.VIEWED, str(record.peer_id), "erasure previewed")]


@pytest.mark.parametrize("name", ["Cal Worker", "Pia Peer", "Ada Admin"])
def test_only_a_programme_lead_may_export(vault: VaultPaths, tmp_path: Path, name: str) -> None:
    lead = sign_in(vault, "Lee Lead")
    record = full_record(lead, "quorrin")
    close(lead)
    other = sign_in(vault, name)
    try:
        assert not subject_access.can_export(other)
        with pytest.raises(PermissionDenied):
            subject_access.export_pdf(other, record.peer_id, tmp_path / "r.pdf", today=TODAY)
        assert not (tmp_path / "r.pdf").exists()
    finally:
        close(other)


def test_preparing_on_a_connection_of_its_own(lead: Session, tmp_path: Path) -> None:
    record = full_record(lead, "selkarn")
    connection = lead.vault.connect()
    try:
        prepared = subject_access.prepare(lead, record.peer_id, db=connection, today=TODAY)
    finally:
        connection.close()
    assert prepared.ref == peers.open_page(lead, record.peer_id).peer.ref
    assert subject_access.save(lead, prepared, tmp_path / "r.pdf") == prepared.pages
    assert "selkarnnoteword" in _text(tmp_path / "r.pdf")


def test_deleted_ratings_and_every_correction_with_its_reason_are_in_the_export(
        lead: Session, tmp_path: Path) -> None:
    from peerdesk.domain.outcomes import ONS4, RatingDraft

    record = full_record(lead, "marvollen")
    first = casework.add_rating(lead, RatingDraft(record.peer_id, lead.staff.id, ONS4,
                                                  date(2026, 5, 1), (2, 2, 2, 2)), today=TODAY)
    second = casework.add_rating(lead, RatingDraft(record.peer_id, lead.staff.id, ONS4,
                                                   date(2026, 6, 1), (9, 9, 9, 1)), today=TODAY)
    casework.correct_rating(lead, first, RatingDraft(record.peer_id, lead.staff.id, ONS4,
                                                     date(2026, 5, 2), (4, 5, 6, 7)),
                            "typed into the wrong boxes", today=TODAY)
    casework.delete_rating(lead, second, "recorded against the wrong person")
    path = tmp_path / "record.pdf"

    subject_access.export_pdf(lead, record.peer_id, path, today=TODAY)

    text = _text(path)
    assert "Corrections and deletions of your ratings" in text
    # The values in use, the deleted rating (marked), and both earlier versions with why.
    assert "2026-05-02" in text and "4 · 5 · 6 · 7" in text
    assert "Corrected" in text and "Deleted" in text
    assert "typed into the wrong boxes" in text
    assert "recorded against the wrong person" in text
    assert "2026-05-01" in text and "(total 8)" in text   # before the correction
    assert "2026-06-01" in text and "(total 28)" in text  # the deleted one, as it was


def test_signposts_and_a_call_back_that_led_to_their_record_are_in_the_export(
        lead: Session, tmp_path: Path) -> None:
    from dataclasses import replace

    from peerdesk.domain.callbacks import CallbackDraft, CallbackRoute
    from peerdesk.domain.directory import DirectoryEntryDraft
    from peerdesk.services import became_peer, callbacks, directory
    from peerdesk.services import listening_settings as settings
    from peerdesk.services.became_peer import Source

    cats = {i.name: i.id for i in settings.items(lead, settings.ListKind.CATEGORY)}
    entry = directory.add(lead, DirectoryEntryDraft("Quillmoor Housing Advice",
                                                    (cats["Housing"],), all_regions=True))
    callback_id = callbacks.add(lead, CallbackDraft(
        received_on=date(2026, 11, 2), route=CallbackRoute.SOCIAL_MEDIA, reach="@quillrae",
        agreed=True), today=TODAY)
    peer_id = became_peer.became_peer(
        lead, Source(callback_id=callback_id),
        replace(became_peer.prefill(lead, Source(callback_id=callback_id), today=TODAY),
                preferred_name="Rae"), today=TODAY)
    casework.log_session(lead, one_to_one(peer_id, lead.staff.id, held_on=date(2026, 11, 10),
                                          signposts=(entry,)), today=TODAY)
    path = tmp_path / "record.pdf"

    subject_access.export_pdf(lead, peer_id, path, today=TODAY)

    text = _text(path)
    assert "Pointed to Quillmoor Housing Advice" in text
    assert "Asking us to call you back" in text
    assert "2026-11-02 Social media chat" in text
    assert "@quillrae" not in text  # erased when they became a peer, and said so
    assert "Erased" in text


def test_every_casework_table_about_a_peer_is_in_the_export(lead: Session) -> None:
    """A table holding a peer's id, or hanging off one that does, must be exported to them."""
    about_a_peer: set[str] = set()
    names = [str(r[0]) for r in lead.db.query(
        "SELECT name FROM casework.sqlite_master WHERE type = 'table'")]
    found = True
    while found:
        found = False
        for name in names:
            if name in about_a_peer:
                continue
            columns = {str(r[1]) for r in lead.db.query(
                f"SELECT * FROM pragma_table_info('{name}', 'casework')")}
            parents = {str(r[2]) for r in lead.db.query(
                f"SELECT * FROM pragma_foreign_key_list('{name}', 'casework')")}
            if name == "peer" or "peer_id" in columns or parents & about_a_peer:
                about_a_peer.add(name)
                found = True
    assert {"peer", "rating_change", "callback", "callback_reach"} <= about_a_peer
    assert about_a_peer <= subject_access.PEER_TABLES, about_a_peer - subject_access.PEER_TABLES
