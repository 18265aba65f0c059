"""Which sentences are claims: check-worthy assertions a reader could verify.

A claim asserts a dated event, a number, a named actor doing something, an attributed
statement or position, or a quotation. Questions, greetings and sign-offs, forum chrome, the
author's declared opinion ("I think", "in my opinion"), talk about the thread or the essay
itself, and lines that are only a citation are not claims. Every claim carries the cues that
made it one, so that each finding can say why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from citecheck.extract.quotes import Quote
from citecheck.extract.vocabulary import MONTHS, WEEKDAYS
from citecheck.ingest.forum import WIKI_HEADING
from citecheck.letters import LOWER, UPPER
from citecheck.model import ClaimKind, Span
from citecheck.prefilter import Prefilter, PrefilterSet, fold

_YEAR = re.compile(r"(?<![\w/.-])(?:1[0-9]{3}|20[0-4][0-9])s?(?![\w/-])|\b(?:19|20)?[0-9]0s\b|'[0-9]{2}s?\b")
_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)|(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?|\d{2,4}))\b"
)
_NUMBER = re.compile(
    r"(?<![\w.])\d[\d,.]*\s*(?:%|per ?cent|percent|million|billion|thousand|km|miles|kilometres|kilometers|tons|tonnes|"
    r"men|troops|soldiers|divisions|tanks|aircraft|planes|ships|people|dead|casualties|deaths|victims|prisoners|"
    r"citizens|nations|states|countries|votes|marks|pounds|dollars|francs|roubles|rubles)\b"
    r"|(?<![\w.])(?!(?:1[0-9]{3}|20[0-4][0-9])(?![\d,]))\d{2,}(?:,\d{3})*(?![\w.])"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|hundreds|thousands|millions)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion))*\s+"
    r"(?:[a-z]+\s+){0,2}?(?:men|troops|soldiers|divisions|tanks|aircraft|ships|people|nations|states|countries|years|"
    r"days|weeks|months|administrations|lives|dead|deaths|casualties|citizens|votes|members|delegates|prisoners)\b",
    re.IGNORECASE,
)
_SPEECH = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )"
    r"\b(?:said|says|say|declared|declares|stated|states|wrote|writes|argued|argues|claimed|claims|insisted|insists|"
    r"told|tells|announced|announces|called|calls|described|describes|quipped|quips|remarked|remarks|replied|replies|"
    r"answered|noted|notes|observed|warned|warns|promised|admitted|denied|denies|proclaimed|asserted|asserts|"
    r"complained|boasted|added|exclaimed|shouted|cried|muttered|whispered|joked|famously|put it|recalled|recalls|"
    r"confided|conceded|predicted|believed|believes|maintained|maintains|urged|urges|proposed|suggested|suggests|"
    r"insisting|arguing|saying|declaring|warning|claiming)\b"
)
_PAST_OR_FACT_VERB = re.compile(
    r"\b(?:\w{3,}ed|was|were|had|has|have|is|are|became|becomes|began|begins|came|went|made|makes|took|takes|gave|"
    r"gives|led|leads|fought|won|lost|signed|broke|drew|fell|held|left|met|paid|ran|rose|sent|set|spoke|stood|struck|"
    r"told|thought|wrote|sought|brought|built|bought|caught|chose|forbade|froze|grew|hid|knew|meant|overthrew|sank|"
    r"shook|shot|sold|split|spread|swore|threw|understood|withdrew|sent|seized|saw|found|got|kept|let|lay|put|read|"
    r"said|says|shut|slew|undertook|overran|invaded|annexed|occupied|remains|remained|lies|lay|owns|owned|controls|"
    r"ruled|rules|numbered|totalled|totaled|exceeded|killed|died|dies|survived|ordered|appointed|resigned|refused|"
    r"agreed|rejected|accepted|declared|negotiated|concluded|demanded|proposed|offered|guaranteed|mobilized|"
    r"mobilised|attacked|defeated|retreated|advanced|captured|surrendered|collapsed|failed|succeeded|ended|"
    r"started|created|founded|formed|established|abolished|elected|deposed|assassinated|executed|arrested|"
    r"eliminated|dismissed|installed|replaced|forbade|covered|culminated|undermined|intervened|accelerated|"
    r"did|does|do|came|comes|went|goes|stood|stands|fell|falls|lost|loses|won|wins|began|begins|fled|flew|drove|"
    r"rode|bore|beat|blew|bred|burnt|burned|clung|crept|dealt|dug|drank|fed|felt|flung|forgot|forgave|hung|heard|"
    r"hurt|knelt|laid|lent|lit|meant|quit|rang|sang|sat|slept|slid|spent|sprang|stole|stuck|strove|swam|swept|"
    r"swung|taught|tore|wept|wore|wound|overcame|withstood|foresaw|upheld|sold|sank|sunk|arose|awoke|bid|bound|"
    r"built|cast|cost|cut|fit|forsook|hit|sped|spun|spat|stank|strode|strung|thrust|trod|woke|wove|"
    # the historical present of notes, timelines and transcripts: "north invades 25 june 1950", "china enters"
    r"invades|enters|launches|signs|declares|attacks|lands|surrenders|crosses|occupies|annexes|withdraws|sinks|"
    r"bombs|captures|arrives|explodes|announces|collapses|defeats|retreats|advances|marches|destroys|"
    r"assassinates|executes|overthrows|storms|seizes|blockades|evacuates)\b"
)
_PROPER = re.compile(rf"(?<=[\w,;:)\]]\s)(?:[{UPPER}][{LOWER}]+|[A-Z]{{2,}})|(?<=\s)[A-Z]\.(?:[A-Z]\.)+")
_CALENDAR = frozenset(WEEKDAYS + MONTHS)  # "every Friday" names nobody
_WEEKDAYS = frozenset(day.lower() for day in WEEKDAYS)
_ON_WEEKDAY = re.compile(rf"\b(?:on|by|until|till)\s+(?:the\s+)?(?:{'|'.join(WEEKDAYS)})\b")
_QUESTION_END = re.compile(r"\?+[\"'”’)\]]*\s*$")
# "Many collectors say the marks are all from Egypt, is that right?": a statement with a question tagged on
_TAGGED_STATEMENT = re.compile(
    r"(?!(?i:how|why|what|who|whom|whose|where|when|which|is|are|was|were|do|does|did|can|could|would|should|will|"
    r"has|have|had|am|isn['’]t|aren['’]t|wasn['’]t|don['’]t|doesn['’]t|didn['’]t)\b)[^?]{25,}?(?:,|\s[-–—])\s*"
    r"(?i:(?:is|was)\s+(?:that|this)\s+(?:right|true|correct|so)|(?:isn['’]t|wasn['’]t)\s+(?:that|it))"
    # "..., is that true, Hywel, or just a story?"
    r"(?:,?\s+[A-Z][a-z]+)?(?:,?\s+or\s+(?:just\s+|only\s+)?(?:an?\s+)?[^?]{1,30})?"
    r"\s*\?+[\"'”’)\]]*\s*$")
# "how do two ships even crash", "Jake what was it called", "wait is Gaddes the one with the blue cover"
_UNMARKED_QUESTION = re.compile(r"(?:(?:wait|so|ok|okay|hang on|sorry|but|and|[A-Z][a-z]+),?\s+)?"
                                r"(?:(?i:how|why|where|when)\s+(?:do|does|did|is|was|are|were|can|could|would|should|"
                                r"will|has|have|had)|(?i:what|who|which)\s+(?:do|does|did|is|was|are|were|can|could|"
                                r"would|will)\s+(?:it|he|she|they|that|this|you|we|i)|"
                                r"(?i:is|was|are|were|did|does|do|can|could)\s+"
                                r"(?:it|he|she|they|there|that|this|anyone|anybody|[A-Z][a-z]+)\s+(?:the|a|an|really|"
                                r"true|right|actually|even|still|just))\b")
_GREETING_INTERJECTION = re.compile(r"(?i:oh\s+)?(?i:wow|omg|aw+|ah+|oh)[!,.]*\s+(?=(?i:thank|thanks)\b)")
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|thanks|thank you|thx|cheers|regards|kind regards|best regards|best wishes|greetings|"
    r"yours|sincerely|good (?:morning|evening|afternoon)|(?:morning|evening|afternoon)(?=,)|welcome|good luck|"
    r"all the best|take care|lol|haha|edit|"
    r"ps|p\.s\.|(?:good|great|interesting|excellent|fair|lovely|brilliant) (?:question|point|thread|post|answer|"
    r"write-?up|read|summary|talk|panel|video|episode)s?|"
    # an apology for the post itself: "Sorry it's a bit long", "Sorry for the late reply"
    r"sorry(?:,)?\s+(?:(?:it|this)(?:['’]s|\s+is|\s+was)\s+(?:a\s+bit\s+|so\s+|too\s+|rather\s+)?"
    r"(?:long|late|rambling)|for\s+the\s+(?:long|late|slow|delay)|(?:I|I['’]ve)\s+(?:missed|been)))\b",
    re.IGNORECASE,
)
# a verdict on a book, an answer or a point, not a claim about the past: "The book is clearly written, the notes
# are full", "The CIA point is a good one", "This answer is excellent"
_WORK_VERDICT = re.compile(
    r"(?:(?:also|and|but|still|overall|honestly|otherwise),?\s+)?"
    r"(?:the|this|that|your|his|her|their|my)\s+(?:[\w'’-]+\s+){0,2}?(?:book|point|answer|video|film|review|notes|"
    r"chapter|argument|thread|post|podcast|episode|series|documentary|article|essay|biography|bibliography|maps?|"
    r"prose|translation|edition)(?:\s+(?:in|of|on)\s+(?:the\s+)?[\w'’-]+)?\s+(?:is|was|are|were)\s+"
    r"(?:(?:very|really|clearly|still|also|just|quite|pretty|so|"
    r"rather|a\s+bit|well|badly|beautifully|superbly|brilliantly)\s+)*(?:a\s+(?:(?:very|really)\s+)?)?"
    r"(?:good|great|excellent|brilliant|superb|fine|decent|solid|weak|poor|bad|interesting|fascinating|readable|"
    r"written|dated|useful|helpful|thorough|full|tiny|thin|dense|dry|long|short|one)\b"
    # not its reception ("The film was a great success in 1946"), nor a date
    r"(?!\s+(?:success|hit|bestseller|seller|commercial|critical|box)\b)(?![^.!?]*\b(?:in|on|by)\s+\d{4})",
    re.IGNORECASE)
_BUT_THEN_CLAIM = re.compile(r"[^.!?]{0,20}?\bbut\s+(?:\S+\s+){5}")
# the writer's own inference or a counterfactual: "This shows that ...", "Kenya might have become independent
# later", "whoever chose the drop zones should have been court-martialled"
_INFERENCE = re.compile(r"^\W*(?:This|That|Which|All this|All of this)\s+(?:shows|suggests|proves|means|demonstrates|"
                        r"tells us|is why|explains why)\b")
_COUNTERFACTUAL = re.compile(r"\b(?:should|ought\s+to|might|could)\s+(?:not\s+|never\s+|easily\s+|well\s+)?"
                             r"have\s+(?:been|[a-z]+(?:ed|en|wn|ne|ght|ade|ung|un|ome|ost|on))\b")
_JUDGEMENT_GATE = frozenset({"this", "that", "which", "all", "should", "ought", "might", "could"})


def _judgement(outside: str) -> bool:
    """An inference the writer draws, or a counterfactual with no date or figure in it."""
    if _INFERENCE.search(outside):
        return True
    return _COUNTERFACTUAL.search(outside) is not None and not any(c.isdigit() for c in outside) and (
        '"' not in outside and "“" not in outside)


_OPINION = re.compile(
    r"\b(?:I|we)\s+(?:\w+\s+)?(?:think|believe|suppose|guess|feel|reckon|suspect|doubt|wonder|would say|'d say|"
    r"would argue|imagine|assume|hope|prefer|agree|disagree|like|love|hate|find it|am not sure|am sure|don't know|"
    r"do not know|can't|cannot)\b|\bin my (?:humble )?(?:opinion|view|mind|eyes|experience)\b|\bIMH?O\b|"
    r"^\s*(?:can['’]?t|cannot|couldn['’]?t|don['’]?t)\s+(?:remember|recall|find|say)\b|"  # "Can't remember what ..."
    r"\bpersonally\b|\bit seems to me\b|\bmy (?:guess|impression|feeling|view|opinion|point) is\b|\bfor me\b|"
    r"\b(?:is|are|was) (?:well )?worth (?:a |the )?(?:visit|read|reading|watching|a look|seeing|the trip)\b|"
    # recommendations: "X is the book for the diplomacy of all this", "Y has a good bit on this"
    r"\b(?:is|are) (?:the|a) (?:best |standard |classic |go-to |one )?(?:book|books|one|place) "
    r"(?:to (?:read|start)|for)\b|"
    r"\bhas (?:a|an|some) (?:really )?(?:good|great|decent|nice|excellent|useful|whole)? ?"
    r"(?:bit|chapter|section|passage|discussion) on (?:this|that|it|all this)\b",
    re.IGNORECASE,
)
_META = re.compile(
    r"\b(?:this|that|my|our|the other|your) (?:thread|post|topic|essay|investigation|article|paper|review|blog|"
    r"forum|discussion|answer|reply|question|section|chapter|book review)\b|"
    r"\b(?:I|we)\s+(?:will|shall|'ll|am going to|want to|wanted to|would like to|have|had|started|start|read|found|"
    r"saw|watched|checked|mentioned|learned|learnt|wrote|posted|quoted|linked|recommend|tried|try|made|make|"
    r"leave out|left out|note|noted)\b|\b(?:let me|let us|let's)\b|"
    r"(?<!\()\b(?:see|read|watch|check|look at|click)\s+(?:the|this|my|here|below|above)\b|"
    r"\byou\s+(?:wrote|write|said|say|mentioned|claimed|claim|posted|argued|argue|asked|ask|quoted)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"^\s*(?:[\w\s,]{0,30}:\s*)?(?:then\s+|so\s+|and\s+|but\s+)?(?:I|we|We)(?:['’](?:ve|d|m|ll))?\s+"
    r"(?!\w+\s+that\b)\w+"
)
_READER = re.compile(
    r"\bif you\b|^\s*you\s+(?:should|can|could|must|will|might|may)\b|\byou(?:'ll| will) (?:find|see|need)\b",
    re.IGNORECASE,
)
_ADDRESSEE = re.compile(r"\byou\s+(?:wrote|write|said|say|mentioned|claimed|posted|argued|quoted)\b", re.IGNORECASE)
_IMPERATIVE = re.compile(
    r"^\s*(?:(?:then|now|so|but|and|just|also)\s+)*"  # "Then look at how ..."
    r"(?:see|read|watch|look|note|notice|remember|recall|consider|imagine|compare|cf\.|check|click|go|let|please|"
    r"don't|do not|try|ask yourself|keep in mind|bear in mind|take a look|think (?:about|of)|"
    # a task set to students: "Explain why …", "Study Source A.", "Using Sources C and E …"
    r"explain|evaluate|assess|describe|analy[sz]e|identify|outline|discuss|study(?!\s+of\b)|using\s+sources?|"
    r"reach\s+a|complete\s+the|"
    # directions and invitations: "Walk north and turn left into Henry Street", "Do come to ...", "Use the form"
    r"walk|turn\s+(?:left|right|round|around)|cross\s+(?:the|over)|head\s+(?:north|south|east|west|back|down|up|"
    r"towards?)|continue\s+(?:along|down|up|north|south|east|west|past|to)|do\s+come|come\s+(?:and|along)|join\s+us|"
    r"use\s+the|contact\s+(?:us|the)|email\s+us|write\s+to\s+us|listen\s+(?:to|out)|subscribe|"
    r"book\s+(?:now|early|your|online)|"
    # tips: "Start with whatever you have at home"; requests: "If anyone has it, do shout."
    r"start\s+(?:with|by)|begin\s+(?:with|by)|"
    r"if\s+(?:anyone|anybody|you)\b[^.!?\n]{0,80},\s*(?:please\s+)?(?:do\s+)?(?:shout|let\s+(?:me|us)\s+know|"
    r"message\s+me|get\s+in\s+touch|drop\s+me\s+a\s+line|[pd]m\s+me|send\s+it|"
    # "If anyone has photographs of the camp, please bring them to the Club."
    r"(?<=please\s)(?:bring|send|e-?mail|contact|call|ring|phone|post|share|tell|come|drop|get|lend|write)))\b"
    r"(?!\s+(?:too\s+|also\s+)?that\b)",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^\s*(?:--|—|–|~)\s*\S")
_METADATA_SEPARATOR = re.compile(r"\s[·•|]\s")
_INDIRECT_QUESTION = re.compile(
    r"\b(?:readers?|someone|somebody|I|we|you|people|OP|users?|members?|visitors?|students?|listeners?|viewers?|"
    r"commenters?|posters?|questioners?)\b,?(?:[ \t]+\S+){0,8}?[ \t]+"
    r"(?:asks?|asked|asking|wonders?|wondered|wondering|wants? to know|wanted to know|inquires?|enquires?)\s+"
    r"(?:us\s+|me\s+)?(?:whether|if|how|what|why|who|whom|when|where|which)\b", re.IGNORECASE)
_SOCIAL_REPLY = re.compile(r"^\s*@[\w.]+(?:@[\w.]+|[ \t]+[A-Z][\w'’-]+(?=[ \t]+[a-z]))?\s")  # "@Dave Pettit yes ..."
_WORDS = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class WeaselPattern:
    name: str
    regex: re.Pattern[str]
    needs_verb: bool
    prefilter: Prefilter


@lru_cache(maxsize=1)
def _weasel_data() -> dict[str, Any]:
    """The bundled phrase lists of ``data/weasel.yaml``, read once."""
    data: dict[str, Any] = yaml.safe_load((resources.files("citecheck") / "data" / "weasel.yaml").read_text(
        encoding="utf-8"))
    return data


@lru_cache(maxsize=8)
def weasel_patterns(extra: tuple[str, ...] = ()) -> tuple[WeaselPattern, ...]:
    data = _weasel_data()
    groups = " ".join(data["groups"].split()).replace(" ", "")
    verbs = "|".join(v.strip() for v in data["verbs"].split("|"))
    adverbs = "(?:" + "|".join(v.strip() for v in data["adverbs"].split("|")) + ")"
    out = []
    for item in data["patterns"]:
        source = item["regex"].replace("{groups}", groups).replace("{verbs}", verbs).replace("{adverbs}", adverbs)
        regex = re.compile(source, re.IGNORECASE)
        out.append(WeaselPattern(item["name"], regex, bool(item.get("needs_verb")), Prefilter.of(regex)))
    for phrase in extra:
        regex = re.compile(r"\b" + re.escape(phrase) + r"\b", re.IGNORECASE)
        out.append(WeaselPattern("configured", regex, False, Prefilter.of(regex)))
    return tuple(out)


@lru_cache(maxsize=8)
def _weasel_prefilters(extra: tuple[str, ...] = ()) -> PrefilterSet:
    return PrefilterSet([p.prefilter for p in weasel_patterns(extra)])


@lru_cache(maxsize=1)
def _group_verb() -> re.Pattern[str]:
    """A verb of saying or believing, with the adverbs that may come first ("have long argued")."""
    data = _weasel_data()
    verbs = [v.strip() for v in data["verbs"].split("|")]
    verbs += ["were convinced", "are convinced", "were sure", "are sure", "wrote", "write", "criticized",
              "criticised", "condemned", "praised"]
    adverbs = "|".join(v.strip() for v in data["adverbs"].split("|"))
    alternation = "|".join(sorted({re.escape(v).replace(r"\ ", r"\s+") for v in verbs}, key=len, reverse=True))
    return re.compile(rf"\b(?:(?:have|had|would|will|{adverbs})\s+)*(?:{alternation})\b", re.IGNORECASE)


_SEEN_AS = re.compile(r"[^,;.]{0,60}?\bas\b")


def _table_cell(prose: str, start: int, end: int) -> bool:
    """The phrase fills a table cell, as in a "source" column: "| c. 500,000 | Some later writers |"."""
    before = prose[max(0, start - 3):start].rstrip(" \t")
    after = prose[end:end + 3].lstrip(" \t")
    return before.endswith("|") and after.startswith("|")


def _verb_follows(prose: str, start: int, end: int) -> bool:
    """A verb of saying or believing later in the same clause: "many critics of X, such as Y, insisted"."""
    stop = end
    for mark in (".", ";", "\n\n"):
        i = prose.find(mark, start, end)
        if i != -1:
            stop = min(stop, i)
    window = prose[start:min(stop, start + 200)]
    # "many visitors came to see the ship": seeing a thing is no belief (but "many came to see it as a betrayal")
    return any(not (m.group(0).lower() in ("see", "sees") and window[:m.start()].endswith("to ")
                    and not _SEEN_AS.match(window, m.end()))
               for m in _group_verb().finditer(window))


def find_weasels(prose: str, span: Span, extra: tuple[str, ...] = ()) -> list[tuple[Span, str]]:
    """Weasel attributions in ``prose[span]``: (the phrase, which pattern fired)."""
    out: list[tuple[Span, str]] = []
    # the sentence alone is searched, so a pattern anchored at its start also fires after a heading
    # run into the paragraph ("**3.3 Local memory.** Older residents recall")
    sentence = prose[span.start:span.end]
    patterns = weasel_patterns(extra)
    for index in _weasel_prefilters(extra).may_match(fold(sentence)):
        pattern = patterns[index]
        for m in pattern.regex.finditer(sentence):
            start, end = span.start + m.start(), span.start + m.end()
            if pattern.needs_verb and not (_verb_follows(prose, end, span.end) or _table_cell(prose, start, end)):
                continue
            phrase = Span(start, end)
            if not any(phrase.overlaps(s) for s, _ in out):
                out.append((phrase, pattern.name))
    return sorted(out)


@dataclass(frozen=True, slots=True)
class ClaimCandidate:
    span: Span
    kind: ClaimKind
    cues: tuple[str, ...]
    weasels: tuple[tuple[Span, str], ...] = ()
    quotes: tuple[Quote, ...] = ()
    speaker: bool = False  # a quotation put in someone's mouth


# an exam paper's furniture: "Question 3: "<the statement to discuss>"", "Time allowed: 50 minutes."
_EXAM_FURNITURE = re.compile(
    r"^(?:Question\s+\d+[a-z]?\s*[:.)]|Q\d+[a-z]?[:.)]|Time allowed\b|Word count\s*:|Candidate (?:number|name)\s*:|"
    r"Answer (?:all|any|both|one|two|in|the following)\b|Assessed (?:essay|coursework|assignment)\b|"
    r"(?:Essay|Assignment) \d+[a-z]? \([\d,]+ words\)$|.*[(\[]\d{1,2}\s*marks?[)\]]$|"
    # "Mark awarded: 22/25 (Level 5)", "Grade: A*"
    r"(?:Marks?(?:[ \t]+awarded)?|Grade|Level|Total|Score)[ \t]*:[ \t]*[\d/A-E*+ \t()Level.-]{1,30}$)", re.IGNORECASE)
# a society's or a venue's listing: "Wed 20 March, 7.30 pm -- "Title".", "Sat 4 May 2024, 10:00 - Walk"
_EVENT_LISTING = re.compile(
    r"^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+"
    r"[A-Z][a-z]+\.?,?(?:[ \t]+\d{4},?)?[ \t]+\d{1,2}(?:[.:]\d{2})?[ \t]*(?:[ap]\.?m\.?)?[ \t]*(?:--|[-–—:|])")
# a line that is only a date or two, each perhaps after a label: "Started 3 Jan 2024   Last updated 17 Mar 2024"
_DATE_ONLY = re.compile(rf"^(?:(?:[A-Z][a-z]+(?:[ \t]+[a-z]+)?:?[ \t]+)?(?:\d{{1,2}}[ \t]+)?(?:{_DATE.pattern})"
                        rf"(?:,?[ \t]+\d{{4}})?[ \t]*){{1,2}}[.:]?$")
_VIDEO_CHAPTER = re.compile(r"^\(?(?:\d{1,2}:)?\d{1,2}:\d{2}\)?[ \t]+[^.!?\n]{1,80}$")
_CATALOGUE_FIELD = re.compile(
    r"^[*_]{0,2}(?:Object|Objects|Material|Materials|Medium|Dimensions|Size|Accession(?:[ \t]+(?:no\.?|number))?|"
    r"Reference|Ref\.?|Maker|Creator|Provenance|Credit(?:[ \t]+line)?|Collection|Format|Extent|Date|Dates|Place|"
    r"Location|Catalogue(?:[ \t]+no\.?)?|Inventory(?:[ \t]+no\.?)?|Transcribed(?:[ \t]+by)?|Interviewer|"
    r"Interviewee|Recorded(?:[ \t]+(?:by|on|at))?|Duration|Next[ \t]+post|Previous[ \t]+post|Older[ \t]+post|"
    r"Newer[ \t]+post|Related|Status|Word[ \t]+(?:limit|count)|Deadline|Version|Revision|Audience|Contact|"
    r"Approved(?:[ \t]+by)?|Signed[ \t]+off(?:[ \t]+by)?)[*_]{0,2}:[*_]{0,2}[ \t]")
_BOLD_LINE = re.compile(r"^(\*\*|__)[^*_\n]{2,80}\1$")
# a numbered line that only quotes a saying, as a myth-busting list sets its myths: 3. "The king fled the city"
_QUOTED_HEADING = re.compile(r"^(?:\d{1,2}[.)]|#+|[*_]{1,2})?\s*[\"“][^\"”\n]{3,120}[^.!?,;:\"”\s][\"”][*_]{0,2}$")
_MYTH_CUE = re.compile(r"\b(?:myths?|misconceptions?|(?:get|gets|got|getting)\s+(?:\w+\s+){0,4}?wrong)\b",
                       re.IGNORECASE)


def busts_myths(prose: str) -> bool:
    """The document sets out to correct myths: its quoted headings are the myths, not its claims
    (on a page of quotations the same headings are quotations put in someone's mouth)."""
    return _MYTH_CUE.search(prose) is not None


_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "with",
                                "by", "vs", "as", "into", "about", "after", "before", "is", "how", "why", "what"})


