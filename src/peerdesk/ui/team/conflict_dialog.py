"""The second save of a record someone else saved meanwhile: what changed, field
by field, and a choice where both changed it (services.team.EditConflict)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from peerdesk.services.team import EditConflict, Pick
from peerdesk.ui.form_dialog import FormDialog


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ConflictDialog(FormDialog):
    """Accepted with `picks` (field -> Pick) for the fields both people changed;
    a field only one of them changed keeps that change."""

    def __init__(self, conflict: EditConflict, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.conflict = conflict
        self.setWindowTitle(self.tr("Someone else saved this record"))
        self._labels = {
            "preferred_name": self.tr("Preferred name"), "full_name": self.tr("Full name"),
            "birth_year": self.tr("Year of birth"), "age_band": self.tr("Age band"),
            "gender": self.tr("Gender"), "gender_description": self.tr("Gender, in their words"),
            "languages": self.tr("Languages"), "nationality": self.tr("Nationality"),
            "contact_route": self.tr("First contact by"),
            "first_contact": self.tr("First contact"), "status": self.tr("Status"),
            "closed_on": self.tr("Closed on"), "closed_reason": self.tr("Reason for closing"),
            "caseworker_id": self.tr("Caseworker"), "supporter_id": self.tr("Peer supporter"),
        }
        intro = QLabel(self.tr(
            "A colleague saved this record after you opened it. Their changes and yours are "
            "below; where you both changed a field, choose which to keep."))
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, heading in enumerate((self.tr("Field"), self.tr("Before"),
                                          self.tr("Theirs"), self.tr("Yours"))):
            title = _plain(heading)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            grid.addWidget(title, 0, column)
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for row, change in enumerate(conflict.changes, start=1):
            grid.addWidget(_plain(self._labels.get(change.field, change.field)), row, 0)
            grid.addWidget(_plain(self._shown(change.before)), row, 1)
            if change.both_changed:
                theirs = QRadioButton(self._shown(change.theirs))
                mine = QRadioButton(self._shown(change.mine))
                theirs.setChecked(True)
                group = QButtonGroup(self)
                group.addButton(theirs)
                group.addButton(mine)
                grid.addWidget(theirs, row, 2)
                grid.addWidget(mine, row, 3)
                self.choices[change.field] = (theirs, mine)
            else:
                grid.addWidget(_plain(self._shown(change.theirs)), row, 2)
                grid.addWidget(_plain(self._shown(change.mine)), row, 3)
        self.save_button.setText(self.tr("&Save this"))
        self.lay_out(intro, grid)

    def _shown(self, value: Any) -> str:
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, date):
            return value.isoformat()
        return str(value)

    def save(self) -> dict[str, Pick]:
        # The caller resolves with `picks` once the dialog is accepted.
        return self.picks

    def announce(self, saved_id: object) -> None:
        pass

    @property
    def picks(self) -> dict[str, Pick]:
        return {name: (Pick.MINE if mine.isChecked() else Pick.THEIRS)
                for name, (_theirs, mine) in self.choices.items()}
