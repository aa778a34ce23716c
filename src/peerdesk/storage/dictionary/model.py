"""What the data dictionary is made of (docs/export.md).

Each area of the schema has one small module beside this one (`main.py`,
`people.py`, …) with a `TABLES` list and, when it has full-text indexes, a
`SEARCH_INDEXES` dict. A new table needs its entry there, or the test that
every table and column is described fails; a new area adds a new module and
nothing else (the package finds it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

# Said of every column holding a staff member's number: staff live in the
# main database, so casework tables can't declare the link (docs/security.md §2).
STAFF_ID = "A staff member's number (staff.id)"
YES_NO = {"0": "no", "1": "yes"}
CHANNEL_STATES = {"0": "not OK", "1": "OK", "": "not asked yet (empty, NULL)"}
DATE = "A date, YYYY-MM-DD."
TIMESTAMP = "When, as an ISO 8601 timestamp with its time zone (UTC)."
# How it is safe to reach someone: the same columns in safe_contact (a peer's)
# and callback_reach (someone waiting for a call-back).
_CHANNELS = ("calls_ok", "texts_ok", "email_ok", "voicemail_ok")
SAFE_REACH_COLUMNS = {
    "calls_ok": "Phone calls: 1 OK, 0 not OK, empty not asked yet.",
    "texts_ok": "Text messages: 1 OK, 0 not OK, empty not asked yet.",
    "email_ok": "Email: 1 OK, 0 not OK, empty not asked yet.",
    "voicemail_ok": "Leaving a voicemail: 1 OK, 0 not OK, empty not asked yet.",
    "safe_times": "When it is safe, as typed.",
    "code_word": "A code word agreed with them.",
}
SAFE_REACH_CODES = {channel: CHANNEL_STATES for channel in _CHANNELS}


@dataclass(frozen=True, slots=True)
class Table:
    """One table: what a row is, what each column holds, and its codes."""

    name: str
    description: str
    columns: Mapping[str, str]
    # column -> {stored code: meaning}
    codes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


def codes_of(members: Iterable[Enum], labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """An enum's stored codes and what they mean (its own labels where it has them),
    so the dictionary can't drift from the code that writes the values."""
    found: dict[str, str] = {}
    for member in members:
        code = str(member.value)
        if labels and code in labels:
            meaning = labels[code]
        else:
            label = getattr(member, "label", None)
            meaning = str(label) if label else code.replace("_", " ").capitalize()
        found[code] = meaning or "not recorded"
    return found