def _heading_like(text: str) -> bool:
    """A line set in bold on its own ("**The crash.**"), a line in capitals, or a title-case line without a
    full stop ("Twelve Days in Budapest: Why the Revolution of 1956 Failed")."""
    if _BOLD_LINE.match(text) and len(text.split()) <= 10:
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 8 and len(text.split()) >= 2 and text[-1] not in ".!" and not any(c.islower() for c in letters):
        return True  # "2. FEATURE: "NEITHER PERSONS, GOODS, NOR HOUSE"": set in capitals, with no full stop
    if text[-1:] in ".!?;:,\"”'’)" or text.startswith(("|", "-", "*", ">")):
        return False
    words = [w.strip("\"“”'‘’():,") for w in text.split()]
    significant = [w for w in words if w and w.lower() not in _TITLE_SMALL_WORDS]
    if len(words) < 2 or len(words) > 16 or len(significant) < 2:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in significant)


_VERDICT = "a verdict on a work"


def not_a_claim(text: str) -> str | None:
    """Why the sentence is not a claim, or None."""
    stripped = text.strip()
    if (_QUESTION_END.search(stripped) and not _TAGGED_STATEMENT.match(stripped)) or (
            _UNMARKED_QUESTION.match(stripped) and not stripped.endswith(".")):
        return "question"  # (in chat the mark is often left off: "how do two ships even crash in a harbour")
    opening = _GREETING_INTERJECTION.match(stripped)  # "oh wow thank you for sharing"
    greeted = stripped[opening.end():] if opening else stripped
    if (greeting := _GREETING.match(greeted)) and not _BUT_THEN_CLAIM.match(greeted, greeting.end()) and not (
            opening and len(_WORDS.findall(greeted)) > 12):  # (thanks, then the story it reminded them of)
        return "greeting or sign-off"  # (not "Great answer, but you forget that Franco had the Army of Africa")
    if _SIGNATURE.match(stripped):
        return "signature"
    if stripped.endswith(",") and len(_WORDS.findall(stripped)) <= 6:
        return "salutation"
    if _IMPERATIVE.match(stripped):
        return "instruction"
    if _WORK_VERDICT.match(stripped):
        return _VERDICT  # "The book is clearly written", "The CIA point is a good one, thanks."
    if _heading_like(stripped) or WIKI_HEADING.match(stripped):
        return "heading"
    if _EXAM_FURNITURE.match(stripped):
        return "exam furniture"  # the question set, not the candidate's claim
    if _EVENT_LISTING.match(stripped):
        return "event listing"
    if _DATE_ONLY.match(stripped):
        return "date line"  # a diary's or a log's "17 Mar 2024", "Started 3 Jan 2024   Last updated 17 Mar 2024"
    if _VIDEO_CHAPTER.match(stripped):
        return "video chapter"  # "24:30 Yan'an falls" in a video's description
    if _CATALOGUE_FIELD.match(stripped):
        return "catalogue field"  # "**Object:** Printed notice ...", "Accession no.: D/TOL/1"
    parts = _METADATA_SEPARATOR.split(stripped.strip("*_ "))
    if len(parts) >= 2 and all(len(part) <= 80 for part in parts) and not stripped.startswith("|"):
        # "Jane Doe · History Notes · Mar 14, 2024 · 5 min read", "Retired engineer | 38 yrs ports | mentor" (a
        # Markdown table's row, which opens on "|", is a claim of its own)
        return "metadata line"
    if _INDIRECT_QUESTION.search(stripped):
        return "question"  # "a reader writes to ask whether ..."
    if (mention := _SOCIAL_REPLY.match(stripped)) and len(_WORDS.findall(stripped[mention.end():])) <= 12 and not (
            re.search(r"\d", stripped)):
        return "reply"  # "@someone Great thread, thanks!"
    if _ARCHIVE_NOTICE.match(stripped):
        return "page notice"  # a talk-page archive's own banner
    if _OWN_NOTICE.match(stripped):
        return "notice"  # what the page, the tour or the exhibition itself is, offers or asks
    if _HOUSEKEEPING.search(stripped):
        return "notice"  # the club's, the page's or the author's own business: "Subs are due by 30 June"
    if _EXCLAMATION.match(stripped):
        return "exclamation"  # "What a term it has been."
    if _VISITOR_INFORMATION.search(stripped) or _CREDIT_LINE.match(stripped):
        return "practical information"  # opening hours, tickets, what to do if ..., "get in touch", "Lent by ..."
    return None


