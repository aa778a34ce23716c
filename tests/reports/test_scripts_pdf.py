"""Names in every script PeerDesk prints: shaped, in reading order, fonts embedded and subset.

The PDFs' text is read back with pypdf. Arabic comes back as the presentation
forms the font draws (ﻣﺤﻤﺪ for محمد): NFKC folds those to the letters typed,
so the tests compare NFKC-normalised text. pypdf puts right-to-left runs back
in reading order itself, so a name that reads back as typed was drawn in the
right order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from peerdesk.reports.pdf import render_pdf as render_report
from peerdesk.reports.subject_access_pdf import Entry, Part, SubjectAccessRecord, render_pdf
from peerdesk.reports.text_shaping import FALLBACK_NOTE, MARKER, Prepared, printable
from tests.reports.sample import sample_report

NAMES = {
    "Latin": "Zoë Åström-Núñez",
    "Cyrillic": "Анна Петрова",
    "Greek": "Ελένη Παπαδοπούλου",
    "Arabic": "محمد علي",
    "Hebrew": "שרה כהן",
    "Devanagari": "प्रिया शर्मा",
    "Chinese": "王小明",
    "Japanese": "山田はなこ",
    "Korean": "김민수",
}
ARABIC_NOTE = ("قالت إنها تريد المساعدة في السكن وتحتاج إلى موعد قبل نهاية الشهر، "
               "ثم تحدثنا عن العمل والدراسة والأسرة. ") * 4


def _record(names: dict[str, str], *, subject: str = "محمد علي (P-0042)",
            notes: tuple[tuple[str, str], ...] = ()) -> SubjectAccessRecord:
    return SubjectAccessRecord(
        centre_name="Hope Centre", subject=subject, reference="P-0042",
        produced_on="2026-11-02", intro="This is everything we hold about you.",
        parts=(Part("Your details", fields=tuple(names.items())),
               Part("Sessions", entries=(Entry("2026-10-01 · First contact · محمد علي", notes),))))


def _text(data: bytes) -> str:
    pages = PdfReader(_io(data)).pages
    raw = " ".join(page.extract_text() or "" for page in pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))


def _io(data: bytes) -> object:
    import io

    return io.BytesIO(data)


def _fonts(data: bytes) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for page in PdfReader(_io(data)).pages:  # type: ignore[arg-type]
        for ref in page["/Resources"]["/Font"].values():  # type: ignore[index]
            font = ref.get_object() if isinstance(ref, IndirectObject) else ref
            out[str(font["/BaseFont"])] = font
    return out


@pytest.fixture(scope="module")
def every_script() -> bytes:
    data, _ = render_pdf(_record(NAMES, notes=(("Notes", ARABIC_NOTE),)))
    return data


def test_a_name_in_each_script_reads_back_as_typed(every_script: bytes) -> None:
    text = _text(every_script)
    for script, name in NAMES.items():
        assert name in text, script


def test_an_arabic_name_reads_the_same_wherever_it_is_printed(every_script: bytes) -> None:
    # Cover (with a reference after it), table cell, and inside an English heading:
    # on main the word order differed between them.
    text = _text(every_script)
    assert text.count("محمد علي") == 3
    assert re.search(r"\(\s*P-0042\s*\)", text)  # pypdf spaces separately drawn runs


def test_right_to_left_runs_are_drawn_in_visual_order() -> None:
    line = Prepared("He said שלום עולם (hi) at 10:30").line(0, 31, 10, False)
    drawn = "".join(str(run.glyphs) for run in line.runs)
    assert drawn == "He said םלוע םולש (hi) at 10:30"
    # A right-to-left paragraph with a reference: brackets mirror, the number reads left to right.
    line = Prepared("שרה כהן (P-0042)").line(0, 16, 10, False)
    assert line.right_to_left
    assert "".join(str(run.glyphs) for run in line.runs) == "(P-0042) ןהכ הרש"


def test_a_long_right_to_left_note_wraps_in_reading_order() -> None:
    prepared = Prepared(ARABIC_NOTE.strip())
    lines = prepared.break_lines(300, 9.5, False)
    assert len(lines) > 2
    # The first printed line holds the start of the text, and every word is kept.
    assert lines[0][0] == 0 and ARABIC_NOTE.startswith(prepared.text[:lines[0][1]])
    kept = " ".join(prepared.text[s:e] for s, e in lines)
    assert kept.split() == ARABIC_NOTE.split()
    for start, end in lines:
        assert prepared.width(start, end, 9.5, False) <= 300


def test_the_long_arabic_note_reads_back_whole(every_script: bytes) -> None:
    text = _text(every_script)
    for word in ARABIC_NOTE.split():
        assert unicodedata.normalize("NFKC", word).strip("،.") in text


def test_fonts_are_embedded_and_subset(every_script: bytes) -> None:
    fonts = _fonts(every_script)
    families = {re.sub(r"^/[A-Z]{6}\+", "", name) for name in fonts}
    assert {"DejaVuSans", "NotoSansArabic-Regular", "NotoSansHebrew-Regular",
            "NotoSansDevanagari-Regular", "DroidSansFallback"} <= families
    for name, font in fonts.items():
        assert re.match(r"^/[A-Z]{6}\+", name), name          # a subset, by PDF's naming rule
        descriptor = font["/FontDescriptor"].get_object()    # type: ignore[attr-defined]
        assert "/FontFile2" in descriptor, name                # the TrueType glyphs are in the file
    # The CJK face is 3.4 MB; the whole PDF stays far below that.
    assert len(every_script) < 160_000


def test_emoji_show_or_become_an_explained_marker() -> None:
    names = {"Emoji": "Sam 😀 👍 🎉 🏳️‍🌈 👩🏽‍💻"}
    data, _ = render_pdf(_record(names))
    text = _text(data)
    assert "Sam 😀 👍" in text                # drawn by DejaVu Sans and Noto Sans Symbols 2
    assert text.count(MARKER) >= 3 + 1          # three unprintable emoji, and the note's own
    assert re.sub(r"\s+", " ", FALLBACK_NOTE) in text
    plain, _ = render_pdf(_record({"Latin": "Sam"}))
    assert MARKER not in _text(plain)           # no note when nothing was replaced


def test_line_breaks_in_a_note_are_kept() -> None:
    assert printable("سطر أول\nsecond 😀\n\nthird") == ("سطر أول\nsecond 😀\n\nthird", False)
    data, _ = render_pdf(_record({"Latin": "Sam"}, notes=(("Notes", "سطر أول\nsecond line"),)))
    text = _text(data)
    assert "سطر أول" in text and "second line" in text


def test_a_long_arabic_note_runs_across_pages_without_losing_a_word() -> None:
    notes = tuple(("Notes", ARABIC_NOTE) for _ in range(12))
    data, pages = render_pdf(_record({"Latin": "Sam"}, notes=notes))
    assert pages >= 2
    words = _text(data).split()
    for word in set(ARABIC_NOTE.split()):
        word = unicodedata.normalize("NFKC", word)
        assert words.count(word) == 12 * ARABIC_NOTE.split().count(word), word


def test_a_whole_emoji_sequence_is_one_marker() -> None:
    assert printable("a 👩🏽‍💻 b") == (f"a {MARKER} b", True)
    assert printable("🇬🇧🇫🇷") == (MARKER * 2, True)
    assert printable("tab\there") == ("tab here", False)
    assert printable("محمد 😀") == ("محمد 😀", False)


def test_report_prints_the_centre_name_in_arabic_and_notes_a_marker() -> None:
    data, _ = render_report(replace(sample_report(), centre_name="مركز الأمل للدعم"))
    assert "مركز الأمل للدعم" in _text(data)
    assert MARKER not in _text(data)
    data, _ = render_report(replace(sample_report(), centre_name="希望中心 🤝"))
    text = _text(data)
    assert "希望中心" in text
    assert re.sub(r"\s+", " ", FALLBACK_NOTE) in text


def test_report_bytes_stay_reproducible_with_shaped_text() -> None:
    report = replace(sample_report(), centre_name="मदद केंद्र · مركز الأمل")
    assert render_report(report)[0] == render_report(report)[0]


def test_every_pdf_writer_uses_the_shared_typesetting() -> None:
    # A new PDF writer must route text through text_flow, not draw it itself.
    root = Path(__file__).resolve().parents[2] / "src" / "peerdesk"
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "reportlab.platypus" in source and path.name not in ("text_flow.py",):
            assert "Paragraph(" not in source.replace("ParagraphStyle(", ""), path
