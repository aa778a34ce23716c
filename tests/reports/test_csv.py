"""The CSV writer: one row per figure, formula injection neutralised, same text as the PDF."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.reports.csv_writer import HEADER, neutralise, write_csv
from peerdesk.reports.model import Cell, CellState, Headline, Report, Section, Table, Trend
from peerdesk.reports.pdf import write_pdf
from tests.reports.sample import RTL_LABEL, n, sample_report

PAYLOADS = ("=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx")


def _read(report: Report) -> list[list[str]]:
    buffer = io.StringIO(newline="")
    write_csv(report, buffer)
    return list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))


def _hostile_report() -> Report:
    def odd(shown: str) -> Cell:
        return Cell(shown=shown, state=CellState.SHOWN, value=None)

    table = Table(
        key="=HYPERLINK(\"x\")",
        title="Hostile",
        row_header="Row",
        columns=PAYLOADS,
        rows=tuple((p, tuple(odd(q) for q in PAYLOADS)) for p in PAYLOADS),
    )
    trend = Trend(key="+trend", title="-title", months=("@m",), values=(odd("=2"),))
    return replace(
        sample_report(),
        headlines=(Headline("h", "=label", odd("+7")),),
        sections=(Section(title="@section", tables=(table,), trends=(trend,)),),
    )


def test_header_and_one_row_per_figure() -> None:
    report = sample_report()
    rows = _read(report)
    assert tuple(rows[0]) == HEADER
    expected = 2 + len(report.headlines)  # the period and the release come first
    for section in report.sections:
        for table in section.tables:
            expected += len(table.rows) * len(table.columns)
            expected += len(table.columns) if table.total else 0
        expected += sum(len(t.values) for t in section.trends)
    assert len(rows) - 1 == expected
    assert all(len(row) == len(HEADER) for row in rows)


def test_rows_carry_section_table_row_column_and_shown_text() -> None:
    rows = _read(sample_report())
    assert ["", "headline", "Peers supported", "", "71"] in rows
    assert ["", "headline", "Follow-ups done on time", "", "<5"] in rows
    assert ["Support", "sessions_by_mode", "Video call", "Sessions", "<5"] in rows
    assert ["Support", "sessions_by_mode", "Text / messaging", "Sessions", "*"] in rows
    assert ["Support", "sessions_by_mode", "Video call", "Hours", "–"] in rows
    assert ["Support", "sessions_by_mode", "Total", "Hours", "127"] in rows
    assert ["Support", "referrals_by_destination", RTL_LABEL, "Referrals", "6"] in rows
    assert ["Support", "sessions_trend", "2026-01", "One-to-one sessions, last 12 months",
            "<5"] in rows


@pytest.mark.parametrize("payload", PAYLOADS)
def test_neutralise_prefixes_formula_starts(payload: str) -> None:
    assert neutralise(payload) == "'" + payload
    assert neutralise("12") == "12"
    assert neutralise("<5") == "<5"
    assert neutralise("–") == "–"


def test_formula_payloads_are_neutralised_in_every_column() -> None:
    rows = _read(_hostile_report())
    fields = [field for row in rows[1:] for field in row if field]
    assert fields
    for field in fields:
        assert not field.startswith(("=", "+", "-", "@", "\t", "\r")), repr(field)
    for payload in PAYLOADS:
        assert any(field == "'" + payload for field in fields), payload
    assert ["'@section", "'+trend", "'@m", "'-title", "'=2"] in rows
    assert ["", "headline", "'=label", "", "'+7"] in rows


def test_write_to_path_is_utf8_with_csv_newlines(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    write_csv(sample_report(), path)
    raw = path.read_bytes()
    assert RTL_LABEL.encode("utf-8") in raw
    assert b"\r\n" in raw  # the csv module's line terminator
    with path.open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == _read(sample_report())


def _pdf_tokens(report: Report, tmp_path: Path) -> set[str]:
    path = tmp_path / "report.pdf"
    write_pdf(report, path)
    text = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return set(re.findall(r"<\d+|\d+|\*|–", text))


def test_every_csv_value_is_printed_in_the_pdf(tmp_path: Path) -> None:
    report = sample_report()
    values = {row[4] for row in _read(report)[1:] if row[1] != "release"}
    assert {"<5", "*", "–"} <= values
    printed = _pdf_tokens(report, tmp_path)
    missing = values - printed
    assert not missing, missing


def test_a_value_unique_to_one_cell_appears_in_both(tmp_path: Path) -> None:
    report = sample_report()
    section = report.sections[0]
    table = section.tables[0]
    marked = replace(table, rows=(("In person", (n(9137), n(96))), *table.rows[1:]))
    report = replace(report, sections=(replace(section, tables=(marked,)), *report.sections[1:]))
    assert ["Support", "sessions_by_mode", "In person", "Sessions", "9137"] in _read(report)
    assert "9137" in _pdf_tokens(report, tmp_path)
