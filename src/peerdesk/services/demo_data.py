"""The synthetic caseload behind demo vaults, made from a fixed seed.

Realistic rhythms rather than uniform noise: more people arrive each year,
most come often in the weeks after first contact and then taper off, some
pause or close, follow-ups are usually kept, ratings improve a little over
time, and a few people withdraw consent to statistics.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from peerdesk.domain.peer import AgeBand, ContactRoute, Gender
from peerdesk.services import demo_groups, demo_listening, demo_supporters, demo_voice
from peerdesk.services import demo_names as names
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import bulk


@dataclass(frozen=True, slots=True)
class Scale:
    name: str
    peers: int
    years: int
    sessions_per_peer: float
    caseworkers: int
    supporters: int


SCALES = {
    "small": Scale("small", 300, 3, 46.0, 4, 4),
    "large": Scale("large", 20_000, 5, 46.0, 30, 20),
    "huge": Scale("huge", 100_000, 6, 46.0, 80, 60),
}

_ROUTES = [r.value for r in ContactRoute]
_ROUTE_WEIGHTS = [18, 14, 12, 8, 20, 16, 12]
_GENDERS = [Gender.WOMAN.value, Gender.MAN.value, Gender.NON_BINARY.value,
            Gender.PREFER_NOT_TO_SAY.value, Gender.UNKNOWN.value]
_GENDER_WEIGHTS = [78, 12, 4, 3, 3]
_MODES = ["in_person", "phone", "text", "email", "video", "other"]
_MODE_WEIGHTS = [45, 25, 15, 5, 9, 1]


def _first_contact(rng: random.Random, start: date, days: int) -> date:
    # Growth: later days more likely (a centre that is getting known).
    return start + timedelta(days=int(days * rng.random() ** 0.8))


def _note(rng: random.Random) -> str:
    parts = [rng.choice(names.NOTE_OPENINGS)]
    parts.extend(rng.sample(names.NOTE_TOPICS, rng.choice((1, 1, 2))))
    parts.append(rng.choice(names.NOTE_CLOSINGS))
    return " ".join(parts)


def _session_days(rng: random.Random, first: date, today: date, count: int) -> list[date]:
    """A burst after first contact, then a taper: gaps grow as time goes on."""
    days, day, gap = [], first, 3.0
    for _ in range(count):
        if day > today:
            break
        days.append(day)
        gap = min(60.0, gap * rng.uniform(1.02, 1.25))
        day = day + timedelta(days=max(1, int(rng.expovariate(1 / gap))))
    return days


def populate(db: Database, *, scale: Scale, seed: int, today: date, staff_ids: list[int],
             supporter_ids: list[int],
             progress: Callable[[int, int], None] | None = None) -> None:
    """Fill an empty vault's caseload and groups. Runs in its own transactions."""
    rng = random.Random(seed)
    start = today - timedelta(days=365 * scale.years)
    days = (today - start).days
    first_ref = bulk.reserve_refs(db, scale.peers)
    first_id = bulk.next_id(db, "peer")
    topic_ids = bulk.topic_ids(db)
    done = 0
    spans: list[demo_groups.PeerSpan] = []
    for chunk_start in range(0, scale.peers, 1000):
        chunk = range(chunk_start, min(scale.peers, chunk_start + 1000))
        rows = bulk.Rows()
        for index in chunk:
            _one_peer(rng, rows, peer_id=first_id + index, ref=first_ref + index, start=start,
                      days=days, today=today, scale=scale, staff_ids=staff_ids,
                      supporter_ids=supporter_ids, topic_ids=topic_ids)
        with db.transaction():
            bulk.write(db, rows)
        spans.extend(demo_groups.PeerSpan(r[0], date.fromisoformat(r[12]),
                                          date.fromisoformat(r[14]) if r[14] else today)
                     for r in rows.peers)
        done += len(chunk)
        if progress:
            progress(done, scale.peers)
    with db.transaction():
        bulk.refresh_all_derived(db)
    demo_groups.populate_groups(db, rng, peers=spans, start=start, today=today,
                                facilitators=[*supporter_ids, *staff_ids])
    demo_listening.populate(db, rng, scale=scale.name, start=start, today=today,
                            staff_ids=[*staff_ids, *supporter_ids],
                            peers=[(p.id, p.first) for p in spans])
    demo_supporters.populate(db, rng, scale=scale.name, start=start, today=today,
                             linked_staff=supporter_ids, recorded_by=staff_ids[-1])
    demo_voice.populate(db, rng, scale=scale.name, start=start, today=today,
                        recorded_by=staff_ids[-1])


