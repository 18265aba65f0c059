"""Citations written informally in prose.

"a book by Gorodetsky", "the diaries of Chernyaev", "Franz Halder's war journal", "historian
Stolfi argues", "according to Geoffrey Roberts (1989)", "(Taylor 1961)", "a thesis about the
cabinet", "his memoirs", "Liddell Hart's The German Generals Talk", ISBNs and DOIs.

A person merely discussed is not a source: a name becomes a citation only with a work noun,
a role that writes history ("historian X"), a scholarly reporting verb for a name known to be
an author (from the lexicon, or from this document's own references), or a year in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import chain

from rapidfuzz.distance import Levenshtein

from citecheck.extract.vocabulary import (
    ANAPHORIC_SECOND_HAND,
    BACK_SECOND_HAND,
    CALENDAR_DAY,
    CAME_BY_VERBS,
    MONTHS,
    NEEDS_AUTHOR,
    NEWSPAPER_NAMES,
    OF_AUTHOR_NOUNS,
    READ_IN_CLAUSE,
    READING_VERBS,
    ROLE_NOUNS,
    SCHOLARLY_VERBS,
    WEEKDAYS,
    WORK_NOUNS,
    WRITER_HAS,
    YEAR,
    is_publisher,
    starts_sentence,
    surname_of,
)
from citecheck.letters import LOWER, UPPER
from citecheck.model import Citation, SourceKind, Span

TITLES = (r"(?:Professor|Prof\.|Dr\.?|General|Gen\.|Colonel|Col\.|Admiral|Adm\.|Marshal|Field Marshal|Captain|"
          r"Capt\.|Lord|Lady|Sir|Dame|President|Minister|Ambassador|Chancellor|Premier|Mr\.?|Mrs\.?|Ms\.?|"
          r"Lieutenant|Lt\.?|Major|Maj\.|Sergeant|Sgt\.?|Corporal|Cpl\.?|Private|Pte\.?|Commander|Cdr\.|"
          r"Brigadier|Brig\.|Commodore|Rear|Vice|Reverend|Rev\.|Father)")
NAME_WORD = (rf"(?:(?:[A-Z]['’](?=[A-Z])|Ma?c(?=[A-Z])|Fitz(?=[A-Z]))?[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)*|"
             r"[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z]{2,}(?=[\s,.;:)]))")
PARTICLE = r"(?:von|van|de|der|den|du|da|di|del|la|le|ter|bin|ibn|al|Ó|Ní|Ua|Nic)"
PERSON = rf"{NAME_WORD}(?:(?:[ \t]|\n(?!\n))(?:{PARTICLE}[ \t])?{NAME_WORD}){{0,3}}"
_PERSON_RE = re.compile(PERSON)
_WORK_NOUN_ALT = "|".join(sorted((re.escape(w) for w in WORK_NOUNS), key=len, reverse=True))
_DETERMINER = (r"(?:a|an|the|his|her|their|its|my|our|this|that|these|those|one|two|three|four|five|six|several|"
               r"some|another|any|each)")
_FUNCTION_WORDS = (
    "a|an|the|and|or|but|of|in|on|at|to|for|from|with|by|about|as|into|than|that|this|these|those|which|who|"
    "whom|whose|what|is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|may|"
    "might|must|i|we|you|he|she|it|they|his|her|its|their|our|my|your|me|him|us|them|not|no|so|if|then|there|"
    "here|also|only|even|just|still|yet|all|both|each|some|any|such|after|before|since|until|while|when|where|"
    "why|how|read|found|saw|seen|see|watched|started|wrote|written|introduction|discovery"
)
_NOT_ADJ = _FUNCTION_WORDS + "|" + _WORK_NOUN_ALT
_FUNCTION_WORD = re.compile(f"(?:{_FUNCTION_WORDS})")
_ADJ = (rf"(?:(?!(?:{_NOT_ADJ})\b)[a-z][a-z'’-]+|[A-Z][a-z]+-[A-Z][a-z]+|French|German|British|English|Dutch|Russian|"
        rf"Soviet|Polish|Italian|American|Spanish|Czech|Japanese|Chinese|Belgian|Swiss|Austrian|Hungarian|Romanian|"
        rf"Bulgarian|Finnish|Swedish|Israeli|Franco-German|Anglo-French)")

_CONVERSATION_NOUNS = frozenset({"podcast", "podcasts", "interview", "interviews", "episode", "episodes", "lecture",
                                 "lectures", "programme", "program", "broadcast", "documentary", "conversation"})
_BOOKISH_AFTER = re.compile(r"[^.;!?\n]{0,40}?\b(?:chapters?|pages?|volumes?|edition|preface|introduction|footnotes?|"
                            r"argues|shows|describes|tells|recounts|is (?:a|the) (?:book|study|history))\b")
_ORGANISATION = re.compile(r"\b(?:channel|network|station|broadcaster|newspaper|magazine|publisher|website|site|blog|"
                           r"paper|press|agency)\b")
_BROADCASTER = (r"(?:BBC(?:[ \t]+(?:One|Two|Three|Four|World|Radio[ \t]+\d))?|ITV|Channel[ \t]+(?:4|5|Four|Five)|PBS|"
                r"Arte|ZDF|ARD|RAI|CBC|ABC|NHK|CNN|HBO|Netflix|YouTube|Sky[ \t]+(?:History|Arts|Documentaries)|"
                r"SBS|TVNZ|RT[EÉ]|S4C|SABC|Al[ \t]+Jazeera|"
                r"(?:the[ \t]+)?History(?:[ \t]+Channel)?|(?:the[ \t]+)?Discovery[ \t]+Channel|"
                r"National[ \t]+Geographic|Radio[ \t]+\d|[A-Z][a-z]+[ \t]+(?:TV|[Tt]elevision|[Rr]adio))")
# "a documentary on BBC Four": a broadcast work and where it ran (as "a documentary from the channel Arte")
_MORE_NAME_WORDS = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){0,3}")
_ON_BROADCASTER = re.compile(
    rf"\b(?P<det>[Aa]n?|[Tt]he|[Oo]ne|[Tt]his|[Tt]hat)[ \t]+(?P<adjs>(?:[a-z][\w-]*[ \t]+){{0,2}}?)"
    rf"(?P<noun>documentary|documentaries|doco|docos|programme|program|series|film|episode|podcast|broadcast)[ \t]+"
    rf"(?:on|from)[ \t]+(?P<who>{_BROADCASTER})\b")
_WORK_BY = re.compile(
    rf"\b(?P<det>{_DETERMINER}\s+)?(?P<adjs>(?:{_ADJ}\s+){{0,3}})(?P<noun>{_WORK_NOUN_ALT})"
    # "a book on the Battle of Britain by Overy": a subject with a name only before "by"
    rf"(?P<tail>(?:\s+(?:of|on|about|in)\s+(?:the\s+)?(?:[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}}|"
    rf"[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){{0,3}}(?=\s+by\s)))?)"
    # "the scrapbook kept by the late Alf Carmody"
    rf"\s+(?:(?:kept|compiled|assembled)\s+(?=by\s))?"
    rf"(?:(?P<prep>by|of|from|with)\s+)(?:the\s+)?(?P<who>(?:(?:[A-Za-z][\w-]*\s+){{0,2}}?(?:channel|network|station|"
    rf"broadcaster|newspaper|magazine|publisher|website|site|blog|paper|press|agency)\s+|"
    rf"(?:[a-z][\w-]*|[A-Z][\w-]*-[A-Z][\w-]*)\s+){{0,3}}{PERSON})"
)
_DESCRIBED_PERSON = re.compile(r"(?:an?|some)\s+(?:[a-z][\w-]*\s+){0,2}[A-Z]")
_DESCRIBED_PERSON_NOUN = re.compile(r"[ \t]+(?!(?:on|in|about|and|or|that|which|who|from|at|for|of|to|with|was|is|"
                                    r"had|has|said|says|wrote|writes)\b|[a-z]+(?:ing|ed)\b)[a-z]{3,}\b")
# a writer's own record, capitalised as if a title: "Mann's own Memoirs"
_CAPITAL_RECORD_NOUNS = ("Memoirs", "Memoir", "Diaries", "Diary", "Autobiography", "Journal", "Journals", "Letters",
                         "Papers")
_POSSESSIVE_WORK = re.compile(
    rf"(?P<who>{PERSON}(?:[ \t]+(?:and|&)[ \t]+{PERSON})?)['’]s?\s+"
    rf"(?P<adjs>(?:{YEAR}\s+)?(?:[a-z][a-z-]+\s+){{0,2}}(?:[A-Z][a-z]+\s+)?)"
    rf"(?P<noun>{_WORK_NOUN_ALT}|(?<=own\s)(?:{'|'.join(_CAPITAL_RECORD_NOUNS)}))\b"
)  # "Cronin's 1980 biography", "Beevor's excellent book", "Mann's own Memoirs"
# the nouns of "the Hossbach memorandum", "the Malin notes", "the Nixon tapes", "the Neufeld and Berenbaum volume"
_COMPOUND_NOUNS = ("diaries", "diary", "papers", "memoirs", "memoir", "autobiography", "journals", "files", "letters",
                   "report", "documents", "archives", "notebooks", "notes", "tapes", "transcripts", "memorandum",
                   "memo", "protocol", "minutes", "telegram", "book", "biography", "volume", "collection")
# capitalised, the noun makes a title: "The Rommel Papers", "The Pentagon Papers", "The Warren Report"
_COMPOUND_TITLE_NOUNS = ("Papers", "Diaries", "Diary", "Memoirs", "Letters", "Notebooks", "Journals", "Tapes",
                         "Report", "Files")
_COMPOUND_WORK = re.compile(
    rf"\b[Tt]he\s+(?P<who>{NAME_WORD}(?:\s{NAME_WORD})?)(?:\s+(?:and|&)\s+(?P<other>{NAME_WORD}))?\s+"
    rf"(?P<noun>{'|'.join(_COMPOUND_NOUNS)}|(?P<titled>{'|'.join(_COMPOUND_TITLE_NOUNS)}))\b"
)
_POSSESSIVE_TITLE = re.compile(
    rf"(?P<who>{PERSON}(?:[ \t]+(?:and|&)[ \t]+{PERSON})?)['’]s?(?:[ \t]+|[ \t]*\n[ \t]*)"
    rf"(?P<title>(?:(?:The|A|An)\b|[A-Z][\w'’-]+|\d{{4}}(?=:))(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|a|an|and|in|on|"
    rf"to|for|from|with|at|by|de|la|le|du|des|del|della|di|von|van|der|[\d–-]+))*"
    # "The Berlin Wall: A World Divided, 1961-1989"
    rf"(?::\s+(?:[A-Z][\w'’-]*|\d[\d–-]*)(?:,[ \t]+\d[\d–-]*|[ \t]+(?:[A-Z][\w'’-]*|of|the|a|an|and|in|on|to|for|"
    rf"from|with|at|by|[\d–-]+))*)?)"
    rf"(?=[\s,.;:)?!]|$)"
)
_POSSESSIVE_QUOTED_TITLE = re.compile(
    rf"(?P<who>{PERSON}(?:[ \t]+(?:and|&)[ \t]+{PERSON})?)['’]s?[ \t]+"
    rf"[\"“](?P<title>[A-Z][^\"“”\n]{{2,160}}?)[,.]?[\"”]")
_PUBLISHED_AFTER = re.compile(rf",?[ \t]+(?:\(|published|first[ \t]+published|which[ \t]+(?:I|we|many|most)|{YEAR})")
_PHRASE_NOUN_AFTER = re.compile(r"[ \t]+(?:speech|speeches|remark|phrase|line|slogan|comment|quip|doctrine|policy|plan|"
                                r"order|telegram|note|memo|memorandum|address|broadcast|declaration|statement|offer)\b")
_MILITARY_UNIT = re.compile(
    r"^(?:[IVXLC]+|\d+(?:st|nd|rd|th)?|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\b"
    r"|\b(?:Corps|Army|Armies|Division|Divisions|Brigade|Regiment|Battalion|Fleet|Squadron|Flotilla|Wing|"
    r"Company|Battery|Legion|Guards|Rifles|Fusiliers|Panzergruppe|Panzer Group|Army Group)"
    r"(?:[ \t]+(?:[A-Z]|[IVXLC]+|\d+|North|South|Centre|Center))?$")  # "Rundstedt's Army Group A"
# "Acheson's State Department", "the Prime Minister's Office and the National Archives": an office, not a title
_INSTITUTION_WORDS = frozenset({
    "Department", "Ministry", "Office", "Cabinet", "Party", "Government", "Administration", "Embassy", "Legation",
    "Commission", "Council", "Committee", "Bureau", "Agency", "Service", "Staff", "Court", "Household", "Treasury",
    "Admiralty", "Senate", "Congress", "Parliament", "Police", "Archives", "Museum", "Institute"})
# "Hitler's interpreter, Paul Schmidt", "Stalin's daughter": someone known by whom they served
_SERVANTS = ("interpreter", "secretary", "aide", "aide-de-camp", "adjutant", "wife", "husband", "widow", "son",
             "daughter", "brother", "sister", "mother", "father", "doctor", "physician", "valet", "chauffeur",
             "driver", "bodyguard", "translator", "adviser", "advisor", "assistant", "deputy", "mistress", "nephew",
             "niece", "cook", "butler", "architect", "photographer", "pilot", "press officer", "chief of staff",
             "private secretary", "confidant")
_SERVANT_OF = re.compile(rf"['’]s?[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}?(?:{'|'.join(_SERVANTS)})\b"
                         rf"(?:,?[ \t]+(?P<name>{PERSON}))?")
_NAME_PAREN_TITLE = re.compile(
    rf"(?P<who>{PERSON})[ \t]+\((?P<title>(?:(?:The|A|An)\b|[A-Z][\w'’-]+)(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|a|an|and|in|"
    rf"on|to|for|from|with|at|by|[\d–-]+))*(?::[ \t]+[A-Za-z][^.;()\n]{{0,80}}?)?)\)"
)
_ROLE_NAME = re.compile(
    rf"(?P<according>\b[Aa]ccording to\s+(?:the\s+|a\s+)?)?\b(?P<role>(?i:{ROLE_NOUNS}))\s+"
    rf"(?:(?:like|such as|including)\s+)?"
    rf"(?P<who>{PERSON})(?P<verb>\s+(?:also\s+)?[a-z]+(?:\s+(?:to|out|that|[a-z]+))?)?"
)
_WHAT_WAS_WRITTEN = re.compile(r"[ \t]*(?:that|of|about|in|on|to|so|how|what|why|there|this|these|later|afterwards|"
                               r"bluntly|simply|plainly|[:,\"“'‘—–(-])", re.IGNORECASE)
_GOT_IT_FROM = re.compile(
    rf"\b(?:I|we)(?:['’](?:ve|d))?[ \t]+(?:(?:have|had)[ \t]+)?(?:(?:only|first|ever|never|just)[ \t]+)?"
    rf"{CAME_BY_VERBS}\b[^.!?\n]{{0,80}}?"
    rf"\b(?:from|through|via|(?:quoted|cited)[ \t]+by)[ \t]+(?P<who>{PERSON})(?![\w'’])")
_AUTHOR_VERB = re.compile(rf"(?P<who>{PERSON})(?P<verb>\s+[a-z]+(?:\s+[a-z]+){{0,3}})")
_ACCORDING = re.compile(
    rf"\b(?:[Aa]ccording\s+to|[Pp]er(?=\s+(?:the\s+)?[A-Z]))\s+(?P<what>(?:the\s+)?(?:{PERSON}|[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){{0,4}})"
    rf"(?:['’]s?\s+(?:[a-z]+\s+){{0,2}}(?:{_WORK_NOUN_ALT}))?(?:\s+in\s+[\"'“‘?]?[A-Z][^,.;\n\"”]{{2,80}}[\"'”’?]?)?"
    rf"(?:\s*\(\s*{YEAR}[a-z]?\s*\))?)"
)
# "Evans", "Hart and Hart", "Hanley, Choe and Mendoza", "Kershaw et al."
_AUTHOR_LIST = r"[A-Z][\w'’-]+(?:(?:,?\s(?:and|&)\s|,\s)[A-Z][\w'’-]+){0,4}(?:\set\sal\.)?"
_AUTHOR_YEAR_PAREN = re.compile(
    rf"\((?P<body>(?:see\s+(?:also\s+)?|cf\.\s+|e\.g\.\s+|(?:[a-z]+\s+){{1,3}}(?=[A-Z]))?(?:{_AUTHOR_LIST},?\s{YEAR}[a-z]?(?:/\d{{2,4}}|[-–]{YEAR})?"
    rf"(?:[,:]\s*(?:(?:pp?|ch|chap)\.\s*|chapter\s+)?[\divxlc]+(?:[-–]\d+)?)?(?:;\s*|,\s*(?=[A-Z])|\s+and\s+(?=[A-Z])"
    # "(Bismarck 1898, quoted in Howard 1961: 55)": the source and the work it is read in
    rf"|,?\s+(?:as\s+)?(?:quoted|cited|reproduced|translated|printed)\s+in\s+(?=[A-Z]))?)+)\)"
)
_COMES_FROM_BODY = re.compile(
    r"\b(?:figures?|numbers?|estimates?|data|statistics?|count|totals?|tally|toll)\b[^.;!?\n]{0,30}?"
    r"\b(?:comes?|came|is|are|was|were)\s+(?:taken\s+)?from\s+(?:the\s+)?(?P<body>(?:[A-Z][\w'’-]+\s+){0,3}(?:Institute|Archives?|Museum|"
    r"Library|Office|Ministry|Commission|Committee|Bureau|Centre|Center|Foundation|Agency|Survey|Census|Department)\b"
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:of|for|and|the|[A-Z][\w'’-]+))*)?)")
_IN_AUTHOR_PAGES = re.compile(r"\b(?:in|see|cf\.)[ \t]+(?P<who>[A-Z][\w'’-]+)(?:['’]s)?,?[ \t]+"
                              r"(?:pp?\.|pages?)[ \t]*\d+(?:[-–]\d+)?")
# "(Davin, 1953, which is online at ...)": an author and year opening a longer aside
_AUTHOR_YEAR_ASIDE = re.compile(
    rf"\((?P<who>[A-Z][\w'’-]+(?:\s(?:and|&)\s[A-Z][\w'’-]+)?),\s(?P<year>{YEAR}),\s+(?=[a-z])")
_TITLE_SMALL = (r"of|the|a|an|and|or|in|on|to|for|from|with|at|by|its|his|her|their|our|my|into|over|under|after|"
                r"before|against|between|without|through|upon|as|vs\.?|versus|nor|is|not|no|de|la|le|du|des|der|die|das|"
                r"von|van")
_TRAILING_SMALL = re.compile(rf"(?:[ \t]+(?:{_TITLE_SMALL}))+$")
_TITLE_SMALL_WORDS = frozenset(_TITLE_SMALL.split("|"))
_ARTICLE_OR_SMALL = re.compile(rf"\b(?:The|A|An|{_TITLE_SMALL})\b")
# the words of a title after its first: capitalised words, small words, numbers ("The Third Reich at War")
_TITLE_TAIL = rf"(?:[ \t]+(?:[A-Z][\w'’:-]*|(?:{_TITLE_SMALL})\b|[\d–-]+)){{0,14}}"
# "P.O.W.", "A.J." or "U.S." as a word of a title
_INITIALISM = r"(?:[A-Z]\.){2,}(?![\w])"
_TITLE_WORDS = (rf"(?:{_INITIALISM}|(?:The|A|An)\b|[A-Z][\w'’-]*|\d{{4}}:)"
                rf"(?:[ \t]+(?:{_INITIALISM}|[A-Z][\w'’:,-]*|{_TITLE_SMALL}|[\d–-]+)){{0,18}}")
_AUTHOR_TITLE_PUB = re.compile(
    rf"(?P<who>{PERSON})(?:[ \t]+\((?:ed|eds|comp)\.?\))?,[ \t]+[\"“‘*_]?(?P<title>{_TITLE_WORDS})[\"”’*_]?[ \t]*"
    # "(1961, revised many times)", "(1961; rev. 2001)": an edition's note after the year
    rf"\((?P<pub>[^()\n]{{0,80}}?)?(?P<year>{YEAR})"
    rf"(?:[,;][ \t]*(?:rev|revised|reprinted|repr|new|2nd|3rd|\d+th)\b[^()\n]{{0,40}})?\)"
)
_AUTHOR_QUOTED_TITLE_NOUN = re.compile(
    rf"(?P<who>{PERSON}),[ \t]+[\"“](?P<title>[A-Z][^\"”\n]{{2,120}}?)[,.]?[\"”],?[ \t]+(?:(?:a|an|the|his|her)[ \t]+)?"
    rf"(?:[a-z]+[ \t]+)?(?P<noun>speech|address|lecture|sermon|letter|pamphlet|essay|article|poem|editorial|"
    rf"report|memorandum|broadside|oration|testimony|song|review)\b"
)
# 'Robert Tombs, "How Bloody was the Semaine sanglante? A Revision", *The Historical Journal* 55:3 (2012)',
# 'put by James Kitchens in "The Bombing of Auschwitz Re-examined," *Journal of Military History* 58 (1994)'
_AUTHOR_ARTICLE_IN_JOURNAL = re.compile(
    rf"(?P<who>{PERSON})(?:,|[ \t]+in)[ \t]+[\"“‘](?P<title>[A-Z][^\n]{{2,200}}?)[,.]?[\"”’],?[ \t]+(?:in[ \t]+)?[*_]?"
    rf"(?P<journal>(?:The[ \t]+)?[A-Z][\w&'’.-]*(?:[ \t]+(?:of|and|for|on|in|the|&|[A-Z][\w&'’.-]*)){{0,8}})[*_]?,?"
    rf"[ \t]+(?:(?:[Vv]ol\.?[ \t]*)?\d{{1,4}}"
    rf"(?:[:.][ \t]*\d{{1,4}}|[ \t]*\(\d{{1,2}}\)|,[ \t]*(?:[Nn]o\.?[ \t]*)?\d{{1,3}})?"
    rf",?[ \t]*)?\((?:[A-Z][a-z]+\.?[ \t]+)?(?P<year>{YEAR})\)"
)
# 'George Steer, "The Tragedy of Guernica", The Times, 28 April 1937': an article in a dated paper
_AUTHOR_ARTICLE_IN_PAPER = re.compile(
    rf"(?P<who>{PERSON}),[ \t]+[\"“‘](?P<title>[A-Z][^\n\"”]{{2,200}}?)[,.]?[\"”’],?[ \t]+[*_]?"
    rf"(?P<journal>(?:The[ \t]+)?[A-Z][\w&'’.-]*(?:[ \t]+(?:of|and|the|[A-Z][\w&'’.-]*)){{0,4}})[*_]?,[ \t]+"
    rf"(?:\d{{1,2}}[ \t]+)?(?:{'|'.join(MONTHS)})(?:[ \t]+\d{{1,2}})?,?[ \t]+(?P<year>{YEAR})\b")
_TITLE_BY_AUTHOR = re.compile(
    rf"[\"“‘*_]?(?P<title>(?:The|A|An)[ \t]+{_TITLE_WORDS})[\"”’*_]?[ \t]+by[ \t]+(?P<who>{PERSON})"
    rf"(?:[ \t]*\((?P<pub>[^()\n]{{0,80}}?)?(?P<year>{YEAR})\))?"
)
# "as reproduced by Ruth Dale in The Long Strike (Gomer, 1998)": the author, then the work they wrote it in
_BY_AUTHOR_IN_TITLE = re.compile(
    rf"(?<=\bby[ \t])(?P<who>{PERSON})[ \t]+in[ \t]+[\"“‘*_]?(?P<title>(?:The|A|An)[ \t]+{_TITLE_WORDS})[\"”’*_]?[ \t]*"
    rf"\((?P<pub>[^()\n]{{0,80}}?)?(?P<year>{YEAR})\)")
_POSSESSIVE_TITLE_YEAR = re.compile(
    # "Southworth's Guernica! Guernica! (1977)", "Herwig's "Luxury" Fleet (1980)"
    # "Grass's novella Crabwalk (2002)"
    rf"(?P<who>{PERSON})['’]s?[ \t]+(?:own[ \t]+)?(?:(?:[a-z]+[ \t]+){{0,2}}?(?:novella|novel|book|memoir|biography|"
    rf"study|history|film|documentary|play|"
    rf"poem|monograph)[ \t]+)?[*_]?(?P<title>[\"“]?[A-Z\d](?:[^()\n.;?*]|(?<=\b[A-Z])\.){{0,120}}?)[*_\"”]?[ \t]*"
    rf"\((?:[A-Z][^()\n,]{{1,50}},[ \t]*)?(?P<year>{YEAR})\)"  # "Swinson's Kohima (Cassell, 1966)"
)
_DATEISH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b|^(?:born|died|b\.|d\.|c\.|ca\.)\s|\d{4}\s*[-–—]"
)
_AUTHOR_PAREN_TITLE = re.compile(
    rf"(?P<who>{PERSON})[ \t]*\([*_\"“]?(?P<title>[A-Z\d][^()\n]{{2,120}}?)[*_\"”]?,[ \t]*(?P<year>{YEAR})\)"
)
# "He published his findings in the Journal of the American Medical Association": an article, the journal named
_FINDINGS_IN_JOURNAL = re.compile(
    r"\b(?:published|printed)[ \t]+(?:his|her|their|the|these)[ \t]+(?:[a-z]+[ \t]+)?(?:findings|results|study|"
    r"research|paper|data|conclusions|observations|report)[ \t]+in[ \t]+(?:the[ \t]+)?[*_]?"
    r"(?P<journal>(?:(?:Journal|Annals|Proceedings|Bulletin|Transactions|Archives)[ \t]+of"
    r"(?:[ \t]+(?:the|and|[A-Z][\w&'’-]*))+|"
    r"(?:[A-Z][\w&'’-]*[ \t]+){1,5}(?:Journal|Review|Quarterly|Bulletin|Gazette|Magazine)|Lancet|Nature|Science)\b)"
)
# "Robert Geiger, an Associated Press reporter who rode through the panhandle, filed a dispatch the next day"
_FILED_DISPATCH = re.compile(
    rf"(?P<who>{PERSON})(?:,[^,.!?\n]{{1,160}},)?[ \t]+filed[ \t]+(?:a|an|his|her)[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?P<noun>dispatch|despatch|report|story|piece|column)\b"
)
# "Radium City (dir. Carole Langer, 1987)", "*Shoah* (directed by Claude Lanzmann, 1985)": a film
_FILM_DIRECTED = re.compile(
    rf"(?<![\w'’])[*_\"“]?(?P<title>[A-Z][\w'’:!-]*(?:[ \t]+(?:[A-Z0-9][\w'’:!-]*|{_TITLE_SMALL})){{0,10}})[*_\"”]?"
    rf"[ \t]*\((?:dir\.?|directed[ \t]+by|d\.)[ \t]+(?P<who>{PERSON}),?[ \t]+(?P<year>{YEAR})\)"
)
_TITLE_YEAR = re.compile(
    rf"(?<![\w'’])[*_\"“]?(?P<title>(?:The|A|An)[ \t]+{_TITLE_WORDS})[*_\"”]?[ \t]*\((?P<year>{YEAR})\)"
)
_IN_TITLE_YEAR = re.compile(
    rf"\b(?<=in[ \t])[*_\"“]?(?P<title>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’:-]*|of|the|a|an|and|in|on|to|for|from|with|"
    rf"at|by)){{1,12}})[*_\"”]?[ \t]*\((?P<year>{YEAR})\)"
)
# what a scholar does, right after a name the lexicon lacks and its year: "Xabier Irujo (2015) has argued";
# narrower than SCHOLARLY_VERBS, whose "explored" or "records" also follow an album's or a film's name
_SCHOLAR_VERB_AFTER = re.compile(r"[ \t]+(?:has[ \t]+|have[ \t]+|had[ \t]+)?(?:also[ \t]+)?"
                                 r"(?:argued|argues|shown|shows|showed|suggested|suggests|claimed|claims|estimated|"
                                 r"estimates|found|finds|noted|notes|concluded|concludes|demonstrated|demonstrates|"
                                 r"counted|counts|put|puts|gave|gives|wrote|writes|described|describes|calculated|"
                                 r"calculates)\b")
# "I read somewhere that ...": a source the writer cannot name
_READ_SOMEWHERE = re.compile(WRITER_HAS + r"(?:once[ \t]+|also[ \t]+)?(?:read|seen|saw|heard)[ \t]+"
                            # "I'd read 100,000 somewhere": the figure read, then where
                            r"(?:it[ \t]+|that[ \t]+|(?:a[ \t]+|the[ \t]+)?[\d,.%]+[ \t]+|[\d,.%]+[ \t]+\w+[ \t]+)?"
                            r"somewhere\b(?![ \t]+(?:else|near|in)\b)")
# "something he read online", "something I saw on YouTube years ago": a source nobody could find again
_SOMETHING_READ = re.compile(
    r"\b[Ss]omething[ \t]+(?:(?:that|which)[ \t]+)?(?:I|he|she|they|we|you|my[ \t]+[a-z]+|[A-Z][a-z]+)[ \t]+"
    r"(?:once[ \t]+|had[ \t]+|has[ \t]+|must[ \t]+have[ \t]+)?(?:read|saw|seen|heard|watched|found)[ \t]+"
    r"(?:(?P<online>online|on[ \t]+(?:the[ \t]+)?(?:internet|web|net|YouTube|Facebook|TikTok|Twitter|Reddit|"
    r"a[ \t]+forum|a[ \t]+website))|on[ \t]+(?:the[ \t]+)?(?:TV|telly|television|radio)|in[ \t]+(?:a|an|some)[ \t]+"
    r"(?:book|magazine|paper|newspaper|article|documentary))\b")
# "a PBS American Experience film, Triangle Fire (2011)": a work noun, then its title and year
_NOUN_COMMA_TITLE_YEAR = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)[ \t]+(?:[A-Z][\w-]*[ \t]+){{0,4}}(?:[a-z][\w-]*[ \t]+){{0,2}}?"
    rf"(?P<noun>documentary|film|book|novel|memoir|biography|series|podcast|programme|program|article|study)"
    rf",[ \t]+[*_\"“]?(?P<title>[A-Z][\w'’:!-]*"
    rf"(?:[ \t]+(?:[A-Z][\w'’:!-]*|of|the|a|an|and|in|on|to|for|at|by)){{0,10}})"
    rf"[*_\"”]?[ \t]*\((?P<year>{YEAR})\)")
_CLAUSE_IN_TITLE = re.compile(r",\s+\S+\s+[a-z]")
_AUTHOR_COMMA_IN = re.compile(rf"\b{PERSON},[ \t]+in[ \t]+[*_\"“]?$")
_TITLE_APPOSITION = re.compile(
    rf"(?<![\w'’])[*_\"“]?(?P<title>(?:The|A|An)[ \t]+{_TITLE_WORDS})[*_\"”]?,[ \t]+(?:the|a|an|his|her|their)[ \t]+"
    rf"(?:(?:{PERSON}|[\w-]+)[ \t]+){{0,3}}?(?P<noun>documentary|film|book|novel|memoir|biography|history|study|"
    rf"series|article|essay|podcast)\b"
)
# "the HBO series Band of Brothers", "the 1985 documentary Shoah", "the film Come and See": a screen work's
# title right after its noun
_SCREEN_NOUNS = "documentary|film|movie|series|miniseries|mini-series|drama-documentary|drama|docudrama|podcast"
_SCREEN_WORK_TITLE = re.compile(
    # "RTÉ's 1966 drama-documentary Insurrection": a broadcaster's own work
    rf"(?:\b(?:[Tt]he|[Aa]n?)|(?<![\w'’-])(?:{_BROADCASTER}|RT[ÉE]|TG4|S4C|STV|UTV)['’]s)[ \t]+"
    rf"(?:(?:{_BROADCASTER}|{YEAR}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+){{0,2}}"
    rf"(?:(?!(?:{_NOT_ADJ})\b)[a-z][a-z'’-]+[ \t]+)?(?P<noun>{_SCREEN_NOUNS})(?=[ \t]+[*_\"“]?[A-Z])")
# "Band of Brothers, the HBO series,": a screen work's title, then what it is
_SCREEN_TITLE_APPOSITION = re.compile(
    rf"(?<![\w'’])[*_\"“]?(?P<title>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’:-]*|{_TITLE_SMALL}|\d+)){{0,8}})[*_\"”]?,"
    rf"[ \t]+the[ \t]+(?:(?:{_BROADCASTER}|{YEAR}|[A-Z][a-z]+)[ \t]+){{0,2}}(?:[a-z-]+[ \t]+)?"
    rf"(?P<noun>{_SCREEN_NOUNS})(?![\w'’-])")
_QUOTED_ACCOUNT = re.compile(
    rf"\b(?P<who>(?:[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)|{PERSON}['’]s?)[ \t]+(?:[a-z]+[ \t]+){{0,2}}?"
    rf"(?P<noun>recollections?|account|conversations?|speech|statements?|telegrams?|cables?|messages?|orders?|"
    rf"directive|minutes|memo|memorandum|note|transcript|reply|testimony|remarks|report|interview|memoirs?|diary|"
    rf"notes|letters?|words|version)\b"
    rf"(?=[^.!?\n]{{0,150}}?\b(?:quoted|cited|reproduced|reprinted|excerpted|printed)[ \t]+(?:in|by)\b)"
)
_EDITED_TITLE = re.compile(
    rf"(?<![\w'’])[*_\"“]?(?P<title>{_TITLE_WORDS})[*_\"”]?[ \t]*\((?:ed\.|eds\.|edited[ \t]+by|ed[ \t]+by)[ \t]*"
    rf"(?P<who>{PERSON}(?:[ \t]+(?:and|&)[ \t]+{PERSON})?)(?:,[ \t]*(?P<year>{YEAR}))?\)"
)
# "the Sheffield and Bourne edition of the Haig diary": an edition named by its editors
_EDITORS_EDITION = re.compile(
    r"\b[Tt]he[ \t]+(?P<who>[A-Z][\w'’-]+(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+)?)[ \t]+edition[ \t]+of[ \t]+"
    r"(?:(?:the|his|her|their)[ \t]+)?(?:(?:[A-Z][\w'’-]+[ \t]+){0,3}?(?:[Dd]iar(?:y|ies)|[Ll]etters|[Pp]apers|"
    r"[Jj]ournals?|[Mm]emoirs|[Nn]otebooks?|[Cc]orrespondence|[Ww]orks))\b")
# what an author says in a work ("says in The Gathering Storm that"), and what a publication says
_AUTHOR_SAYS = ("says said writes wrote argues argued notes noted recalls recalled claims claimed describes described "
                "explains explained admits admitted tells told suggests suggested insists insisted reports reported")
_PUBLICATION_VERBS = ("says said reports reported records recorded tells told notes noted describes described "
                      "claims claimed mentions mentioned called calls wrote writes printed published ran carried "
                      "quoted quotes")
# "as Richie quotes it in Warsaw 1944 (2013)": a verb that needs its object before the title
_QUOTING_VERBS = ("quotes quoted cites cited summarises summarizes summarised summarized retells retold "
                  "paraphrases paraphrased translates translated reproduces reproduced prints printed describes "
                  "described tells told")
_SAYS_IN_TITLE = re.compile(
    rf"\b(?P<verb>{'|'.join(_AUTHOR_SAYS.split())}|(?:{'|'.join(_QUOTING_VERBS.split())})[ \t]+(?:it|them)|"
    # "Majdalany makes the same point in The Battle of Cassino", "As Middlebrook set out in The First Day ..."
    rf"(?:makes|made|make)[ \t]+(?:the[ \t]+same|this|that|a[ \t]+similar|a[ \t]+related|the[ \t]+opposite)"
    rf"[ \t]+(?:point|argument|case)|(?:sets|set)[ \t]+(?:it[ \t]+|this[ \t]+|them[ \t]+)?out)"
    rf"(?:[ \t]+about[ \t]+(?:it|this|that|them|him|her)"
    rf"|[ \t]+(?:yes|no|so|otherwise|as much|something similar|much the same|the same))?"
    # "says something similar in volume three of The Bolshevik Revolution"
    rf"[ \t]+in[ \t]+(?:(?:volume|vol\.|part|book|chapter|ch\.)[ \t]+(?:[IVX]{{1,4}}|\d{{1,2}}|one|two|three|four|"
    rf"five|six|seven|eight|nine|ten)[ \t]+of[ \t]+)?[*_\"“]?(?P<title>(?:{YEAR}:[ \t]+)?[A-Z][\w'’-]*"
    rf"(?:[ \t]+(?:[A-Z][\w'’:-]*|{_TITLE_SMALL}|was|were|is|are|\d{{4}})){{0,16}}?)"
    # "wrote about it in There Was a Country.": the title may end the sentence
    rf"[*_\"”]?(?=[ \t]+that\b|[ \t]*[,;(]|[ \t]+\(|[ \t]*[.!?](?:\s|$))"
)
# the words newspapers are named with ("The Times", "The Manchester Guardian", "Le Monde")
_CHRONICLE_NOUNS = frozenset({"Chronicle", "Chronicles", "Annals", "Tapestry", "Register", "Dictionary",
                              "Encyclopedia", "Encyclopaedia", "Yearbook"})
_PUBLICATION_SAYS = re.compile(
    rf"\b[Tt]he[ \t]+(?P<title>(?:[A-Z][\w'’.-]+[ \t]+){{0,4}}(?P<noun>{'|'.join(sorted(_CHRONICLE_NOUNS))}|"
    rf"{'|'.join(NEWSPAPER_NAMES)}))(?:[ \t]+(?:simply|also|later|itself|then|even|only|merely))?[ \t]+"
    rf"(?:{'|'.join(_PUBLICATION_VERBS.split())})\b"
)
# "We hold the Leamington Courier on microfilm", "in the Western Gazette": a paper named by its place and a word
# only papers are called by
_LOCAL_PAPER = re.compile(
    r"\b[Tt]he[ \t]+(?P<title>(?:[A-Z][\w'’.-]+[ \t]+){1,3}(?:Herald|Gazette|Tribune|Telegraph|Courier|Mercury|"
    r"Inquirer|Examiner|Advertiser|Argus|Echo|Observer|Guardian))(?![\w’'-]|[ \t]+[A-Z])")
_WORK_IN_BEFORE = re.compile(rf"\b(?:{_WORK_NOUN_ALT}|citation|obituary|notice|piece)[ \t]+(?:in|from)[ \t]+\Z")
_WHEN_BEFORE = re.compile(
    rf"\b(?:[Tt]hen|[Ii]n|[Oo]n|[Bb]y|[Aa]fter|[Ww]hen|[Ll]ater|[Nn]ext)[ \t]+(?:(?:the|that|early|late|mid-?)[ \t]+)?"
    rf"(?:\d{{1,2}}[ \t]+)?(?:{'|'.join(MONTHS)}|{YEAR}|spring|summer|autumn|fall|winter|morning|day|week|year)"
    rf"(?:[ \t]+\d{{1,2}})?(?:,?[ \t]+{YEAR})?,?[ \t]+$")
_READ_JUST_BEFORE = re.compile(r"\b(?:read|reread|re-read|recommend|finished|loved|enjoyed|try|started|from|see|saw|"
                               r"found|came[ \t]+across|stumbled[ \t]+(?:on|across)|"
                               r"cf\.|via|(?:quoted|cited|reproduced|printed)[ \t]+in|"
                               # "I read it on a forum thread years back"
                               r"(?:read|saw|found|seen)[ \t]+(?:it|this|that)[ \t]+(?:on|in)|"
                               # "I read about him on a website about Czech history"
                               r"(?:read|learned|learnt|heard)[ \t]+about[ \t]+(?:it|him|her|them|this|that)[ \t]+"
                               r"(?:on|in))"
                               r"[ \t]+$",
                               re.IGNORECASE)
_ENCYCLOPAEDIA = re.compile(
    # "the Wikipedia article on ...", "The Wikipedia page says", "Wikipedia's article on the strike"
    r"\b(?:(?:[Tt]he|[Aa]|[Tt]his|[Tt]hat)\s+(?=(?:Wiki|Brit|Ency))|(?=[A-Z]\w+['’]s\s))"
    r"(?P<site>Wikipedia|Wiki|Britannica|Encyclopaedia Britannica|Encyclopedia Britannica)(?:['’]s)?\s+"
    r"(?:article|page|entry)(?:\s+(?:on|about|for)\s+(?:the\s+)?(?P<topic>[\w'’-]+(?:\s+[A-Z][\w'’-]+)*))?"
)
# "Check Wikipedia, it's all there", "Wikipedia says 13 days", "according to Britannica"
_ENCYCLOPAEDIA_NAMED = re.compile(
    r"\b(?:[Cc]heck|[Ss]ee|[Tt]ry|[Rr]ead|look(?:ed)?[ \t]+(?:it[ \t]+)?up[ \t]+(?:on|in)|[Aa]ccording[ \t]+to|[Pp]er)"
    r"[ \t]+"
    r"(?P<site>Wikipedia|Britannica)\b(?![ \t]+(?:article|page|entry|editors?|talk)\b)|"
    r"\b(?P<says>Wikipedia|Britannica)[ \t]+(?:says|said|has|had|lists|listed|gives|gave|puts|put|claims|claimed)\b")
_PAPER_WORDS = ("Supplement", "Review", "Magazine", "Quarterly", "Statesman", "Listener", "Punch")
# "It was praised in the Times Literary Supplement", "reviewed in the New Statesman": a piece in a named paper
_VERB_IN_PAPER = re.compile(
    rf"\b(?:praised|reviewed|panned|savaged|attacked|reported|printed|published|serialised|serialized|ran|quoted|"
    rf"described|covered|mocked|lampooned)[ \t]+in[ \t]+(?:the[ \t]+)?(?P<paper>(?:[A-Z][\w'’.-]*[ \t]+){{0,4}}"
    rf"(?:{'|'.join(NEWSPAPER_NAMES + _PAPER_WORDS)}))\b")
# "Tadeusz's letters home from Italy": a soldier's or an exile's own letters, as a family keeps them
_LETTERS_SENT = re.compile(r"[ \t]+(?:home\b|from[ \t]+(?:the[ \t]+)?(?:front|trenches|camp|prison)\b)")
# "It was in the Guardian when the cabinet papers came out": a paper, no piece of it named
_IT_WAS_IN_PAPER = re.compile(
    rf"\b(?:[Ii]t|[Tt]hat|[Tt]his)[ \t]+(?:was|is|['’]s)(?:[ \t]+(?:all|also|even))?[ \t]+in[ \t]+the[ \t]+"
    rf"(?P<paper>(?:[A-Z][\w'’.-]*[ \t]+){{0,3}}(?:{'|'.join(NEWSPAPER_NAMES)}))\b(?![ \t]+[A-Z])")
_BIOGRAPHER_LIFE_OF = re.compile(
    rf"(?P<who>{PERSON})['’]s?[ \t]+(?:(?:official|authori[sz]ed|standard|recent|new|classic|two-volume|"
    rf"three-volume|monumental|magisterial|excellent|short|brief)[ \t]+)?life[ \t]+of[ \t]+(?P<subject>{PERSON})")
_WHOSE_WORK = re.compile(
    rf"(?P<who>{PERSON}),[ \t]+whose[ \t]+"
    rf"(?P<noun>diary|diaries|memoirs|memoir|journal|journals|letters|papers|account|"
    rf"book|notes|notebooks)\b"
)
_NARRATIVE_YEAR = re.compile(rf"(?P<who>{PERSON})(?P<owner>['’]s?)?\s+\((?P<year>{YEAR})[a-z]?"
                             rf"(?:[,:]\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?\)")
# "Goulding and " before "Jones (1971)"
_CO_AUTHOR = re.compile(r"\b([A-Z][\w'’-]*[a-z][\w'’-]*)[ \t]+(?:and|&)[ \t]+\Z")


def _co_author(prose: str, lo: int, start: int, hints: NameHints) -> re.Match[str] | None:
    """"Goulding and " just before "Jones (1971)": a first author, not a word ("whose Divide and Quit (1961)")
    nor a place."""
    partner = _CO_AUTHOR.search(prose, lo, start)
    if partner is None or hints.is_common_word(partner.group(1)) or hints.is_place_or_event(partner.group(1)):
        return None
    return partner


# "discussed by Jockusch (2012)", "see Kramer (2007)": a surname the lexicon lacks, cited all the same
_BY_NAME_YEAR = re.compile(r"\b(?:by|see|cf\.|in|and|following|after)\s+\Z")
_PRONOUN_WORK = re.compile(
    r"\b(?P<prep>in|from|according to|see|read|know|knew)\s+(?P<pron>his|her|their)\s+(?P<adjs>(?:[a-z]+\s+){0,2})"
    r"(?P<noun>memoirs|memoir|diary|diaries|autobiography|letters|papers|journal|journals|notebooks|book|biography|study)\b"
)
# "His book is called Near to Revolution, published by the Bluecoat Press in 1994": a work named by what it is
# called, unquoted; whose it is, is said by the pronoun or the possessive
_WORK_IS_CALLED = re.compile(
    rf"\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:first|second|last|latest|new|own|main|big|later)\s+)?"
    rf"(?P<noun>book|memoir|memoirs|history|biography|study|novel|thesis|dissertation|documentary|film|podcast)\s+"
    rf"(?:is|was)\s+(?:called|titled|entitled)\s+(?P<title>[*_\"“]?{_TITLE_WORDS}[*_\"”]?)(?![\w'’-])"
)
_AUTHOR_ROLE = (r"general|officer|soldier|veteran|historian|professor|journalist|reporter|author|writer|academic|"
                r"scholar|diplomat|priest|survivor|witness|guy|man|woman|emigr[ée]|exile|defector|minister|politician|"
                r"spy|agent|pilot|sailor|doctor|researcher|student|teacher|colonel|major|captain|admiral")
_ROLE_JUST_BEFORE = re.compile(rf"\b(?:{_AUTHOR_ROLE})[ \t]+\Z")
# "His diary entry for 1 July is chilling": a sentence that opens on someone's record and what it says
_PRONOUN_RECORD_SAYS = re.compile(
    r"(?:^|(?<=[.!?][ \t])|(?<=[.!?][ \t]{2})|(?<=\n))(?P<pron>His|Her|Their)[ \t]+"
    r"(?P<noun>diary|diaries|journal|journals|memoirs|notebooks)(?:[ \t]+entr(?:y|ies))?"
    r"(?:[ \t]+(?:for|of|on)[ \t]+(?:\d{1,2}[ \t]+[A-Z][a-z]+|[A-Z][a-z]+[ \t]+\d{1,2}|that[ \t]+day)"
    r"(?:,?[ \t]+\d{4})?)?"
    r"(?=[ \t]+(?:is|was|are|were|says|said|records|recorded|describes|described|shows|showed|mentions|"
    r"notes|noted|reads|has|had|gives|makes)\b)"
)
# "the extracts Thompson gives in The White War": the book the passages are read in
_EXTRACTS_IN = re.compile(
    rf"\b(?:extracts?|excerpts?|passages?|quotations?|quotes|bits|parts|lines|translations?|entries|versions?)[ \t]+"
    rf"(?P<who>{PERSON})[ \t]+"
    r"(?:gives|quotes|prints|reproduces|includes|cites|uses|translates)[ \t]+in[ \t]+[*_\"“]?"
    r"(?P<title>(?:(?:The|A|An)\b|[A-Z][\w'’-]+)(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|a|an|and|in|on|to|for|at|by|with))*)"
)
_PRONOUN_TITLE = re.compile(
    rf"\b(?:(?P<prep>in|from)[ \t]+)?(?P<pron>[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:(?:[a-z][\w-]+|{YEAR})[ \t]+){{0,2}}?"
    rf"[*_\"“]?(?P<title>[A-Z][\w'’-]*(?:(?:[ \t]+(?:[A-Z][\w'’:-]*|{_TITLE_SMALL}|\d{{4}})){{1,14}}"
    # a one-word title with its year: "in his Autobiography (1873)"
    rf"|(?=[*_\"”]?[ \t]*\({YEAR}(?P<dated>\)))))"
)
# "I never got the full title or author out of him": a work whose title the writer does not have
_TITLE_NEVER_LEARNT = (r"(?P<untitled>\b(?:never|not|n['’]t)\s+(?:\w+\s+)?(?:got|get|caught|catch|"
                       r"learn(?:ed|t)?|knew|know|noted|note|wrote\s+down|write\s+down|kept|keep|saved?|recorded|record)\s+(?:the|its|a|his|her)\s+"
                       r"(?:full\s+|exact\s+|proper\s+)?(?:title|author|name)s?\b|"
                       # "if anyone knows its title, please tell us"
                       r"\bif\s+(?:anyone|anybody|someone|somebody|you)\s+(?:knows?|remembers?|can\s+identify)\s+"
                       r"(?:its|the|their)\s+(?:title|author|name))")
_TITLE_FORGOTTEN_AFTER = re.compile(r"\s+(?:now\s+)?(?:the|its|their)\s+(?:full\s+|exact\s+)?"
                                    r"(?:(?:speaker|author|writer|presenter|lecturer)['’]s\s+)?(?:title|author|name)\b")
# "A Master's thesis on RAF Gatow that I found through Google Scholar": the writer came across it
_FOUND_IT_IN_TAIL = re.compile(r"\b(?:that|which)\s+(?:I|we)\s+(?:once\s+)?(?:found|read|saw|came\s+across|"
                               r"stumbled\s+on|bought|borrowed|downloaded)\b")
_FORGOTTEN = re.compile(r"\b(?:can'?t|cannot|can not|couldn'?t|don'?t|do not|didn'?t|(?:can|could)?\s*no longer)\s+"
                        r"(?:now\s+)?(?:remember|recall|find|name|identify|trace|put\s+my\s+hands?\s+on|"
                        r"lay\s+my\s+hands?\s+on|write\s+down|note\s+down|catch)|"
                        r"\bforg[eo]t(?:ten)?\b|\bno idea (?:who|what|where)\b|"
                        # "neither of us can find a title or author anywhere in it"
                        r"\b(?:neither|nobody|no one|none)\b[^.!?\n]{0,30}?\bcan\s+(?:find|remember|recall)\b|"
                        # "a thesis whose author he does not name"
                        r"\bwhose\s+(?:author|title|name)\s+(?:\w+\s+){0,3}?(?:not|n['’]t|never)\b|"
                        # "though I have not been able to trace it"
                        r"\b(?:not|n['’]t|never)\s+(?:been\s+able\s+to|managed\s+to)\s+(?:trace|track\s+down|locate|find)\b|"
                        + _TITLE_NEVER_LEARNT, re.IGNORECASE)
# "a documentary that Ruth saw", "a documentary that SABC screened some years ago"
_SOMEONE_SAW_IT = (r"(?:[A-Z][a-z]+|[A-Z]{2,6})\s+(?:once\s+)?(?:saw|watched|read|heard|found|remembers?|recommended|"
                   r"mentioned|screened|showed|broadcast|aired|ran)\b")
# "an old Horizon episode about Harwell that he saw as a teenager"
_SOMEONE_SAW = re.compile(r"\b(?:that|which)\s+(?:" + _SOMEONE_SAW_IT +
                          r"|(?:he|she|they|we|I)\s+(?:once\s+|first\s+)?(?:saw|watched)\b)")
# "A parent also dropped in an old Women's Weekly article": a copy in the writer's hands
_BROUGHT_IN = re.compile(r"\b(?:dropped|brought|sent|handed|lent|gave|showed|posted)[ \t]+(?:in|us|me|round|over)"
                         r"[ \t]+\Z|"
                         # "I was also given a copy of a thesis about ..."
                         r"\b(?:was|were)[ \t]+(?:also[ \t]+|once[ \t]+)?(?:given|lent|sent|handed|shown)"
                         r"(?:[ \t]+(?:a[ \t]+)?(?:copy|photocopy|scan|printout)[ \t]+of)?[ \t]+\Z")
# "an article in the Dong-A Ilbo years ago", "a documentary from the 90s": a work half-remembered (but "an
# article in History Today made the point years ago" is when the point was made)
_TAIL_VERB = re.compile(r"\b(?:made|said|says|wrote|had|has|was|were|is|are|did|does|showed|shows|told|put|gave|"
                        r"argued|claimed|reported|described|covered|mentioned|called|ran)\b")
# "some years ago", "a while back"
_AGO = (r"(?:(?:some|many|a\s+few|several|\w+ty)\s+)?(?:years|ages|decades)\s+(?:ago|back)\b|"
        r"a\s+(?:long\s+)?while\s+(?:ago|back)\b")
_DATED_IN_TAIL = re.compile(rf"\b(?:{_AGO})|"
                            r"\bfrom\s+the\s+(?:(?:early|mid|late)[ \t-]+)?(?:(?:19|20)?\d0s|['’]\d0s)\b")
# "an old school history I had as a boy", "a documentary they had seen": the writer's (or someone's) own copy
_OWN_COPY = re.compile(r"\s*(?:of\s+(?:the\s+)?\w+\s+)?(?:that|which)?\s*(?:I|we|they|he|she)\s+"
                       r"(?:have\s+|had\s+|once\s+)?(?:[a-z]+-)?"  # "A podcast I half-listened to"
                       r"(?:read|saw|seen|watched|had|found|remember|used|heard|listened|studied|own|bought|"
                       r"borrowed|got|picked\s+up|came\s+across)\b|"
                       # "an old textbook of my dad's": a relative's copy
                       r"\s+of\s+(?:my|our|his|her|their)\s+[a-z]+['’]s\b")
# "A Channel 4 documentary years back", "a booklet published in the 1980s": a work placed only roughly in time
# who made a local booklet, or for what: "produced by the parish council", "for the church hall's centenary"
_LOCAL_MAKER = (r"(?:village|parish|town|church|society|council|school|club|association|millennium|centenary|"
                r"bicentenary|anniversary|jubilee|reunion|group|trust|museum|library|committee|guild|branch|"
                r"congregation|chapel|lodge|institute|students|pupils|schoolchildren|volunteers)")
_VAGUELY_DATED = re.compile(rf"[ \t]+(?:from[ \t]+)?(?:{_AGO})|"
                            r",?[ \t]+(?:published|recorded|made|broadcast|shown|written|printed|produced)[ \t]+"
                            r"(?:in|during|around)[ \t]+the[ \t]+(?:(?:early|mid|late)[ \t-]+)?(?:1[89]|20)\d0s\b|"
                            # "a local history booklet produced for the millennium", "... by the village"
                            r",?[ \t]+(?:published|produced|printed|written|compiled|put[ \t]+together)[ \t]+(?:by|for)"
                            rf"[ \t]+(?:the|a|our)[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?{_LOCAL_MAKER}\b")
# "a long interview she gave to a Spanish radio station": an interview someone gave, never identified
_INTERVIEW_GIVEN = re.compile(r"\s*(?:that|which)?\s*(?:he|she|they|I|we)\s+(?:once\s+|later\s+)?"
                              r"(?:gave|recorded|did)\b")
# "Our old O-level textbook had a whole page on Haig"
_HAD_A_PAGE = re.compile(r"\s+(?:(?:that|which)\s+)?(?:had|has|gave|gives)\s+(?:(?:it|him|her|them)\s+)?"
                         r"(?:(?:exactly|only|just)\s+)?(?:a|an|one|half\s+a)\s+(?:whole\s+|long\s+|short\s+|full\s+)?"
                         r"(?:page|chapter|section|bit|paragraph|passage|picture|sentence|line)\b")
_VAGUE_ONE = re.compile(
    r"\b(?:a|an)\s+(?:(?:good|decent|great|excellent|interesting|old|new|nice|brilliant|fine|really good|"
    r"very good)\s+)?"
    r"one\s+(?:on|from|by)\s+(?:the\s+)?(?P<site>[A-Z][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,2})"
)
_LETTER_TO = re.compile(
    rf"\b(?:in\s+)?(?:a|an|his|her|their)\s+(?:(?:open|private|personal|secret|long|famous)\s+)?"
    rf"(?P<noun>letter|telegram|memorandum|memo|dispatch|despatch|cable|note|minute)"
    rf"(?:\s+of\s+(?P<dated>(?:\d{{1,2}}\s+)?(?:January|February|March|April|May|June|July|August|September|"
    rf"October|November|December)\s+{YEAR}))?\s+to\s+"
    rf"(?P<to>(?:(?:the|Lord|Lady|Sir|King|Queen|President|General|Duke|Earl|Prince|Cardinal|Pope)\s+)*"
    rf"(?:of\s+)?{NAME_WORD}(?:\s+(?:of\s+)?{NAME_WORD}){{0,3}}|(?:a|an|his|her|their)\s+(?:[a-z]+\s+){{0,2}}?"
    rf"(?:clergyman|minister|friend|sister|brother|wife|husband|mother|father|son|daughter|colleague|correspondent|"
    rf"cousin|niece|nephew|superior|officer|bishop|patron))"
    rf"(?:,?\s+(?:dated\s+|of\s+)?(?P<date>(?:\d{{1,2}}\s+)?(?:January|February|March|April|May|June|July|August|"
    rf"September|October|November|December)\s+{YEAR}|{YEAR}))?"
)
# "Churchill's minute of 28 March 1945 to the Chiefs of Staff": someone's dated paper
_POSSESSIVE_DATED_PAPER = re.compile(
    rf"(?P<who>{PERSON})['’]s?[ \t]+(?:(?:own|famous|secret|private|personal|long|last|first|final|angry)[ \t]+)?"
    rf"(?P<noun>letter|telegram|memorandum|memo|dispatch|despatch|cable|note|minute)[ \t]+of[ \t]+"
    rf"(?P<dated>(?:\d{{1,2}}[ \t]+)?(?:{'|'.join(MONTHS)})(?:[ \t]+\d{{1,2}},?)?[ \t]+{YEAR})")
# "Shields Gazette, Monday 5 October 1936", "the Evening Chronicle (Newcastle), 2 November 1936": a paper's issue
_DATED_NEWSPAPER = re.compile(
    rf"(?P<paper>(?:\b[Tt]he[ \t]+)?(?:[A-Z][\w'’-]+[ \t]+){{0,3}}(?:{'|'.join(NEWSPAPER_NAMES)}))\b"
    rf"(?:[ \t]+\([A-Z][\w'’ -]{{1,30}}\))?,[ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{'|'.join(MONTHS)})[ \t]+(?P<year>{YEAR})|"
    rf"(?:{'|'.join(MONTHS)})[ \t]+\d{{1,2}},[ \t]+(?P<year_us>{YEAR}))\b")
# "the battalion's war diary", "The war diary will be at Kew", "the 2nd Norfolks' war diary": a unit's daily record
_UNIT_WAR_DIARY = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Tt]heir|[Ii]ts)[ \t]+(?:(?:battalion|regiment|regimental|brigade|divisional|division|"
    r"squadron|unit|ship|company)(?:['’]s|s['’])?[ \t]+)?(?:war[ \t]+diary|war[ \t]+diaries)\b(?![ \t]+entr)|"
    r"\b[Tt]he[ \t]+(?:battalion|regimental|brigade|divisional|squadron|unit)[ \t]+diar(?:y|ies)\b(?![ \t]+entr)")
# "the 2010 final report of the Dresden Historians' Commission", "the findings of the Church Committee"
_BODY_REPORT = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts)[ \t]+(?:{YEAR}[ \t]+)?(?:(?:final|official|interim|published|full)[ \t]+)?"
    rf"(?P<noun>report|findings)[ \t]+of[ \t]+the[ \t]+(?P<body>(?:[A-Z][\w'’-]*[ \t]+){{0,5}}"
    rf"(?:Commission|Committee|Inquiry|Tribunal|Board|Panel))\b")
# "A 1961 Colonial Secretary's despatch, quoted in Banton": a paper known through the work that quotes it
# "An internal War Office minute of October 1940 recording the loss is quoted at length in Spencer's guide"
_PAPER_QUOTED_IN = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)[ \t]+(?:{YEAR}[ \t]+)?(?:[\w'’-]+[ \t]+){{0,4}}?"
    rf"(?P<noun>letter|telegram|memorandum|memo|dispatch|despatch|cable|minute|directive)"
    rf"(?:[ \t]+of[ \t]+(?:\d{{1,2}}[ \t]+)?(?:(?:{'|'.join(MONTHS)})[ \t]+)?{YEAR})?"
    rf"(?=,?[ \t]+(?:[^.;!?\n]{{0,90}}?[ \t])?(?:(?:is|was|are|were)[ \t]+)?(?:as[ \t]+)?(?:quoted|cited|reproduced|"
    rf"printed|reprinted)(?:[ \t]+at[ \t]+length|[ \t]+in[ \t]+full)?[ \t]+(?:in|by)[ \t]+[A-Z])")
# "He also quotes a report Rotmistrov sent to Zhukov afterwards": a paper known from the work that quotes it
_QUOTES_A_PAPER = re.compile(
    rf"\b(?:quotes|quoted|cites|cited|reproduces|reproduced|prints|printed)[ \t]+(?P<paper>(?:a|an|the)[ \t]+"
    rf"(?:[\w-]+[ \t]+){{0,2}}?"
    rf"(?P<noun>report|letter|telegram|memo|memorandum|cable|minute|note|dispatch|despatch|order|directive))[ \t]+"
    rf"(?:that[ \t]+)?(?P<who>{PERSON})[ \t]+(?:had[ \t]+)?(?:sent|wrote|signed|drafted|issued|filed|dictated)\b")
# "Browning's remark as reported in Urquhart's memoir": words known only through the work that reports them
_REMARK_AS_REPORTED = re.compile(
    rf"(?P<who>{PERSON})['’]s?[ \t]+(?:(?:famous|own|later|original)[ \t]+)?(?P<noun>remark|comment|words|quip|"
    rf"recollections?|testimony|version|account|story)(?=,?[ \t]+as[ \t]+(?:reported|recorded|told|given|retold|"
    rf"quoted|cited)[ \t]+(?:in|by)[ \t]+[A-Z])")
# "FCO 141/6521", "WO 95/1234": one file at the National Archives; a bare series ("WO 172") only where the
# words around it say it is one ("series FCO 141", "WO 95 at Kew"), since it says where records are, not which
_TNA_DEPARTMENT = r"(?:ADM|AIR|CAB|CO|DO|FCO|FO|HO|HS|INF|KV|MEPO|PREM|WO)"
_AT_KEW = r"[ \t]+at[ \t]+(?:Kew|the[ \t]+National[ \t]+Archives)\b"
_ARCHIVE_REFERENCE = re.compile(
    rf"\b{_TNA_DEPARTMENT}[ \t]\d{{1,4}}(?:/\d{{1,5}}){{1,2}}\b|"
    # a whole series: "the files in series FCO 141", "WO 95 at Kew"
    rf"(?:(?<=[Ss]eries[ \t])|(?<=[Cc]lass[ \t])){_TNA_DEPARTMENT}[ \t]\d{{1,4}}\b(?:{_AT_KEW})?|"
    rf"\b{_TNA_DEPARTMENT}[ \t]\d{{1,4}}{_AT_KEW}")
_ARCHIVE_SERIES_FIRST = re.compile(rf"{_TNA_DEPARTMENT}[ \t]\d")
# "The old Osprey on Kursk": a publisher's series standing for one of its books
_SERIES_BOOK = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Tt]hat)[ \t]+(?:(?:old|new|little|slim|decent|good)[ \t]+)?"
    r"(?P<series>Osprey|Pelican|Ladybird|Purnell|Usborne|Shire)(?:[ \t]+(?:book|title|volume))?[ \t]+(?:on|about)[ \t]+"
    r"(?P<topic>(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})")
# "Bread and Bullets: Barcelona 1936-1939 (1988), her most ambitious work": a title, its year, then what it is
_TITLE_YEAR_WHAT_IT_IS = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=\n))(?P<title>[A-Z][^()\n.!?]{{2,100}}?)[ \t]+\((?P<year>{YEAR})\),[ \t]+"
    rf"(?:his|her|their|the[ \t]+author['’]s)[ \t]+(?:[a-z-]+[ \t]+){{0,3}}"
    rf"(?:work|book|study|history|novel|memoir|monograph|biography)\b")
_IN_PERIODICAL = re.compile(
    r"[ \t]+in[ \t]+(?:the[ \t]+)?(?:(?:journal|magazine|newspaper|review|periodical)[ \t]+)?[*_]?"
    r"(?P<site>[A-Z][\w&'’.-]*(?:[ \t]+(?:of|and|for|the|on|[A-Z][\w&'’.-]*)){0,5}(?<![ \t]of)(?<![ \t]and)"
    r"(?<![ \t]the)(?<![ \t]for)(?<![ \t]on))")
# "... quoted in Horne", "... printed in Burr's Narratives": within the same clause after a paper
_QUOTED_IN_AFTER = re.compile(r"[^.!?\n]{0,60}?\b(?:quoted|cited|reproduced|reprinted|excerpted|printed|published)\s+"
                              r"(?:in|by)\b")
_YEAR_WORD = re.compile(rf"\b{YEAR}\b")
_CITED_AS_EVIDENCE = re.compile(r"\b(?:evidence|source|sources|proof|document|documents|record|shows?|showed)\b",
                                re.IGNORECASE)
_PUBLISHED_AS = re.compile(
    rf"\b(?:published|translated|reissued|printed|issued|edited|came\s+out|appeared)\s+(?:in\s+English\s+)?"
    rf"(?:in\s+{YEAR}\s+)?as\s+[*_\"“]?"
    rf"(?P<title>(?:The|A|An)?[ \t]*[A-Z][\w'’:-]*(?:[ \t]+(?:[A-Z][\w'’:,-]*|(?:{_TITLE_SMALL})\b|[\d–-]+)){{0,14}})"
)
# "Robert Harris's novel An Officer and a Spy is ...": the title right after the work noun, ending on a capital
_DIRECT_TITLE = re.compile(
    rf"[ \t]+[*_\"“]?(?P<title>(?:(?:The|A|An)\b|[A-Z][\w'’-]*)(?:(?:[ \t]+(?:{_TITLE_SMALL}))*[ \t]+[A-Z\d][\w'’-]*)*)"
    rf"[*_\"”]?(?=[\s,.;:)!?]|$)"
)
# "Sheffield's older book, Forgotten Victory, is ...": the title in apposition after the work noun
def _appositive_title(fewest_words: int, ending: str) -> re.Pattern[str]:
    """", Title," after a work noun: the shortest run of title words (at least ``fewest_words``) before ``ending``."""
    return re.compile(
        rf",[ \t]+[*_\"“]?(?P<title>(?:\d+|[A-Z][\w'’-]*)(?:[ \t]+(?:[A-Z][\w'’:-]*|\d+|{_TITLE_SMALL}))"
        rf"{{{fewest_words - 1},10}}?)[*_\"”]?(?:[ \t]+\((?P<year>{YEAR})\))?(?={ending})")


# "Massu's own book, Baden 68, is", "his biography of de Gaulle, A Certain Idea of France (2018)."
_IMPRINT_AFTER = re.compile(rf"[ \t]*\([^()\n]{{0,60}}?\b{YEAR}\)")
_APPOSITIVE_TITLE = _appositive_title(1, r",|[ \t]*[.;]|[ \t]+(?:is|was|has|had|and|which)\b|" + _IMPRINT_AFTER.pattern)
# "a really good podcast, 13 Minutes to the Moon from the BBC": with "from" an ending, a title holding "from"
# needs two words at least not to stop inside it
_APPOSITIVE_NAME = _appositive_title(2, r"[ \t]+(?:from|by|on)[ \t]|[ \t]*[,;(]")
# "Jackson's biography of de Gaulle, A Certain Idea of France (2018)": whose life, then the title
_LIFE_OF = re.compile(r"[ \t]+of[ \t]+(?:(?:de|von|van|der|di|da|du|le|la|al|el)[ \t]+)?[A-Z][\w'’-]*"
                      r"(?:[ \t]+(?:(?:de|von|van|der)[ \t]+)?[A-Z][\w'’-]*){0,3}")
# works named only vaguely that are not work nouns elsewhere ("his talks with Stalin", "a drama unfolded"):
# each needs the test in _vague_extra_fits
_VAGUE_ONLY_NOUNS: dict[str, SourceKind] = {
    "talk": SourceKind.ARTICLE, "talks": SourceKind.ARTICLE, "drama": SourceKind.VIDEO, "dramas": SourceKind.VIDEO,
    "magazine": SourceKind.ARTICLE, "magazines": SourceKind.ARTICLE, "exhibition": SourceKind.OTHER,
    "exhibitions": SourceKind.OTHER, "channel": SourceKind.VIDEO, "channels": SourceKind.VIDEO,
    "catalogue": SourceKind.OTHER, "catalog": SourceKind.OTHER, "annual": SourceKind.BOOK,
    "feature": SourceKind.VIDEO, "dictionary": SourceKind.BOOK, "spreadsheet": SourceKind.OTHER,
    "doc": SourceKind.VIDEO, "docs": SourceKind.VIDEO, "doco": SourceKind.VIDEO, "docos": SourceKind.VIDEO,
}
_SCREEN_WORD = re.compile(r"\b(?:TV|television|radio|BBC|ITV|PBS|Channel[ \t]\d|Netflix|HBO|Arte|ZDF|costume|period|"
                          r"documentary)\b")
# "a copy of her thesis about what happened to the marchers": a thesis nobody names
_PRONOUN_THESIS_ABOUT = re.compile(
    r"\b(?:copy[ \t]+of|read|sent[ \t]+(?:us|me|him|her)|lent[ \t]+(?:us|me|him|her)|gave[ \t]+(?:us|me|him|her)|"
    r"from|in|according[ \t]+to|see)[ \t]+(?P<pron>[Hh]is|[Hh]er|[Tt]heir)[ \t]+"
    r"(?:(?:MA|MPhil|PhD|BA|doctoral|master['’]s|undergraduate|unpublished)[ \t]+)?"
    r"(?P<noun>thesis|dissertation)[ \t]+(?:about|on|into)[ \t]+[^.;:!?\n]{3,120}?(?=[.;:!?\n]|,[ \t]|$)")
# "Tom's dad's old textbook", "my gran's", "her uncle's": a relative's own copy, not an author's work
_KIN_WORDS = (r"dad|mum|mam|mom|father|mother|brother|sister|cousin|uncle|aunt|auntie|grandad|granddad|grandpa|"
              r"grandfather|gran|granny|nan|nana|grandma|grandmother|husband|wife|son|daughter")
_KIN_POSSESSIVE = rf"(?:(?:[A-Z][a-z]+|(?i:my|his|her|their|our|your))['’]s?\s+)?(?i:{_KIN_WORDS})['’]s"
_KIN_IN_ADJS = re.compile(rf"(?:{_KIN_POSSESSIVE})\s")  # "My grandad's old A-level textbook"
_VAGUE_WORK = re.compile(
    rf"\b(?<!-)(?P<det>(?i:a|an|one|some|several|two|three|four|five|six|seven|many|a few|a couple of|a number of|"
    rf"various|my|our)|(?P<kin>{_KIN_POSSESSIVE}))\s+"
    rf"(?P<adjs>(?:(?:{_ADJ}|\w+-\w+|[A-Z][A-Za-z]+(?:['’]s)?|[a-z]+['’]s|[A-Z]{{2,6}}|"
    rf"(?:Channel|Radio)[ \t]\d|history|war|news|"
    rf"(?:1[5-9]|20)\d\ds?)"
    rf"\s+){{0,5}})"
    rf"(?P<noun>(?:{_WORK_NOUN_ALT}|{'|'.join(_VAGUE_ONLY_NOUNS)})\b)"
    rf"(?P<books>\s+books?)?"
    rf"(?:\s+(?:episode|episodes|chapter|chapters)\b)?"  # "a Cold War podcast episode", "an old textbook chapter"
    rf"(?P<unnamed>[ \t]+by[ \t]+(?:a|an|some|one|this|that)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?:{_AUTHOR_ROLE}))?"
    # "a thesis someone wrote about the strike": written by nobody named
    rf"(?P<someone>[ \t]+(?:that[ \t]+)?(?:someone|somebody)[ \t]+(?:once[ \t]+)?(?:wrote|did|submitted|"
    rf"put[ \t]+together)|"
    # "a paper she was writing on the Commonwealth Monitoring Force": a work in progress, unnamed
    rf"[ \t]+(?:that[ \t]+)?(?:she|he|they)[ \t]+(?:was|were|is|are|had[ \t]+been|has[ \t]+been)[ \t]+writing)?"
    rf"(?P<tail>[ \t]+(?:about|on|concerning|regarding|covering|in|from|at)[ \t]+[^.;:\n]{{2,160}}?"
    rf"(?=[.;:\n]|,\s|$|[ \t]+(?:but|though|although|because)[ \t]))?"
    # "a book that for decades was the only account in English: Formosa Betrayed"
    rf"(?:(?:[ \t]+(?:that|which)[ \t]+[^.;:\n]{{2,120}}?)?:[ \t]+(?P<title>[A-Z][^.;,\n]{{2,120}}))?"
)
_DATED_TITLE_END = re.compile(rf"[ \t]*\((?P<year>{YEAR})\)[ \t]*$")
# ", published in 1965", ", published by the Bluecoat Press in 1994": the year a title comes with
_PUBLISHED_IN_YEAR = re.compile(rf",?[ \t]+(?:first[ \t]+)?(?:published|printed|issued|written)[ \t]+"
                                rf"(?:by[ \t]+(?:the[ \t]+)?[A-Z][\w'’&.-]*(?:[ \t]+[A-Z][\w'’&.-]*){{0,4}}[ \t]+)?"
                                rf"in[ \t]+(?P<year>{YEAR})\b")
# "the documentary Jake saw on Netflix": a work known only as what someone once saw
_THE_WORK_SOMEONE_SAW = re.compile(
    r"\b[Tt]he[ \t]+(?:(?:old|same)[ \t]+|(?P<broadcaster>" + _BROADCASTER + r")[ \t]+)?"
    r"(?P<noun>documentary|film|programme|program|podcast|book|video|series|article|episode)[ \t]+"
    r"(?:that[ \t]+|which[ \t]+)?(?:" + _SOMEONE_SAW_IT +
    # "the BBC documentary we watched in Year 9": a programme the writer once saw, never named
    r"|(?<!book[ \t])(?<!article[ \t])(?P<we>we|I|they)[ \t]+(?:all[ \t]+)?(?:once[ \t]+)?"
    r"(?:saw|watched|were[ \t]+shown)\b)"
    r"(?:[ \t]+(?:on|in|at)[ \t]+(?:the[ \t]+)?[A-Z]\w*(?:[ \t]+\d{1,2}\b)?)?")
# "the little booklet produced for the church hall's centenary in 1985": a local booklet, named by its occasion
_THE_BOOKLET = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[Aa]n?(?=[ \t][^.;:!?\n]{0,120}?\b(?:anniversar|centenar|jubilee|"
    r"(?:produced|compiled|published|printed|put[ \t]+together)[ \t]+by|kept[ \t]+(?:at|in))))[ \t]+"
    r"(?:(?:little|small|slim|thin|old|local|village|parish|church|souvenir|commemorative|centenary|anniversary|"
    r"jubilee|memorial)[ \t]+){0,3}"
    # "a small volume of memories put together by local students"
    r"(?P<noun>booklet|pamphlet|leaflet|brochure|volume[ \t]+of[ \t]+(?:memories|recollections|reminiscences|"
    r"testimonies))[ \t]+(?:"
    r"(?:(?:that|which)[ \t]+(?:was|were)[ \t]+)?"
    r"(?:produced|published|printed|written|compiled|issued|put[ \t]+together)[ \t]+(?:for|by)[ \t]+"
    r"(?:(?:the|a|our)[ \t]+|(?=(?:[\w'’-]+[ \t]+)?(?:students|pupils|schoolchildren|volunteers)\b))"
    rf"(?:[\w'’-]+[ \t]+){{0,3}}{_LOCAL_MAKER}\b(?:['’]s[ \t]+\w+)?(?:[ \t]+in[ \t]+(?:the[ \t]+)?\d{{4}}s?)?|"
    # "when the library did its little booklet for the 50th anniversary", "the little booklet the Lutheran
    # congregation in Bradford printed for one of their anniversaries"
    r"(?:[^.;:!?\n]{0,80}?[ \t](?:printed|produced|published|did|made|issued|put[ \t]+out|brought[ \t]+out)[ \t]+)?"
    r"(?:for|to[ \t]+mark)[ \t]+(?:one[ \t]+of[ \t]+)?(?:the|their|its|our)[ \t]+(?:[\w'’-]+[ \t]+){0,2}"
    r"(?:anniversary|anniversaries|centenary|jubilee|centennial|bicentenary)\b|"
    # "the little booklet that was produced when the memorial plaque went up in 2006"
    r"(?:(?:that|which)[ \t]+(?:was|were)[ \t]+)?(?:produced|published|printed|put[ \t]+out|brought[ \t]+out|"
    r"made|done)[ \t]+when[ \t]+[^.;:!?,\n]{5,100}?(?=[.;:!?,\n])|"
    # "An old parish booklet kept at the back of the church lists the seamen buried from here"
    r"(?:that[ \t]+is[ \t]+|which[ \t]+is[ \t]+)?kept[ \t]+(?:at|in)[ \t]+(?:the[ \t]+)?[^.;:!?,\n]{3,60}?"
    r"(?=[ \t]+(?:lists?|says|records?|gives?|tells|names?|shows?|has|had)\b))")
# "The old school textbook I grew up with claimed ...": the writer's own copy of a book never named
_SCHOOLBOOK = re.compile(
    # "The local booklet your aunt lent me, printed in Bardi ..., gives his age as 48"
    rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{_WORK_NOUN_ALT})\s+(?:(?:that|which)\s+)?"
    rf"(?:I|we|(?:your|my|our)\s+(?:[a-z]+\s+)?(?=(?:lent|gave|sent|showed)\s+(?:me|us)\b))\s*"
    rf"(?:grew\s+up\s+with|had\s+at\s+school|used\s+at\s+school|had\s+as\s+an?\s+"
    rf"(?:boy|girl|child|kid|student|schoolboy|schoolgirl)|"
    # "The old guidebook we picked up at the station says ...": a copy the writer came by, never named
    rf"picked\s+up|bought|borrowed|inherited|dug\s+out|came\s+across|(?:was|were)\s+(?:given|lent|sent)|"
    rf"(?:lent|gave|sent|showed)\s+(?:me|us))\b"
    rf"[^.!?]{{0,80}}?\s(?:said|says|claimed|claims|stated|states|told|tells|had|has|gives|gave|reckons|reckoned)\b")
# "The parish register records her baptism", "According to the club's minute book, ...": a record the writer
# consulted, named by what it is; a general noun ("the records show") needs a word saying whose or which
_RECORD_NOUN = (r"(?P<noun>census(?:[ \t]+returns?)?|parish[ \t]+registers?|minute[ \t]?books?|log[ \t]?books?|"
                r"war[ \t]+diar(?:y|ies)|scrapbooks?|rate[ \t]+books?|punishment[ \t]+books?|service[ \t]+records?|"
                r"muster[ \t]+rolls?|electoral[ \t]+(?:registers?|rolls?)|(?P<general>registers?|minutes|records|"
                r"rolls?|ledgers?|logs?|accounts?[ \t]+books?|day[ \t]?books?))")
_RECORD_QUALIFIER = re.compile(
    r"\d{4}|['’]s?\b|\b[A-Z]|\b(?:parish|school|club|church|chapel|battalion|regimental|brigade|divisional|ship|"
    r"lodge|union|branch|society|council|cabinet|admissions?|baptismal|burial|marriage|crew|pit|colliery|mill|"
    r"company|works|station|hospital|workhouse|court|police|wardens|committee|vestry|board|estate)\b")
_RECORD_SAYS = re.compile(
    r"\b(?:(?P<according>[Aa]ccording[ \t]+to[ \t]+)|(?<![Aa]ccording[ \t]to[ \t]))(?P<the>[Tt]he)[ \t]+"
    r"(?P<qual>(?:(?!(?:the|a|an|of|in|and|or)\b)[\w'’-]+[ \t]+){0,3}?)" + _RECORD_NOUN +
    r"(?P<which>[ \t]+(?:for|of)[ \t]+(?:(?:\d{1,2}[ \t]+)?[A-Z][a-z]+[ \t]+\d{4}|\d{1,2}[ \t]+[A-Z][a-z]+|\d{4}|"
    r"the[ \t]+[\w'’-]+|[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}))?"
    r"(?(according)(?=[ \t]*[,.;])|[ \t]+(?:also[ \t]+|only[ \t]+|still[ \t]+)?"
    r"(?:records?|recorded|shows?|showed|lists?|listed|notes?|noted|says|said|gives?|gave|mentions?|mentioned|"
    r"confirms?|confirmed|names?|named)\b)")
# "the official report on the incident that the Executive Yuan published in 1992": a body's report, by its year
_BODY_PUBLISHED_REPORT = re.compile(
    r"\b[Tt]he[ \t]+(?:(?:official|final|interim|first|second|government|parliamentary|published)[ \t]+){0,2}"
    r"(?P<noun>report|white[ \t]+paper|inquiry|review|survey|study)"
    r"(?:[ \t]+(?:on|into|of)[ \t]+[^.;:!?()\n]{3,80}?)?[ \t]+(?:(?:that|which)[ \t]+)?"
    r"(?P<who>(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]*){0,4})[ \t]+"
    rf"(?:published|issued|printed)[ \t]+in[ \t]+(?P<year>{YEAR})\b")
_TITLE_THEN_WHAT_IT_IS = re.compile(
    rf"\((?:the|a|an|his|her|their)[ \t]+(?:(?P<year>{YEAR})[ \t]+)?(?:[A-Za-z-]+[ \t]+){{0,2}}?"
    r"(?P<noun>documentary|film|movie|book|novel|biography|memoir|memoirs|podcast|series|miniseries)\b")
_LISTED_FILM = re.compile(
    rf"(?m)^[ \t]*(?:(?:[-*+•]|\d{{1,3}}[.)])[ \t]+)?[*_\"“]?(?P<title>[A-Z][\w'’:!-]*(?:[ \t]+(?:[A-Z][\w'’:!-]*|"
    rf"{_TITLE_SMALL}|\d+)){{0,10}})[*_\"”]?[ \t]*\((?P<year>{YEAR})\),?[ \t]+(?:dir\.|directed[ \t]+by)[ \t]+"
    rf"(?P<who>{PERSON})")
_IS_A_PREDICATE = re.compile(r"\b(?:it|this|that|which|he|she)[ \t]+(?:is|was|[\x27’]s|remains|becomes|became)"
                             r"[ \t]+(?:(?:really|just|only|more|less|still|essentially|basically|not)[ \t]+)?$")
# a title in plain type as a reader types it: capitalised words and the small words between them
_TITLE_WORD_RUN = rf"(?:[ \t]+(?:[A-Z][\w'’!:-]*|{_TITLE_SMALL}))"
_READ_TITLE_BY = re.compile(
    rf"\b(?:[Rr]ead|[Tt]ry|[Rr]ecommend|(?:I|we)(?:['’]d)?[ \t]+(?:loved|enjoyed|liked|recommend)|"
    # "If you read one thing this year, make it Striking Women: ... by Sundari Anitha and Ruth Pearson"
    rf"[Mm]ake[ \t]+it)[ \t]+"
    rf"(?P<title>[A-Z][\w'’!-]*{_TITLE_WORD_RUN}{{0,15}})[ \t]+by[ \t]+(?P<who>{PERSON})")
_BY_FAR = re.compile(r"[ \t]+(?:far|now|then|chance|accident|and[ \t]+large|the[ \t]+way|default)\b")
_BY_AUTHOR_AT_END = re.compile(rf"[ \t]+by[ \t]+(?P<who>{PERSON})\Z")
_WRITTEN_WITH_BEFORE = re.compile(r"\b(?:(?:edited|written|compiled|co-?authored)[ \t]+)?(?:with|by)[ \t]+\Z")
_TITLE_BY_AUTHOR_DATED = re.compile(
    rf"(?<![\w'’-])(?P<title>[A-Z][\w'’!:-]*{_TITLE_WORD_RUN}{{1,12}}?)[ \t]+by[ \t]+"
    rf"(?P<who>{PERSON})[ \t]*\((?:[^()\n]{{1,40}},[ \t]*)?(?P<year>{YEAR})\)")
# "Have a read of Gary Sheffield before you hang him", "read some Overy": a historian's work, not which one
_READ_OF_AUTHOR = re.compile(
    rf"\b(?:(?:[Hh]ave|[Hh]ad|[Gg]ive|[Tt]ake|[Gg]et)[ \t]+a[ \t]+(?:good[ \t]+|proper[ \t]+)?read[ \t]+(?:of|at)|"
    rf"[Rr]ead[ \t]+(?:some|more|any))[ \t]+(?P<who>{PERSON})(?![\w'’-]|[ \t]+[A-Z])")
_QUOTES_IT_IN_TITLE = re.compile(
    rf"(?P<who>{PERSON})[ \t]+(?:also[ \t]+)?(?:quotes|cites|reproduces|prints|discusses|mentions|covers|describes)"
    rf"[ \t]+(?:it|this|that|them|him|her)[ \t]+in[ \t]+(?P<title>(?:The|A|An)[ \t]+[A-Z][\w'’-]*{_TITLE_TAIL})")
_AUTHOR_TITLE_PUBLISHED = re.compile(
    rf"(?P<who>{PERSON}),[ \t]+(?P<title>[A-Z][\w'’-]*{_TITLE_TAIL}(?::[ \t]+[A-Z][\w'’-]*{_TITLE_TAIL})?),[ \t]+"
    rf"(?:first[ \t]+)?published[ \t]+(?:in[ \t]+)?(?P<year>{YEAR})\b")
_IN_TITLE_THE_BOOK = re.compile(
    rf"\bin[ \t]+(?P<title>[A-Z][\w'’-]*{_TITLE_TAIL}(?::[ \t]+[A-Z][\w'’-]*{_TITLE_TAIL})?),[ \t]+the[ \t]+"
    rf"(?:[A-Z][\w&.-]*[ \t]+)?(?:(?P<year>{YEAR})[ \t]+)?(?P<noun>book|study|biography|monograph|memoir|history)\b")
_OBJECT_BOOKS = frozenset(["prayer", "guest", "ration", "pay", "log", "address", "phone", "account", "exercise",
                           "hymn", "cheque", "sketch", "scrap", "note", "visitor", "visitors", "cook", "cookery",
                           "rule", "order", "stamp", "autograph", "colouring", "coloring", "bank", "call", "record",
                           "minute", "service"])
# what names one episode after the programme: "(No. 41)", "#212", "episode 3", "called ...", a quoted title
_EPISODE_NAMED = re.compile(r"[*_]*[ \t]*(?:podcast[ \t]+)?(?:[(,][ \t]*)?"
                            r"(?:\#|[Nn]o\.?[ \t]*|[Ee]p(?:isode)?\.?[ \t]*\d|(?:called|titled|entitled)\b|[\"“‘'])")
_EPISODE_OF = re.compile(
    r"\b(?:an?|the|one|that|this|their|his|her)[ \t]+(?:[a-z]+[ \t]+){0,2}?episodes?[ \t]+of[ \t]+"
    r"(?:the[ \t]+podcast[ \t]+)?"
    rf"(?P<title>(?:The[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|is|are|was|{_TITLE_SMALL})){{0,8}})")
# "An old school history I had said …"; not "… the two states renounced …", where the verb is a noun
_SAYS_AFTER = re.compile(r"\s*(?:[\w\s']{0,40}\s)?(?<!the )(?<!two )(?<!both )(?<!all )(?<!member )(?<!these )"
                         r"(?<!their )(?<!its )(?<!his )(?<!her )(?<!our )(?<!of )(?<!no )"
                         r"(?:said|says|claimed|claims|told|tells|showed|shows|stated|states|described|describes|"
                         r"argued|argues|dealt\s+with|records|reckons|mentions|estimates)\b"
                         # "A Channel 4 documentary covered the trial": a verb of reporting right after the work,
                         # not "a book that covers the whole war" somebody needs
                         r"|\s+(?:(?:also|once|even|later|[a-z]+ly)\s+)?(?:covered|mentioned|reported|suggested|"
                         r"explained|revealed|interviewed|featured|quoted|cited)\b")
# "An old textbook that was used in the school for years stated ...", "a diary that we still have, in it he says"
_SAYS_AFTER_CLAUSE = re.compile(r"\s*(?:that|which)\s[\w\s',]{0,60}\s(?:said|says|claimed|claims|stated|states|"
                                r"argued|argues)\b")
# "A BBC documentary on the Glosters is sometimes repeated on BBC Four", "... made years ago is still shown"
_STILL_SHOWN = re.compile(r"[ \t]+(?P<verb>is|was|are|were|can|may|might)[ \t]+(?:(?:still|sometimes|often|"
                          r"occasionally|regularly|well|really|definitely|usually)[ \t]+)?"
                          # "A BBC feature on the hotels ... can sometimes be found online"
                          r"(?:be[ \t]+(?:found|seen|watched|viewed|heard)[ \t]+"
                          r"(?:online|on[ \t]+(?:YouTube|iPlayer|the[ \t]+iPlayer|the[ \t]+BBC[ \t]+website))|"
                          r"shown|repeated|screened|"
                          r"worth[ \t]+(?:watching|a[ \t]+watch|catching|reading|a[ \t]+read|a[ \t]+look|a[ \t]+listen|"
                          r"listening|seeking[ \t]+out|tracking[ \t]+down|hunting[ \t]+down))\b")
# "this claim came from a BBC documentary", "I'm fairly sure it's in an old textbook too"
_FROM_OR_IN_BEFORE = re.compile(r"\b(?:(?:came|comes|come|taken|is|was|are|were)[ \t]+from|"
                                # "Stuart put together some notes from an old magazine article on the Bus"
                                r"(?:notes|extracts|excerpts|quotes|quotations|details|information|figures)[ \t]+"
                                r"(?:taken[ \t]+|copied[ \t]+)?from|"
                                # "I looked the word up in an old slang dictionary"
                                r"(?:looked|look|looking|checked|check)[ \t]+(?:[\w'’]+[ \t]+){0,3}?up[ \t]+in|"
                                r"(?:it|that|this|they)(?:['’]s|['’]re|[ \t]+(?:is|was|are|were))[ \t]+"
                                r"(?:also[ \t]+)?in)"
                                r"[ \t]+\Z")
# "- A Radio 4 documentary about the interpreters": a work that opens an item of a list
_LIST_ITEM_OPENING = re.compile(r"[ \t]*(?:[-*•]|\d{1,3}[.)])[ \t]+")
_THERE_IS = re.compile(r"\b[Tt]here(?:['’]s|[ \t]+(?:is|was|are|were))"
                       # "There's a good video on this", "There is also said to be a dissertation on"
                       r"(?:\s+(?:also|actually|even|apparently|still|said\s+to\s+be|supposed\s+to\s+be|"
                       r"meant\s+to\s+be)){0,2}\s*$")
_TITLE_AFTER_NOUN = re.compile(
    rf"\b(?P<noun>{_WORK_NOUN_ALT})\s*(?:,\s*|\s+)?(?:(?:called|titled|entitled|named)\s+)?"
    rf"[\"“‘*_](?P<title>[A-Z][^\"”’*_\n]{{2,150}}?)[\"”’*_]"
)
# "(see Kershaw, Hitler: Nemesis, p. 800)", "(Playfair, vol. III)": an author with a title or a locator in brackets
_LOCATOR = r"(?:pp?\.|vol\.|vols\.|ch\.|chap\.|chapter|no\.|fol\.|ff?\.)[ \t]*[\dIVXLCivxlc]+(?:[-–][\dIVXLCivxlc]+)?"
_PAREN_AUTHOR_TITLE = re.compile(
    rf"\((?P<see>(?:see|See)(?:[ \t]+also)?[ \t]+|cf\.[ \t]+)?(?P<who>{PERSON}),[ \t]+"
    rf"(?:[*_\"“]?(?P<title>(?:(?:The|A|An)\b|[A-Z][\w'’:-]*)"
    rf"{_TITLE_TAIL})"
    rf"[*_\"”]?(?:,[ \t]*|[ \t]*(?=\)))|(?=(?i:{_LOCATOR})))"
    rf"(?P<locator>(?:(?i:{_LOCATOR})(?:,[ \t]*)?)*)\)"
)
# "This is all in Richard Evans, The Third Reich at War": a writer, a comma, a title, after "in" or "see"
_IN_AUTHOR_COMMA_TITLE = re.compile(
    rf"\b(?:in|see|See|from|read|Read|cf\.)[ \t]+(?P<who>{PERSON}),[ \t]+[*_\"“]?"
    rf"(?P<title>(?:(?:The|A|An)\b|[A-Z][\w'’:-]*){_TITLE_TAIL})"
    rf"[*_\"”]?"
)
_PAGE_AFTER_TITLE = re.compile(r",[ \t]*(?:pp?\.|pages?)[ \t]*[\dxivlc]")
# "someone on the Great War Forum said ...", "a poster on Reddit claimed": a post nobody could find again
# somebody unnamed on a site: "someone on", "a poster in", "some bloke on"
SOMEONE_ON = (r"\b(?:[Ss]omeone|[Ss]omebody|(?:[Aa]|[Ss]ome)[ \t]+(?:poster|user|member|guy|bloke|chap|commenter|"
              r"redditor)|[Oo]ne[ \t]+(?:poster|user|member))[ \t]+(?:on|in)[ \t]+")
_SOMEONE_ON_FORUM = re.compile(
    SOMEONE_ON +
    # "Someone on the Burma Star descendants Facebook group said"
    r"(?P<site>(?:(?:the|a|this|that|another)[ \t]+)?(?:(?:old|new|local|main|official)[ \t]+)?"
    # "someone on the quiz forum", "someone on the Greek genealogy mailing list on Rootsweb"
    r"(?:(?:(?!(?:the|a|an|this|that|another|other)[ \t])[\w'’-]+[ \t]+){1,4}?"
    r"(?:[Ff]orums?|[Bb]oard(?![ \t]+of\b)|[Gg]roup|[Ss]ubreddit|[Mm]ailing[ \t]+list|"
    r"[Nn]ewsgroup)(?:[ \t]+on[ \t]+[A-Z][\w'’.-]+)?|forum|mailing[ \t]+list|newsgroup)|Reddit(?:['’]s[ \t]+[A-Z]\w+)?|"
    r"r/\w+|Twitter|Facebook|Quora|Discord|Mumsnet|WW2Talk|ww2talk|Historum|AHF|(?:the[ \t]+)?Axis[ \t]+History|"
    # "someone on the boards.ie genealogy forum", "someone on TMP": a site by its address or its initials
    r"(?:the[ \t]+)?[\w-]+\.(?:com|org|net|ie|co\.uk|de|fr|nl)(?:[ \t]+[\w'’-]+){0,3}?[ \t]+(?:[Ff]orums?|[Bb]oards?|"
    r"[Gg]roup|[Ss]ite)|(?<=on[ \t])[A-Z]{2,5}\b"
    # "someone on Nairaland posted": a site by its name alone, just before what the poster did
    r"|(?<=on[ \t])(?P<named>[A-Z][a-z]+[A-Z]?[a-z]*)(?=[ \t]+(?:posted|wrote|claimed|claims|said|says|reckoned)\b))"
    r"(?=[^.!?\n]{0,40}?\b(?:said|says|claimed|claims|reckoned|reckons|posted|wrote|told|suggested|mentioned|"
    r"insisted|swore|thought|pointed|recommended|linked|replied|answered|explained|noted|typed|transcribed|"
    r"scanned|uploaded|photographed|commented|shared|compiled|put[ \t]+up|"
    # "Someone on Reddit's AskHistorians had a great answer on the debate"
    # ("Someone on r/AskHistorians did a long write-up")
    r"(?:had|gave|wrote|posted|did|made)[ \t]+(?:a|an)[ \t]+(?:[a-z]+[ \t]+)?(?:answer|post|reply|comment|thread|"
    r"write-?up|summary|list|table))\b)")
# "Colonel Angelo Gatti, the official historian, kept a diary": the diary is his; "My nan kept a diary all through
# the blitz": a family's own record, its keeper known to the writer
_KEPT_RECORD = re.compile(
    rf"(?:(?P<kin>(?<![\w'’-])(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir)[ \t]+(?:(?:late|own)[ \t]+)?(?i:{_KIN_WORDS}))"
    rf"|(?P<who>{PERSON})(?:,[^,.;\n]{{1,80}},|,)?)[ \t]+(?:had[ \t]+|also[ \t]+|always[ \t]+)?(?:kept|keeps)[ \t]+"
    r"(?P<what>(?:a|an)[ \t]+(?:[a-z]+[ \t]+)?(?P<noun>diary|journal|notebook|logbook|scrapbook))\b"
)
# a family's letters, kept at home and cited by the writer: "my grandfather's letters", "his letters home to my
# grandmother", "the letters he sent my gran", "Eleven letters from John Hedley to his wife", "a shoebox of his letters"
_KIN = rf"(?:great-)*(?:{_KIN_WORDS}|fianc[ée]e?|sweetheart|girlfriend|boyfriend|parents|family)"
_KIN_RECORDS = frozenset({"service record", "service records", "diary", "diaries", "journal", "journals", "logbook",
                          "logbooks", "scrapbook", "scrapbooks", "notebook", "notebooks", "papers"})
_FAMILY_LETTERS = re.compile(
    r"(?<![\w'’-])(?:"
    rf"(?:(?:[Mm]y|[Yy]our|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir)[ \t]+)?(?:own[ \t]+)?(?i:{_KIN})['’]s[ \t]+"
    r"(?:(?:old|wartime|surviving)[ \t]+)?letters"
    # "My grandads letters from the summer of 37": the apostrophe left out after "my"
    rf"|(?:[Mm]y|[Oo]ur)[ \t]+(?i:{_KIN})s[ \t]+(?:(?:old|wartime|surviving)[ \t]+)?letters"
    rf"|(?:[Hh]is|[Hh]er)[ \t]+letters[ \t]+"
    rf"(?:home\b|(?:to|from)[ \t]+(?:(?:my|his|her|our|their)[ \t]+)?(?i:{_KIN})\b)"
    # "the letters he sent my gran", "eleven letters he wrote home to his wife Nora"
    rf"|(?:[Tt]he|[Tt]hose)[ \t]+letters[ \t]+(?:he|she)[ \t]+(?:sent|wrote)[ \t]+(?:home[ \t]+)?(?:to[ \t]+)?"
    rf"(?:my|his|her|our)[ \t]+(?i:{_KIN})\b"
    # "a letter he wrote home from Italy"
    r"|(?:[Aa]|[Oo]ne|[Tt]he)[ \t]+(?:last[ \t]+|first[ \t]+|long[ \t]+)?letter[ \t]+(?:he|she)[ \t]+(?:wrote|sent)"
    r"[ \t]+home\b"
    # "a small bundle of his letters from the camp": kept by the family, whoever they were sent to
    r"|[Aa][ \t]+(?:(?:small|little|thick|fat|big|large|old)[ \t]+)?(?:bundle|box|shoebox|tin|packet|stack|pile)"
    r"[ \t]+of[ \t]+(?:his|her|their)[ \t]+(?:old[ \t]+|wartime[ \t]+)?letters"
    r"|(?:(?:about|some|around|nearly|almost|over)[ \t]+)?"
    r"(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Tt]wenty|"
    r"[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ee]ighty|[Aa][ \t]+(?:dozen|hundred)|\d{1,3}|"
    r"[Aa][ \t]+(?:(?:small|little|thick|fat|big|large|old)[ \t]+)?(?:bundle|box|shoebox|tin|packet|stack|pile)"
    r"[ \t]+of)[ \t]+(?:(?:his|her)[ \t]+)?letters"
    rf"(?=[ \t]+(?:written[ \t]+|(?:he|she)[ \t]+(?:wrote|sent)[ \t]+(?:home[ \t]+)?)?(?:from|by|to)[ \t]+"
    rf"(?:(?:my|his|her|our)[ \t]+(?:\w+[ \t]+)?(?i:{_KIN})\b|[A-Z])"
    r"|[ \t]+and[ \t]+(?:photos|photographs|papers|postcards))"
    r")(?P<tail>[ \t]+(?:home[ \t]+)?(?:from|to)[ \t]+[^.,;:!?()\n]{2,50})?")
# where a family letter's "from ..."/"to ..." stops: at the verb or the next clause
_TAIL_STOP = re.compile(r"[ \t]+(?:and|but|which|that|who|where|when|he|she|they|I|we|it|is|are|was|were|has|have|had|"
                        r"do|does|did|still|all|(?:say|tell|show|survive|mention|describe|give|speak|talk|cover|"
                        r"make|run|go|start|begin|end)(?:s|d)?|said|told|gave|spoke|made|went)\b"
                        r"|[ \t]+(?:from|to|in|on|at|of|the)[ \t]*\Z")
# "In his War Memoirs, Lloyd George blamed ...": a capitalised title that ends on its own work noun
_PRONOUN_TITLED_MEMOIR = re.compile(
    r"\b(?:[Ii]n|[Ff]rom|[Ss]ee|[Rr]ead)[ \t]+(?P<pron>his|her|their)[ \t]+(?P<title>(?:[A-Z][\w'’-]+[ \t]+){1,3}"
    r"(?P<noun>Memoirs|Diaries|Diary|Letters|Papers|Journals?|Autobiography|Notebooks|Recollections|Reminiscences))"
    r"\b(?:,[ \t]+(?P<who>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})(?=[ \t]+[a-z]))?")
# "his book The Other Side of the Hill", "her memoir Testament of Youth": the writer is named earlier
_PRONOUN_WORK_TITLE = re.compile(
    r"\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:(?:own|first|last|later|earlier|famous|classic|great|new|old|"
    r"second|third|big|short|little)[ \t]+)?"
    r"(?P<noun>book|books|memoir|memoirs|novel|biography|history|study|autobiography|film|documentary|diary|"
    r"diaries|account|monograph|thesis|dissertation|essay|article|pamphlet|play|poem|series|podcast|trilogy)"
    r"[ \t]*,?(?=[ \t]+[*_\"“]?[A-Z])"
)
# "An article in History Today", "a piece in The Economist": a work in a named periodical
_PERIODICAL_WORDS = frozenset(NEWSPAPER_NAMES) | frozenset({
    "Review", "Today", "Quarterly", "Magazine", "Spiegel", "Affairs", "History", "Historian", "Bulletin", "Studies",
    "Atlantic", "Yorker", "Newsweek", "Time", "Digest", "Statesman", "Nation", "Week", "Weekly", "Daily", "Monthly",
    "Annual", "Proceedings", "Transactions", "Annals", "Register", "Record", "Stern", "Post-Dispatch", "Listener",
    "Punch", "Life", "Harper's", "Smithsonian", "Geographic",
})
_WORK_IN_PERIODICAL = re.compile(
    r"\b(?P<det>[Aa]n?|[Tt]he|[Oo]ne|[Tt]his|[Tt]hat|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)[ \t]+"
    r"(?P<adjs>(?:(?:[a-z][\w-]*|1[5-9]\d\d|20\d\d)[ \t]+){0,2}?)"
    r"(?P<noun>article|articles|piece|essay|review|letter|paper|report|feature|column|obituary|editorial|"
    r"interview|story|leader|op-ed)[ \t]+(?:in|for)[ \t]+(?P<the>the[ \t]+)?"
    r"(?P<pub>[A-Z][\w'’.&-]*(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|the|and|for|&)){0,5})"
)
# "General Navarre told Time magazine that ...", "told The Times": an interview in a periodical
_TOLD_PERIODICAL = re.compile(
    r"\btold[ \t]+(?:(?P<the>the|The)[ \t]+)?(?P<pub>[A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,3})"
    r"(?:[ \t]+(?P<noun>magazine|newspaper|paper|radio|television))?(?=[ \t,.;:]|$)"
)
# "The Times of 5 June 1944 carried the story": a newspaper, the day's issue, and what it printed
_DATED_ISSUE = re.compile(
    rf"\b(?P<title>[Tt]he[ \t]+(?:[A-Z][\w'’.-]+[ \t]+){{0,3}}(?:{'|'.join(NEWSPAPER_NAMES)}))[ \t]+"
    rf"(?:of|for|on|dated)[ \t]+"
    rf"(?P<date>{CALENDAR_DAY}[ \t]+{YEAR})"
)
# "The Oxford Companion to World War II says": a reference work that says something
_REFERENCE_SAYS = re.compile(
    rf"\b(?P<title>(?:[Tt]he[ \t]+)?(?:[A-Z][\w'’.-]+[ \t]+){{0,3}}(?:Companion|Handbook|Encyclopedia|Encyclopaedia|"
    rf"Dictionary|Atlas|Almanac|Guide|History|Yearbook|Gazetteer|Chronology)"
    rf"(?:[ \t]+(?:of|to|on)[ \t]+(?:the[ \t]+)?[A-Z][\w'’.-]*"
    rf"(?:[ \t]+(?:[A-Z][\w'’.-]*|of|the|and|[IVX]+|\d+)){{0,6}})?)"
    rf"(?:,[ \t]+vol(?:ume|\.)[ \t]+[\dIVX]+,?)?[ \t]+(?:also[ \t]+|simply[ \t]+)?"
    rf"(?:{'|'.join(_PUBLICATION_VERBS.split())}|gives|has|puts|lists|estimates|counts)\b"
)
# "Per the Imperial War Museum's website", "the BBC History site": a named website or channel
_SITE_NOUN = re.compile(
    r"\b(?P<site>(?:[A-Z][\w&.'’-]*|[A-Z]{2,})(?:[ \t]+(?:[A-Z][\w&.'’-]*|of|for|the|and|&)){0,5})(?P<poss>['’]s)?"
    r"[ \t]+(?P<noun>website|web[ \t]site|webpage|web[ \t]page|site|blog|podcast|YouTube[ \t]channel|channel|"
    r"online[ \t]archive|database)\b"
)
_AN_EPISODE_OF = re.compile(r"\b(?:an?|one|the|that)[ \t]+(?:[a-z]+[ \t]+){0,2}episodes?[ \t]+of[ \t]+(?:the[ \t]+)?"
                         r"(?:[A-Z][\w'’-]*[ \t]+){0,2}\Z")
_DID_AN_EPISODE = re.compile(r"[^.!?\n]{0,80}?\b(?:did|does|had|has|ran|made|devoted)[ \t]+(?:an?|one)[ \t]+"
                             r"(?:[a-z]+[ \t]+)?episodes?\b")


def _dated_appositive_title(prose: str, pos: int) -> bool:
    """A title of two words or more after the work noun, with its year ("Geraghty's history, A North-East Coast
    Town (1951)") or its imprint ("..., *A North-East Coast Town* (Kingston upon Hull Corporation, 1951)")."""
    title = _APPOSITIVE_TITLE.match(prose, pos)
    return title is not None and len(title.group("title").split()) >= 2 and (
        title.group("year") is not None or _IMPRINT_AFTER.match(prose, title.end()) is not None)


def _unnamed_episode(prose: str, lo: int, hi: int, start: int, end: int) -> int | None:
    """Where a podcast's unnamed episode is spoken of, the start of the words that say so ("a good episode of the
    ... podcast"), or ``start`` ("the ... podcast did an episode on him"); None when the podcast itself is cited."""
    if re.match(r"[ \t]+with[ \t]+[A-Z]", prose[end:end + 8]):
        return None  # "an episode of the HistoryExtra podcast with Jonathan Boff": the guest says which
    episode = _AN_EPISODE_OF.search(prose, max(lo, start - 60), start)
    if episode is not None:
        return episode.start()
    return start if _DID_AN_EPISODE.match(prose, end, _sentence_end(prose, end, hi)) else None


_ORG_WORDS = frozenset({"BBC", "History", "Museum", "Archives", "Archive", "Library", "Society", "Trust", "Institute",
                        "University", "Foundation", "Wiki", "News", "Channel", "Project", "Centre", "Center",
                        "Association", "Commission", "Office", "Department", "Service", "Council", "Network",
                        "Magazine", "Times", "Post", "Guardian", "Telegraph", "Britannica", "Academy", "College"})
# a reference in a national archive: "CAB 65/1", "FO 371/23064", "WO 95/1234", "RG 59"
_ARCHIVE_REF = re.compile(
    r"\b(?P<ref>(?:TNA[ \t:,]+|PRO[ \t:,]+)?(?:CAB|FO|WO|ADM|AIR|PREM|HO|CO|DO|KV|HS|INF|MEPO|DEFE|AVIA|BT|MT|HW)"
    r"[ \t]?\d{1,4}/\d{1,6}(?:/\d{1,6})?|(?:NARA[ \t,]+)?RG[ \t]?\d{1,3}(?:,[ \t]*[Ee]ntry[ \t]+\d+)?|"
    r"BArch[ \t,]+[A-Z]{1,3}[ \t]?\d+(?:/\d+)*)"
)
# "His report (Cmnd 6922, HMSO, August 1977)", "Cmd. 5479": a British command paper by its number
_COMMAND_PAPER = re.compile(
    r"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:[Rr]eport|[Ww]hite[ \t]+[Pp]aper|"
    r"[Pp]aper|[Ff]indings)[ \t]+)?\((?P<ref>(?:Cmnd|Cmd)\.?[ \t]*\d{2,5})[^()\n]{0,60}\)|"
    r"\b(?P<bare>(?:Cmnd|Cmd)\.?[ \t]*\d{2,5})\b")
_LINK_AHEAD = re.compile(r"[^.!?\n]*?(?:https?://|www\.|\]\()")
# "Hansard", "FRUS": series of printed official records
_RECORD_SERIES = re.compile(
    r"\b(?P<series>Hansard|FRUS|Foreign[ \t]+Relations[ \t]+of[ \t]+the[ \t]+United[ \t]+States|"
    r"Documents[ \t]+on[ \t]+(?:British|German)[ \t]+Foreign[ \t]+Policy|DBFP|DGFP|Congressional[ \t]+Record|"
    r"Parliamentary[ \t]+Debates)\b(?P<detail>(?:,?[ \t]*(?:\(?(?:HC|HL)[ \t]+Deb\)?|vol\.[ \t]*[\dIVX]+|\d{4}|"
    r"col\.[ \t]*\d+|cols\.[ \t]*\d+[-–]\d+|doc\.[ \t]*\d+|no\.[ \t]*\d+|\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}))*)"
)
# a title with no author, known by its capitals: "Did you ever read Life and Fate?", "It's in Surely
# You're Joking, Mr. Feynman!", "American Prometheus has a good bit on this"
_BARE_TITLE = r"(?P<title>[A-Z](?:[^.;:?!\n()\"“”]|(?<=Mr)\.|(?<=Mrs)\.|(?<=Dr)\.|(?<=St)\.){1,80}?[!?]?)"
_READ_TITLE = re.compile(
    rf"\b(?:read|reread|re-read|finished|recommend)[ \t]+{_BARE_TITLE}(?=[ \t]*(?:[.;:?!,\n]|$)|"
    r"[ \t]+(?:at|for|when|during|years|last|back|recently|again|twice|as[ \t]+a)\b)")  # "I read X at uni"
_IT_IS_IN_TITLE = re.compile(
    r"\b(?:[Ii]t['’]s|[Ii]t[ \t]+(?:is|was)|[Tt]hat['’]s|[Tt]hat[ \t]+(?:is|was)|[Tt]his[ \t]+is)[ \t]+"
    rf"(?:all[ \t]+|also[ \t]+)?in[ \t]+{_BARE_TITLE}(?=[ \t]*(?:[.;:,\n]|$)|(?<=[!?]))")
# "Burgess and French cover all of it in Into That Silent Sea", "Overy discusses this in Why the Allies Won"
_COVERS_IN_TITLE = re.compile(
    rf"(?P<who>{PERSON}(?:[ \t]+(?:and|&)[ \t]+{PERSON})?)[ \t]+(?:also[ \t]+)?(?:covers?|covered|discuss(?:es|ed)?|"
    rf"describes?|described|tells?|told|deals?[ \t]+with|dealt[ \t]+with|goes[ \t]+into|went[ \t]+into|explains?|"
    rf"explained|writes?[ \t]+about|wrote[ \t]+about|"
    rf"ha(?:s|d)[ \t]+(?:a|an)[ \t]+(?:whole[ \t]+|long[ \t]+|good[ \t]+)?(?:chapter|section|bit|essay)"
    rf"[ \t]+(?:on|about))"
    rf"[ \t]+[^.;:\n]{{0,40}}?\bin[ \t]+{_BARE_TITLE}"
    rf"(?=[ \t]*(?:[.;:,\n]|$))")
# "in the book he wrote with Dave Scott, Two Sides of the Moon", "who then wrote his own book in 1978, Suez 1956":
# a work noun, then its title after a comma
_WORK_THEN_TITLE = re.compile(
    rf"\b(?:(?:the|a|an|his|her|their)[ \t]+(?:book|memoir|memoirs|biography|study|history|account|novel)[ \t]+"
    rf"(?:(?:he|she|they|I|we)[ \t]+(?:wrote|co-wrote|published|edited)|(?:written|co-written|published|edited)"
    rf"[ \t]+by[ \t]+{PERSON})|(?:wrote|published|brought[ \t]+out)[ \t]+(?:his|her|their)[ \t]+(?:own[ \t]+)?"
    rf"(?:book|memoirs?|autobiography|diary|diaries|account|study|history))[^,.;\n]{{0,40}},[ \t]+"
    rf"{_BARE_TITLE.replace('.;:?', '.;?')}"
    rf"(?=[ \t]*(?:[.;,\n]|$))")
_VERB_IN_TITLE = re.compile(r"\b(?:is|was|are|were|has|had|have|did|does)\b")
# "Hugh Thomas, in The Suez Affair, which came out the same year": an author, then "in" and the title
# "Or start with Orlando Figes, A People's Tragedy.": a reader's pointer, the author and the title only
_START_WITH_AUTHOR_TITLE = re.compile(rf"\b(?:[Rr]ead|[Ss]tart[ \t]+with|[Tt]ry|[Rr]ecommend|"
                                      # "the best thing on those last weeks is Max Hastings, Armageddon, it's all"
                                      r"best[ \t]+(?:thing|book|account|one|history|study|introduction)\b"
                                      r"[^.!?\n]{0,60}?[ \t]+is)[ \t]+"
                                      rf"(?P<who>{PERSON}),[ \t]+{_BARE_TITLE}"
                                      r"(?=[ \t]*(?:[.;!?\n]|$|,[ \t]+(?:it|that|which)\b))")
# "the Complete Speeches edited by Robert Rhodes James": a title and its editor
_TITLE_EDITED_BY = re.compile(r"(?:\b[Tt]he[ \t]+)?(?P<title>[A-Z][\w'’-]*"
                              r"(?:[ \t]+(?:[A-Z][\w'’-]*|of|and|the|in|on|for|to|a)){1,8}),?[ \t]+edited[ \t]+by[ \t]+"
                              rf"(?P<who>{PERSON})(?:[ \t]+(?:and|&)[ \t]+(?P<who2>{PERSON}))?")
_AUTHOR_COMMA_IN_TITLE = re.compile(rf"(?P<who>{PERSON}),[ \t]+in[ \t]+{_BARE_TITLE}(?=[ \t]*,)")
# "In Homage to Catalonia he described it as ...": the work its author speaks in
_IN_TITLE_HE_SAYS = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=\n))In[ \t]+{_BARE_TITLE}[ \t]+(?:he|she|they|[A-Z][\w'’-]+)[ \t]+(?:also[ \t]+)?"
    r"(?:describes?|described|wrote|writes|says|said|tells|told|recalls?|recalled|argues?|argued|claims?|claimed|"
    r"remembers?|remembered|calls?|called)\b")
_TITLE_HAS_A_BIT = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=\n)){_BARE_TITLE}[ \t]+(?:has|had|gives|covers)[ \t]+(?:(?:a|an|the|some)[ \t]+)?"
    rf"(?:(?:good|great|decent|whole|long|short|nice|excellent|useful|detailed|brief)[ \t]+)?"
    rf"(?:bit|chapter|section|passage|account|discussion|paragraph|pages?|treatment|summary|overview)"
    rf"[ \t]+(?:on|about)\b")
