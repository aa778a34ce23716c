"""The anonymised report as a printable PDF.

`write_pdf` renders a `Report` and nothing else: it runs no queries and reads
no files apart from the fonts shipped with the package. The output carries no
author, dates or file paths, embeds every font it uses (subset: only the glyphs
printed), and is the same bytes every time for the same `Report`. Text goes
through `text_flow`, so a centre name in Arabic, Chinese or any other script
PeerDesk ships a font for prints shaped and in reading order.

ReportLab is imported inside the functions: importing it is slow and must stay
off the application's start path.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

from peerdesk.reports.fonts import FONT_BOLD, FONT_REGULAR, font_dir, register_main

__all__ = ["FONT_BOLD", "FONT_REGULAR", "GENERIC_TITLE", "font_dir", "render_pdf", "write_pdf"]
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
from peerdesk.reports.text_flow import draw_line, fallback_note, para, text_width, typesetting

GENERIC_TITLE = "PeerDesk monthly report"
PREVIEW_MARK = "Preview — not for publication"
MARK_RED = "#B71C1C"

# Palette: navy for headings, teal for accents, greys for text and rules.
NAVY = "#1F3A5F"
TEAL = "#2A7F84"
TEAL_LIGHT = "#E6F2F2"
TEXT = "#333B44"
MUTED = "#8A939C"
RULE = "#C9D1D8"
ZEBRA = "#F4F6F8"
HEAD_BG = "#E9EEF3"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# The cover logo: drawn within this box (points), keeping its proportions.
LOGO_BOX = (130.0, 60.0)
# A small file can still unpack into an enormous picture; refuse before decoding.
LOGO_MAX_PIXELS = 5000 * 5000
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def is_png_or_jpeg(data: bytes) -> bool:
    return data.startswith(_IMAGE_SIGNATURES)


def logo_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG or JPEG, decoded in full.

    ValueError if the bytes are not a picture ReportLab can draw (not PNG or
    JPEG, damaged, or far too many pixels).
    """
    from reportlab.lib.utils import ImageReader

    if not is_png_or_jpeg(data):
        raise ValueError("not a PNG or JPEG")
    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
        if width <= 0 or height <= 0 or width * height > LOGO_MAX_PIXELS:
            raise ValueError(f"unusable size {width}x{height}")
        reader.getRGBData()  # decodes every pixel: a cut-off file fails here, not in a report
    except ValueError:
        raise
    except Exception as exc:  # the imaging library raises many kinds for a bad file
        raise ValueError("the picture can't be decoded") from exc
    return int(width), int(height)


# The shipped faces live in fonts.py, shared by every PDF writer.
_register_fonts = register_main


def month_label(month: str) -> str:
    """'2025-12' -> 'Dec'; anything else is returned unchanged."""
    try:
        number = int(month.split("-")[1])
    except (IndexError, ValueError):
        return month
    return _MONTHS[number - 1] if 1 <= number <= 12 else month


def _trend_axis_labels(months: tuple[str, ...]) -> list[str]:
    """Month names, with the year under the first month and under each January."""
    labels = []
    for i, month in enumerate(months):
        name = month_label(month)
        year = month.split("-")[0]
        if name != month and (i == 0 or name == "Jan"):
            labels.append(f"{name}\n{year}")
        else:
            labels.append(name)
    return labels


def _all_cells(report: Report) -> Iterable[Cell]:
    for headline in report.headlines:
        yield headline.cell
    for section in report.sections:
        for table in section.tables:
            for _, cells in table.rows:
                yield from cells
            if table.total:
                yield from table.total
        for trend in section.trends:
            yield from trend.values


def _marks(report: Report, state: CellState) -> list[str]:
    return sorted({c.shown for c in _all_cells(report) if c.state is state})


def footer_rule(report: Report) -> str:
    """The short form of the disclosure rule printed in the footer."""
    secondary = _marks(report, CellState.SECONDARY)
    if len(secondary) != 1:
        return "Anonymised figures"
    return f"Anonymised: hidden figures shown as {secondary[0]}"


def footer_left(report: Report) -> str:
    """Period, release (or the preview mark) and rule: on every page."""
    which = PREVIEW_MARK if report.preview or not report.release_code else \
        f"Release {report.release_code}"
    return f"{report.period_label} · {which} · {footer_rule(report)}"


