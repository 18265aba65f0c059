"""The one table that assigns every rule code. Codes are never reused; a renamed rule keeps its
old name as an alias. Each rule documents itself and carries an example that fails and one
that passes; ``docs/rules.md`` is generated from this table (``citecheck rules --markdown``)."""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.model import Applicability, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    what: str
    why: str
    fails: str  # a document that triggers the rule
    passes: str  # a close document that does not
    how_to_fix: str
    fix: Applicability | None = None  # whether findings of this rule carry a fix, and how safe
    aliases: tuple[str, ...] = ()
    needs_network: bool = False  # the examples need HTTP answers (link rules)

    @property
    def group(self) -> str:
        return GROUPS[self.code[:3]]

    @property
    def help_uri(self) -> str:
        return f"https://github.com/citecheck/citecheck/blob/main/docs/rules.md#{self.code.lower()}-{self.name}"


GROUPS = {
    "CC0": "input",
    "CC1": "sources",
    "CC2": "names",
    "CC3": "claims",
    "CC4": "links",
    "CC9": "suppressions",
}

RULES: tuple[Rule, ...] = (
    Rule(
        "CC001", "invalid-utf8", Severity.WARNING,
        "The file is not valid UTF-8; undecodable bytes were replaced.",
        what="Reports a document whose bytes are not valid UTF-8. citecheck reads it with the invalid "
        "sequences replaced by U+FFFD (set `invalid-utf8 = \"skip\"` to refuse such files instead).",
        why="Replaced characters can hide a misspelled name or break a quotation; the file was probably "
        "saved in a legacy encoding.",
        fails="(a file saved as Latin-1: `Ren\\xe9 Massigli`)",
        passes="René Massigli was the French ambassador in Ankara.",
        how_to_fix="Re-save the file as UTF-8.",
    ),
    Rule(
        "CC101", "unresolved-source", Severity.NOTE,
        "A cited work is not in the catalogue (refs.yaml).",
        what="Reports a cited source that matches no entry of `refs.yaml` or the bundled catalogue by "
        "title, alias, author, editor or URL. `citecheck refs suggest` prints a stanza to add.",
        why="A catalogued source has a known tier (primary, secondary, tertiary, user-generated), a "
        "canonical title and a checked URL; an unknown one cannot be weighed.",
        fails="See the memoirs of Józef Lipski for the Polish side of the talks.",
        passes="See the Maisky diaries for the Soviet side of the talks.",
        how_to_fix="Add the work to refs.yaml (`citecheck refs suggest FILE` writes the stanza).",
    ),
    Rule(
        "CC102", "vague-source", Severity.WARNING,
        "A citation gives too little to identify the work.",
        what="Reports a citation that names a kind of work but not the work: \"a thesis about the "
        "cabinet\", \"a small booklet\", \"a French documentary\", \"a study by X\" with no title, "
        "\"some book by a Soviet general\", \"a good one on ZDF, but I can't find it\", and a bare link to a "
        "site's home page (\"they have lots of material, https://example.org/\").",
        why="A reader cannot find or check a source that is not identified; claims resting on it are "
        "as good as unsourced.",
        fails="I once read a small booklet about the pact that explained everything.",
        passes="I once read A. J. P. Taylor, The Origins of the Second World War (1961).",
        how_to_fix="Give author, title and year, or a link.",
    ),
    Rule(
        "CC103", "second-hand-source", Severity.NOTE,
        "A source is known only through another one.",
        what="Reports a source the text has read through another (\"X's diary, as quoted by Y\", \"in "
        "Y's diaries I found a passage from X's diary\"). The report carries the chain in `via` and "
        "`citecheck provenance` draws it.",
        why="Each step of a chain can drop context or mistranslate; a careful reader wants the primary "
        "source, or at least to know it was not consulted.",
        fails="The diary of Georgi Dimitrov, as quoted in Chernyaev's diary, records the meeting.",
        passes="The diary of Georgi Dimitrov records the meeting.",
        how_to_fix="Cite the primary source directly, or say that it was read second-hand.",
    ),
    Rule(
        "CC201", "misspelled-name", Severity.WARNING,
        "A name is misspelled; the fix is the accepted spelling.",
        what="Reports a person, place or event name that is a near-miss of a name in the bundled lexicon "
        "or in refs.yaml (letters swapped, doubled or dropped, or a transliteration slip); a real "
        "surname or word that sounds like the surname of the one person with the uncommon first names "
        "written before it (\"Keir Hardy\" for Keir Hardie); and a transliteration variant that the "
        "same document spells canonically elsewhere (at note severity).",
        why="Misspelled names break searches in catalogues and archives and undermine the reader's "
        "trust in the text.",
        fails="The talks collapsed after Hallifax refused to go to Moscow.",
        passes="The talks collapsed after Halifax refused to go to Moscow.",
        how_to_fix="Apply the fix (`citecheck fix`), or add the spelling to refs.yaml names if it is right.",
        fix=Applicability.SAFE,
    ),
    Rule(
        "CC301", "unsupported-claim", Severity.WARNING,
        "A checkable claim has no citation near it.",
        what="Reports a sentence that asserts something a reader could check (a dated event, a number, a "
        "named actor doing something, an attributed position) with no citation in the same sentence, "
        "the sentences just before it, or a quoted block it belongs to.",
        why="An unsourced factual claim cannot be verified and is how errors spread from text to text.",
        fails="In March 1939 the British cabinet offered Poland a guarantee.",
        passes="In March 1939 the British cabinet offered Poland a guarantee (Cienciala 2003).",
        how_to_fix="Cite a source for the claim, or mark it as your opinion.",
    ),
    Rule(
        "CC302", "unsourced-quotation", Severity.WARNING,
        "A quotation attributed to a person has no source.",
        what="Reports a quotation put in someone's mouth (\"he said '...'\", \"as X quipped, '...'\") with "
        "no citation for where it was said or written.",
        why="Famous quotations are the most often invented or garbled kind of claim.",
        fails="As Daladier said on landing, \"they are cheering me, the fools\".",
        passes="As Daladier said on landing, \"they are cheering me, the fools\" (Shirer 1969, p. 402).",
        how_to_fix="Cite where the words are recorded.",
    ),
    Rule(
        "CC303", "weasel-attribution", Severity.WARNING,
        "A position is attributed to unnamed people.",
        what="Reports attributions to vague groups: \"many observers pointed out\", \"most generals "
        "expected\", \"has been called\", \"critics say\", \"it is widely believed\". The phrase lists "
        "ship with citecheck and can be extended in the configuration (`claims.weasel-phrases`).",
        why="An unnamed authority cannot be checked; the phrase lends a claim weight it has not earned.",
        fails="Many historians agree that the guarantee to Poland was a blunder.",
        passes="A. J. P. Taylor called the guarantee to Poland a blunder (Taylor 1961, p. 211).",
        how_to_fix="Name who said it and cite where.",
    ),
    Rule(
        "CC304", "quote-not-in-source", Severity.ERROR,
        "A quotation is not found in the source it cites.",
        what="Reports a quotation attributed to a cited source whose text is available (a recorded "
        "response in cassettes/, or a `text:` file in refs.yaml) when neither the exact words nor a "
        "close variant occur in it. An unavailable source is never reported as \"not found\".",
        why="A quotation that its own source does not contain is misattributed or invented.",
        fails="(a quotation attributed to an article whose recorded text does not contain it)",
        passes="(the same quotation, present in the recorded text)",
        how_to_fix="Correct the quotation or its attribution.",
        needs_network=True,
    ),
    Rule(
        "CC305", "duplicated-passage", Severity.WARNING,
        "A passage repeats earlier text verbatim without quotation marks.",
        what="Reports a run of at least 20 words (configurable) repeated from an earlier post or document "
        "of the same run without quotation marks, or a whole post or comment of 10 words or more posted again, "
        "pointing at the original.",
        why="Re-posted text counts the same claims twice and hides where they first appeared.",
        fails="(a post that repeats twenty words of an earlier post without quotation marks)",
        passes="(the same words, quoted in quotation marks and introduced as a quotation)",
        how_to_fix="Quote the passage and say where it comes from, or remove the repetition.",
    ),
    Rule(
        "CC306", "weak-support", Severity.NOTE,
        "A claim is supported only by tertiary or user-generated sources.",
        what="Reports a claim whose only support is an encyclopaedia, a wiki or a forum thread.",
        why="Tertiary and user-generated sources summarise others; a claim worth checking deserves the "
        "primary or scholarly source behind them.",
        fails="The pact was signed on 23 August 1939 (see https://en.wikipedia.org/wiki/Molotov%E2%80%93Ribbentrop_Pact).",
        passes="The pact was signed on 23 August 1939 (Roberts 1989, p. 127).",
        how_to_fix="Cite the work the encyclopaedia or forum relies on.",
    ),
    Rule(
        "CC307", "misquoted-source", Severity.NOTE,
        "A quotation differs from the wording of its source.",
        what="Reports a quotation found in its source only as a variant (words changed, dropped or "
        "added); the message shows the difference.",
        why="Small changes in a quotation can change its meaning.",
        fails="(a quotation with one word changed from the recorded source text)",
        passes="(the quotation as the source words it)",
        how_to_fix="Quote the source exactly, marking omissions with [...].",
        needs_network=True,
    ),
    Rule(
        "CC401", "broken-link", Severity.ERROR,
        "A link answers with an error (404, 410, 5xx) or a redirect chain ends in one.",
        what="Reports a link whose final answer is an HTTP error. When the Wayback Machine holds a copy, "
        "the fix points to it.",
        why="A reader who follows a dead link cannot check the claim it supports.",
        fails="See https://example.org/gone for the text of the guarantee.",
        passes="See https://example.org/guarantee for the text of the guarantee.",
        how_to_fix="Replace the link with a live or archived copy.",
        fix=Applicability.UNSAFE,
        needs_network=True,
    ),
    Rule(
        "CC402", "redirected-link", Severity.NOTE,
        "A link permanently redirects; the fix is the new address.",
        what="Reports a link answered with a permanent redirect (301, 308) that ends at a live page.",
        why="Permanent redirects rot: the old address may stop redirecting.",
        fails="See http://example.org/old-page.",
        passes="See https://example.org/new-page.",
        how_to_fix="Use the final address (`citecheck fix --unsafe-fixes`).",
        fix=Applicability.UNSAFE,
        needs_network=True,
    ),
    Rule(
        "CC403", "unreachable-link", Severity.WARNING,
        "A link could not be checked: its host did not answer, or refused to (401, 403, 429).",
        what="Reports a link whose host did not answer (the name does not resolve, the connection is "
        "refused or the TLS handshake fails) or refused to answer the checker (401, 403, 407, or 429 "
        "after retries); the page may well exist, so this is not CC401 broken-link.",
        why="The site may be gone for good; it may also be a passing outage, so this is a warning.",
        fails="See https://no-such-host.invalid/page.",
        passes="See https://example.org/page.",
        how_to_fix="Check the address; replace it with an archived copy if the site is gone.",
        needs_network=True,
    ),
    Rule(
        "CC404", "link-timeout", Severity.WARNING,
        "A link did not answer within the timeout.",
        what="Reports a link that did not answer within `--timeout` seconds.",
        why="A slow or overloaded host cannot be judged; it is reported so that it can be checked again.",
        fails="See https://slow.example.org/page.",
        passes="See https://example.org/page.",
        how_to_fix="Check again later or raise `--timeout`.",
        needs_network=True,
    ),
    Rule(
        "CC405", "unrecorded-link", Severity.NOTE,
        "A link has no recorded answer in cassettes/ (replay mode).",
        what="In replay mode (the default) every answer comes from `cassettes/`; a link with no "
        "recording is not checked and is reported with the hint to record it.",
        why="Offline checks are only as complete as the recordings.",
        fails="See https://example.org/not-yet-recorded.",
        passes="See https://example.org/recorded-page.",
        how_to_fix="Run `citecheck record PATH` to record answers for new links.",
        needs_network=True,
    ),
    Rule(
        "CC406", "blocked-link", Severity.NOTE,
        "A link points to a private, loopback or link-local address and was not checked.",
        what="In live mode citecheck refuses to connect to private, loopback, link-local and cloud "
        "metadata addresses (after resolving the name, and after every redirect) unless "
        "`--allow-private` is given.",
        why="Checking links from untrusted documents must not let a document probe your network.",
        fails="See http://127.0.0.1:8080/admin.",
        passes="See https://example.org/page.",
        how_to_fix="Pass `--allow-private` if the address is meant to be checked.",
        needs_network=True,
    ),
    Rule(
        "CC407", "soft-404-link", Severity.WARNING,
        "A link redirects to a site's front page or a not-found page.",
        what="Reports a link whose redirect chain ends at the root of the site or at a page whose address "
        "says it is a 404 page, although the final status is 200.",
        why="Sites often answer removed pages this way; the page the text cited is gone.",
        fails="See https://example.org/removed-article (redirects to https://example.org/).",
        passes="See https://example.org/article.",
        how_to_fix="Find the page's new address or an archived copy.",
        needs_network=True,
    ),
    Rule(
        "CC408", "missing-fragment", Severity.WARNING,
        "A link's #fragment names no anchor on the page.",
        what="Reports a link with a `#fragment` when the fetched page has no element with that id or name.",
        why="The reader lands at the top of the page instead of the cited section.",
        fails="See https://example.org/page#no-such-section.",
        passes="See https://example.org/page#background.",
        how_to_fix="Correct the fragment.",
        needs_network=True,
    ),
    Rule(
        "CC901", "unused-suppression", Severity.WARNING,
        "A suppression comment suppresses nothing.",
        what="Reports a `citecheck: disable ...` comment whose rules found nothing in its range.",
        why="Stale suppressions hide future problems.",
        fails="<!-- citecheck: disable-next-line CC201 -->\nHalifax went to Moscow.",
        passes="<!-- citecheck: disable-next-line CC201 -->\nHallifax went to Moscow.",
        how_to_fix="Remove the comment.",
        fix=Applicability.SAFE,
    ),
    Rule(
        "CC902", "invalid-suppression", Severity.WARNING,
        "A suppression comment names an unknown rule or is malformed.",
        what="Reports a `citecheck:` comment that cannot be understood: an unknown rule code or name, or an "
        "unknown directive.",
        why="A suppression that silently does nothing misleads the next reader.",
        fails="<!-- citecheck: disable CC999 -->",
        passes="<!-- citecheck: disable CC301 -- quoted from the minutes -->",
        how_to_fix="Use a rule code or name listed by `citecheck rules`.",
    ),
)

_BY_CODE = {rule.code: rule for rule in RULES}
_BY_NAME = {rule.name: rule for rule in RULES} | {alias: rule for rule in RULES for alias in rule.aliases}


def get_rule(key: str) -> Rule | None:
    """A rule by code (``CC201``) or name (``misspelled-name``)."""
    return _BY_CODE.get(key.upper()) or _BY_NAME.get(key.lower())


def rule(code: str) -> Rule:
    return _BY_CODE[code]


def matches(rule_: Rule, selector: str) -> bool:
    """Does ``selector`` (a code, a code prefix such as ``CC2``, a name, or ``ALL``) pick the rule?"""
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s.upper().startswith("CC"):
        return rule_.code.startswith(s.upper())
    return s.lower() == rule_.name or s.lower() in rule_.aliases


def valid_selector(selector: str) -> bool:
    return any(matches(r, selector) for r in RULES)
