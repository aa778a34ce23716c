"""The listening service: the Contacts page, filtering as you type, directory search and
saving a contact, each beside the same SQL on a plain copy of the vault.

Targets (issue 15): the Contacts page shows its first rows <= 150 ms and filters as
you type <= 50 ms per keystroke at large; directory search <= 20 ms; saving a
contact <= 50 ms including its audit write. The monthly report with its Listening
service section is measured by bench_reports (its statements are captured there too).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tests.perf.bench_caseload import _plain_copy, _timed
from tests.perf.bench_common import DemoVault, Figure, fresh_copy, median_ms

FIRST_ROWS_TARGET_MS = 150.0
KEYSTROKE_TARGET_MS = {"small": 50.0, "large": 50.0, "huge": 150.0}
DIRECTORY_TARGET_MS = 20.0
SAVE_TARGET_MS = 50.0
SCREEN_ROWS = 60
# What a person types in the Contacts search box, and in the directory picker.
TYPED = ("s", "sl", "sle", "slee", "sleep", "t", "tu", "tue", "tues")
SERVICE_TYPED = ("h", "ho", "hou", "hous", "housi", "c", "co", "cou", "couns")

_LIST_SQL = ("SELECT c.id FROM anonymous_contact AS c "
             "ORDER BY c.contacted_on DESC, c.contacted_time DESC, c.id DESC")
_ROWS_SQL = (
    "SELECT c.id, c.contacted_on, c.contacted_time, c.channel, c.minutes, "
    "coalesce(g.name, ''), c.first_time, c.outcomes, coalesce(s.name, ''), "
    "coalesce(k.nickname, ''), c.safety_concern, c.peer_id IS NOT NULL "
    "FROM anonymous_contact AS c LEFT JOIN region AS g ON g.id = c.region_id "
    "LEFT JOIN staff AS s ON s.id = c.taken_by "
    "LEFT JOIN known_caller AS k ON k.id = c.known_caller_id WHERE c.id IN ({marks})")
_SEARCH_SQL = (
    "SELECT c.id FROM anonymous_contact AS c WHERE (c.id IN (SELECT rowid FROM "
    "contact_note_search WHERE contact_note_search MATCH ?) OR c.known_caller_id IN "
    "(SELECT id FROM known_caller WHERE sort_name LIKE ? ESCAPE '\\' OR sort_name LIKE ? "
    "ESCAPE '\\')) AND c.channel = 'text' "
    "ORDER BY c.contacted_on DESC, c.contacted_time DESC, c.id DESC")
_DIRECTORY_SQL = (
    "SELECT e.id FROM directory_entry AS e WHERE e.id IN (SELECT rowid FROM directory_search "
    "WHERE directory_search MATCH ?) AND e.archived_on IS NULL ORDER BY e.sort_name, e.id")


def measure(demo: DemoVault, workdir: Path, repeat: int, scale: str = "small") -> list[Figure]:
    import sqlcipher3

    from peerdesk.domain.listening import Channel, ContactDraft
    from peerdesk.services import directory, listening
    from peerdesk.services.auth import SignIn
    from peerdesk.services.listening import ContactFilter
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault

    folder = workdir / "listening"
    paths = VaultPaths.at(fresh_copy(demo, folder))
    locked = LockedVault.open(paths)
    figures: list[Figure] = []
    try:
        session = SignIn(locked).sign_in(demo.user, demo.password)
        plain = sqlcipher3.connect(str(_plain_copy(session.vault, folder)))
        total = len(listening.find(session, ContactFilter()))

        def first_rows() -> None:
            ids = listening.find(session, ContactFilter())
            listening.rows(session, ids[:SCREEN_ROWS])

        def plain_first_rows() -> None:
            ids = [r[0] for r in plain.execute(_LIST_SQL).fetchall()][:SCREEN_ROWS]
            plain.execute(_ROWS_SQL.format(marks=", ".join("?" * len(ids))), ids).fetchall()

        first_rows()
        plain_first_rows()
        shown, base = _timed(first_rows, repeat), _timed(plain_first_rows, repeat)
        figures.append(Figure(
            "contacts page, first rows", median_ms(shown), median_ms(base),
            "same SQL, plain copy", f"<= {FIRST_ROWS_TARGET_MS:.0f} ms",
            median_ms(shown) <= FIRST_ROWS_TARGET_MS, extra=f"({total:,} contacts)",
            samples=repeat))

        def keystrokes() -> None:
            for text in TYPED:
                ids = listening.find(session, ContactFilter(text=text, channel=Channel.TEXT))
                listening.rows(session, ids[:SCREEN_ROWS])

        def plain_keystrokes() -> None:
            for text in TYPED:
                plain.execute(_SEARCH_SQL, (f'"{text}"*', f"{text}%", f"% {text}%")).fetchall()

        keystrokes()
        per_key = [t / len(TYPED) for t in _timed(keystrokes, repeat)]
        plain_key = [t / len(TYPED) for t in _timed(plain_keystrokes, repeat)]
        target = KEYSTROKE_TARGET_MS[scale]
        figures.append(Figure(
            "contacts filter, per keystroke", median_ms(per_key), median_ms(plain_key),
            "search SQL, plain copy", f"<= {target:.0f} ms", median_ms(per_key) <= target,
            samples=repeat))

        def services() -> None:
            for text in SERVICE_TYPED:
                directory.search(session, text, limit=16)

        def plain_services() -> None:
            for text in SERVICE_TYPED:
                plain.execute(_DIRECTORY_SQL, (f'"{text}"*',)).fetchall()

        services()
        per_service = [t / len(SERVICE_TYPED) for t in _timed(services, repeat)]
        plain_service = [t / len(SERVICE_TYPED) for t in _timed(plain_services, repeat)]
        entries = len(directory.search(session, include_archived=True))
        figures.append(Figure(
            "directory search, per keystroke", median_ms(per_service), median_ms(plain_service),
            "search SQL, plain copy", f"<= {DIRECTORY_TARGET_MS:.0f} ms",
            median_ms(per_service) <= DIRECTORY_TARGET_MS, extra=f"({entries:,} services)",
            samples=repeat))

        choices = listening.choices(session)
        found = directory.search(session, "couns", limit=1)
        earlier = datetime.now() - timedelta(minutes=5)
        draft = ContactDraft(
            contacted_on=earlier.date(), contacted_time=earlier.time().replace(microsecond=0),
            channel=Channel.TEXT, minutes=35, taken_by=session.staff.id,
            region_id=choices.regions[0].id if choices.regions else None,
            topic_ids=tuple(t.id for t in choices.topics[:2]),
            signposts=tuple(e.id for e in found), notes="Couldn't sleep; talked it through.")

        def save() -> None:
            listening.log_contact(session, draft)

        def plain_save() -> None:
            _plain_insert(plain, draft)

        save()
        saved, plain_saved = _timed(save, repeat), _timed(plain_save, repeat)
        figures.append(Figure(
            "saving a contact", median_ms(saved), median_ms(plain_saved),
            "its inserts, plain copy", f"<= {SAVE_TARGET_MS:.0f} ms",
            median_ms(saved) <= SAVE_TARGET_MS, extra="(includes its audit write)",
            samples=repeat))
        plain.close()
        session.vault.close()
    finally:
        locked.release()
    return figures


def _plain_insert(plain: Any, draft: Any) -> None:
    """The rows a saved contact writes, on the plain copy (no audit chain there)."""
    now = datetime.now().isoformat()
    cursor = plain.execute(
        "INSERT INTO anonymous_contact (contacted_on, contacted_time, channel, minutes, "
        "taken_by, region_id, first_time, safety_concern, outcomes, known_caller_id, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'unknown', 0, 3, NULL, ?, ?)",
        (draft.contacted_on.isoformat(), draft.contacted_time.strftime("%H:%M"),
         draft.channel.value, draft.minutes,
         draft.taken_by, draft.region_id, now, now))
    contact_id = cursor.lastrowid
    plain.execute("INSERT INTO contact_note (contact_id, notes) VALUES (?, ?)",
                  (contact_id, draft.notes))
    plain.execute("INSERT INTO contact_note_search (rowid, body) VALUES (?, ?)",
                  (contact_id, draft.notes))
    plain.executemany("INSERT INTO contact_topic_link (contact_id, topic_id) VALUES (?, ?)",
                      [(contact_id, t) for t in draft.topic_ids])
    plain.executemany("INSERT INTO contact_signpost (contact_id, entry_id) VALUES (?, ?)",
                      [(contact_id, e) for e in draft.signposts])
    plain.commit()
