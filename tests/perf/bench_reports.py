"""Reports: the monthly and yearly PDF end to end, and every figures query vs plain SQLite.

End to end is what a programme lead waits for: reports.build (figures SQL,
disclosure control, its audit write) and write_pdf into a temporary file;
target <= 1 s at large, <= 5 s at huge (and small). The same run splits it
into figures SQL, disclosure and PDF layout. The baseline is the same
figures SQL, statement by statement, on a plain copy of the vault.

Each statement reports/figures.py runs is captured as it runs (a recording
stand-in for the connection, so figures.py is measured unchanged) and timed
warm and cold with the caseload's targets, and so is the whole figures SQL
against the same statements on the plain copy (<= 1.3 x, as for any warm
query). As in bench_caseload, the vault and the plain copy take turns run by
run, so a burst of other work on the machine lands on both sides of a ratio
rather than on one.

The report fills temporary tables of peers first (reports/peer_sets.py) and
its counts read them. Each fill is timed as a statement of its own; a
statement that reads them runs after the fills it needs, untimed, on the
same connection, so its "cold" figure is the first run after those fills
rather than the first query after unlocking.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.perf.bench_caseload import (
    COLD_FLOOR_MS,
    COLD_RATIO,
    WARM_RATIO,
    _first_query,
    _plain_copy,
    _timed,
    in_turns,
)
from tests.perf.bench_common import DemoVault, Figure, fresh_copy, median_ms

# The month: <= 0.3 s at large and <= 1 s at huge (its trend bars are read from
# the release register, not counted over the whole history); the year as before.
END_TO_END_TARGET_S = {"month": {"small": 1.0, "large": 0.3, "huge": 1.0},
                       "year": {"small": 5.0, "large": 1.0, "huge": 5.0}}
_FIGURES_FILES = ("figure_queries.py", "peer_sets.py")
# What each statement counts, for the report lines: named after the method of
# reports.figure_queries.VaultQueries that runs it; a statement added later
# still gets its method's name and number.
LABELS = {
    "sessions 1": "sessions by day, mode and kind", "meetings 1": "meetings held",
    "attendance_days 1": "attendances by day", "supported 1": "unique attendees",
    "supported 2": "peers supported", "profiles 1": "supported by age and gender",
    "new_peers 1": "new peers by route", "referrals 1": "referrals",
    "follow_ups 1": "follow-ups due", "outcomes 1": "rating changes",
    "measure_titles 1": "measure titles", "excluded_peers 1": "peers excluded (consent)",
    "setting 1": "listening: office hours setting",
    "contacts 1": "listening: contacts by channel, region, first time, hours",
    "regions 1": "listening: regions",
    "contact_topic_links 1": "listening: contacts by topic and with one",
    "contact_topics 1": "listening: topic names",
    "signposted 1": "listening: signposted by category",
    "signposted_elsewhere 1": "listening: signposted to the directory",
    "directory_categories 1": "listening: category names",
    "first_sessions 1": "listening: first sessions",
    "supporter_statuses 1": "programme: supporters' status history",
    "newly_trained 1": "programme: supporters first trained",
    "training_current 1": "programme: training current by competency",
    "competencies 1": "programme: competency names",
    "supervision 1": "programme: supervision sessions by kind",
    "hours_entries 1": "programme: hours entered by hand",
    "supporter_accounts 1": "programme: linked accounts",
    "session_minutes_by_worker 1": "programme: one-to-one hours",
    "setting 2": "programme: group meeting length setting",
    "meetings_by_facilitator 1": "programme: group meeting hours",
    "contact_minutes_by_taker 1": "programme: contact hours",
    "consultations 1": "programme: consultations held and done",
    "feedback_benefits 1": "programme: feedback forms by benefit",
    "active_pairs 1": "programme: active mentoring pairs",
}
# The temporary tables peer_sets fills, by the name its statements give them.
FILLED = {"temp.report_excluded": "fill: peers left out (consent)",
          "temp.report_seen": "fill: peers seen each month",
          "temp.report_supported": "fill: peers supported"}


@dataclass(frozen=True, slots=True)
class Statement:
    name: str
    sql: str
    params: Any
    query: bool  # False: run with execute (creating, filling or dropping a table)

    @property
    def fills(self) -> bool:
        return self.sql.lstrip().upper().startswith("INSERT")

    @property
    def measured(self) -> bool:
        return self.query or self.fills


def needed_before(statements: list[Statement], index: int) -> list[Statement]:
    """What must run on a connection before statements[index] can: every
    table created and filled ahead of it."""
    return [s for s in statements[:index] if not s.query]


class RecordingDb:
    """Runs statements on a real connection and keeps each as a Statement.

    Named after the figures.py function that asked for it (`_sessions` ->
    "sessions"), numbered when one function runs several; a fill after the
    table it fills.
    """

    def __init__(self, db: Any) -> None:
        self._db = db
        self.statements: list[Statement] = []
        self._counts: dict[str, int] = {}

    def _caller(self) -> str:
        frame = sys._getframe(3)
        while frame is not None:
            code = frame.f_code
            if code.co_filename.endswith(_FIGURES_FILES) and code.co_name not in (
                    "_rows", "_one", "_q", "series", "compute", "_drop", "prepared",
                    "counting", "_larger_cache"):
                return code.co_name.lstrip("_")
            frame = frame.f_back  # type: ignore[assignment]
        return "compute"

    def _record(self, sql: str, params: Any, *, query: bool) -> None:
        if query:
            caller = self._caller()
            self._counts[caller] = self._counts.get(caller, 0) + 1
            key = f"{caller} {self._counts[caller]}"
            name = LABELS.get(key, key)
        elif sql.lstrip().upper().startswith("INSERT"):
            target, source = sql.split(" SELECT ", 1)
            name = next(label for table, label in FILLED.items() if table in target)
            name += (" from attendances" if "attendance" in source else
                     " from sessions" if "one_to_one" in source else
                     " from the months" if "report_seen" in source else "")
        else:
            name = "setup"
        self.statements.append(Statement(name, sql, params, query))

    def query(self, sql: str, params: Any = ()) -> list[Any]:
        # A PRAGMA sets the connection up for the statements; it is not one of them.
        self._record(sql, params, query=not sql.lstrip().upper().startswith("PRAGMA"))
        return self._db.query(sql, params)  # type: ignore[no-any-return]

    def execute(self, sql: str, params: Any = ()) -> Any:
        self._record(sql, params, query=False)
        return self._db.execute(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)


def _periods(db: Any) -> list[tuple[str, Any]]:
    """The last complete month and year before the newest session in the vault."""
    from peerdesk.reports.period import Period

    newest = str(db.scalar("SELECT max(held_on) FROM one_to_one"))
    year, month = int(newest[:4]), int(newest[5:7])
    last_month = (year, month - 1) if month > 1 else (year - 1, 12)
    return [("month", Period.month(*last_month)), ("year", Period.year(year - 1))]


def plain_sql(sql: str) -> str:
    """`sql` as it runs on the plain copy, which holds the casework tables in its
    main database: a setting for the attached casework database (the report's
    larger cache) applies to the main one there."""
    return sql.replace("PRAGMA casework.", "PRAGMA main.")


def _run_plain(plain: Any, statements: list[Statement]) -> None:
    for statement in statements:
        plain.execute(plain_sql(statement.sql), statement.params).fetchall()


def _figures_sql_in_turns(on_vault: Callable[[], Any], on_plain: Callable[[], Any],
                          repeat: int) -> tuple[list[float], list[float]]:
    """The whole figures SQL on the vault and on the plain copy, run by run in turns."""
    on_vault()
    on_plain()
    vault_runs: list[float] = []
    plain_runs: list[float] = []
    for _ in range(repeat):
        vault_runs += _timed(on_vault, 1)
        plain_runs += _timed(on_plain, 1)
    return vault_runs, plain_runs


def measure(demo: DemoVault, workdir: Path, repeat: int, scale: str = "small") -> list[Figure]:
    import sqlcipher3

    from peerdesk.reports import disclosure, figures
    from peerdesk.reports.pdf import write_pdf
    from peerdesk.services import reports
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault

    folder = workdir / "reports"
    paths = VaultPaths.at(fresh_copy(demo, folder))
    locked = LockedVault.open(paths)
    figures_out: list[Figure] = []
    try:
        session = SignIn(locked).sign_in(demo.user, demo.password)
        plain_path = _plain_copy(session.vault, folder)
        plain = sqlcipher3.connect(str(plain_path))
        chosen = reports.settings(session)
        rules = disclosure.Rules(chosen.k, chosen.rounding, 1)
        periods = _periods(session.db)
        captured: dict[str, list[Statement]] = {}
        pdf = Path(tempfile.mkstemp(suffix=".pdf", dir=folder)[1])
        # The first report in a process also loads fonts and the PDF
        # machinery once; keep that out of the cold figures below.
        warm_up = session.vault.connect()
        try:
            write_pdf(reports.build(session, periods[0][1], db=warm_up), pdf)
        finally:
            warm_up.close()
        for kind, period in periods:
            target_s = END_TO_END_TARGET_S[kind][scale]
            # Cold: on a new connection (empty page cache), as the report
            # window's worker thread does it.
            fresh = session.vault.connect()
            try:
                start = time.perf_counter()
                write_pdf(reports.build(session, period, db=fresh), pdf)
                cold = time.perf_counter() - start
            finally:
                fresh.close()

            def end_to_end(period: Any = period) -> None:
                write_pdf(reports.build(session, period), pdf)

            total = _timed(end_to_end, repeat)
            recorder = RecordingDb(session.db)
            raw = figures.compute(recorder, period)  # type: ignore[arg-type]
            captured[kind] = recorder.statements
            sql_part, plain_sql = _figures_sql_in_turns(
                lambda period=period: figures.compute(session.db, period),
                lambda stmts=recorder.statements: _run_plain(plain, stmts), repeat)
            protect = _timed(lambda raw=raw: disclosure.protect(
                raw, rules, centre_name="Centre", page_size=chosen.page_size), repeat)
            report = disclosure.protect(raw, rules, centre_name="Centre",
                                        page_size=chosen.page_size)
            layout = _timed(lambda report=report: write_pdf(report, pdf), repeat)
            t, b, sql_ms = median_ms(total), median_ms(plain_sql), median_ms(sql_part)
            split = (f"split: SQL {sql_ms:.0f} / disclosure "
                     f"{median_ms(protect):.0f} / PDF {median_ms(layout):.0f} ms; "
                     f"{sum(s.measured for s in recorder.statements)} statements; "
                     f"{pdf.stat().st_size // 1024} KiB")
            figures_out.append(Figure(
                f"{kind} report PDF, end to end", t, b, "its figures SQL, plain copy",
                f"<= {target_s * 1000:.0f} ms", t <= target_s * 1000, extra=split,
                samples=repeat))
            figures_out.append(Figure(
                f"{kind} report PDF, new connection", cold * 1000, b,
                "its figures SQL, plain copy", f"<= {target_s * 1000:.0f} ms",
                cold * 1000 <= target_s * 1000, samples=1))
            figures_out.append(Figure(
                f"{kind} report figures SQL", sql_ms, b, "same SQL, plain copy",
                f"<= {WARM_RATIO} x", sql_ms <= WARM_RATIO * b, samples=repeat))
        plain.close()
        pdf.unlink(missing_ok=True)
        locked_again = session.vault.close()
        for kind, statements in captured.items():
            for index, statement in enumerate(statements):
                if statement.measured:
                    figures_out += _one_query_in_turns(
                        locked_again, demo, plain_path, repeat, f"{kind} {statement.name}",
                        statement, needed_before(statements, index))
    finally:
        locked.release()
    return figures_out


def _one_query_in_turns(locked: Any, demo: DemoVault, plain_path: Path, repeat: int,
                        name: str, statement: Statement, before: list[Statement]
                        ) -> list[Figure]:
    """Cold (first run on a new connection) and warm, vault and plain copy alternating.

    `before` runs untimed first on the same connection; before each run again
    when the statement fills a table (the fill starts from an empty one).
    """
    import sqlcipher3

    sql, params = statement.sql, statement.params

    def prepare_vault(vault: Any) -> Any:
        for step in before:
            vault.db.execute(step.sql, step.params)
        return vault

    def prepare_plain(plain: Any) -> Any:
        for step in before:
            plain.execute(plain_sql(step.sql), step.params)
        return plain

    def on_vault(vault: Any) -> Any:
        return vault.db.execute(sql, params).fetchall()

    def on_plain(plain: Any) -> Any:
        return plain.execute(sql, params).fetchall()

    cold: list[float] = []
    plain_cold: list[float] = []
    for _ in range(repeat):
        cold.append(_first_query(
            lambda: prepare_vault(locked.unlock(demo.user, demo.password)), on_vault,
            lambda v: v.close()))
        plain_cold.append(_first_query(
            lambda: prepare_plain(sqlcipher3.connect(str(plain_path))), on_plain,
            lambda p: p.close()))
    vault = prepare_vault(locked.unlock(demo.user, demo.password))
    plain = prepare_plain(sqlcipher3.connect(str(plain_path)))
    again = statement.fills
    try:
        for run, prepare, handle in ((on_vault, prepare_vault, vault),
                                     (on_plain, prepare_plain, plain)):
            run(handle)
            if again:
                prepare(handle)
        warm, plain_warm = in_turns(
            lambda: on_vault(vault), lambda: on_plain(plain), repeat,
            after_vault=(lambda: prepare_vault(vault)) if again else None,
            after_plain=(lambda: prepare_plain(plain)) if again else None)
    finally:
        vault.close()
        plain.close()
    w, pw = median_ms(warm), median_ms(plain_warm)
    c, pc = median_ms(cold), median_ms(plain_cold)
    applies = pc > COLD_FLOOR_MS
    first = "first query" if not before else "first run after its fills"
    return [
        Figure(f"warm: {name}", w, pw, "plain copy", f"<= {WARM_RATIO} x",
               w <= WARM_RATIO * pw or w < 1.0, samples=len(warm)),
        Figure(f"cold: {name}", c, pc, f"plain copy, {first}",
               f"<= {COLD_RATIO} x" if applies else "n/a (< 10 ms plain)",
               (c <= COLD_RATIO * pc) if applies else True, samples=repeat),
    ]


def explain(demo: DemoVault, which: Callable[[str], bool]) -> None:
    """Print EXPLAIN QUERY PLAN of the figures statements whose name `which` accepts.

    For finding out why a statement misses its target, e.g.
    explain(demo_vault(DEFAULT_WORKDIR, "large"), lambda name: "follow-ups" in name)
    """
    with tempfile.TemporaryDirectory(prefix="explain-", dir=demo.path.parent.parent) as folder:
        _explain(demo, Path(folder), which)


def _explain(demo: DemoVault, workdir: Path, which: Callable[[str], bool]) -> None:
    from peerdesk.reports import figures
    from peerdesk.services.auth import SignIn
    from peerdesk.storage.paths import VaultPaths
    from peerdesk.storage.vault import LockedVault

    paths = VaultPaths.at(fresh_copy(demo, workdir / "explain"))
    locked = LockedVault.open(paths)
    try:
        session = SignIn(locked).sign_in(demo.user, demo.password)
        for kind, period in _periods(session.db):
            recorder = RecordingDb(session.db)
            figures.compute(recorder, period)  # type: ignore[arg-type]
            statements = recorder.statements
            for index, statement in enumerate(statements):
                if statement.measured and which(f"{kind} {statement.name}"):
                    # The tables it reads exist only while a report runs.
                    for step in needed_before(statements, index):
                        session.db.execute(step.sql, step.params)
                    print(f"-- {kind} {statement.name}\n{statement.sql}")
                    for row in session.db.query("EXPLAIN QUERY PLAN " + statement.sql,
                                                statement.params):
                        print("   ", row[3])
            for table in FILLED:
                session.db.execute(f"DROP TABLE IF EXISTS {table}")
        session.vault.close()
    finally:
        locked.release()
