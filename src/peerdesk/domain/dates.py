"""Date rules shared by every record: a clear message for impossible dates."""

from __future__ import annotations

from datetime import date, timedelta

from peerdesk.domain.errors import ValidationError

# Records before this are almost certainly typing mistakes (e.g. 1925 for 2025).
EARLIEST = date(1990, 1, 1)


def parse_date(text: str, *, what: str, field: str) -> date:
    """Parse YYYY-MM-DD strictly: 2026-02-30 gets a message, not a rollover."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValidationError(
            "{what} must be a real date written as YYYY-MM-DD (for example 2026-03-31).",
            field=field, what=what,
        ) from exc


def check_past_date(value: date, *, today: date, what: str, field: str) -> date:
    """Something that has happened: not in the future, not implausibly old."""
    if value > today:
        raise ValidationError("{what} can't be in the future ({date}).",
                              field=field, what=what, date=value.isoformat())
    return _not_too_old(value, what=what, field=field)


def check_planned_date(value: date, *, today: date, what: str, field: str,
                       years_ahead: int = 2) -> date:
    """Something planned: may be ahead, but not absurdly far."""
    latest = today + timedelta(days=366 * years_ahead)
    if value > latest:
        raise ValidationError(
            "{what} ({date}) is more than {years} years ahead; please check the year.",
            field=field, what=what, date=value.isoformat(), years=years_ahead)
    return _not_too_old(value, what=what, field=field)


def _not_too_old(value: date, *, what: str, field: str) -> date:
    if value < EARLIEST:
        raise ValidationError(
            "{what} ({date}) is before {year}; please check the year.",
            field=field, what=what, date=value.isoformat(), year=EARLIEST.year)
    return value
