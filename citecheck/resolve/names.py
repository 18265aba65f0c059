"""Misspelled names: near-misses of the lexicon's accepted spellings, found with context.

A capitalised word that the lexicon, the catalogue and the English dictionary do not know is
compared with the lexicon's canonical tokens (surnames, given names, one-word places and
events) after transliteration folding, with a transposition-aware edit distance (optimal
string alignment: Damerau-Levenshtein without editing a substring twice, four times faster
over the whole lexicon) and a sorted-letters key for anagram-like slips ("Godoretsky" /
"Gorodetsky"). Short words must be one edit away; longer ones may be two when the context
agrees: a first name or second surname of the same person next to it, or a work or a name
linked to that person elsewhere in the document. An accepted transliteration is not an error,
unless the same document also uses the canonical spelling (then it is a note).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA, DamerauLevenshtein

from citecheck.extract.vocabulary import (
    MONTHS,
    PUBLISHERS,
    VESSEL_WORDS,
    WEEKDAYS,
    YEAR,
    starts_sentence,
    surname_of,
)
from citecheck.letters import LOWER, UPPER
from citecheck.model import Span
from citecheck.resolve.lexicon import (
    OWN_LETTERS,
    Lexicon,
    NameEntry,
    Target,
    common_surnames,
    english_words,
    fold,
    given_names,
    name_key,
    strip_diacritics,
    tokens,
    town_names,
)

_CAP_TOKEN = re.compile(rf"(?<![\w'’-])[{UPPER}][\w'’]*(?:-[\w'’]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_PLACE_PREFIX = re.compile(r"\b(?:San|Santa|Santo|São|Saint|St\.|Ste\.|Fort|Port|Lake|Mount|Mt\.|Cape|Bad|Nova|"
                           r"Novo|Nueva|Nuevo|El|Los|Las|Le|La|New)\s$")
MIN_LENGTH = 5  # shorter words have too many one-letter neighbours
_RARE_GIVEN = 20  # a first name borne by at most this many people in the lexicon says who is meant


@dataclass(frozen=True, slots=True)
class NameIssue:
    span: Span
    written: str
    replacement: str
    entry: NameEntry
    variant: bool  # an accepted transliteration where the document also uses the canonical one
    why: str


@dataclass(frozen=True, slots=True)
class _Candidate:
    target: Target
    distance: int
    anagram: bool


class NameChecker:
    """Holds the lexicon's fuzzy index; ``check`` runs on one document."""

    def __init__(self, lexicon: Lexicon, accept: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.accept = accept
        self._by_length: dict[int, list[str]] = defaultdict(list)
        self._by_letters: dict[str, list[str]] = defaultdict(list)  # the same letters in another order
        self._folded: dict[str, list[Target]] = defaultdict(list)
        # distances are measured on the spelling (lower case, no diacritics), not on the
        # transliteration key, which would make "Griff" one letter from "Graeff"
        for token, targets in lexicon.targets.items():
            if len(token) < MIN_LENGTH:
                continue
            key = _plain(token)
            if key not in self._folded:
                self._by_length[len(key)].append(key)
                if len(key) >= 6:
                    self._by_letters["".join(sorted(key))].append(key)
            self._folded[key].extend(targets)
        self._memo: dict[str, tuple[_Candidate, ...]] = {}
        self._given_index: dict[str, list[str]] | None = None  # plain spelling -> first names
        # a full name of three or more words with one word left open -> (person, the word left open)
        self._full_names: dict[tuple[str, ...], list[tuple[NameEntry, str]]] | None = None
        self._by_sound: dict[str, list[tuple[str, list[NameEntry]]]] | None = None  # surnames by _skeleton
        self._given_counts: dict[str, int] | None = None
        self.protected: frozenset[str] = frozenset()
        self._prose = ""
        self.referenced: frozenset[str] = frozenset()
        # this document's real words found to be a slip for a person's name: word -> (right, entry, why)
        self._namesakes: dict[str, tuple[str, NameEntry, str]] = {}
        self._peers: dict[str, list[str]] = {}  # this document's contemporaries of a lexicon person, by name
        self._witnesses: dict[str, tuple[NameEntry, ...]] = {}  # this document's surnames that can show an era

    def _known(self, word: str) -> bool:
        if word in self.accept or self.lexicon.is_accepted(word) or word in town_names():
            return True
        lower = word.lower()
        return lower in self.lexicon.common or strip_diacritics(lower) in self.lexicon.common

    def candidates(self, word: str) -> tuple[_Candidate, ...]:
        found = self._memo.get(word)
        if found is not None:
            return found
        key = _plain(word)
        limit = 1 if len(key) < 6 else 2
        # a short word may be one edit away (no anagrams under six letters), so only lengths ±1 can match
        reach, cutoff = (1, 1) if limit == 1 else (2, 3)
        pool: list[str] = []
        for n in range(len(key) - reach, len(key) + reach + 1):
            pool.extend(self._by_length.get(n, ()))
        out: list[_Candidate] = []
        found_choices: list[tuple[str, int]] = []
        if pool:
            found_choices = [(choice, int(distance)) for choice, distance, _ in process.extract(
                key, pool, scorer=OSA.distance, score_cutoff=cutoff, limit=12)]
        if len(key) >= 6:
            # the same letters moved ("Ghandi" for Gandhi) can rank below a dozen nearer names
            seen = {choice for choice, _ in found_choices}
            for choice in self._by_letters.get("".join(sorted(key)), ()):
                if choice not in seen and choice != key:
                    distance = int(OSA.distance(key, choice))
                    if distance <= 3:
                        found_choices.append((choice, distance))
        for choice, distance in found_choices:
            anagram = sorted(choice) == sorted(key) and len(key) >= 6
            if distance <= limit or (anagram and distance <= 3):
                # two edits in a word under eight letters are accepted only with context
                for target in self._folded[choice]:
                    out.append(_Candidate(target, distance, anagram))
        result = tuple(out)
        self._memo[word] = result
        return result

    def check(self, text: str, prose: str, skip: list[Span] = (),  # type: ignore[assignment]
              protected: frozenset[str] = frozenset(), cited_authors: frozenset[str] = frozenset(),
              referenced: frozenset[str] = frozenset()) -> list[NameIssue]:
        """Name issues in one document; ``protected`` are the surnames of its formally cited authors,
        ``cited_authors`` the names as cited of those and of authors cited with a title and a year in the text
        ("Richard Baxell, Unlikely Warriors (Aurum Press, 2012)"), ``referenced`` the surnames in its author-year
        references (corrected only with support nearby)."""
        # an author cited with a title and imprint is spelled as on the title page too, unless the references
        # spell them otherwise or the lexicon knows the book
        self.protected = protected | frozenset(surname_of(author) for author in cited_authors)
        self.referenced = referenced
        self._prose = prose
        self._namesakes = {}
        self._peers = {}
        self._witnesses = {}
        occurrences = _occurrences(prose, skip)
        counts: dict[str, int] = defaultdict(int)
        for word, _span, _whole in occurrences:
            counts[word] += 1
        doc_tokens = set(counts)
        doc_folded = {fold(t) for t in doc_tokens}
        # the first names written before each word, anywhere in the document: "William H. Tunner" once
        # makes every "Tunner" that man
        runs_before: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        runs = [_run_before(prose, occurrences, index) for index in range(len(occurrences))]
        for (word, _span, _whole), run in zip(occurrences, runs, strict=True):
            if run:
                runs_before[word].append(run)
        issues: list[NameIssue] = []
        neighbours: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for index, (word, span, whole) in enumerate(occurrences):
            before = _neighbour(prose, occurrences, index, -1)
            after = _neighbour(prose, occurrences, index, +1)
            if before:
                neighbours[word].add((-1, before))
            if after:
                neighbours[word].add((1, after))
            issue = self._check_word(word, span, whole, before, after, runs[index], runs_before.get(word, []),
                                     counts, doc_tokens, doc_folded, prose)
            if issue is not None:
                issues.append(issue)
        flagged = {issue.span.start for issue in issues}
        # a word not flagged on its own, but one slip from a full name ("Lee Kwan Yew"): the whole name corrected
        for issue in self._full_name_slips(prose, occurrences):
            if not any(other.span.overlaps(issue.span) for other in issues):
                issues.append(issue)
                flagged |= {word_span.start for _word, word_span, _whole in occurrences
                            if issue.span.contains(word_span)}
        spelled = self._inconsistent(counts, neighbours, runs_before) | self._as_cited(
            counts, runs_before, cited_authors, protected)
        # "General Westmorland" once makes every "Westmorland" of the document that man
        by_office = {issue.written: issue for issue in issues if _office_fits(prose, issue.span, issue.entry)}
        for (word, span, whole), run in zip(occurrences, runs, strict=True):
            if span.start in flagged:
                continue
            if word in spelled:
                right, entry, why = spelled[word]
                issues.append(self._issue(word, right, span, whole, entry, True, why))
            elif word in by_office and not _after_the(prose, span):  # "The Hague" stays a city
                named = by_office[word]
                issues.append(self._issue(word, named.replacement, span, whole, named.entry, False,
                                          f"written after an office elsewhere: {named.why}"))
            elif word in self._namesakes and not self._someone_else([run], self._namesakes[word][1]) and not (
                    _after_the(prose, span)):
                # "Matthew Ridgeway" once makes every other "Ridgeway" of the document that man (not "the Ridgeway")
                right, entry, why = self._namesakes[word]
                issues.append(self._issue(word, right, span, whole, entry, False, f"written in full elsewhere: {why}"))
        issues.sort(key=lambda issue: issue.span.start)
        return issues

    def _full_name_slips(self, prose: str, occurrences: list[tuple[str, Span, tuple[str, Span] | None]]
                         ) -> list[NameIssue]:
        """One word slipped in a person's full name of three or more words, the others as the lexicon has
        them: "Lee Kwan Yew" (Lee Kuan Yew). Each word may be a name of its own; the whole name says whose."""
        if self._full_names is None:
            index: dict[tuple[str, ...], list[tuple[NameEntry, str]]] = defaultdict(list)
            for entry in self.lexicon.entries:
                if entry.kind != "person":
                    continue
                for form in (entry.name, *entry.variants, *entry.known_as):
                    words = form.split()
                    if 3 <= len(words) <= 4 and all(_name_shape(w) for w in words):
                        for i, word in enumerate(words):
                            index[(*words[:i], "*", *words[i + 1:])].append((entry, word))
            self._full_names = index
        issues: list[NameIssue] = []
        run: list[tuple[str, Span]] = []
        for word, span, whole in [*occurrences, ("", Span(len(prose), len(prose)), None)]:
            if run and (whole is not None or span.start != run[-1][1].end + 1 or prose[span.start - 1] != " "):
                issues += self._full_name_run_slips(run)
                run = []
            if whole is None and word:
                run.append((word, span))
        return issues

    def _full_name_run_slips(self, run: list[tuple[str, Span]]) -> list[NameIssue]:
        assert self._full_names is not None
        issues: list[NameIssue] = []
        words = [word for word, _span in run]
        prose = self._prose
        slipped: set[int] = set()
        for size in (3, 4):
            for first in range(len(run) - size + 1):
                written = words[first:first + size]
                for i, word in enumerate(written):
                    if first + i in slipped:
                        break
                    key = (*written[:i], "*", *written[i + 1:])
                    found = self._full_names.get(key, ())
                    if any(right == word for _entry, right in found):
                        break  # the name as the lexicon has it
                    near = {right: entry for entry, right in found
                            if right[:1] == word[:1] and len(word) >= 3 and _iy(right) != _iy(word)
                            and (OSA.distance(_plain(word), _plain(right), score_cutoff=1) == 1
                                 or _moved_h(word, right))}
                    people = {entry.name: entry for entry in near.values()}
                    if len(people) == 1:
                        entry = next(iter(people.values()))
                        # "Subash Chandra Bose": Subhas as he is named, rather than the variant Subhash
                        right = next((r for r in near if r in entry.name.split()), min(near))
                        name = Span(run[first][1].start, run[first + size - 1][1].end)
                        issues.append(self._issue(word, right, run[first + i][1], (name.slice(prose), name), entry,
                                                  False, f"1 edit from {right}, in the full name {entry.name}"))
                        slipped.add(first + i)
                        break
        return issues

    def _as_cited(self, counts: dict[str, int], runs_before: dict[str, list[tuple[str, ...]]],
                  cited_authors: frozenset[str], listed: frozenset[str]) -> dict[str, tuple[str, NameEntry, str]]:
        """A name the text spells one way and the document's references another: "Hoeling" in the prose,
        "A. A. Hoehling" in a citation (``listed``: the surnames the references spell, never corrected here).
        The citation spells the author as the title page does, unless the
        text gives the name a first name the author does not have ("Gerald Bannick" is someone else)."""
        out: dict[str, tuple[str, NameEntry, str]] = {}
        surnames = sorted({surname_of(author) for author in cited_authors})
        for word in counts:
            if word in listed or not _name_shape(word):
                continue
            if len(word) < MIN_LENGTH:
                # "Lorenzo Myer" beside the cited "Lorenzo Meyer": a short name needs the author's first name
                # ("Alvin Cox" beside the cited "Alvin D. Coox")
                cited = sorted({tokens(a)[-1] for a in cited_authors if len(tokens(a)) >= 2
                                and (_short_slip(word, tokens(a)[-1]) or _doubling(word, tokens(a)[-1]))
                                and any(tokens(a)[0] in run for run in runs_before.get(word, []))})
            else:
                cited = [name for name in surnames if _cited_slip(word, name) and not _plural_of(word, name)
                         and not _demonym_of(word, name)]  # "Australian" beside "Surf Life Saving Australia"
            if len(cited) != 1 or (cited[0] not in listed and _possessive_citation(self._prose, cited[0]) and (
                    counts[word] > counts.get(cited[0], 0) or (counts[word] == counts.get(cited[0], 0)
                                                               and not _only_possessive(self._prose, cited[0])))):
                # "Hilda Greive's The Great Tide (1959)" once, "Miss Grieve" three times: a possessive is no title
                # page, and the citation's is the slip (but not "Revolt on the Clyde by Willie Gallacher (1936)");
                # "Ruta Sepatys's novel …" and "Sepatys based it" beside "Sepetys" twice: no telling which is right
                continue
            authors = [NameEntry(name=author, kind="person", origin="document") for author in sorted(cited_authors)
                       if cited[0] in tokens(author)]
            if authors and all(self._someone_else(runs_before.get(word, []), a) for a in authors):
                continue
            written_so = any(run and _first_fits(tokens(a.name)[0], run[-1])
                             for a in authors for run in runs_before.get(word, []))
            if word in self.lexicon.targets and not written_so and not self._doubled_cited(word, cited[0], counts,
                                                                                          runs_before):
                continue  # a name of its own ("Spear"), unless written with the cited author's first name or initial
            out[word] = (cited[0], authors[0] if authors else NameEntry(name=cited[0], kind="person",
                                                                        origin="document"),
                         f"the document cites {cited[0]} as an author")
        return out

    def _doubled_cited(self, word: str, cited: str, counts: dict[str, int],
                       runs_before: dict[str, list[tuple[str, ...]]]) -> bool:
        """"Cummings is unsympathetic" after "Bruce Cumings, The Origins of the Korean War (1981)": a letter
        doubled in an author the lexicon knows, never written with a first name of its own, and no more often
        than the cited spelling (but "Jon Haliday" cited is the slip for Halliday, whom the lexicon knows)."""
        return (_doubling(word, cited) and not runs_before.get(word) and counts[word] <= counts.get(cited, 0)
                and cited in self.lexicon.targets)

    def _inconsistent(self, counts: dict[str, int],
                      neighbours: dict[str, set[tuple[int, str]]], runs_before: dict[str, list[tuple[str, ...]]]
                      ) -> dict[str, tuple[str, NameEntry, str]]:
        """Names this document spells two ways, one a slip of the other: "the Khedive Ismael" and "the
        Khedive Ismail", "Saigou" and "Saigō". The other spelling wins when the lexicon knows it as the name
        of the person meant (or, failing that, when the document uses it more often); the two must share a
        neighbouring name word, unless they differ only in how a long vowel is romanized."""
        words = [w for w in counts if len(w) >= MIN_LENGTH and _name_shape(w)]
        by_start: dict[str, list[str]] = defaultdict(list)
        for word in words:
            by_start[_plain(word)[:1]].append(word)
        out: dict[str, tuple[str, NameEntry, str]] = {}
        for group in by_start.values():
            if len(group) < 2:
                continue
            romanized = [_romanized(w) for w in group]
            for i, word in enumerate(group):
                for j, other in enumerate(group):
                    if i == j or abs(len(romanized[i]) - len(romanized[j])) > 1 or _plural_of(word, other) or (
                            _plural_of(other, word)) or _demonym_of(word, other) or _demonym_of(other, word):
                        continue  # "Bolshevik" and "Bolsheviks": one word, two numbers; "Australia", "Australian"
                    if word != other and (strip_diacritics(word) == other or _without_accents(other) == word):
                        # "a Rádió" (the Hungarian word) beside "Radio": accents are typed on purpose, and left out
                        # on purpose ("Fordlandia" beside "Fordlândia"; but an umlaut or "ø" is a letter of its own:
                        # "Hammarskjold" is a slip)
                        continue
                    same_sound = romanized[i] == romanized[j]
                    if not same_sound and not (
                        DamerauLevenshtein.distance(romanized[i], romanized[j], score_cutoff=1) <= 1
                        and _typo_like(word, other) and not _weak_edit(word, other)
                        and (neighbours.get(word, set()) & neighbours.get(other, set())
                             or (len(word) >= 6 and (_swapped(_plain(word), _plain(other)) or _doubling(word, other)
                                                     or _dropped_h(word, other) or _dropped_h(other, word)
                                                     or self._vowel_slip_of_person(word, other, counts))))
                    ):
                        continue
                    common = self.lexicon.common
                    if word.lower() in common and other.lower() in common:
                        continue  # two words of the language ("Prussia", "Prussian"), not one name twice
                    # "Erik Olsen" is no Oluf Reed-Olsen: a first name the lexicon's bearers lack unknows the name
                    targets = [t for t in self.lexicon.targets.get(other, ())
                               if not self._someone_else(runs_before.get(other, []), t.entry)]
                    known_word, known_other = word in self.lexicon.targets, bool(targets)
                    if known_word or not (known_other or counts[other] > counts[word]):
                        continue
                    entry = targets[0].entry if targets else NameEntry(name=other, kind="person", origin="document")
                    out[word] = (other, entry, f"the document also spells it {other}"
                                 + (f" ({counts[other]}×)" if counts[other] > 1 else ""))
        return out

    def _check_word(self, word: str, span: Span, whole: tuple[str, Span] | None, before: str, after: str,
                    run: tuple[str, ...], written_before: list[tuple[str, ...]], counts: dict[str, int],
                    doc_tokens: set[str], doc_folded: set[str], prose: str) -> NameIssue | None:
        lexicon = self.lexicon
        known = lexicon.misspellings.get(word)
        if known is not None:
            right, entry = known
            return self._issue(word, right, span, whole, entry, False, "listed as a known misspelling")
        if re.search(r"['’][a-z]", word) or word.lower() in _FAMILY_WORDS:
            return None  # "Granda's father was out in the Tan War": a grandfather, not Granada
        if word.lower() in PUBLISHERS and (_YEAR_AFTER.match(prose, span.end) or _PLACE_COLON_BEFORE.search(
                prose, max(0, span.start - 30), span.start)):
            return None  # "Routledge, 2005", "Sydney: Cassell": a publisher, not a slip for John Rutledge
        if _ONE_WORD_EXCLAMATION.match(prose, span.start) and starts_sentence(prose, span.start):
            return None  # "Madloba! See you next year.": a word of thanks in another language, not a name
        if len(word) < MIN_LENGTH:
            return self._sound_alike(word, span, whole, run) if len(word) == MIN_LENGTH - 1 else None
        if self._known(word):
            return (self._namesake(word, span, whole, before, after, prose)
                    or self._office_namesake(word, span, whole, prose)
                    or self._sound_alike(word, span, whole, run)
                    or self._variant(word, span, whole, doc_tokens, prose)
                    or self._given_slip(word, span, whole, after)
                    or self._contemporaries_slip(word, span, whole, before, after, written_before, doc_tokens, prose))
        if not _name_shape(word):
            return None  # "PaulRyckier", "USSR": not a misspelled name
        same_fold = [t for t in lexicon.by_fold.get(fold(word), []) if t.token != word]
        if same_fold and written_before:
            # "Stanley Baldwyn": the first name says which Baldwin, and he is no king of Jerusalem
            # whose name has several spellings
            meant = [t for t in same_fold if not (t.part == "surname" and self._someone_else(written_before, t.entry))]
            if meant and len(meant) < len(same_fold):
                same_fold = meant
        if same_fold and not any(t.entry.transliterated and not _medieval(t.entry) for t in same_fold):
            # "Lucious" is no transliteration of an American's name, and "Baldwyn" in modern prose no spelling
            # of a crusader king's: a misspelling
            same_fold = []
        if same_fold:
            target = same_fold[0]
            if target.token in doc_tokens:
                return self._issue(word, target.token, span, whole, target.entry, True,
                                   f"a transliteration of {target.token}, which this document also uses")
            if not any(c.distance == 1 and c.target.part == "surname" and c.target.token in doc_tokens
                       for c in self.candidates(word)):
                return None
            # "Lord Wavel" beside "Wavell": a slip for the surname the document writes, not Kraków's Wawel
        best: list[tuple[int, _Candidate, str]] = []
        after_particle = _AFTER_PARTICLE.search(prose, max(0, span.start - 12), span.start) is not None
        if _GAELIC_PARTICLE.search(prose, max(0, span.start - 6), span.start):
            return None  # "Pól Ó Briain": a surname in Irish spelling, written with care, not a slip for Britain
        if _FOREIGN_PHRASE.search(prose, max(0, span.start - 30), span.start):
            return None  # "Bundeszentrale für politische Bildung": a German noun, not a slip for the painter Baldung
        if _AFTER_SAINT.search(prose, max(0, span.start - 7), span.start) or _AFTER_VESSEL.search(
                prose, max(0, span.start - 24), span.start) or _AFTER_PLACE_PREFIX.search(
                prose, max(0, span.start - 12), span.start):
            return None  # "St Woolos Cathedral", "the destroyer Hammann", "South Molton": a church, a ship, a place
        if _BEFORE_PLACE_NOUN.match(prose, span.end) or _before_town(prose, span, lexicon):
            return None  # "the Shelbourne Hotel", "Monkton, Jarrow": a building or a street, a village in its town
        for cand in self.candidates(word):
            if _plural_of(cand.target.token, word) and cand.target.part == "name":
                continue  # "Bolshevik" is not a slip for "the Bolsheviks"
            if _plural_of(word, cand.target.token) and (cand.target.token in doc_tokens or _PLURAL_DETERMINER.search(
                    prose, max(0, (whole[1] if whole else span).start - 30), (whole[1] if whole else span).start)):
                continue  # "the Kennedys", "rifles ... with Martini-Henrys" beside "a Martini-Henry": a plural
            if _BEFORE_MACHINE.match(prose, span.end) and cand.target.entry.role not in _MAKERS:
                continue  # "a Heyford bomber": an aircraft's type, not the writer Casely Hayford (but "Messerschmidt")
            if run and cand.target.entry.kind != "person" and (run[0] in given_names() or self._given_count(run[0])):
                continue  # "Eva Reichmann" is a person, not a slip for the "Eichmann trial"
            if whole is not None and cand.target.part != "given" and any(
                    part != word and len(part) >= 3 and _name_shape(part) and part not in _entry_tokens(
                        cand.target.entry) for part in whole[0].split("-")):
                continue  # "Gerhard Haase-Hindenberg": a double name none of whose other parts is Hindenburg's
            given_like = cand.target.part == "given"
            if given_like and after_particle:
                continue  # "Friedrich von Wiesner": the word after "von" is a surname, not a first name
            # a first name, a two-letter slip or a changed first or last letter needs a neighbour
            # (or the right spelling elsewhere in the document), not just a related name somewhere
            weak = given_like or _weak_edit(word, cand.target.token) or (cand.distance >= 2 and not cand.anagram)
            support = _context(cand.target, before, after, doc_tokens, doc_folded, prose, adjacent_only=weak,
                               close=cand.distance == 1 and not given_like)
            if not support and not given_like:
                support = self._co_author(cand.target.entry, prose, whole[1] if whole else span) or (
                    self._peers_named(cand, word, doc_tokens, prose))
            if given_like and not support:
                continue  # a first name alone is too weak to correct
            if (cand.target.part == "surname" and not before and after and not support
                    and (not self.lexicon.is_common_word(after) or re.match(r"(?:O['’]|Mc|Mac)[A-Z]", after))):
                continue  # "Garson O'Toole": the word before an unknown surname is a first name, not a slip for Gerson
            if _deliberate_letters(word, cand.target.token) and not support.startswith(("next to", "after")):
                continue  # "Alegría" is written with care: not a slip for "Algeria"
            if not support and cand.distance == 1 and not _typo_like(word, cand.target.token):
                continue  # "Haskell"/"Hassell", "Devens"/"Devers": other names differ just so
            if ((_plain(word)[:1] != _plain(cand.target.token)[:1] or cand.distance >= 2)
                    and _first_name_only(support, cand.target.entry)
                    and self._given_count(_support_first_name(support) or "") > _RARE_GIVEN):
                # "Gunner Thomas Lailey" is neither Thomas Bailey nor Thomas Lally: a common first name is too
                # little for another first letter or two edits
                continue
            if cand.target.part == "surname" and (self._someone_else(written_before, cand.target.entry)
                                                  or _other_initial(prose, span, cand.target.entry)):
                continue  # "Hanns Friedrichs" is not "Carl J. Friedrich"; "John A. Kasson" is not "John B. Watson"
            if (word in self.protected and _work_mentioned(cand.target.entry, doc_tokens, prose) is None
                    and not (cand.distance == 1 and cand.target.entry.scholarly and _plain(word)[:1] == _plain(
                        cand.target.token)[:1] and _first_name_only(support, cand.target.entry))) or (
                    cand.target.part == "name" and len(word) < 6 and not support) or (
                    word in self.referenced and not support and not cand.anagram):
                continue  # a formally cited author's name is spelled as on the title page
            needs_context = cand.distance >= 2 and not (cand.anagram and (len(word) >= 8 or _moved_h(
                word, cand.target.token))) and not _moved_double(word, cand.target.token) and not (
                cand.target.entry.transliterated and _dropped_h(word, cand.target.token)) and not (
                _h_and_double(word, cand.target.token) or _long_sound_slip(prose, span, word, cand.target)) and not (
                cand.target.part == "surname" and _office_fits(prose, span, cand.target.entry)
                and _skeleton(word, _SOUNDLESS) == _skeleton(cand.target.token, _SOUNDLESS))  # "President Eisenhauer"
            if needs_context and (not support or (_first_name_only(support, cand.target.entry)
                                                  and _skeleton(word) != _skeleton(cand.target.token))):
                continue  # "Henry Harford" is not "Henry Harwood": a shared first name is too little for two edits
            if counts[word] >= 3 and not support and not (cand.target.entry.kind == "person" and len(word) >= 5 and (
                    _swapped(_plain(word), _plain(cand.target.token))
                    or (cand.target.entry.transliterated and _dropped_h(word, cand.target.token)))):
                # spelled the same way three times: probably another name (two letters swapped, or a romanized
                # name's "h" left out, "Krushchev", stay a slip)
                continue
            if not support and not cand.anagram and _weak_edit(word, cand.target.token):
                continue  # a changed first letter or a plural "s": other names differ just so
            if not support and cand.target.part == "surname":
                support = _calling_fits(prose, span, cand.target.entry)
            if not support and word.lower() in common_surnames():
                continue  # "Mr Halstead", "Hollins Bridge": a common surname of its own, not a slip for Halsted
            score = (2 if support else 0) + (1 if cand.distance == 1 or cand.anagram else 0) - cand.distance
            best.append((score, cand, support))
        if not best:
            return self._sound_alike(word, span, whole, run) or self._misspelled_first_name(word, span, whole, after)
        # a person before a place or event of the same spelling ("Ribbentrop" the man, not the pact)
        best.sort(key=lambda b: (-b[0], b[1].distance, b[1].target.part != "surname", b[1].target.token))
        top = best[0]
        rivals = [b for b in best if b[0] == top[0] and b[1].target.token != top[1].target.token]
        if rivals and len({_plain(b[1].target.token) for b in (top, *rivals)}) == 1:
            # "Rommell": Rommel and the Polish general Rómmel differ only by an accent the writer did not type
            plain = [b for b in (top, *rivals) if (b[1].target.token == strip_diacritics(b[1].target.token))
                     == (word == strip_diacritics(word))]
            if len({b[1].target.token for b in plain}) == 1:
                top, rivals = plain[0], []
        if rivals and len({b[1].target.token.lower() for b in (top, *rivals)}) == 1:
            # "MacArther": MacArthur, not Macarthur; the capitals the writer typed say which family
            capitals = sum(c.isupper() for c in word)
            cased = [b for b in (top, *rivals) if sum(c.isupper() for c in b[1].target.token) == capitals]
            if len({b[1].target.token for b in cased}) == 1:
                top, rivals = cased[0], []
        if rivals:
            doubled = [b for b in (top, *rivals) if _doubling(word, b[1].target.token)]
            if len({b[1].target.token for b in doubled}) != 1:
                return None  # two equally good corrections: do not guess
            top = doubled[0]  # "Richard Bissel": a letter not doubled (Bissell) is the commoner slip than Bessel
        cand, support = top[1], top[2]
        why = f"{cand.distance} edit{'s' if cand.distance != 1 else ''} from {cand.target.token}"
        if cand.anagram and cand.distance > 1:
            why += " (same letters)"
        if support:
            why += f"; {support}"
        return self._issue(word, cand.target.token, span, whole, cand.target.entry, False, why)

    def _vowel_slip_of_person(self, word: str, other: str, counts: dict[str, int]) -> bool:
        """"Templar" once beside "Templer" three times, Gerald Templer a person the lexicon knows: one vowel
        for another in a name the document otherwise writes right."""
        return (_vowel_changed(word, other) and counts[other] >= 2 > counts[word]
                and word not in self.lexicon.targets and not self._given_count(word)
                and any(t.part == "surname" and t.entry.kind == "person" for t in self.lexicon.targets.get(other, ())))

    def _peers_named(self, cand: _Candidate, word: str, doc_tokens: set[str], prose: str) -> str:
        """Two compatriots and contemporaries of the one-slip-away person named in the document: "Mobuto" in a
        text that names Tshombe and Lumumba is Mobutu."""
        entry, right = cand.target.entry, cand.target.token
        if not _man_of_affairs_one_slip_away(cand) or word.lower() in english_words() or not (
                _vowel_changed(word, right, "aeiou") or _swapped(_plain(word), _plain(right))
                or _doubling(word, right)):
            return ""  # only the slips of a hand: "Dollis Hill" is no slip for Hollis, nor "Mr Pryce" for Price
        peers = self._contemporaries(entry, doc_tokens, prose)
        return f"the document names {entry.name}'s contemporaries {peers[0]} and {peers[1]}" if len(peers) >= 2 else ""

    def _author_not_them(self, word: str, entry: NameEntry) -> bool:
        """``word`` is the surname of an author the document cites with a title and imprint, and ``entry`` a
        soldier, a king or a bishop not known for that book: "Bruce Clark's Twice a Stranger (Granta, 2006)" is
        by the journalist, not by the general Bruce C. Clarke."""
        return word in self.protected and entry.role in _SELDOM_AUTHORS and _work_mentioned(
            entry, set(), self._prose) is None

    def _co_author(self, entry: NameEntry, prose: str, span: Span) -> str:
        """The name written with "and" beside one who shares a book with ``entry``: "Davies and Wheatcraft
        (2004)" is R. W. Davies and Stephen Wheatcroft, who wrote *The Years of Hunger* together."""
        own = {_work_key(work): work for work in entry.works}
        own.pop((), None)
        if not own:
            return ""
        for partner in (_PARTNER_BEFORE.search(prose, max(0, span.start - 40), span.start),
                        _PARTNER_AFTER.match(prose, span.end)):
            if partner is None:
                continue
            for target in self.lexicon.targets.get(partner.group(1), ()):
                shared = [own[key] for work in target.entry.works if (key := _work_key(work)) in own]
                if target.part == "surname" and target.entry is not entry and shared:
                    return f"beside {partner.group(1)}, as co-author of {shared[0]}"
        return ""

    def _given_slip(self, word: str, span: Span, whole: tuple[str, Span] | None, after: str) -> NameIssue | None:
        """A first name one typing slip from the first name of the one person of the surname written after it,
        and the first name of none: "Werner von Braun" (Wernher), "Frederik Taylor" (Frederick)."""
        if whole is not None or not after or not self.lexicon.is_given_name(word) or word in self.accept:
            return None
        bearers = [t.entry for t in self.lexicon.targets.get(after, ()) if t.part == "surname"]
        plain = _plain(word)
        if not bearers or any(plain in {_plain(g) for g in e.given} for e in bearers):
            return None
        near = {given: e for e in bearers for given in e.given
                if _plain(given)[:1] == plain[:1] and len(given) >= 4 and _typo_like(word, given)
                and _iy(given) != _iy(word)  # "Nikolai" and "Nikolay": two transliterations, no slip
                and not (e.transliterated and _vowel_changed(word, given))  # "Mohammad" and "Muhammad"
                and OSA.distance(plain, _plain(given), score_cutoff=1) == 1}
        if len(near) != 1:
            return None
        right, entry = next(iter(near.items()))
        return self._issue(word, right, span, whole, entry, False,
                           f"1 edit from {right}; before {after}, as in {entry.name}, and no {after} is {word}")

    def _misspelled_first_name(self, word: str, span: Span, whole: tuple[str, Span] | None,
                               after: str) -> NameIssue | None:
        """A common first name with two letters swapped, written before a surname: "Geoffery Parker".
        Only a swap: a doubled or dropped letter is often another spelling ("Hanns", "Jon")."""
        if not after or not after[:1].isupper() or len(word) < 5 or self.lexicon.is_given_name(word) or (
                word.lower() in _NAME_PARTICLES):
            return None  # "Elia Dalla Costa": the particle of an Italian surname
        if self._given_index is None:
            index: dict[str, list[str]] = defaultdict(list)
            for name in self.lexicon.given:
                index[_plain(name)].append(name)
            self._given_index = index
        plain = _plain(word)
        # the word's own swaps looked up, not every first name compared
        swaps = {plain[:i] + plain[i + 1] + plain[i] + plain[i + 2:] for i in range(len(plain) - 1)} - {plain}
        near = sorted({name for swap in swaps for name in self._given_index.get(swap, ())})
        if len(near) != 1:
            return None
        entry = NameEntry(name=near[0], kind="given name", origin="bundled given names")
        return self._issue(word, near[0], span, whole, entry, False, f"1 edit from the first name {near[0]}; "
                           f"before {after}")

    def _someone_else(self, written_before: list[tuple[str, ...]], entry: NameEntry) -> bool:
        """The name words written just before the word (anywhere it occurs) include a given name this
        person does not have, nor an initial of, nor a near-spelling of: the name is someone else's."""
        forms = _entry_tokens(entry)
        own = {_plain(t) for t in forms if len(t.rstrip(".")) > 1}
        # a middle initial does not make a first name fit: "Arthur Swinson" is not Claude A. Swanson
        initials = {t[0] for t in forms if len(t.rstrip(".")) == 1}
        if forms and len(forms[0].rstrip(".")) > 1:
            initials &= {forms[0][0]}
        for word in (w for run in written_before for w in _up_to_a_title(run)):
            plain = _plain(word)
            if word[0] in initials or plain in own or len(word) < 3 or not _name_shape(word) or (
                    _NICKNAMES.get(plain, frozenset()) & own):
                continue  # "Joe Rochefort" is Joseph Rochefort
            if not (self.lexicon.is_given_name(word) or not self._known(word)):
                continue
            if any(DamerauLevenshtein.distance(plain, mine, score_cutoff=1) <= 1 for mine in own):
                continue  # "Georg Kenan": the first name is misspelled too
            return True
        return False

    def _namesake(self, word: str, span: Span, whole: tuple[str, Span] | None, first: str, after: str,
                  prose: str) -> NameIssue | None:
        """A real surname (or an English word, or a first name) where a surname stands, next to names that
        none of its bearers has, when the one person with those names whose surname is a slip away is the
        man meant: "James Connelly" (the lexicon's Connelly is Thomas L.; James Connolly led the Citizen
        Army), "William Westmorland", "J. B. Priestly", "Ramsay McDonald", "Chang Kai-shek"."""
        if word.isupper() or _OTHER_RANK_BEFORE.search(prose, max(0, span.start - 40), span.start):
            return None  # "Sgt Thomas ELLIOT": a roll of honour spells its own men's names
        bearers = [t.entry for t in self.lexicon.targets.get(word, ()) if t.part == "surname"]
        named = ordinary = False
        if not bearers:
            # a place's name or a word of some longer name ("Solomon West Ridgeway Dias Bandaranaike") where a
            # surname stands: "Matthew Ridgeway"
            named = (self.lexicon.is_given_name(word) or name_key(word) in self.lexicon.non_person_names
                     or word in town_names() or (self.lexicon.is_accepted(word) and word not in self.accept))
            ordinary = named or word.lower() in self.lexicon.common
            if not ordinary:
                return None
        if first and after and any(t.part == "surname" for t in self.lexicon.targets.get(after, ())):
            return None  # "Robert Rhodes James": a middle name
        evidence = self._names_beside(word, span, first, after, prose, has_bearers=bool(bearers), named=named)
        if evidence is None:
            return None
        fits, why = evidence
        if any(fits(e) for e in bearers):
            return None
        meant = {c.target.token: c.target.entry for c in self.candidates(word)
                 if c.distance == 1 and c.target.part == "surname" and c.target.token != word
                 and not _plural_of(word, c.target.token)  # "two W. Smiths in the parish"
                 and not _plural_of(c.target.token, word)  # "Alexander Stephen and Sons" is no Alexander Stephens
                 and (_typo_like(word, c.target.token) or _mc_mac(word, c.target.token)
                      or _voicing_slip(word, c.target.token)  # "Vera Adkins": Vera Atkins of SOE
                      or _heard_slip(word, c.target.token)  # "Nye Bevin", "Patrick Pearce"
                      or (len(c.target.token) != len(word) and _plain(word)[:1] == _plain(c.target.token)[:1]))
                 and (not ordinary or len(c.target.token) != len(word)) and fits(c.target.entry)}
        if len(meant) != 1:
            return None
        right, entry = next(iter(meant.items()))
        if self._author_not_them(word, entry) or (
                self.lexicon.is_given_name(word) and self.lexicon.is_given_name(right)):
            return None  # "Mohammad Ali Foroughi": one first name in another romanization, not Muhammad Ali's slip
        why = f"1 edit from {right}; " + why.format(entry.name)
        self._namesakes.setdefault(word, (right, entry, why))
        return self._issue(word, right, span, whole, entry, False, why)

    def _names_beside(self, word: str, span: Span, first: str, after: str, prose: str, *, has_bearers: bool,
                      named: bool) -> tuple[Callable[[NameEntry], bool], str] | None:
        """What the names written beside the word say of the person meant: which lexicon people they fit,
        and how to say so. A first name before (not after an English word: "Robert Tombs" the historian
        is named so), a given name after (surname first: "Chang Kai-shek"), or initials before a word that
        is nobody's surname ("J. B. Priestly"), or two that none of its bearers has ("E. M. Foster")."""
        nickname = first in self.lexicon.known_as_first and not self.lexicon.is_common_word(first)  # "Nye Bevan"
        if first and len(first) >= 3 and (self.lexicon.is_given_name(first) or nickname) and (
                first not in OFFICES) and (has_bearers or named or len(word) >= 6):
            plain_first = _plain(first)
            return ((lambda e: plain_first in {_plain(t) for t in _entry_tokens(e)}),
                    f"after {first}, a first name of {{}} and of no {word}")
        if after and self.lexicon.is_given_name(after):
            # surname first only where names are written so: "Chang Kai-shek", never "William Henry Harrison"
            plain_after = _plain(after)
            return ((lambda e: plain_after in {_plain(g) for g in e.given}
                     and (e.country is None or e.country.upper() in _SURNAME_FIRST_COUNTRIES)),
                    f"before {after}, a given name of {{}} and of no {word}")
        initials = _INITIALS_BEFORE.search(prose, max(0, span.start - 14), span.start)
        if initials is None:
            return None
        letters = set(re.findall(r"[A-Z]", initials.group(0)))
        if has_bearers and len(letters) < 2:
            return None  # one initial is too little against the word's own bearers (but "E. M. Foster" is Forster)
        return ((lambda e: letters <= {t[0] for t in _entry_tokens(e) if t[:1].isupper()}),
                f"after {initials.group(0).strip()}, the initials of {{}}")

    def _sound_alike(self, word: str, span: Span, whole: tuple[str, Span] | None,
                     run: tuple[str, ...]) -> NameIssue | None:
        """A surname that sounds like the surname of the one person in the lexicon with the first names
        written before it, and that nobody with those first names bears: "Keir Hardy" (Hardie), "Sir Eyre
        Crow" (Crowe), "Sidney Riley" (Reilly), "Walter Hines Paige" (Page)."""
        given = _up_to_a_title(run)
        if whole is not None or not given or not all(len(w) == 1 or self.lexicon.is_given_name(w) for w in given):
            return None
        if len(given) == 1 and (len(given[0]) == 1 or _plain(given[0]) in _COMMON_GIVEN
                                or self._given_count(given[0]) > _RARE_GIVEN):
            return None  # "John Allan" is somebody else as often as a slip for John Allen
        plain_given = [_plain(w) for w in given]

        def fits(entry: NameEntry) -> bool:
            own = {_plain(g) for g in entry.given}
            initials = {_plain(t)[:1] for t in tokens(entry.name)[:-1]}  # "A. J. Cook" has no given names spelled out
            return all(g in own if len(g) > 1 else g in initials for g in plain_given)

        if any(fits(t.entry) for t in (*self.lexicon.targets.get(word, ()), *self.lexicon.variant_of.get(word, ()))
               if t.part == "surname"):
            return None  # a person of that name, or of that spelling of it ("Mohammad Mossadegh")
        meant: dict[str, NameEntry] = {}
        for token, entries in self._surnames_by_sound().get(_skeleton(word, _SOUNDLESS), ()):
            # "Imre Nagi" where the document writes "Nagy" too: a short name's one vowel changed
            if _sound_slip(word, token) or (_vowel_changed(word, token)
                                            and re.search(rf"\b{re.escape(token)}\b", self._prose)):
                for entry in entries:
                    if fits(entry):
                        meant.setdefault(token, entry)
        if len(meant) != 1:
            return None
        right, entry = next(iter(meant.items()))
        if self._author_not_them(word, entry):
            return None
        return self._issue(word, right, span, whole, entry, False,
                           f"sounds like {right}; after {' '.join(reversed(given))}, as in {entry.name}")

    def _contemporaries_slip(self, word: str, span: Span, whole: tuple[str, Span] | None, before: str, after: str,
                             written_before: list[tuple[str, ...]], doc_tokens: set[str],
                             prose: str) -> NameIssue | None:
        """A place's name, or a word of some longer name, standing alone where a person is meant, one slip from
        the surname of the one person in the lexicon two of whose compatriots and contemporaries the document
        names: "Ridgeway took over Eighth Army" beside MacArthur and Willoughby is Ridgway. Nobody in the
        lexicon bears the word as a surname, and it is no English word or first name."""
        if before or after or word.isupper() or _after_the(prose, span) or _PLACE_PREPOSITION_BEFORE.search(
                prose, max(0, span.start - 6), span.start) or _OTHER_RANK_BEFORE.search(
                prose, max(0, span.start - 40), span.start):
            return None
        lexicon = self.lexicon
        if ((word.lower() in english_words() and word not in town_names()) or lexicon.is_given_name(word)
                or any(t.part == "surname" for t in lexicon.targets.get(word, ()))):
            return None
        meant: dict[str, tuple[NameEntry, list[str]]] = {}
        for cand in self.candidates(word):
            target, entry = cand.target, cand.target.entry
            if (not _man_of_affairs_one_slip_away(cand) or target.token in doc_tokens
                    or not (_typo_like(word, target.token) or _mc_mac(word, target.token))
                    or self._someone_else(written_before, entry)):
                continue
            peers = self._contemporaries(entry, doc_tokens, prose)
            if len(peers) >= 2:
                meant.setdefault(target.token, (entry, peers))
        if len(meant) != 1:
            return None
        right, (entry, peers) = next(iter(meant.items()))
        return self._issue(word, right, span, whole, entry, False,
                           f"1 edit from {right}; the document names {entry.name}'s contemporaries "
                           f"{' and '.join(peers[:2])}")

    def _contemporaries(self, entry: NameEntry, doc_tokens: set[str], prose: str) -> list[str]:
        """Surnames in the document of people of ``entry``'s country whose adult lives overlapped his: men of
        affairs, not the historians who wrote about them later."""
        assert entry.active is not None
        if entry.name not in self._peers:
            start, end = entry.active
            self._peers[entry.name] = [
                token for token in sorted(doc_tokens)
                if (bearers := self._witness(token, prose)) and all(e.name != entry.name for e in bearers)
                and any(e.kind == "person" and e.country == entry.country and not e.scholarly and e.active is not None
                        and e.active[0] <= end and start <= e.active[1] for e in bearers)]
        return self._peers[entry.name]

    def _witness(self, token: str, prose: str) -> tuple[NameEntry, ...]:
        """The bearers of a surname of the document that can say which people it is about, or none: it counts
        only when few people bear it and it is no first name, nor a word the document also writes in small
        letters ("home", "post"), nor only ever written after "the" or as the end of a longer name."""
        if token not in self._witnesses:
            bearers: tuple[NameEntry, ...] = ()
            if len(token) >= 4 and not self.lexicon.is_common_word(token) and not self.lexicon.is_given_name(token):
                bearers = tuple({t.entry.name: t.entry for t in self.lexicon.targets.get(token, ())
                                 if t.part == "surname"}.values())
            if len(bearers) > _FEW_BEARERS or not any(
                    e.kind == "person" and not e.scholarly and e.active is not None for e in bearers) or re.search(
                    rf"\b{re.escape(token.lower())}\b", prose) or not _standing_alone(
                    token, prose, self.lexicon.is_given_name):
                bearers = ()  # "the White House", "the House" name no Colonel House
            self._witnesses[token] = bearers
        return self._witnesses[token]

    def _given_count(self, name: str) -> int:
        """How many people in the lexicon bear this first name: a measure of how common it is."""
        if self._given_counts is None:
            counts: dict[str, int] = defaultdict(int)
            for entry in self.lexicon.entries:
                for given in set(entry.given):
                    counts[_plain(given)] += 1
            self._given_counts = counts
        return self._given_counts.get(_plain(name), 0)

    def _surnames_by_sound(self) -> dict[str, list[tuple[str, list[NameEntry]]]]:
        if self._by_sound is None:
            index: dict[str, list[tuple[str, list[NameEntry]]]] = defaultdict(list)
            for token, targets in self.lexicon.targets.items():
                # not a part of a double-barrelled surname: "Leigh" of Robin Leigh-Pemberton
                entries = [t.entry for t in targets if t.part == "surname" and len(tokens(t.entry.name)) > 1
                           and "-" not in (t.entry.surname or "")]
                if entries and len(token) >= MIN_LENGTH - 1:
                    index[_skeleton(token, _SOUNDLESS)].append((token, entries))
            self._by_sound = index
        return self._by_sound

    def _office_namesake(self, word: str, span: Span, whole: tuple[str, Span] | None,
                         prose: str) -> NameIssue | None:
        """A real surname (or a place, or a word) after an office none of its bearers held, when the one person
        who held it and whose surname is a slip away is the man meant: "General Grove" (Marmaduke Grove was no
        general; Leslie Groves ran the Manhattan Project), "General Westmorland" (a county)."""
        m = _OFFICE_BEFORE.search(prose, max(0, span.start - 14), span.start)
        if m is None:
            return None
        roles = _OFFICE_ROLES[m.group(1)]
        bearers = [t.entry for t in self.lexicon.targets.get(word, ()) if t.part == "surname"]
        if any(e.role in roles for e in bearers) or self.lexicon.is_given_name(word) or word in self.accept:
            return None  # "Governor William Phips": a first name, not a slip for "Williams"
        meant = {c.target.token: c.target.entry for c in self.candidates(word)
                 if c.distance == 1 and c.target.part == "surname" and c.target.token != word
                 and c.target.entry.role in roles
                 and (_typo_like(word, c.target.token) or _plural_of(c.target.token, word))}
        how = "1 edit from"
        if not meant:
            # "Field Marshal Hague": the surname of someone who held the office, spelled the French way
            meant = {token: entry for token, entries in self._surnames_by_sound().get(_skeleton(word, _SOUNDLESS), ())
                     if _silent_ue(word, token) for entry in entries if entry.role in roles}
            how = "sounds like"
        if len(meant) != 1:
            return None
        right, entry = next(iter(meant.items()))
        return self._issue(word, right, span, whole, entry, False,
                           f"{how} {right}; {m.group(1)} {right} held that rank or office, no {word} did")

    def _variant(self, word: str, span: Span, whole: tuple[str, Span] | None, doc_tokens: set[str],
                 prose: str) -> NameIssue | None:
        if word in self.lexicon.targets:
            return None  # the canonical spelling of some name: never "corrected" to another
        for target in self.lexicon.variant_of.get(word, ()):
            if target.token != word and target.token in doc_tokens and not _plural_of(target.token, word) and (
                    not _side_by_side(prose, word, target.token)) and (
                    # "Canal de Panamá" beside "the Panama Canal": accents are typed on purpose
                    strip_diacritics(word) != strip_diacritics(target.token)):
                return self._issue(word, target.token, span, whole, target.entry, True,
                                   f"a variant of {target.token}, which this document also uses")
        return None

    def _issue(self, word: str, right: str, span: Span, whole: tuple[str, Span] | None, entry: NameEntry,
               variant: bool, why: str) -> NameIssue:
        if word.isascii() and not right.isascii() and any(c in OWN_LETTERS for c in right):
            right = strip_diacritics(right)  # "Dijlas" is Djilas in an English text, not Đilas
        right = _match_case(word, right)
        if whole is not None:
            whole_text, whole_span = whole
            offset = span.start - whole_span.start
            replacement = whole_text[:offset] + right + whole_text[offset + len(word):]
            return NameIssue(whole_span, whole_text, replacement, entry, variant, why)
        return NameIssue(span, word, right, entry, variant, why)


_NAME_SHAPE = re.compile(rf"(?:Mc|Mac|O['’]|D['’]|Fitz|De|Di|La|Le|Van|Von)?[{UPPER}][{LOWER}'’]+")


def _side_by_side(prose: str, a: str, b: str) -> bool:
    """Two spellings given together on purpose: "Nanking (Nanjing)", "Peking or Beijing", "Danzig/Gdańsk"."""
    gap = r"[ \t]*(?:\([ \t]*|/[ \t]*|,?[ \t]+(?:or|now|today)[ \t]+)"
    return re.search(rf"\b(?:{re.escape(a)}{gap}{re.escape(b)}|{re.escape(b)}{gap}{re.escape(a)})\b", prose) is not None


def _entry_tokens(entry: NameEntry) -> list[str]:
    return [t for form in (entry.name, *entry.variants, *entry.known_as) for t in tokens(form)]


def _name_shape(word: str) -> bool:
    """Capitalised like a name: "Halifax", "McNamara", "O'Brien" (not "USSR" or "PaulRyckier")."""
    return _NAME_SHAPE.fullmatch(word) is not None


def _plain(word: str) -> str:
    return strip_diacritics(word).lower()


def _romanized(word: str) -> str:
    """Plain letters with a long vowel written out: "Saigō" and "Saigou" alike."""
    lower = word.lower()
    for long, written in (("ō", "ou"), ("ū", "uu"), ("ā", "aa"), ("ē", "ee"), ("ī", "ii")):
        lower = lower.replace(long, written)
    return strip_diacritics(lower)


def _weak_edit(written: str, right: str) -> bool:
    """Edits that turn one real name into another as often as they make a typo: a different first or
    last letter, or a final "s"/"e" ("Gompert"/"Gompers", "Koenen"/"Konev", "Mateo"/"Mateos")."""
    a, b = _plain(written), _plain(right)
    if a[:1] != b[:1] or a[-1:] != b[-1:]:
        return True
    return a.rstrip("s") == b.rstrip("s") or a.rstrip("e") == b.rstrip("e")


_AFTER_SAINT = re.compile(r"\b(?:St\.?|Saint|Ste\.?|San|Santa|Sankt)[ \t]+$")
# "South Molton", "Great Missenden": a place's prefix
_AFTER_PLACE_PREFIX = re.compile(r"\b(?:North|South|East|West|Upper|Lower|Great|Little|Point|"
                                 r"Nether|Market|Long|King['’]s|Bishop['’]s)[ \t]+$")
# what families call their elders, in dialects and languages the English dictionary lacks
_FAMILY_WORDS = frozenset({"nana", "grampa", "grampy", "granda", "grandda", "grandmam", "gramma", "oma", "opa",
                           "nonna", "nonno", "babcia", "dziadek", "bubbe", "zayde", "dadda", "nain", "taid", "mamgu",
                           "tadcu", "seanathair", "daideo", "mamó", "babushka", "dedushka", "abuela", "abuelo",
                           "mémé", "pépé", "yiayia", "pappous", "lola", "lolo"})
# the words that make the name before them a building's, a street's or a place's
_BEFORE_PLACE_NOUN = re.compile(r"[ \t]+(?:Hotel|Street|Road|Avenue|Square|Lane|Terrace|Crescent|Barracks|Colliery|"
                                r"Infirmary|Station|Stadium|Cemetery|Aerodrome|Airfield|Quay|Docks?|Bridge|"
                                # "the Longhai railway", "along the Longhai line": a route, not the painter Longhi
                                r"railway|railroad|line|canal|highway)\b")
# a machine's type named for its maker or place ("a Heyford bomber"), and the makers who give their names to them
_BEFORE_MACHINE = re.compile(r"[ \t]+(?:bombers?|fighters?|aircraft|airliners?|biplanes?|monoplanes?|seaplanes?|"
                             r"flying[ \t]+boats?|locomotives?)\b")
_MAKERS = frozenset({"business", "scientist", "aviator"})
_PLACE_COLON_BEFORE = re.compile(r"\b[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?:[ \t]*\Z")
_ONE_WORD_EXCLAMATION = re.compile(r"[^\W\d_]+!")
_TOWN_AFTER_COMMA = re.compile(r",[ \t]+([A-Z][a-z]+)\b")


def _before_town(prose: str, span: Span, lexicon: Lexicon) -> bool:
    """The word is followed by a comma and a town that is nobody's name: "Monkton, Jarrow", a village and the
    town it belongs to (not "Chamberlin, Halifax and Eden")."""
    m = _TOWN_AFTER_COMMA.match(prose, span.end)
    return m is not None and m.group(1) in town_names() and m.group(1) not in lexicon.person_tokens


_AFTER_VESSEL = re.compile(rf"\b{VESSEL_WORDS}[ \t]+$")
_VOWELS = frozenset("aeiouy")
# the short forms of first names that do not start like the long form's first letters alone
_NICKNAME_GROUPS = (
    ("joseph", "joe", "jo"), ("william", "bill", "billy", "will", "willie"), ("robert", "bob", "bobby", "rob", "bert"),
    ("james", "jim", "jimmy", "jamie"), ("thomas", "tom", "tommy"), ("richard", "dick", "rick", "dickie"),
    ("henry", "harry", "hank", "hal"), ("john", "jack", "johnny"), ("edward", "ted", "teddy", "ned", "eddie"),
    ("dwight", "ike"), ("frederick", "fred", "freddie", "fritz"), ("samuel", "sam"), ("benjamin", "ben"),
    ("charles", "charlie", "chuck", "chas"), ("michael", "mike", "mick"), ("david", "dave"),
    ("stephen", "steve"), ("steven", "steve"), ("anthony", "tony"), ("andrew", "andy"), ("nicholas", "nick"),
    ("peter", "pete"), ("walter", "wally", "walt"), ("lawrence", "larry"), ("gerald", "jerry"),
    ("donald", "don"), ("ronald", "ron"), ("alexander", "alex", "sandy", "sasha"), ("archibald", "archie"),
    ("albert", "bertie", "al"), ("margaret", "maggie", "peggy", "meg"), ("elizabeth", "liz", "betty", "bess"),
    ("catherine", "kate", "kitty"), ("patrick", "pat", "paddy"), ("daniel", "dan", "danny"),
    ("douglas", "doug"), ("raymond", "ray"), ("theodore", "teddy", "ted", "theo"), ("franklin", "frank"),
    ("francis", "frank"), ("leonard", "len", "leo"), ("matthew", "matt"), ("christopher", "chris", "kit"),
)
# first names so common in English that one of them says little about who is meant
_COMMON_GIVEN = frozenset(name for group in _NICKNAME_GROUPS for name in group) | frozenset({
    "george", "arthur", "alfred", "harold", "ernest", "frank", "paul", "mark", "martin", "hugh", "philip", "simon",
    "alan", "allan", "ian", "brian", "kenneth", "keith", "roger", "colin", "neil", "norman", "eric", "howard",
    "louis", "lewis", "jean", "pierre", "hans", "karl", "carl", "jose", "juan", "ivan", "mary", "anne", "ann", "jane",
    "susan", "sarah", "helen", "ruth", "alice", "emma", "emily", "julia", "jennifer", "linda", "barbara", "patricia",
    "dorothy", "joan", "scott", "gary", "jason", "kevin", "jeffrey", "timothy", "gregory", "adam"})
_NICKNAMES: dict[str, frozenset[str]] = {}
for _group in _NICKNAME_GROUPS:
    for _name in _group:
        _NICKNAMES[_name] = _NICKNAMES.get(_name, frozenset()) | frozenset(_group)


def _typo_like(written: str, right: str) -> bool:
    """One edit of the kind a hand makes: two letters swapped, a letter doubled or not, a vowel for
    another in a longer word, or a letter dropped or added inside a longer word. A consonant for
    another ("Devens"/"Devers") turns one real name into another as often as it makes a typo."""
    a, b = _plain(written), _plain(right)
    if {a[:3], b[:3]} & {"mac"} and {a[:2], b[:2]} == {"mc", "ma"}:
        return False  # "McNeill" and "MacNeill" are two families, not a slip
    if len(a) == len(b):
        if _swapped(a, b):
            return True
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            i = diff[0]
            return a[i] in _VOWELS and b[i] in _VOWELS and len(a) >= 6
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) - len(shorter) != 1:
        return False
    i = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
    letter = longer[i]
    doubled = (i > 0 and longer[i - 1] == letter) or (i + 1 < len(longer) and longer[i + 1] == letter)
    # "Torez"/"Thorez", "Arkipov"/"Arkhipov": the h of a th, kh, ch or sh
    digraph_h = letter == "h" and i > 0 and longer[i - 1] not in _VOWELS
    return doubled or digraph_h or (len(shorter) >= 6 and 0 < i < len(longer) - 1)


