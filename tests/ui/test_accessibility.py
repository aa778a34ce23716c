"""Keyboard and screen-reader use of each main screen: Tab reaches every control, in a
loop that comes back to the start, and each control it reaches has a name to read out.

Also: sizes follow the person's font, and a high-contrast palette wins over our colours.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.domain.outcomes import ONS4
from peerdesk.domain.peer import PeerDraft
from peerdesk.services import casework, groups, peers
from peerdesk.services.today import TodayItem
from peerdesk.storage.paths import VaultPaths
from peerdesk.ui import theme
from peerdesk.ui.admin.staff_dialogs import AddStaffDialog
from peerdesk.ui.groups.dialogs import GroupDialog, MeetingDialog
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.password_dialog import ChangePasswordDialog
from peerdesk.ui.peers.peer_dialog import PeerDialog
from peerdesk.ui.peers.record_dialogs import ConsentDialog, RatingDialog, ReferralDialog
from peerdesk.ui.today.today_page import TodayModel
from tests.fixtures.vaults import close
from tests.fixtures.vaults import sign_in as service_sign_in
from tests.ui.conftest import PASSWORDS, sign_in
from tests.ui.groups_helpers import group_with

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
               QPlainTextEdit, QTextEdit, QTabBar)
TAB = Qt.FocusPolicy.TabFocus


# -- walking the tab order -------------------------------------------------------------


def _takes_tab(widget: QWidget, window: QWidget) -> bool:
    return (widget.window() is window and widget.isVisible() and widget.isEnabled()
            and bool(widget.focusPolicy().value & TAB.value) and widget.focusProxy() is None)


def tab_stops(window: QWidget) -> list[QWidget]:
    """Where Tab goes, in order, from the first stop round to it again.

    Fails if the chain never comes back to where it started (a loop that leaves
    part of the window out, or a broken chain).
    """
    limit = len(window.findChildren(QWidget)) + 2
    widget = window.nextInFocusChain()
    for _ in range(limit):
        if _takes_tab(widget, window):
            break
        widget = widget.nextInFocusChain()
    else:
        raise AssertionError(f"nothing in {window!r} takes the keyboard focus")
    first, stops = widget, [widget]
    for _ in range(limit):
        widget = widget.nextInFocusChain()
        if widget is first:
            return stops
        if _takes_tab(widget, window):
            stops.append(widget)
    raise AssertionError(f"Tab never comes back to {first!r}: stuck after {stops[-3:]}")


def control_of(widget: QWidget) -> QWidget:
    """The control a focusable part belongs to (a spin box's or a combo box's editor)."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return parent
    return widget


def spoken_name(control: QWidget) -> str:
    """What a screen reader announces: its name, its own text, or its label's text."""
    if control.accessibleName().strip():
        return control.accessibleName()
    if isinstance(control, QAbstractButton) and control.text().replace("&", "").strip():
        return control.text()
    if isinstance(control, QTabBar) and control.count() and all(
            control.tabText(i).strip() for i in range(control.count())):
        return control.tabText(control.currentIndex())
    for label in control.window().findChildren(QLabel):
        if label.buddy() is control and label.text().replace("&", "").strip():
            return label.text()
    return ""


def keyboard_problems(window: QWidget) -> list[str]:
    """Controls Tab does not reach, Tab traps, and stops with nothing to announce."""
    stops = tab_stops(window)
    reached = {id(control_of(stop)) for stop in stops} | {id(stop) for stop in stops}
    problems = []
    for control in window.findChildren(QWidget):
        if (isinstance(control, INTERACTIVE) and _takes_tab(control, window)
                and id(control) not in reached):
            problems.append(f"Tab never reaches {_describe(control)}")
    for stop in stops:
        control = control_of(stop)
        if not spoken_name(control):
            problems.append(f"no accessible name: {_describe(control)}")
        if isinstance(control, QPlainTextEdit | QTextEdit) and not control.tabChangesFocus():
            problems.append(f"Tab types a tab instead of moving on: {_describe(control)}")
        if (isinstance(control, QAbstractItemView) and control.tabKeyNavigation()
                and control.model() is not None and control.model().rowCount() > 1):
            problems.append(f"Tab moves between cells instead of on: {_describe(control)}")
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.buddy() is None and _MNEMONIC.search(label.text()):
            problems.append(f"label shows a literal '&' (no buddy): {label.text()!r}")
    return problems


# "&L" in a label's text: a shortcut only with a buddy; without one Qt prints
# the "&" itself (a label addRow makes for a layout has none).
_MNEMONIC = re.compile(r"(?<!&)&(?![&#]|[a-z]+;)\w")


