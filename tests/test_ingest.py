"""Reading documents: paths, decoding, markup with offset-preserving prose, forum threads."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.errors import InputError
from citecheck.extract import extract_citations
from citecheck.ingest import build_document, collect_paths, document_from_text, read_text
from citecheck.model import BlockKind, DocFormat, Document, LinkOrigin

INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")


def test_directories_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "skip.py").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("x", encoding="utf-8")
    found, problems = collect_paths([str(tmp_path)], INCLUDE)
    assert problems == []
    assert found == [f"{tmp_path.as_posix()}/a.md", f"{tmp_path.as_posix()}/b/c.txt"]


def test_exclude_globs_and_explicit_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "old.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.rst").write_text("x", encoding="utf-8")
    found, _ = collect_paths([str(tmp_path), str(tmp_path / "notes.rst")], INCLUDE, exclude=("drafts",))
    assert [Path(p).name for p in found] == ["keep.txt", "notes.rst"]


def test_missing_path_and_empty_directory_are_problems_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    found, problems = collect_paths([str(tmp_path / "nope.txt"), str(tmp_path / "empty")], INCLUDE)
    assert found == []
    messages = [str(p) for p in problems]
    assert "nope.txt: no such file or directory" in messages[0]
    assert "empty: directory holds no documents" in messages[1]


def test_binary_file_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    with pytest.raises(InputError, match=r"scan\.txt: binary file"):
        read_text(str(path), max_size=1000)


def test_invalid_utf8_is_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("René Massigli".encode("latin-1"))
    raw = read_text(str(path), max_size=1000)
    assert raw.text == "Ren\ufffd Massigli"
    assert raw.notices == ("invalid UTF-8 at byte 3 (1 invalid sequence replaced by U+FFFD)",)


def test_invalid_utf8_can_be_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("René".encode("latin-1"))
    with pytest.raises(InputError, match="invalid UTF-8 at byte 3; skipped"):
        read_text(str(path), max_size=1000, invalid_utf8="skip")


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("a" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.txt: file is 2,000 bytes, over the limit of 1,000"):
        read_text(str(path), max_size=1000)


def test_empty_file_is_read_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("", encoding="utf-8")
    raw = read_text(str(path), max_size=1000)
    assert raw.text == ""
    assert raw.notices == ("file is empty",)
    assert raw.format is DocFormat.MARKDOWN


def test_stdin_is_sniffed_for_html() -> None:
    raw = read_text("-", max_size=1000, stdin=b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    assert raw.path == "<stdin>"
    assert raw.format is DocFormat.HTML


def test_bom_and_crlf_are_kept_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfLine one.\r\nLine two.\r\n")
    raw = read_text(str(path), max_size=1000)
    assert raw.bom and raw.newline == "\r\n"
    doc = build_document(raw)
    assert doc.text.startswith("\ufeffLine one.\r\n")
    assert len(doc.prose) == len(doc.text)
    assert "\r" not in doc.prose and "\ufeff" not in doc.prose


def test_markdown_links_keep_offsets_and_blank_their_syntax() -> None:
    text = (
        "---\ntitle: x\n---\n"
        "See [the pact](https://en.wikipedia.org/wiki/Phoney_War_(1939)) and <https://example.org/a>.\n\n"
        "[ref]: https://example.org/ref \"Title\"\n"
        "A [reference link][ref] and a note.[^1] *The Origins of the Second World War* is a book.\n\n"
        "```\nhttps://example.org/in-code\n```\n\n"
        "[^1]: A. J. P. Taylor, The Origins of the Second World War (1961).\n"
    )
    doc = document_from_text(text, "a.md")
    assert len(doc.prose) == len(text)
    urls = [(link.url, link.origin) for link in doc.links]
    assert ("https://en.wikipedia.org/wiki/Phoney_War_(1939)", LinkOrigin.MARKDOWN) in urls
    assert ("https://example.org/a", LinkOrigin.AUTOLINK) in urls
    assert ("https://example.org/ref", LinkOrigin.REFERENCE) in [(u, o) for u, o in urls if o is LinkOrigin.REFERENCE]
    assert all("in-code" not in u for u, _ in urls)
    link = next(link for link in doc.links if "Phoney" in link.url)
    assert text[link.anchor.start:link.anchor.end] == "the pact"
    assert text[link.url_span.start:link.url_span.end] == link.url
    assert "the pact" in doc.prose and "](" not in doc.prose and "title: x" not in doc.prose
    assert [text[s.start:s.end] for s in doc.emphasis] == ["The Origins of the Second World War"]
    assert [label for label, _ in doc.footnote_refs] == ["1"]
    (footnote,) = doc.footnotes
    assert text[footnote.body.start:footnote.body.end].startswith("A. J. P. Taylor")


def test_markdown_blocks() -> None:
    text = "# Title\n\nA paragraph\nover two lines.\n\n> quoted\n> more\n\n- item one\n- item two\n"
    doc = document_from_text(text, "a.md")
    kinds = [(b.kind, doc.prose[b.span.start:b.span.end].strip()) for b in doc.blocks]
    assert kinds == [
        (BlockKind.HEADING, "Title"),
        (BlockKind.PARAGRAPH, "A paragraph\nover two lines."),
        (BlockKind.QUOTE, "quoted\n  more"),
        (BlockKind.LIST_ITEM, "item one"),
        (BlockKind.LIST_ITEM, "item two"),
    ]


def test_markdown_emphasis_in_a_plain_text_post_marks_titles(context) -> None:  # type: ignore[no-untyped-def]
    text = ("Mandell's *The Nazi Olympics* is the classic account, though _really_ old.\n\n"
            "**Sources and further reading**\n\n* Mandell, Richard D. *The Nazi Olympics*. New York: Macmillan, 1971.\n"
            "* Large, David Clay. *Nazi Games*. New York: Norton, 2007.\n\n5*3*2 is thirty and old_user_name posts.\n")
    doc = document_from_text(text, "post.txt")
    assert [text[s.start:s.end] for s in doc.emphasis] == [
        "The Nazi Olympics", "really", "Sources and further reading", "The Nazi Olympics", "Nazi Games"]
    assert len(doc.prose) == len(text) and "*" not in doc.prose.split("\n")[0]
    found = [c.surface for c in extract_citations(doc, context.hints)]
    assert found == ["Mandell's *The Nazi Olympics*",
                     "Mandell, Richard D. *The Nazi Olympics*. New York: Macmillan, 1971.",
                     "Large, David Clay. *Nazi Games*. New York: Norton, 2007."]


def test_html_visible_text_links_and_entities() -> None:
    text = (
        "<!DOCTYPE html><html><head><title>T</title><style>p{}</style><script>var u='http://x.org';</script></head>"
        "<body><nav><a href=\"/home\">Home</a></nav><p>Read <a href=\"https://example.org/a?x=1&amp;y=2\">the "
        "treaty</a> &mdash; now.</p></body></html>"
    )
    doc = document_from_text(text, "p.html")
    assert len(doc.prose) == len(text)
    link = next(link for link in doc.links if "example.org" in link.url)
    assert link.url == "https://example.org/a?x=1&y=2"
    assert text[link.anchor.start:link.anchor.end] == "the treaty"
    assert "var u" not in doc.prose and "p{}" not in doc.prose and "Home" not in doc.prose
    assert "Read" in doc.prose and "—" in doc.prose


def test_an_aside_of_further_reading_is_content_but_a_sidebar_is_not() -> None:
    text = (
        "<body><p>The cottage was his last home.</p>"
        "<aside class=\"promo\"><h3>Shop</h3><p>Buy a tea towel at https://shop.example.org/towels</p></aside>"
        "<aside class=\"further-reading\"><ul><li>Read about him on "
        "<a href=\"https://en.wikipedia.org/wiki/T._E._Lawrence\">Wikipedia</a></li></ul></aside>"
        "<aside><h3>Find out more</h3><p>The letters are online: https://www.example.org/letters</p></aside>"
        "</body>"
    )
    doc = document_from_text(text, "p.html")
    assert "Read about him" in doc.prose and "The letters are online" in doc.prose
    assert "tea towel" not in doc.prose
    assert {link.url for link in doc.links if link.origin is not LinkOrigin.PAGE} >= {
        "https://en.wikipedia.org/wiki/T._E._Lawrence"}


def test_html_entity_inside_a_word_keeps_the_word_whole() -> None:
    text = "<p>P&eacute;tain&#8217;s memoirs and &Eacute;douard Herriot&rsquo;s diary; &ldquo;so&rdquo; he said.</p>"
    doc = document_from_text(text, "p.html")
    assert len(doc.prose) == len(text)
    assert "Pétain’s" in doc.prose and "Édouard" in doc.prose and "Herriot’s" in doc.prose
    # a quotation mark before a word is not part of it
    assert "“      so" in doc.prose
    # words that follow keep their offsets
    start = text.index("memoirs")
    assert doc.prose[start:start + len("memoirs")] == "memoirs"


FORUM = """Did Munich doom the alliance?

  • Yes

  • No