def _deliberate_letters(written: str, right: str) -> bool:
    """``written`` has letters with diacritics that ``right`` lacks: spelled on purpose."""
    marked = {c for c in written.lower() if not c.isascii()}
    return bool(marked - set(right.lower()))


def _sound_slip(written: str, right: str) -> bool:
    """``written`` (which sounds like ``right``) can be a slip for it: the same first letter, at most one
    letter longer or shorter and two edits away, not a short name with one letter changed ("Hall" is
    neither Hill nor Hale), not written with care ("Alegría") and not an umlaut spelled out ("Schoenberg")."""
    a, b = _plain(written), _plain(right)
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 1 or (len(a) <= 5 and len(a) == len(b)):
        return False
    return (OSA.distance(a, b, score_cutoff=2) <= 2 and not _deliberate_letters(written, right)
            and not _umlaut_spelled(right, written))


def _silent_ue(written: str, right: str) -> bool:
    """A hard g spelled the French way, with a silent "ue" ("Hague" for Haig): the letters before it the same
    but for vowels."""
    a, b = _plain(written), _plain(right)
    return a.endswith("gue") and b.endswith("g") and a[:1] == b[:1] and abs(len(a) - len(b)) <= 1 and (
        _skeleton(a[:-3], _SOUNDLESS) == _skeleton(b[:-1], _SOUNDLESS))


