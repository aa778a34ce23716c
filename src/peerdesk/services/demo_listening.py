"""The listening service of a demo vault: made-up regions, services, callers and contacts.

Everything is invented. Phone numbers are in ranges reserved for drama and
fiction (UK 01632 960xxx and 07700 900xxx), email and web addresses are under
example.org, and the regions are places that don't exist. Contacts follow a
plausible rhythm: more each year, many in the evening and at night (out of
office hours), mostly by phone and text, a quarter from people who call again
and again (known callers), and a few who later became peers.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from peerdesk.domain.listening import Outcome
from peerdesk.services import demo_names
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import bulk
from peerdesk.storage.repositories import bulk_listening as rows_in
from peerdesk.storage.repositories import directory as directory_repo

REGIONS = ("Northvale", "Eastmarsh", "Riverside", "Westfold", "Southmoor", "Highcombe")
_PLACES = ("Northvale", "Eastmarsh", "Riverside", "Westfold", "Southmoor", "Highcombe",
           "Kestrel Bay", "Ambercross", "Larkfield", "Oldmere", "Thornby", "Wrenhaven")
# (name pattern, categories, national?)
_SERVICES = (
    ("{p} Counselling Service", ("Counselling",), False),
    ("{p} Night Line", ("Crisis line",), False),
    ("{p} Law Centre", ("Legal", "Immigration"), False),
    ("{p} Housing Advice", ("Housing",), False),
    ("{p} Health Centre", ("Health",), False),
    ("{p} Recovery Hub", ("Addiction", "Health"), False),
    ("{p} Police Liaison Team", ("Police and justice",), False),
    ("{p} Migrant Help Desk", ("Immigration", "Legal"), False),
    ("{p} Survivors' Circle", ("Other peer support",), False),
    ("{p} Women's Refuge", ("Housing", "Crisis line"), False),
)
_NATIONAL = (
    ("Lantern Line (24-hour support)", ("Crisis line",)),
    ("Harbourlight Survivors' Helpline", ("Crisis line", "Counselling")),
    ("Open Door Legal Advice", ("Legal",)),
    ("Safe Passage Migrant Support", ("Immigration",)),
)
_HOURS = ("Mon–Fri 9–5", "Mon–Fri 10–4, Sat 10–1", "24 hours, every day", "Weekdays 9–8",
          "Tue and Thu 6–9 pm", "By appointment")
_ADJECTIVES = ("Tuesday", "Night", "Early", "Quiet", "Sunday", "Blue", "Garden", "Late",
               "Morning", "Rainy", "Friday", "Winter", "Bright", "Gentle", "Harbour", "Hill")
_NOUNS = ("texter", "owl", "caller", "bird", "walker", "scarf", "poet", "reader", "gardener",
          "painter", "runner", "dreamer", "listener", "singer", "knitter", "baker")
_CALLER_NOTES = ("", "", "Prefers to text.", "Usually gets in touch late at night.",
                 "Likes to talk about their garden first.", "Finds weekends hard.",
                 "Has said they may come to a group one day.", "Asks for the same worker.")
_NOTES = (
    "Needed someone to listen; talked about a hard week.",
    "Couldn't sleep and wanted to talk.", "Asked where to find a counsellor nearby.",
    "Talked about feeling alone since moving.", "Angry about how the police handled it.",
    "Worried about money and the rent.", "Wanted to know what the centre offers.",
    "Talked through the anniversary coming up.", "Drinking more lately; talked about it.",
    "Asked about the women's group.", "First time telling anyone; went gently.",
    "Talked about trusting people again.", "Feeling better than last time.",
)
_ACTIONS = ("Talked through a safety plan.", "Gave the crisis line number.",
            "Checked they were somewhere safe tonight.", "Agreed to call back in the morning.")
_CHANNELS = ("phone", "text", "email", "online_chat", "social_media", "video", "walk_in",
             "other")
_CHANNEL_WEIGHTS = (35, 25, 8, 12, 10, 3, 5, 2)
_FIRST = ("first", "returning", "unknown")
_ROUTES = ("phone", "text", "social_media", "booking_form", "someone_they_know")


@dataclass(frozen=True, slots=True)
class ListeningScale:
    contacts: int
    callers: int
    services: int


SCALES = {"small": ListeningScale(2_400, 40, 60),
          "large": ListeningScale(100_000, 2_000, 500),
          "huge": ListeningScale(1_000_000, 20_000, 5_000)}

def _phone(rng: random.Random, mobile: bool = False) -> str:
    return (f"07700 900{rng.randint(0, 999):03d}" if mobile
            else f"01632 960{rng.randint(0, 999):03d}")


def _slug(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())[:24]


def populate(db: Database, rng: random.Random, *, scale: str, start: date, today: date,
             staff_ids: list[int], peers: list[tuple[int, date]],
             progress: Callable[[int, int], None] | None = None) -> None:
    """Fill the listening service of a demo vault (after its peers exist)."""
    size = SCALES[scale]
    with db.transaction():
        regions = rows_in.add_regions(db, list(REGIONS))
        entries = _directory(db, rng, size.services, regions, rows_in.categories(db), today)
        callers = _callers(db, rng, size.callers, start, staff_ids)
    _contacts(db, rng, size.contacts, start=start, today=today, staff_ids=staff_ids,
              regions=regions, entries=entries, callers=callers, peers=peers,
              progress=progress)
    with db.transaction():
        rows_in.refresh_all_callers(db)
        _callbacks(db, rng, today, staff_ids)


def _directory(db: Database, rng: random.Random, count: int, regions: list[int],
               categories: dict[str, int], today: date) -> list[int]:
    rows: list[tuple[Any, ...]] = []
    links: list[tuple[int, int]] = []
    served: list[tuple[int, int]] = []
    first_id = bulk.next_id(db, "directory_entry")
    names: set[str] = set()
    plan = [(n, c, True) for n, c in _NATIONAL]
    suffix = 0
    while len(plan) < count:
        pattern, cats, _ = _SERVICES[len(plan) % len(_SERVICES)]
        place = _PLACES[(len(plan) // len(_SERVICES)) % len(_PLACES)]
        name = pattern.format(p=place)
        if name in names:
            suffix += 1
            name = f"{name} ({suffix + 1})"
        names.add(name)
        plan.append((name, cats, False))
    # Where referrals already go (the demo caseload's made-up services) is in it too.
    for kind, where in demo_names.DESTINATIONS.items():
        cats = {"counselling": ("Counselling",), "group": ("Other peer support",)}.get(
            kind, ("Other peer support",) if "group" in kind else ("Legal",))
        plan += [(w, cats, True) for w in where]
    for offset, (name, cats, national) in enumerate(plan):
        entry_id = first_id + offset
        slug = _slug(name)
        age = rng.choice((30, 90, 200, 300, 320, 340, 500)) if rng.random() < 0.95 else None
        rows.append((entry_id, name, name.casefold(), _phone(rng),
                     f"help@{slug}.example.org" if rng.random() < 0.8 else "",
                     f"www.{slug}.example.org" if rng.random() < 0.85 else "",
                     rng.choice(_HOURS), int(national),
                     (today - timedelta(days=age)).isoformat() if age else None))
        links += [(entry_id, categories[c]) for c in cats]
        if not national:
            served += [(entry_id, r) for r in rng.sample(regions, rng.choice((1, 1, 2)))]
    rows_in.write_directory(db, rows, links, served)
    ids = [int(r[0]) for r in rows]
    directory_repo.reindex(db, ids, new=True)
    rows_in.link_referrals_by_name(db)
    return ids


def _callers(db: Database, rng: random.Random, count: int, start: date,
             staff_ids: list[int]) -> list[int]:
    first_id = bulk.next_id(db, "known_caller")
    rows = []
    for offset in range(count):
        base = f"{_ADJECTIVES[offset % len(_ADJECTIVES)]} " \
               f"{_NOUNS[(offset // len(_ADJECTIVES)) % len(_NOUNS)]}"
        round_ = offset // (len(_ADJECTIVES) * len(_NOUNS))
        nickname = base if round_ == 0 else f"{base} {round_ + 1}"
        rows.append((first_id + offset, nickname, nickname.casefold(),
                     rng.choice(_CALLER_NOTES), rng.choice(staff_ids),
                     f"{start.isoformat()}T09:00:00+00:00"))
    rows_in.write_callers(db, rows)
    return [int(r[0]) for r in rows]


def _when(rng: random.Random, start: date, days: int) -> tuple[date, str]:
    day = start + timedelta(days=int(days * rng.random() ** 0.75))
    if rng.random() < 0.45:   # evenings and nights, when the office is shut
        hour = rng.choice((18, 19, 20, 21, 22, 23, 0, 1, 2, 6, 7))
    else:
        hour = rng.randint(9, 16)
    return day, f"{hour:02d}:{rng.randrange(0, 60, 5):02d}"


def _contacts(db: Database, rng: random.Random, count: int, *, start: date, today: date,
              staff_ids: list[int], regions: list[int], entries: list[int],
              callers: list[int], peers: list[tuple[int, date]],
              progress: Callable[[int, int], None] | None) -> None:
    days = (today - start).days
    topics = rows_in.ids(db, "contact_topic")
    # About one peer in fifty first got in touch through the listening service.
    became = {p: first for p, first in peers if rng.random() < 0.02 and first > start}
    next_id = bulk.next_id(db, "anonymous_contact")
    done = 0
    for chunk in range(0, count, 5000):
        contacts, notes, search, links, signposts = [], [], [], [], []
        for _ in range(min(5000, count - chunk)):
            cid = next_id
            next_id += 1
            day, at = _when(rng, start, days)
            caller = rng.choice(callers) if callers and rng.random() < 0.25 else None
            peer = None
            flags = int(Outcome.LISTENED) if rng.random() < 0.9 else 0
            if became and rng.random() < 0.01:
                peer, first = rng.choice(list(became.items()))
                day = max(start, first - timedelta(days=rng.randint(0, 40)))
                flags |= int(Outcome.BECAME_PEER)
            chosen = rng.sample(entries, rng.choice((1, 1, 2))) if rng.random() < 0.25 else []
            if chosen or rng.random() < 0.05:
                flags |= int(Outcome.SIGNPOSTED)
            if rng.random() < 0.1:
                flags |= int(Outcome.OFFERED_ONE_TO_ONE)
            if rng.random() < 0.06:
                flags |= int(Outcome.OFFERED_GROUP)
            concern = rng.random() < 0.06
            first_time = "returning" if caller else rng.choices(_FIRST, (50, 30, 20))[0]
            contacts.append((
                cid, day.isoformat(), at, rng.choices(_CHANNELS, _CHANNEL_WEIGHTS)[0],
                max(2, min(720, int(rng.lognormvariate(3.0, 0.7)))), rng.choice(staff_ids),
                rng.choice(regions) if rng.random() < 0.88 else None, first_time, int(concern),
                flags or int(Outcome.LISTENED), caller, peer))
            note = rng.choice(_NOTES) if rng.random() < 0.6 else ""
            action = rng.choice(_ACTIONS) if concern else ""
            notes.append((cid, note, action))
            if note or action:
                search.append((cid, f"{note}\n{action}".strip()))
            links += [(cid, t) for t in rng.sample(topics, rng.choice((0, 1, 1, 2, 3)))]
            signposts += [(cid, e) for e in chosen]
        with db.transaction():
            rows_in.write_contacts(db, contacts, notes, search, links, signposts)
        done += len(contacts)
        if progress:
            progress(done, count)


def _callbacks(db: Database, rng: random.Random, today: date, staff_ids: list[int]) -> None:
    """A handful waiting (the way to reach them kept, with agreement) and older ones done."""
    for index in range(24):
        waiting = index < 7
        received = today - timedelta(days=rng.randint(0, 12) if waiting else rng.randint(20, 400))
        status = "waiting" if waiting else rng.choice(("done", "done", "closed", "expired"))
        closed = None if waiting else (received + timedelta(days=rng.randint(1, 9))).isoformat()
        reach = ((rng.choice(demo_names.GIVEN), _phone(rng, mobile=True),
                  int(rng.random() < 0.7), 1, 0, int(rng.random() < 0.3),
                  rng.choice(("", "after 6 pm", "weekday mornings", "not at weekends")),
                  "", "", received.isoformat()) if waiting else None)
        rows_in.write_callback(db, (received.isoformat(), rng.choice(_ROUTES), status, closed,
                                    rng.choice(staff_ids)), reach)
