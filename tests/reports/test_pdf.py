"""The PDF writer: content, page numbering, metadata, fonts, no paths, reproducible bytes."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from peerdesk.reports.model import CellState, Report
from peerdesk.reports.pdf import GENERIC_TITLE, font_dir, month_label, write_pdf
from tests.reports.sample import LONG_LABEL, RTL_LABEL, letter_report, n, sample_report


def _render(report: Report, tmp_path: Path, name: str = "report.pdf") -> tuple[Path, int]:
    path = tmp_path / name
    pages = write_pdf(report, path)
    return path, pages


def _text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def rendered(tmp_path: Path) -> tuple[Path, int]:
    return _render(sample_report(), tmp_path)


def test_headings_labels_and_values_are_printed(rendered: tuple[Path, int]) -> None:
    path, _ = rendered
    text = _flat(" ".join(_text(path)))
    report = sample_report()
    expected = [report.centre_name, report.title, report.period_label, "At a glance",
                "Notes and definitions", report.exclusion_note, *report.notes]
    for section in report.sections:
        expected.append(section.title)
        for table in section.tables:
            expected += [table.title, table.row_header, *table.columns]
            expected += [label for label, _ in table.rows if label not in (LONG_LABEL, RTL_LABEL)]
        expected += [trend.title for trend in section.trends]
    expected += [h.label for h in report.headlines]
    for item in expected:
        assert _flat(item) in text, item
    # The long label wraps but every word is there; the disclosure rule is on the page.
    for word in LONG_LABEL.replace("(", "").replace(")", "").split():
        assert word in text
    assert "Counts from 1 to 4 are not shown" in text
    assert "Total" in text


def test_hidden_cells_print_exactly_as_shown(rendered: tuple[Path, int]) -> None:
    path, _ = rendered
    text = " ".join(_text(path))
    assert "<5" in text
    assert "*" in text
    assert "–" in text


def test_trend_months_are_labelled_by_name(rendered: tuple[Path, int]) -> None:
    path, _ = rendered
    text = " ".join(_text(path))
    for name in ("Nov", "Dec", "Jan", "Feb", "Oct"):
        assert name in text
    assert month_label("2025-12") == "Dec"
    assert month_label("2026-01") == "Jan"


def test_right_to_left_label_reads_back_in_reading_order(rendered: tuple[Path, int]) -> None:
    # Shaped and put in visual order when drawn; the text layer gives the label back.
    path, _ = rendered
    text = unicodedata.normalize("NFKC", _flat(" ".join(_text(path))))
    assert RTL_LABEL in text


def test_page_count_matches_footer(rendered: tuple[Path, int]) -> None:
    path, pages = rendered
    texts = _text(path)
    assert pages == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {pages}" in text
        assert "October 2026" in text
        assert "hidden figures shown as *" in _flat(text)
        assert "Preview — not for publication" in text  # a Report is a preview unless released


def test_write_to_binary_stream_matches_file(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    pages = write_pdf(sample_report(), buffer)
    path, file_pages = _render(sample_report(), tmp_path)
    assert pages == file_pages
    assert buffer.getvalue() == path.read_bytes()


def test_same_report_gives_identical_bytes(tmp_path: Path) -> None:
    first, _ = _render(sample_report(), tmp_path, "a.pdf")
    second, _ = _render(sample_report(), tmp_path, "b.pdf")
    assert first.read_bytes() == second.read_bytes()


def test_metadata_is_only_the_generic_title(rendered: tuple[Path, int]) -> None:
    path, _ = rendered
    reader = PdfReader(path)
    info = {k: str(v) for k, v in (reader.trailer["/Info"].get_object()).items()}
    assert info.pop("/Title") == GENERIC_TITLE
    # Dates are the fixed ones of a reproducible document, not when it was made.
    assert info.pop("/CreationDate").startswith("D:20000101000000")
    assert info.pop("/ModDate").startswith("D:20000101000000")
    info.pop("/Trapped", None)
    # Author, Creator, Producer, Subject and Keywords are present but empty.
    assert info == {"/Author": "", "/Creator": "", "/Producer": "", "/Subject": "",
                    "/Keywords": ""}
    assert "/Metadata" not in reader.trailer["/Root"]


def test_no_file_paths_in_the_bytes(tmp_path: Path) -> None:
    path, _ = _render(sample_report(), tmp_path)
    raw = path.read_bytes()
    for needle in ("/tmp", "/home", "/root", "/usr", "/work", "site-packages", ".ttf",
                   str(tmp_path), str(font_dir()), str(Path.cwd()), str(Path.home())):
        assert needle.encode() not in raw, needle


def _resolve(obj: object) -> object:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def test_every_font_is_embedded(rendered: tuple[Path, int]) -> None:
    path, _ = rendered
    reader = PdfReader(path)
    seen = 0
    for page in reader.pages:
        resources = _resolve(page["/Resources"])
        fonts = _resolve(resources.get("/Font", {}))  # type: ignore[union-attr]
        for ref in fonts.values():  # type: ignore[union-attr]
            font = _resolve(ref)
            targets = [font]
            if font["/Subtype"] == "/Type0":  # type: ignore[index]
                targets = [_resolve(d) for d in font["/DescendantFonts"]]  # type: ignore[index]
            for target in targets:
                descriptor = _resolve(target.get("/FontDescriptor"))  # type: ignore[union-attr]
                assert descriptor is not None, target
                assert "/FontFile2" in descriptor, target  # type: ignore[operator]
                seen += 1
    assert seen >= 2
    raw = path.read_bytes()
    for standard in (b"/Helvetica", b"/Times", b"/Courier", b"/Symbol", b"/ZapfDingbats"):
        assert standard not in raw


def test_letter_report_has_letter_pages(tmp_path: Path) -> None:
    path, pages = _render(letter_report(), tmp_path)
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            612, 792)
    a4, _ = _render(sample_report(), tmp_path, "a4.pdf")
    for page in PdfReader(a4).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            595, 842)


def test_unknown_page_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="page size"):
        write_pdf(replace(sample_report(), page_size="A3"), tmp_path / "x.pdf")


def test_report_without_headlines_or_sections_still_renders(tmp_path: Path) -> None:
    empty = replace(sample_report(), headlines=(), sections=(), notes=(), exclusion_note="")
    path, pages = _render(empty, tmp_path)
    assert pages == 1
    text = " ".join(_text(path))
    assert "Monthly report" in text and "page 1 of 1" in text
    # With no small counts the footer falls back to the generic wording.
    assert "Anonymised figures" in text


def test_markup_in_labels_is_printed_literally(tmp_path: Path) -> None:
    report = sample_report()
    section = report.sections[0]
    table = replace(section.tables[0], rows=(("<b>Drop & go</b>", section.tables[0].rows[0][1]),
                                             *section.tables[0].rows[1:]))
    odd = replace(report, sections=(replace(section, tables=(table,)),))
    path, _ = _render(odd, tmp_path)
    assert "<b>Drop & go</b>" in " ".join(_text(path))


def test_trend_with_every_month_hidden_renders(tmp_path: Path) -> None:
    report = sample_report()
    section = report.sections[0]
    trend = section.trends[0]
    hidden = tuple(c if c.state is not CellState.SHOWN else trend.values[2]
                   for c in trend.values)
    odd = replace(report, sections=(replace(section, trends=(replace(trend, values=hidden),)),))
    path, _ = _render(odd, tmp_path)
    assert "<5" in " ".join(_text(path))


def test_importing_the_writers_does_not_import_reportlab() -> None:
    import subprocess
    import sys

    code = ("import sys, peerdesk.reports.pdf, peerdesk.reports.csv_writer; "
            "print(any(m.startswith('reportlab') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_long_table_runs_over_pages_with_its_heading_row_repeated(tmp_path: Path) -> None:
    report = sample_report()
    section = report.sections[1]
    table = section.tables[0]
    rows = tuple((f"Category {i:03d}", (table.rows[i % len(table.rows)][1][0],))
                 for i in range(90))
    long = replace(report, sections=(replace(section, tables=(replace(table, rows=rows),)),))
    path, pages = _render(long, tmp_path)
    texts = _text(path)
    assert pages == len(texts) >= 3
    holding = [t for t in texts if "Category" in t]
    assert len(holding) >= 2
    for text in holding:
        assert "Age band" in text  # the heading row repeats on each page
    flat = " ".join(texts)
    for i in range(90):
        assert f"Category {i:03d}" in flat


def test_a_section_heading_never_ends_a_page_alone(tmp_path: Path) -> None:
    # Lengthen the first section row by row so that the next section's heading
    # lands at every height on the page; it must always share its page with
    # its first table.
    report = sample_report()
    support = report.sections[0]
    referrals = support.tables[1]
    for extra in range(0, 36, 2):
        rows = referrals.rows + tuple((f"Extra destination {i}", (n(10),))
                                      for i in range(extra))
        longer = replace(support, tables=(support.tables[0], replace(referrals, rows=rows)))
        path, _ = _render(replace(report, sections=(longer, *report.sections[1:])),
                          tmp_path, f"r{extra}.pdf")
        for text in _text(path):
            if "Who we supported" in text:
                assert "Peers supported by age band" in text, f"{extra} extra rows"


def test_heading_style_is_bold_navy_and_kept_with_what_follows() -> None:
    from reportlab.lib.styles import ParagraphStyle

    from peerdesk.reports.fonts import FONT_BOLD
    from peerdesk.reports.pdf import NAVY, heading_style

    base = ParagraphStyle("base", fontSize=9.5, leading=13)
    style = heading_style("h9", base, size=12, leading=15, before=6, after=3)
    assert (style.name, style.fontName, style.fontSize, style.leading) == ("h9", FONT_BOLD, 12, 15)
    assert (style.spaceBefore, style.spaceAfter, style.keepWithNext) == (6, 3, 1)
    assert style.textColor.hexval().lower() == "0x" + NAVY[1:].lower()


def test_grid_style_sets_our_font_top_alignment_and_paddings() -> None:
    from peerdesk.reports.fonts import FONT_REGULAR
    from peerdesk.reports.pdf import grid_style

    everywhere = ((0, 0), (-1, -1))
    assert grid_style(left=4, right=10, top=5, bottom=6) == [
        ("FONTNAME", *everywhere, FONT_REGULAR), ("VALIGN", *everywhere, "TOP"),
        ("LEFTPADDING", *everywhere, 4), ("RIGHTPADDING", *everywhere, 10),
        ("TOPPADDING", *everywhere, 5), ("BOTTOMPADDING", *everywhere, 6)]
    assert "RIGHTPADDING" not in [c[0] for c in grid_style(left=2, top=2, bottom=3)]