_VOICING_PAIRS = frozenset({("d", "t"), ("t", "d"), ("b", "p"), ("p", "b"), ("g", "k"), ("k", "g"), ("v", "f"),
                            ("f", "v"), ("s", "z"), ("z", "s")})


def _one_letter_changed(written: str, right: str) -> tuple[str, str] | None:
    """The one letter (written, right) that differs between two names of the same length and first letter."""
    a, b = _plain(written), _plain(right)
    if len(a) != len(b) or a[:1] != b[:1]:
        return None
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return diffs[0] if len(diffs) == 1 else None


def _voicing_slip(written: str, right: str) -> bool:
    """One consonant for its voiced or voiceless twin inside the name, the way it is heard: "Adkins" for
    Atkins."""
    return _one_letter_changed(written, right) in _VOICING_PAIRS


_HEARD_PAIRS = frozenset({("c", "k"), ("k", "c"), ("c", "s"), ("s", "c"), ("i", "y"), ("y", "i")})


def _heard_slip(written: str, right: str) -> bool:
    """One letter for another that sounds the same there, past the first: a vowel for a vowel in an
    unstressed syllable ("Bevin" for Bevan), "c" for "s" or "k" ("Pearce" for Pearse)."""
    changed = _one_letter_changed(written, right) if len(_plain(written)) >= 5 else None
    return changed is not None and (changed in _HEARD_PAIRS or (changed[0] in "aeiou" and changed[1] in "aeiou")
                                    or _gh_for_ch(written, right))


