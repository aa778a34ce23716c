"""The data dictionary: a description of every table and column PeerDesk keeps.

Exports carry it (docs/export.md), and a test fails when a table or column in
either database has no description here. Each area's module (every module of
this package except `model`) lists its tables; see model.py.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from peerdesk.storage.dictionary.model import Table

__all__ = ["Table", "search_indexes", "tables"]


def _areas() -> list[object]:
    return [importlib.import_module(f"{__name__}.{info.name}")
            for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)
            if info.name != "model"]


@cache
def tables() -> dict[str, Table]:
    """Every described table, by name."""
    found: dict[str, Table] = {}
    for area in _areas():
        for table in getattr(area, "TABLES", ()):
            if table.name in found:
                raise RuntimeError(f"the table {table.name} is described twice")
            found[table.name] = table
    return found


@cache
def search_indexes() -> dict[str, str]:
    """Full-text index -> the SQL that fills it again from its tables.

    The indexes are contentless (their words live only in the tables they
    index), so an export leaves them out and an import rebuilds them.
    """
    found: dict[str, str] = {}
    for area in _areas():
        found.update(getattr(area, "SEARCH_INDEXES", {}))
    return found
