"""Today's "First steps" for a new centre, ticked off from the vault's real state, and
the warning when automatic backup is on with no folder to go to."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import first_steps
from peerdesk.services.first_steps import CAN_SET_ASIDE, FirstStep, Step
from peerdesk.services.session import Session
from peerdesk.ui.errors import read_service, show_error
from peerdesk.ui.fields import warning_label
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.peers.forms import heading, muted
from peerdesk.ui.theme import colour

_CONTEXT = "FirstStepsPanel"
# (what the step is, the button that goes where it is done)
STEP_TEXT: dict[Step, tuple[str, str]] = {
    Step.RECOVERY_KEY: (
        QT_TRANSLATE_NOOP("FirstStepsPanel",
                          "Print or write down the recovery key and keep it safe"),
        QT_TRANSLATE_NOOP("FirstStepsPanel", "I have stored it")),
    Step.BACKUP_FOLDER: (
        QT_TRANSLATE_NOOP("FirstStepsPanel",
                          "Choose a folder for backups (a USB stick is a good place)"),
        QT_TRANSLATE_NOOP("FirstStepsPanel", "Choose folder…")),
    Step.STAFF: (
        QT_TRANSLATE_NOOP("FirstStepsPanel", "Add your colleagues' accounts"),
        QT_TRANSLATE_NOOP("FirstStepsPanel", "Add staff…")),
    Step.IMPORT: (
        QT_TRANSLATE_NOOP("FirstStepsPanel", "Bring in peers from an existing spreadsheet"),
        QT_TRANSLATE_NOOP("FirstStepsPanel", "Import…")),
    Step.REPORT: (
        QT_TRANSLATE_NOOP("FirstStepsPanel",
                          "Check the centre's name on reports and add your logo"),
        QT_TRANSLATE_NOOP("FirstStepsPanel", "Report settings…")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class FirstStepsPanel(QWidget):
    """Emits `go(step)` for a step's button; the main window goes where it is done."""

    go = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.backup_warning = warning_label(self.tr(
            "Automatic backup is switched on but no backup folder is chosen, so no backups "
            "are being made. Choose a folder in Admin › Backups."))
        self.backup_warning.setAccessibleName(self.tr("Backup warning"))
        self.box = QFrame()
        self.box.setObjectName("firstSteps")
        self.box.setStyleSheet(f"#firstSteps {{ border: 1px solid "
                               f"{colour('#c5cae9', 'mid')}; border-radius: 4px; }}")
        self.title = heading(self.tr("First steps"), 1)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.hide_button = QPushButton(self.tr("&Hide this list"))
        self.hide_button.setToolTip(self.tr("Once every step is done or not needed"))
        self.hide_button.clicked.connect(self.hide_list)
        self.marks: dict[Step, QLabel] = {}
        self.labels: dict[Step, QLabel] = {}
        self.buttons: dict[Step, QPushButton] = {}
        self.skip_buttons: dict[Step, QPushButton] = {}
        for row, step in enumerate(Step):
            text, button_text = STEP_TEXT[step]
            mark = QLabel()
            label = QLabel(_tr(text))
            label.setWordWrap(True)
            button = QPushButton(_tr(button_text))
            button.clicked.connect(lambda _checked=False, s=step: self._clicked(s))
            self.marks[step], self.labels[step], self.buttons[step] = mark, label, button
            self.grid.addWidget(mark, row, 0)
            self.grid.addWidget(label, row, 1)
            self.grid.addWidget(button, row, 2)
            if step in CAN_SET_ASIDE:
                skip = QPushButton(self.tr("Not needed"))
                skip.setAccessibleName(self.tr("Not needed: {step}").format(step=_tr(text)))
                skip.clicked.connect(lambda _checked=False, s=step: self._set_aside(s))
                self.skip_buttons[step] = skip
                self.grid.addWidget(skip, row, 3)
        inner = QVBoxLayout(self.box)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.hide_button)
        inner.addLayout(top)
        inner.addLayout(self.grid)
        self.note = muted(self.tr("Each step ticks itself off when it is done."))
        inner.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.backup_warning)
        layout.addWidget(self.box)
        self.steps: list[FirstStep] = []

    def reload(self) -> None:
        read = read_service(self, self.session, lambda session: (
            first_steps.steps(session), first_steps.auto_backup_without_folder(session)))
        if read is None:
            return
        found, warn = read
        self.steps = found.steps
        self.backup_warning.setVisible(warn)
        self.box.setVisible(found.shown)
        for item in found.steps:
            done = item.done
            self.marks[item.step].setText("✓" if done else ("–" if item.set_aside else "○"))
            self.marks[item.step].setAccessibleName(
                self.tr("Done") if done else
                self.tr("Not needed") if item.set_aside else self.tr("To do"))
            self.labels[item.step].setEnabled(not item.finished)
            self.buttons[item.step].setVisible(item.can_do and not item.finished)
            if item.step in self.skip_buttons:
                self.skip_buttons[item.step].setVisible(item.can_do and not item.finished)
            if not item.can_do and not item.finished:
                self.labels[item.step].setToolTip(self.tr("Someone in another role does this."))
        self.hide_button.setEnabled(found.all_finished)
        self.setVisible(warn or found.shown)

    def _clicked(self, step: Step) -> None:
        if self.session is None:
            return
        if step is Step.RECOVERY_KEY:
            try:
                first_steps.confirm_recovery_key_stored(self.session)
            except PeerDeskError as exc:
                show_error(self, exc)
            self.reload()
            return
        self.go.emit(step.value)

    def _set_aside(self, step: Step) -> None:
        if self.session is None:
            return
        try:
            first_steps.set_aside(self.session, step)
        except PeerDeskError as exc:
            show_error(self, exc)
        self.reload()

    def hide_list(self) -> None:
        if self.session is None:
            return
        try:
            first_steps.hide(self.session)
        except PeerDeskError as exc:
            show_error(self, exc)
        self.reload()

    def clear_data(self) -> None:
        self.session = None
        self.hide()
