"""The competency matrix on paper, for an inspection (issue 16).

It names supporters (the register is the centre's own staff record, not a
report on peers) but never a check's reference. `render_matrix` draws what it
is given: no queries.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from peerdesk.reports.fonts import FONT_BOLD, FONT_REGULAR
from peerdesk.reports.pdf import MUTED, NAVY, RULE, TEXT, document, numbered_canvas
from peerdesk.reports.text_flow import para, typesetting

TITLE = "Competency matrix"
# State code -> (printed mark, fill colour)
_MARKS = {"current": ("Current", "#d9efe4"), "due_soon": ("Due soon", "#fbefd0"),
          "expired": ("Expired", "#f6d5d5"), "missing": ("Missing", "#ffffff")}


class _Page:
    """A landscape document with the styles both supporters' PDFs use."""

    def __init__(self, page_size: str, title: str) -> None:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        self.buffer = io.BytesIO()
        self.doc = document(self.buffer, title=title, page_size=page_size,
                            margins_mm=(12, 12, 12, 18), landscape=True)
        self.base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=8, leading=10,
                                   textColor=colors.HexColor(TEXT))
        self.head = ParagraphStyle("head", self.base, fontName=FONT_BOLD,
                                   textColor=colors.HexColor(NAVY))
        self.title = ParagraphStyle("title", self.base, fontName=FONT_BOLD, fontSize=17,
                                    leading=21, textColor=colors.HexColor(NAVY), spaceAfter=6)
        self.muted = ParagraphStyle("muted", self.base, textColor=colors.HexColor(MUTED),
                                    spaceAfter=6)


def render_matrix(competencies: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]], *,
                  on: str, centre_name: str = "", page_size: str = "A4",
                  notes: Sequence[Sequence[str]] | None = None) -> tuple[bytes, int]:
    """`rows`: (supporter name, one state code per competency); `notes`, per row, a short
    note per cell ("3 of 5 modules") or "". PDF bytes and pages."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    page = _Page(page_size, TITLE)
    buffer, doc = page.buffer, page.doc
    base, head, title, muted = page.base, page.head, page.title, page.muted
    story: list[Any] = [para(TITLE, title),
                        para(f"As on {on}. Due soon: lapses within 30 days. A course with "
                             "modules counts once its last module is done; \"n of m "
                             "modules\" shows one under way.", muted)]
    with typesetting():
        if not rows:
            story.append(para("No supporters are in training, active or on a break.", base))
        else:
            table_rows: list[list[Any]] = [[para("Supporter", head)] +
                                           [para(c, head) for c in competencies]]
            style = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
                     ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                     ("REPEATROWS", (0, 0), (-1, 0))]
            for r, (name, states) in enumerate(rows, start=1):
                row_notes = list(notes[r - 1]) if notes else []
                row_notes += [""] * (len(states) - len(row_notes))
                table_rows.append([para(name, base)] + [
                    [para(_MARKS[s][0], base)] + ([para(n, muted)] if n else [])
                    for s, n in zip(states, row_notes, strict=True)])
                for c, state in enumerate(states, start=1):
                    style.append(("BACKGROUND", (c, r), (c, r),
                                  colors.HexColor(_MARKS[state][1])))
            first = 46 * mm
            rest = (doc.width - first) / max(1, len(competencies))
            grid = Table(table_rows, colWidths=[first] + [rest] * len(competencies),
                         repeatRows=1, hAlign="LEFT")
            grid.setStyle(TableStyle([s for s in style if s[0] != "REPEATROWS"]))
            story.append(grid)
        pages: list[int] = []
        footer = " · ".join(p for p in (centre_name, on) if p)
        doc.build(story, canvasmaker=numbered_canvas(footer, pages))
    return buffer.getvalue(), pages[0]




def render_table(title: str, subtitle: str, headers: Sequence[str],
                 rows: Sequence[Sequence[str]], *, centre_name: str = "",
                 page_size: str = "A4") -> tuple[bytes, int]:
    """A plain titled table on landscape pages (the timesheet). PDF bytes and pages."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    page = _Page(page_size, title)
    buffer, doc = page.buffer, page.doc
    base, head, big, muted = page.base, page.head, page.title, page.muted
    story: list[Any] = [para(title, big), para(subtitle, muted)]
    with typesetting():
        data = [[para(h, head) for h in headers]] + [[para(c, base) for c in r] for r in rows]
        first = 46 * mm
        rest = (doc.width - first) / max(1, len(headers) - 1)
        grid = Table(data, colWidths=[first] + [rest] * (len(headers) - 1), repeatRows=1,
                     hAlign="LEFT")
        grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
                                  ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        story.append(grid)
        pages: list[int] = []
        doc.build(story, canvasmaker=numbered_canvas(centre_name, pages))
    return buffer.getvalue(), pages[0]


__all__ = ["TITLE", "render_matrix", "render_table"]
