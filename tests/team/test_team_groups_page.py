"""The Groups tab of the team window (ui/team/groups_page.py), driven with qtbot
against the real test cluster: the list searched, sorted and opened; a meeting
added (refused offline, saying why); a register taken by keyboard online, one
taken offline into the outbox and sent when the server is back, one taken on
two PCs merged by person, and a mark corrected (audited); a peer supporter
sees only the groups they facilitate."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied
from peerdesk.services import team_groups
from peerdesk.services.team import OfflineEdit
from peerdesk.services.team_groups import OfflineMeeting
from peerdesk.storage.team.casework import TeamCasework, TeamPeer
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.groupwork import TeamGroupwork
from peerdesk.ui.groups.models import GroupColumn, MeetingColumn, RegisterColumn
from peerdesk.ui.team.groups_page import AS_READ, KEPT, SAVED, TeamMeetingDialog
from peerdesk.ui.team.team_window import TeamWindow
from tests.team.test_team_window import _audit, _screenshot, _wait_for_the_answer, _window

NEXT_WEEK = date.today() + timedelta(days=7)


@dataclass
class Groups:
    peers: dict[str, uuid.UUID]
    tuesday: uuid.UUID
    meeting: uuid.UUID          # 2026-04-07, the one whose register is taken


@pytest.fixture
def groups(joined_centre) -> Groups:
    """Three peers (Sunny the supporter's own), the Tuesday group the supporter
    facilitates (all three members; a meeting on 2026-04-07 and one next week)
    and a craft circle the caseworker runs, made by the set-up account."""
    centre = joined_centre
    cipher = FieldCipher(centre.casework_key, compartment="casework")
    made = {name: TeamPeer(uuid.uuid4(), n, name, date(2026, 1, 5), "walk_in",
                           supporter_id=centre.staff_ids["supporter"] if n == 3 else None)
            for n, name in enumerate(("Ash Tree", "Robin Example", "Sunny Día"), 1)}
    tuesday, craft, meeting = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with centre.server.connect(centre.database, autocommit=True) as conn:
        store, work = TeamCasework(conn, cipher), TeamGroupwork(conn, cipher)
        for peer in made.values():
            store.add_peer(peer)
        work.add_group(tuesday, "Tuesday group", (centre.staff_ids["supporter"],))
        work.add_group(craft, "Craft circle", (centre.staff_ids["caseworker"],),
                       kind="activity")
        for peer in made.values():
            work.add_member(tuesday, peer.id, date(2026, 1, 5))
        work.add_member(craft, made["Ash Tree"].id, date(2026, 1, 5))
        work.add_meeting(meeting, tuesday, date(2026, 4, 7))
        work.add_meeting(uuid.uuid4(), tuesday, NEXT_WEEK)
    return Groups({name: peer.id for name, peer in made.items()}, tuesday, meeting)


def _go_to_groups(qtbot, window: TeamWindow):
    window.activateWindow()  # its shortcuts are the active window's
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.tabs, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.groups and window.groups is not None
    assert window.groups.loaded
    assert window.groups.list_page.search.hasFocus()         # type to search
    return window.groups


def _column(view, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _open_register(qtbot, section, held_on: str = "2026-04-07"):
    """Open the Tuesday group, then the register of the meeting held on `held_on`."""
    section.list_page.search.setText("tues")
    assert section.open_selected()
    view = section.group_page.meeting_view
    row = _column(view, MeetingColumn.DATE).index(held_on)
    view.selectRow(row)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert section.currentWidget() is section.register_page
    return section.register_page


def _mark(qtbot, page, name: str, key: Qt.Key) -> None:
    """Jump to a person by the first letters of their name, and give their mark."""
    page.jump.clear()
    qtbot.keyClicks(page.jump, name[:3].lower())
    qtbot.keyClick(page.jump, key)


def _marks(centre, meeting: uuid.UUID) -> dict[uuid.UUID, str]:
    with centre.server.connect(centre.database) as conn:
        return dict(conn.execute("SELECT peer_id, mark FROM casework.attendance "
                                 "WHERE meeting_id = %s", (meeting,)).fetchall())


def test_the_list_is_searched_sorted_and_a_group_opened(qtbot, joined_centre, groups,
                                                          tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    section = _go_to_groups(qtbot, window)
    lp = section.list_page
    table = lp.table
    assert _column(table, GroupColumn.NAME) == ["Craft circle", "Tuesday group"]
    assert _column(table, GroupColumn.KIND) == ["Activity", "Peer-support group"]
    assert _column(table, GroupColumn.FACILITATORS) == ["Cas Worker", "Sam Supporter"]
    assert _column(table, GroupColumn.MEMBERS) == ["1", "3"]
    assert _column(table, GroupColumn.LAST_MEETING) == ["—", "2026-04-07"]
    assert _column(table, len(GroupColumn)) == ["—", NEXT_WEEK.isoformat()]  # next meeting
    assert lp.count.text() == "2 groups"
    _screenshot(window, "team-window-groups")
    table.sortByColumn(GroupColumn.MEMBERS, Qt.SortOrder.DescendingOrder)
    assert _column(table, GroupColumn.NAME) == ["Tuesday group", "Craft circle"]
    qtbot.keyClicks(lp.search, "craft")
    assert _column(table, GroupColumn.NAME) == ["Craft circle"] and lp.count.text() == "1 group"
    lp.search.setText("sam supp")                            # by facilitator too
    assert _column(table, GroupColumn.NAME) == ["Tuesday group"]
    qtbot.keyClick(lp.search, Qt.Key.Key_Return)             # into the list
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)                 # opens it
    page = section.group_page
    assert section.currentWidget() is page and page.title.text() == "Tuesday group"
    assert "facilitated by Sam Supporter" in page.subtitle.text()
    _screenshot(window, "team-window-group")
    assert _column(page.meeting_view, MeetingColumn.DATE) == [NEXT_WEEK.isoformat(),
                                                              "2026-04-07"]
    assert _column(page.meeting_view, MeetingColumn.STATUS) == ["Scheduled", "Held"]
    assert _column(page.meeting_view, MeetingColumn.ATTENDED) == ["", "0"]
    assert page.schedule_button.isVisible() and not page.series_button.isVisible()
    qtbot.keyClick(page.meeting_view, Qt.Key.Key_Escape)     # back to the list
    assert section.currentWidget() is lp
    assert "Sunny" not in window.windowTitle()


def test_a_register_taken_by_keyboard_and_a_mark_corrected_audited(
        qtbot, joined_centre, groups, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    section = _go_to_groups(qtbot, window)
    page = _open_register(qtbot, section)
    assert page.jump.hasFocus()
    assert _column(page.table, RegisterColumn.NAME) == ["Ash Tree", "Robin Example",
                                                        "Sunny Día"]
    assert _column(page.table, RegisterColumn.REF) == ["P-0001", "P-0002", "P-0003"]
    assert _column(page.table, RegisterColumn.MARK) == ["— not marked —"] * 3
    _mark(qtbot, page, "Robin", Qt.Key.Key_1)
    _mark(qtbot, page, "Sunny", Qt.Key.Key_2)
    _mark(qtbot, page, "Ash", Qt.Key.Key_Space)              # Space: the first mark
    assert _column(page.table, RegisterColumn.MARK) == ["Attended", "Attended",
                                                        "Sent apologies"]
    assert page.summary.text() == "2 attended · 1 apologies · 0 did not attend · 0 walk-ins"
    _screenshot(window, "team-window-register")
    qtbot.keyClick(page.jump, Qt.Key.Key_Return)             # saves
    peers = groups.peers
    assert _marks(joined_centre, groups.meeting) == {
        peers["Ash Tree"]: "attended", peers["Robin Example"]: "attended",
        peers["Sunny Día"]: "apologies"}
    assert section.currentWidget() is section.group_page
    assert section.group_note.text() == SAVED and window.desk.waiting() == 0
    meetings = section.group_page.meeting_view
    assert _column(meetings, MeetingColumn.ATTENDED) == ["", "2"]
    # Ash was marked by mistake: the register again, Ash "did not attend".
    before = _audit(joined_centre, peers["Ash Tree"])
    page = _open_register(qtbot, section)
    assert _column(page.table, RegisterColumn.MARK) == ["Attended", "Attended",
                                                        "Sent apologies"]
    _mark(qtbot, page, "Ash", Qt.Key.Key_3)
    qtbot.keyClick(page.jump, Qt.Key.Key_Return)
    assert _marks(joined_centre, groups.meeting)[peers["Ash Tree"]] == "absent"
    assert _audit(joined_centre, peers["Ash Tree"])[len(before):] == [AuditAction.CHANGED]
    assert _column(meetings, MeetingColumn.ATTENDED) == ["", "1"]
    # Next week's meeting: its register waits for the day.
    page = _open_register(qtbot, section, NEXT_WEEK.isoformat())
    _mark(qtbot, page, "Ash", Qt.Key.Key_1)
    qtbot.keyClick(page.jump, Qt.Key.Key_Return)
    assert section.currentWidget() is page
    assert "before the meeting has happened" in page.error.text()


def test_offline_a_register_goes_to_the_outbox_and_a_meeting_waits(
        qtbot, joined_centre, groups, tmp_path):
    window = _window(qtbot, joined_centre, "caseworker", tmp_path)
    section = _go_to_groups(qtbot, window)
    page = _open_register(qtbot, section)
    _mark(qtbot, page, "Robin", Qt.Key.Key_1)
    qtbot.keyClick(page.jump, Qt.Key.Key_Return)
    page = _open_register(qtbot, section)
    joined_centre.server.stop()
    try:
        # Robin "did not attend" after all: a correction, which must wait for the
        # server; nothing of the page's work is saved, every mark stays.
        _mark(qtbot, page, "Robin", Qt.Key.Key_3)
        _mark(qtbot, page, "Ash", Qt.Key.Key_3)
        qtbot.keyClick(page.jump, Qt.Key.Key_Return)
        assert section.currentWidget() is page and page.dirty
        assert page.error.text() == f"Not saved: {OfflineEdit().user_message} Your marks " \
                                    "are still here."
        assert window.desk.waiting() == 0
        _mark(qtbot, page, "Robin", Qt.Key.Key_1)            # as it was: new marks only
        qtbot.keyClick(page.jump, Qt.Key.Key_Return)
        assert section.currentWidget() is section.group_page
        assert section.group_note.text() == KEPT
        assert window.desk.waiting() == 1
        assert window.waiting_label.text() == "1 saved on this PC is waiting to be sent."
        # Back to the list and in again: the group and its register as read before.
        qtbot.keyClick(section.group_page.meeting_view, Qt.Key.Key_Escape)
        page = _open_register(qtbot, section)
        assert section.register_note.text() == AS_READ
        assert _column(page.table, RegisterColumn.MARK) == ["— not marked —", "Attended",
                                                            "— not marked —"]
        _mark(qtbot, page, "Sunny", Qt.Key.Key_2)
        qtbot.keyClick(page.jump, Qt.Key.Key_Return)
        assert section.group_note.text() == KEPT and window.desk.waiting() == 2
        # A new meeting: refused, saying why, with the date typed kept.
        dialog = section.group_page.schedule(series=False)
        assert isinstance(dialog, TeamMeetingDialog) and dialog.isVisible()
        dialog.held_on.setText("2026-05-05")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.held_on.text() == "2026-05-05"
        assert dialog.error.text() == OfflineMeeting().user_message
        dialog.reject()
    finally:
        joined_centre.server.start()
    robin, ash = groups.peers["Robin Example"], groups.peers["Ash Tree"]
    assert _marks(joined_centre, groups.meeting) == {robin: "attended"}
    window.refresh()
    _wait_for_the_answer(qtbot, window)
    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)  # sent off the GUI
    qtbot.waitUntil(lambda: not window.status_page.sending.running, timeout=30000)
    assert window.desk.waiting() == 0
    assert _marks(joined_centre, groups.meeting) == {
        robin: "attended", ash: "absent", groups.peers["Sunny Día"]: "apologies"}


def test_a_meeting_added_online_is_listed(qtbot, joined_centre, groups, tmp_path):
    window = _window(qtbot, joined_centre, "lead", tmp_path)
    section = _go_to_groups(qtbot, window)
    section.list_page.search.setText("tues")
    assert section.open_selected()
    page = section.group_page
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.held_on.setText("2026-04-14")
    with qtbot.waitSignal(dialog.stored, timeout=10000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _column(page.meeting_view, MeetingColumn.DATE) == [
        NEXT_WEEK.isoformat(), "2026-04-14", "2026-04-07"]


def test_a_register_taken_on_two_pcs_merges_by_person(qtbot, joined_centre, groups, tmp_path):
    first = _window(qtbot, joined_centre, "caseworker", tmp_path / "pc1")
    second = _window(qtbot, joined_centre, "other_caseworker", tmp_path / "pc2")
    one = _open_register(qtbot, _go_to_groups(qtbot, first))
    other = _open_register(qtbot, _go_to_groups(qtbot, second))
    # Both opened it unmarked; each saw different people come in.
    _mark(qtbot, one, "Robin", Qt.Key.Key_1)
    _mark(qtbot, one, "Ash", Qt.Key.Key_3)
    _mark(qtbot, other, "Ash", Qt.Key.Key_1)
    _mark(qtbot, other, "Sunny", Qt.Key.Key_2)
    assert one.save() and other.save()
    peers = groups.peers
    assert _marks(joined_centre, groups.meeting) == {
        peers["Robin Example"]: "attended", peers["Ash Tree"]: "attended",
        peers["Sunny Día"]: "apologies"}
    # Opened again on the first PC: the register both made.
    one = _open_register(qtbot, first.groups)
    assert _column(one.table, RegisterColumn.MARK) == ["Attended", "Attended",
                                                       "Sent apologies"]


def test_a_peer_supporter_sees_only_the_groups_they_facilitate(
        qtbot, joined_centre, groups, tmp_path):
    window = _window(qtbot, joined_centre, "supporter", tmp_path)
    section = _go_to_groups(qtbot, window)
    assert _column(section.list_page.table, GroupColumn.NAME) == ["Tuesday group"]
    section.list_page.search.setText("tues")
    assert section.open_selected()
    assert not section.group_page.schedule_button.isVisible()  # meetings are planned by others
    with pytest.raises(PermissionDenied):
        team_groups.add_meeting(window.desk, groups.tuesday, date(2026, 4, 14))
    page = _open_register(qtbot, section)
    # Every name on their register; the reference only of the peer assigned to them.
    assert _column(page.table, RegisterColumn.NAME) == ["Ash Tree", "Robin Example",
                                                        "Sunny Día"]
    assert _column(page.table, RegisterColumn.REF) == ["", "", "P-0003"]
    _mark(qtbot, page, "Sunny", Qt.Key.Key_1)
    qtbot.keyClick(page.jump, Qt.Key.Key_Return)
    assert _marks(joined_centre, groups.meeting) == {groups.peers["Sunny Día"]: "attended"}
    # What the page lists is what the server lets this login read.
    assert [g.name for g in team_groups.groups(window.desk)] == ["Tuesday group"]
