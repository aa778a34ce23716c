"""Groups page and a group's page: roles, add/edit/archive, meetings, members, chart, lock."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from peerdesk.domain.groups import GroupKind, GroupMode, Mark, MeetingDraft
from peerdesk.services import groups
from peerdesk.services.groups import RegisterLine
from peerdesk.ui.groups.dialogs import GroupDialog, MeetingDialog
from peerdesk.ui.groups.models import (
    AttendanceEntry,
    AttendanceModel,
    GroupModel,
    MeetingModel,
    MemberModel,
    MemberRate,
    Membership,
    MembershipModel,
    RegisterModel,
)
from peerdesk.ui.table_model import sorting_filter
from tests.ui.conftest import PASSWORDS, sign_in, visible
from tests.ui.groups_helpers import GroupsPages, add_peer, group_with, staff_id
from tests.ui.peers_helpers import focused, press, signed_in, type_text


def confirm(text: str, label: str) -> None:
    box = next(b for b in visible(QMessageBox) if text in b.text())
    next(b for b in box.buttons() if b.text() == label).click()


def test_peer_supporter_sees_only_groups_they_facilitate_and_cannot_change_them(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        pia = staff_id(cal, "Pia Peer")
        group_with(cal, ["Amara"], name="Pia's circle", facilitators=(pia,))
        group_with(cal, ["Bilal"], name="Art morning")
    with signed_in(vault, "Pia Peer") as pia_session:
        pages = GroupsPages(pia_session)
        qtbot.addWidget(pages.section)
        pages.show(qtbot, pages.section)
        lp = pages.section.list_page
        assert lp is not None
        assert [r.name for r in lp.model.rows()] == ["Pia's circle"]
        for button in (lp.add_button, lp.edit_button, lp.archive_button, lp.restore_button):
            assert not button.isVisible()
        assert lp.open_button.isVisible()
        # They can still open it and take its register.
        assert pages.section.open_group(lp.model.rows()[0].id)


def test_admin_sees_a_friendly_sentence(qtbot, vault):
    with signed_in(vault, "Ada Admin") as ada:
        pages = GroupsPages(ada)
        qtbot.addWidget(pages.section)
        assert pages.section.list_page is None
        assert pages.section.sentence is not None
        assert "does not include groups" in pages.section.sentence.text()
        pages.section.clear_data()


def test_add_edit_search_archive_and_restore_a_group(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        pages = GroupsPages(cal)
        section = pages.section
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        lp = section.list_page
        assert lp is not None
        assert "No groups yet" in lp.empty.text()
        qtbot.mouseClick(lp.add_button, Qt.MouseButton.LeftButton)
        dialog = pages.last_dialog()
        assert isinstance(dialog, GroupDialog)
        dialog.accept()  # no name: a message, nothing saved
        assert dialog.error.text() and dialog.isVisible()
        qtbot.keyClicks(dialog.name, "Women's circle")
        dialog.mode.setCurrentIndex(dialog.mode.findData(GroupMode.ONLINE.value))
        for i in range(dialog.facilitators.count()):
            if dialog.facilitators.item(i).text().startswith("Pia Peer"):
                dialog.facilitators.item(i).setCheckState(Qt.CheckState.Checked)
        dialog.accept()
        assert not dialog.isVisible()
        rows = lp.model.rows()
        assert [(r.name, r.mode, r.facilitators) for r in rows] == [
            ("Women's circle", GroupMode.ONLINE, ("Pia Peer",))]
        groups.create_group(cal, groups.GroupDraft("Art morning", GroupKind.ACTIVITY))
        pages.bus.changed.emit("groups")
        assert lp.proxy.rowCount() == 2
        # Sorted by name; search filters as you type.
        assert lp.proxy.index(0, 0).data() == "Art morning"
        lp.search.setFocus()
        type_text(qtbot, "pia")
        assert lp.proxy.rowCount() == 1 and lp.count.text() == "1 group"
        lp.search.clear()
        # Edit.
        lp.select(rows[0].id)
        qtbot.mouseClick(lp.edit_button, Qt.MouseButton.LeftButton)
        dialog = pages.last_dialog()
        assert isinstance(dialog, GroupDialog) and dialog.name.text() == "Women's circle"
        dialog.name.setText("Women's evening circle")
        dialog.accept()
        assert groups.get_group(cal, rows[0].id).name == "Women's evening circle"
        # Archive (asks), then it is gone unless archived groups are shown; restore.
        lp.select(rows[0].id)
        qtbot.mouseClick(lp.archive_button, Qt.MouseButton.LeftButton)
        confirm("Archive", "Archive group")
        qtbot.waitUntil(lambda: lp.proxy.rowCount() == 1)
        lp.archived.setChecked(True)
        assert lp.proxy.rowCount() == 2
        lp.select(rows[0].id)
        assert lp.restore_button.isEnabled() and not lp.archive_button.isEnabled()
        qtbot.mouseClick(lp.restore_button, Qt.MouseButton.LeftButton)
        assert not groups.get_group(cal, rows[0].id).archived_on


def test_a_group_page_schedules_meetings_and_series_and_manages_members(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        group_id, members, meeting_id = group_with(cal, ["Amara", "Bilal", "Chidi"])
        add_peer(cal, "Dalia")
        groups.save_register(cal, meeting_id, {members[0]: Mark.ATTENDED,
                                               members[1]: Mark.APOLOGIES},
                             anonymous_count=3)
        pages = GroupsPages(cal)
        section = pages.section
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        assert section.open_group(group_id)
        page = section.group_page
        assert page.meetings.rowCount() == 1
        assert page.meetings.index(0, 3).data() == "Held"
        assert page.chart.points == [((date.today() - timedelta(days=3)).isoformat(), 1, 3)]
        rates = {r.name: (r.attended, r.marked, r.rate) for r in page.members.rows()}
        assert rates == {"Amara": (1, 1, "100%"), "Bilal": (0, 1, "0%"),
                         "Chidi": (0, 0, "—")}

        # A single meeting with a bad time: a message, then fixed.
        dialog = page.schedule(series=False)
        assert isinstance(dialog, MeetingDialog)
        dialog.held_on.setText((date.today() + timedelta(days=4)).isoformat())
        dialog.starts_at.setText("6pm")
        dialog.accept()
        assert "HH:MM" in dialog.error.text() and dialog.isVisible()
        dialog.starts_at.setText("18:00")
        dialog.place.setText("Room 2")
        dialog.accept()
        assert not dialog.isVisible()
        assert page.meetings.rowCount() == 2
        # A fortnightly series of four.
        dialog = page.schedule(series=True)
        assert isinstance(dialog, MeetingDialog)
        dialog.held_on.setText((date.today() + timedelta(days=10)).isoformat())
        dialog.repeat.setCurrentIndex(1)
        dialog.count.setValue(4)
        dialog.accept()
        assert page.meetings.rowCount() == 6
        dates = sorted(m.held_on for m in page.meetings.rows())[-4:]
        assert [date.fromisoformat(d) - date.fromisoformat(dates[0]) for d in dates] == [
            timedelta(days=d) for d in (0, 14, 28, 42)]
        # Change one meeting on its own, and cancel another.
        page.meeting_view.selectRow(0)  # newest first: the last of the series
        last = page.selected_meeting()
        assert last is not None
        dialog = page.edit_meeting()
        assert dialog is not None
        dialog.place.setText("online")
        dialog.accept()
        assert next(m for m in page.meetings.rows() if m.id == last.id).place == "online"
        page.meeting_view.selectRow(1)
        cancelled = page.selected_meeting()
        assert cancelled is not None
        page.cancel_meeting()
        confirm("Cancel the meeting", "Cancel meeting")
        qtbot.waitUntil(lambda: next(m for m in page.meetings.rows()
                                     if m.id == cancelled.id).status == "cancelled")
        page.meeting_view.selectRow(1)
        assert not page.register_button.isEnabled()

        # Members: add by typing a few letters, Enter; end a membership.
        page.tabs.setCurrentIndex(1)
        pages.show(qtbot, section)  # active again after the question box
        page.add_member.setFocus()
        type_text(qtbot, "dal")
        assert focused() is page.add_member.edit
        press(qtbot, Qt.Key.Key_Return)
        assert "Dalia" in [r.name for r in page.members.rows()]
        page.member_view.selectRow(0)  # Amara, by name
        page.end_membership()
        confirm("leaves this group", "End membership")
        qtbot.waitUntil(lambda: "Amara" not in [r.name for r in page.members.rows()])
        assert [r.preferred_name for r in groups.members(cal, group_id)] == [
            "Bilal", "Chidi", "Dalia"]


def test_every_table_model_passes_the_model_tester(qtmodeltester, vault):
    with signed_in(vault, "Cal Worker") as cal:
        group_id, members, meeting_id = group_with(cal, ["Amara", "Bilal"])
        groups.save_register(cal, meeting_id, {members[0]: Mark.ATTENDED}, anonymous_count=1)
        group_model = GroupModel()
        group_model.set_rows(groups.list_groups(cal))
        meeting_model = MeetingModel()
        meeting_model.set_rows(groups.meetings(cal, group_id))
        member_model = MemberModel()
        member_model.set_rows([MemberRate(1, "P-0001", "Amara", 1, 1),
                               MemberRate(2, "P-0002", "Bilal", 0, 0)])
        register_model = RegisterModel()
        register_model.set_rows(groups.open_register(cal, meeting_id).lines)
        register_model.append(RegisterLine(99, "P-0099", "Walk In", False, Mark.ATTENDED, True))
        attendance_model = AttendanceModel()
        attendance_model.set_rows([AttendanceEntry("2026-11-17", "Circle", "attended", True)])
        membership_model = MembershipModel()
        membership_model.set_rows([Membership(group_id, "Circle", "2026-01-05", "")])
        for model in (group_model, meeting_model, member_model, register_model,
                      attendance_model, membership_model):
            qtmodeltester.check(model)
            qtmodeltester.check(sorting_filter(model))


def test_lock_empties_every_groups_model(qtbot, start_gui, vault):
    with signed_in(vault, "Cal Worker") as cal:
        group_id, members, meeting_id = group_with(cal, ["Amara", "Bilal"])
        groups.save_register(cal, meeting_id, {members[0]: Mark.ATTENDED})
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Cal Worker", PASSWORDS["Cal Worker"])
    main = gui.main_window
    assert main is not None
    main.show_page("Groups")
    section = main.groups
    assert section.list_page is not None and section.list_page.model.rowCount() == 1
    assert section.open_group(group_id)
    assert section.open_register(meeting_id)
    section.register_page.set_mark(Mark.ABSENT, 1)
    assert section.group_page.members.rowCount() == 2
    assert main.caseload.peers is not None
    assert main.caseload.peers.open_peer(members[0])
    attendance_tab = main.caseload.peers.peer_page.attendance_tab
    assert attendance_tab.attendance.rowCount() == 1

    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert gui.session is None
    for model in (section.list_page.model, section.group_page.meetings,
                  section.group_page.members, section.register_page.model,
                  attendance_tab.attendance, attendance_tab.memberships):
        assert model.rowCount() == 0
    assert section.group_page.chart.points == []
    assert section.register_page.summary.text() == ""
    assert section.group_page.title.text() == ""
    assert main.windowTitle() == "PeerDesk"


def test_changing_a_meetings_facilitators_takes_and_reopens_ticked(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        cal_id = staff_id(cal, "Cal Worker")
        group_id, _members, meeting_id = group_with(cal, ["Amara"], facilitators=(cal_id,))
        pages = GroupsPages(cal)
        section = pages.section
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        assert section.open_group(group_id)
        page = section.group_page
        page.meeting_view.selectRow(0)
        dialog = page.edit_meeting()
        assert dialog is not None
        ticked = {dialog.facilitators.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(dialog.facilitators.count())
                  if dialog.facilitators.item(i).checkState() == Qt.CheckState.Checked}
        assert ticked == set()  # the meeting was scheduled with no facilitators
        other = next(i for i in range(dialog.facilitators.count())
                     if dialog.facilitators.item(i).data(Qt.ItemDataRole.UserRole) != cal_id)
        other_id = dialog.facilitators.item(other).data(Qt.ItemDataRole.UserRole)
        dialog.facilitators.item(other).setCheckState(Qt.CheckState.Checked)
        dialog.accept()
        assert not dialog.isVisible()
        # Reopen: the meeting's own facilitator is ticked, not the group's.
        page.meeting_view.selectRow(0)
        again = page.edit_meeting()
        assert again is not None
        ticked = {again.facilitators.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(again.facilitators.count())
                  if again.facilitators.item(i).checkState() == Qt.CheckState.Checked}
        assert ticked == {other_id}
        assert next(m for m in groups.meetings(cal, group_id)
                    if m.id == meeting_id).facilitator_ids == (other_id,)
        again.reject()


def test_a_cancelled_meeting_can_be_restored_and_the_restore_is_audited(qtbot, vault):
    from peerdesk.storage.repositories import audit as audit_repo
    with signed_in(vault, "Cal Worker") as cal:
        group_id, _members, _meeting_id = group_with(cal, ["Amara"])
        later = groups.schedule_meeting(cal, MeetingDraft(
            group_id, date.today() + timedelta(days=5), "18:00", "Room 2"))
        pages = GroupsPages(cal)
        section = pages.section
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        assert section.open_group(group_id)
        page = section.group_page
        page.meeting_view.selectRow(0)  # newest first: the later one
        assert page.selected_meeting().id == later
        assert not page.restore_button.isEnabled()
        page.cancel_meeting()
        confirm("Cancel the meeting", "Cancel meeting")
        qtbot.waitUntil(lambda: next(m for m in page.meetings.rows()
                                     if m.id == later).status == "cancelled")
        page.meeting_view.selectRow(0)
        assert page.restore_button.isEnabled() and not page.register_button.isEnabled()
        page.restore_meeting()
        qtbot.waitUntil(lambda: next(m for m in page.meetings.rows()
                                     if m.id == later).status == "scheduled")
        page.meeting_view.selectRow(0)
        assert page.register_button.isEnabled() and not page.restore_button.isEnabled()
        details = [e.detail for e in audit_repo.recent(cal.db, limit=5)]
        assert f"meeting {later} restored" in details
