"""Extraction of cited sources: links, pasted titles, informal citations, references, chains."""

from __future__ import annotations

from functools import partial

from citecheck.analysis import Context
from citecheck.extract import extract_citations, extract_links
from citecheck.extract.bibliography import parse_reference
from citecheck.ingest import document_from_text
from citecheck.model import Citation, LinkOrigin, SourceKind


def cites(context: Context, text: str, path: str = "t.txt") -> list[Citation]:
    return extract_citations(document_from_text(text, path), context.hints)


def surfaces(context: Context, text: str, path: str = "t.txt") -> list[str]:
    return [c.surface for c in cites(context, text, path)]


def test_informal_work_citations(context: Context) -> None:
    found = cites(context, "I read it in a book by Gorodestky, and later in the diaries of Chernyaev. "
                           "There is also a documentary from the German channel ZDF about it.")
    assert [(c.surface, c.kind) for c in found] == [
        ("a book by Gorodestky", SourceKind.BOOK),
        ("the diaries of Chernyaev", SourceKind.DIARY),
        ("a documentary from the German channel ZDF about it", SourceKind.VIDEO),
    ]
    assert found[0].authors == ("Gorodestky",)
    assert not any(c.vague for c in found)


def test_possessive_and_compound_works(context: Context) -> None:
    found = cites(context, "As we can see from Franz Halder's war journal, and from the Goebbels diaries, the plan "
                           "changed. Liddell Hart's The Other Side of the Hill agrees.")
    assert [c.surface for c in found] == [
        "Franz Halder's war journal", "the Goebbels diaries", "Liddell Hart's The Other Side of the Hill"]
    assert found[2].title == "The Other Side of the Hill"


def test_historians_with_reporting_verbs_are_sources_but_persons_discussed_are_not(context: Context) -> None:
    text = ("The military historian David Glantz argues that the roads failed. Historian Liddell Hart was a soldier. "
            "Churchill said many things. Chamberlain stressed the point. Glantz also notes the weather.")
    assert surfaces(context, text) == ["military historian David Glantz argues", "Glantz also notes"]


def test_author_year_and_according_to(context: Context) -> None:
    text = ("The guarantee was a bluff (Taylor 1961, p. 211; Watt 1989). According to Geoffrey Roberts (1989), "
            "Stalin hesitated. The Locarno Treaty (1925) held until 1936.")
    found = cites(context, text)
    assert [(c.surface, c.authors, c.year) for c in found] == [
        ("Taylor 1961", ("Taylor",), 1961),
        ("Watt 1989", ("Watt",), 1989),
        ("According to Geoffrey Roberts (1989)", ("Geoffrey Roberts",), 1989),
    ]


def test_vague_sources_are_flagged(context: Context) -> None:
    text = ("Years ago I read a small pamphlet about it. I also found a thesis about the cabinet and the guarantee. "
            "I saw a German documentary last week. There is a complete study of the question by Anna M. Cienciala. "
            "Someone should write a book about this.")
    found = cites(context, text)
    assert [(c.surface, c.vague) for c in found] == [
        ("a small pamphlet about it", True),
        ("a thesis about the cabinet and the guarantee", True),
        ("a German documentary", True),
        ("a complete study of the question by Anna M. Cienciala", True),
    ]


def test_pasted_link_titles_and_title_over_url(context: Context) -> None:
    text = ("Mar 2014\n2,211\nBergen\n#23\nAbout Bonnet:\nGeorges Bonnet - Wikipedia\n"
            "Soviet-British alliance could have averted war, diaries reveal | Culture24\n"
            "Diary of Soviet ambassador rewrites history of World War II\n\"He was a superb diplomat.\"\n"
            "Chernyaev A.S. / Diaries 1972-1991 / Part I\nhttp://www.fedy-diary.ru/html/page.html\n")
    found = cites(context, text)
    assert [(c.surface.split("\n")[0], c.kind, c.cue) for c in found] == [
        ("Georges Bonnet - Wikipedia", SourceKind.WEB, "link-title"),
        ("Soviet-British alliance could have averted war, diaries reveal | Culture24", SourceKind.ARTICLE,
         "link-title"),
        ("Diary of Soviet ambassador rewrites history of World War II", SourceKind.ARTICLE, "headline"),
        ("Chernyaev A.S. / Diaries 1972-1991 / Part I", SourceKind.DIARY, "link-title"),
    ]
    assert found[0].url == "https://en.wikipedia.org/wiki/Georges_Bonnet" and found[0].url_inferred
    assert found[1].site == "Culture24"
    assert found[3].url == "http://www.fedy-diary.ru/html/page.html"
    doc = document_from_text(text, "t.txt")
    inferred = [link for link in extract_links(doc, found) if link.origin is LinkOrigin.INFERRED]
    assert [link.url for link in inferred] == ["https://en.wikipedia.org/wiki/Georges_Bonnet"]


def test_second_hand_citations_carry_via(context: Context) -> None:
    text = ("In the diaries of Chernyaev I found a passage from the diaries of Georgi Dimitrov. "
            "Halder's diary, as quoted in Shirer's book, is blunt.")
    found = cites(context, text)
    by_surface = {c.surface: c for c in found}
    outer = by_surface["the diaries of Chernyaev"]
    assert by_surface["the diaries of Georgi Dimitrov"].via == outer.span
    assert by_surface["Halder's diary"].via == by_surface["Shirer's book"].span
    assert outer.via is None


def test_a_letter_known_only_as_quoted_in_a_book(context: Context) -> None:
    text = ("In May 1665 the clerk wrote to his patron that the streets were empty. I know that letter only "
            "as quoted in Ellen Marsh's biography, and I have not seen the original.\n")
    by_surface = {c.surface: c for c in cites(context, text)}
    assert by_surface["that letter"].via == by_surface["Ellen Marsh's biography"].span
    assert by_surface["that letter"].kind is SourceKind.ARCHIVE
    assert by_surface["that letter"].anaphor  # it names no work for refs.yaml: no CC101, no stanza
    # "X quotes that letter in full in <Title>": the work named after it; else the one just before
    after = ("The duke wrote back begging to be excused. Ellen Marsh quotes that letter in full in "
             "*The Long Siege*.\n")
    by_surface = {c.surface: c for c in cites(context, after, "t.md")}
    assert by_surface["that letter"].via == by_surface["*The Long Siege*"].span
    before = "The duke wrote back begging to be excused. Ellen Marsh's biography quotes that letter in full.\n"
    by_surface = {c.surface: c for c in cites(context, before)}
    assert by_surface["that letter"].via == by_surface["Ellen Marsh's biography"].span
    # a diary already cited is linked, not cited twice
    cited = "Pelletier's diary is blunt. I know the diary only as quoted in Ellen Marsh's biography.\n"
    found = cites(context, cited)
    assert [c.surface for c in found] == ["Pelletier's diary", "Ellen Marsh's biography"]
    assert found[0].via == found[1].span


def test_a_writer_read_only_as_a_cited_book_quotes_them(context: Context) -> None:
    text = ("Results for: camps\n\nThe Lost Road West\nAnna Kell, Tom Rudd - 2011 - History - 302 pages\n\n"
            "Their chapter on the camps rests on Elias Webb's journal. I have only read Webb as they quote him.\n")
    found = cites(context, text)
    journal = next(c for c in found if c.surface == "Elias Webb's journal")
    book = next(c for c in found if c.title == "The Lost Road West")
    assert journal.via == book.span
    # read in full, or read as someone uncited quotes him: no chain
    plain = text.replace("I have only read Webb as they quote him", "I have read Webb in full")
    assert all(c.via is None for c in cites(context, plain))


def test_more_ways_of_saying_a_document_came_through_a_book(context: Context) -> None:
    judgment = ("Most of what we know comes from Maya Roy's book Fires in the Bazaar (2001). The trial judgment is "
                "quoted at length in the book; we have not seen the judgment itself.\n")
    found = {c.surface: c for c in cites(context, judgment)}
    assert found["The trial judgment"].via == found["Maya Roy's book Fires in the Bazaar (2001)"].span
    minute = ("The best account is Alan Pryce, The Bouncing Bomb (1999). The air marshal wrote on a memo that it "
              "was nonsense. I've only seen the minute as Price quotes it, so I cannot vouch for the rest.\n")
    found = {c.surface: c for c in cites(context, minute)}
    book = next(c for c in found.values() if c.title == "The Bouncing Bomb")
    assert found["the minute"].via == book.span  # "Price" for Pryce: a slip of one letter
    later = ("Reading: Werner Hollstein, The Desert War (1975). Lindqvist's letter to the chancellor is lost. "
             "We will read it as Hollstien quotes it in chapter 4.\n")
    found = cites(context, later)
    letter = next(c for c in found if "letter" in c.surface)
    assert letter.via == next(c for c in found if c.title == "The Desert War").span
    # "as it appears in"
    appears = ("His letter home describes the charge. We quote the letter as it appears in Ruth Gale's "
               "biography of him.\n")
    found = {c.surface: c for c in cites(context, appears)}
    assert found["the letter"].via == found["Ruth Gale's biography"].span


def test_a_possessive_work_noun_title_and_year_and_labels_that_are_no_titles(context: Context) -> None:
    found = cites(context, "The best telling is Anna Vogt's novella Crabwalk (2002), set in three generations.\n")
    assert [(c.surface, c.authors, c.title, c.year) for c in found] == [
        ("Anna Vogt's novella Crabwalk (2002)", ("Anna Vogt",), "Crabwalk", 2002)]
    text = ("Mon 3 Feb 2025 17.20 GMT | Last modified on Tue 4 Feb 2025 08.02 GMT\n\nThe raid was a success.\n\n"
            "**Edit 2:** fixed the dates.\n")
    assert cites(context, text, "post.md") == []


def test_search_results_pasted_with_notes(context: Context) -> None:
    text = ("Books   Any time   Sorted by relevance\n\n"
            "A Winter on the Steppe: The Famine Years\nMarta Olsen, Piet de Vries - 2004 - History - 288 pages\n"
            "... the grain quotas ... Page 41\nPreview available - More editions\n\n"
            "Grain and Power in the Village\nJan Holt\n"
            "Rural History Review, Vol. 12, No. 2 (Spring, 1998), pp. 101-19\n"
            "Cited by 37\nhttps://www.jstor.org/stable/123456\n\n"
            "NB: Holt is the better guide to the quotas.\n")
    found = cites(context, text)
    book = next(c for c in found if c.title == "A Winter on the Steppe: The Famine Years")
    assert book.kind is SourceKind.BOOK and book.authors == ("Marta Olsen", "Piet de Vries") and book.year == 2004
    article = next(c for c in found if c.title == "Grain and Power in the Village")
    assert article.kind is SourceKind.ARTICLE and article.authors == ("Jan Holt",) and article.year == 1998
    # "Cited by 37" is a count of citing works, not a second-hand citation
    assert all(c.via is None for c in found)
    assert not any(c.surface.startswith("Spring") for c in found)


def test_markdown_links_and_footnotes(context: Context) -> None:
    text = ("Read [The Last Lion](https://www.amazon.com/dp/B0092XHV4Y) and "
            "[Appeasement](https://en.wikipedia.org/wiki/Appeasement).[^1]\n\n"
            "[^1]: Manchester, William. The Last Lion. Boston: Little, Brown, 1988, [link](http://a.co/x).\n")
    found = cites(context, text, "a.md")
    assert [(c.kind, c.cue) for c in found] == [
        (SourceKind.BOOK, "link"), (SourceKind.WEB, "link"), (SourceKind.BOOK, "footnote")]
    assert found[1].title == "Appeasement"
    assert found[2].authors == ("William Manchester",) and found[2].year == 1988 and found[2].url == "http://a.co/x"


def test_reference_list_entries(context: Context) -> None:
    text = ("Text.\n\n## Bibliography\n"
            "Beckett, I. F. W. Rommel Reconsidered. Mechanicsburg: Stackpole Books, 2014. Carell, Paul. Hitler Moves "
            "East, 1941-1943. New York: Little, Brown, 1964.\n\n"
            "Koch, H. W. \"Operation Barbarossa - The Current State of the Debate.\" The Historical Journal 31, no. 2 "
            "(1988): 377-390. http://www.jstor.org/stable/2639219.\n")
    found = [c for c in cites(context, text, "e.md") if c.cue == "bibliography"]
    assert [(c.authors, c.year, c.kind) for c in found] == [
        (("I. F. W. Beckett",), 2014, SourceKind.BOOK),
        (("Paul Carell",), 1964, SourceKind.BOOK),
        (("H. W. Koch",), 1988, SourceKind.ARTICLE),
    ]
    assert found[2].url == "http://www.jstor.org/stable/2639219"


def test_works_run_together_with_semicolons_are_separate_entries(context: Context) -> None:
    text = ("The quarry closed in 1931.[1] Its owners had sold out a year before.[2]\n\nNotes\n\n"
            "1. Pryce, Slate and Strikes (Gwasg Gee, 1987), p. 40; Owen, The Quarrymen (2003), p. 12.\n"
            "2. Ellis Pryce, Slate and Strikes, p. 51; see also Owen, The Quarrymen (2003), 88.\n\n"
            "Further reading: Pryce, Slate and Strikes (1987); Mair Owen, The Quarrymen (2003).\n")
    found = cites(context, text, "notes.md")
    assert [(c.cue, c.title, c.authors) for c in found] == [
        ("bibliography", "Slate and Strikes", ("Pryce",)),
        ("bibliography", "The Quarrymen", ("Owen",)),
        # a work with no year to show it is a reference stays with the note it opens
        ("bibliography", "Slate and Strikes", ("Ellis Pryce",)),
        ("bibliography", "Slate and Strikes", ("Pryce",)),  # the label left out of the entry
        ("bibliography", "The Quarrymen", ("Mair Owen",)),
    ]
    line = "The quarry closed in 1931.\nSources: Pryce, Slate and Strikes (1987); Mair Owen, The Quarrymen (2003)\n"
    assert [(c.cue, c.title, c.authors) for c in cites(context, line)] == [
        ("source-line", "Slate and Strikes", ("Pryce",)), ("source-line", "The Quarrymen", ("Mair Owen",))]


def test_a_numbered_list_under_a_bold_sources_line_with_linked_entries(context: Context) -> None:
    text = ("The raid cost half the crews.\n\n**Sources**\n\n"
            "1. Ann Reed, *The Long Night* (Bantam, 2012)\n"
            "2. [Night raid - Wikipedia](https://en.wikipedia.org/wiki/Night_raid)\n"
            "3. Karl Ost, *Through the Lens* (After the Battle, 2001)\n")
    found = cites(context, text, "post.md")
    assert [(c.authors, c.cue) for c in found if c.authors] == [(("Ann Reed",), "bibliography"),
                                                                 (("Karl Ost",), "bibliography")]


def test_running_prose_under_a_further_reading_heading_is_read_as_prose(context: Context) -> None:
    text = ("# Author's note\n\nThe ride itself is as the record has it.\n\n### Further reading\n\n"
            "For readers who want the history, Marsh is still the liveliest narrative. Jeffrey Bolt's *The Party "
            "and the Raid* (1968) is good on the politics at Westminster. On the magnate himself, Ruth Ober's "
            "*The Founder* (1988) is enormous and indispensable. Karl Voss's *The Long Ride* (1979) follows the "
            "consequences down to the war.\n\n"
            "### Sources\n\n- Marsh, Elizabeth. *The Raid*. London, 1960.\n- Voss, Karl. *The Long Ride*. 1979.\n")
    found = cites(context, text, "note.md")
    assert [c.title for c in found if c.cue != "bibliography"] == ["The Party and the Raid", "The Founder",
                                                                   "The Long Ride"]
    assert [c.title for c in found if c.cue == "bibliography"] == ["The Raid", "The Long Ride"]


def test_an_auction_lots_essay_under_footnotes_is_prose_not_entries(context: Context) -> None:
    # auction houses head the essay on a lot "Footnotes"; the entries are the list after "Literature"
    text = ("<h3>Footnotes</h3>\n<p>He joined the expedition, as he tells it in the opening pages of his 1931 book, "
            "after dreaming that he was steering a ship through ice down a London street, and walking down that "
            "street the next morning to find the office there.</p>\n<p>Frank Worsley was born at Akaroa in 1872 and "
            "went to sea as a boy of sixteen. By 1914 he was an officer of the reserve with a reputation as a fine "
            "small-boat sailor.</p>\n<h3>Literature</h3>\n<ul><li>Worsley, F. A. <i>Endurance: An Epic of Polar "
            "Adventure</i>. London: Philip Allan, 1931.</li></ul>\n")
    found = cites(context, text, "lot.html")
    assert [(c.cue, c.title) for c in found if c.cue == "bibliography"] == [
        ("bibliography", "Endurance: An Epic of Polar Adventure")]


def test_parse_reference_styles() -> None:
    apa = parse_reference("Roberts, G. (1995). The Soviet Union and the Origins of the Second World War. Macmillan.")
    assert apa.authors == ("Roberts, G.",) and apa.year == 1995
    assert apa.title == "The Soviet Union and the Origins of the Second World War"
    given_first = parse_reference("A. J. P. Taylor, The Origins of the Second World War (Hamish Hamilton, 1961)")
    assert given_first.authors == ("A. J. P. Taylor",) and given_first.publisher == "Hamish Hamilton"
    thesis = parse_reference("Sutton, David. \"German Defeat.\" PhD thesis, University of Wollongong, 2018.")
    assert thesis.kind is SourceKind.THESIS
    # the surname alone, or the surname and a given name, each with a comma, then the title
    surname_only = parse_reference("Judt, Postwar (Penguin, 2005), p. 12")
    assert (surname_only.authors, surname_only.title, surname_only.publisher) == (("Judt",), "Postwar", "Penguin")
    given_comma = parse_reference("Vance, Ruth, \"The Quarry Strike\", Welsh History Review 9:2 (1979), pp. 1-20")
    assert (given_comma.authors, given_comma.title, given_comma.kind) == (
        ("Ruth Vance",), "The Quarry Strike", SourceKind.ARTICLE)
    given_comma_book = parse_reference("Vance, Ruth, Slate and Chapel, 1890-1930 (Cardiff: UWP, 1981)")
    assert (given_comma_book.authors, given_comma_book.title) == (("Ruth Vance",), "Slate and Chapel, 1890-1930")


def test_isbn_doi_and_source_lines(context: Context) -> None:
    text = ("Source: Keith Feiling, The Life of Neville Chamberlain (Macmillan, 1946)\n"
            "ISBN 978-0-300-18067-1 and doi:10.1080/09668139308412091.\n")
    found = cites(context, text)
    assert [c.cue for c in found] == ["source-line", "isbn", "doi"]
    assert found[1].isbn == "978-0-300-18067-1".replace("-", "-")
    assert found[2].doi == "10.1080/09668139308412091"


def test_no_sources_in_plain_narrative(context: Context) -> None:
    text = ("In March 1938 Germany annexed Austria. Chamberlain flew to Munich in September. "
            "Many historians still argue about it, and the book of history is not closed.")
    assert surfaces(context, text) == []


def test_site_first_link_titles(context: Context) -> None:
    text = "Someone posted the old report:\nBBC NEWS | UK | 1956: Eden defends the landings at Port Said\n\nOK."
    [found] = cites(context, text)
    assert found.site == "BBC NEWS" and found.title == "1956: Eden defends the landings at Port Said"


def test_titles_with_small_words_editors_and_says_in(context: Context) -> None:
    text = ("I'd suggest Orlando Figes, The Whisperers and its Critics (Penguin, 2008) for the background. "
            "The documents are in The Soviet Union and the Spanish Civil War (ed. Ronald Radosh), which is "
            "essential. Milovan Djilas, who knew them all, says in Conversations with Stalin that the dinner "
            "went on until dawn. It says in March that nobody came.")
    found = {c.surface: c for c in cites(context, text)}
    assert "Orlando Figes, The Whisperers and its Critics (Penguin, 2008)" in found
    edited = found["The Soviet Union and the Spanish Civil War (ed. Ronald Radosh)"]
    assert edited.editors == ("Ronald Radosh",) and edited.kind is SourceKind.BOOK
    memoir = found["Conversations with Stalin"]
    assert memoir.authors == ("Milovan Djilas",)
    assert not any("March" in surface for surface in found)


def test_works_with_an_unnamed_author_or_a_named_channel_are_vague(context: Context) -> None:
    text = ("I remember a Finnish documentary on YLE about the Winter War. "
            "And there is some book by a Soviet colonel who defected which says the same.")
    found = cites(context, text)
    assert [(c.surface, c.kind, c.vague) for c in found] == [
        ("a Finnish documentary on YLE about the Winter War", SourceKind.VIDEO, True),
        ("some book by a Soviet colonel", SourceKind.BOOK, True),
    ]


def test_a_conversation_quoted_in_a_documents_reader_is_second_hand(context: Context) -> None:
    text = ("Khrushchev's telephone conversation with Ulbricht on 1 August, as quoted in the reader "
            "The Berlin Wall Crisis (ed. Hope Harrison), shows who pushed.")
    inner, outer = cites(context, text)
    assert inner.surface == "Khrushchev's telephone conversation"
    assert inner.via == outer.span and outer.editors == ("Hope Harrison",)


def test_names_written_with_central_european_letters(context: Context) -> None:
    text = "Zdeněk Mlynář, who was there, says in Nightfrost in Prague that nobody slept."
    [found] = cites(context, text)
    assert found.authors == ("Zdeněk Mlynář",) and found.title == "Nightfrost in Prague"


def test_html_quote_attribution_and_cite_titles(context: Context) -> None:
    html = ("<html><body><nav>Home · Visit</nav><blockquote><p>\"The great evil is not the famine.\"</p>"
            "<footer>— Charles Trevelyan, in a letter to Lord Monteagle, October 1846; quoted in Cecil "
            "Woodham-Smith, <cite>The Great Hunger</cite> (1962)</footer></blockquote>"
            "<p>Mitchel put the case in <cite>The Last Conquest of Ireland (Perhaps)</cite> in 1861.</p>"
            "<footer>© Museum 2024</footer></body></html>")
    found = {c.surface: c for c in cites(context, html, "page.html")}
    letter = next(c for c in found.values() if c.title == "letter to Lord Monteagle")
    book = found["Cecil Woodham-Smith, <cite>The Great Hunger</cite> (1962)"]
    assert letter.via == book.span and letter.authors == ("Charles Trevelyan",)
    assert any(c.title == "The Last Conquest of Ireland (Perhaps)" for c in found.values())
    assert not any("Museum" in surface for surface in found)  # the page footer stays chrome


def test_pronoun_titles_and_perfect_tense_reporting_verbs(context: Context) -> None:
    text = ("Ferdinand de Lesseps, in his Recollections of Forty Years, describes the moment. "
            "As the economic historian Cormac Ó Gráda has shown, deaths were uneven. "
            "I'd recommend Kieran Williams, The Prague Spring and its Aftermath (Cambridge UP, 1997). "
            "Williams is clear that the leadership misread Moscow.")
    found = cites(context, text)
    assert [(c.surface, c.authors) for c in found] == [
        ("his Recollections of Forty Years", ("Ferdinand de Lesseps",)),
        ("economic historian Cormac Ó Gráda has shown", ("Cormac Ó Gráda",)),
        ("Kieran Williams, The Prague Spring and its Aftermath (Cambridge UP, 1997)", ("Kieran Williams",)),
        ("Williams is clear", ("Williams",)),
    ]


def test_forgotten_works_and_home_pages_are_vague(context: Context) -> None:
    text = ("Is there a good documentary on this?\n\nThere was a decent one on ZDF years ago, but I can't find it.\n\n"
            "There's also a YouTube lecture on the siege, but I can't remember who made it.\n\n"
            "They have lots of material, https://www.example-archive.org/ if you search.\n")
    found = cites(context, text)
    assert [(c.surface, c.kind, c.vague) for c in found] == [
        ("a decent one on ZDF", SourceKind.VIDEO, True),
        ("a YouTube lecture on the siege", SourceKind.ARTICLE, True),
        ("https://www.example-archive.org/", SourceKind.WEB, True),
    ]


def test_possessive_works_of_authors_cited_elsewhere_and_podcast_guests(context: Context) -> None:
    text = ("Haig's diary, as quoted by Gary Sheffield in his biography The Chief, shows his optimism. "
            "Sheffield's older book, Forgotten Victory, gives the numbers. "
            "I listened to an episode of the HistoryExtra podcast with Jonathan Boff on the drive home. "
            "Nick Loyd's Hundred Days has a moving chapter on the last hours. "
            "Liddell Hart conducted extensive interviews with high-ranking German generals.")
    found = {c.surface: c for c in cites(context, text)}
    assert found["Sheffield's older book, Forgotten Victory"].title == "Forgotten Victory"
    assert found["HistoryExtra podcast with Jonathan Boff"].authors == ("Jonathan Boff",)
    assert found["HistoryExtra podcast with Jonathan Boff"].site == "HistoryExtra"
    assert found["Nick Loyd's Hundred Days"].title == "Hundred Days"  # an event's name, but "has a chapter"
    assert not any("German" in surface for surface in found)


def test_a_blogs_own_byline_is_not_a_pasted_link_title(context: Context) -> None:
    text = ("MUD AND MEMORY\n\nA Walk Along the Line\nPosted 12 November 2018 by Jane Roe | 14 comments\n\n"
            "Today I walked.\n")
    assert cites(context, text) == []


def test_titles_that_follow_a_possessive_or_an_author(context: Context) -> None:
    text = ("Start with Kostomarovsky's novel Sevastopol, written by a veteran of the siege. "
            "If you want more, add Marie-Claire Duvalier's The Broken Harbour, and Thomas Brandt's novel "
            "A Winter in Riga is what the film was based on.\n\n"
            'Amelia Hartwell, "The Duty of the Hour", speech to the Leeds Temperance Union, May 1871. '
            "In it she asked for the vote.\n")
    found = [(c.surface, c.title, c.kind) for c in cites(context, text)]
    assert ("Kostomarovsky's novel Sevastopol", "Sevastopol", SourceKind.BOOK) in found  # a place as a title
    assert ("Marie-Claire Duvalier's The Broken Harbour", "The Broken Harbour", SourceKind.BOOK) in found
    assert ("Thomas Brandt's novel A Winter in Riga", "A Winter in Riga", SourceKind.BOOK) in found
    assert ('Amelia Hartwell, "The Duty of the Hour", speech', "The Duty of the Hour", SourceKind.ARTICLE) in found


def test_a_possessive_without_a_title_stays_a_person(context: Context) -> None:
    assert surfaces(context, "Kostomarovsky's brother was a novel kind of officer.\n") == []
    # a command is no work either
    assert surfaces(context, "Pietro Badoglio's XXVII Corps held the sector. Rommel's 7th Panzer Division "
                             "raced to the coast. Haig's First Army attacked.\n") == []


