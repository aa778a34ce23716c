"""Reporting periods: a month, a quarter, a year or a custom range."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from peerdesk.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date  # inclusive
    label: str
    kind: str  # month | quarter | year | custom

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last),
                   f"{calendar.month_name[month]} {year}", "month")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = 3 * (quarter - 1) + 1
        end = cls.month(year, first + 2).end
        return cls(date(year, first, 1), end, f"Q{quarter} {year} "
                   f"({calendar.month_abbr[first]}–{calendar.month_abbr[first + 2]})", "quarter")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), str(year), "year")

    @classmethod
    def custom(cls, start: date, end: date) -> Period:
        if end < start:
            raise ValidationError("The period ends before it starts.", field="end")
        if (end - start).days > 366 * 5:
            raise ValidationError("A report covers at most five years.", field="end")
        return cls(start, end, f"{start:%d %b %Y} – {end:%d %b %Y}", "custom")

    @classmethod
    def parse_month(cls, text: str) -> Period:
        match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ValidationError("Give the month as YYYY-MM, for example 2026-10.",
                                  field="month")
        return cls.month(int(match.group(1)), int(match.group(2)))

    def trend_months(self, count: int = 12) -> list[tuple[str, date, date]]:
        """The `count` calendar months ending with the one the period ends in."""
        months = []
        year, month = self.end.year, self.end.month
        for _ in range(count):
            months.append(Period.month(year, month))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return [(f"{p.start:%Y-%m}", p.start, p.end) for p in reversed(months)]
