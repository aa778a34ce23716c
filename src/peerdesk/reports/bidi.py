"""The Unicode bidirectional algorithm (UAX #9), as far as printed text needs it.

ReportLab draws glyphs left to right in the order it is given; right-to-left
text has to be put in visual order first. ReportLab's own bidi support needs a
library that isn't published where we install from, so this module resolves
embedding levels itself: rules P2-P3, W1-W7, N0-N2, I1-I2 and, per printed
line, L1-L2. Mirroring (L4) is done by the shaper, which mirrors brackets in
right-to-left runs.

Explicit embeddings, overrides and isolates (U+202A-202E, U+2066-2069) are not
honoured: they are treated as invisible and take the level of the character
before them. Names and notes typed at a keyboard don't carry them; if one is
pasted, the text still prints, ordered by its letters alone.

Pure standard library; tested against a complete implementation.
"""

from __future__ import annotations

from collections.abc import Sequence
from unicodedata import bidirectional

_EXPLICIT = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_IGNORED = _EXPLICIT | {"BN"}
_NEUTRAL = frozenset({"B", "S", "WS", "ON"})
# Paired brackets (BidiBrackets.txt), opening -> closing, for rule N0.
_OPENING = dict(zip("([{\u0f3a\u0f3c\u169b\u2045\u207d\u208d\u2308\u230a\u2329\u2768\u276a"
                    "\u276c\u276e\u2770\u2772\u2774\u27c5\u27e6\u27e8\u27ea\u27ec\u27ee"
                    "\u2983\u2985\u2987\u2989\u298b\u298d\u298f\u2991\u2993\u2995\u2997"
                    "\u29d8\u29da\u29fc\u2e22\u2e24\u2e26\u2e28\u3008\u300a\u300c\u300e"
                    "\u3010\u3014\u3016\u3018\u301a\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b"
                    "\uff5f\uff62",
                    ")]}\u0f3b\u0f3d\u169c\u2046\u207e\u208e\u2309\u230b\u232a\u2769\u276b"
                    "\u276d\u276f\u2771\u2773\u2775\u27c6\u27e7\u27e9\u27eb\u27ed\u27ef"
                    "\u2984\u2986\u2988\u298a\u298c\u298e\u2990\u2992\u2994\u2996\u2998"
                    "\u29d9\u29db\u29fd\u2e23\u2e25\u2e27\u2e29\u3009\u300b\u300d\u300f"
                    "\u3011\u3015\u3017\u3019\u301b\ufe5a\ufe5c\ufe5e\uff09\uff3d\uff5d"
                    "\uff60\uff63", strict=True))
_CLOSING = {close: open_ for open_, close in _OPENING.items()}
# The canonical equivalents of the angle brackets U+2329/U+232A.
_CLOSING["\u3009"] = "\u2329"
_CLOSING["\u232a"] = "\u3008"


def classes(text: str) -> list[str]:
    """The bidi class of each character (unassigned ones are left-to-right)."""
    return [bidirectional(ch) or "L" for ch in text]


def base_level(text: str) -> int:
    """0 for left-to-right, 1 for right-to-left: the first strong letter decides (P2, P3)."""
    for cls in classes(text):
        if cls == "L":
            return 0
        if cls in ("R", "AL"):
            return 1
    return 0


def resolve_levels(text: str, base: int) -> list[int]:
    """The embedding level of each character of one paragraph (no line breaks in it)."""
    original = classes(text)
    kept = [i for i, c in enumerate(original) if c not in _IGNORED]
    t = [original[i] for i in kept]
    direction = "R" if base % 2 else "L"
    _weak_types(t, direction)
    chars = [text[i] for i in kept]
    _bracket_pairs(chars, t, [original[i] for i in kept], direction)
    _neutral_types(t, direction)
    levels = [base] * len(text)
    for i, cls in zip(kept, t, strict=True):
        if base % 2 == 0:
            levels[i] = base + (1 if cls == "R" else 2 if cls in ("AN", "EN") else 0)
        else:
            levels[i] = base + (1 if cls in ("L", "EN", "AN") else 0)
    # Invisible characters (joiners, removed controls) take the level before them,
    # so a joiner stays inside the run whose letters it joins.
    previous = base
    kept_set = set(kept)
    for i in range(len(text)):
        if i in kept_set:
            previous = levels[i]
        else:
            levels[i] = previous
    return levels


