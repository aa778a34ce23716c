"""The signposting directory: searched as you type, checked every year, never losing
what contacts and referrals pointed to; referrals pick from it."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from peerdesk.domain.directory import DirectoryEntryDraft
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.referral import ReferralDestination, ReferralDraft
from peerdesk.services import casework, directory, peers
from peerdesk.services import listening_settings as settings
from peerdesk.services.session import Session
from peerdesk.storage.paths import VaultPaths
from tests.fixtures.vaults import close, sign_in

from .caseload_helpers import peer
from .listening_helpers import TODAY, Lists, lists, log


@pytest.fixture
def named(lead: Session) -> Lists:
    return lists(lead)


def _names(entries: list[directory.StoredEntry]) -> list[str]:
    return [e.draft.name for e in entries]


def test_searched_as_you_type_by_name_category_and_region(lead: Session, named: Lists) -> None:
    assert _names(directory.search(lead, "n")) == ["Night Line"]
    assert _names(directory.search(lead, "riv")) == ["Riverside Law Centre"]
    assert _names(directory.search(lead, "leg")) == ["Riverside Law Centre"]  # a category
    assert _names(directory.search(lead, "eastm")) == ["Riverside Law Centre"]  # a region
    # Serving a region: those that name it and the national ones.
    assert _names(directory.search(lead, region_id=named.east)) == ["Night Line",
                                                                    "Riverside Law Centre"]
    assert _names(directory.search(lead, region_id=named.north)) == ["Night Line"]
    assert _names(directory.search(lead, category_id=named.categories["Legal"])) == [
        "Riverside Law Centre"]
    # A renamed category is found by its new name.
    settings.rename_item(lead, settings.ListKind.CATEGORY, named.categories["Legal"],
                         "Legal advice and rights")
    assert _names(directory.search(lead, "rights")) == ["Riverside Law Centre"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("email", "help@example", "doesn't look right: write it like help@example.org"),
    ("email", "help at example.org", "doesn't look right"),
    ("website", "not a website", "doesn't look right: write it like www.example.org"),
    ("website", "ftp://files.example.org", "doesn't look right"),
    ("phone", "call reception", "use digits, spaces and + - ( ) only"),
    ("name", "", "Give the service's name"),
])
def test_malformed_details_get_a_message_at_their_field(lead: Session, field: str, value: str,
                                                        message: str) -> None:
    fields = {"name": "A service", field: value}
    with pytest.raises(ValidationError, match=re.escape(message)) as caught:
        directory.add(lead, DirectoryEntryDraft(**fields), today=TODAY)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert directory.search(lead) == []


def test_entries_not_checked_for_a_year_are_due_for_review(lead: Session) -> None:
    fresh = directory.add(lead, DirectoryEntryDraft("Fresh", last_checked=date(2026, 6, 1)),
                          today=TODAY)
    stale = directory.add(lead, DirectoryEntryDraft("Stale", last_checked=date(2025, 9, 1)),
                          today=TODAY)
    never = directory.add(lead, DirectoryEntryDraft("Never"), today=TODAY)
    assert [e.id for e in directory.due_for_review(lead, today=TODAY)] == [never, stale]
    directory.mark_checked(lead, stale, today=TODAY)
    assert [e.id for e in directory.due_for_review(lead, today=TODAY)] == [never]
    assert fresh not in [e.id for e in directory.due_for_review(lead, today=TODAY)]


def test_an_entry_in_use_is_archived_not_deleted(lead: Session, named: Lists) -> None:
    log(lead, signposts=(named.night_line,))
    with pytest.raises(ValidationError, match="Archive it instead"):
        directory.delete(lead, named.night_line)
    directory.archive(lead, named.night_line, today=TODAY)
    assert _names(directory.search(lead)) == ["Riverside Law Centre"]
    assert "Night Line" in _names(directory.search(lead, include_archived=True))
    with pytest.raises(ValidationError, match="no longer in the directory"):
        log(lead, signposts=(named.night_line,))
    directory.delete(lead, named.law_centre)  # nothing points to it
    assert directory.search(lead, include_archived=True)[0].draft.name == "Night Line"


def test_a_referral_picks_a_service_from_the_directory_or_names_one(lead: Session,
                                                                    named: Lists) -> None:
    peer_id = peers.create(lead, peer("Sunny"), today=TODAY)
    picked = casework.add_referral(lead, ReferralDraft(
        peer_id, TODAY, ReferralDestination.AGENCY, "Riverside Law Centre",
        directory_entry_id=named.law_centre), today=TODAY)
    typed = casework.add_referral(lead, ReferralDraft(
        peer_id, TODAY, ReferralDestination.AGENCY, "A friend's solicitor"), today=TODAY)
    stored = {r.id: r.draft for r in peers.open_page(lead, peer_id).referrals}
    assert stored[picked].directory_entry_id == named.law_centre
    assert stored[typed].directory_entry_id is None
    assert stored[typed].destination_name == "A friend's solicitor"
    with pytest.raises(ValidationError, match="Archive it instead"):
        directory.delete(lead, named.law_centre)


def test_a_one_page_list_for_a_region_and_a_need(lead: Session, named: Lists,
                                                 tmp_path) -> None:
    sheet = directory.handout(lead, region_id=named.east,
                              category_id=named.categories["Legal"], today=TODAY)
    assert sheet.title == "Legal: where to find help in Eastmarsh"
    assert [e.name for e in sheet.entries] == ["Riverside Law Centre"]
    pages = directory.save_handout(lead, sheet, tmp_path / "legal.pdf")
    assert pages == 1
    reader = PdfReader(tmp_path / "legal.pdf")
    text = reader.pages[0].extract_text()
    assert "Riverside Law Centre" in text and "help@law.example.org" in text
    assert "Night Line" not in text  # a crisis line, not legal
    assert reader.metadata is not None and reader.metadata.get("/Author", "") == ""


def test_the_directory_is_for_casework_roles_only(vault: VaultPaths) -> None:
    admin = sign_in(vault, "Ada Admin")
    try:
        with pytest.raises(PermissionDenied):
            directory.search(admin)
        with pytest.raises(PermissionDenied):
            directory.add(admin, DirectoryEntryDraft("X"), today=TODAY)
    finally:
        close(admin)
