"""A new centre's first steps, ticked off from what the vault really holds.

Today shows them to the people who set a centre up (administrators and
programme leads) until every step is done or set aside, and the list is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PermissionDenied, ValidationError
from peerdesk.domain.staff import Permission, StaffStatus
from peerdesk.services import backups
from peerdesk.services.clock import today
from peerdesk.services.session import Session
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories.meta import get_setting, set_setting

# Settings (main database): when the recovery key was confirmed stored, the steps
# set aside as not needed (comma-separated), and whether the list is hidden.
RECOVERY_SETTING = "recovery_key_stored"
DISMISSED_SETTING = "first_steps_dismissed"
HIDDEN_SETTING = "first_steps_hidden"
_LOGO_SETTING = "report_logo"


class Step(StrEnum):
    RECOVERY_KEY = "recovery_key"
    BACKUP_FOLDER = "backup_folder"
    STAFF = "staff"
    IMPORT = "import"
    REPORT = "report"


# Who does each step; a step another role does is shown, without its button.
STEP_PERMISSION = {
    Step.RECOVERY_KEY: Permission.MANAGE_STAFF,
    Step.BACKUP_FOLDER: Permission.MANAGE_BACKUPS,
    Step.STAFF: Permission.MANAGE_STAFF,
    Step.IMPORT: Permission.IMPORT_DATA,
    Step.REPORT: Permission.RUN_REPORTS,
}
# Some centres have nothing to import, no one else, or no logo.
CAN_SET_ASIDE = frozenset({Step.STAFF, Step.IMPORT, Step.REPORT})


@dataclass(frozen=True, slots=True)
class FirstStep:
    step: Step
    done: bool
    set_aside: bool
    can_do: bool

    @property
    def finished(self) -> bool:
        return self.done or self.set_aside


@dataclass(frozen=True, slots=True)
class FirstSteps:
    steps: list[FirstStep]
    hidden: bool

    @property
    def all_finished(self) -> bool:
        return all(s.finished for s in self.steps)

    @property
    def shown(self) -> bool:
        return not self.hidden


def _may_see(session: Session) -> bool:
    return session.can(Permission.MANAGE_STAFF) or session.can(Permission.RUN_REPORTS)


def _require(session: Session) -> None:
    if not _may_see(session):
        raise PermissionDenied("Only an administrator or a programme lead sets up the "
                               "centre's first steps.")


def can_see(session: Session) -> bool:
    return _may_see(session)


def _set_aside(session: Session) -> set[Step]:
    raw = get_setting(session.db, DISMISSED_SETTING, "") or ""
    return {Step(part) for part in raw.split(",") if part in Step.__members__.values()}


def steps(session: Session) -> FirstSteps:
    """Each step, done or not, from the vault's real state."""
    _require(session)
    db = session.db
    settings = backups.where_backups_go(session)
    # Vaults set up before this list existed confirmed their key in the wizard too.
    recovery = get_setting(db, RECOVERY_SETTING, None)
    others = [s for s in staff_repo.list_all(db)
              if s.status is StaffStatus.ACTIVE and s.id != session.staff.id]
    imported = bool(audit_repo.recent(db, limit=1, target_kind="import", target_id=""))
    done = {
        Step.RECOVERY_KEY: recovery is None or recovery != "",
        Step.BACKUP_FOLDER: settings.folder is not None,
        Step.STAFF: bool(others),
        Step.IMPORT: imported,
        Step.REPORT: bool(session.centre_name) and bool(get_setting(db, _LOGO_SETTING, "")),
    }
    aside = _set_aside(session)
    return FirstSteps(
        [FirstStep(step, done[step], step in aside and not done[step],
                   session.can(STEP_PERMISSION[step])) for step in Step],
        hidden=(get_setting(db, HIDDEN_SETTING, "") or "") == "1")


def confirm_recovery_key_stored(session: Session, *, printed: bool = False) -> None:
    """The person who set the centre up has the recovery key somewhere safe."""
    session.require(Permission.MANAGE_STAFF)
    with session.db.transaction():
        set_setting(session.db, RECOVERY_SETTING,
                    f"{today().isoformat()} {'printed' if printed else 'stored'}")
        session.audit(AuditAction.CHANGED, "settings", RECOVERY_SETTING,
                      "recovery key printed" if printed else "recovery key stored")


def set_aside(session: Session, step: Step, *, aside: bool = True) -> None:
    """Not needed at this centre (nothing to import, no logo); or needed after all."""
    _require(session)
    if step not in CAN_SET_ASIDE:
        raise ValidationError("That step can't be skipped.", field="step")
    session.require(STEP_PERMISSION[step])
    chosen = _set_aside(session)
    chosen = chosen | {step} if aside else chosen - {step}
    with session.db.transaction():
        set_setting(session.db, DISMISSED_SETTING, ",".join(sorted(chosen)))
        session.audit(AuditAction.CHANGED, "settings", DISMISSED_SETTING,
                      f"{step.value} {'set aside' if aside else 'back on the list'}")


def hide(session: Session, *, unfinished: bool = False) -> None:
    """Hide the list once every step is done or set aside (`unfinished`: the demo
    centre, which has been "running" for a year, hides it at once)."""
    if not steps(session).all_finished and not unfinished:
        raise ValidationError("Finish or skip each step before hiding the list.", field="hide")
    with session.db.transaction():
        set_setting(session.db, HIDDEN_SETTING, "1")
        session.audit(AuditAction.CHANGED, "settings", HIDDEN_SETTING, "first steps hidden")


def auto_backup_without_folder(session: Session) -> bool:
    """Automatic backup is switched on but has nowhere to go (a vault from before
    that was refused): warn the people who can see it."""
    return backups.auto_switched_on_without_folder(session)


__all__ = ["CAN_SET_ASIDE", "FirstStep", "FirstSteps", "Step", "auto_backup_without_folder",
           "can_see", "confirm_recovery_key_stored", "hide", "set_aside", "steps"]
