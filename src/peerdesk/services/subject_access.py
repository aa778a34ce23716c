"""Subject access: everything held on one peer, as a PDF to give to that person.

Programme leads handle these requests (Permission.MANAGE_RETENTION, the same
role that erases), since the export carries every note by every worker.
It is not anonymised: it is the person's own record. Saving it is audited
as EXPORTED with the peer's id only.

`prepare` reads and lays out (slow for a big record, so it takes a
connection of its own for a worker thread); `save` writes the file beside
its final name and renames it, then records the export, on the thread that
owns the session's connection.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import Message
from peerdesk.domain.outcomes import show_scores
from peerdesk.domain.peer import Gender, Peer
from peerdesk.domain.safe_contact import SafeContact, state_label
from peerdesk.domain.staff import Permission
from peerdesk.reports.subject_access_pdf import Entry, Part, SubjectAccessRecord
from peerdesk.services.clock import today as today_
from peerdesk.services.saving import write_safely
from peerdesk.services.session import Session
from peerdesk.storage.atomic import write_private
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import callbacks as callback_repo
from peerdesk.storage.repositories import consent as consent_repo
from peerdesk.storage.repositories import contacts as contact_repo
from peerdesk.storage.repositories import directory as directory_repo
from peerdesk.storage.repositories import groups as group_repo
from peerdesk.storage.repositories import listening_lists as lists
from peerdesk.storage.repositories import one_to_one as session_repo
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import ratings as rating_repo
from peerdesk.storage.repositories import referrals as referral_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories import supporters as supporter_repo
from peerdesk.storage.repositories import voice as voice_repo
from peerdesk.storage.repositories.listening_lists import ListKind
from peerdesk.storage.repositories.meta import get_setting
from peerdesk.storage.vault import utc_now

INTRO = (
    "This is every piece of information this centre holds about you in PeerDesk, its "
    "records system: your details, how you asked to be contacted, your consent, the notes "
    "of each one-to-one session, referrals, the ratings you gave (with any that were "
    "corrected or deleted, and why), the groups you joined and attended, your mentoring, "
    "the words of yours kept to quote, the times you got in touch with our listening "
    "service before you became a peer, and any request to call you back. Anonymous "
    "head-counts at group meetings are not linked to anyone and so are not part of it."
)

# Every casework table that holds something about one peer (tests/services/
# test_subject_access.py checks this against the schema, so a new table can't be missed).
PEER_TABLES = frozenset({
    "peer", "safe_contact", "consent", "one_to_one", "one_to_one_note", "one_to_one_topic",
    "one_to_one_signpost", "referral", "rating", "rating_change", "group_member",
    "attendance", "anonymous_contact", "contact_note", "contact_topic_link",
    "contact_signpost", "callback", "callback_reach", "mentoring_pair", "quote",
})

_GENDER = {Gender.UNKNOWN: "Not recorded", Gender.WOMAN: "Woman", Gender.MAN: "Man",
           Gender.NON_BINARY: "Non-binary", Gender.PREFER_NOT_TO_SAY: "Prefers not to say"}


def can_export(session: Session) -> bool:
    return session.can(Permission.MANAGE_RETENTION)


@dataclass(frozen=True, slots=True)
class PreparedExport:
    peer_id: int
    ref: str
    pdf: bytes
    pages: int


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


def _details(peer: Peer, staff: dict[int, str]) -> Part:
    d = peer.details
    gender = d.gender_description if d.gender is Gender.SELF_DESCRIBED else _GENDER[d.gender]
    status = d.status.label + (f" on {d.closed_on}" if d.closed_on else "") + (
        f" ({d.closed_reason})" if d.closed_reason else "")
    fields = [("Name you go by", d.preferred_name), ("Full name", d.full_name or "—"),
              ("Reference", peer.ref),
              ("Year of birth", str(d.birth_year) if d.birth_year else "—"),
              ("Age band", d.age_band.label or "—"), ("Gender", gender),
              ("Languages", d.languages or "—"), ("Nationality", d.nationality or "—"),
              ("How you first got in touch", d.contact_route.label),
              ("First contact", d.first_contact.isoformat()), ("Status", status),
              ("Caseworker", staff.get(d.caseworker_id or -1, "—")),
              ("Peer supporter", staff.get(d.supporter_id or -1, "—"))]
    return Part("Your details", fields=tuple(fields))


def _safe_contact(prefs: SafeContact) -> Part:
    return Part("How you asked to be contacted", fields=(
        ("Do not contact", _yes(prefs.do_not_contact)), ("Calls", state_label(prefs.calls_ok)),
        ("Texts", state_label(prefs.texts_ok)), ("Email", state_label(prefs.email_ok)),
        ("Voicemail", state_label(prefs.voicemail_ok)), ("Safe times", prefs.safe_times or "—"),
        ("Code word", prefs.code_word or "—"), ("Other", prefs.other or "—")))


def _sessions(db: Database, peer_id: int) -> tuple[Part, Part]:
    stored = sorted(session_repo.for_peer(db, peer_id), key=lambda s: (s.draft.held_on, s.id))
    signposts = session_repo.signposts_for_peer(db, peer_id)
    services = directory_repo.names_of(db, [e for ids in signposts.values() for e in ids])
    entries: list[Entry] = []
    follow_ups: list[tuple[str, ...]] = []
    for s in stored:
        d = s.draft
        texts: list[tuple[str, str]] = []
        if d.topics:
            texts.append(("Topics", ", ".join(d.topics)))
        if d.notes:
            texts.append(("Notes", d.notes))
        if d.next_steps:
            texts.append(("Next steps", d.next_steps))
        if signposts.get(s.id):
            texts.append(("Pointed to", ", ".join(services.get(e, "—")
                                                  for e in signposts[s.id])))
        if d.follow_up_on:
            done = f", done {s.follow_up_done_on}" if s.follow_up_done_on else ""
            texts.append(("Follow-up", f"by {d.follow_up_on}{done}"))
            follow_ups.append((d.follow_up_on.isoformat(), d.held_on.isoformat(),
                               s.follow_up_done_on.isoformat() if s.follow_up_done_on
                               else "Not yet"))
        with_whom = f" · with {s.worker_name}" if s.worker_name else ""
        entries.append(Entry(f"{d.held_on} · {d.kind.label} · {d.mode.label} · "
                             f"{d.minutes} min{with_whom}", tuple(texts)))
    return (Part(f"One-to-one sessions ({len(entries)})", entries=tuple(entries),
                 empty="No sessions are recorded."),
            Part("Follow-ups", columns=("Due by", "Set at the session of", "Done"),
                 rows=tuple(follow_ups), empty="No follow-ups are recorded."))


def _contacts(db: Database, peer_id: int) -> Part:
    """Listening-service contacts from before they became a peer, oldest first."""
    stored = sorted(contact_repo.for_peer(db, peer_id, notes_of=None),
                    key=lambda c: (c.draft.contacted_on, c.draft.contacted_time, c.id))
    topics = lists.names(db, ListKind.TOPIC)
    regions = lists.names(db, ListKind.REGION)
    services = directory_repo.names_of(db, [e for c in stored for e in c.draft.signposts])
    entries = []
    for c in stored:
        d = c.draft
        texts: list[tuple[str, str]] = []
        if d.region_id is not None:
            texts.append(("Region", regions.get(d.region_id, "—")))
        if d.topic_ids:
            texts.append(("Topics", ", ".join(topics.get(t, "—") for t in d.topic_ids)))
        texts.append(("What came of it", ", ".join(o.label for o in d.outcomes.parts())))
        if d.signposts:
            texts.append(("Pointed to", ", ".join(services.get(e, "—") for e in d.signposts)))
        if d.safety_concern:
            texts.append(("Safety concern", d.safety_action or "Yes"))
        if d.notes:
            texts.append(("Notes", d.notes))
        with_whom = f" · with {c.taken_by_name}" if c.taken_by_name else ""
        entries.append(Entry(f"{d.contacted_on} {d.contacted_time:%H:%M} · {d.channel.label} · "
                             f"{d.minutes} min{with_whom}", tuple(texts)))
    return Part(f"Before you became a peer: contacts with our listening service "
                f"({len(entries)})", entries=tuple(entries),
                empty="No listening-service contacts are linked to your record.")


def _ratings(db: Database, peer_id: int, staff: dict[int, str]) -> tuple[Part, Part]:
    """Every rating, deleted ones too, and every correction and deletion with its reason."""
    titles = rating_repo.measure_titles(db)
    changes = rating_repo.changes_for_peer(db, peer_id)
    changed = {rating_id for rating_id, _change in changes}
    kept = rating_repo.every_for_peer(db, peer_id)
    measure_of = {r.id: titles.get(r.measure_key, r.measure_key) for r in kept}

    def total(value: int | None) -> str:
        return "—" if value is None else str(value)

    rows = tuple(
        (r.rated_on.isoformat(), measure_of[r.id], show_scores(r.scores), total(r.total),
         staff.get(r.worker_id or -1, "—"),
         f"Deleted {r.deleted_at[:10]}" if r.deleted_at
         else "Corrected" if r.id in changed else "As recorded")
        for r in kept)
    history = tuple(
        (c.changed_at[:10], measure_of.get(rating_id, "—"), c.kind.capitalize(),
         f"{c.old_rated_on}: {show_scores(c.old_scores)} (total {total(c.old_total)})",
         staff.get(c.changed_by, "—"), c.reason)
        for rating_id, c in changes)
    return (Part("Ratings", columns=("Date", "Measure", "Answers", "Total", "Recorded by",
                                     "Now"), rows=rows, empty="No ratings are recorded."),
            Part("Corrections and deletions of your ratings",
                 columns=("When", "Measure", "Change", "Before the change", "By", "Why"),
                 rows=history, empty="None of your ratings has been corrected or deleted."))


def _callbacks(db: Database, peer_id: int) -> Part:
    """Requests to call them back that led to their record (the way to reach them is
    normally erased once they became a peer; shown if it is still kept)."""
    rows = tuple(
        (c.received_on.isoformat(), c.route.label, c.status.label,
         c.closed_on.isoformat() if c.closed_on else "—",
         " · ".join(part for part in (c.ask_for, c.reach) if part) if c.reach is not None
         else "Erased")
        for c in callback_repo.for_peer(db, peer_id))
    return Part("Asking us to call you back",
                columns=("Asked on", "How", "Status", "Closed on", "How to reach you"),
                rows=rows, empty="No call-back requests are linked to your record.")


def _record(db: Database, peer_id: int, on: date) -> SubjectAccessRecord:
    peer = peer_repo.get(db, peer_id)
    staff = {s.id: s.name for s in staff_repo.list_all(db, include_removed=True)}
    consents = consent_repo.for_peer(db, peer_id)
    consent_rows = tuple(
        (c.scope.label, c.given_on.isoformat(), staff.get(c.recorded_by, "—"),
         c.review_on.isoformat() if c.review_on else "—",
         c.withdrawn_on.isoformat() if c.withdrawn_on else "—")
        for c in sorted(consents, key=lambda c: (c.given_on, c.id)))
    referrals = tuple(
        (r.draft.made_on.isoformat(), r.draft.destination.label, r.draft.destination_name,
         r.draft.status.value.capitalize())
        for r in sorted(referral_repo.for_peer(db, peer_id),
                        key=lambda r: (r.draft.made_on, r.id)))
    ratings, rating_changes = _ratings(db, peer_id, staff)
    groups = tuple((name, joined, left or "—")
                   for _id, name, joined, left in group_repo.groups_of_peer(db, peer_id))
    attendance = tuple((held_on, name, mark.capitalize() + (" (walked in)" if walk_in else ""))
                       for held_on, name, mark, walk_in in
                       reversed(group_repo.attendance_of_peer(db, peer_id)))
    sessions, follow_ups = _sessions(db, peer_id)
    return SubjectAccessRecord(
        centre_name=get_setting(db, "centre_name", "") or "",
        subject=f"{peer.details.preferred_name} ({peer.ref})", reference=peer.ref,
        produced_on=on.isoformat(), intro=INTRO,
        parts=(
            _details(peer, staff),
            _safe_contact(peer_repo.get_safe_contact(db, peer_id)),
            Part("Consent", columns=("What for", "Given on", "Recorded by", "Review by",
                                     "Withdrawn on"), rows=consent_rows,
                 empty="No consent records are held."),
            sessions,
            follow_ups,
            Part("Referrals", columns=("Date", "To", "Where", "Status"), rows=referrals,
                 empty="No referrals are recorded."),
            ratings,
            rating_changes,
            Part("Groups", columns=("Group", "Joined", "Left"), rows=groups,
                 empty="You are not recorded as a member of any group."),
            Part("Group attendance", columns=("Meeting", "Group", "Mark"), rows=attendance,
                 empty="No attendance is recorded."),
            _mentoring(db, peer_id),
            Part("Your words kept to quote", columns=("Said on", "Words", "Approved"),
                 rows=tuple((q.said_on.isoformat(), q.words, "Yes" if q.approved else "No")
                            for q in reversed(voice_repo.quotes_for_peer(db, peer_id))),
                 empty="None of your words are kept to quote."),
            _contacts(db, peer_id),
            _callbacks(db, peer_id),
        ),
    )


def _mentoring(db: Database, peer_id: int) -> Part:
    """Pairs they are in. The other person is named only when they are a supporter: a
    peer on the other side is someone else's record."""
    supporters = {s.id: s.preferred_name for s in supporter_repo.all_supporters(db)}
    rows = []
    for p in reversed(voice_repo.pairs_for_peer(db, peer_id)):
        d = p.draft
        if d.mentee_id == peer_id:
            role = "Mentored"
            other = (supporters.get(d.mentor_supporter_id, "a supporter")
                     if d.mentor_supporter_id is not None else "another peer")
        else:
            role, other = "Mentor", "another peer"
        rows.append((d.starts_on.isoformat(), d.ends_on.isoformat() if d.ends_on else "—",
                     role, other, d.goals or "—", str(p.meetings)))
    return Part("Mentoring", columns=("Started", "Ended", "You were", "With", "Goals",
                                      "Meetings"), rows=tuple(rows),
                empty="You are not in a mentoring pair.")