def test_what_an_author_wrote_is_cited_but_not_when_he_wrote_it(context: Context) -> None:
    text = ("Arthur Penhallow's The Lantern Hill (1953) is a play about a trial. Penhallow wrote the play "
            "during the hearings. Later Penhallow wrote that the hearings had frightened him.\n")
    assert surfaces(context, text) == ["Arthur Penhallow's The Lantern Hill (1953)", "Penhallow wrote"]
    found = cites(context, text)
    assert text[found[1].span.start:].startswith("Penhallow wrote that")


def test_a_sites_categories_and_related_articles_are_not_sources(context: Context) -> None:
    text = ("# The Siege\n\nThe city fell in May 1453 ([source](https://example.org/siege)).\n\n"
            "*Categories: [1453 in Europe](/wiki/Category:1453) | [Sieges](/wiki/Category:Sieges)*\n\n"
            "Related: The Fall of Rhodes in 12 pictures  |  Who really paid for the walls?\n")
    assert surfaces(context, text, "t.md") == ["[source](https://example.org/siege)"]


def test_chronicles_and_newspapers_that_say_something(context: Context) -> None:
    text = ("The Peterborough Chronicle simply says the abbot died. The Times reported the fall of the fort "
            "on 3 May. Later the Manchester Guardian quoted the consul. The times were hard.\n")
    found = [(c.surface, c.kind) for c in cites(context, text)]
    assert found == [("Peterborough Chronicle", SourceKind.BOOK), ("Times", SourceKind.ARTICLE),
                     ("Manchester Guardian", SourceKind.ARTICLE)]


def test_a_one_word_title_after_i_read(context: Context) -> None:
    assert surfaces(context, "I read Anna Voss's Tulipfever years ago and loved it.\n") == ["Anna Voss's Tulipfever"]
    assert surfaces(context, "I met Anna Voss's brother years ago.\n") == []


def test_according_to_a_role_with_an_article(context: Context) -> None:
    assert surfaces(context, "The fleet was ready, according to the journalist Anne Roe.\n") == [
        "according to the journalist Anne Roe"]


def test_records_only_a_person_keeps_vouch_for_a_name_the_lexicon_lacks(context: Context) -> None:
    text = ("Pelletier's diary has the fullest account of the crossing. Brackwater's own report to the board is "
            "curt, and Ashby's memoirs say nothing of it.\n")
    assert surfaces(context, text) == ["Pelletier's diary", "Brackwater's own report", "Ashby's memoirs"]
    # time words, institutions and places own reports too, but they are not authors
    assert surfaces(context, "Monday's diary column was late. The Regiment's own report was grim. "
                             "Parliament's own report was shelved. Britain's own account differs.\n") == []
    # without "own", an unknown name with a report is not enough
    assert surfaces(context, "Brackwater's report to the board is curt.\n") == []


def test_a_title_after_a_possessive_stays_in_its_paragraph_and_ends_on_a_word(context: Context) -> None:
    assert surfaces(context, "## Mary's\n\nOn the Tuesday night the fire reached the church.\n", "t.md") == []
    assert surfaces(context, "I like Paul Kennedy's The Rise and Fall of the Great Powers a lot.\n") == [
        "Paul Kennedy's The Rise and Fall of the Great Powers"]


def test_a_pronoun_before_a_title_needs_a_work_between(context: Context) -> None:
    text = "Samuel Pepys dug a pit in his garden with Sir William Penn and buried his wine in it.\n"
    assert surfaces(context, text) == []
    assert surfaces(context, "Churchill told it in his memoir The Gathering Storm.\n") == [
        "his memoir The Gathering Storm"]


def test_a_broadcast_and_where_it_ran(context: Context) -> None:
    found = cites(context, "A documentary on BBC Four made much of the king's part. There was also a programme on "
                           "Channel 4 about the rebuilding. A book on the fire is not a citation.\n")
    assert [(c.surface, c.kind, c.site) for c in found] == [
        ("A documentary on BBC Four", SourceKind.VIDEO, "BBC Four"),
        ("a programme on Channel 4 about the rebuilding", SourceKind.VIDEO, "Channel 4")]
    assert all(c.vague for c in found)  # where it ran does not say which programme it was
    (heard,) = cites(context, "I heard on a BBC radio programme once that the code was broken in a week.\n")
    assert (heard.surface, heard.vague) == ("a BBC radio programme", True)
    (radio,) = cites(context, "I also heard a programme on Yle radio last month about the camps.\n")
    assert (radio.site, radio.vague) == ("Yle radio", True)
    (named,) = cites(context, "The documentary on BBC Four, The Secret War, shows it.\n")
    assert not named.vague


def test_a_work_noun_used_as_an_adjective(context: Context) -> None:
    (found,) = cites(context, "A history podcast I listened to last year said the baker confessed under torture.\n")
    assert found.surface == "A history podcast" and found.vague


def test_the_writer_of_his_memoirs_is_the_subject_before_the_verb(context: Context) -> None:
    (memoirs,) = [c for c in cites(context, "Pelletrov wrote in his memoirs that the Finns would give way.\n")
                  if c.surface == "his memoirs"]
    assert memoirs.authors == ("Pelletrov",) and not memoirs.vague
    # an institution is no writer: the memoir stays unattributed
    found = cites(context, "The Ministry wrote in his memoirs nothing of it.\n")
    assert all(c.authors == () for c in found)


def test_italic_ship_names_are_not_titles(context: Context) -> None:
    text = ("Divers found the wrecks of *La Trinidad Valencera* in the bay and *El Gran Grifón* off Fair Isle. "
            "The galleass *San Lorenzo* ran aground. Read *The Spanish Armada* for the whole story.\n")
    assert [c.title for c in cites(context, text, "t.md")] == ["The Spanish Armada"]


def test_references_in_brackets_with_a_title_or_a_page(context: Context) -> None:
    found = cites(context, "The garrison gave up on 2 May (see Kershaw, Hitler: Nemesis, p. 800). The order went out "
                           "that night (Butcher, p. 512). The leaders (Churchill, Roosevelt and Stalin) met at Yalta.")
    assert [(c.surface, c.kind, c.authors, c.title) for c in found] == [
        ("Kershaw, Hitler: Nemesis, p. 800", SourceKind.BOOK, ("Kershaw",), "Hitler: Nemesis"),
        ("Butcher, p. 512", SourceKind.OTHER, ("Butcher",), None),
    ]


def test_an_author_a_comma_and_a_title_after_in_or_see(context: Context) -> None:
    found = cites(context, "All of this is in Richard Evans, The Third Reich at War, chapter 6. "
                           "In London, The Times was the paper of record.")
    assert [(c.surface, c.title) for c in found] == [
        ("Richard Evans, The Third Reich at War", "The Third Reich at War")]


def test_a_pronouns_work_with_its_title_names_the_writer_before_it(context: Context) -> None:
    found = cites(context, "Liddell Hart talked to the captured generals, and his book The Other Side of the Hill "
                           "came of it. In his memoirs Churchill claims more. Her diary The next day was blank.")
    assert [(c.surface, c.title) for c in found] == [
        ("his book The Other Side of the Hill", "The Other Side of the Hill")]
    assert found[0].authors[0].endswith("Hart")


def test_works_in_periodicals_reference_works_and_dated_issues(context: Context) -> None:
    found = cites(context, "An article in History Today made the point years ago. The Times of 5 June 1944 carried "
                           "the story. The Oxford Companion to World War II gives a lower figure. European History "
                           "records that the plague came from the east. There was a letter in Paris about it.")
    assert [(c.surface, c.kind, c.vague) for c in found] == [
        ("An article in History Today", SourceKind.ARTICLE, True),
        ("The Times of 5 June 1944", SourceKind.ARTICLE, False),
        ("The Oxford Companion to World War II", SourceKind.BOOK, False),
    ]


def test_named_websites_channels_and_per(context: Context) -> None:
    found = cites(context, "Per the Imperial War Museum's website, the tank first fought in 1916. I saw it on the "
                           "BBC History site. The Omaha Beach site is busy. The border ran per the "
                           "Molotov-Ribbentrop Pact.")
    assert [(c.surface, c.kind) for c in found] == [
        ("Per the Imperial War Museum's website", SourceKind.WEB), ("BBC History site", SourceKind.WEB)]


def test_archive_references_and_printed_official_records(context: Context) -> None:
    found = cites(context, "The War Cabinet minutes (CAB 65/1) show the decision. He said so in the Commons "
                           "(Hansard, HC Deb, vol. 351). FRUS 1945, vol. II, doc. 710 prints the protocol.")
    assert [(c.surface, c.kind) for c in found] == [
        ("CAB 65/1", SourceKind.ARCHIVE), ("Hansard, HC Deb, vol. 351", SourceKind.ARCHIVE),
        ("FRUS 1945, vol. II, doc. 710", SourceKind.ARCHIVE)]


def test_unnamed_works_pointed_to_with_there_is_or_dated_are_vague(context: Context) -> None:
    found = cites(context, "There's a great Lindybeige video on this. I remember a 1985 Granada TV documentary "
                           "that interviewed survivors.")
    assert [(c.surface, c.kind, c.vague) for c in found] == [
        ("a great Lindybeige video on this", SourceKind.VIDEO, True),
        ("a 1985 Granada TV documentary", SourceKind.VIDEO, True)]


def test_the_next_sentence_can_say_where_a_citation_was_read(context: Context) -> None:
    text = ("Nicolson wrote in his diary that the envoy looked like a sulky schoolboy. I'm quoting that "
            "second-hand, as quoted in Margaret MacMillan's Peacemakers, as I have never seen the diary.\n\n"
            "In 1953 General Navarre told Time magazine that victory was in sight "
            "(quoted in Logevall 2012, ch. 14).\n\n"
            "He wrote in his diary that the talks had failed. The next morning they left for Moscow.")
    found = cites(context, text)
    by_surface = {c.surface: c for c in found}
    spans = {c.span: c.surface for c in found}
    diary, second_diary = (c for c in found if c.surface == "his diary")
    assert spans[diary.via] == "Margaret MacMillan's Peacemakers"
    assert spans[by_surface["told Time magazine"].via] == "Logevall 2012"
    assert second_diary.via is None  # nothing says it was read elsewhere


def test_titles_known_only_by_their_capitals(context: Context) -> None:
    found = cites(context, "Did you ever read Life and Fate? It's in Surely You're Joking, Mr. Feynman! if you want "
                           "it. American Prometheus has a good bit on this. I read History at Oxford. It is in "
                           "London. I read Winston Churchill on this. Once it was in Wilno or Lwow, it stayed.")
    assert [(c.surface, c.kind) for c in found] == [
        ("Life and Fate", SourceKind.BOOK), ("Surely You're Joking", SourceKind.BOOK),
        ("American Prometheus", SourceKind.BOOK)]


def test_two_authors_possessive_work_and_a_blog_post_read(context: Context) -> None:
    found = cites(context, "Glantz and House's Stalingrad trilogy is the standard work. I read a blog post a while "
                           "back that said so. The blog was down.")
    assert [(c.surface, c.authors, c.vague) for c in found] == [
        ("Glantz and House's Stalingrad trilogy", ("Glantz", "House"), False), ("a blog", (), True)]


def test_more_ways_a_source_is_known_second_hand(context: Context) -> None:
    text = ("There is a book by Hugh Sebag-Montefiore on the retreat.\n\n"
            "Alan Brooke wrote in his diary on 23 May that only a miracle could save the army. I got that from "
            "Sebag-Montefiore, I haven't read the diaries.\n\n"
            "Frampton wrote to Lord Melbourne in January 1834, in a letter quoted by Joyce Marlow in "
            "*The Tolpuddle Martyrs* (1971).\n\n"
            "Loveless wrote some lines in his cell. The scrap does not survive. The lines are known as printed in "
            "Loveless's own pamphlet, *The Victims of Whiggery* (1837).")
    found = cites(context, text)
    spans = {c.span: c.surface for c in found}
    via = {c.surface: spans.get(c.via) for c in found if c.via is not None}
    assert via["his diary"] == "Sebag-Montefiore"
    assert via["a letter"] == "Joyce Marlow in *The Tolpuddle Martyrs* (1971)"  # the author with her book
    assert via["The lines"].endswith("*The Victims of Whiggery* (1837)")
    assert next(c for c in found if c.surface == "a letter").kind is SourceKind.ARCHIVE


def test_a_newspapers_report_told_as_an_event_is_not_a_citation(context: Context) -> None:
    found = cites(context, "Then in March the New York Times reported that more troops had been asked for. "
                           "The Times reported the landings in full.")
    assert [c.surface for c in found] == ["Times"]


def test_known_only_through_an_author_or_as_quoted_by_someone(context: Context) -> None:
    text = ("Andrew Gordon's The Rules of the Game (1996) is the book on this. The famous line comes from the "
            "flag captain. I only know Chatfield's memoir The Navy and Defence (1942) through Gordon, who quotes "
            "it.\n\nThe journalist Charles Repington wrote that the speech sank more ships than any admiral. I have "
            "only seen that sentence as quoted by Erik Goldstein in a volume he edited.\n\n"
            "The order had come from Leon Trotsky himself.")
    found = cites(context, text)
    spans = {c.span: c.surface for c in found}
    via = {c.surface: spans.get(c.via) for c in found if c.via is not None}
    # through Gordon: the book of his cited in the document
    assert via["Chatfield's memoir The Navy and Defence (1942)"] == "Andrew Gordon's The Rules of the Game (1996)"
    assert any(inner.endswith("Repington wrote") and outer == "Erik Goldstein" for inner, outer in via.items())
    assert not any("Trotsky" in c.surface for c in found)  # a person in the story, not where the writer read it


def test_a_known_work_shortened_after_its_authors_name(context: Context) -> None:
    text = ("Beevor's Stalingrad is good on the encirclement. Kershow's Hubris, the first volume, has the rest. "
            "Evans (The Third Reich in Power) goes through it. Hitler's Stalingrad was a disaster.\n")
    found = [(c.surface, c.title) for c in cites(context, text)]
    assert found == [
        ("Beevor's Stalingrad", "Stalingrad"),
        ("Kershow's Hubris", "Hitler 1889–1936: Hubris"),  # the author misspelled, the work still known
        ("Evans (The Third Reich in Power)", "The Third Reich in Power"),
    ]


def test_a_title_in_brackets_after_a_name_needs_a_known_work_or_a_historian(context: Context) -> None:
    text = "Churchill (The First Lord of the Admiralty) was furious. Evens (The Third Reich in Power) agrees.\n"
    assert surfaces(context, text) == ["Evens (The Third Reich in Power)"]


def test_a_record_someone_kept_and_the_book_its_extracts_are_read_in(context: Context) -> None:
    text = ("Their official historian, Colonel Angelo Gatti, kept a diary. I have only read it in the extracts "
            "Thompson gives in The White War, but it is damning.\n")
    found = cites(context, text)
    diary, book = found
    assert (diary.surface, diary.authors, diary.vague) == ("a diary", ("Angelo Gatti",), False)
    assert (book.surface, book.title) == ("Thompson gives in The White War", "The White War")
    assert diary.via == book.span
    assert surfaces(context, "Everyone kept a diary in those days. The soldiers kept a journal.\n") == []


def test_a_record_the_next_sentence_says_was_only_seen_quoted(context: Context) -> None:
    text = ("Lieutenant Kurt Zemisch of the 134th Saxons wrote in his diary that a game began. I've only read "
            "it quoted on the Imperial War Museums website though.\n\n"
            "Goebbels was with Hitler the whole time. His diary entry for 1 July is chilling. I've only seen it "
            "quoted in Longerich's Goebbels biography.\n")
    found = cites(context, text)
    by_surface = {c.surface: c for c in found}
    zemisch, museum = by_surface["his diary"], by_surface["Imperial War Museums website"]
    assert zemisch.authors == ("Kurt Zemisch",) and zemisch.via == museum.span  # a rank is no first name
    entry = by_surface["His diary entry for 1 July"]
    assert entry.authors == ("Goebbels",)  # the subject of the sentence before, not the last name in it
    assert entry.via == by_surface["Longerich's Goebbels biography"].span


def test_a_newspaper_in_italics_is_cited_only_when_read(context: Context) -> None:
    text = ("Four days before the election the *Daily Mail* splashed the letter. Waugh went out for the "
            "*Daily Mail* in 1935. An article in the *Manchester Guardian* doubted it. *The Times* reported the "
            "landing, and *The Observer* of 5 June 1944 has the map.\n")
    found = surfaces(context, text, "t.md")
    assert not any("Mail" in s for s in found)  # the paper in the story, not a work cited
    for paper in ("Manchester Guardian", "Times", "The Observer"):
        assert any(paper in s for s in found), paper


def test_the_record_of_someone_known_by_whom_they_served(context: Context) -> None:
    (memoirs,) = cites(context, "It is in the memoirs of Hitler's interpreter, Paul Schmidt, and nowhere else.\n")
    assert memoirs.surface == "the memoirs of Hitler's interpreter, Paul Schmidt"
    assert memoirs.authors == ("Paul Schmidt",)
    # with no name given, the owner is not the master
    assert not any(c.authors == ("Stalin",) for c in cites(context, "See the diaries of Stalin's daughter.\n"))


def test_more_ways_of_saying_a_source_was_read_second_hand(context: Context) -> None:
    via_of = partial(via_map, context)

    assert via_of("He called it a red rag (Moltke 1891, quoted in Wawro 2003: 41).") == {"Moltke 1891": "Wawro 2003"}
    assert via_of("Mary's letters to her brother set it off. I've only read them as quoted in Ann Hale's "
                  "biography of the queen, but they are sharp.") == {"Mary's letters": "Ann Hale's biography"}
    assert via_of("Read Alistair Horne's A Savage War of Peace (1977). Horne quotes the letter in which the "
                  "prefect resigned.") == {"the letter": "Alistair Horne's A Savage War of Peace (1977)"}
    found = via_of("Ann Hale, Riga and After (2006), chapter 4. She thinks the envoys met twice. She also quotes "
                   "the Latvian record of the talks, which I have never seen.")
    assert found == {"the Latvian record": "Ann Hale, Riga and After (2006)"}
    found = via_of("Tomas Brenner kept a diary for twenty years. I have only read the siege entries in the "
                   "translation Ruth Keller gives in Voices of the Long War (2004), but they are vivid.")
    assert found == {"a diary": "Ruth Keller gives in Voices of the Long War"}
    # a span of years is one author-year citation, not a year and a stray number
    assert [c.surface for c in cites(context, "They planned it (Becker 2003-2007).")] == ["Becker 2003-2007"]
    # a person's letters count as a source when the writer says where they read them
    assert "Zeng's letters" in surfaces(context, "Zeng's letters to his brothers, which I only know from the "
                                                 "passages Platt quotes, show a man close to despair.")
    assert surfaces(context, "Zeng's letters to his brothers show a man close to despair.") == []


def test_a_document_read_only_where_another_work_quotes_it(context: Context) -> None:
    via_of = partial(via_map, context)

    # the document was not a citation of its own: the words that name it become one, known through the book
    assert via_of("his diary entry for 2 May is chilling. I've only seen it quoted in Ann Hale's biography of "
                  "him, so the wording may be off.") == {"his diary entry": "Ann Hale's biography"}
    assert via_of("The Harwood letter again. I have only read it in the long extract in Hale's Riga and After "
                  "(2006), never the whole thing.") == {"The Harwood letter": "Hale's Riga and After (2006)"}
    assert via_of("Those are Ulmanis's instructions to him; I've only read them as quoted in Ann Hale, Riga "
                  "and After (2006), chapter 4.") == {"Ulmanis's instructions": "Ann Hale, Riga and After (2006)"}
    # "as X summarises them in Title (Year)": the title after the verb and its object is the work
    assert via_of("I have only read the treaty's clauses as Margarita de Orellana summarises them in Filming "
                  "the Front: Cameras at Riga (2009), ch. 3.") == {
        "the treaty's clauses": "Filming the Front: Cameras at Riga (2009)"}
    # "this book" and "Hayle's book" stand for a book cited before, "the passages Hale quotes" for Hale's
    review = ("Ann Hale, Riga and After (2006). The envoy Tomas Brenner was arrested in the purge. His account "
              "of the cells, which I only know from the bits quoted in this book, is harrowing.")
    assert via_of(review) == {"His account": "Ann Hale, Riga and After (2006)"}
    letter = ("Ann Hale, Riga and After (2006).\n\nOn the morning of the vote he wrote to his wife that all was "
              "lost. I know that letter only from the version printed in Hayle's book.")
    assert via_of(letter) == {"that letter": "Ann Hale, Riga and After (2006)"}
    # "I'm quoting the diary as X quotes it in ...", "how X quotes it", "which I have only read as X quotes it"
    assert via_of("Brenner wrote as much in his diary. Caveat: I'm quoting the diary as Ann Hale quotes it in "
                  "Riga and After (2006), not from the edition.") == {"his diary": "Riga and After (2006)"}
    assert via_of("Ann Hale, Riga and After (2006). The line comes from a lecture he gave at Tartu. I only know the "
                  "lecture from how Hale quotes it in the epilogue.") == {
        "a lecture": "Ann Hale, Riga and After (2006)"}  # where the line "comes from", named first
    essay = ("In a memo of June 1957, which I have only read as Hale quotes it, the minister wrote that they must "
             "act quietly (Hale, 2006, p. 327).")
    assert via_of(essay) == {"a memo": "Hale, 2006"}
    # nothing to link when no work is named, and a work read directly is no chain
    assert via_of("His letter to the council is chilling. I've only seen it quoted somewhere online.") == {}
    assert via_of("I read Ann Hale, Riga and After (2006) last year and it is good.") == {}


def test_a_work_about_someone_by_its_author_and_a_source_line_that_quotes_another(context: Context) -> None:
    found = {c.surface: c for c in cites(context, "My father had the biography of Ulmanis by John Brandt.")}
    assert found["the biography of Ulmanis by John Brandt"].authors == ("John Brandt",)
    # the subject may be named only before "by": "a podcast with X" still names the guest
    assert "HistoryExtra podcast with Jonathan Boff" in surfaces(
        context, "I heard an episode of the HistoryExtra podcast with Jonathan Boff.")
    line = "Source: Letter from Tomas Brenner to his wife, 1 July 1916, quoted in Ann Hale, Riga and After (2006).\n"
    found_line = cites(context, line)
    assert [c.surface for c in found_line] == ["Letter from Tomas Brenner to his wife, 1 July 1916",
                                               "Ann Hale, Riga and After (2006)."]
    assert found_line[0].via == found_line[1].span and found_line[0].kind is SourceKind.ARCHIVE
    # a place and a year after "said in" are no title; a place with a year as its name is one
    assert surfaces(context, "Brenner said in Riga in 1925 that it was over.") == []
    assert "Warsaw 1944" in surfaces(context, "We use it as Ann Hale quotes it in Warsaw 1944 (2013).")


def test_a_book_pages_header_names_the_book_and_its_author(context: Context) -> None:
    page = "Riga and After\nby Ann Hale\n4.06 · Rating details · 1,905 ratings · 187 reviews\n\nA fine book.\n"
    found = cites(context, page)
    assert [(c.surface, c.authors) for c in found] == [("Riga and After\nby Ann Hale", ("Ann Hale",))]
    # a document's own title and byline are no source
    assert surfaces(context, "The Fall of Riga\nby Jane Doe\n\nIn 1919 the city changed hands twice.\n") == []


def test_titles_that_start_with_a_place_or_carry_punctuation_and_unlisted_authors(context: Context) -> None:
    # after "Author, in" a title may open with a place's name
    found = {c.surface: c for c in cites(context, "Ian Brandt, in Guernica and Total War (2007), points out that.")}
    assert found["Guernica and Total War (2007)"].authors == ("Ian Brandt",)
    # a name the lexicon lacks, vouched for by a scholar's verb after its year
    assert "Xabier Irujo (2015)" in surfaces(context, "While Xabier Irujo (2015) has argued that the total was higher.")
    assert surfaces(context, "Elm Street (1984) was a film.") == []
    # "!" and a quoted word inside a possessive title; a sentence that runs on is no title
    assert "Tom Brandt's Riga! Riga! (1977)" in surfaces(context, "As Tom Brandt's Riga! Riga! (1977) showed, it held.")
    assert 'Hale\'s "Luxury" Fleet (1980)' in surfaces(context, 'Hale\'s "Luxury" Fleet (1980) is good on the men.')
    assert not any("Roshan" in s for s in surfaces(
        context, 'After Zoya Akhtar\'s Luck by Chance in 2009, Roshan starred in "Kites" for the film Kites (2010).'))
    # "a PBS American Experience film, Triangle Fire (2011)": the noun, its title and year
    found = cites(context, "There's also a PBS American Experience film, Riga Burning (2011), with interviews.")
    assert [(c.surface, c.kind, c.title) for c in found] == [
        ("a PBS American Experience film, Riga Burning (2011)", SourceKind.VIDEO, "Riga Burning")]


def test_sources_the_writer_cannot_name_and_source_lines_with_an_emoji(context: Context) -> None:
    found = cites(context, "I read somewhere that the indemnity was paid until 1940. A popular YouTube channel "
                           "claimed the war lasted 38 minutes.")
    assert [(c.surface, c.vague) for c in found] == [("I read somewhere", True), ("A popular YouTube channel", True)]
    assert surfaces(context, "We saw somewhere near Lyon a plaque. They dug a channel across the field.") == []
    line = ("Sources 📚 Ann Hale, Riga and After (2006), the chapter on the vote. Also Tom Brandt & Ian Moss, "
            "The Baltic Question (1983).\n")
    assert surfaces(context, line) == ["Ann Hale, Riga and After (2006), the chapter on the vote.",
                                       "Tom Brandt & Ian Moss, The Baltic Question (1983)."]
    # a commenter's name in bold is no title; an italic name is
    assert surfaces(context, "**Ellen Marsh**\n\nGreat post.\n\nI preferred *Anna Karenina*.\n", "c.md") == [
        "*Anna Karenina*"]


def test_an_italic_title_ending_in_a_word_before_its_year_has_no_author(context: Context) -> None:
    found = cites(context, "Dumas describes the city in *Les Garibaldiens* (1861), with relish.", "page.md")
    assert [(c.surface, c.authors) for c in found] == [("*Les Garibaldiens* (1861)", ())]