def _weak_types(t: list[str], sos: str) -> None:
    n = len(t)
    previous = sos
    for k in range(n):  # W1: a combining mark takes the class of what it sits on
        if t[k] == "NSM":
            t[k] = "ON" if previous in _EXPLICIT else previous
        previous = t[k]
    strong = sos
    for k in range(n):  # W2: European digits after Arabic letters are Arabic numbers
        if t[k] in ("L", "R", "AL"):
            strong = t[k]
        elif t[k] == "EN" and strong == "AL":
            t[k] = "AN"
    for k in range(n):  # W3
        if t[k] == "AL":
            t[k] = "R"
    for k in range(1, n - 1):  # W4: one separator between two numbers of a kind
        if t[k] == "ES" and t[k - 1] == "EN" and t[k + 1] == "EN":
            t[k] = "EN"
        elif t[k] == "CS" and t[k - 1] == t[k + 1] and t[k - 1] in ("EN", "AN"):
            t[k] = t[k - 1]
    k = 0
    while k < n:  # W5: terminators (%, currency) next to a European number join it
        if t[k] != "ET":
            k += 1
            continue
        end = k
        while end < n and t[end] == "ET":
            end += 1
        if (k > 0 and t[k - 1] == "EN") or (end < n and t[end] == "EN"):
            t[k:end] = ["EN"] * (end - k)
        k = end
    for k in range(n):  # W6
        if t[k] in ("ES", "ET", "CS"):
            t[k] = "ON"
    strong = sos
    for k in range(n):  # W7: European numbers in left-to-right context are left-to-right
        if t[k] in ("L", "R"):
            strong = t[k]
        elif t[k] == "EN" and strong == "L":
            t[k] = "L"


def _bracket_pairs(chars: list[str], t: list[str], original: list[str], embedding: str) -> None:
    """N0: a pair of brackets takes the direction of what they enclose, or of their context."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for k, ch in enumerate(chars):
        if t[k] != "ON":
            continue
        if ch in _OPENING:
            if len(stack) == 63:
                break
            stack.append((ch, k))
        elif ch in _CLOSING:
            wanted = {_CLOSING[ch], *(o for c, o in _CLOSING.items() if c == ch)}
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] in wanted or _OPENING.get(stack[depth][0]) == ch:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    opposite = "R" if embedding == "L" else "L"
    for start, end in sorted(pairs):
        inside = {_strength(c) for c in t[start + 1:end] if c in ("L", "R", "EN", "AN")}
        if embedding in inside:
            chosen = embedding
        elif opposite in inside:
            before = next((_strength(c) for c in reversed(t[:start])
                           if c in ("L", "R", "EN", "AN")), embedding)
            chosen = opposite if before == opposite else embedding
        else:
            continue
        for k in (start, end):
            t[k] = chosen
            j = k + 1
            while j < len(t) and original[j] == "NSM":
                t[j] = chosen
                j += 1


def _neutral_types(t: list[str], embedding: str) -> None:
    n = len(t)
    k = 0
    while k < n:
        if t[k] not in _NEUTRAL:
            k += 1
            continue
        end = k
        while end < n and t[end] in _NEUTRAL:
            end += 1
        before = _strength(t[k - 1]) if k > 0 else embedding
        after = _strength(t[end]) if end < n else embedding
        t[k:end] = [before if before == after else embedding] * (end - k)  # N1, N2
        k = end


def _strength(cls: str) -> str:
    return "L" if cls == "L" else "R"  # numbers count as right-to-left for N1


def line_levels(text: str, levels: Sequence[int], base: int) -> list[int]:
    """Rule L1 for one printed line: separators and trailing white space go to the base level."""
    out = list(levels)
    original = classes(text)
    trailing = True
    for i in range(len(text) - 1, -1, -1):
        cls = original[i]
        if cls in ("S", "B"):
            out[i] = base
            trailing = True
        elif trailing and (cls == "WS" or cls in _IGNORED):
            out[i] = base
        else:
            trailing = False
    return out


def visual_runs(levels: Sequence[int]) -> list[int]:
    """Rule L2 over runs: given each run's level in logical order, the run indices left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(level for level in levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[i:j] = reversed(order[i:j])
            i = j
    return order


def has_right_to_left(text: str) -> bool:
    return any(c in ("R", "AL", "AN") for c in classes(text))


__all__ = ["base_level", "classes", "has_right_to_left", "line_levels", "resolve_levels",
           "visual_runs"]
