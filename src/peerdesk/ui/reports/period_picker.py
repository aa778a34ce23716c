"""Choosing the period a report covers: a month, a quarter, a year or a custom range."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from peerdesk.domain.errors import ValidationError
from peerdesk.reports.period import Period

# Records before 2000 are not expected; a year beyond next is a typing slip.
FIRST_YEAR = 2000
KINDS = ("month", "quarter", "year", "custom")


def last_complete_month(today: date) -> tuple[int, int]:
    """(year, month) of the month before `today`'s."""
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodPicker(QWidget):
    """`changed()` whenever the choice changes; `period()` gives it or raises ValidationError."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        year, month = last_complete_month(today)
        last_year = today.year + 1

        self.kind = QComboBox()
        self.kind.addItems([self.tr("Month"), self.tr("Quarter"), self.tr("Year"),
                            self.tr("Custom range")])
        self.kind.setAccessibleName(self.tr("Kind of period"))
        kind_label = QLabel(self.tr("P&eriod:"))
        kind_label.setBuddy(self.kind)

        self.month = QComboBox()
        self.month.addItems([calendar.month_name[m] for m in range(1, 13)])
        self.month.setCurrentIndex(month - 1)
        self.month.setAccessibleName(self.tr("Month"))
        self.month_year = self._year_box(year, last_year, self.tr("Year of the month"))

        self.quarter = QComboBox()
        self.quarter.addItems([self.tr("Q1 (Jan–Mar)"), self.tr("Q2 (Apr–Jun)"),
                               self.tr("Q3 (Jul–Sep)"), self.tr("Q4 (Oct–Dec)")])
        self.quarter.setCurrentIndex((month - 1) // 3)
        self.quarter.setAccessibleName(self.tr("Quarter"))
        self.quarter_year = self._year_box(year, last_year, self.tr("Year of the quarter"))

        self.year = self._year_box(year, last_year, self.tr("Year"))

        first = date(year, month, 1)
        self.start = self._date_box(first, self.tr("First day of the range"))
        self.end = self._date_box(date(year, month, calendar.monthrange(year, month)[1]),
                                  self.tr("Last day of the range"))

        self.stack = QStackedWidget()
        self.stack.addWidget(self._row(self.month, self.month_year))
        self.stack.addWidget(self._row(self.quarter, self.quarter_year))
        self.stack.addWidget(self._row(self.year))
        self.stack.addWidget(self._row(self.start, QLabel(self.tr("to")), self.end))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(kind_label)
        layout.addWidget(self.kind)
        layout.addWidget(self.stack)
        layout.addStretch(1)

        self.kind.currentIndexChanged.connect(self.stack.setCurrentIndex)
        self.kind.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for box in (self.month, self.quarter):
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for spin in (self.month_year, self.quarter_year, self.year):
            spin.valueChanged.connect(lambda _v: self.changed.emit())
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.changed.emit())

    def _year_box(self, value: int, last: int, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(FIRST_YEAR, last)
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def _date_box(self, value: date, name: str) -> QDateEdit:
        edit = QDateEdit(_qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(self.today.year + 1, 12, 31))
        edit.setAccessibleName(name)
        return edit

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return row

    # -- the choice ----------------------------------------------------------------

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))

    def set_month(self, year: int, month: int) -> None:
        self.set_kind("month")
        self.month_year.setValue(year)
        self.month.setCurrentIndex(month - 1)

    def set_range(self, start: date, end: date) -> None:
        self.set_kind("custom")
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))

    def period(self) -> Period:
        """The chosen period; ValidationError with a clear message if it makes no sense."""
        match KINDS[self.kind.currentIndex()]:
            case "month":
                return Period.month(self.month_year.value(), self.month.currentIndex() + 1)
            case "quarter":
                return Period.quarter(self.quarter_year.value(), self.quarter.currentIndex() + 1)
            case "year":
                return Period.year(self.year.value())
        start, end = _pydate(self.start.date()), _pydate(self.end.date())
        if end < start:
            raise ValidationError(self.tr("The range ends before it starts: choose a last "
                                          "day on or after the first day."), field="end")
        return Period.custom(start, end)  # also refuses a range of more than five years

    def problem(self) -> str:
        """What is wrong with the choice, or '' when it is a period a report can cover."""
        try:
            self.period()
        except ValidationError as exc:
            return exc.user_message
        return ""
