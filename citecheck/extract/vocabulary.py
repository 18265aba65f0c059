"""Words that signal citations: nouns for kinds of work, verbs of reading and reporting,
nouns for the people who write history, and the sites behind common link titles."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

from citecheck.model import SourceKind

# noun (singular or plural, lower case) -> kind of work
WORK_NOUNS: dict[str, SourceKind] = {}
for _kind, _words in {
    SourceKind.BOOK: "book books booklet booklets bio bios pamphlet pamphlets monograph monographs biography "
    "biographies autobiography autobiographies memoir memoirs volume volumes novel novels textbook textbooks casebook "
    "casebooks treatise treatises "
    "anthology edition compendium condensation tome trilogy trilogies leaflet leaflets brochure brochures "
    "guidebook guidebooks",
    SourceKind.DIARY: "diary diaries journal journals notebook notebooks daybook daybooks war-diary",
    SourceKind.ARTICLE: "article articles essay essays paper column columns op-ed editorial editorials report "
    "reports review reviews obituary interview interviews lecture lectures piece study studies survey "
    "analysis analyses account accounts chapter chapters speech",
    SourceKind.VIDEO: "documentary documentaries film films movie movies video videos series episode episodes "
    "programme programmes program broadcast broadcasts podcast podcasts miniseries docudrama webinar webinars vid vids "
    "drama-documentary",
    SourceKind.THESIS: "thesis theses thesisses dissertation dissertations",
    SourceKind.WEB: "website websites webpage webpages wiki wikis blog blogs page",
    SourceKind.FORUM: "thread threads",
    SourceKind.ARCHIVE: "archive archives files records minutes telegram telegrams cable cables dispatch "
    "dispatches memorandum memoranda letter letters correspondence papers",
    SourceKind.OTHER: "research work works writings covering coverage overview summary treatment history histories",
}.items():
    for _w in _words.split():
        WORK_NOUNS[_w] = _kind
# two words that make one work: "an old revision guide", "a newspaper cutting in Nana's bible"
WORK_NOUNS.update({"revision guide": SourceKind.BOOK, "revision guides": SourceKind.BOOK,
                   "study guide": SourceKind.BOOK, "newspaper cutting": SourceKind.ARTICLE,
                   "newspaper cuttings": SourceKind.ARTICLE, "press cutting": SourceKind.ARTICLE,
                   "press cuttings": SourceKind.ARTICLE, "newspaper clipping": SourceKind.ARTICLE,
                   "newspaper clippings": SourceKind.ARTICLE,
                   # "an undated cutting from a local newspaper"
                   "cutting": SourceKind.ARTICLE, "cuttings": SourceKind.ARTICLE,
                   "clipping": SourceKind.ARTICLE, "clippings": SourceKind.ARTICLE,
                   # a club's or a family's own records: "the club's first minute book", "the scrapbook kept by ..."
                   "minute book": SourceKind.ARCHIVE, "minute books": SourceKind.ARCHIVE,
                   "scrapbook": SourceKind.ARCHIVE, "scrapbooks": SourceKind.ARCHIVE,
                   "logbook": SourceKind.ARCHIVE, "logbooks": SourceKind.ARCHIVE,
                   # records of people: "the 1911 census", "the parish register", "his service record"
                   "census": SourceKind.ARCHIVE, "parish register": SourceKind.ARCHIVE,
                   "parish registers": SourceKind.ARCHIVE, "service record": SourceKind.ARCHIVE,
                   "service records": SourceKind.ARCHIVE})

# nouns whose "of X" names the author, not the topic ("the diaries of Chernyaev")
OF_AUTHOR_NOUNS = frozenset(
    ["diary", "diaries", "journal", "journals", "notebook", "notebooks", "memoir", "memoirs", "papers", "letters",
     "correspondence", "writings", "works", "archive", "archives", "autobiography"]
)
# nouns that are only a citation with an author ("research by X", "X's analysis")
NEEDS_AUTHOR = frozenset(["research", "work", "works", "writings", "covering", "coverage", "overview", "summary",
                          "treatment", "analysis", "analyses", "account", "accounts", "history", "histories", "page",
                          "paper", "study", "studies", "survey", "piece", "review", "reviews", "chapter", "chapters",
                          "files", "records", "speech"])
PERSONAL_WORKS = frozenset(["diary", "diaries", "journal", "journals", "memoir", "memoirs", "autobiography", "letters",
                            "papers", "notebook", "notebooks", "correspondence", "book", "books", "biography", "study",
                            "research"])

READING_VERBS = re.compile(
    r"\b(?:read|reading|reread|found|find|finding|saw|see|seen|seeing|watched|watch|watching|have|had|"
    r"recommend|recommended|consulted|consult|checked|check|came across|come across|remember|listened|heard|"
    r"discovered|discovery|sparked|learned|learnt|according|quoted|cites|cited|citing|based on|drawn from|"
    r"published|wrote|written|tells|told|shows|showed|describes|described|explains|explained|covers|covering|"
    r"mentions|mentioned|referenced|references|relied on|relying on|rely on|relies on|"
    r"draws on|drew on|drawing on|drawn on|"
    r"(?:sent|lent|gave|passed|forwarded)\s+(?:me|us)|"  # "a listener sent us a thesis on ..."
    r"(?:was|were|been|got)\s+(?:lent|given|sent|shown|handed))\b",  # "Some years ago I was lent a thesis on ..."
    re.IGNORECASE,
)

ROLE_NOUNS = (
    r"(?:(?:military|naval|diplomatic|economic|social|cultural|political|orthodox|revisionist|traditionalist|"
    r"soviet|german|british|french|american|russian|polish|israeli|eminent|prominent|distinguished|noted|"
    r"renowned|leading|famous|respected|marxist|liberal|conservative|oxford|cambridge|harvard|yale|"
    r"post-revisionist|eminent)\s+)*"
    r"(?:historians?|scholars?|professors?|prof\.|authors?|biographers?|researchers?|journalists?|writers?|"
    r"analysts?|academics?|economists?|sociologists?|political scientists?|commentators?|reporters?|"
    r"correspondents?|memoirists?|diarists?|archivists?|editors?|chroniclers?|historiographers?)"
)

REPORTING_VERBS = (
    r"(?:argues|argued|argue|contends|contended|suggests|suggested|notes|noted|writes|wrote|written|states|"
    r"stated|believes|believed|maintains|maintained|observes|observed|concludes|concluded|asserts|asserted|"
    r"claims|claimed|refers to|referred to|points out|pointed out|describes|described|estimates|estimated|"
    r"calculates|calculated|shows|showed|demonstrates|demonstrated|emphasi[sz]es|emphasi[sz]ed|stresses|"
    r"stressed|insists|insisted|explains|explained|recounts|recounted|records|recorded|reports|reported|"
    r"remarks|remarked|comments|commented|acknowledges|acknowledged|admits|admitted|accentuates|accentuated|"
    r"highlights|highlighted|proposes|proposed|posits|posited|holds|held|says|said|tells|told|recalls|"
    r"recalled|documents|documented|quotes|quoted|cites|cited|reveals|revealed|finds|found|puts it|put it|"
    r"summari[sz]es|summari[sz]ed|characteri[sz]es|characteri[sz]ed|calls|called|dubs|dubbed|disputes|"
    r"disputed|challenges|challenged|rejects|rejected|doubts|doubted|questions|questioned|agrees|agreed|"
    r"disagrees|disagreed|identifies|identified|attributes|attributed|blames|blamed|sees|saw)"
)
SCHOLARLY_VERBS = re.compile(
    r"^\s*(?:also\s+|further\s+|then\s+|rightly\s+|convincingly\s+|persuasively\s+|correctly\s+|similarly\s+|"
    r"likewise\s+|even\s+|however,?\s+|instead\s+|therefore\s+|thus\s+)?"
    r"(?:(?:has|have|had)\s+(?:also\s+|long\s+|convincingly\s+)?(?:shown|argued|noted|written|demonstrated|suggested|"
    r"estimated|pointed out|observed|concluded|documented|calculated|described|claimed|stressed|emphasi[sz]ed|found|"
    r"established|traced|contended|maintained|insisted|calculated|reconstructed)|"
    r"reminds(?:\s+us|\s+readers)?|reminded(?:\s+us|\s+readers)?|is clear|was clear|is emphatic|"
    r"was emphatic|makes clear|made clear|makes the point|made the point|makes the case|made the case|"
    r"quotes|quoted|cites|cited|reproduces|reproduced|prints|printed|"
    r"argues|argued|contends|contended|suggests|suggested|notes|noted|writes|wrote|states|stated|"
    r"believes|believed|maintains|maintained|observes|observed|concludes|concluded|asserts|asserted|"
    r"claims|claimed|refers to|referred to|points out|pointed out|describes|described|estimates|estimated|"
    r"calculates|calculated|shows|showed|demonstrates|demonstrated|emphasi[sz]es|emphasi[sz]ed|stresses|"
    r"stressed|explains|explained|recounts|recounted|records|recorded|reports|reported|acknowledges|"
    r"acknowledged|accentuates|accentuated|highlights|highlighted|proposes|proposed|posits|posited|"
    r"holds that|held that|documents|documented|reveals|revealed|summari[sz]es|summari[sz]ed|characteri[sz]es|"
    r"characteri[sz]ed|"
    r"disputes|disputed|challenges|challenged|identifies|identified|attributes|attributed|blames|blamed|"
    r"reconstructs|reconstructed|traces|traced|examines|examined|explores|explored|chronicles|chronicled|details|"
    r"detailed|narrates|narrated|analy[sz]es|analy[sz]ed|investigates|investigated|surveys|surveyed|sets out|"
    r"set out|lays out|laid out|reckons|reckoned|counts|counted|puts|put|places|placed|dates|dated|"
    r"follows|covers|tells (?:it|the story|of)|accepts|"
    r"is at (?:his|her|their) best|is (?:good|strong|excellent|best|weak|thin) on|"
    r"in (?:his|her|their) (?:book|study|analysis|memoirs?|diary|account|biography))\b",
    re.IGNORECASE,
)

# site names that end pasted link titles ("... | Culture24", "... - BBC News") -> kind
SITE_KINDS: dict[str, SourceKind] = {
    "wikipedia": SourceKind.WEB, "britannica": SourceKind.WEB, "encyclopedia britannica": SourceKind.WEB,
    "encyclopaedia britannica": SourceKind.WEB, "encyclopedia.com": SourceKind.WEB, "history.com": SourceKind.WEB,
    "youtube": SourceKind.VIDEO, "vimeo": SourceKind.VIDEO, "google books": SourceKind.BOOK,
    "amazon.com": SourceKind.BOOK, "amazon": SourceKind.BOOK, "goodreads": SourceKind.BOOK, "jstor": SourceKind.ARTICLE,
    "bbc news": SourceKind.ARTICLE, "bbc": SourceKind.ARTICLE, "the guardian": SourceKind.ARTICLE,
    "guardian": SourceKind.ARTICLE, "the new york times": SourceKind.ARTICLE, "the times": SourceKind.ARTICLE,
    "the telegraph": SourceKind.ARTICLE, "the independent": SourceKind.ARTICLE, "the economist": SourceKind.ARTICLE,
    "the atlantic": SourceKind.ARTICLE, "culture24": SourceKind.ARTICLE, "historynet": SourceKind.ARTICLE,
    "history today": SourceKind.ARTICLE, "the conversation": SourceKind.ARTICLE, "reddit": SourceKind.FORUM,
    "historum": SourceKind.FORUM, "quora": SourceKind.FORUM, "imdb": SourceKind.VIDEO,
    "academia.edu": SourceKind.ARTICLE, "researchgate": SourceKind.ARTICLE, "medium": SourceKind.ARTICLE,
    "national archives": SourceKind.ARCHIVE, "the national archives": SourceKind.ARCHIVE,
    "spartacus educational": SourceKind.WEB, "smithsonian magazine": SourceKind.ARTICLE,
    "washington post": SourceKind.ARTICLE, "the washington post": SourceKind.ARTICLE, "time": SourceKind.ARTICLE,
    "le monde": SourceKind.ARTICLE, "der spiegel": SourceKind.ARTICLE, "spiegel online": SourceKind.ARTICLE,
    "arte": SourceKind.VIDEO, "pbs": SourceKind.VIDEO, "history extra": SourceKind.ARTICLE,
    "office of the historian": SourceKind.WEB, "avalon project": SourceKind.ARCHIVE,
    "yale law school": SourceKind.ARCHIVE, "holocaust encyclopedia": SourceKind.WEB,
}
TERTIARY_SITES = frozenset({"wikipedia", "britannica", "encyclopedia britannica", "encyclopaedia britannica",
                            "encyclopedia.com", "history.com", "spartacus educational", "holocaust encyclopedia"})

# host suffix -> kind, for URLs
HOST_KINDS: tuple[tuple[str, SourceKind], ...] = (
    ("wikipedia.org", SourceKind.WEB), ("britannica.com", SourceKind.WEB), ("youtube.com", SourceKind.VIDEO),
    ("youtu.be", SourceKind.VIDEO), ("vimeo.com", SourceKind.VIDEO), ("amazon.", SourceKind.BOOK),
    ("amzn.to", SourceKind.BOOK), ("a.co", SourceKind.BOOK), ("books.google.", SourceKind.BOOK),
    ("goodreads.com", SourceKind.BOOK), ("worldcat.org", SourceKind.BOOK), ("jstor.org", SourceKind.ARTICLE),
    ("doi.org", SourceKind.ARTICLE), ("academia.edu", SourceKind.ARTICLE), ("researchgate.net", SourceKind.ARTICLE),
    ("tandfonline.com", SourceKind.ARTICLE), ("sciencedirect.com", SourceKind.ARTICLE),
    ("cambridge.org", SourceKind.ARTICLE), ("oup.com", SourceKind.ARTICLE), ("muse.jhu.edu", SourceKind.ARTICLE),
    ("reddit.com", SourceKind.FORUM), ("historum.com", SourceKind.FORUM), ("quora.com", SourceKind.FORUM),
    ("archive.org", SourceKind.ARCHIVE), ("nationalarchives.gov.uk", SourceKind.ARCHIVE),
    ("avalon.law.yale.edu", SourceKind.ARCHIVE), ("imdb.com", SourceKind.VIDEO),
)

# where a writer asks for money or credits their music: a link there points to no work cited
SUPPORT_HOSTS = frozenset({"patreon.com", "ko-fi.com", "buymeacoffee.com", "paypal.me", "paypal.com", "liberapay.com",
                           "epidemicsound.com", "artlist.io", "linktr.ee", "gofundme.com", "kickstarter.com",
                           "subscribestar.com"})


def split_url(url: str) -> SplitResult:
    """A URL's parts, a bare "www.…" one read as http."""
    return urlsplit(url if "://" in url else "http://" + url)