def _gh_for_ch(written: str, right: str) -> bool:
    """"Gallagher" for Gallacher: the Irish "gh" for the Scots "ch" (or the other way), heard alike."""
    a, b = _plain(written), _plain(right)
    return len(a) == len(b) and any(a[:k] == b[:k] and a[k + 1:] == b[k + 1:] and {a[k], b[k]} == {"g", "c"}
                                    and a[k + 1:k + 2] == "h" for k in range(1, len(a) - 1))


def _umlaut_spelled(umlauted: str, written: str) -> bool:
    """``umlauted`` is ``written`` with "ae", "oe" or "ue" for ä, ö or ü: "Schoenberg" for Schönberg. (The
    transliteration key ``fold`` would say more: it also makes "Crispy" and "Crispi" one name.)"""
    return _plain(written.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")) == _plain(umlauted) or (
        _plain(umlauted.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")) == _plain(written))


def _match_case(written: str, right: str) -> str:
    if written.isupper() and len(written) > 1:
        return right.upper()
    return right


def _neighbour(prose: str, occurrences: list[tuple[str, Span, tuple[str, Span] | None]], index: int,
               step: int) -> str:
    """The name word next to occurrence ``index`` (``step`` -1: before, +1: after), looking past
    initials: "Clay" after "Lucious" in "Lucious D. Clay"."""
    at = index
    for _ in range(3):
        nxt = at + step
        if not 0 <= nxt < len(occurrences):
            return ""
        first, second = (occurrences[nxt][1], occurrences[at][1]) if step < 0 else (occurrences[at][1],
                                                                                    occurrences[nxt][1])
        if not _adjacent(prose, first, second):
            return ""
        word = occurrences[nxt][0]
        if len(word) > 1:
            return word
        at = nxt
    return ""


def _run_before(prose: str, occurrences: list[tuple[str, Span, tuple[str, Span] | None]], index: int,
                most: int = 3) -> tuple[str, ...]:
    """The capitalised words written right before occurrence ``index``, nearest first (a name's
    other parts: "Hanns Joachim" before "Friedrichs")."""
    run: list[str] = []
    at = index
    while at > 0 and len(run) < most and _adjacent(prose, occurrences[at - 1][1], occurrences[at][1]):
        at -= 1
        if occurrences[at][0] in _skip_words():
            break
        run.append(occurrences[at][0])
    return tuple(run)


_PLURAL_DETERMINER = re.compile(
    r"\b(?:the|their|these|those|both|all|many|several|some|our|his|her|its|two|three|four|five|six|few|more|other)"
    r"[ \t]+(?:[a-z]+[ \t]+)?$", re.IGNORECASE)


_SOUNDLESS = "aeiouywh"  # letters that change a spelling more than its sound


@lru_cache(maxsize=1 << 16)
def _skeleton(word: str, vowels: str = "aeiouy") -> str:
    """The consonants of a word, doubled letters written once: "Durutti" and "Durruti", "Crosbie" and
    "Crosby" share one; "Harford" and "Harwood" do not. With ``vowels="aeiouywh"`` it is how the word
    sounds: "Eisenhauer" and "Eisenhower" alike."""
    return re.sub(r"(.)\1+", r"\1", re.sub(f"[{vowels}]", "", _plain(word)))


_OFFICE_ROLES = {"President": {"statesman", "politician"}, "Premier": {"statesman", "politician"},
                 "Chancellor": {"statesman", "politician"}, "Senator": {"politician", "statesman"},
                 "Governor": {"administrator", "politician", "statesman"}, "General": {"military"},
                 "Admiral": {"military"}, "Marshal": {"military"}, "Colonel": {"military"},
                 "Brigadier": {"military"}, "Captain": {"military"}, "Major": {"military"}, "Lieutenant": {"military"},
                 "Ambassador": {"diplomat"}, "King": {"royalty"}, "Queen": {"royalty"}, "Emperor": {"royalty"},
                 "Tsar": {"royalty"}, "Sultan": {"royalty"}, "Pope": {"religious"}, "Cardinal": {"religious"},
                 "Bishop": {"religious"}, "Professor": {"historian", "scientist", "economist", "philosopher"}}
_OFFICE_BEFORE = re.compile(rf"\b({'|'.join(_OFFICE_ROLES)})[ \t]+$")


# what someone did, written before the name: "the economist Cassell", "the aviator Amy Johnstone"
_CALLING_ROLES = {"economist": {"economist"}, "historian": {"historian"}, "composer": {"composer"},
                  "philosopher": {"philosopher"}, "explorer": {"explorer"}, "aviator": {"aviator", "pilot"},
                  "aviatrix": {"aviator", "pilot"}, "pilot": {"aviator", "pilot", "military"},
                  "anthropologist": {"anthropologist"}, "jurist": {"jurist"}, "journalist": {"journalist"},
                  "correspondent": {"journalist"}, "painter": {"artist"}, "sculptor": {"artist"},
                  "novelist": {"writer"}, "poet": {"writer"}, "playwright": {"writer"}, "physicist": {"scientist"},
                  "chemist": {"scientist"}, "mathematician": {"scientist"}, "biologist": {"scientist"},
                  "diplomat": {"diplomat"}}
_CALLING_BEFORE = re.compile(rf"\b(?:[Tt]he|[Aa]n?)[ \t]+(?:[A-Z][a-z]+[ \t]+)?({'|'.join(_CALLING_ROLES)})[ \t]+$")


def _calling_fits(prose: str, span: Span, entry: NameEntry) -> str:
    """"the economist Cassell": what the text says the man did is what the person of the lexicon did."""
    m = _CALLING_BEFORE.search(prose, max(0, span.start - 30), span.start)
    return f"after \"{m.group(1)}\", as {entry.name} was" if m and entry.role in _CALLING_ROLES[m.group(1)] else ""


def _office_fits(prose: str, span: Span, entry: NameEntry) -> bool:
    """An office written right before the name that the person held: "President Eisenhauer"."""
    m = _OFFICE_BEFORE.search(prose, max(0, span.start - 14), span.start)
    return m is not None and entry.role in _OFFICE_ROLES[m.group(1)]


def _swapped(a: str, b: str) -> bool:
    """``a`` is ``b`` with two neighbouring letters swapped."""
    diff = [i for i in range(len(a)) if a[i] != b[i]] if len(a) == len(b) else []
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _moved_h(a: str, b: str) -> bool:
    """The same letters with an "h" in another place, as romanized digraphs go astray: "Zukhov"/"Zhukov"."""
    a, b = _plain(a), _plain(b)
    return a != b and len(a) >= 6 and a.count("h") == b.count("h") >= 1 and a.replace("h", "") == b.replace("h", "")


_INITIALS_BEFORE = re.compile(r"\b[A-Z]\.(?:[ \t]?[A-Z]\.)*[ \t]+$")
# a private soldier's, a sailor's or an airman's rank before his first names: not a famous namesake
_OTHER_RANK_BEFORE = re.compile(r"\b(?:Pte|Private|Cpl|Corporal|L/Cpl|Lance|Sgt|Sergeant|Serjeant|Gnr|Gunner|Spr|"
                                r"Sapper|Rfn|Rifleman|Tpr|Trooper|Dvr|Driver|Bdr|Bombardier|Fusilier|Guardsman|Stoker|"
                                r"Seaman|AB|LAC|AC[12]|Aircraftman|Airman)\.?(?:[ \t]+[A-Z][\w.'’-]*){1,3}[ \t]+$")
# where a person's family name is written before the given name
_SURNAME_FIRST_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "JP", "KR", "KP", "VN", "HU", "KH", "SG", "MN"})