_ISBN = re.compile(r"\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b")
_DOI = re.compile(r"\b(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;)])", re.IGNORECASE)
NARRATIVE_DOCUMENTS = frozenset(["letter", "letters", "telegram", "telegrams", "cable", "cables", "dispatch",
                                 "dispatches", "memorandum", "memoranda", "papers", "note", "notes", "message",
                                 "messages", "report", "reports", "speech"])
# "(Yale, 2001)", "(Faber & Faber, 1998, p. 41)": a publisher and year after a title in plain type
_PUBLISHER_YEAR = re.compile(
    rf"\((?P<pub>[A-Z][^()\n,;]{{1,50}}?|Little,[ \t]Brown|Farrar,[ \t]Straus[^()\n,;]{{0,20}})"
    # "(Columbia UP 2009, translated from the italian)": a university press needs no comma before its year
    rf"(?:,[ \t]*|(?<=UP|ss)[ \t]+)(?P<year>{YEAR})"
    # "(Yale University Press, 2008, p. 85 more or less, I don't have it with me)": a page, a remark
    rf"(?:,[ \t]*(?:pp?\.[ \t]*)?[\divxlc]+(?:[-–]\d+)?)?(?:,[ \t]*[^()\n]{{2,60}}?|[ \t]+[a-z][^()\n]{{1,50}}?)?\)")