def test_wikitext_citation_templates_and_named_references(context: Context) -> None:
    text = ("The camps held 570,000 people.<ref name=\"Hale\">{{cite book |last=Hale |first=Ann |title=Behind "
            "the Wire: The Resettlement Years |publisher=Northgate Press |year=1989 |pages=98–108}}</ref> "
            "The policy began in June.<ref name=\"Hale\" /> The press welcomed it.<ref>{{cite news |title=Squatters "
            "to be moved |newspaper=The Straits Times |date=2 June 1950 |url=https://example.org/st/1950-06-02}}"
            "</ref> Later work disagreed.{{sfn|Okafor|2004|p=12}}\n\n"
            "{{Infobox event\n| title = Resettlement\n}}\n{{Use British English|date=February 2024}}\n")
    found = cites(context, text)
    book = next(c for c in found if c.cue == "cite-template" and c.surface.startswith("{{cite book"))
    assert (book.kind, book.title, book.authors, book.year, book.publisher) == (
        SourceKind.BOOK, "Behind the Wire: The Resettlement Years", ("Ann Hale",), 1989, "Northgate Press")
    reuse = [c for c in found if c.surface == '<ref name="Hale" />']
    assert len(reuse) == 1 and reuse[0].title == book.title  # the named reference cites the same book again
    news = next(c for c in found if c.surface.startswith("{{cite news"))
    assert (news.kind, news.site, news.year, news.url) == (SourceKind.ARTICLE, "The Straits Times", 1950,
                                                           "https://example.org/st/1950-06-02")
    short = next(c for c in found if c.surface.startswith("{{sfn"))
    assert (short.authors, short.year) == (("Okafor",), 2004)
    doc = document_from_text(text, "draft.txt")
    assert "cite book" in doc.prose  # a citation template is content, other templates are furniture
    assert "Use British English" not in doc.prose


def test_a_shop_page_names_its_book_and_reviews_cite_its_author(context: Context) -> None:
    text = ("Books › History › South America\n\nThe Last Redoubt: Paraguay at War, 1864-1870\n"
            "by Martin Ashcombe (Author), Ann Hale (Translator)\nFormat: Hardcover\n\n"
            "Gripping. Ashcomb tells it clearly and fairly.\n")
    found = cites(context, text)
    book = found[0]
    assert (book.kind, book.title, book.authors, book.editors) == (
        SourceKind.BOOK, "The Last Redoubt: Paraguay at War, 1864-1870", ("Martin Ashcombe",), ("Ann Hale",))
    # a reviewer who slips a letter in the author's name still points at the book
    assert [c.surface for c in found[1:]] == ["Ashcomb tells it"]
    # a heading over "by <name>" is as often the article's own byline: not a source
    assert cites(context, "The first siege of the house, 1644\nby Brian Holcroft\n\nThe walls held.\n") == []


def test_a_one_word_title_with_its_year_after_his_or_her(context: Context) -> None:
    found = cites(context, "Mill writes in his Autobiography (1873) that the rule of law was at stake.")
    assert [(c.surface, c.title) for c in found if c.cue == "pronoun-work"] == [
        ("his Autobiography (1873)", "Autobiography")]
    undated = cites(context, "Mill says in his Autobiography that it was hard.")
    assert [c for c in undated if c.cue == "pronoun-work"] == []


def test_a_history_the_writer_owned_is_a_vague_source(context: Context) -> None:
    found = cites(context, "An old school history I had as a boy said the well was full of coins.")
    assert [(c.surface, c.vague) for c in found] == [("An old school history", True)]
    assert cites(context, "He wrote a history of the regiment in 1920.") == []  # a work of his life, not cited


def test_a_title_named_after_says_in_or_wrote_about_it_in(context: Context) -> None:
    found = cites(context, "Achebe wrote about it in There Was a Country.")
    assert [(c.surface, c.authors) for c in found if c.cue == "author-title"] == [("There Was a Country", ("Achebe",))]
    found = cites(context, "Pincus argues in 1688: The First Modern Revolution that it was real.")
    assert [c.title for c in found if c.cue == "author-title"] == ["1688: The First Modern Revolution"]
    assert [c for c in cites(context, "He said in That Case that it was fine.") if c.cue == "author-title"] == []


def test_an_unclosed_reference_does_not_swallow_the_next_one(context: Context) -> None:
    text = ("It fell in May.<ref name=\"broken\"> a note never closed\n\n"
            "It was rebuilt.<ref name=\"Okafor\">{{cite book |last=Okafor |first=Ada |title=The Rebuilt City "
            "|year=2004}}</ref> The walls went up again.<ref name=\"Okafor\" /> And the broken one: "
            "<ref name=\"broken\" />")
    found = cites(context, text)
    reuses = [c for c in found if c.surface.endswith("/>")]
    assert [(c.surface, c.title) for c in reuses] == [('<ref name="Okafor" />', "The Rebuilt City")]


def test_talks_dramas_magazines_and_screen_series_are_vague_sources(context: Context) -> None:
    found = cites(context, "I heard it at a talk at the village hall years ago.")
    assert [(c.surface, c.vague) for c in found] == [("a talk at the village hall years ago", True)]
    found = cites(context, "There was a Spanish TV drama about the siege in the nineties.")
    drama = "a Spanish TV drama about the siege in the nineties"
    assert [(c.surface, c.kind.value) for c in found] == [(drama, "video")]
    assert [c.surface for c in cites(context, "I read it in a magazine once.")] == ["a magazine"]
    found = cites(context, "There was a BBC series on it in the 70s.")
    assert [c.surface for c in found] == ["a BBC series on it in the 70s"]
    # conversations, negotiations, events and plain series are not sources
    assert cites(context, "He had several talks with the envoy that summer.") == []
    assert cites(context, "We had a talk about it in class and the teacher said the army ran.") == []
    assert cites(context, "I read that a drama unfolded in the council chamber.") == []
    assert cites(context, "I read about it in a series of raids on the coast.") == []


def test_a_bibliography_set_with_a_hanging_indent_gives_one_entry_per_work(context: Context) -> None:
    text = ("Bibliography\n"
            "Krehbiel, Edward. Nationalism, War and Society: A Study of the Danube Question. New York:\n"
            "   Macmillan, 1916.\n"
            "Spulber, Nicolas. ‘The Danube in Central Europe’. Journal of Central European Affairs 3\n"
            "   (1943): 14–29.\n"
            "Chirot, Daniel. Social Change in a Peripheral Society. New York: Acad-\n"
            "   emic Press, 1976.\n")
    found = [c for c in cites(context, text) if c.cue == "bibliography"]
    assert [(c.authors, c.year) for c in found] == [
        (("Edward Krehbiel",), 1916), (("Nicolas Spulber",), 1943), (("Daniel Chirot",), 1976)]
    assert found[1].title == "The Danube in Central Europe"


def test_a_reference_entry_on_a_line_of_its_own_needs_no_heading(context: Context) -> None:
    text = ("The canal was drained in the winter of 1940, which nobody in the village now remembers.\n\n"
            "Pollard, M. R. (1998). Locks and Lines: The Grand Union at War. Tarrant Press.\n"
            "Hope that helps.\n\n"
            "- Whitcombe, Ellen Mary. The Barge People. Oxford: Clarendon Press, 1987.\n")
    found = cites(context, text)
    assert [(c.cue, c.authors, c.title, c.year) for c in found] == [
        ("bibliography", ("Pollard, M. R.",), "Locks and Lines: The Grand Union at War", 1998),
        ("bibliography", ("Ellen Mary Whitcombe",), "The Barge People", 1987)]
    # a labelled citation line, with the format note in brackets left out of the title
    found = cites(context, "Suggested citation: Pollard, M. R. (1998). Locks and Lines [Kindle edition]. "
                           "Retrieved from a bookshop.")
    assert [(c.cue, c.title) for c in found] == [("source-line", "Locks and Lines")]
    # an honour's citation is no reference, and prose that opens "Surname, Given." is no entry
    assert cites(context, "Citation: For conspicuous gallantry at the canal bridge in 1940.") == []
    assert cites(context, "Pollard, Michael. He kept the lock until 1952, said his neighbour, 1987.") == []


def test_a_film_or_series_named_by_its_title_after_or_before_what_it_is(context: Context) -> None:
    found = cites(context, "For the convoys, watch the BBC series The Cruel Passage; the 1958 German film "
                           "Unternehmen Nordsee is worse. Harbour Lights, the ITV drama, gets the dates wrong.")
    assert [(c.surface, c.kind, c.title) for c in found] == [
        ("the BBC series The Cruel Passage", SourceKind.VIDEO, "The Cruel Passage"),
        ("the 1958 German film Unternehmen Nordsee", SourceKind.VIDEO, "Unternehmen Nordsee"),
        ("Harbour Lights, the ITV drama", SourceKind.VIDEO, "Harbour Lights")]
    # a person, a place, a pronoun or an archive's series after the noun is no title
    assert cites(context, "The film Mussolini commissioned was never shown. In the series Mussolini looks weak. "
                          "The documentary I saw was better.") == []
    assert [c.title for c in cites(context, "The registry series CO 968 at Kew has the files.")] != ["CO 968"]


def test_a_local_paper_named_without_a_verb(context: Context) -> None:
    found = cites(context, "The record office holds the Kettering Evening Courier on microfilm, and the casualty "
                           "lists are in it.")
    assert [(c.surface, c.kind, c.site) for c in found] == [
        ("Kettering Evening Courier", SourceKind.ARTICLE, "Kettering Evening Courier")]
    # a body named like a paper, and a work in a paper that is itself the citation
    assert cites(context, "He joined the Royal Observer Corps in 1938.") == []
    found = cites(context, "An article in the Bedford Gazette gave the date.")
    assert [c.surface for c in found] == ["An article in the Bedford Gazette"]


def test_a_wikitext_reference_without_a_template_is_read_as_a_note(context: Context) -> None:
    text = ("The pit closed in 1931.<ref>Gwen Morris, ''Coal and Chapel: The Upper Tawe Valley'' (Gomer, 1988), "
            "p. 41.</ref> Its lodge banner survives.<ref>An unpublished thesis on the lodge banners, details "
            "unknown.</ref>\n")
    found = cites(context, text, "draft.txt")
    assert [(c.cue, c.authors, c.title, c.year, c.vague) for c in found] == [
        ("footnote", ("Gwen Morris",), "Coal and Chapel: The Upper Tawe Valley", 1988, False),
        ("vague-work", (), None, None, True)]


def test_a_memoir_titled_after_a_pronoun_and_a_title_that_opens_with_a_year(context: Context) -> None:
    found = cites(context, "In his War Memoirs, Lloyd George blamed the generals for everything.")
    assert [(c.surface, c.kind, c.title, c.authors) for c in found] == [
        ("his War Memoirs", SourceKind.BOOK, "War Memoirs", ("Lloyd George",))]
    found = cites(context, "Haig was scathing. In his Wartime Diaries he says so twice.")
    assert [(c.surface, c.kind, c.authors) for c in found] == [("his Wartime Diaries", SourceKind.DIARY,
                                                                ("Haig",))]
    found = cites(context, "For the big picture, Lena Kowalczyk's 1956: The Year of Two Crises is very readable.")
    assert [(c.title, c.authors) for c in found] == [("1956: The Year of Two Crises", ("Lena Kowalczyk",))]


def test_a_one_word_title_before_its_imprint(context: Context) -> None:
    found = cites(context, "For the landings see Ann Corrie, Anzio (Pen & Sword, 2004), still the best.")
    assert [(c.surface, c.authors, c.title, c.publisher, c.year) for c in found] == [
        ("Ann Corrie, Anzio (Pen & Sword, 2004)", ("Ann Corrie",), "Anzio", "Pen & Sword", 2004)]
    # the title is not a person, and the series in the brackets is no title
    found = cites(context, "You might like Ann Corrie, Serre (Battleground Europe series, Leo Cooper, 1996).")
    assert [(c.authors, c.title) for c in found] == [(("Ann Corrie",), "Serre")]


def test_a_footnote_in_short_form_cites_each_work_it_names(context: Context) -> None:
    text = ("The river froze.[^1]\n\n"
            "[^1]: See Krehbiel, Nationalism, 88–91; Spulber, ‘The Danube in Central Europe’, 14–16, and "
            "Chirot, Social Change, 40.\n")
    found = [c for c in cites(context, text, "notes.md") if c.cue == "footnote"]
    assert [(c.authors, c.title) for c in found] == [
        (("Krehbiel",), "Nationalism"), (("Spulber",), "The Danube in Central Europe"), (("Chirot",), "Social Change")]
    # a full reference is one citation, even though it has an author, a comma and a number
    text = ("The river froze.[^1]\n\n"
            "[^1]: S. E. Crowe, The Berlin West African Conference, 1884-1885 (Longmans, 1942).\n")
    assert [c.year for c in cites(context, text, "notes.md") if c.cue == "footnote"] == [1942]


def test_an_office_after_a_possessive_is_no_title_and_a_verdict_in_a_title_is_a_citation(context: Context) -> None:
    assert cites(context, "Dean Acheson's State Department saw it as a trick.") == []
    assert cites(context, "It was carried out by the Prime Minister's Office and the National Archives.") == []
    assert cites(context, "The U.S. State Department's Office of the Historian has a short page listing them.") == []
    found = cites(context, "Rolf Steininger said yes in The German Question: The Stalin Note of 1952 (1990).")
    title = "The German Question: The Stalin Note of 1952"
    assert [(c.title, c.authors) for c in found] == [(title, ("Rolf Steininger",))]
    found = cites(context, "The drafts he quotes in his 1994 article in The Historical Journal show it.")
    assert [c.surface for c in found] == ["his 1994 article in The Historical Journal"]


def test_a_dated_title_after_an_unknown_possessive_name_is_a_book(context: Context) -> None:
    found = cites(context, "Beshloss's Mayday (1986) is still the classic on the diplomatic side.")
    assert [(c.authors, c.title, c.year) for c in found] == [(("Beshloss",), "Mayday", 1986)]
    assert cites(context, "Germany's Revolution (1918) was short.") == []  # a country's, not an author's


def test_a_dated_title_after_his_or_her_needs_no_preposition(context: Context) -> None:
    found = cites(context, "Reed rode with the army that winter, and his Insurgent Mexico (1914) is a fine book.")
    assert [(c.title, c.cue) for c in found] == [("Insurgent Mexico", "pronoun-work")]
    assert cites(context, "He marched his Grand Army across the river in June.") == []


def test_a_discursive_note_is_read_as_prose_and_its_works_found_one_by_one(context: Context) -> None:
    text = ("The barricade fell at noon.[^1]\n\n## Notes\n\n"
            "[^1]: Varga's letter to his brother is printed in Ilona Kertész, *A Szabadság Napjai* (Budapest, 1961), "
            "ch. 4; the memoir quotes it from there. The older figure of 300 dead is now thought too high; "
            "Peter Halmos, \"How Many Fell at the Corvin Passage?\", *Central European History* 31:2 (1998), "
            "argues for fewer than a hundred.\n")
    found = cites(context, text, "memoir.md")
    by_surface = {c.surface: c for c in found}
    assert "Ilona Kertész, *A Szabadság Napjai* (Budapest, 1961)" in by_surface
    article = next(c for c in found if c.kind is SourceKind.ARTICLE)
    assert (article.title, article.authors, article.site, article.year) == (
        "How Many Fell at the Corvin Passage?", ("Peter Halmos",), "Central European History", 1998)
    letter = by_surface["Varga's letter"]
    assert letter.via is not None and text[letter.via.start:letter.via.end].startswith("Ilona Kertész")
    assert not any(c.cue == "footnote" for c in found)  # no single entry made of the whole note


def test_a_note_that_lists_works_stays_one_entry_per_work(context: Context) -> None:
    text = ("The barricade fell at noon.[^1]\n\n[^1]: Ilona Kertész, *A Szabadság Napjai* (Budapest, 1961), "
            "pp. 44-46. See also Peter Halmos, *The Corvin Passage* (London, 1998), 12.\n")
    found = [c for c in cites(context, text, "memoir.md") if c.cue in ("footnote", "bibliography")]
    assert [c.span.start for c in found] == [text.index("Ilona")]


def test_italic_titles_in_sentence_case_after_an_author_or_before_a_year(context: Context) -> None:
    found = cites(context, "The story is in Maxime Vuillaume's *Mes cahiers rouges*, which he may have read. "
                           "Louise Michel tells it in *La Commune* (1898). Stalin's *Great Terror* was no book, "
                           "and the *Mary Rose* no title.", "notes.md")
    titled = [c for c in found if c.title]
    assert [c.title for c in titled] == ["Mes cahiers rouges", "La Commune"]
    assert titled[0].authors == ("Maxime Vuillaume",)


def via_map(context: Context, text: str, path: str = "t.txt") -> dict[str, str]:
    """Each citation known through another, as surface: surface of the work it is known through."""
    found = cites(context, text, path)
    spans = {c.span: c.surface for c in found}
    return {c.surface: spans[c.via] for c in found if c.via is not None}


def test_documents_known_through_the_work_that_prints_them(context: Context) -> None:
    # a page after "Surname, Title" makes the surname an author's, even when it is also a town's
    assert via_map(context, "Allenby wrote in his diary that night that \"the guns have done their work\" "
                            "(quoted in Sheffield, The Long Road, p. 212).") == {
        "Allenby wrote": "Sheffield, The Long Road", "his diary": "Sheffield, The Long Road"}
    # "I have only seen it quoted in": an obituary is a document
    assert via_map(context, "The Western Mail printed an obituary in 1937; I have only seen it quoted in "
                            "Pryce.\n\nGareth Pryce, Valley Volunteers (Seren, 2009).\n") == {
        "an obituary": "Gareth Pryce, Valley Volunteers (Seren, 2009)"}
    # "only as it is quoted by", with what the report is on between
    assert via_map(context, "Joan Hale, The Camps (2005). We know the official report on the Lokitaung "
                            "deaths only as it is quoted by Hale.") == {
        "the official report": "Joan Hale, The Camps (2005)"}
    # "which Hale reproduces": a single note
    assert via_map(context, "Joan Hale, The Camps (2005). The note the warder signed, which Hale reproduces "
                            "in her book, gives no date.") == {"The note": "Joan Hale, The Camps (2005)"}
    # "I rely on the extracts printed in": the document named before
    assert via_map(context, "Joan Hale, The Camps (2005). I could not see the magistrate's file; I rely on the "
                            "extracts printed in Hale.") == {"the magistrate's file": "Joan Hale, The Camps (2005)"}


def test_a_work_that_quotes_extracts_from_a_document_is_the_way_to_it(context: Context) -> None:
    assert via_map(context, "Read Ruth Pell, The Mill Town at War (2005). She quotes a long extract from the "
                            "5th Battalion's war diary.") == {
        "the 5th Battalion's war diary": "Ruth Pell, The Mill Town at War (2005)"}


def test_a_person_read_only_as_another_work_quotes_them(context: Context) -> None:
    # the speaker of a quotation followed by "(quoted in ...)"
    assert via_map(context, "The paper took up the case. Its editor, Herbert Lowell, called the trial \"a disgrace to "
                            "the county.\" (quoted in Ann Hale, Riga and After, 2006)") == {
        "Herbert Lowell": "Ann Hale, Riga and After"}
    # the person named just before "I have only read him as quoted in ..."; an unknown name owns the article
    assert via_map(context, "The only witness is one man, Pavel Orlik, the radio officer. I've only ever read him "
                            "as quoted in Dunaevskaya's article.") == {"Pavel Orlik": "Dunaevskaya's article"}


def test_a_quoter_named_at_the_start_of_the_sentence_passes_on_the_document(context: Context) -> None:
    text = ("Eric Delderfeild, whose little book came out within months of the flood, quotes a letter written by the "
            "Town Clerk on 19 August.\n\nSources: Eric R. Delderfield, The Flood Disaster (Exmouth, 1953), p. 31.")
    assert via_map(context, text) == {"a letter": "Eric R. Delderfield, The Flood Disaster (Exmouth, 1953), p. 31."}


def test_films_dispatches_and_journal_findings(context: Context) -> None:
    found = cites(context, "The gallery loops an excerpt from Radium City (dir. Carole Langer, 1987). Robert Geiger, "
                           "an Associated Press reporter who rode through the panhandle, filed a dispatch the next "
                           "day. The examiner published his findings in the Journal of the American Medical "
                           "Association that year.")
    assert [(c.kind, c.surface) for c in found] == [
        (SourceKind.VIDEO, "Radium City (dir. Carole Langer, 1987)"),
        (SourceKind.ARTICLE, "Robert Geiger, an Associated Press reporter who rode through the panhandle, "
                             "filed a dispatch"),
        (SourceKind.ARTICLE, "published his findings in the Journal of the American Medical Association"),
    ]
    assert found[0].authors == ("Carole Langer",) and found[0].year == 1987
    assert found[2].site == "Journal of the American Medical Association"
    assert cites(context, "The clerk filed his papers on Monday, and Smith filed a claim.") == []


def test_donation_and_music_links_and_bold_labels_are_no_sources(context: Context) -> None:
    text = ("Support the channel: https://www.patreon.com/harbourlinehistory - music from "
            "https://www.epidemicsound.com/referral/h4rb0r/ - sources: https://archive.org/details/relief1920\n\n"
            "**Mr O:** good point, but say where it comes from.\n\n*Brothers in Arms: A History* is good.\n")
    found = cites(context, text, "notes.md")
    assert [c.surface for c in found] == ["https://archive.org/details/relief1920", "*Brothers in Arms: A History*"]
    links = extract_links(document_from_text(text, "notes.md"), found)
    assert "https://www.patreon.com/harbourlinehistory" in [link.url for link in links]  # still checked


def test_more_documents_known_through_the_work_that_prints_them(context: Context) -> None:
    # "One letter, from ..., is quoted in": a document with an aside before the passive verb
    assert via_map(context, "The children wrote back. One letter, from a girl called Mercedes in Friedenau, is "
                            "quoted in Halvorsen's memoir The Berlin Candy Bomber.") == {
        "One letter": "Halvorsen's memoir The Berlin Candy Bomber"}
    # "<work>, which prints the recollections of X": the relative clause's antecedent is the work
    html = ('<p>See the briefing book <a href="https://nsarchive2.gwu.edu/NSAEBB/NSAEBB399/">The Submarines of '
            'October</a> which prints the recollections of Vadim Orlov, the officer on B-59.</p>')
    found = cites(context, html, "page.html")
    spans = {c.span: c for c in found}
    orlov = next(c for c in found if c.surface == "the recollections of Vadim Orlov")
    assert orlov.via is not None and spans[orlov.via].url == "https://nsarchive2.gwu.edu/NSAEBB/NSAEBB399/"
    # "which I have only seen in Brody's extracts": the work of that author cited in the document
    assert via_map(context, "David Brody, Labor in Crisis (1965) is the standard account. It cites the "
                            "*Report on the Steel Strike of 1919* (1920), which I have only seen in Brody's "
                            "extracts.", "t.md") == {
        "*Report on the Steel Strike of 1919*": "David Brody, Labor in Crisis (1965)"}


def test_a_note_says_its_document_is_quoted_in_a_work_in_short_form(context: Context) -> None:
    text = ("She was worth ten men.[^6]\n\n"
            "[^6]: Farmer, J. H., report on the FREELANCE circuit (1944), quoted in FitzSimons 2002, p. 241.\n")
    assert via_map(context, text, "notes.md") == {
        "Farmer, J. H., report on the FREELANCE circuit (1944)": "FitzSimons 2002, p. 241"}


def test_a_numbered_note_list_gives_one_entry_per_note_and_reads_quoted_in(context: Context) -> None:
    text = ("The ration was cut twice that winter.[3]\n\nNotes\n\n"
            "[1] Paul Kennedy, The Rise and Fall of the Great Powers (London: Unwin Hyman, 1988), p. 12.\n"
            "[2] Ibid., p. 14.\n"
            "[3] Woolton diary, quoted in Collingham, The Taste of War, p. 88. The diary itself is unpublished.\n"
            "[4] Lizzie Collingham, The Taste of War (London: Allen Lane, 2011).\n")
    found = cites(context, text)
    assert [c.surface for c in found if c.cue == "bibliography"] == [
        "Paul Kennedy, The Rise and Fall of the Great Powers (London: Unwin Hyman, 1988), p. 12.",
        "Woolton diary", "Collingham", "Lizzie Collingham, The Taste of War (London: Allen Lane, 2011)."]
    assert via_map(context, text) == {"Woolton diary": "Collingham"}
    assert next(c for c in found if c.surface == "Woolton diary").kind is SourceKind.DIARY


def test_a_writer_who_quotes_or_reprints_a_document_is_the_way_to_it(context: Context) -> None:
    # the quoter right before the verb, an adverb between, a pronoun for the author of the book just named
    assert via_map(context, "Ruth Dudley Edwards's *The Seven* (2016) covers the rising. Edwards also quotes a "
                            "letter in which Plunkett asks for his glasses.", "t.md") == {
        "a letter": "Ruth Dudley Edwards's *The Seven* (2016)"}
    assert via_map(context, "Max Arthur's Forgotten Voices (2002) is the one to read, and he quotes the\n"
                            "battalion medical officer's report, which is grim.") == {
        "the\nbattalion medical officer's report": "Max Arthur's Forgotten Voices (2002)"}
    # "the cable" is the cable cited just before; "reprints it" takes the document named before it
    assert via_map(context, "Hinsley's British Intelligence (1979) is the standard work. Menzies's cable of 3 "
                            "June was blunt, and Hinsley quotes the cable in full.") == {
        "Menzies's cable": "Hinsley's British Intelligence (1979)"}
    assert via_map(context, "See Overy's The Bombing War (2013). The figure comes from the RAF's own casualty "
                            "return, Overy reprints it in an appendix.") == {
        "the RAF's own casualty return": "Overy's The Bombing War (2013)"}
    # a work named as its editors' edition; "I take that from" names where a quotation was read
    assert via_map(context, "Brooke wrote in his diary that night that the plan was mad. I take that from the "
                            "Danchev and Todman edition of the Alanbrooke diaries.") == {
        "his diary": "the Danchev and Todman edition of the Alanbrooke diaries"}
    # "which the book quotes", "which I only know because X quotes it"
    assert via_map(context, "Gerald Brenan's The Spanish Labyrinth (1943) is old but good. It has an entry from "
                            "the diary of Manuel Azaña, which the book quotes on p. 40.") == {
        "the diary of Manuel Azaña": "Gerald Brenan's The Spanish Labyrinth (1943)"}
    assert via_map(context, "Hugh Thomas's The Spanish Civil War (1961) again. There is a passage in Azaña's "
                            "diary about the rain, which I only know because Thomas quotes it.") == {
        "Azaña's diary": "Hugh Thomas's The Spanish Civil War (1961)"}
    # the nearest document before "which we know through", not the first noun phrase of the sentence
    assert via_map(context, "The best account is the radio operator Jan Kowal's recollection, which we know "
                            "through Norman Davies's book Rising '44 (2003).") == {
        "Kowal's recollection": "Norman Davies's book Rising '44 (2003)"}
    # with no work of the quoter's in the document there is nothing to chain to
    assert via_map(context, "The general's widow kept everything he sent. She quotes a letter from him in every "
                            "interview, and Brenner cites the report of 1946.") == {}