def write_pdf(report: Report, out: BinaryIO | Path) -> int:
    """Render `report` as a PDF to `out`; returns the number of pages."""
    data, pages = render_pdf(report)
    if isinstance(out, Path):
        out.write_bytes(data)
    else:
        out.write(data)
    return pages


# Left, right, top, bottom, in millimetres: the monthly report's and the personal record's.
REPORT_MARGINS_MM = (20.0, 20.0, 18.0, 22.0)


def render_pdf(report: Report) -> tuple[bytes, int]:
    """The PDF bytes for `report` and its page count."""
    mark = PREVIEW_MARK if report.preview or not report.release_code else ""
    return render_sheet(lambda width: _story(report, width), title=GENERIC_TITLE,
                        footer=footer_left(report), page_size=report.page_size,
                        margins_mm=REPORT_MARGINS_MM, mark=mark, right=anchor_line(report))


def document(buffer: BinaryIO, *, title: str, page_size: str,
             margins_mm: tuple[float, float, float, float], landscape: bool = False) -> Any:
    """A ReportLab document on A4 or Letter (`page_size`, any case; anything else is
    refused) whose metadata says nothing but `title`: no author, subject, creator,
    producer or language, and `invariant` so that the same content is the same bytes.
    Every PDF PeerDesk writes starts here."""
    from reportlab.lib import pagesizes
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    size = {"a4": pagesizes.A4, "letter": pagesizes.LETTER}.get(page_size.strip().lower())
    if size is None:
        raise ValueError(f"unknown page size {page_size!r}")
    left, right, top, bottom = (margin * mm for margin in margins_mm)
    return SimpleDocTemplate(
        buffer, pagesize=pagesizes.landscape(size) if landscape else size,
        leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
        title=title, author="", subject="", keywords="", creator="", producer="",
        invariant=1, initialFontName=FONT_REGULAR, lang="",
    )


def render_sheet(story: Callable[[float], list[Any]], *, title: str, footer: str,
                 page_size: str, margins_mm: tuple[float, float, float, float],
                 mark: str = "", right: str = "") -> tuple[bytes, int]:
    """A document of the flowables `story(width)` gives (the monthly report, a personal
    record, the directory handout, "You said, we did"), on A4 or Letter with `margins_mm`
    (left, right, top, bottom), blank metadata but `title`, and on every page `footer`
    and '`right` · page N of M' (and `mark` across the top, when given). Returns the PDF
    bytes and the page count."""
    buffer = io.BytesIO()
    doc = document(buffer, title=title, page_size=page_size, margins_mm=margins_mm)
    pages: list[int] = []
    # The frame pads its content by 6pt on each side; draw within that.
    with typesetting():
        doc.build(story(doc.width - 12),
                  canvasmaker=numbered_canvas(footer, pages, mark=mark, right=right))
    return buffer.getvalue(), pages[0]


