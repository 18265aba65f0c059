"""A cheap test that a regular expression cannot match a text, from the literal words every match must contain.

Many of citecheck's patterns run on every sentence and match almost none: a weasel pattern needs "many",
"most" or "some" and then "historians", "observers" or the like. Before running such a pattern on a
sentence, ``Prefilter.may_match`` checks that the sentence contains, for each of the pattern's required
literal groups, at least one of its literals (plain substring tests on the lower-cased text), as code
search engines do with trigrams. The requirements are read off the parsed pattern and are conservative:
when a match could do without any literal (a character class, an optional group, a back-reference),
nothing is required and the pattern always runs. So a prefilter can only skip work, never a match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

try:  # the parser is private to the re module: without it every pattern simply runs
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - other Pythons
    _sre = _sre_parse = None  # type: ignore[assignment]

_MAX_CLAUSES = 3
# under IGNORECASE, re lets these match ASCII letters; folded to them so that a substring test agrees
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s", "\u212a": "k", "\u0307": None})

Clause = frozenset[str]  # a match contains at least one of these (lower-case) literals


def fold(text: str) -> str:
    """The text as the prefilter compares it: lower case, with re's case-insensitive look-alikes made ASCII."""
    return text.lower().translate(_FOLD)


def _literal_char(code: int) -> str | None:
    char = chr(code)
    if char.isascii() or not char.isalpha():  # a non-ASCII letter may have case partners re knows and lower() not
        return char.lower()
    return None


def _best(clauses: list[Clause]) -> Clause | None:
    """The clause most likely to rule a text out: its shortest literal is the longest."""
    if not clauses:
        return None
    return max(clauses, key=lambda c: (min(len(s) for s in c), -len(c)))


def _clauses(items: object) -> list[Clause]:
    """Literal groups every match of the parsed sequence ``items`` must contain."""
    out: list[Clause] = []
    run: list[str] = []

    def end_run() -> None:
        if len(run) >= 2:
            out.append(frozenset(["".join(run)]))
        run.clear()

    for op, av in items:  # type: ignore[attr-defined]
        if op is _sre.LITERAL:
            char = _literal_char(av)
            if char is None:
                end_run()
            else:
                run.append(char)
            continue
        if op is _sre.IN:
            chars = {_literal_char(code) if kind is _sre.LITERAL else None for kind, code in av}
            if len(chars) == 1 and None not in chars:  # "[Tt]" is one letter to a folded text
                run.append(chars.pop())  # type: ignore[arg-type]
                continue
        end_run()
        if op is _sre.SUBPATTERN:
            out.extend(_clauses(av[-1]))
        elif op is _sre.ATOMIC_GROUP:
            out.extend(_clauses(av))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, body = av
            if low >= 1:
                out.extend(_clauses(body))
        elif op is _sre.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                best = _best(_clauses(branch))
                if best is None:
                    break
                union |= best
            else:
                out.append(frozenset(union))
        # anything else (character classes, anchors, lookarounds, back-references) requires nothing
    end_run()
    return out


@dataclass(frozen=True, slots=True)
class Prefilter:
    """The literal groups a pattern's every match contains; no clauses means "always run"."""

    clauses: tuple[Clause, ...]

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> Prefilter:
        if _sre_parse is None or pattern.flags & re.VERBOSE:
            return cls(())
        try:
            found = _clauses(_sre_parse.parse(pattern.pattern, pattern.flags))
        except Exception:
            return cls(())
        unique = sorted(set(found), key=lambda c: (-min(len(s) for s in c), len(c), sorted(c)))
        return cls(tuple(unique[:_MAX_CLAUSES]))

    def may_match(self, folded: str) -> bool:
        """False only when no match is possible in a text whose ``fold`` is ``folded``."""
        contains = folded.__contains__
        return all(any(map(contains, clause)) for clause in self.clauses)


_WORD_LITERAL = re.compile(r"[a-z0-9]+")
_TOKEN_CACHE_LIMIT = 200_000


class PrefilterSet:
    """Which of many patterns may match a text, found without asking each pattern's prefilter.

    A pattern can match only where the text holds one of the literals of its first (most selective)
    clause. Those literals are gathered into one table. A literal of letters and digits alone lies
    inside one run of letters and digits of the folded text, so the literals each run ("word") holds are
    worked out once per distinct word and remembered; the few literals with spaces or punctuation are
    looked for directly. The patterns so found are then asked their full prefilter. The answer is
    exactly the patterns whose ``may_match`` is true, in their order.
    """

    def __init__(self, prefilters: Sequence[Prefilter]) -> None:
        self._prefilters = tuple(prefilters)
        self._always = frozenset(i for i, p in enumerate(self._prefilters) if not p.clauses)
        by_literal: dict[str, list[int]] = {}
        for i, prefilter in enumerate(self._prefilters):
            for literal in sorted(prefilter.clauses[0]) if prefilter.clauses else ():
                by_literal.setdefault(literal, []).append(i)
        self._by_literal = {literal: tuple(ids) for literal, ids in by_literal.items()}
        self._word_literals = tuple(sorted(lit for lit in by_literal if _WORD_LITERAL.fullmatch(lit)))
        self._other_literals = tuple(sorted(lit for lit in by_literal if not _WORD_LITERAL.fullmatch(lit)))
        self._in_word: dict[str, tuple[str, ...]] = {}

    def _literals_in(self, word: str) -> tuple[str, ...]:
        found = self._in_word.get(word)
        if found is None:
            if len(self._in_word) >= _TOKEN_CACHE_LIMIT:
                self._in_word.clear()
            found = self._in_word[word] = tuple(lit for lit in self._word_literals if lit in word)
        return found

    def may_match(self, folded: str) -> list[int]:
        """The indices of the prefilters that may match a text whose ``fold`` is ``folded``, in order."""
        by_literal = self._by_literal
        candidates = set(self._always)
        for word in set(_WORD_LITERAL.findall(folded)):
            for literal in self._literals_in(word):
                candidates.update(by_literal[literal])
        for literal in self._other_literals:
            if literal in folded:
                candidates.update(by_literal[literal])
        prefilters = self._prefilters
        return [i for i in sorted(candidates) if prefilters[i].may_match(folded)]