# the document speaking of itself: "This leaflet is FREE", "This exhibition tells the story of ...", "Large-print
# versions of all panels are available at the front desk", "Views expressed are those of the contributors",
# "Hosted by ...", "Next time: ...", "Corrections are always welcome"
_OWN_NOTICE = re.compile(
    r"(?:(?:This|These|Our)\s+(?:leaflet|exhibition|tour|episode|page|post|newsletter|podcast|video|"
    r"guide|booklet|website|blog|thread|handout|brochure)\b(?!['’]s)"
    r"|(?:[\w-]+\s+){0,4}(?:versions?|copies|reports?|tickets?|transcripts?|refreshments|recordings?|subtitles)\s+"
    r"(?:of\s+(?:[\w-]+\s+){1,4})?(?:are|is)\s+(?:also\s+)?(?:available|provided|free)\b"
    r"|(?:The\s+)?[Vv]iews\s+expressed\b|(?:Hosted|Presented|Produced|Edited|Compiled|Researched|Narrated)\s+by\s+[A-Z]"
    r"|(?:Next\s+(?:time|week|month|episode|issue)|Coming\s+up)\s*[:,]"
    r"|(?:[\w-]+\s+){0,4}(?i:corrections|comments|contributions|questions|suggestions|submissions|visitors|everyone|"
    r"all|newcomers|members|donations|stories|photos|photographs|memories)"
    r"(?:\s+(?:from|of|by|on)\s+(?:the\s+)?[\w-]+)?\s+(?:are|is)\s+"  # "Questions from the floor are welcome"
    r"(?:always\s+|very\s+|most\s+)?welcome\b"
    r"|(?:[\w-]+\s+){0,8}(?:is|are)\s+(?:attached|enclosed|appended)\b)")  # "A copy ... is attached as Appendix 1"
