"""The demo vault's mentoring pairs and peers' voice: consultations, feedback, quotes.

A realistic spread: a few percent of peers mentored (mostly by supporters
with the mentor role, some by peers who have been coming for over a year),
each pair meeting every two to four weeks as sessions of kind mentoring; a
consultation every month or two, older ones mostly done, a few "won't do"
with a reason, recent ones planned; a handful of feedback forms a month; and
quotes from peers who agreed to be quoted, most approved, one flagged by the
name check, one whose consent was later withdrawn (so no report prints it).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from peerdesk.domain.labels import codes_text
from peerdesk.domain.supporters import SupporterRole, SupporterStatus, add_months
from peerdesk.domain.voice import (
    ActionStatus,
    Benefit,
    ConsultationMethod,
    FeedbackSource,
    QuoteFlag,
    quote_warnings,
)
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import supporters as supporter_repo
from peerdesk.storage.vault import utc_now

PAIR_SHARE = 0.04
MAX_PAIRS = {"small": 40, "large": 400, "huge": 600}
GOALS = ("Build confidence to use public transport alone", "Get back into college",
         "Feel less alone at weekends", "Prepare for the court date",
         "Join a group and stay for the whole session", "Keep a routine after moving house",
         "Find words for what happened, at their own pace", "Apply for volunteering")
# (topic, what peers said, what the centre will do)
CONSULTATIONS = (
    ("Opening hours", "Evenings are the only time some of us can come.",
     "Open until 20:00 on Thursdays."),
    ("Group topics", "We want a group on sleep and nightmares.",
     "Run a six-week sleep group with the nurse."),
    ("The waiting room", "It feels exposed near the front door.",
     "Move the seating behind the screen."),
    ("Childcare", "We can't come to groups in school holidays.",
     "A crèche on two mornings in the holidays."),
    ("Online groups", "Video groups help when we can't travel.",
     "Keep one online group every week."),
    ("Food", "Coming straight from work, we are hungry.", "Soup and bread at evening groups."),
    ("Interpreters", "Some of us need a woman interpreter.",
     "Book women interpreters by default."),
    ("Peer mentoring", "We would like to mentor newer members.",
     "Train a second group of peer mentors."),
)
WONT_DO_WHY = ("The building is not ours at weekends.",
               "No funding for it this year; asked again in the next bid.",
               "It would mean keeping names we promised not to keep.")
HELPED = ("Being believed.", "Nobody rushed me.", "Meeting people who understand.",
          "Having the same person each time.", "Learning it was not my fault.",
          "The texts reminding me of the group.", "", "")
QUOTES = ("For the first time I felt believed.", "Here nobody rushes me.",
          "I stopped feeling like the only one.", "The group is where I found my feet again.",
          "I can say things here I have never said anywhere.",
          "My mentor showed me it gets lighter.", "I come for the tea and stay for the people.",
          "Now I help others the way I was helped.")


def populate(db: Database, rng: random.Random, *, scale: str, start: date, today: date,
             recorded_by: int) -> None:
    """Write pairs (and their mentoring sessions), consultations, feedback and quotes."""
    now = utc_now()
    with db.transaction():
        peers = [(int(i), date.fromisoformat(f)) for i, f in db.query(
            "SELECT id, first_contact FROM peer WHERE status != 'closed' ORDER BY id")]
        _pairs(db, rng, peers, scale=scale, today=today, recorded_by=recorded_by, now=now)
        _consultations(db, rng, start=start, today=today, recorded_by=recorded_by, now=now)
        _feedback(db, rng, start=start, today=today, recorded_by=recorded_by, now=now)
        _quotes(db, rng, peers, today=today, recorded_by=recorded_by, now=now)
        db.execute("UPDATE peer SET last_contact = (SELECT max(held_on) FROM one_to_one AS s "
                   "WHERE s.peer_id = peer.id) WHERE id IN "
                   "(SELECT mentee_id FROM mentoring_pair)")


def _pairs(db: Database, rng: random.Random, peers: list[tuple[int, date]], *, scale: str,
           today: date, recorded_by: int, now: str) -> None:
    mentors = [(s.id, s.staff_id) for s in supporter_repo.all_supporters(db)
               if SupporterRole.MENTOR in s.roles and s.status is SupporterStatus.ACTIVE]
    veterans = [p for p, first in peers if first < today - timedelta(days=400)]
    count = min(MAX_PAIRS.get(scale, 40), max(3, int(len(peers) * PAIR_SHARE)))
    mentees = rng.sample(peers, min(count, len(peers)))
    for mentee, first in mentees:
        begins = first + timedelta(days=rng.randint(30, 200))
        if begins > today:
            begins = today - timedelta(days=rng.randint(0, 20))
        ends = add_months(begins, rng.randint(3, 9))
        if ends > today and rng.random() < 0.7:
            ends_on: date | None = None if rng.random() < 0.5 else ends
        else:
            ends_on = min(ends, today)
        mentor_peer = None
        supporter, worker = None, recorded_by
        others = [v for v in veterans if v != mentee]
        if mentors and (rng.random() < 0.75 or not others):
            supporter, staff = rng.choice(mentors)
            worker = staff or recorded_by
        elif others:
            mentor_peer = rng.choice(others)
        else:
            continue
        db.execute(
            "INSERT INTO mentoring_pair (mentee_id, mentor_peer_id, mentor_supporter_id, "
            "starts_on, ends_on, goals, recorded_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (mentee, mentor_peer, supporter, begins.isoformat(),
             ends_on.isoformat() if ends_on else None, rng.choice(GOALS), recorded_by, now,
             now))
        day = begins + timedelta(days=rng.randint(0, 10))
        while day <= min(ends_on or today, today):
            db.execute(
                "INSERT INTO one_to_one (peer_id, worker_id, held_on, minutes, mode, kind, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'mentoring', ?, ?)",
                (mentee, worker, day.isoformat(), rng.choice([45, 60, 60, 90]),
                 rng.choice(["in_person", "in_person", "phone", "video"]), now, now))
            day += timedelta(days=rng.randint(14, 28))


def _consultations(db: Database, rng: random.Random, *, start: date, today: date,
                   recorded_by: int, now: str) -> None:
    day = start + timedelta(days=rng.randint(10, 40))
    while day <= today:
        topic, said, action = rng.choice(CONSULTATIONS)
        age = (today - day).days
        roll = rng.random()
        if age < 60:
            status, why = ActionStatus.PLANNED, ""
        elif roll < 0.12:
            status, why = ActionStatus.WONT_DO, rng.choice(WONT_DO_WHY)
        elif roll < 0.25 and age < 200:
            status, why = ActionStatus.PLANNED, ""
        else:
            status, why = ActionStatus.DONE, ""
        method = rng.choice(list(ConsultationMethod))
        headcount = rng.randint(4, 14) if method is ConsultationMethod.GROUP_DISCUSSION \
            else rng.randint(8, 40)
        settled = min(today, day + timedelta(days=rng.randint(14, 90)))
        db.execute(
            "INSERT INTO consultation (held_on, method, topic, headcount, said, action, status, "
            "why_not, status_on, recorded_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (day.isoformat(), method.value, topic, headcount, said, action, status.value, why,
             (settled if status is not ActionStatus.PLANNED else day).isoformat(),
             recorded_by, now, now))
        day += timedelta(days=rng.randint(30, 70))


# How often each benefit is named: isolation and confidence most, anger and drink least.
_WEIGHTS = {Benefit.SELF_ESTEEM: 6, Benefit.LESS_ISOLATION: 7, Benefit.LESS_DEPRESSION_ANXIETY: 5,
            Benefit.RELATIONSHIPS: 3, Benefit.UNDERSTANDING_ABUSE: 4, Benefit.TRUST: 4,
            Benefit.ANGER: 1, Benefit.ALCOHOL_DRUGS: 1, Benefit.LESS_SELF_DESTRUCTIVE: 2}


def _feedback(db: Database, rng: random.Random, *, start: date, today: date,
              recorded_by: int, now: str) -> None:
    month = date(start.year, start.month, 1)
    benefits, weights = list(_WEIGHTS), list(_WEIGHTS.values())
    while month <= today:
        for _ in range(rng.randint(2, 8)):
            given = min(today, month + timedelta(days=rng.randint(0, 27)))
            chosen = {rng.choices(benefits, weights)[0] for _ in range(rng.randint(1, 4))}
            db.execute(
                "INSERT INTO feedback (given_on, source, helped, benefits, comments, "
                "recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (given.isoformat(), rng.choice(list(FeedbackSource)).value, rng.choice(HELPED),
                 codes_text(Benefit, chosen), "", recorded_by, now))
        month = add_months(month, 1)


def _quotes(db: Database, rng: random.Random, peers: list[tuple[int, date]], *, today: date,
            recorded_by: int, now: str) -> None:
    if not peers:
        return
    names = [str(n) for (n,) in db.query("SELECT preferred_name FROM peer")]
    speakers = rng.sample(peers, min(len(QUOTES) + 1, len(peers)))
    for index, (peer_id, first) in enumerate(speakers):
        given = min(today, first + timedelta(days=rng.randint(20, 120)))
        withdrawn = today - timedelta(days=rng.randint(1, 20)) if index == 1 else None
        consent_id = int(db.execute(
            "INSERT INTO consent (peer_id, scope, given_on, recorded_by, withdrawn_on, "
            "created_at) VALUES (?, 'quotable', ?, ?, ?, ?)",
            (peer_id, given.isoformat(), recorded_by,
             withdrawn.isoformat() if withdrawn else None, now)).lastrowid)
        if index < len(QUOTES):
            words = QUOTES[index]
        else:  # one that names someone: the name check flags it, and it stays unapproved
            words = f"{rng.choice(names)} sat with me every week until I could speak."
        flags = quote_warnings(words, names)
        approved = not flags and index % 4 != 3
        said = min(today, given + timedelta(days=rng.randint(0, 60)))
        db.execute(
            "INSERT INTO quote (peer_id, consent_id, said_on, words, warnings, recorded_by, "
            "approved_by, approved_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (peer_id, consent_id, said.isoformat(), words, codes_text(QuoteFlag, flags),
             recorded_by, recorded_by if approved else None, now if approved else None, now, now))