Results are only viewable after voting.
Mar 2014
2,211
Bergen
#23
The talks of 1939 failed for many reasons.

Likes: tomcat77

tomcat77

Ad Honorem
Jun 2016
5,102
Leeds
#24
Halvard is right about the talks.
Last edited:

Similar History Discussions
Was Munich a mistake?
"""


def test_forum_threads_split_into_posts_and_chrome_is_blanked() -> None:
    doc = document_from_text(FORUM, "thread.txt")
    assert [(p.number, p.author) for p in doc.posts] == [("#23", None), ("#24", "tomcat77")]
    for chrome in ("Results are only viewable", "2,211", "#23", "Likes: tomcat77", "Ad Honorem", "Last edited",
                   "Similar History Discussions", "Was Munich a mistake?", "Yes"):
        assert chrome not in doc.prose, chrome
    assert "The talks of 1939 failed" in doc.prose
    first = doc.post_at(FORUM.index("The talks"))
    assert first is not None and first.number == "#23"
    assert doc.post_at(FORUM.index("Halvard is right")).number == "#24"  # type: ignore[union-attr]


def test_xenforo_quotes_are_marked_as_quotations() -> None:
    text = "Mar 2014\n2,211\nBergen\n#23\nHalvard said:\nThe pact was signed in August.\nClick to expand...\nI agree.\n"
    doc = document_from_text(text, "t.txt")
    quote_blocks = [b for b in doc.blocks if b.kind is BlockKind.QUOTE]
    assert [doc.prose[b.span.start:b.span.end] for b in quote_blocks] == ["The pact was signed in August."]
    assert "Click to expand" not in doc.prose


REDDIT = """r/AskHistorians
Posted by u/curious_student
6 yr. ago

