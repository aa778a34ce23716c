"""Table models for groups, meetings, members, the register and a peer's attendance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from peerdesk.domain.groups import Mark, MeetingStatus
from peerdesk.services.groups import GroupRow, MeetingRow, RegisterLine
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import Column, RowTableModel, attribute_column

# What a group change announces on the change bus (see ui/change_bus.py).
GROUPS = "groups"

UNMARKED = QT_TRANSLATE_NOOP("RegisterModel", "— not marked —")
REGISTER_TO_TAKE = QT_TRANSLATE_NOOP("MeetingModel", "Register to take")
MARK_COLOURS = {None: "#fdecea", Mark.ATTENDED: "#e6f4ea", Mark.APOLOGIES: "#fff4d6",
                Mark.ABSENT: "#eeeeee"}


GroupColumn = IntEnum("GroupColumn", "NAME KIND MODE FACILITATORS MEMBERS LAST_MEETING", start=0)


def _group_name(row: GroupRow) -> str:
    if row.archived_on:
        return QCoreApplication.translate("GroupModel", "{name}  (archived {date})").format(
            name=row.name, date=row.archived_on)
    return row.name


class GroupModel(RowTableModel[GroupRow]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Name"), _group_name, stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Kind"), lambda r: r.kind.label,
               sample="Peer-support group__"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Mode"), lambda r: r.mode.label,
               sample="In person___"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Facilitators"),
               lambda r: ", ".join(r.facilitators) or "—", stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Members"), lambda r: str(r.members),
               sort=attrgetter("members"), number=True, sample="Members__"),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Last meeting"), "last_meeting",
                         sort=attrgetter("last_meeting"), sample="Last meeting__"),
    )


def meeting_status(row: MeetingRow, today: date) -> str:
    """In English (compared in code); MeetingModel shows it translated."""
    if row.status == MeetingStatus.CANCELLED.value:
        return QT_TRANSLATE_NOOP("MeetingModel", "Cancelled")
    if row.status == MeetingStatus.HELD.value:
        return QT_TRANSLATE_NOOP("MeetingModel", "Held")
    if date.fromisoformat(row.held_on) <= today:
        return REGISTER_TO_TAKE
    return QT_TRANSLATE_NOOP("MeetingModel", "Scheduled")


MeetingColumn = IntEnum("MeetingColumn", "DATE TIME PLACE STATUS ATTENDED HEAD_COUNT", start=0)


class MeetingModel(RowTableModel[MeetingRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.columns = (
            Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), attrgetter("held_on"),
                   sample="2026-11-22__"),
            attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Time"), "starts_at"),
            attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Place"), "place", stretch=True),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Status"), self._status,
                   foreground=self._status_colour, sample="Register to take__"),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Attended"),
                   lambda r: str(r.attended) if _held(r) else "", number=True),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Head-count"),
                   lambda r: str(r.anonymous_count) if _held(r) else "", number=True),
        )

    def _status(self, row: MeetingRow) -> str:
        return QCoreApplication.translate("MeetingModel", meeting_status(row, self.today))

    def _status_colour(self, row: MeetingRow) -> QColor | None:
        if meeting_status(row, self.today) == REGISTER_TO_TAKE:
            return QColor("#a15c00")
        return None

    def foreground(self, row: MeetingRow, column: Column[MeetingRow]) -> Any:
        if row.status == MeetingStatus.CANCELLED.value:
            return QColor("#888888")
        return super().foreground(row, column)


def _held(row: MeetingRow) -> bool:
    return row.status == MeetingStatus.HELD.value


@dataclass(frozen=True, slots=True)
class MemberRate:
    peer_id: int
    ref: str
    name: str
    attended: int
    marked: int

    @property
    def rate(self) -> str:
        if not self.marked:
            return "—"
        return f"{round(100 * self.attended / self.marked)}%"


MemberColumn = IntEnum("MemberColumn", "NAME REF ATTENDED RATE", start=0)


class MemberModel(RowTableModel[MemberRate]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Name"), attrgetter("name"), stretch=True),
        attribute_column(QT_TRANSLATE_NOOP("TableHeader", "Reference"), "ref"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Attended / marked"),
               lambda r: QCoreApplication.translate("MemberModel", "{attended} of {marked}").format(
                   attended=r.attended, marked=r.marked),
               sort=attrgetter("attended"), sample="Attended / marked____"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Rate"), attrgetter("rate"),
               sort=lambda r: r.attended / r.marked if r.marked else -1.0),
    )


RegisterColumn = IntEnum("RegisterColumn", "NAME REF MARK NOTE", start=0)


def _register_note(row: RegisterLine) -> str:
    if row.walk_in:
        return "walk-in"
    return "" if row.member else QCoreApplication.translate("RegisterModel", "no longer a member")


class RegisterModel(RowTableModel[RegisterLine]):
    """The lines of one register as they are being marked (not yet saved)."""

    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Name"), attrgetter("preferred_name"),
               stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Reference"), attrgetter("ref"),
               sample="Reference___"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Mark"),
               lambda r: r.mark.label if r.mark else QCoreApplication.translate(
                   "RegisterModel", UNMARKED),
               background=lambda r: QColor(MARK_COLOURS[r.mark]), sample="— not marked —___"),
        Column("", _register_note, sample="no longer a member_"),
    )

    def replace_row(self, row: int, line: RegisterLine) -> None:
        self._rows[row] = line
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def append(self, line: RegisterLine) -> int:
        row = len(self._rows)
        self.beginInsertRows(self.index(0, 0).parent(), row, row)
        self._rows.append(line)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(self.index(0, 0).parent(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def row_of(self, peer_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.peer_id == peer_id), None)


@dataclass(frozen=True, slots=True)
class AttendanceEntry:
    held_on: str
    group: str
    mark: str
    walk_in: bool


AttendanceColumn = IntEnum("AttendanceColumn", "DATE GROUP MARK WALK_IN", start=0)


def _mark_label(row: AttendanceEntry) -> str:
    try:
        return Mark(row.mark).label
    except ValueError:
        return row.mark


class AttendanceModel(RowTableModel[AttendanceEntry]):
    """A peer's marks across every group, newest first."""

    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Date"), attrgetter("held_on")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Group"), attrgetter("group"), stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Mark"), _mark_label),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Walk-in"),
               lambda r: QCoreApplication.translate("AttendanceModel", "walk-in")
               if r.walk_in else ""),
    )


@dataclass(frozen=True, slots=True)
class Membership:
    group_id: int
    name: str
    joined_on: str
    left_on: str


MembershipColumn = IntEnum("MembershipColumn", "GROUP JOINED LEFT", start=0)


class MembershipModel(RowTableModel[Membership]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Group"), attrgetter("name"), stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Joined"), attrgetter("joined_on")),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Left"),
               lambda r: r.left_on or QCoreApplication.translate("MembershipModel",
                                                                 "still a member")),
    )