# "... edited them: Douglas Haig: War Diaries and Letters 1914-1918, Weidenfeld & Nicolson, 2005."
_PUBLISHER_YEAR_COMMA = re.compile(rf",[ \t]+(?P<pub>[A-Z][^()\n,;:]{{1,40}}?),[ \t]*(?P<year>{YEAR})\b(?![-–/]\d)")
# "it's Slim, Defeat into Victory. Cassell, 1956.": a known publisher and year as a sentence of their own (not after
# an initial: "Donated by Mrs P. Harcourt, 1987")
_PUBLISHER_YEAR_SENTENCE = re.compile(
    rf"(?<![\s.][A-Z])\.[ \t]+(?P<pub>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z&][\w&'’.-]*){{0,3}}),?[ \t]+(?P<year>{YEAR})\b"
    r"(?![-–/]\d)(?=[ \t]*(?:[.;)]|$))", re.MULTILINE)
# "in The Town That Was Murdered, which came out from Gollancz in 1939": a title, then who published it when
_WHICH_CAME_OUT = re.compile(
    r",?[ \t]+(?:which|that)[ \t]+(?:came[ \t]+out|was[ \t]+published|appeared)[ \t]+(?:from|with|by)[ \t]+"
    rf"(?P<pub>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z&][\w&'’.-]*){{0,3}})[ \t]+in[ \t]+(?P<year>{YEAR})\b")