def support_link(url: str) -> bool:
    """A donation, membership, link-list or stock-music page ("patreon.com/backwaterhistory")."""
    host = split_url(url).netloc.lower().removeprefix("www.")
    return host in SUPPORT_HOSTS or any(host.endswith("." + h) for h in SUPPORT_HOSTS)


# "Mattingly quotes that letter in full in The Defeat of the Spanish Armada"
QUOTING_ANAPHOR = re.compile(
    r"\b(?:quotes|quoted|cites|cited|reproduces|reproduced|prints|printed|translates|translated)\s+"
    # "He also quotes the Soviet record of the plenaries": up to two words may qualify the document
    r"(?P<ref>(?:that|this|the|his|her|their)\s+(?:(?!of\b|in\b)[A-Za-z][\w-]*\s+){0,2}?(?P<noun>letter|letters|"
    r"diary|diaries|memoirs?|journal|dispatch|memorandum|report|speech|telegram|minutes|record|records|"
    r"instructions|orders|drafts)(?:\s+of\s+(?:the\s+)?[\w-]+)?)\b(?:\s+in\s+full)?"
)
# "the letter as it is printed in ...": a document just cited, known through the book named next
ANAPHORIC_SECOND_HAND = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<noun>letter|letters|diary|diaries|memoirs?|journal|"
    r"dispatch|memorandum|report|speech|account|notes|telegram|minutes|lines|verse|verses|poem|words|passage|text|song)"
    r"\b[^.!?\n]{0,40}?\b(?:as\s+(?:it\s+is\s+|they\s+are\s+|"
    r"it\s+was\s+)?)?(?:quoted|printed|reproduced|reprinted|excerpted|cited|published|translated)\s+in\b"
    # "His diaries, published in an abridged English edition in 2015": an edition of them, not a book quoting them
    r"(?!\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}(?:edition|translation|version|volume)s?\b|\s+\d{4}\b|"
    r"\s+(?:English|French|German|Russian|Italian|Spanish|Polish)\b)"
)

