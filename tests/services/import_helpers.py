"""Spreadsheets for the import tests, written as a centre's old sheet would be."""

from __future__ import annotations

import csv
from pathlib import Path

from peerdesk.services.session import Session

HEADERS = ["peer_key", "preferred_name", "full_name", "birth_year", "gender",
           "first_contact", "contact_route", "status", "session_date", "mode", "kind",
           "minutes", "notes"]

GOOD_ROWS = [
    ["A1", "Marisol", "Marisol Quintero", "1990", "woman", "2024-01-10", "walk-in", "active",
     "2024-01-10", "in person", "intake", "45", "First visit; talked about housing"],
    ["A1", "", "", "", "", "", "", "", "2024-02-01", "phone", "peer support", "30",
     "Follow-up call"],
    ["A1", "", "", "", "", "", "", "", "2024-03-05", "video", "listening", "60", ""],
    ["B2", "Jory", "", "", "", "2023-06-01", "agency referral", "paused", "", "", "", "",
     ""],
]


def write_csv(path: Path, rows: list[list[str]], headers: list[str] | None = None, *,
              delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(HEADERS if headers is None else headers)
        writer.writerows(rows)
    return path


def row(**cells: str) -> list[str]:
    """A row with only the given columns filled."""
    return [cells.get(h, "") for h in HEADERS]


def counts(session: Session) -> tuple[int, int, int]:
    """Peers, one-to-one sessions and audit events in the vault."""
    db = session.db
    return (int(db.scalar("SELECT count(*) FROM peer")),
            int(db.scalar("SELECT count(*) FROM one_to_one")),
            int(db.scalar("SELECT count(*) FROM audit_event")))