_DIGRAPH_H = re.compile(r"(?<=[kcszgt])h")  # the h of "kh", "ch", "sh", "zh", "gh", "th"


def _dropped_h(a: str, b: str) -> bool:
    """The "h" of romanized digraphs left out: "Kruschev" for "Khrushchev", "Mekloufi" for "Mekhloufi"."""
    a, b = _plain(a), _plain(b)
    return len(b) >= 7 and a.count("h") < b.count("h") and _DIGRAPH_H.sub("", a) == _DIGRAPH_H.sub("", b)


_YEAR_AFTER = re.compile(rf",?[ \t]+{YEAR}\b")


def _iy(name: str) -> str:
    """The spelling with "y" and "j" read as "i": "Nikolay" and "Nikolai" alike."""
    return _plain(name).replace("y", "i").replace("j", "i")


_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|to)[ \t]+$", re.IGNORECASE)  # "near Ridgeway": a place
_FEW_BEARERS = 3  # a surname borne by more people in the lexicon says too little of whom a document is about


def _after_the(prose: str, span: Span) -> bool:
    """"the Ridgeway", "the Eisenhauer farm": a word after "the" names a thing or a family, not the person."""
    return prose[max(0, span.start - 4):span.start].lower() == "the "


def _long_sound_slip(prose: str, span: Span, written: str, target: Target) -> bool:
    """A long surname written as it sounds, its consonants kept and only vowels, "w", "h" or "y" changed,
    first and last letters right: "Eisenhour's headquarters" for Eisenhower's. Not after an office (that
    test is _office_fits) nor after "the" ("the Eisenhauer farm": a family, spelled its own way)."""
    a, b = _plain(written), _plain(target.token)
    return (target.part == "surname" and target.entry.kind == "person" and min(len(a), len(b)) >= 9
            and a[0] == b[0] and a[-1] == b[-1] and _skeleton(a, _SOUNDLESS) == _skeleton(b, _SOUNDLESS)
            and not _OFFICE_BEFORE.search(prose, max(0, span.start - 14), span.start) and not _after_the(prose, span))


