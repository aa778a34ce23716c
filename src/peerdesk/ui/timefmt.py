"""Stored times are UTC ISO 8601; people read them in local time."""

from __future__ import annotations

from datetime import UTC, datetime


def _parse(stamp: str) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return None


def local_time(stamp: str) -> str:
    when = _parse(stamp)
    return when.strftime("%Y-%m-%d %H:%M:%S") if when else stamp


def local_date(stamp: str) -> str:
    when = _parse(stamp)
    return when.strftime("%Y-%m-%d") if when else stamp


def sortable(stamp: str) -> str:
    """A key that orders stamps written with different UTC offsets correctly."""
    when = _parse(stamp)
    return when.astimezone(UTC).isoformat() if when else stamp