# "Rohan Rivet ... wrote Behind Bamboo in 1946": the writer, the title in plain type, the year
_WROTE_TITLE_IN_YEAR = re.compile(
    rf"\b(?:wrote|published|brought[ \t]+out)[ \t]+(?P<title>[*_\"“]?[A-Z][\w'’-]*{_TITLE_TAIL}[*_\"”]?)[ \t]+in[ \t]+"
    rf"(?P<year>{YEAR})\b")
# "the sixth volume of his The Second World War (Cassell, 1954)": an event's name made a title by its owner
_WORK_OWNER_BEFORE = re.compile(r"(?:\b(?:his|her|their)|\bvolumes?[ \t]+of(?:[ \t]+(?:his|her|their))?)[ \t]+\Z")
# "Michael King has a few pages on it in the Penguin History of New Zealand": a writer's pages in their work
_PAGES_ON_IT_IN = re.compile(
    rf"(?P<who>{PERSON})[ \t]+(?:also[ \t]+)?(?:has|had|gives|gave|devotes|devoted|spends|spent)[ \t]+"
    r"(?:(?:a[ \t]+few|a[ \t]+couple[ \t]+of|some|two|three|several|a|a[ \t]+whole|a[ \t]+good|a[ \t]+short)[ \t]+)?"
    r"(?P<part>pages?|paragraphs?|chapters?|sections?|lines)[ \t]+(?:on|about|to)[ \t]+[^,.;:!?\n]{1,40}?[ \t]+in[ \t]+"
    rf"(?:(?:the|his|her|their)[ \t]+)?(?P<title>[*_\"“]?[A-Z][\w'’-]*{_TITLE_TAIL}[*_\"”]?)"
    r"(?=[ \t]*(?:[,.;:!?)]|\(|$))")