def test_an_author_and_year_opening_a_longer_aside(context: Context) -> None:
    found = cites(context, "Reword it per the official history (Davin, 1953, which is online) and Beevor. "
                           "The talks failed (Munich, 1938, as everyone knows).")
    assert [(c.surface, c.authors, c.year) for c in found if c.cue == "author-year"] == [
        ("Davin, 1953", ("Davin",), 1953)]


def test_the_words_that_point_at_a_bare_url_belong_to_its_citation(context: Context) -> None:
    text = ("For the names, the IWM \"Lives\" search at\nhttps://livesofthefirstworldwar.iwm.org.uk/ is best, and "
            "there's a page\non the cemetery at\nhttps://www.cwgc.org/visit-us/find-cemeteries-memorials/x/\n\n"
            "The Navy's own fact sheet (https://www.history.navy.mil/a.html) has the figure.\n\n"
            "For the raid the Wikipedia page is decent: https://en.wikipedia.org/wiki/Operation_Chariot\n\n"
            "See https://example.org/notes for more.\n")
    found = cites(context, text)
    assert [c.surface for c in found if c.cue == "url"] == [
        "the IWM \"Lives\" search at\nhttps://livesofthefirstworldwar.iwm.org.uk/",
        "a page\non the cemetery at\nhttps://www.cwgc.org/visit-us/find-cemeteries-memorials/x/",
        "The Navy's own fact sheet (https://www.history.navy.mil/a.html",
        "https://en.wikipedia.org/wiki/Operation_Chariot",  # "is decent" says what it is like, not where it is
        "https://example.org/notes"]
    assert next(c.url for c in found if c.cue == "url") == "https://livesofthefirstworldwar.iwm.org.uk/"


def test_a_title_in_plain_type_with_its_publisher_and_year(context: Context) -> None:
    found = cites(context, "The shift came with Gary Sheffield's Forgotten Victory (Headline, 2001). The reports "
                           "were published in Spain Betrayed (Yale University Press, 2001). The war was lost "
                           "(Beevor, 2006).")
    by_surface = {c.surface: c for c in found}
    sheffield = by_surface["Gary Sheffield's Forgotten Victory (Headline, 2001)"]
    assert (sheffield.title, sheffield.publisher, sheffield.year) == ("Forgotten Victory", "Headline", 2001)
    betrayed = by_surface["Spain Betrayed (Yale University Press, 2001)"]
    assert (betrayed.kind, betrayed.title, betrayed.authors) == (SourceKind.BOOK, "Spain Betrayed", ())
    # an author-year reference stays one: Beevor is no publisher
    assert by_surface["Beevor, 2006"].cue == "author-year"
    more = {c.surface: c for c in cites(context, "Goldhagen argued it in Hitler's Willing Executioners (Knopf, "
                                                 "1996). See Beevor's Stalingrad (Viking, 1998).")}
    # a possessive that opens the title is part of it; a historian's is the author (even of "Stalingrad")
    assert more["Hitler's Willing Executioners (Knopf, 1996)"].authors == ()
    assert (more["Beevor's Stalingrad (Viking, 1998)"].title, more["Beevor's Stalingrad (Viking, 1998)"].year) == (
        "Stalingrad", 1998)
    assert not any(c.authors == ("Headline",) or c.authors == ("Yale University Press",) for c in found)


def test_titles_after_a_work_noun_or_what_an_author_covers(context: Context) -> None:
    text = ("He tells the whole story in the book he wrote with Dave Scott, Two Sides of the Moon. "
            "Burgess and French cover all of it in Into That Silent Sea, highly recommended. "
            "Overy discusses this in Why the Allies Won. Zhukov described the battle in Moscow and Stalingrad.")
    found = {c.title: c for c in cites(context, text)}
    assert set(found) == {"Two Sides of the Moon", "Into That Silent Sea", "Why the Allies Won"}
    assert found["Into That Silent Sea"].authors == ("Burgess", "French")


def test_a_source_line_after_a_sentence_and_titles_read_by_author(context: Context) -> None:
    (found,) = cites(context, "The pilot had to land with his craft. Source: Starman by Jamie Doran and Piers Bizony, "
                              "chapter 6 I think.")
    assert (found.cue, found.title, found.authors) == ("source-line", "Starman", ("Jamie Doran", "Piers Bizony"))
    assert cites(context, "The Source: that is what we need.") == []


def test_reference_entries_in_more_shapes() -> None:
    both = parse_reference("Doran and Bizony, Starman (1998), ch. 6.")
    assert (both.authors, both.title, both.year) == (("Doran", "Bizony"), "Starman", 1998)
    dated = parse_reference('Bonar Law, A. (7 October 1922). "Letter to the Editor". *The Times*. p. 11.')
    assert (dated.title, dated.year) == ("Letter to the Editor", 1922)
    # the year after the authors, not the one in the title
    assert parse_reference('Macfie, A. L. (1979). "The Chanak Affair (September–October 1922)". Balkan Studies.'
                           ).year == 1979
    # a reader's comment after a dash is not the title, and "a single volume" in it makes no journal
    beevor = parse_reference("Antony Beevor, The Battle for Spain (2006) - very readable, the best single volume")
    assert (beevor.title, beevor.year, beevor.kind) == ("The Battle for Spain", 2006, SourceKind.BOOK)
    # a given name copied badly from a PDF ("Th" lost) is skipped, not taken for the title
    assert parse_reference("Ropp,  eodore. War in the Modern World. Westport: Greenwood Press, 1959.").title == (
        "War in the Modern World")


def test_reference_lists_under_more_headings(context: Context) -> None:
    text = ("I liked it.\n\nFurther reading, if anyone wants it:\n"
            "- Hugh Thomas, The Spanish Civil War - the old classic, first published 1961\n")
    (thomas,) = cites(context, text)
    assert (thomas.cue, thomas.title, thomas.authors) == ("bibliography", "The Spanish Civil War", ("Hugh Thomas",))
    wiki = ("The crisis ended in October.\n\n## References[edit]\n\n"
            "1. Walder, David (1969). *The Chanak Affair*. London: Hutchinson. p. 211.\n"
            "2. Bonar Law, A. (7 October 1922). \"Letter to the Editor\". *The Times*. p. 11. "
            "Quoted in Walder (1969), p. 287.\n")
    assert via_map(context, wiki, "chanak.md") == {
        "Bonar Law, A. (7 October 1922). \"Letter to the Editor\". *The Times*. p. 11": "Walder (1969), p. 287"}


def test_a_plain_text_sources_heading_ends_with_its_entries(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Video description.\n\nSOURCES & FURTHER READING\n"
            "- James Harford, Korolev (Wiley, 1997)\n\n"
            "@viewer 3 years ago\nGagarin ejected at about 7 km and came down on his own parachute in April 1961.\n")
    a = analyze_text(text)
    assert [s.citation.cue for s in a.sources] == ["bibliography"]
    assert [c.claim.supported for c in a.claims if "ejected" in c.claim.text] == [False]


def test_calls_to_action_and_channel_chrome_are_links_not_sources(context: Context) -> None:
    text = ("[Listen on Apple Podcasts](https://podcasts.apple.com/gb/podcast/x/id15) · "
            "[RSS](https://pod.example.org/feed.xml) · [Subscribe](https://x.substack.com/subscribe)\n\n"
            "Merch: https://orbital.example.store\n\n"
            "See [the Wikipedia article](https://en.wikipedia.org/wiki/Prague_Spring).\n")
    doc = document_from_text(text, "notes.md")
    assert [c.title for c in extract_citations(doc, context.hints)] == ["Prague Spring"]
    assert len(extract_links(doc, [])) == 5


def test_more_ways_a_document_is_known_through_a_work(context: Context) -> None:
    assert via_map(context, "I found Panikkar's own account of the meeting only second-hand, in David Halberstam's "
                            "*The Coldest Winter* (Hyperion, 2007).", "a.md") == {
        "Panikkar's own account": "David Halberstam's *The Coldest Winter* (Hyperion, 2007)"}
    assert via_map(context, "It was popularised by the historian Alan Clark in The Donkeys (1961). Clark claimed he "
                            "had the line from Falkenhayn's memoirs.") == {"Falkenhayn's memoirs": "The Donkeys (1961)"}
    assert via_map(context, "SOURCES\n- Asif A. Siddiqi, Challenge to Apollo (NASA, 2000)\n"
                            "- Nikolai Kamanin's diaries (quoted via Siddiqi, we don't read Russian)\n") == {
        "Nikolai Kamanin's diaries": "Asif A. Siddiqi, Challenge to Apollo (NASA, 2000)"}
    assert via_map(context, "It rests on a letter from Frank Ryan to a friend that the author knows only from its "
                            "quotation in Seán Cronin's 1980 biography of Ryan.") == {
        "a letter": "Seán Cronin's 1980 biography"}
    assert via_map(context, "Keane's book Road of Bones uses interviews. The war diary entry for 4 May, which I've "
                            "only seen quoted in Keane's book, gives the losses.")["The war diary entry"].startswith(
        "Keane's book")
    assert via_map(context, "I found the speech in Sorley's bio of Westmoreland, he quotes the press club speech."
                   )["the press club speech"] == "Sorley's bio"


def test_more_vague_sources(context: Context) -> None:
    text = ("Our old O-level textbook had a whole page on Haig, I remember the cartoon.\n"
            "- A German TV documentary on Jäger that Ruth saw ages ago – we couldn't find the title!\n"
            "It draws on press cuttings and an unpublished Sheffield doctoral thesis whose author he does not name.\n"
            "The figure comes via a Radio Prague piece I can no longer find. It was a great piece of work.\n")
    found = cites(context, text)
    assert [(c.surface.split(" that ")[0], c.vague) for c in found] == [
        ("Our old O-level textbook", True), ("A German TV documentary on Jäger", True),
        ("an unpublished Sheffield doctoral thesis", True), ("a Radio Prague piece", True)]


def test_publisher_and_year_after_a_comma_and_one_surname_with_its_year(context: Context) -> None:
    found = {c.surface: c for c in cites(context, (
        "(Sheffield and Bourne edited them: Douglas Haig: War Diaries and Letters 1914-1918, Weidenfeld & Nicolson, "
        "2005.) Campbell has a whole chapter on it in Getting It Wrong, worth a read. I suggest that Bennett's (2013) "
        "emphasis misleads; the forms were discussed by Jockusch (2012). He moved to London, Penguin, 2004 was a "
        "good year. It was fought at Stalingrad (1942)."))}
    haig = found["Douglas Haig: War Diaries and Letters 1914-1918, Weidenfeld & Nicolson, 2005"]
    assert (haig.title, haig.publisher, haig.year) == ("Douglas Haig: War Diaries and Letters 1914-1918",
                                                       "Weidenfeld & Nicolson", 2005)
    assert found["Getting It Wrong"].authors == ("Campbell",)
    assert [(found[s].authors, found[s].year) for s in ("Bennett's (2013)", "Jockusch (2012)")] == [
        (("Bennett",), 2013), (("Jockusch",), 2012)]
    assert len(found) == 4  # not "London, Penguin, 2004", not the battle


def test_an_author_and_pages_after_in(context: Context) -> None:
    found = cites(context, "The FAI issue is discussed in Siddiqi pp. 283-284. The fort is in London, pp. 4-5 of "
                           "the guide.")
    assert [(c.surface, c.authors) for c in found] == [("Siddiqi pp. 283-284", ("Siddiqi",))]


def test_documents_quoted_at_length_printed_in_or_used_by_a_work(context: Context) -> None:
    assert via_map(context, "The diary of the Condor Legion's chief of staff, Wolfram von Richthofen, as quoted in "
                            "Paul Preston's history of the bombing, shows no regret.") == {
        "The diary of the Condor Legion's chief of staff": "Paul Preston's history"}
    assert via_map(context, "Wavell's journal entries from late 1946, quoted at length in Khan (2007: 79-83), reveal "
                            "a Viceroy who had given up.") == {"Wavell's journal": "Khan (2007: 79-83)"}
    assert via_map(context, "MacPhail's book The Clydebank Blitz (1974) is the standard account. A report by the "
                            "Ministry of Home Security, written shortly after the raids and quoted at length by "
                            "MacPhail, criticised the shelters.") == {
        "A report by the Ministry of Home Security": "MacPhail's book The Clydebank Blitz (1974)"}
    assert via_map(context, "The best source is the recollection of Vadim Orlov, the officer on board - which I only "
                            "know as it's quoted in Svetlana Savranskaya's article.") == {
        "the recollection of Vadim Orlov": "Svetlana Savranskaya's article"}
    assert via_map(context, "Bettina Stangneth's Eichmann Before Jerusalem, using the Sassen interviews he gave in "
                            "Argentina, shows a committed antisemite.") == {
        "the Sassen interviews": "Bettina Stangneth's Eichmann Before Jerusalem"}
    assert via_map(context, "The Soviet side comes through in the Comintern and NKVD reports that Radosh published "
                            "in Spain Betrayed (Yale, 2001).") == {
        "the Comintern and NKVD reports": "Spain Betrayed (Yale, 2001)"}
    # a date of publication is no work the document was read in
    assert via_map(context, "The treaty, which was published in 1921, ended it.") == {}


def test_documents_quoted_from_extracted_or_quoted_in_a_dashed_aside(context: Context) -> None:
    assert via_map(context, "Grandad read Andrew Salmon's book, To the Last Round. Salmon quotes a lot from "
                            "Farrar-Hockley's own memoir, which I have never seen.") == {
        "Farrar-Hockley's own memoir": "Andrew Salmon's book, To the Last Round"}
    assert via_map(context, "Yasmin Khan's The Great Partition is the place to start. There's an old book by Penderel "
                            "Moon, Divide and Quit, which I only know from the long quotations in Khan, he was an "
                            "official in 1947.") == {
        "an old book by Penderel Moon": "Yasmin Khan's The Great Partition"}
    assert via_map(context, "Siddiqi's Challenge to Apollo is the authority. Korolev's 1954 memo proposing an "
                            "artificial satellite is quoted at length in Siddiqi, ch. 4.") == {
        "Korolev's 1954 memo": "Siddiqi's Challenge to Apollo"}
    assert via_map(context, "Gaddis, The Cold War: A New History (2005). Dobrynin's memoir (In Confidence) has the "
                            "meeting of 27 Oct - quoted in Gaddis, haven't got the book.") == {
        "Dobrynin's memoir": "Gaddis, The Cold War: A New History (2005)"}
    assert via_map(context, "<p>Read Ann Price's <em>Hatherden in Two Wars</em> (1989). The matron kept a diary "
                            "throughout the war. It is now lost, but long extracts from it were printed in Ann Price's "
                            "<em>Hatherden in Two Wars</em>.</p>", "a.html") == {
        "The matron kept a diary": "Ann Price's <em>Hatherden in Two Wars"}


def test_documents_a_work_quotes_named_by_pronoun_verb_or_apposition(context: Context) -> None:
    assert via_map(context, "I think it's from Richard Baxell, British Volunteers in the Spanish Civil War "
                            "(Routledge, 2004). I'd check whether he's quoting Bill Alexander's British Volunteers for "
                            "Liberty.") == {
        "Bill Alexander's British Volunteers for Liberty": "Richard Baxell, British Volunteers in the Spanish Civil "
                                                           "War (Routledge, 2004)"}
    assert via_map(context, "The source is the Dutch Red Cross report on Sobibor. I haven't seen it myself, I'm going "
                            "by Jules Schelvis's *Sobibor* (Berg, 2007), which quotes it.", "a.md") == {
        "the Dutch Red Cross report": "Jules Schelvis's *Sobibor* (Berg, 2007)"}
    assert via_map(context, "Enoch Powell made a famous speech. I found this in Anderson's book, which quotes it from "
                            "Hansard.")["Hansard"] == "Anderson's book"
    assert via_map(context, "The standard account is John Boyes, Project Emily (Tempus, 2008). He also quotes the "
                            "Cabinet Defence Committee minute of February 1958.") == {
        "the Cabinet Defence Committee minute": "John Boyes, Project Emily (Tempus, 2008)"}
    # "he" is the author cited last, whose titled work was named further back
    assert via_map(context, "The account is John Boyes, Project Emily (Tempus, 2008). Boyes sets out the dual key "
                            "(Boyes 2008, pp. 61-64). He also quotes the Cabinet Defence Committee minute.")[
        "the Cabinet Defence Committee minute"] == "John Boyes, Project Emily (Tempus, 2008)"
    assert via_map(context, "Radio log: the wording comes from the 29th Brigade radio log, which we know only as it is "
                            "quoted in Andrew Salmon's To the Last Round.") == {
        "the 29th Brigade radio log": "Andrew Salmon's To the Last Round"}
    assert via_map(context, "The story comes from Korolev's deputy Boris Chertok, as quoted in Asif Siddiqi's "
                            "Challenge to Apollo.") == {"Boris Chertok": "Asif Siddiqi's Challenge to Apollo"}
    # the person in apposition to a cited document is not a second source
    assert via_map(context, "The diary of the Legion's chief of staff, Wolfram von Richthofen, as quoted in Paul "
                            "Preston's history, shows no regret.") == {
        "The diary of the Legion's chief of staff": "Paul Preston's history"}
    assert via_map(context, "Weintraub's Silent Night is good. The best evidence is the diary of Leutnant Kurt "
                            "Zehmisch, which I only know through the extracts in Weintraub.") == {
        "the diary of Leutnant Kurt Zehmisch": "Weintraub's Silent Night"}


def test_titles_named_by_their_author_in_more_ways(context: Context) -> None:
    found = [c.title for c in cites(context, "He went at the end of 1936. In Homage to Catalonia he described it as "
                                             "the first time. In May 1940 he wrote to her.")]
    assert found == ["Homage to Catalonia"]
    md = [c.title for c in cites(context, "> Max Hastings' *The Korean War* covers it well. The *Korean War* was "
                                          "long.", "a.md")]
    assert md == ["The Korean War"]
    html = [c.title for c in cites(context, "<p>Prokop Tomek and Ivo Pejčoch, in their 2017 book <em>Okupace 1968 a "
                                            "její oběti</em>, counted 137.</p>", "a.html")]
    assert html == ["Okupace 1968 a její oběti"]


def test_a_references_heading_with_a_note_in_brackets(context: Context) -> None:
    text = ("The literature is thin.\n\nReferences (partial)\n\n"
            "Moon, P. (1961) Divide and Quit. London: Chatto and Windus.\n"
            "Khan, Y. (2007) The Great Partition. New Haven: Yale University Press.\n")
    assert [(c.cue, c.title) for c in cites(context, text)] == [
        ("bibliography", "Divide and Quit"), ("bibliography", "The Great Partition")]


def test_an_author_then_in_and_a_title_and_a_book_written_then_titled(context: Context) -> None:
    found = {c.title: c for c in cites(context, (
        "Poor Selwyn Lloyd, who then wrote his own book in 1978, Suez 1956: A Personal Account, which admits a lot. "
        "Hugh Thomas, in The Suez Affair, which came out the same year, frames it as a humiliation. Churchill, in "
        "London, said no. I read it on a forum thread years back."))}
    assert set(found) == {"Suez 1956: A Personal Account", "The Suez Affair", None}
    assert found["The Suez Affair"].authors == ("Hugh Thomas",)
    assert found[None].kind is SourceKind.FORUM and found[None].vague


def test_a_note_in_the_first_person_is_read_as_prose(context: Context) -> None:
    text = ("Panikkar warned them.[^1] About 137 civilians were killed.[^2]\n\n"
            "[^1]: Panikkar's own account is in his memoir *In Two Chinas*, but I only know it second-hand from "
            "Halberstam's book.\n"
            "[^2]: The figure of 137 comes from the Czech Institute for the Study of Totalitarian Regimes, via a "
            "Radio Prague piece I can no longer find.\n")
    assert via_map(context, text, "notes.md") == {
        "his memoir *In Two Chinas*": "Halberstam's book",
        "Czech Institute for the Study of Totalitarian Regimes": "a Radio Prague piece"}


def test_a_sites_own_navigation_links_are_no_sources(context: Context) -> None:
    text = ('<p>Sort by: <a href="https://shop.example/reviews?sort=helpful">Most helpful</a> | '
            '<a href="https://shop.example/reviews?sort=new">Newest</a></p>\n'
            '<p><a href="https://shop.example/reviews?page=2">See all 38 reviews &rsaquo;</a> '
            '<a href="https://shop.example/write">Write a review</a> '
            '<a href="https://radio.example/contact">Contact the programme</a></p>\n'
            '<p>The bridge fell on 21 September, see <a href="https://en.wikipedia.org/wiki/Arnhem">Arnhem</a>.</p>\n')
    assert [c.title for c in cites(context, text, "page.html")] == ["Arnhem"]


def test_a_title_read_at_uni_and_a_persons_own_memoirs(context: Context) -> None:
    found = [(c.title, c.year) for c in cites(context, (
        "Do you use Browning at all? I read Ordinary Men at uni and it stuck. Montgomery's own Memoirs (1958) "
        "call it ninety per cent successful. Alabama's own Constitution (1901) was long. I read Berlin at night."))]
    assert found == [("Ordinary Men", None), ("Memoirs", 1958)]


def test_an_unpublished_thesis_is_a_vague_source_without_a_reading_verb(context: Context) -> None:
    found = cites(context, "An unpublished MPhil dissertation from Jawaharlal Nehru University on refugees in Delhi "
                           "makes related points. A published thesis on the docks appeared in 1990.")
    assert [(c.kind, c.vague) for c in found] == [(SourceKind.THESIS, True)]


def test_category_tag_and_comment_links_of_a_blog_are_no_sources(context: Context) -> None:
    text = ('<p class="byline">Posted on 26 April &middot; Filed under '
            '<a href="https://blog.example/category/spain/">Spain</a>, '
            '<a href="https://blog.example/tag/bombing/">bombing</a></p>\n'
            '<p>The town was bombed on 26 April 1937, see <a href="https://blog.example/2023/04/26/raid/">my earlier '
            'post on the raid</a>.</p>\n'
            '<p><a href="https://blog.example/2023/04/26/guernica/#comments">Show 3 more comments</a> '
            '<a href="https://blog.example/page/2/">Load older posts</a></p>\n')
    assert [c.title for c in cites(context, text, "page.html")] == ["my earlier post on the raid"]


def test_a_link_title_naming_an_institution_in_full(context: Context) -> None:
    found = cites(context, "The gallery has a good page on the painting:\n\n"
                           "Guernica - Pablo Picasso | Museo Nacional Centro de Arte Reina Sofía\n\n"
                           "It is worth a look.\n")
    assert [(c.title, c.site, c.cue) for c in found] == [
        ("Guernica - Pablo Picasso", "Museo Nacional Centro de Arte Reina Sofía", "link-title")]


def test_a_reading_list_set_one_work_to_a_line(context: Context) -> None:
    text = ("3. FURTHER READING\n\n"
            "Penderel Moon, Divide and Quit (Chatto & Windus, 1961).\n"
            "Wavell: The Viceroy's Journal, ed. Penderel Moon (Oxford University Press, 1973). - one copy only.\n"
            "Joya Chatterji, Bengal Divided: Hindu Communalism and Partition (CUP, 1994).\n"
            'BBC, "Partition Voices" (Radio 4, 2017) - short episodes.\n\n'
            "4. SEMINAR QUESTIONS\n\n"
            "1. Was partition inevitable by 1946? If not, when did it become so?\n"
            "2. How far do oral histories change our picture of 1947?\n")
    found = [(c.title, c.kind) for c in cites(context, text)]
    assert found == [("Divide and Quit", SourceKind.BOOK), ("Wavell: The Viceroy's Journal", SourceKind.DIARY),
                     ("Bengal Divided: Hindu Communalism and Partition", SourceKind.BOOK),
                     ("Partition Voices", SourceKind.OTHER)]


def test_a_paragraph_wrapped_at_the_margin_stays_one_entry(context: Context) -> None:
    text = ("Further reading\n\n"
            "Ayesha Jalal, The Sole Spokesman: Jinnah, the Muslim League and the Demand\n"
            "for Pakistan (Cambridge University Press, 1985).\n")
    assert [c.title for c in cites(context, text)] == [
        "The Sole Spokesman: Jinnah, the Muslim League and the Demand for Pakistan"]


def test_titles_named_after_the_work_noun_or_before_what_they_are(context: Context) -> None:
    found = [(c.title, c.kind, c.year, c.vague) for c in cites(context, (
        "there's a really good podcast, 13 Minutes to the Moon from the BBC World Service. "
        "We watched The World at War (the 1973 series) at school. I liked The Guns of August (Macmillan, 1962). "
        "Read it alongside Roman Töppel's work on Kursk."))]
    assert found == [("13 Minutes to the Moon", SourceKind.VIDEO, None, False),
                     ("The World at War", SourceKind.VIDEO, 1973, False),
                     ("The Guns of August", SourceKind.BOOK, 1962, False),
                     (None, SourceKind.OTHER, None, True)]


def test_the_end_of_a_title_is_no_author_year(context: Context) -> None:
    assert surfaces(context, "Moon, whose Divide and Quit (1961) is furious, was there. "
                             "See Bennett and Jockusch (2012).") == ["Bennett and Jockusch (2012)"]


def test_a_quoted_title_after_a_possessive(context: Context) -> None:
    found = [(c.title, c.authors) for c in cites(context, (
        "The Minister has read the standard account, Robert Holland's \"Britain and the Revolt in Cyprus, "
        "1954-1959\", published in 1998. The best book is still Copeland's \"Colossus: The Secrets of Bletchley "
        "Park's Codebreaking Computers\" (OUP, 2006). Churchill's \"Iron Curtain\" speech was in 1946. "
        "Chamberlain's \"Peace for Our Time\" was wrong."))]
    assert found == [("Britain and the Revolt in Cyprus, 1954-1959", ("Robert Holland",)),
                     ("Colossus: The Secrets of Bletchley Park's Codebreaking Computers", ("Copeland",))]


def test_notes_named_for_their_keeper_read_in_translation_in_a_book(context: Context) -> None:
    text = ("We know this from the Malin notes of the Presidium meetings, which I've read in translation in "
            "The 1956 Hungarian Revolution: A History in Documents (CEU Press, 2002). There is a chapter on it "
            "in Rainer's biography of Nagy.")
    assert via_map(context, text) == {
        "the Malin notes": "The 1956 Hungarian Revolution: A History in Documents (CEU Press, 2002)"}
    assert "Rainer's biography" in surfaces(context, text)