Why did the talks fail?

1.2k
87 Comments
Share

u/expert_answerer
Diplomacy 1918-1939 | Soviet Union
6 yr. ago · edited 6 yr. ago
The talks failed over Poland in August 1939.

842 points
Reply
Share

    u/follow_up
    6 yr. ago
    > The talks failed over Poland
    Why Poland?
"""


def test_reddit_threads_split_into_posts_and_flairs_are_chrome() -> None:
    doc = document_from_text(REDDIT, "r.txt")
    assert [p.author for p in doc.posts] == ["curious_student", "expert_answerer", "follow_up"]
    for chrome in ("Diplomacy 1918-1939", "842 points", "87 Comments", "6 yr. ago", "Reply", "r/AskHistorians"):
        assert chrome not in doc.prose, chrome
    quotes = [b for b in doc.blocks if b.kind is BlockKind.QUOTE]
    assert [doc.prose[b.span.start:b.span.end].strip() for b in quotes] == ["The talks failed over Poland"]


def test_html_page_furniture_links_are_links_but_not_sources(context) -> None:  # type: ignore[no-untyped-def]
    from citecheck.analysis import analyze

    html = ('<html><head><link rel="canonical" href="https://www.example-museum.org/galley/">'
            '<link rel="stylesheet" href="/main.css"></head><body>'
            '<nav><a href="https://www.example-museum.org/visit/">Visit</a><a href="/shop/">Shop</a></nav>'
            '<p>The galley is described on <a href="https://en.wikipedia.org/wiki/Galley">Wikipedia</a>.</p>'
            '<footer><a href="https://www.instagram.com/examplemuseum/">Instagram</a></footer></body></html>')
    a = analyze(document_from_text(html, "page.html"), context)
    assert [(link.url, link.origin) for link in a.links] == [
        ("https://www.example-museum.org/galley/", LinkOrigin.PAGE),
        ("https://www.example-museum.org/visit/", LinkOrigin.PAGE),
        ("https://en.wikipedia.org/wiki/Galley", LinkOrigin.HTML),
        ("https://www.instagram.com/examplemuseum/", LinkOrigin.PAGE),
    ]
    assert [s.citation.url for s in a.sources] == ["https://en.wikipedia.org/wiki/Galley"]


@pytest.mark.parametrize(
    "line",
    [
        "Discussion in 'Early Modern Wars (1500-1700)' started by Halberdier_9, Mar 3, 2022.",
        "All times are GMT +1. The time now is 11:42 PM.",
        "Siege of Malta - what really happened?  (Read 3,118 times)",
        "« on: March 3, 2023, 09:12:44 AM »",
        "All related (14)   Sort: Recommended",
        "By Anna Keller  |  Published 4 May 2021  |  7 min read",
        "Posted on 4 May 2021 by Anna Keller | Categories: Britain, Empire | 3 Comments",
        "Asked 6 years, 11 months ago   Modified 2 years ago   Viewed 18k times",
        "answered Oct 21, 2017 at 11:52",
        "Anna Novak's review",
        "★★★★☆ really liked it",
        "Shelves: ww2, eastern-front, non-fiction",
        "84 likes · Like · Comment",
        "Tommy_Atkins_44 wrote: ↑Tue Mar 14, 2023 8:12 pm",
        "👍 45   Reply",
        "41 people found this helpful",
        "Reviewed in the United Kingdom on 14 March 2020",
        "Format: Hardcover | Verified Purchase",
        "Ruth Hale <r.hale@example.net> wrote:",
        '"Ruth Hale" <r.hale@example.net> wrote in message news:f5ta2c$8kq$1@news.example.net...',
        "Page created in 0.112 seconds with 24 queries.",
        "siege_map.jpg (212.4 kB, 1024x768 - viewed 96 times.)",
        "2,341 notes",
        "#history #stuarts #warming pan discourse",
        "Registered charity no. 1012345",
        "You are receiving this because you are a member of the Society.",
        "Unsubscribe | Update your preferences",
        "© Filmclub Limited. Made by fans in Wellington.",
        "casbah_cinephile  2mo",
        "2w   9 likes   Reply",
        "4.5   412 reviews",
        "[ 23 bids ]",
        "#3 of 29 things to do in Dieppe",
        "Europe > France > Normandy > Dieppe > Things to Do in Dieppe",
        "View all 212 comments",
        "Sort by: Oldest   Per page: 25   Display threads: Collapsed",
        "This page was last edited on 2 February 2024, at 17:41 (UTC).",
        "Reviewed by Catherine Mulvaney (University of Stirling)",
        "Published on H-War (March, 2023)",
        "Keywords: Holocaust; testimony; displaced persons; archives",
        "Copyright © 2023 by H-Net, all rights reserved.",
        "Verified flair: Great War | British Army",
        "This week's episode is sponsored by Ledgerly.",
        "GG @hawkeye_mash, you just advanced to level 12!",
        "[12/03/2024, 19:02] Messages and calls are end-to-end encrypted. No one outside of this chat can read them.",
        "Free UK delivery on orders over £25. Usually dispatched within 24 hours.",
        'When replying, please edit your Subject line so it is more specific than "Re: Digest"',
    ],
)
def test_thread_and_page_headers_of_other_platforms_are_chrome(line: str) -> None:
    doc = document_from_text(f"{line}\nThe galleys sailed in May 1565.\n", "t.txt")
    assert doc.prose.strip() == "The galleys sailed in May 1565."


def test_a_sentence_about_publishing_is_not_a_byline() -> None:
    text = "Published in 1936 by Victor Gollancz, it sold badly.\n"
    assert document_from_text(text, "t.txt").prose == text
    text = "Reviewed by Parliament in May, the plan was dropped.\n"
    assert document_from_text(text, "t.txt").prose == text


@pytest.mark.parametrize("line", [
    "Copyright law changed in 1911 and the Society was split.",
    "Unsubscribe at any time, they said, but the Society kept writing.",
    "#1 in the charts that spring was a song about the war.",
    "3 of the 29 ships were lost > one in ten.",
    "2w later the fort fell.",
])
def test_sentences_that_start_like_small_print_are_prose(line: str) -> None:
    assert document_from_text(line + "\n", "t.txt").prose.strip() == line


def test_a_sites_categories_and_related_lines_are_chrome() -> None:
    text = "The fort fell in 1565.\nCategories: Sieges | Malta | 1565\nRelated: The Great Siege in 12 pictures\n"
    assert document_from_text(text, "t.txt").prose.strip() == "The fort fell in 1565."


def test_a_stack_exchange_comment_signature_is_chrome() -> None:
    text = "What happened to the admiral afterwards? – Hugh Pellow Oct 22, 2017 at 08:03\n"
    doc = document_from_text(text, "t.txt")
    assert doc.prose.rstrip() == "What happened to the admiral afterwards?"
    assert len(doc.prose) == len(doc.text)  # blanked, not removed: offsets still point into the file
    # a dash inside a sentence is no signature
    text = "The fleet – forty ships – sailed on Oct 22, 1805 at dawn.\n"
    assert document_from_text(text, "t.txt").prose == text


def test_a_newsletters_byline_dateline_and_counters_are_chrome() -> None:
    text = ("# The Week the City Burned\n\n**Ellen Marsh**\nSep 2, 2024 · *The Lantern Room*\n\n"
            "♡ 318 · 💬 42 · ↻ Share\n\nThe fire began in a bakery in 1666.\n")
    prose = document_from_text(text, "t.md").prose
    assert "Ellen Marsh" not in prose and "Lantern Room" not in prose and "318" not in prose
    assert "The fire began in a bakery in 1666." in prose
    # a timeline entry is no dateline: its text is not a title-case name
    entry = "Sep 2, 1666 · the fire starts in a bakery on Pudding Lane\n"
    assert document_from_text(entry, "t.txt").prose == entry


def test_html_breadcrumbs_and_share_bars_are_chrome() -> None:
    text = ('<html><body><div class="topbar"><a href="/visit/">Plan your visit</a> | <a href="/give/">Donate</a>'
            '</div>\n<p class="breadcrumb"><a href="/ex/">Exhibitions</a> / <a href="/ex/online/">Online</a>'
            ' / 1918 Influenza</p>\n<div id="share-buttons">Share on X</div>\n'
            '<p class="lead">The first cases were reported in March 1918.</p></body></html>\n')
    prose = document_from_text(text, "t.html").prose
    assert "Exhibitions" not in prose and "Online" not in prose and "Share on" not in prose
    assert "Plan your visit" not in prose and "Donate" not in prose
    assert "The first cases were reported in March 1918." in prose


TALK_PAGE = """Talk:Siege of Leningrad

