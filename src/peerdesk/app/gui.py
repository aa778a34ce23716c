"""GUI start-up: open the vault, then switch between setup, sign-in and the main window.

Only the first window's modules load before it paints; the main window and the
admin pages load after sign-in, and the crypto and database modules load on
first use inside the services.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from peerdesk.app.exit_codes import EXIT_FAILED
from peerdesk.domain.errors import PeerDeskError
from peerdesk.storage.paths import VaultPaths

if TYPE_CHECKING:
    from peerdesk.domain.audit import AuditAction
    from peerdesk.services.session import Session
    from peerdesk.services.team import TeamPlace
    from peerdesk.storage.vault import LockedVault
    from peerdesk.ui.idle_lock import IdleLock
    from peerdesk.ui.key_work import KeyWork
    from peerdesk.ui.main_window import MainWindow
    from peerdesk.ui.quick_hide import NeutralScreen, ShiftTriple
    from peerdesk.ui.setup_wizard import SetupWizard
    from peerdesk.ui.sign_in import SignInWindow

EXIT_AFTER_FIRST_PAINT = "PEERDESK_EXIT_AFTER_FIRST_PAINT"
DEBUG_ENV = "PEERDESK_DEBUG"
EXIT_OPEN_FAILED = EXIT_FAILED
OPEN_ANYWAY_AFTER_MS = 500


class _ExitAfterFirstPaint(QObject):
    """Benchmark hook: the first paint of the first window prints 'painted' and quits.

    It quits there, before the work queued for after the paint (opening the
    vault, asking the system about contrast) runs, so that a whole-process
    timing is start to sign-in window, as the bare window's is start to window.
    """

    def __init__(self, window: QWidget, controller: GuiController) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.window() is self._window):
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            print("painted", flush=True)
            self._controller.quitting = True
            QApplication.exit(0)
        return False


class GuiController(QObject):
    """Owns the vault reservation and the session; shows one window at a time."""

    def __init__(self, paths: VaultPaths, demo_sign_in: tuple[str, str] | None = None, *,
                 idle_lock_ms: int | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 ask_before_creating: bool = False) -> None:
        super().__init__()
        # A path someone typed (--vault): if nothing is there, name it and ask
        # before the setup wizard makes a new centre there (a typo, a missing USB stick).
        self.ask_before_creating = ask_before_creating
        # None: the centre's setting (Admin › Settings), read at each sign-in.
        self.idle_lock_ms = idle_lock_ms
        self.clock = clock  # injectable, so tests move time instead of waiting
        self.idle_lock: IdleLock | None = None
        self.shift_triple: ShiftTriple | None = None
        self.neutral_screen: NeutralScreen | None = None
        self.paths = paths
        self.demo_sign_in = demo_sign_in
        self.locked: LockedVault | None = None
        self.session: Session | None = None
        self.wizard: SetupWizard | None = None
        self.team_window: QWidget | None = None
        # Where this PC keeps a team's connection file (None: the usual folders).
        self.team_place: TeamPlace | None = None
        self.team_sign_in: QWidget | None = None
        self.team_locked = False  # hidden behind the neutral screen from the team window
        self.sign_in_window: SignInWindow | None = None
        self.main_window: MainWindow | None = None
        self.key_work: KeyWork | None = None
        self.question: QWidget | None = None
        self.exit_code = 0
        # Set when the app is on its way out before the vault was opened (the
        # benchmark's exit at first paint): nothing more is started.
        self.quitting = False

    # -- start --------------------------------------------------------------------

    def start(self, *, open_after_paint: bool = False) -> QWidget | None:
        """Show the first window and return it; None (and exit_code set) if the vault
        could not be opened, after telling the person why.

        With `open_after_paint` the sign-in window shows first and the vault is
        opened from the event loop, so the window paints before the storage
        modules load; a failure then closes the window and exits.
        """
        if not self.paths.exists():
            if self.ask_before_creating:
                return self._ask_before_creating()
            if self._has_joined_team():
                return self._show_team_sign_in()
            return self._show_setup()
        if open_after_paint:
            window = self.show_sign_in()
            window.first_painted.connect(self._open_after_paint)
            # Should no paint come (a minimised start), open anyway.
            QTimer.singleShot(OPEN_ANYWAY_AFTER_MS, self._open_after_paint)
            return window
        if not self._open_vault():
            return None
        return self.show_sign_in()

    def _show_setup(self) -> QWidget:
        from peerdesk.ui.setup_wizard import SetupWizard

        self.wizard = SetupWizard(self.paths)
        self.wizard.team_place = self.team_place
        self.wizard.centre_created.connect(self._centre_created)
        self.wizard.team_joined.connect(self._team_joined)
        self.wizard.rejected.connect(self.quit)
        self.wizard.show()
        return self.wizard

    # -- a --vault path with no vault: ask first ---------------------------------------

    def _ask_before_creating(self) -> QWidget:
        from peerdesk.ui.new_vault_question import NewVaultQuestion

        question = NewVaultQuestion(self.paths.database)
        question.create_chosen.connect(self._show_setup)
        question.declined.connect(self._declined_new_vault)
        question.open()
        self.question = question
        return question

    def _declined_new_vault(self) -> None:
        print(f"peerdesk: there is no PeerDesk vault at {self.paths.database}; nothing was "
              "created there.", file=sys.stderr)
        self.exit_code = EXIT_OPEN_FAILED
        self.quit()

    # -- Ctrl+C and SIGTERM (app/gui_signals.py) ----------------------------------------

    def stop_on_signal(self, signum: int) -> None:
        """Close as a person closing the window would: drafts kept, session ended."""
        from peerdesk.app.stop_signals import exit_code_for

        self.exit_code = exit_code_for(signum)
        self.quit()

    # -- opening the vault ------------------------------------------------------------

    def _open_after_paint(self) -> None:
        if self.locked is None and self.exit_code == 0 and not self.quitting:
            # Queued, so the paint finishes and reaches the screen first.
            QTimer.singleShot(0, self._open_vault_once)

    def _open_vault_once(self) -> None:
        if self.locked is None and self.exit_code == 0 and not self.quitting:
            self._open_vault()

    def _open_vault(self) -> bool:
        from peerdesk.services.auth import SignIn
        from peerdesk.storage.vault import LockedVault

        try:
            self.locked = LockedVault.open(self.paths)
        except PeerDeskError as exc:
            from peerdesk.ui.errors import show_fatal

            self.exit_code = EXIT_OPEN_FAILED
            if self.sign_in_window is not None:
                self.sign_in_window.hide()
            show_fatal(exc.user_message)
            if self.sign_in_window is not None:
                QApplication.exit(self.exit_code)
            return False
        if self.sign_in_window is not None:
            self.sign_in_window.attach(SignIn(self.locked))
        return True

    def _centre_created(self, session: Session) -> None:
        self.locked = session.vault.locked
        if self.wizard is not None:
            self.wizard.hide()
            self.wizard.deleteLater()
            self.wizard = None
        self._signed_in(session)

    # -- switching windows -----------------------------------------------------------

    # -- team mode (ui/team) ----------------------------------------------------------

    def _has_joined_team(self) -> bool:
        from peerdesk.services.team import TeamPlace, has_joined

        return has_joined(self.team_place or TeamPlace.default())

    def _show_team_sign_in(self) -> QWidget:
        """This PC joined its centre's team before: the person signs in to it."""
        from peerdesk.services.team import TeamPlace
        from peerdesk.ui.team.join_dialog import JoinTeamDialog

        dialog = JoinTeamDialog(self.team_place or TeamPlace.default(), signing_in=True)
        dialog.accepted.connect(lambda: self._team_joined(dialog.desk))
        dialog.rejected.connect(self.quit)
        dialog.open()
        self.team_sign_in = dialog
        return dialog

    def _team_joined(self, desk: Any) -> None:
        """Joined the centre's team, or signed in to it: the team window, the
        person's work over the team server."""
        from peerdesk.ui.team.team_window import TeamWindow

        if desk is None:
            return
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None
        if self.team_sign_in is not None:
            self.team_sign_in.deleteLater()
            self.team_sign_in = None
        window = TeamWindow(desk)
        window.closed.connect(lambda: self._team_window_closed(window))
        window.lock_requested.connect(self.lock)
        self.team_window = window
        window.show()
        self._watch_team_window()

    def _watch_team_window(self) -> None:
        """The idle lock and Shift pressed three times, as over the vault (at the
        usual idle time: the centre's setting lives in a vault)."""
        from peerdesk.ui.idle_lock import IdleLock
        from peerdesk.ui.quick_hide import ShiftTriple

        if self.idle_lock is None:
            self.idle_lock = IdleLock(parent=self, clock=self.clock)
            self.idle_lock.idle.connect(self.lock)
        if self.idle_lock_ms is not None:
            self.idle_lock.set_timeout_ms(self.idle_lock_ms)
        self.idle_lock.start()
        if self.shift_triple is None:
            self.shift_triple = ShiftTriple(self, clock=self.clock)
            self.shift_triple.pressed.connect(self.quick_hide)
        self.shift_triple.start()

    def _end_team_session(self) -> bool:
        """Close the team window and sign the person out of the team server (its
        keys wiped); False when no one was signed in to it."""
        window, self.team_window = self.team_window, None
        if window is None:
            return False
        if self.idle_lock is not None:
            self.idle_lock.stop()
        _clear_our_clipboard()
        window.close()
        window.deleteLater()
        return True

    def _team_window_closed(self, window: QWidget) -> None:
        # The person closed it (signed out); not the controller shutting down.
        if self.team_window is window:
            self.team_window = None
            self.quit()

    def show_sign_in(self) -> SignInWindow:
        if self.sign_in_window is None:
            from peerdesk.ui.sign_in import SignInWindow

            self.sign_in_window = SignInWindow(demo_sign_in=self.demo_sign_in)
            if self.locked is not None:
                from peerdesk.services.auth import SignIn

                self.sign_in_window.attach(SignIn(self.locked))
            self.sign_in_window.signed_in.connect(self._signed_in)
            self.sign_in_window.closed.connect(self.quit)
        self.sign_in_window.reset()
        self.sign_in_window.show()
        self.sign_in_window.raise_()
        self.sign_in_window.activateWindow()
        return self.sign_in_window

    def _signed_in(self, session: Session) -> None:
        from peerdesk.ui.main_window import MainWindow

        self.session = session
        old = self.main_window
        self.main_window = MainWindow(session)
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.sign_out_requested.connect(self.sign_out)
        self.main_window.closed.connect(self.quit)
        self.main_window.show()
        if old is not None:
            old.deleteLater()
        if self.sign_in_window is not None:
            self.sign_in_window.hide()
        self.main_window.hide_requested.connect(self.quick_hide)
        if session.must_change_password:
            self.main_window.change_password(required=True)
        else:
            from peerdesk.ui.drafts import offer_back

            window = self.main_window
            offer_back(session, window, window.bus, window.present)
        self._start_watching(session)
        # Key work a change of staff left owed (a rotation of peers' records
        # the administrator could not do) runs first, with progress; then the
        # daily backup, so that it copies the vault under its new keys.
        from peerdesk.ui.key_work import run_owed_key_work

        self.key_work = run_owed_key_work(session, self.main_window)
        if self.key_work is None:
            self._start_due_backup(session)
        else:
            self.key_work.done.connect(lambda _ok: self._start_due_backup(session))

    def _start_due_backup(self, session: Session) -> None:
        # -- automatic daily backup: in the background once the window shows; a
        # failure is a notice that stops no one (ui/admin/auto_backup.py).
        if self.session is not session or self.main_window is None:
            return
        from peerdesk.ui.admin.auto_backup import start_due_backup

        start_due_backup(session, self.main_window)
        # -- end automatic daily backup

    def _start_watching(self, session: Session) -> None:
        """The idle lock at the centre's setting, and Shift pressed three times."""
        from peerdesk.services.lock_settings import idle_lock_minutes
        from peerdesk.ui.idle_lock import IdleLock
        from peerdesk.ui.quick_hide import ShiftTriple

        timeout_ms = self.idle_lock_ms
        if timeout_ms is None:
            timeout_ms = idle_lock_minutes(session) * 60_000
        if self.idle_lock is None:
            self.idle_lock = IdleLock(timeout_ms, self, clock=self.clock)
            self.idle_lock.idle.connect(self.lock)
        self.idle_lock.set_timeout_ms(timeout_ms)
        self.idle_lock.start()
        admin_page = self.main_window.admin_page if self.main_window is not None else None
        settings_page = getattr(admin_page, "lock_settings_page", None)
        if settings_page is not None and self.idle_lock_ms is None:
            idle_lock = self.idle_lock
            settings_page.idle_minutes_changed.connect(
                lambda minutes: idle_lock.set_timeout_ms(minutes * 60_000))
        if self.shift_triple is None:
            self.shift_triple = ShiftTriple(self, clock=self.clock)
            self.shift_triple.pressed.connect(self.quick_hide)
        self.shift_triple.start()

    def _end_session(self, action: AuditAction | None = None, *,
                     hidden: list[QWidget] | None = None) -> None:
        """Keep unsaved forms as drafts, close dialogs, empty models, drop the key.

        `hidden`: windows quick hide has just blanked; their forms are kept too.
        """
        from peerdesk.domain.audit import AuditAction

        action = action or AuditAction.SIGNED_OUT
        window, session = self.main_window, self.session
        self.session = None
        if self.idle_lock is not None:
            self.idle_lock.stop()
        _clear_our_clipboard()
        if session is not None:
            from peerdesk.ui.drafts import keep_open_forms

            open_forms = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
            keep_open_forms(session, open_forms + list(hidden or ()))
        if window is not None:
            window.close_dialogs(also=hidden or ())
            window.close_dialogs()
            window.clear_data()
            window.hide()
        if session is not None:
            try:
                self.locked = session.end(action)
            except PeerDeskError:
                # The audit entry could not be written (disk full, say); the key is
                # still dropped so nothing stays readable.
                self.locked = session.vault.close()

    def lock(self) -> None:
        if self._end_team_session():
            self._show_team_sign_in()
            return
        if self.session is None:
            return
        from peerdesk.domain.audit import AuditAction

        self._end_session(AuditAction.LOCKED)
        self.show_sign_in()

    def quick_hide(self) -> None:
        """Blank every window at once, then lock behind a neutral screen (DESIGN.md §4)."""
        from peerdesk.domain.audit import AuditAction
        from peerdesk.ui.quick_hide import NeutralScreen, blank_all_windows

        if self.neutral_screen is None:
            self.neutral_screen = NeutralScreen()
            self.neutral_screen.continue_requested.connect(self._leave_neutral_screen)
            self.neutral_screen.closed.connect(self.quit)
        # The neutral screen takes the main window's place and size, so the
        # app looks blank where it was rather than vanishing and reappearing.
        main: QWidget | None = self.main_window
        if self.team_window is not None:
            main = self.team_window
        if main is not None and main.isVisible():
            self.neutral_screen.setGeometry(main.geometry())
            maximised = main.isMaximized() or main.isFullScreen()
        else:
            maximised = False
        hidden = blank_all_windows(keep=self.neutral_screen)
        if maximised:
            self.neutral_screen.showMaximized()
        else:
            self.neutral_screen.show()
        self.neutral_screen.raise_()
        self.neutral_screen.activateWindow()
        if self.session is not None:
            self._end_session(AuditAction.LOCKED, hidden=hidden)
        if self._end_team_session():
            self.team_locked = True

    def _leave_neutral_screen(self) -> None:
        if self.neutral_screen is not None:
            self.neutral_screen.hide()
        if self.team_locked:
            self.team_locked = False
            self._show_team_sign_in()
            return
        self.show_sign_in()

    def sign_out(self) -> None:
        if self.session is None:
            return
        self._end_session()
        self.show_sign_in()

    def shutdown(self) -> None:
        """End any session, then give the vault back. Safe to call twice."""
        self._end_session()
        self._end_team_session()  # signs the person out of the team server
        if self.shift_triple is not None:
            self.shift_triple.stop()
        if self.locked is not None:
            self.locked.release()
            self.locked = None

    def quit(self) -> None:
        self.shutdown()
        QApplication.exit(self.exit_code)