YEAR = r"(?:1[5-9]\d\d|20[0-4]\d)"
# "G. K. Zhukov, *Memoirs* (Cape, 1971). Read with care: ...": where a reference entry's imprint ends and the
# writer's own note on it begins
IMPRINT_THEN_NOTE = re.compile(rf"\([^()\n]*[,:][ \t]*{YEAR}\)(?:,[^.()\n]{{0,40}})?\.[ \t]+(?=[A-Z])")

# how a writer says where they came by something: "I got that from ...", "I only know it through ..."
CAME_BY_VERBS = r"(?:got|get|took|know|knew|known|learned|learnt|read|found|heard|seen|saw)"

# "... he wrote in his diary that .... I'm quoting that second-hand, as quoted in X": the next sentence
# says where the writer got what the last one cited
BACK_SECOND_HAND = re.compile(
    r"^(?:(?:to be honest|I['’]ll be honest|I must admit|honestly|admittedly|in fairness),?\s+)?"
    r"(?:(?:(?:I['’]m|I am|I was|we['’]re)\s+quoting\s+(?:that|this|it|him|her)\b|"
    # "I'm going from the extracts quoted in Hugh Thomas's big book"
    r"(?:I['’]m|I am|I was|we['’]re|we are)\s+(?:just\s+|only\s+|really\s+)?(?:going|working|relying)\s+"
    r"(?:from|off|on|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:extracts?|excerpts?|quotations?|passages?|bits|"
    r"translations?)\b|"
    # "The translation is the one quoted in Davies", "The text comes from the extract in ..."
    r"(?:the|this|our|my)\s+(?:English\s+)?(?:translation|text|version|wording|extract|quotation)\s+(?:here\s+|used\s+)?"
    r"(?:is|was|comes|came)\s+(?:the\s+one\s+|taken\s+)?(?:quoted|given|printed|reproduced|from)\b|"
    rf"(?:I|we)(?:['’]ve|['’]d)?\s+(?:have\s+|had\s+)?(?:(?:only|first|ever|never)\s+)*(?:{CAME_BY_VERBS}|have)\s+"
    r"(?:that|this|it|them|him|her|of\s+it|the\s+(?:[\w-]+\s+){0,2}?(?:quote|quotation|line|lines|sentence|remark|"
    r"story|figure|passage|passages|number|letter|letters|diary|diaries|memoir|memoirs|entries|entry|words)|"
    r"(?:that|this)\s+(?:quote|quotation|line|sentence|remark|story|figure|passage|number))\s+(?:only\s+)?)"
    r"[^.!?]{0,60}?(?:\bfrom|\b(?:quoted|cited)\s+(?:in|by|on)|\bsecond-hand|\bthrough|\bvia|"
    # "I have only read the letter in Horne's extract", "... in the translation Mortimer gives"
    r"\bin\s+(?:the|an?|[A-Z][\w-]*['’]s?)\s+(?:[\w-]+\s+)?(?:translations?|extracts?|excerpts?|quotations?|versions?))\b"
    # "I have only read it in the extracts Thompson gives in ...": "only" makes a plain "in" second-hand
    r"|(?:I|we)(?:['’]ve|['’]d)?\s+(?:have\s+|had\s+)?only\s+(?:ever\s+)?(?:read|seen|known?)\s+"
    r"(?:it|that|this|them|him|her)\s+in\b)[^.!?]*$",
    re.IGNORECASE,
)