# a visitor's practical information, in the present tense of the page: "Entry to the museum is free on 1 October",
# "Clouds Hill is open Wednesday to Sunday, 11am to 5pm", "entry is by timed ticket", "There is no café", "If someone
# is taken unwell, phone 999 first", "... so get in touch"
_VISITOR_INFORMATION = re.compile(
    r"^(?:Entry|Admission|Entrance)\b[^.;]{0,40}?\b(?:is|are)\s+(?:free|by|£|\$|€)"
    r"|\b(?:is|are)\s+open\s+(?:daily|every\s+day|(?:from\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|"
    r"\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b)"
    r"|\b[Ee]ntry\s+is\s+by\s+(?:timed\s+|pre-?booked\s+)?(?:ticket|appointment|donation)"
    r"|^There\s+(?:is|are)\s+no\s+(?:caf[eé]|tea\s*room|shop|car\s+park|parking|toilets?|lift)\b"
    r"|^If\s[^,.;]{3,80},\s+(?:please\s+)?(?:phone|call|ring|contact|e-?mail|tell|find|ask|fetch)\b"
    r"|(?:^|\b(?:so|please|do)\s+)(?:[Gg]et|[Kk]eep)\s+in\s+touch\b")  # not "The partisans tried to get in touch"
# a society's, a thread's or a draft's own business: "Subs are due by 30 June", "Donors of €100 or more will be listed
# on a roll of honour", "(Read 1,243 times)", "Corrected to Seyss-Inquart throughout", "The abstract has been
# shortened to 200 words as required", "for the writers' room only, do not circulate"
_HOUSEKEEPING = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?:[Ss]ubs|[Ss]ubscriptions|[Mm]embership\s+fees|[Ff]ees|[Dd]ues|[Rr]enewals)\s+(?:are|is)\s+"
    r"(?:now\s+)?(?:due|payable|overdue)\b"
    r"|^(?:[\w€£$,.-]+\s+){1,8}will\s+(?:(?:also|then|now)\s+)?be\s+(?:listed|announced|displayed|served|posted|"
    r"e-?mailed|circulated|collected|refunded|acknowledged|thanked|credited|named|printed)\b(?![^.!?]*\b(?:1[0-9]\d\d|200\d)\b)"
    r"|^\(?(?:Read|Viewed|Views?:?)\s+[\d,]+(?:\s+times?)?\)?$|^\(?[\d,]+\s+(?:views|replies|reads)\)?$"
    r"|^(?:Corrected|Changed|Amended|Revised|Fixed|Updated|Standardi[sz]ed)\b[^.!?]{0,60}\bthroughout\b"
    r"|\b(?:has|have)\s+been\s+(?:shortened|lengthened|corrected|revised|amended|updated|expanded|cut|restructured|"
    r"rewritten|added|removed|moved|reworded)\b[^.!?]{0,60}\bas\s+(?:required|requested|suggested|asked|advised)\b"
    r"|\b(?:[Dd]o\s+not|[Pp]lease\s+do\s+not|[Pp]lease\s+don['’]t)\s+(?:circulate|distribute|forward|share|cite|quote)\b"
    # a meeting's own minutes: "The Chair welcomed members", "The minutes were taken as read", "There being no
    # further business the meeting closed at 9.05 pm", "Members were asked to ...", "Copy deadline for ... is ..."
    r"|^The\s+(?:Chair(?:man|woman|person)?|President|Secretary|Treasurer)\s+(?:welcomed|thanked)\s+"
    r"(?:members|everyone|all|those|the\s+members)\b"
    r"|^The\s+minutes\s+(?:of\s+the\s+[^.!?]{1,40}?\s+)?(?:were|was)\s+(?:taken\s+as\s+read|approved|agreed|signed)"
    r"|^There\s+being\s+no\s+(?:other|further)\s+business|\bmeeting\s+(?:closed|ended)\s+at\s+\d"
    r"|^Members\s+(?:were|are)\s+(?:(?:kindly|again|once\s+again)\s+)?(?:asked|reminded|invited|encouraged|"
    r"requested)\s+(?:to|that)\b"
    r"|^Here['’]s\s+to\s+[^.?]{1,60}!$"  # "Here's to the next hundred years!": a toast
    r"|^(?:[Cc]opy\s+)?[Dd]eadline\s+for\b|^Reminder:"
    # an appeal's price list, a club's meeting time, a record's or a draft's own state, a wanted notice
    r"|^(?:A\s+(?:gift|donation)\s+of\s+)?[£$€]\s?\d[\d,]*\s+(?:will\s+|could\s+|can\s+)?(?:sponsors?|buys?|pays?\s+for|"
    r"covers?|funds?|provides?)\b"
    r"|^(?:Our\s+)?[Mm]eetings\s+are\s+(?:still\s+|now\s+|usually\s+|normally\s+)?(?:held\s+)?(?:on\s+)?"
    r"(?:(?:the\s+)?(?:first|second|third|fourth|last)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b"
    r"|^(?:This\s+)?(?:[Rr]ecord|[Pp]age|[Ee]ntry|[Aa]rticle|[Pp]ost)\s+(?:was\s+)?(?:last\s+)?(?:updated|modified|"
    r"edited|revised)\b"
    r"|^(?:This\s+is\s+an?\s+)?(?:[Dd]raft\s+)?(?:article\s+)?(?:is\s+)?(?:not\s+(?:currently\s+|yet\s+)?)?"
    r"(?:submitted|awaiting)\s+(?:for\s+)?review\b|^This\s+is\s+an?\s+draft\b|^WANTED\s*:")