def _clear_our_clipboard() -> None:
    """Locking clears the clipboard only if it still holds text copied from PeerDesk."""
    clipboard = QApplication.clipboard()
    if clipboard is not None and clipboard.ownsClipboard():
        clipboard.clear()


def _install_excepthook(parent: GuiController) -> None:
    """Anything not a PeerDeskError shows a neutral message, never a traceback."""

    def hook(kind: type[BaseException], value: BaseException,
             tb: TracebackType | None) -> None:
        # Exception messages can carry record values; stderr may end up in a
        # session log on a shared PC. Details only when asked for.
        if os.environ.get(DEBUG_ENV):
            traceback.print_exception(kind, value, tb, file=sys.stderr)
        else:
            print(f"PeerDesk: unexpected {kind.__name__} (set {DEBUG_ENV}=1 or run with "
                  "--debug for details)", file=sys.stderr)
        from peerdesk.ui.errors import show_error

        window = parent.main_window if parent.session is not None else parent.sign_in_window
        show_error(window, value)

    sys.excepthook = hook


def run_gui(paths: VaultPaths, demo_sign_in: tuple[str, str] | None = None, *,
            ask_before_creating: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PeerDesk")
    from peerdesk.ui.i18n import install_translators

    install_translators(app)
    from peerdesk.app.icon import DESKTOP_FILE_NAME, app_icon

    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setQuitOnLastWindowClosed(False)  # windows are swapped; the controller decides
    controller = GuiController(paths, demo_sign_in, ask_before_creating=ask_before_creating)
    first = controller.start(open_after_paint=True)
    if first is None:
        return controller.exit_code
    if os.environ.get(EXIT_AFTER_FIRST_PAINT):
        app.installEventFilter(_ExitAfterFirstPaint(first, controller))
    _install_excepthook(controller)
    from peerdesk.app.gui_signals import StopSignals

    stop_signals = StopSignals(controller.stop_on_signal)
    try:
        code = app.exec()
    finally:
        stop_signals.uninstall()
        controller.shutdown()
    return int(code)
