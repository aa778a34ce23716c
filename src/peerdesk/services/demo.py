"""A demonstration vault of made-up people, for trying PeerDesk safely."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from peerdesk.domain.staff import Role
from peerdesk.services import accounts, demo_data, demo_supporters, first_steps, keys
from peerdesk.services.auth import SignIn
from peerdesk.services.setup import create_centre
from peerdesk.storage.paths import VaultPaths

# Not a secret: a demo vault holds only made-up data, and this is printed.
DEMO_PASSWORD = "demo-peerdesk-vault"
DEMO_CENTRE = "Harbour Lane Peer Support (demo)"
DEMO_ADMIN = "Admin Demo"
DEMO_LEAD = "Jordan Okafor"
DEMO_CASEWORKERS = ("Priya Raman", "Tomás Herrera", "Aisha Bello", "Grace Mwangi")
DEMO_SUPPORTERS = ("Mei Lin", "Dara Walsh", "Ola Nowak", "Sol Reyes")
KDF_ENV = "PEERDESK_KDF_TARGET_MS"


@dataclass(frozen=True, slots=True)
class DemoSignIn:
    user: str
    password: str


def _names(base: tuple[str, ...], count: int, role: str) -> list[str]:
    return [base[i] if i < len(base) else f"{role} {i + 1}" for i in range(count)]


def create_demo_vault(paths: VaultPaths, *, scale: str = "small", seed: int = 1,
                      today: date | None = None,
                      progress: Callable[[int, int], None] | None = None) -> DemoSignIn:
    """Create a demo vault and return the programme lead's sign-in."""
    size = demo_data.SCALES[scale]
    # Demo accounts share a printed password, so calibrating a slow unlock
    # buys nothing; the Argon2id floor still applies.
    previous = os.environ.get(KDF_ENV)
    os.environ[KDF_ENV] = "0"
    try:
        session = create_centre(paths, centre_name=DEMO_CENTRE, admin_name=DEMO_ADMIN,
                                password=DEMO_PASSWORD, confirm=DEMO_PASSWORD).session
        try:
            def add(name: str, role: Role) -> int:
                return accounts.add_staff(session, name=name, role=role, password=DEMO_PASSWORD,
                                          confirm=DEMO_PASSWORD,
                                          must_change_password=False).id

            # A demo centre has been running for a while: no first steps on Today.
            first_steps.confirm_recovery_key_stored(session)
            first_steps.hide(session, unfinished=True)
            lead = add(DEMO_LEAD, Role.PROGRAMME_LEAD)
            caseworkers = [add(n, Role.CASEWORKER)
                           for n in _names(DEMO_CASEWORKERS, size.caseworkers, "Caseworker")]
            supporters = [add(n, Role.PEER_SUPPORTER)
                          for n in _names(DEMO_SUPPORTERS, size.supporters, "Peer supporter")]
        finally:
            locked = session.end()
        # The records are written by the programme lead, as at a real centre:
        # their first sign-in takes the casework key away from the administrator
        # who set the vault up (cheap while it is still empty).
        try:
            session = SignIn(locked).sign_in(DEMO_LEAD, DEMO_PASSWORD)
            try:
                keys.settle(session)
                demo_data.populate(session.db, scale=size, seed=seed,
                                   today=today or date.today(),
                                   staff_ids=[*caseworkers, lead], supporter_ids=supporters,
                                   progress=progress)
                demo_supporters.add_supervision_notes(session, random.Random(seed + 1))
            finally:
                locked = session.end()
            # Journals are private: each is written by its author, signed in.
            writers = _names(DEMO_SUPPORTERS, size.supporters, "Peer supporter")
            for index, name in enumerate(
                    writers[:demo_supporters.JOURNAL_WRITERS.get(scale, 3)]):
                own = SignIn(locked).sign_in(name, DEMO_PASSWORD)
                try:
                    demo_supporters.write_journal(own, random.Random(seed + 10 + index),
                                                  today or date.today())
                finally:
                    locked = own.end()
        finally:
            locked.release()
    finally:
        if previous is None:
            os.environ.pop(KDF_ENV, None)
        else:
            os.environ[KDF_ENV] = previous
    return DemoSignIn(user=DEMO_LEAD, password=DEMO_PASSWORD)
