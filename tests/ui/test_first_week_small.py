"""Issue 14 item 10: dialog titles, plurals, and the Reports heading like every other page's."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from peerdesk.services import groups
from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.ui.groups.dialogs import GroupDialog, MeetingDialog
from peerdesk.ui.peers.record_requests import EraseDialog
from peerdesk.ui.reports.reports_page import ReportsPage
from peerdesk.ui.today.today_page import TodayPage
from tests.services.erasure_helpers import full_record
from tests.ui.conftest import sign_in
from tests.ui.groups_helpers import group_with
from tests.ui.peers_helpers import signed_in


def test_group_and_meeting_dialogs_say_what_they_are_and_name_no_group(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        group_id, _members, _meeting = group_with(cal, ["Amara"], name="Harbour circle")
        group = groups.get_group(cal, group_id)
        titles = []
        for dialog in (GroupDialog(cal), GroupDialog(cal, group), MeetingDialog(cal, group),
                       MeetingDialog(cal, group, series=True)):
            qtbot.addWidget(dialog)
            titles.append(dialog.windowTitle())
        assert titles == ["Add a group", "Change group", "Schedule a meeting",
                          "Schedule a series of meetings"]
        assert all("Harbour" not in t and t != "PeerDesk" for t in titles)


def test_the_erase_dialog_counts_one_of_each_in_the_singular(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        record = full_record(lead, "singulo")
        dialog = EraseDialog(lead, record.peer_id)
        qtbot.addWidget(dialog)
        text = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "1 referral," in text and "1 referrals" not in text
        assert "1 consent record," in text and "1 rating," in text
        assert "3 one-to-one sessions with their notes" in text
        assert "0 attendance marks" in text


def test_the_reports_heading_is_the_size_and_place_of_todays(qtbot, start_gui, demo_vault):
    gui = start_gui(demo_vault)
    sign_in(qtbot, gui.sign_in_window, DEMO_LEAD, DEMO_PASSWORD)
    window = gui.main_window
    window.show_page("Today")
    today = window.pages["Today"]
    assert isinstance(today, TodayPage)
    today_heading = next(label for label in today.findChildren(QLabel) if label.text() == "Today")
    window.show_page("Reports")
    reports = window.pages["Reports"]
    assert isinstance(reports, ReportsPage)
    qtbot.waitUntil(reports.heading.isVisible)
    assert reports.heading.font().pointSize() == today_heading.font().pointSize()
    assert reports.heading.font().bold()
    at_reports = reports.heading.mapTo(reports, reports.heading.rect().topLeft())
    at_today = today_heading.mapTo(today, today_heading.rect().topLeft())
    assert at_reports.x() == at_today.x()
    assert abs(at_reports.y() - at_today.y()) <= 8


def test_the_main_window_fits_a_laptop_screen_with_every_page(qtbot, start_gui, demo_vault):
    """Every page as the demo's programme lead (Today with every section, Admin with its
    retention notes): none may make the window wider or taller than a 1366×768 laptop's
    screen (it was 2,027×1,098: an unwrapped note and Today's sections side by side)."""
    gui = start_gui(demo_vault)
    sign_in(qtbot, gui.sign_in_window, DEMO_LEAD, DEMO_PASSWORD)
    window = gui.main_window
    for title in window.pages:
        window.show_page(title)
    needed = window.minimumSizeHint()
    assert needed.width() <= 1280 and needed.height() <= 700, needed
    window.resize(1280, 700)
    qtbot.waitUntil(lambda: window.width() <= 1280 and window.height() <= 700)
