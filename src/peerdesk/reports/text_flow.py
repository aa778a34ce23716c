"""Paragraphs and single lines of text in any script, for every PDF writer.

`Typesetter.para(text, style)` is what a writer uses instead of ReportLab's
`Paragraph(escape(text), style)`: plain text in, a flowable out, each line of
`text` kept as a line. Text that only needs the main face and reads left to
right (most of it) still becomes a ReportLab Paragraph, so its layout and speed
are unchanged. Anything else — a name in Arabic, Chinese or Devanagari, a
Hebrew word in an English sentence — becomes a `ScriptParagraph`, laid out by
`text_shaping`.

A right-to-left paragraph that wraps onto several lines is set flush right (it
reads from the right margin); a one-line name keeps the style's alignment, so
it stays beside its label.

The typesetter remembers whether it replaced a symbol it can't print with the
marker, so the writer can print `FALLBACK_NOTE` once in the document.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from peerdesk.reports import fonts
from peerdesk.reports.text_shaping import FALLBACK_NOTE, MARKER, Prepared, ShapedLine, printable

__all__ = ["FALLBACK_NOTE", "MARKER", "Typesetter", "draw_line", "fallback_note", "is_simple",
           "para", "text_width", "typesetting"]


def is_simple(text: str) -> bool:
    """True if ReportLab can set `text` alone: main face only, left to right, nothing to shape."""
    if text.isascii() and text.replace("\n", "").isprintable():
        return True  # DejaVu Sans has all of printable ASCII
    return all(_simple_char(ch) for ch in text)


@cache
def _simple_char(ch: str) -> bool:
    cp = ord(ch)
    if ch == "\n":
        return True
    if not (cp < 0x0590 or 0x1E00 <= cp <= 0x1FFF or 0x2010 <= cp <= 0x2027
            or 0x2030 <= cp <= 0x205E or 0x20A0 <= cp <= 0x2BFF):
        return False
    return unicodedata.category(ch) not in ("Mn", "Cc", "Cf") and fonts.covers(fonts.MAIN.name,
                                                                              cp)


class Typesetter:
    """Makes the flowables of one document and remembers if a symbol became a marker."""

    def __init__(self) -> None:
        fonts.register_main()
        self.replaced = False

    def prepare(self, text: str) -> str:
        shown, replaced = printable(text)
        self.replaced = self.replaced or replaced
        return shown

    def para(self, text: str, style: Any, **kwargs: Any) -> Any:
        """A flowable for plain `text` (not markup) in `style`."""
        from reportlab.platypus import Paragraph

        shown = self.prepare(text)
        if is_simple(shown):
            return Paragraph("<br/>".join(escape(line) for line in shown.split("\n")), style,
                             **kwargs)
        return _script_paragraph()(shown, style, bullet=kwargs.get("bulletText"))


_current: ContextVar[Typesetter | None] = ContextVar("peerdesk_typesetter", default=None)


@contextmanager
def typesetting() -> Iterator[Typesetter]:
    """The typesetter of the document being built; `para` uses it until the block ends."""
    typesetter = Typesetter()
    token = _current.set(typesetter)
    try:
        yield typesetter
    finally:
        _current.reset(token)


def para(text: str, style: Any, **kwargs: Any) -> Any:
    """A flowable for plain `text` in `style`, made by the current document's typesetter."""
    return (_current.get() or Typesetter()).para(text, style, **kwargs)


def fallback_note(style: Any, **kwargs: Any) -> Any | None:
    """The line explaining the marker, if the current document has printed one so far."""
    typesetter = _current.get()
    if typesetter is None or not typesetter.replaced:
        return None
    return typesetter.para(FALLBACK_NOTE, style, **kwargs)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide one line of `text` is in points."""
    shown, _ = printable(text)
    if is_simple(shown):
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(stringWidth(shown, fonts.FONT_BOLD if bold else fonts.FONT_REGULAR, size))
    prepared = Prepared(shown)
    return prepared.width(0, len(shown), size, bold)


def draw_line(canvas: Any, x: float, y: float, text: str, size: float, *,
              bold: bool = False, anchor: str = "start") -> float:
    """Draw one line of `text` with its left end at x ("start") or its right end at x
    ("end"), in the canvas's fill colour; returns its width."""
    shown, _ = printable(text.replace("\n", " "))
    if is_simple(shown):
        # As ReportLab sets it alone: no per-glyph positions, a smaller page.
        font = fonts.FONT_BOLD if bold else fonts.FONT_REGULAR
        canvas.setFont(font, size)
        width = text_width(shown, size, bold)
        canvas.drawString(x - width if anchor == "end" else x, y, shown)
        return width
    line = Prepared(shown).line(0, len(shown), size, bold)
    left = x - line.width if anchor == "end" else x
    _draw_runs(canvas, left, y, line, size)
    return line.width


