"""Publication is a recorded act with a memory: releases, revisions, previews,
and what happens to releases in backups, restores and erasure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.peer import Gender
from peerdesk.reports.period import Period
from peerdesk.services import backups, erasure, peers, reports
from peerdesk.services.auth import SignIn
from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault
from tests.fixtures.vaults import ADMIN_NAME, PASSWORDS, close, sign_in, template, vault
from tests.reports.release_helpers import Reader, a_year, hidden_small
from tests.reports.test_release_attacks import people

__all__ = ["template", "vault"]

JAN = Period.month(2026, 1)
LISTENING = ("contacts_by_channel", "contacts_by_region", "contacts_by_topic",
             "contacts_first_time", "contacts_office_hours", "contacts_outcomes",
             "contacts_signposted", "first_sessions")


def _pdf_pages(report, tmp_path: Path, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    from peerdesk.reports.pdf import write_pdf

    path = tmp_path / name
    write_pdf(report, path)
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def test_a_preview_is_marked_on_every_page_and_records_nothing(lead: Session,
                                                               tmp_path: Path) -> None:
    people(lead, 30, date(2026, 1, 9))
    preview = reports.build(lead, JAN)
    pages = _pdf_pages(preview, tmp_path, "preview.pdf")
    assert len(pages) >= 2
    assert all("Preview — not for publication" in page for page in pages)
    assert "Release " not in "".join(pages)
    assert reports.release_history(lead) == []


def test_a_published_report_carries_its_release_on_every_page(lead: Session,
                                                              tmp_path: Path) -> None:
    people(lead, 30, date(2026, 1, 9))
    preview = reports.build(lead, JAN)
    done = reports.publish(lead, JAN)
    assert done.new and done.report.release_code == "2026-01 r1"
    pages = _pdf_pages(done.report, tmp_path, "release.pdf")
    assert all("Release 2026-01 r1" in page for page in pages)
    assert not any("Preview" in page for page in pages)
    assert "How these figures are protected" in pages[-1]
    # The preview showed exactly what was published.
    assert preview.headlines == done.report.headlines
    assert [h.code for h in reports.release_history(lead)] == ["2026-01 r1"]


def test_every_report_prints_the_audit_anchor_it_was_counted_at(lead: Session,
                                                                 tmp_path: Path) -> None:
    from peerdesk.reports.csv_writer import rows
    from peerdesk.storage import anchors

    people(lead, 12, date(2026, 1, 9))
    before = anchors.current(lead.db)
    preview = reports.build(lead, JAN)
    # The head as the figures were counted: the build's own audit event comes after.
    assert preview.anchor == before.printed
    assert anchors.current(lead.db).count == before.count + 1
    done = reports.publish(lead, JAN).report
    # Taken in the act of publishing: the head includes the publication's event.
    assert anchors.parse_printed(done.anchor).count == before.count + 2
    for report, name in ((preview, "preview.pdf"), (done, "release.pdf")):
        pages = _pdf_pages(report, tmp_path, name)
        assert all(f"audit {report.anchor}" in page for page in pages)
        assert ("", "release", "Audit anchor", "", f"audit {report.anchor}") in rows(report)
        assert anchors.contradiction(lead.db, anchors.parse_printed(report.anchor)) is None


def test_publishing_again_gives_the_same_release_byte_for_byte(lead: Session,
                                                              tmp_path: Path) -> None:
    people(lead, 12, date(2026, 1, 9))
    people(lead, 3, date(2026, 1, 10), gender=Gender.MAN)
    first = reports.publish(lead, JAN)
    again = reports.publish(lead, JAN)
    assert not again.new and again.report == first.report
    from peerdesk.reports.pdf import render_pdf

    assert render_pdf(again.report) == render_pdf(first.report)
    assert len(reports.release_history(lead)) == 1


def test_a_late_entry_comes_out_as_a_revision_and_the_first_release_stays(
        lead: Session) -> None:
    people(lead, 12, date(2026, 1, 9))
    first = reports.publish(lead, JAN).report
    people(lead, 1, date(2026, 1, 20))
    revised = reports.publish(lead, JAN)
    assert revised.new and revised.report.release_code == "2026-01 r2"
    assert "replaces 2026-01 r1" in revised.report.revision_note
    history = reports.release_history(lead)
    assert [h.code for h in history] == ["2026-01 r2", "2026-01 r1"]
    assert history[0].note == revised.report.revision_note
    from peerdesk.reports.stored import report_from_json

    stored = lead.db.scalar("SELECT printed FROM report_release WHERE code = '2026-01 r1'")
    assert report_from_json(str(stored)) == first


def test_revising_a_month_revises_its_published_quarter_with_it(lead: Session) -> None:
    for month in (1, 2, 3):
        people(lead, 15, date(2026, month, 9))
    reader = Reader(lead)
    reader.publish(JAN, Period.month(2026, 2), Period.month(2026, 3), Period.quarter(2026, 1))
    reader.changed()
    people(lead, 2, date(2026, 1, 21), gender=Gender.NON_BINARY)
    done = reports.publish(lead, JAN)
    assert done.revised == ("2026-Q1 r2",)
    reader.receive(done.report)
    reader.receive(reader._release("2026-Q1 r2"))
    assert reader.attack() == {}


def test_releases_survive_a_backup_and_a_restore(vault: VaultPaths, tmp_path: Path) -> None:
    lead = sign_in(vault, "Lee Lead")
    try:
        people(lead, 20, date(2026, 1, 9))
        published = reports.publish(lead, JAN).report
    finally:
        close(lead)
    admin = sign_in(vault, ADMIN_NAME)
    (tmp_path / "stick").mkdir()
    try:
        made = backups.back_up_now(admin, tmp_path / "stick")
    finally:
        close(admin)
    (tmp_path / "restored").mkdir()
    restored = backups.restore(made.path, tmp_path / "restored" / "r.peerdesk", "Lee Lead",
                               PASSWORDS["Lee Lead"])
    again = sign_in(restored.vault, "Lee Lead")
    try:
        assert [h.code for h in reports.release_history(again)] == ["2026-01 r1"]
        same = reports.publish(again, JAN)
        assert not same.new and same.report == published
    finally:
        close(again)


def test_erasure_leaves_released_figures_and_the_next_revision_protects_it(
        lead: Session) -> None:
    (gone,) = people(lead, 1, date(2026, 1, 7), gender=Gender.NON_BINARY)
    people(lead, 14, date(2026, 1, 8))
    reader = Reader(lead)
    (first,) = reader.publish(JAN)
    reader.changed()
    erasure.erase_peer(lead, gone, typed_ref=peers.open_page(lead, gone).peer.ref)
    stored = lead.db.scalar("SELECT printed FROM report_release WHERE code = '2026-01 r1'")
    from peerdesk.reports.stored import report_from_json

    assert report_from_json(str(stored)) == first  # released figures are left alone
    (revised,) = reader.publish(JAN)
    assert revised.release_code == "2026-01 r2"
    assert reader.attack() == {}


def test_only_programme_leads_publish(vault: VaultPaths) -> None:
    worker = sign_in(vault, "Cal Worker")
    try:
        with pytest.raises(PeerDeskError):
            reports.publish(worker, JAN)
    finally:
        close(worker)


def _demo_lead(paths: VaultPaths) -> Session:
    return SignIn(LockedVault.open(paths)).sign_in(DEMO_LEAD, DEMO_PASSWORD)


def test_the_demo_centres_quarter_with_a_revision_and_a_range(demo_vault: VaultPaths) -> None:
    lead = _demo_lead(demo_vault)
    try:
        year = int(str(lead.db.scalar("SELECT max(held_on) FROM one_to_one"))[:4]) - 1
        reader = Reader(lead)
        reader.publish(*(Period.month(year, m) for m in (4, 5, 6)),
                       Period.quarter(year, 2))
        reader.changed()
        people(lead, 1, date(year, 5, 12), gender=Gender.PREFER_NOT_TO_SAY)
        reader.publish(Period.month(year, 5))
        reader.publish(Period.custom(date(year, 4, 1), date(year, 5, 31)))
        # The listening service's tables hide small counts too, and none is found.
        assert hidden_small(reader, LISTENING) > 0
        assert reader.attack() == {}
    finally:
        close(lead)


@pytest.mark.slow
def test_the_demo_centres_year_with_revisions_withdrawals_and_a_range(
        demo_vault: VaultPaths) -> None:
    from peerdesk.domain.consent import ConsentDraft, ConsentScope
    from peerdesk.services import casework

    lead = _demo_lead(demo_vault)
    try:
        year = int(str(lead.db.scalar("SELECT max(held_on) FROM one_to_one"))[:4]) - 1
        reader = Reader(lead)
        reader.publish(*a_year(year))
        reader.changed()
        people(lead, 1, date(year, 1, 15), gender=Gender.NON_BINARY)
        reader.publish(Period.month(year, 1))
        reader.changed()
        someone = int(lead.db.scalar(
            "SELECT peer_id FROM one_to_one WHERE held_on BETWEEN ? AND ? LIMIT 1",
            (f"{year}-03-01", f"{year}-03-31")))
        consent = casework.add_consent(lead, ConsentDraft(someone, ConsentScope.STATISTICS,
                                                          date(year, 1, 1)))
        casework.withdraw_consent(lead, consent)
        reader.publish(Period.month(year, 3), Period.year(year))
        reader.publish(Period.custom(date(year, 7, 1), date(year, 12, 31)))
        assert hidden_small(reader, LISTENING) > 0
        assert reader.attack() == {}
    finally:
        close(lead)
