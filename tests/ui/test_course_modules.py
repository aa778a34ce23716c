"""Course modules on the Supporters page, run as each role on a real vault: the lead keeps
a course's modules by keyboard, ticks modules when recording training, and sees progress
in the record and the matrix; a supporter sees their own progress; others can't edit."""

from __future__ import annotations

from datetime import date, timedelta

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from peerdesk.domain.supporters import (
    CourseDraft,
    ModuleDraft,
    ModulesDoneDraft,
    SupporterDraft,
    SupporterRole,
    SupporterStatus,
)
from peerdesk.services import supporters
from peerdesk.ui.supporters.courses import CourseModulesDialog
from peerdesk.ui.supporters.dialogs import CompletionDialog
from tests.fixtures.vaults import close
from tests.fixtures.vaults import sign_in as open_session
from tests.ui.conftest import ADMIN_NAME, ADMIN_PASSWORD, PASSWORDS, one_visible, sign_in


def _page(qtbot, start_gui, vault, name, password=None):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, password or PASSWORDS[name])
    return gui, gui.main_window


def _course(vault) -> int:
    lead = open_session(vault, "Lee Lead")
    try:
        comps = {c.name: c.id for c in supporters.competencies(lead)}
        course = supporters.add_course(lead, CourseDraft(
            "Safeguarding", frozenset({comps["Safety"]}), 12))
        supporters.add(lead, SupporterDraft("Robin", frozenset({SupporterRole.VOLUNTEER}),
                                            date(2025, 1, 1)), status=SupporterStatus.ACTIVE)
        return course
    finally:
        close(lead)