# "Les Garibaldiens, which I have only read in the passages Riall quotes": known through another work
# "which I've only seen quoted in Keane's book", "that the author knows only from its quotation in Cronin's book",
# "extracts from which were printed in the Northern Daily Mail"
WHICH_I_READ = (r"(?:(?:which|that)\s+(?:I|we|the\s+(?:author|writer)|(?-i:[A-Z][\w'’-]+))(?:['’]ve|['’]d)?\s+"
                r"(?:have\s+|has\s+|had\s+|will\s+|can\s+|shall\s+)?"
                r"(?:only\s+|ever\s+|first\s+|actually\s+|originally\s+|just\s+)*"
                r"(?:know|knows|knew|read|reads|saw|seen|found|came\s+across|published|printed|reprinted|reproduced|"
                # "which we take from Polian", "which I found reproduced in Sweetman"
                r"collected|take|took|taken|got|borrow|borrowed)\s+(?:only\s+)?"
                r"(?:(?:quoted|reproduced|printed|reprinted|cited|translated|excerpted)\s+)?"
                # "which I found printed as a long chapter in Shackleton's book"
                r"(?:as\s+an?\s+(?:(?:long|short|separate|whole)\s+)?(?:chapter|appendix|annexe?|supplement)\s+)?"
                r"(?:in\s+(?:translation|English|an?\s+English\s+translation)\s+)?"
                # "which I only know through the extracts in Weintraub", "which I have only seen as reproduced in
                # Sarotte"
                r"(?:(?:from|through|via|in)\s+(?:its|their|the)\s+(?:[\w-]+\s+)?"
                r"(?:quotations?|citations?|extracts?|excerpts?|passages?)\s+in|"
                r"as\s+(?:quoted|reproduced|printed|reprinted|cited|excerpted|translated)\s+(?:in|by)|"
                r"from|in|through|via|as\s+quoted|"
                # "which I only know as it's quoted in Savranskaya's article"
                r"as\s+(?:it|they)(?:['’]s|['’]re|\s+is|\s+are|\s+was|\s+were)\s+"
                r"(?:quoted|printed|reproduced|given)\s+in|"
                # "which I have only read as Elkins quotes it"
                r"as\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:quotes|cites|gives|prints|reproduces)\s+it)|"
                r"(?:(?:extracts|excerpts|passages|parts)\s+(?:from|of)\s+)?"
                r"which\s+(?:were|was|are|is|have\s+been|has\s+been)\s+"
                r"(?:printed|published|quoted|reproduced|reprinted|transcribed)\s+"
                r"(?:as\s+an?\s+(?:appendix|annex|annexe|facsimile|plate|illustration)\s+)?in)\b")


