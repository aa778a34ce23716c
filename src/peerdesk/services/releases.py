"""Publishing a report: a recorded act with a memory (docs/disclosure.md).

`preview` counts and protects a period exactly as publishing it would, and
records nothing; the report says "Preview — not for publication" on every
page. `publish` records a release in the vault: the period, the rules, the
counts and the report as printed. Publishing the same period again returns
the same release while its figures are unchanged; once they have changed
(late entries, consent withdrawn, a record erased) it publishes a numbered
revision, protected against every earlier release, with a plain note of
what was revised. Periods around it whose figures changed too (the quarter
and year of a revised month, when published) are revised in the same act.

The same code publishes on the team server: `publish_to` takes where the
counts and earlier releases are read (`Source`) and where the release is kept
(`Register`: the vault's `VaultRegister`, or the server's in
services.team_publish), so a team release is decided exactly as a vault's.

Publishable: months, quarters, years, and whole-month ranges within one
calendar year that lie inside one quarter or run from quarter to quarter and
don't partly overlap another published range. Anything else is preview only.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields, replace
from datetime import timedelta
from typing import Any, Protocol

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.staff import Permission
from peerdesk.reports import figures
from peerdesk.reports.cells import PeriodCells, period_cells
from peerdesk.reports.disclosure import TREND_HEADLINES, Bars, Rules, render
from peerdesk.reports.figures import RawFigures
from peerdesk.reports.joint import Version, protect_batch
from peerdesk.reports.model import Cell, Report
from peerdesk.reports.period import Period
from peerdesk.reports.stored import counts_from_json, counts_json, report_from_json, report_json
from peerdesk.services.session import Session
from peerdesk.storage import anchors
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import releases as repo
from peerdesk.storage.vault import utc_now


class NotPublishable(PeerDeskError):
    """A period that can be previewed but not published."""


@dataclass(frozen=True, slots=True)
class Publication:
    report: Report              # the period asked for, as published (or as it would be)
    new: bool                   # False: the period was published before, unchanged
    revised: tuple[str, ...]    # codes of revisions published with it (periods around it)


@dataclass(frozen=True, slots=True)
class ReleaseSummary:
    code: str
    period_label: str
    published_at: str
    revision: int
    note: str


@dataclass(frozen=True, slots=True)
class Source:
    """Where a preview reads its counts and the releases published before: the vault
    (`vault_source`), or the team server (services.team_reports). `figures` is a
    Database or a figure source (reports.figure_queries)."""

    figures: Any
    in_year: Callable[[int], list[repo.ReleaseRow]]
    latest_months: Callable[[str, str], list[tuple[str, str]]]


def vault_source(db: Database) -> Source:
    return Source(db, lambda year: repo.in_year(db, year),
                  lambda first, last: repo.latest_months(db, first, last))


def period_key(period: Period) -> str:
    if period.kind == "month":
        return f"{period.start:%Y-%m}"
    if period.kind == "quarter":
        return f"{period.start.year}-Q{(period.start.month - 1) // 3 + 1}"
    if period.kind == "year":
        return f"{period.start.year}"
    return f"{period.start:%Y-%m}..{period.end:%Y-%m}"


def _whole_months(period: Period) -> bool:
    return period.start.day == 1 and (period.end + timedelta(days=1)).day == 1


def _nested_or_apart(a: Period, b: Period) -> bool:
    return (a.end < b.start or b.end < a.start or (b.start <= a.start and a.end <= b.end)
            or (a.start <= b.start and b.end <= a.end))


def why_not_publishable(period: Period) -> str:
    """Empty when `period` may be published (before looking at earlier releases)."""
    if period.kind in ("month", "quarter", "year"):
        return ""
    if not _whole_months(period) or period.start.year != period.end.year:
        return ("Only whole months within one calendar year can be published; this range "
                "can be previewed only.")
    quarter_start = period.start.month % 3 == 1
    quarter_end = period.end.month % 3 == 0
    same_quarter = (period.start.month - 1) // 3 == (period.end.month - 1) // 3
    if not (same_quarter or (quarter_start and quarter_end)):
        return ("A range can be published when it lies inside one quarter or runs from the "
                "start of a quarter to the end of one; this range can be previewed only.")
    return ""


@dataclass(slots=True)
class _Plan:
    settled: list[repo.ReleaseRow]
    batch: list[tuple[Period, RawFigures, PeriodCells, repo.ReleaseRow | None]]
    together: list[repo.ReleaseRow]
    unchanged: repo.ReleaseRow | None   # the period's latest release, when nothing changed


def _latest(rows: list[repo.ReleaseRow]) -> dict[tuple[str, str], repo.ReleaseRow]:
    latest: dict[tuple[str, str], repo.ReleaseRow] = {}
    for row in rows:  # oldest first: the last one kept is the latest revision
        latest[(row.start_on, row.end_on)] = row
    return latest


def _period_of(row: repo.ReleaseRow) -> Period:
    return counts_from_json(row.counts).period


def _plan(src: Source, period: Period) -> _Plan:
    reason = why_not_publishable(period)
    if reason:
        raise NotPublishable(reason)
    settled = src.in_year(period.start.year)
    latest = _latest(settled)
    for row in latest.values():
        if not _nested_or_apart(period, _period_of(row)):
            raise NotPublishable("This range partly overlaps the published report {code}; "
                                 "it can be previewed only.", code=row.code)
    counted: dict[tuple[str, str], tuple[RawFigures, PeriodCells]] = {}

    def count(p: Period) -> tuple[RawFigures, PeriodCells]:
        key = (p.start.isoformat(), p.end.isoformat())
        if key not in counted:
            raw = figures.compute(src.figures, p)
            counted[key] = (raw, period_cells(raw))
        return counted[key]

    own_key = (period.start.isoformat(), period.end.isoformat())
    own = latest.get(own_key)
    if own is not None and count(period)[1].values == period_cells(
            counts_from_json(own.counts)).values:
        return _Plan(settled, [], [], own)
    batch_periods = {own_key: period}
    checked: dict[tuple[str, str], bool] = {}  # published period -> unchanged
    grew = True
    while grew:
        grew = False
        for member in list(batch_periods.values()):
            for key, row in latest.items():
                other = _period_of(row)
                if key in batch_periods or key in checked or not _related(member, other,
                                                                           latest):
                    continue
                same = count(other)[1].values == period_cells(
                    counts_from_json(row.counts)).values
                checked[key] = same
                if not same:
                    batch_periods[key] = other
                    grew = True
    # Shorter periods first, so a quarter's bars can use a month revised with it.
    order = sorted(batch_periods.items(), key=lambda kv: (kv[1].end - kv[1].start, kv[0]))
    batch = [(p, *count(p), latest.get(key)) for key, p in order]
    together = [latest[key] for key, same in checked.items() if same]
    return _Plan(settled, batch, together, None)


def _related(member: Period, other: Period, latest: dict[tuple[str, str], repo.ReleaseRow]
             ) -> bool:
    """Published periods whose figures must be current to publish `member`: those
    inside or around it, and the other parts of any period around it."""
    if not _nested_or_apart(member, other) or not (other.end < member.start
                                                   or member.end < other.start):
        return True  # nested (or overlapping, refused earlier)
    for row in latest.values():
        around = _period_of(row)
        if (around.start <= member.start and member.end <= around.end
                and around.start <= other.start and other.end <= around.end):
            return True
    return False


def _versions(plan: _Plan) -> tuple[list[Version], list[Version]]:
    settled = [Version(f"r{row.id}", _period_of(row), period_cells(counts_from_json(row.counts)),
                       frozenset(row.hidden), f"r{row.revises}" if row.revises else None,
                       tuple(f"r{i}" for i in row.together)) for row in plan.settled]
    together = tuple(f"r{row.id}" for row in plan.together)
    batch = [Version(f"new{i}", p, cells, previous=f"r{before.id}" if before else None,
                     together=together) for i, (p, _, cells, before) in enumerate(plan.batch)]
    return settled, batch


def _bars(src: Source, period: Period, fresh: dict[str, Report]) -> Bars:
    months = period.trend_months()
    printed = dict(src.latest_months(months[0][1].isoformat(), months[-1][1].isoformat()))
    cells: dict[str, dict[str, Cell]] = {trend: {} for trend in TREND_HEADLINES}
    for month, _, _ in months:
        report = fresh.get(month) or (report_from_json(printed[month]) if month in printed
                                      else None)
        if report is None:
            continue
        by_key = {h.key: h.cell for h in report.headlines}
        for trend, head in TREND_HEADLINES.items():
            if head in by_key:
                cells[trend][month] = by_key[head]
    return Bars(cells)


def _revision_note(period: Period, before: repo.ReleaseRow, report: Report) -> str:
    old = report_from_json(before.printed)
    printed = {t.key: t for s in old.sections for t in s.tables}
    changed = [t.title for s in report.sections for t in s.tables
               if printed.get(t.key) != t]
    if {h.key: h.cell for h in old.headlines} != {h.key: h.cell for h in report.headlines}:
        changed.insert(0, "headline figures")
    what = ", ".join(changed) if changed else "hidden figures only"
    return (f"Revision {before.revision + 1} of {period.label}: replaces {before.code}. "
            "Figures changed after it was published (late entries, consent withdrawn or "
            f"records erased). Revised: {what}.")


def _prepare(session: Session | None, src: Source, period: Period, rules: Rules, centre: str,
             page_size: str) -> tuple[_Plan, list[tuple[Report, list[str]]]]:
    plan = _plan(src, period)
    if plan.unchanged is not None:
        return plan, []
    settled, batch = _versions(plan)
    hidden = protect_batch(settled, batch, rules.k)
    out: list[tuple[Report, list[str]]] = []
    fresh: dict[str, Report] = {}
    for version, (p, raw, cells, before) in zip(batch, plan.batch, strict=True):
        revision = before.revision + 1 if before else 1
        report = render(raw, cells, hidden[version.key], rules, centre_name=centre,
                        page_size=page_size, bars=_bars(src, p, fresh))
        report = replace(report, release_code=f"{period_key(p)} r{revision}", preview=False)
        if before is not None:
            report = replace(report, revision_note=_revision_note(p, before, report))
        if p.kind == "month":
            fresh[period_key(p)] = report
        out.append((report, sorted(hidden[version.key])))
    return plan, out


def preview(session: Session, db: Database, period: Period, rules: Rules, centre: str,
            page_size: str) -> Report:
    """What publishing would print now, marked as a preview; records nothing."""
    session.require(Permission.RUN_REPORTS)
    return preview_from(vault_source(db), period, rules, centre, page_size)


def preview_from(src: Source, period: Period, rules: Rules, centre: str, page_size: str
                 ) -> Report:
    """A preview from `src`, counted and protected exactly as the vault's (the caller
    has checked the person may run reports)."""
    try:
        plan, made = _prepare(None, src, period, rules, centre, page_size)
    except NotPublishable:
        from peerdesk.reports.disclosure import protect

        raw = figures.compute(src.figures, period)
        return replace(protect(raw, rules, centre_name=centre, page_size=page_size),
                       preview=True)
    if plan.unchanged is not None:
        return replace(report_from_json(plan.unchanged.printed), preview=True)
    report = next(r for r, _ in made if (r.start, r.end) == (period.start, period.end))
    return replace(report, preview=True)


@dataclass(frozen=True, slots=True)
class NewRelease:
    """One release as publishing records it: the register's row before it has an id
    (the same fields on the vault and on the team server)."""

    code: str
    period_kind: str
    start_on: str
    end_on: str
    revision: int
    revises: int | None
    published_at: str
    published_by: int
    k: int
    rounding: str
    counts: str
    hidden: list[str]
    printed: str
    note: str

    @property
    def audit_target(self) -> str:
        return f"{self.start_on}..{self.end_on}"

    @property
    def audit_detail(self) -> str:
        return f"published {self.code}"


class Register(Protocol):
    """Where a publication is recorded: the vault (`VaultRegister`) or the team
    server (services.team_publish). Everything publishing decides is decided
    here, once; a register only keeps it."""

    def act(self) -> AbstractContextManager[object]:
        """The publication as one act: no other publication between reading the
        releases before it and recording its own."""

    def record(self, made: list[NewRelease], together: list[int]) -> None:
        """Record `made` (published together: each row's `together` lists the
        others and `together`, the unchanged releases checked with them) with
        an audit event each, in one transaction."""

    def anchor(self) -> str:
        """The audit log's head as printed on a report (inside the act)."""


