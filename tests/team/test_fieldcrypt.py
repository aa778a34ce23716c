"""storage/team/fieldcrypt.py: a sealed value opens only with its key, in its place."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.storage.team.fieldcrypt import BLOCK, FieldCipher, SealedValueError

KEY = os.urandom(32)
CIPHER = FieldCipher(KEY, compartment="casework")


@given(st.text(max_size=300))
def test_any_text_comes_back_as_it_was(text):
    sealed = CIPHER.seal("peer", "preferred_name", 7, text)
    assert CIPHER.open("peer", "preferred_name", 7, sealed) == text


def test_the_length_shows_only_a_block_count():
    sizes = {len(CIPHER.seal("peer", "full_name", 1, "x" * n)) for n in range(0, 29)}
    assert sizes == {1 + 4 + 12 + BLOCK + 16}
    assert len(CIPHER.seal("peer", "full_name", 1, "x" * 29)) == 1 + 4 + 12 + 2 * BLOCK + 16


def test_the_same_text_seals_differently_each_time():
    assert CIPHER.seal("peer", "full_name", 1, "Ana") != CIPHER.seal("peer", "full_name", 1,
                                                                     "Ana")


@pytest.mark.parametrize(("table", "column", "row"), [
    ("peer", "preferred_name", 8),          # another row
    ("peer", "full_name", 7),               # another column
    ("safe_contact", "preferred_name", 7),  # another table
])
def test_a_value_moved_elsewhere_does_not_open(table, column, row):
    sealed = CIPHER.seal("peer", "preferred_name", 7, "Ana")
    with pytest.raises(SealedValueError):
        CIPHER.open(table, column, row, sealed)


def test_another_key_compartment_or_generation_does_not_open_it():
    sealed = CIPHER.seal("peer", "preferred_name", 7, "Ana")
    for other in (FieldCipher(os.urandom(32), compartment="casework"),
                  FieldCipher(KEY, compartment="main"),
                  FieldCipher(KEY, compartment="casework", generation=2)):
        with pytest.raises(SealedValueError):
            other.open("peer", "preferred_name", 7, sealed)


def test_a_changed_byte_or_a_cut_value_does_not_open():
    sealed = bytearray(CIPHER.seal("peer", "preferred_name", 7, "Ana"))
    for position in (0, 3, 10, 20, len(sealed) - 1):
        changed = bytearray(sealed)
        changed[position] ^= 1
        with pytest.raises(SealedValueError):
            CIPHER.open("peer", "preferred_name", 7, bytes(changed))
    with pytest.raises(SealedValueError):
        CIPHER.open("peer", "preferred_name", 7, bytes(sealed[:20]))


def test_a_key_of_the_wrong_size_is_refused():
    with pytest.raises(ValueError, match="32 bytes"):
        FieldCipher(b"short", compartment="casework")
