"""One way to match a spreadsheet's headings to the fields an import wants."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.contact_import import COLUMNS, guess_columns
from peerdesk.domain.import_columns import FIELDS, guess_mapping, match_headings

WANTED = [("session_date", "Session date", ("date", "held on")),
          ("notes", "Notes", ("comments", "summary"))]


def test_exact_names_win_over_synonyms_and_each_heading_is_used_once() -> None:
    # "Date" is a synonym of the date field but the notes field has no claim on it;
    # "Session date" is the label, so it wins even though "Date" comes first.
    assert match_headings(["Date", "Session date", "Comments"], WANTED) == {
        "session_date": 1, "notes": 2}
    assert match_headings(["held on", "SUMMARY ", "summary"], WANTED) == {
        "session_date": 0, "notes": 1}
    assert match_headings(["", "something else"], WANTED) == {}


def test_spacing_case_and_punctuation_are_ignored() -> None:
    assert match_headings(["  session-DATE ", "notes:"], WANTED) == {"session_date": 0, "notes": 1}


@given(st.lists(st.sampled_from(["Date", "Session date", "Notes", "comments", "x", ""]),
                max_size=8))
def test_every_heading_goes_to_one_field_at_most(headers: list[str]) -> None:
    found = match_headings(headers, WANTED)
    assert len(set(found.values())) == len(found)
    assert all(headers[i] for i in found.values())


def test_both_imports_find_their_own_template_headings() -> None:
    assert guess_mapping([f.label for f in FIELDS]) == {
        f.key: i for i, f in enumerate(FIELDS)}
    assert guess_columns([c.label for c in COLUMNS]) == {
        c.key: i for i, c in enumerate(COLUMNS)}


def test_a_problem_is_named_by_the_files_heading_else_our_label() -> None:
    from peerdesk.domain.import_rows import heading_or_label

    headers = ["Date ", "  ", "Notes"]
    assert heading_or_label(headers, 0, "Session date") == "Date"
    assert heading_or_label(headers, 1, "Minutes") == "Minutes"   # a blank heading
    assert heading_or_label(headers, None, "Worker") == "Worker"  # not in the file
    assert heading_or_label(headers, 7, "Worker") == "Worker"


def test_problems_are_listed_up_to_the_limit() -> None:
    from peerdesk.domain.errors import Message, ValidationError
    from peerdesk.domain.import_rows import MAX_LISTED_PROBLEMS, Problem, list_problem

    problems: list[Problem] = []
    list_problem(problems, 2, "Date", "Session date", Message("Bad date."))
    list_problem(problems, 3, "Notes", "Notes", ValidationError("Too long."))
    assert [(p.line, p.ours) for p in problems] == [(2, False), (3, True)]
    for line in range(MAX_LISTED_PROBLEMS + 5):
        list_problem(problems, line, "Date", "Session date", Message("Bad date."))
    assert len(problems) == MAX_LISTED_PROBLEMS
