"""The listening service's contact form and day list over either store (issue 18),
as services/casework_store.py does for peers.

`ListeningStore` is what the contact form (ui/contacts/contact_dialog.py)
needs: who is signed in and whether they may say someone else took a contact,
the lists to choose from (regions, topics, who takes contacts), the known
callers, and logging a new contact. `VaultListening` keeps it over the vault
(services/listening.py, one signed-in `Session`); `TeamListening` over the team
server (`services.team.TeamDesk`), where a new contact goes to this PC's
encrypted outbox when the server can't be reached and is sent once later (its
id is made here).

`TeamListening` also gives the team window's Contacts page a day's contacts:
read once from the server for the day (the desk audits the reading), then
searched and sorted here as the person types, so a keystroke never waits on the
network. The contacts waiting in this PC's outbox show with them, marked.

The team server has no directory, known callers made on a PC, "became a peer"
or call-backs yet: `vault` says whether the form offers them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.listening import Channel, ContactDraft, Outcome, Returning
from peerdesk.domain.staff import Permission, Role, needs_role_message, roles_allow
from peerdesk.services import known_callers, listening
from peerdesk.services.casework_store import TeamStore
from peerdesk.services.clock import now as now_
from peerdesk.services.listening import Choices, ContactFilter, ContactOrder, ContactRow, Taker
from peerdesk.services.session import Session
from peerdesk.services.team import Offline

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk
    from peerdesk.storage.team.groupwork import TeamContact

# As services/listening.py says it.
OWN_CONTACTS_ONLY = "You can only log contacts you took yourself."


@dataclass(frozen=True, slots=True)
class Logged:
    id: Hashable
    sent: bool = True   # False: kept in this PC's outbox until the server is back


class ListeningStore(Protocol):
    vault: bool

    @property
    def staff_id(self) -> int: ...

    def can_choose_taker(self) -> bool: ...

    def choices(self, *, include_retired: bool = False) -> Choices: ...

    def known_callers(self) -> list[tuple[Hashable, str]]: ...

    def log_contact(self, draft: ContactDraft) -> Logged: ...


class VaultListening:
    """The contact form's store over the vault: services/listening.py as it was."""

    vault = True

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def staff_id(self) -> int:
        return self.session.staff.id

    def can_choose_taker(self) -> bool:
        return self.session.can(Permission.READ_ALL_NOTES)

    def choices(self, *, include_retired: bool = False) -> Choices:
        return listening.choices(self.session, include_retired=include_retired)

    def known_callers(self) -> list[tuple[Hashable, str]]:
        return [(c.id, c.draft.nickname) for c in known_callers.search(self.session)]

    def log_contact(self, draft: ContactDraft) -> Logged:
        return Logged(listening.log_contact(self.session, draft))


@dataclass(frozen=True, slots=True)
class TeamContactRow(ContactRow):
    """A row of the team's day list: `waiting` when it is in this PC's outbox."""

    waiting: bool = False


# What each sortable column sorts by (the vault's ContactOrder, sorted here).
_SORT_KEYS: dict[ContactOrder, Callable[[ContactRow], Any]] = {
    ContactOrder.WHEN: lambda r: (r.contacted_on, r.contacted_time),
    ContactOrder.CHANNEL: lambda r: r.channel.label.casefold(),
    ContactOrder.MINUTES: lambda r: r.minutes,
    ContactOrder.REGION: lambda r: r.region.casefold(),
    ContactOrder.TAKEN_BY: lambda r: r.taken_by.casefold(),
    ContactOrder.CALLER: lambda r: r.caller.casefold(),
}