# "What a term it has been!": an exclamation, not a statement of fact
_EXCLAMATION = re.compile(r"What\s+an?\s+(?:[\w'’-]+\s+){1,4}?(?:it|this|that|they|we)\s+(?:has|have|had)?\s*"
                          r"(?:been|was|were|is|are)\b[^,;]{0,20}[.!]?$")
# an object's credit line in a catalogue or on a label: "Lent by a private collection, Vancouver"
_CREDIT_LINE = re.compile(r"(?:Lent|Loaned|On\s+loan)\s+(?:by|from)\s")


# MediaWiki's talk-page archive banners: "This is an archive of past discussions about X.", "The above discussion
# is preserved as an archive." (their "Please do not modify it." is an instruction already)
_ARCHIVE_NOTICE = re.compile(r"(?:This\s+is\s+an\s+archive\s+of\s+past\s+discussions\b|The\s+(?:above|following)\s+"
                             r"discussion\s+is\s+(?:preserved\s+as\s+an\s+archive|closed)\b)")


def _alternatives(pattern: re.Pattern[str]) -> frozenset[str]:
    """The single words of a word-alternation pattern (for set lookups instead of regex scans)."""
    return frozenset(w for w in re.findall(r"[a-z]+", pattern.pattern) if len(w) > 1)


