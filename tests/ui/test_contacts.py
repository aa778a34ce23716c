"""The listening service on screen: real widgets on a real vault, driven by keyboard."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerdesk.domain.directory import DirectoryEntryDraft
from peerdesk.domain.listening import Channel, ContactDraft, KnownCallerDraft, Outcome, Returning
from peerdesk.domain.referral import ReferralDestination
from peerdesk.reports import figures
from peerdesk.reports.period import Period
from peerdesk.services import directory, drafts, known_callers, listening, peers
from peerdesk.services import listening_settings as settings
from peerdesk.services.listening import ContactFilter
from peerdesk.ui.contacts.became_peer_dialog import BecamePeerDialog
from peerdesk.ui.contacts.caller_dialogs import CallerPageDialog, KnownCallerDialog
from peerdesk.ui.contacts.contact_dialog import ContactDialog
from peerdesk.ui.drafts import keep_open_forms
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.peers.record_dialogs import ReferralDialog
from tests.ui.peers_helpers import focused, press, signed_in, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _lists(lead) -> tuple[int, int]:
    north = settings.add_item(lead, settings.ListKind.REGION, "Northvale")
    cats = {i.name: i.id for i in settings.items(lead, settings.ListKind.CATEGORY)}
    night = directory.add(lead, DirectoryEntryDraft("Night Line", (cats["Crisis line"],),
                                                    all_regions=True))
    return north, night


def _window(qtbot, session) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _visible(kind):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, f"expected one {kind.__name__}, found {len(found)}"
    return found[0]


def test_log_a_contact_by_keyboard_alone(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        north, night = _lists(lead)
        window = _window(qtbot, lead)
        # From anywhere: Ctrl+L locks, so the contact form is Ctrl+Shift+C.
        window.show_page("Groups")
        qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)
        dialog = _visible(ContactDialog)
        qtbot.waitUntil(dialog.isActiveWindow)
        assert dialog.windowTitle() == "Log a contact"
        assert focused() is dialog.minutes  # when (now), channel (phone) are filled in
        type_text(qtbot, "40")
        press(qtbot, Qt.Key.Key_Tab)  # taken by: the signed-in person
        assert focused() is dialog.taken_by
        press(qtbot, Qt.Key.Key_Tab)  # region: Not known -> Northvale
        press(qtbot, Qt.Key.Key_Down)
        assert dialog.region.currentData() == north
        press(qtbot, Qt.Key.Key_Tab)  # in touch before: Not known -> Been in touch before
        press(qtbot, Qt.Key.Key_Up)
        press(qtbot, Qt.Key.Key_Tab)  # known caller
        press(qtbot, Qt.Key.Key_Tab)  # the button to add one
        press(qtbot, Qt.Key.Key_Tab)  # topics: tick the first
        assert focused() is dialog.topics
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Tab, times=6)  # through the five outcomes (listened is ticked)
        assert focused() is dialog.services.search
        type_text(qtbot, "night")  # found in the directory as you type
        assert dialog.services.matches.count() == 1
        press(qtbot, Qt.Key.Key_Return)  # adds it, and does not save the form
        assert dialog.isVisible() and dialog.services.ids() == (night,)
        assert dialog.outcomes[Outcome.SIGNPOSTED].isChecked()
        press(qtbot, Qt.Key.Key_Tab)  # safety concern
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "Gave the crisis line number.")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.notes
        type_text(qtbot, "Could not sleep; talked it through.")
        press(qtbot, Qt.Key.Key_Return, CTRL)
        assert not dialog.isVisible()
        [contact_id] = listening.find(lead, ContactFilter())
        stored = listening.get_contact(lead, contact_id).draft
        assert (stored.minutes, stored.channel, stored.region_id, stored.returning) == (
            40, Channel.PHONE, north, Returning.RETURNING)
        assert stored.signposts == (night,) and len(stored.topic_ids) == 1
        assert stored.outcomes == Outcome.LISTENED | Outcome.SIGNPOSTED
        assert stored.safety_concern and stored.safety_action == "Gave the crisis line number."
        assert stored.taken_by == lead.staff.id
        # The Contacts page shows it.
        window.show_page("Contacts")
        qtbot.waitUntil(lambda: window.contacts_page.contacts.model.rowCount() == 1)


def test_bad_input_stays_at_its_field_and_saves_nothing(qtbot, vault):
    with signed_in(vault, "Cal Worker") as worker:
        dialog = ContactDialog(worker)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.minutes.setValue(0)
        dialog.accept()
        assert dialog.fields["minutes"].error.text() == "Duration must be at least one minute."
        dialog.minutes.setValue(800)
        dialog.accept()
        assert "more than 12 hours" in dialog.fields["minutes"].error.text()
        dialog.minutes.setValue(20)
        dialog.day.setText((date.today() + timedelta(days=1)).isoformat())
        dialog.accept()
        assert "can't be in the future" in dialog.fields["when"].error.text()
        assert dialog.isVisible() and listening.find(worker, ContactFilter()) == []
        # A note that holds a phone number is noticed (not refused).
        dialog.notes.setPlainText("said to text 07700 900123")
        assert dialog.notes_check.isVisible()
        assert "phone number" in dialog.notes_check.text()


def test_a_pasted_nickname_longer_than_allowed_is_said_so_not_cut(qtbot, vault):
    with signed_in(vault, "Pia Peer") as supporter:
        dialog = KnownCallerDialog(supporter)
        qtbot.addWidget(dialog)
        dialog.show()
        pasted = "The one who always texts on Tuesday evenings"  # 44 characters
        dialog.nickname.setText(pasted)
        assert dialog.nickname.text() == pasted  # nothing cut
        assert dialog.nickname_check.isVisible()
        assert "44 characters" in dialog.nickname_check.text()
        dialog.accept()
        assert "at most 40" in dialog.fields["nickname"].error.text()
        assert known_callers.search(supporter) == []
        dialog.nickname.setText("Tues 07700 900123")
        assert "phone number" in dialog.nickname_check.text()


def test_a_known_caller_becomes_a_peer_with_their_contacts_on_the_timeline(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        caller = known_callers.create(lead, KnownCallerDraft("Night owl"))
        this_month = date.today().replace(day=1)
        for day in (1, 2):
            listening.log_contact(lead, ContactDraft(
                this_month + timedelta(days=day - 1), time(1, 0), Channel.TEXT, 20,
                lead.staff.id, known_caller_id=caller))
        window = _window(qtbot, lead)
        page = window.contacts_page
        caller_page = page.open_caller(caller)
        assert isinstance(caller_page, CallerPageDialog)
        assert caller_page.model.rowCount() == 2
        caller_page.peer_button.click()
        dialog = _visible(BecamePeerDialog)
        assert dialog.first_contact.text() == this_month.isoformat()
        dialog.preferred_name.setText("Robin")
        dialog.accept()
        [peer_id] = peers.find(lead, peers.PeerFilter(text="Robin"))
        assert window.caseload.open_peer(peer_id)
        timeline = window.caseload.peers.peer_page.timeline
        contacts = [e for e in timeline.rows() if e.kind == "contact"]
        assert len(contacts) == 2 and all(e.what.startswith("Contact: Text message")
                                          for e in contacts)
        assert known_callers.search(lead) == []
        raw = figures.compute(lead.db, Period.month(this_month.year, this_month.month))
        # Counted once: two contacts, no one-to-one sessions made of them.
        assert raw.headlines["listening_contacts"] == 2
        assert raw.headlines["sessions"] == 0


def test_a_referral_picks_its_service_from_the_directory(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        _north, night = _lists(lead)
        peer_id = peers.create(lead, peers.PeerDraft(preferred_name="Sunny",
                                                     first_contact=date.today()))
        dialog = ReferralDialog(lead, peer_id)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        dialog.destination.setCurrentIndex(dialog.destination.findData(
            ReferralDestination.AGENCY.value))
        dialog.destination_name.setFocus()
        type_text(qtbot, "nig")
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.destination_name.entry_id == night
        assert dialog.destination_name.text() == "Night Line"
        dialog.accept()
        [stored] = peers.open_page(lead, peer_id).referrals
        assert (stored.draft.destination_name, stored.draft.directory_entry_id) == (
            "Night Line", night)


def test_the_region_and_topic_lists_are_edited_in_settings(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        window = _window(qtbot, lead)
        page = window.contacts_page
        dialog = page.open_settings()
        regions = dialog.regions
        regions.new_name.setText("Kestrel Bay")
        regions.add_button.click()
        dialog.topics.new_name.setText("Sleep")
        dialog.topics.add_button.click()
        assert [regions.items.item(i).text() for i in range(regions.items.count())] == [
            "Kestrel Bay"]
        dialog.topics.new_name.setText("sleep")
        dialog.topics.add_button.click()
        assert "already a topic" in dialog.topics.error.text()
        # The contact form and the filters offer them at once.
        form = ContactDialog(lead)
        qtbot.addWidget(form)
        assert form.region.findText("Kestrel Bay") >= 0
        assert "Sleep" in [form.topics.item(i).text() for i in range(form.topics.count())]
        assert page.contacts.region.findText("Kestrel Bay") >= 0
        # Retiring an item takes it off new forms.
        regions.items.setCurrentRow(0)
        regions.retire_button.click()
        assert regions.items.item(0).text() == "Kestrel Bay (retired)"
        later = ContactDialog(lead)
        qtbot.addWidget(later)
        assert later.region.findText("Kestrel Bay") < 0


def test_administrators_see_no_contacts(qtbot, vault):
    with signed_in(vault, "Ada Admin") as admin:
        window = _window(qtbot, admin)
        assert "Contacts" not in window.pages
        assert not window.log_contact_action.isEnabled()
        assert window.log_contact() is None


def test_a_contact_being_typed_is_kept_across_a_lock(qtbot, vault):
    with signed_in(vault, "Cal Worker") as worker:
        dialog = ContactDialog(worker)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.notes.setPlainText("half-written")
        assert keep_open_forms(worker, [dialog]) == 1
        [kept] = drafts.pending(worker)
        assert kept.kind == drafts.CONTACT_FORM and kept.payload["notes"] == "half-written"