_TWO_SURNAMES_DATED = re.compile(rf"([A-Z][\w'’-]+)[ \t]+(?:and|&)[ \t]+([A-Z][\w'’-]+)[ \t]*\({YEAR}")
# "Slim, Defeat into Victory. Cassell, 1956."; "... the standard work is still Alvin Coox,\nNomonhan: ..." in a
# message wrapped at the margin
_AUTHOR_COMMA_BEFORE = re.compile(rf"(?<![\w'’-])(?P<who>{PERSON}),(?:[ \t]+|[ \t]*\n[ \t]*)\Z")
# "Kramer and Mitchell, ...", "because Bayly and Harper cite it": the first of two authors, before "and"
CO_AUTHOR_BEFORE = re.compile(rf"(?<![\w'’-])(?P<who>{PERSON})[ \t]+(?:and|&)[ \t]+\Z")


def _listed_author(writer: str, hints: NameHints) -> bool:
    """A name before "Title (Publisher, Year)" that reads as its author: a writer's name, or a lone surname the shape
    vouches for ("Montague, The Long Retreat. Cassell, 1961.")."""
    return _writer_named(writer, hints) is not None or (
        " " not in writer and not hints.is_place_or_event(writer) and not _common_word(writer, hints))


_TITLE_WORD = re.compile(r"[A-Z\d][\w'’!?.-]*(?:/[A-Z][\w'’!?.-]*)?:?|[\"“*_]+[A-Z][\w'’!?.-]*(?:/[A-Z][\w'’!?.-]*)?:?")
_POSSESSIVE_WORD = re.compile(r"((?:[A-Z]['’](?=[A-Z]))?[A-Z][\w-]*)['’]s?$")  # "O'Brien's" too
_TITLE_OPENERS = frozenset(["In", "See", "Read", "Also", "And", "But", "From", "Try", "Like", "Then", "His", "Her",
                            "Their", "Its", "My", "Our", "This", "That", "Both", "Or", "Either", "Cf", "Cf.", "Compare",
                            "Especially", "Plus", "Even", "Only", "Just", "Recommended"])


_QUOTED_BEFORE_PAREN = re.compile(r"(?:(?P<owner>[A-Z][\w-]*['’]s?)[ \t]+)?"
                                  r"[\"“](?P<title>[A-Z][^\"“”\n]{2,160}?)[,.]?[\"”][ \t]*$")


def _publisher_before_year(name: str, title: tuple[int, str, str | None, int] | None, hints: NameHints) -> bool:
    """"(Yale, 2001)" after a title names its publisher; so does any one word that is nobody's name after a
    title with its author's possessive: "Dieter Pohl's Nationalsozialistische Judenverfolgung (Oldenbourg, 1996)"."""
    if title is None:
        return False
    if is_publisher(name):
        return True
    owner = title[2]
    if owner is None or len(name.split()) != 1 or name == owner.split()[-1]:
        return False
    if hints.is_scholar(owner):
        return True  # a historian's title, then "(Oldenbourg, 1996)", whoever else bears the name
    return not hints.is_person(name) and (_unknown_full_name(owner, hints) or hints.is_person(owner))


_WORK_CUE_BEFORE = re.compile(r"\b(?:in|see|from|read|reading|recommend)[ \t]+\Z", re.IGNORECASE)


def _unknown_imprint(prose: str, lo: int, title: tuple[int, str, str | None, int], name: str,
                     hints: NameHints) -> bool:
    """A publisher we do not know, in brackets after a title of three words or more that a reader is sent to:
    "quoted in The Battle of Britain Then and Now (After the Battle, 1980)"."""
    start, text, owner, _owner_start = title
    return (owner is None and len(text.split()) >= 3 and _WORK_CUE_BEFORE.search(prose, max(lo, start - 12), start)
            is not None and not hints.is_place_or_event(name) and not hints.is_person(name)
            and not hints.is_place_or_event(text))


_IN_SUBTITLE = re.compile(r"[A-Z][\w'’-]*:(?:[ \t]+(?:[A-Z][\w'’-]*,?|and|of|the|in|on|for|to|a|an|&))*[ \t]+\Z")


def _title_before(prose: str, paren: int, lo: int) -> tuple[int, str, str | None, int] | None:
    """The title in plain type that ends just before ``paren`` ("Gary Sheffield's Forgotten Victory (" gives
    "Forgotten Victory", by "Gary Sheffield"): capitalised and small words back to a possessive, a lower-case
    word or punctuation; its start, its text, the possessive owner if there is one and where the owner starts."""
    head = prose[max(lo, paren - 200):paren]
    head = head[head.rfind("\n\n") + 1:]  # a title does not run on over a blank line (or a table's next cell)
    base = paren - len(head)
    quoted = _QUOTED_BEFORE_PAREN.search(head)
    if quoted is not None:
        # 'Copeland's "Colossus: The Secrets of Bletchley Park's Codebreaking Computers" (': the quotation
        # marks bound the title, whatever possessives it holds
        owner_match = _POSSESSIVE_WORD.match(quoted.group("owner") or "")
        owner_text = owner_match.group(1) if owner_match else None
        return (base + quoted.start("title") - 1, quoted.group("title"), owner_text,
                base + quoted.start("owner") if owner_text else -1)
    tokens = list(re.finditer(r"\S+", head))
    if not tokens or head[tokens[-1].end():].strip(" \t"):
        return None
    kept: list[re.Match[str]] = []
    owner: str | None = None
    owner_start = -1
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group().rstrip("*_\"”’")
        if not kept or re.fullmatch(r"\d{4}(?:[-–]\d{2,4})?:?", kept[-1].group()) or (
                word.endswith(",") and _IN_SUBTITLE.search(head, max(0, tokens[i].start() - 80), tokens[i].start())):
            # "The Berlin Wall: A World Divided, 1961-1989 (Bloomsbury, 2006)", "Franco and Hitler: Spain,
            # Germany, and World War II (Yale University Press, 2008)"
            word = word.rstrip(",")
        if (possessive := _POSSESSIVE_WORD.match(word)) and kept and not (
                i and (tokens[i - 1].group().endswith(":") or tokens[i - 1].group() in ("the", "The"))):
            # (a possessive after a colon opens a subtitle: "DPs: Europe's Displaced Persons"; nobody's name
            # follows "the": "How a Continent Changed the World's Game")
            names = [possessive.group(1)]
            j = i - 1
            while j >= 0 and len(names) < 3 and re.fullmatch(r"[A-Z][\w.'’-]*", tokens[j].group()):
                names.insert(0, tokens[j].group())
                j -= 1
            owner = " ".join(names)
            owner_start = base + tokens[j + 1].start()
            break
        if _TITLE_WORD.fullmatch(word) or (kept and word.lower() in _TITLE_SMALL_WORDS and word.islower()):
            kept.append(tokens[i])
            if word.endswith((".", "!", "?")) and len(word) > 2 and not re.fullmatch(r"[A-Z]\.|Vol\.|No\.", word):
                kept.pop()
                break
            continue
        break
    kept.reverse()
    while kept and ((kept[0].group().lower() in _TITLE_SMALL_WORDS and kept[0].group().lstrip("*_\"“") not in (
            "The", "A", "An")) or kept[0].group() in _TITLE_OPENERS):
        kept.pop(0)  # "in The Guns of August (1962)" keeps its article
    if not kept:
        return None
    start, end = base + kept[0].start(), base + kept[-1].end()
    title = prose[start:end].strip(" *_\"“”’")
    if len(title) < 3 or not title[:1].isupper():
        return None
    return start, title, owner, owner_start


_NOT_WHO = frozenset(
    ["The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our",
     "My", "Its", "There", "Here", "What", "When", "Where", "Why", "How", "Which", "Who", "Whom", "Whose", "However",
     "But", "And", "Or", "So", "Then", "Thus", "Also", "Although", "Though", "While", "If", "As", "In", "On", "At",
     "For", "From", "By", "Of", "To", "With", "Without", "After", "Before", "During", "Since", "Until", "Because",
     "Yet", "Still", "Even", "Just", "Only", "Now", "Today", "Yesterday", "Tomorrow", "Many", "Most", "Some", "Several",
     "All", "Both", "Each", "Every", "Any", "No", "None", "One", "Two", "Three", "Four", "Five", "Others", "Another",
     "Such", "Much", "More", "Less", "Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady", "General", "Colonel", "Captain",
     "Admiral", "Marshal", "President", "Minister", "Chancellor", "King", "Queen", "Prince", "Princess", "Emperor",
     "Pope", "Saint", "St", *MONTHS, *WEEKDAYS, "See", "Read", "Cf", "Compare", "Like", "Unlike", "Per", "Quoted",
     "Cited", "Source", "Sources", "Note", "Notes", "Spring", "Autumn",  # "No. 3 (Autumn 2019)": an issue's season
     "Later", "Earlier", "Afterwards", "Meanwhile", "Instead", "Indeed", "Again", "Once", "Finally", "Perhaps",
     "Nevertheless", "Similarly", "Likewise", "Elsewhere", "Here", "Soon", "Eventually", "Ultimately", "Famously",
     "Everyone", "Everybody", "Nobody", "Somebody", "Someone", "Anyone", "Anybody"]
)


@dataclass(frozen=True, slots=True)
class NameHints:
    """What extraction may ask about names; a lexicon answers it, a document's references add to it."""

    is_person: Callable[[str], bool]  # a known person (full name or surname)
    is_scholar: Callable[[str], bool]  # a person known to write history (historian, editor, journalist...)
    is_place_or_event: Callable[[str], bool]
    is_given_name: Callable[[str], bool] = lambda _word: False
    is_common_word: Callable[[str], bool] = lambda _word: False
    doc_authors: frozenset[str] = frozenset()  # surnames of authors cited in this document's references
    work_titled: Callable[[str, str], str | None] = lambda _who, _title: None  # a known work of who's


def _who_span(m: re.Match[str], who: str) -> tuple[int, int]:
    """Where the cleaned name ``who`` stands in the match's "who" group, whose spaces may be line breaks or runs of
    spaces ("Tsuji\nMasanobu's own account")."""
    group, base = m.group("who"), m.start("who")
    at = group.find(who)
    if at != -1:
        return base + at, base + at + len(who)
    spaced = re.search(r"\s+".join(map(re.escape, who.split())), group)
    return (base + spaced.start(), base + spaced.end()) if spaced else (base, m.end("who"))


def _writer_named(raw: str, hints: NameHints) -> str | None:
    """The name in ``raw`` ("Read Fergal Keane" gives "Fergal Keane") when it reads as a writer's: a person the
    lexicon knows, or a full name it does not."""
    who = _clean_who(raw)
    return who if who is not None and (_person_like(who, hints) or _unknown_full_name(who, hints)) else None


_SURNAME_TOO = frozenset({"King", "Pope", "Chancellor", "Prince", "Queen", "Lord", "More"})


def _clean_who(who: str) -> str | None:
    if "\n" in who:
        head, _, tail = who.partition("\n")
        # a name that runs over a line break ("David\nM. Glantz") is one name; two complete names on
        # two lines (a name, then a link title starting with a name) are not
        if len(head.split()) >= 2 and tail[:1].isupper():
            who = head
    who = re.sub(rf"^(?:{TITLES}\s+)+", "", " ".join(who.split()))
    words = who.split()
    while words and (words[0] in _NOT_WHO or words[0][:1].islower()):
        words = words[1:]
    while words and words[-1] in _NOT_WHO and not (words[-1] in _SURNAME_TOO and len(words) >= 2):
        words = words[:-1]  # ("Michael King", "Martin Luther King", "Alexander Pope" keep their surnames)
    if not words or all(re.fullmatch(r"(?:[A-Z]\.)+", w) for w in words):
        return None  # "C. R. (2004)": the initials of "Browning, C. R.", not a name
    return " ".join(words)


_NOT_PERSON_HEAD = frozenset(
    ["treaty", "treaties", "pact", "war", "wars", "crisis", "conference", "agreement", "accords", "union", "army",
     "armies", "front", "revolution", "republic", "empire", "purge", "offensive", "operation", "campaign", "battle",
     "plan", "doctrine", "act", "convention", "protocol", "league", "party", "movement", "government", "council",
     "committee", "ministry", "office", "navy", "force", "forces", "command", "church", "university", "institute",
     "society", "museum", "library", "archive", "archives", "press", "times", "post", "news", "review", "journal",
     "gazette", "company", "corporation", "bank", "channel", "network", "station", "radio", "television", "tv",
     "school", "college", "academy", "foundation", "commission", "declaration", "charter", "constitution", "line",
     "sea", "ocean", "river", "mountains", "islands", "bay", "strait", "canal", "gulf", "peninsula", "parliament",
     "congress", "senate", "cabinet", "court", "board", "embassy", "regiment", "battalion", "division", "brigade",
     "state", "country", "nation", "city", "town", "village", "paper", "magazine", "newspaper"]
)


def _common_word(who: str, hints: NameHints) -> bool:
    """A capitalised ordinary word ("Russian", "Government") rather than a name."""
    words = who.split()
    return len(words) == 1 and hints.is_common_word(words[0]) and not hints.is_person(words[0])


def _unknown_full_name(who: str, hints: NameHints) -> bool:
    """Two or three capitalised words that are no place, event or institution: "Franz Halder"."""
    words = who.split()
    return (2 <= len(words) <= 3 and not hints.is_place_or_event(who)
            and words[-1].lower() not in _NOT_PERSON_HEAD and words[0].lower() not in _NOT_PERSON_HEAD
            and (hints.is_person(who) or not hints.is_common_word(words[-1])))


def _person_like(who: str, hints: NameHints) -> bool:
    """Does ``who`` name a person (not a place, event, institution or work)? An author the document
    cites is one, even when the name is also a place's ("Sheffield's older book")."""
    if surname_of(who) in hints.doc_authors and not hints.is_place_or_event(who.split()[0] + " " + who) and (
            len(who.split()) > 1 or who in hints.doc_authors):
        return True
    if hints.is_place_or_event(who):
        return False
    words = who.split()
    if words[-1].lower() in _NOT_PERSON_HEAD or words[0].lower() in _NOT_PERSON_HEAD:
        return False
    surname = surname_of(who)
    if surname in hints.doc_authors or hints.is_person(who) or hints.is_person(surname):
        return True
    if len(words) < 2:
        return False
    initial = re.compile(r"(?:[A-Z]\.\s?)+")
    return hints.is_given_name(words[0]) or any(initial.fullmatch(w) for w in words[:-1])


_PERSONAL_RECORDS = frozenset({"diary", "diaries", "memoir", "memoirs", "autobiography", "journal", "journals",
                               "notebooks"})


_TIME_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight", "spring", "summer", "autumn", "winter", "year",
                         "week"} | {word.lower() for word in WEEKDAYS + MONTHS})


def _bare_title(title: str, hints: NameHints, *, framed: bool = False) -> bool:
    """Two or more words in title case that name no person, place, event or ordinary phrase: a title.
    ``framed``: the words around it already say it is a title, so it may open with "Why" or "Two"."""
    words = title.split()
    significant = [w for w in words if w.lower().strip(",'’") not in _TITLE_SMALL_WORDS]
    if len(words) < 2 or len(significant) < 2 or (words[0] in _NOT_WHO and words[0] not in ("The", "A", "An")
                                                    and not framed):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in significant):
        return False
    if words[0].lower() in WORK_NOUNS or _ARCHIVE_SERIES_FIRST.match(title) or hints.is_place_or_event(title) or (
            _names_someone(title, hints) and not (framed and len(words) >= 3)):
        return False
    if all(hints.is_place_or_event(w.strip(",")) or hints.is_person(w.strip(",")) for w in significant):
        return False  # "it was in Wilno or Lwow": names, not a title
    return not (len(words) == 2 and hints.is_person(title))


def _screen_title(title: str, hints: NameHints) -> bool:
    """A title after "the film" or before ", the HBO series": no pronoun or connective, no one's name, no place."""
    words = title.split()
    if not words or (words[0] in _NOT_WHO and not (words[0] in ("The", "A", "An") and len(words) > 1)) or re.match(
            r"[A-Z]{1,6}[ \t]?\d", title):
        return False  # "the registry series CO 822": an archive's series
    return not (_names_someone(title, hints) or hints.is_place_or_event(title))


def _names_someone(title: str, hints: NameHints) -> bool:
    """A "title" that is only a person's name ("Churchill" in "in his memoirs Churchill claims"); a
    title with an article or a small word is a title even when it ends on a surname ("... of the Hill")."""
    return not _ARTICLE_OR_SMALL.search(title) and _person_like(title, hints)


def _object_book(noun: str, adjectives: str) -> bool:
    """"a prayer book", "his pay book", "the visitors' book": a book kept or used, not a work."""
    words = adjectives.split()
    return noun.lower() in ("book", "books") and bool(words) and (
        re.sub(r"['’]s?$", "", words[-1].lower()) in _OBJECT_BOOKS)


def _could_be_author(who: str, hints: NameHints, own_record: bool) -> bool:
    """No place, event, institution or ordinary word; an ordinary word does own a diary or an own
    report when it is no time word ("Chard's own report", but not "Monday's diary")."""
    if hints.is_place_or_event(who) or who.split()[-1].lower() in _NOT_PERSON_HEAD:
        return False
    return (own_record and who.lower() not in _TIME_WORDS) or not _common_word(who, hints)


def _own_record(noun: str, adjectives: str) -> bool:
    """A record only a person keeps ("Harford's diary") or writes of their own doing ("Chard's own report")."""
    return noun in _PERSONAL_RECORDS or (
        "own" in adjectives.split() and noun in ("report", "account", "letters", "letter", "story", "memoir"))


def _kind(noun: str) -> SourceKind:
    return WORK_NOUNS.get(noun.lower()) or _VAGUE_ONLY_NOUNS.get(noun.lower(), SourceKind.OTHER)


def _vague_extra_fits(noun: str, m: re.Match[str], before: str, after: str) -> bool:
    """A drama on the screen ("an Italian TV drama"), a talk someone gave ("a talk at the library", not
    "talks with Stalin"), any magazine or exhibition."""
    if noun.startswith("drama"):
        on_screen = re.match(r"\s+on\s+(?:the\s+)?(?:TV|BBC|ITV|television|radio|Channel)\b", after)
        return _SCREEN_WORD.search(m.group("adjs")) is not None or on_screen is not None
    if noun.startswith("channel"):  # "a popular YouTube channel", not "a channel of the river"
        return re.search(r"\b(?:YouTube|TikTok|Telegram|podcast|history|TV)\b", m.group("adjs")) is not None
    if noun.startswith("catalog"):  # "a militaria auction catalogue", not "the library catalogue" of a search
        return re.search(r"\b(?:auction|sale|sales|dealer['’]?s?|exhibition|bookseller['’]?s?|militaria)\b",
                         m.group("adjs")) is not None
    if noun == "annual":  # "an old Airfix Magazine annual", "a Beano annual", not "an annual report"
        return re.search(r"[A-Z]", m.group("adjs")) is not None and not re.match(r"\s+(?:report|meeting|general)\b",
                                                                                   after)
    if noun.startswith("doc"):  # "a BBC doc", "a Netflix doco", not "the doc" who set the leg or "a Word doc"
        return (_SCREEN_WORD.search(m.group("adjs")) is not None or re.search(
            r"\b(?:YouTube|History\s+Channel|Smithsonian|Discovery|National\s+Geographic|Timewatch)\b", m.group("adjs"))
            is not None) and not re.match(r"\.\w", after)
    if noun == "feature":  # "a German radio feature", "a TV feature", not "a feature of the landscape"
        return _SCREEN_WORD.search(m.group("adjs")) is not None and not re.match(r"\s+of\b", after)
    if noun.startswith("talk"):
        if re.match(r"\s+(?:given|delivered)\b", after):
            return True  # "a talk given to a local history society"
        talks_with = re.match(r"\s+(?:with|between|among|to\s+(?:him|her|them))\b", after)
        negotiations = re.search(r"\b(?:peace|armistice|trade|treaty|secret|staff|border|arms)\s+$", m.group("adjs"))
        conversation = re.search(r"\b(?:had|have|has|having)\s+$", before)  # "we had a talk about it"
        return not (talks_with or negotiations or conversation)
    return True


def _make(prose: str, text: str, start: int, end: int, kind: SourceKind, cue: str, **fields: object) -> Citation:
    while end > start and prose[end - 1] in " ,;:":
        end -= 1
    return Citation(Span(start, end), text[start:end], kind, cue, **fields)  # type: ignore[arg-type]


def _slip_of_cited(surname: str, cited: set[str]) -> bool:
    """"Ashcomb tells it clearly" in a review of Martin Ashcombe's book: one letter off a cited author's
    surname of six letters or more."""
    return len(surname) >= 5 and any(len(name) >= 6 and surname_slip(surname, name) for name in cited)


def surname_slip(written: str, right: str, shortest: int = 4) -> bool:
    """The same surname, or a writer's slip of one letter in it, first letter kept ("Heumann's book" for
    Heuman's, "the passages Rial quotes" for Riall's)."""
    return written == right or (min(len(written), len(right)) >= shortest and written[:1] == right[:1]
                                and Levenshtein.distance(written, right, score_cutoff=1) <= 1)


_NEXT_SENTENCE = re.compile(r"[.!?][\"”’)]*\s+")


_WRAPPED_LINE = 65  # a line at least this long that ends mid-sentence was wrapped at the margin


def _sentence_end(prose: str, at: int, hi: int) -> int:
    """Where the sentence running at ``at`` ends: the next full stop before a space, or the next line break."""
    return min((i for i in (prose.find(". ", at, hi), prose.find("\n", at, hi)) if i != -1), default=hi)


def _sentence_start(prose: str, lo: int, at: int) -> int:
    """Where the sentence holding ``at`` starts: after the last full stop, or the last line break unless the
    line before it was wrapped at the margin ("There is also said to\nbe a dissertation ...")."""
    stop = prose.rfind(".", lo, at)
    line = prose.rfind("\n", lo, at)
    while line > stop:
        previous = prose.rfind("\n", lo, line)
        text = prose[previous + 1:line].rstrip()
        continued = prose[line + 1:line + 2].islower()  # the sentence runs on in lower case
        if len(prose[max(previous + 1, stop):line].strip()) and (
                len(text) < _WRAPPED_LINE or text[-1:] in ".!?:;)]" or not continued):
            return line
        line = previous
    return max(stop, lo)


def _read_elsewhere(prose: str, at: int) -> bool:
    """The writer says they read the thing just named in another work: "Anne's letters set it off. I've
    only read them as quoted in Somerset's biography", "Zeng's letters, which I only know from ..."."""
    if READ_IN_CLAUSE.match(prose, at):
        return True
    end = _NEXT_SENTENCE.search(prose, at, at + 200)
    if end is None:
        return False
    sentence = re.match(r"[^.!?\n]{0,300}", prose[end.end():end.end() + 300])
    return sentence is not None and BACK_SECOND_HAND.match(sentence.group(0)) is not None


def _dated_tail(tail: str | None) -> re.Match[str] | None:
    """When a work was met, said within a few words of what it was about: "about the secret protocol some
    years ago", "in the BMJ some years back"."""
    when = _DATED_IN_TAIL.search(tail) if tail else None
    if when is None or len(tail[:when.start()].split()) > 8 or _TAIL_VERB.search(tail, 0, when.start()):
        return None
    return when


