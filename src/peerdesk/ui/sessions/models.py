"""Tables on the Sessions page: recent sessions and note-search results."""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from operator import attrgetter
from typing import Any

from peerdesk.services.casework import NoteHit
from peerdesk.services.casework_lists import SessionRow
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import Column, RowTableModel

RecentColumn = IntEnum("RecentColumn", "DATE REF NAME KIND MODE MINUTES WORKER", start=0)
HitColumn = IntEnum("HitColumn", "DATE REF NAME EXCERPT", start=0)


def _held(row: Any) -> str:
    return str(row.held_on.isoformat())


def _held_in_order(row: Any) -> str:
    """Sessions of one day in the order they were logged."""
    return f"{row.held_on.isoformat()} {row.session_id:012d}"


# The columns a session and a note hit share: when, and whose.
_DATE: Column[Any] = Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), _held,
                            sort=_held_in_order, sample="2026-11-22___")
_REF: Column[Any] = Column(QT_TRANSLATE_NOOP("TableHeader", "Reference"), attrgetter("ref"),
                           sample="Reference___")
_NAME: Column[Any] = Column(QT_TRANSLATE_NOOP("TableHeader", "Preferred name"),
                            attrgetter("preferred_name"))


class RecentSessionsModel(RowTableModel[SessionRow]):
    columns = (
        _DATE, _REF, replace(_NAME, stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Kind"), lambda r: r.kind.label,
               sample="First contact / intake___"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Mode"), lambda r: r.mode.label,
               sample="Video call___"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Minutes"), lambda r: str(r.minutes),
               sort=attrgetter("minutes"), number=True, sample="Minutes___"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Worker"), attrgetter("worker"),
               sample="Tomás Herrera___"),
    )


class NoteHitModel(RowTableModel[NoteHit]):
    columns = (
        _DATE, _REF, replace(_NAME, sample="A preferred name___"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Where the words appear"), attrgetter("excerpt"),
               stretch=True),
    )
