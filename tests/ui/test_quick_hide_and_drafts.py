"""Quick hide, the idle lock on an injected clock, and drafts kept across a lock.

After either, no connection to the vault is open, every model of ours is
empty, and what was being typed comes back after the same person signs in.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from peerdesk.services import casework, drafts, peers
from peerdesk.storage.database import open_connections
from peerdesk.ui.quick_hide import NeutralScreen, ShiftTriple
from peerdesk.ui.sessions.session_dialog import SessionDialog
from tests.fixtures.vaults import close
from tests.fixtures.vaults import sign_in as service_sign_in
from tests.services.caseload_helpers import peer
from tests.ui.conftest import sign_in as type_sign_in
from tests.ui.conftest import visible

WORKER, WORKER_PASSWORD = "Cal Worker", "caseworker pass phrase 7"
NOTE = "Talked through the housing letter and the hearing date"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _with_peer(vault) -> int:
    session = service_sign_in(vault, WORKER)
    try:
        return peers.create(session, peer("Rowan Quill"))
    finally:
        close(session)


def _our_models(window: QWidget) -> list[QAbstractItemModel]:
    """Models written for PeerDesk (Qt's own combo and list models hold no records)."""
    return [m for m in window.findChildren(QAbstractItemModel)
            if type(m).__module__.startswith("peerdesk.")]


def _start_typing_a_session(qtbot, gui, peer_id: int) -> SessionDialog:
    main = gui.main_window
    dialog = main.caseload.peers.log_session(peer_id)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.minutes.setValue(35)
    qtbot.keyClicks(dialog.notes, NOTE)
    return dialog


def _assert_nothing_left_open(gui, vault) -> None:
    assert gui.session is None
    assert open_connections(vault.database) == []
    main = gui.main_window
    assert not main.isVisible()
    models = _our_models(main)
    assert models, "the main window should have models of its own"
    full = [type(m).__name__ for m in models if m.rowCount() > 0]
    assert full == [], f"models still holding rows after locking: {full}"
    assert not visible(SessionDialog)


def _take_draft_back(qtbot, gui) -> SessionDialog:
    qtbot.waitUntil(lambda: any("were writing a session" in b.text()
                                for b in visible(QMessageBox)))
    box = next(b for b in visible(QMessageBox) if "were writing" in b.text())
    carry_on = next(b for b in box.buttons() if "Carry on" in b.text())
    qtbot.mouseClick(carry_on, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(visible(SessionDialog)) == 1)
    return visible(SessionDialog)[0]


def test_shift_three_times_blanks_every_window_locks_and_keeps_the_draft(
        qtbot, start_gui, vault):
    peer_id = _with_peer(vault)
    clock = FakeClock()
    gui = start_gui(vault, clock=clock)
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    main = gui.main_window
    main.show_page("Peers")
    dialog = _start_typing_a_session(qtbot, gui, peer_id)
    assert open_connections(vault.database)

    for _ in range(3):
        clock.now += 0.2
        qtbot.keyClick(QApplication.focusWidget() or dialog.notes, Qt.Key.Key_Shift)

    neutral = gui.neutral_screen
    assert isinstance(neutral, NeutralScreen) and neutral.isVisible()
    others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not neutral]
    assert others == [], f"still showing: {[type(w).__name__ for w in others]}"
    _assert_nothing_left_open(gui, vault)
    # The neutral screen says nothing about whose records these are.
    shown_text = " ".join(label.text() for label in neutral.findChildren(QLabel))
    assert shown_text == "Locked." and neutral.windowTitle() == "PeerDesk"

    qtbot.mouseClick(neutral.continue_button, Qt.MouseButton.LeftButton)
    assert gui.sign_in_window.isVisible() and not neutral.isVisible()
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    back = _take_draft_back(qtbot, gui)
    assert back.notes.toPlainText() == NOTE
    assert back.minutes.value() == 35
    assert back.form_state()["peer_id"] == peer_id
    back.accept()
    stored = casework.get_session(gui.session, back.saved_id)
    assert stored.draft.notes == NOTE and stored.draft.minutes == 35
    assert drafts.pending(gui.session) == [], "taking a draft back deletes it"


def test_the_hide_button_does_the_same(qtbot, start_gui, vault):
    gui = start_gui(vault)
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    main = gui.main_window
    main.setGeometry(60, 40, 900, 640)
    where = main.geometry()
    qtbot.mouseClick(main.hide_button, Qt.MouseButton.LeftButton)
    assert gui.neutral_screen.isVisible()
    # In the main window's place, so the app goes blank rather than moving.
    assert gui.neutral_screen.geometry() == where
    _assert_nothing_left_open(gui, vault)


