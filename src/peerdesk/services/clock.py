"""Today's date, in one place so tests can pass another."""

from __future__ import annotations

from datetime import date


def today(override: date | None = None) -> date:
    return override or date.today()
