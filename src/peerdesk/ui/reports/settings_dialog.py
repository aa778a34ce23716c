"""Report settings for programme leads: the cover's name and logo, disclosure control, paper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.validation import CENTRE_NAME_MAX, clean_name
from peerdesk.reports.disclosure import MIN_K, Rounding
from peerdesk.services import reports
from peerdesk.services.reports import LOGO_MAX_BYTES, PAGE_SIZES, ReportSettings
from peerdesk.services.session import Session
from peerdesk.ui.errors import show_error
from peerdesk.ui.fields import keep_long_text

MAX_K = 50  # the service refuses more: almost every figure would be hidden
LOGO_PREVIEW = (160, 64)


def read_logo_file(path: Path) -> bytes:
    """The file's bytes, refusing a large file before reading it all."""
    try:
        reports.check_logo_size(path.stat().st_size)
        with path.open("rb") as file:
            return file.read(LOGO_MAX_BYTES + 1)  # it may have grown since
    except OSError as exc:
        raise PeerDeskError("That file can't be read. Choose another one.") from exc


class ReportSettingsDialog(QDialog):
    """`saved()` after the settings were stored."""

    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.setWindowTitle(self.tr("Report settings"))
        # Replaceable in tests: the platform's own file chooser.
        self.choose_file: Callable[..., tuple[str, str]] = QFileDialog.getOpenFileName
        current = reports.settings(session)
        self._logo: bytes | None = reports.logo(session)
        self._logo_changed = False

        self.centre = QLineEdit(reports.centre_name(session))
        self.centre.setAccessibleName(self.tr("Centre name on the cover"))
        self.k = QSpinBox()
        self.k.setRange(MIN_K, MAX_K)
        self.k.setValue(current.k)
        self.k.setAccessibleName(self.tr("Smallest count shown"))
        self.k.setToolTip(self.tr("Counts from 1 to one less than this are never printed: "
                                  "they are hidden as “*”."))
        self.rounding = QComboBox()
        for rounding in Rounding:
            self.rounding.addItem(rounding.label, rounding.value)
        self.rounding.setCurrentIndex(self.rounding.findData(current.rounding.value))
        self.rounding.setAccessibleName(self.tr("Rounding"))
        self.page_size = QComboBox()
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(current.page_size)
        self.page_size.setAccessibleName(self.tr("Paper size"))
        self.quotes_page = QCheckBox(self.tr("Add an “In their &words” page: approved quotes "
                                             "whose consent is current when printed"))
        self.quotes_page.setChecked(current.quotes_page)

        self.logo_view = QLabel()
        self.logo_view.setMinimumSize(*LOGO_PREVIEW)
        self.logo_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_view.setAccessibleName(self.tr("Logo"))
        self.choose_logo_button = QPushButton(self.tr("C&hoose logo…"))
        self.choose_logo_button.setAccessibleName(self.tr("Choose a logo"))
        self.remove_logo_button = QPushButton(self.tr("Re&move logo"))
        self.remove_logo_button.setAccessibleName(self.tr("Remove the logo"))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_view)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.remove_logo_button)
        logo_row.addStretch(1)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()

        form = QFormLayout()
        form.addRow(self.tr("Centre &name:"), self.centre)
        form.addRow(self.tr("Hide counts &below k ="), self.k)
        form.addRow(self.tr("R&ounding:"), self.rounding)
        form.addRow(self.tr("&Paper:"), self.page_size)
        form.addRow(self.tr("Quotes:"), self.quotes_page)
        form.addRow(self.tr("Logo on the cover:"), logo_row)
        hint = QLabel(self.tr("The logo is kept inside the encrypted vault: a PNG or JPEG "
                              "of at most 1 MB."))
        hint.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._show_logo()
        keep_long_text(self)

    def _show_logo(self) -> None:
        self.logo_view.clear()
        if self._logo:
            image = QImage.fromData(QByteArray(self._logo))
            pixmap = QPixmap.fromImage(image).scaled(
                *LOGO_PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            self.logo_view.setPixmap(pixmap)
        else:
            self.logo_view.setText(self.tr("No logo"))
        self.remove_logo_button.setEnabled(self._logo is not None)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def choose_logo(self) -> None:
        chosen, _filter = self.choose_file(
            self, self.tr("Choose the centre's logo"), str(Path.home()),
            self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if chosen:
            self.use_logo_file(Path(chosen))

    def use_logo_file(self, path: Path) -> bool:
        """Take the picture for the cover if it will do; otherwise say why and keep the old."""
        try:
            data = read_logo_file(path)
            reports.check_logo(data)
        except PeerDeskError as exc:
            self._say(exc.user_message)
            show_error(self, exc, self.tr("Logo not used"))
            return False
        self._logo, self._logo_changed = data, True
        self._say("")
        self._show_logo()
        return True

    def remove_logo(self) -> None:
        self._logo, self._logo_changed = None, True
        self._show_logo()

    def save(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            # Checked before anything is stored, so a bad name changes nothing.
            name = clean_name(self.centre.text(), what=self.tr("The centre's name"),
                              maximum=CENTRE_NAME_MAX)
            chosen = ReportSettings(k=self.k.value(),
                                    rounding=Rounding(self.rounding.currentData()),
                                    page_size=self.page_size.currentText(),
                                    quotes_page=self.quotes_page.isChecked())
            reports.save_settings(session, chosen)
            if name != reports.centre_name(session):
                reports.set_centre_name(session, name)
            if self._logo_changed:
                if self._logo is None:
                    reports.remove_logo(session)
                else:
                    reports.set_logo(session, self._logo)
        except ValidationError as exc:
            self._say(exc.user_message)
            return
        except PeerDeskError as exc:
            show_error(self, exc, self.tr("Settings not saved"))
            return
        self.saved.emit()
        self.accept()