== Casualty figures ==
The lead says 1.5 million died, which seems high. Where is that from? Neva_Reader (talk) 09:14, 2 March 2022 (UTC)
:Glantz gives about 1 million civilians in The Siege of Leningrad (2002). Baltic_Fleet (talk) 10:02, 2 March 2022 (UTC)
::Thanks, I will change it. Neva_Reader (talk) 11:40, 2 March 2022 (UTC)
{{reflist-talk}}
"""


def test_a_talk_pages_signed_comments_are_posts_and_signatures_chrome() -> None:
    doc = document_from_text(TALK_PAGE, "talk.txt")
    assert [p.author for p in doc.posts] == ["Neva_Reader", "Baltic_Fleet", "Neva_Reader"]
    assert "(talk)" not in doc.prose and "(UTC)" not in doc.prose and "reflist" not in doc.prose
    assert "Where is that from?" in doc.prose and "1 million civilians" in doc.prose
    assert len(doc.prose) == len(doc.text)


OLD_REDDIT = """r/history

Did anyone really think the bomb could ignite the air?
submitted 5 hours ago by atom_curious
1,208 comments   share   save   hide   report

all 1,208 comments
sorted by: best

[–] atom_curious [S] 412 points 5 hours ago
I read it on Wikipedia last night.
        permalink   save   parent   report   reply

        [–] [deleted] 14 points 3 hours ago
        [deleted]

            [–] tritium_kid 102 points 3 hours ago
            Teller raised it in 1942 and Bethe worked out that it could not happen.

