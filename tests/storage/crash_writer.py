"""Child process for the crash soak: logs one-to-one sessions until it is killed.

    python crash_writer.py VAULT ACCOUNT PEER_ID ROUND

The password comes from PEERDESK_PASSWORD. It signs in through the real
services and prints "ready", then logs sessions in a loop through
casework.log_session. Each line "<session id> <note token>" is printed and
flushed only after that session's transaction has committed, so every line
the parent reads is a promise that the session is on disk. The note token
lets the parent check the row it finds is the one that was written.
Imports only the application, so it runs as a plain script.
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta

from peerdesk.domain.one_to_one import SessionDraft, SessionKind, SessionMode
from peerdesk.services import casework
from peerdesk.services.auth import SignIn
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault


def note_token(round_no: int, n: int) -> str:
    return f"soak-{round_no}-{n}"


def main(argv: list[str]) -> None:
    vault, account, peer_id, round_no = argv[1], argv[2], int(argv[3]), int(argv[4])
    session = SignIn(LockedVault.open(VaultPaths.at(vault))).sign_in(
        account, os.environ["PEERDESK_PASSWORD"])
    print("ready", flush=True)
    today = date.today()
    modes = list(SessionMode)
    n = 0
    while True:
        n += 1
        token = note_token(round_no, n)
        held_on = today - timedelta(days=n % 300)
        # Every third session plans a follow-up, so the follow-up bookkeeping
        # in the same transaction is exercised too.
        follow_up = today + timedelta(days=7) if n % 3 == 0 else None
        session_id = casework.log_session(session, SessionDraft(
            peer_id=peer_id, worker_id=session.staff.id, held_on=held_on,
            minutes=1 + n % 120, mode=modes[n % len(modes)], kind=SessionKind.PEER_SUPPORT,
            notes=f"{token} housing and benefits " * (1 + n % 8), follow_up_on=follow_up))
        print(f"{session_id} {token}", flush=True)


if __name__ == "__main__":
    main(sys.argv)
