"""Admin › Screen lock: how many idle minutes before PeerDesk locks itself (1–30)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import lock_settings
from peerdesk.services.session import Session
from peerdesk.ui.admin.setting_parts import SaveFeedback, setting_row


class LockSettingsPage(QWidget):
    """Emits `idle_minutes_changed(minutes)` after a successful save."""

    idle_minutes_changed = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.minutes = QSpinBox()
        self.minutes.setRange(lock_settings.MIN_IDLE_MINUTES, lock_settings.MAX_IDLE_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.minutes.setValue(lock_settings.idle_lock_minutes(session))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        self.feedback = SaveFeedback()
        self.status, self.error = self.feedback.status, self.feedback.error
        explain = QLabel(
            self.tr("PeerDesk locks itself when nobody has touched the keyboard or mouse for this "
                    "long, and keeps anything being typed for after sign-in. On a shared PC, "
                    "shorter is safer. Anyone can lock at once with Ctrl+L, or hide everything "
                    "with the Hide button or by pressing Shift three times."))
        explain.setWordWrap(True)
        form = QFormLayout()
        setting_row(form, self.tr("&Lock after"), self.minutes, self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def save(self) -> None:
        if self.session is None:
            return
        session, minutes = self.session, self.minutes.value()

        def save() -> str:
            lock_settings.set_idle_lock_minutes(session, minutes)
            return self.tr("Saved: PeerDesk locks after {minutes} idle minutes.").format(
                minutes=minutes)

        if self.feedback.save(save):
            self.idle_minutes_changed.emit(minutes)

    def clear_data(self) -> None:
        self.session = None
        self.status.clear()