« Previous Thread | Next Thread »
"""


def test_old_reddit_comment_headers_start_posts_and_its_buttons_are_chrome() -> None:
    doc = document_from_text(OLD_REDDIT, "r.txt")
    assert [p.author for p in doc.posts] == ["atom_curious", None, "tritium_kid"]
    for chrome in ("submitted", "1,208 comments", "sorted by", "permalink", "[deleted]", "412 points", "Next Thread"):
        assert chrome not in doc.prose, chrome
    assert "Teller raised it in 1942" in doc.prose


def test_a_comment_byline_is_chrome_and_ends_a_reading_list() -> None:
    text = ("**Further reading**\n\n- Joyce Marlow, *The Tolpuddle Martyrs* (André Deutsch, 1971)\n\n---\n\n"
            "### 2 comments\n\n**Pete Oakley** · 20 March 2024\nThe magistrates acted for the landowners.\n\n"
            "Ruth Ashdown (WRLA) · 20 March 2024, 14:02\nThe pardons came in 1836.\n")
    doc = document_from_text(text, "blog.md")
    assert "Pete Oakley" not in doc.prose and "Ruth Ashdown" not in doc.prose
    from citecheck.extract.bibliography import extract_references

    assert [c.surface for c in extract_references(doc)] == [
        "Joyce Marlow, *The Tolpuddle Martyrs* (André Deutsch, 1971)"]


def test_an_html_note_number_reads_as_a_footnote_marker() -> None:
    text = '<p>The army withdrew in 1944.<sup><a href="#ref1">1</a></sup> It was late.</p>'
    doc = document_from_text(text, "page.html")
    assert "1944.[1]" in doc.prose.replace(" ", "")
    assert len(doc.prose) == len(doc.text)


def _posts_without_chrome(text: str, path: str, authors: list[str | None], chrome: tuple[str, ...]) -> Document:
    """The thread splits into posts by ``authors`` and none of ``chrome`` is left in the prose."""
    doc = document_from_text(text, path)
    assert [p.author for p in doc.posts] == authors
    for line in chrome:
        assert line not in doc.prose, line
    return doc


def test_chat_export_headers_start_posts_and_reactions_are_chrome() -> None:
    text = ("# interwar-germany\n\n──────── March 13, 2024 ────────\n\n"
            "vossische — Yesterday at 22:41\nwas it the army that wanted it?\n\n"
            "Brauhaus_Bertie — Yesterday at 22:47\npartly. the Reichswehr hated the SA\n👍 3  📚 1\n\n"
            "Anna K. — 03/14/2024 2:02 PM\nno. the file of evidence was faked\n")
    doc = _posts_without_chrome(text, "chat.txt", ["vossische", "Brauhaus_Bertie", "Anna K."],
                                ("Yesterday at", "👍 3", "March 13, 2024", "2:02 PM"))
    assert "the Reichswehr hated the SA" in doc.prose


def test_a_discord_text_export_puts_the_time_and_the_name_in_brackets_over_the_message() -> None:
    text = ("[27-Oct-23 09:06 PM] Kestrel\nthe main source is one guy, the signals officer\n\n"
            "[27-Oct-23 09:07 PM] pontoon_bridge\nof course it's one guy\n")
    doc = _posts_without_chrome(text, "chat.txt", ["Kestrel", "pontoon_bridge"], ("09:06 PM", "[27-Oct-23"))
    assert "the main source is one guy" in doc.prose


def test_phone_chat_exports_put_the_header_and_the_message_on_one_line() -> None:
    text = ("[15/01/2024, 07:12] Family: \u200eMessages and calls are end-to-end encrypted. No one outside of "
            "this chat can read them.\n"
            "[15/01/2024, 08:02] Uncle Ade: <Media omitted>\n"
            "[15/01/2024, 08:31] Uncle Ade: In July 1966 the northern officers struck back.\n"
            "It was over in a night.\n"
            "[15/01/2024, 08:45] Tola: This message was deleted\n"
            "15/01/2024, 09:10 - Chidi: Forwarded as received 👇\n")
    doc = _posts_without_chrome(text, "chat.txt", ["Family", "Uncle Ade", "Uncle Ade", "Tola", "Chidi"],
                                ("[15/01/2024", "Uncle Ade:", "end-to-end", "<Media omitted>", "was deleted",
                                 "Forwarded", "09:10 - Chidi"))
    third = doc.posts[2]
    assert doc.prose[third.header.end:third.span.end].strip() == ("In July 1966 the northern officers struck back.\n"
                                                                   "It was over in a night.")
    # the message after its header is a block of prose, not furniture
    assert any(doc.prose[b.span.start:b.span.end].startswith("In July 1966") for b in doc.blocks)
    # a message that merely ends like an app notice is still the sender's words
    told = document_from_text("[15/01/2024, 08:31] Ade: By 1948 the British left\n"
                              "[15/01/2024, 08:32] Tola: Then he added a note to the file\n", "chat.txt")
    assert "By 1948 the British left" in told.prose and "Then he added a note to the file" in told.prose
    # one such line is somebody quoting a chat, not an export
    single = document_from_text("My aunt kept this:\n[15/01/2024, 08:31] Ade: we never spoke of it.\n", "note.txt")
    assert single.posts == ()


def test_invision_headers_quotes_and_furniture() -> None:
    text = ("Boards › Forums › Modern Ireland › Civil War\n\nWho fired the shot?\n"
            "By Rover, August 22, 2022 in Civil War\nFollowers 4\nRecommended Posts\n\n"
            "Rover\nMembers\n 214 posts\nLocation: Clonmel\nPosted August 22, 2022\n\n"
            "Was it ever settled?\n\nLike 3   Quote\n\n"
            "Cork_Historian\nAdvanced Member\n 1.9k posts\nPosted August 22, 2022 (edited)\n\n"
            "Nobody knows for certain.\n\nEdited August 22, 2022 by Cork_Historian\n\nLike 11   Thanks 4   Quote\n\n"
            "Rover\nMembers\nPosted August 23, 2022\n\n"
            "On 22/08/2022 at 21:40, Cork_Historian said:\nNobody knows for certain.\n\nThanks, that helps.\n")
    doc = _posts_without_chrome(text, "ipb.txt", ["Rover", "Cork_Historian", "Rover"], (
        "Posted August", "Edited August", "Like 11", "Followers 4", "Forums ›", "By Rover", "said:"))
    from citecheck.ingest.forum import detect_thread

    (quote,) = detect_thread(doc.text).quotes
    assert doc.text[quote.start:quote.end] == "Nobody knows for certain."


def test_simple_machines_forum_posts_with_subject_lines() -> None:
    text = ("Family History Board > Military > Grandad at Arnhem\n\n"
            "Pegwell\nBoard Member\nPosts: 41\n\nGrandad at Arnhem - which battalion?\n"
            "« on: Tuesday 14 March 23 21:06 GMT (UK) »\n\nHe was captured in September 1944.\nLogged\n\n"
            "Dunmowlad\nBoard Extra\nPosts: 2,316\n\nRe: Grandad at Arnhem - which battalion?\n"
            "« Reply #1 on: Tuesday 14 March 23 21:40 GMT (UK) »\n\nTry the regimental museum first.\nLogged\n")
    doc = _posts_without_chrome(text, "smf.txt", ["Pegwell", "Dunmowlad"], (
        "Reply #1", "« on:", "Posts: 41", "Board Extra", "Re: Grandad", "which battalion?", "Logged"))
    assert [p.number for p in doc.posts] == [None, "#1"]


def test_mailing_list_messages_are_posts_and_digest_furniture_is_chrome() -> None:
    text = ("From: H-NORDIC digest <LISTSERV@H-NET.EXAMPLE>\nTo: H-NORDIC@H-NET.EXAMPLE\n"
            "Subject: H-NORDIC Digest (#2018-29)\n\nThere are 2 messages totaling 40 lines in this issue.\n\n"
            "Topics of the day:\n\n  1. QUERY: Deaths in the camps (2)\n\n" + "-" * 30 + "\n\n"
            "Date:    Tue, 10 Apr 2018 09:14:22 -0400\nFrom:    Katherine Doyle <kdoyle@example.edu>\n"
            "Subject: QUERY: Deaths in the camps\n\nHow many died in the camps?\n\n"
            "Date:    Tue, 10 Apr 2018 16:40:05 +0300\nFrom:    Jussi Halonen <jh@example.fi>\n"
            "Subject: Re: QUERY\n\nAbout 12,500 died in the camps.\n\nFrom: my uncle, who was there.\n")
    doc = _posts_without_chrome(text, "digest.txt", ["H-NORDIC digest", "Katherine Doyle", "Jussi Halonen"], (
        "Subject:", "Date:", "totaling", "Topics of the day", "QUERY: Deaths in the camps (2)"))
    assert "From: my uncle, who was there." in doc.prose  # one "From:" line is no header


def test_wikitext_markup_is_blanked_and_keeps_offsets() -> None:
    text = ("The '''Briggs Plan''' moved squatters under Sir [[Harold Briggs (British Army officer)|Harold Briggs]] "
            "during the [[Malayan Emergency]].<ref>{{cite book |last=Short |title=The Insurrection}}</ref>\n"
            "[[Category:Malayan Emergency]]\n")
    doc = document_from_text(text, "draft.txt")
    assert len(doc.prose) == len(text)
    words = " ".join(doc.prose.split())
    assert words.startswith("The Briggs Plan moved squatters under Sir Harold Briggs during the Malayan Emergency .")
    assert "British Army officer" not in doc.prose and "Category" not in doc.prose
    assert "{{cite book" in doc.prose  # citations stay for the extractor
    # without other signs of wikitext, double brackets and quotes are the writer's own
    plain = "He wrote [[sic]] in the margin, and ''twice'' underlined it.\n"
    assert document_from_text(plain, "note.txt").prose == plain


SLACK = """\
──────────────── Monday, March 4th ────────────────

