"""One-to-one sessions, follow-ups, consent, referrals and ratings for a peer.

Every change is audited against the peer, so a peer's audit trail shows
everything done to their record. Details never carry names or note text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.consent import ConsentDraft
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.one_to_one import SessionDraft, SessionKind
from peerdesk.domain.outcomes import RatingDraft, clean_reason
from peerdesk.domain.referral import ReferralDraft, ReferralStatus
from peerdesk.domain.staff import Permission
from peerdesk.services import access
from peerdesk.services.clock import today as today_
from peerdesk.services.recording import insert_audited
from peerdesk.services.session import Session
from peerdesk.storage.repositories import consent as consent_repo
from peerdesk.storage.repositories import directory as directory_repo
from peerdesk.storage.repositories import one_to_one as session_repo
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import ratings as rating_repo
from peerdesk.storage.repositories import referrals as referral_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import utc_now

# A saved referral, as the peer's page lists it and the correction dialog opens it.
StoredReferral = referral_repo.StoredReferral


def topics(session: Session) -> list[str]:
    return session_repo.topic_names(session.db)


def log_session(session: Session, draft: SessionDraft, *, today: date | None = None) -> int:
    """Record a one-to-one session. The worker is the signed-in person unless given."""
    access.require_peer(session, draft.peer_id)
    clean = draft.validated(today_(today))
    if clean.worker_id != session.staff.id:
        if not session.can(Permission.READ_ALL_NOTES):
            raise PermissionDenied("You can only log your own sessions.")
        staff_repo.get(session.db, clean.worker_id)
    with session.db.transaction():
        _check_signposts(session, clean.signposts, ())
        session_id = session_repo.insert(session.db, clean, now=utc_now())
        session_repo.settle_follow_ups(session.db, clean.peer_id)
        peer_repo.refresh_derived(session.db, clean.peer_id)
        session.audit(AuditAction.CREATED, "peer", str(clean.peer_id),
                      f"one-to-one session {session_id}")
    return session_id


# What a new session starts as: a person's first is their first contact, usually
# shorter than the sessions that follow.
FIRST_CONTACT_MINUTES = 30
USUAL_MINUTES = 50


@dataclass(frozen=True, slots=True)
class SessionStart:
    first_contact: date  # the peer's first contact, as their record gives it
    first_session: bool  # no session is logged for them yet
    kind: SessionKind
    minutes: int


def session_start(session: Session, peer_id: int) -> SessionStart:
    """How a new session for this peer starts out, and their first contact's date
    (a session dated before it is asked about before it is saved)."""
    access.require_peer(session, peer_id)
    first = session_repo.count_for_peer(session.db, peer_id) == 0
    peer = peer_repo.get(session.db, peer_id)
    return SessionStart(
        first_contact=peer.details.first_contact, first_session=first,
        kind=SessionKind.INTAKE if first else SessionKind.PEER_SUPPORT,
        minutes=FIRST_CONTACT_MINUTES if first else USUAL_MINUTES)


def _check_signposts(session: Session, chosen: tuple[int, ...], had: tuple[int, ...]) -> None:
    found = {e.id: e for e in directory_repo.entries(session.db, list(chosen))}
    for entry_id in chosen:
        entry = found.get(entry_id)
        if entry is None or (entry.archived and entry_id not in had):
            raise ValidationError("A service chosen is no longer in the directory; choose "
                                  "another.", field="signposts")


def _editable(session: Session, session_id: int) -> session_repo.StoredSession:
    stored = session_repo.get(session.db, session_id)
    access.require_peer(session, stored.draft.peer_id)
    if stored.draft.worker_id != session.staff.id and not session.can(Permission.READ_ALL_NOTES):
        raise PermissionDenied("Only the person who logged this session can change it.")
    return stored


def get_session(session: Session, session_id: int) -> session_repo.StoredSession:
    stored = _editable(session, session_id)
    session.audit_alone(AuditAction.VIEWED, "peer", str(stored.draft.peer_id),
                        f"one-to-one session {session_id}")
    return stored


def edit_session(session: Session, session_id: int, draft: SessionDraft, *,
                 today: date | None = None) -> None:
    stored = _editable(session, session_id)
    clean = replace(draft.validated(today_(today)), peer_id=stored.draft.peer_id,
                    worker_id=stored.draft.worker_id)
    with session.db.transaction():
        _check_signposts(session, clean.signposts, stored.draft.signposts)
        session_repo.update(session.db, session_id, clean, now=utc_now())
        session_repo.settle_follow_ups(session.db, clean.peer_id)
        peer_repo.refresh_derived(session.db, clean.peer_id)
        session.audit(AuditAction.CHANGED, "peer", str(clean.peer_id),
                      f"one-to-one session {session_id}")


def delete_session(session: Session, session_id: int) -> None:
    stored = _editable(session, session_id)
    with session.db.transaction():
        session_repo.delete(session.db, session_id)
        session_repo.settle_follow_ups(session.db, stored.draft.peer_id)
        peer_repo.refresh_derived(session.db, stored.draft.peer_id)
        session.audit(AuditAction.DELETED, "peer", str(stored.draft.peer_id),
                      f"one-to-one session {session_id}")


def mark_follow_up_done(session: Session, session_id: int, *, today: date | None = None) -> None:
    stored = _editable(session, session_id)
    with session.db.transaction():
        session_repo.mark_follow_up_done(session.db, session_id, today_(today))
        peer_repo.refresh_derived(session.db, stored.draft.peer_id)
        session.audit(AuditAction.CHANGED, "peer", str(stored.draft.peer_id),
                      f"follow-up of session {session_id} done")


@dataclass(frozen=True, slots=True)
class NoteHit:
    session_id: int
    peer_id: int
    ref: str
    preferred_name: str
    held_on: date
    excerpt: str


def _excerpt(text: str, words: list[str], width: int = 90) -> str:
    lowered = text.casefold()
    at = min((i for i in (lowered.find(w.casefold()) for w in words) if i >= 0), default=0)
    start = max(0, at - width // 3)
    piece = " ".join(text[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def search_notes(session: Session, text: str, *, limit: int = 200) -> list[NoteHit]:
    """Sessions whose notes contain every word typed, among those this person may read.

    Last logged first.
    """
    access.restrict(session, peer_repo.PeerFilter())
    ids = session_repo.search_notes(session.db, text, limit=limit,
                                    worker_id=access.notes_limited_to(session))
    # A peer supporter's own notes about someone no longer assigned to them
    # are not theirs to see any more.
    visible = access.visible_peer_ids(session)
    words = text.split()
    hits: list[NoteHit] = []
    for session_id in ids:
        stored = session_repo.get(session.db, session_id)
        if visible is not None and stored.draft.peer_id not in visible:
            continue
        peer = peer_repo.get(session.db, stored.draft.peer_id)
        hits.append(NoteHit(session_id, peer.id, peer.ref, peer.details.preferred_name,
                            stored.draft.held_on,
                            _excerpt(stored.draft.notes or stored.draft.next_steps, words)))
    with session.db.transaction():
        # The words searched for are not recorded: they may be a name.
        session.audit(AuditAction.VIEWED, "notes", "", f"note search, {len(hits)} results")
    return hits


def add_consent(session: Session, draft: ConsentDraft, *, today: date | None = None) -> int:
    access.require_peer(session, draft.peer_id)
    clean = draft.validated(today_(today))
    return insert_audited(session, consent_repo.insert, clean, about=("peer", clean.peer_id),
                          detail=f"consent {clean.scope.value} recorded")


def withdraw_consent(session: Session, consent_id: int, *, today: date | None = None) -> None:
    consent = consent_repo.get(session.db, consent_id)
    access.require_peer(session, consent.peer_id)
    with session.db.transaction():
        consent_repo.withdraw(session.db, consent_id, today_(today))
        session.audit(AuditAction.CHANGED, "peer", str(consent.peer_id),
                      f"consent {consent.scope.value} withdrawn")


def add_referral(session: Session, draft: ReferralDraft, *, today: date | None = None) -> int:
    access.require_peer(session, draft.peer_id)
    clean = draft.validated(today_(today))
    with session.db.transaction():
        if clean.directory_entry_id is not None:
            entry = directory_repo.get(session.db, clean.directory_entry_id)
            if entry.archived:
                raise ValidationError("That service is no longer in the directory; choose "
                                      "another, or type where to.", field="destination_name")
        referral_id = referral_repo.insert(session.db, clean, recorded_by=session.staff.id,
                                           now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(clean.peer_id),
                      f"referral {referral_id} to {clean.destination.value}")
    return referral_id


def edit_referral(session: Session, referral_id: int, draft: ReferralDraft, *,
                  today: date | None = None) -> None:
    """Correct a saved referral (a wrong date, a mistyped service); audited, with what
    changed named by field (never the words typed)."""
    stored = referral_repo.get(session.db, referral_id)
    access.require_peer(session, stored.draft.peer_id)
    clean = replace(draft.validated(today_(today)), peer_id=stored.draft.peer_id)
    old = stored.draft
    changed = [name for name, a, b in (
        ("date", old.made_on, clean.made_on), ("destination", old.destination, clean.destination),
        ("where", (old.destination_name, old.directory_entry_id),
         (clean.destination_name, clean.directory_entry_id)),
        ("status", old.status, clean.status)) if a != b]
    if not changed:
        return
    with session.db.transaction():
        if (clean.directory_entry_id is not None
                and clean.directory_entry_id != old.directory_entry_id
                and directory_repo.get(session.db, clean.directory_entry_id).archived):
            raise ValidationError("That service is no longer in the directory; choose "
                                  "another, or type where to.", field="destination_name")
        referral_repo.update(session.db, referral_id, clean, now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(clean.peer_id),
                      f"referral {referral_id} corrected: {', '.join(changed)}")


def set_referral_status(session: Session, referral_id: int, status: ReferralStatus) -> None:
    with session.db.transaction():
        peer_id = referral_repo.set_status(session.db, referral_id, status, now=utc_now())
        access.require_peer(session, peer_id)
        session.audit(AuditAction.CHANGED, "peer", str(peer_id),
                      f"referral {referral_id} {status.value}")


def add_rating(session: Session, draft: RatingDraft, *, today: date | None = None) -> int:
    access.require_peer(session, draft.peer_id)
    clean = replace(draft.validated(today_(today)), worker_id=session.staff.id)
    with session.db.transaction():
        rating_id = rating_repo.insert(session.db, clean, now=utc_now())
        session.audit(AuditAction.CHANGED, "peer", str(clean.peer_id),
                      f"{clean.measure.key} rating recorded")
    return rating_id


def correct_rating(session: Session, rating_id: int, draft: RatingDraft, reason: str, *,
                   today: date | None = None) -> None:
    """Put a rating right; the values it had are kept in rating_change with the reason."""
    peer_id, measure_key = rating_repo.owner(session.db, rating_id)
    access.require_peer(session, peer_id)
    if draft.peer_id != peer_id or draft.measure.key != measure_key:
        raise ValidationError("A correction keeps the rating's peer and measure.",
                              field="measure")
    clean = draft.validated(today_(today))
    why = clean_reason(reason)
    with session.db.transaction():
        rating_repo.correct(session.db, rating_id, clean, by=session.staff.id, reason=why,
                            now=utc_now())
        session.audit(AuditAction.RATING_CORRECTED, "peer", str(peer_id),
                      f"{measure_key} rating {rating_id} corrected")  # the reason stays in casework


def delete_rating(session: Session, rating_id: int, reason: str) -> None:
    """Take a rating out of the record and every figure; it stays traceable."""
    peer_id, measure_key = rating_repo.owner(session.db, rating_id)
    access.require_peer(session, peer_id)
    why = clean_reason(reason)
    with session.db.transaction():
        rating_repo.delete(session.db, rating_id, by=session.staff.id, reason=why,
                           now=utc_now())
        session.audit(AuditAction.RATING_DELETED, "peer", str(peer_id),
                      f"{measure_key} rating {rating_id} deleted")  # the reason stays in casework
