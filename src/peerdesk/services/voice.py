"""Mentoring pairs and the peers' voice: consultations, feedback and quotes (issue 16).

Casework, like a peer's record: programme leads and caseworkers
(Permission.VIEW_ALL_PEERS, which needs the casework key an administrator
never holds). Only a programme lead approves a quote for reports. Every
view, change and approval is audited by number, never by a name or the words.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from peerdesk.domain.labels import codes_text
from peerdesk.domain.peer import format_ref
from peerdesk.domain.staff import Permission
from peerdesk.domain.supporters import SupporterStatus
from peerdesk.domain.voice import (
    ActionStatus,
    Benefit,
    ConsultationDraft,
    FeedbackDraft,
    MentoringDraft,
    QuoteDraft,
    QuoteFlag,
    quote_warnings,
)
from peerdesk.reports.period import Period
from peerdesk.reports.voice_figures import VoiceFigures
from peerdesk.reports.voice_figures import compute as compute_figures
from peerdesk.services.clock import today as today_
from peerdesk.services.recording import insert_audited
from peerdesk.services.session import Session
from peerdesk.storage.repositories import consent as consent_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories import supporters as supporter_repo
from peerdesk.storage.repositories import voice as repo
from peerdesk.storage.vault import utc_now

StoredPair = repo.StoredPair
StoredConsultation = repo.StoredConsultation
StoredFeedback = repo.StoredFeedback
StoredQuote = repo.StoredQuote

CONSULTATION, FEEDBACK = "consultation", "feedback"


def can_use(session: Session) -> bool:
    return session.can(Permission.VIEW_ALL_PEERS)


def can_approve(session: Session) -> bool:
    return session.can(Permission.RUN_REPORTS)


def _require(session: Session) -> None:
    if can_use(session):
        return
    if session.role_allows(Permission.VIEW_ALL_PEERS):
        session.require(Permission.VIEW_ALL_PEERS)  # says the key is on its way
    raise PermissionDenied("Only a programme lead or a caseworker can work with mentoring, "
                           "consultations, feedback and quotes.")


def _require_approver(session: Session) -> None:
    _require(session)
    if not can_approve(session):
        raise PermissionDenied("Only a programme lead can approve a quote for reports.")


# -- choices ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Choice:
    id: int
    label: str


def peer_choices(session: Session) -> list[Choice]:
    """Peers to choose from (not closed), by name, with their reference."""
    _require(session)
    labels = repo.peer_labels(session.db)
    return sorted((Choice(i, f"{name} ({format_ref(ref)})") for i, (name, ref) in labels.items()),
                  key=lambda c: c.label.casefold())


def mentor_choices(session: Session) -> list[Choice]:
    """Supporters who can mentor now (in training, active or on a break), by name."""
    _require(session)
    return [Choice(s.id, s.preferred_name) for s in supporter_repo.all_supporters(session.db)
            if s.status is not SupporterStatus.LEFT]


def _peer_label(labels: dict[int, tuple[str, int]], peer_id: int | None) -> str:
    if peer_id is None:
        return ""
    name, ref = labels.get(peer_id, ("", 0))
    return f"{name} ({format_ref(ref)})" if name else format_ref(ref)


# -- mentoring ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PairRow:
    pair: StoredPair
    mentee: str
    mentor: str
    mentor_is_peer: bool

    @property
    def id(self) -> int:
        return self.pair.id

    def active_on(self, on: date) -> bool:
        d = self.pair.draft
        return d.starts_on <= on and (d.ends_on is None or d.ends_on >= on)


def _check_pair(session: Session, draft: MentoringDraft, today: date) -> MentoringDraft:
    clean = draft.validated(today)
    labels = repo.peer_labels(session.db, [clean.mentee_id, *(
        [clean.mentor_peer_id] if clean.mentor_peer_id is not None else [])])
    if clean.mentee_id not in labels:
        raise ValidationError("Choose the peer being mentored.", field="mentee")
    if clean.mentor_peer_id is not None and clean.mentor_peer_id not in labels:
        raise ValidationError("Choose a mentor: a supporter or an experienced peer.",
                              field="mentor")
    if clean.mentor_supporter_id is not None:
        try:
            supporter_repo.get(session.db, clean.mentor_supporter_id)
        except NotFound:
            raise ValidationError("Choose a mentor: a supporter or an experienced peer.",
                                  field="mentor") from None
    return clean


def add_pair(session: Session, draft: MentoringDraft, *, today: date | None = None) -> int:
    _require(session)
    clean = _check_pair(session, draft, today_(today))
    return insert_audited(session, repo.insert_pair, clean, about=("peer", clean.mentee_id),
                          detail="mentoring pair {id} started")


def change_pair(session: Session, pair_id: int, draft: MentoringDraft, *,
                today: date | None = None) -> None:
    _require(session)
    stored = repo.get_pair(session.db, pair_id)
    clean = _check_pair(session, MentoringDraft(
        stored.draft.mentee_id, draft.starts_on, draft.mentor_supporter_id, draft.mentor_peer_id,
        draft.ends_on, draft.goals), today_(today))
    with session.db.transaction():
        repo.update_pair(session.db, pair_id, clean, now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(clean.mentee_id),
                      f"mentoring pair {pair_id} changed")


def _pair_rows(session: Session, found: list[StoredPair]) -> list[PairRow]:
    labels = repo.peer_labels(session.db, sorted(
        {p.draft.mentee_id for p in found}
        | {p.draft.mentor_peer_id for p in found if p.draft.mentor_peer_id is not None}))
    supporters = {s.id: s.preferred_name for s in supporter_repo.all_supporters(session.db)}
    out = []
    for p in found:
        d = p.draft
        if d.mentor_peer_id is not None:
            mentor, is_peer = _peer_label(labels, d.mentor_peer_id), True
        else:
            mentor, is_peer = supporters.get(d.mentor_supporter_id or 0, ""), False
        out.append(PairRow(p, _peer_label(labels, d.mentee_id), mentor, is_peer))
    return out


def pairs(session: Session) -> list[PairRow]:
    """Every mentoring pair, newest first; audited as a view of the list."""
    _require(session)
    rows = _pair_rows(session, repo.pairs(session.db))
    session.audit_alone(AuditAction.VIEWED, "mentoring", "", f"{len(rows)} pairs listed")
    return rows


def pairs_for_peer(session: Session, peer_id: int) -> list[PairRow]:
    """The pairs a peer is in (as mentee or as mentor), for their page. The page's
    opening is audited against the peer already."""
    _require(session)
    return _pair_rows(session, repo.pairs_for_peer(session.db, peer_id))


# -- consultations -------------------------------------------------------------------

def add_consultation(session: Session, draft: ConsultationDraft, *,
                     today: date | None = None) -> int:
    _require(session)
    on = today_(today)
    clean = draft.validated(on)
    with session.db.transaction():
        consultation_id = repo.insert_consultation(session.db, clean,
                                                   recorded_by=session.staff.id, today=on,
                                                   now=utc_now())
        session.audit(AuditAction.CREATED, CONSULTATION, str(consultation_id),
                      clean.status.value)
    return consultation_id


def change_consultation(session: Session, consultation_id: int, draft: ConsultationDraft, *,
                        today: date | None = None) -> None:
    _require(session)
    on = today_(today)
    clean = draft.validated(on)
    before = repo.get_consultation(session.db, consultation_id)
    with session.db.transaction():
        repo.update_consultation(session.db, consultation_id, clean,
                                 status_changed=before.draft.status is not clean.status,
                                 today=on, now=utc_now())
        session.audit(AuditAction.CHANGED, CONSULTATION, str(consultation_id),
                      clean.status.value)


def consultations(session: Session) -> list[StoredConsultation]:
    _require(session)
    found = repo.consultations(session.db)
    session.audit_alone(AuditAction.VIEWED, CONSULTATION, "", f"{len(found)} listed")
    return found


def you_said_we_did(session: Session) -> list[StoredConsultation]:
    """Consultations whose action is settled (done, or won't do with why), newest first."""
    return [c for c in consultations(session) if c.draft.status is not ActionStatus.PLANNED]


def save_said_did_pdf(session: Session, path: Path, *, since: date | None = None,
                      today: date | None = None) -> int:
    """"You said, we did" on a page to pin up: settled consultations (since `since`),
    newest first. No names (a head-count only). Written whole or not at all; audited."""
    from peerdesk.reports.voice_pdf import SaidDid, render_said_did
    from peerdesk.services.saving import write_safely

    _require(session)
    rows = [c for c in repo.consultations(session.db)
            if c.draft.status is not ActionStatus.PLANNED
            and (since is None or c.draft.held_on >= since)]
    data, pages = render_said_did(
        [SaidDid(f"{calendar.month_name[c.draft.held_on.month]} {c.draft.held_on.year}",
                 f"{c.draft.method.label}, {c.draft.headcount} took part", c.draft.topic,
                 c.draft.said, c.draft.action if c.draft.status is ActionStatus.DONE
                 else c.draft.why_not, c.draft.status is ActionStatus.DONE) for c in rows],
        centre_name=session.centre_name, produced_on=today_(today).isoformat())
    write_safely(path, lambda target: target.write_bytes(data))
    session.audit_alone(AuditAction.EXPORTED, CONSULTATION, "",
                        f"you said, we did pdf, {len(rows)} consultations, {pages} pages")
    return pages


# -- feedback --------------------------------------------------------------------------

def add_feedback(session: Session, draft: FeedbackDraft, *, today: date | None = None) -> int:
    _require(session)
    clean = draft.validated(today_(today))
    with session.db.transaction():
        feedback_id = repo.insert_feedback(session.db, clean, recorded_by=session.staff.id,
                                           now=utc_now())
        session.audit(AuditAction.CREATED, FEEDBACK, str(feedback_id), clean.source.value)
    return feedback_id


def feedback(session: Session) -> list[StoredFeedback]:
    _require(session)
    found = repo.feedback(session.db)
    session.audit_alone(AuditAction.VIEWED, FEEDBACK, "", f"{len(found)} listed")
    return found


def delete_feedback(session: Session, feedback_id: int) -> None:
    _require(session)
    with session.db.transaction():
        repo.delete_feedback(session.db, feedback_id)
        session.audit(AuditAction.DELETED, FEEDBACK, str(feedback_id))


# -- quotes ----------------------------------------------------------------------------

def _names(session: Session) -> list[str]:
    """Everyone whose name must not be in a quote: peers (names and aliases),
    supporters and staff."""
    db = session.db
    return [*repo.every_name(db),
            *(s.preferred_name for s in supporter_repo.all_supporters(db)),
            *(s.name for s in staff_repo.list_all(db, include_removed=True))]


def check_words(session: Session, words: str) -> frozenset[QuoteFlag]:
    """What the name check finds in `words` (for a warning while typing)."""
    _require(session)
    return quote_warnings(words, _names(session))


@dataclass(frozen=True, slots=True)
class SavedQuote:
    id: int
    flags: frozenset[QuoteFlag]  # the warning to show: empty when nothing was found


def add_quote(session: Session, draft: QuoteDraft, *, today: date | None = None) -> SavedQuote:
    """Keep a peer's words, under their current "may be quoted" consent."""
    _require(session)
    on = today_(today)
    clean = draft.validated(on)
    consent_id = repo.current_quotable_consent(session.db, clean.peer_id, on)
    if consent_id is None:
        raise ValidationError("This peer has not given consent to be quoted without their "
                              "name. Record that consent on their page first.", field="peer")
    flags = quote_warnings(clean.words, _names(session))
    with session.db.transaction():
        quote_id = repo.insert_quote(session.db, clean, consent_id=consent_id,
                                     warnings=codes_text(QuoteFlag, flags),
                                     recorded_by=session.staff.id, now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(clean.peer_id),
                      f"quote {quote_id} saved" + (", flagged" if flags else ""))
    return SavedQuote(quote_id, flags)


def change_quote(session: Session, quote_id: int, draft: QuoteDraft, *,
                 today: date | None = None) -> SavedQuote:
    """Change the words; a changed quote needs approving again."""
    _require(session)
    stored = repo.get_quote(session.db, quote_id)
    clean = QuoteDraft(stored.peer_id, draft.said_on, draft.words).validated(today_(today))
    flags = quote_warnings(clean.words, _names(session))
    with session.db.transaction():
        repo.update_quote(session.db, quote_id, clean, warnings=codes_text(QuoteFlag, flags),
                          now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(stored.peer_id),
                      f"quote {quote_id} changed" + (", flagged" if flags else ""))
    return SavedQuote(quote_id, flags)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    quote: StoredQuote
    peer: str
    consent_current: bool

    @property
    def id(self) -> int:
        return self.quote.id


def quotes(session: Session, *, today: date | None = None) -> list[QuoteRow]:
    _require(session)
    on = today_(today)
    db = session.db
    found = repo.quotes(db)
    labels = repo.peer_labels(db, sorted({q.peer_id for q in found}))
    current = {c.id: c.is_current(on) for p in {q.peer_id for q in found}
               for c in consent_repo.for_peer(db, p)}
    rows = [QuoteRow(q, _peer_label(labels, q.peer_id), current.get(q.consent_id, False))
            for q in found]
    with db.transaction():
        session.audit(AuditAction.VIEWED, "quotes", "", f"{len(rows)} listed")
    return rows


def quotes_for_peer(session: Session, peer_id: int) -> list[StoredQuote]:
    _require(session)
    return repo.quotes_for_peer(session.db, peer_id)


def approve_quote(session: Session, quote_id: int) -> frozenset[QuoteFlag]:
    """A programme lead approves a quote for reports. Returns what the name check finds
    now (names may have been added since it was saved): the screen warns before this."""
    _require_approver(session)
    stored = repo.get_quote(session.db, quote_id)
    flags = quote_warnings(stored.words, _names(session))
    with session.db.transaction():
        repo.approve_quote(session.db, quote_id, by=session.staff.id, now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(stored.peer_id),
                      f"quote {quote_id} approved" + (", flagged" if flags else ""))
    return flags


def withdraw_approval(session: Session, quote_id: int) -> None:
    _require_approver(session)
    stored = repo.get_quote(session.db, quote_id)
    with session.db.transaction():
        repo.approve_quote(session.db, quote_id, by=None, now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(stored.peer_id),
                      f"quote {quote_id} approval withdrawn")


def delete_quote(session: Session, quote_id: int) -> None:
    _require(session)
    stored = repo.get_quote(session.db, quote_id)
    with session.db.transaction():
        repo.delete_quote(session.db, quote_id)
        session.audit(AuditAction.CHANGED, "peer", str(stored.peer_id),
                      f"quote {quote_id} deleted")


# -- the report's figures ------------------------------------------------------------

def programme_figures(session: Session, period: Period) -> VoiceFigures:
    """Active mentoring pairs, consultations held and actions done, feedback forms and
    counts by benefit, for the report's Programme section (raw: the report protects them)."""
    session.require(Permission.RUN_REPORTS)
    return compute_figures(session.db, period)


__all__ = ["Benefit", "Choice", "PairRow", "QuoteRow", "SavedQuote", "StoredConsultation",
           "StoredFeedback", "StoredPair", "StoredQuote", "add_consultation", "add_feedback",
           "add_pair", "add_quote", "approve_quote", "can_approve", "can_use",
           "change_consultation", "change_pair", "change_quote", "check_words", "consultations",
           "delete_feedback", "delete_quote", "feedback", "mentor_choices", "pairs",
           "pairs_for_peer", "peer_choices", "programme_figures", "quotes", "quotes_for_peer",
           "save_said_did_pdf", "withdraw_approval", "you_said_we_did"]
