"""The repositories' shared pieces: one row or NotFound, ids in slices for `IN (...)`,
updating one row and replacing one record's links."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.errors import NotFound
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import (
    CHUNK,
    columns_of,
    delete_ids,
    execute_in,
    grouped,
    id_chunks,
    one,
    one_or_none,
    query_in,
    set_links,
    update_row,
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "rows.db", os.urandom(32), create=True)
    database.execute("CREATE TABLE thing (id INTEGER PRIMARY KEY, name TEXT, kept INTEGER, "
                     "updated_at TEXT)")
    database.executemany("INSERT INTO thing (id, name, kept) VALUES (?, ?, 0)",
                         [(i, f"n{i}") for i in range(1, 1201)])
    yield database
    database.close()


def test_one_makes_the_first_row_or_raises_not_found(db: Database) -> None:
    assert one(db.query("SELECT id, name FROM thing WHERE id = ?", (7,)), lambda r: r[1]) == "n7"
    with pytest.raises(NotFound):
        one(db.query("SELECT id, name FROM thing WHERE id = ?", (9999,)), lambda r: r[1])


def test_one_or_none(db: Database) -> None:
    assert one_or_none(db.query("SELECT name FROM thing WHERE id = 3"), lambda r: r[0]) == "n3"
    assert one_or_none(db.query("SELECT name FROM thing WHERE id = 0"), lambda r: r[0]) is None


@given(st.lists(st.integers(), max_size=1600))
def test_id_chunks_cover_every_id_in_order_in_bounded_slices(ids: list[int]) -> None:
    slices = list(id_chunks(ids))
    assert [i for chunk, _ in slices for i in chunk] == ids
    for chunk, marks in slices:
        assert 0 < len(chunk) <= CHUNK
        assert marks.split(", ") == ["?"] * len(chunk)


def test_query_in_reads_more_ids_than_one_statement_binds(db: Database) -> None:
    ids = list(range(1, 1201, 1))
    found = {int(r[0]) for r in query_in(db, "SELECT id FROM thing WHERE id IN ({marks})", ids)}
    assert found == set(ids)
    assert list(query_in(db, "SELECT id FROM thing WHERE id IN ({marks})", [])) == []


def test_execute_in_binds_leading_parameters_and_counts_changes(db: Database) -> None:
    changed = execute_in(db, "UPDATE thing SET kept = ? WHERE id IN ({marks})",
                         list(range(1, 1101)), before=(1,))
    assert changed == 1100
    assert db.scalar("SELECT count(*) FROM thing WHERE kept = 1") == 1100


def test_delete_ids_deletes_only_those_and_says_how_many(db: Database) -> None:
    assert delete_ids(db, "thing", [*range(1, 701), 5000]) == 700
    assert db.scalar("SELECT count(*) FROM thing") == 500
    assert db.scalar("SELECT min(id) FROM thing") == 701


@given(st.lists(st.tuples(st.integers(0, 5), st.text(max_size=3))))
def test_grouped_keeps_each_keys_values_in_order(pairs: list[tuple[int, str]]) -> None:
    result = grouped(pairs)
    assert set(result) == {k for k, _ in pairs}
    for key, values in result.items():
        assert values == tuple(v for k, v in pairs if k == key)


def test_update_row_sets_the_columns_and_updated_at_of_that_row_only(db: Database) -> None:
    update_row(db, "thing", 5, {"name": "five", "kept": 1}, now="2026-12-05T12:00:00Z")
    assert db.query("SELECT name, kept, updated_at FROM thing WHERE id = 5")[0] == (
        "five", 1, "2026-12-05T12:00:00Z")
    assert db.scalar("SELECT count(*) FROM thing WHERE kept = 1 OR updated_at IS NOT NULL") == 1
    update_row(db, "thing", 6, {"kept": 1})
    assert db.query("SELECT kept, updated_at FROM thing WHERE id = 6")[0] == (1, None)


def test_update_row_of_no_row_is_not_found_and_changes_nothing(db: Database) -> None:
    with pytest.raises(NotFound):
        update_row(db, "thing", 9999, {"name": "ghost"}, now="2026-12-05T12:00:00Z")
    assert db.scalar("SELECT count(*) FROM thing WHERE name = 'ghost'") == 0


def test_columns_of_a_fields_list() -> None:
    assert columns_of("a, b,c ,  d") == ["a", "b", "c", "d"]


def test_set_links_replaces_one_records_links_and_leaves_the_others(db: Database) -> None:
    db.execute("CREATE TABLE thing_tag (thing_id INTEGER, tag_id INTEGER, "
               "PRIMARY KEY (thing_id, tag_id))")
    set_links(db, "thing_tag", "thing_id", 1, "tag_id", [5, 6], new=True)
    set_links(db, "thing_tag", "thing_id", 2, "tag_id", [5], new=True)
    set_links(db, "thing_tag", "thing_id", 1, "tag_id", [6, 7])
    assert db.query("SELECT thing_id, tag_id FROM thing_tag ORDER BY 1, 2") == [
        (1, 6), (1, 7), (2, 5)]
    set_links(db, "thing_tag", "thing_id", 1, "tag_id", [])
    assert db.query("SELECT thing_id, tag_id FROM thing_tag") == [(2, 5)]