def test_it_is_a_memoir_says_what_a_work_is(context: Context) -> None:
    assert surfaces(context, "I might also mention Durrell's \"Bitter Lemons\", which many of us read at school, "
                             "although I accept that it is a memoir and not a history.") == [
        "Durrell's \"Bitter Lemons\""]


def test_titles_named_in_a_lecture_or_an_answer(context: Context) -> None:
    found = [(c.title, c.year) for c in cites(context, (
        "The standard narrative is still Alistair Horne, A Savage War of Peace, first published 1977. Evans goes "
        "through the figures in Algeria: France's Undeclared War, the Oxford 2012 book. In 2001 General "
        "Aussaresses published his memoir, Services speciaux, in which he boasts. There's a good episode of The "
        "Rest Is History on this. Frederick Taylor's The Berlin Wall: A World Divided, 1961-1989 (Bloomsbury, 2006) is "
        "shorter."))]
    assert found == [("A Savage War of Peace", 1977), ("Algeria: France's Undeclared War", 2012),
                     ("Services speciaux", None), ("The Rest Is History", None),
                     ("The Berlin Wall: A World Divided, 1961-1989", 2006)]


def test_works_placed_only_roughly_in_time_or_half_remembered_are_vague(context: Context) -> None:
    def vague(text: str) -> list[tuple[str, bool]]:
        return [(c.surface, c.vague) for c in cites(context, text)]

    assert vague("An ITV documentary years back went looking for the wreck.") == [("An ITV documentary", True)]
    assert vague("Our numbers come from a parish booklet printed in the 1970s.") == [("a parish booklet", True)]
    assert vague("A podcast I half-listened to on the bus said the pier was mined.") == [("A podcast", True)]
    assert vague("I took the dates from an old textbook of my uncle's.") == [("an old textbook", True)]
    assert vague("A ferryman's account, which we have not been able to trace, puts it at dawn.") == [
        ("A ferryman's account", True)]
    # the next sentence can say the title is lost; the archive inside the description is part of it
    assert vague("There's a radio documentary from the anniversary with voices from the county sound archive. "
                 "I can't find the title now.") == [
        ("a radio documentary from the anniversary with voices from the county sound archive", True)]
    assert vague("There's a long thread on the Pier Society forum about it.") == [
        ("a long thread on the Pier Society forum about it", True)]


def test_someone_on_a_forum_is_a_vague_forum_source(context: Context) -> None:
    found = cites(context, "Also, someone on the Pier Society Forum said the records were burnt. A poster on "
                           "Reddit claimed the opposite.")
    assert [(c.surface, c.kind, c.site, c.vague) for c in found] == [
        ("someone on the Pier Society Forum", SourceKind.FORUM, "Pier Society Forum", True),
        ("A poster on Reddit", SourceKind.FORUM, "Reddit", True)]
    assert cites(context, "A member on the board of governors said no. Someone on the bus said hello.") == []


def test_an_unnamed_episode_of_a_named_programme_is_vague(context: Context) -> None:
    found = {c.surface: c.vague for c in cites(context, (
        "I liked an episode of The Rest Is History on the Olympics. There's a good episode of The Rest Is History "
        "on this too, and one episode of Empire Podcast (No. 41) has the figures."))}
    assert found == {"an episode of The Rest Is History on the Olympics": True,
                     "a good episode of The Rest Is History": False,
                     "one episode of Empire Podcast": False}


def test_things_that_are_no_works(context: Context) -> None:
    text = ("*Exhibition catalogue, Gallery 3: \"Administering Hunger\"*\n\n"
            "**Inscription (German):** *Quittung über 50 Mark … Der Älteste der Juden*\n\n"
            "The note was found inside a prayer book. He kept it in his pay book. She found the name in an address "
            "book and a visitors' book. The order came from "
            "Rundstedt's Army Group A headquarters.\n")
    assert cites(context, text, "cat.md") == []


def test_a_suggested_further_reading_list_in_apa(context: Context) -> None:
    found = [(c.title, c.year) for c in cites(context, (
        "Browning's view is the standard one.\n\nSuggested further reading:\n"
        "- Browning, C. R. (2004) The Origins of the Final Solution. London: Heinemann.\n"
        "- Rees, L. (2005) Auschwitz: The Nazis and the 'Final Solution'.\n"))]
    assert found == [("The Origins of the Final Solution", 2004),
                     ("Auschwitz: The Nazis and the 'Final Solution'", 2005)]


def test_share_buttons_and_a_newsletters_own_links_are_no_sources(context: Context) -> None:
    text = ('<p>Share: <a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fexample.ac.uk%2Fnews">X</a> '
            '<a href="https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fexample.ac.uk">LinkedIn</a></p>'
            '<p><a href="https://example.org/events/blitz-evening" class="btn">book a place</a> '
            '<a href="https://society.us5.list-manage.com/unsubscribe/7f3a">unsubscribe from this list</a></p>'
            '<p>The raids began in April 1941, see '
            '<a href="https://en.wikipedia.org/wiki/Barrow_Blitz">Barrow Blitz</a>.</p>')
    assert [c.title for c in cites(context, text, "news.html")] == ["Barrow Blitz"]


def test_more_ways_of_saying_a_work_was_read_through_another(context: Context) -> None:
    text = ("Massu's own book, Baden 68, is the main account, and I know it only through the quotations in Julian "
            "Jackson's biography of de Gaulle, A Certain Idea of France (2018).\n\n"
            "The bit is from Guderian's memoirs, Panzer Leader. I only know it because Beevor quotes it in The "
            "Second World War, never read the memoirs themselves.\n\n"
            "Zamulin's Demolishing the Myth (2011) is a slog. The figure comes from Rotmistrov's own memoirs. I've "
            "never read the memoir itself, only the extracts Zamulin quotes and picks apart. The Zamulin book is "
            "600 pages.\n")
    assert via_map(context, text) == {
        "Massu's own book, Baden 68": "Julian Jackson's biography of de Gaulle, A Certain Idea of France (2018)",
        "Guderian's memoirs, Panzer Leader": "Beevor quotes it in The Second World War",
        "Rotmistrov's own memoirs": "Zamulin's Demolishing the Myth (2011)"}


def test_read_title_by_author_and_a_historians_title_before_its_publisher(context: Context) -> None:
    found = [(c.title, c.authors, c.year) for c in cites(context, (
        "Read Dispatches by Michael Herr. Not history exactly. Researchers point you to Dieter Pohl's "
        "Nationalsozialistische Judenverfolgung in Ostgalizien (Oldenbourg, 1996), the standard work."))]
    assert len(found) == 2
    assert found[0][:2] == ("Dispatches", ("Michael Herr",))
    assert found[1][2] == 1996  # "(Oldenbourg, 1996)" is the book's publisher and year, not an author-year


def test_a_one_word_title_after_its_authors_name_and_a_wikis_own_pages(context: Context) -> None:
    assert [c.title for c in cites(context, "<p>Anna Funder's <em>Stasiland</em> covers it better.</p>",
                                   "review.html")] == ["Stasiland"]
    text = ("[Main Page](https://navalhistory.fandom.com/wiki/Main_Page) | "
            "[Ships](https://navalhistory.fandom.com/wiki/Category:Ships)\n\n"
            "The cruiser was lost in 1941 ([account](https://www.navy.example/sydney-ii)).\n")
    assert [c.url for c in cites(context, text, "wiki.md")] == ["https://www.navy.example/sydney-ii"]


def test_a_figure_read_somewhere_and_works_other_people_relied_on_are_vague(context: Context) -> None:
    found = [(c.surface, c.vague) for c in cites(context, (
        "Was it really 70,000 in Leipzig? I'd read 100,000 somewhere. Several candidates relied on an old "
        "textbook or on a documentary they had seen in Year 10."))]
    assert found == [("I'd read 100,000 somewhere", True), ("an old textbook", True), ("a documentary", True)]


def test_a_book_nobody_can_name_a_publishers_history_and_a_webinar_are_vague(context: Context) -> None:
    found = [(c.kind, c.vague) for c in cites(context, (
        "Dad has an old book about the convoys on his shelf, but the cover is gone and neither of us can find "
        "a title in it. The version I grew up with (from an old Purnell's history of the war I had as a kid) "
        "was different. I saw a good webinar on Galician vital records last year."))]
    assert found == [(SourceKind.BOOK, True), (SourceKind.OTHER, True), (SourceKind.VIDEO, True)]


def test_a_question_mark_inside_an_italic_title(context: Context) -> None:
    found = [(c.title, c.authors) for c in cites(context, (
        "Deborah Lipstadt's *Denying the Holocaust? The Growing Assault on Truth* (Free Press, 1993) is the place "
        "to start. The essays are collected in *Could It Happen Again? Essays on Memory* (Penguin, 2001)."), "a.md")]
    assert found == [("Denying the Holocaust? The Growing Assault on Truth", ("Deborah Lipstadt",)),
                     ("Could It Happen Again? Essays on Memory", ())]


def test_articles_by_an_author_in_a_journal_or_a_dated_paper(context: Context) -> None:
    found = [(c.kind, c.title, c.site, c.year) for c in cites(context, (
        'The case was made by Martin Gilbert in "Why Were the Camps Not Bombed?", Journal of Modern History 61 '
        '(1989). The first report was Sefton Delmer, "The Night the Reichstag Burned", Daily Express, '
        "28 February 1933."))]
    assert found == [
        (SourceKind.ARTICLE, "Why Were the Camps Not Bombed?", "Journal of Modern History", 1989),
        (SourceKind.ARTICLE, "The Night the Reichstag Burned", "Daily Express", 1933)]


def test_works_named_for_their_editors_papers_and_a_units_war_diary(context: Context) -> None:
    found = [c.surface for c in cites(context, (
        "The argument is set out in the Hinsley and Stripp volume. Liddell Hart edited The Rommel Papers, and "
        "The Pentagon Papers came out in 1971. The battalion war diary is at Kew. The final report of the "
        "Franks Committee blamed nobody."))]
    assert found == ["the Hinsley and Stripp volume", "The Rommel Papers", "The Pentagon Papers",
                     "The battalion war diary", "The final report of the Franks Committee"]


def test_a_dated_paper_cited_as_evidence_but_not_one_told_as_an_event(context: Context) -> None:
    found = [c.surface for c in cites(context, (
        "The best evidence is Eden's minute of 4 June 1941 to the Cabinet. Hitler's directive of 18 December "
        "1940 set the date for May."))]
    assert found == ["Eden's minute of 4 June 1941"]


def test_more_unnamed_works_are_vague(context: Context) -> None:
    found = [(c.surface, c.vague) for c in cites(context, (
        "There is also said to be a master's dissertation on the evacuees, though I have not been able to trace "
        "it. The old school textbook we had at school claimed the raid killed 500. A friend sent me a Polish "
        "thesis on the uprising. Have a read of Richard Overy before you decide. The display also draws on a "
        "talk given to the society in 1998. A documentary that RTE screened years ago interviewed survivors."))]
    assert found == [("a master's dissertation on the evacuees", True), ("The old school textbook", True),
                     ("a Polish thesis on the uprising", True), ("Richard Overy", True), ("a talk", True),
                     ("A documentary", True)]


def test_notes_numbered_in_brackets_and_a_list_whose_entries_wrap(context: Context) -> None:
    text = ("The raid killed 52 people (1), though the paper said less (2).\n\nNOTES\n"
            "(1) Vera Brittain, letter to her mother, 3 May 1941, in Alan Bishop (ed.), Wartime Chronicle\n"
            "    (Gollancz, 1989).\n"
            "(2) Lancashire Archives, Preston, ARP incident register, 1940-41.\n"
            "(3) Evening Mail, 6 May 1941.\n\nFURTHER READING AND VIEWING\n"
            "Angus Calder, The People's War (Jonathan Cape, 1969).\n"
            "Blitz Diaries (BBC, 2009), a drama built from the\ndiaries, not always accurate.\n")
    assert [c.surface.split(",")[0] for c in cites(context, text)] == [
        "Vera Brittain", "Lancashire Archives", "Evening Mail", "Angus Calder", "Blitz Diaries (BBC"]


def test_a_review_header_names_the_book_reviewed(context: Context) -> None:
    text = ("THE LONG VIEW\n\nThe Sleepwalkers: How Europe Went to War in 1914\nby Christopher Clark\n"
            "Allen Lane, 697 pp., £30\n\nClark begins in Belgrade in 1903.\n")
    assert next((c.title, c.authors) for c in cites(context, text)) == (
        "The Sleepwalkers: How Europe Went to War in 1914", ("Christopher Clark",))


def test_timeline_dates_and_numbered_craft_in_bold_or_italics_are_no_titles(context: Context) -> None:
    text = "- **12 April 1961** – Gagarin flies in *Vostok 1*.\n- **20 July 1969** – *Apollo 11* lands.\n"
    assert cites(context, text, "t.md") == []


def test_a_writers_own_old_thread_is_named(context: Context) -> None:
    found = [(c.kind, c.vague) for c in cites(context, "See my old thread on the Arnhem bridges for the maps.")]
    assert found == [(SourceKind.FORUM, False)]


def test_an_encyclopaedia_named_as_where_to_look_and_a_paper_a_work_was_reviewed_in(context: Context) -> None:
    found = [(c.kind, c.site) for c in cites(context, (
        "The blockade began on 24 October. Check Wikipedia, it's all there. Britannica says 13 days. The memoir "
        "was savaged in the New Statesman. The Wikipedia editors argue about it."))]
    assert found == [(SourceKind.WEB, "Wikipedia"), (SourceKind.WEB, "Britannica"),
                     (SourceKind.ARTICLE, "New Statesman")]


def test_a_paper_quoted_in_a_book_a_file_at_kew_a_series_book_and_a_title_then_what_it_is(context: Context) -> None:
    found = [(c.surface, c.vague) for c in cites(context, (
        "A 1947 Foreign Office minute, quoted in Reynolds, called it a bluff. The file is FCO 141/6521, in the "
        "WO 172 series. The old Osprey on Arnhem has the best maps. The Long Retreat (1998), his second book, "
        "sold well."))]
    assert found == [("A 1947 Foreign Office minute", False), ("FCO 141/6521", False),
                     ("The old Osprey on Arnhem", True), ("The Long Retreat (1998)", False)]


def test_a_ship_named_after_a_voyage_is_no_title(context: Context) -> None:
    assert cites(context, "He came over in 1948, the voyage out on the *Empire Windrush*.", "s.md") == []


def test_a_remark_as_reported_in_a_memoir_and_extracts_one_is_going_from(context: Context) -> None:
    assert via_map(context, (
        "The only source is Slim's remark as reported in Calvert's memoir. We know his mood from Ciano's diary. "
        "To be honest, I'm going from the extracts quoted in Mack Smith's book rather than the diary itself.")) == {
        "Slim's remark": "Calvert's memoir", "Ciano's diary": "Mack Smith's book"}


def test_a_vague_work_in_prose_wrapped_at_the_margin(context: Context) -> None:
    text = ("The evacuees mostly came home within the year, though nobody kept count of them. There is also said to\n"
            "be a master's dissertation on the evacuees from the town, though I have never\n"
            "managed to find it. The old school textbook\nI grew up with claimed the raid killed 500.\n")
    assert [(c.surface, c.vague) for c in cites(context, text)] == [
        ("a master's dissertation on the evacuees from the town", True), ("The old school textbook", True)]


def test_a_forum_line_without_a_full_stop_does_not_run_into_the_next(context: Context) -> None:
    text = ("I saw a German documentary about the secret protocol some years ago on the telly at home\n"
            "My uncle also kept a small pamphlet from that summer about the Corridor\n")
    assert [c.surface for c in cites(context, text)] == [
        "a German documentary about the secret protocol some years ago"]


def test_a_paper_someone_sent_quoted_by_the_author_just_cited(context: Context) -> None:
    assert via_map(context, (
        "Glantz's Kursk (1999) is the standard work. He also quotes a report Vatutin sent to Stalin that night.")) == {
        "a report Vatutin": "Glantz's Kursk (1999)"}


def test_a_title_broken_at_the_margin_of_a_hard_wrapped_post_is_one_source(context: Context) -> None:
    lines = ["Not quite. The figure I have is 923 killed and about 2,900 wounded for",
             "the corps in the final battle, which is where your number comes from if",
             "you add them up. It is in the British official history (Molony, vol.",
             "V) and I posted the breakdown here last spring, so it should be there.",
             "Majdalany makes the same point in The Battle of Cassino, and he was",
             "there with the Fusiliers, so he is hardly an apologist for the Germans.",
             "As Martin Middlebrook set out in The First Day on the Somme, the army",
             "lost more men that morning than on any other day in its whole history.",
             "Carr says something similar in volume three of The Bolshevik Revolution."]
    assert [c.surface for c in cites(context, "\n".join(lines) + "\n")] == [
        "Molony, vol.\nV", "The Battle of Cassino", "The First Day on the Somme", "The Bolshevik Revolution"]


def test_a_point_made_in_a_title_but_not_words_said_in_a_battle(context: Context) -> None:
    assert cites(context, "He said in the Battle of Britain that it was hard. They set out in March 1940.\n") == []
    assert cites(context, "In March Paris says in The Times that it was over.\n") == []


def test_notes_a_citation_a_summary_and_a_photograph_known_through_a_book(context: Context) -> None:
    assert via_map(context, "Orwell's own notes from that first winter survive; I only know them through Bernard "
                            "Crick's biography, where he quotes a few lines.") == {
        "Orwell's own notes": "Bernard Crick's biography"}
    assert via_map(context, "The wording of her citation in the London Gazette, which we know from the version "
                            "reproduced in Hallam's book, is plain.") == {"her citation": "Hallam's book"}
    assert via_map(context, "Anna Reid's book (Leningrad, 2011) quotes a 42nd Army intelligence summary that "
                            "nobody else has used.") == {
        "a 42nd Army intelligence summary": "Anna Reid's book"}
    assert via_map(context, "Reid's Borderland (1997) is the book. Also the famous photo of the square, I saw that "
                            "first in Reid's book, it was taken by a priest.") == {
        "the famous photo": "Reid's Borderland (1997)"}  # "Reid's book" is the book named before
    # someone merely seen somewhere is no document
    assert via_map(context, "I saw it in Paris last year, in a shop near the river.") == {}


def test_a_document_quoted_in_a_surname_a_letter_first_read_in_a_book_and_who_quotes_whom(
        context: Context) -> None:
    assert via_map(context, (
        "The book you want is Wilfrid Miles, The Durham Forces in the Field 1914-18 (1920). The war diary entry for "
        "the day, where the CO reports the battalion \"went forward in perfect order\" and was cut down from the "
        "flank, is quoted in Miles, I've never seen the original myself.")) == {
        "The war diary entry": "Wilfrid Miles, The Durham Forces in the Field 1914-18 (1920)"}
    assert via_map(context, (
        "Karen Gershon's anthology We Came as Children (1966) gathered their memories. One letter we first read in "
        "Gershon's book, written by a helper at the camp, describes the little ones.")) == {
        "One letter": "Karen Gershon's anthology We Came as Children"}  # the book "Gershon's book" stands for
    assert via_map(context, (
        "The section follows Volkov's 2012 biography of Rathenau. The citation here is to Kessler's diary, but the "
        "page number matches Volkov, who quotes Kessler.")) == {"Kessler's diary": "Volkov's 2012 biography"}
    # a name after "quoted in" with no work of theirs cited is nobody's book
    assert via_map(context, "The war diary entry for the day is quoted in Miles, as far as I know.") == {}


def test_works_someone_kept_saw_or_cannot_name_are_vague(context: Context) -> None:
    found = [(c.surface, c.vague) for c in cites(context, (
        "I took her words from an old Penguin anthology whose editor I can no longer name. He also mentioned a "
        "German regimental history that describes the tunnels, but he couldn't remember which regiment. Some of "
        "the text came from a Cold War podcast episode I listened to years ago. My cousin found a newspaper "
        "cutting in Nana's old bible. Check this, Tom's dad's old textbook said $20 billion. A BBC documentary on "
        "the Glosters is sometimes repeated on BBC Four. Also the documentary Jake saw on Netflix, what was it?"))]
    assert found == [("an old Penguin anthology", True), ("a German regimental history", True),
                     ("a Cold War podcast episode", True), ("a newspaper cutting in Nana's old bible", True),
                     ("Tom's dad's old textbook", True), ("A BBC documentary on the Glosters", True),
                     ("the documentary Jake saw on Netflix", True)]


def test_leaflets_and_web_pages_someone_read_are_vague(context: Context) -> None:
    found = [(c.surface, c.kind, c.vague) for c in cites(context, (
        "The museum had a small leaflet on the camp. There's also a veteran's blog I read a while ago with photos. "
        "I saw a thread on a mailing list, and there's a website with the same list. You need a blog of your own."))]
    assert found == [("a small leaflet on the camp", SourceKind.BOOK, True),
                     ("a veteran's blog", SourceKind.WEB, True),
                     ("a thread on a mailing list", SourceKind.FORUM, True)]


def test_an_events_name_in_italics_before_an_imprint_is_a_title(context: Context) -> None:
    md = [(c.title, c.year) for c in cites(context, "Max Hastings takes a brisk view in *The Korean War* (Michael "
                                                    "Joseph, 1987), and the debate goes on.", "a.md")]
    assert md == [("The Korean War", 1987)]
    html = [(c.title, c.year) for c in cites(context, "<p>Hastings is brisk in <em>The Korean War</em> (Michael "
                                                      "Joseph, 1987).</p>", "a.html")]
    assert html == [("The Korean War", 1987)]
    assert cites(context, "He was born in London, Penguin, 2004.") == []  # unmarked: a place


def test_a_dated_issue_with_an_ordinal_and_a_year_with_an_editions_note(context: Context) -> None:
    found = [(c.surface, c.year) for c in cites(context, (
        "The Folkestone Herald of 17th October 1914 reported a crowd. For the deep cut: Hugh Thomas, The Spanish "
        "Civil War (1961, revised many times). It is huge."))]
    assert found == [("The Folkestone Herald of 17th October 1914", None),
                     ("Hugh Thomas, The Spanish Civil War (1961, revised many times)", 1961)]


def test_bold_dates_over_a_timeline_are_no_titles(context: Context) -> None:
    text = ("## Timeline\n\n- **4 Oct 1957** – Sputnik 1 launched.\n- **Dec 1957** – Vanguard explodes on the pad.\n"
            "- **12th Apr. 1961** – Gagarin flies. Read *The Heavens and the Earth* for all of it.\n")
    assert [c.title for c in cites(context, text, "notes.md")] == ["The Heavens and the Earth"]


def test_a_book_wanted_a_cutting_remark_and_a_relatives_car_are_no_works(context: Context) -> None:
    assert cites(context, "You need a book that covers the whole war. A cutting remark was made. My dad's car was "
                          "a Ford. The book Kershaw wrote is long.\n") == []


def test_a_talk_page_pointing_to_articles_cites_them_but_an_articles_own_links_do_not(context: Context) -> None:
    text = ("The press conference was chaotic. See also [[Berlin Wall#Fall of the Berlin Wall]] and [[Günter "
            "Schabowski]]. --Hilde (talk) 20:22, 8 November 2014 (UTC)\n\n:The point is in our article too: "
            "[[Erich Honecker]]. The [[Luftwaffe]] bombed [[Glasgow]] in 1941.\n")
    assert [(c.surface, c.kind, c.title) for c in cites(context, text)] == [
        ("[[Berlin Wall#Fall of the Berlin Wall]]", SourceKind.WEB, "Berlin Wall"),
        ("[[Günter Schabowski]]", SourceKind.WEB, "Günter Schabowski"),
        ("[[Erich Honecker]]", SourceKind.WEB, "Erich Honecker")]
    # the page's address is inferred, as for a pasted "Title - Wikipedia", and not checked
    assert {(c.url, c.url_inferred) for c in cites(context, text)} == {
        ("https://en.wikipedia.org/wiki/Berlin_Wall", True),
        ("https://en.wikipedia.org/wiki/G%C3%BCnter_Schabowski", True),
        ("https://en.wikipedia.org/wiki/Erich_Honecker", True)}


def test_an_adjective_before_the_work_noun_and_a_reading_lists_author_before_an_italic_title(
        context: Context) -> None:
    assert [c.surface for c in cites(context, "I recognise it from the interviews in Ronald Fraser's oral history "
                                              "Blood of Spain (1979). The rest was bleak.\n")] == [
        "Ronald Fraser's oral history Blood of Spain (1979)"]
    found = cites(context, "Reading:\n\n- Hugh Thomas, *The Spanish Civil War* - the old brick\n- In Spain, "
                           "*The Spanish Civil War* was a disaster.\n", "list.md")
    assert [(c.title, c.authors) for c in found] == [("The Spanish Civil War", ("Hugh Thomas",))]


def test_a_work_by_a_described_person_is_vague_and_names_no_author(context: Context) -> None:
    text = ("At fifteen I believed some book by a German general about the desert. "
            "And the diary of a Saxon lieutenant says the same. "
            "Then I read a letter from one Gunner Albert Trask describing the barrage.")
    found = cites(context, text)
    assert [(c.surface, c.authors, c.vague) for c in found][:2] == [
        ("some book by a German general about the desert", (), True),
        ("the diary of a Saxon lieutenant", (), True),
    ]
    # "one Gunner Albert Trask" names him: whatever the letter is, it is not a work by "a Gunner"
    assert all(c.authors != ("Gunner",) for c in found)


def test_two_authors_before_a_year_are_one_reference(context: Context) -> None:
    found = cites(context, "According to Goulding and Jones (1971), the changeover took weeks. "
                           "Her Divide and Quit (1961) is short.")
    assert [(c.authors, c.year) for c in found if c.year == 1971] == [(("Goulding", "Jones"), 1971)]
    found = cites(context, "According to Bullock and Jones (1971), the changeover took weeks.")
    assert [(c.authors, c.year) for c in found] == [(("Bullock", "Jones"), 1971)]


def test_a_long_title_with_a_publisher_we_do_not_know_is_a_book(context: Context) -> None:
    text = ("The only extract is quoted in The Battle of Britain Then and Now (After the Battle, 1980). "
            "The raid was part of The Allied Landings (Operation Torch, 1942) as planned.")
    found = cites(context, text)
    assert [(c.title, c.publisher, c.year) for c in found] == [
        ("The Battle of Britain Then and Now", "After the Battle", 1980)]


