"""A subject access export as a PDF: everything held on one person, for that person.

Not anonymised, on purpose. `render_pdf` draws the plain data it is given
(a `SubjectAccessRecord`) and nothing else: it runs no queries and reads no
files apart from the shipped fonts, which it embeds (subset). Names and notes in
any script PeerDesk ships a font for print shaped and in reading order
(`text_flow`); a symbol it can't print shows as a marker, explained on the cover.
The PDF's metadata is blank apart from a generic title, so the file's properties name nobody, and
every page carries "page N of M".

Notes can be long: they are laid out as paragraphs that flow across pages,
never as table cells (a cell taller than a page can't be split).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peerdesk.reports.fonts import FONT_BOLD, FONT_REGULAR
from peerdesk.reports.pdf import (
    HEAD_BG,
    MUTED,
    NAVY,
    REPORT_MARGINS_MM,
    RULE,
    TEAL,
    TEXT,
    ZEBRA,
    grid_style,
    heading_style,
    render_sheet,
)
from peerdesk.reports.text_flow import fallback_note, para

GENERIC_TITLE = "PeerDesk personal record"
FOOTER = "Personal and confidential"


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated entry (a session): a heading line, then labelled pieces of text."""

    heading: str
    texts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the record: label/value pairs, a table, entries, or a line saying it's empty."""

    heading: str
    fields: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    entries: tuple[Entry, ...] = ()
    empty: str = "Nothing is held."

    @property
    def is_empty(self) -> bool:
        return not (self.fields or self.rows or self.entries)


@dataclass(frozen=True, slots=True)
class SubjectAccessRecord:
    centre_name: str
    subject: str        # how the person is named on the cover (their own name and reference)
    reference: str      # P-0042
    produced_on: str    # YYYY-MM-DD
    intro: str
    parts: tuple[Part, ...]
    page_size: str = "A4"


def render_pdf(record: SubjectAccessRecord) -> tuple[bytes, int]:
    """The PDF bytes and the number of pages."""
    return render_sheet(lambda width: _story(record, width), title=GENERIC_TITLE,
                        footer=FOOTER, page_size=record.page_size, margins_mm=REPORT_MARGINS_MM)


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=9.5, leading=13,
                          textColor=colors.HexColor(TEXT))
    return {
        "centre": ParagraphStyle("centre", base, fontName=FONT_BOLD, fontSize=11, leading=14,
                                 textColor=colors.HexColor(TEAL)),
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=22, leading=27,
                                textColor=colors.HexColor(NAVY)),
        "subject": ParagraphStyle("subject", base, fontSize=14, leading=18, spaceAfter=6),
        "body": ParagraphStyle("body", base, spaceAfter=4),
        "h1": heading_style("h1", base, size=13.5, leading=17, before=14, after=5),
        "entry": heading_style("entry", base, size=10, leading=13, before=9, after=2),
        # No keepWithNext here: chaining heading, label and text made every session a
        # group to lay out twice (a 250-page record took a quarter longer).
        "label": ParagraphStyle("label", base, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                                textColor=colors.HexColor(MUTED)),
        "text": ParagraphStyle("text", base, leftIndent=8, spaceAfter=4),
        "muted": ParagraphStyle("muted", base, textColor=colors.HexColor(MUTED)),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5),
        "cellhead": ParagraphStyle("cellhead", base, fontName=FONT_BOLD, fontSize=8.5,
                                   leading=11, textColor=colors.HexColor(NAVY)),
    }


def _story(record: SubjectAccessRecord, width: float) -> list[Any]:
    s = _styles()
    story: list[Any] = [
        para(record.centre_name, s["centre"]),
        para("Everything we hold about you", s["title"]),
        para(record.subject, s["subject"]),
        para(f"Produced on {record.produced_on}", s["muted"]),
        para(record.intro, s["body"]),
    ]
    for part in record.parts:
        story.append(para(part.heading, s["h1"]))
        if part.is_empty:
            story.append(para(part.empty, s["muted"]))
            continue
        if part.fields:
            story.append(_table(("", ""), part.fields, width, s, label_column=True))
        if part.rows:
            story.append(_table(part.columns, part.rows, width, s))
        for entry in part.entries:
            story.append(para(entry.heading, s["entry"]))
            for label, text in entry.texts:
                story.append(para(label, s["label"]))
                story.append(para(text, s["text"]))
    # On the cover, after the introduction: what the marker for an unprintable symbol means.
    marker_note = fallback_note(s["muted"])
    if marker_note is not None:
        story.insert(5, marker_note)
    return story


def _table(columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], width: float,
           s: dict[str, Any], *, label_column: bool = False) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    n = max(len(columns), max((len(r) for r in rows), default=0))
    if label_column:
        widths = [width * 0.32, width * 0.68]
        data: list[list[Any]] = []
    else:
        widths = [width / n] * n
        data = [[para(c, s["cellhead"]) for c in columns]]
    for row in rows:
        cells = list(row) + [""] * (n - len(row))
        data.append([para(c, s["cellhead"] if label_column and i == 0 else s["cell"])
                     for i, c in enumerate(cells)])
    table = Table(data, colWidths=widths, repeatRows=0 if label_column else 1, hAlign="LEFT")
    style: list[Any] = [
        *grid_style(left=6, right=6, top=3, bottom=4),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.HexColor(RULE)),
        ("ROWBACKGROUNDS", (0, 0 if label_column else 1), (-1, -1),
         [colors.white, colors.HexColor(ZEBRA)]),
    ]
    if not label_column:
        style += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BG)),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(NAVY))]
    table.setStyle(TableStyle(style))
    return table


__all__ = ["GENERIC_TITLE", "Entry", "Part", "SubjectAccessRecord", "render_pdf"]
