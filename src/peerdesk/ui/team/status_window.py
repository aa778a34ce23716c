"""After joining: whether the team server can be reached, said plainly, what
waits in this PC's outbox to be sent, and the work after signing in.

Signing in is quick; what can take long — a change of the casework key owed
since someone left, the first fill of this PC's search cache (about a minute
at a large centre) — runs here as a background job (TeamDesk.prepare), with
its progress shown, while the person works. Search says it is still being
prepared until it can answer. Closing the window stops the job after the
batch it is on; what was done stays done, and the rest goes on at the next
sign-in. The desk is closed (its keys wiped) only once the job has ended.

Whether the server answers, and sending what waits, are background jobs too
(ui/team/team_jobs.py): the window says it is checking, or sending, and goes
on painting while a host that drops packets holds the connect.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.staff import Compartment
from peerdesk.ui.background_job import BackgroundJob
from peerdesk.ui.errors import message_for
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.team.team_jobs import TeamJob

if TYPE_CHECKING:
    from peerdesk.services.team import Preparation, TeamDesk


class TeamStatusWindow(QWidget):
    sent = Signal()
    # Preparing this PC moved on or ended: a list waiting for search can ask again.
    preparation_moved = Signal()

    def __init__(self, desk: TeamDesk, parent: QWidget | None = None, *,
                 prepare: bool = True, owns_desk: bool = True,
                 online: bool | None = None) -> None:
        """`owns_desk`: closing this window signs out (False: a page of the team
        window, which calls `sign_out` itself when it closes). `online`: whether
        the server answers, as its owner found (the team window asks off the GUI
        thread and keeps this page `told`); None: this window asks itself, off
        the GUI thread, and says it is checking until the answer comes."""
        from peerdesk.services.team_sending import sender

        super().__init__(parent)
        self.desk = desk
        self.owns_desk = owns_desk
        self.told_online = online
        self.answered_online: bool | None = None   # its own question's last answer
        self.check = TeamJob("peerdesk-team-online", desk.server_check, again_if_asked=True,
                             parent=self)
        self.check.done.connect(self._answered)
        self.check.failed.connect(lambda _exc: self._answered(False))
        self.sending = TeamJob("peerdesk-team-send", lambda: sender(desk),
                               again_if_asked=False, parent=self)
        self.sending.done.connect(self._sent)
        self.sending.failed.connect(self._not_sent)
        self.sending.ended.connect(self.refresh)
        self.job: BackgroundJob | None = None
        self._stop = threading.Event()
        self._close_signed_out: Callable[[], None] | None = None
        self._closed = False
        self.setWindowTitle("PeerDesk")
        self.heading = QLabel(self.tr("This PC has joined your centre's team."))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.error = error_label()
        self.send_button = QPushButton(self.tr("Send &what is waiting"))
        self.send_button.clicked.connect(self.send)
        # The work after signing in, while it runs.
        self.preparing = QLabel()
        self.preparing.setWordWrap(True)
        self.preparing.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(self.tr("Preparing this PC"))
        self.preparing.hide()
        self.progress.hide()
        # Search as you type, on this PC's cache.
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a peer by name or a word of a note"))
        self.search.setAccessibleName(self.tr("Find a peer"))
        self.search.textChanged.connect(self.search_for)
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.found.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addWidget(self.send_button)
        layout.addWidget(self.preparing)
        layout.addWidget(self.progress)
        layout.addWidget(self.search)
        layout.addWidget(self.found)
        layout.addStretch(1)
        self._holds_casework = desk.keys.holds(Compartment.CASEWORK)
        self.search.setVisible(self._holds_casework)
        self.found.setVisible(self._holds_casework)
        self.refresh()
        if prepare and desk.needs_preparation:
            self.start_preparing()

    # -- the work after signing in ------------------------------------------------------

    @property
    def is_preparing(self) -> bool:
        return self.job is not None

    def start_preparing(self) -> None:
        """TeamDesk.prepare in a background job (no busy cursor: the person works on)."""
        if self.job is not None:
            return
        desk, stop = self.desk, self._stop
        guard, closed = threading.Lock(), list[bool]()

        def close_once() -> None:
            with guard:
                if not closed:
                    closed.append(True)
                    desk.close()

        self._close_signed_out = close_once

        def work(report: Callable[[str], None]) -> Preparation:
            def tell(_state: Preparation) -> None:
                report("")  # the slot reads desk.preparation, which the worker updates

            try:
                return desk.prepare(progress=tell, should_stop=stop.is_set)
            finally:
                if stop.is_set():
                    # Signed out meanwhile: the keys are wiped here, whatever becomes
                    # of this window and of the job's queued signals.
                    close_once()

        self.job = BackgroundJob(work, name="peerdesk-team-prepare")
        self.job.progress.connect(self._moved_on)
        self.job.succeeded.connect(self._prepared)
        self.job.failed.connect(self._not_prepared)
        self.job.finished.connect(self._job_ended)

        def signed_out_meanwhile() -> None:
            # Not a slot of this window: when it was closed (a lock) and is gone before
            # the job ends, the desk must still be signed out and its keys wiped.
            if stop.is_set():
                close_once()

        self.job.finished.connect(signed_out_meanwhile, Qt.ConnectionType.QueuedConnection)
        self._show_preparation()
        self.job.start()

    def _show_preparation(self) -> None:
        from peerdesk.services.team import Phase

        state = self.desk.preparation
        if state.phase in (Phase.KEY_CHANGE, Phase.MAIN_KEY_CHANGE):
            text = (self.tr("Changing the casework key, because someone who held it has left: "
                            "{n} records re-sealed so far. You can work meanwhile.")
                    if state.phase is Phase.KEY_CHANGE else
                    self.tr("Changing the main key, because someone has left: {n} records "
                            "re-sealed so far. You can work meanwhile.")
                    ).format(n=state.rows_resealed)
            self.progress.setRange(0, 0)   # how many rows are left, nobody knows here
        else:
            text = self.tr("Preparing search on this PC: {n} %. You can work meanwhile."
                           ).format(n=state.percent)
            self.progress.setRange(0, 100)
            self.progress.setValue(state.percent)
        self.preparing.setText(text)
        self.preparing.show()
        self.progress.show()

    @Slot(str)
    def _moved_on(self, _text: str) -> None:
        if not self._closed:
            self._show_preparation()
            self.search_for(self.search.text())
            self.preparation_moved.emit()

    @Slot(object)
    def _prepared(self, state: object) -> None:
        from peerdesk.services.team import Preparation

        if self._closed:
            return
        self.desk.prepared()
        self.progress.hide()
        if isinstance(state, Preparation) and state.done and not self._holds_casework:
            self.preparing.hide()   # a main key change done: the status line says the rest
        elif isinstance(state, Preparation) and state.done:
            self.preparing.setText(self.tr("Search is ready."))
        else:
            self.preparing.setText(self.tr("Preparing this PC stopped; it goes on at the next "
                                           "sign-in."))
        self.search_for(self.search.text())
        self.refresh()
        self.preparation_moved.emit()

    @Slot(object)
    def _not_prepared(self, exc: object) -> None:
        if self._closed:
            return
        self.progress.hide()
        self.preparing.hide()
        set_message(self.error, message_for(exc) if isinstance(exc, BaseException) else None)
        self.search_for(self.search.text())

    @Slot()
    def _job_ended(self) -> None:
        self.job = None
        if self._closed and self._close_signed_out is not None:
            # Signed out after the work returned: the job's other queued slot may
            # be lost with the job itself, dropped just now.
            self._close_signed_out()

    # -- search -----------------------------------------------------------------------

    def search_for(self, text: str) -> None:
        """Search as you type; while the cache is being prepared, it says so."""
        if not self._holds_casework or not text.strip():
            self.found.clear()
            return
        try:
            found = self.desk.find_peers(text)
        except PeerDeskError as exc:
            self.found.setText(exc.user_message)
            return
        self.found.setText(self.tr("Peers found: {n}.").format(n=len(found)))

    # -- the server and the outbox --------------------------------------------------------

    def told(self, online: bool) -> None:
        """The owner's latest answer whether the server answers."""
        self.told_online = online
        self.refresh()

    def _answered(self, online: object) -> None:
        self.answered_online = bool(online)
        if not online:
            self.desk.server_away()
        self.refresh(ask=False)

    def refresh(self, *, ask: bool = True) -> None:
        """What the window says, from the last answer; with `ask` and no owner to
        tell it, the server asked again (in the background)."""
        online = self.told_online
        if online is None:
            if ask:
                self.check.start()
            online = self.answered_online
        waiting = self.desk.waiting()
        if self.sending.running:
            text = self.tr("Sending what was saved on this PC…")
        elif online is None:
            text = self.tr("Checking whether the team server can be reached…")
        elif online:
            text = (self.tr("Connected to the team server.") if not waiting else
                    self.tr("Connected to the team server. {n} saved while it couldn't be "
                            "reached are waiting to be sent.").format(n=waiting))
        else:
            text = self.tr(
                "The team server can't be reached. New sessions and new peers are kept on "
                "this PC, encrypted, and sent when it is back; changes to records already "
                "on the server have to wait until then.")
        self.state.setText(text)
        self.send_button.setEnabled(bool(online) and waiting > 0 and not self.sending.running)

    def send(self) -> None:
        """Send what waits, in a background job (one at a time); `sent` when done."""
        set_message(self.error, None)
        if self.sending.start():
            self.refresh(ask=False)

    def _not_sent(self, exc: object) -> None:
        set_message(self.error, message_for(exc) if isinstance(exc, BaseException) else None)
        self.sent.emit()

    def _sent(self, result: Any) -> None:
        """`result`: the desk's SendResult."""
        problems = []
        if result.refused:
            problems.append(self.tr("{n} were refused by the server and are kept on this PC."
                                    ).format(n=result.refused))
        if result.left:
            problems.append(self.tr("The server went away again; {n} are still waiting."
                                    ).format(n=result.left))
        set_message(self.error, " ".join(problems) or None)
        self.sent.emit()

    def sign_out(self) -> None:
        """Signs out. A preparation under way is asked to stop after its batch;
        the desk closes when it has (its keys are in use until then)."""
        if not self._closed:
            self._closed = True
            self.check.stop()
            self.sending.stop()
            if self.job is not None:
                self._stop.set()
            else:
                self.desk.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.owns_desk:
            self.sign_out()
        super().closeEvent(event)
