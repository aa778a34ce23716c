"""`peerdesk check`: sign in (audited), then check everything this account's keys open.

Pages and structure of each database, the schema against what PeerDesk
ships (dropped triggers, added objects), the audit chain with each event's
signature, every account's signed role grant, and the log's head against
the key file's record and, when given, an anchor printed on a report.
"""

from __future__ import annotations

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import VaultDamaged
from peerdesk.domain.staff import Compartment
from peerdesk.services.auth import AccountNotVerified, SignIn
from peerdesk.services.session import Session
from peerdesk.storage import anchors, integrity
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.vault import LockedVault


def check_session(session: Session, printed_anchor: str | None = None, *,
                  audit: bool = True) -> integrity.IntegrityReport:
    vault = session.vault
    anchor = anchors.parse_printed(printed_anchor) if printed_anchor else None
    report = integrity.check(
        vault.db, integrity.Trust(vault.vault_id, vault.trusted_authority, vault.trusted_origin),
        casework=session.holds(Compartment.CASEWORK), printed_anchor=anchor,
        mirrored=anchors.in_key_file(vault.keyslots),
    )
    if not session.holds(Compartment.CASEWORK):
        report.problems += integrity.casework_file_problems(vault.paths, vault.keyslots)
    if audit:
        try:
            with vault.db.transaction():
                session.audit(AuditAction.VAULT_CHECKED,
                              detail="ok" if report.ok else f"{len(report.problems)} problems")
        except VaultDamaged:
            # The check itself met the damage (a page it had to read): nothing more
            # is written to a damaged file, and the report already names it.
            if report.ok:
                raise
    return report


def check_vault(paths: VaultPaths, account: str, password: str, *,
                printed_anchor: str | None = None) -> integrity.IntegrityReport:
    if printed_anchor:
        anchors.parse_printed(printed_anchor)  # a malformed anchor is refused before unlocking
    locked = LockedVault.open(paths)
    try:
        try:
            session = SignIn(locked).sign_in(account, password, detail="peerdesk check")
        except VaultDamaged as exc:
            return integrity.IntegrityReport(problems=[exc.user_message])
        except AccountNotVerified as exc:
            # The vault refuses this sign-in because what vouches for the account
            # was changed: exactly when a check is wanted. Check with the keys the
            # slot opens (nothing is written: there is no one to write it as).
            return _check_without_signing_in(locked, account, password, printed_anchor,
                                             exc.user_message)
        try:
            return check_session(session, printed_anchor)
        finally:
            session.end()
    finally:
        locked.release()


def _check_without_signing_in(locked: LockedVault, account: str, password: str,
                              printed_anchor: str | None, why: str) -> integrity.IntegrityReport:
    vault = locked.unlock(account, password)
    try:
        anchor = anchors.parse_printed(printed_anchor) if printed_anchor else None
        report = integrity.check(
            vault.db, integrity.Trust(vault.vault_id, vault.trusted_authority,
                                      vault.trusted_origin),
            casework=vault.holds("casework"), printed_anchor=anchor,
            mirrored=anchors.in_key_file(vault.keyslots))
    finally:
        vault.close()
    report.problems.insert(0, f"this account could not sign in: {why}")
    return report