def _draw_runs(canvas: Any, x: float, y: float, line: ShapedLine, size: float,
               colour: Any = None) -> None:
    for run in line.runs:
        canvas.setFont(run.font, size)
        if run.outline:
            # No bold face for this script: thicken the glyphs with an outline.
            canvas.saveState()
            if colour is not None:
                canvas.setStrokeColor(colour)
            canvas.setLineWidth(size * 0.04)
            canvas.drawString(x, y, run.glyphs, mode=2)
            canvas.restoreState()
        else:
            canvas.drawString(x, y, run.glyphs)
        x += run.width


@cache
def _script_paragraph() -> type[Any]:
    """The flowable class, made on first use: importing ReportLab is slow (see pdf.py)."""
    from reportlab.platypus.flowables import Flowable

    class ScriptParagraph(Flowable):  # type: ignore[misc]
        """A paragraph of plain text in any mix of scripts, broken into lines in reading
        order and drawn line by line in visual order. Splits across pages between lines."""

        def __init__(self, text: str, style: Any, *, bullet: str | None = None,
                     lines: list[ShapedLine] | None = None, width: float | None = None) -> None:
            super().__init__()
            self.text = text
            self.style = style
            self.bullet = bullet
            self._lines = lines
            self._laid_for = width
            self._split_part = lines is not None
            self._bold = fonts.is_bold(style.fontName)

        def _layout(self, width: float) -> list[ShapedLine]:
            size = self.style.fontSize
            lines: list[ShapedLine] = []
            for hard in self.text.split("\n"):
                prepared = Prepared(hard)
                for start, end in prepared.break_lines(width, size, self._bold):
                    lines.append(prepared.line(start, end, size, self._bold))
            return lines

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self._avail = available_width
            inner = available_width - self.style.leftIndent - self.style.rightIndent
            # A part split off across a page keeps its lines: it holds only some of the text.
            if self._lines is None or (self._laid_for != inner and not self._split_part):
                self._lines = self._layout(inner)
                self._laid_for = inner
            self.width = available_width
            self.height = len(self._lines) * self.style.leading
            return self.width, self.height

        def split(self, available_width: float, available_height: float) -> list[Any]:
            self.wrap(available_width, available_height)
            assert self._lines is not None
            fit = int((available_height + 1e-6) // self.style.leading)
            if fit <= 0:
                return []
            if fit >= len(self._lines):
                return [self]
            inner = self._laid_for
            first = ScriptParagraph(self.text, self.style, bullet=self.bullet,
                                    lines=self._lines[:fit], width=inner)
            rest = ScriptParagraph(self.text, self.style, lines=self._lines[fit:], width=inner)
            first.spaceAfter = 0
            rest.spaceBefore = 0
            return [first, rest]

        def draw(self) -> None:
            from reportlab import rl_config
            from reportlab.lib.enums import TA_CENTER, TA_RIGHT
            from reportlab.pdfbase.pdfmetrics import getAscentDescent

            style = self.style
            assert self._lines is not None and self._laid_for is not None
            canvas = self.canv
            size = style.fontSize
            # The first baseline where ReportLab's Paragraph puts it, so the two line up.
            if rl_config.paraFontSizeHeightOffset:
                y = self.height - size
            else:
                y = self.height - getAscentDescent(fonts.FONT_REGULAR, size)[0]
            inner = self._laid_for
            flush_right = len(self._lines) > 1 and any(line.right_to_left for line in self._lines)
            canvas.saveState()
            canvas.setFillColor(style.textColor)
            if self.bullet:
                canvas.setFont(style.bulletFontName, style.bulletFontSize or size)
                canvas.drawString(style.bulletIndent, y, self.bullet)
            for line in self._lines:
                x = style.leftIndent
                if style.alignment == TA_CENTER:
                    x += (inner - line.width) / 2
                elif style.alignment == TA_RIGHT or (flush_right and line.right_to_left):
                    x += inner - line.width
                _draw_runs(canvas, x, y, line, size, style.textColor)
                y -= style.leading
            canvas.restoreState()

    return ScriptParagraph

