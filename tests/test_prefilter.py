"""The literal prefilter may only skip a pattern on texts where the pattern cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.assess.claims import weasel_patterns
from citecheck.prefilter import Prefilter, PrefilterSet, fold

WEASELS = [p.regex for p in weasel_patterns()]
SMALL = [
    re.compile(r"\b(?:many|most|some)\s+(?:historians|observers)\s+(?:believe|argued)\b", re.IGNORECASE),
    re.compile(r"\b[Tt]he\s+(?:diary|diaries)\s+of\s+[A-Z]\w+"),
    re.compile(r"(?:has|have|had)\s+been\s+called", re.IGNORECASE),
    re.compile(r"colou?r", re.IGNORECASE),
    re.compile(r"\bK[a-z]+sky\b", re.IGNORECASE),
    re.compile(r"(?:Congress|Senate)", re.IGNORECASE),
]
PIECES = ["many", "Most", "SOME", "historians", "observers", "believe", "argued", "the", "The", "diary", "diaries",
          "of", "Maisky", "has", "had", "been", "called", "color", "colour", "Kerensky", "\u212aerensky",
          "Congre\u017fs", "SENATE", "it is", "widely", "regarded", "said", "to", "have", "locals", "say", "I",
          "heard", "that", "apparently", ",", ".", "\n", "'s", "’s", "İs", "x", "1939"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=14).map(" ".join) | st.text(max_size=60)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
def test_a_pattern_that_matches_is_never_ruled_out(text: str) -> None:
    folded = fold(text)
    for pattern in [*SMALL, *WEASELS]:
        if pattern.search(text):
            assert Prefilter.of(pattern).may_match(folded), (pattern.pattern[:80], text)


def test_required_words_rule_out_a_sentence_without_them() -> None:
    weasel = Prefilter.of(SMALL[0])
    assert weasel.may_match(fold("Many historians believe it was a mistake."))
    assert not weasel.may_match(fold("The historians met in Vienna in 1938."))  # no many/most/some
    assert not weasel.may_match(fold("Many of them left the city."))


def test_case_insensitive_look_alikes_count_as_their_ascii_letters() -> None:
    # re's IGNORECASE matches the Kelvin sign as "k" and the long s as "s"
    assert SMALL[4].search("\u212aerensky")
    assert Prefilter.of(SMALL[4]).may_match(fold("\u212aerensky"))
    assert SMALL[5].search("Congre\u017fs")
    assert Prefilter.of(SMALL[5]).may_match(fold("Congre\u017fs"))


@pytest.mark.parametrize("pattern", [
    r"[A-Z]\w+",  # a class only: nothing is required
    r"(?:the\s+)?\w+",  # an optional literal is not required
    r"(a|b)\1",  # too short to require, and a back-reference
    r"(?x) many \s+ historians",  # verbose patterns are left alone
])
def test_patterns_without_required_literals_always_run(pattern: str) -> None:
    assert Prefilter.of(re.compile(pattern)).clauses == ()
    assert Prefilter.of(re.compile(pattern)).may_match("")


def test_an_optional_letter_splits_the_literal() -> None:
    clauses = Prefilter.of(SMALL[3]).clauses
    assert clauses and all(any(literal in "colour" for literal in c) for c in clauses)
    assert Prefilter.of(SMALL[3]).may_match(fold("The COLOR plates"))
    assert not Prefilter.of(SMALL[3]).may_match(fold("black and white"))


ALL = [*SMALL, *WEASELS]
ALL_SET = PrefilterSet([Prefilter.of(p) for p in ALL])


@settings(max_examples=400, deadline=None)
@given(text=TEXTS | st.lists(st.sampled_from([*PIECES, "almost", "somewhere", "historiansX", "according to"]),
                             max_size=20).map("".join))
def test_the_set_picks_exactly_the_patterns_whose_own_prefilter_may_match(text: str) -> None:
    folded = fold(text)
    assert ALL_SET.may_match(folded) == [i for i, p in enumerate(ALL) if Prefilter.of(p).may_match(folded)]


def test_the_set_finds_a_literal_inside_a_longer_word_and_across_spaces() -> None:
    historians = PrefilterSet([Prefilter.of(SMALL[0]), Prefilter.of(SMALL[2])])
    assert historians.may_match(fold("MOST prehistorians argued")) == [0]  # substrings, as the prefilter tests them
    assert historians.may_match(fold("it had been called")) == [1]
    assert historians.may_match(fold("nothing to see")) == []
    assert PrefilterSet([Prefilter.of(re.compile(r"[A-Z]\w+"))]).may_match("") == [0]  # no clause: always
