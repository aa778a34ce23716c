"""Help › About PeerDesk: the version, where the vault is, and where backups go.

What support asks first, and what a centre needs to know to keep its records
safe: which files to keep together, and whether backups are being made at all.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from peerdesk import __version__
from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import backups
from peerdesk.services.session import Session
from peerdesk.ui.peers.forms import heading, muted
from peerdesk.ui.timefmt import local_time


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # paths are shown as they are
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About PeerDesk"))
        self.setMinimumWidth(560)
        paths = session.vault.paths
        self.version = _value(self.tr("PeerDesk {version} (Qt {qt}, Python {python})").format(
            version=__version__, qt=pyside_version, python=platform.python_version()))
        self.vault = _value(self.tr("{database}\nand its key file, which must stay beside "
                                    "it:\n{keys}").format(database=paths.database,
                                                           keys=paths.keys))
        self.backups = _value(self._backup_text(session))
        self.version.setAccessibleName(self.tr("Version"))
        self.vault.setAccessibleName(self.tr("Vault"))
        self.backups.setAccessibleName(self.tr("Backups"))

        form = QFormLayout()
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("The vault:"), self.vault)
        form.addRow(self.tr("Backups:"), self.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("PeerDesk"))
        layout.addWidget(muted(self.tr(
            "Encrypted records and anonymised reports for peer-support centres. Everything "
            "stays on this computer; nothing is sent over the internet. Free software under "
            "the GNU GPL, version 3 or later.")))
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _backup_text(self, session: Session) -> str:
        try:
            settings = backups.where_backups_go(session)
            last = backups.last_backup_at(session)
        except PeerDeskError as exc:
            return exc.user_message
        when = (self.tr("Last backup: {when}.").format(when=local_time(last.isoformat()))
                if last else self.tr("No backup has been made yet."))
        if settings.folder is None:
            return self.tr("No backup folder has been chosen yet: an administrator chooses one "
                           "in Admin › Backups.") + " " + when
        how = (self.tr("Automatically once a day, and when someone presses Back up now.")
               if settings.auto else
               self.tr("Only when someone presses Back up now (automatic backups are off)."))
        text = f"{settings.folder}\n{how} {when}"
        if not Path(settings.folder).is_dir():
            text += "\n" + self.tr("That folder can't be found right now (is the USB stick "
                                   "plugged in?).")
        return text