def build(session: Session, peer_id: int, *, db: Database | None = None,
          today: date | None = None) -> SubjectAccessRecord:
    """The plain data of the export (nothing is written or audited)."""
    session.require(Permission.MANAGE_RETENTION)
    return _record(db if db is not None else session.db, peer_id, today_(today))


def prepare(session: Session, peer_id: int, *, db: Database | None = None,
            today: date | None = None, page_size: str = "A4") -> PreparedExport:
    """Read and lay out the export; safe on a worker thread with its own `db`.

    Reading a whole record is a view of it, so preparing is audited (saving
    is audited again, as an export).
    """
    from peerdesk.reports.subject_access_pdf import render_pdf

    conn = db if db is not None else session.db
    record = replace(build(session, peer_id, db=conn, today=today), page_size=page_size)
    with conn.transaction():
        audit_repo.append(conn, at=utc_now(), actor_id=session.staff.id,
                          action=AuditAction.VIEWED, target_kind="peer", target_id=str(peer_id),
                          detail="subject access export prepared")
    data, pages = render_pdf(record)
    return PreparedExport(peer_id, record.reference, data, pages)


def save(session: Session, export: PreparedExport, path: Path) -> int:
    """Write the prepared PDF to `path` (whole or not at all) and audit it; returns pages."""
    session.require(Permission.MANAGE_RETENTION)
    peer_repo.assignment(session.db, export.peer_id)  # NotFound if erased meanwhile
    write_safely(path, lambda target: write_private(target, export.pdf),
                 disk_full=Message("There is not enough space to save the export there. "
                                   "Nothing was saved."),
                 not_saved=Message("The export could not be saved there ({why}). "
                                   "Choose another folder."))
    session.audit_alone(AuditAction.EXPORTED, "peer", str(export.peer_id),
                        f"subject access pdf, {export.pages} pages")
    return export.pages


def export_pdf(session: Session, peer_id: int, path: Path, *,
               today: date | None = None, page_size: str = "A4") -> int:
    """Prepare and save in one go (the command line, tests)."""
    return save(session, prepare(session, peer_id, today=today, page_size=page_size), path)


__all__ = ["PEER_TABLES", "PreparedExport", "build", "can_export", "export_pdf", "prepare", "save"]