@dataclass(frozen=True, slots=True)
class VaultRegister:
    db: Database

    def act(self) -> AbstractContextManager[object]:
        return self.db.transaction()  # counted, protected and recorded as one act

    def record(self, made: list[NewRelease], together: list[int]) -> None:
        ids: list[int] = []
        for new in made:
            ids.append(repo.insert(self.db, **{f.name: getattr(new, f.name)
                                               for f in fields(NewRelease)}))
            audit_repo.append(self.db, at=new.published_at, actor_id=new.published_by,
                              action=AuditAction.CREATED, target_kind="report",
                              target_id=new.audit_target, detail=new.audit_detail)
        for release_id in ids:
            repo.set_together(self.db, release_id, [i for i in ids if i != release_id]
                              + together)

    def anchor(self) -> str:
        return anchors.current(self.db).printed


def publish(session: Session, db: Database, period: Period, rules: Rules, centre: str,
            page_size: str) -> Publication:
    session.require(Permission.RUN_REPORTS)
    return publish_to(vault_source(db), VaultRegister(db), session.staff.id, period, rules,
                      centre, page_size)


def publish_to(src: Source, register: Register, staff_id: int, period: Period, rules: Rules,
               centre: str, page_size: str) -> Publication:
    """Publish `period` from `src` into `register` as `staff_id` (the caller has
    checked the person may run reports)."""
    with register.act():
        plan, made = _prepare(None, src, period, rules, centre, page_size)
        if plan.unchanged is not None:
            return Publication(replace(report_from_json(plan.unchanged.printed),
                                       anchor=register.anchor()), False, ())
        now = utc_now()
        register.record([NewRelease(
            code=report.release_code, period_kind=p.kind, start_on=p.start.isoformat(),
            end_on=p.end.isoformat(), revision=before.revision + 1 if before else 1,
            revises=before.id if before else None, published_at=now, published_by=staff_id,
            k=rules.k, rounding=rules.rounding.value, counts=counts_json(raw), hidden=hidden,
            printed=report_json(report), note=report.revision_note)
            for (report, hidden), (p, raw, _, before) in zip(made, plan.batch, strict=True)],
            [row.id for row in plan.together])
        # Taken in the act itself: the head includes the publication's own events.
        anchor = register.anchor()
    mine = next(i for i, (r, _) in enumerate(made)
                if (r.start, r.end) == (period.start, period.end))
    others = tuple(r.release_code for i, (r, _) in enumerate(made) if i != mine)
    return Publication(replace(made[mine][0], anchor=anchor), True, others)


def summary(row: repo.ReleaseRow) -> ReleaseSummary:
    """A release as the history lists it."""
    report = report_from_json(row.printed)
    return ReleaseSummary(row.code, report.period_label, row.published_at, row.revision,
                          row.note)


def history(session: Session, db: Database) -> list[ReleaseSummary]:
    session.require(Permission.RUN_REPORTS)
    return [summary(row) for row in repo.history(db)]


__all__ = ["NewRelease", "NotPublishable", "Publication", "Register", "ReleaseSummary",
           "Source", "VaultRegister", "history", "period_key", "preview", "preview_from",
           "publish", "publish_to", "summary", "vault_source", "why_not_publishable"]
