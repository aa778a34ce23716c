"""Turning what someone types into a safe FTS5 query."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+", re.UNICODE)


def prefix_query(text: str) -> str | None:
    """'sam o' -> '"sam"* AND "o"*'; None when nothing searchable was typed.

    Each token is quoted, so FTS5 operators typed by a person (AND, NEAR,
    quotes, parentheses) are searched for as words, never run.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " AND ".join('"' + token.replace('"', '""') + '"*' for token in tokens)


def word_query(text: str) -> str | None:
    """All the words typed, each as a whole word or word start (for notes)."""
    return prefix_query(text)
