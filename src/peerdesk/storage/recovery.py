"""The printed recovery key: 160 random bits a person can type back.

Eight groups of five characters from Crockford's base-32 alphabet (no I, L,
O or U, so nothing is read two ways). Four characters in each group carry
data and the fifth checks them: the check is a sum of the four values with
odd weights, mod 32, so changing any one character always changes it (an
odd weight times a change of 1..31 is never a multiple of 32). A mistyped
character is therefore always caught, and the message says which group.
"""

from __future__ import annotations

import secrets

from peerdesk.domain.errors import ValidationError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUES = {ch: i for i, ch in enumerate(ALPHABET)}
# Letters people type for digits that look like them.
_ALIASES = {"O": "0", "I": "1", "L": "1"}
GROUPS = 8
DATA_PER_GROUP = 4
_WEIGHTS = (1, 3, 5, 7)


def _check_value(group_index: int, values: list[int]) -> int:
    # The group index is mixed in so that two whole groups typed in swapped
    # order are caught too.
    return (group_index * 11 + sum(w * v for w, v in zip(_WEIGHTS, values, strict=True))) % 32


def generate() -> str:
    groups = []
    for g in range(GROUPS):
        values = [secrets.randbelow(32) for _ in range(DATA_PER_GROUP)]
        values.append(_check_value(g, values))
        groups.append("".join(ALPHABET[v] for v in values))
    return "-".join(groups)


def normalise(typed: str) -> str:
    """Check a typed key and return it in canonical form, or say what is wrong."""
    chars = [
        _ALIASES.get(ch, ch)
        for ch in typed.upper()
        if not ch.isspace() and ch not in "-_."
    ]
    expected = GROUPS * (DATA_PER_GROUP + 1)
    if len(chars) != expected:
        raise ValidationError(
            "A recovery key has {expected} characters in {groups} groups; {typed} were typed.",
            field="recovery_key", expected=expected, groups=GROUPS, typed=len(chars),
        )
    bad = sorted({ch for ch in chars if ch not in _VALUES})
    if bad:
        raise ValidationError(
            "The key contains characters a recovery key never uses; check it against the "
            "printed copy.",
            field="recovery_key",
        )
    groups = []
    for g in range(GROUPS):
        chunk = chars[g * 5 : g * 5 + 5]
        values = [_VALUES[ch] for ch in chunk]
        if _check_value(g, values[:DATA_PER_GROUP]) != values[DATA_PER_GROUP]:
            raise ValidationError(
                "Group {group} has a typing mistake. Please check it.",
                field="recovery_key", group=g + 1,
            )
        groups.append("".join(chunk))
    return "-".join(groups)


def secret_bytes(canonical_key: str) -> bytes:
    """The bytes fed to the key derivation: the data characters only."""
    return canonical_key.replace("-", "").encode("ascii")