_SPEECH_WORDS = _alternatives(_SPEECH) - {"put", "it", "was", "were", "been", "being", "is", "are"}
_FACT_WORDS = _alternatives(_PAST_OR_FACT_VERB) - {"w"}
_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are"})
_NUMBER_WORDS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                           "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                           "hundred", "thousand", "million", "billion", "dozen", "dozens", "hundreds", "thousands",
                           "millions"])
_OPINION_GATE = frozenset({"i", "we", "my", "imo", "imho", "personally", "seems", "me", "worth", "book", "books",
                           "one", "place", "bit", "chapter", "section", "passage", "discussion", "remember", "recall"})
_META_GATE = frozenset(["thread", "post", "topic", "essay", "investigation", "article", "paper", "review", "blog",
                        "forum", "discussion", "answer", "reply", "question", "section", "chapter", "i", "we", "let",
                        "let's", "see", "read", "watch", "check", "look", "click", "you"])
_WEASEL_GATE = frozenset(["fashionable", "customary", "commonplace",
                          "someone", "somebody", "opinion", "loads", "tons", "heaps", "members", "parishioners",
                          "locals", "hands", "reckon",
                          "legend", "tradition", "folklore", "lore", "rumour", "rumor", "myth", "story", "memory",
                          "keep", "kept", "tale",
                          "heard", "told", "tell", "remember", "seem", "estimates", "accounts", "account", "reputed",
                          "other", "repeated", "cited", "quoted", "given", "admirers", "defenders",
                          "many", "most", "some", "several", "numerous", "countless", "various", "certain", "few",
                          "lots", "plenty", "number", "others", "historians", "experts", "critics", "scholars",
                          "observers", "commentators", "analysts", "sources", "specialists", "researchers",
                          "detractors", "skeptics", "sceptics", "supporters", "opponents", "research", "studies",
                          "evidence", "scholarship", "reports", "been", "widely", "generally", "commonly", "often",
                          "universally", "frequently", "known", "knows", "needless", "secret", "according", "goes",
                          "said", "claimed", "argued", "believed", "estimated", "reported", "alleged", "thought",
                          "rumoured", "rumored", "understood", "acknowledged", "recognized", "recognised", "agreed",
                          "supposed", "reckoned", "calculated", "maintained", "assumed", "held", "accepted", "noted",
                          "stated", "asserted", "usually", "traditionally", "conventionally", "popularly", "credited",
                          "attributed", "saying", "adage", "proverb", "say", "historian", "scholar", "expert",
                          "observer", "critic", "commentator", "writer", "biographer", "witness", "contemporary",
                          "somewhere", "supposedly", "apparently", "allegedly", "reportedly", "everyone",
                          "everybody", "read", "seen", "locals", "villagers", "residents", "islanders",
                          "townspeople", "old-timers", "people", "call", "veterans", "sometimes", "so", "vets",
                          "survivors", "guides", "fans", "buffs", "enthusiasts", "consensus", "wisdom", "prevailing",
                          "orthodox", "standard", "traditional", "received", "conventional", "popular", "dominant",
                          "mainstream", "official", "widespread", "word", "those", "divided", "debated", "debate",
                          "nobody", "common", "usual", "disputed", "contested", "disputes", "contests", "doubts",
                          "controversial", "witnesses", "eyewitnesses"])