class TeamListening:
    """The contact form and the day's list over the team server, for one desk."""

    vault = False

    def __init__(self, desk: TeamDesk) -> None:
        self.desk = desk
        self.peers = TeamStore(desk)
        self._choices: Choices | None = None   # the last read: the form offline
        self._day: date | None = None
        self._rows: dict[Hashable, TeamContactRow] = {}
        self._words: dict[Hashable, str] = {}   # what a search of each row looks in
        self.offline = False                    # the day's list could not be read
        self.waiting = 0                        # contacts in the outbox, any day, at the read

    @property
    def staff_id(self) -> int:
        return self.desk.staff_id

    def _require(self) -> None:
        if not roles_allow(self.desk.roles, Permission.LOG_CONTACTS):
            raise PermissionDenied(needs_role_message(Permission.LOG_CONTACTS))

    def can_choose_taker(self) -> bool:
        return roles_allow(self.desk.roles, Permission.READ_ALL_NOTES)

    # -- the form -----------------------------------------------------------------------

    def choices(self, *, include_retired: bool = False) -> Choices:
        """Regions, topics and who takes contacts, from the server; when it can't
        be reached, as last read (or only oneself, as the one who took it)."""
        from peerdesk.storage.team import listening_lists

        self._require()
        try:
            regions, topics = self.desk.read_groupwork(lambda g: (
                listening_lists.regions(g.conn, active_only=not include_retired),
                listening_lists.topics(g.conn, active_only=not include_retired)))
        except Offline:
            if self._choices is not None:
                return self._choices
            regions, topics = [], []
        takers = [Taker(p.staff_id, p.name) for p in self.desk.people()
                  if p.can_sign_in and roles_allow(_roles(p.roles), Permission.LOG_CONTACTS)]
        if self.staff_id not in {t.id for t in takers}:
            takers.append(Taker(self.staff_id, ""))  # the form calls this person "You"
        self._choices = Choices(regions, topics, takers)
        return self._choices

    def known_callers(self) -> list[tuple[Hashable, str]]:
        from peerdesk.storage.team import listening_lists

        try:
            found = self.desk.read_groupwork(
                lambda g: listening_lists.known_callers(g.conn, g.cipher, g.audit))
        except Offline:
            return []
        return [(c.id, c.nickname) for c in found]

    def log_contact(self, draft: ContactDraft, *, peer_id: Hashable | None = None,
                    now: datetime | None = None) -> Logged:
        """Save a new contact on the server, or into this PC's outbox when it can't
        be reached or the connection drops mid-save (sent once later: its id is
        made here). On a peer's record only when this login may see the peer."""
        from peerdesk.storage.team.groupwork import TeamContact

        self._require()
        clean = draft.validated(now_(now))
        if clean.taken_by != self.staff_id and not self.can_choose_taker():
            raise PermissionDenied(OWN_CONTACTS_ONLY)
        self._check_lists(clean)
        on_record = None if peer_id is None else self.peers.require_visible(peer_id)
        contact = TeamContact(
            id=uuid.uuid4(), contacted_on=clean.contacted_on,
            contacted_time=clean.contacted_time.strftime("%H:%M"), channel=clean.channel.value,
            minutes=clean.minutes, taken_by=clean.taken_by, region_id=clean.region_id,
            first_time=clean.returning.value, safety_concern=clean.safety_concern,
            outcomes=int(clean.outcomes), known_caller_id=_caller(clean.known_caller_id),
            peer_id=on_record, notes=clean.notes, safety_action=clean.safety_action,
            topic_ids=clean.topic_ids)
        saved = self.desk.add_contact(contact)
        self.forget_day()
        return Logged(contact.id, saved.sent)

    def _check_lists(self, draft: ContactDraft) -> None:
        """As the vault checks them (services/listening.py), against the lists as
        the server has them now (as last read, when it can't be reached): a region
        or topic taken off them since the form opened is refused at its field."""
        from peerdesk.storage.repositories.listening_lists import ListKind, require_active

        choices = self.choices()
        for kind, items, ids, field in (
                (ListKind.REGION, choices.regions,
                 () if draft.region_id is None else (draft.region_id,), "region"),
                (ListKind.TOPIC, choices.topics, draft.topic_ids, "topics")):
            require_active({i.id: i.active for i in items}, kind, ids, field=field)

    # -- the day's list -----------------------------------------------------------------

    def waiting_contacts(self) -> list[TeamContact]:
        """The contacts in this PC's outbox, not sent yet."""
        from peerdesk.storage.team.groupwork import TeamContact

        if not self.desk.waiting():
            return []
        return [r for r in self.desk.outbox().waiting() if isinstance(r, TeamContact)]

    def forget_day(self) -> None:
        """Read the day again at the next `find` (something was logged, or sent)."""
        self._day = None

    def _load(self, day: date) -> None:
        self._require()
        in_outbox = self.waiting_contacts()
        self.waiting = len(in_outbox)
        waiting = [c for c in in_outbox if c.contacted_on == day]
        try:
            read = self.desk.contacts(day)   # audited on the server
            self.offline = False
        except Offline:
            read, self.offline = [], True
        choices = self.choices(include_retired=True)  # past contacts keep retired names
        regions = {r.id: r.name for r in choices.regions}
        topics = {t.id: t.name for t in choices.topics}
        takers = {t.id: t.name for t in choices.takers}
        self._rows, self._words = {}, {}
        sent = {c.id for c in read}
        for contact, is_waiting in [(c, False) for c in read] + [
                (c, True) for c in waiting if c.id not in sent]:
            row = _row(contact, regions, topics, takers, waiting=is_waiting)
            self._rows[contact.id] = row
            self._words[contact.id] = " ".join(
                (contact.notes, contact.safety_action, row.channel.label, row.region,
                 *row.topics, *(o.label for o in row.outcomes.parts()))).casefold()
        self._day = day

    def find(self, flt: ContactFilter) -> list[Hashable]:
        """The day's contacts (`flt.start`; today when not given) whose notes,
        topics, region, channel or outcome hold every word typed, in the order
        asked for; the newest first among equals."""
        day = flt.start or now_().date()
        if day != self._day:
            self._load(day)
        words = flt.text.casefold().split()
        rows = [r for r in self._rows.values()
                if all(w in self._words[r.id] for w in words)]
        rows.sort(key=_SORT_KEYS[ContactOrder.WHEN], reverse=True)
        if flt.order is not ContactOrder.WHEN:
            rows.sort(key=_SORT_KEYS[flt.order], reverse=flt.descending)
        elif not flt.descending:
            rows.reverse()
        return [r.id for r in rows]

    def rows(self, ids: Sequence[Hashable]) -> list[TeamContactRow]:
        return [self._rows[i] for i in ids if i in self._rows]


