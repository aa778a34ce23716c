"""Text in any script, made ready for ReportLab to draw: fonts, shaping, order, lines.

ReportLab draws the glyphs it is given, left to right, in one font at a time.
Printing a name such as "محمد", "प्रिया" or "王小明" needs four things first,
and every PDF writer gets them here:

1. each character gets a font that has it (`fonts.family_for`); a character no
   shipped font has (most emoji) becomes `MARKER`, once per emoji sequence, and
   the document explains the marker in a note (`FALLBACK_NOTE`);
2. the text is split into lines in reading (logical) order;
3. each line is cut into runs of one font and one direction, put in visual
   order by the bidirectional algorithm (`bidi`), so right-to-left words inside
   English (and English inside Arabic) come out right;
4. each run is shaped by HarfBuzz (through ReportLab's own support for it):
   Arabic letters join, Devanagari clusters form, brackets mirror in
   right-to-left runs, and the glyphs come back in the order they are drawn.

`ShapedLine.runs` is what a writer draws; `text_flow` does that for paragraphs
and single lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from peerdesk.reports import bidi, fonts

MARKER = "◇"
FALLBACK_NOTE = (f"{MARKER} stands for a symbol, such as an emoji, that can’t be printed "
                 "in this PDF. What is recorded is unchanged.")

# Characters that continue the emoji sequence before them.
_EMOJI_TAIL = frozenset({0xFE0E, 0xFE0F, 0x20E3, *range(0x1F3FB, 0x1F400),
                         *range(0xE0020, 0xE0080)})
_ZWJ = 0x200D
_REGIONAL = range(0x1F1E6, 0x1F200)
# Line breaks are not allowed before these (closing punctuation, small kana) ...
_NO_BREAK_BEFORE = frozenset("、。，．・：；？！）」』】〉》〕〗〙〛ーゝゞ々"
                             "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ!%),.:;?]}¢°")
# ... nor after these (opening brackets).
_NO_BREAK_AFTER = frozenset("（「『【〈《〔〖〘〚([{")


def printable(text: str) -> tuple[str, bool]:
    """`text` with every character no font can draw replaced by MARKER; True if any was.

    An emoji sequence (skin tone, joined people, flags, keycaps) is one symbol: if
    any part of it can't be drawn, the whole sequence becomes one marker. Tabs
    print as a space; other control characters are markers too.
    """
    if all(map(_kept, text)):
        return text.replace("\t", " "), False  # most text: nothing to replace
    out: list[str] = []
    replaced = False
    i, n = 0, len(text)
    while i < n:
        end = _symbol_end(text, i)
        chunk = text[i:end]
        if chunk == "\t":
            out.append(" ")
        elif chunk == "\n" or all(_drawable(ch) for ch in chunk):
            out.append(chunk)
        else:
            out.append(MARKER)
            replaced = True
        i = end
    return "".join(out), replaced


@lru_cache(maxsize=8192)
def _kept(ch: str) -> bool:
    return ch in "\n\t" or _drawable(ch)


@lru_cache(maxsize=8192)
def _drawable(ch: str) -> bool:
    cp = ord(ch)
    category = unicodedata.category(ch)
    if category == "Cf" or 0xFE00 <= cp <= 0xFE0F or cp in _EMOJI_TAIL:
        return True  # invisible or a modifier: never drawn on its own
    return category != "Cc" and fonts.family_for(cp) is not None


def _symbol_end(text: str, i: int) -> int:
    """The end of the symbol starting at i: one character, or a whole emoji sequence."""
    n = len(text)
    cp = ord(text[i])
    i += 1
    if cp in _REGIONAL:
        return i + 1 if i < n and ord(text[i]) in _REGIONAL else i
    if unicodedata.category(chr(cp)) != "So":
        return i
    while i < n:
        nxt = ord(text[i])
        if nxt in _EMOJI_TAIL:
            i += 1
        elif nxt == _ZWJ and i + 1 < n:
            i += 2
        else:
            break
    return i


@dataclass(frozen=True, slots=True)
class Run:
    """One piece of a line in one face and one direction, shaped, in drawing order."""

    font: str          # ReportLab font name
    glyphs: Any        # ReportLab ShapedStr: the glyphs as its font's characters, with offsets
    width: float       # in points at `size`
    outline: bool      # draw with an outline too: a family with no bold face, in bold


@dataclass(frozen=True, slots=True)
class ShapedLine:
    runs: tuple[Run, ...]
    width: float
    right_to_left: bool   # the paragraph reads from the right


class Prepared:
    """One paragraph's characters with a family, a bidi level and break chances each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.base = bidi.base_level(text)
        self.levels = bidi.resolve_levels(text, self.base)
        self.families = _families(text)

    def line(self, start: int, end: int, size: float, bold: bool) -> ShapedLine:
        """Characters start..end as one printed line, in visual order."""
        text = self.text[start:end]
        levels = bidi.line_levels(text, self.levels[start:end], self.base)
        pieces = list(_runs(text, levels, self.families[start:end]))
        order = bidi.visual_runs([level for _, _, level, _ in pieces])
        runs = []
        for index in order:
            s, e, level, family = pieces[index]
            runs.append(_run(family, text[s:e], level % 2 == 1, size, bold))
        return ShapedLine(tuple(runs), sum(r.width for r in runs), self.base == 1)

    def width(self, start: int, end: int, size: float, bold: bool) -> float:
        text = self.text[start:end]
        return sum(_run(family, text[s:e], level % 2 == 1, size, bold).width
                   for s, e, level, family in _runs(text, self.levels[start:end],
                                                    self.families[start:end]))

    def break_lines(self, width: float, size: float, bold: bool) -> list[tuple[int, int]]:
        """(start, end) of each line when set `width` points wide. Nothing is dropped
        but the spaces a line breaks at; a word wider than a line is cut.

        Each word is measured once, with the spaces before it: nothing joins or
        kerns across a space, so the sum is the line's width.
        """
        lines: list[tuple[int, int]] = []
        start: int | None = None
        end = 0
        used = 0.0
        for piece_start, piece_end, _ in _pieces(self.text):
            if start is None:
                start = piece_start
                step = self.width(start, piece_end, size, bold)
            else:
                step = self.width(end, piece_end, size, bold)
                if used + step > width:
                    lines.append((start, end))
                    start, used = piece_start, 0.0
                    step = self.width(start, piece_end, size, bold)
            if used == 0.0 and step > width:
                for cut in self._cuts(start, piece_end, width, size, bold):
                    lines.append((start, cut))
                    start = cut
                step = self.width(start, piece_end, size, bold)
            used += step
            end = piece_end
        lines.append((start or 0, end))
        return lines

    def _cuts(self, start: int, end: int, width: float, size: float,
              bold: bool) -> Iterator[int]:
        line_start = start
        i = start
        while i < end:
            j = _next_cluster(self.text, i)
            if j < end and self.width(line_start, j, size, bold) > width and i > line_start:
                yield i
                line_start = i
            i = j


