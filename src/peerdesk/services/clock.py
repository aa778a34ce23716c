"""Today's date and the time now, in one place so tests can pass another."""

from __future__ import annotations

from datetime import date, datetime


def today(override: date | None = None) -> date:
    return override or date.today()


def now(override: datetime | None = None) -> datetime:
    """The centre's local time (contacts are logged in the time of day people keep)."""
    return override or datetime.now()