Ruth Amadi  9:04 AM
Thursday is Genoa. Read the Fink chapters first.
    :wave: 6   :books: 3

Tom Keeling  10:12 AM
The Soviet delegation stayed at Rapallo, not in Genoa itself.
    :exploding_head: 4
    2 replies   Last reply 4 days ago
    │ Priya Raman  10:26 AM
    │ They did, at the Imperial hotel.
"""


def test_slack_messages_and_thread_replies_are_posts_and_reactions_are_chrome() -> None:
    doc = document_from_text(SLACK, "channel.txt")
    assert [p.author for p in doc.posts] == ["Ruth Amadi", "Tom Keeling", "Priya Raman"]
    for chrome in (":wave:", "2 replies", "Last reply", "9:04 AM", "March 4th"):
        assert chrome not in doc.prose, chrome
    assert "They did, at the Imperial hotel." in doc.prose


LINKEDIN = """\
Dana Whitlow • 2nd
Strategy Partner at Northgate Consulting | Board Adviser | Author of "Act Before You Know"
3d • Edited • 🌐
+ Follow

In 1925 the Locarno treaties guaranteed the Rhine frontier.

Like    Comment    Repost    Send

Dr Pia Lorenz • 1st
Lecturer in Modern German History | Writing on Weimar diplomacy
The eastern frontier was left out on purpose.
Like · Reply · 2d     👍 47
"""


def test_linkedin_member_lines_headlines_and_buttons_are_chrome() -> None:
    doc = document_from_text(LINKEDIN, "post.txt")
    assert [p.author for p in doc.posts] == ["Dana Whitlow", "Dr Pia Lorenz"]
    for chrome in ("Strategy Partner", "Board Adviser", "Lecturer in Modern", "Like · Reply", "+ Follow", "Repost",
                   "Edited"):
        assert chrome not in doc.prose, chrome
    assert "The eastern frontier was left out on purpose." in doc.prose


CLIPPINGS = """\
\ufeffThe Road to Locarno (Harriet Vane)
- Your Highlight on page 14 | Location 203-207 | Added on Tuesday, 2 January 2024 22:10:31