def _roles(codes: Sequence[str]) -> list[Role]:
    known = {r.value for r in Role}
    return [Role(c) for c in codes if c in known]


def _caller(caller_id: object) -> uuid.UUID | None:
    # The team's known callers have UUIDs (the form hands back what it was given).
    return caller_id if isinstance(caller_id, uuid.UUID) else None


def _row(contact: TeamContact, regions: dict[int, str], topics: dict[int, str],
         takers: dict[int, str], *, waiting: bool) -> TeamContactRow:
    return TeamContactRow(
        id=contact.id, contacted_on=contact.contacted_on.isoformat(),
        contacted_time=contact.contacted_time, channel=Channel(contact.channel),
        minutes=contact.minutes,
        region=regions.get(contact.region_id, "") if contact.region_id else "",
        returning=Returning(contact.first_time), outcomes=Outcome(contact.outcomes),
        taken_by=takers.get(contact.taken_by, "") if contact.taken_by else "", caller="",
        topics=tuple(topics.get(t, "?") for t in contact.topic_ids),
        safety_concern=contact.safety_concern, on_peer_record=contact.peer_id is not None,
        waiting=waiting)


__all__ = ["OWN_CONTACTS_ONLY", "ListeningStore", "Logged", "TeamContactRow", "TeamListening",
           "VaultListening"]