def _names(dialog: CourseModulesDialog) -> list[str]:
    return [dialog.modules.item(i).text() for i in range(dialog.modules.count())]


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_lead_keeps_a_courses_modules_and_records_them(qtbot, start_gui, vault, tmp_path):
    course = _course(vault)
    _gui, main = _page(qtbot, start_gui, vault, "Lee Lead")
    main.show_page("Supporters")
    page = main.supporters_page
    _click(qtbot, page.modules_button)
    dialog = one_visible(CourseModulesDialog)
    assert dialog.course_id() == course and _names(dialog) == []
    # An empty name: a message at the field, nothing saved.
    _click(qtbot, dialog.add_button)
    assert "can't be empty" in dialog.fields["module_name"].error.text()
    assert supporters.modules(main.session, course) == []
    # An over-long name arrives whole and is refused with the limit named: no silent cut.
    dialog.name.setText("n" * 300)
    assert len(dialog.name.text()) == 300
    _click(qtbot, dialog.add_button)
    assert "at most 120" in dialog.fields["module_name"].error.text()
    assert supporters.modules(main.session, course) == []
    for name in ("Spotting harm", "Reporting", "Looking after yourself"):
        dialog.modules.setCurrentRow(-1)
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, name)
        _click(qtbot, dialog.add_button)
    assert _names(dialog) == ["1. Spotting harm", "2. Reporting", "3. Looking after yourself"]
    assert dialog.fields["module_name"].error.text() == ""
    # The same name again (any case): refused at the field, nothing added.
    dialog.name.setText("reporting")
    _click(qtbot, dialog.add_button)
    assert "already has a module" in dialog.fields["module_name"].error.text()
    assert len(supporters.modules(main.session, course)) == 3
    # Rename, with an own competency; then move it up by keyboard.
    dialog.modules.setCurrentRow(2)
    dialog.name.setText("Self-care")
    reflection = [c.name for c in supporters.competencies(main.session)].index("Self-reflection")
    dialog.own.item(reflection).setCheckState(Qt.CheckState.Checked)
    _click(qtbot, dialog.rename_button)
    dialog.modules.setFocus()
    qtbot.keyClick(dialog.modules, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _names(dialog) == ["1. Spotting harm", "2. Self-care", "3. Reporting"]
    assert dialog.chosen().name == "Self-care"
    # A fourth module, then retired: listed as such, no longer needed.
    dialog.modules.setCurrentRow(-1)
    dialog.name.setText("Old quiz")
    _click(qtbot, dialog.add_button)
    dialog.modules.setCurrentRow(3)
    _click(qtbot, dialog.retire_button)
    assert _names(dialog)[3] == "4. Old quiz (retired)"
    assert dialog.retire_button.text() == "Res&tore"
    dialog.reject()

    # Record training: tick two of the three modules.
    page.view.selectRow(0)
    page.view.activated.emit(page.proxy.index(0, 0))
    _click(qtbot, page.training_button)
    record = one_visible(CompletionDialog)
    record.course.setCurrentIndex(record.course.findText("Safeguarding"))
    assert record.fields["modules"].isVisibleTo(record)
    assert [record.modules.item(i).text() for i in range(record.modules.count())] == [
        "Spotting harm", "Self-care", "Reporting"]
    record.completed.setText((date.today() - timedelta(days=3)).isoformat())
    button = record.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    _click(qtbot, button)  # nothing ticked: a message at the field
    assert record.isVisible() and "Tick the modules" in record.fields["modules"].error.text()
    record.modules.item(0).setCheckState(Qt.CheckState.Checked)
    record.modules.item(1).setCheckState(Qt.CheckState.Checked)
    _click(qtbot, button)
    assert not record.isVisible()
    page.view.activated.emit(page.proxy.index(0, 0))
    assert "Safeguarding: 2 of 3 modules" in page.detail.toPlainText()
    safety = 1 + [c.name for c in supporters.competencies(main.session)].index("Safety")
    reflection_column = 1 + reflection
    assert page.matrix_proxy.index(0, safety).data() == "Missing · 2 of 3 modules"
    assert page.matrix_proxy.index(0, reflection_column).data() == "Current"
    # The last module: the course is completed that day.
    _click(qtbot, page.training_button)
    record = one_visible(CompletionDialog)
    record.course.setCurrentIndex(record.course.findText("Safeguarding"))
    record.modules.item(2).setCheckState(Qt.CheckState.Checked)
    _click(qtbot, record.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    assert not record.isVisible()
    assert page.matrix_proxy.index(0, safety).data() == "Current"
    page.view.activated.emit(page.proxy.index(0, 0))
    assert "every module done" in page.detail.toPlainText()
    out = tmp_path / "m.pdf"
    assert page.save_matrix_to(out) == 1
    assert "Robin" in PdfReader(out).pages[0].extract_text()


def test_an_administrator_keeps_modules_too(qtbot, start_gui, vault):
    course = _course(vault)
    _gui, main = _page(qtbot, start_gui, vault, ADMIN_NAME, ADMIN_PASSWORD)
    main.show_page("Supporters")
    _click(qtbot, main.supporters_page.modules_button)
    dialog = one_visible(CourseModulesDialog)
    qtbot.keyClicks(dialog.name, "Basics")
    _click(qtbot, dialog.add_button)
    assert [m.name for m in supporters.modules(main.session, course)] == ["Basics"]


def test_a_supporter_sees_their_own_module_progress_and_cannot_edit(qtbot, start_gui, vault):
    lead = open_session(vault, "Lee Lead")
    try:
        comps = {c.name: c.id for c in supporters.competencies(lead)}
        course = supporters.add_course(lead, CourseDraft("Safeguarding",
                                                         frozenset({comps["Safety"]}), 12))
        modules = [supporters.add_module(lead, course, ModuleDraft(n))
                   for n in ("One", "Two", "Three", "Four", "Five")]
        staff = int(lead.db.scalar("SELECT id FROM staff WHERE name = 'Pia Peer'"))
        pia = supporters.add(lead, SupporterDraft("Pia", frozenset({SupporterRole.MENTOR}),
                                                  date(2025, 1, 1), staff_id=staff))
        supporters.record_modules(lead, ModulesDoneDraft(
            pia, course, frozenset(modules[:3]), date.today() - timedelta(days=1)))
    finally:
        close(lead)
    _gui, main = _page(qtbot, start_gui, vault, "Pia Peer")
    page = main.supporters_page
    assert page is not None and not page.manager
    assert not hasattr(page, "modules_button")
    assert "Safeguarding: 3 of 5 modules" in page.detail.toPlainText()
