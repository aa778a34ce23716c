"""One small change bus: writes announce what changed, and views decide what to reload."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

STAFF = "staff"
AUDIT = "audit"
# The listening service: contacts, known callers, call-backs, the directory.
CONTACTS = "contacts"


class ChangeBus(QObject):
    """`changed(topic)` after a write succeeded; topics are the constants above."""

    changed = Signal(str)
