"""A demonstration vault with made-up staff, for trying PeerDesk safely."""

from __future__ import annotations

import os
from dataclasses import dataclass

from peerdesk.domain.staff import Role
from peerdesk.services import accounts
from peerdesk.services.setup import create_centre
from peerdesk.storage.paths import VaultPaths

# Not a secret: a demo vault holds only made-up data, and this is printed.
DEMO_PASSWORD = "demo-peerdesk-vault"
DEMO_CENTRE = "Harbour Lane Peer Support (demo)"
DEMO_ADMIN = "Admin Demo"
DEMO_LEAD = "Jordan Okafor"
DEMO_STAFF = (
    ("Priya Raman", Role.CASEWORKER),
    ("Tomás Herrera", Role.CASEWORKER),
    ("Mei Lin", Role.PEER_SUPPORTER),
    ("Dara Walsh", Role.PEER_SUPPORTER),
)
KDF_ENV = "PEERDESK_KDF_TARGET_MS"


@dataclass(frozen=True, slots=True)
class DemoSignIn:
    user: str
    password: str


def create_demo_vault(paths: VaultPaths, *, seed: int = 1) -> DemoSignIn:
    """Create the demo vault and return the programme lead's sign-in."""
    del seed  # used by the synthetic-data generator when it lands
    # Demo accounts don't need a slow unlock calibrated to this PC; the
    # Argon2id floor still applies.
    previous = os.environ.get(KDF_ENV)
    os.environ[KDF_ENV] = "0"
    try:
        centre = create_centre(paths, centre_name=DEMO_CENTRE, admin_name=DEMO_ADMIN,
                               password=DEMO_PASSWORD, confirm=DEMO_PASSWORD)
        session = centre.session
        try:
            # Demo users are not asked to change the shared, printed password.
            for name, role in ((DEMO_LEAD, Role.PROGRAMME_LEAD), *DEMO_STAFF):
                accounts.add_staff(session, name=name, role=role, password=DEMO_PASSWORD,
                                   confirm=DEMO_PASSWORD, must_change_password=False)
        finally:
            session.end().release()
    finally:
        if previous is None:
            os.environ.pop(KDF_ENV, None)
        else:
            os.environ[KDF_ENV] = previous
    return DemoSignIn(user=DEMO_LEAD, password=DEMO_PASSWORD)