def test_catalogues_annuals_and_features_named_vaguely_are_vague_sources(context: Context) -> None:
    text = ("I have seen the same badge in a militaria auction catalogue from a few years back. "
            "There's also a drawing in an old Eagle annual that I remember from school. "
            "I once heard a German radio feature on the border crossing that I have never managed to track down. "
            "A playtester pointed me at a study of supply in the Pusan pocket; I never got the full title out of him. "
            "A feature of the valley is its annual report. The library catalogue lists nothing.")
    found = [(c.surface, c.vague) for c in cites(context, text)]
    assert found == [
        ("a militaria auction catalogue from a few years back", True),
        ("an old Eagle annual", True),
        ("a German radio feature on the border crossing that I have never managed to track down", True),
        ("a study", True),
    ]


def test_a_broadcasters_doc_is_a_vague_documentary_but_a_doctor_or_a_word_file_is_not(context: Context) -> None:
    text = ("There was a BBC doc about the convoy a few years back. A Channel 4 doco covered the trial too. "
            "The doc set his leg the next morning. I keep my notes in a Word doc and a few Google docs.")
    found = [(c.surface, c.kind, c.vague) for c in cites(context, text)]
    assert found == [("a BBC doc about the convoy a few years back", SourceKind.VIDEO, True),
                     ("A Channel 4 doco", SourceKind.VIDEO, True)]


def test_more_works_nobody_could_find_again(context: Context) -> None:
    text = ("It was someone on the boards.ie genealogy forum who first pointed me to it. Also someone on TMP said "
            "the Finns had no guns. That's in the BBC documentary we watched in Year 9. Dan mentions an old Horizon "
            "episode about Harwell that he saw as a teenager. A student sent us her thesis about what happened to "
            "the marchers afterwards. When the library did its little booklet for the 50th anniversary there was a "
            "photo on the back. Carr wrote his thesis on the navy, The Sea Lords (1970). Someone in the RAF told him. "
            "The book I read said otherwise. Kurt left; his master's thesis on the Ghost Dance was rejected.")
    found = [(c.surface, c.vague) for c in cites(context, text)]
    assert found == [
        ("someone on the boards.ie genealogy forum", True), ("someone on TMP", True),
        ("the BBC documentary we watched in Year 9", True),
        ("an old Horizon episode about Harwell that he saw as a teenager", True),
        ("her thesis about what happened to the marchers afterwards", True),
        ("its little booklet for the 50th anniversary", True), ("The Sea Lords (1970)", False)]


def test_more_titled_works_a_publisher_a_broadcaster_and_a_director_name(context: Context) -> None:
    text = ("His second book was better. Peasant Consciousness and Guerrilla War in Zimbabwe (James Currey, 1985), "
            "based on fieldwork, changed the field. RTÉ's 1966 drama-documentary Insurrection reported the Rising as "
            "news.\n\nWatch these:\n- Salute (2008), dir. Matt Norman - made by his nephew.\n")
    found = [(c.title, c.kind) for c in cites(context, text)]
    assert found == [("Peasant Consciousness and Guerrilla War in Zimbabwe", SourceKind.BOOK),
                     ("Insurrection", SourceKind.VIDEO), ("Salute", SourceKind.VIDEO)]


def test_a_bold_date_and_a_piece_in_a_named_paper_in_italics(context: Context) -> None:
    text = ("- **Tuesday 9 November, 8 pm** — a talk by our own Sean Hurley.\n\nThen there was a piece in the "
            "*Daily Nation* about his recantation, which I can't find now.\n")
    found = [(c.surface, c.vague) for c in cites(context, text)]
    assert found == [("a piece in the *Daily Nation*", True)]
    text = "There's a long piece in the *Far Eastern Economic Review* from that autumn, but I never found it.\n"
    assert [(c.surface, c.vague) for c in cites(context, text, "blog.md")] == [
        ("a long piece in the *Far Eastern Economic Review*", True)]


def test_a_relatives_schoolbook_with_a_long_description_is_vague(context: Context) -> None:
    found = cites(context, "My landlady lent me her son's old East German school history textbook.")
    assert [(c.surface, c.vague) for c in found] == [("son's old East German school history textbook", True)]


def test_documents_a_historian_got_from_somewhere_else(context: Context) -> None:
    book = "Peter Lowe, The Origins of the Korean War (Longman, 1986)"
    # "who got them from the files": the files are known through the book
    assert via_map(context, f"These figures come from {book}, pp. 40-41, who got them from the declassified "
                            "State Department files.") == {"the declassified State Department files": book}
    # "X, who quotes it from an interview": the subject before "who", the document after "from"
    assert via_map(context, "Hugh Thomas, The Spanish Civil War (1961) is huge. I got that from Hugh Thomas who "
                            "quotes it from a newspaper interview Mola gave in 1936.") == {
        "a newspaper interview": "Hugh Thomas, The Spanish Civil War (1961)"}
    # "a letter home quoted by Verity": the quoting verb right after the document and one word
    assert via_map(context, "Hugh Verity, We Landed by Moonlight (Ian Allan, 1978) is the classic. As one pilot "
                            "put it in a letter home quoted by Verity, the moon was a lighthouse.") == {
        "a letter": "Hugh Verity, We Landed by Moonlight (Ian Allan, 1978)"}
    # "It was quoted in full in": the document the sentence before named
    assert via_map(context, "The 1944 board minute is lost. We know its wording because it was quoted in full in "
                            "Ernst Kohl's Company History (1950).") == {
        "The 1944 board minute": "Ernst Kohl's Company History (1950)"}


def test_a_work_is_not_second_hand_through_its_own_author(context: Context) -> None:
    text = "Cornelius Ryan, A Bridge Too Far (1974) is the classic. I got that story from Ryan, as it happens."
    assert via_map(context, text) == {}


def test_works_the_writer_came_across_or_cannot_name_are_vague(context: Context) -> None:
    text = ("My first encounter with Suez was an old O-level textbook that gave it exactly one paragraph. "
            "A Master's thesis on RAF Gatow that I found through Google Scholar, now lost, had the tonnages. "
            "My grandad's old A-level textbook (cover missing) says the same. "
            "Mr Pelling has lent us a history of the county regiment (he can't remember the title). "
            "A BBC radio programme made for the anniversary had a veteran on; if anyone knows its title, tell us.")
    assert [(c.surface, c.vague) for c in cites(context, text)] == [
        ("an old O-level textbook", True),
        ("A Master's thesis on RAF Gatow that I found through Google Scholar", True),
        ("My grandad's old A-level textbook", True),
        ("a history", True),
        ("A BBC radio programme", True),
    ]
    # a general history mentioned in passing is still no source
    assert cites(context, "Our dad's old car was a Ford. A history of the county regiment would help.") == []


def test_a_biographers_life_of_someone_is_a_book(context: Context) -> None:
    found = via_map(context, "D. R. Thorpe, Eden (Chatto, 2003). I have relied on Macmillan's diary as quoted in "
                             "D.R. Thorpe's life of Eden. Thorpe's life was hard.")
    assert found == {"Macmillan's diary": "D.R. Thorpe's life of Eden"}


def test_something_read_online_and_books_picked_up_are_vague(context: Context) -> None:
    text = ("A friend insists it was, on the strength of something he read online. "
            "The rest comes from a local history booklet I picked up in Ieper, long since lost. "
            "A casebook we used in first-year law gives the judgment one paragraph. "
            "I found something in the attic.")
    assert [(c.surface, c.kind, c.vague) for c in cites(context, text)] == [
        ("something he read online", SourceKind.WEB, True),
        ("a local history booklet", SourceKind.BOOK, True),
        ("A casebook", SourceKind.BOOK, True),
    ]


def test_answers_and_affidavits_are_documents_a_work_can_reproduce(context: Context) -> None:
    assert via_map(context, "His affidavit is quoted in full in Taylor's memoir.") == {
        "His affidavit": "Taylor's memoir"}
    assert via_map(context, "Nimitz's answers, as reproduced in Taylor's memoir of the trial, settled it.") == {
        "Nimitz's answers": "Taylor's memoir"}


def test_a_document_that_the_writer_knows_only_through_a_work(context: Context) -> None:
    text = ("The reports are quoted in Anna Funder's *Stasiland* (2003). The line comes from one such report "
            "that I know only through Funder.")
    assert via_map(context, text)["one such report"] == "Anna Funder's *Stasiland* (2003)"


def test_a_document_as_retold_or_recorded_in_a_work(context: Context) -> None:
    assert via_map(context, "The remark survives only in aides' recollections as retold in Robert Dallek's "
                            "Flawed Giant (1998).") == {"aides' recollections": "Robert Dallek's Flawed Giant (1998)"}
    assert via_map(context, "This comes from Weber's account as John Keegan recorded it in The Face of Battle "
                            "(1976).") == {"Weber's account": "The Face of Battle (1976)"}


def test_documents_a_work_uses(context: Context) -> None:
    assert via_map(context, "Juliet Gardiner's Wartime (Headline, 2004) uses Mass-Observation diaries to show "
                            "that morale sagged.") == {
        "Mass-Observation diaries": "Juliet Gardiner's Wartime (Headline, 2004)"}


def test_a_document_quoted_there_or_reproduced_here(context: Context) -> None:
    assert via_map(context, "Kershaw's Hitler (Allen Lane, 1998) has the date. Himmler's own diary entry is quoted "
                            "there too.") == {"Himmler's own diary": "Kershaw's Hitler (Allen Lane, 1998)"}
    catalogue = ("1. BLAKE, Robert (ed.). The Private Papers of Douglas Haig 1914-1919. London: Eyre & Spottiswoode, "
                 "1952. Haig's diary entry for 1 July 1916, reproduced here, records the day with calm.\n")
    assert via_map(context, catalogue) == {"Haig's diary": "BLAKE, Robert (ed.). The Private Papers of Douglas Haig "
                                                           "1914-1919. London: Eyre & Spottiswoode, 1952."}


def test_a_chicago_entry_followed_by_more_on_its_line(context: Context) -> None:
    assert surfaces(context, "3. KEEGAN, John. The Face of Battle. London: Jonathan Cape, 1976. Very good in "
                             "wrapper. £30\n") == ["KEEGAN, John. The Face of Battle. London: Jonathan Cape, 1976."]
    assert surfaces(context, "That is hardly fringe. Sanford, George. Katyn and the Soviet Massacre of 1940. "
                             "Routledge, 2005. It says so plainly.\n") == [
        "Sanford, George. Katyn and the Soviet Massacre of 1940. Routledge, 2005."]
    # a sentence that only looks like one: no publisher and year
    assert surfaces(context, "Well, Churchill. The man was tired by then.\n") == []


def vague_surfaces(context: Context, text: str) -> list[str]:
    return [c.surface for c in cites(context, text) if c.vague]


def test_more_ways_an_unidentified_work_is_pointed_to(context: Context) -> None:
    assert vague_surfaces(context, "I'm fairly sure it's in an old textbook too.") == ["an old textbook"]
    assert vague_surfaces(context, "We understand the claim came from a BBC documentary the writer saw years "
                                   "ago.") == ["a BBC documentary"]
    assert vague_surfaces(context, "I read about him on some website about Czech history but I can't find it "
                                   "again.") == ["some website about Czech history"]
    assert vague_surfaces(context, "An old textbook that was used in the school for years said the war was a "
                                   "necessary sacrifice.") == ["An old textbook"]
    # an item of a reading list, cut before what is said of it
    assert vague_surfaces(context, "- A Radio 4 documentary about the interpreters, which you may still find "
                                   "online\n") == ["A Radio 4 documentary about the interpreters"]
    assert vague_surfaces(context, "- A BBC documentary on the Glosters is sometimes repeated on BBC Four and is "
                                   "worth catching.\n") == ["A BBC documentary on the Glosters"]
    # what a named work is, not another work
    assert vague_surfaces(context, "And Matterhorn by Karl Marlantes, it's a novel but he was a Marine officer and "
                                   "it shows.") == []


def test_an_unnamed_episode_of_a_named_podcast_is_vague(context: Context) -> None:
    assert vague_surfaces(context, "There's a good episode of the We Have Ways of Making You Talk podcast about "
                                   "them too.") == ["a good episode of the We Have Ways of Making You Talk podcast"]
    assert vague_surfaces(context, "The Spycast podcast from the International Spy Museum did an episode on him a "
                                   "few years ago.") == ["The Spycast podcast from the International Spy Museum"]
    found = cites(context, "The Empire podcast covers the partition well.")
    assert [(c.surface, c.vague) for c in found] == [("Empire podcast", False)]


def test_an_author_and_title_a_reader_is_pointed_to_and_a_title_with_its_editor(context: Context) -> None:
    assert surfaces(context, "Or start with Orlando Figes, A People's Tragedy. Either way bring snacks.") == [
        "Orlando Figes, A People's Tragedy"]
    found = cites(context, "The text is in the Complete Speeches edited by Robert Rhodes James (vol. VI).")
    assert [(c.surface, c.editors) for c in found] == [
        ("the Complete Speeches edited by Robert Rhodes James", ("Robert Rhodes James",))]
    # a person edited by someone is no title
    assert surfaces(context, "Later the Prime Minister was edited by nobody.") == []


def test_a_history_or_account_with_its_title_and_year_is_a_work(context: Context) -> None:
    text = ("Geraghty's history, A North-East Coast Town (1951), describes the fires. The Hull Daily Mail report of "
            "9 May, which I know only as it is reproduced in Geraghty, says whole streets lost their gas.")
    assert via_map(context, text) == {
        "The Hull Daily Mail report of 9 May": "Geraghty's history, A North-East Coast Town (1951)"}
    assert surfaces(context, "Rankin's biography of Steer, Telegram from Guernica (Faber, 2003), has it.") == [
        "Rankin's biography of Steer, Telegram from Guernica (Faber, 2003)"]


def test_two_authors_before_a_title_are_both_its_authors(context: Context) -> None:
    found = cites(context, "See Jerrold L. Schecter and Peter S. Deriabin, The Spy Who Saved the World (Scribner, "
                           "1992). The CIA's own assessment, which I have only seen quoted in Schecter and Deriabin, "
                           "rated him highly.")
    book = found[0]
    assert (book.surface, book.authors) == (
        "Jerrold L. Schecter and Peter S. Deriabin, The Spy Who Saved the World (Scribner, 1992)",
        ("Jerrold L. Schecter", "Peter S. Deriabin"))
    assert [c.surface for c in found if c.via == book.span] == ["The CIA's own assessment"]
    # a place before "and" is no author
    assert surfaces(context, "Britain and Vasili Mitrokhin, The Mitrokhin Archive (Allen Lane, 1999).") == [
        "Vasili Mitrokhin, The Mitrokhin Archive (Allen Lane, 1999)"]


def test_a_passage_or_a_letter_known_through_a_book_is_the_document_told_of_before(context: Context) -> None:
    reading = "\n\nSources\n\n- Large, David Clay. *Nazi Games*. New York: Norton, 2007.\n"
    # "that passage": the memoir just cited
    text = ("Schirach wrote in his 1967 memoir *Ich glaubte an Hitler* that Hitler was furious. I only know that "
            "passage as Large quotes it." + reading)
    assert via_map(context, text) == {
        "*Ich glaubte an Hitler*": "Large, David Clay. *Nazi Games*. New York: Norton, 2007."}
    # "the letter": where the text told of its writing, from the writers to the man they wrote to
    text = ("On the day the ship docked, eleven Labour MPs wrote to the Prime Minister, warning him of the "
            "consequences. We know the letter from the copy reproduced in Kynaston's book Austerity Britain.")
    assert via_map(context, text) == {
        "eleven Labour MPs wrote to the Prime Minister": "Kynaston's book Austerity Britain"}
    # no letter told of before: the words "the letter" are the source
    text = "We know the letter from the copy reproduced in Kynaston's book Austerity Britain."
    assert via_map(context, text) == {"the letter": "Kynaston's book Austerity Britain"}


def test_more_quoters_of_a_document(context: Context) -> None:
    book = "Madhusree Mukerjee, Churchill's Secret War (Basic Books, 2010)"
    # a rank or title between the quoting verb and the document's owner
    assert via_map(context, f"{book} is the key book. Mukerjee also cites Lord Wavell's journal.") == {
        "Wavell's journal": book}
    # "The booklet quotes": the booklet cited before
    text = ("According to a little booklet the Women's Institute put together for VE Day, the children came on a "
            "Friday. The booklet quotes the diary of the Revd Arthur Pellew, who wrote that they were brave.")
    assert via_map(context, text) == {"the diary of the Revd Arthur Pellew": "a little booklet"}
    # "a bit in Trotter where he quotes": Trotter's book
    text = ("William R. Trotter, A Frozen Hell (Algonquin, 1991) is the standard book.\n\nThere's a bit in "
            "Trotter where he quotes Khrushchev's memoirs admitting the failure.")
    assert via_map(context, text) == {"Khrushchev's memoirs": "William R. Trotter, A Frozen Hell (Algonquin, 1991)"}
    # "X takes it from <document>": the named author's source
    text = ("Jonathan Dimbleby, The Last Governor (Little, Brown, 1997) gave me the line. Dimbleby takes it from the "
            "Xinhua report of Lu Ping's press conference, which I have never seen.")
    assert via_map(context, text) == {
        "the Xinhua report": "Jonathan Dimbleby, The Last Governor (Little, Brown, 1997)"}
    # an aside between the document and where the writer found it
    text = ("One letter, signed only \"A Soldier's Daughter\", attacked the players. We know that letter, like so "
            "much else on this page, from Jack Alexander's McCrae's Battalion (Mainstream Publishing, 2003).")
    assert set(via_map(context, text).values()) == {"Jack Alexander's McCrae's Battalion (Mainstream Publishing, 2003)"}
    # a writer's book in italics after "<writer> in", and the diary known through it
    text = ("<p>Thomas Orde-Lees kept a diary throughout, and the passages from it quoted by Caroline Alexander in "
            "<i>The Endurance</i> show the party's spirits sinking.</p>")
    found = cites(context, text, "lot.html")
    by_surface = {c.surface: c for c in found}
    assert by_surface["a diary"].via == by_surface["The Endurance"].span


def test_a_document_read_in_a_work_named_by_its_short_title_or_its_author(context: Context) -> None:
    # the main title of a work cited in full before stands for it
    assert via_map(context, "Start with Ann Hale, Riga and After: The Envoys of 1919 (Cassell, 2006). Ulmanis's "
                            "own diary, as quoted in Riga and After, shows he expected no help.") == {
        "Ulmanis's own diary": "Ann Hale, Riga and After: The Envoys of 1919 (Cassell, 2006)"}
    # "which I found reproduced in Hale", "which we take from Hale (p. 12)", "which we will read in the
    # extracts quoted by Hale": the document before "which" is known through Hale's work
    book = "Ann Hale, Riga and After (Cassell, 2006)"
    for clause in ("which I found reproduced in Hale", "which we take from Hale (p. 12) rather than the original",
                   "which we will read in the extracts quoted by Hale"):
        text = f"Read {book}. The count is in the envoy's report to London of 3 May 1919, {clause}."
        assert via_map(context, text) == {"the envoy's report": book}, clause
    # "vol. 2" ends no sentence: the memoir named before it is the one the writer has second-hand
    text = (f"- {book}. The famous Ulmanis line is from his memoirs (*Years of Trial*, vol. 2). I only have it "
            "second-hand from Hale.")
    assert via_map(context, text) == {"his memoirs (*Years of Trial*": book}
    # "I know the line from Hale": a line of the memoir just named, known through Hale's work
    text = f"Read {book}. I have never read Ulmanis's memoir; I know the line from Hale, who quotes it."
    assert via_map(context, text) == {"Ulmanis's memoir": book}


def test_more_works_too_vague_to_identify(context: Context) -> None:
    def vague(text: str) -> list[str]:
        return [c.surface for c in cites(context, text) if c.vague]

    # a local booklet named only by who made it or for what occasion, and what it records
    assert vague("A local history booklet produced for the jubilee records that the mill closed in 1941.") == [
        "A local history booklet"]
    assert vague("There is more in the little booklet produced for the chapel's centenary in 1962.") == [
        "the little booklet produced for the chapel's centenary in 1962"]
    assert vague("The pamphlet published by the Ministry of Food in 1941 is in the National Archives.") == []
    # somebody in a named group, a dictionary or a spreadsheet consulted, a thread read years ago
    assert vague("Someone on the Arnhem veterans' families Facebook group said the bridge was held for four days.") == [
        "Someone on the Arnhem veterans' families Facebook group"]
    assert vague("I checked the word in an old army slang dictionary and one forum thread on a modellers' site "
                 "years ago.") == ["an old army slang dictionary", "one forum thread on a modellers' site years ago"]
    assert vague("I looked the word up in a pocket dictionary.") == ["a pocket dictionary"]
    assert vague("The tonnages come from a spreadsheet that went round a mailing list.") == ["a spreadsheet"]
    # a broadcast that "can be found online" is pointed to, though never named
    assert vague("A short ITV feature on the old lido can sometimes be found online.") == [
        "A short ITV feature on the old lido"]
    # "forty-two interviews recorded by the museum" are no two vague interviews
    assert vague("The book draws on forty-two interviews recorded by the museum's oral history team.") == []


def test_a_recommended_author_and_one_word_title(context: Context) -> None:
    found = [(c.surface, c.title, c.authors) for c in cites(context, "Read Max Hastings, Armageddon.")]
    assert found == [("Max Hastings, Armageddon", "Armageddon", ("Max Hastings",))]
    text = "If you want more, the best thing on the last weeks is Max Hastings, Armageddon, it's all in there."
    assert [c.surface for c in cites(context, text)] == ["Max Hastings, Armageddon"]
    assert cites(context, "Read John Smith, Peter.") == []  # a first name is no title
    # a title that opens with the letter A is no article "A" cut off from the rest
    assert [c.surface for c in cites(context, "The figure is in Max Hastings, Armageddon, p. 40.")] == [
        "Max Hastings, Armageddon"]


def test_a_document_reproduced_as_an_appendix_in_a_work(context: Context) -> None:
    text = ("Read Ann Hale, Riga and After (Cassell, 2006). The envoy's casualty return for that week, which is "
            "reproduced as an appendix in Hale, gives nine dead.")
    assert via_map(context, text) == {"The envoy's casualty return": "Ann Hale, Riga and After (Cassell, 2006)"}


def test_a_publisher_and_year_as_a_sentence_after_a_title(context: Context) -> None:
    found = cites(context, "For the big picture it's Montague, The Long Retreat. Cassell, 1961. He had a copy. "
                           "There's also that Dora Pell one, Quiet Roads Home. Harvill 1994. Worth it.")
    assert [(c.surface, c.title, c.authors, c.publisher, c.year) for c in found] == [
        ("Montague, The Long Retreat. Cassell, 1961", "The Long Retreat", ("Montague",), "Cassell", 1961),
        ("Quiet Roads Home. Harvill 1994", "Quiet Roads Home", (), "Harvill", 1994)]
    # a town and a year, or a publisher's name that starts a sentence, are no imprint
    assert cites(context, "We went to Leeds. Penguin, 1956 was a good year for them.") == []


def test_a_newspaper_issue_by_its_date_and_a_command_paper(context: Context) -> None:
    found = cites(context, "The lower cutting is from the Evening Courier (Halifax), 2 November 1936; the other is "
                           "The Times, Thursday 5 November 1936. The inquiry sat for weeks. His report (Cmnd 7021, "
                           "HMSO, August 1977) said the firm should take them back.")
    assert [(c.surface, c.kind, c.site, c.year) for c in found] == [
        ("the Evening Courier (Halifax), 2 November 1936", SourceKind.ARTICLE, "Evening Courier", 1936),
        ("The Times, Thursday 5 November 1936", SourceKind.ARTICLE, "Times", 1936),
        ("His report (Cmnd 7021, HMSO, August 1977)", SourceKind.OTHER, None, None)]
    assert found[2].title == "Cmnd 7021"
    assert cites(context, "The Times, they said, were changing, and 5 November 1936 was cold.") == []


def test_a_transcribers_note_in_brackets_is_read_but_a_stage_direction_is_not(context: Context) -> None:
    text = ("[music up, then under]\n\n[Cutting. Evening Courier, Monday 5 October 1936. Masthead survives.]\n\n"
            "THE MEN SET OFF\n")
    assert surfaces(context, text) == ["Evening Courier, Monday 5 October 1936"]


def test_a_pasted_title_from_part_of_a_known_site(context: Context) -> None:
    found = cites(context, "The archive page is good:\n\nThe Hunger March of 1932 - BBC Archive\n\nThanks all.\n")
    assert [(c.surface, c.site) for c in found] == [("The Hunger March of 1932 - BBC Archive", "BBC Archive")]
    assert cites(context, "Then:\n\nWe walked home - Time Well Spent\n\nThe end.\n") == []


def test_a_thesis_someone_wrote_and_some_bloke_on_a_forum_are_vague(context: Context) -> None:
    found = cites(context, "Jean lent the office a thesis someone wrote about the strike at the Poly, which anyone "
                           "can borrow. Some bloke on a forum reckons the mill lost more men than any other.")
    assert [(c.surface, c.kind, c.vague) for c in found] == [
        ("a thesis someone wrote about the strike at the Poly", SourceKind.THESIS, True),
        ("Some bloke on a forum", SourceKind.FORUM, True)]


def test_a_document_typed_up_by_someone_on_a_forum_is_read_through_the_post(context: Context) -> None:
    text = ("Also someone on ww2talk has typed up the whole battalion war diary for 1944 from Kew. It names the "
            "platoon commander.")
    assert via_map(context, text) == {"the whole battalion war diary": "someone on ww2talk"}


def test_a_work_that_quotes_the_person_just_spoken_of(context: Context) -> None:
    text = ("As she left, Edith Marwood told the foreman what she thought. The version everyone knows comes from "
            "Tom Hale's book The Long Strike (Pluto, 1981), which quotes her: \"You run a zoo, not a factory.\"")
    found = cites(context, text)
    quoted = next(c for c in found if c.surface == "her")
    assert quoted.authors == ("Edith Marwood",)
    assert via_map(context, text) == {"her": "Tom Hale's book The Long Strike (Pluto, 1981)"}
    # "which quotes her husband" names someone else; no quotation follows
    assert "her" not in surfaces(context, "Read Tom Hale's The Long Strike (Pluto, 1981), which quotes her husband.")


def test_make_it_a_title_by_its_authors(context: Context) -> None:
    found = cites(context, "If you read one thing this year, make it Mill Girls: Work and Protest in the Northern "
                           "Towns from Oldham to Preston by Ann Rigby and Jo Kerr. It is good.")
    assert [(c.title, c.authors) for c in found] == [
        ("Mill Girls: Work and Protest in the Northern Towns from Oldham to Preston", ("Ann Rigby",))]


