"""The safe-contact banner: how (and whether) a peer may be contacted, always in view."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from peerdesk.domain.safe_contact import SafeContact
from peerdesk.ui.theme import is_high_contrast

_STYLES = {
    "none": "#safeBanner { background: #eef3ee; border: 1px solid #c9d8c9; border-radius: 4px; }"
            " #safeBanner QLabel { color: #2f4f2f; }",
    "warn": "#safeBanner { background: #fff1c2; border: 1px solid #d9a400; border-radius: 4px; }"
            " #safeBanner QLabel { color: #4a3500; }",
    "stop": "#safeBanner { background: #fde2e1; border: 2px solid #c62828; border-radius: 4px; }"
            " #safeBanner QLabel { color: #8e0000; }",
}
# High contrast: the system's own colours; the level shows in the border's weight.
_HIGH_CONTRAST_BORDER = {"none": 1, "warn": 2, "stop": 4}


def banner_style(level: str) -> str:
    if is_high_contrast():
        return ("#safeBanner { background: palette(window); border: "
                f"{_HIGH_CONTRAST_BORDER[level]}px solid palette(window-text); }}"
                " #safeBanner QLabel { color: palette(window-text); }")
    return _STYLES[level]


class SafeContactBanner(QFrame):
    """Shows `SafeContact.banner()` (which never includes the code word itself)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safeBanner")
        self.setAccessibleName(self.tr("Safe contact"))
        self.title = QLabel(self.tr("Safe contact"))
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setPointSize(font.pointSize() + 1)
        self.text.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        self.level = "none"
        self.show_prefs(None)

    def show_prefs(self, prefs: SafeContact | None) -> None:
        self.show_summary(None if prefs is None else prefs.banner())

    def show_summary(self, summary: str | None) -> None:
        """`summary` is SafeContact.banner(); None empties the banner (locking)."""
        if summary is None:
            self.text.clear()
            self.level = "none"
            self.title.setText(self.tr("Safe contact"))
        else:
            self.level = ("stop" if summary.startswith("Do not contact")
                          else "warn" if summary else "none")
            self.title.setText(self.tr("⚠ Safe contact") if summary else self.tr("Safe contact"))
            self.text.setText(summary or self.tr("No restrictions recorded."))
        self.setStyleSheet(banner_style(self.level))

    def banner_text(self) -> str:
        return self.text.text()