def extract_prose_citations(prose: str, text: str, hints: NameHints, span: Span | None = None) -> list[Citation]:
    """Citations in ``prose[span]`` (the whole prose by default)."""
    lo, hi = (span.start, span.end) if span else (0, len(prose))
    out: list[Citation] = []
    windows: dict[tuple[str, int, int], list[tuple[int, int]]] = {}
    positions = _trigger_positions(prose, lo, hi)

    def scan(pattern: re.Pattern[str], trigger: str, before: int, after: int) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` near the words it cannot do without: each pattern runs only around
        its trigger (a work noun, a year in brackets, "'s", ...), not over the whole text."""
        key = (trigger, before, after)
        if key not in windows:
            windows[key] = _windows(positions[trigger], lo, hi, before, after)
        seen: set[tuple[int, int]] = set()
        for a, b in windows[key]:
            for m in pattern.finditer(prose, a, b):
                if m.span() not in seen:
                    seen.add(m.span())
                    yield m

    for m in scan(_WORK_BY, "work", 100, 170):
        noun = m.group("noun").lower()
        prep = m.group("prep")
        if _BY_FAR.match(prose, m.end("prep")):
            continue  # "the best book by far was Coming Over by ...": an adverb, not the author
        who = _clean_who(m.group("who"))
        if who is None:
            continue
        if prep == "of" and noun not in OF_AUTHOR_NOUNS:
            continue
        if _DESCRIBED_PERSON.match(m.group("who")) and (described := _DESCRIBED_PERSON_NOUN.match(prose, m.end())):
            # "some book by a German general", "a talk by a former Vickers apprentice": nobody named
            start = m.start("det") if m.group("det") else m.start("adjs") if m.group("adjs") else m.start("noun")
            out.append(_make(prose, text, start, described.end(), _kind(noun), "vague-work", vague=True))
            continue
        if prep == "with" and (noun not in _CONVERSATION_NOUNS or not _person_like(who, hints)
                               or m.group("who").strip() != who):
            continue  # "a podcast with Jonathan Boff", not "interviews with high-ranking German generals"
        if prep == "from" and (_kind(noun) not in (SourceKind.VIDEO, SourceKind.ARTICLE, SourceKind.WEB,
                                                   SourceKind.DIARY, SourceKind.BOOK) or noun in NARRATIVE_DOCUMENTS):
            continue  # "a letter from Franz Joseph" is an event of the story, not a work cited
        described = m.group("who")[:_who_span(m, who)[0] - m.start("who")]
        if prep == "from" and re.search(r"[a-z]", described) and not _ORGANISATION.search(described):
            continue  # "his diary from the long passages Ruth Harris quotes": not "a film from the channel X"
        if prep in ("by", "of") and not _person_like(who, hints):
            # "a book by Gorodetsky", "the diaries of Chernyaev": the work noun vouches for an unknown name
            unknown_name = not hints.is_place_or_event(who) and not _common_word(who, hints)
            if not (unknown_name and (noun in OF_AUTHOR_NOUNS or (prep == "by" and noun not in NEEDS_AUTHOR))):
                continue
        end = _who_span(m, who)[1]
        if prep in ("by", "of"):
            servant = _SERVANT_OF.match(prose, end)
            if servant is not None:
                # "the memoirs of Hitler's interpreter, Paul Schmidt": the interpreter's, not Hitler's
                named = _clean_who(servant.group("name")) if servant.group("name") else None
                if named is None:
                    continue
                who, end = named, servant.end()
        kind = _kind(noun)
        if noun in ("book", "books") and m.group("tail") and "diar" in m.group("tail"):
            kind = SourceKind.BOOK
        vague = noun in NEEDS_AUTHOR and prep == "by" and not m.group("tail")
        authors = (who,) if prep in ("by", "of", "with") else ()  # a podcast guest speaks for the episode
        site = who if prep == "from" else None
        start = m.start("det") if m.group("det") else m.start("adjs") if m.group("adjs") else m.start("noun")
        episode = _unnamed_episode(prose, lo, hi, start, end) if noun == "podcast" and prep == "from" else None
        if episode is not None:
            out.append(_make(prose, text, min(start, episode), end, kind, "vague-work", site=site, vague=True))
            continue
        out.append(_make(prose, text, start, end, kind, "work-noun", authors=authors, site=site,
                         vague=vague and kind is SourceKind.OTHER))

    def possessive_works(names: NameHints) -> None:
        taken = {c.span.start for c in out}
        for m in scan(_POSSESSIVE_WORK, "work", 90, 5):
            who = _clean_who(m.group("who"))
            if who is None:
                continue
            direct = _DIRECT_TITLE.match(prose, m.end())
            titled = direct is not None  # "Beevor's book Stalingrad": after a work noun a place can be a title
            dated_title = _dated_appositive_title(prose, m.end())
            noun = m.group("noun").lower()
            own = _own_record(noun, m.group("adjs"))
            letters_sent = noun == "letters" and _LETTERS_SENT.match(prose, m.end()) is not None
            # "as quoted in Savranskaya's article": where the writer read it vouches for a name the lexicon lacks
            # "Rainer's biography of Nagy": a life of someone, written by the owner
            life_of = noun in ("biography", "memoir", "study", "history", "life") and _LIFE_OF.match(
                prose, m.end()) is not None
            if not (_person_like(who, names) or _unknown_full_name(who, names) or (
                    (titled or dated_title or own or life_of
                     or _READ_JUST_BEFORE.search(prose, max(lo, m.start("who") - 25), m.start("who"))
                     or letters_sent)
                    and _could_be_author(who, names, own))):
                continue  # "Novikov-Priboy's novel Tsushima", "Harford's diary": a name the lexicon lacks
            if noun.endswith("s") and noun not in ("diaries", "memoirs", "papers", "letters", "notebooks", "journals",
                                                   "thesis", "analysis", "series"):
                continue  # "Orwell's previous books": his work in general, not a work cited
            if noun in ("works", "writings", "papers", "files", "records"):
                continue
            if noun in ("work", "history", "histories", "account", "speech", "letters", "page", "column") and not (
                names.is_scholar(who) or surname_of(who) in names.doc_authors or own or dated_title
                or _read_elsewhere(prose, m.end())
                # "Tadeusz Wróbel's letters home from Italy": a man's own letters, the writer has read them
                or letters_sent
                # "Roman Töppel's work on Kursk": a full name's work on a subject is scholarship
                or (noun == "work" and len(who.split()) >= 2 and re.match(r"[ \t]+on[ \t]+(?:the[ \t]+)?[A-Z]",
                                                                          prose[m.end():m.end() + 20]))
            ):
                continue
            start = _who_span(m, who)[0]
            if start in taken:
                continue
            whose_life = _LIFE_OF.match(prose, m.end()) if life_of else None
            after = whose_life.end() if whose_life else m.end()
            title = _APPOSITIVE_TITLE.match(prose, after) or (direct if titled else None)
            if title is not None and title.re is _APPOSITIVE_TITLE:
                end = title.end()
            else:
                end = after + len(title.group(0).rstrip(", ")) if title else m.end()
            dated = re.match(YEAR, m.group("adjs"))
            year = title.groupdict().get("year") if title else None
            out.append(_make(prose, text, start, end, _kind(noun), "work-noun",
                             authors=tuple(re.split(r"[ \t]+(?:and|&)[ \t]+", who)),
                             title=title.group("title") if title else None,
                             year=int(dated.group(0)) if dated else int(year) if year else None))

    possessive_works(hints)

    taken_spans = [c.span for c in out]
    for m in scan(_ON_BROADCASTER, "work", 60, 60):
        if any(span.start <= m.start() < span.end for span in taken_spans):
            continue
        site = " ".join(m.group("who").split())
        # "the documentary on BBC North West a few years back": one the writer half remembers
        rest_of_name = _MORE_NAME_WORDS.match(prose, m.end())
        dated = _VAGUELY_DATED.match(prose, rest_of_name.end())
        # "a documentary on BBC Four": where it ran, not which programme it was
        out.append(_make(prose, text, m.start(), dated.end() if dated else m.end(),
                         SourceKind.VIDEO if m.group("noun") != "podcast" else SourceKind.OTHER, "work-noun",
                         site=site.removeprefix("the "),
                         vague=m.group("det").lower() in ("a", "an", "one") or dated is not None))

    for m in scan(_COMPOUND_WORK, "compound", 60, 5):
        who, other = m.group("who"), m.group("other")
        if who in _NOT_WHO or (hints.is_place_or_event(who) and not m.group("titled")):
            continue
        known = hints.is_person(who) or surname_of(who) in hints.doc_authors
        if other is not None:
            # "the Neufeld and Berenbaum volume": a book by its two editors; "the Hitler and Stalin
            # files" are papers about two men the lexicon knows
            if len(who.split()) > 1 or any(_common_word(n, hints) or hints.is_place_or_event(n) or n in _NOT_WHO
                                           for n in (who, other)):
                continue
            out.append(_make(prose, text, m.start(), m.end(), _kind(m.group("noun").lower()), "work-noun",
                             authors=(who, other)))
            continue
        # "the Hossbach memorandum": a document named after someone the lexicon need not know
        if m.group("noun") == "collection" or (not known and (_common_word(who, hints) or (
                len(who.split()) > 1 and not m.group("titled")))):
            continue
        out.append(_make(prose, text, m.start(), m.end(), _kind(m.group("noun").lower()), "work-noun", authors=(who,)))

    for m in scan(_POSSESSIVE_TITLE, "possessive", 80, 220):
        who = _clean_who(m.group("who"))
        # "Kennedy's The Rise and Fall of the Great Powers a lot": a title does not end on a small word
        title = _TRAILING_SMALL.sub("", m.group("title").strip())
        title_end = m.start("title") + len(title)
        known = hints.work_titled(who, title) if who is not None else None
        if known is not None:  # "Beevor's Stalingrad", "Kershaw's Hubris": a work the lexicon knows
            start = _who_span(m, who)[0]  # type: ignore[arg-type]
            out.append(_make(prose, text, start, title_end, SourceKind.BOOK, "author-title", authors=(who,),
                             title=known))
            continue
        if who is None or (hints.is_place_or_event(title) and not _BOOKISH_AFTER.match(prose, title_end)):
            continue  # "Napoleon's Hundred Days" is the event; "Lloyd's Hundred Days has a chapter" a book
        title_words = title.split()
        article = title_words[0] in ("The", "A", "An")
        if _MILITARY_UNIT.search(re.sub(r"^\d{4}:\s*", "", title)) or (not article and (
                title_words[0] in _INSTITUTION_WORDS or title_words[-1] in _INSTITUTION_WORDS)):
            continue  # "Rommel's 7th Panzer Division", "Acheson's State Department": a command or an office
        last = who.split()[-1]
        if hints.is_place_or_event(last) and (hints.is_person(title) or (
                len(title_words) <= 3 and hints.is_given_name(title_words[0]))):
            continue  # "Herbert Schade and Britain's Chris Chataway": a country's man, not a book
        if not (_person_like(who, hints) or (len(title_words) >= 3 and not hints.is_place_or_event(who)
                                              and not _common_word(last, hints))
                or (article and _unknown_full_name(who, hints))):
            continue  # "Jean-Denis Bredin's The Affair": a full name and a title with an article
        read_before = _READ_JUST_BEFORE.search(prose, max(lo, m.start("who") - 25), m.start("who"))
        quoted_in = bool(read_before) and read_before.group(0).split()[0] in (
            "quoted", "cited", "reproduced", "printed")
        one_word_title = bool(read_before) and len(who.split()) >= 2 and not (
            hints.is_place_or_event(title) or (_common_word(title, hints) and not quoted_in))
        if (len(title_words) < 2 and not one_word_title) or title_words[0].lower() in WORK_NOUNS:
            continue  # one word after a possessive is a title only after "I read", "from", "quoted in"
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, title_end, SourceKind.BOOK, "author-title", authors=(who,), title=title))

    for m in scan(_POSSESSIVE_QUOTED_TITLE, "possessive", 80, 220):
        # 'Robert Holland's "Britain and the Revolt in Cyprus, 1954-1959"': quotation marks bound the title
        who = _clean_who(m.group("who"))
        title = m.group("title").strip()
        if who is None or hints.is_place_or_event(who) or _common_word(who.split()[-1], hints) or not (
                _person_like(who, hints) or _unknown_full_name(who, hints) or len(title.split()) >= 2):
            continue
        if _PHRASE_NOUN_AFTER.match(prose, m.end()):
            continue  # 'Churchill's "Iron Curtain" speech': a phrase of his, not a work's title
        if hints.is_person(who) and not hints.is_scholar(who) and not (
                title.split()[0] in ("The", "A", "An") or _PUBLISHED_AFTER.match(prose, m.end())
                or _READ_JUST_BEFORE.search(prose, max(lo, m.start("who") - 25), m.start("who"))):
            continue  # 'Chamberlain's "Peace for Our Time"': a statesman's words, unless published as a work
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, "author-title", authors=(who,), title=title))

    for m in scan(_NAME_PAREN_TITLE, "paren", 60, 100):
        who = _clean_who(m.group("who"))
        title = m.group("title").strip()
        if who is None:
            continue
        # "Evans (The Third Reich in Power) goes through it": a known work, or a historian's titled book
        known = hints.work_titled(who, title)
        if known is None and not (hints.is_scholar(who) and title.split()[0] in ("The", "A", "An")
                                  and len(title.split()) >= 3):
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, "author-title", authors=(who,),
                         title=known or title))

    for m in scan(_ROLE_NAME, "role", 40, 90):
        who = _clean_who(m.group("who"))
        if who is None or hints.is_place_or_event(who):
            continue
        if not (_person_like(who, hints) or (len(who.split()) == 1 and not _common_word(who, hints))):
            continue
        verb = m.group("verb") or ""
        verb_match = SCHOLARLY_VERBS.match(verb) if verb else None
        if verb_match is None and not m.group("according"):
            continue  # "historian X was a soldier": a person discussed, not a work cited
        end = m.start("verb") + verb_match.end() if verb_match else m.end("who")
        start = m.start("according") if m.group("according") else m.start("role")
        out.append(_make(prose, text, start, end, SourceKind.OTHER, "role-name", authors=(who,)))

    for m in scan(_ACCORDING, "according", 5, 220):
        what = m.group("what").strip()
        first = what.split()[0] if what.split() else ""
        if (first in _NOT_WHO and first != "The") or what.lower().startswith(("the same", "the other")):
            continue
        bare = re.sub(r"^the\s+", "", what)
        year = re.search(rf"\(\s*({YEAR})", what)
        who = _clean_who(re.split(r"['’]s?\s", bare)[0].split(" in ")[0].split(" (")[0])
        if who is None:
            continue
        authors = (who,) if _person_like(who, hints) else ()
        if authors and (pair := _TWO_SURNAMES_DATED.match(prose, m.start("what"))) is not None:
            authors = (pair.group(1), pair.group(2))  # "According to Bullock and Jones (1971)"
        if not authors and not (len(who.split()) >= 2 or re.search(rf"\b(?:{_WORK_NOUN_ALT})\b", what)
                                or hints.is_person(who)):
            continue
        if m.group(0)[:3].lower() == "per" and not (
                re.search(rf"\b(?:{_WORK_NOUN_ALT})\b", what) or any(w in _ORG_WORDS for w in who.split())
                or (authors and len(who.split()) >= 2)):
            continue  # "per the Molotov-Ribbentrop Pact" (as the pact laid down), "Per Mare, Per Terram" (a motto)
        title_m = re.search(r"\s+in\s+[\"'“‘?]?([A-Z][^,.;\n\"”?]{2,80})", what)
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.OTHER, "according-to", authors=authors,
                         site=None if authors else who, title=title_m.group(1).strip() if title_m else None,
                         year=int(year.group(1)) if year else None))

    for m in scan(_AUTHOR_YEAR_PAREN, "year", 160, 5):
        body = m.group("body")
        for part in re.finditer(rf"(?P<who>{_AUTHOR_LIST}),?\s(?P<year>{YEAR})(?:[-–]{YEAR})?", body):
            who = part.group("who")
            if who in _NOT_WHO or hints.is_place_or_event(who):
                continue
            if _publisher_before_year(who, _title_before(prose, m.start(), lo), hints):
                continue  # "Spain Betrayed (Yale, 2001)": the book's publisher, read below
            start = m.start("body") + part.start()
            authors = tuple(re.split(r",?\s(?:and|&)\s|,\s", who)) if "," in who else (who,)
            out.append(_make(prose, text, start, m.start("body") + part.end(), SourceKind.OTHER, "author-year",
                             authors=authors, year=int(part.group("year"))))

    for m in [*scan(_PUBLISHER_YEAR, "year", 60, 70), *_PUBLISHER_YEAR_COMMA.finditer(prose, lo, hi),
              *_PUBLISHER_YEAR_SENTENCE.finditer(prose, lo, hi)]:
        if m.re is _PUBLISHER_YEAR_SENTENCE and not is_publisher(m.group("pub")):
            continue
        found = _title_before(prose, m.start(), lo)
        if found is None or not (_publisher_before_year(m.group("pub"), found, hints) or (
                m.re is _PUBLISHER_YEAR and _unknown_imprint(prose, lo, found, m.group("pub"), hints))):
            continue
        start, title, who, who_start = found
        # "in *The Korean War* (Michael Joseph, 1987)": an event's name set in italics or quotes is a title
        marked = text[max(0, start - 4):start].lower().endswith(("*", "_", "\"", "“", "<em>", "<i>")) or (
            _WORK_OWNER_BEFORE.search(prose, max(0, start - 30), start) is not None)  # "the sixth volume of his ..."
        if (hints.is_place_or_event(title) and not (who and hints.is_scholar(who)) and not marked) or (
                m.re is _PUBLISHER_YEAR_COMMA and len(title.split()) < 2):
            continue  # "London, Penguin, 2004": a place of publication, not a title (but "Beevor's Stalingrad" is)
        if who and len(who.split()) == 1 and prose[start] not in "\"“" and not (
                hints.is_scholar(who) or surname_of(who) in hints.doc_authors
                or re.match(r"(?:The|A|An)\s", title)):  # "Cameron's The Hungry Steppe" is by Cameron
            # "Hitler's Willing Executioners (Knopf, 1996)": a possessive that opens the title, not its author
            start, title, who = who_start, prose[who_start:start + len(title)].strip(" *_\"“”’"), None
        authors = (who,) if who and _person_like(who, hints) else ()
        if who and prose[start] in "\"“":
            start, authors = who_start, (who,)  # 'Copeland's "Colossus: ..." (OUP, 2006)': the owner wrote it
        cue = "titled-work"
        if not authors and (by_line := _BY_AUTHOR_AT_END.search(title)) is not None and (
                writer := _writer_named(by_line.group("who"), hints)) is not None:
            # "*The Edge of the Sword* by Anthony Farrar-Hockley (Frederick Muller, 1954)": title, then its author
            title, authors, cue = title[:by_line.start()].strip(" *_\"“”’"), (writer,), "author-title"
        editors: tuple[str, ...] = ()
        if not authors and (written := _WRITTEN_WITH_BEFORE.search(prose, max(lo, start - 30), start)) and (
                _writer_named(title, hints) == title):
            # "which he edited with Eric Hobsbawm (Cambridge University Press, 1983)", "edited by Richard Broad and
            # Suzie Fleming, Falling Wall Press, 1981": the names before the imprint, not a title
            names = tuple(re.split(r"[ \t]+(?:and|&)[ \t]+", title))
            if written.group(0).startswith("edited by"):
                editors = names
            else:
                authors = names
            title, cue = None, "author-title"
        while start > lo and text[start - 1] in "*_" and text[start - 1] in text[start:m.start()]:
            start -= 1  # "*Spy/Counterspy* (Grosset & Dunlap, 1974)": the title keeps its opening marker
        if not authors and (
                by := _AUTHOR_COMMA_BEFORE.search(prose, max(lo, start - 60), start)) is not None and (
                writer := _clean_who(by.group("who"))) is not None and _listed_author(writer, hints):
            # "Slim, Defeat into Victory. Cassell, 1956."
            start, authors, cue = _who_span(by, writer)[0], (writer,), "author-title"
            co = CO_AUTHOR_BEFORE.search(prose, max(lo, start - 40), start)
            if co is not None and (first := _clean_who(co.group("who"))) is not None and _listed_author(first, hints):
                start, authors = _who_span(co, first)[0], (first, writer)  # "Kramer and Mitchell, When the State ..."
        out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, cue, title=title, authors=authors,
                         editors=editors, publisher=" ".join(m.group("pub").split()), year=int(m.group("year"))))

    for m in scan(_WHICH_CAME_OUT, "published", 120, 80):
        found = _title_before(prose, m.start(), lo)
        if found is None or not is_publisher(m.group("pub")) or len(found[1].split()) < 2 or (
                hints.is_person(found[1]) or hints.is_place_or_event(found[1])):
            continue
        start, title, who, _who_start = found
        authors = (who,) if who and _person_like(who, hints) else ()
        out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, "titled-work", title=title, authors=authors,
                         publisher=m.group("pub"), year=int(m.group("year"))))

    for m in scan(_WROTE_TITLE_IN_YEAR, "wrote", 0, 200):
        title = m.group("title").strip("*_\"“”")
        if not _bare_title(title, hints, framed=True) or hints.is_person(title) or hints.is_place_or_event(title):
            continue  # "wrote Churchill in 1940", "published Vienna in 1936"
        who = _antecedent(prose, max(lo, m.start() - 300), m.start(), hints)
        out.append(_make(prose, text, m.start("title"), m.end("title"), SourceKind.BOOK, "titled-work", title=title,
                         authors=(who,) if who else (), year=int(m.group("year"))))

    for m in scan(_PAGES_ON_IT_IN, "pages", 60, 140):
        who = _clean_who(m.group("who"))
        title = _TRAILING_SMALL.sub("", m.group("title").strip("*_\"“” "))
        if who is None or not _person_like(who, hints) or not _bare_title(title, hints, framed=True):
            continue  # "Smith has a chapter on it in Korea": a place, not a title
        out.append(_make(prose, text, m.start("title"), m.start("title") + len(m.group("title").rstrip()),
                         SourceKind.BOOK, "author-title", authors=(who,), title=title))

    for m in scan(_LISTED_FILM, "year", 120, 60):
        # "- Salute (2008), dir. Matt Norman": a film on a viewing list, by its director
        title = m.group("title")
        if hints.is_person(title) or hints.is_place_or_event(title):
            continue
        out.append(_make(prose, text, m.start("title"), m.end(), SourceKind.VIDEO, "titled-work", title=title,
                         authors=(m.group("who"),), year=int(m.group("year"))))

    for m in scan(_TITLE_THEN_WHAT_IT_IS, "work", 40, 5):
        # "For All Mankind (the 1989 documentary, not the TV show)": a title in plain type, then what it is
        found = _title_before(prose, m.start(), lo)
        if found is None or found[2] is not None or len(found[1].split()) < 2 or hints.is_person(found[1]) or (
                hints.is_place_or_event(found[1])):
            continue
        year = m.group("year")
        out.append(_make(prose, text, found[0], m.end(), _kind(m.group("noun").lower()), "titled-work",
                         title=found[1], year=int(year) if year else None))

    for m in scan(_QUOTES_IT_IN_TITLE, "quoting", 40, 120):
        # "Beevor quotes it in The Second World War": the author, and the work they quote it in
        who = _clean_who(m.group("who"))
        title = _TRAILING_SMALL.sub("", m.group("title"))
        if who is None or not (_person_like(who, hints) or surname_of(who) in hints.doc_authors) or len(
                title.split()) < 2:
            continue  # (a book may share its title with an event: Beevor's "The Second World War")
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.start("title") + len(title), SourceKind.BOOK, "author-title",
                         authors=(who,), title=title))

    for m in scan(_READ_TITLE_BY, "by", 160, 60):
        # "Read Dispatches by Michael Herr.", "I'd recommend Ordinary Men by Christopher Browning"
        who = _writer_named(m.group("who"), hints)
        title = _TRAILING_SMALL.sub("", m.group("title"))
        if who is None or title in _NOT_WHO:
            continue
        out.append(_make(prose, text, m.start("title"), _who_span(m, who)[1],
                         SourceKind.BOOK, "author-title", authors=(who,), title=title))

    for m in scan(_TITLE_BY_AUTHOR_DATED, "by", 130, 80):
        # "the best book by far was Coming to England by Floella Benjamin (Pavilion, 1995)"
        who = _writer_named(m.group("who"), hints)
        words = m.group("title").split()
        while words and words[0] in _TITLE_OPENERS | _NOT_WHO and words[0] not in ("The", "A", "An"):
            words.pop(0)
        title = _TRAILING_SMALL.sub("", " ".join(words))
        if who is None or len(words) < 2 or hints.is_place_or_event(title):
            continue
        start = m.start("title") + m.group("title").find(words[0])
        out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, "author-title", authors=(who,), title=title,
                         year=int(m.group("year"))))

    for m in scan(_READ_OF_AUTHOR, "read", 20, 60):
        who = _writer_named(m.group("who"), hints)
        if who is None:
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, start + len(who), SourceKind.BOOK, "work-noun", authors=(who,),
                         vague=True))

    for m in scan(_AUTHOR_TITLE_PUBLISHED, "published", 200, 30):
        # "Alistair Horne, A Savage War of Peace, first published 1977"
        who = _writer_named(m.group("who"), hints)
        if who is None:
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, "author-title", authors=(who,),
                         title=m.group("title").strip(), year=int(m.group("year"))))

    for m in scan(_IN_TITLE_THE_BOOK, "work", 160, 5):
        # "goes through the figures in Algeria: France's Undeclared War, the Oxford 2012 book"
        out.append(_make(prose, text, m.start("title"), m.end(), _kind(m.group("noun").lower()), "titled-work",
                         title=m.group("title").strip(), year=int(m.group("year")) if m.group("year") else None))

    for m in scan(_EPISODE_OF, "work", 40, 90):
        # "a good episode of The Rest Is History on this": the programme is named
        title = _TRAILING_SMALL.sub("", m.group("title"))
        if len(title.split()) < 2 or hints.is_person(title) or hints.is_place_or_event(title):
            continue
        # "an episode of The Rest Is History": one of hundreds, unless its number or title follows
        unnamed = m.group(0)[:3].lower() in ("an ", "one") and not _EPISODE_NAMED.match(
            prose, m.start("title") + len(title))
        out.append(_make(prose, text, m.start(), m.start("title") + len(title), SourceKind.OTHER, "titled-work",
                         title=title, vague=unnamed))

    for m in scan(_COMES_FROM_BODY, "from", 80, 160):
        # "The figure of 137 comes from the Czech Institute for the Study of Totalitarian Regimes"
        out.append(_make(prose, text, m.start("body"), m.end("body"), SourceKind.OTHER, "according-to",
                         site=" ".join(m.group("body").split())))

    for m in scan(_IN_AUTHOR_PAGES, "in-title", 5, 40):
        # "the FAI issue is discussed in Siddiqi pp. 283-284": an author and the pages, the work in short form
        who = m.group("who")
        if who in _NOT_WHO or hints.is_place_or_event(who):
            continue
        out.append(_make(prose, text, m.start("who"), m.end(), SourceKind.OTHER, "author-year", authors=(who,)))

    for m in _AUTHOR_YEAR_ASIDE.finditer(prose, lo, hi):  # it opens on "(": as quick as any trigger
        who = m.group("who")
        if who in _NOT_WHO or hints.is_place_or_event(who) or is_publisher(who):
            continue
        out.append(_make(prose, text, m.start("who"), m.end("year"), SourceKind.OTHER, "author-year", authors=(who,),
                         year=int(m.group("year"))))

    for pattern, trigger in ((_AUTHOR_TITLE_PUB, "year"), (_TITLE_BY_AUTHOR, "by"), (_BY_AUTHOR_IN_TITLE, "year")):
        for m in scan(pattern, trigger, 260, 100):
            who = _clean_who(m.group("who"))
            title = m.group("title").strip(" ,:")
            publisher = (m.group("pub") or "").strip(" ,:;") or None
            # "Nigel Cave, Serre (Leo Cooper, 1996)": with a publisher in the brackets one word is a title
            imprinted = pattern is not _TITLE_BY_AUTHOR and publisher is not None and publisher[:1].isupper()
            if who is None or not (_person_like(who, hints) or (imprinted and _unknown_full_name(who, hints))) or (
                    len(title.split()) < 2 and not (
                    imprinted and title[:1].isupper() and not _common_word(title, hints))):
                continue
            start = m.start() if pattern is _TITLE_BY_AUTHOR else _who_span(m, who)[0]
            out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, "author-title", authors=(who,),
                             title=title, publisher=publisher, year=int(m.group("year")) if m.group("year") else None))

    # 'Tombs, "Title", *The Historical Journal* 55:3 (2012)' and 'Steer, "Title", The Times, 28 April 1937'
    for m in chain(scan(_AUTHOR_ARTICLE_IN_JOURNAL, "year", 320, 5),
                   scan(_AUTHOR_ARTICLE_IN_PAPER, "quoted-title", 60, 300)):
        who = _writer_named(m.group("who"), hints)
        if who is None:
            continue
        out.append(_make(prose, text, _who_span(m, who)[0], m.end(), SourceKind.ARTICLE,
                         "author-title", authors=(who,), title=m.group("title").strip(" ,."),
                         site=m.group("journal").strip(), year=int(m.group("year"))))

    for m in scan(_FINDINGS_IN_JOURNAL, "published", 5, 160):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARTICLE, "work-noun",
                         site=" ".join(m.group("journal").split())))

    for m in scan(_FILED_DISPATCH, "filed", 200, 40):
        who = _writer_named(m.group("who"), hints)
        if who is None:
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), SourceKind.ARTICLE, "work-noun", authors=(who,)))

    for m in scan(_FILM_DIRECTED, "year", 160, 5):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.VIDEO, "titled-work",
                         title=m.group("title").strip(), authors=(m.group("who"),), year=int(m.group("year"))))

    for m in scan(_AUTHOR_QUOTED_TITLE_NOUN, "work", 200, 10):
        who = _writer_named(m.group("who"), hints)  # 'Frederick Douglass, "What the Black Man Wants", speech to ...'
        if who is None:
            continue
        out.append(_make(prose, text, _who_span(m, who)[0], m.end(), _kind(m.group("noun")),
                         "author-title", authors=(who,), title=m.group("title").strip(" ,.")))

    for m in scan(_POSSESSIVE_TITLE_YEAR, "year", 260, 5):
        who = _clean_who(m.group("who"))
        title = m.group("title").strip(" ,:")
        if _CLAUSE_IN_TITLE.search(title):
            continue  # "Akhtar's Luck by Chance in 2009, Roshan starred in ... (2010)": a sentence ran on
        own = re.search(r"['’]s?[ \t]+own[ \t]", m.group(0)) is not None  # "Montgomery's own Memoirs (1958)"
        if who is None or not (_person_like(who, hints) or (own and hints.is_person(who)) or (
                not _common_word(who.split()[-1], hints) and not hints.is_place_or_event(who)
                and not hints.is_place_or_event(title))):
            continue  # "Longerich's Holocaust (2010)": a title may be an event's name; "Labour's Manifesto (1945)"
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, "author-title", authors=(who,), title=title,
                         year=int(m.group("year"))))

    for m in scan(_READ_SOMEWHERE, "somewhere", 40, 12):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.OTHER, "vague-work", vague=True))

    for m in scan(_SOMETHING_READ, "something", 5, 60):
        # "on the strength of something he read online"
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.WEB if m.group("online") else SourceKind.OTHER,
                         "vague-work", vague=True))

    for m in scan(_NOUN_COMMA_TITLE_YEAR, "year", 200, 5):
        title = m.group("title").strip(" ,:")
        out.append(_make(prose, text, m.start(), m.end(), _kind(m.group("noun")), "titled-work", title=title,
                         year=int(m.group("year"))))

    for m in scan(_AUTHOR_PAREN_TITLE, "year", 260, 5):
        who = _clean_who(m.group("who"))
        title = m.group("title").strip(" ,:")
        if who is None or not _person_like(who, hints) or len(title.split()) < 2 or _DATEISH.search(title) or (
                is_publisher(title)):
            continue  # "Rachel Carson (May 27, 1907 - April 14, 1964)": life dates, not a title; nor is a publisher
        if "," in title and prose[max(lo, m.start("who") - 3):m.start("who")].rstrip(" \t").endswith(","):
            continue  # "Horsfall and Cave, Serre (Battleground Europe series, Leo Cooper, 1996)": title, imprint
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, "author-title", authors=(who,), title=title,
                         year=int(m.group("year"))))

    for pattern, trigger in ((_TITLE_YEAR, "year"), (_IN_TITLE_YEAR, "year"), (_TITLE_APPOSITION, "apposition")):
        for m in scan(pattern, trigger, 260, 5):
            title = m.group("title").strip(" ,:")
            words = title.split()
            if len(words) < 2:
                continue
            # "The Spanish Civil War (1936)" is an event; "The Fog of War, the Errol Morris documentary" a film
            # ... but "has all this in The Battle of Midway (2011)": a capital "The" inside a sentence starts a title
            titled = words[0] == "The" and not starts_sentence(prose, m.start("title"), lo)
            # "Ian Patterson, in Guernica and Total War (2007)": after an author's name it is a title
            titled = titled or _AUTHOR_COMMA_IN.search(prose, max(lo, m.start("title") - 60), m.start("title"))
            if pattern is not _TITLE_APPOSITION and not titled and (hints.is_place_or_event(title)
                                                                    or words[-1].lower() in _NOT_PERSON_HEAD):
                continue
            kind = _kind(m.group("noun")) if pattern is _TITLE_APPOSITION else SourceKind.BOOK
            dated = pattern is not _TITLE_APPOSITION
            year = int(m.group("year")) if dated else None
            who = _antecedent(prose, max(lo, m.start() - 200), m.start(), hints) if dated else None
            out.append(_make(prose, text, m.start(), m.end(), kind, "titled-work", title=title, year=year,
                             authors=(who,) if who else ()))

    for m in scan(_QUOTED_ACCOUNT, "quoted", 220, 5):
        raw_who = m.group("who")
        pronoun = raw_who.lower() in ("his", "her", "their", "a", "an")  # "in a letter quoted by Marlow": the writer
        if raw_who.lower() in ("a", "an") and not re.match(r"[ \t]+(?:quoted|cited)[ \t]+(?:in|by)\b", prose[m.end():]):
            continue  # "he issued an order ... and had it printed in the papers": published, not quoted
        who = _antecedent(prose, max(lo, m.start() - 300), m.start(), hints) if pronoun else _clean_who(
            re.sub(r"['’]s?$", "", raw_who))
        if not pronoun and (who is None or not _person_like(who, hints)):
            continue
        noun = m.group("noun")
        kind = SourceKind.DIARY if noun in ("diary", "notes") else (
            SourceKind.ARCHIVE if _kind(noun) is SourceKind.ARCHIVE else SourceKind.OTHER)
        out.append(_make(prose, text, m.start(), m.end(), kind, "work-noun", authors=(who,) if who else ()))

    for m in scan(_ENCYCLOPAEDIA, "encyclopaedia", 10, 90):
        site = "Wikipedia" if m.group("site") in ("Wikipedia", "Wiki") else "Britannica"
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.WEB, "work-noun", site=site,
                         title=m.group("topic")))

    for m in scan(_ENCYCLOPAEDIA_NAMED, "encyclopaedia", 40, 20):
        name = "site" if m.group("site") else "says"
        out.append(_make(prose, text, m.start(name), m.end(name), SourceKind.WEB, "work-noun", site=m.group(name)))

    for m in scan(_VERB_IN_PAPER, "paper-name", 120, 5):
        out.append(_make(prose, text, m.start("paper"), m.end("paper"), SourceKind.ARTICLE, "work-noun",
                         site=" ".join(m.group("paper").split())))

    for m in scan(_IT_WAS_IN_PAPER, "newspaper", 40, 5):
        out.append(_make(prose, text, m.start(), m.end("paper"), SourceKind.ARTICLE, "vague-work",
                         site=" ".join(m.group("paper").split()), vague=True))

    for m in scan(_BIOGRAPHER_LIFE_OF, "life", 80, 60):
        # "D. R. Thorpe's life of Eden": a biography, by the possessive's owner
        who = _writer_named(m.group("who"), hints)
        if who is None or not (
                _person_like(_clean_who(m.group("subject")) or "", hints)):
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), SourceKind.BOOK, "work-noun", authors=(who,)))

    for m in scan(_WHOSE_WORK, "whose", 70, 40):
        who = _clean_who(m.group("who"))
        if who is None or not _person_like(who, hints):
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), _kind(m.group("noun").lower()), "work-noun", authors=(who,)))

    for m in scan(_NARRATIVE_YEAR, "year", 90, 5):
        who = _clean_who(m.group("who"))
        if who is None or hints.is_place_or_event(who) or not (
                _person_like(who, hints) or (_unknown_full_name(who, hints) and _SCHOLAR_VERB_AFTER.match(
                    prose, m.end()))):
            continue  # "Xabier Irujo (2015) has argued": a name the lexicon lacks, vouched for by the verb
        if not (len(who.split()) >= 2 or hints.is_person(who) or surname_of(who) in hints.doc_authors):
            continue
        start = _who_span(m, who)[0]
        authors: tuple[str, ...] = (who,)
        if not m.group("owner") and (partner := _co_author(prose, max(lo, start - 40), start, hints)):
            start, authors = partner.start(1), (partner.group(1), who)  # "Goulding and Jones (1971)"
        out.append(_make(prose, text, start, m.end(), SourceKind.OTHER, "author-year", authors=authors,
                         year=int(m.group("year"))))

    for m in scan(_NARRATIVE_YEAR, "year", 90, 5):
        # "Bennett's (2013) emphasis", "discussed by Jockusch (2012)": one surname, unknown to the lexicon
        who = _clean_who(m.group("who"))
        if who is None or len(who.split()) != 1 or hints.is_person(who) or surname_of(who) in hints.doc_authors:
            continue  # (those were read above)
        if hints.is_place_or_event(who) or who in _NOT_WHO or not (
                m.group("owner") or (by := _BY_NAME_YEAR.search(prose, max(lo, m.start() - 12), m.start("who")))):
            continue
        start = _who_span(m, who)[0]
        authors = (who,)
        if not m.group("owner") and by.group(0).startswith("and"):
            partner = _co_author(prose, max(lo, start - 40), start, hints)
            if partner is None:
                continue  # "whose Divide and Quit (1961)": the end of a title, not "Talbot and Singh (2009)"
            start, authors = partner.start(1), (partner.group(1), who)
        out.append(_make(prose, text, start, m.end(), SourceKind.OTHER, "author-year", authors=authors,
                         year=int(m.group("year"))))

    for m in scan(_PRONOUN_WORK, "work", 50, 5):
        if _object_book(m.group("noun"), m.group("adjs")):
            continue  # "in his pay book"
        who = _antecedent(prose, max(lo, m.start() - 400), m.start(), hints)
        out.append(_make(prose, text, m.start("pron"), m.end(), _kind(m.group("noun").lower()), "pronoun-work",
                         authors=(who,) if who else (), vague=who is None))

    for m in scan(_WORK_IS_CALLED, "work", 15, 190):
        title = _TRAILING_SMALL.sub("", m.group("title").rstrip(",:")).strip("*_\"“”")
        who = _antecedent(prose, max(lo, m.start() - 400), m.start(), hints)
        if who is None or title in ("The", "A", "An"):
            continue
        dated = _PUBLISHED_IN_YEAR.match(prose, m.end(), hi)
        out.append(_make(prose, text, m.start(), m.start("title") + len(m.group("title").rstrip(",: \t")),
                         _kind(m.group("noun").lower()), "titled-work", authors=(who,), title=title,
                         year=int(dated.group("year")) if dated else None))

    for m in scan(_PRONOUN_RECORD_SAYS, "work", 10, 60):
        # the pronoun stands for the subject of the sentence before: "Goebbels was with Hitler. His diary ..."
        before = prose[max(lo, m.start() - 300):m.start()].rstrip()
        cut = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n"), before.rfind("! "), before.rfind("? "))
        who = next((w for p in _PERSON_RE.finditer(before, cut + 1)
                    if (w := _clean_who(p.group(0))) and _person_like(w, hints)), None)
        if who is None:
            continue
        out.append(_make(prose, text, m.start(), m.end(), _kind(m.group("noun").lower()), "pronoun-work",
                         authors=(who,)))

    for m in scan(_KEPT_RECORD, "work", 140, 5):
        if m.group("kin"):
            out.append(_make(prose, text, m.start(), m.end("what"), SourceKind.DIARY, "family-papers"))
            continue
        who = _clean_who(m.group("who"))
        if who is None or not (_person_like(who, hints) or _could_be_author(who, hints, own_record=True)):
            continue
        out.append(_make(prose, text, m.start("what"), m.end("what"), SourceKind.DIARY, "work-noun",
                         authors=(who,)))

    for m in scan(_EXTRACTS_IN, "in-title", 80, 140):
        who = _clean_who(m.group("who"))
        title = _TRAILING_SMALL.sub("", m.group("title").strip())
        if who is None or len(title.split()) < 2 or hints.is_place_or_event(title) or not (
                _person_like(who, hints) or not _common_word(who, hints)):
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.start("title") + len(title), SourceKind.BOOK, "author-title",
                         authors=(who,), title=hints.work_titled(who, title) or title))

    for m in scan(_PRONOUN_TITLE, "pronoun", 5, 200):
        title = re.sub(rf"(?:[ \t]+(?:{_TITLE_SMALL}|\d{{4}}))+$", "", m.group("title")).rstrip(":,")
        words = title.split()
        dated = m.group("dated") is not None  # a one-word title, vouched for by its year
        if (len(words) < 2 and not dated) or hints.is_place_or_event(title) or _DATEISH.search(title) or any(
                hints.is_place_or_event(w) for w in words[:1]):
            continue  # "in his New York office", "in his Berlin years"
        if not m.group("prep") and not re.match(rf"[*_\"”]?[ \t]*\({YEAR}\)", prose[m.start("title") + len(title):]):
            continue  # "his Insurgent Mexico (1914)": without "in" or "from", only a dated title
        who = _antecedent(prose, max(lo, m.start() - 400), m.start(), hints)
        if who is None:
            continue
        between = prose[m.end("pron"):m.start("title")].split()
        if between and between[-1].lower() not in WORK_NOUNS and not (
                words[0] in ("The", "A", "An") and not _FUNCTION_WORD.fullmatch(between[-1].lower())):
            continue  # "in his garden with Sir William Penn": no work, no title
        kind = _kind(between[-1].lower()) if between and between[-1].lower() in WORK_NOUNS else SourceKind.BOOK
        end = m.end("dated") if dated else m.start("title") + len(title)  # "his Autobiography (1873)"
        out.append(_make(prose, text, m.start("pron"), end, kind, "pronoun-work", authors=(who,), title=title))

    for m in scan(_VAGUE_WORK, "work", 90, 200):
        noun = m.group("noun").lower()
        if noun in _VAGUE_ONLY_NOUNS and not _vague_extra_fits(noun, m, prose[max(lo, m.start() - 12):m.start()],
                                                               prose[m.end():min(hi, m.end() + 40)]):
            continue
        if _object_book(noun, m.group("adjs")):
            continue  # "a prayer book", "a visitors' book": a thing kept, not a work cited
        if noun in ("cutting", "cuttings", "clipping", "clippings") and not m.group("tail"):
            continue  # "if anyone has a cutting": no cutting in hand (but "a cutting from a local newspaper")
        if noun == "series" and _SCREEN_WORD.search(m.group("adjs")):
            noun = "programme"  # "a BBC series", not "a series of raids"
        if noun in ("page", "letter", "letters", "speech", "series", "volume", "volumes", "edition", "episode",
                    "episodes", "chapter", "chapters", "files", "records", "cable", "cables", "telegram", "telegrams",
                    "minutes", "papers") and not (
                noun.startswith("episode") and re.search(r"[A-Z]", m.group("adjs"))
                and _SOMEONE_SAW.search(m.group("tail") or "")):  # "an old Horizon episode about Harwell that he saw"
            continue
        after = prose[m.end():min(hi, m.end() + 40)]
        # "An old school history I had as a boy said ...": the writer's own copy, or what it said; "a German TV
        # documentary on Jäger that Ruth saw ages ago": somebody's memory of it
        someone_saw = _SOMEONE_SAW.match(after.lstrip(" \t"))  # "a documentary that SABC screened"
        # a relative's copy ("My grandad's old A-level textbook"), or one the writer came across ("A Master's thesis
        # on RAF Gatow that I found through Google Scholar")
        owned = someone_saw or _OWN_COPY.match(after) or (
            noun.startswith("interview") and _INTERVIEW_GIVEN.match(after)) or (
            m.group("tail") is not None and (_SOMEONE_SAW.search(m.group("tail"))
                                             or _FOUND_IT_IN_TAIL.search(m.group("tail")))) or (
            m.group("kin") or _KIN_IN_ADJS.match(m.group("adjs"))) or _BROUGHT_IN.search(
                prose, max(lo, m.start() - 40), m.start())
        sentence_end = _sentence_end(prose, m.end(), hi)
        # "... from around the centenary. I can't find the title right now": the next sentence may say so
        next_end = _sentence_end(prose, sentence_end + 1, hi)
        forgotten = _FORGOTTEN.search(prose, m.end("noun"), min(max(next_end, m.end()), m.end() + 150))
        untitled = forgotten is not None and (forgotten.group("untitled") is not None
                                              or _TITLE_FORGOTTEN_AFTER.match(prose, forgotten.end()) is not None)
        if noun in NEEDS_AUTHOR and not owned and not untitled and not m.group("someone") and not (
                re.search(r"[A-Z]|[a-z]['’]s\b", m.group("adjs")) and forgotten):
            # ("a Radio Prague piece I can no longer find" is an outlet's piece, lost; "a German regimental
            # history that describes ..., but he couldn't remember which regiment")
            continue
        sentence_start = _sentence_start(prose, lo, m.start())
        before = prose[sentence_start:m.start()]
        if _IS_A_PREDICATE.search(before):
            continue  # "I accept that it is a memoir and not a history": what a work is, not another work
        unpublished = "unpublished" in m.group("adjs").lower()  # "an unpublished MPhil dissertation from JNU"
        if not (READING_VERBS.search(before) or m.group("title") or m.group("unnamed") or m.group("someone")
                or _THERE_IS.search(before)
                or _FROM_OR_IN_BEFORE.search(before)
                or _LIST_ITEM_OPENING.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start())
                or unpublished or forgotten or owned or _VAGUELY_DATED.match(after)
                or _dated_tail(m.group("tail"))
                or _SAYS_AFTER.match(after) or _SAYS_AFTER_CLAUSE.match(prose, m.end(), min(hi, m.end() + 90))
                or _HAD_A_PAGE.match(after)):
            shown = _STILL_SHOWN.search(prose, m.end("noun"), max(m.end("noun"), min(hi, sentence_end)))
            if shown is None:
                continue
            # "A BBC documentary on the Glosters is sometimes repeated": the work is what comes before the verb
            out.append(_make(prose, text, m.start(), min(m.end(), shown.start("verb")), _kind(noun), "vague-work",
                             vague=True))
            continue
        if m.group("det").lower() in ("my", "our") and noun in ("thread", "blog") and m.group("tail"):
            # "See also my old thread on the approach march": the writer's own thread, which they can point to
            out.append(_make(prose, text, m.start(), m.end(), _kind(noun), "work-noun",
                             title=" ".join(m.group("tail").split())))
            continue
        if (m.group("kin") or _KIN_IN_ADJS.match(m.group("adjs"))) and noun in _KIN_RECORDS:
            # "My grandfather's service record shows he enlisted in 1915": the relative's own record, in the family
            out.append(_make(prose, text, m.start(), m.end("noun"), _kind(noun), "family-papers"))
            continue
        if _kind(noun) in (SourceKind.FORUM, SourceKind.WEB) and not owned and not (
                _THERE_IS.search(before) and m.group("tail")) and not _READ_JUST_BEFORE.search(
                prose, max(lo, m.start() - 25), m.start()) and not _VAGUELY_DATED.search(
                prose, m.end("noun"), max(m.end("noun"), min(hi, sentence_end))):
            continue  # "a website", "a forum", unless read or taken from: "I read a blog post a while back", "a
            # veteran's blog I read a while ago"
        title = m.group("title").strip() if m.group("title") else None
        kind = SourceKind.THESIS if m.group("books") and noun.startswith("thes") else _kind(noun)
        dated = _YEAR_WORD.search(m.group("adjs"))
        periodical = _IN_PERIODICAL.match(prose, m.end("noun"), hi) if dated and kind is SourceKind.ARTICLE else None
        if periodical is not None and dated is not None:
            # "a 1993 article in the journal Monatshefte": a year and a periodical are enough to find it
            out.append(_make(prose, text, m.start(), periodical.end("site"), kind, "work-noun",
                             site=periodical.group("site"), year=int(dated.group(0))))
            continue
        named = None if title else _APPOSITIVE_NAME.match(prose, m.end(), hi)
        named_words = named.group("title").split() if named is not None else []
        if named is not None and m.group("tail") and (hints.is_person(named.group("title")) or hints.is_given_name(
                named_words[0]) or hints.is_place_or_event(named.group("title"))):
            named_words = []  # "a book about the war, Winston Churchill, ...": a name after the topic, not a title
        if named is not None and len(named_words) >= 2 and any(not w.isupper() for w in named_words):
            # "a really good podcast, 13 Minutes to the Moon from the BBC World Service": named after all
            out.append(_make(prose, text, m.start(), named.end("title"), kind, "titled-work",
                             title=named.group("title")))
            continue
        # "- A BBC documentary on the Glosters is sometimes repeated on BBC Four": the work ends before the verb
        shown = _STILL_SHOWN.search(prose, m.end("noun"), m.end())
        end = shown.start("verb") if shown else m.end()
        if (when := _dated_tail(m.group("tail"))) is not None:
            end = min(end, m.start("tail") + when.end())  # "... on BBC Four a few years back", not what it showed
        dated = title and (_DATED_TITLE_END.search(title) or _PUBLISHED_IN_YEAR.match(prose, m.end(), hi))
        if title and dated and len(title.split()) >= 2:
            # "a book that was long the only account in English: Formosa Betrayed, published in 1965": a title
            # and a year name it ("a small booklet in Dutch: The Nazi-Soviet Pact" does not)
            title = title[:dated.start()] if dated.re is _DATED_TITLE_END else title
            out.append(_make(prose, text, m.start(), m.start("title") + len(title), kind, "titled-work",
                             title=title, year=int(dated.group("year"))))
            continue
        out.append(_make(prose, text, m.start(), end, kind, "vague-work", vague=True, title=title))

    for m in scan(_THE_WORK_SOMEONE_SAW, "work", 10, 80):
        if m.group("we") and not m.group("broadcaster"):
            continue  # "The documentary I saw was better": the one just spoken of
        out.append(_make(prose, text, m.start(), m.end(), _kind(m.group("noun")), "vague-work", vague=True))

    for m in scan(_PRONOUN_THESIS_ABOUT, "work", 60, 140):
        if re.match(r"[ \t]*,[ \t]+[*_\"“]?[A-Z]", prose[m.end():m.end() + 6]):
            continue  # "his thesis on the navy, The Sea Lords (1970)": named after all
        out.append(_make(prose, text, m.start("pron"), m.end(), SourceKind.THESIS, "vague-work", vague=True))

    for m in scan(_THE_BOOKLET, "work", 60, 120):
        out.append(_make(prose, text, m.start(), m.end(), _kind(m.group("noun")), "vague-work", vague=True))

    for m in scan(_BODY_PUBLISHED_REPORT, "published", 160, 20):
        body = m.group("who").removeprefix("the ")
        if (body == m.group("who") and hints.is_person(body)) or hints.is_place_or_event(body):
            continue  # "the study that Smith published in 1990" is an author's, read elsewhere
        out.append(_make(prose, text, m.start(), m.end(), _kind(m.group("noun").split()[-1]), "work-noun",
                         site=body, year=int(m.group("year"))))

    for m in scan(_SCHOOLBOOK, "work", 60, 110):
        out.append(_make(prose, text, m.start(), m.end("noun"), _kind(m.group("noun")), "vague-work", vague=True))

    for m in scan(_RECORD_SAYS, "record", 80, 60):
        qualifier = m.group("qual")
        if m.group("general") and not _RECORD_QUALIFIER.search(qualifier):
            continue  # "The records show ...": whose records is not said
        title = prose[m.start("qual"):m.end("noun")] if qualifier else m.group("noun")
        out.append(_make(prose, text, m.start("the"), m.end("which") if m.group("which") else m.end("noun"),
                         SourceKind.ARCHIVE, "work-noun", title=" ".join(title.split())))

    for m in scan(_EDITORS_EDITION, "edition", 60, 80):
        editors = tuple(re.split(r"[ \t]+(?:and|&)[ \t]+", m.group("who")))
        if len(editors) == 1 and hints.is_place_or_event(editors[0]):
            continue  # "the Paris edition of the papers" (but "the Sheffield and Bourne edition" names two editors)
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.BOOK, "edition", editors=editors))
    for m in scan(_EDITED_TITLE, "edited", 200, 80):
        title = m.group("title").strip(" ,:")
        if len(title.split()) < 2 or hints.is_place_or_event(title):
            continue
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.BOOK, "author-title", title=title,
                         editors=(m.group("who"),), year=int(m.group("year")) if m.group("year") else None))

    for m in scan(_SAYS_IN_TITLE, "says-it", 5, 120):
        title = m.group("title").strip(" ,:")
        words = title.split()
        if len(words) < 2 or (hints.is_place_or_event(title) and words[0] != "The") or _DATEISH.search(title) or (
                words[0] in _NOT_WHO and len(words) < 3) or (
                hints.is_place_or_event(words[0]) and words[1][:1].islower()):
            continue  # "said in New York that", "wrote in March 1939", "said in Paris in 1925" ("in There Was a
            # Country", "in Warsaw 1944" and, with its capital article, "in The Battle of Cassino" are titles)
        sentence_start = max(prose.rfind(". ", lo, m.start()) + 1, prose.rfind("\n", lo, m.start()) + 1, lo)
        who = _antecedent(prose, sentence_start, m.start(), hints)
        if who is None:
            continue  # "it says in Article Two": a work cited needs its author named
        out.append(_make(prose, text, m.start("title"), m.end("title"), SourceKind.BOOK, "author-title",
                         authors=(who,), title=title))

    for m in scan(_PUBLICATION_SAYS, "says", 120, 10):
        title = " ".join(m.group("title").split())
        kind = SourceKind.BOOK if m.group("noun") in _CHRONICLE_NOUNS else SourceKind.ARTICLE
        if kind is SourceKind.ARTICLE and _WHEN_BEFORE.search(prose, max(lo, m.start() - 40), m.start()):
            continue  # "Then in March the New York Times reported that ...": the paper's report is an event told
        out.append(_make(prose, text, m.start("title"), m.end("title"), kind, "titled-work", title=title,
                         site=None if kind is SourceKind.BOOK else title))

    for m in scan(_VAGUE_ONE, "one", 20, 60):
        # "There was a decent one on ZDF, but I can't find it now": the kind comes from the question before
        if not _FORGOTTEN.search(prose, m.end(), min(hi, m.end() + 100)):
            continue
        earlier = [w.lower() for w in re.findall(r"[A-Za-z-]+", prose[max(lo, m.start() - 400):m.start()])]
        noun = next((w for w in reversed(earlier) if w in WORK_NOUNS), None)
        if noun is None:
            continue
        out.append(_make(prose, text, m.start(), m.end(), _kind(noun), "vague-work", site=m.group("site"), vague=True))

    for m in scan(_LETTER_TO, "letter", 40, 140):
        # a letter cited as evidence: named in an attribution line, or known through the book that quotes it
        line_start = prose.rfind("\n", lo, m.start()) + 1
        attribution = prose[line_start:m.start()].lstrip().startswith(("—", "–", "--", "Source"))
        rest = prose[m.end():min(hi, m.end() + 250)]
        if not (attribution or _QUOTED_IN_AFTER.match(rest) or ANAPHORIC_SECOND_HAND.search(rest)):
            continue
        author = _antecedent(prose, max(lo, line_start), m.start(), hints)
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARCHIVE, "work-noun",
                         authors=(author,) if author else (), title=f"{m.group('noun')} to {m.group('to')}"))

    for m in scan(_UNIT_WAR_DIARY, "work", 40, 10):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.DIARY, "work-noun", title="war diary"))

    for m in scan(_BODY_REPORT, "of-body", 90, 80):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARCHIVE, "work-noun",
                     site=" ".join(m.group("body").split())))

    for m in scan(_PAPER_QUOTED_IN, "letter", 80, 160):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARCHIVE, "work-noun",
                         title=" ".join(prose[m.start():m.end()].split()[1:])))

    for m in scan(_QUOTES_A_PAPER, "quoted-paper", 10, 120):
        who = _clean_who(m.group("who"))
        if who is None or not _person_like(who, hints):
            continue
        end = _who_span(m, who)[1]
        out.append(_make(prose, text, m.start("paper"), end, SourceKind.ARCHIVE, "work-noun", authors=(who,),
                         title=m.group("noun")))

    for m in scan(_REMARK_AS_REPORTED, "possessive", 60, 60):
        who = _clean_who(m.group("who"))
        if who is None or not _person_like(who, hints):
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), SourceKind.OTHER, "work-noun", authors=(who,),
                         title=m.group("noun")))

    for m in scan(_ARCHIVE_REFERENCE, "archive-ref", 0, 20):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARCHIVE, "work-noun", title=m.group(0),
                         site="The National Archives"))

    for m in scan(_SERIES_BOOK, "series-book", 30, 60):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.BOOK, "vague-work", vague=True,
                         site=m.group("series")))

    for m in scan(_TITLE_YEAR_WHAT_IT_IS, "year", 110, 60):
        title = m.group("title").strip()
        if len(title.split()) < 2 or hints.is_place_or_event(title) or hints.is_person(title):
            continue
        out.append(_make(prose, text, m.start("title"), m.end("year") + 1, SourceKind.BOOK, "titled-work",
                         title=title, year=int(m.group("year"))))

    for m in scan(_POSSESSIVE_DATED_PAPER, "letter", 60, 60):
        # cited as evidence (quoted, or called the evidence) rather than told as an event of the story
        who = _clean_who(m.group("who"))
        if who is None or not _person_like(who, hints):
            continue
        sentence_start = _sentence_start(prose, lo, m.start())
        sentence_end = _NEXT_SENTENCE.search(prose, m.end(), min(hi, m.end() + 300))
        rest = prose[m.end():sentence_end.start() if sentence_end else min(hi, m.end() + 300)]
        if not (_CITED_AS_EVIDENCE.search(prose, sentence_start, m.start()) or '"' in rest or "“" in rest
                or _QUOTED_IN_AFTER.match(rest)):
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end(), SourceKind.ARCHIVE, "work-noun", authors=(who,),
                         title=f"{m.group('noun')} of {m.group('dated')}"))

    for m in scan(_PUBLISHED_AS, "published", 5, 160):
        title = _TRAILING_SMALL.sub("", m.group("title").strip(" ,:"))
        if len(title.split()) < 2 or hints.is_place_or_event(title):
            continue
        out.append(_make(prose, text, m.start("title"), m.start("title") + len(title), SourceKind.BOOK,
                         "titled-work", title=title))

    for m in scan(_TITLE_AFTER_NOUN, "work", 5, 170):
        out.append(_make(prose, text, m.start(), m.end(), _kind(m.group("noun").lower()), "titled-work",
                         title=m.group("title").strip()))

    # authors this document has already cited by name, role or title ("historian David Glantz argues")
    cited = set(hints.doc_authors) | {surname_of(a) for c in out for a in c.authors if a.strip()}
    for m in scan(_AUTHOR_VERB, "verb", 70, 30):
        who = _clean_who(m.group("who"))
        if who is None or not SCHOLARLY_VERBS.match(m.group("verb")):
            continue
        surname = surname_of(who)
        if surname not in cited and not _slip_of_cited(surname, cited):
            continue  # a historian named with a verb is a work cited only if the document names a work of theirs
        verb_match = SCHOLARLY_VERBS.match(m.group("verb"))
        assert verb_match is not None
        verb_end = m.start("verb") + verb_match.end()
        if verb_match.group(0).split()[-1] in ("wrote", "writes", "written") and not _WHAT_WAS_WRITTEN.match(
                prose, verb_end):
            continue  # "Miller wrote the play in 1953", "Du Bois wrote at a time when": the life, not a citation
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, verb_end, SourceKind.OTHER, "author-verb",
                         authors=(who,)))

    # "I got that from Sebag-Montefiore": an author the document cites, named as where the writer read it
    for m in scan(_GOT_IT_FROM, "from", 100, 60):
        who = _clean_who(m.group("who"))
        if who is not None and (surname_of(who) in cited or (
                len(who.split()) >= 2 and (_person_like(who, hints) or _unknown_full_name(who, hints)))):
            start = _who_span(m, who)[0]
            out.append(_make(prose, text, start, start + len(who), SourceKind.OTHER, "author-verb", authors=(who,)))

    # "Sheffield's older book" once the document has cited Gary Sheffield somewhere
    later = frozenset(surname_of(a) for c in out for a in c.authors if a.strip()) - hints.doc_authors
    if later:
        possessive_works(replace(hints, doc_authors=hints.doc_authors | later))

    for m in scan(_PAREN_AUTHOR_TITLE, "paren", 0, 260):
        who = _clean_who(m.group("who"))
        title = _TRAILING_SMALL.sub("", (m.group("title") or "").strip(" ,:"))
        if who is None or hints.is_place_or_event(who) or not (m.group("see") or m.group("locator")) or (
                _RECORD_SERIES.fullmatch(who)):
            continue  # "(Churchill, Roosevelt and Stalin)": a list of names, not a reference; Hansard is below
        if title and (_names_someone(title, hints) or hints.is_place_or_event(title)) and not m.group("locator"):
            continue
        if not (_person_like(who, hints) or _unknown_full_name(who, hints)
                or (len(who.split()) == 1 and (m.group("locator") or not _common_word(who, hints)))):
            continue  # "(Butcher, p. 512)": with a page, an ordinary word is a surname
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.end() - 1, SourceKind.BOOK if title else SourceKind.OTHER,
                         "author-title", authors=(who,), title=title or None))

    for m in scan(_IN_AUTHOR_COMMA_TITLE, "comma-title", 0, 220):
        who = _clean_who(m.group("who"))
        title = _TRAILING_SMALL.sub("", m.group("title").strip(" ,:"))
        words = title.split()
        # "(quoted in Sheffield, The Chief, p. 167)": with a page after it, the name is an author's
        paged = _PAGE_AFTER_TITLE.match(prose, m.end()) is not None and who is not None and who not in _NOT_WHO
        if who is None or not words or (hints.is_place_or_event(who) and not paged) or hints.is_place_or_event(title):
            continue  # "in Washington, The White House ..."
        if not (words[0] in ("The", "A", "An") or len(words) >= 3 or paged) or _names_someone(title, hints):
            continue
        if not (_person_like(who, hints) or _unknown_full_name(who, hints) or (paged and not _common_word(who, hints))):
            continue
        start = _who_span(m, who)[0]
        out.append(_make(prose, text, start, m.start("title") + len(title), SourceKind.BOOK, "author-title",
                         authors=(who,), title=title))

    for m in scan(_PRONOUN_WORK_TITLE, "pronoun", 0, 160):
        direct = _DIRECT_TITLE.match(prose, m.end())
        if direct is None:
            continue
        title = _TRAILING_SMALL.sub("", direct.group("title").strip())
        first = title.split()[0] if title.split() else ""
        if not first or (first in _NOT_WHO and first not in ("The", "A", "An")) or first == "I" or title in (
                "The", "A", "An") or (
                _names_someone(title, hints)) or (
                len(title.split()) == 1 and _common_word(title, hints)):
            continue  # "in his memoirs Churchill claims", "her diary Monday"
        author = _antecedent(prose, lo, m.start(), hints)
        out.append(_make(prose, text, m.start(), direct.start("title") + len(title), _kind(m.group("noun")),
                         "titled-work", authors=(author,) if author else (), title=title))

    for m in scan(_SCREEN_WORK_TITLE, "screen", 60, 5):
        direct = _DIRECT_TITLE.match(prose, m.end())
        if direct is None or any(c.span.overlaps(Span(m.start(), direct.end())) for c in out):
            continue
        title = _TRAILING_SMALL.sub("", direct.group("title").strip())
        if not _screen_title(title, hints):
            continue  # "the film Hitler commissioned", "a series Britain made"
        out.append(_make(prose, text, m.start(), direct.start("title") + len(title), _kind(m.group("noun")),
                         "titled-work", title=title))

    for m in scan(_SCREEN_TITLE_APPOSITION, "screen", 120, 40):
        title = _TRAILING_SMALL.sub("", m.group("title").strip())
        if len(title.split()) < 2 or not _screen_title(title, hints) or any(
                c.span.overlaps(Span(m.start(), m.end())) for c in out):
            continue
        out.append(_make(prose, text, m.start(), m.end(), _kind(m.group("noun")), "titled-work", title=title))

    for m in scan(_SOMEONE_ON_FORUM, "someone-on", 10, 60):
        if m.group("named") and (m.group("named") in (*MONTHS, *WEEKDAYS) or hints.is_place_or_event(m.group("named"))
                                 or hints.is_person(m.group("named"))):
            continue  # "someone on Monday said", "someone on Guernsey said": a day or a place, not a site
        site = re.sub(r"^(?:the|a|this|that|another) ", "", " ".join(m.group("site").split()))
        kind = SourceKind.WEB if site in ("Twitter", "Facebook") else SourceKind.FORUM
        out.append(_make(prose, text, m.start(), m.end(), kind, "vague-work", site=site, vague=True))

    for m in scan(_FAMILY_LETTERS, "letters", 80, 120):
        end = m.end()
        if m.group("tail"):
            # "to my gran from that summer", "from John Hedley to his wife survive": cut at the first verb or
            # clause word, then again at a preposition left dangling at the new end
            stop = _TAIL_STOP.search(prose, m.start("tail") + 1, m.end())
            while stop is not None and stop.start() > m.start("tail"):
                end = stop.start()
                stop = _TAIL_STOP.search(prose, m.start("tail") + 1, end)
        if any(c.span.overlaps(Span(m.start(), end)) for c in out):
            continue
        out.append(_make(prose, text, m.start(), end, SourceKind.OTHER, "family-papers"))

    for m in scan(_PRONOUN_TITLED_MEMOIR, "pronoun", 8, 80):
        who = _clean_who(m.group("who")) if m.group("who") else None
        if who is None or not _person_like(who, hints):
            who = _antecedent(prose, lo, m.start(), hints)
        if any(c.span.overlaps(Span(m.start("title"), m.end("title"))) for c in out):
            continue
        kind = SourceKind.DIARY if m.group("noun").startswith(("Diar", "Journal")) else SourceKind.BOOK
        out.append(_make(prose, text, m.start("pron"), m.end("title"), kind, "pronoun-work",
                         authors=(who,) if who else (), title=m.group("title")))

    for m in scan(_WORK_IN_PERIODICAL, "work", 60, 160):
        pub = _TRAILING_SMALL.sub("", m.group("pub").strip(" ,"))
        words = pub.split()
        if not words or not any(w.strip("'’") in _PERIODICAL_WORDS for w in words) or hints.is_place_or_event(pub):
            continue  # "a report in Parliament", "a letter in Paris"
        site = f"The {pub}" if m.group("the") and words[0] != "The" and pub in ("Times", "Economist", "Spectator") \
            else pub
        indefinite = m.group("det").lower() in ("a", "an", "one", "another")
        out.append(_make(prose, text, m.start(), m.start("pub") + len(pub), SourceKind.ARTICLE, "work-noun",
                         site=site, vague=indefinite))

    for m in scan(_TOLD_PERIODICAL, "told", 0, 60):
        pub = m.group("pub")
        words = pub.split()
        named_like_a_paper = any(w.strip("'’") in _PERIODICAL_WORDS for w in words[1:] or words)  # not its first word
        if not (m.group("noun") or named_like_a_paper) or (
                hints.is_place_or_event(pub) or (_person_like(pub, hints) and not m.group("noun"))):
            continue  # "told Stalin", "told Paris"
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARTICLE, "work-noun", site=pub,
                         title=f"interview in {pub}"))

    for m in scan(_DATED_ISSUE, "newspaper", 80, 60):
        title = " ".join(m.group("title").split())
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARTICLE, "titled-work", title=title,
                         site=title))

    for m in scan(_REFERENCE_SAYS, "reference", 90, 200):
        title = " ".join(m.group("title").split())
        capitals = [w for w in title.split() if w[:1].isupper() and w not in ("The", "A", "An")]
        if len(capitals) < 2 or hints.is_place_or_event(title) or hints.is_place_or_event(re.sub(r"^The ", "", title)) \
                or (not title.startswith(("The ", "the ")) and not re.search(r" (?:of|to|on) ", title)):
            continue  # "European History records", "the Hundred Years War"
        out.append(_make(prose, text, m.start("title"), m.end("title"), SourceKind.BOOK, "titled-work", title=title))

    for m in scan(_SITE_NOUN, "site", 90, 30):
        site = m.group("site").strip()
        words = site.split()
        while words and (words[0] in _NOT_WHO or words[0] in ("the", "of", "and", "for", "&", "A", "An")):
            words = words[1:]  # "Per the Imperial War Museum's website": the site, not "Per the"
        site = " ".join(words)
        noun = m.group("noun").replace("\t", " ")
        if not site or hints.is_place_or_event(site) or (_person_like(site, hints) and not m.group("poss")):
            continue
        if noun in ("site", "channel", "database") and not (any(w in _ORG_WORDS for w in words) or site.isupper()):
            continue  # "the Omaha Beach site" is a place on the ground
        start = m.start("site") + m.group("site").find(site)
        kind = SourceKind.VIDEO if noun.endswith("channel") or noun == "podcast" else SourceKind.WEB
        if noun == "podcast" and (episode := _unnamed_episode(prose, lo, hi, m.start("site"), m.end())) is not None:
            # "a good episode of the Empire podcast", "the Spycast podcast did an episode on him": which one?
            out.append(_make(prose, text, min(start, episode), m.end(), kind, "vague-work", site=site, vague=True))
            continue
        out.append(_make(prose, text, start, m.end(), kind, "work-noun", site=site))

    for m in _ARCHIVE_REF.finditer(prose, lo, hi):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARCHIVE, "archive-ref", title=m.group("ref")))
    for m in scan(_DATED_NEWSPAPER, "newspaper", 60, 45):
        paper = " ".join(m.group("paper").split())
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARTICLE, "titled-work",
                         site=paper.removeprefix("the ").removeprefix("The "),
                         year=int(m.group("year") or m.group("year_us"))))
    for m in scan(_COMMAND_PAPER, "command-paper", 60, 70):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.OTHER, "archive-ref",
                         title=" ".join((m.group("ref") or m.group("bare")).split())))
    for m in _RECORD_SERIES.finditer(prose, lo, hi):
        if _LINK_AHEAD.match(prose, m.end(), min(hi, m.end() + 80)):
            continue  # "The Hansard report of that debate (<https://...>)": the link is the citation
        end = m.end("series") + len(m.group("detail").rstrip(" ,"))
        out.append(_make(prose, text, m.start(), end, SourceKind.ARCHIVE, "archive-ref",
                         title=" ".join(m.group("series").split())))

    for m in scan(_START_WITH_AUTHOR_TITLE, "read", 0, 160):
        who = _clean_who(m.group("who"))
        title = _TRAILING_SMALL.sub("", m.group("title").strip(" ,"))
        # one word will do here: "Read Max Hastings, Armageddon.", "the best book is Antony Beevor, Stalingrad."
        one_word = re.fullmatch(r"[A-Z][a-z'’-]{3,}", title) is not None and not hints.is_person(title)
        if who is None or hints.is_place_or_event(who):
            continue
        known = _person_like(who, hints)
        # "read Djillas, Conversations with Stalin": a surname the lexicon lacks, recommended with a title;
        # "Try Hastings, The Korean War": a known writer's title may be an event's name
        bare = _bare_title(title, hints, framed=True)
        if ((known or _unknown_full_name(who, hints)) and (one_word or bare or (
                known and re.match(r"(?:The|A|An)\s", title) and not hints.is_person(title)))) or (
                bare and not _common_word(who.split()[-1], hints)):
            start = _who_span(m, who)[0]
            out.append(_make(prose, text, start, m.start("title") + len(title), SourceKind.BOOK, "author-title",
                             title=title, authors=(who,)))

    for m in scan(_TITLE_EDITED_BY, "by", 90, 60):
        who = _clean_who(m.group("who"))
        title = _TRAILING_SMALL.sub("", m.group("title"))
        if who is None or not (_person_like(who, hints) or _unknown_full_name(who, hints)) or not _bare_title(
                title, hints, framed=True):
            continue
        start = m.start() if m.group(0).startswith(("The", "the")) else m.start("title")
        end = _who_span(m, who)[1]
        editors = (who,)
        if m.group("who2") and (second := _writer_named(m.group("who2"), hints)) is not None:
            editors, end = (who, second), m.start("who2") + m.group("who2").find(second) + len(second)
        out.append(_make(prose, text, start, end, SourceKind.BOOK, "titled-work", title=title, editors=editors))

    for m in scan(_AUTHOR_COMMA_IN_TITLE, "in-title", 60, 110):
        who = _clean_who(m.group("who"))
        title = _TRAILING_SMALL.sub("", m.group("title").strip(" ,"))
        if who is not None and _person_like(who, hints) and _bare_title(title, hints, framed=True):
            start = _who_span(m, who)[0]
            out.append(_make(prose, text, start, m.start("title") + len(title), SourceKind.BOOK, "author-title",
                             title=title, authors=(who,)))

    for m in scan(_COVERS_IN_TITLE, "in-title", 120, 110):
        title = _TRAILING_SMALL.sub("", m.group("title").strip(" ,"))
        authors = tuple(w for w in (_clean_who(p) for p in re.split(r"[ \t]+(?:and|&)[ \t]+", m.group("who")))
                        if w is not None and _person_like(w, hints))
        if authors and _bare_title(title, hints, framed=True):
            out.append(_make(prose, text, m.start("title"), m.start("title") + len(title), SourceKind.BOOK,
                             "titled-work", title=title, authors=authors))

    for pattern, trigger, before, after in ((_READ_TITLE, "read", 0, 100), (_IT_IS_IN_TITLE, "in-title", 16, 110),
                                            (_TITLE_HAS_A_BIT, "bit", 100, 20), (_WORK_THEN_TITLE, "work", 30, 160),
                                            (_IN_TITLE_HE_SAYS, "in-title", 0, 120)):
        for m in scan(pattern, trigger, before, after):
            title = _TRAILING_SMALL.sub("", m.group("title").strip(" ,"))
            if pattern is _IN_TITLE_HE_SAYS and (_DATEISH.search(title) or re.search(r"\d", title)):
                continue  # "In May 1940 he wrote": a date, not a title
            # "published his memoir, Services speciaux, in which": commas on both sides frame a title in
            # sentence case too
            closed = pattern is _WORK_THEN_TITLE and prose.startswith(",", m.end("title")) and (
                2 <= len(title.split()) <= 8 and not _VERB_IN_TITLE.search(title)
                and not hints.is_place_or_event(title) and not _names_someone(title, hints))
            if closed or _bare_title(title, hints, framed=pattern is _WORK_THEN_TITLE):
                out.append(_make(prose, text, m.start("title"), m.start("title") + len(title), SourceKind.BOOK,
                                 "titled-work", title=title))

    for m in scan(_LOCAL_PAPER, "newspaper", 60, 5):
        title = " ".join(m.group("title").split())
        if any(c.span.overlaps(Span(m.start(), m.end())) for c in out) or _WORK_IN_BEFORE.search(
                prose, max(lo, m.start() - 40), m.start()):
            continue  # "his citation in the London Gazette": the work is the citation
        out.append(_make(prose, text, m.start("title"), m.end("title"), SourceKind.ARTICLE, "titled-work",
                         title=title, site=title))

    for m in scan(_ISBN, "isbn", 5, 40):
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.BOOK, "isbn", isbn=m.group(1).replace(" ", "")))
    for m in scan(_DOI, "doi", 40, 120):
        if (prose[max(lo, m.start() - 20):m.start()].rstrip().endswith(("/", "doi.org"))
                and not m.group(0).startswith("http")):
            continue
        out.append(_make(prose, text, m.start(), m.end(), SourceKind.ARTICLE, "doi", doi=m.group(1)))
    return [_with_first_author(prose, text, lo, c, hints) for c in out]


# "Christopher Andrew and " before "Vasili Mitrokhin, The Mitrokhin Archive (1999)": the first of two authors
_FIRST_AUTHOR_BEFORE = re.compile(rf"(?P<who>{NAME_WORD}(?:[ \t](?:{PARTICLE}[ \t])?{NAME_WORD}){{1,3}})"
                                  r"[ \t]+(?:and|&)[ \t]+\Z")


def _with_first_author(prose: str, text: str, lo: int, citation: Citation, hints: NameHints) -> Citation:
    """An author-title citation whose author is the second of two full names joined by "and" takes the first
    author in too (a word or a place before "and" is no author)."""
    if citation.cue != "author-title" or len(citation.authors) != 1 or len(citation.authors[0].split()) < 2 or (
            not citation.surface.startswith(citation.authors[0])):
        return citation
    first = _FIRST_AUTHOR_BEFORE.search(prose, max(lo, citation.span.start - 50), citation.span.start)
    if first is None:
        return citation
    who = _clean_who(first.group("who"))  # "See Jerrold L. Schecter": the name without the word before it
    if who is None or len(who.split()) < 2 or not first.group("who").endswith(who) or not (
            _person_like(who, hints) or _unknown_full_name(who, hints)):
        return citation
    start = first.end("who") - len(who)
    if re.search(r"\bby[ \t]+\Z", prose[max(lo, start - 4):start]):
        return citation  # "a series by Ken Burns and Lynn Novick, The Vietnam War": the work noun's citation has him
    return replace(citation, span=Span(start, citation.span.end), surface=text[start:citation.span.end],
                   authors=(who, *citation.authors))


# Word triggers are found in one pass over the words (a set lookup per word): a regular expression
# alternating a hundred words would try each of them at every word boundary.
_WORD_TRIGGERS: dict[str, frozenset[str]] = {
    "work": frozenset(noun.split()[-1] for noun in WORK_NOUNS) | frozenset(_VAGUE_ONLY_NOUNS)
    | frozenset(_CAPITAL_RECORD_NOUNS),
    "compound": frozenset(_COMPOUND_NOUNS + _COMPOUND_TITLE_NOUNS),
    "quoting": frozenset(["quotes", "cites", "reproduces", "prints", "discusses", "mentions", "covers", "describes"]),
    "role": frozenset(["historian", "historians", "scholar", "scholars", "professor", "professors", "prof", "author",
                       "authors", "biographer", "biographers", "researcher", "researchers", "journalist", "journalists",
                       "writer", "writers", "analyst", "analysts", "academic", "academics", "economist", "economists",
                       "sociologist", "sociologists", "scientist", "scientists", "commentator", "commentators",
                       "reporter", "reporters", "correspondent", "correspondents", "memoirist", "memoirists", "diarist",
                       "diarists", "archivist", "archivists", "editor", "editors", "chronicler", "chroniclers",
                       "historiographer", "historiographers"]),
    "verb": frozenset(w for w in re.findall(r"[a-z]+", SCHOLARLY_VERBS.pattern) if len(w) > 3) - {"also", "further",
                                                                                                 "even", "however"},
    "according": frozenset({"according", "According", "per", "Per"}),
    "letters": frozenset({"letters", "Letters", "letter"}),
    "someone-on": frozenset(["someone", "Someone", "somebody", "Somebody", "poster", "user", "member", "guy",
                             "bloke", "chap", "commenter", "redditor"]),
    "screen": frozenset(["documentary", "film", "movie", "series", "miniseries", "mini", "drama", "docudrama",
                         "podcast"]),
    "apposition": frozenset(["documentary", "film", "book", "novel", "memoir", "biography", "history", "study",
                             "series", "article", "essay", "podcast"]),
    "quoted": frozenset(["quoted", "cited", "reproduced", "reprinted", "excerpted", "printed"]),
    "encyclopaedia": frozenset({"Wikipedia", "Wiki", "Britannica"}),
    "whose": frozenset({"whose"}),
    "life": frozenset({"life"}),
    "somewhere": frozenset({"somewhere"}),
    "something": frozenset({"something", "Something"}),
    "isbn": frozenset({"ISBN"}),
    "command-paper": frozenset({"Cmnd", "Cmd"}),
    "edited": frozenset({"ed", "eds", "edited"}),
    "pronoun": frozenset({"his", "her", "their", "His", "Her", "Their"}),
    "published": frozenset(["published", "translated", "reissued", "printed", "issued", "edited", "came", "appeared"]),
    "one": frozenset({"one"}),
    "wrote": frozenset({"wrote", "published", "brought"}),
    "pages": frozenset({"page", "pages", "paragraph", "paragraphs", "chapter", "chapters", "section", "sections",
                        "lines"}),
    # the last word of a record's name, or for "minute book", "rate book" and the like its first
    "record": frozenset({"census", "register", "registers", "minutes", "records", "roll", "rolls", "ledger", "ledgers",
                         "log", "logs", "logbook", "logbooks", "minute", "rate", "punishment", "account", "accounts",
                         "day", "diary", "diaries", "scrapbook", "scrapbooks", "record", "returns", "daybook",
                         "daybooks"}),
    "filed": frozenset({"filed"}),
    "edition": frozenset({"edition"}),
    "of-body": frozenset({"Commission", "Committee", "Inquiry", "Tribunal", "Board", "Panel"}),
    "archive-ref": frozenset({"ADM", "AIR", "CAB", "CO", "DO", "FCO", "FO", "HO", "HS", "INF", "KV", "MEPO", "PREM",
                              "WO"}),
    "quoted-paper": frozenset({"quotes", "quoted", "cites", "cited", "reproduces", "reproduced", "prints", "printed"}),
    "series-book": frozenset({"Osprey", "Pelican", "Ladybird", "Purnell", "Usborne", "Shire"}),
    "letter": frozenset(["letter", "telegram", "memorandum", "memo", "dispatch", "despatch", "cable", "note",
                         "minute"]),
    "says": frozenset(_AUTHOR_SAYS.split()) | frozenset(_PUBLICATION_VERBS.split()),
    "says-it": frozenset(_AUTHOR_SAYS.split()) | frozenset(_QUOTING_VERBS.split()) | {"makes", "made", "make",
                                                                                          "set", "sets"},
    "newspaper": frozenset(NEWSPAPER_NAMES),
    "paper-name": frozenset(NEWSPAPER_NAMES + _PAPER_WORDS),
    "told": frozenset({"told"}),
    "from": frozenset({"from", "through", "via", "by"}),
    "read": frozenset({"read", "reread", "re", "finished", "recommend", "Read", "start", "Start", "try", "Try",
                       "best"}),
    "in-title": frozenset({"in", "In"}),
    "bit": frozenset({"bit", "chapter", "section", "passage", "account", "discussion", "paragraph", "page", "pages",
                      "treatment", "summary", "overview"}),
    "reference": frozenset(["Companion", "Handbook", "Encyclopedia", "Encyclopaedia", "Dictionary", "Atlas", "Almanac",
                            "Guide", "History", "Yearbook", "Gazetteer", "Chronology"]),
    "site": frozenset(["website", "site", "webpage", "page", "blog", "podcast", "channel", "archive", "database"]),
}
_WORD = re.compile(r"[A-Za-z]+")
_PATTERN_TRIGGERS: dict[str, re.Pattern[str]] = {
    "possessive": re.compile(r"[\w.]['’]s?\s"),
    "year": re.compile(rf"\b{YEAR}[a-z]?(?:/\d{{2,4}})?(?:[,:;][^)\n]{{0,64}}|[ \t]+[a-z][^)\n]{{0,50}})?\)"),
    "by": re.compile(r"\bby\s+[A-Z]"),
    "doi": re.compile(r"\b10\.\d{4}"),
    "quoted-title": re.compile(r",[ \t]+[\"“‘][A-Z]"),
    "paren": re.compile(r"\((?:[Ss]ee[ \t]+(?:also[ \t]+)?|cf\.[ \t]+)?[A-Z]"),
    "comma-title": re.compile(rf"\b(?:in|see|See|from|read|Read|cf\.)[ \t]+{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}},"),
}


def _trigger_positions(prose: str, lo: int, hi: int) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in (*_WORD_TRIGGERS, *_PATTERN_TRIGGERS)}
    lookup: dict[str, list[str]] = {}
    for name, words in _WORD_TRIGGERS.items():
        for word in words:
            lookup.setdefault(word, []).append(name)
    get = lookup.get
    for m in _WORD.finditer(prose, lo, hi):
        names = get(m.group())
        if names:
            for name in names:
                found[name].append(m.span())
    for name, pattern in _PATTERN_TRIGGERS.items():
        found[name] = [m.span() for m in pattern.finditer(prose, lo, hi)]
    return found


def _windows(positions: list[tuple[int, int]], lo: int, hi: int, before: int, after: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in positions:
        a, b = max(lo, start - before), min(hi, end + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    return spans


_SUBJECT_BEFORE = rf"(?P<who>{PERSON})[ \t]+(?:later[ \t]+|also[ \t]+|too[ \t]+)?"
_SUBJECT_JUST_BEFORE = re.compile(_SUBJECT_BEFORE + r"\Z")
_WRITER_BEFORE = re.compile(
    _SUBJECT_BEFORE + rf"(?:{'|'.join(_AUTHOR_SAYS.split())}|complained|complains|boasted|put it)[ \t]+$")


def _antecedent(prose: str, start: int, end: int, hints: NameHints) -> str | None:
    """The last person named before a pronoun ("Churchill ... in his memoirs")."""
    paragraph = prose.rfind("\n\n", start, end)
    start = paragraph + 2 if paragraph != -1 else start
    found = None
    for m in _PERSON_RE.finditer(prose, start, end):
        who = _clean_who(m.group(0))
        if who and (_person_like(who, hints) or _ROLE_JUST_BEFORE.search(prose, max(0, m.start() - 24), m.start())):
            found = who  # "the local historian Rhian Pryce": what the text calls her says she is a person
    if found is None:
        # "Krushchev wrote in his memoirs": the subject of the verb just before is the writer, known or not;
        # "Majdalany makes the same point in ...": the subject of the verb that starts at ``end``
        subject = _WRITER_BEFORE.search(prose, max(start, end - 80), end) or _SUBJECT_JUST_BEFORE.search(
            prose, max(start, end - 60), end)
        if subject is not None:
            who = _clean_who(subject.group("who"))
            if who and _could_be_author(who, hints, own_record=False):
                found = who
    return found
