"""Peer supporters: the register, training against the competencies, checks (issue 16).

Everyone who gives support, with or without a PeerDesk account. Personal data
is kept minimal on purpose: a preferred name, how the centre reaches them and
a start date. Nothing asks about a supporter's lived experience.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from peerdesk.domain.dates import check_past_date, check_planned_date
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.labels import Labelled, set_labels
from peerdesk.domain.text import clean_short_text
from peerdesk.domain.validation import clean_name

# A cell is "due soon" when its training lapses within this many days.
DUE_SOON_DAYS = 30
RENEWAL_MONTHS_MAX = 120


class SupporterRole(Labelled):
    PEER_SUPPORT_WORKER = "peer_support_worker"
    VOLUNTEER = "volunteer"
    MENTOR = "mentor"
    GROUP_FACILITATOR = "group_facilitator"
    SUPERVISOR = "supervisor"


set_labels(SupporterRole, {"peer_support_worker": "Peer support worker",
                           "volunteer": "Volunteer", "mentor": "Mentor",
                           "group_facilitator": "Group facilitator",
                           "supervisor": "Supervisor"})


class SupporterStatus(Labelled):
    IN_TRAINING = "in_training"
    ACTIVE = "active"
    ON_BREAK = "on_break"
    LEFT = "left"


set_labels(SupporterStatus, {"in_training": "In training", "active": "Active",
                             "on_break": "On a break", "left": "Left"})


class CheckKind(Labelled):
    VETTING = "vetting"
    CONFIDENTIALITY = "confidentiality"
    CODE_OF_CONDUCT = "code_of_conduct"


set_labels(CheckKind, {"vetting": "Police vetting or background check",
                       "confidentiality": "Confidentiality agreement signed",
                       "code_of_conduct": "Code of conduct signed"})


class CellState(Labelled):
    """One supporter's standing in one competency."""

    CURRENT = "current"
    DUE_SOON = "due_soon"
    EXPIRED = "expired"
    MISSING = "missing"


set_labels(CellState, {"current": "Current", "due_soon": "Due soon", "expired": "Expired",
                       "missing": "Missing"})


def roles_label(roles: Iterable[SupporterRole]) -> str:
    held = set(roles)
    return ", ".join(r.label for r in SupporterRole if r in held)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has no such day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class SupporterDraft:
    preferred_name: str
    roles: frozenset[SupporterRole]
    start_date: date
    reach: str = ""
    staff_id: int | None = None

    def validated(self, today: date) -> SupporterDraft:
        name = clean_name(self.preferred_name, what="Preferred name")
        if not self.roles:
            raise ValidationError("Choose at least one role.", field="roles")
        reach = clean_short_text(self.reach, what="How we reach them", field="reach")
        check_planned_date(self.start_date, today=today, what="Start date",
                           field="start_date", years_ahead=1)
        return SupporterDraft(name, frozenset(self.roles), self.start_date, reach,
                              self.staff_id)


def check_status_change(status: SupporterStatus, since: date, *, start: date,
                        today: date) -> None:
    if since < start:
        raise ValidationError("The status can't change before they started ({date}).",
                              field="since", date=start.isoformat())
    check_planned_date(since, today=today, what="Status date", field="since", years_ahead=1)


@dataclass(frozen=True, slots=True)
class CourseDraft:
    name: str
    competency_ids: frozenset[int]
    renewal_months: int | None = None

    def validated(self) -> CourseDraft:
        name = clean_short_text(self.name, what="Course name", field="name", maximum=120)
        if not name:
            raise ValidationError("Course name can't be empty.", field="name")
        if not self.competency_ids:
            raise ValidationError("Map the course to at least one competency.",
                                  field="competencies")
        if self.renewal_months is not None and not (
                0 < self.renewal_months <= RENEWAL_MONTHS_MAX):
            raise ValidationError(
                "Renew every 1 to {maximum} months, or leave it empty when the course never "
                "needs renewing.", field="renewal_months", maximum=RENEWAL_MONTHS_MAX)
        return CourseDraft(name, frozenset(self.competency_ids), self.renewal_months)