def _h_and_double(written: str, right: str) -> bool:
    """Two slips that keep the sound: a digraph's "h" left out or added and a letter written once or twice
    ("Richtoffen" for Richthofen)."""
    a, b = _plain(written), _plain(right)
    if a[:1] != b[:1] or len(b) < 7:
        return False
    for shorn, other in ((b, a), (a, b)):
        for h in _DIGRAPH_H.finditer(shorn):
            if _doubling(shorn[:h.start()] + shorn[h.end():], other):
                return True
    return False


def _cited_slip(written: str, cited: str) -> bool:
    """"Hoeling" for the cited "Hoehling": one letter dropped, added, changed or swapped inside the name
    (its first letter kept), a letter added to a short one, "Mc" for "Mac", or a long name's ending misheard
    ("Higginbottom")."""
    a, b = _plain(written), _plain(cited)
    if len(b) == 4 and len(a) == 5 and a.startswith(b):
        return True  # "Nagle" for the cited "Nagl": a short name given an English ending
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    if _mc_mac(a, b) or DamerauLevenshtein.distance(a, b, score_cutoff=1) <= 1:
        return True
    return min(len(a), len(b)) >= 9 and a[:5] == b[:5] and DamerauLevenshtein.distance(a, b, score_cutoff=2) <= 2


