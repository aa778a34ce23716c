"""Staff accounts, roles and what each role may do (DESIGN.md §1).

A person may hold several roles; they may do what any of them allows.
Which keys a role's slot holds (docs/security.md §2) is policy too, so it is
here: storage seals keys, services decide to whom.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, StrEnum

from peerdesk.domain.errors import Message
from peerdesk.domain.labels import Labelled, codes_text, parse_codes, set_labels


class Role(Labelled):
    ADMIN = "admin"
    PROGRAMME_LEAD = "programme_lead"
    CASEWORKER = "caseworker"
    PEER_SUPPORTER = "peer_supporter"


set_labels(Role, {
    Role.ADMIN: "Administrator",
    Role.PROGRAMME_LEAD: "Programme lead",
    Role.CASEWORKER: "Caseworker",
    Role.PEER_SUPPORTER: "Peer supporter",
})


# Highest first: the role named when one must be shown.
ROLE_ORDER = (Role.PROGRAMME_LEAD, Role.CASEWORKER, Role.PEER_SUPPORTER, Role.ADMIN)


def roles_code(roles: Iterable[Role]) -> str:
    return codes_text(Role, roles)


def parse_roles(code: str) -> frozenset[Role]:
    return parse_codes(Role, code)


def primary_role(roles: Iterable[Role]) -> Role:
    held = set(roles)
    return next(r for r in ROLE_ORDER if r in held)


def roles_label(roles: Iterable[Role]) -> str:
    held = set(roles)
    return ", ".join(r.label for r in ROLE_ORDER if r in held)


class Compartment(StrEnum):
    """A separately encrypted part of the vault, and the vault's authority key."""

    MAIN = "main"  # settings, staff, the audit log
    CASEWORK = "casework"  # everything about peers
    AUTHORITY = "authority"  # signs role grants: who may hold which role


_ROLE_COMPARTMENTS: dict[Role, frozenset[Compartment]] = {
    Role.ADMIN: frozenset({Compartment.MAIN, Compartment.AUTHORITY}),
    Role.PROGRAMME_LEAD: frozenset({Compartment.MAIN, Compartment.CASEWORK}),
    Role.CASEWORKER: frozenset({Compartment.MAIN, Compartment.CASEWORK}),
    Role.PEER_SUPPORTER: frozenset({Compartment.MAIN, Compartment.CASEWORK}),
}


def compartments_for(roles: Iterable[Role]) -> frozenset[Compartment]:
    """The keys a person with these roles holds: an administrator holds none
    that decrypts casework."""
    found: set[Compartment] = set()
    for role in roles:
        found |= _ROLE_COMPARTMENTS[role]
    return frozenset(found)


class StaffStatus(StrEnum):
    ACTIVE = "active"
    # Cannot sign in (no key slot) but can be reactivated with a new password.
    DEACTIVATED = "deactivated"
    # Key slot gone and the vault rekeyed; the row stays so the audit trail
    # still says who did what.
    REMOVED = "removed"


class Permission(Enum):
    MANAGE_STAFF = "manage_staff"
    VIEW_AUDIT_LOG = "view_audit_log"
    MANAGE_BACKUPS = "manage_backups"
    RUN_REPORTS = "run_reports"
    MANAGE_RETENTION = "manage_retention"
    VIEW_ALL_PEERS = "view_all_peers"
    READ_ALL_NOTES = "read_all_notes"
    # Bring peers and sessions in from an old spreadsheet. Programme leads only:
    # the preview shows names, and administrators see no peers' records.
    IMPORT_DATA = "import_data"
    # Take the whole centre out in open formats (docs/export.md). What the
    # export holds follows the keys: the main database for everyone allowed,
    # casework only with EXPORT_CASEWORK (an administrator holds no casework key).
    EXPORT_CENTRE = "export_centre"
    EXPORT_CASEWORK = "export_casework"
    # The listening service: log and see anonymous contacts, known callers,
    # call-backs and the signposting directory. Casework roles only.
    LOG_CONTACTS = "log_contacts"
    # Change the lists contacts choose from (regions, topics, directory
    # categories) and the office hours the report counts against.
    EDIT_CONTACT_LISTS = "edit_contact_lists"
    # The peer supporters register: supporters, courses, completions, checks
    # (main database, so administrators can keep it as well as leads).
    MANAGE_SUPPORTERS = "manage_supporters"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(
        {Permission.MANAGE_STAFF, Permission.VIEW_AUDIT_LOG, Permission.MANAGE_BACKUPS,
         Permission.EXPORT_CENTRE, Permission.MANAGE_SUPPORTERS}
    ),
    Role.PROGRAMME_LEAD: frozenset(
        {
            Permission.VIEW_AUDIT_LOG,
            Permission.RUN_REPORTS,
            Permission.MANAGE_RETENTION,
            Permission.VIEW_ALL_PEERS,
            Permission.READ_ALL_NOTES,
            Permission.IMPORT_DATA,
            Permission.EXPORT_CENTRE,
            Permission.EXPORT_CASEWORK,
            Permission.LOG_CONTACTS,
            Permission.EDIT_CONTACT_LISTS,
            Permission.MANAGE_SUPPORTERS,
        }
    ),
    Role.CASEWORKER: frozenset({Permission.VIEW_ALL_PEERS, Permission.READ_ALL_NOTES,
                                Permission.LOG_CONTACTS}),
    Role.PEER_SUPPORTER: frozenset({Permission.LOG_CONTACTS}),
}