def document_kind(words: str) -> SourceKind:
    """What a document named in words is: "his diary entry" a diary, "her memoirs" a book, "the Crown Prince
    letter", "a memo", "Nicholas II's instructions" archive documents."""
    lowered = words.lower()
    return SourceKind.DIARY if "diar" in lowered else SourceKind.BOOK if "memoir" in lowered else SourceKind.ARCHIVE


# "..., which I only know from the passages Platt quotes" right after the thing named
# "which the textbook quotes", "which Jackson reprints", "which I only know because Jackson quotes it"
WHICH_QUOTED = (r"which\s+(?:(?:I|we)\s+(?:only\s+)?know\s+(?:of\s+)?(?:it\s+)?because\s+)?"
                r"(?:(?:the|this|that|his|her|their)\s+(?:book|textbook|biography|author)|"
                r"(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}))\s+(?:also\s+)?(?:quotes|cites|prints|reprints|reproduces)\b")
# "The record of the seminar, which Powell drafted and which I first read as reproduced in ..."
READ_IN_CLAUSE = re.compile(rf"[^.!?\n]{{0,60}}?(?:,\s*|\s+(?=that\b)|\s+and\s+(?=which\b))"
                            rf"(?:{WHICH_I_READ}|{WHICH_QUOTED})")
