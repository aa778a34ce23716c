"""Table models for groups, meetings, members, the register and a peer's attendance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from peerdesk.domain.groups import Mark, MeetingStatus
from peerdesk.services.groups import GroupRow, MeetingRow, RegisterLine
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.table_model import Index, RowTableModel
from peerdesk.ui.theme import is_high_contrast

# What a group change announces on the change bus (see ui/change_bus.py).
GROUPS = "groups"

UNMARKED = QT_TRANSLATE_NOOP("RegisterModel", "— not marked —")
REGISTER_TO_TAKE = QT_TRANSLATE_NOOP("MeetingModel", "Register to take")
NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
MARK_COLOURS = {None: "#fdecea", Mark.ATTENDED: "#e6f4ea", Mark.APOLOGIES: "#fff4d6",
                Mark.ABSENT: "#eeeeee"}


class GroupColumn(IntEnum):
    NAME = 0
    KIND = 1
    MODE = 2
    FACILITATORS = 3
    MEMBERS = 4
    LAST_MEETING = 5


class GroupModel(RowTableModel[GroupRow]):
    columns = GroupColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Name"), QT_TRANSLATE_NOOP("TableHeader", "Kind"),
        QT_TRANSLATE_NOOP("TableHeader", "Mode"), QT_TRANSLATE_NOOP("TableHeader", "Facilitators"),
        QT_TRANSLATE_NOOP("TableHeader", "Members"),
        QT_TRANSLATE_NOOP("TableHeader", "Last meeting"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == GroupColumn.MEMBERS:
            return NUMBER
        return super().data(index, role)

    def display(self, row: GroupRow, column: Any) -> str:
        if column is GroupColumn.NAME:
            if row.archived_on:
                return self.tr("{name}  (archived {date})").format(name=row.name,
                                                                   date=row.archived_on)
            return row.name
        if column is GroupColumn.KIND:
            return row.kind.label
        if column is GroupColumn.MODE:
            return row.mode.label
        if column is GroupColumn.FACILITATORS:
            return ", ".join(row.facilitators) or "—"
        if column is GroupColumn.MEMBERS:
            return str(row.members)
        return row.last_meeting or "—"

    def sort_key(self, row: GroupRow, column: Any) -> Any:
        if column is GroupColumn.MEMBERS:
            return row.members
        if column is GroupColumn.LAST_MEETING:
            return row.last_meeting
        return self.display(row, column).casefold()


def meeting_status(row: MeetingRow, today: date) -> str:
    """In English (compared in code); MeetingModel shows it translated."""
    if row.status == MeetingStatus.CANCELLED.value:
        return QT_TRANSLATE_NOOP("MeetingModel", "Cancelled")
    if row.status == MeetingStatus.HELD.value:
        return QT_TRANSLATE_NOOP("MeetingModel", "Held")
    if date.fromisoformat(row.held_on) <= today:
        return REGISTER_TO_TAKE
    return QT_TRANSLATE_NOOP("MeetingModel", "Scheduled")


class MeetingColumn(IntEnum):
    DATE = 0
    TIME = 1
    PLACE = 2
    STATUS = 3
    ATTENDED = 4
    HEAD_COUNT = 5


class MeetingModel(RowTableModel[MeetingRow]):
    columns = MeetingColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Date"), QT_TRANSLATE_NOOP("TableHeader", "Time"),
        QT_TRANSLATE_NOOP("TableHeader", "Place"), QT_TRANSLATE_NOOP("TableHeader", "Status"),
        QT_TRANSLATE_NOOP("TableHeader", "Attended"),
        QT_TRANSLATE_NOOP("TableHeader", "Head-count"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def display(self, row: MeetingRow, column: Any) -> str:
        if column is MeetingColumn.DATE:
            return row.held_on
        if column is MeetingColumn.TIME:
            return row.starts_at or "—"
        if column is MeetingColumn.PLACE:
            return row.place or "—"
        if column is MeetingColumn.STATUS:
            return self.tr(meeting_status(row, self.today))
        held = row.status == MeetingStatus.HELD.value
        if column is MeetingColumn.ATTENDED:
            return str(row.attended) if held else ""
        return str(row.anonymous_count) if held else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
                MeetingColumn.ATTENDED, MeetingColumn.HEAD_COUNT):
            return NUMBER
        if (role == Qt.ItemDataRole.ForegroundRole and index.isValid()
                and 0 <= index.row() < self.rowCount() and not is_high_contrast()):
            row = self.row_at(index.row())
            if row.status == MeetingStatus.CANCELLED.value:
                return QColor("#888888")
            if (index.column() == MeetingColumn.STATUS
                    and meeting_status(row, self.today) == REGISTER_TO_TAKE):
                return QColor("#a15c00")
        return super().data(index, role)


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


class MemberColumn(IntEnum):
    NAME = 0
    REF = 1
    ATTENDED = 2
    RATE = 3


class MemberModel(RowTableModel[MemberRate]):
    columns = MemberColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Name"), QT_TRANSLATE_NOOP("TableHeader", "Reference"),
        QT_TRANSLATE_NOOP("TableHeader", "Attended / marked"),
        QT_TRANSLATE_NOOP("TableHeader", "Rate"),
    )

    def display(self, row: MemberRate, column: Any) -> str:
        if column is MemberColumn.NAME:
            return row.name
        if column is MemberColumn.REF:
            return row.ref
        if column is MemberColumn.ATTENDED:
            return self.tr("{attended} of {marked}").format(attended=row.attended,
                                                            marked=row.marked)
        return row.rate

    def sort_key(self, row: MemberRate, column: Any) -> Any:
        if column is MemberColumn.RATE:
            return row.attended / row.marked if row.marked else -1.0
        if column is MemberColumn.ATTENDED:
            return row.attended
        return self.display(row, column).casefold()


class RegisterColumn(IntEnum):
    NAME = 0
    REF = 1
    MARK = 2
    NOTE = 3


class RegisterModel(RowTableModel[RegisterLine]):
    """The lines of one register as they are being marked (not yet saved)."""

    columns = RegisterColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Name"), QT_TRANSLATE_NOOP("TableHeader", "Reference"),
        QT_TRANSLATE_NOOP("TableHeader", "Mark"), "",
    )

    def display(self, row: RegisterLine, column: Any) -> str:
        if column is RegisterColumn.NAME:
            return row.preferred_name
        if column is RegisterColumn.REF:
            return row.ref
        if column is RegisterColumn.MARK:
            return row.mark.label if row.mark else self.tr(UNMARKED)
        if row.walk_in:
            return "walk-in"
        return "" if row.member else self.tr("no longer a member")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.BackgroundRole and index.isValid()
                and 0 <= index.row() < self.rowCount()
                and index.column() == RegisterColumn.MARK and not is_high_contrast()):
            return QColor(MARK_COLOURS[self.row_at(index.row()).mark])
        return super().data(index, role)

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


class AttendanceColumn(IntEnum):
    DATE = 0
    GROUP = 1
    MARK = 2
    WALK_IN = 3


class AttendanceModel(RowTableModel[AttendanceEntry]):
    """A peer's marks across every group, newest first."""

    columns = AttendanceColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Date"), QT_TRANSLATE_NOOP("TableHeader", "Group"),
        QT_TRANSLATE_NOOP("TableHeader", "Mark"), QT_TRANSLATE_NOOP("TableHeader", "Walk-in"),
    )

    def display(self, row: AttendanceEntry, column: Any) -> str:
        if column is AttendanceColumn.DATE:
            return row.held_on
        if column is AttendanceColumn.GROUP:
            return row.group
        if column is AttendanceColumn.MARK:
            try:
                return Mark(row.mark).label
            except ValueError:
                return row.mark
        return self.tr("walk-in") if row.walk_in else ""


@dataclass(frozen=True, slots=True)
class Membership:
    group_id: int
    name: str
    joined_on: str
    left_on: str


class MembershipColumn(IntEnum):
    GROUP = 0
    JOINED = 1
    LEFT = 2


class MembershipModel(RowTableModel[Membership]):
    columns = MembershipColumn
    headers = (
        QT_TRANSLATE_NOOP("TableHeader", "Group"), QT_TRANSLATE_NOOP("TableHeader", "Joined"),
        QT_TRANSLATE_NOOP("TableHeader", "Left"),
    )

    def display(self, row: Membership, column: Any) -> str:
        if column is MembershipColumn.GROUP:
            return row.name
        if column is MembershipColumn.JOINED:
            return row.joined_on
        return row.left_on or self.tr("still a member")
