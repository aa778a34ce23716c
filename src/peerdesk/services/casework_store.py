"""One protocol for the casework core, two stores (issue 18; docs/architecture.md,
"Team mode").

`CaseworkStore` is what a screen needs of peers and their one-to-one sessions:
find peers by text, list rows for ids, open a peer (details and safe contact,
audited), add a peer, edit one against the version read, log a session with
its note, list a peer's sessions. `VaultStore` keeps it over the SQLite vault
(the existing services and repositories, one signed-in `Session`);
`TeamStore` over the team server (`services.team.TeamDesk`). Ids are opaque
to callers: the vault's are integers, the team server's UUIDs.

Both enforce the same role rules, here in the services, with the same
messages: a peer supporter sees only the peers assigned to them and logs only
their own sessions; an administrator is refused casework. On the team server
its row-level security refuses too, but the service refuses first.

Every view and change is audited: on the vault through `Session.audit`, on the
team server onto its audit chain (`storage/team/audit.py`), in the same
transaction as what it records.

The team store is imported lazily (psycopg stays unloaded on a single PC).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import Message, NotFound, PermissionDenied
from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.domain.peer import (
    AgeBand,
    ContactRoute,
    Gender,
    PeerDraft,
    PeerStatus,
    format_ref,
)
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.domain.staff import Permission, Role, roles_allow
from peerdesk.services import access
from peerdesk.services.casework_lists import SessionRow
from peerdesk.services.clock import today as today_
from peerdesk.services.session import Session
from peerdesk.services.team import EditConflict, Offline, Pick
from peerdesk.services.today import Today, TodayItem

if TYPE_CHECKING:
    from peerdesk.services.peers import StaffChoice
    from peerdesk.services.team import TeamDesk
    from peerdesk.storage.team.casework import TeamPeer, TeamSafeContact, TeamSession
    from peerdesk.storage.team.search_cache import CachedPeer
    from peerdesk.storage.team.session_lists import TeamSessionLine

# An id as a store hands it out: compare it, keep it, give it back; nothing else.
StoreId = Hashable
# The most sessions a list across peers shows (narrowed by its dates beyond that).
SESSION_LIST_LIMIT = 2000

NOT_ASSIGNED = access.NOT_ASSIGNED
# As services.casework.log_session says it.
OWN_SESSIONS_ONLY = "You can only log your own sessions."


@dataclass(frozen=True, slots=True)
class PeerRecord:
    """A peer as read, with the version an edit of it names (always 0 on the
    vault, where one PC saves at a time)."""

    id: StoreId
    ref_number: int
    details: PeerDraft
    version: int = 0

    @property
    def ref(self) -> str:
        return format_ref(self.ref_number)


@dataclass(frozen=True, slots=True)
class PeerListRow:
    id: StoreId
    ref: str
    preferred_name: str
    status: PeerStatus


@dataclass(frozen=True, slots=True)
class OpenedPeer:
    record: PeerRecord
    safe_contact: SafeContact


@dataclass(frozen=True, slots=True)
class NewSession:
    """A one-to-one session to log (the worker: the signed-in person unless given)."""

    peer_id: StoreId
    held_on: date
    minutes: int
    mode: SessionMode
    kind: SessionKind
    notes: str = ""
    next_steps: str = ""
    follow_up_on: date | None = None
    worker_id: int | None = None


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: StoreId
    peer_id: StoreId
    worker_id: int | None
    held_on: date
    minutes: int
    mode: SessionMode
    kind: SessionKind
    notes: str = ""
    next_steps: str = ""


class CaseworkStore(Protocol):
    """What the casework screens need, whichever store holds the records."""

    @property
    def staff_id(self) -> int: ...

    @property
    def assigned_only(self) -> bool:
        """Whether this person sees only the peers assigned to them (a peer supporter)."""
        ...

    def find(self, text: str = "", *, status: PeerStatus | None = None,
             mine: bool = False) -> list[StoreId]:
        """Ids of the peers this person may see whose name or reference matches
        `text` (every one for ""), in name order; only those with `status` when
        given, only those assigned to this person (as caseworker or supporter)
        when `mine`."""
        ...

    def rows(self, ids: Sequence[StoreId]) -> list[PeerListRow]:
        """List rows for ids from `find`; ids this person may not see are left out."""
        ...

    def open(self, peer_id: StoreId) -> OpenedPeer:
        """A peer's details and safe-contact details; audited as a view."""
        ...

    def add(self, draft: PeerDraft, *, safe_contact: SafeContact | None = None,
            today: date | None = None) -> StoreId: ...

    def edit(self, before: PeerRecord, draft: PeerDraft, *,
             today: date | None = None) -> PeerRecord:
        """Save `draft` over `before` (as read). On the team server, EditConflict
        (services.team) when someone saved it since; on the vault a plain save."""
        ...

    def set_safe_contact(self, peer_id: StoreId, prefs: SafeContact) -> None: ...

    def log_session(self, new: NewSession, *, today: date | None = None) -> StoreId: ...

    def sessions(self, peer_id: StoreId) -> list[SessionRecord]:
        """A peer's sessions, newest first (notes this person may not read come
        back empty); audited as a view."""
        ...

    def staff_choices(self) -> list[StaffChoice]:
        """Who a peer can be assigned to (active caseworkers, peer supporters and
        programme leads), for the peer form; empty when it can't be known now."""
        ...

    def session_list(self, *, held_from: date | None = None,
                     held_to: date | None = None) -> list[SessionRow]:
        """Sessions across the peers this person sees (a peer supporter: those
        they logged), newest first, held between the dates given; audited as a view."""
        ...

    def today(self, *, today: date | None = None, mine: bool = False) -> Today:
        """Follow-ups still open and due by today (overdue ones marked), and the
        sessions logged today; `mine`: only the follow-ups this person set."""
        ...

    def mark_follow_up_done(self, session_id: StoreId, *, today: date | None = None) -> None:
        """A session's follow-up done today (the person who logged it, or one who
        reads every note); audited. On the team server never queued: OfflineEdit."""
        ...


