"""The demo vault's supporters register: people, courses, training and checks.

A realistic spread: most supporters active and current, some due soon or
expired, a few checks expiring in the next 30 days, some on a break or left.
Made-up names only.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from peerdesk.domain.supporters import (
    CheckDraft,
    CheckKind,
    CompletionDraft,
    CourseDraft,
    SupporterDraft,
    SupporterRole,
    SupporterStatus,
    add_months,
)
from peerdesk.services import demo_names as names
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import supporters as repo
from peerdesk.storage.vault import utc_now

COUNTS = {"small": 14, "large": 200, "huge": 400}
# name -> (competencies, renewal months)
COURSES = {
    "Peer support foundations": (("Lived experience", "Mutual support", "Hope",
                                  "Collaboration"), None),
    "Safeguarding": (("Safety",), 12),
    "Confidentiality and data protection": (("Confidentiality",), 24),
    "Cultural attunement workshop": (("Cultural attunement",), 36),
    "Reflective practice": (("Self-reflection",), None),
    "Trauma-informed listening": (("Safety", "Mutual support"), None),
}
_ROLE_MIX = [
    (SupporterRole.VOLUNTEER,), (SupporterRole.VOLUNTEER, SupporterRole.GROUP_FACILITATOR),
    (SupporterRole.PEER_SUPPORT_WORKER,), (SupporterRole.PEER_SUPPORT_WORKER,
                                           SupporterRole.MENTOR),
    (SupporterRole.MENTOR,), (SupporterRole.SUPERVISOR, SupporterRole.PEER_SUPPORT_WORKER),
]


def populate(db: Database, rng: random.Random, *, scale: str, start: date, today: date,
             linked_staff: list[int], recorded_by: int) -> list[int]:
    """Write the register; returns the supporters' ids."""
    now = utc_now()
    ids: list[int] = []
    with db.transaction():
        comps = {c.name: c.id for c in repo.competencies(db)}
        courses = {name: (repo.insert_course(db, CourseDraft(
            name, frozenset(comps[c] for c in competencies), months)), months)
            for name, (competencies, months) in COURSES.items()}
        for index in range(COUNTS.get(scale, 14)):
            began = start + timedelta(days=rng.randint(0, max(1, (today - start).days - 60)))
            name = f"{rng.choice(names.GIVEN)} {rng.choice(names.FAMILY)[0]}."
            roles = frozenset(rng.choice(_ROLE_MIX))
            staff_id = linked_staff[index] if index < len(linked_staff) else None
            supporter_id = repo.insert(db, SupporterDraft(
                name, roles, began, f"07700 9{rng.randint(10000, 99999)}", staff_id),
                SupporterStatus.IN_TRAINING, now=now)
            ids.append(supporter_id)
            active_from = began + timedelta(days=rng.randint(30, 90))
            if active_from < today:
                repo.add_status(db, supporter_id, SupporterStatus.ACTIVE, active_from)
                roll = rng.random()
                later = active_from + timedelta(days=rng.randint(60, 900))
                if staff_id is None and roll < 0.12 and later < today:
                    repo.add_status(db, supporter_id, SupporterStatus.LEFT, later)
                elif staff_id is None and roll < 0.2 and later < today:
                    repo.add_status(db, supporter_id, SupporterStatus.ON_BREAK, later)
            _training(db, rng, supporter_id, began, today, courses, recorded_by, now)
            _checks(db, rng, supporter_id, began, today, recorded_by, now)
    return ids


def _training(db: Database, rng: random.Random, supporter_id: int, began: date, today: date,
              courses: dict[str, tuple[int, int | None]], recorded_by: int, now: str) -> None:
    for name, (course_id, months) in courses.items():
        if name != "Peer support foundations" and rng.random() < 0.2:
            continue  # not done yet: "missing" in the matrix
        day = began + timedelta(days=rng.randint(0, 40))
        while day <= today:
            repo.insert_completion(db, CompletionDraft(
                supporter_id, course_id, day, add_months(day, months) if months else None),
                recorded_by=recorded_by, now=now)
            if months is None:
                break
            # Renewed a little before or after it lapsed, or (sometimes) not yet.
            due = add_months(day, months)
            if rng.random() < 0.15:
                break
            day = due + timedelta(days=rng.randint(-30, 20))


def _checks(db: Database, rng: random.Random, supporter_id: int, began: date, today: date,
            recorded_by: int, now: str) -> None:
    signed = min(today, began + timedelta(days=rng.randint(0, 14)))
    for kind in (CheckKind.CONFIDENTIALITY, CheckKind.CODE_OF_CONDUCT):
        repo.insert_check(db, CheckDraft(supporter_id, kind, signed), recorded_by=recorded_by,
                          now=now)
    checked = max(began - timedelta(days=rng.randint(10, 60)), date(1990, 1, 2))
    expiring_soon = rng.random() < 0.15  # a few lapse in the next 30 days
    while True:
        expires = add_months(checked, 36)
        renew = expires - timedelta(days=rng.randint(5, 60))
        last = renew > today
        if last and expiring_soon:
            expires = today + timedelta(days=rng.randint(1, 28))
        repo.insert_check(db, CheckDraft(supporter_id, CheckKind.VETTING, checked,
                                         f"DBS-{rng.randint(100000, 999999)}", expires),
                          recorded_by=recorded_by, now=now)
        if last:
            break
        checked = renew
