""""You said, we did": the consultations whose actions are settled, on a page to pin up.

`render_said_did` draws the rows it is given and nothing else: no queries, no
files but the shipped fonts (embedded, subset). A consultation holds no name
(a head-count only); what was said is printed as it was written, so the
screen asks staff to read it over before pinning it up. Metadata blank but
for a generic title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peerdesk.reports.fonts import FONT_BOLD, FONT_REGULAR
from peerdesk.reports.pdf import MUTED, NAVY, RULE, TEAL, TEXT, grid_style, render_sheet
from peerdesk.reports.text_flow import fallback_note, para

GENERIC_TITLE = "You said, we did"


@dataclass(frozen=True, slots=True)
class SaidDid:
    when: str       # "March 2026"
    how: str        # "Survey, 23 took part"
    topic: str
    said: str
    did: str        # what was done, or why it won't be
    done: bool      # False: won't be done


def render_said_did(rows: list[SaidDid], *, centre_name: str, produced_on: str,
                    page_size: str = "A4") -> tuple[bytes, int]:
    """The PDF bytes and its page count."""
    footer = " · ".join(p for p in (centre_name, produced_on) if p)
    return render_sheet(lambda width: _story(rows, centre_name, width), title=GENERIC_TITLE,
                        footer=footer, page_size=page_size, margins_mm=(18, 18, 16, 20))


def _story(rows: list[SaidDid], centre_name: str, width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Table, TableStyle

    base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=10, leading=13.5,
                          textColor=colors.HexColor(TEXT))
    s = {
        "centre": ParagraphStyle("centre", base, fontName=FONT_BOLD, fontSize=11,
                                 textColor=colors.HexColor(TEAL)),
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=22, leading=27,
                                textColor=colors.HexColor(NAVY), spaceAfter=10),
        "head": ParagraphStyle("head", base, fontName=FONT_BOLD, fontSize=10.5,
                               textColor=colors.HexColor(NAVY)),
        "muted": ParagraphStyle("muted", base, fontSize=8.5, leading=11,
                                textColor=colors.HexColor(MUTED)),
        "label": ParagraphStyle("label", base, fontName=FONT_BOLD, fontSize=9,
                                textColor=colors.HexColor(TEAL)),
    }
    story: list[Any] = []
    if centre_name:
        story.append(para(centre_name, s["centre"]))
    story.append(para(GENERIC_TITLE, s["title"]))
    if not rows:
        story.append(para("Nothing to show yet: we will put up what we did about what you "
                          "told us.", base))
    for row in rows:
        did_label = "We did" if row.done else "We can't, because"
        grid = Table([[para("You said", s["label"]), para(row.said or "—", base)],
                      [para(did_label, s["label"]), para(row.did or "—", base)]],
                     colWidths=[width * 0.22, width * 0.78], hAlign="LEFT")
        grid.setStyle(TableStyle(grid_style(left=2, top=2, bottom=3)))
        line = Table([[""]], colWidths=[width], rowHeights=[4])
        line.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5,
                                   colors.HexColor(RULE))]))
        story.append(KeepTogether([para(row.topic, s["head"]),
                                   para(f"{row.when} · {row.how}", s["muted"]), grid, line]))
    marker_note = fallback_note(s["muted"])
    if marker_note is not None:
        story.append(marker_note)
    return story


__all__ = ["GENERIC_TITLE", "SaidDid", "render_said_did"]