The initiative came from Berlin in February 1925.
==========
The Road to Locarno (Harriet Vane)
- Your Note on page 14 | Location 207 | Added on Tuesday, 2 January 2024 22:13:48

The British ambassador claimed the idea was his.
==========
"""


def test_kindle_clippings_are_posts_and_a_highlight_is_quoted_from_the_book_named_above_it(
        analyze_text) -> None:  # type: ignore[no-untyped-def]
    result = analyze_text(CLIPPINGS, "My Clippings.txt")
    doc = result.doc
    assert len(doc.posts) == 2 and "Your Highlight" not in doc.prose and "=====" not in doc.prose
    books = [(s.citation.title, s.citation.authors) for s in result.sources]
    assert books == [("The Road to Locarno", ("Harriet Vane",))] * 2
    support = {c.claim.text: c.claim.supported for c in result.claims}
    assert support["The initiative came from Berlin in February 1925."] is True  # the book's own words
    assert support["The British ambassador claimed the idea was his."] is False  # the reader's note


def test_a_transcripts_timed_speaker_lines_are_posts_and_stage_directions_are_chrome() -> None:
    text = ("[14:00:02] [jingle: Radio Kestrel, the sound of the valleys]\n\n"
            "[14:00:09] JUNE HOLLIS: Good afternoon. With me is Dr Sam Ure.\n\n"
            "[14:00:41] DR SAM URE: Afternoon, June. The conference opened on 17 July 1945.\n\n"
            "[14:01:43] KEITH (Saltash): My dad was in Berlin that July.\n")
    doc = document_from_text(text, "phone-in.txt")
    assert [p.author for p in doc.posts] == ["JUNE HOLLIS", "DR SAM URE", "KEITH (Saltash)"]
    assert "jingle" not in doc.prose and "14:00" not in doc.prose and "DR SAM URE" not in doc.prose
    assert "The conference opened on 17 July 1945." in doc.prose


def test_a_transcripts_untimed_speaker_labels_and_social_and_vbulletin_furniture_are_chrome() -> None:
    text = ("CHAIR: We have twenty minutes for questions.\n\n"
            "QUESTIONER 2 (woman in the third row, name not given): Mine is about the bridge.\n\n"
            "DR ALAVA: The bridge was named as a target and it survived.\n\n"
            "View 41 replies\n\n♬ original sound - Sixty Second History\n\n"
            "The Following 3 Users Say Thank You to Old Bersagliere For This Useful Post:\n\n"
            "BB code is On\nSmilies are On\nHTML code is Off\n")
    doc = document_from_text(text, "talk.txt")
    for chrome in ("CHAIR:", "QUESTIONER 2", "third row", "DR ALAVA", "View 41", "original sound", "Say Thank You",
                   "BB code", "Smilies", "HTML code"):
        assert chrome not in doc.prose, chrome
    assert "Mine is about the bridge." in doc.prose and "The bridge was named as a target" in doc.prose
    # one capitalised label is a heading or an abbreviation, not a transcript
    one = document_from_text("NOTE: the dates are Old Style.\n\nThe siege began in May.\n", "n.txt")
    assert "NOTE:" in one.prose


def test_xenforo_dated_post_numbers_and_github_comment_headers_start_posts() -> None:
    thread = ("Apr 29, 2023   #1\nThe pilot took off from Peshawar.\n\n"
              "Apr 30, 2023   #2\nHe was exchanged in 1962.\n")
    doc = document_from_text(thread, "thread.txt")
    assert [p.number for p in doc.posts] == ["#1", "#2"] and "2023" not in doc.prose
    issue = ("mkowalczyk-hist commented on 3 Mar\nThe treaty was signed at the navy yard.\n\n"
             "rfaulkner added the data-correction and pre-1914 labels on 3 Mar\n\n"
             "jtanaka-dev commented on 4 Mar\nThe yard is in Kittery.\n\n"
             "rfaulkner closed this as completed in #219 on 6 Mar\n")
    doc = document_from_text(issue, "issue.txt")
    assert [p.author for p in doc.posts] == ["mkowalczyk-hist", "jtanaka-dev"]
    assert "commented" not in doc.prose and "labels" not in doc.prose and "closed this" not in doc.prose


def test_hacker_news_comment_headers_start_posts_and_the_buttons_are_chrome() -> None:
    text = ("Hacker News | new | past | comments | ask | show | jobs | submit      login\n\n"
            "Colossus was built to break Lorenz (example.org)\n"
            "412 points by rkestrel 9 hours ago | flag | hide | past | favorite | 187 comments\n\n"
            "jdowling 9 hours ago | next [-]\n\nColossus attacked the Lorenz cipher, not Enigma.\n\nreply\n\n"
            "  mtrevelyan 8 hours ago | parent | next [-]\n\n  Copeland's book covers it.\n\n  reply\n")
    doc = _posts_without_chrome(text, "hn.txt", ["jdowling", "mtrevelyan"], (
        "hours ago", "| parent", "next [-]", "412 points", "Hacker News |", "reply"))
    assert len(doc.posts) == 2


WRAPPED_POST = (
    "Not quite. The figure I have is 923 killed and about 2,900 wounded for\n"
    "the corps in the final battle, which is where your number comes from if\n"
    "you add them up. It is in the British official history (Molony, vol.\n"
    "V) and I posted the breakdown in my old thread on the losses here last\n"
    "spring, so the archive should still have it. I also have an old Time\n"
    "Life volume, The Italian Campaign, which puts the total a little higher.\n"
    "Mark Clark was against the bombing and said so loudly afterwards, too.\n"
    "> And the monks? Were any of them still inside the walls that morning?\n"
    "> I have seen both answers given in books that ought to know better.\n"
    "- one list item that runs on for quite a long way across the page, yes\n"
    "- and another one\n"
)


def test_hard_wrapped_prose_reads_as_its_paragraphs() -> None:
    doc = document_from_text(WRAPPED_POST, "post.txt")
    assert doc.text == WRAPPED_POST
    assert "(Molony, vol. V)" in doc.prose  # an abbreviation's full stop ends no sentence
    assert "an old Time Life volume, The Italian Campaign," in doc.prose
    # a sentence that ends at the margin before a capital keeps its break; quoted mail and list items
    # keep theirs
    def break_after(words: str) -> str:
        at = WRAPPED_POST.index(words) + len(words)
        return doc.prose[at]

    assert break_after("a little higher.") == "\n"
    assert break_after("afterwards, too.") == "\n" and break_after("that morning?") == "\n"
    assert break_after("know better.") == "\n" and break_after("page, yes") == "\n"
    assert break_after("wounded for") == " " and break_after("comes from if") == " "


def test_text_not_wrapped_at_a_margin_keeps_its_line_breaks() -> None:
    short_lines = "\n".join(["We went there in May.", "Thanks, that helps a lot.", "It was my grandad's"] * 4) + "\n"
    assert document_from_text(short_lines, "t.txt").prose == short_lines
    long_lines = "\n".join(["x" * 150 + " and then some more words at the end"] * 10) + "\n"
    assert document_from_text(long_lines, "t.txt").prose == long_lines



def test_a_run_of_blog_comment_headers_starts_posts_but_a_timeline_does_not() -> None:
    text = ("## 3 comments\n\n**jamjar** - 14 April 2025 at 08:40\nThe clue about Prague was the best one.\n\n"
            "**Ruth Ashdown** - 14 April 2025 at 09:03\nAgreed, and the tanks came in on 21 August.\n\n"
            "Pete Oakley · April 14, 2025\nThe clue about Prague was the best one.\n")
    doc = _posts_without_chrome(text, "blog.md", ["jamjar", "Ruth Ashdown", "Pete Oakley"],
                                ("jamjar", "Ruth Ashdown", "08:40", "April 14, 2025"))
    assert "the tanks came in on 21 August" in doc.prose
    # battles with their dates, and a lone byline, are content and an article's byline, not comments
    timeline = document_from_text("Key dates\n\nArras - 9 April 1917\nMessines - 7 June 1917\n", "dates.txt")
    assert timeline.posts == () and "Arras - 9 April 1917" in timeline.prose
    byline = document_from_text("**Ruth Ashdown** · 14 April 2025\n\nThe tanks came in on 21 August.\n", "a.md")
    assert byline.posts == ()


def test_a_quora_advertisement_is_chrome() -> None:
    doc = document_from_text("He was ordered to hold.\n\nPromoted by Babbel\nLearn a language in 3 weeks.\n", "q.txt")
    assert "Babbel" not in doc.prose and "He was ordered to hold." in doc.prose


def test_a_boost_or_repost_header_is_chrome() -> None:
    doc = document_from_text("The quote is fake.\n\n🔁 Kev the Librarian 📚 boosted\n\nThe quote is fake.\n\n"
                             "Ann Lee reposted\n\nShe was boosted by the news.\n", "m.txt")
    assert "Kev the Librarian" not in doc.prose and "Ann Lee" not in doc.prose
    assert "She was boosted by the news." in doc.prose
