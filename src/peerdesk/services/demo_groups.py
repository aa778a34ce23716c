"""Weekly groups with rolling membership for demo vaults.

Each group meets weekly from its start; people join (on or after their first
contact) and stay some weeks; at each meeting a member attends, sends
apologies or doesn't come, the odd walk-in comes too, and some people come
without wanting a record (the anonymous head-count).
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from peerdesk.services import demo_names as names
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import bulk

GROUP_TITLES = (
    "Tuesday peer circle", "Women's walking group", "Art and crafts", "English conversation",
    "Evening support group", "Online check-in", "Creative writing", "Gardening club",
    "Mindfulness drop-in", "Cooking together", "Survivors' voices", "Music and movement",
)
_MARKS = ("attended", "apologies", "absent")
_MARK_WEIGHTS = (58, 14, 28)


@dataclass(frozen=True, slots=True)
class PeerSpan:
    id: int
    first: date
    until: date  # closed date, or today


def populate_groups(db: Database, rng: random.Random, *, peers: list[PeerSpan], start: date,
                    today: date, facilitators: list[int],
                    progress: Callable[[int, int], None] | None = None) -> None:
    count = max(5, len(peers) // 100)
    by_first = sorted(peers, key=lambda p: p.first)
    firsts = [p.first for p in by_first]
    first_meeting_id = bulk.next_id(db, "meeting")
    first_group_id = bulk.next_id(db, "peer_group")
    meeting_id = first_meeting_id
    for index in range(count):
        rows = bulk.GroupRows()
        group_id = first_group_id + index
        opened = start + timedelta(days=rng.randint(0, 200))
        online = rng.random() < 0.2
        title = GROUP_TITLES[index % len(GROUP_TITLES)]
        rows.groups.append((group_id, title if index < len(GROUP_TITLES)
                            else f"{title} {index // len(GROUP_TITLES) + 1}",
                            rng.choice(("peer_support", "peer_support", "activity")),
                            "online" if online else "in_person",
                            None if rng.random() < 0.95 else today.isoformat()))
        leads = rng.sample(facilitators, min(len(facilitators), rng.choice((1, 1, 2))))
        rows.facilitators.extend((group_id, s) for s in leads)
        members = _members(rng, by_first, firsts, opened, today)
        rows.members.extend((group_id, p.id, j.isoformat(),
                             left.isoformat() if left < today else None)
                            for p, j, left in members)
        day = opened + timedelta(days=(1 - opened.weekday()) % 7)  # Tuesdays
        while day <= today + timedelta(days=28):
            held = day < today
            rows.meetings.append((meeting_id, group_id, day.isoformat(),
                                  "18:00" if online else "14:00",
                                  "online" if online else rng.choice(names.PLACES),
                                  "held" if held else "scheduled",
                                  rng.choices((0, 1, 2, 3), (60, 25, 10, 5))[0] if held else 0))
            rows.meeting_staff.extend((meeting_id, s) for s in leads)
            if held:
                present = set()
                for peer, joined, left in members:
                    if joined <= day <= left:
                        present.add(peer.id)
                        rows.attendance.append((meeting_id, peer.id, rng.choices(
                            _MARKS, _MARK_WEIGHTS)[0], 0))
                if rng.random() < 0.05:
                    walk_in = by_first[rng.randrange(bisect.bisect_right(firsts, day) or 1)]
                    if walk_in.id not in present and walk_in.first <= day:
                        rows.attendance.append((meeting_id, walk_in.id, "attended", 1))
            meeting_id += 1
            day += timedelta(days=7)
        with db.transaction():
            bulk.write_groups(db, rows)
        if progress:
            progress(index + 1, count)


def _members(rng: random.Random, by_first: list[PeerSpan], firsts: list[date], opened: date,
             today: date) -> list[tuple[PeerSpan, date, date]]:
    """About 25 members at any time: people join through the years and stay a while."""
    weeks = max(1, (today - opened).days // 7)
    chosen: dict[int, tuple[PeerSpan, date, date]] = {}
    for _ in range(int(weeks * 0.95) + 12):
        joined = opened + timedelta(days=rng.randint(0, max(0, (today - opened).days)))
        eligible = bisect.bisect_right(firsts, joined)
        if not eligible:
            continue
        peer = by_first[rng.randrange(eligible)]
        if peer.id in chosen or peer.until < joined:
            continue
        left = min(peer.until, joined + timedelta(weeks=rng.randint(8, 80)))
        chosen[peer.id] = (peer, joined, left)
    return list(chosen.values())