def _one_peer(rng: random.Random, rows: bulk.Rows, *, peer_id: int, ref: int, start: date,
              days: int, today: date, scale: Scale, staff_ids: list[int],
              supporter_ids: list[int], topic_ids: list[int]) -> None:
    first = _first_contact(rng, start, days)
    given = rng.choice(names.GIVEN)
    preferred = rng.choice(names.NICKNAMES) if rng.random() < 0.08 else given
    full = f"{given} {rng.choice(names.FAMILY)}" if rng.random() < 0.6 else ""
    birth_year = rng.randint(today.year - 70, today.year - 18) if rng.random() < 0.7 else None
    band = AgeBand.for_age(today.year - birth_year).value if birth_year else rng.choice(
        ["", "18-24", "25-34", "35-44", "45-54"])
    caseworker = rng.choice(staff_ids)
    supporter = rng.choice(supporter_ids) if rng.random() < 0.7 else None
    count = max(1, int(rng.expovariate(1 / scale.sessions_per_peer)))
    held = _session_days(rng, first, today, count)
    last = held[-1]
    status, closed_on, reason = "active", None, ""
    if (today - last).days > 270 and rng.random() < 0.8:
        status, closed_on = "closed", last + timedelta(days=rng.randint(30, 120))
        closed_on = min(closed_on, today)
        reason = rng.choice(["No contact for six months", "Moved away", "Goals met",
                             "Chose to stop"])
    elif (today - last).days > 60:
        status = "paused"
    rows.peers.append((
        peer_id, ref, preferred, full, preferred.casefold(), birth_year, band,
        rng.choices(_GENDERS, _GENDER_WEIGHTS)[0], "",
        ", ".join(sorted(set(rng.sample(names.LANGUAGES, rng.choice((1, 1, 2)))))),
        rng.choice(names.NATIONALITIES) if rng.random() < 0.6 else "",
        rng.choices(_ROUTES, _ROUTE_WEIGHTS)[0], first.isoformat(), status,
        closed_on.isoformat() if closed_on else None, reason, caseworker, supporter,
    ))
    rows.search.append((peer_id, f"{preferred} {full}".strip()))
    voicemail = rng.random() < 0.3
    do_not_contact = int(rng.random() < 0.03)
    channels: list[int | None] = [int(rng.random() < 0.85), int(rng.random() < 0.95),
                                  int(rng.random() < 0.5), int(voicemail)]
    # Drawn as before, so the rest of the demo stays the same; then, by the peer's
    # number alone, about one in eight was never asked at all and some more weren't
    # asked about email and voicemail yet: a realistic first week.
    if peer_id % 8 == 3:
        channels = [None, None, None, None]
    elif peer_id % 9 == 5:
        channels[2] = channels[3] = None
    rows.safe.append((peer_id, do_not_contact, *channels,
                      rng.choice(["", "", "texts only after 6 pm", "weekdays 10-3",
                                  "not at weekends"]),
                      rng.choice(["", "", "", "bluebird", "marigold", "lantern"]), ""))
    rows.consents.append((peer_id, "store_data", first.isoformat(), caseworker, None, None))
    if rng.random() < 0.92:
        withdrawn = None
        if rng.random() < 0.05:
            withdrawn = min(today, first + timedelta(days=rng.randint(10, 400))).isoformat()
        # Reviewed yearly: the next anniversary, a few of them a little overdue.
        years = max(1, (today - first).days // 365 + (rng.random() < 0.9))
        review = (first + timedelta(days=365 * years)).isoformat()
        rows.consents.append((peer_id, "statistics", first.isoformat(), caseworker, review,
                              withdrawn))
    if rng.random() < 0.6:
        rows.consents.append((peer_id, "groups", first.isoformat(), caseworker, None, None))
    for number, day in enumerate(held):
        kind = "intake" if number == 0 else rng.choices(
            ["peer_support", "listening", "follow_up"], [60, 20, 20])[0]
        worker = supporter if supporter and kind == "peer_support" and rng.random() < 0.6 \
            else caseworker
        follow_up = done_on = None
        if rng.random() < 0.3:
            due = day + timedelta(days=rng.choice((3, 7, 7, 14)))
            follow_up = due.isoformat()
            if number + 1 < len(held):
                done_on = held[number + 1].isoformat()
            elif due < today and rng.random() < 0.5:
                done_on = (due + timedelta(days=rng.randint(-2, 5))).isoformat()
        rows.add_session(
            peer_id=peer_id, worker_id=worker, held_on=day.isoformat(),
            minutes=rng.choice((15, 30, 45, 50, 60, 60, 90)) if kind != "intake" else 60,
            mode=rng.choices(_MODES, _MODE_WEIGHTS)[0], kind=kind, follow_up_on=follow_up,
            done_on=done_on, notes=_note(rng), next_steps=rng.choice(names.NEXT_STEPS),
            topics=rng.sample(topic_ids, rng.choice((0, 1, 1, 2, 3))),
        )
    if rng.random() < 0.35:
        destination = rng.choices(["counselling", "agency", "group"], [45, 35, 20])[0]
        made = held[min(len(held) - 1, rng.randint(0, 3))]
        rows.referrals.append((peer_id, made.isoformat(), destination,
                               rng.choice(names.DESTINATIONS[destination]),
                               rng.choices(["made", "accepted", "declined"], [25, 60, 15])[0],
                               caseworker))
    _ratings(rng, rows, peer_id=peer_id, held=held, worker=caseworker)


def _ratings(rng: random.Random, rows: bulk.Rows, *, peer_id: int, held: list[date],
             worker: int) -> None:
    """ONS4 and UCLA-3 at intake and about every three months, slowly improving."""
    if rng.random() < 0.2:
        return
    lift = rng.uniform(-0.3, 1.0)
    checkpoints = [held[0]] + [d for i, d in enumerate(held[1:], 1) if i % 6 == 0]
    for step, day in enumerate(checkpoints[:6]):
        base = [rng.randint(2, 6), rng.randint(3, 7), rng.randint(2, 6), rng.randint(4, 9)]
        ons = [min(10, max(0, s + round(lift * step))) for s in base[:3]]
        ons.append(min(10, max(0, base[3] - round(lift * step))))
        rows.ratings.append((peer_id, "ons4", day.isoformat(), worker,
                             ",".join(map(str, ons)), sum(ons)))
        ucla = [min(3, max(1, rng.randint(2, 3) - (step > 2 and lift > 0.5))) for _ in range(3)]
        rows.ratings.append((peer_id, "ucla3", day.isoformat(), worker,
                             ",".join(map(str, ucla)), sum(ucla)))
