"""Property tests: ingest never changes text, and every span slices to what it claims to be."""

from __future__ import annotations

import textwrap

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from citecheck.analysis import Context, analyze
from citecheck.extract.urls import find_urls
from citecheck.ingest import document_from_text
from citecheck.ingest.wrapping import unwrap
from citecheck.model import DocFormat

PIECES = st.sampled_from([
    "The pact was signed in 1939. ", "Stalin.And ", "a book by Gorodetsky ", "the diaries of Chernyaev ",
    "[link](https://example.org/a_(b)) ", "<https://example.org/x> ", "**bold** ", "_The Title_ ", "`code` ",
    "[^1] ", "\n[^1]: Taylor, A. J. P. The Origins. London, 1961.\n", "> quoted\n", "- item\n", "# Head\n",
    "<a href='https://e.org/?a=1&amp;b=2'>anchor</a> ", "&mdash; ", "&amp; ", "<br>", "<p>", "</p>", "<!-- c -->",
    "\r\n", "\n\n", "\n", "\ufeff", "Mar 2014\n2,211\nBergen\n#31\n", "Likes: Paul\n", '"quoted words here" ',
    "https://en.wikipedia.org/wiki/Munich_Agreement. ", "www.bbc.co.uk/history ", "Georges Bonnet - Wikipedia\n",
    "(Taylor 1961) ", "Many historians agree that ", "é", "ß", "日本", "\t", "(", ")", "*", "_", "[", "]",
])
TEXTS = st.lists(PIECES, max_size=25).map("".join) | st.text(max_size=200)
FORMATS = st.sampled_from(list(DocFormat))


@settings(max_examples=250, deadline=None)
@given(text=TEXTS, fmt=FORMATS)
def test_ingest_never_changes_text_and_prose_keeps_offsets(text: str, fmt: DocFormat) -> None:
    doc = document_from_text(text, "doc", fmt)
    assert doc.text == text
    assert len(doc.prose) == len(text)
    for i, ch in enumerate(doc.prose):
        assert ch == text[i] or ch.isspace() or text[i] == "&", (i, ch, text[i])
    for block in doc.blocks:
        assert 0 <= block.span.start <= block.span.end <= len(text)
    for link in doc.links:
        assert link.span.contains(link.url_span) or link.url_span == link.span


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, fmt=FORMATS)
def test_every_span_slices_to_its_surface(context: Context, text: str, fmt: DocFormat) -> None:
    a = analyze(document_from_text(text, "doc", fmt), context)
    for source in a.sources:
        c = source.citation
        assert text[c.span.start:c.span.end] == c.surface
    for link in a.links:
        assert 0 <= link.span.start <= link.span.end <= len(text)
    for fact in a.claims:
        assert text[fact.claim.span.start:fact.claim.span.end] == fact.claim.text
    for issue in a.names:
        assert text[issue.span.start:issue.span.end] == issue.written


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_urls_are_substrings_without_trailing_punctuation(text: str) -> None:
    for url, span in find_urls(text):
        assert text[span.start:span.end] == url
        assert url[-1] not in ".,;:!?'\""


WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz,", min_size=3, max_size=12), min_size=120,
                 max_size=300)


@settings(max_examples=100, deadline=None)
@given(words=WORDS, width=st.integers(min_value=60, max_value=90))
def test_a_paragraph_wrapped_at_a_margin_unwraps_to_itself(words: list[str], width: int) -> None:
    paragraph = " ".join(words)
    wrapped = textwrap.fill(paragraph, width)
    assume(wrapped.count("\n") >= 8)  # a few lines say nothing about a margin
    assert unwrap(wrapped, wrapped) == paragraph