def numbered_canvas(left: str, pages: list[int], *, mark: str = "", right: str = ""
                    ) -> Callable[..., Any]:
    """A canvas that holds every page until the end, then stamps a footer of
    `left` and '`right` · page N of M' (and `mark` across the top of every page,
    when given); the page count is appended to `pages`."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            pages.append(total)
            for state in self._held:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            y = 12 * mm
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.5)
            x0, x1 = 20 * mm + 6, width - 20 * mm - 6
            self.line(x0, y + 4.2 * mm, x1, y + 4.2 * mm)
            self.setFillColor(colors.HexColor(MUTED))
            draw_line(self, x0, y, left, 7.5)
            page = f"page {self._pageNumber} of {total}"
            draw_line(self, x1, y, f"{right} · {page}" if right else page, 7.5, anchor="end")
            if mark:
                _, height = self._pagesize
                self.setFont(FONT_BOLD, 9)
                self.setFillColor(colors.HexColor(MARK_RED))
                self.drawCentredString(width / 2, height - 10 * mm, mark)
            self.restoreState()

    return NumberedCanvas


def grid_style(*, left: float, top: float, bottom: float,
               right: float | None = None) -> list[Any]:
    """A table's first style commands: our font in every cell (else the table sets
    Helvetica), text at the top, these paddings (`right`: ReportLab's own if None)."""
    everywhere = ((0, 0), (-1, -1))
    style: list[Any] = [("FONTNAME", *everywhere, FONT_REGULAR), ("VALIGN", *everywhere, "TOP"),
                        ("LEFTPADDING", *everywhere, left)]
    if right is not None:
        style.append(("RIGHTPADDING", *everywhere, right))
    style += [("TOPPADDING", *everywhere, top), ("BOTTOMPADDING", *everywhere, bottom)]
    return style


def heading_style(name: str, base: Any, *, size: float, leading: float, before: float,
                  after: float) -> Any:
    """A bold navy heading that stays on the page with what follows it."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(name, base, fontName=FONT_BOLD, fontSize=size, leading=leading,
                          textColor=colors.HexColor(NAVY), spaceBefore=before,
                          spaceAfter=after, keepWithNext=1)


def _styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT_REGULAR, fontSize=9.5, leading=13,
                          textColor=colors.HexColor(TEXT), bulletFontName=FONT_REGULAR)
    return {
        "centre": ParagraphStyle("centre", base, fontName=FONT_BOLD, fontSize=11, leading=14,
                                 textColor=colors.HexColor(TEAL)),
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=24, leading=29,
                                textColor=colors.HexColor(NAVY), spaceBefore=2),
        "period": ParagraphStyle("period", base, fontSize=14, leading=18,
                                 textColor=colors.HexColor(TEXT)),
        "anon": ParagraphStyle("anon", base, fontSize=8.5, leading=11.5,
                               textColor=colors.HexColor(TEXT)),
        "h1": heading_style("h1", base, size=14, leading=18, before=14, after=4),
        "h2": heading_style("h2", base, size=10.5, leading=13.5, before=8, after=4),
        "body": ParagraphStyle("body", base, spaceAfter=4),
        "note": ParagraphStyle("note", base, fontSize=8, leading=10.5,
                               textColor=colors.HexColor(MUTED), spaceBefore=3),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5, alignment=TA_LEFT),
        "cellhead": ParagraphStyle("cellhead", base, fontName=FONT_BOLD, fontSize=8.5,
                                   leading=11, textColor=colors.HexColor(NAVY)),
        "big": ParagraphStyle("big", base, fontName=FONT_BOLD, fontSize=22, leading=26,
                              textColor=colors.HexColor(NAVY), alignment=TA_LEFT),
        "bighidden": ParagraphStyle("bighidden", base, fontName=FONT_BOLD, fontSize=22,
                                    leading=26, textColor=colors.HexColor(MUTED)),
        "biglabel": ParagraphStyle("biglabel", base, fontSize=8.5, leading=11),
        "bullet": ParagraphStyle("bullet", base, fontSize=8.5, leading=11.5, leftIndent=12,
                                 bulletIndent=0, spaceAfter=3),
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
    }


def _story(report: Report, width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, Table, TableStyle

    s = _styles()
    story: list[Any] = []

    # Heading block: centre, title, period (with the centre's logo to the right),
    # then the anonymity line in a tinted band.
    heading = [para(report.centre_name, s["centre"]),
               para(report.title, s["title"]),
               para(report.period_label, s["period"])]
    block = _heading_with_logo(heading, report.logo, width) if report.logo else None
    if block is not None:
        story.append(block)
    else:
        story.extend(heading)
    story.append(Spacer(1, 5 * mm))
    band = Table([[para(report.disclosure_rule, s["anon"])]], colWidths=[width])
    band.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(TEAL_LIGHT)),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, colors.HexColor(TEAL)),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))
    story.append(band)
    if report.revision_note:
        story.append(Spacer(1, 3 * mm))
        story.append(para(report.revision_note, s["body"]))

    if report.headlines:
        story.append(para("At a glance", s["h1"]))
        story.append(_headline_grid(report, width, s))

    for section in report.sections:
        story.extend(_section(section, width, s))

    story.extend(_quotes(report, s))
    story.extend(_notes(report, s))
    return story


def _heading_with_logo(heading: list[Any], logo: bytes, width: float) -> Any | None:
    """The heading paragraphs on the left and the logo, scaled into LOGO_BOX, on the right.

    None if the logo no longer decodes: the report still prints, without it.
    """
    from reportlab.platypus import Image, Table, TableStyle

    try:
        pixels_w, pixels_h = logo_size(logo)
    except ValueError:
        return None
    box_w, box_h = LOGO_BOX
    scale = min(box_w / pixels_w, box_h / pixels_h)
    picture = Image(io.BytesIO(logo), width=pixels_w * scale, height=pixels_h * scale,
                    hAlign="RIGHT")
    gap = 12.0
    table = Table([[heading, picture]], colWidths=[width - box_w - gap, box_w + gap],
                  hAlign="LEFT")
    table.setStyle(TableStyle([*grid_style(left=0, right=0, top=0, bottom=0),
                               ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    return table


def _headline_grid(report: Report, width: float, s: dict[str, Any]) -> Any:
    """Big numbers with their labels, in tiles of equal width with a gutter between."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    per_row = 4 if width > 450 else 3
    gap = 6.0
    tile = (width - gap * (per_row - 1)) / per_row
    widths: list[float] = []
    for j in range(per_row):
        widths += [tile] if j == per_row - 1 else [tile, gap]
    rows: list[list[Any]] = []
    heights: list[float | None] = []
    style = grid_style(left=8, right=6, top=7, bottom=9)
    headlines = list(report.headlines)
    for start in range(0, len(headlines), per_row):
        if rows:
            rows.append([""] * len(widths))
            heights.append(gap)
            r = len(rows) - 1
            style += [("TOPPADDING", (0, r), (-1, r), 0), ("BOTTOMPADDING", (0, r), (-1, r), 0)]
        r = len(rows)
        row: list[Any] = [""] * len(widths)
        for j, h in enumerate(headlines[start:start + per_row]):
            number = para(h.cell.shown, s["bighidden"] if h.cell.hidden else s["big"])
            row[2 * j] = [number, para(h.label, s["biglabel"])]
            style += [
                ("BACKGROUND", (2 * j, r), (2 * j, r), colors.HexColor(ZEBRA)),
                ("LINEABOVE", (2 * j, r), (2 * j, r), 2, colors.HexColor(TEAL)),
            ]
        rows.append(row)
        heights.append(None)
    grid = Table(rows, colWidths=widths, rowHeights=heights, hAlign="LEFT")
    grid.setStyle(TableStyle(style))
    return grid


def _section(section: Section, width: float, s: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import KeepTogether

    # The section's heading (and intro) travel inside the first block's
    # KeepTogether: keepWithNext alone does not hold a heading to a following
    # KeepTogether, which left headings alone at the foot of a page.
    lead: list[Any] = [para(section.title, s["h1"])]
    if section.intro:
        lead.append(para(section.intro, s["body"]))
    blocks: list[list[Any]] = []
    for table in section.tables:
        parts = [para(table.title, s["h2"]), _table(table, width, s)]
        if table.note:
            parts.append(para(table.note, s["note"]))
        blocks.append(parts)
    for trend in section.trends:
        blocks.append([para(trend.title, s["h2"]), _chart(trend, width)])
    if not blocks:
        return lead
    blocks[0] = lead + blocks[0]
    return [KeepTogether(block) for block in blocks]


def _table(table: Table, width: float, s: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    n = len(table.columns)
    # Wide enough for the longest column heading on one line, within limits.
    widest = max((text_width(c, 8.5, bold=True) for c in table.columns), default=0.0)
    value_w = min(max(56.0, widest + 18), 96.0, (width * 0.6) / max(n, 1))
    label_w = width - value_w * n
    head_right = ParagraphStyle("headright", s["cellhead"], alignment=TA_RIGHT)

    data: list[list[Any]] = [[para(table.row_header, s["cellhead"])]
                             + [para(c, head_right) for c in table.columns]]
    hidden: list[tuple[int, int]] = []
    for label, cells in table.rows:
        r = len(data)
        data.append([para(label, s["cell"])] + [c.shown for c in cells])
        hidden += [(j + 1, r) for j, c in enumerate(cells) if c.hidden]
    total_row = None
    if table.total is not None:
        total_row = len(data)
        bold = ParagraphStyle("total", s["cell"], fontName=FONT_BOLD)
        data.append([para("Total", bold)] + [c.shown for c in table.total])
        hidden += [(j + 1, total_row) for j, c in enumerate(table.total) if c.hidden]

    t = RLTable(data, colWidths=[label_w] + [value_w] * n, repeatRows=1, hAlign="LEFT")
    last_body = (total_row - 1) if total_row is not None else len(data) - 1
    style: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor(TEXT)),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BG)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(NAVY)),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.HexColor(RULE)),
    ]
    if last_body >= 1:
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, last_body),
                      [colors.white, colors.HexColor(ZEBRA)]))
    if total_row is not None:
        style += [
            ("FONTNAME", (1, total_row), (-1, total_row), FONT_BOLD),
            ("LINEABOVE", (0, total_row), (-1, total_row), 0.8, colors.HexColor(NAVY)),
        ]
    for c, r in hidden:
        style.append(("TEXTCOLOR", (c, r), (c, r), colors.HexColor(MUTED)))
    t.setStyle(TableStyle(style))
    return t


