"""Mentoring pairs, consultations, feedback and quotes (casework database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.domain.labels import codes_text, parse_codes
from peerdesk.domain.voice import (
    ActionStatus,
    Benefit,
    ConsultationDraft,
    ConsultationMethod,
    FeedbackDraft,
    FeedbackSource,
    MentoringDraft,
    QuoteDraft,
    QuoteFlag,
)
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import one, query_in


def _day(text: Any) -> date | None:
    return date.fromisoformat(text) if text else None


# -- mentoring ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoredPair:
    id: int
    draft: MentoringDraft
    meetings: int  # the mentee's mentoring sessions within the pair's dates


_PAIR = ("SELECT p.id, p.mentee_id, p.starts_on, p.mentor_supporter_id, p.mentor_peer_id, "
         "p.ends_on, p.goals, (SELECT count(*) FROM one_to_one AS s WHERE "
         "s.peer_id = p.mentee_id AND s.kind = 'mentoring' AND s.held_on >= p.starts_on "
         "AND (p.ends_on IS NULL OR s.held_on <= p.ends_on)) FROM mentoring_pair AS p")


def _pair(r: Any) -> StoredPair:
    start = _day(r[2])
    assert start is not None
    return StoredPair(int(r[0]), MentoringDraft(int(r[1]), start, r[3], r[4], _day(r[5]),
                                                str(r[6])), int(r[7]))


def insert_pair(db: Database, draft: MentoringDraft, *, recorded_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO mentoring_pair (mentee_id, mentor_peer_id, mentor_supporter_id, "
        "starts_on, ends_on, goals, recorded_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (draft.mentee_id, draft.mentor_peer_id, draft.mentor_supporter_id,
         draft.starts_on.isoformat(), draft.ends_on.isoformat() if draft.ends_on else None,
         draft.goals, recorded_by, now, now)).lastrowid)


def update_pair(db: Database, pair_id: int, draft: MentoringDraft, *, now: str) -> None:
    db.execute(
        "UPDATE mentoring_pair SET mentor_peer_id = ?, mentor_supporter_id = ?, starts_on = ?, "
        "ends_on = ?, goals = ?, updated_at = ? WHERE id = ?",
        (draft.mentor_peer_id, draft.mentor_supporter_id, draft.starts_on.isoformat(),
         draft.ends_on.isoformat() if draft.ends_on else None, draft.goals, now, pair_id))


def get_pair(db: Database, pair_id: int) -> StoredPair:
    return one(db.query(f"{_PAIR} WHERE p.id = ?", (pair_id,)), _pair)


def pairs(db: Database) -> list[StoredPair]:
    return [_pair(r) for r in db.query(f"{_PAIR} ORDER BY p.starts_on DESC, p.id DESC")]


def pairs_for_peer(db: Database, peer_id: int) -> list[StoredPair]:
    """Pairs in which the peer is the mentee or the mentor."""
    return [_pair(r) for r in db.query(
        f"{_PAIR} WHERE p.mentee_id = ? OR p.mentor_peer_id = ? "
        "ORDER BY p.starts_on DESC, p.id DESC", (peer_id, peer_id))]


def delete_pair(db: Database, pair_id: int) -> None:
    db.execute("DELETE FROM mentoring_pair WHERE id = ?", (pair_id,))


# -- consultations --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoredConsultation:
    id: int
    draft: ConsultationDraft
    status_on: date | None


_CONSULTATION = ("SELECT id, held_on, method, topic, headcount, said, action, status, why_not, "
                 "status_on FROM consultation")


def _consultation(r: Any) -> StoredConsultation:
    held = _day(r[1])
    assert held is not None
    return StoredConsultation(int(r[0]), ConsultationDraft(
        held, ConsultationMethod(r[2]), str(r[3]), int(r[4]), str(r[5]), str(r[6]),
        ActionStatus(r[7]), str(r[8])), _day(r[9]))


def insert_consultation(db: Database, draft: ConsultationDraft, *, recorded_by: int,
                        today: date, now: str) -> int:
    return int(db.execute(
        "INSERT INTO consultation (held_on, method, topic, headcount, said, action, status, "
        "why_not, status_on, recorded_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (draft.held_on.isoformat(), draft.method.value, draft.topic, draft.headcount,
         draft.said, draft.action, draft.status.value, draft.why_not, today.isoformat(),
         recorded_by, now, now)).lastrowid)


def update_consultation(db: Database, consultation_id: int, draft: ConsultationDraft, *,
                        status_changed: bool, today: date, now: str) -> None:
    db.execute(
        "UPDATE consultation SET held_on = ?, method = ?, topic = ?, headcount = ?, said = ?, "
        "action = ?, status = ?, why_not = ?, "
        "status_on = CASE WHEN ? THEN ? ELSE status_on END, updated_at = ? WHERE id = ?",
        (draft.held_on.isoformat(), draft.method.value, draft.topic, draft.headcount,
         draft.said, draft.action, draft.status.value, draft.why_not, int(status_changed),
         today.isoformat(), now, consultation_id))


def get_consultation(db: Database, consultation_id: int) -> StoredConsultation:
    return one(db.query(f"{_CONSULTATION} WHERE id = ?", (consultation_id,)), _consultation)


def consultations(db: Database) -> list[StoredConsultation]:
    return [_consultation(r) for r in db.query(f"{_CONSULTATION} ORDER BY held_on DESC, id DESC")]


# -- feedback -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoredFeedback:
    id: int
    draft: FeedbackDraft


def insert_feedback(db: Database, draft: FeedbackDraft, *, recorded_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO feedback (given_on, source, helped, benefits, comments, recorded_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (draft.given_on.isoformat(), draft.source.value, draft.helped,
         codes_text(Benefit, draft.benefits), draft.comments, recorded_by, now)).lastrowid)


def feedback(db: Database) -> list[StoredFeedback]:
    out = []
    for r in db.query("SELECT id, given_on, source, benefits, helped, comments FROM feedback "
                      "ORDER BY given_on DESC, id DESC"):
        given = _day(r[1])
        assert given is not None
        out.append(StoredFeedback(int(r[0]), FeedbackDraft(
            given, FeedbackSource(r[2]), parse_codes(Benefit, str(r[3])), str(r[4]), str(r[5]))))
    return out


def delete_feedback(db: Database, feedback_id: int) -> None:
    db.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,))


def feedback_by_benefit(db: Database, start: date, end: date) -> tuple[int, dict[Benefit, int]]:
    """Forms in the period, and how many named each benefit (index only: given_on, benefits)."""
    counts = dict.fromkeys(Benefit, 0)
    forms = 0
    for code, n in db.query("SELECT benefits, count(*) FROM feedback "
                            "WHERE given_on BETWEEN ? AND ? GROUP BY benefits",
                            (start.isoformat(), end.isoformat())):
        forms += int(n)
        for b in parse_codes(Benefit, str(code)):
            counts[b] += int(n)
    return forms, counts


# -- quotes ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoredQuote:
    id: int
    peer_id: int
    consent_id: int
    said_on: date
    words: str
    flags: frozenset[QuoteFlag]
    approved_by: int | None
    approved_at: str | None

    @property
    def approved(self) -> bool:
        return self.approved_at is not None


_QUOTE = ("SELECT id, peer_id, consent_id, said_on, words, warnings, approved_by, approved_at "
          "FROM quote")


def _quote(r: Any) -> StoredQuote:
    said = _day(r[3])
    assert said is not None
    return StoredQuote(int(r[0]), int(r[1]), int(r[2]), said, str(r[4]),
                       parse_codes(QuoteFlag, str(r[5])), r[6], r[7])


def insert_quote(db: Database, draft: QuoteDraft, *, consent_id: int, warnings: str,
                 recorded_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO quote (peer_id, consent_id, said_on, words, warnings, recorded_by, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (draft.peer_id, consent_id, draft.said_on.isoformat(), draft.words, warnings,
         recorded_by, now, now)).lastrowid)


def update_quote(db: Database, quote_id: int, draft: QuoteDraft, *, warnings: str,
                 now: str) -> None:
    """A changed quote must be approved again."""
    db.execute("UPDATE quote SET said_on = ?, words = ?, warnings = ?, approved_by = NULL, "
               "approved_at = NULL, updated_at = ? WHERE id = ?",
               (draft.said_on.isoformat(), draft.words, warnings, now, quote_id))


def approve_quote(db: Database, quote_id: int, *, by: int | None, now: str) -> None:
    db.execute("UPDATE quote SET approved_by = ?, approved_at = ?, updated_at = ? WHERE id = ?",
               (by, now if by is not None else None, now, quote_id))


def get_quote(db: Database, quote_id: int) -> StoredQuote:
    return one(db.query(f"{_QUOTE} WHERE id = ?", (quote_id,)), _quote)


def quotes(db: Database) -> list[StoredQuote]:
    return [_quote(r) for r in db.query(f"{_QUOTE} ORDER BY said_on DESC, id DESC")]


def quotes_for_peer(db: Database, peer_id: int) -> list[StoredQuote]:
    return [_quote(r) for r in db.query(f"{_QUOTE} WHERE peer_id = ? "
                                        "ORDER BY said_on DESC, id DESC", (peer_id,))]


def delete_quote(db: Database, quote_id: int) -> None:
    db.execute("DELETE FROM quote WHERE id = ?", (quote_id,))


# Peers left out of every report: their most recent statistics consent is withdrawn
# (as reports.peer_sets decides it).
_LEFT_OUT = (
    "SELECT c.peer_id FROM consent AS c WHERE c.scope = 'statistics' "
    "AND c.withdrawn_on IS NOT NULL AND c.id = (SELECT c2.id FROM consent AS c2 "
    "WHERE c2.peer_id = c.peer_id AND c2.scope = 'statistics' "
    "ORDER BY c2.given_on DESC, c2.id DESC LIMIT 1)")


def printable_quotes(db: Database, on: date) -> list[str]:
    """Approved quotes whose quotable consent is current on `on`, oldest first.

    The consent the quote was saved under must still be given and not
    withdrawn; a peer left out of reports (statistics consent withdrawn) is
    left out here too.
    """
    day = on.isoformat()
    return [str(r[0]) for r in db.query(
        "SELECT q.words FROM quote AS q JOIN consent AS c ON c.id = q.consent_id "
        "WHERE q.approved_at IS NOT NULL AND c.scope = 'quotable' AND c.given_on <= :d "
        "AND (c.withdrawn_on IS NULL OR c.withdrawn_on > :d) "
        f"AND q.peer_id NOT IN ({_LEFT_OUT}) "
        "ORDER BY q.said_on, q.id", {"d": day})]


def current_quotable_consent(db: Database, peer_id: int, on: date) -> int | None:
    """The peer's newest current "may be quoted" consent, if any."""
    rows = db.query(
        "SELECT id FROM consent WHERE peer_id = ? AND scope = 'quotable' AND given_on <= ? "
        "AND (withdrawn_on IS NULL OR withdrawn_on > ?) ORDER BY given_on DESC, id DESC "
        "LIMIT 1", (peer_id, on.isoformat(), on.isoformat()))
    return int(rows[0][0]) if rows else None


def every_name(db: Database) -> list[str]:
    """Every peer's preferred and full name (the quote check's list; casework)."""
    out: list[str] = []
    for preferred, full in db.query("SELECT preferred_name, full_name FROM peer"):
        out.append(str(preferred))
        if full:
            out.append(str(full))
    return out


def peer_labels(db: Database, ids: list[int] | None = None) -> dict[int, tuple[str, int]]:
    """Peers' preferred names and reference numbers, by id: the ones given, or every peer
    not closed and everyone in a pair or a quote (for choosing and lists)."""
    if ids is not None:
        return {int(r[0]): (str(r[1]), int(r[2])) for r in query_in(
            db, "SELECT id, preferred_name, ref_number FROM peer WHERE id IN ({marks})", ids)}
    return {int(r[0]): (str(r[1]), int(r[2])) for r in db.query(
        "SELECT id, preferred_name, ref_number FROM peer WHERE status != 'closed' "
        "OR id IN (SELECT mentee_id FROM mentoring_pair) "
        "OR id IN (SELECT mentor_peer_id FROM mentoring_pair) "
        "OR id IN (SELECT peer_id FROM quote)")}
