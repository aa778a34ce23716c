"""The fonts PeerDesk prints with, and which of them draws each character.

Every PDF PeerDesk writes uses these (the report, the subject access export and
any printed list). DejaVu Sans is the main face (Latin, Cyrillic, Greek and
many symbols); the Noto faces draw Arabic, Hebrew and Devanagari, Noto Sans
Symbols 2 the pictographs DejaVu lacks, and Droid Sans Fallback Chinese,
Japanese and Korean. All are TrueType outlines (ReportLab embeds nothing else)
shipped in `fonts/` with their licences, and ReportLab embeds only the glyphs a
document uses, so a page of Chinese costs kilobytes, not the whole face.

A face is read the first time a character needs it: a report in English never
loads the 3 MB CJK face.

ReportLab is imported inside the functions: it is slow to import and must stay
off the application's start path.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

FONT_REGULAR = "PeerDeskSans"
FONT_BOLD = "PeerDeskSans-Bold"


@dataclass(frozen=True, slots=True)
class Family:
    name: str                 # the regular face's name in ReportLab; bold adds "-Bold"
    regular: str              # file in fonts/
    bold: str | None          # None: bold is drawn by outlining the regular glyphs
    ranges: tuple[tuple[int, int], ...] = ()  # the script it is first choice for

    @property
    def bold_name(self) -> str:
        return self.name + "-Bold"


_ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF),
           (0xFE70, 0xFEFF))
_HEBREW = ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))
_DEVANAGARI = ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))
_CJK = ((0x1100, 0x11FF), (0x2E80, 0x2FFF), (0x3000, 0x303F), (0x3040, 0x31FF),
        (0x3200, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF),
        (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))

MAIN = Family(FONT_REGULAR, "DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FAMILIES: tuple[Family, ...] = (
    MAIN,
    Family("PeerDeskArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", _ARABIC),
    Family("PeerDeskHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", _HEBREW),
    Family("PeerDeskDevanagari", "NotoSansDevanagari-Regular.ttf",
           "NotoSansDevanagari-Bold.ttf", _DEVANAGARI),
    Family("PeerDeskCJK", "DroidSansFallback.ttf", None, _CJK),
    Family("PeerDeskSymbols", "NotoSansSymbols2-Regular.ttf", None),
)
# Tried in this order for a character outside every family's own script.
_FALLBACK_ORDER = ("PeerDeskSans", "PeerDeskSymbols", "PeerDeskCJK", "PeerDeskArabic",
                   "PeerDeskHebrew", "PeerDeskDevanagari")
_BY_NAME = {f.name: f for f in FAMILIES}


def font_dir() -> Path:
    """The directory holding the shipped TrueType fonts and their licences."""
    return Path(str(resources.files("peerdesk.reports") / "fonts"))


def family_of_script(cp: int) -> Family | None:
    """The family made for the script of code point `cp`, if it has one."""
    for family in FAMILIES[1:]:
        for low, high in family.ranges:
            if low <= cp <= high:
                return family
    return None


def _print_font_class() -> type[Any]:
    """A ReportLab TrueType font whose text layer reads back as the text that was shaped.

    Shaping can produce glyphs no character maps to (a Devanagari conjunct, say);
    ReportLab draws them through private-use code points, which copy and text
    extraction would return. This font records the text each such glyph stands
    for and writes it into the PDF's ToUnicode map; it also writes characters
    beyond U+FFFF (emoji, rare ideographs) as the UTF-16 pairs PDF requires.
    """
    from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

    class PrintFont(TTFont):  # type: ignore[misc]
        def __init__(self, name: str, data: Any) -> None:
            super().__init__(name, data)
            # Private codes standing for shaped glyphs, and the text each reads back as.
            self.actual_text: dict[int, str] = {}
            self.private_codes: dict[tuple[int, str], int] = {}
            self.next_private = 0xE000

        def addObjects(self, doc: Any) -> None:
            state = self.state.get(doc)
            subsets = [list(s) for s in state.subsets] if state is not None else []
            super().addObjects(doc)
            for n, subset in enumerate(subsets):
                base = b"".join((SUBSETN(n), b"+", self.face.name,
                                 self.face.subfontNameX)).decode("pdfdoc")
                stream = doc.idToObject.get("toUnicodeCMap:" + base)
                if stream is not None:
                    stream.content = to_unicode_cmap(base, subset, self.actual_text)

    return PrintFont


def to_unicode_cmap(base: str, subset: list[int], actual: dict[int, str]) -> str:
    """The ToUnicode CMap of one 256-glyph subset; glyphs standing for nothing are left out."""
    entries = []
    for code, cp in enumerate(subset):
        text = actual.get(cp, chr(cp)) if cp else ""
        if text:
            entries.append(f"<{code:02X}> <{text.encode('utf-16-be').hex().upper()}>")
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({base})", f"/Ordering ({base})", "/Supplement 0",
        ">> def", f"/CMapName /{base} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{max(len(subset) - 1, 0):02X}>", "endcodespacerange",
    ]
    for start in range(0, len(entries), 100):  # at most 100 entries a block (PDF rule)
        chunk = entries[start:start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def _register(name: str, filename: str) -> Any:
    from reportlab.pdfbase import pdfmetrics

    if name in pdfmetrics.getRegisteredFontNames():
        return pdfmetrics.getFont(name)
    # Read the bytes ourselves so ReportLab never holds the install path.
    data = io.BytesIO((font_dir() / filename).read_bytes())
    data.name = filename
    font = _print_font_class()(name, data)
    pdfmetrics.registerFont(font)
    return font


@cache
def load(family_name: str) -> None:
    """Register a family's faces with ReportLab (once a process)."""
    family = _BY_NAME[family_name]
    _register(family.name, family.regular)
    _register(family.bold_name, family.bold or family.regular)
    if family is MAIN:
        from reportlab.lib.fonts import addMapping

        for bold, italic, face in ((0, 0, FONT_REGULAR), (1, 0, FONT_BOLD),
                                   (0, 1, FONT_REGULAR), (1, 1, FONT_BOLD)):
            addMapping(FONT_REGULAR, bold, italic, face)


def register_main() -> None:
    """The main face, under the names every PDF writer's styles use."""
    load(MAIN.name)


@cache
def _coverage(family_name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    load(family_name)
    return frozenset(pdfmetrics.getFont(family_name).face.charToGlyph)


def covers(family_name: str, cp: int) -> bool:
    return cp in _coverage(family_name)


def family_for(cp: int) -> str | None:
    """The family that draws code point `cp`: its script's own, else the first that has it."""
    own = family_of_script(cp)
    if own is not None and covers(own.name, cp):
        return own.name
    for name in _FALLBACK_ORDER:
        if covers(name, cp):
            return name
    return None


def face_name(family_name: str, bold: bool) -> str:
    return _BY_NAME[family_name].bold_name if bold else family_name


def synthetic_bold(family_name: str) -> bool:
    """True if the family has no bold face, so bold is drawn by outlining the glyphs."""
    return _BY_NAME[family_name].bold is None


def is_bold(font_name: str) -> bool:
    """Whether a style's font name asks for bold (any family's bold face)."""
    return font_name.endswith("-Bold")


__all__ = ["FAMILIES", "FONT_BOLD", "FONT_REGULAR", "MAIN", "face_name", "family_for",
           "font_dir", "load", "register_main", "synthetic_bold"]
