"""All or nothing, whatever the file: imported whole, or refused by line with nothing added."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from peerdesk.services import importer
from peerdesk.services.import_reader import ImportRefused
from peerdesk.storage import import_scratch
from tests.fixtures.vaults import close, sign_in
from tests.services.import_helpers import HEADERS, counts

MODES = ["in person", "Phone", "text", "EMAIL", "video call", "other", "F2F"]
KINDS = ["intake", "Peer support", "listening service", "follow-up"]
# Letters from any script, marks, symbols, spaces: what people's names and notes hold.
# Control and format characters are left out of the good rows: they are refused.
_TEXT = st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp"))
NAMES = st.text(_TEXT, min_size=1, max_size=30).filter(lambda s: 0 < len(s.strip()) <= 60)
NOTES = st.text(st.one_of(_TEXT, st.sampled_from("\n\t,;\"'=+-@")), max_size=200)
DAYS = st.dates(date(2000, 1, 1), date(2025, 12, 31))
# cp1252 can't decode these five bytes, NUL makes it binary, and line breaks or quotes
# would join a junk line to its neighbours: the rest of the byte range is fair game.
_JUNK_BYTES = st.binary(min_size=1, max_size=60).map(
    lambda b: bytes(c for c in b if c not in b"\x00\x81\x8d\x8f\x90\x9d\r\n\""))


@dataclass
class Sheet:
    data: bytes
    peers: int
    sessions: int
    junk_lines: set[int]


def _line(cells: list[str]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue().encode("utf-8")


def _session(day: date, mode: str, kind: str, minutes: int, note: str) -> dict[str, str]:
    return {"session_date": day.isoformat(), "mode": mode, "kind": kind,
            "minutes": str(minutes), "notes": note}


@st.composite
def sheets(draw: st.DrawFn, max_rows: int = 12, with_junk: bool = True) -> Sheet:
    peer_count = draw(st.integers(1, 4))
    names = [draw(NAMES) for _ in range(peer_count)]
    lines = [_line(HEADERS)]
    junk: set[int] = set()
    sessions = 0
    introduced: set[int] = set()
    for _ in range(draw(st.integers(1, max_rows))):
        who = draw(st.integers(0, peer_count - 1))
        cells = {"peer_key": f"K{who}"}
        if who not in introduced:
            cells.update(preferred_name=names[who],
                         first_contact=draw(st.dates(date(1990, 1, 1), date(2025, 1, 1)))
                         .strftime(draw(st.sampled_from(["%Y-%m-%d", "%d/%m/%Y"]))))
        has_session = draw(st.booleans()) or who in introduced
        if has_session:
            cells.update(_session(draw(DAYS), draw(st.sampled_from(MODES)),
                                  draw(st.sampled_from(KINDS)), draw(st.integers(1, 720)),
                                  draw(NOTES)))
        kind = draw(st.sampled_from(["good"] * 4 + ["date", "unicode", "huge", "columns",
                                                    "bytes"])) if with_junk else "good"
        line_no = len(lines) + 1
        if kind == "good":
            introduced.add(who)
            sessions += has_session
            lines.append(_line([cells.get(h, "") for h in HEADERS]))
            continue
        junk.add(line_no)
        if kind == "bytes":
            lines.append(b"\x01" + draw(_JUNK_BYTES) + b"\r\n")
            continue
        bad = {"peer_key": f"J{line_no}", "preferred_name": "Junk", "first_contact": "2020-01-01",
               **_session(date(2020, 1, 2), "phone", "intake", 10, "")}
        if kind == "date":
            bad["session_date"] = draw(st.sampled_from(["2023-02-30", "31/04/2021", "2021-13-01",
                                                        "soon", "2999-01-01", "1989-12-31"]))
        elif kind == "unicode":
            odd = draw(st.sampled_from("\x07\x1b\u202e\u200b\ufeff"))
            bad["preferred_name"] = f"Ju{odd}nk"
        elif kind == "huge":
            bad["notes"] = "x" * draw(st.integers(40_001, 60_000))
        cells_out = [bad.get(h, "") for h in HEADERS]
        if kind == "columns":
            cells_out = ["", *cells_out]  # everything one column to the right
        lines.append(_line(cells_out))
    return Sheet(b"".join(lines), len(introduced), sessions, junk)


def _check(session, path, sheet: Sheet) -> None:
    path.write_bytes(sheet.data)
    event("refused" if sheet.junk_lines else "imported")
    before = counts(session)
    try:
        checked = importer.preview(session, path)
    except ImportRefused:
        checked = None
    if checked is not None and checked.ok:
        assert not sheet.junk_lines
        result = importer.apply_import(session, checked)
        after = counts(session)
        assert (result.peers, result.sessions) == (sheet.peers, sheet.sessions)
        assert after[0] - before[0] == sheet.peers
        assert after[1] - before[1] == sheet.sessions
        return
    assert sheet.junk_lines, checked and [str(p) for p in checked.problems]
    if checked is None:
        # Junk bytes that no text encoding reads: the whole file is refused.
        assert counts(session) == before
        return
    lines = {p.line for p in checked.problems}
    assert lines, "refused without saying where"
    if checked.format.encoding != "cp1252":
        # (Read as Windows-1252, good UTF-8 names can turn into refused characters too.)
        assert lines <= sheet.junk_lines, [str(p) for p in checked.problems]
    assert all(re.match(r"^line \d+: [^:]+: ", str(p)) for p in checked.problems)
    with pytest.raises(ImportRefused):
        importer.apply_import(session, checked)
    assert counts(session) == before


@pytest.fixture
def lead(vault):
    session = sign_in(vault, "Lee Lead")
    yield session
    close(session)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sheet=sheets())
def test_any_file_is_imported_whole_or_not_at_all(lead, tmp_path, sheet):
    _check(lead, tmp_path / "sheet.csv", sheet)


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sheet=sheets(with_junk=False))
def test_files_of_good_rows_always_import(lead, tmp_path, sheet):
    _check(lead, tmp_path / "sheet.csv", sheet)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sheet=sheets())
def test_the_same_when_people_spill_to_the_scratch_file(lead, tmp_path, monkeypatch, sheet):
    # Two people in memory at most: the rest go to disk and come back, as in a huge sheet.
    monkeypatch.setattr(import_scratch, "HOT_PLANS", 2)
    _check(lead, tmp_path / "sheet.csv", sheet)


@pytest.mark.slow
@settings(max_examples=500, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sheet=sheets(max_rows=60))
def test_any_file_is_imported_whole_or_not_at_all_many_more(lead, tmp_path, sheet):
    _check(lead, tmp_path / "sheet.csv", sheet)
