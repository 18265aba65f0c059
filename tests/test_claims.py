"""Claims, their support, weasel attributions, duplicated passages and quotation checks."""

from __future__ import annotations

import pytest

from citecheck.analysis import DocAnalysis
from citecheck.assess.claims import find_weasels, not_a_claim
from citecheck.assess.duplicates import DocumentUnits, find_duplicates
from citecheck.model import ClaimKind, SourceKind, Span
from citecheck.verify.quotes import QuoteVerdict, check_quote


def claim_table(a: DocAnalysis) -> list[tuple[str, str, bool]]:
    return [(c.claim.text, c.claim.kind.value, c.claim.supported) for c in a.claims]


def test_checkable_sentences_are_claims_and_others_are_not(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Hi all,\n\nIn March 1936 Germany remilitarized the Rhineland. Why did nobody act? "
            "I think the French were tired. Kind regards, Paul.\n")
    a = analyze_text(text)
    assert claim_table(a) == [("In March 1936 Germany remilitarized the Rhineland.", "fact", False)]
    assert "a date" in a.claims[0].claim.cues


@pytest.mark.parametrize(
    ("line", "is_claim"),
    [
        ("Steam ploughs let one farmer work four times as much land as before.", True),
        ("The new canal carried most of the grain trade within a generation.", True),
        ("It only drove more peasants into the rebel army.", True),
        ("The idea was good.", False),  # too short to check anything
        ("Comments on this blog are moderated before they appear.", False),  # talk about the page
        ("Thanks, that clears up the question for me.", False),
        ("Then look at how the supply convoys were routed.", False),  # an instruction to the reader
        ("And then there is the letter.", False),  # announces, asserts nothing
        ("That is not a general who expected to be beaten.", False),  # a verdict on what came before
    ],
)
def test_a_statement_of_fact_with_nobody_named(analyze_text, line: str, is_claim: bool) -> None:  # type: ignore[no-untyped-def]
    claims = analyze_text(line + "\n", "t.txt").claims
    assert bool(claims) is is_claim
    if is_claim:
        assert "a statement of fact" in claims[0].claim.cues


def test_an_irregular_past_tense_is_a_deed(analyze_text) -> None:  # type: ignore[no-untyped-def]
    claims = analyze_text("Kovacs fled to Vienna.\n", "t.txt").claims
    assert [c.claim.cues for c in claims] == [("a named actor doing something",)]


