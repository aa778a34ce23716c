"""Counts and printed reports as JSON, for the release register.

A release keeps the counts it was protected from (so a later revision can be
protected against it) and the report exactly as printed (so publishing the
period again prints the same figures, byte for byte).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from peerdesk.reports.figures import RawFigures, RawTable
from peerdesk.reports.model import Cell, CellState, Headline, Report, Section, Table, Trend
from peerdesk.reports.period import Period


def _period(data: dict[str, Any]) -> Period:
    return Period(date.fromisoformat(data["start"]), date.fromisoformat(data["end"]),
                  data["label"], data["kind"])


def counts_json(raw: RawFigures) -> str:
    return json.dumps({
        "period": {"start": raw.period.start.isoformat(), "end": raw.period.end.isoformat(),
                   "label": raw.period.label, "kind": raw.period.kind},
        "headlines": raw.headlines, "session_hours": raw.session_hours,
        "excluded": raw.excluded_peers, "extras": raw.extras,
        "tables": [{"key": t.key, "title": t.title, "row_header": t.row_header,
                    "columns": list(t.columns), "rows": [[label, list(v)] for label, v in t.rows],
                    "total_row": t.total_row, "row_total_column": t.row_total_column,
                    "note": t.note} for t in raw.tables.values()],
    }, sort_keys=True, separators=(",", ":"))


def counts_from_json(text: str) -> RawFigures:
    data = json.loads(text)
    tables = {t["key"]: RawTable(t["key"], t["title"], t["row_header"], tuple(t["columns"]),
                                 tuple((label, tuple(v)) for label, v in t["rows"]),
                                 t["total_row"], t["row_total_column"], None, t["note"])
              for t in data["tables"]}
    return RawFigures(_period(data["period"]), dict(data["headlines"]),
                      float(data["session_hours"]), tables, [], int(data["excluded"]),
                      {str(k): float(v) for k, v in data.get("extras", {}).items()})


def _cell(c: Cell) -> list[Any]:
    return [c.shown, c.state.value, c.value]


def _uncell(data: list[Any]) -> Cell:
    return Cell(str(data[0]), CellState(data[1]), data[2])


def report_json(report: Report) -> str:
    return json.dumps({
        "centre_name": report.centre_name, "title": report.title,
        "period_label": report.period_label, "start": report.start.isoformat(),
        "end": report.end.isoformat(),
        "headlines": [[h.key, h.label, _cell(h.cell)] for h in report.headlines],
        "sections": [{
            "title": s.title, "intro": s.intro,
            "tables": [{"key": t.key, "title": t.title, "row_header": t.row_header,
                        "columns": list(t.columns),
                        "rows": [[label, [_cell(c) for c in cells]] for label, cells in t.rows],
                        "total": None if t.total is None else [_cell(c) for c in t.total],
                        "note": t.note} for t in s.tables],
            "trends": [{"key": t.key, "title": t.title, "months": list(t.months),
                        "values": [_cell(c) for c in t.values]} for t in s.trends],
        } for s in report.sections],
        "disclosure_rule": report.disclosure_rule, "exclusion_note": report.exclusion_note,
        "page_size": report.page_size, "notes": list(report.notes),
        "release_code": report.release_code, "revision_note": report.revision_note,
        "protection": report.protection,
    }, sort_keys=True, separators=(",", ":"))


def report_from_json(text: str) -> Report:
    d = json.loads(text)
    sections = tuple(Section(
        s["title"], s["intro"],
        tuple(Table(t["key"], t["title"], t["row_header"], tuple(t["columns"]),
                    tuple((label, tuple(_uncell(c) for c in cells)) for label, cells in t["rows"]),
                    None if t["total"] is None else tuple(_uncell(c) for c in t["total"]),
                    t["note"]) for t in s["tables"]),
        tuple(Trend(t["key"], t["title"], tuple(t["months"]),
                    tuple(_uncell(c) for c in t["values"])) for t in s["trends"]))
        for s in d["sections"])
    return Report(
        centre_name=d["centre_name"], title=d["title"], period_label=d["period_label"],
        start=date.fromisoformat(d["start"]), end=date.fromisoformat(d["end"]),
        headlines=tuple(Headline(k, label, _uncell(c)) for k, label, c in d["headlines"]),
        sections=sections, disclosure_rule=d["disclosure_rule"],
        exclusion_note=d["exclusion_note"], page_size=d["page_size"], notes=tuple(d["notes"]),
        release_code=d["release_code"], preview=False, revision_note=d["revision_note"],
        protection=d["protection"])


__all__ = ["counts_from_json", "counts_json", "report_from_json", "report_json"]