def test_yet_more_ways_a_document_is_known_through_a_work(context: Context) -> None:
    # passive "is quoted from", a chunk quoted, "who in turn cites", a participle straight after the document
    assert via_map(context, "Similarly, Marshal Ruo's letter to the Chairman in July 1959 is quoted from Zhao Lin's "
                            "edited collection, The Lean Years (Yale University Press, 2012).") == {
        "Ruo's letter": "The Lean Years (Yale University Press, 2012)"}
    assert via_map(context, "It is all in Gordon Pratt's book, Target Osaka. Pratt was the army's historian, and he "
                            "quotes huge chunks of the prison statement.") == {
        "the prison statement": "Gordon Pratt's book, Target Osaka"}
    assert via_map(context, "The manuscript quotes the physician, but the citation is to Dorner, who in turn cites "
                            "Li's memoir.\n\nReferences\n"
                            "Dorner, Frank. 2010. The Hungry Years. London: Bloomsbury.\n") == {
        "Li's memoir": "Dorner, Frank. 2010. The Hungry Years. London: Bloomsbury."}
    assert via_map(context, "Compare the station logs summarised in Cullen, Hidden History (Stanford, 1999).") == {
        "the station logs": "Cullen, Hidden History (Stanford, 1999)"}
    assert via_map(context, "The figures quoted in Cullen, Hidden History (Stanford, 1999) are high.") == {}
    # a work named in an aside between the writer and the verb
    assert via_map(context, "His biographer Jean Fraval, in *A Good Man in Bad Times* (Viking, 2000), reproduces "
                            "letters from refugees he helped.") == {
        "letters": "Jean Fraval, in *A Good Man in Bad Times* (Viking, 2000)"}


def test_a_persons_words_known_through_a_work(context: Context) -> None:
    found = cites(context, "Governor Hurley himself wrote in 1949 that \"the police break the law every day\" - I "
                           "know that line only from Huw Bennick's 2009 article.")
    assert [(c.surface, c.authors) for c in found if c.via] == [("Governor Hurley himself wrote in 1949", (
        "Governor Hurley",))]
    assert via_map(context, "I remember an article in the Guardian years ago, in which Zador himself recalled the "
                            "water turning red.") == {"Zador": "an article in the Guardian years ago"}
    assert via_map(context, "We borrowed Landfall by Mia and Tom Hollis (HarperCollins, 1998). It's readable. In it "
                            "Sam Kingsley, who came over on the same voyage, remembers the shelter.") == {
        "Sam Kingsley": "Landfall by Mia and Tom Hollis (HarperCollins, 1998)"}
    # "he" is no person named, and "I only know what he said" needs a work to have read it in
    assert via_map(context, "He wrote that it was over. I know that line only from Hegarty's book.") == {}


def test_chains_through_a_post_a_compilation_and_a_pair_of_authors(context: Context) -> None:
    # what a posted transcript is of
    found = via_map(context, "someone on the Axis History Forum posted a transcript of a Helmer interview years ago, "
                             "he says they expected to die.")
    assert found == {"a Helmer interview": "someone on the Axis History Forum"}
    # "consulted it as printed in"
    assert via_map(context, "His unfinished narrative was never published; staff consulted it as printed in Gray "
                            "Rowe's compilation The Harbour Blast (Rowe 1978, p. 61).") == {
        "His unfinished narrative": "Rowe 1978"}
    # "They" are the two authors of the work cited last; a bulletin is a document
    assert via_map(context, "Read Rachel Kramm and Tom Mitchum, When the City Struck (Toronto, 2010). They also "
                            "reproduce a chunk of a *Prairie Free Press* editorial by Jon Dafford.") == {
        "editorial by Jon Dafford": "Rachel Kramm and Tom Mitchum, When the City Struck (Toronto, 2010)"}
    assert via_map(context, "Read Barcus, *Showdown at Winnipeg* (McGill-Queen's University Press, 1974). He quotes "
                            "the *Western Labour News* strike bulletins a lot.") == {
        "the *Western Labour News* strike bulletins":
            "Barcus, *Showdown at Winnipeg* (McGill-Queen's University Press, 1974)"}


def test_the_author_before_a_title_and_its_imprint(context: Context) -> None:
    found = cites(context, "Read Kim A. Wagstaff, Amritsar 1919: An Empire of Fear (Yale, 2019). Wagstaff quotes the "
                           "testimony at length.")
    assert [(c.surface, c.authors, c.cue) for c in found if c.year] == [
        ("Kim A. Wagstaff, Amritsar 1919: An Empire of Fear (Yale, 2019)", ("Kim A. Wagstaff",), "author-title")]
    assert via_map(context, "Read Kim A. Wagstaff, Amritsar 1919: An Empire of Fear (Yale, 2019). Wagstaff quotes the "
                            "testimony at length.") == {
        "the testimony": "Kim A. Wagstaff, Amritsar 1919: An Empire of Fear (Yale, 2019)"}


def test_a_title_by_its_author_with_an_imprint(context: Context) -> None:
    found = cites(context, "For her level the best book by far was Coming Over by Floella Benedict (Pavilion, 1995). "
                           "In his memoir *Spy/Counterspy* (Grosset & Dunlap, 1974) he tells it.")
    assert [(c.surface, c.title, c.authors, c.year) for c in found] == [
        ("Coming Over by Floella Benedict (Pavilion, 1995)", "Coming Over", ("Floella Benedict",), 1995),
        ("*Spy/Counterspy* (Grosset & Dunlap, 1974)", "Spy/Counterspy", (), 1974)]
    # an italic title, "by" and its author before the imprint: the author is no part of the title
    found = cites(context, "We read *The Edge of the Blade* by Anthony Farrow (Frederick Muller, 1954) at school.")
    assert [(c.title, c.authors, c.cue) for c in found] == [("The Edge of the Blade", ("Anthony Farrow",),
                                                             "author-title")]
    assert cites(context, "The March was led by Ellen Wilkinson and others.") == []


def test_a_reading_imperative_is_no_part_of_the_authors_name(context: Context) -> None:
    # (a surname the lexicon knows: "Read Keegan" is no two-word name)
    assert surfaces(context, "Read Keegan, *The Face of Stones* (Cape, 1976).") == [
        "Keegan, *The Face of Stones* (Cape, 1976)"]
    found = cites(context, "See John Keegan, *The Face of Stones*.")
    assert [(c.surface, c.authors) for c in found] == [("John Keegan, *The Face of Stones*", ("John Keegan",))]


def test_names_before_an_imprint_after_with_or_edited_by_are_people_not_a_title(context: Context) -> None:
    # a co-editor named before the imprint: his name is checked as a name, not kept as a title
    [co_edited] = cites(context, "Ranger wrote the chapter on Africa in a volume which he edited with Eric Hobsbawm "
                                 "(Cambridge University Press, 1983). It changed the field.\n")
    assert (co_edited.title, co_edited.authors, co_edited.year) == (None, ("Eric Hobsbawm",), 1983)
    # both editors of a diary, after its title
    [diary] = cites(context, "The bells rang again (Kitty Marsh's War, edited by Alan Broadbent and Joan Feld, "
                             "Falling Wall Press, 1981). I cried.\n")
    assert (diary.title, diary.editors) == ("Kitty Marsh's War", ("Alan Broadbent", "Joan Feld"))


def test_reference_entries_with_initials_after_the_surname_in_a_list_of_notes(context: Context) -> None:
    text = ("Notes for the edit\n\n"
            "- Check the date of the landing with the archive.\n"
            "- Halloran, J. P., \"Fever on the Wharves\", Journal of Island History 14:1 (1987), 44-61. Copy in\n"
            "  the blue folder.\n"
            "- Pike, D. W., Quarantine Years: The Port and the Plague, 2nd\n"
            "  edn (Auckland: Harbour Press, 2003).\n"
            "- Ask Mere about the photographs.\n")
    found = {c.surface.split(",")[0]: c for c in cites(context, text) if c.cue == "bibliography"}
    assert {k: (c.authors, c.title, c.year, c.kind) for k, c in found.items()} == {
        "Halloran": (("J. P. Halloran",), "Fever on the Wharves", 1987, SourceKind.ARTICLE),
        "Pike": (("D. W. Pike",), "Quarantine Years: The Port and the Plague", 2003, SourceKind.BOOK)}
    # the entry ends with its imprint or pages: the note after it is no part of it
    assert found["Halloran"].surface.endswith("44-61.")


def test_a_countrys_man_is_no_book_of_the_country(context: Context) -> None:
    text = "Four were left at the bell: Zatopek, Mimoun, Herbert Schade and Britain's Chris Chataway.\n"
    assert [c.surface for c in cites(context, text)] == []


def test_a_work_its_sentence_says_a_cited_author_quotes(context: Context) -> None:
    # passive: "quoted by <author>" after the work
    assert via_map(context, "The standard life is Paul Preston, Franco: A Biography (HarperCollins, 1993). The "
                            "interpreter Paul Schmidt, whose memoirs are also quoted by Preston, thought Franco droned "
                            "like a muezzin.\n") == {
        "Paul Schmidt, whose memoirs": "Paul Preston, Franco: A Biography (HarperCollins, 1993)"}
    # "<author> quotes it" after the work
    assert via_map(context, "See Tim Newark, The Mafia at War (Greenhill, 2007). The handkerchief story comes from "
                            "Michele Pantaleone's book Mafia e politica; I know it as Newark quotes it.\n") == {
        "Michele Pantaleone's book Mafia": "Tim Newark, The Mafia at War (Greenhill, 2007)"}
    # "<author> reproduces ..." before the work
    assert via_map(context, "Read Richard Askwith, Today We Die a Little (Yellow Jersey, 2016). Askwith reproduces "
                            "Peters's own version from his 1955 autobiography In the Long Run, which is rare.\n") == {
        "his 1955 autobiography In the Long Run": "Richard Askwith, Today We Die a Little (Yellow Jersey, 2016)"}
    # the book a quotation is quoted "in" holds it: it is no work known through itself
    assert via_map(context, "Fredrik Logevall, Embers of War (Random House, 2012), is the best. Giap's memoirs, "
                            "which Logevall quotes at length in Embers of War, describe the night.\n") == {
        "Giap's memoirs": "Fredrik Logevall, Embers of War (Random House, 2012)"}


def test_a_familys_letters_are_a_source_of_their_own(context: Context) -> None:
    found = {c.surface: c for c in cites(context, (
        "I still have my grandfather's letters to my gran from that summer. In one of grandpa's letters from "
        "Tilbury he says the ship was late. His letters home from Albacete are shorter. Eleven letters from John "
        "Hedley to his wife survive. She kept a shoebox of his letters and photos. It is in one of his letters to "
        "Nana from India. The museum has the letters he wrote home to his wife from the road.\n"))}
    assert set(found) == {"my grandfather's letters to my gran", "grandpa's letters from Tilbury",
                          "His letters home from Albacete", "Eleven letters from John Hedley to his wife",
                          "a shoebox of his letters", "his letters to Nana from India",
                          "the letters he wrote home to his wife from the road"}
    assert all(c.cue == "family-papers" and not c.vague for c in found.values())
    # a statesman's letters to another are not the family's, and letters to the editor are no source
    assert cites(context, "Churchill's letters to Roosevelt show it. He read letters to the editor.\n") == []


def test_someone_on_a_list_a_lowercase_forum_or_a_named_site(context: Context) -> None:
    text = ("Someone on the Greek genealogy mailing list on Rootsweb said the ship was Italian. Someone on the quiz "
            "forum insisted it was 1926. Apparently someone on Nairaland posted that the flights ran at night. "
            "Someone on Guernsey said so. Someone on another board pointed me to the diaries.\n")
    assert [(c.surface, c.site, c.vague) for c in cites(context, text)] == [
        ("Someone on the Greek genealogy mailing list on Rootsweb", "Greek genealogy mailing list on Rootsweb", True),
        ("Someone on the quiz forum", "quiz forum", True), ("someone on Nairaland", "Nairaland", True)]


def test_chicago_entries_with_two_authors_an_editor_initials_or_run_on_lines(context: Context) -> None:
    text = ("Notes for the talk.\n\n"
            "4. Barrow, Ruth, and Tom Kessel. When the Town Stood Still: The Strike of 1919. Toronto: Lakeshore "
            "Press, 2010.\n\n"
            "6. Haldane, Craig, ed. The Workers' Revolt in the Valleys, 1917-1925. Cardiff: Valley Press, 1998.\n\n"
            "11. STOWE, G. L. The Bells of Arrow: A Field Study. London: Hodder & Stoughton, 1938.\n"
            "8vo. Original cloth.\n\n"
            "D2. Sources consulted\n"
            "Garton, Harry. Leap Like the Salmon! The Story of the Escape. Sydney: Cassell\n"
            "   Australia, 1978.\n"
            "   Chalmers, Tony. The End of Empire in the Sahel: A Successful Decolonization?\n"
            "   Oxford: Berg, 2002.\n")
    found = {c.surface.split(".")[0]: (c.authors, c.title, c.year) for c in cites(context, text)
             if c.cue == "bibliography"}
    assert found == {
        "Barrow, Ruth, and Tom Kessel": (("Ruth Barrow", "Tom Kessel"), "When the Town Stood Still: The Strike of 1919",
                                         2010),
        "Haldane, Craig, ed": (("Craig Haldane",), "The Workers' Revolt in the Valleys, 1917-1925", 1998),
        "STOWE, G": (("G. L. STOWE",), "The Bells of Arrow: A Field Study", 1938),
        "Garton, Harry": (("Harry Garton",), "Leap Like the Salmon! The Story of the Escape", 1978),
        "Chalmers, Tony": (("Tony Chalmers",), "The End of Empire in the Sahel: A Successful Decolonization?", 2002)}


def test_an_imprint_with_a_remark_a_university_press_without_comma_and_a_subtitle_with_commas(
        context: Context) -> None:
    found = cites(context, (
        "Payne makes the point in Franco and Hitler: Spain, Germany, and World War II (Yale University Press, 2008, "
        "p. 85 more or less, I don't have it with me). Hitler needed him.\n\n"
        "Half true. Salvatore Lupo's History of the Mafia (Columbia UP 2009, translated from the italian) is good.\n"))
    assert [(c.title, c.year) for c in found if c.year] == [
        ("Franco and Hitler: Spain, Germany, and World War II", 2008), ("History of the Mafia", 2009)]


def test_a_title_then_who_published_it_and_when(context: Context) -> None:
    [book] = cites(context, "Our MP wrote the best account herself in The Town That Died Twice, which came out "
                            "from Gollancz in 1939 and is still worth reading.\n")
    assert (book.title, book.publisher, book.year) == ("The Town That Died Twice", "Gollancz", 1939)
    # a publisher is needed: "which came out from Moscow in 1939" is no imprint
    assert [(c.publisher, c.year) for c in cites(context, "He read The Red Road Home, which came out from Moscow in "
                                                          "1939, twice.\n")] == [(None, None)]


def test_a_cited_work_that_quotes_or_draws_on_a_document_is_its_source(context: Context) -> None:
    # the work, with its imprint, is the subject of the verb
    assert via_map(context, "Tom Fairweather's Harbour Lights: A History of the Leith Docks (Birlinn, 2011) quotes "
                            "the recollections of the harbourmaster's son, who saw the fire from the quay.") == {
        "the recollections": "Tom Fairweather's Harbour Lights: A History of the Leith Docks (Birlinn, 2011)"}
    assert via_map(context, "Ruth Ellery's classic study, The Quiet Exodus (Gollancz, 1971), reproduces Weber's "
                            "telegram to Vienna of 3 May, and it is still the best account.") == {
        "Weber's telegram": "Ruth Ellery's classic study, The Quiet Exodus (Gollancz, 1971)"}
    # "draws on" as well as "quotes", after an aside naming the work, or with an adverb
    found = via_map(context, "Paul Lindqvist, in Iron Ore and Neutrality (Polity, 2004), draws on Hedin's later "
                             "interviews to show that the miners saw the strike differently.")
    assert list(found) == ["Hedin's later interviews"]
    assert via_map(context, "Anna Strand's The Long Winter (Atlantic, 2013) follows the convoy day by day, and it "
                            "draws heavily on Kessel's own diary, in which he admits the delay.") == {
        "Kessel's own diary": "Anna Strand's The Long Winter (Atlantic, 2013)"}
    # a second verb of the work that opens the sentence; its own reference in brackets is no other subject
    assert via_map(context, "Lena Marsh's *Salt Roads* (Marsh 2009) retraces the deportation and draws on her "
                            "mother's letters from Omsk.") == {
        "her mother's letters from Omsk": "Lena Marsh's *Salt Roads*"}
    assert via_map(context, "Ivor Pike's Black Diamonds: A Mining Century (Seren, 2006) reads the strike as a "
                            "turning point, and reproduces contemporary reports from the Western Mail.") == {
        "contemporary reports": "Ivor Pike's Black Diamonds: A Mining Century (Seren, 2006)"}
    # the author's generous quotations from a document, its owner's name written over a line break
    assert via_map(context, "The standard work is still Alvin Marsh,\nHarbour: Japan and the Sea, 1939 (Stanford UP, "
                            "1985). Marsh quotes at length from Tsuji\nMasanobu's own postwar account, which is "
                            "frank.") == {"Tsuji\nMasanobu's own postwar account":
                                          "Alvin Marsh,\nHarbour: Japan and the Sea, 1939 (Stanford UP, 1985)"}
    # a work is no quoter when someone else is the subject of the verb
    assert via_map(context, "Ivor Pike's Black Diamonds (Seren, 2006) is good, but my uncle draws on the diary of "
                            "his father to me.") == {}


def test_a_name_after_a_work_noun_is_the_author_of_the_title_that_follows(context: Context) -> None:
    found = cites(context, "There is a decent general book, Mark Wyman, DPs: Europe's Displaced Persons, 1945-1951 "
                           "(Cornell University Press, 1998). He quotes an UNRRA officer's report on the camps.")
    book = next(c for c in found if c.year == 1998)
    assert (book.title, book.authors) == ("DPs: Europe's Displaced Persons, 1945-1951", ("Mark Wyman",))
    assert [c.surface for c in found if c.via == book.span] == ["an UNRRA officer's report"]


def test_more_of_a_familys_letters(context: Context) -> None:
    found = {c.surface for c in cites(context, (
        "My grandads letters from the summer of 37 mention the camp. The print came with a small bundle of "
        "letters written by his grandfather. Mr Cho has kept about forty letters from his brother.\n"))}
    assert found == {"My grandads letters from the summer of 37", "a small bundle of letters",
                     "about forty letters from his brother"}
    assert cites(context, "He wrote about forty letters to the Times.\n") == []


def test_unnamed_local_booklets_cuttings_theses_and_articles_are_vague(context: Context) -> None:
    def vague(text: str) -> list[str]:
        return [c.surface for c in cites(context, text) if c.vague]

    assert vague("You might also find the little booklet the Polish parish in Bradford printed for one of their "
                 "anniversaries.\n") == [
        "the little booklet the Polish parish in Bradford printed for one of their anniversaries"]
    assert vague("The library did a little booklet for one of the anniversaries.\n") == [
        "a little booklet for one of the anniversaries"]
    assert vague("The centenary booklet produced by the village in 2013 lists the dead.\n") == [
        "The centenary booklet produced by the village in 2013"]
    assert vague("Some years ago I was lent a thesis about the county's sea defences after 1953.\n") == [
        "a thesis about the county's sea defences after 1953"]
    assert vague("Stuart put together some notes from an old magazine article on the Bus.\n") == [
        "an old magazine article on the Bus"]
    assert vague("Beyond that we have only an undated cutting from a local newspaper.\n") == [
        "an undated cutting from a local newspaper"]
    # a cutting nobody has, a plant's cutting, a booklet defined
    assert vague("I would love to see the original if anyone has a cutting. Take a cutting from the rose. "
                 "A booklet is a small book.\n") == []


def test_a_possessive_after_the_is_part_of_a_title(context: Context) -> None:
    [book] = cites(context, "As Peter Alegi shows in African Soccerscapes: How a Continent Changed the World's Game "
                            "(Ohio University Press, 2010), football travelled.\n")
    assert book.title == "African Soccerscapes: How a Continent Changed the World's Game"


def test_more_ways_a_cited_work_quotes_a_document(context: Context) -> None:
    # "her book" is the author's book cited before; a bit of a memoir; a plural possessive; a title in italics
    assert via_map(context, "Rachel Manners's To the Steppe Station (Cornell, 2009) is the standard work. Her book "
                            "also quotes the diary of the writer Ilya Petrov, who spent the war in Tashkent.") == {
        "the diary of the writer Ilya Petrov": "Rachel Manners's To the Steppe Station (Cornell, 2009)"}
    assert via_map(context, "Peter Holt's On Secret Service in Baku (John Murray, 1994) quotes a bit of MacLeod's "
                            "memoir where he describes the plot.") == {
        "MacLeod's memoir": "Peter Holt's On Secret Service in Baku (John Murray, 1994)"}
    work = "Ruth Kramer and Tom Mills, When the Town Trembled (University of Toronto Press, 2010)"
    assert via_map(context, f"{work} is the book. They quote extensively from Andrews' letters to the minister.") == {
        "Andrews' letters": work}
    assert list(via_map(context, f"{work} is the book. They also reproduce a chunk of a *Free Press* editorial by "
                                 "John Dafoe.").values()) == [work]
    assert via_map(context, "Stephen Jones, Socialism in Red Colors (Harvard University Press, 2005) traces it. Jones "
                            "makes heavy use of Zhordania's memoirs, My Life, written in exile.") == {
        "Zhordania's memoirs, My Life": "Stephen Jones, Socialism in Red Colors (Harvard University Press, 2005)"}


def test_two_authors_citing_it_pages_from_a_diary_and_part_of_an_address(context: Context) -> None:
    books = "Chris Bayle and Tom Harper's Forgotten Roads (Allen Lane, 2004)"
    assert via_map(context, f"{books} has a chapter on it. I only found out about Hugh Tinkler's old article, \"A "
                            "Long March\", because Bayle and Harper cite it in their notes.") == {
        "Hugh Tinkler's old article, \"A Long March\"": books}
    book = "Fiona Goodwin, Exodus South (Spellmount, 2011)"
    assert list(via_map(context, f"{book} is built out of diaries. Goodwin quotes pages and pages from the diary of a "
                                 "planter's wife.").values()) == [book]
    book = "Richard Wren, The Color Line (World Publishing, 1956)"
    assert via_map(context, f"{book}. Wren was there as a reporter. He reproduces part of Sukarno's opening "
                            "address.") == {"Sukarno's opening address": book}
    book = "Martin Wendel, The Last Valley (Weidenfeld & Nicolson, 2004)"
    assert via_map(context, f"{book}, ch. 15. Wendel also quotes General Cogny's last radio exchange with the "
                            "fort.") == {"General Cogny's last radio exchange": book}
    # the writer quoting a document is no second-hand citation
    assert via_map(context, f"{book} is good. I quote the diary of Ciano here.") == {}


def test_a_work_relied_on_and_the_document_it_is_the_authority_for(context: Context) -> None:
    book = "Simon Mortimer, Stalin: The Court (Weidenfeld, 2003)"
    assert via_map(context, f"{book}. Mortimer relies heavily on Mikoyan's memoirs for this.") == {
        "Mikoyan's memoirs": book}
    assert via_map(context, "According to Overy, Russia's War (Penguin, 1998), the NKVD report put the dead at "
                            "800,000.") == {"the NKVD report": "According to Overy, Russia's War (Penguin, 1998)"}
    # what is said of a document is no reading of it
    assert via_map(context, "According to Smith, the reports were false.") == {}


def test_two_surnames_before_a_title_and_imprint_are_its_authors(context: Context) -> None:
    [book] = cites(context, "Doran and Bizony, Starman: The Truth Behind the Legend (Bloomsbury, 1998) is the best "
                            "account.\n")
    assert (book.surface.split(",")[0], book.authors) == ("Doran and Bizony", ("Doran", "Bizony"))
    # a word of the language before "and" is no co-author
    [book] = cites(context, "Peace and Slim, Defeat into Victory (Cassell, 1956) is good.\n")
    assert book.authors == ("Slim",)


def test_initialisms_inside_titles_and_an_editor_before_the_title(context: Context) -> None:
    text = ("Most of it comes from Ann Bell's P.O.W. Camps of the East (ABC, 1985), which began as a radio series. "
            "Tom Reed, How A.J. Andrews Won the Cup (Collins, 1990) is lighter. "
            "See also Ed Harker (ed.), Between the Flags: A Century of Surf (UNSW Press, 2006).\n")
    assert [(c.title, c.authors) for c in cites(context, text)] == [
        ("P.O.W. Camps of the East", ("Ann Bell",)),
        ("How A.J. Andrews Won the Cup", ("Tom Reed",)),
        ("Between the Flags: A Century of Surf", ("Ed Harker",)),
    ]


def test_a_plain_reference_list_goes_on_under_a_short_sub_heading(context: Context) -> None:
    text = ("The club was founded in 1924.\n\nBooks\n"
            " - Booth, Douglas. Beach Cultures. London: Frank Cass, 2001.\n\nOther\n"
            " - Harbour Rowing Club minute books, 1924 onwards (club archive).\n"
            " - The little booklet put out for our jubilee in 1974 (no author given).\n"
            " - The race is described by several who rowed in it, 1972.\n")
    found = cites(context, text)
    assert [(c.surface.split(",")[0].split(" (")[0], c.vague) for c in found] == [
        ("Booth", False),
        ("Harbour Rowing Club minute books", False),
        # an entry that only says what kind of work it was, with no author or title, is a vague source
        ("The little booklet put out for our jubilee in 1974", True),
        ("The race is described by several who rowed in it", False),
    ]


def test_a_scrapbook_kept_by_someone_and_a_letter_written_home(context: Context) -> None:
    text = ("Most of the photographs come from the scrapbook kept by the late Alf Carmody, captain from 1931. "
            "His niece has a letter he wrote home from Italy that mentions the ribbons.\n")
    found = cites(context, text)
    assert [(c.surface, c.authors) for c in found] == [
        ("the scrapbook kept by the late Alf Carmody", ("Alf Carmody",)),
        ("a letter he wrote home from Italy", ()),
    ]


def test_more_documents_and_people_known_through_a_cited_book(context: Context) -> None:
    book = "Mary Lloyd, The Quarry Towns (Gomer, 2001)"
    cases = {
        # a person quoted by the book, with what they said and where
        f"The best book is {book}. She quotes the police sergeant Owen Pugh, who described in interviews how "
        "the crowd was broken up.": "Owen Pugh, who described in interviews",
        # a petition the book prints
        f"The best book is {book}. Lloyd also prints the petition the men sent to the Home Secretary.":
            "the petition",
        # a diarist whose diary the writer knows only through the book
        f"One diarist is a Bangor teacher whose diary I know only through {book}, pp. 45-47.":
            "a Bangor teacher whose diary",
        # a part of the book that has the document reproduced
        f"{book} is online. The third chapter has the whole of Baker's report from the Gazette reproduced "
        "word for word.": "Baker's report",
        # a commission's findings known through the book's author
        f"See {book}. I only know the Commission's findings through Lloyd, who quotes long parts of its report.":
            "the Commission's findings",
    }
    for text, inner in cases.items():
        assert via_map(context, text).get(inner, "").startswith("Mary Lloyd"), text


