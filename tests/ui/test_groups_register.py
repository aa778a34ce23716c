"""The register, by keyboard only: jump by typing, Space/1/2/3, arrows, walk-ins, Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QSpinBox

from peerdesk.domain.groups import Mark
from peerdesk.services import groups
from peerdesk.ui.groups.register_page import summary
from peerdesk.ui.peers.pages import CaseloadPages
from tests.ui.conftest import visible
from tests.ui.groups_helpers import GroupsPages, add_peer, group_with
from tests.ui.peers_helpers import Pages, focused, press, signed_in, type_text

NAMES = ["Amara", "Bilal", "Chidi", "Dalia", "Esther", "Farah", "Gita", "Hana", "Imani",
         "Jana", "Kofi", "Lena", "Mira", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sade",
         "Tariq"]


def open_register(qtbot, pages: GroupsPages, group_id: int):
    section = pages.section
    qtbot.addWidget(section)
    pages.show(qtbot, section)
    assert section.open_group(group_id)
    assert focused() is section.group_page.meeting_view
    press(qtbot, Qt.Key.Key_Return)  # the meeting three days ago is chosen: Enter opens it
    register = section.register_page
    assert section.stack.currentWidget() is register
    assert focused() is register.jump
    return register


def test_a_full_register_for_twenty_members_by_keyboard_only(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        group_id, members, meeting_id = group_with(cal, NAMES)
        walk_in = add_peer(cal, "Zuzana")
        pages = GroupsPages(cal)
        register = open_register(qtbot, pages, group_id)
        # Nobody is marked at first, and it says so.
        assert all(line.mark is None for line in register.model.rows())
        assert "20 not marked yet" in register.summary.text()
        assert register.model.index(0, 2).data() == "— not marked —"

        expected: dict[int, Mark] = {}
        # Jump by typing, then 1 / 2 / 3.
        for i, name in enumerate(NAMES[:12]):
            type_text(qtbot, name[:3].lower())
            assert register.model.row_at(register.current_row()).preferred_name == name
            key, mark = [(Qt.Key.Key_1, Mark.ATTENDED), (Qt.Key.Key_2, Mark.APOLOGIES),
                         (Qt.Key.Key_3, Mark.ABSENT)][i % 3]
            press(qtbot, key)
            expected[members[i]] = mark
        # The rest with arrows and Space (Space cycles: attended, apologies, absent, …).
        type_text(qtbot, "mi")
        assert register.model.row_at(register.current_row()).preferred_name == "Mira"
        for name in NAMES[12:]:
            row = register.current_row()
            assert register.model.row_at(row).preferred_name == name
            press(qtbot, Qt.Key.Key_Space)
            expected[members[NAMES.index(name)]] = Mark.ATTENDED
            press(qtbot, Qt.Key.Key_Down)
        # Down stops at the last person; Up goes back to Sade: Space again, apologies.
        press(qtbot, Qt.Key.Key_Up)
        assert register.model.row_at(register.current_row()).preferred_name == "Sade"
        press(qtbot, Qt.Key.Key_Space)
        expected[members[NAMES.index("Sade")]] = Mark.APOLOGIES

        # A walk-in from the caseload: Tab to the walk-in box, a few letters, Enter.
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is register.walk_in.edit
        type_text(qtbot, "zuz")
        assert [r.preferred_name for r in register.walk_in.suggestions()] == ["Zuzana"]
        press(qtbot, Qt.Key.Key_Return)
        assert focused() is register.jump
        line = register.model.row_at(register.current_row())
        assert (line.preferred_name, line.mark, line.walk_in) == ("Zuzana", Mark.ATTENDED, True)
        expected[walk_in] = Mark.ATTENDED

        # The head-count, by its shortcut, then Enter saves.
        press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
        assert isinstance(focused(), QSpinBox)
        type_text(qtbot, "2")
        assert "head-count 2" in register.summary.text()
        assert register.summary.text() == summary(register.model.rows(), 2)
        assert "not marked" not in register.summary.text()
        assert "1 walk-in" in register.summary.text()
        press(qtbot, Qt.Key.Key_Return)
        assert pages.section.stack.currentWidget() is pages.section.group_page
        assert not register.dirty

        saved = groups.open_register(cal, meeting_id)
        assert {line.peer_id: line.mark for line in saved.lines} == expected
        assert len(saved.lines) == 21
        assert saved.meeting.anonymous_count == 2
        assert [line.peer_id for line in saved.lines if line.walk_in] == [walk_in]
        # The group page shows the meeting as held, with who attended and the head-count.
        attended = sum(1 for m in expected.values() if m is Mark.ATTENDED)
        held = pages.section.group_page.meetings.row_at(0)
        assert (held.status, held.attended, held.anonymous_count) == ("held", attended, 2)

        # The walk-in's page shows the attendance row.
        caseload = Pages(cal)
        assert isinstance(caseload.caseload, CaseloadPages)
        peers_section = caseload.caseload.peers
        assert peers_section is not None
        qtbot.addWidget(peers_section)
        assert peers_section.open_peer(walk_in)
        rows = peers_section.peer_page.attendance_tab.attendance.rows()
        assert [(r.group, r.mark, r.walk_in) for r in rows] == [
            ("Tuesday circle", "attended", True)]


def test_a_walk_in_already_listed_is_moved_to_not_added_twice(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        group_id, members, _ = group_with(cal, ["Amara", "Bilal", "Chidi"])
        pages = GroupsPages(cal)
        register = open_register(qtbot, pages, group_id)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "bil")
        press(qtbot, Qt.Key.Key_Return)
        assert register.model.rowCount() == 3
        line = register.model.row_at(register.current_row())
        assert (line.peer_id, line.walk_in, line.mark) == (members[1], False, None)
        assert not register.dirty
        press(qtbot, Qt.Key.Key_1)
        marks, walk_ins = register.marks()
        assert marks == {members[1]: Mark.ATTENDED} and walk_ins == set()


def test_esc_with_unsaved_marks_asks_and_cancelling_keeps_them(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        group_id, _, meeting_id = group_with(cal, ["Amara", "Bilal"])
        pages = GroupsPages(cal)
        register = open_register(qtbot, pages, group_id)
        press(qtbot, Qt.Key.Key_1)
        press(qtbot, Qt.Key.Key_Escape)
        box = next(b for b in visible(QMessageBox) if "not saved" in b.text())
        box.button(QMessageBox.StandardButton.Cancel).click()
        qtbot.wait(10)
        assert pages.section.stack.currentWidget() is register
        assert register.model.row_at(0).mark is Mark.ATTENDED and register.dirty
        # Asked again, and this time discarded: nothing saved.
        pages.show(qtbot, pages.section)
        assert focused() is register.jump
        press(qtbot, Qt.Key.Key_Escape)
        box = next(b for b in visible(QMessageBox) if "not saved" in b.text())
        next(b for b in box.buttons() if b.text() == "Discard marks").click()
        qtbot.waitUntil(lambda: pages.section.stack.currentWidget() is
                        pages.section.group_page)
        assert all(line.mark is None for line in groups.open_register(cal, meeting_id).lines)
        # With nothing marked, Esc just goes back without asking.
        assert pages.section.open_register(meeting_id)
        pages.show(qtbot, pages.section)
        press(qtbot, Qt.Key.Key_Escape)
        assert pages.section.stack.currentWidget() is pages.section.group_page
        assert not [b for b in visible(QMessageBox) if "not saved" in b.text()]


def test_a_register_before_the_meeting_is_refused_and_the_marks_stay(qtbot, vault):
    from datetime import date, timedelta

    from peerdesk.domain.groups import MeetingDraft

    with signed_in(vault, "Cal Worker") as cal:
        group_id, _, _ = group_with(cal, ["Amara"])
        future = groups.schedule_meeting(
            cal, MeetingDraft(group_id, date.today() + timedelta(days=4)))
        pages = GroupsPages(cal)
        qtbot.addWidget(pages.section)
        pages.show(qtbot, pages.section)
        assert pages.section.open_group(group_id)
        assert pages.section.open_register(future)
        register = pages.section.register_page
        press(qtbot, Qt.Key.Key_1)
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert pages.section.stack.currentWidget() is register
        assert "before the meeting has happened" in register.error.text()
        assert register.error.isVisible()
        assert register.model.row_at(0).mark is Mark.ATTENDED and register.dirty


def test_typing_in_the_list_jumps_too(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        group_id, _, _ = group_with(cal, ["Amara", "Bilal", "Chidi"])
        pages = GroupsPages(cal)
        register = open_register(qtbot, pages, group_id)
        register.table.setFocus()
        type_text(qtbot, "c")
        assert isinstance(focused(), QLineEdit)
        assert register.model.row_at(register.current_row()).preferred_name == "Chidi"
        press(qtbot, Qt.Key.Key_3)
        assert register.model.row_at(2).mark is Mark.ABSENT
        # Letters that match nobody leave the selection where it is, and say so.
        type_text(qtbot, "x")
        assert register.model.row_at(register.current_row()).preferred_name == "Chidi"
        assert "walk-in" in register.jump.toolTip()


def test_zero_clears_a_mark_and_takes_back_a_walk_in_added_by_mistake(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        group_id, _, _ = group_with(cal, ["Amara", "Bilal"])
        add_peer(cal, "Zuzana")
        pages = GroupsPages(cal)
        register = open_register(qtbot, pages, group_id)
        press(qtbot, Qt.Key.Key_1)
        press(qtbot, Qt.Key.Key_0)
        assert register.model.row_at(0).mark is None
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "zuz")
        press(qtbot, Qt.Key.Key_Return)
        assert register.model.rowCount() == 3 and "1 walk-in" in register.summary.text()
        press(qtbot, Qt.Key.Key_0)
        assert [line.preferred_name for line in register.model.rows()] == ["Amara", "Bilal"]
        assert "0 walk-ins" in register.summary.text()
        assert register.marks() == ({}, set())
