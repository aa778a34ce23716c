"""The data dictionary: the main database (settings, staff, keys, the audit log)."""

from __future__ import annotations

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.staff import Role
from peerdesk.storage.dictionary.model import STAFF_ID, TIMESTAMP, YES_NO, Table, codes_of

_ROLES = codes_of(Role)
_STATUS = {
    "active": "can sign in",
    "deactivated": "can't sign in (no key slot); an administrator can reactivate it",
    "removed": "left; kept so the audit log still says who did what",
}
_AUDIT_COLUMNS = {
    "id": "The event's number: 1, 2, 3, … with no gaps.",
    "at": TIMESTAMP,
    "actor_id": f"{STAFF_ID} who did it; empty for the recovery key or the system.",
    "action": "What happened (see the codes).",
    "target_kind": "What kind of record it was done to: peer, staff, supporter, course, "
                   "competency, group, notes, mentoring, consultation, feedback, quotes, "
                   "sessions, draft, backup, centre, settings, …; empty when none.",
    "target_id": "The record's number (a peer's id, a staff id, …); never a name.",
    "detail": "More about it, never a peer's name (roles changed, what was exported, …).",
    "prev_hash": "The previous event's hash (hex), which chains the log.",
    "hash": "SHA-256 (hex) over this event's fields and prev_hash.",
    "signer_id": "Who signed the event: a staff id, or 0 for the vault's authority key "
                 "(the recovery key); empty for events from before signing began.",
    "signing_key": "The signer's Ed25519 public key (hex), as their role grant names it.",
    "signature": "The Ed25519 signature (hex) over the vault's id and the hash.",
}
_ACTIONS = codes_of(AuditAction)

TABLES = [
    Table("meta", "The vault's own bookkeeping, written by PeerDesk: its id, when it was "
          "made, the authority's public key, the audit log's count and newest hash, the "
          "next peer reference number. Not imported into a new vault except the next "
          "reference number.",
          {"key": "What the value is.", "value": "The value, as text."}),
    Table("settings", "The centre's settings: its name, the report's rules (k, rounding, "
          "page size), the screen lock, backups.",
          {"key": "Which setting (centre_name, report_k, report_rounding, report_page_size, "
                  "backup_folder, backup_keep, backup_auto, last_backup_at, "
                  "recovery_key_stored (the date the first person confirmed the recovery "
                  "key printed or stored), first_steps_dismissed (first steps set aside as "
                  "not needed, comma-separated), first_steps_hidden (1 once Today's first "
                  "steps list is hidden), …).",
           "value": "Its value, as text."}),
    Table("key_slot", "The public half of each key slot: who can open the vault. The keys "
          "themselves are in the key file, never in an export.",
          {"slot_id": "The slot's id in the key file.",
           "kind": "password (a staff member's) or recovery (the printed recovery key).",
           "public_key": "The slot's X25519 public key (hex).",
           "staff_id": "Whose slot it is (staff.id; 0 for the recovery key's).",
           "certificate": "The owner's signature over the slot's key (hex): new keys are "
                          "sealed only to slots whose owner signed them."},
          codes={"kind": {"password": "a staff member's slot",
                          "recovery": "the recovery key's slot"}}),
    Table("staff", "Staff accounts. Removed people stay, so the audit log still reads.",
          {"id": "The staff member's number; other tables refer to it as a staff id.",
           "name": "The name they sign in with.",
           "name_key": "The name in lower case, to keep names unique.",
           "role": "Their main role (the first of `roles`, kept for older code).",
           "status": "Whether they can sign in (see the codes).",
           "slot_id": "Their key slot (key_slot.slot_id); empty when they can't sign in.",
           "must_change_password": "1 when they must choose a new password at next sign-in.",
           "created_at": TIMESTAMP,
           "roles": "Every role they hold, comma-separated (see the codes)."},
          codes={"role": _ROLES, "roles": _ROLES, "status": _STATUS,
                 "must_change_password": YES_NO}),
    Table("role_grant", "Each person's roles and status as the vault's authority key "
          "signed them; sign-in believes these, not the staff table.",
          {"staff_id": STAFF_ID + ".",
           "serial": "1 for the first grant, then 2, 3, … (the newest one counts).",
           "name_key": "The name in lower case, as signed.",
           "roles": "The roles granted, comma-separated.",
           "status": "The status granted.",
           "signing_key": "The person's Ed25519 public key (hex) for signing audit events.",
           "issued_at": TIMESTAMP,
           "issued_by": f"{STAFF_ID} who gave it; empty for the recovery key or an upgrade.",
           "signature": "The authority's Ed25519 signature (hex) over all of the above."},
          codes={"roles": _ROLES, "status": _STATUS}),
    Table("key_task", "Key work waiting for someone who holds a key: giving a new person "
          "the casework key, or moving casework to a new key.",
          {"id": "The task's number.",
           "kind": "seal or rotate (see the codes).",
           "compartment": "Which key: main or casework.",
           "slot_id": "For seal: the slot to give the key to.",
           "reason": "Why (password reset, removed, role changed, …).",
           "created_at": TIMESTAMP},
          codes={"kind": {"seal": "give the key to a slot",
                          "rotate": "move the database to a new key"}}),
    Table("audit_event", "The audit log: who did what to which record, and when. "
          "Append-only, hash-chained and signed.", _AUDIT_COLUMNS,
          codes={"action": _ACTIONS}),
    Table("imported_audit_event", "The audit logs of the vaults this one was made from "
          "(by importing an export), kept as they were; see docs/export.md.",
          {"source_vault": "The id of the vault whose log it was.", **_AUDIT_COLUMNS},
          codes={"action": _ACTIONS}),
]