def _speaks(tokens: list[str]) -> bool:
    return any(t in _SPEECH_WORDS and (i == 0 or tokens[i - 1] not in _PASSIVE) for i, t in enumerate(tokens)) or (
        "put" in tokens and "it" in tokens)


def _acts(raw_tokens: list[str]) -> bool:
    """A verb of doing or being; a capitalised word ending in -ed is a name ("United States",
    "Ahmed"), not a verb, unless it opens the sentence."""
    return any((t := raw.lower()) in _FACT_WORDS or (len(t) >= 5 and t.endswith("ed") and (i == 0 or raw[0].islower()))
               for i, raw in enumerate(raw_tokens))


def classify(prose: str, span: Span, quotes: list[Quote], citation_cover: float, *,
             is_name: Callable[[str], bool] = lambda _w: False,
             weasel_extra: tuple[str, ...] = (), myths: bool = False) -> ClaimCandidate | None:
    """A claim, or None. ``citation_cover`` is the share of the sentence taken by citations; ``myths``
    says the document busts myths (see busts_myths)."""
    text = prose[span.start:span.end]
    words = _WORDS.findall(text)
    if len(words) < 3 or citation_cover > 0.6:
        return None
    if myths and _QUOTED_HEADING.match(text.strip()):
        return None
    reason = not_a_claim(text)
    # a verdict on a work may still lean on unnamed people ("... even if people argue about it")
    verdict_weasels = tuple(find_weasels(prose, span, weasel_extra)) if reason == _VERDICT else ()
    if reason and not verdict_weasels:
        return None
    inner_quotes = tuple(q for q in quotes if (span.start <= q.span.start and q.span.end <= span.end + 1)
                         or q.span.start <= span.start < q.span.end)
    quoted_words = sum(q.words(prose) for q in inner_quotes if span.start <= q.span.start)
    outside = _outside_quotes(text, span, inner_quotes)
    raw_tokens = _WORDS.findall(outside)
    tokens = [w.lower() for w in raw_tokens]
    token_set = set(tokens)
    if "you" in token_set and _ADDRESSEE.search(outside):
        return None  # quoting the person one replies to: the thread itself is the source
    weasels = verdict_weasels or (tuple(find_weasels(prose, span, weasel_extra)) if (
        weasel_extra or token_set & _WEASEL_GATE) else ())
    opinion = (bool(token_set & _OPINION_GATE) and _OPINION.search(outside) is not None) or (
        bool(token_set & _JUDGEMENT_GATE) and _judgement(outside))
    meta = bool(token_set & _META_GATE) and _META.search(outside) is not None
    speaks = _speaks(tokens)
    if (opinion or meta) and not weasels and not (inner_quotes and speaks):
        return None
    cues: list[str] = []
    kind = ClaimKind.FACT
    speaker = False
    real_quotes = [q for q in inner_quotes if q.words(prose) >= 3]
    if real_quotes and speaks:
        cues.append("a quotation attributed to someone")
        kind = ClaimKind.QUOTATION
        speaker = True
    elif real_quotes and quoted_words >= 4:
        cues.append("a quotation")
        kind = ClaimKind.QUOTATION
    numeric = any(c.isdigit() for c in outside)
    if ((numeric or "'" in outside) and _YEAR.search(outside)) or _DATE.search(outside) or (
            token_set & _WEEKDAYS and _ON_WEEKDAY.search(outside)):
        cues.append("a date")
    if (numeric or token_set & _NUMBER_WORDS) and _NUMBER.search(_DATE.sub(" ", outside)):
        cues.append("a number")
        if kind is ClaimKind.FACT:
            kind = ClaimKind.STATISTIC
    first = words[0] if words else ""
    named = any(m.group(0) not in _CALENDAR for m in _PROPER.finditer(outside)) or is_name(first)
    if named and speaks:
        cues.append("a position attributed to a named person")
        if kind is ClaimKind.FACT or kind is ClaimKind.STATISTIC:
            kind = ClaimKind.ATTRIBUTION
    acts = _acts(raw_tokens)
    superlative = bool(token_set & _SUPERLATIVE_GATE) and _SUPERLATIVE.search(outside) is not None
    if (named or first[:1].isupper()) and acts and (named or not superlative):
        cues.append("a named actor doing something")
    if superlative:
        cues.append("a record claimed")  # "It is still the biggest mass rescue in the history of the movement."
    if weasels:
        cues.append("an attribution to unnamed people")
        kind = ClaimKind.WEASEL
    if not cues:
        return None
    dated_row = "a date" in cues and text.lstrip().startswith("|")  # "| 16 Aug 1946 | Direct Action Day |"
    if not (acts or speaks or real_quotes or weasels or dated_row or superlative):
        return None  # a dateline, a timestamp, a header: no verb, nothing asserted
    if not weasels and ((token_set & {"i", "we"} and _FIRST_PERSON.match(outside))
                        or ("you" in token_set and _READER.search(outside))):
        return None  # the writer's own doings, or advice to the reader ("I always heard ..." is hearsay)
    if dated_row and cues == ["a date"]:
        cues.append("a dated event in a table")
    if cues == ["a named actor doing something"] and not named:
        if not _plain_assertion(text, token_set, len(words)):
            return None  # "The idea was good.", "Comments are moderated.": nothing checkable
        cues = ["a statement of fact"]  # "New tractors let one farmer plough far more land."
    if (opinion or meta) and kind is not ClaimKind.WEASEL and kind is not ClaimKind.QUOTATION:
        return None
    return ClaimCandidate(span, kind, tuple(dict.fromkeys(cues)), weasels, inner_quotes, speaker)


