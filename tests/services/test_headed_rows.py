"""Both imports read a file as headings then rows through HeadedRows: the refusals
of a file with no usable headings, and a broken row kept for the caller to report."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from peerdesk.services.import_reader import HeadedRows, ImportRefused, detect, is_blank

BLANK_HEADINGS = ImportRefused("The first line of the file is empty; it should hold the "
                               "column headings (see the import template).")


def _read(path: Path) -> HeadedRows:
    return HeadedRows(path, detect(path), None, heading=str.strip,
                      blank_headings=BLANK_HEADINGS)


def _too_long() -> str:
    return "x" * (csv.field_size_limit() + 10)


def test_headings_then_every_row_blank_ones_included(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(" name ,born\nAna,1990\n,\nBo,1985\n", encoding="utf-8")
    table = _read(path)
    assert table.headers == ["name", "born"]
    data = list(table.data())
    assert data == [(2, ["Ana", "1990"]), (3, ["", ""]), (4, ["Bo", "1985"])]
    assert [is_blank(cells) for _line, cells in data] == [False, True, False]
    assert table.unreadable is None


@pytest.mark.parametrize(("text", "refusal"), [
    ("", "The file is empty: there is nothing to import."),
    (" , \nAna,1990\n", BLANK_HEADINGS.template),
])
def test_a_file_without_headings_is_refused(tmp_path: Path, text: str, refusal: str) -> None:
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        _read(path)
    assert refused.value.template == refusal


def test_a_first_line_that_breaks_the_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(f"name,{_too_long()}\nAna,1990\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        _read(path)
    assert refused.value.template == "The first line of the file can't be read as CSV."


def test_a_broken_row_ends_the_rows_and_is_kept_for_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(f"name,born\nAna,1990\nBo,{_too_long()}\nCy,1970\n", encoding="utf-8")
    table = _read(path)
    assert list(table.data()) == [(2, ["Ana", "1990"])]
    assert table.unreadable is not None and table.unreadable.line == 3
