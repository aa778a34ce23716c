"""Free text rules: stored exactly as typed, within limits a person can act on."""

from __future__ import annotations

import unicodedata

from peerdesk.domain.errors import ValidationError

# About fifteen printed pages: far beyond any session note; a bigger paste is
# almost always a mistake, and huge notes make every export slow.
NOTE_MAX = 40_000
SHORT_TEXT_MAX = 200

# Line breaks and tabs belong in notes; zero-width joiners and direction marks
# belong in right-to-left and joined scripts. Other control characters are
# paste debris that can hide text, so they are refused.
_ALLOWED_FORMAT = {"\n", "\t", "\r", "\u200c", "\u200d", "\u200e", "\u200f"}


def _bad_characters(text: str) -> bool:
    return any(
        unicodedata.category(ch) in ("Cc", "Cs") and ch not in _ALLOWED_FORMAT for ch in text
    )


def clean_note(raw: str, *, what: str = "Notes", field: str = "notes",
               maximum: int = NOTE_MAX) -> str:
    """Keep the text exactly (no normalisation) but for trailing white space."""
    text = raw.rstrip()
    if len(text) > maximum:
        # Refused, never cut: the person sees the limit and how far over they are.
        raise ValidationError(
            "{what} can be at most {maximum:,} characters (this is {length:,}).",
            field=field, what=what, length=len(text), maximum=maximum)
    if _bad_characters(text):
        raise ValidationError(
            "{what}: contains invisible control characters (often left by copying and "
            "pasting); please retype that part.", field=field, what=what)
    return text


def clean_short_text(raw: str, *, what: str, field: str, maximum: int = SHORT_TEXT_MAX) -> str:
    text = raw.strip()
    if "\n" in text or "\r" in text:
        raise ValidationError("{what} must be on one line.", field=field, what=what)
    return clean_note(text, what=what, field=field, maximum=maximum)