def _short_slip(written: str, cited: str) -> bool:
    """A four-letter name one letter short of the cited five-letter one, first letter kept ("Myer", "Meyer")."""
    a, b = _plain(written), _plain(cited)
    return len(a) == MIN_LENGTH - 1 and len(b) == MIN_LENGTH and a[:1] == b[:1] and OSA.distance(a, b) == 1


def _mc_mac(a: str, b: str) -> bool:
    """"McDonald" and "MacDonald": one family name as often as two; with a first name to go on, a slip."""
    short, long_ = sorted((_plain(a), _plain(b)), key=len)
    return short.startswith("mc") and long_.startswith("mac") and short[2:] == long_[3:]


def _moved_double(a: str, b: str) -> bool:
    """The doubled letter written on its neighbour: "Goebells" for "Goebbels"."""
    a, b = _plain(a), _plain(b)
    return (a != b and len(a) == len(b) >= 6 and re.sub(r"(.)\1", r"\1", a) == re.sub(r"(.)\1", r"\1", b)
            and re.search(r"(.)\1", a) is not None)


def _doubling(a: str, b: str) -> bool:
    """``a`` and ``b`` differ only by one letter written once or twice ("Bissel"/"Bissell")."""
    a, b = _plain(a), _plain(b)
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short and long_[i] == long_[i - 1] for i in range(1, len(long_)))


_ACCENT_MARKS = frozenset("\u0300\u0301\u0302\u0303\u0327")  # grave, acute, circumflex, tilde, cedilla


def _without_accents(word: str) -> str:
    """``word`` with its accents left out, its umlauts and other letters of their own kept."""
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", word) if c not in _ACCENT_MARKS))


def _possessive_citation(prose: str, name: str) -> bool:
    """The document writes ``name`` as a possessive at least once ("Sepatys's novel …")."""
    return re.search(rf"\b{re.escape(name)}['’]s\b", prose) is not None


def _only_possessive(prose: str, name: str) -> bool:
    """Every time the document writes ``name`` it is a possessive ("Greive's")."""
    found = [m.end() for m in re.finditer(rf"\b{re.escape(name)}\b", prose)]
    return bool(found) and all(prose.startswith(("'s", "’s"), end) for end in found)


def _demonym_of(word: str, name: str) -> bool:
    """"Australian(s)" of "Australia", "Korean" of "Korea": a people or an adjective made from a place's name."""
    return word in (name + "n", name + "ns") and name.endswith("a")


def _plural_of(word: str, name: str) -> bool:
    return word in (name + "s", name + "es")


def _support_first_name(support: str) -> str | None:
    """The first name a support note names ("after Thomas, as in Thomas A. Bailey" gives "Thomas")."""
    m = re.match(r"(?:after|next to) (\S+),", support)
    return m.group(1) if m else None


def _first_name_only(support: str, entry: NameEntry) -> bool:
    """The only context is a first name written next to the word."""
    return _support_first_name(support) in entry.given


OFFICES = frozenset(_OFFICE_ROLES) | frozenset({
    "Chief", "Justice", "Judge", "Major", "Captain", "Lieutenant", "Minister", "Secretary", "Consul", "Sir", "Lord",
    "Lady", "Dame", "Prince", "Princess", "Duke", "Count", "Baron", "Empress", "Czar", "Shah", "Archbishop",
    "Reverend", "Father", "Brother", "Sister", "Saint", "Doctor", "Mayor", "Commander", "Commodore", "Sergeant",
    "Private", "Viceroy"})  # offices and ranks; the ones tied to a role are in _OFFICE_ROLES


