"""The report as HTML for the in-app preview and for printing.

It renders the same `Report` object the PDF and CSV writers get, so every
figure, and every "*", reads exactly as in the PDF. Every piece of
text is escaped: labels come from the vault.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QImage, QTextDocument

from peerdesk.reports.model import (
    QUOTES_INTRO,
    QUOTES_TITLE,
    Cell,
    CellState,
    Report,
    Section,
    Table,
    Trend,
    anchor_line,
)
from peerdesk.reports.pdf import HEAD_BG, MARK_RED, NAVY, PREVIEW_MARK, RULE, TEAL, TEAL_LIGHT

LOGO_URL = "peerdesk-report:logo"
# The PDF's own palette and preview mark (reports/pdf.py), so the preview reads as the
# PDF does; only the grey differs.
MUTED = "#6B747D"  # darker than the PDF's grey: small on-screen text needs the contrast
BAR_WIDTH_PX = 220

_NOTE_FOR_STATE = {
    CellState.PRIMARY: "a small count, not shown so that no one can be identified.",
    CellState.SECONDARY: "hidden: a small count, or a figure hidden so that a small count "
                         "can’t be worked out. It may stand for any number.",
    CellState.NOT_APPLICABLE: "not applicable, not published yet, or withheld because the "
                              "count it depends on is hidden.",
}


def _cell(cell: Cell, *, bold: bool = False) -> str:
    text = escape(cell.shown)
    if bold:
        text = f"<b>{text}</b>"
    colour = f" style='color:{MUTED}'" if cell.hidden else ""
    return f"<td align='right'{colour}>{text}</td>"


def _table(table: Table) -> str:
    head = "".join(f"<th align='right'>{escape(c)}</th>" for c in table.columns)
    rows = [f"<tr style='background:{HEAD_BG}'><th align='left'>{escape(table.row_header)}"
            f"</th>{head}</tr>"]
    for label, cells in table.rows:
        rows.append(f"<tr><td>{escape(label)}</td>{''.join(_cell(c) for c in cells)}</tr>")
    if table.total is not None:
        totals = "".join(_cell(c, bold=True) for c in table.total)
        rows.append(f"<tr><td><b>Total</b></td>{totals}</tr>")
    out = (f"<h3>{escape(table.title)}</h3>"
           f"<table cellspacing='0' cellpadding='4' border='1' "
           f"style='border-collapse:collapse; border-color:{RULE}'>{''.join(rows)}</table>")
    if table.note:
        out += f"<p style='color:{MUTED}'><small>{escape(table.note)}</small></p>"
    return out


def _trend(trend: Trend) -> str:
    """A month per row with a plain bar; hidden months have no bar, only their mark."""
    values = [0 if c.hidden or c.value is None else c.value for c in trend.values]
    top = max(values, default=0) or 1
    rows = []
    for month, cell, value in zip(trend.months, trend.values, values, strict=True):
        width = max(1, round(BAR_WIDTH_PX * value / top)) if value else 0
        bar = (f"<table cellspacing='0' cellpadding='0'><tr><td width='{width}' "
               f"bgcolor='{TEAL}'>&nbsp;</td></tr></table>") if width else ""
        rows.append(f"<tr><td>{escape(month)}</td>{_cell(cell)}<td>{bar}</td></tr>")
    return (f"<h3>{escape(trend.title)}</h3>"
            "<table cellspacing='0' cellpadding='2'>"
            "<tr><th align='left'>Month</th><th align='right'>Count</th><th></th></tr>"
            f"{''.join(rows)}</table>")


def _section(section: Section) -> str:
    parts = [f"<h2 style='color:{NAVY}'>{escape(section.title)}</h2>"]
    if section.intro:
        parts.append(f"<p>{escape(section.intro)}</p>")
    parts += [_table(t) for t in section.tables]
    parts += [_trend(t) for t in section.trends]
    return "".join(parts)


def _cells(report: Report) -> list[Cell]:
    found = [h.cell for h in report.headlines]
    for section in report.sections:
        for table in section.tables:
            for _label, cells in table.rows:
                found += cells
            found += table.total or ()
        for trend in section.trends:
            found += trend.values
    return found


def _notes(report: Report) -> str:
    items = []
    cells = _cells(report)
    for state, meaning in _NOTE_FOR_STATE.items():
        for mark in sorted({c.shown for c in cells if c.state is state}):
            items.append(f"“{mark}” — {meaning}")
    items.append(report.disclosure_rule)
    if report.exclusion_note:
        items.append(report.exclusion_note)
    items += report.notes
    listed = "".join(f"<li>{escape(item)}</li>" for item in items)
    out = f"<h2 style='color:{NAVY}'>Notes and definitions</h2><ul>{listed}</ul>"
    if report.protection:
        out += (f"<h2 style='color:{NAVY}'>How these figures are protected</h2>"
                f"<p>{escape(report.protection)}</p>")
    return out


def release_line(report: Report) -> str:
    """Which release this is, or the preview mark."""
    if report.preview or not report.release_code:
        return PREVIEW_MARK
    return f"Release {report.release_code}"


def _mark(report: Report) -> str:
    colour = MARK_RED if report.preview or not report.release_code else MUTED
    return f"<p align='center' style='color:{colour}'><b>{escape(release_line(report))}</b></p>"


def _anchor(report: Report) -> str:
    """The audit anchor, at the end of a printed copy as in the PDF's footer."""
    if not report.anchor:
        return ""
    line = escape(anchor_line(report))
    return f"<p align='center' style='color:{MUTED}'><small>{line}</small></p>"


