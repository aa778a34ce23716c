"""Checking an import row by row, and gathering each peer's rows into one record.

One row per session, or per peer with no sessions. Rows that share a peer key
are the same person: their peer columns may be left blank after the first row,
but a value that differs from an earlier row's is an error (two people under
one key, or a typing slip), never silently chosen between.

Pure: the file is read, and the vault written, by the services layer. What is
remembered about each person between rows is a `PeerPlan` in a `PlanStore`
(import_plans), so a huge sheet need not hold everyone in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from peerdesk.domain.errors import Message, PeerDeskError, ValidationError, translated
from peerdesk.domain.import_columns import (
    FIELD_BY_KEY,
    FIELDS,
    PEER_FIELDS,
    SESSION_FIELDS,
    Mapping,
    squash,
)
from peerdesk.domain.import_plans import MemoryPlans, PeerPlan, PlanStore
from peerdesk.domain.import_values import (
    parse_age_band,
    parse_birth_year,
    parse_channel,
    parse_day,
    parse_gender,
    parse_kind,
    parse_minutes,
    parse_mode,
    parse_route,
    parse_status,
    parse_yes_no,
)
from peerdesk.domain.one_to_one import SessionDraft
from peerdesk.domain.peer import Gender, PeerDraft
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.domain.text import clean_short_text
from peerdesk.domain.validation import clean_name

__all__ = ["KEY_MAX", "MAX_LISTED_PROBLEMS", "ImportChecker", "PeerPlan", "Problem",
           "StaffRef"]

# Problems listed one by one; beyond these only counted ("… and 12,345 more").
MAX_LISTED_PROBLEMS = 500
KEY_MAX = 100


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong on one line of a file, under one column: `str()` is in the person's
    language (English on the command line). `column` is the file's own heading, shown
    as it was typed, or, when the file has none for it, our label (`ours`: translated)."""

    line: int
    column: str
    message: Message
    ours: bool = False

    def __str__(self) -> str:
        column = translated(self.column, {}) if self.ours else self.column
        return Message("line {line}: {column}: {message}", line=self.line, column=column,
                       message=self.message.text).text


def as_message(problem: Message | PeerDeskError) -> Message:
    return problem if isinstance(problem, Message) else Message.of_error(problem)


def heading_or_label(headers: list[str], index: int | None, label: str) -> str:
    """The file's heading at `index` (what the person sees), else our label for it."""
    if index is not None and index < len(headers) and headers[index].strip():
        return headers[index].strip()
    return label


def list_problem(problems: list[Problem], line: int, heading: str, label: str,
                 message: Message | PeerDeskError) -> None:
    """Keep a problem for showing while fewer than MAX_LISTED_PROBLEMS are (the caller
    counts them all); `ours` when it is named by our label, not the file's heading."""
    if len(problems) < MAX_LISTED_PROBLEMS:
        problems.append(Problem(line, heading, as_message(message), ours=heading == label))


@dataclass(frozen=True, slots=True)
class StaffRef:
    id: int
    # Active, and a role that can be assigned to a peer (services.peers).
    assignable: bool


def _text(raw: str) -> str:
    return raw.strip()


def _flag(key: str) -> Callable[[str], bool]:
    what = FIELD_BY_KEY[key].label
    return lambda raw: parse_yes_no(raw, what=what, field=key)


def _channel(key: str) -> Callable[[str], bool | None]:
    what = FIELD_BY_KEY[key].label
    return lambda raw: parse_channel(raw, what=what, field=key)


_PEER_PARSERS: dict[str, Callable[[str], Any]] = {
    "preferred_name": lambda raw: clean_name(raw, what="Preferred name or alias"),
    "full_name": lambda raw: clean_name(raw, what="Full name"),
    "birth_year": parse_birth_year,
    "age_band": parse_age_band,
    "gender": parse_gender,
    "languages": _text,
    "nationality": _text,
    "contact_route": parse_route,
    "first_contact": lambda raw: parse_day(raw, what="First contact date",
                                           field="first_contact"),
    "status": parse_status,
    "closed_on": lambda raw: parse_day(raw, what="Closed date", field="closed_on"),
    "closed_reason": _text,
    "do_not_contact": _flag("do_not_contact"),
    "calls_ok": _channel("calls_ok"),
    "texts_ok": _channel("texts_ok"),
    "email_ok": _channel("email_ok"),
    "voicemail_ok": _channel("voicemail_ok"),
    "safe_times": _text,
    "code_word": _text,
}