def _describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    owner = type(parent).__name__ if parent is not None else "-"
    return (f"{type(widget).__name__} {widget.objectName()!r} in {owner} "
            f"(tooltip {widget.toolTip()!r}, placeholder "
            f"{getattr(widget, 'placeholderText', lambda: '')()!r})")


def assert_keyboard_ready(window: QWidget, screen: str) -> None:
    problems = keyboard_problems(window)
    assert not problems, f"{screen}:\n" + "\n".join(problems)


def show(qtbot, window: QWidget) -> None:
    window.resize(1100, 760)
    with qtbot.waitExposed(window):
        window.show()


# -- the screens --------------------------------------------------------------------------


def test_the_tab_walker_notices_a_control_without_a_name(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    named, unnamed = QLineEdit(window), QLineEdit(window)
    named.setAccessibleName("Search")
    show(qtbot, window)
    assert tab_stops(window) == [named, unnamed]
    problems = keyboard_problems(window)
    assert len(problems) == 1 and "no accessible name" in problems[0]


def test_sign_in_window(qtbot, start_gui, vault):
    gui = start_gui(vault)
    window = gui.sign_in_window
    show(qtbot, window)
    assert_keyboard_ready(window, "sign-in")
    controls = {control_of(stop) for stop in tab_stops(window)}
    assert {window.account, window.password, window.sign_in_button} <= controls


def test_setup_wizard_first_page(qtbot, start_gui, tmp_path):
    gui = start_gui(VaultPaths.at(tmp_path / "centre.peerdesk"))
    wizard = gui.wizard
    show(qtbot, wizard)
    assert wizard.centre_page.centre in tab_stops(wizard)
    assert_keyboard_ready(wizard, "setup wizard")


@pytest.fixture
def casework_vault(vault: VaultPaths) -> VaultPaths:
    """A peer with a session, and a group whose meeting three days ago awaits its register."""
    session = service_sign_in(vault, "Lee Lead")
    try:
        peer_id = peers.create(session, PeerDraft(preferred_name="Sunny",
                                                  first_contact=date.today() - timedelta(30)))
        casework.log_session(session, SessionDraft(
            peer_id=peer_id, worker_id=session.staff.id, held_on=date.today(), minutes=30,
            mode=SessionMode.IN_PERSON, kind=SessionKind.PEER_SUPPORT,
            notes="Talked about housing.", follow_up_on=date.today() + timedelta(7)))
        group_with(session, ["Amara", "Bilal"])
    finally:
        close(session)
    return vault


def _main_window(qtbot, start_gui, vault: VaultPaths, name: str) -> MainWindow:
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    main = gui.main_window
    assert main is not None
    show(qtbot, main)
    return main


@pytest.mark.parametrize("page", ["Today", "Peers", "Sessions", "Groups"])
def test_main_window_pages(qtbot, start_gui, casework_vault, page):
    main = _main_window(qtbot, start_gui, casework_vault, "Lee Lead")
    main.show_page(page)
    assert main.sidebar in tab_stops(main)
    assert_keyboard_ready(main, page)


@pytest.mark.parametrize("account", ["Ada Admin", "Lee Lead"])  # leads have Retention
def test_admin_tabs(qtbot, start_gui, casework_vault, account):
    main = _main_window(qtbot, start_gui, casework_vault, account)
    main.show_page("Admin")
    tabs = main.admin_page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        assert_keyboard_ready(main, f"Admin › {tabs.tabText(index)}")


def test_peer_page_and_session_dialog(qtbot, start_gui, casework_vault):
    main = _main_window(qtbot, start_gui, casework_vault, "Lee Lead")
    main.show_page("Peers")
    section = main.caseload.peers
    peer_id = section.list_page.model.peer_id(0)
    assert peer_id is not None and section.open_peer(peer_id)
    assert_keyboard_ready(main, "peer page")
    dialog = section.log_session(peer_id)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert_keyboard_ready(dialog, "session dialog")


def test_group_page_and_register(qtbot, start_gui, casework_vault):
    main = _main_window(qtbot, start_gui, casework_vault, "Lee Lead")
    main.show_page("Groups")
    section = main.groups
    group = section.list_page.model.row_at(0)
    assert section.open_group(group.id)
    assert_keyboard_ready(main, "group page")
    meeting = section.group_page.meetings.row_at(0)
    assert section.open_register(meeting.id)
    assert_keyboard_ready(main, "register")


DIALOGS = {
    "add a peer": lambda session, peer_id: PeerDialog(session),
    "record consent": lambda session, peer_id: ConsentDialog(session, peer_id),
    "add a referral": lambda session, peer_id: ReferralDialog(session, peer_id),
    "record a rating": lambda session, peer_id: RatingDialog(session, peer_id, [ONS4]),
    "add a group": lambda session, peer_id: GroupDialog(session),
    "schedule a meeting": lambda session, peer_id: MeetingDialog(
        session, groups.list_groups(session)[0]),
    "change my password": lambda session, peer_id: ChangePasswordDialog(session),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_dialogs(qtbot, casework_vault, name):
    session = service_sign_in(casework_vault, "Lee Lead")
    try:
        peer_id = peers.find(session, peers.PeerFilter(text="Sunny"))[0]
        dialog = DIALOGS[name](session, peer_id)
        qtbot.addWidget(dialog)
        show(qtbot, dialog)
        assert_keyboard_ready(dialog, name)
    finally:
        close(session)


def test_add_staff_dialog(qtbot, vault):
    session = service_sign_in(vault, "Ada Admin")
    try:
        dialog = AddStaffDialog(session)
        qtbot.addWidget(dialog)
        show(qtbot, dialog)
        assert_keyboard_ready(dialog, "add staff")
    finally:
        close(session)


def test_recovery_dialog(qtbot, start_gui, vault):
    gui = start_gui(vault)
    gui.sign_in_window.open_recovery()
    dialog = gui.sign_in_window.recovery_dialog
    assert dialog is not None
    show(qtbot, dialog)
    assert_keyboard_ready(dialog, "recovery key")


# -- the person's font size and contrast ----------------------------------------------------


@pytest.fixture
def app_font():
    app = QApplication.instance()
    before = app.font()
    yield app
    app.setFont(before)


def test_sizes_follow_the_application_font(app_font):
    font = QFont(app_font.font())
    font.setPointSizeF(16)
    app_font.setFont(font)
    assert theme.font_size(1.5) == "font-size: 24.0pt;"


def high_contrast_palette(background: str, text: str) -> QPalette:
    palette = QPalette(QColor(text), QColor(background))
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor(background))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor(text))
    return palette