def report_html(report: Report) -> str:
    """The whole report as rich text; the logo, if any, is the image at LOGO_URL."""
    logo = (f"<p align='right'><img src='{LOGO_URL}' height='60'></p>"
            if report.logo else "")
    headlines = "".join(
        f"<tr><td>{escape(h.label)}</td>{_cell(h.cell, bold=True)}</tr>"
        for h in report.headlines)
    parts = [
        _mark(report),
        logo,
        f"<p style='color:{TEAL}'><b>{escape(report.centre_name)}</b></p>",
        f"<h1 style='color:{NAVY}'>{escape(report.title)}</h1>",
        f"<p><big>{escape(report.period_label)}</big></p>",
        f"<table width='100%' cellpadding='6' style='background:{TEAL_LIGHT}'><tr><td>"
        f"{escape(report.disclosure_rule)}</td></tr></table>",
    ]
    if report.revision_note:
        parts.append(f"<p>{escape(report.revision_note)}</p>")
    if report.exclusion_note:
        parts.append(f"<p>{escape(report.exclusion_note)}</p>")
    if report.headlines:
        parts.append(f"<h2 style='color:{NAVY}'>At a glance</h2>"
                     f"<table cellspacing='0' cellpadding='4'>{headlines}</table>")
    parts += [_section(s) for s in report.sections]
    if report.quotes:
        parts.append(_quotes(report))
    parts.append(_notes(report))
    parts.append(_mark(report))
    parts.append(_anchor(report))
    return "".join(parts)


def _quotes(report: Report) -> str:
    """The "In their words" page: approved quotes with consent current when built."""
    items = "".join(f"<blockquote>“{escape(words)}”</blockquote>" for words in report.quotes)
    return f"<h2>{escape(QUOTES_TITLE)}</h2><p><i>{escape(QUOTES_INTRO)}</i></p>{items}"


def report_document(report: Report) -> QTextDocument:
    """The report as a document to show or print, with the logo loaded from memory."""
    document = QTextDocument()
    if report.logo:
        image = QImage.fromData(QByteArray(report.logo))
        if not image.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL),
                                 image)
    document.setHtml(report_html(report))
    return document


def file_stem(report: Report) -> str:
    """'peerdesk-report-2026-10' for a month; quarter, year and range names alike."""
    start, end = report.start, report.end
    next_day = date.fromordinal(end.toordinal() + 1)
    whole_months = start.day == 1 and next_day.day == 1
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if whole_months and months == 1:
        when = f"{start:%Y-%m}"
    elif whole_months and months == 3 and start.month % 3 == 1:
        when = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    elif whole_months and months == 12 and start.month == 1:
        when = f"{start.year}"
    else:
        when = f"{start:%Y-%m-%d}-to-{end:%Y-%m-%d}"
    return f"peerdesk-report-{when}"


def chosen_save_path(chosen: str, suffix: str) -> Path | None:
    """The path a save dialog answered (`chosen`, empty when cancelled), ending in
    `.suffix` (added when the person left it off)."""
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == f".{suffix}" else path.with_name(
        f"{path.name}.{suffix}")