def _families(text: str) -> list[str]:
    """The family of each character: its script's or the first that has it; marks,
    spaces and punctuation stay in the font of the letters around them."""
    chosen: list[str | None] = []
    for ch in text:
        common, own = _char_family(ch)
        previous = chosen[-1] if chosen else None
        if common and previous is not None and fonts.covers(previous, ord(ch)):
            chosen.append(previous)
        else:
            chosen.append(own)  # None for joiners etc.: decided from what follows
    # Leading marks and invisible characters take the font that follows them.
    following = fonts.MAIN.name
    out = [fonts.MAIN.name] * len(chosen)
    for i in range(len(chosen) - 1, -1, -1):
        following = chosen[i] or following
        out[i] = following
    return out


@lru_cache(maxsize=8192)
def _char_family(ch: str) -> tuple[bool, str | None]:
    """(True if the character takes the font of its neighbours, the family it has of its own)."""
    cp = ord(ch)
    category = unicodedata.category(ch)
    common = fonts.family_of_script(cp) is None and category[0] not in "LN"
    if common and category == "Cf":
        return True, None
    return common, fonts.family_for(cp) or fonts.MAIN.name


def _runs(text: str, levels: list[int], families: list[str]) -> Iterator[tuple[int, int, int,
                                                                             str]]:
    """(start, end, level, family) of each stretch with one level and one family."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or levels[i] != levels[start] or families[i] != families[start]:
            yield start, i, levels[start], families[start]
            start = i


def _pieces(text: str) -> Iterator[tuple[int, int, int]]:
    """Break chances: (start, end without trailing spaces, end with them) of each piece.

    A line may break after spaces, and between Chinese or Japanese characters
    (which don't use spaces), except before closing punctuation or after opening.
    """
    if not _IDEOGRAPHS.search(text):
        # Breaks only after spaces: a word and the spaces after it.
        for match in _WORD.finditer(text):
            yield match.start(), match.start() + len(match.group(1)), match.end()
        return
    n = len(text)
    start = 0
    i = 0
    while i < n:
        j = _next_cluster(text, i)
        if text[i].isspace():
            k = j
            while k < n and text[k].isspace():
                k = _next_cluster(text, k)
            if k < n:
                yield start, i, k
                start = k
            i = k
            continue
        if (j < n and (_ideographic(text[i]) or _ideographic(text[j]))
                and not text[j].isspace() and text[j] not in _NO_BREAK_BEFORE
                and text[i] not in _NO_BREAK_AFTER):
            yield start, j, j
            start = j
        i = j
    end = n
    while end > start and text[end - 1].isspace():
        end -= 1
    yield start, end, n


_WORD = re.compile(r"(\s*\S*)\s*")  # leading spaces stay with the first word
_IDEOGRAPHS = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60\U00020000-\U0003ffff]")


def _ideographic(ch: str) -> bool:
    cp = ord(ch)
    return 0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFF60 \
        or 0x20000 <= cp <= 0x3FFFF


def _next_cluster(text: str, i: int) -> int:
    """The index after the character at i and the marks and joiners that belong to it."""
    i += 1
    while i < len(text):
        cat = unicodedata.category(text[i])
        joined = ord(text[i]) in (_ZWJ, 0x200C) or ord(text[i - 1]) == _ZWJ
        if cat in ("Mn", "Mc", "Me") or joined or 0xFE00 <= ord(text[i]) <= 0xFE0F:
            i += 1
        else:
            break
    return i


def _run(family: str, text: str, rtl: bool, size: float, bold: bool) -> Run:
    font = fonts.face_name(family, bold)
    glyphs, width1000 = shape(font, text, rtl)
    return Run(font, glyphs, width1000 * size / 1000,
               bold and fonts.synthetic_bold(family))


@lru_cache(maxsize=8192)
def shape(font_name: str, text: str, rtl: bool) -> tuple[Any, float]:
    """`text` shaped in one face and direction: (ShapedStr, width per 1000 points of size)."""
    import uharfbuzz
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

    ttf = pdfmetrics.getFont(font_name)
    hb_font = _hb_font(font_name)
    buf = uharfbuzz.Buffer()
    # Grapheme clusters: a syllable's glyphs share one cluster, so it reads back whole.
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_GRAPHEMES
    buf.add_str(text)
    buf.direction = "rtl" if rtl else "ltr"
    buf.guess_segment_properties()
    uharfbuzz.shape(hb_font, buf, {"kern": True, "liga": True})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    codes = _codes(ttf, text, infos, rtl)
    face = ttf.face
    data: list[Any] = []
    width = 0.0
    for info, pos, cp in zip(infos, positions, codes, strict=True):
        advance = ttf.pdfScale(pos.x_advance)
        width += advance
        data.append(ShapeData(info.cluster, advance, ttf.pdfScale(pos.y_advance),
                              ttf.pdfScale(pos.x_offset), ttf.pdfScale(pos.y_offset),
                              face.charWidths.get(cp, advance)))
    return ShapedStr("".join(map(chr, codes)), shapeData=data), width


def _codes(ttf: Any, text: str, infos: Any, rtl: bool) -> list[int]:
    """The character code that draws each glyph.

    A glyph is drawn through the character it stands for where the glyphs of a
    cluster spell its text in order. Where they don't (a Devanagari vowel sign
    drawn before its consonant, a conjunct with no character of its own), the
    cluster's glyphs get private codes whose ToUnicode entries share the
    cluster's text out in drawing order, so copying or searching the PDF finds
    the text as it was typed.
    """
    face = ttf.face
    starts = sorted({info.cluster for info in infos})
    ends = {s: (starts[k + 1] if k + 1 < len(starts) else len(text))
            for k, s in enumerate(starts)}
    members: dict[int, list[int]] = {}
    for index, info in enumerate(infos):
        members.setdefault(info.cluster, []).append(index)
    codes = [0] * len(infos)
    for cluster, indices in members.items():
        source = text[cluster:ends[cluster]]
        mapped = [(face.glyphToChar.get(infos[k].codepoint) or [None])[0] for k in indices]
        logical = list(reversed(indices)) if rtl else indices
        spelled = "".join(chr(c) for c in (reversed(mapped) if rtl else mapped) if c)
        if None not in mapped and (_same(spelled, source)
                                   or (rtl and _same(spelled, source.translate(_MIRROR)))):
            for k, c in zip(indices, mapped, strict=True):
                codes[k] = c
            continue
        for k, part in zip(logical, _share(source, len(logical)), strict=True):
            codes[k] = _private_code(ttf, infos[k].codepoint, part)
    return codes


def _share(source: str, glyphs: int) -> list[str]:
    """The cluster's text shared out over its glyphs so that, read in drawing order,
    they give the text back: the first takes all but one character per later glyph."""
    if glyphs <= len(source):
        head = len(source) - glyphs + 1
        return [source[:head], *source[head:]]
    return [*source, *([""] * (glyphs - len(source)))]


def _same(a: str, b: str) -> bool:
    return unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b)


_PRIVATE = (0xE000, 0xF8FF)
# A bracket in a right-to-left run is drawn with its mirror image, which copies as itself.
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def _private_code(ttf: Any, gid: int, text: str) -> int:
    """A private-use code that draws glyph `gid` and reads back as `text`."""
    known: dict[tuple[int, str], int] = ttf.private_codes
    if (gid, text) in known:
        return known[(gid, text)]
    face = ttf.face
    cp: int = ttf.next_private
    while cp in face.charToGlyph:
        cp += 1
    if cp > _PRIVATE[1]:
        # Out of codes (thousands of distinct clusters): reuse one that draws this
        # glyph. It still prints right; only copying the text gets other letters.
        ordinary = face.glyphToChar.get(gid)
        if ordinary:
            return int(ordinary[0])
        return next((c for (g, _), c in known.items() if g == gid), 0x20)
    ttf.next_private = cp + 1
    face.charToGlyph[cp] = gid
    face.charWidths[cp] = ttf.pdfScale(face.hmetrics[gid][0])
    ttf.actual_text[cp] = text
    known[(gid, text)] = cp
    return cp


@lru_cache(maxsize=32)
def _hb_font(font_name: str) -> Any:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(font_name).hbFont(10)


__all__ = ["FALLBACK_NOTE", "MARKER", "Prepared", "Run", "ShapedLine", "printable", "shape"]