@dataclass(frozen=True, slots=True)
class CompletionDraft:
    supporter_id: int
    course_id: int
    completed_on: date
    # Given only to override the course's interval (e.g. a certificate with
    # its own date); otherwise completed_on + the course's renewal interval.
    renew_by: date | None = None

    def validated(self, today: date, renewal_months: int | None) -> CompletionDraft:
        check_past_date(self.completed_on, today=today, what="Completed on",
                        field="completed_on")
        renew_by = self.renew_by
        if renew_by is not None and renew_by <= self.completed_on:
            raise ValidationError(
                "The renewal date ({renew_by}) must come after the day it was completed "
                "({completed_on}).", field="renew_by", renew_by=renew_by.isoformat(),
                completed_on=self.completed_on.isoformat())
        if renew_by is None and renewal_months is not None:
            renew_by = add_months(self.completed_on, renewal_months)
        return CompletionDraft(self.supporter_id, self.course_id, self.completed_on, renew_by)


# -- modules inside courses ------------------------------------------------------------

MODULE_NAME_MAX = 120


@dataclass(frozen=True, slots=True)
class ModuleDraft:
    """A module of a course; its own competencies are optional (it counts for its
    course's competencies through the course)."""

    name: str
    competency_ids: frozenset[int] = frozenset()

    def validated(self) -> ModuleDraft:
        name = clean_short_text(self.name, what="Module name", field="module_name",
                                maximum=MODULE_NAME_MAX)
        if not name.strip():
            raise ValidationError("Module name can't be empty.", field="module_name")
        return ModuleDraft(name.strip(), frozenset(self.competency_ids))


@dataclass(frozen=True, slots=True)
class ModulesDoneDraft:
    """Modules of one course a supporter completed on one day."""

    supporter_id: int
    course_id: int
    module_ids: frozenset[int]
    completed_on: date
    renew_by: date | None = None  # overrides the course's interval, as for a course

    def validated(self, today: date) -> ModulesDoneDraft:
        if not self.module_ids:
            raise ValidationError("Tick the modules they completed.", field="modules")
        check_past_date(self.completed_on, today=today, what="Completed on",
                        field="completed_on")
        if self.renew_by is not None and self.renew_by <= self.completed_on:
            raise ValidationError(
                "The renewal date ({renew_by}) must come after the day it was completed "
                "({completed_on}).", field="renew_by", renew_by=self.renew_by.isoformat(),
                completed_on=self.completed_on.isoformat())
        return ModulesDoneDraft(self.supporter_id, self.course_id, frozenset(self.module_ids),
                                self.completed_on, self.renew_by)

    def valid_until(self, renewal_months: int | None) -> date | None:
        if self.renew_by is not None:
            return self.renew_by
        return add_months(self.completed_on, renewal_months) if renewal_months else None


def course_done_on(required: Iterable[int],
                   done: Iterable[tuple[int, date]]) -> date | None:
    """The day a course with modules was completed, from the module completions since
    it was last completed: the day the last of its required modules was first done
    (None while one is missing, or when it has no required module)."""
    need = set(required)
    if not need:
        return None
    first: dict[int, date] = {}
    for module_id, on in done:
        if module_id in need and (module_id not in first or on < first[module_id]):
            first[module_id] = on
    return max(first.values()) if len(first) == len(need) else None


def modules_done(required: Iterable[int], done: Iterable[tuple[int, date]]) -> int:
    """How many of the required modules appear among `done`."""
    return len(set(required) & {module_id for module_id, _on in done})


EXPIRES_AFTER_CHECK = ("The expiry date ({expires_on}) must come after the check date "
                       "({checked_on}).")
EXPIRES_AFTER_SIGNING = ("The expiry date ({expires_on}) must come after the day it was "
                         "signed ({checked_on}).")


@dataclass(frozen=True, slots=True)
class CheckDraft:
    supporter_id: int
    kind: CheckKind
    checked_on: date
    reference: str = ""
    expires_on: date | None = None

    def validated(self, today: date) -> CheckDraft:
        what = "Check date" if self.kind is CheckKind.VETTING else "Signed on"
        check_past_date(self.checked_on, today=today, what=what, field="checked_on")
        reference = clean_short_text(self.reference, what="Reference", field="reference",
                                     maximum=80)
        if self.expires_on is not None and self.expires_on <= self.checked_on:
            raise ValidationError(
                EXPIRES_AFTER_CHECK if self.kind is CheckKind.VETTING else EXPIRES_AFTER_SIGNING,
                field="expires_on", expires_on=self.expires_on.isoformat(),
                checked_on=self.checked_on.isoformat())
        return CheckDraft(self.supporter_id, CheckKind(self.kind), self.checked_on, reference,
                          self.expires_on)