def _up_to_a_title(run: tuple[str, ...]) -> tuple[str, ...]:
    """The name words before a surname, nearest first, up to an office or rank: in "Chief Justice
    William Stoughten" only "William" is a first name."""
    for i, word in enumerate(run):
        if word in OFFICES:
            return run[:i]
    return run


_INITIALS_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z]\.[ \t]?){1,3})[ \t]*$")


def _other_initial(prose: str, span: Span, entry: NameEntry) -> bool:
    """An initial written right before the word that no part of this person's name starts with."""
    m = _INITIALS_BEFORE.search(prose, max(0, span.start - 10), span.start)
    if m is None:
        return False
    letters = {t[0] for t in _entry_tokens(entry) if t}
    return any(c not in letters for c in re.findall(r"[A-Z]", m.group(1)))


_ABBREVIATIONS = frozenset({"Dr", "St", "Mr", "Mrs", "Ms", "Gen", "Col", "Capt", "Adm", "Lt", "Maj", "Sgt", "Prof",
                            "Rev", "Fr", "Jr", "Sr", "Mt", "Ft"})


# a German, French or Scandinavian function word in lower case before the word (not the particles of surnames)
_FOREIGN_PHRASE = re.compile(r"\b(?:für|und|zur|zum|vom|beim|über|unter|nach|bei|aus|mit|dem|das|et|les|aux|och|og)"
                             r"[ \t]+(?:[a-zäöüßéèêàç]+[ \t]+)?$")
# people whose name beside a book they are not known to have written is more likely someone else's
_SELDOM_AUTHORS = frozenset({"military", "royalty", "religious", "administrator", "business", "aviator", "pilot"})
_PARTNER_BEFORE = re.compile(rf"\b([{UPPER}][\w'’-]+)[ \t]+(?:and|&)[ \t]+\Z")
_PARTNER_AFTER = re.compile(rf"[ \t]+(?:and|&)[ \t]+([{UPPER}][\w'’-]+)")


def _man_of_affairs_one_slip_away(cand: _Candidate) -> bool:
    """A person of known years, no historian, whose surname is one slip from the word: one whose contemporaries
    in the document can say he is meant."""
    entry = cand.target.entry
    return (cand.distance == 1 and cand.target.part == "surname" and entry.kind == "person" and not entry.scholarly
            and entry.active is not None)


def _medieval(entry: NameEntry) -> bool:
    return entry.active is not None and entry.active[1] < 1500


def _vowel_changed(written: str, right: str, vowels: str | frozenset[str] = _VOWELS) -> bool:
    """One vowel written for another, nothing else: "Templar"/"Templer", "Mohammad"/"Muhammad"."""
    changed = _one_letter_changed(written, right)
    return changed is not None and set(changed) <= set(vowels)


def _first_fits(cited: str, written: str) -> bool:
    """The first name written fits the cited one: the same name, or its initial ("Sandra" for "S. M. Tomkins")."""
    return cited == written or (len(cited.rstrip(".")) == 1 and len(written) > 2 and written[0] == cited[0])


def _work_key(work: str) -> tuple[str, ...]:
    """A work by its first two long capitalised words, subtitle and article aside: "The Years of Hunger"."""
    return tuple(w for w in tokens(work) if len(w) > 3 and w[0].isupper() and w not in ("The", "From", "With"))[:2]


_GAELIC_PARTICLE = re.compile(r"(?<![\w'’-])(?:Ó|Ní|Nic|Uí|Ua|Mac)[ \t]+$")
_AFTER_PARTICLE = re.compile(r"\b(?:von|van|de|der|den|du|da|di|del|della|la|le|ten|ter|bin|ibn|al)[ \t]+$")
_NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "du", "da", "di", "del", "della", "la", "le", "ten",
                             "ter", "von der", "van der", "van den", "de la", "bin", "ibn", "al", "dalla", "delle",
                             "degli", "dello", "dal", "dei", "dos", "das"})


_SHORT_LINE = 40  # a line ending in a name that is shorter than this was not wrapped at a margin


def _adjacent(prose: str, a: Span, b: Span) -> bool:
    """Two words of one name: only spaces, a hyphen, a particle ("Friedrich von Wiesner") or the
    period of an initial ("D. Clay") between them, never the end of a sentence ("... the
    Introduction. Hallifax went")."""
    gap = prose[a.end:b.start]
    if gap == " ":
        return True
    if gap.count("\n") > 1:
        return False  # a blank line ends the name: a byline over a paragraph ("Dr Kofi Mensah\n\nKwame Nkhrumah's")
    if "\n" in gap and a.end - (prose.rfind("\n", 0, a.start) + 1) < _SHORT_LINE:
        return False  # a line of its own, not prose wrapped at the margin: a post's "Thoko Gondwe" over its text
    # a nickname in quotation marks between first name and surname: 'Albert "Bert" Hollins'
    if re.fullmatch(r"[ \t]+[\"“]", gap) and re.match(r"[\"”][ \t]+[A-Z]", prose[b.end:b.end + 3]):
        return True
    if re.fullmatch(r"[\"”][ \t]+", gap) and prose[a.start - 1:a.start] in ("\"", "“") and re.search(
            r"[A-Z][\w'’-]*[ \t]+\Z", prose[max(0, a.start - 30):a.start - 1]):
        return True
    if len(gap) > 3 or gap.strip(" \t\n.-") != "":
        return len(gap) <= 10 and gap.startswith(" ") and gap.endswith(" ") and gap.strip() in _NAME_PARTICLES
    return "." not in gap or a.end - a.start == 1 or prose[a.start:a.end] in _ABBREVIATIONS


# titles and epithets in a name that are no office (those are in OFFICES)
_TITLE_WORDS = frozenset({"Earl", "Marquess", "Marquis", "Viscount", "Baronet", "Knight", "Elder", "Younger", "Great",
                          "Dauphin", "Infante", "Infanta", "Khan", "Pasha", "Bey"})


def _in_order(entry: NameEntry, first: str, second: str) -> bool:
    """``first`` comes before ``second`` in one of the person's written names: "Thomas Chenery" is no
    slip for George Henry Thomas's "Henry", which never follows "Thomas"."""
    for form in (entry.name, *entry.variants, *entry.known_as):
        words = [fold(t) for t in tokens(form)]
        a, b = fold(first), fold(second)
        if a in words and b in words and words.index(a) < words.index(b):
            return True
    return False


def _context(target: Target, before: str, after: str, doc_tokens: set[str], doc_folded: set[str], prose: str,
             *, adjacent_only: bool = False, close: bool = False) -> str:
    """Why the document suggests this person (or place): a neighbouring word of the same name, the
    canonical spelling elsewhere in it, a work of theirs, or another part of their name."""
    entry = target.entry
    name_tokens = set(tokens(entry.name)) | {t for form in (*entry.variants, *entry.known_as) for t in tokens(form)}
    others = name_tokens - {target.token}
    if after and (after in others or fold(after) in {fold(t) for t in others}) and _in_order(entry, target.token,
                                                                                             after):
        return f"next to {after}, as in {entry.name}"
    if before and (before in others or fold(before) in {fold(t) for t in others}) and _in_order(entry, before,
                                                                                               target.token):
        return f"after {before}, as in {entry.name}"
    if target.token in doc_tokens and close and target.token not in _CALENDAR_WORDS and not (  # "March 1961"
            target.token.lower() in english_words() and _only_in_longer_names(target.token, prose)):
        return f"the document also spells it {target.token}"
    if adjacent_only:
        return ""
    work = _work_mentioned(entry, doc_tokens)
    if work is not None:
        return f"the document mentions {work}"
    # another part of the name, not a title or a first name anybody may have: "Duke" of "1st Duke of Berwick"
    linked = {fold(t) for t in others if len(t) > 3 and t[:1].isupper() and t not in entry.given and t not in OFFICES
              and t not in _TITLE_WORDS and _plain(t) not in _COMMON_GIVEN and not (
                  entry.kind != "person" and t.lower() in english_words())}  # "Long" of "Long March" is a word
    if linked & doc_folded:
        return f"the document also names {entry.name}"
    return ""


_CALENDAR_WORDS = frozenset((*MONTHS, *WEEKDAYS))


def _work_mentioned(entry: NameEntry, doc_tokens: set[str], prose: str | None = None) -> str | None:
    """A work of the person's that the document names (its first two long capitalised words), in its text,
    or with ``prose`` in its references too. A formally cited author one slip from the author of the very
    work cited is a slip after all ("Athan Theoharris, Spying on Americans")."""
    for work in entry.works:
        key_words = _work_key(work)
        if key_words and all(w in doc_tokens or (prose is not None and re.search(rf"\b{re.escape(w)}\b", prose))
                             for w in key_words):
            return work
    return None



def _only_in_longer_names(word: str, prose: str) -> bool:
    """Every "Press" of the document is the end of a longer name ("the Clarendon Press"): no support for
    "Prest" being a slip for the historian Volker Press."""
    return all(re.search(r"\b[A-Z][\w'’-]*[ \t]+\Z", prose[max(0, m.start() - 30):m.start()])
               for m in re.finditer(rf"\b{re.escape(word)}\b", prose))


_WORD_BEFORE = re.compile(r"\b(?P<word>[Tt]he|[A-Z][\w'’-]*)[ \t]+\Z")


def _standing_alone(word: str, prose: str, is_given_name: Callable[[str], bool]) -> bool:
    """Some "MacArthur" of the document is neither after "the" nor the end of a longer name ("the White
    House"); a first name or an office before it is no longer name ("Charles Willoughby", "General Walker")."""
    for m in re.finditer(rf"\b{re.escape(word)}\b", prose):
        before = _WORD_BEFORE.search(prose[max(0, m.start() - 30):m.start()])
        if before is None or (before.group("word").lower() != "the" and (
                before.group("word") in OFFICES or is_given_name(before.group("word")))):
            return True
    return False


@lru_cache(maxsize=1)
def _skip_words() -> frozenset[str]:
    return frozenset({"The", "This", "That", "These", "Those", "There", "Then", "They", "When", "Where", "What"})


def _occurrences(prose: str, skip: list[Span]) -> list[tuple[str, Span, tuple[str, Span] | None]]:
    """Capitalised words (each part of a hyphenated word separately) outside ``skip`` spans."""
    skip = sorted(skip)
    out: list[tuple[str, Span, tuple[str, Span] | None]] = []
    k = 0
    for m in _CAP_TOKEN.finditer(prose):
        start, end = m.start(), m.end()
        while k < len(skip) and skip[k].end <= start:
            k += 1
        if k < len(skip) and skip[k].start < end:
            continue
        raw = _POSSESSIVE.sub("", m.group(0))
        end = start + len(raw)
        if raw in _skip_words() or _PLACE_PREFIX.search(prose, max(0, start - 8), start):
            continue
        if "-" in raw:
            whole = (raw, Span(start, end))
            offset = 0
            for part in raw.split("-"):
                if part[:1].isupper():
                    out.append((part, Span(start + offset, start + offset + len(part)), whole))
                offset += len(part) + 1
        else:
            out.append((raw, Span(start, end), None))
    return out
