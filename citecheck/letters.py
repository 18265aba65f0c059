"""Character classes for capitalised words in the Latin scripts, and for emoji: "Zdeněk Mlynář", "Gomułka" and
"Ödön" are names as much as "Halifax" (``re`` has no Unicode categories, so the classes are built
here once, from A–Z and Latin-1 through Latin Extended-B)."""

from __future__ import annotations

_LATIN = [chr(code) for code in range(0xC0, 0x250) if chr(code).isalpha()]

UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
"""Capital letters, for use inside ``[...]``."""

LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
"""Small letters, for use inside ``[...]``."""

EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50"
"""Pictographs, symbols and dingbats (the heart and star too), for use inside ``[...]``."""

EMOJI_MODIFIER = "\uFE0F\U0001F3FB-\U0001F3FF"
"""The variation selector and skin tones that may follow an emoji, for use inside ``[...]``."""