# The key a permission's work needs: granted by role, it is still refused
# until the person's slot holds that key (a new caseworker's, before a
# colleague has given it to them).
PERMISSION_COMPARTMENT: dict[Permission, Compartment] = {
    Permission.MANAGE_STAFF: Compartment.AUTHORITY,
    Permission.VIEW_AUDIT_LOG: Compartment.MAIN,
    Permission.MANAGE_BACKUPS: Compartment.MAIN,
    Permission.RUN_REPORTS: Compartment.CASEWORK,
    Permission.MANAGE_RETENTION: Compartment.CASEWORK,
    Permission.VIEW_ALL_PEERS: Compartment.CASEWORK,
    Permission.READ_ALL_NOTES: Compartment.CASEWORK,
    Permission.IMPORT_DATA: Compartment.CASEWORK,
    Permission.EXPORT_CENTRE: Compartment.MAIN,
    Permission.EXPORT_CASEWORK: Compartment.CASEWORK,
    Permission.LOG_CONTACTS: Compartment.CASEWORK,
    Permission.EDIT_CONTACT_LISTS: Compartment.CASEWORK,
    Permission.MANAGE_SUPPORTERS: Compartment.MAIN,
}


def role_allows(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def roles_allow(roles: Iterable[Role], permission: Permission) -> bool:
    return any(permission in ROLE_PERMISSIONS[r] for r in roles)


# Who may do what each permission is for, so a refusal can say who may do it instead
# of only "your role does not allow this". One whole sentence per permission (word
# order differs between languages, so never glued from pieces): catalogued for
# translation like every Message. tests/domain/test_staff_roles_message.py keeps each
# naming exactly the roles that hold it in ROLE_PERMISSIONS above.
_NEEDS_ROLE: dict[Permission, Message] = {
    Permission.MANAGE_STAFF: Message(
        "Only an administrator can manage staff accounts and the screen-lock setting."),
    Permission.VIEW_AUDIT_LOG: Message(
        "Only an administrator or a programme lead can see the audit log."),
    Permission.MANAGE_BACKUPS: Message("Only an administrator can make, list or restore backups."),
    Permission.RUN_REPORTS: Message("Only a programme lead can run reports."),
    Permission.MANAGE_RETENTION: Message(
        "Only a programme lead can export, erase or review peers' whole records."),
    Permission.VIEW_ALL_PEERS: Message("Only a programme lead or a caseworker can see every peer."),
    Permission.READ_ALL_NOTES: Message(
        "Only a programme lead or a caseworker can read every note."),
    Permission.IMPORT_DATA: Message("Only a programme lead can import from a spreadsheet."),
    Permission.EXPORT_CENTRE: Message(
        "Only an administrator or a programme lead can export the whole centre's data."),
    Permission.EXPORT_CASEWORK: Message(
        "Only a programme lead can export peers' records with the whole centre."),
    Permission.LOG_CONTACTS: Message(
        "Only a programme lead, a caseworker or a peer supporter can log or see "
        "listening-service contacts."),
    Permission.EDIT_CONTACT_LISTS: Message(
        "Only a programme lead can change the listening service's lists and office hours."),
    Permission.MANAGE_SUPPORTERS: Message(
        "Only an administrator or a programme lead can manage the supporters register, "
        "training and checks."),
}


def roles_allowed(permission: Permission) -> list[Role]:
    return [role for role in Role if role_allows(role, permission)]


def needs_role_message(permission: Permission) -> str:
    """E.g. "Only a programme lead can run reports.": the English template, which
    PermissionDenied translates when it is shown."""
    return _NEEDS_ROLE[permission].template


@dataclass(frozen=True, slots=True)
class Staff:
    id: int
    name: str
    roles: frozenset[Role]
    status: StaffStatus
    slot_id: str | None
    created_at: str

    @property
    def role(self) -> Role:
        """The one role to name where only one fits (a person may hold several)."""
        return primary_role(self.roles)

    @property
    def roles_label(self) -> str:
        return roles_label(self.roles)

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def is_active(self) -> bool:
        return self.status is StaffStatus.ACTIVE
