"""URLs in prose and sentence segmentation."""

from __future__ import annotations

import pytest

from citecheck.extract.sentences import split_sentences
from citecheck.extract.urls import find_urls, trim_url
from citecheck.ingest import document_from_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is at https://en.wikipedia.org/wiki/Munich_Agreement.", ["https://en.wikipedia.org/wiki/Munich_Agreement"]),
        ("See https://example.org/a, then leave.", ["https://example.org/a"]),
        ("(see https://en.wikipedia.org/wiki/Phoney_War)", ["https://en.wikipedia.org/wiki/Phoney_War"]),
        ("at https://en.wikipedia.org/wiki/Treaty_of_London_(1839).", ["https://en.wikipedia.org/wiki/Treaty_of_London_(1839)"]),
        ("Try www.bbc.co.uk/history for more.", ["www.bbc.co.uk/history"]),
        ("http://www.fedy-diary.ru/html/032011/13032011-04a.html", ["http://www.fedy-diary.ru/html/032011/13032011-04a.html"]),
        ("https://en.wikipedia.org/wiki/Molotov%E2%80%93Ribbentrop_Pact!", ["https://en.wikipedia.org/wiki/Molotov%E2%80%93Ribbentrop_Pact"]),
        ("Der Pakt: https://de.wikipedia.org/wiki/Hitler-Stalin-Pakt; und", ["https://de.wikipedia.org/wiki/Hitler-Stalin-Pakt"]),
        ("Россия: http://пример.рф/путь.", ["http://пример.рф/путь"]),
        ("“https://example.org/quoted”", ["https://example.org/quoted"]),
        ("He flew to Munich.It was late.", []),
        ("Poland.In August the talks", []),
        ("Run python setup.py install", []),
        ("Write to editor@example.org please", []),
        ("The years 1938/39 were grim", []),
    ],
)
def test_url_traps(text: str, expected: list[str]) -> None:
    assert [url for url, _ in find_urls(text)] == expected


def test_url_spans_slice_to_the_url() -> None:
    text = "Two: https://a.org/x (and https://b.org/y)."
    for url, span in find_urls(text):
        assert text[span.start:span.end] == url


def test_trim_keeps_balanced_parentheses() -> None:
    assert trim_url("https://x.org/a_(b))") == "https://x.org/a_(b)"
    assert trim_url("https://x.org/a.,;") == "https://x.org/a"


def _sentences(text: str, path: str = "t.txt") -> list[str]:
    doc = document_from_text(text, path)
    return [doc.text[s.span.start:s.span.end] for s in split_sentences(doc)]


def test_abbreviations_initials_and_missing_spaces() -> None:
    text = ("The U.S.S.R. signed in 1939, see vol. 2, ch. 3 and c. 1900. Anna M. Cienciala agreed. "
            "It ended with Stalin.And then nothing.")
    assert _sentences(text) == [
        "The U.S.S.R. signed in 1939, see vol. 2, ch. 3 and c. 1900.",
        "Anna M. Cienciala agreed.",
        "It ended with Stalin.",
        "And then nothing.",
    ]
    # "no." abbreviates only before a number
    assert _sentences("A good joke, but no. In 1856 the war began. See memo no. 45 of 1939.") == [
        "A good joke, but no.", "In 1856 the war began.", "See memo no. 45 of 1939."]


def test_forum_lines_without_final_punctuation_are_sentences() -> None:
    text = ("Stalin dismissed Litvinov in May\nMolotov took over the talks\nthe British were slow ,\n"
            "and the French slower\n")
    # a line that starts in lower case continues the line before it
    assert _sentences(text) == [
        "Stalin dismissed Litvinov in May",
        "Molotov took over the talks\nthe British were slow ,\nand the French slower",
    ]


def test_hard_wrapped_prose_is_joined() -> None:
    lines = [
        "Orthodox historians argue that the main reason for the failure of the campaign was the decision to",
        "alter the objective of the invasion in August, when the armoured groups were sent north and south",
        "instead of toward the capital, and this view has been repeated in many accounts of the war since",
        "then.",
    ]
    assert _sentences("\n".join(lines)) == ["\n".join(lines)]


def test_quotations_that_close_soon_are_not_split() -> None:
    text = 'He said "We will sign. We must." and left. Then he returned.'
    assert _sentences(text) == ['He said "We will sign. We must." and left.', "Then he returned."]


def test_questions_and_exclamations() -> None:
    assert _sentences("But why? Nobody knows!! Really.") == ["But why?", "Nobody knows!!", "Really."]


def test_a_bold_run_in_heading_is_its_own_sentence() -> None:
    text = "**How the siege began.** The fleet arrived in April 1453. *Why?* Nobody knows."
    assert _sentences(text, "t.html") == [
        "**How the siege began.**", "The fleet arrived in April 1453.", "*Why?*", "Nobody knows."]
    # in plain text written in Markdown, as in Markdown, the emphasis markers are markup
    for path in ("t.txt", "t.md"):
        assert _sentences(text, path) == ["How the siege began.", "The fleet arrived in April 1453.", "Why?",
                                          "Nobody knows."]


def test_a_sentence_may_start_in_lower_case_in_chat() -> None:
    assert _sentences("partly. the army hated them. is it true? someone in my class said so") == [
        "partly.", "the army hated them.", "is it true?", "someone in my class said so"]
    # not after an abbreviation or an initial
    assert _sentences("It cost approx. one million, and c. two thirds of it went on etc. and so on.") == [
        "It cost approx. one million, and c. two thirds of it went on etc. and so on."]


def test_an_emoji_ends_a_sentence_in_a_social_post() -> None:
    assert _sentences("Sharing to my page 🙏 On Christmas morning the men met. Lovely 👍🏻 thanks") == [
        "Sharing to my page 🙏", "On Christmas morning the men met.", "Lovely 👍🏻 thanks"]


def test_a_site_on_a_blogging_platform_is_a_url_without_a_path() -> None:
    text = "Details at strike40.wordpress.com (tickets going fast), or see old-mills.blogspot.com/2010/01/post.html."
    assert [url for url, _span in find_urls(text)] == [
        "strike40.wordpress.com", "old-mills.blogspot.com/2010/01/post.html"]
    assert list(find_urls("the wordpress.com.au mirror and x.wordpress.community and setup.py")) == []


def test_a_comment_signature_after_a_dash_is_not_part_of_the_last_sentence() -> None:
    html = ('<ul><li class="comment"><span>The flood drowned 12,000 soldiers, they say. Is there any basis for '
            'that?</span> &ndash; <a class="user">rook3</a> <span>Mar 9 \'21 at 11:02</span></li></ul>')
    assert _sentences(html, "page.html")[:2] == ["The flood drowned 12,000 soldiers, they say.",
                                                "Is there any basis for that?"]