def _chart(trend: Trend, width: float) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    height = 150.0
    drawing = Drawing(width, height)
    # Without this the renderer selects Helvetica, which is never embedded.
    drawing.initialFontName = FONT_REGULAR
    chart = VerticalBarChart()
    chart.x = 30
    chart.y = 30
    chart.width = width - 40
    chart.height = height - 50
    values = [0 if c.hidden or c.value is None else c.value for c in trend.values]
    chart.data = [values]
    top = max(values) if values else 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(top)
    chart.valueAxis.valueStep = _nice_step(chart.valueAxis.valueMax)
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = colors.HexColor(MUTED)
    chart.valueAxis.strokeColor = colors.HexColor(RULE)
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E8ED")
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.valueAxis.visibleAxis = 0
    chart.valueAxis.visibleTicks = 0
    chart.categoryAxis.categoryNames = _trend_axis_labels(trend.months)
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = colors.HexColor(TEXT)
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.textAnchor = "middle"
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = colors.HexColor(RULE)
    chart.categoryAxis.visibleTicks = 0
    chart.bars[0].fillColor = colors.HexColor(TEAL)
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = 8
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[c.shown for c in trend.values]]
    chart.barLabels.fontName = FONT_REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.nudge = 3
    chart.barLabels.fillColor = colors.HexColor(TEXT)
    for i, c in enumerate(trend.values):
        if c.hidden:
            chart.barLabels[(0, i)].fillColor = colors.HexColor(MUTED)
    drawing.add(chart)
    return drawing