def cell_state(valid_untils: Iterable[date | None], today: date) -> CellState:
    """From the completions of every course mapped to a competency: the best one counts.

    `None` in the list is a completion that never lapses.
    """
    best: date | None = None
    any_found = False
    for until in valid_untils:
        if until is None:
            return CellState.CURRENT
        any_found = True
        best = until if best is None or until > best else best
    if not any_found or best is None:
        return CellState.MISSING
    if best < today:
        return CellState.EXPIRED
    if best <= today + timedelta(days=DUE_SOON_DAYS):
        return CellState.DUE_SOON
    return CellState.CURRENT


__all__ = [
    "DUE_SOON_DAYS", "CellState", "CheckDraft", "CheckKind", "CompletionDraft", "CourseDraft",
    "ModuleDraft", "ModulesDoneDraft", "SupporterDraft", "SupporterRole", "SupporterStatus",
    "add_months", "cell_state", "check_status_change", "course_done_on", "modules_done",
    "roles_label",
]


# -- supervision, journals, hours (slice 2) -------------------------------------------

SUPERVISION_MINUTES_MAX = 720
DAY_MINUTES = 24 * 60


class SupervisionKind(Labelled):
    INDIVIDUAL = "individual"
    GROUP = "group"


set_labels(SupervisionKind, {"individual": "Individual", "group": "Group"})


class HoursKind(Labelled):
    """Hours entered by hand; one-to-ones, groups and contacts are counted from records."""

    TRAINING = "training"
    SUPERVISION = "supervision"
    OUTREACH = "outreach"
    ADMIN = "admin"


set_labels(HoursKind, {"training": "Training", "supervision": "Supervision",
                       "outreach": "Outreach", "admin": "Admin"})


# Hours by kind, in the timesheet's and the report's order: the first three are
# counted from casework records (one-to-ones held, group meetings facilitated,
# listening contacts taken), the rest entered by hand.
HOURS_KINDS = ("one_to_one", "group", "contact", *(k.value for k in HoursKind))
HOURS_LABELS = {"one_to_one": "One-to-one sessions", "group": "Group meetings",
                "contact": "Listening contacts", **{k.value: k.label for k in HoursKind}}
# A facilitated group meeting counts this many minutes unless the centre sets it.
MEETING_MINUTES_SETTING = "group_meeting_minutes"
DEFAULT_MEETING_MINUTES = 120


def meeting_minutes_from(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() else DEFAULT_MEETING_MINUTES


@dataclass(frozen=True, slots=True)
class SupervisionDraft:
    supporter_id: int
    supervisor_id: int | None
    kind: SupervisionKind
    held_on: date
    minutes: int
    notes: str = ""

    def validated(self, today: date) -> SupervisionDraft:
        from peerdesk.domain.text import clean_note

        check_past_date(self.held_on, today=today, what="Supervision date", field="held_on")
        if not 0 < self.minutes <= SUPERVISION_MINUTES_MAX:
            raise ValidationError("A supervision session lasts from 1 minute to 12 hours.",
                                  field="minutes")
        if self.supervisor_id is not None and self.supervisor_id == self.supporter_id:
            raise ValidationError("Someone can't be their own supervisor.",
                                  field="supervisor")
        return SupervisionDraft(self.supporter_id, self.supervisor_id,
                                SupervisionKind(self.kind), self.held_on, self.minutes,
                                clean_note(self.notes))


@dataclass(frozen=True, slots=True)
class HoursDraft:
    supporter_id: int
    worked_on: date
    kind: HoursKind
    minutes: int
    note: str = ""

    def validated(self, today: date, already: int = 0) -> HoursDraft:
        """`already`: minutes already entered by hand for that supporter that day."""
        check_past_date(self.worked_on, today=today, what="Date", field="worked_on")
        if self.minutes <= 0:
            raise ValidationError("Enter at least one minute.", field="minutes")
        if already + self.minutes > DAY_MINUTES:
            hours = (already + self.minutes) / 60
            raise ValidationError(
                "That makes {hours:.1f} hours on {date}; a day has 24.", field="minutes",
                hours=hours, date=self.worked_on.isoformat())
        note = clean_short_text(self.note, what="Note", field="note")
        return HoursDraft(self.supporter_id, self.worked_on, HoursKind(self.kind), self.minutes,
                          note)


@dataclass(frozen=True, slots=True)
class JournalDraft:
    written_on: date
    body: str

    def validated(self, today: date) -> JournalDraft:
        from peerdesk.domain.text import clean_note

        check_past_date(self.written_on, today=today, what="Date", field="written_on")
        body = clean_note(self.body, what="Entry", field="body")
        if not body.strip():
            raise ValidationError("Write something first.", field="body")
        return JournalDraft(self.written_on, body)