# -- the vault ------------------------------------------------------------------------


class VaultStore:
    """The casework core over the SQLite vault: the existing services."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def staff_id(self) -> int:
        return self.session.staff.id

    @property
    def assigned_only(self) -> bool:
        return not self.session.can(Permission.VIEW_ALL_PEERS)

    def find(self, text: str = "", *, status: PeerStatus | None = None,
             mine: bool = False) -> list[StoreId]:
        from peerdesk.services import peers

        return list(peers.find(self.session, peers.PeerFilter(
            text=text.strip(), status=status, assigned_to=self.staff_id if mine else None)))

    def rows(self, ids: Sequence[StoreId]) -> list[PeerListRow]:
        from peerdesk.services import peers

        wanted = [i for i in ids if isinstance(i, int)]
        return [PeerListRow(r.id, r.ref, r.preferred_name, r.status)
                for r in peers.rows(self.session, wanted)]

    def _id(self, peer_id: StoreId) -> int:
        if not isinstance(peer_id, int):
            raise NotFound
        return peer_id

    def open(self, peer_id: StoreId) -> OpenedPeer:
        from peerdesk.services import peers

        page = peers.open_page(self.session, self._id(peer_id))
        return OpenedPeer(PeerRecord(page.peer.id, page.peer.ref_number, page.peer.details),
                          page.safe_contact)

    def add(self, draft: PeerDraft, *, safe_contact: SafeContact | None = None,
            today: date | None = None) -> StoreId:
        from peerdesk.services import peers

        return peers.create(self.session, draft, safe_contact=safe_contact, today=today)

    def edit(self, before: PeerRecord, draft: PeerDraft, *,
             today: date | None = None) -> PeerRecord:
        from peerdesk.services import peers
        from peerdesk.storage.repositories import peers as peer_repo

        peer_id = self._id(before.id)
        peers.update(self.session, peer_id, draft, today=today)
        saved = peer_repo.get(self.session.db, peer_id)
        return PeerRecord(saved.id, saved.ref_number, saved.details)

    def set_safe_contact(self, peer_id: StoreId, prefs: SafeContact) -> None:
        from peerdesk.services import peers

        peers.set_safe_contact(self.session, self._id(peer_id), prefs)

    def log_session(self, new: NewSession, *, today: date | None = None) -> StoreId:
        from peerdesk.services import casework

        draft = SessionDraft(
            peer_id=self._id(new.peer_id),
            worker_id=self.staff_id if new.worker_id is None else new.worker_id,
            held_on=new.held_on, minutes=new.minutes, mode=new.mode, kind=new.kind,
            notes=new.notes, next_steps=new.next_steps, follow_up_on=new.follow_up_on)
        return casework.log_session(self.session, draft, today=today)

    def sessions(self, peer_id: StoreId) -> list[SessionRecord]:
        from peerdesk.storage.repositories import one_to_one as session_repo

        key = self._id(peer_id)
        access.require_peer(self.session, key)
        with self.session.db.transaction():
            self.session.audit(AuditAction.VIEWED, "peer", str(key), "one-to-one sessions")
        found = session_repo.for_peer(self.session.db, key,
                                      only_notes_by=access.notes_limited_to(self.session))
        return [SessionRecord(s.id, key, s.draft.worker_id, s.draft.held_on, s.draft.minutes,
                              s.draft.mode, s.draft.kind, s.draft.notes, s.draft.next_steps)
                for s in found]

    def staff_choices(self) -> list[StaffChoice]:
        from peerdesk.services import peers

        return peers.assignable_staff(self.session)

    def session_list(self, *, held_from: date | None = None,
                     held_to: date | None = None) -> list[SessionRow]:
        from peerdesk.services import casework_lists

        return casework_lists.recent_sessions(self.session, limit=SESSION_LIST_LIMIT,
                                              held_from=held_from, held_to=held_to)

    def today(self, *, today: date | None = None, mine: bool = False) -> Today:
        from peerdesk.services import today as today_service

        return today_service.overview(self.session, today=today, mine=mine)

    def mark_follow_up_done(self, session_id: StoreId, *, today: date | None = None) -> None:
        from peerdesk.services import casework

        casework.mark_follow_up_done(self.session, self._id(session_id), today=today)


# -- the team server -------------------------------------------------------------------


def _team_peer(peer_id: uuid.UUID, ref_number: int, draft: PeerDraft,
               version: int = 1) -> TeamPeer:
    from peerdesk.storage.team.casework import TeamPeer

    return TeamPeer(
        id=peer_id, ref_number=ref_number, preferred_name=draft.preferred_name,
        first_contact=draft.first_contact, contact_route=draft.contact_route.value,
        full_name=draft.full_name, birth_year=draft.birth_year,
        age_band=draft.age_band.value, gender=draft.gender.value,
        gender_description=draft.gender_description, languages=draft.languages,
        nationality=draft.nationality, status=draft.status.value, closed_on=draft.closed_on,
        closed_reason=draft.closed_reason, caseworker_id=draft.caseworker_id,
        supporter_id=draft.supporter_id, row_version=version)


def _draft(peer: TeamPeer) -> PeerDraft:
    return PeerDraft(
        preferred_name=peer.preferred_name, first_contact=peer.first_contact,
        contact_route=ContactRoute(peer.contact_route), full_name=peer.full_name,
        birth_year=peer.birth_year, age_band=AgeBand(peer.age_band or AgeBand.UNKNOWN),
        gender=Gender(peer.gender or Gender.UNKNOWN),
        gender_description=peer.gender_description, languages=peer.languages,
        nationality=peer.nationality, status=PeerStatus(peer.status),
        closed_on=peer.closed_on, closed_reason=peer.closed_reason,
        caseworker_id=peer.caseworker_id, supporter_id=peer.supporter_id)


def _record(peer: TeamPeer) -> PeerRecord:
    return PeerRecord(peer.id, peer.ref_number, _draft(peer), peer.row_version)


def _safe_contact(found: TeamSafeContact | None) -> SafeContact:
    if found is None:
        return SafeContact()
    return SafeContact(do_not_contact=found.do_not_contact, calls_ok=found.calls_ok,
                       texts_ok=found.texts_ok, email_ok=found.email_ok,
                       voicemail_ok=found.voicemail_ok, safe_times=found.safe_times,
                       code_word=found.code_word, other=found.other)


def _team_safe_contact(peer_id: uuid.UUID, prefs: SafeContact) -> TeamSafeContact:
    from peerdesk.storage.team.casework import TeamSafeContact

    # Each channel's three states go as they are: "not asked yet" (None) is NULL on
    # the server and reads back as not asked, never as no.
    return TeamSafeContact(peer_id=peer_id, do_not_contact=prefs.do_not_contact,
                           calls_ok=prefs.calls_ok, texts_ok=prefs.texts_ok,
                           email_ok=prefs.email_ok, voicemail_ok=prefs.voicemail_ok,
                           safe_times=prefs.safe_times, code_word=prefs.code_word,
                           other=prefs.other)


def _session_record(found: TeamSession) -> SessionRecord:
    return SessionRecord(found.id, found.peer_id, found.worker_id, found.held_on,
                         found.minutes, SessionMode(found.mode), SessionKind(found.kind),
                         found.notes, found.next_steps)


# A peer added while the server couldn't be reached has no reference number yet.
NUMBER_WHEN_SENT = Message("Number given when sent")


def _ref_text(number: int) -> str:
    from peerdesk.storage.team.casework import NUMBER_FROM_SERVER

    return NUMBER_WHEN_SENT.text if number == NUMBER_FROM_SERVER else format_ref(number)


class TeamStore:
    """The casework core over the team server, for one signed-in `TeamDesk`."""

    def __init__(self, desk: TeamDesk) -> None:
        self.desk = desk

    @property
    def staff_id(self) -> int:
        return self.desk.staff_id

    @property
    def assigned_only(self) -> bool:
        return self._is_supporter()

    # -- the role rules (the same as services.access's, with its messages) ----------

    def _sees_all(self) -> bool:
        return roles_allow(self.desk.roles, Permission.VIEW_ALL_PEERS)

    def _is_supporter(self) -> bool:
        return Role.PEER_SUPPORTER in self.desk.roles and not self._sees_all()

    def _require_casework(self) -> None:
        if not (self._sees_all() or self._is_supporter()):
            raise PermissionDenied(access.NOT_CASEWORK)

    def _team_id(self, peer_id: StoreId) -> uuid.UUID:
        if not isinstance(peer_id, uuid.UUID):
            raise NotFound
        return peer_id

    def _require_peer(self, peer_id: StoreId) -> tuple[int | None, int | None]:
        """Who works with the peer, if this person may see them (nothing opened);
        refused as services.access.require_peer refuses otherwise."""
        self._require_casework()
        assigned = self.desk.assignment(self._team_id(peer_id))
        if assigned is None:
            if self._is_supporter():
                raise PermissionDenied(NOT_ASSIGNED)
            raise NotFound
        if self._is_supporter() and self.staff_id not in assigned:
            raise PermissionDenied(NOT_ASSIGNED)
        return assigned

    def require_visible(self, peer_id: StoreId) -> uuid.UUID:
        """The peer's id if this login may see them, for something new to go on
        their record (a session, a contact): asked of the server, or, when it
        can't be reached, of this PC's search cache, which holds only the peers
        this login may see (the server checks again when the outbox is sent)."""
        key = self._team_id(peer_id)
        try:
            self._require_peer(key)
        except Offline:
            if not self.desk.peer_rows([key]):
                raise
        return key

    # -- finding ----------------------------------------------------------------------

    def find(self, text: str = "", *, status: PeerStatus | None = None,
             mine: bool = False) -> list[StoreId]:
        """Search as you type on this PC's encrypted search cache (the server
        can't search what it can't read); no text, the whole list, from the
        cache brought in step with the server first. The filters on the
        cache's rows too, so they work offline."""
        self._require_casework()
        if not text.strip():
            found: list[CachedPeer] = self.desk.cached_peers().peers
        elif status is None and not mine:
            return list(self.desk.find_peers(text))
        else:
            found = self.desk.peer_rows(self.desk.find_peers(text))
        me = self.staff_id if mine else None
        return [p.id for p in found
                if (status is None or p.status == status.value)
                and (me is None or me in (p.caseworker_id, p.supporter_id))]

    def rows(self, ids: Sequence[StoreId]) -> list[PeerListRow]:
        self._require_casework()
        return [PeerListRow(p.id, _ref_text(p.ref_number), p.preferred_name,
                            PeerStatus(p.status))
                for p in self.desk.peer_rows([self._team_id(i) for i in ids])]

    # -- one peer ---------------------------------------------------------------------

    def open(self, peer_id: StoreId) -> OpenedPeer:
        self._require_casework()
        opened = self.desk.open_peer(self._team_id(peer_id))
        if opened is None:
            if self._is_supporter():
                raise PermissionDenied(NOT_ASSIGNED)
            raise NotFound
        return OpenedPeer(_record(opened[0]), _safe_contact(opened[1]))

    def add(self, draft: PeerDraft, *, safe_contact: SafeContact | None = None,
            today: date | None = None) -> StoreId:
        from peerdesk.storage.team.casework import NUMBER_FROM_SERVER, NewPeer

        self._require_casework()
        clean = draft.validated(today_(today))
        if self._is_supporter() and clean.supporter_id is None:
            # Otherwise the person who added them could not see them.
            clean = dataclasses.replace(clean, supporter_id=self.staff_id)
        prefs = safe_contact.validated() if safe_contact else None
        peer_id = uuid.uuid4()
        # The reference number is the server's to give (team migration 14), from
        # one sequence: unique across PCs, whoever adds and whatever they see. So
        # with the server away, the peer waits in the outbox without one (and is
        # found in this PC's search cache meanwhile); the safe-contact details go
        # with them, in the same transaction when they land.
        self.desk.add_peer(NewPeer(_team_peer(peer_id, NUMBER_FROM_SERVER, clean),
                                   None if prefs is None
                                   else _team_safe_contact(peer_id, prefs)))
        return peer_id

    def edit(self, before: PeerRecord, draft: PeerDraft, *,
             today: date | None = None) -> PeerRecord:
        caseworker, supporter = self._require_peer(before.id)
        clean = draft.validated(today_(today))
        if not self._sees_all():
            # Who works with a peer is decided by caseworkers and leads.
            clean = dataclasses.replace(clean, caseworker_id=caseworker,
                                        supporter_id=supporter)
        peer_id = self._team_id(before.id)
        read = _team_peer(peer_id, before.ref_number, before.details, before.version)
        saved = self.desk.save_peer(read, _team_peer(peer_id, before.ref_number, clean,
                                                     before.version))
        return _record(saved)

    def resolve(self, conflict: EditConflict, picks: Mapping[str, Pick], *,
                today: date | None = None) -> PeerRecord:
        """Save what the person chose after an EditConflict: their picks over the
        record as the colleague saved it (the same rules as `edit`; another
        EditConflict if it moved again)."""
        return self.edit(_record(conflict.theirs), _draft(conflict.merged(picks)), today=today)

    def set_safe_contact(self, peer_id: StoreId, prefs: SafeContact) -> None:
        self._require_peer(peer_id)
        self.desk.set_safe_contact(_team_safe_contact(self._team_id(peer_id),
                                                      prefs.validated()))

    # -- sessions -------------------------------------------------------------------

    def log_session(self, new: NewSession, *, today: date | None = None) -> StoreId:
        from peerdesk.storage.team.casework import TeamSession

        self._require_casework()
        worker = self.staff_id if new.worker_id is None else new.worker_id
        clean = SessionDraft(peer_id=0, worker_id=worker, held_on=new.held_on,
                             minutes=new.minutes, mode=new.mode, kind=new.kind,
                             notes=new.notes, next_steps=new.next_steps,
                             follow_up_on=new.follow_up_on).validated(today_(today))
        if worker != self.staff_id and not roles_allow(self.desk.roles,
                                                       Permission.READ_ALL_NOTES):
            raise PermissionDenied(OWN_SESSIONS_ONLY)
        peer_id = self.require_visible(new.peer_id)
        session_id = uuid.uuid4()
        self.desk.add_session(TeamSession(
            session_id, peer_id, worker, clean.held_on, clean.minutes, clean.mode.value,
            clean.kind.value, clean.follow_up_on, clean.notes, clean.next_steps))
        return session_id

    def sessions(self, peer_id: StoreId) -> list[SessionRecord]:
        self._require_casework()
        key = self._team_id(peer_id)
        self._require_peer(key)
        self.desk.record_view(key, "one-to-one sessions")
        return [_session_record(s) for s in self.desk.sessions(key)]

    def staff_choices(self) -> list[StaffChoice]:
        from peerdesk.services.peers import StaffChoice

        self._require_casework()
        assignable = (Role.CASEWORKER, Role.PEER_SUPPORTER, Role.PROGRAMME_LEAD)
        choices = []
        for person in self.desk.people():
            roles = [Role(r) for r in person.roles if r in {a.value for a in assignable}]
            if roles:
                choices.append(StaffChoice(person.staff_id, person.name, roles[0]))
        return choices

    # -- lists across peers (services/team_sessions.py) ------------------------------

    def _lines(self, detail: str, **query: Any) -> list[TeamSessionLine]:
        from peerdesk.services import team_sessions
        from peerdesk.storage.team.session_lists import SessionQuery

        self._require_casework()
        return team_sessions.lines(self.desk, SessionQuery(**query), detail)

    def session_list(self, *, held_from: date | None = None,
                     held_to: date | None = None) -> list[SessionRow]:
        # A peer supporter's list is the sessions they logged, as on the vault.
        own = self.staff_id if self._is_supporter() else None
        found = self._lines("sessions list", held_from=held_from, held_to=held_to,
                            worker_id=own, limit=SESSION_LIST_LIMIT)
        names = self._staff_names()
        return [SessionRow(s.id, s.peer_id, format_ref(s.ref_number), s.preferred_name,
                           s.held_on, s.minutes, SessionMode(s.mode), SessionKind(s.kind),
                           names.get(s.worker_id or 0, ""), s.follow_up_on,
                           s.follow_up_done_on) for s in found]

    def today(self, *, today: date | None = None, mine: bool = False) -> Today:
        on = today_(today)
        due = self._lines("follow-ups due", due_by=on,
                          worker_id=self.staff_id if mine else None)
        own = self.staff_id if self._is_supporter() else None
        logged = self._lines("sessions logged today", held_from=on, held_to=on, worker_id=own)
        names = self._staff_names()

        def item(s: TeamSessionLine, when: date, what: str) -> TodayItem:
            return TodayItem(s.peer_id, format_ref(s.ref_number), s.preferred_name, when, what,
                             when < on, s.id, names.get(s.worker_id or 0, ""), s.worker_id)

        return Today(on=on,
                     follow_ups=[item(s, s.follow_up_on or on, "Follow-up") for s in due],
                     sessions_today=[item(s, s.held_on, "Session logged") for s in logged],
                     consent_reviews=[])

    def _staff_names(self) -> dict[int, str]:
        """Who set a follow-up or logged a session, by staff id (none when the
        team's people can't be read now: the page still shows)."""
        try:
            return {p.staff_id: p.name for p in self.desk.people()}
        except Exception:
            # A name beside a follow-up is not worth failing the page for (a
            # connection dropped just now: the lists were read all the same).
            return {}

    def mark_follow_up_done(self, session_id: StoreId, *, today: date | None = None) -> None:
        from peerdesk.services import team_sessions

        self._require_casework()
        if not isinstance(session_id, uuid.UUID):
            raise NotFound
        team_sessions.mark_follow_up_done(
            self.desk, session_id, today_(today),
            any_session=roles_allow(self.desk.roles, Permission.READ_ALL_NOTES))
