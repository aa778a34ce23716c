"""Tiny field helpers the sign-in window needs before anything else has loaded."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


def error_label() -> QLabel:
    """A red, wrapping label for a message next to a field; empty (hidden) until needed."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b71c1c;")
    label.setVisible(False)
    return label


def set_message(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
