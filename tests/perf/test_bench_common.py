"""The benchmark's cached demo vaults are keyed by what the migrations say."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from tests.perf.bench_common import migrations_digest


def _shipped_copy(tmp_path: Path) -> dict[str, Path]:
    shipped = Path(str(resources.files("peerdesk.storage").joinpath("migrations")))
    main = tmp_path / "main"
    shutil.copytree(shipped, main, ignore=shutil.ignore_patterns("casework", "__pycache__"))
    casework = tmp_path / "casework"
    shutil.copytree(shipped / "casework", casework,
                    ignore=shutil.ignore_patterns("__pycache__"))
    return {"main": main, "casework": casework}


def test_the_same_migrations_give_the_same_key(tmp_path: Path) -> None:
    assert migrations_digest(_shipped_copy(tmp_path)) == migrations_digest()


def test_another_branchs_migration_of_the_same_number_gives_another_key(
        tmp_path: Path) -> None:
    folders = _shipped_copy(tmp_path)
    last = sorted(folders["casework"].glob("*.sql"))[-1]
    # Same count, same name, other contents: a count alone would reuse the vault.
    last.write_text(last.read_text(encoding="utf-8") + "\nCREATE TABLE other (id INTEGER);\n",
                    encoding="utf-8")
    assert migrations_digest(folders) != migrations_digest()


def test_a_renamed_migration_gives_another_key(tmp_path: Path) -> None:
    folders = _shipped_copy(tmp_path)
    last = sorted(folders["main"].glob("*.sql"))[-1]
    last.rename(last.with_name(last.name[:5] + "something_else.sql"))
    assert migrations_digest(folders) != migrations_digest()