def test_a_remark_of_someone_named_before_quoted_in_a_book(context: Context) -> None:
    text = ("The lift was run by General Tom Baker. There's a great line of his quoted in Mary Lloyd's The Long "
            "Lift (Gomer, 2001) where he calls it a factory.")
    found = {c.surface: c for c in cites(context, text)}
    remark = found["a great line of his"]
    book = found["Mary Lloyd's The Long Lift (Gomer, 2001)"]
    assert remark.authors == ("General Tom Baker",) and remark.via == book.span


def test_an_imprinted_title_after_a_full_name_the_lexicon_lacks(context: Context) -> None:
    text = "The standard work now is Aled Eirug, The Opposition to the Great War in Wales 1914–1918 (UWP, 2018)."
    assert [(c.authors, c.title) for c in cites(context, text)] == [
        (("Aled Eirug",), "The Opposition to the Great War in Wales 1914–1918")]


def test_more_vague_works_and_a_memoir_named_by_its_author(context: Context) -> None:
    cases = {
        "Someone on Reddit's AskHistorians had a great answer on the debate, can't find it now.":
            ("Someone on Reddit's AskHistorians", True),
        "A parent also dropped in an old Women's Weekly article about the camp towns.":
            ("an old Women's Weekly article about the camp towns", True),
        "I saw a doco on SBS once that said lots of crews copied the idea.": ("a doco on SBS", True),
        "Many people will remember the booklet the Trades Council put out for the 75th anniversary.":
            ("the booklet the Trades Council put out for the 75th anniversary", True),
        "Also the Kermit Roosevelt memoir is quite something.": ("the Kermit Roosevelt memoir", False),
    }
    for text, expected in cases.items():
        assert [(c.surface, c.vague) for c in cites(context, text)] == [expected], text


def test_still_more_ways_a_document_reaches_the_writer_through_a_book(context: Context) -> None:
    book = "Ruth Dale, The Long Strike (Gomer, 1998)"
    cases = {
        f"The key book is {book}. Dale prints the full text of the owners' notice in an appendix.":
            ("the owners' notice", book),
        f"The key book is {book}. Her account leans on the diary of the chapel minister.": ("the diary", book),
        f"The key book is {book}. Dale had access to the family papers of the quarry agent.":
            ("the family papers", book),
        f"The key book is {book}. The speech survives only in the police report, which Dale reprints.":
            ("the police report", book),
        f"The key book is {book}. Dale's source for the speech is a report in the Herald.": ("a report", book),
        f"{book} draws on oral history recorded in the 1970s.": ("oral history", book),
        f"The quote from Lord Penrhyn comes from {book}, p. 112.": ("Lord Penrhyn", book),
        "The manager's letters, as reproduced by Ruth Dale in The Long Strike (Gomer, 1998), show he expected to "
        "win.": ("The manager's letters", "Ruth Dale in The Long Strike (Gomer, 1998)"),
    }
    for text, (inner, outer) in cases.items():
        assert via_map(context, text).get(inner) == outer, text


def test_an_encyclopaedia_article_spoken_of_and_a_relative_who_kept_a_diary(context: Context) -> None:
    assert [(c.surface, c.site) for c in cites(context, "Wikipedia's article on the strike says eleven weeks.")] == [
        ("Wikipedia's article on the strike", "Wikipedia")]
    assert [(c.surface, c.site) for c in cites(context, "The Wikipedia page says it lasted eleven weeks.")] == [
        ("The Wikipedia page", "Wikipedia")]
    found = cites(context, "My nan kept a diary all through the blitz and it says the shelter was hit twice.")
    assert [(c.surface, c.kind, c.vague) for c in found] == [("My nan kept a diary", SourceKind.DIARY, False)]


def test_a_relatives_own_record_is_a_source_the_family_holds(context: Context) -> None:
    found = cites(context, "My grandfather's service record shows he enlisted in 1915.")
    assert [(c.surface, c.kind, c.vague) for c in found] == [
        ("My grandfather's service record", SourceKind.ARCHIVE, False)]
    # a book that was a relative's is still an unnamed book
    found = cites(context, "My grandad's old A-level textbook says otherwise.")
    assert [(c.surface, c.vague) for c in found] == [("My grandad's old A-level textbook", True)]


def test_a_record_named_by_what_it_is_and_what_it_shows(context: Context) -> None:
    cases = {
        "The parish register records her baptism in 1902.": ("The parish register", False),
        "According to the club's minute book, strike pay was ten shillings.": ("the club's minute book", False),
        "The 1911 census shows him living in Bangor with two lodgers.": ("The 1911 census", False),
        "The Cabinet minutes for 12 May record the decision.": ("The Cabinet minutes for 12 May", False),
        "The school log book notes that the school shut for a week.": ("The school log book", False),
        # a copy the writer came by and never names
        "The old guidebook we picked up at the station says the pier opened in 1899.": ("The old guidebook", True),
    }
    for text, expected in cases.items():
        found = cites(context, text)
        assert [(c.surface, c.vague) for c in found] == [expected], text
        assert found[0].kind is (SourceKind.BOOK if expected[1] else SourceKind.ARCHIVE), text
    # whose records, or which, is not said
    for text in ("The records show that 300 men died.", "The minutes record a vote of 40 to 3.",
                 "According to the records, he died in 1917."):
        assert cites(context, text) == [], text


def test_a_whole_series_at_the_national_archives(context: Context) -> None:
    for text, surface in (("The colonial files are in series FCO 141 at Kew.", "FCO 141 at Kew"),
                          ("Most of it is in WO 95 at Kew.", "WO 95 at Kew"),
                          ("The squadron books are in class AIR 27.", "AIR 27")):
        found = cites(context, text)
        assert [(c.surface, c.kind) for c in found] == [(surface, SourceKind.ARCHIVE)], text
    # a code and number with nothing saying it is an archive's series
    assert cites(context, "The WO 95 crowd were on the forum again.") == []


def test_documents_printed_by_an_author_year_reference_a_bare_surname_or_a_website(context: Context) -> None:
    book = "Peter Fay, The Forgotten Army (University of Michigan Press, 1993) is the best book."
    cases = {
        "Fay (1993) reproduces Bose's telegrams to Tokyo from 1944, and they show a worried man.":
            ("Bose's telegrams", "Fay (1993)"),
        f"{book} Source A is Shah Nawaz Khan's statement to the court, quoted at length in Fay.":
            ("Khan's statement", "Peter Fay, The Forgotten Army (University of Michigan Press, 1993)"),
        "The website the veterans set up, Forgotten Army (https://forgottenarmy.org/letters), reproduces a letter "
        "from Bose to Tojo dated 29 November 1944.": ("a letter", "https://forgottenarmy.org/letters"),
    }
    for text, (inner, outer) in cases.items():
        assert via_map(context, text) == {inner: outer}, text


def test_half_remembered_works_are_vague(context: Context) -> None:
    cases = {
        "I was also given a copy of a thesis about the dock labourers by a lady I met on a coach trip.":
            "a thesis about the dock labourers by a lady I met on a coach trip",
        "I owe much to my teacher, and to an article in the Dong-A Ilbo years ago that made me read it.":
            "an article in the Dong-A Ilbo years ago",
        "Someone remembered a Public Television documentary from the 90s with her daughter in it.":
            "a Public Television documentary from the 90s",
        "Some of you will remember the documentary on BBC North West a few years back.":
            "the documentary on BBC North West a few years back",
        "Some of you will remember the little booklet that was produced when the plaque went up in 2006.":
            "the little booklet that was produced when the plaque went up in 2006",
        "Someone on r/AskHistorians did a long write-up on the breach a while back.": "Someone on r/AskHistorians",
    }
    for text, surface in cases.items():
        assert [(c.surface, c.vague) for c in cites(context, text)] == [(surface, True)], text
    # a programme named by where it ran, with no memory of when, is no vaguer than its channel
    assert [(c.surface, c.vague) for c in cites(context, "The documentary on BBC Two was good.")] == [
        ("The documentary on BBC Two", False)]


def test_a_report_a_body_published_in_a_year(context: Context) -> None:
    text = ("The telegrams he sent to Chiang in those days survive, and they are quoted in the official report on "
            "the incident that the Executive Yuan published in 1992.")
    found = cites(context, text)
    report = "the official report on the incident that the Executive Yuan published in 1992"
    assert [(c.surface, c.year) for c in found] == [("The telegrams", None), (report, 1992)]
    assert via_map(context, text) == {"The telegrams": report}
    # a person's study is cited by its author's name, not by this form
    assert cites(context, "See the study that Richard Evans published in 1990.") == []


def test_a_work_named_after_a_colon_with_its_year_is_a_titled_work(context: Context) -> None:
    found = cites(context, "Gale later wrote a book that was for years the only account in English: The Salt "
                           "Harbour, published in 1971.")
    assert [(c.surface, c.title, c.year, c.vague) for c in found] == [
        ("a book that was for years the only account in English: The Salt Harbour", "The Salt Harbour", 1971, False)]
    dated = cites(context, "She wrote a memoir about the camps: Winter in Kolyma (1988).")
    assert [(c.title, c.year, c.vague) for c in dated] == [("Winter in Kolyma", 1988, False)]
    # a title with nothing to date it leaves a small work vague
    undated = cites(context, "My interest began with a slim pamphlet in Polish: The Border Question, plainly partisan.")
    assert [(c.title, c.vague) for c in undated] == [("The Border Question", True)]


def test_he_is_the_author_whose_book_was_cited_sentences_before(context: Context) -> None:
    # the only work of "he" is named by its author, not by a title
    assert via_map(context, "Gale's book was banned for years. He was bitter about the navy and some of his numbers "
                            "are doubted. He also reproduces parts of the harbourmaster's own reports to London.") == {
        "the harbourmaster's own reports": "Gale's book"}


def test_his_book_is_called_names_a_titled_work_of_the_person_before(context: Context) -> None:
    found = cites(context, "The best modern account is by the local historian Rhian Pryce. Her book is called Coal "
                           "and Chapel: The Tonypandy Riots of 1910, published by the Gomer Press in 1998, and it "
                           "is very good.")
    assert [(c.title, c.authors, c.year) for c in found] == [
        ("Coal and Chapel: The Tonypandy Riots of 1910", ("Rhian Pryce",), 1998)]
    # with nobody named before, whose book it is stays unknown, and nothing is made up
    assert cites(context, "His book is called Coal and Chapel.") == []


def test_a_writers_own_memoirs_capitalised_are_their_work(context: Context) -> None:
    found = cites(context, "PRESENTER: Hodges's own Memoirs, which came out in 1931, are lively but vain.")
    assert [(c.surface, c.authors, c.kind) for c in found] == [("Hodges's own Memoirs", ("Hodges",), SourceKind.BOOK)]


def test_a_document_which_a_named_author_reproduces_is_known_through_their_work(context: Context) -> None:
    text = ("The Western Mail's report of the funeral, which Lloyd and Probert reproduce in their book, describes "
            "silent crowds. See Dai Lloyd and Ann Probert, The Valley Disaster (Gomer, 2009).")
    assert via_map(context, text) == {
        "The Western Mail's report of the funeral": "Dai Lloyd and Ann Probert, The Valley Disaster (Gomer, 2009)"}
    text = ("She will talk about his prison confession -- which Walter Hine quotes at length in The Quiet Agent "
            "(Faber, 1979), and in which he denies everything.")
    assert via_map(context, text) == {"his prison confession": "The Quiet Agent (Faber, 1979)"}
    # no "in": the work of the author named in the clause, cited elsewhere
    text = ("Walter Hine, The Quiet Agent (Faber, 1979), is the standard life. The consul's last telegram, which Hine "
            "reproduces, is blunt.")
    assert via_map(context, text) == {"The consul's last telegram": "Walter Hine, The Quiet Agent (Faber, 1979)"}


def test_words_a_person_had_said_taken_from_a_work_or_quoted_with_a_participle(context: Context) -> None:
    text = ('The premier had told the settlers as late as 1969 that there would be no change "in my lifetime". '
            "Ian Dorrell had said much the same. I took that quotation from Ruth Vane's *The Long Retreat* "
            "(Cape, 1984).")
    assert via_map(context, text) == {"Ian Dorrell had said": "Ruth Vane's *The Long Retreat* (Cape, 1984)"}
    text = ("Ruth Vane, The Long Retreat (Cape, 1984) is the fullest account. She quotes Dorrell telling the assembly "
            "in 1969 that nothing would change.")
    assert via_map(context, text) == {"Dorrell telling": "Ruth Vane, The Long Retreat (Cape, 1984)"}


def test_reference_tags_in_markdown_are_footnote_entries(context: Context) -> None:
    text = ("The camps were documented early.<ref>Del Boca, Angelo (1988). *Gli italiani in Libia*. Rome: "
            "Laterza.</ref>\n\nThe order was plain.<ref>Badoglio to Graziani, 20 June 1930, quoted in Ahmida (2021), "
            "p. 41.</ref>\n")
    found = cites(context, text, "a.md")
    assert [(c.cue, c.kind, c.title, c.year) for c in found if c.via is None] == [
        ("footnote", SourceKind.BOOK, "Gli italiani in Libia", 1988), ("footnote", SourceKind.OTHER, None, 2021)]
    # "A to B, date" in a note is a letter, known through the work it is quoted in
    assert via_map(context, text, "a.md") == {"Badoglio to Graziani, 20 June 1930": "Ahmida (2021), p. 41"}
    assert next(c for c in found if c.via is not None).kind is SourceKind.ARCHIVE


def test_local_booklets_family_letters_and_work_in_progress_are_vague_or_family_papers(context: Context) -> None:
    found = cites(context, "A booklet produced by a Partick history group for the 90th anniversary gathered the "
                           "memories. An old parish booklet kept at the back of the church lists the crews buried "
                           "here. A student wrote to me about a paper she was writing on the monitoring force.")
    assert [(c.surface, c.vague) for c in found] == [
        ("A booklet produced by a Partick history group", True),
        ("An old parish booklet kept at the back of the church", True),
        ("a paper she was writing on the monitoring force", True)]
    letters = cites(context, "My aunt has a small bundle of his letters from the camp, mostly to my grandmother.")
    assert [(c.surface, c.cue, c.vague) for c in letters] == [
        ("a small bundle of his letters from the camp", "family-papers", False)]


def test_a_donors_initial_and_a_table_cell_make_no_title_and_imprint(context: Context) -> None:
    # "Mrs P. Harcourt, 1987" is no "Harcourt, 1987" imprint, and "Acquisition" in the cell before is no title
    page = ("<html><body><table><tr><th>Acquisition</th><td>Donated by Mrs P. Harcourt, 1987</td></tr>"
            "</table></body></html>\n")
    assert cites(context, page, "a.html") == []
    assert cites(context, "Provenance\n\nGiven by Mr J. Cassell, 1954\n") == []
    # the imprint as a sentence of its own still makes a reference
    found = cites(context, "The standard life is Slim, Defeat into Victory. Cassell, 1956.")
    assert [(c.title, c.year) for c in found] == [("Defeat into Victory", 1956)]


def test_a_line_of_pipe_separated_fields_is_no_pasted_link_title(context: Context) -> None:
    text = "Event 12  |  Signed copies  |  Book signing afterwards in the festival marquee\n"
    assert cites(context, text) == []
    # a headline, its section and its site still are one
    found = cites(context, "Why the strike failed | History | The Guardian\n")
    assert [(c.cue, c.site) for c in found] == [("link-title", "The Guardian")]


def test_an_author_year_subject_with_a_second_verb_quotes_the_documents(context: Context) -> None:
    text = ("Lowe (1991) traces the unrest back to the famine, and cites letters written by village elders to the "
            "governor in which the deaths are a constant grievance.")
    assert via_map(context, text) == {"letters": "Lowe (1991)"}


def test_the_document_named_further_up_the_paragraph_is_the_one_read_second_hand(context: Context) -> None:
    text = ("Don't forget the Moreton report. The line everyone quotes is that the colony had become a police "
            "state. I've never read the whole report myself, I got it from Lamb's book.")
    assert via_map(context, text) == {"the Moreton report": "Lamb's book"}


def test_a_title_someone_wrote_in_a_year_and_a_passage_quoted_from_it(context: Context) -> None:
    text = ("Tom Ardley was a reporter before he was captured and wrote Bamboo and Barbed Wire in 1947 while it was "
            "all still raw. I haven't got a copy myself, but Keane quotes a long passage from it on the river camps. "
            "See Mary Keane, Railway Men (Penguin, 1988).")
    found = cites(context, text)
    titled = next(c for c in found if c.title == "Bamboo and Barbed Wire")
    assert (titled.authors, titled.year) == (("Tom Ardley",), 1947)
    assert via_map(context, text)["Bamboo and Barbed Wire"] == "Mary Keane, Railway Men (Penguin, 1988)"
    assert cites(context, "She wrote to Churchill in 1940 about the camps.") == []


def test_a_possessive_with_an_o_prefix_is_the_author_and_she_quotes_through_her_book(context: Context) -> None:
    text = ("Kathleen O'Dowd's Tide of Empire (University of Otago Press, 2012) changed how we see Lauaki. She "
            "quotes Lauaki's letters from exile, which are painful to read.")
    book = next(c for c in cites(context, text) if c.title == "Tide of Empire")
    assert book.authors == ("Kathleen O'Dowd",)
    assert via_map(context, text) == {"Lauaki's letters": text[:text.index(")") + 1]}


def test_an_author_possessive_before_a_title_with_an_article(context: Context) -> None:
    # one word before "The ..." is the author, not the opening of a title like "Hitler's Willing Executioners"
    book = cites(context, "Hensel's The Empty Plain (Cornell University Press, 2015) is the best account.")[0]
    assert (book.authors, book.title) == (("Hensel",), "The Empty Plain")


def test_parts_and_pages_of_a_document_a_writer_reproduces(context: Context) -> None:
    text = ("The standard account is Ruth Tane's Black Morning (Reed, 1986). Tane reproduces large parts of the "
            "report of the Resident Commissioner on the shooting.")
    assert via_map(context, text) == {"the report": "Ruth Tane's Black Morning (Reed, 1986)"}
    text = ("Read it with Peter Lunn's The Dossier. He got his own police file in 1992. He reproduces pages of the "
            "file in the book, and it is chilling.")
    assert via_map(context, text) == {"the file": "Peter Lunn's The Dossier"}


def test_a_court_of_inquiry_report_quoted_at_length(context: Context) -> None:
    text = ("The key text is Ann Corley, Prisoners in Revolt (University of Queensland Press, 1979). Corley quotes "
            "at length from the military court of inquiry report, which we have not seen.")
    assert via_map(context, text) == {
        "the military court of inquiry report":
            "Ann Corley, Prisoners in Revolt (University of Queensland Press, 1979)"}


def test_documents_that_a_named_writer_quotes(context: Context) -> None:
    text = ("Robert Berndt's Nomads and Famine (Cambridge University Press, 2019) is the other book. The police "
            "summaries that Berndt quotes at length show the famine was known in 1931.")
    assert via_map(context, text) == {
        "The police summaries": "Robert Berndt's Nomads and Famine (Cambridge University Press, 2019)"}


def test_someones_famous_line_quoted_in_a_writer(context: Context) -> None:
    text = ("She relied on Jan Kowal's Baku and After (Cambridge University Press, 1987). Aliyev's famous line, "
            "quoted in Kowal, that \"the sea will outlast us all\", was to her a hope rather than a plan.")
    assert via_map(context, text) == {"Aliyev's famous line": "Jan Kowal's Baku and After (Cambridge University Press"
                                                              ", 1987)"}


def test_a_document_a_poster_says_they_posted(context: Context) -> None:
    text = "Someone on the Pacific War Forum posted what they say is a translated diary page from one of the guards."
    assert list(via_map(context, text).items()) == [("a translated diary", "Someone on the Pacific War Forum")]


def test_a_quoter_with_a_middle_initial_and_a_document_printed_as_a_chapter(context: Context) -> None:
    text = ("Eden's diaries, which Robert J. Dunn quotes at some length in The Long Retreat (Longman, 1998), record "
            "how tired the delegation was.")
    assert via_map(context, text) == {"Eden's diaries": "The Long Retreat (Longman, 1998)"}
    text = ("Priestley's own diary of the sledge journey, which I found printed as a long chapter in Scott's The "
            "Northern Party (Heinemann, 1913), records the blizzard.")
    assert via_map(context, text) == {"Priestley's own diary": "Scott's The Northern Party (Heinemann, 1913)"}


def test_a_named_makers_broadcasts_as_summarised_by_a_writer(context: Context) -> None:
    text = ("As Boyle shows in Strike in the Valley (Hurst, 1996), the promises were broken. Radio Liberty "
            "broadcasts from the time, as summarised by Boyle (1996, pp. 40-44), were how most people heard.")
    assert via_map(context, text) == {"Radio Liberty broadcasts": "Boyle (1996, pp. 40-44)"}


def test_officials_a_writer_quotes_and_what_they_admitted(context: Context) -> None:
    text = ("Anna Ricci, Enemy Aliens (Peter Lang, 2001) is good. Ricci shows that many joined for the dances, and "
            "she quotes War Office officials who admitted at the time that the lists were drawn up in haste.")
    found = cites(context, text)
    officials = next(c for c in found if c.surface.startswith("War Office officials"))
    assert officials.authors == ("War Office officials",) and officials.via is not None


def test_a_title_with_a_place_a_comma_and_a_year_before_its_colon(context: Context) -> None:
    found = cites(context, "She argues against the low figure in Durango, 1937: A Town Bombed (University of Nevada "
                           "Press, 2016), and her point is fair.")
    assert [c.title for c in found] == ["Durango, 1937: A Town Bombed"]


def test_a_work_named_in_apposition_after_what_it_is_about(context: Context) -> None:
    found = cites(context, "There's a good film about all this, Pit Village Stories, it came out this year.")
    assert [(c.title, c.vague) for c in found] == [("Pit Village Stories", False)]
    found = cites(context, "There's a good book about the war, Winston Churchill, of all people, liked it.")
    assert [(c.title, c.vague) for c in found] == [(None, True)]


def test_read_an_author_comma_a_title(context: Context) -> None:
    found = cites(context, "To see the split from the inside, read Djilass, Talks in the Kremlin. He was there.")
    assert [(c.authors, c.title) for c in found] == [(("Djilass",), "Talks in the Kremlin")]
    assert cites(context, "Read Paris, London and Rome.") == []


def test_an_events_name_is_a_title_as_the_volume_of_someones_work(context: Context) -> None:
    found = cites(context, "He tells it in the fourth volume of his The Great War (Cassell, 1951), with relish.")
    assert [(c.title, c.year) for c in found] == [("The Great War", 1951)]
    assert cites(context, "He fought in the Great War (1914-18) with honour.") == []


def test_local_and_half_remembered_works_are_vague(context: Context) -> None:
    for text, surface in [
        ("Their stories were gathered in a small volume of memories put together by local pupils, kept in the "
         "library.", "a small volume of memories put together by local pupils"),
        ("I use a local booklet produced by a Leeds Baptist congregation for its jubilee.",
         "a local booklet produced by a Leeds Baptist congregation"),
        ("The old booklet your uncle lent me, printed in Cork for the centenary, gives her age as 31.",
         "The old booklet"),
        ("I heard it in a paper at the Leeds conference in 2019 but I didn't write down the speaker's name.",
         "a paper at the Leeds conference in 2019"),
        ("It was in the Guardian when the files came out, the list had 75 pits on it.", "It was in the Guardian"),
        ("And someone on a Facebook group put up the figures for the whole valley.", "someone on a Facebook group"),
    ]:
        found = cites(context, text)
        assert [(c.surface, c.vague) for c in found] == [(surface, True)], text


def test_someones_letters_home_are_a_source(context: Context) -> None:
    found = cites(context, "Her nephew tells us that Zofia's letters home from Persia, which the family still keep, "
                           "describe the camp at Tehran.")
    assert [(c.surface, c.authors) for c in found] == [("Zofia's letters", ("Zofia",))]
    assert cites(context, "Zofia's letters were many.") == []


def test_bold_chapter_headings_of_an_outline_are_no_titles_cited(context: Context) -> None:
    text = ("## Chapter outline\n\n1. **Harbour Lights** – the port before the war.\n"
            "2. **Bristol, 1963** – the boycott and its echoes.\n\n"
            "I draw on **The Long Strike** by Ruth Dale (Gomer, 1998).\n")
    titles = [c.title for c in cites(context, text, "proposal.md")]
    assert "Harbour Lights" not in titles and "Bristol, 1963" not in titles
    assert any(t and t.startswith("The Long Strike") for t in titles)


def test_pages_a_writer_gives_to_it_in_a_work(context: Context) -> None:
    found = cites(context, "Also Michael King has a few pages on it in the Penguin History of Otago, not much though.")
    assert [(c.authors, c.title) for c in found] == [(("Michael King",), "Penguin History of Otago")]
    assert cites(context, "Smith has a chapter on it in Korea.") == []


def test_a_surname_that_is_also_a_title_word_stays_with_its_name(context: Context) -> None:
    found = cites(context, "Michael King's The Penguin History of New Zealand (Penguin, 2003) is good.")
    assert found[0].authors == ("Michael King",)


def test_a_document_quoted_in_the_writers_note_after_a_reading_list_entry(context: Context) -> None:
    text = ("## Sources\n\n### Books (have)\n\n- **Ann Corley, _Prisoners in Revolt_ (University of Queensland Press, "
            "1979).** Essential "
            "for the comparison. Corley quotes at length from the camp commandant's report, which we have not seen.\n")
    found = cites(context, text, "notes.md")
    report = next(c for c in found if c.surface == "the camp commandant's report")
    book = next(c for c in found if c.title and "Prisoners in Revolt" in c.title)
    assert report.via == book.span


def test_she_quotes_after_a_sentence_opened_by_the_author(context: Context) -> None:
    text = ("Sarah Hensel's book is the first full account. Many died.\n\nHensel makes fine use of sources earlier "
            "writers could not see. She quotes the letter that Ryskulov sent to Stalin in March 1933.")
    assert via_map(context, text) == {"the letter that Ryskulov": "Sarah Hensel's book"}


def test_an_issues_season_is_no_author(context: Context) -> None:
    assert cites(context, "STEPPE REVIEW\nVol. 12, No. 3 (Autumn 2019)\n\nReviews\n") == []