def test_claim_kinds(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("The Wehrmacht lost 830,000 men in the first six months. "
            'As Churchill quipped, it was a "riddle wrapped in a mystery inside an enigma". '
            "Many observers pointed out that the Red Army was weak. "
            "Molotov has been called Stalin's hammer.")
    kinds = [(c.claim.kind, c.speaker) for c in analyze_text(text).claims]
    assert kinds == [(ClaimKind.STATISTIC, False), (ClaimKind.QUOTATION, True), (ClaimKind.WEASEL, False),
                     (ClaimKind.WEASEL, False)]


def test_support_in_sentence_window_and_after(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("According to R. J. Rummel's research in Death by Government, the Soviet Union killed 61 million people. "
            "China's regime was responsible for 35 million deaths. "
            "Iraq agreed to the peace terms in 1991. Iran signed nothing in 1992. Chile held a vote in 1988. "
            "Peru changed its constitution in 1993. Spain joined NATO in 1982.\n")  # too long to be one unit
    table = claim_table(analyze_text(text))
    assert [supported for _t, _k, supported in table] == [True, True, False, False, False, False, False]


def test_support_from_a_quoted_block_closed_by_a_footnote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("In his biography Manchester describes the meeting:\n\n"
            "> At 5:30 P.M. he met with an anxious cabinet. Hitler had told him, he said, that the Czech problem "
            "was the last territorial demand he had to make in Europe.[^1]\n\n"
            "The cabinet agreed on 25 September 1938 to reject the terms.\n\n"
            "[^1]: Manchester, William. The Last Lion. Boston: Little, Brown, 1988.\n")
    table = claim_table(analyze_text(text, "a.md"))
    assert table[0][2] is True and table[1][2] is True
    assert table[-1] == ("The cabinet agreed on 25 September 1938 to reject the terms.", "fact", False)


def test_a_list_under_a_cited_line_is_supported(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("I read the diary of Dimitrov. In 1938 Stalin ordered these changes:\n"
            "- the Comintern closed its plenums in 1938;\n"
            "- the international brigades in Spain were withdrawn in 1938.\n\n"
            "The brigades left Barcelona in October 1938.\n")
    table = claim_table(analyze_text(text))
    assert [s for _t, _k, s in table] == [True, True, True, False]


def test_quoted_excerpt_under_a_headline_is_supported(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Mar 2014\n2,211\nBergen\n#23\nI found this article:\n"
            "Diary of Soviet ambassador to London rewrites history of the war\n"
            "\"Maisky met Churchill forty times in 1938. He colluded with the opposition.\"\n\n"
            "Litvinov was dismissed in May 1939.\n")
    table = claim_table(analyze_text(text))
    assert table == [
        ('"Maisky met Churchill forty times in 1938. He colluded with the opposition."', "quotation", True),
        ("Litvinov was dismissed in May 1939.", "fact", False),
    ]


def test_a_cited_author_named_again_supports_the_claim(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("The Wehrmacht had no plans to stop, as we can see from Franz Halder's war journal. "
            "The Red Army arrived at the Vistula in September 1939. Halder called it a day of shame in 1939.")
    table = claim_table(analyze_text(text))
    assert [s for _t, _k, s in table] == [True, True, True]


def test_vague_support_is_not_support(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "As I now read in three different theses, the key event was the British guarantee of March 1939.\n"
    (fact,) = analyze_text(text).claims
    assert fact.vague_only and not fact.claim.supported


def test_scope_paragraph(context) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from citecheck.analysis import Context, analyze
    from citecheck.config import ClaimSettings
    from citecheck.ingest import document_from_text

    text = ("The talks opened on 12 August 1939 (Watt 1989). The missions had travelled by ship. "
            "Voroshilov asked about Poland on 14 August. Doumenc cabled Paris on 15 August. "
            "The French envoy flew to Warsaw on 18 August. The Poles refused on 19 August. "
            "Drax had no powers to sign in 1939.\n")
    ctx = Context(replace(context.config, claims=ClaimSettings(scope="paragraph")), context.catalogue, context.lexicon)
    wide = analyze(document_from_text(text, "t.txt"), ctx)
    assert all(c.claim.supported for c in wide.claims)
    narrow = analyze(document_from_text(text, "t.txt"), context)
    assert [c.claim.supported for c in narrow.claims][-1] is False


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("On one hand, many Western observers pointed out that the army was weak.", "many Western observers"),
        ("Many critics of British policy at the time, such as Churchill, insisted on talks.",
         "Many critics of British policy at the time"),
        ("In 1938 most German generals expected a disaster.", "most German generals"),
        ("Molotov has been called Stalin's bulldog.", "has been called"),
        ("It is widely believed that the pact was inevitable.", "It is widely believed"),
        ("Critics say the guarantee was a bluff.", "Critics say"),
        ("It's often said that the admiral never lied.", "It's often said"),
        ("It has even been suggested that the rising was a signal.", "It has even been suggested"),
        ("Everyone agrees that the strike failed.", "Everyone agrees"),
        ("Supposedly she carried a return ticket.", "Supposedly"),
        ("Apparently the ministry pushed his story hard.", "Apparently"),
        ("I read that the duel never happened.", "I read that"),
        ("I've seen it said the judge owned shares.", "I've seen it said"),
        ("The first bomb was a copy, from what I've read.", "from what I've read"),
        ("Her papers are still radioactive, I've read.", ", I've read"),
        ("The photographer, according to many, regretted it.", "according to many"),
        ("The stone is supposed to mark the spot where he fell.", "is supposed to mark"),
        ("Critics have compared the camps to prisons.", "Critics have compared"),
        ("It was cheap.[4] Historians now generally accept that it mattered.", "Historians now generally accept"),
        ("It shocked Europe, and it can be argued that this is why.", "it can be argued"),
        ("The boy was supposedly spotted in a market.", "was supposedly spotted"),
        ("Most estimates are between half a million and two million.", "Most estimates are"),
        ("It is a well known fact that the state had no debt.", "It is a well known fact"),
        ("It's often called the largest blast before Hiroshima.", "It's often called"),
        ("People call it the first study of a disaster.", "People call it"),
        ("Local historians consider her the bravest courier.", "Local historians consider"),
        ("The number shot at the wall is usually given as 147.", "is usually given as"),
        ("The same story is told by many Communard writers.", "is told by many Communard writers"),
        ("Some have argued that Stalin never wanted the Republic to win.", "Some have argued"),
        ("Others think Hull was simply less newsworthy.", "Others think"),
        ("He kept it going too long, and most of his defenders concede that.", "most of his defenders"),
        ("The refusal is often treated as an early step.", "is often treated"),
        ("Their work was dismissed by some reviewers as thin.", "was dismissed by some reviewers"),
        ("Official figures put the number detained at 80,000.", "Official figures put"),
        ("The emergency is sometimes described as a forgotten war.", "is sometimes described"),
        ("I'm told that the Russians also issued a medal.", "I'm told"),
        ("The massacre is the example people usually reach for.", "people usually reach for"),
        ("Something many people do not realise is that observers were sent.", "many people do not realise"),
        ("The rain was the worst in living memory, or so the guides always say.", "or so the guides always say"),
        ("Many historians now talk about a learning curve.", "Many historians"),
        ("A lot of vets say the heat was the worst thing.", "A lot of vets"),
        ("Everyone on /k/ knows this.", "Everyone on /k/ knows"),
        ("Apparently they're the last regiment with a band.", "Apparently"),
        ("Many accounts make too much of the weather.", "Many accounts"),
        ("Most historians reckon the battalion lost half its men.", "Most historians"),
        ("The blast made a roar said to have been heard in Paris.", "said to have been heard"),
        ("It became what's often called the first total war.", "what's often called"),
        ("There are those who say the siege could have been lifted.", "There are those who say"),
        ("The received wisdom is that the raid was a failure.", "The received wisdom is that"),
        ("Conventional wisdom holds that the tanks were obsolete.", "Conventional wisdom holds"),
        ("There is a widespread belief that the codes were broken early.", "There is a widespread belief"),
        ("He is regarded by many as the father of the air force.", "is regarded by many"),
        ("According to legend, the bells rang by themselves.", "According to legend"),
        ("Critics of the film point out that it flatters the generals.", "Critics of the film point out"),
        ("Scholars are divided on the question.", "Scholars are divided"),
        ("Revisionist historians argue that the army learned.", "Revisionist historians argue"),
        ("Some have gone so far as to call it a war crime.", "Some have gone so far as"),
        ("Almost nobody serious believes the stab-in-the-back story now.", "Almost nobody serious believes"),
        ("They say more men from the valley died than from the town.", "They say"),
        ("Most estimates today range from 40 to 300.", "Most estimates today range"),
        ("Some of her numbers have been questioned, but the archive bore her out.", "have been questioned"),
        ("Someone said it was only called that after 1961.", "Someone said"),
        ("Some colleagues maintained at the time that Powell had sharpened it.", "Some colleagues"),
        ("Local opinion holds that the pad was used in a film.", "Local opinion holds"),
        ("People say the ferry was sunk by a mine, but I never believed it.", "People say"),
        ("Some reviewers accused the author of trusting the memoirs too far.", "Some reviewers accused"),
        ("The pier was built for the troopships, or so we are always told.", "or so we are always told"),
        ("The story in the village is that the vicar hid the bells.", "The story in the village is that"),
        ("Some modellers reckon the squadron had gone over to Sky by July.", "Some modellers"),
        ("There's a story the old regulars tell that the committee met in the snug.",
         "There's a story the old regulars tell"),
        ("I keep reading that he cut the radio link in a temper.", "I keep reading"),
        ("It was never a formal apology, though people keep calling it one.", "people keep calling"),
        ("He hinted at the bomb, although historians still argue about its effect.", "historians still argue"),
        ("Local people have always said that every street lost a son.", "Local people have always said"),
        ("It has become fashionable to say that the ministry broke its word.", "It has become fashionable to say"),
        ("Some in the old Colonial Office crowd will tell you the money was ready.",
         "Some in the old Colonial Office crowd will tell you"),
    ],
)
def test_weasel_phrases(text: str, phrase: str) -> None:
    found = find_weasels(text, Span(0, len(text)))
    assert [text[s.start:s.end] for s, _ in found] == [phrase]


def test_named_groups_are_not_weasels() -> None:
    text = "Many soldiers died at Verdun. Most of the treaty was signed in 1925."
    assert find_weasels(text, Span(0, len(text))) == []


@pytest.mark.parametrize("text", [
    "The conference that was held in Geneva failed.",  # a relative clause, not an attribution
    "It is known as the Winter War.",  # a name
    "This was accepted by the cabinet on 3 May.",  # the agent is named
    "The offensive was supposed to end by Christmas.",  # a plan
    "Everyone agreed to the ceasefire.",  # a deed
    "I read that book twice.",  # a book, not a report of its contents
    "It's the best account I've read.",
    "Apparently not.",
    "The tomb was reportedly not touched.",  # a denial passed on is not an attribution
    "The Admiralty estimates were revised in May.",  # named estimates
    "It can be argued about for ever.",  # no position stated
    "Elsewhere we are told that the original was lost.",  # in a review: what the book under review says
    "Many soldiers went with the colonel.",  # a deed of a named kind of people, not a view
    "What was called the Home Guard later was formed in May.",  # no hedge: the name it went by
    "The consensus of the conference was recorded by Eden.",  # a named record of a named meeting
    "He was seen by some of the guards.",  # named witnesses
    "They said they would come back in May.",  # "they" of the story, in the past
    "Nobody believes him.",  # trust in one man, not a position on the past
    "The figure has been disputed by Overy.",  # the doubter is named
    "Someone had to pay for the bridge.",  # no one's words
    "Many tanks held the ridge until dusk.",  # a deed, not a belief
    "To some extent, the admiral was lucky.",  # a degree, not whose view
    "The Management Board argued for a delay.",  # a named body
    "It is common to see such columns on the coast road.",  # a sight, not a view
])
def test_look_alikes_of_weasel_phrases_are_not_weasels(text: str) -> None:
    assert find_weasels(text, Span(0, len(text))) == []


def test_configured_weasel_phrases() -> None:
    text = "Insiders whisper that the pact was signed early."
    assert find_weasels(text, Span(0, len(text)), ("insiders whisper",))[0][1] == "configured"


def test_duplicated_passages_across_posts_and_files(analyze_text) -> None:  # type: ignore[no-untyped-def]
    original = ("Mar 2014\n2,211\nBergen\n#1\nThe Soviet Union signed a mutual assistance treaty with "
                "Czechoslovakia in May 1935, yet nobody invited it to the conference at Munich. "
                "Litvinov took the lesson to heart.\n")
    repost = original.replace("#1", "#2").replace("Bergen", "Oslo")
    quoted = '"The Soviet Union signed a mutual assistance treaty with Czechoslovakia in May 1935, yet nobody ' \
             'invited it to the conference at Munich."\n'
    a = analyze_text(original + repost + "Mar 2014\n2,211\nOslo\n#3\n" + quoted)
    other = analyze_text("Text.\nThe Soviet Union signed a mutual assistance treaty with Czechoslovakia in May 1935, "
                         "yet nobody invited it to the conference at Munich. Litvinov took the lesson to heart.\n",
                         "other.txt")
    dups = find_duplicates([DocumentUnits(x.doc, x.sentences, x.quotes) for x in (a, other)], min_words=20)
    assert [(d.path, d.original_label, d.words) for d in dups] == [
        ("doc.txt", "doc.txt, post #1", 28), ("other.txt", "doc.txt, post #1", 28)]


def test_a_short_post_posted_again_is_a_duplicate_but_a_title_repeated_as_a_poll_is_not(
        analyze_text) -> None:  # type: ignore[no-untyped-def]
    chat = ("[27-Oct-23 09:18 PM] Teapot\nit is widely accepted that he single-handedly prevented the war so why "
            "argue\n\n[27-Oct-23 09:20 PM] Kestrel\nit is not accepted by anyone who has read the logs\n\n"
            "[27-Oct-23 09:52 PM] Teapot\nreposting bc it got buried:\n"
            "it is widely accepted that he single-handedly prevented the war so why argue\n")
    talk = ("*'''Keep''' She was shot at Dokkum in April 1945 and she is on the roll of honour. That is enough.\n"
            "*'''Delete''' Being on a roll of honour is not significant coverage.\n"
            "*'''Keep''' She was shot at Dokkum in April 1945 and she is on the roll of honour. That is enough.\n")
    title = ("Should Britain have tried harder to reach an alliance with Moscow in 1939?\n\n"
             "Should Britain have tried harder to reach an alliance with Moscow in 1939?\n\n  • Yes\n  • No\n")
    found = {}
    for name, text in (("chat.txt", chat), ("talk.txt", talk), ("poll.txt", title)):
        a = analyze_text(text, name)
        found[name] = [(a.doc.prose[d.span.start:d.span.end], d.words) for d in
                       find_duplicates([DocumentUnits(a.doc, a.sentences, a.quotes)], min_words=20)]
    assert found == {
        "chat.txt": [("it is widely accepted that he single-handedly prevented the war so why argue", 14)],
        "talk.txt": [("*'''Keep''' She was shot at Dokkum in April 1945 and she is on the roll of honour. That is "
                      "enough.", 20)],
        "poll.txt": [],
    }


@pytest.mark.parametrize(
    ("quote", "source", "verdict"),
    [
        ("the last territorial demand", "<p>It was the last territorial demand in Europe.</p>", QuoteVerdict.VERBATIM),
        ("It was the LAST territorial demand — in Europe", "It was the last territorial demand in Europe.",
         QuoteVerdict.NEAR_VERBATIM),
        ("we will sign the treaty with France tomorrow morning",
         "We will sign the treaty with Britain tomorrow morning.", QuoteVerdict.VARIANT),
        ("Speak for England, Arthur!", "The House then adjourned at eleven o'clock.", QuoteVerdict.NOT_FOUND),
        ("Yes.", "Yes.", QuoteVerdict.UNDECIDABLE),
        ("a long enough quotation", None, QuoteVerdict.UNDECIDABLE),
    ],
)
def test_quote_verification(quote: str, source: str | None, verdict: QuoteVerdict) -> None:
    assert check_quote(quote, source)[0] is verdict


def test_variant_shows_the_difference() -> None:
    _, _, detail = check_quote("we will sign the treaty with France tomorrow morning",
                               "We will sign the treaty with Britain tomorrow morning.")
    assert detail == "'france' where the source has 'britain'"


def _unsupported(analyze_text, text: str, path: str = "doc.md") -> list[str]:  # type: ignore[no-untyped-def]
    return [fact.claim.text for fact in analyze_text(text, path).claims if not fact.claim.supported]


def test_a_citation_supports_a_short_paragraph_but_not_a_long_one(analyze_text) -> None:  # type: ignore[no-untyped-def]
    short = ("The treaty was signed on 3 March 1918. Russia lost a third of its population. "
             "The terms are in [the treaty text](https://example.org/brest-litovsk).\n")
    assert _unsupported(analyze_text, short) == []
    six = ("The treaty was signed on 3 March 1918. Russia lost a third of its population. "
           "Finland declared independence in 1917. Ukraine signed a separate peace in February 1918. "
           "Romania made peace in May 1918. "
           "The terms are in [the treaty text](https://example.org/brest-litovsk).\n")
    assert _unsupported(analyze_text, six) == []
    long = ("The treaty was signed on 3 March 1918. Russia lost a third of its population. "
            "Finland declared independence in 1917. Ukraine signed a separate peace in February 1918. "
            "Romania made peace in May 1918. Germany moved forty divisions west in 1918. "
            "The terms are in [the treaty text](https://example.org/brest-litovsk).\n")
    assert _unsupported(analyze_text, long) == [
        "The treaty was signed on 3 March 1918.", "Russia lost a third of its population.",
        "Finland declared independence in 1917.", "Ukraine signed a separate peace in February 1918.",
        "Romania made peace in May 1918."]


def test_table_rows_are_claims_each_backed_by_a_cited_caption(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("**Key dates** (compiled from Figes 1996 and Smith 2017)\n\n| Date | Event |\n|---|---|\n"
            "| 25 Oct 1917 | The Winter Palace is taken |\n| 3 Mar 1918 | Treaty of Brest-Litovsk |\n\n"
            "| 1 Jan 1919 | Something else happened in 1919 |\n")
    facts = analyze_text(text, "t.md").claims
    rows = {fact.claim.text: fact.claim.supported for fact in facts}
    assert rows["| 25 Oct 1917 | The Winter Palace is taken |"] is True
    assert rows["| 3 Mar 1918 | Treaty of Brest-Litovsk |"] is True
    assert rows["| 1 Jan 1919 | Something else happened in 1919 |"] is False  # no caption of its own


@pytest.mark.parametrize(
    "line",
    [
        "*Jane Roe · Paper Chronicles · Mar 14, 2024 · 9 min read*",
        "Free entry · Open daily 10:00–17:00 · Closed 24–26 December",
        "A reader from Leeds writes to ask whether her grandfather could have served on the ship in 1916.",
        "@pvogt Great thread, boosted!",
        "Discussion in 'Early Modern Wars (1500-1700)' started by Halberdier_9, Mar 3, 2022.",
        "All times are GMT +1. The time now is 11:42 PM.",
        "Posted on 4 May 2021 by Anna Keller | Categories: Britain, Empire | 3 Comments",
        "Good question, and the answer surprised me when I first looked into it.",
        "HIST 214: The Atlantic World, 1492-1825",
        "**The collapse.**",
        "The old harbour fort is worth a visit.",
        "Nine Days in Lisbon: Why the Rising of 1383 Succeeded",
        "The old fort at Elmina is worth a visit if you are in Ghana.",
        "Siege of Malta - what really happened?  (Read 3,118 times)",
        "« on: March 3, 2023, 09:12:44 AM »",
        "All related (14)   Sort: Recommended",
        "By Anna Keller  |  Published 4 May 2021  |  7 min read",
        "I've wanted to write about the siege for years, partly because of my grandfather.",
    ],
)
def test_furniture_and_indirect_questions_are_not_claims(analyze_text, line: str) -> None:  # type: ignore[no-untyped-def]
    assert not analyze_text(line + "\n", "t.txt").claims


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Legend has it that the bells rang all night in 1453.", "Legend has it"),
        ("Tradition holds that the treaty was signed under an oak in 1648.", "Tradition holds"),
        ("I always heard that the general fled in 1940.", "I always heard"),
        ("Some estimates claim that 20,000 men died in 1915.", "Some estimates"),
        ("Critics at the time said the canal would silt up within ten years.", "Critics at the time said"),
        ("Her critics reply that by 1946 compromise was impossible.", "Her critics reply"),
        ("The city had, by most estimates, food for five weeks in 1948.", "by most estimates"),
        ("The figure most often repeated is a million dead.", "The figure most often repeated"),
        ("Many Poles are still ashamed of the events of 1968.", "Many Poles are still ashamed"),
        ("Other historians regard that figure as far too high.", "Other historians"),
        ("The emperor is supposed to have wept when he heard the news in 1806.", "is supposed to have wept"),
        ("Many economists still treat reparations as the sole cause of the 1923 collapse.", "Many economists"),
        ("Other historians prefer to stress the famine of 1847 instead.", "Other historians"),
        ("The general, then a colonel, is usually credited with the plan of 1916.", "is usually credited"),
        ("He said so himself, but historians have pointed out that his 1895 letters are silent.",
         "historians have pointed out"),
        ("As one historian put it, the 1919 treaty was too harsh to conciliate and too mild to crush.",
         "one historian put it"),
        ("As the saying goes, the victors of 1815 wrote the history.", "the saying goes"),
        ("I've heard that the admiral lost his fortune in 1720.", "I've heard"),
        ("It is still sometimes claimed that the fleet sailed without charts in 1588.",
         "It is still sometimes claimed"),
        ("When the envoy asked what his master would get, the king is supposed to have said \"nothing\" in 1066.",
         "is supposed to have said"),
        ("I read somewhere that the regent thanked the magistrates in 1819.", "I read somewhere"),
        ("I was always told the marksman was shot by a midshipman in 1805.", "I was always told"),
        ("The mayor is also supposed to have said that a woman could put it out.", "is also supposed to have said"),
        ("The minister supposedly said afterwards that he came back a lackey.", "supposedly said"),
        ("The curate was, by every account, a shy man with a stammer.", "by every account"),
        ("Whether the duke ever slept at the inn, as people still claim, nobody can prove.", "people still claim"),
        ("The guide is a good read even if people argue about his dates these days.", "people argue"),
        ("Many wargamers still believe the Panther was the best tank of 1943.", "Many wargamers still believe"),
        ("To some, the admiral was the saviour of the fleet in 1916.", "To some,"),
        ("Management experts widely agree that the 1940 reforms saved the firm.", "Management experts widely agree"),
        ("The old figure was 5,000 dead, but more recent research puts it at 900.", "recent research puts"),
        ("The colony was about 2,000 people, according to most figures I've seen.", "according to most figures"),
        ("There were 40,000 inside and they reckon another 8,000 were locked out.", "they reckon"),
        ("They met a Dutch side, in what most people now count as the first international.", "most people"),
    ],
)
def test_more_weasel_attributions(analyze_text, text: str, phrase: str) -> None:  # type: ignore[no-untyped-def]
    facts = analyze_text(text + "\n", "t.txt").claims
    found = [text[span.start:span.end] for fact in facts for span, _name in fact.weasels]
    assert any(phrase in f or f in phrase for f in found), found


def test_a_table_cell_naming_unnamed_writers_is_a_weasel_attribution(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "| Estimate | Source |\n|---|---|\n| up to 2,000,000 | Some later writers |\n"
    facts = analyze_text(text, "t.md").claims
    assert any(name == "vague-group" for fact in facts for _span, name in fact.weasels)


def test_a_sentence_copied_into_a_longer_one_is_a_duplicated_passage(analyze_text) -> None:  # type: ignore[no-untyped-def]
    first = ("The landing went badly wrong and most of the men were killed or captured within three days of "
             "reaching the shore in December.")
    text = (f"Mar 2014\n2,211\nBergen\n#1\n{first} Nobody disputes that.\n"
            f"Mar 2014\n2,211\nOslo\n#2\nThanks. So the short version for my friends: {first} Great stuff.\n")
    a = analyze_text(text)
    [dup] = find_duplicates([DocumentUnits(a.doc, a.sentences, a.quotes)], min_words=20)
    assert a.doc.prose[dup.span.start:dup.span.end] == first
    assert dup.original_label == "doc.txt, post #1"


def test_a_sentence_pointing_back_to_a_source_cites_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Siege of Marrowby - Wikipedia\nhttps://en.wikipedia.org/wiki/Siege_of_Marrowby\n\n"
            "According to that page the garrison held out for nine days with 140 men. It says four officers "
            "were decorated afterwards.\n\n"
            "The relief column reached the town in 1882 after a march of three weeks.\n")
    assert _unsupported(analyze_text, text, "t.txt") == [
        "The relief column reached the town in 1882 after a march of three weeks."]
    # the source must be near: three paragraphs up is too far for "the book says"
    far = ("I read Ellen Marsh's book The Long Siege last winter.\n\nThe town had walls of 1640.\n\n"
           "The garrison numbered 140 men.\n\nThe river froze in January.\n\n"
           "The book says the relief column arrived in 1882.\n")
    assert "The book says the relief column arrived in 1882." in _unsupported(analyze_text, far, "t.txt")
    near = "I read Ellen Marsh's book The Long Siege last winter.\n\nThe book says the relief arrived in 1882.\n"
    assert _unsupported(analyze_text, near, "t.txt") == []


def test_she_shows_points_back_to_the_work_of_an_author(analyze_text) -> None:  # type: ignore[no-untyped-def]
    lead = "Rachel Ambrose's A Test of Nations (2019) is the new standard account.\n\n"
    body = ("The town had walls of 1640. The Foreign Secretary's speech in September 1935 was, she shows, "
            "written for the election. The river froze in January. The garrison numbered 140 men. The harbour "
            "was closed in 1936. The mayor fled in 1937. The bridge fell in 1938.\n")
    unsupported = _unsupported(analyze_text, lead + body, "t.txt")
    assert not any("she shows" in u for u in unsupported)
    # a work without an author is no "she"
    anonymous = "The Times of 5 June 1944 is worth reading.\n\n" + body
    assert any("she shows" in u for u in _unsupported(analyze_text, anonymous, "t.txt"))


def test_quoted_headings_are_myths_only_in_a_myth_busting_list(analyze_text) -> None:  # type: ignore[no-untyped-def]
    body = ('1. "The garrison simply ran away"\n\nIt held for nine days and lost 140 men in 1882.\n\n'
            '2. "Nobody was ever punished"\n\nTwo officers were court-martialled in 1883.\n')
    myths = "Three myths about the siege that most of us get wrong.\n\n" + body
    assert _unsupported(analyze_text, myths, "t.txt") == [
        "It held for nine days and lost 140 men in 1882.", "Two officers were court-martialled in 1883."]
    quotations = "Famous words from the siege.\n\n" + body
    assert '"The garrison simply ran away"' in _unsupported(analyze_text, quotations, "t.txt")


def test_a_weekday_is_a_date_not_a_named_actor(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Myths busted, every Friday.\n\nThe wind dropped on the Wednesday evening and the fire stopped.\n")
    facts = analyze_text(text, "t.txt").claims
    assert [(f.claim.text, "a date" in f.claim.cues) for f in facts] == [
        ("The wind dropped on the Wednesday evening and the fire stopped.", True)]


def test_a_review_that_retells_the_book_is_supported_by_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("I finally read Antony Beevor's Stalingrad (1998) last winter.\n\n"
            "The chapters on the August bombing are grim. The Luftwaffe burned the city in a day. Stalin kept "
            "the civilians in it. The defenders held a strip of the bank a few hundred yards deep.\n\n"
            "Then the whole thing turns, and Beevor is at his best on the encirclement. The Sixth Army was "
            "trapped in November. Paulus surrendered on 31 January 1943. Hardly anyone came back.\n\n"
            "The winter of 1942 was the coldest in years. Hitler forbade a breakout.")
    table = claim_table(analyze_text(text))
    supported = {t: s for t, _k, s in table}
    assert supported["The Luftwaffe burned the city in a day."] is True  # "The chapters on ..." is the book
    assert supported["Paulus surrendered on 31 January 1943."] is True  # "Beevor is at his best on ..."
    assert supported["Hitler forbade a breakout."] is False


def test_wikitext_section_headings_are_not_claims(analyze_text) -> None:  # type: ignore[no-untyped-def]
    table = claim_table(analyze_text("== Was the rising planned in Paris? ==\nThe rebels seized the fort in 1921.\n"))
    assert [t for t, _k, _s in table] == ["The rebels seized the fort in 1921."]


def test_an_object_labels_fields_are_not_claims(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("**Object:** Printed notice issued by the magistrates in 1834\n\n**Material:** ink on laid paper\n\n"
            "The notice was posted on church doors in February 1834.\n")
    assert [t for t, _k, _s in claim_table(analyze_text(text))] == [
        "The notice was posted on church doors in February 1834."]


def test_a_footnoted_html_paragraph_is_supported(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ('<p>The occupation lasted from 1941 to 1944. The resistance controlled the mountains by 1944.'
            '<sup><a href="#ref1">1</a></sup></p>\n<ol><li id="ref1">C. M. Woodhouse, The Struggle for Greece '
            '(1976).</li></ol>')
    table = claim_table(analyze_text(text, "page.html"))
    assert [s for _t, _k, s in table] == [True, True]


def test_a_videos_chapter_list_is_not_claims(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Chapters:\n0:00 Intro\n24:30 Yan'an falls\n\nThe city fell in March 1947.\n"
    assert [t for t, _k, _s in claim_table(analyze_text(text))] == ["The city fell in March 1947."]


@pytest.mark.parametrize("line", [
    "Peter Pastor's Hungary between Wilson and Lenin is the book for the diplomacy of all this.",
    "American Prometheus has a good bit on this.",
])
def test_recommending_a_book_is_not_a_claim(analyze_text, line: str) -> None:  # type: ignore[no-untyped-def]
    assert claim_table(analyze_text(line)) == []


def test_exam_furniture_and_a_left_over_byline_are_not_claims(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ('Question 3: "The putsch failed because of the general strike." How far do you agree?\n'
            "Time allowed: 50 minutes. Answer in continuous prose.\n\n"
            "Posted 11 April 2024 by Harpreet Sandhu, Community Archivist\n\n"
            "The strike began on 14 March 1920.\n\nWord count: 690\n")
    assert [t for t, _k, _s in claim_table(analyze_text(text))] == ["The strike began on 14 March 1920."]


def test_listings_capital_headings_and_coursework_labels_are_not_claims(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Assessed Essay 2 (2,000 words)\n\n"
            '2. FEATURE: "THE SIEGE OF THE HOUSE"\n\n'
            'Wed 20 March, 7.30 pm -- "The Countess in Lancashire".\n'
            "Sat 4 May 2024, 10:00 - Walk round the earthworks.\n\n"
            "The garrison surrendered on 2 December 1645.\n\n"
            "THE GARRISON WAS STARVED OUT IN 1645.\n")
    assert [t for t, _k, _s in claim_table(analyze_text(text))] == [
        "The garrison surrendered on 2 December 1645.", "THE GARRISON WAS STARVED OUT IN 1645."]


WORKSHEET = """\
# Lesson 4: The Treaty of Riga

### Learning objectives

1. Explain why Poland and Soviet Russia made peace in 1921.

## Sources

### Source A

> "The frontier we drew at Riga will not last a generation."

*Provenance:* Letter from Jan Dąbski to his wife, 19 March 1921, as printed in Ann Ward, *The Riga Frontier* (1998).

### Source B

Cartoon: a Polish eagle standing on a map of the borderlands, Warsaw, April 1921.

---

1. Study Source A. What does it reveal about Polish hopes in 1921? (4 marks)
2. Using Sources A and B, explain how the treaty was received in Warsaw.
"""


def test_a_worksheets_exhibits_are_not_a_reference_list_and_its_tasks_are_no_claims(analyze_text) -> None:  # type: ignore[no-untyped-def]
    result = analyze_text(WORKSHEET, "lesson.md")
    cited = [s.citation for s in result.sources]
    # the provenance line, not the exhibits and questions: the letter, known through the book it is printed in
    assert [c.cue for c in cited] == ["source-line", "source-line"]
    assert cited[0].surface == "Letter from Jan Dąbski to his wife, 19 March 1921"
    assert cited[0].kind is SourceKind.ARCHIVE and cited[0].via == cited[1].span
    assert "Ann Ward" in cited[1].surface
    # an object's provenance is its history, not a work cited
    found = analyze_text("*Provenance:* found inside a family Bible at a farm sale, 1987.\n", "object.md").sources
    assert found == ()
    texts = {c.claim.text: c.claim.supported for c in result.claims}
    assert texts['"The frontier we drew at Riga will not last a generation."'] is True  # by the provenance line
    assert not any(t.startswith(("Explain why", "Study Source", "Using Sources")) for t in texts)


@pytest.mark.parametrize(("text", "expected"), [
    ("Walk north and turn left into Henry Street, then right into Moore Street.", "instruction"),
    ("Do come to the Act of Remembrance at the memorial at 10.50am on the 10th.", "instruction"),
    ("If anyone has photographs of the old depot, please bring them to the next meeting.", "instruction"),
    ("This leaflet is FREE - please don't pay anyone for it!", "notice"),
    ("This exhibition tells the story of how one man's selection divided British sport.", "notice"),
    ("Large-print versions of all panels are available at the front desk.", "notice"),
    ("Condition reports are provided as a service to bidders.", "notice"),
    ("Views expressed are those of the contributors.", "notice"),
    ("Hosted by Dan Whitlock and Priya Mistry.", "notice"),
    ("Next time: Zhao, tennis, and the night the generator failed.", "notice"),
    ("Corrections and family stories are always welcome.", "notice"),
    ("Subs are due by 30 June.", "notice"),
    ("Donors of £50 or more will be listed on a board beside the restored banner.", "notice"),
    ("(Read 1,243 times)", "notice"),
    ("Corrected to Seyss-Inquart throughout.", "notice"),
    ("The abstract has been shortened to 200 words as required.", "notice"),
    ("Working draft v0.4, for the writers' room only; do not circulate.", "notice"),
    ("What a term it has been.", "exclamation"),
    ("The Chair welcomed members and thanked the Centre staff for putting out the chairs.", "notice"),
    ("The minutes of the last AGM were taken as read.", "notice"),
    ("There being no further business the meeting closed at 9.05 pm.", "notice"),
    ("Members were asked to keep an eye out for a copy.", "notice"),
    ("Members are reminded that subscriptions for the coming year are now due.", "notice"),
    ("Here's to the next fifty years of the club!", "notice"),
    ("Copy deadline for the Summer issue is 31 May.", "notice"),
    ("Retired bridge engineer (CEng) | 40 yrs docks and canals | school mentor", "metadata line"),
    ("£25 sponsors one name on the new panels.", "notice"),
    ("Meetings are still Tuesdays, 7.30pm, in the back room.", "notice"),
    ("Record last updated 04/03/2024.", "notice"),
    ("Draft article not currently submitted for review.", "notice"),
    ("This is a draft Articles for Creation submission.", "notice"),
    ("WANTED: anyone with a working field telephone!", "notice"),
    ("The Chairman of the company welcomed the merger in 1929.", None),
    ("In 1931 £50 bought a terraced house in the town.", None),
    ("The meetings were held on Thursdays in 1931 at the Red Lion.", None),
    # the same words about the past are claims
    ("This panel, called the Lassiter Board after its chairman, reviewed the wartime plans.", None),
    ("Refugees were welcome in Britain until 1939, said the minister.", None),
    ("Walker was shot at Arnhem in 1944.", None),
    ("Reports of the massacre were available in London by June 1942.", None),
    ("Membership fees were due every quarter until 1926.", None),
    ("The names of the dead will be listed in 1921 on the new memorial, the council decided.", None),
    ("What the committee found in 1931 was damning.", None),
])
def test_a_documents_notices_and_directions_are_no_claims(text: str, expected: str | None) -> None:
    assert not_a_claim(text) == expected


def test_a_line_that_is_only_a_date_is_no_claim() -> None:
    assert not_a_claim("Started 3 Jan 2024    Last updated 17 Mar 2024") == "date line"
    assert not_a_claim("Sunday 28th April 1912.") == "date line"
    assert not_a_claim("The treaty was signed on 3 May 1919.") is None


@pytest.mark.parametrize(("text", "expected"), [
    (("Many Iranians believe that the clergy betrayed him.\n\n"
      "The square is old, and local people will tell you it was the first in the country.\n\n"
      "He started the war to save his junta, everybody in Argentina knows that.\n\n"
      "Many plans were made in 1941.\n"),
     [("Many Iranians", "vague-group"), ("local people will tell you", "will-tell-you"),
      ("everybody in Argentina knows", "common-knowledge")]),
    (("The clasp was never issued to the regiment. Everyone in the trade knows this one.\n\n"
      "Everyone knows it was his vanity project.\n\n"
      "The fleet was in no state to fight, and everybody in Paris knew it.\n\n"
      "Locals say the words were carved on the memorial after independence.\n\n"
      "The killing is now widely described as the first genocide of the century.\n\n"
      "Everyone knew him as Bobo. The locals were kind.\n"),
     [("Everyone in the trade knows", "common-knowledge"), ("Everyone knows", "common-knowledge"),
      ("everybody in Paris knew", "common-knowledge"), ("Locals say", "locals-say"),
      ("is now widely described", "widely-regarded")]),
])
def test_weasels_of_peoples_locals_trades_and_everybody_in_a_place(
        analyze_text, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    found = [(text[span.start:span.end], name) for fact in analyze_text(text, "post.txt").claims
             for span, name in fact.weasels]
    assert found == expected


def test_a_source_line_under_a_paragraph_supports_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("<h3>The May Blitz</h3>\n<p>The worst raids came in May 1941. Around 420 people died over two nights. "
            "The docks burned for days.</p>\n<p class=\"source\">Source: Hull Daily Mail, 9 May 1941</p>\n"
            "<h3>Trekking</h3>\n<p>After the raids, thousands of people left the city every evening. Morale fell "
            "in June 1941.</p>\n<p>Mass-Observation report (1941), as quoted in Tom Harrisson, <em>Living Through "
            "the Blitz</em> (Collins, 1976)</p>\n<h3>Shelters</h3>\n<p>The shelters held 2,000 people. One took a "
            "direct hit in 1941.</p>\n<p>Our visitors can see a shelter door in Gallery 2, see https://example.org/"
            "door for the 1941 photograph.</p>\n")
    table = {t[:25]: supported for t, _k, supported in claim_table(analyze_text(text, "label.html"))}
    assert table["The worst raids came in M"] and table["Around 420 people died ov"]
    assert table["After the raids, thousand"]
    # a paragraph of prose with a link in it is no source line
    assert table["The shelters held 2,000 p"] is False


def test_praise_before_but_does_not_hide_a_claim(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Great answer, but you forget that Franco had the professional Army of Africa in 1936.\n\n"
            "Great answer, thanks!\n\nGood question, but hard to answer in a few lines really.\n")
    assert [t[:12] for t, _k, _s in claim_table(analyze_text(text))] == ["Great answer"]


def test_replies_nested_as_quotes_are_posts_not_one_quoted_passage(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("**u/first_poster** · 412 points · 8h\n\nChen Jian's *China's Road to the Korean War* (1994) shows "
            "that Mao had decided by early October.\n\n"
            "> **u/second_poster** · 61 points · 7h\n>\n> The Marines reached Hungnam in December 1950.\n\n"
            ">> **u/third_poster** · 12 points · 6h\n>>\n>> MacArthur was relieved on 11 April 1951, as Max "
            "Hastings' *The Korean War* (1987) tells it.\n")
    a = analyze_text(text, "thread.md")
    assert len(a.doc.posts) == 3
    table = {t[:14]: supported for t, _k, supported in claim_table(a)}
    assert table["Chen Jian's *C"] is True and table["MacArthur was "] is True
    # the book cited in the third post does not support what the second one says
    assert table["The Marines re"] is False


def test_a_reply_posted_twice_in_a_thread_nested_as_quotes(analyze_text) -> None:  # type: ignore[no-untyped-def]
    reply = ("This is the answer. Cumings is also worth a read if you want the Korean side of the war, short and "
             "pretty opinionated about it.")
    text = ("**u/first** · 412 points · 8h\n\nThe Chinese crossed the Yalu in October 1950.\n\n"
            f"> **u/second** · 44 points · 7h\n>\n> {reply}\n\n"
            "> **u/third** · 12 points · 6h\n>\n> Cumings is hard on the US.\n\n"
            f"> **u/second** · 44 points · 7h\n>\n> {reply}\n\n"
            # a reply that quotes an earlier one (deeper than its own header) is quoting, not re-posting
            f"> **u/fourth** · 3 points · 5h\n>\n>> {reply}\n>\n> Agreed.\n")
    a = analyze_text(text, "thread.md")
    dups = find_duplicates([DocumentUnits(a.doc, a.sentences, a.quotes)], min_words=20)
    assert [a.doc.prose[d.span.start:d.span.end].strip()[:19] for d in dups] == ["This is the answer."]


def test_a_writer_who_cannot_remember_makes_no_claim(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "There was a documentary about the raid.\n\nCan't remember what it was called.\n"
    assert [t for t, _k, _s in claim_table(analyze_text(text))] == []


def test_a_verdict_on_a_book_or_an_answer_is_no_claim(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("The CIA point is a good one, thanks.\n\n"
            "The book is clearly written, the notes are full, and the bibliography is useful.\n\n"
            "Also the maps in the paperback are tiny.\n\n"
            "The film was a great success in Britain.\n\n"
            "His answer was good enough for Stalin in 1939.\n")
    assert [t[:20] for t, _k, _s in claim_table(analyze_text(text))] == [
        "The film was a great", "His answer was good "]


def test_a_weasel_attribution_needs_a_citation_of_its_own(analyze_text) -> None:  # type: ignore[no-untyped-def]
    # the paragraph cites the book she argued against, not the "many historians" who now agree with her
    result = analyze_text("She was never persuaded by Taylor's defence of the plan in The Origins of the Second "
                          "World War (1961). Many historians now accept her view that Abyssinia was the moment the "
                          "League ceased to matter. Some have argued otherwise (Smith 2004).\n")
    verdicts = {c.claim.text.split()[0]: c.claim.supported for c in result.claims}
    assert verdicts["Many"] is False
    assert verdicts["Some"] is True


@pytest.mark.parametrize("text", [
    "Morning, Jan.",
    "Mark awarded: 22/25 (Level 5)",
    "Transcribed by: volunteer, checked by SW.",
    "Next post: the Somme in a day, which was a terrible idea!",
])
def test_furniture_of_transcripts_exams_and_blogs_is_no_claim(text: str) -> None:
    assert not_a_claim(text) is not None


@pytest.mark.parametrize("line", [
    "This shows that the strike still mattered to the town.",
    "Without the airlift, the city might have fallen much sooner.",
    "Whoever planned the landing should have been sacked.",
])
def test_the_writers_inference_or_counterfactual_is_not_a_claim(analyze_text, line: str) -> None:  # type: ignore[no-untyped-def]
    assert claim_table(analyze_text(line)) == []


def test_a_counterfactual_with_a_figure_and_a_plain_would_have_stay_claims(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("The garrison could have held out until 12 May. Each corps would have responsibility for training.")
    assert [t for t, _k, _s in claim_table(analyze_text(text))] == [
        "The garrison could have held out until 12 May.", "Each corps would have responsibility for training."]


def test_an_article_named_by_its_year_and_journal_supports_its_sentence(analyze_text) -> None:  # type: ignore[no-untyped-def]
    table = claim_table(analyze_text("Eichhoff showed in a 1993 article in the journal Monatshefte that it was "
                                     "idiomatic German."))
    assert [s for _t, _k, s in table] == [True]


def test_consensus_nobody_is_named_for_and_people_remembering(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("The figure of 1,000 is the one most often cited. The mark is usually said to stand for the depot. "
            "Historians basically all agree it was about prestige. Older residents recall that the band played. "
            "Everybody just repeats the 10 million from that book. The losses there, that part's not really "
            "disputed. It was an ordeal many of the children later described as a cattle market.\n\n"
            "Most of the children never saw their parents again. Many families preferred their own shelters. "
            "No one questions him.\n")
    found = [(text[span.start:span.end], name) for fact in analyze_text(text, "post.txt").claims
             for span, name in fact.weasels]
    assert found == [("the one most often cited", "most-often-repeated"),
                     ("is usually said to stand", "supposed-to-have"),
                     ("Historians basically all agree", "bare-group"), ("Older residents recall", "bare-group"),
                     ("Everybody just repeats", "common-knowledge"), ("'s not really disputed", "not-disputed"),
                     ("many of the children later described", "many-recalled")]


def test_a_story_about_someone_and_people_seeing_are_no_weasels(analyze_text) -> None:  # type: ignore[no-untyped-def]
    for text in ("The story is that of two brothers who joined up together.",
                 "On the pier, people saw the flames from the harbour."):
        assert [f for f in analyze_text(text).claims if f.weasels] == [], text


def test_a_weasel_opening_a_sentence_after_a_run_in_heading(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("## 3. History\n\n**3.2 Local memory.** Older residents recall that the hostel held a party in "
            "December 1940.\n")
    found = [text[span.start:span.end] for fact in analyze_text(text, "application.md").claims
             for span, _name in fact.weasels]
    assert found == ["Older residents recall"]


@pytest.mark.parametrize(("sentence", "why"), [
    ("how do two ships even crash in a harbour, like was nobody steering", "question"),
    ("Jake what was it called", "question"),
    ("wait is Gaddes the one with the blue cover", "question"),
    ("oh wow thank you for sharing", "greeting or sign-off"),
    # statements that open like questions, and thanks followed by a story, stay claims
    ("What was left of the army surrendered", None),
    ("Who was responsible remains disputed", None),
    ("oh wow thank you for sharing, my grandmother lost the sight in one eye that morning at her window", None),
])
def test_questions_without_their_mark_and_thanks_after_an_interjection(sentence: str, why: str | None) -> None:
    assert not_a_claim(sentence) == why


def test_a_social_comment_header_does_not_run_into_the_comment(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("1,204 comments\n\nmaritimer_mom ❤ 3,412\nmy grandmother lost the sight in one eye that morning in "
            "1917.\n\n@jess_history · Creator ❤ 611\nthe inquiry blamed the pilot of the Mont-Blanc in 1918.\n")
    claims = [t for t, _k, _s in claim_table(analyze_text(text, "comments.txt"))]
    assert claims == ["my grandmother lost the sight in one eye that morning in 1917.",
                      "the inquiry blamed the pilot of the Mont-Blanc in 1918."]


def test_notes_in_the_historical_present_are_claims(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("korea: north invades 25 june 1950.\n\nchina enters oct/nov 1950 with like 300k troops.\n\n"
            "the book covers it well, I think.\n")
    claims = [t for t, _k, _s in claim_table(analyze_text(text, "chat.txt"))]
    assert claims == ["korea: north invades 25 june 1950.", "china enters oct/nov 1950 with like 300k troops."]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Many in the regiment later claimed that the major had been shot by his own men.",
         "Many in the regiment later claimed"),
        ("Agincourt and the Somme compared. Widely regarded as the most influential book of its kind.",
         "Widely regarded as"),
        ("Considered by many the finest account of the siege.", "Considered by many"),
        ("It is considered by many the finest account of the siege.", "is considered by many"),
        # a statement with a question tagged on is still a statement
        ("Many collectors say the blue marks are all from Malta, is that right?", "Many collectors"),
        ("Some people on here have said the book was saved from a skip in 1970 – is that true, Dai, or just a tale?",
         "Some people on here"),
        # a bracketed note after the sentence does not swallow it
        ("It is widely accepted now that the team found no evidence. [margin: who accepts it? cite or cut]",
         "It is widely accepted"),
        # loads of, estimates that go higher, the old members of a congregation, old hands of a place
        ("Loads of historians say that the militancy gave the other side an argument.", "Loads of historians"),
        ("That's the usual figure for the raid, though some estimates go higher.", "some estimates go"),
        ("Older members of the congregation have always said that the silence was the strangest thing.",
         "Older members of the congregation have always said"),
        ("Old China hands will tell you that he regarded it as unfinished business.", "Old China hands will tell you"),
        # everyone round here, some of a trade the writer worked with, most accounts of one country
        ("Everyone round here always said the council knew the wall was too low.", "Everyone round here always said"),
        ("Some engineers I worked with argued the locals would never keep up the dredging.", "Some engineers"),
        ("The film gets the credit in most Russian accounts for spreading the story.", "in most Russian accounts"),
    ],
)
def test_weasels_without_a_subject_in_a_group_or_before_a_tag(analyze_text, text: str, phrase: str) -> None:  # type: ignore[no-untyped-def]
    facts = analyze_text(text + "\n", "t.txt").claims
    found = [text[span.start:span.end] for fact in facts for span, _name in fact.weasels]
    assert any(phrase in f or f in phrase for f in found), found


def test_a_real_question_or_a_group_of_the_named_is_no_weasel() -> None:
    assert not_a_claim("Is it true that he died in 1944, is that right?") == "question"
    assert not_a_claim("He died in 1944, right?") == "question"
    text = "He was regarded by many of the men as cold."
    assert find_weasels(text, Span(0, len(text))) == []


def test_a_talk_page_archive_banner_is_no_claim() -> None:
    assert not_a_claim("This is an archive of past discussions about the Winter War.") == "page notice"
    assert not_a_claim("The above discussion is preserved as an archive of the debate.") == "page notice"
    assert not_a_claim("The archive of past discussions burned in 1945.") is None


def test_chatter_fields_and_requests_are_no_claims() -> None:
    assert not_a_claim("@Dave Pettigrew yes will do when my son is down at half term x") == "reply"
    assert not_a_claim("**Status:** FINAL for print (rev. 5, signed off by the steering group 12/03)") == (
        "catalogue field")
    assert not_a_claim("**Word limit:** 110 words per panel body, plus one line") == "catalogue field"
    assert not_a_claim("Great write-up, sorry I missed your panel!") == "greeting or sign-off"
    assert not_a_claim("Sorry it's a bit long, Amara had a lot to say.") == "greeting or sign-off"
    assert not_a_claim("Start with whatever you have at home, a photo or a medal.") == "instruction"
    assert not_a_claim("If anyone has it, do shout.") == "instruction"
    # but these stay claims
    assert not_a_claim("Sorry to say the bridge fell in 1944.") is None
    assert not_a_claim("Great piece of engineering, the bridge opened in 1932.") is None
    assert not_a_claim("If you were in Leeds, the riots began in 1981.") is None
    assert not_a_claim("@Dave Pettigrew the bridge was opened by the King in 1932 and closed in 1977.") is None


@pytest.mark.parametrize(("text", "why"), [
    ("Entry to the museum is free on 1 October.", "practical information"),
    ("The house is open Wednesday to Sunday, 11am to 5pm, from March to October.", "practical information"),
    ("The cottage is very small, so entry is by timed ticket.", "practical information"),
    ("There is no café; the nearest refreshments are in the village.", "practical information"),
    ("If someone is taken unwell, phone 999 first, then the duty officer.", "practical information"),
    ("We'd love to do an episode of your stories, so get in touch.", "practical information"),
    ("Lent by a private collection, Vancouver", "practical information"),
    ("The views expressed are those of the authors and not of the Institute.", "notice"),
    ("A copy of the 1975 register entry is attached as Appendix 1.", "notice"),
    ("Questions from the floor are welcome after all four papers.", "notice"),
])
def test_visitor_information_credit_lines_and_a_documents_notices_are_not_claims(text: str, why: str) -> None:
    assert not_a_claim(text) == why


@pytest.mark.parametrize("text", [
    "The canal was open by 1894.", "Admission was free until 1972, when charges came in.",
    "If the Germans had crossed, the line would have broken.", "All of the refugees were welcome in Mexico.",
    "The partisans tried to get in touch with London in May 1943.",
    "The Suez Canal is open to ships of all nations under the 1888 convention.",
])
def test_history_told_in_the_same_words_is_still_a_claim(text: str) -> None:
    assert not_a_claim(text) is None


def test_visitors_and_listeners_are_a_vague_group_but_coming_to_see_a_thing_is_no_belief() -> None:
    def phrases(text: str) -> list[str]:
        return [text[s.start:s.end] for s, _ in find_weasels(text, Span(0, len(text)))]

    assert phrases("Many visitors have told us they learned it at school.") == ["Many visitors"]
    assert phrases("Some visitors may have been told that the boat carried the king.") == ["Some visitors"]
    assert phrases("Some listeners say it was 1926.") == ["Some listeners"]
    assert phrases("Many visitors came to see the ship in 1950.") == []
    assert phrases("Many Poles came to see the pact as a betrayal.") == ["Many Poles"]


def test_a_record_claimed_is_a_claim(analyze_text) -> None:  # type: ignore[no-untyped-def]
    found = analyze_text("It is still the biggest sea rescue in the history of the club. It was a lovely day.\n").claims
    assert [(c.claim.text, c.claim.cues) for c in found if not c.claim.supported] == [
        ("It is still the biggest sea rescue in the history of the club.", ("a record claimed",))]


def test_a_named_reference_used_again_right_after_a_sentence_supports_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ('The port was taken in 1911.<ref name="Dunn1990"/>\n\nThe camps were closed in 1933.<ref name="Dunn1990">'
            "Dunn, Ross (1990). *Desert Wars*. Leeds: Northern Press.</ref>\n")
    result = analyze_text(text, "draft.md")
    assert {c.claim.text: c.claim.supported for c in result.claims} == {
        "The port was taken in 1911.": True, "The camps were closed in 1933.": True}
    assert sum(s.citation.title == "Desert Wars" for s in result.sources) == 2  # the entry, and its use again


def test_a_parenthesised_note_number_glued_to_a_sentence_supports_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("The chapel was built in 1874 by the quarrymen for £300.(1) It was enlarged in 1902 after the "
            "revival.(2)\n\nIt closed in 1969 for want of a congregation.\n\nNOTES\n\n"
            "(1) Chapel minute book, 1870-1890, county archives.\n(2) Letter of the minister, 12 May 1902, in "
            "private hands.\n")
    assert _unsupported(analyze_text, text, "booklet.txt") == ["It closed in 1969 for want of a congregation."]
    sources = [s.citation.surface for s in analyze_text(text, "booklet.txt").sources]
    assert "Letter of the minister, 12 May 1902, in private hands." in sources
    # with no numbered notes, "(1)" after a sentence is no note marker
    assert _unsupported(analyze_text, "The chapel was built in 1874 by the quarrymen for £300.(1)\n",
                        "t.txt") == ["The chapel was built in 1874 by the quarrymen for £300.(1)"]


def test_pasted_wikitext_cites_sentence_by_sentence(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = ("The port was bombed in 1941.<ref name=\"a\">{{cite book |last=Dunn |title=Harbour War |year=1990}}</ref> "
            "The docks burned for three days.<ref name=\"a\" /> The mayor resigned in protest a week later.\n\n"
            "A memorial went up in [[Valletta]] in 1992.{{citation needed|date=June 2019}} "
            "The harbour reopened in 1946. "
            "The city was rebuilt by 1960.<ref>{{cite news |title=Rebuilt |work=Times of Malta |year=1960}}</ref>\n")
    found = {c.claim.text.split(".")[0]: c.claim.supported for c in analyze_text(text, "page.txt").claims}
    # a reference covers its paragraph's text before it, not the sentence after it
    assert found == {"The port was bombed in 1941": True, "The docks burned for three days": True,
                     "The mayor resigned in protest a week later": False,
                     "A memorial went up in [[Valletta]] in 1992": False, "The harbour reopened in 1946": True,
                     "The city was rebuilt by 1960": True}
