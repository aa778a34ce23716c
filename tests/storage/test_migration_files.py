"""`storage/migration_files.py`: one check of numbered migration files for every database."""

from __future__ import annotations

import pytest

from peerdesk.storage import migrations
from peerdesk.storage.migration_files import numbered
from peerdesk.storage.team import schema


def test_files_come_back_in_version_order():
    found = numbered([("0002_b.sql", "two"), ("0001_a.sql", "one")])
    assert [(m.version, m.name, m.sql) for m in found] == [
        (1, "0001_a.sql", "one"), (2, "0002_b.sql", "two")]


def test_a_gap_in_the_numbers_is_refused():
    with pytest.raises(RuntimeError, match=r"team migrations are not numbered 1\.\.n: \[1, 3\]"):
        numbered([("0001_a.sql", ""), ("0003_c.sql", "")], "team migration")


def test_a_badly_named_file_is_refused():
    with pytest.raises(RuntimeError, match=r"badly named migration file: 1_a\.sql"):
        numbered([("1_a.sql", "")])


def test_a_folder_of_files_is_read_as_shipped_ones_are(tmp_path):
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE a (x);", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a migration", encoding="utf-8")
    assert [m.name for m in migrations.load_migrations(tmp_path)] == ["0001_first.sql"]


def test_every_shipped_sequence_loads():
    for compartment in (migrations.MAIN, migrations.CASEWORK):
        assert migrations.latest_version(compartment=compartment) > 1
    assert schema.latest_version() > 1
