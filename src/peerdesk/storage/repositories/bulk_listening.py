"""Fast loading of listening-service rows (demo vaults, benchmarks).

Rows arrive as plain tuples in the tables' column order, ids chosen by the
caller, as in repositories.bulk.
"""

from __future__ import annotations

from typing import Any

from peerdesk.storage.database import Database

_NOW = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')"
Rows = list[tuple[Any, ...]]


def ids(db: Database, table: str) -> list[int]:
    """Every id of a small list table (region, contact_topic), in order."""
    if table not in ("region", "contact_topic"):
        raise ValueError(table)
    return [int(r[0]) for r in db.query(f"SELECT id FROM {table} ORDER BY id")]


def add_regions(db: Database, names: list[str]) -> list[int]:
    db.executemany("INSERT INTO region (name) VALUES (?)", [(n,) for n in names])
    return ids(db, "region")


def categories(db: Database) -> dict[str, int]:
    return {str(r[1]): int(r[0]) for r in db.query("SELECT id, name FROM directory_category")}


def write_directory(db: Database, entries: Rows, categories_: Rows, regions: Rows) -> None:
    """entries: (id, name, sort_name, phone, email, website, opening_hours, all_regions,
    last_checked)."""
    db.executemany(
        "INSERT INTO directory_entry (id, name, sort_name, phone, email, website, "
        f"opening_hours, all_regions, last_checked, created_at, updated_at) VALUES "
        f"(?, ?, ?, ?, ?, ?, ?, ?, ?, {_NOW}, {_NOW})", entries)
    db.executemany("INSERT INTO directory_entry_category (entry_id, category_id) VALUES (?, ?)",
                   categories_)
    db.executemany("INSERT INTO directory_entry_region (entry_id, region_id) VALUES (?, ?)",
                   regions)


def link_referrals_by_name(db: Database) -> None:
    """Point each referral at the directory entry of the same name, where there is one."""
    db.execute("UPDATE referral SET directory_entry_id = (SELECT e.id FROM directory_entry AS e "
               "WHERE e.name = referral.destination_name)")


def write_callers(db: Database, rows: Rows) -> None:
    """(id, nickname, sort_name, note, created_by, created_at)."""
    db.executemany("INSERT INTO known_caller (id, nickname, sort_name, note, created_by, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [(*r, r[-1]) for r in rows])


def write_contacts(db: Database, contacts: Rows, notes: Rows, search: Rows, topics: Rows,
                   signposts: Rows) -> None:
    """contacts: (id, contacted_on, contacted_time, channel, minutes, taken_by, region_id,
    first_time, safety_concern, outcomes, known_caller_id, peer_id)."""
    db.executemany(
        "INSERT INTO anonymous_contact (id, contacted_on, contacted_time, channel, minutes, "
        "taken_by, region_id, first_time, safety_concern, outcomes, known_caller_id, peer_id, "
        f"created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {_NOW}, {_NOW})",
        contacts)
    db.executemany("INSERT INTO contact_note (contact_id, notes, safety_action) VALUES (?, ?, ?)",
                   notes)
    db.executemany("INSERT INTO contact_note_search (rowid, body) VALUES (?, ?)", search)
    db.executemany("INSERT INTO contact_topic_link (contact_id, topic_id) VALUES (?, ?)", topics)
    db.executemany("INSERT INTO contact_signpost (contact_id, entry_id) VALUES (?, ?)", signposts)


def refresh_all_callers(db: Database) -> None:
    db.execute("UPDATE known_caller SET last_contact = (SELECT max(contacted_on) FROM "
               "anonymous_contact AS c WHERE c.known_caller_id = known_caller.id)")


def write_callback(db: Database, callback: tuple[Any, ...],
                   reach: tuple[Any, ...] | None) -> int:
    """callback: (received_on, route, status, closed_on, created_by); reach: (ask_for,
    reach, calls_ok, texts_ok, email_ok, voicemail_ok, safe_times, code_word, other,
    agreed_on)."""
    callback_id = int(db.execute(
        "INSERT INTO callback (received_on, route, status, closed_on, created_by, created_at, "
        f"updated_at) VALUES (?, ?, ?, ?, ?, {_NOW}, {_NOW})", callback).lastrowid)
    if reach is not None:
        db.execute("INSERT INTO callback_reach (callback_id, ask_for, reach, calls_ok, texts_ok, "
                   "email_ok, voicemail_ok, safe_times, code_word, other, agreed_on) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (callback_id, *reach))
    return callback_id