# the writer with a perfect tense or not: "I", "we've", "I have", "we had"
WRITER_HAS = r"\b(?:I|[Ww]e)(?:['’]ve|['’]d|[ \t]+have|[ \t]+had)?[ \t]+"

def starts_sentence(prose: str, index: int, lo: int = 0) -> bool:
    """Nothing but spacing, emphasis, quotes or brackets between ``index`` and the end of the sentence before
    (or ``lo``, the start of the text read)."""
    i = index - 1
    while i >= lo and prose[i] in " \t*_\"“‘'([":
        i -= 1
    return i < lo or prose[i] in ".!?:\n"


def surname_of(name: str) -> str:
    """An author's surname as cited: "Richard Baxell", "Baxell, R.", "Baxell R." and "Martin Luther King Jr."
    give "Baxell" and "King"."""
    name = re.sub(r"\s+(?:Jr|Sr|III|II)\.?$", "", name.strip())
    if "," in name:
        return name.split(",")[0].strip()
    words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]\.?", w)]
    return words[-1] if words else name


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
# a day of the calendar without its year: "17th October", "4 Oct.", "October 17th,", "Dec"
CALENDAR_DAY = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+)?(?:{'|'.join(MONTHS)}|(?:{'|'.join(MONTH_ABBREVIATIONS)})\.?)"
                rf"(?:[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?)?")