def test_idle_time_on_the_clock_locks_and_the_draft_comes_back(qtbot, start_gui, vault):
    peer_id = _with_peer(vault)
    clock = FakeClock()
    gui = start_gui(vault, clock=clock)
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    _start_typing_a_session(qtbot, gui, peer_id)

    clock.now += 4 * 60
    gui.idle_lock.check()
    assert gui.session is not None, "four minutes idle is not five"
    clock.now += 61
    gui.idle_lock.check()

    _assert_nothing_left_open(gui, vault)
    assert gui.sign_in_window.isVisible()
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    assert _take_draft_back(qtbot, gui).notes.toPlainText() == NOTE


def test_input_moves_the_idle_deadline(qtbot, start_gui, vault):
    clock = FakeClock()
    gui = start_gui(vault, clock=clock)
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    main = gui.main_window
    clock.now += 4 * 60
    qtbot.keyClick(main.sidebar, Qt.Key.Key_Down)
    clock.now += 4 * 60
    gui.idle_lock.check()
    assert gui.session is not None
    clock.now += 61
    gui.idle_lock.check()
    assert gui.session is None


def test_the_centres_idle_setting_is_used(qtbot, start_gui, vault):
    from peerdesk.services import lock_settings

    admin = service_sign_in(vault, "Ada Admin")
    lock_settings.set_idle_lock_minutes(admin, 2)
    close(admin)
    clock = FakeClock()
    gui = start_gui(vault, clock=clock)
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    clock.now += 121
    gui.idle_lock.check()
    assert gui.session is None


def test_another_person_is_not_offered_someone_elses_draft(qtbot, start_gui, vault):
    peer_id = _with_peer(vault)
    gui = start_gui(vault)
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    _start_typing_a_session(qtbot, gui, peer_id)
    gui.lock()
    type_sign_in(qtbot, gui.sign_in_window, "Lee Lead", "programme lead secret 9")
    qtbot.wait(50)
    assert not any("were writing" in b.text() for b in visible(QMessageBox))
    assert drafts.pending(gui.session) == []


def test_an_untouched_form_is_not_kept(qtbot, start_gui, vault):
    peer_id = _with_peer(vault)
    gui = start_gui(vault)
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    dialog = gui.main_window.caseload.peers.log_session(peer_id)
    qtbot.waitUntil(dialog.isVisible)
    gui.lock()
    type_sign_in(qtbot, gui.sign_in_window, WORKER, WORKER_PASSWORD)
    assert drafts.pending(gui.session) == []


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def test_shift_three_times_needs_three_quick_presses_and_nothing_between():
    clock = FakeClock()
    triple = ShiftTriple(clock=clock)
    fired = _Counter()
    triple.pressed.connect(fired)
    shift = Qt.Key.Key_Shift

    for _ in range(3):  # capitals typed quickly: a letter after each Shift
        triple.key_pressed(shift)
        triple.key_pressed(Qt.Key.Key_A)
        clock.now += 0.1
    assert fired.count == 0
    for _ in range(3):  # too slow
        triple.key_pressed(shift)
        clock.now += 0.6
    assert fired.count == 0
    triple.key_pressed(shift, auto_repeat=True)  # a held key repeating is one press
    assert fired.count == 0
    for _ in range(3):
        triple.key_pressed(shift)
        clock.now += 0.3
    assert fired.count == 1


def test_admin_sets_the_idle_minutes_and_they_apply_at_once(qtbot, start_gui, vault):
    from peerdesk.services import audit_log, lock_settings

    clock = FakeClock()
    gui = start_gui(vault, clock=clock)
    type_sign_in(qtbot, gui.sign_in_window, "Ada Admin", "correct horse battery staple")
    main = gui.main_window
    main.show_page("Admin")
    page = main.admin_page.lock_settings_page
    assert page.minutes.value() == 5
    assert (page.minutes.minimum(), page.minutes.maximum()) == (1, 30)
    page.minutes.setValue(3)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "3 idle minutes" in page.status.text()
    assert lock_settings.idle_lock_minutes(gui.session) == 3
    assert any(e.detail == "3 minutes" for e in audit_log.recent_events(gui.session))
    clock.now += 3 * 60 + 1
    gui.idle_lock.check()
    assert gui.session is None


def test_idle_minutes_outside_1_to_30_are_refused(vault):
    import pytest

    from peerdesk.domain.errors import PermissionDenied, ValidationError
    from peerdesk.services import lock_settings

    admin = service_sign_in(vault, "Ada Admin")
    try:
        for bad in (0, 31, -5):
            with pytest.raises(ValidationError, match="between 1 and 30"):
                lock_settings.set_idle_lock_minutes(admin, bad)
        assert lock_settings.idle_lock_minutes(admin) == 5
    finally:
        close(admin)
    worker = service_sign_in(vault, WORKER)
    try:
        with pytest.raises(PermissionDenied):
            lock_settings.set_idle_lock_minutes(worker, 10)
    finally:
        close(worker)
