"""Text copied out of a journal article's PDF: page notes, running heads, headings, paragraphs."""

from __future__ import annotations

from citecheck.ingest import document_from_text
from citecheck.model import BlockKind

ARTICLE = """\
Introduction
The Danube Commission met again at Galatz in the spring of 1921, after a gap of
seven years.1 Its members were fewer than before the war, and the Romanian delegate
insisted that the Commission's rights stopped at Braila.2
The Commission's budget fell by a third in 1922, and the French government paid the
larger part of what was left.

1 Minutes of the European Commission of the Danube, session of 12 March 1921.
2 Krehbiel, Nationalism and the Danube, 88–91; Spulber, ‘The Danube in Central
Europe’, 14–16.
Downloaded by [Northfield University Library] at 09:12 05 May 2024
48\tT. HALVERSEN

The session of 1921
The French delegate had instructions to concede nothing on the lower river, and he
conceded nothing.3 Everyone else left Galatz dissatisfied.

3 Krehbiel, Nationalism and the Danube, 102.
Downloaded by [Northfield University Library] at 09:12 05 May 2024
JOURNAL OF RIVER DIPLOMACY\t49
"""


def test_page_notes_become_footnotes_with_their_markers_blanked() -> None:
    doc = document_from_text(ARTICLE, "article.txt")
    assert [f.label for f in doc.footnotes] == ["1", "2", "3"]
    body = doc.footnotes[1].body
    assert doc.text[body.start:body.end].startswith("Krehbiel, Nationalism and the Danube, 88–91;")
    assert doc.text[body.start:body.end].endswith("14–16.")  # the note's second line belongs to it
    marker = dict(doc.footnote_refs)["1"]
    assert doc.text[marker.start - 6:marker.end] == "years.1"
    assert doc.prose[marker.start:marker.end] == " "
    assert all(b.kind is BlockKind.REFERENCE for b in doc.blocks
               if any(b.span.start <= f.span.start < b.span.end for f in doc.footnotes))


def test_running_heads_and_download_stamps_are_chrome_and_headings_stand_alone() -> None:
    doc = document_from_text(ARTICLE, "article.txt")
    assert "Downloaded by" not in doc.prose and "T. HALVERSEN" not in doc.prose and "RIVER DIPLOMACY" not in doc.prose
    headings = [doc.prose[b.span.start:b.span.end] for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Introduction", "The session of 1921"]


def test_a_short_line_that_ends_a_sentence_ends_the_paragraph() -> None:
    doc = document_from_text(ARTICLE, "article.txt")
    paragraphs = [doc.prose[b.span.start:b.span.end] for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs[0].startswith("The Danube Commission") and paragraphs[0].endswith("stopped at Braila.")
    assert paragraphs[1].startswith("The Commission's budget")


def test_numbers_without_markers_before_them_stay_text() -> None:
    text = "Figures for the harvest:\n\n1 tonne of rye in 1919\n2 tonnes in 1920\n"
    doc = document_from_text(text, "harvest.txt")
    assert doc.footnotes == () and doc.footnote_refs == ()
    # one numbered line with a glued number before it is not enough to read the text as a paper
    doc = document_from_text("The river froze early.1\n\n1 Krehbiel, Nationalism and the Danube, 12.\n", "one.txt")
    assert doc.footnotes == ()


def test_a_page_notes_marker_supports_its_paragraph_and_notes_cite_each_work(analyze_text) -> None:  # type: ignore[no-untyped-def]
    result = analyze_text(ARTICLE, "article.txt")
    unsupported = [c.claim.text for c in result.claims if not c.claim.supported]
    assert not any("Romanian delegate" in text or "French delegate" in text for text in unsupported)
    assert any("budget fell by a third" in text for text in unsupported)  # its own paragraph, with no note
    short = [(s.citation.authors, s.citation.title) for s in result.sources if s.citation.cue == "footnote"]
    assert (("Krehbiel",), "Nationalism and the Danube") in short
    assert (("Spulber",), "The Danube in Central Europe") in short
