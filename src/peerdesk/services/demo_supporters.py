"""The demo vault's supporters register: people, courses, training and checks.

A realistic spread: most supporters active and current, some due soon or
expired, a few checks expiring in the next 30 days, some on a break or left.
Made-up names only.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from peerdesk.domain.supporters import (
    CellState,
    CheckDraft,
    CheckKind,
    CompletionDraft,
    CourseDraft,
    ModuleDraft,
    SupporterDraft,
    SupporterRole,
    SupporterStatus,
    add_months,
    cell_state,
)
from peerdesk.services import demo_names as names
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import supporters as repo
from peerdesk.storage.vault import utc_now

COUNTS = {"small": 14, "large": 200, "huge": 400}
# Which linked account is always a supervisor (the second demo supporter).
SUPERVISOR_WITH_ACCOUNT = 1
# Journal writers among the demo supporters with an account, by scale.
JOURNAL_WRITERS = {"small": 3, "large": 6, "huge": 8}
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
# Covers one competency alone, so its renewal date is that competency's.
LAPSING_COURSE = "Cultural attunement workshop"
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
            if index == SUPERVISOR_WITH_ACCOUNT and index < len(linked_staff):
                # One supervisor signs in, so journals can be shared with them.
                roles |= {SupporterRole.SUPERVISOR}
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
            # The first supporter's workshop falls due within the month, so the matrix
            # always shows something to renew, whatever day the demo is made.
            lapsing = LAPSING_COURSE if index == 0 else None
            _training(db, rng, supporter_id, began, today, courses, recorded_by, now, lapsing)
            _checks(db, rng, supporter_id, began, today, recorded_by, now)
        _supervision_and_hours(db, rng, today, recorded_by, now)
        _modules(db, comps, ids, today, recorded_by, now)
    return ids


# A course given in modules: name, competencies, renewal months, and its modules with
# the competencies each counts for on its own.
MODULE_COURSE = ("Listening skills", ("Mutual support", "Confidentiality"), 24, (
    ("Active listening", ()), ("Boundaries", ("Safety",)), ("Signposting", ()),
    ("Handling a disclosure", ("Safety",)), ("Looking after yourself", ("Self-reflection",))))


def _modules(db: Database, comps: dict[str, int], ids: list[int], today: date,
             recorded_by: int, now: str) -> None:
    """The course in modules: about half the supporters have done every module (the
    course completed on the day of the last), some are part-way, the rest not started.
    A generator of its own, so the rest of the demo stays as it was."""
    rng = random.Random(1612)
    name, competencies, months, modules = MODULE_COURSE
    course_id = repo.insert_course(db, CourseDraft(
        name, frozenset(comps[c] for c in competencies), months))
    module_ids = [repo.insert_module(db, course_id, ModuleDraft(
        module, frozenset(comps[c] for c in own))) for module, own in modules]
    untils = repo.competency_untils(db)
    for supporter_id in ids:
        # Those not yet current in what the course gives are more often part-way.
        lacking = any(cell_state(untils.get((supporter_id, comps[c]), ()), today)
                      is not CellState.CURRENT for c in competencies)
        roll = rng.random()
        none, whole = (0.2, 0.4) if lacking else (0.3, 0.8)
        if roll < none:
            continue
        began = repo.statuses(db, supporter_id)[0].since
        done = len(module_ids) if roll < whole else rng.randint(1, len(module_ids) - 1)
        day = min(today, began + timedelta(days=rng.randint(7, 60)))
        last = day
        for module_id in module_ids[:done]:
            repo.insert_module_completion(
                db, supporter_id, module_id, day, add_months(day, months), recorded_by=recorded_by,
                now=now)
            last = day
            day = min(today, day + timedelta(days=rng.randint(7, 21)))
        if done == len(module_ids):
            repo.insert_completion(db, CompletionDraft(
                supporter_id, course_id, last, add_months(last, months)),
                recorded_by=recorded_by, now=now, from_modules=True)


def _supervision_and_hours(db: Database, rng: random.Random, today: date, recorded_by: int,
                           now: str) -> None:
    """Supervision every 3 to 6 weeks while active (some lapse), and hours by hand.

    The demo's supervision has no notes: notes are sealed to people's own keys,
    which only they hold when they sign in.
    """
    from peerdesk.domain.supporters import HoursDraft, HoursKind, SupervisionKind
    from peerdesk.storage.repositories import supervision as sup_repo

    people = repo.all_supporters(db)
    supervisors = [s.id for s in people if SupporterRole.SUPERVISOR in s.roles]
    for s in people:
        history = repo.statuses(db, s.id)
        active = next((h.since for h in history if h.status is SupporterStatus.ACTIVE), None)
        if active is None:
            continue
        ended = next((h.since for h in history if h.status in (
            SupporterStatus.LEFT, SupporterStatus.ON_BREAK) and h.since > active), today)
        day = active + timedelta(days=rng.randint(7, 30))
        lapse = today - timedelta(days=rng.randint(40, 90)) if rng.random() < 0.15 else ended
        while day <= min(ended, lapse, today):
            chosen = [x for x in supervisors if x != s.id]
            sup_repo.insert_supervision(
                db, s.id, rng.choice(chosen) if chosen and rng.random() < 0.85 else None,
                SupervisionKind.GROUP if rng.random() < 0.3 else SupervisionKind.INDIVIDUAL,
                day, rng.choice([45, 60, 60, 90]), recorded_by=recorded_by, now=now)
            day += timedelta(days=rng.randint(21, 42))
        month = date(active.year, active.month, 1)
        while month <= min(ended, today):
            for kind, chance, minutes in ((HoursKind.TRAINING, 0.3, (60, 180, 360)),
                                          (HoursKind.OUTREACH, 0.25, (60, 120)),
                                          (HoursKind.ADMIN, 0.4, (30, 60))):
                if rng.random() < chance:
                    worked = min(today, month + timedelta(days=rng.randint(0, 27)))
                    sup_repo.insert_hours(db, HoursDraft(s.id, worked, kind,
                                                         rng.choice(minutes)),
                                          recorded_by=recorded_by, now=now)
            month = add_months(month, 1)


def _training(db: Database, rng: random.Random, supporter_id: int, began: date, today: date,
              courses: dict[str, tuple[int, int | None]], recorded_by: int, now: str,
              lapsing: str | None = None) -> None:
    for name, (course_id, months) in courses.items():
        if name == lapsing and months:
            # Taken once, two weeks short of its renewal date.
            day = add_months(today + timedelta(days=14), -months)
            repo.insert_completion(db, CompletionDraft(
                supporter_id, course_id, day, add_months(day, months)),
                recorded_by=recorded_by, now=now)
        if name != "Peer support foundations" and rng.random() < 0.2:
            continue  # not done yet: "missing" in the matrix
        day = began + timedelta(days=rng.randint(0, 40))
        while day <= today:
            if name != lapsing:  # the same draws either way, so the rest of the demo stays
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


# -- sealed notes: supervision notes and journals (written through the services) ------

SUPERVISION_NOTES = (
    "Talked through a call that stayed with them; agreed to use the debrief line sooner.",
    "Went over boundaries when a peer asks for a personal number. Plan: role-play next time.",
    "Feeling stretched with two groups a week; agreed to step back from one for a month.",
    "Reviewed the safeguarding refresher; no concerns. Interested in mentoring.",
    "Reflected on a group session that went quiet; ideas for a gentler opening round.",
    "Discussed self-care after a hard anniversary; check in again in two weeks.",
)
JOURNAL_ENTRIES = (
    "Stayed with a long silence on the phone today instead of filling it. It helped.",
    "Noticed I was tired before the group and said so to my co-facilitator. Good call.",
    "A peer said the group was the first place they felt believed. Holding on to that.",
    "Hard day. Wrote down what I can and can't carry, and what I handed on.",
    "Tried the grounding exercise from training with a caller; it slowed us both down.",
    "Next supervision: ask about when to share my own story, and how much.",
)


def add_supervision_notes(session: Session, rng: random.Random, *, per_supporter: int = 2
                          ) -> int:
    """Notes on the latest sessions of most supporters, sealed to the programme leads
    and the supervisor, as the services seal them; returns how many."""
    from peerdesk.services import supervision
    from peerdesk.storage.repositories import supervision as sup_repo

    done = 0
    with session.db.transaction():
        for s in repo.all_supporters(session.db):
            if rng.random() < 0.3:
                continue
            for held in sup_repo.supervisions(session.db, s.id)[:per_supporter]:
                supervision.seal_notes(session, held.id, held.supervisor_id,
                                       rng.choice(SUPERVISION_NOTES))
                done += 1
    return done


def write_journal(session: Session, rng: random.Random, today: date) -> int:
    """A few private entries in the signed-in supporter's journal, one shared with a
    supervisor when they have one with an account; returns how many."""
    from peerdesk.domain.supporters import JournalDraft
    from peerdesk.services import supervision

    entries = [supervision.write_entry(session, JournalDraft(
        today - timedelta(days=rng.randint(1, 240)), rng.choice(JOURNAL_ENTRIES)), today=today)
        for _ in range(rng.randint(3, 6))]
    supervisors = supervision.my_supervisors(session)
    if supervisors:
        supervision.share_entry(session, entries[0], supervisors[0].id)
    return len(entries)
