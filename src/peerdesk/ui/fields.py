"""Tiny field helpers the sign-in window needs before anything else has loaded."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from peerdesk.ui.theme import colour

# QLineEdit keeps at most 32,767 characters unless told otherwise and drops the rest of
# a paste without a word. Forms lift that limit so the whole paste arrives and the
# record's own rule refuses it with the limit named, beside the field.
NO_LIMIT = 2**31 - 1


def keep_long_text(root: QWidget) -> None:
    """Let every one-line field under `root` take a whole paste (nothing silently cut)."""
    for edit in root.findChildren(QLineEdit):
        if edit.maxLength() == 32767 and edit.inputMask() == "":
            edit.setMaxLength(NO_LIMIT)


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


def error_label() -> QLabel:
    """A red, wrapping label for a message next to a field; empty (hidden) until needed."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour('#b71c1c', 'window-text')};")
    label.setVisible(False)
    return label


def warning_label(text: str) -> QLabel:
    """A bold, dark red, wrapping warning that something is wrong now (no backups are
    being made); hidden until the page shows it."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour('#8a1c1c', 'window-text')}; font-weight: bold;")
    label.setVisible(False)
    return label


def set_message(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
    if text:
        # Dropped if the label is gone by then (the context object).
        QTimer.singleShot(0, label, lambda: fit_window(label))


def show_problem(fields: Mapping[str, Any], fallback: QLabel, exc: Any,
                 renamed: Mapping[str, str] | None = None) -> None:
    """A refused save's message (a PeerDeskError) beside the field it names, else in the
    form's own message line. `renamed`: where the record's name for a field differs
    from the form's."""
    name = getattr(exc, "field", None) or ""
    name = (renamed or {}).get(name, name)
    if name in fields:
        fields[name].show_error(exc.user_message)
    else:
        set_message(fallback, exc.user_message)


def fit_window(widget: QWidget) -> None:
    """Grow a window to fit a message that just appeared (wrapped text doesn't by itself)."""
    window = widget.window()
    layout = window.layout()
    if window is widget or layout is None or not window.isVisible():
        return
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalSizeHint().height()
    if needed > window.height():
        window.resize(window.width(), needed)