# a record: "the biggest ... in the history of ...", "the worst ... ever", "the first ... on record"
_SUPERLATIVE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+)?(?:biggest|largest|greatest|worst|longest|deadliest|bloodiest|costliest|earliest|"
    r"oldest|highest|lowest|heaviest|first|last|only)\b[^.!?;]{0,60}?"
    r"\b(?:in\s+(?:the\s+)?(?:\w+\s+)?(?:history|annals|world|century)\b|ever\b|on\s+record\b)")
_SUPERLATIVE_GATE = frozenset({"history", "annals", "world", "century", "ever", "record"})
_CONVERSATION_WORDS = frozenset({"i", "we", "you", "my", "our", "your", "us", "me", "i'd", "i'm", "i've", "we're",
                                 "we've", "you're", "you've", "i'll", "we'll", "thanks", "thank", "please", "post",
                                 "posts", "thread", "comment", "comments", "email", "blog", "reply", "replies",
                                 "question", "answer", "moderated", "edited", "forum", "section", "essay", "chapter",
                                 "today", "tonight", "yesterday", "favourite", "favorite", "chills", "fantastic"})


_LINKING_OPENING = frozenset({"then", "now", "so", "but", "and", "just", "also"})
_DEMONSTRATIVE_BE = frozenset({("that", "is"), ("that", "was"), ("this", "is"), ("this", "was"), ("it", "is"),
                               ("it", "was"), ("that's", ""), ("it's", ""), ("this", "seems"), ("it", "seems")})


def _plain_assertion(text: str, token_set: set[str], n_words: int) -> bool:
    """A statement about the world with nobody named in it: a whole sentence of some length, no
    writer or reader in it, no menu or table, no talk about the post itself (instructions to the
    reader are left out earlier, by ``not_a_claim``) and not a verdict on what was just said
    ("That is not ...")."""
    stripped = text.rstrip()
    if n_words < 6 or stripped[-1:] not in ".!" or "|" in text or token_set & _CONVERSATION_WORDS:
        return False
    opening = [w.lower().replace("’", "'") for w in _WORDS.findall(text)[:5]]
    while len(opening) > 2 and opening[0] in _LINKING_OPENING:
        opening = opening[1:]
    existential = (opening[0] == "there" and opening[1:2] and opening[1] in {"is", "are", "was", "were", "'s"}
                   and n_words <= 7)
    if existential:
        return False  # "And then there is the speech.": nothing asserted yet
    return (opening[0], opening[1] if opening[0] not in {"that's", "it's"} else "") not in _DEMONSTRATIVE_BE


def _outside_quotes(text: str, span: Span, quotes: tuple[Quote, ...]) -> str:
    if not quotes:
        return text
    chars = list(text)
    for q in quotes:
        for i in range(max(q.inner.start, span.start), min(q.inner.end, span.end)):
            chars[i - span.start] = " "
    return "".join(chars)
