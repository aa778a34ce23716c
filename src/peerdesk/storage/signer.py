"""Who signs what a session writes to the audit log (docs/security.md §3)."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.storage import crypto

# The signer id of events the vault's authority key signs itself (a session
# opened with the recovery key belongs to no account).
AUTHORITY_SIGNER = 0


@dataclass(slots=True)
class Signer:
    vault_id: str
    staff_id: int  # AUTHORITY_SIGNER for the authority key
    seed: bytearray
    public_key: bytes

    @classmethod
    def from_seed(cls, vault_id: str, staff_id: int, seed: bytearray) -> Signer:
        return cls(vault_id, staff_id, seed, crypto.signing_public_key(seed))

    def sign_event(self, digest: bytes) -> bytes:
        return crypto.sign(self.seed, event_message(self.vault_id, digest))

    def wipe(self) -> None:
        crypto.wipe(self.seed)


def event_message(vault_id: str, digest: bytes) -> bytes:
    return b"peerdesk-audit|" + vault_id.encode("ascii") + b"|" + digest