# words that put a ship's name after them ("the galleass *San Lorenzo*", "the destroyer Hammann")
VESSEL_WORDS = (
    r"(?:ship|ships|galleon|galleons|galleass|galleasses|galley|collier|frigate|cruiser|battleship|battlecruiser|"
    r"destroyer|submarine|U-boat|liner|flagship|carrier|schooner|brig|sloop|corvette|gunboat|steamer|yacht|tanker|"
    r"vessel|wrecks?[ \t]+of|aboard|on[ \t]+board|HMS|USS|SMS|HMAS|HMCS|HMNZS|RMS|SS|USNS|HMT|MV|"
    r"(?:sailed|voyage(?:[ \t]+out|[ \t]+home)?|crossing|passage)[ \t]+(?:on|in)(?:[ \t]+the)?)"
)

# the last word of a newspaper's name: "The Times", "the Daily Mail", "Pravda"
NEWSPAPER_NAMES = ("Times", "Post", "Herald", "Gazette", "Tribune", "Telegraph", "Guardian", "Observer", "Courier",
                   "Mercury", "Journal", "Spectator", "Economist", "Standard", "Independent", "Inquirer", "Examiner",
                   "Mail", "Express", "Mirror", "Chronicle", "Dispatch", "Sun", "Star", "Globe", "News", "Pravda",
                   "Izvestia", "Figaro", "Monde", "Zeitung")

