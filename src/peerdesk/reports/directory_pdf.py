"""Services for a region and a need on one page, to hand over or pin up.

`render_pdf` draws the `Handout` it is given and nothing else: no queries, no
files but the shipped fonts (embedded, subset). Names and details in any script
PeerDesk ships a font for print shaped and in reading order (`text_flow`). It
names services only, never a person; the metadata is blank but for a title.
Entries sit in two columns so a list of twenty or so fits on one page.
"""

from __future__ import annotations

from typing import Any

from peerdesk.reports.directory_model import Handout, HandoutEntry
from peerdesk.reports.fonts import FONT_BOLD, FONT_REGULAR
from peerdesk.reports.pdf import MUTED, NAVY, RULE, TEAL, TEXT, grid_style, render_sheet
from peerdesk.reports.text_flow import fallback_note, para

GENERIC_TITLE = "Where to find help"


def render_pdf(handout: Handout, *, page_size: str = "A4") -> tuple[bytes, int]:
    """The PDF bytes and the number of pages."""
    footer = " · ".join(p for p in (handout.centre_name, handout.produced_on) if p)
    return render_sheet(lambda width: _story(handout, width), title=GENERIC_TITLE,
                        footer=footer, page_size=page_size, margins_mm=(16, 16, 14, 20))


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=9, leading=11.5,
                          textColor=colors.HexColor(TEXT))
    return {
        "centre": ParagraphStyle("centre", base, fontName=FONT_BOLD, fontSize=10.5,
                                 leading=13, textColor=colors.HexColor(TEAL)),
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=19, leading=23,
                                textColor=colors.HexColor(NAVY), spaceAfter=8),
        "name": ParagraphStyle("name", base, fontName=FONT_BOLD, fontSize=10.5, leading=13,
                               textColor=colors.HexColor(NAVY)),
        "muted": ParagraphStyle("muted", base, fontSize=8, leading=10,
                                textColor=colors.HexColor(MUTED)),
        "line": ParagraphStyle("line", base),
        "empty": ParagraphStyle("empty", base, fontSize=10.5, leading=14),
    }


def _block(entry: HandoutEntry, s: dict[str, Any]) -> list[Any]:
    parts = [para(entry.name, s["name"])]
    about = " · ".join(p for p in (entry.what, entry.where) if p)
    if about:
        parts.append(para(about, s["muted"]))
    for label, value in (("Phone", entry.phone), ("Email", entry.email),
                         ("Web", entry.website), ("Open", entry.hours)):
        if value:
            parts.append(para(f"{label}: {value}", s["line"]))
    return parts


def _story(handout: Handout, width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    s = _styles()
    story: list[Any] = []
    if handout.centre_name:
        story.append(para(handout.centre_name, s["centre"]))
    story.append(para(handout.title, s["title"]))
    if not handout.entries:
        story.append(para("No services in the directory match. Ask us, and we'll help "
                          "you find one.", s["empty"]))
    blocks = [_block(e, s) for e in handout.entries]
    rows = [[blocks[i], blocks[i + 1] if i + 1 < len(blocks) else ""]
            for i in range(0, len(blocks), 2)]
    if rows:
        grid = Table(rows, colWidths=[width / 2, width / 2], hAlign="LEFT")
        grid.setStyle(TableStyle([
            *grid_style(left=4, right=10, top=5, bottom=6),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
        ]))
        story.append(grid)
    marker_note = fallback_note(s["muted"])
    if marker_note is not None:
        story.append(marker_note)
    return story


__all__ = ["GENERIC_TITLE", "render_pdf"]