# Domain validation names its own fields; these say which of our columns that was.
_DOMAIN_FIELD = {"gender_description": "gender", "held_on": "session_date", "name": None}
_SAFE_FIELDS = ("do_not_contact", "calls_ok", "texts_ok", "email_ok", "voicemail_ok",
                "safe_times", "code_word")


class ImportChecker:
    """Feed rows in file order with `check_row`, then call `finish`."""

    def __init__(self, headers: list[str], mapping: Mapping, *, staff: dict[str, StaffRef],
                 importer_id: int, today: date, plans: PlanStore | None = None) -> None:
        self.headers = headers
        self.mapping = mapping
        self.staff = staff
        self.importer_id = importer_id
        self.today = today
        self.plans: PlanStore = MemoryPlans() if plans is None else plans
        self.problems: list[Problem] = []
        self.problem_count = 0
        self.rows = 0
        self.sessions = 0
        for required in (f for f in FIELDS if f.required):
            if required.key not in mapping:
                self.problem(1, required.key, Message(
                    "no column of the file is chosen for “{what}”, which every row needs.",
                    what=required.label))

    def column(self, key: str) -> str:
        """The file's heading for a field (what the person sees), else our label."""
        return heading_or_label(self.headers, self.mapping.get(key), FIELD_BY_KEY[key].label)

    def problem(self, line: int, key: str, message: Message | PeerDeskError) -> None:
        self.problem_count += 1
        list_problem(self.problems, line, self.column(key), FIELD_BY_KEY[key].label, message)

    def _cells(self, cells: list[str], keys: tuple[str, ...]) -> dict[str, str]:
        found = {}
        for key in keys:
            index = self.mapping.get(key)
            if index is not None and index < len(cells) and cells[index].strip():
                found[key] = cells[index]
        return found

    def check_row(self, line: int, cells: list[str]) -> tuple[int, SessionDraft | None] | None:
        """The row's person (their plan's seq) and its session (peer_id 0), or None when
        the row has errors."""
        self.rows += 1
        before = self.problem_count
        key = self._key(line, cells)
        plan = None
        if key is not None:
            plan = self.plans.get(key)
            if plan is None:
                plan = self.plans.new(key, line)
            merging = self.problem_count
            self._merge_peer(line, plan, self._cells(cells, PEER_FIELDS))
            plan.refused_value |= self.problem_count > merging
        session = self.session_of(line, cells)
        if session is not None and plan is not None:
            plan.add_session(session.held_on)
            self.sessions += 1
        if plan is None or self.problem_count > before:
            return None
        return plan.seq, session

    def session_of(self, line: int, cells: list[str]) -> SessionDraft | None:
        """The row's session alone (no person's details): what importing a checked row needs."""
        return self._session(line, self._cells(cells, SESSION_FIELDS))

    def _key(self, line: int, cells: list[str]) -> str | None:
        raw = self._cells(cells, ("peer_key",)).get("peer_key", "")
        if not raw.strip():
            if "peer_key" in self.mapping:
                self.problem(line, "peer_key", Message(
                    "empty; every row needs the old spreadsheet's id for the person, so "
                    "their rows stay together."))
            return None
        try:
            return clean_short_text(raw, what="Peer key", field="peer_key", maximum=KEY_MAX)
        except ValidationError as exc:
            self.problem(line, "peer_key", exc)
            return None

    def _merge_peer(self, line: int, plan: PeerPlan, cells: dict[str, str]) -> None:
        for key, raw in cells.items():
            if key == "peer_key":
                continue
            try:
                value = self._peer_value(key, raw)
            except ValidationError as exc:
                self.problem(line, key, exc)
                continue
            earlier = plan.values.get(key)
            if earlier is None:
                plan.values[key] = (value, line)
            elif earlier[0] != value:
                self.problem(line, key, Message(
                    "differs from line {earlier} for the same peer key; one person's details "
                    "must agree on every row.", earlier=earlier[1]))

    def _peer_value(self, key: str, raw: str) -> Any:
        if key in ("caseworker", "supporter"):
            ref = self.staff.get(squash(raw))
            if ref is None:
                raise ValidationError("no staff account has this name; leave it empty or "
                                      "use the account's name exactly.")
            if not ref.assignable:
                raise ValidationError("this account can't be assigned peers (it must be an "
                                      "active caseworker, peer supporter or programme lead).")
            return ref.id
        return _PEER_PARSERS[key](raw)

    def _session(self, line: int, cells: dict[str, str]) -> SessionDraft | None:
        if not cells:
            return None
        values: dict[str, Any] = {}
        parsers: dict[str, Callable[[str], Any]] = {
            "session_date": lambda raw: parse_day(raw, what="Session date", field="held_on"),
            "mode": parse_mode, "kind": parse_kind, "minutes": parse_minutes,
            "notes": lambda raw: raw, "worker": self._worker,
        }
        ok = True
        for key, parse in parsers.items():
            if key in cells:
                try:
                    values[key] = parse(cells[key])
                except ValidationError as exc:
                    self.problem(line, key, exc)
                    ok = False
            elif key in ("session_date", "mode", "kind", "minutes"):
                self.problem(line, key, Message(
                    "missing; a row with session details needs the session's date, mode, "
                    "kind and duration."))
                ok = False
        if not ok:
            return None
        try:
            return SessionDraft(
                peer_id=0, worker_id=values.get("worker", self.importer_id),
                held_on=values["session_date"], minutes=values["minutes"],
                mode=values["mode"], kind=values["kind"], notes=values.get("notes", ""),
            ).validated(self.today)
        except ValidationError as exc:
            self.problem(line, self._our_field(exc.field, "notes"), exc)
            return None

    def _worker(self, raw: str) -> int:
        ref = self.staff.get(squash(raw))
        if ref is None:
            raise ValidationError("no staff account has this name; leave it empty to record "
                                  "the sessions as yours.")
        return ref.id

    @staticmethod
    def _our_field(domain_field: str | None, fallback: str) -> str:
        mapped = _DOMAIN_FIELD.get(domain_field or "", domain_field)
        return mapped if mapped in FIELD_BY_KEY else fallback

    # -- after the last row ---------------------------------------------------------

    def finish(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Build and validate each person from all their rows."""
        if self.rows == 0 and self.problem_count == 0:
            self.problem(1, "peer_key", Message("the file has headings but no rows to import."))
        total = len(self.plans)
        for done, plan in enumerate(self.plans.in_order(), 1):
            self._finish_peer(plan)
            if progress is not None and done % 10_000 == 0:
                progress(done, total)
        if progress is not None:
            progress(total, total)

    def _finish_peer(self, plan: PeerPlan) -> None:
        if plan.refused_value:
            return
        try:
            self.records(plan)
        except _Missing as missing:
            self.problem(plan.line, missing.key, missing)
        except ValidationError as exc:
            key = self._our_field(exc.field, "preferred_name")
            at = plan.values[key][1] if key in plan.values else plan.line
            self.problem(at, key, exc)

    def records(self, plan: PeerPlan) -> tuple[PeerDraft, SafeContact]:
        """The person and their safe-contact preferences from all their rows, validated.

        Raises ValidationError (or its `_Missing` kind for a required field no row gave).
        """
        values = {key: value for key, (value, _line) in plan.values.items()}
        if "preferred_name" not in values:
            raise _Missing("preferred_name", Message(
                "missing; every peer needs a preferred name or alias (on at least one of "
                "their rows)."))
        first_contact = values.get("first_contact", plan.first_session)
        if first_contact is None:
            raise _Missing("first_contact", Message(
                "missing; give the first contact date, or at least one session for this "
                "peer."))
        gender, description = values.get("gender", (Gender.UNKNOWN, ""))
        draft = PeerDraft(preferred_name=values["preferred_name"], first_contact=first_contact,
                          gender=gender, gender_description=description)
        simple = ("contact_route", "full_name", "birth_year", "age_band", "languages",
                  "nationality", "status", "closed_on", "closed_reason")
        optional: dict[str, Any] = {k: values[k] for k in simple if k in values}
        optional.update({target: values[key] for key, target in
                         (("caseworker", "caseworker_id"), ("supporter", "supporter_id"))
                         if key in values})
        return (replace(draft, **optional).validated(self.today),
                replace(SafeContact(), **{k: values[k] for k in _SAFE_FIELDS
                                          if k in values}).validated())

    @property
    def ok(self) -> bool:
        return self.problem_count == 0


class _Missing(ValidationError):
    """A field every person needs that none of their rows gave (shown at their first row)."""

    def __init__(self, key: str, message: Message) -> None:
        super().__init__(message.template, field=key, **message.values)
        self.key = key