def test_what_counts_as_high_contrast():
    assert theme.is_high_contrast(high_contrast_palette("#000000", "#ffffff"))
    assert theme.is_high_contrast(high_contrast_palette("#ffffff", "#000000"))
    assert not theme.is_high_contrast(high_contrast_palette("#efefef", "#000000"))
    assert not theme.is_high_contrast(high_contrast_palette("#1e1e1e", "#aaaaaa"))


@pytest.fixture
def high_contrast():
    app = QApplication.instance()
    before = app.palette()
    app.setPalette(high_contrast_palette("#000000", "#ffffff"))
    yield
    app.setPalette(before)


def test_a_high_contrast_palette_wins_over_our_colours(qtbot, start_gui, vault, high_contrast):
    gui = start_gui(vault)
    sign_in_window = gui.sign_in_window
    sign_in(qtbot, sign_in_window, "Ada Admin", PASSWORDS["Ada Admin"])
    main = gui.main_window
    top_bar = main.findChild(QWidget, "topBar")
    assert top_bar is not None
    style = top_bar.styleSheet()
    assert "#24364f" not in style and "white" not in style
    assert "palette(window)" in style
    for button in (main.hide_button, main.lock_button, main.sign_out_button):
        assert "white" not in button.styleSheet()
    # The sidebar and the sign-in window too.
    assert "#f3f4f6" not in main.sidebar.styleSheet()
    assert "#b71c1c" not in sign_in_window.message.styleSheet()


def test_tables_leave_row_colours_to_a_high_contrast_palette(qtbot):
    model = TodayModel()
    model.set_rows([TodayItem(1, "P-0001", "Sunny", date(2026, 1, 5), "Follow up", True, 1)])
    cell = model.index(0, 0)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    app = QApplication.instance()
    before = app.palette()
    app.setPalette(high_contrast_palette("#ffffff", "#000000"))
    try:
        assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is None
        assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is None
    finally:
        app.setPalette(before)


def test_without_high_contrast_the_top_bar_keeps_its_colours(qtbot, start_gui, vault):
    main = _main_window(qtbot, start_gui, vault, "Ada Admin")
    top_bar = main.findChild(QWidget, "topBar")
    assert "#24364f" in top_bar.styleSheet()
    assert ":focus" in main.hide_button.styleSheet(), "a visible focus outline"


def test_a_system_high_contrast_setting_restyles_the_sign_in_window_after_its_first_paint(
        qtbot, monkeypatch):
    """The sign-in window paints first from the palette (the system's setting loads Qt's
    slow enum namespace), then asks the system and follows it."""
    from peerdesk.ui.sign_in import SignInWindow

    monkeypatch.setattr(theme, "system_asks_high_contrast", lambda: True)
    window = SignInWindow()
    qtbot.addWidget(window)
    assert "#1565c0" in window.recovery_link.styleSheet()  # before the paint: the palette's say
    window.show()
    qtbot.waitUntil(lambda: "palette(link)" in window.recovery_link.styleSheet())
    assert "palette(window-text)" in window.message.styleSheet()
