"""Small builders shared by the caseload tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.domain.peer import PeerDraft
from peerdesk.domain.staff import Role
from peerdesk.services import accounts
from peerdesk.services.auth import SignIn
from peerdesk.services.session import Session

TODAY = date(2026, 11, 22)
STAFF_PASSWORD = "a long staff password"


def peer(name: str = "Sunny", **changes: object) -> PeerDraft:
    fields: dict[str, object] = {"preferred_name": name, "first_contact": date(2026, 3, 2)}
    fields.update(changes)
    return PeerDraft(**fields)  # type: ignore[arg-type]


def one_to_one(peer_id: int, worker_id: int, **changes: object) -> SessionDraft:
    fields: dict[str, object] = dict(peer_id=peer_id, worker_id=worker_id,
                                     held_on=date(2026, 11, 20), minutes=45,
                                     mode=SessionMode.IN_PERSON, kind=SessionKind.PEER_SUPPORT)
    fields.update(changes)
    return SessionDraft(**fields)  # type: ignore[arg-type]


def add_person(admin: Session, name: str, role: Role) -> int:
    return accounts.add_staff(admin, name=name, role=role, password=STAFF_PASSWORD,
                              confirm=STAFF_PASSWORD, must_change_password=False).id


def sign_in_as(admin: Session, name: str) -> Session:
    """A second session on the same vault, as another person.

    The admin's session is closed first: one PeerDesk, one signed-in person.
    """
    locked = admin.vault.close()
    return SignIn(locked).sign_in(name, STAFF_PASSWORD)


def lead_in_new_centre(folder: Path) -> Session:
    """A new vault in `folder` with an admin and "Lee Lead", signed in as the lead."""
    from peerdesk.services.setup import create_centre
    from peerdesk.storage.paths import VaultPaths

    admin = create_centre(VaultPaths.at(folder / "c.peerdesk"), centre_name="C",
                          admin_name="Ada Admin", password="correct horse battery staple",
                          confirm="correct horse battery staple").session
    add_person(admin, "Lee Lead", Role.PROGRAMME_LEAD)
    return sign_in_as(admin, "Lee Lead")