# publishers as they are named in "(Yale, 2001)" or "(Faber & Faber, 1998)" after a title: not an author-year
PUBLISHER_NAMES = (
    "Penguin", "Allen Lane", "Vintage", "Cape", "Jonathan Cape", "Faber", "Faber & Faber", "Faber and Faber",
    "Macmillan", "Palgrave", "Palgrave Macmillan", "Pan", "Picador", "Hutchinson", "Heinemann", "William Heinemann",
    "Collins", "Hamlyn", "James Currey", "C. Hurst", "Haymarket", "Left Book Club", "Mainstream", "Amberley", "Tempus",
    "Blackstaff", "Gill & Macmillan", "Merrion", "Harvill", "Lawrence & Wishart", "Seren", "Y Lolfa", "Birlinn",
    "Canongate", "Polygon", "Mercat", "Luath",
    "HarperCollins", "HarperPress", "Harper", "Harper & Row", "Harper Perennial", "Fontana",
    "Weidenfeld",
    "Weidenfeld & Nicolson", "Weidenfeld and Nicolson", "Orion", "Cassell", "Chatto", "Chatto & Windus", "Bodley Head",
    "The Bodley Head", "Hodder", "Hodder & Stoughton", "Headline", "Little, Brown", "Little Brown", "Abacus", "Granta",
    "Profile", "Verso", "Pluto", "Bloomsbury", "Routledge", "Longman", "Longmans", "Methuen", "Constable",
    "Hamish Hamilton", "Hambledon", "Hambledon and London", "Hambledon Continuum", "Continuum", "Leo Cooper",
    "Pen & Sword", "Pen and Sword", "Osprey", "Spellmount", "Sutton", "Frank Cass", "Edward Arnold", "Blackwell",
    "Wiley", "Wiley-Blackwell", "Polity", "Norton", "W. W. Norton", "WW Norton", "Knopf", "Alfred A. Knopf",
    "Random House", "Doubleday", "Simon & Schuster", "Simon and Schuster", "Viking", "Scribner", "Scribner's",
    "Putnam", "Houghton Mifflin", "Harcourt", "Harcourt Brace", "Basic Books", "Free Press", "Hyperion", "Crown",
    "Henry Holt", "Farrar, Straus and Giroux", "Farrar Straus", "Atlantic", "Atlantic Books", "Grove",
    "Grove Press", "Praeger", "Greenwood", "Stackpole", "Presidio", "Ballantine", "Bantam", "Dutton", "Hill and Wang",
    "Yale", "Yale UP", "Harvard", "Princeton", "Cornell", "Stanford", "Columbia", "OUP", "CUP", "Clarendon", "MUP",
    "Belknap", "Gallimard", "Fayard", "Seuil", "Suhrkamp", "Einaudi", "Laterza", "Mondadori", "Tusquets", "Crítica",
    "Dent", "J. M. Dent", "John Murray", "Allen & Unwin", "Allen and Unwin", "Unwin", "Sidgwick & Jackson",
    "Secker & Warburg", "Secker", "Gollancz", "Victor Gollancz", "Eyre & Spottiswoode", "Eyre Methuen", "Quartet",
    "Virago", "Souvenir", "Aurum", "Ebury", "BBC Books", "HMSO", "TSO", "Brassey's", "I. B. Tauris", "I.B. Tauris",
    "Tauris", "Zed", "Hurst", "Reaktion", "Thames & Hudson", "Thames and Hudson", "Anchor", "Vintage Books",
    "Oneworld", "Icon", "Sceptre", "Arrow", "Corgi", "Sphere", "Mariner", "Picador USA", "Da Capo", "Westview",
    "Lynne Rienner", "Bantam Press", "Transworld", "Fourth Estate", "Duckworth", "Macdonald", "Batsford", "Harrap",
    "Michael Joseph", "Secker and Warburg", "Hodder and Stoughton", "Frank Cass", "Boydell", "Boydell & Brewer",
    "Grosset & Dunlap", "Grosset and Dunlap", "Rowman & Littlefield", "Taylor & Francis", "Sheed & Ward",
    "Burns & Oates", "Harper & Brothers", "Reynal & Hitchcock", "Farrar & Rinehart", "Hurst & Blackett",
    "Nicholson & Watson", "Hollis & Carter", "Hutchinson & Co", "Robert Hale", "William Kimber", "Andre Deutsch",
    "André Deutsch", "Rupert Hart-Davis", "Hart-Davis", "Odhams", "Jarrolds", "Geoffrey Bles", "Ernest Benn",
    "Peter Davies", "Frederick Muller", "Lovat Dickson", "Cresset Press", "Croom Helm", "Manchester University Press",
)
PUBLISHERS = frozenset(p.lower() for p in PUBLISHER_NAMES)
# a publisher named for its founders, whose names are no misspelled people: "Chatto & Windus", "Simon & Schuster"
PUBLISHER_OF_NAMES = re.compile(
    r"\b(?:" + "|".join(re.sub(r"\\&|\\ and\\ |\ and\ ", lambda _: r"\s*(?:&amp;|&|and)\s*", re.escape(p))
                         for p in sorted(PUBLISHER_NAMES, key=len, reverse=True) if re.search(r"&| and ", p))
    + r")\b")  # "Chatto & Windus", "Chatto and Windus", "Simon &amp; Schuster" in HTML
PUBLISHER_SUFFIX = re.compile(r"(?:\bPress|\bBooks|\bPublishing|\bPublishers|\bPublications|\bVerlag|\bÉditions|"
                              r"\bEditions|\bUP|\bUniversity|&[ \t]+Co\.?|\bLtd\.?|\bInc\.?)$")


# "(London: Cassell, 1966)", "(Cassell, 1966)": the publisher's place in a bracketed imprint
PUBLISHER_SLOT = re.compile(rf"\((?P<city>[A-Z][\w .'’-]{{1,30}}:[ \t]*)?(?P<publisher>[A-Z][\w&'’ .-]{{1,40}}?),[ \t]*"
                            rf"{YEAR}\)")


def publisher_spans(prose: str) -> list[tuple[int, int]]:
    """Where a publisher is named in an imprint: after a place of publication, or a publisher we know.
    "(Chamberlin, 1938)" stays open to the name checker: an author and a year have the same shape."""
    return [m.span("publisher") for m in PUBLISHER_SLOT.finditer(prose)
            if m.group("city") or is_publisher(m.group("publisher"))]


def is_publisher(name: str) -> bool:
    """ "Yale", "Faber & Faber", "Naval Institute Press": a publisher as a citation names one."""
    plain = " ".join(name.split()).strip(" ,.")
    return plain.lower() in PUBLISHERS or PUBLISHER_SUFFIX.search(plain) is not None