def _nice_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 5:
            return float(step)
    return float(10 ** len(str(int(top))) // 10)


def _nice_max(top: float) -> float:
    top = max(top, 5)
    step = _nice_step(top * 1.15)
    whole = -(-top * 1.15 // step) * step
    return float(whole)


def _quotes(report: Report, s: dict[str, Any]) -> list[Any]:
    """The "In their words" page: only when there are quotes to print."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, PageBreak

    if not report.quotes:
        return []
    style = ParagraphStyle("quote", s["body"], fontSize=10.5, leading=15, leftIndent=14,
                           borderPadding=(2, 0, 2, 8), textColor=colors.HexColor(NAVY),
                           spaceBefore=4, spaceAfter=8)
    out: list[Any] = [PageBreak(), para(QUOTES_TITLE, s["h1"]),
                      para(QUOTES_INTRO, s["note"])]
    for words in report.quotes:
        out.append(KeepTogether([para(f"“{words}”", style)]))
    return out


def _notes(report: Report, s: dict[str, Any]) -> list[Any]:
    items: list[str] = []
    for mark in _marks(report, CellState.PRIMARY):
        items.append(f"“{mark}” — a small count, not shown so that no one can be identified.")
    for mark in _marks(report, CellState.SECONDARY):
        items.append(f"“{mark}” — hidden: a small count, or a figure hidden so that a small "
                     "count can’t be worked out. It may stand for any number.")
    for mark in _marks(report, CellState.NOT_APPLICABLE):
        items.append(f"“{mark}” — not applicable, not published yet, or withheld because "
                     "the count it depends on is hidden.")
    items.append(report.disclosure_rule)
    if report.exclusion_note:
        items.append(report.exclusion_note)
    items.extend(report.notes)
    out: list[Any] = [para("Notes and definitions", s["h1"])]
    for text in items:
        out.append(para(text, s["bullet"], bulletText="•"))
    if report.protection:
        # The last words of the report: what protects it, in plain words.
        out.append(para("How these figures are protected", s["h1"]))
        out.append(para(report.protection, s["body"]))
        which = (f"This is release {report.release_code} of the centre's register of "
                 "published reports." if report.release_code and not report.preview else
                 "This is a preview, not for publication: it is in no register, and its "
                 "figures may change when the period is published.")
        out.append(para(which, s["body"]))
    # Last, so it knows whether anything above (the centre's name, say) needed the marker.
    marker_note = fallback_note(s["bullet"], bulletText="•")
    if marker_note is not None:
        out.append(marker_note)
    return out
