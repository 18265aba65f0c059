"""Misspelled names against the bundled lexicon and the catalogue, with context."""

from __future__ import annotations

import pytest

from citecheck.analysis import Context
from citecheck.ingest import document_from_text
from citecheck.resolve.lexicon import NameEntry, build_lexicon, fold
from citecheck.resolve.names import NameChecker


def issues(context: Context, text: str) -> list[tuple[str, str, bool]]:
    doc = document_from_text(text, "t.txt")
    return [(i.written, i.replacement, i.variant) for i in context.checker.check(doc.text, doc.prose)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks collapsed after Hallifax refused to go to Moscow.", [("Hallifax", "Halifax", False)]),
        ("Moscow forbade Torez to bring down the Popular Front.", [("Torez", "Thorez", False)]),
        ("Daladeir flew home from Munich.", [("Daladeir", "Daladier", False)]),
        ("Ribbentropp flew to Moscow in August.", [("Ribbentropp", "Ribbentrop", False)]),
        ("the Anscluss of Austria in 1938", [("Anscluss", "Anschluss", False)]),
        ("The trials at Nuremburg began in 1945.", [("Nuremburg", "Nuremberg", False)]),
    ],
)
def test_misspellings_one_edit_away(context: Context, text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert issues(context, text) == expected


def test_two_edits_need_context(context: Context) -> None:
    # "Godoretsky" is two letters off "Gorodetsky": accepted because the document names his work
    with_context = "After the Maisky diaries appeared, a book by Godoretsky condensed them."
    assert issues(context, with_context) == [("Godoretsky", "Gorodetsky", False)]
    # a first name next to the surname is context too
    assert issues(context, "Libya's Mohammar Qaddafi gave up his weapons.") == [("Mohammar", "Muammar", False)]


def test_compound_names_are_fixed_whole(context: Context) -> None:
    found = issues(context, "Basil Liddel Hart interviewed the generals.")
    assert found == [("Liddel", "Liddell", False)]


def test_transliteration_variant_is_a_note_only_when_the_document_also_uses_the_canonical_form(
        context: Context) -> None:
    assert issues(context, "Mayskiy proposed a tripartite alliance in 1939.") == []
    found = issues(context, "Maisky was ambassador in London. Later Mayskiy proposed an alliance.")
    assert found == [("Mayskiy", "Maisky", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Neville Chamberlain, Lord Halifax and Anthony Eden met Maisky and Molotov.",
        "Back in London, the cabinet met again. Again nothing was decided.",
        "Futurist and PaulRyckier argued about the USSR and NATO.",
        "He moved to San Mateo, California, after the war.",
        "Stahel, Gompert and Kirchubel wrote about Operation Barbarossa.",
        "Gerd Koenen and Oona Hathaway wrote books. I'll read them; I've seen one.",
        "Viacheslav Molotov and Georgy Zhukov.",
    ],
)
def test_correct_names_and_common_words_are_not_flagged(context: Context, text: str) -> None:
    assert issues(context, text) == []


def test_two_spellings_of_one_name_in_one_document(context: Context) -> None:
    found = issues(context, "Litvinov spoke at Geneva; Litvinoff was dismissed in May.")
    assert found == [("Litvinoff", "Litvinov", True)]
    # a spelling that is canonical for someone else is never "corrected"
    assert issues(context, "Vyacheslav Molotov arrived; later Viacheslav Molotov signed.") == []


def test_catalogue_names_and_misspellings_join_the_lexicon() -> None:
    entry = NameEntry(name="Ottokar Brzezina", kind="person", surname="Brzezina", given=("Ottokar",),
                      misspellings=(("Brezina", "Brzezina"),), origin="refs.yaml")
    checker = NameChecker(build_lexicon([entry], bundled=False))
    doc = document_from_text("Ottokar Brzezina wrote it; Brezina signed it.", "t.txt")
    assert [(i.written, i.replacement) for i in checker.check(doc.text, doc.prose)] == [("Brezina", "Brzezina")]


def test_accepted_spellings_from_configuration() -> None:
    entry = NameEntry(name="Gabriel Gorodetsky", kind="person", surname="Gorodetsky", given=("Gabriel",))
    lexicon = build_lexicon([entry], bundled=False)
    text = "Gabriel Gorodetsky edited it and Gorodetski translated it."
    doc = document_from_text(text, "t.txt")
    assert NameChecker(lexicon).check(doc.text, doc.prose) != []
    assert NameChecker(lexicon, frozenset({"Gorodetski"})).check(doc.text, doc.prose) == []


def test_fold_treats_transliterations_alike_but_not_dropped_letters() -> None:
    assert fold("Mayskiy") == fold("Maisky") == fold("Maiskii")
    assert fold("Litvinoff") == fold("Litvinov")
    assert fold("Torez") != fold("Thorez")
    assert fold("Göring") == fold("Goering")
