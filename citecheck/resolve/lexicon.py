"""The name lexicon: accepted spellings of people, places and events, merged from the bundled
data files, extra lexicon files and the ``names`` of refs.yaml.

Names are indexed by token: every accepted token (a surname, a given name, a one-word place,
a variant transliteration) says "this word is spelled right"; fix targets are the canonical
tokens a misspelling can be corrected to.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import pickle
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from citecheck.errors import CatalogueError

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

PARTICLES = frozenset(["von", "van", "de", "der", "den", "du", "da", "di", "del", "della", "des", "la", "le", "ter",
                       "ten", "zu", "af", "al", "el", "bin", "ibn"])
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’]*[^\W\d_])?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class NameEntry:
    name: str
    kind: str  # person | place | event | organization | term
    surname: str | None = None
    given: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    known_as: tuple[str, ...] = ()
    role: str | None = None
    misspellings: tuple[tuple[str, str], ...] = ()  # (wrong token, right token)
    works: tuple[str, ...] = ()
    origin: str = "bundled"
    country: str | None = None  # ISO 3166 code of the country the person belongs to
    active: tuple[int, int] | None = None  # the years of a person's adult life, or of an event

    @property
    def scholarly(self) -> bool:
        return self.role in ("historian", "editor", "writer", "journalist", "scientist")

    @property
    def transliterated(self) -> bool:
        """The name comes from a language not written in Latin letters, so its English spellings vary
        legitimately (Maisky, Maiskii); unknown origin counts as such."""
        return self.country is None or self.country.upper() in NON_LATIN_SCRIPT_COUNTRIES


# countries whose names reach English through transliteration
NON_LATIN_SCRIPT_COUNTRIES = frozenset({
    "RU", "SU", "UA", "BY", "BG", "RS", "MK", "ME", "BA", "GR", "CY", "GE", "AM", "AZ", "KZ", "UZ", "TM",
    "KG", "TJ", "MN", "CN", "TW", "HK", "MO", "JP", "KR", "KP", "TH", "LA", "KH", "MM", "IN", "PK", "BD",
    "LK", "NP", "BT", "AF", "IR", "IQ", "SY", "LB", "JO", "IL", "PS", "SA", "YE", "OM", "AE", "QA", "BH",
    "KW", "EG", "LY", "TN", "DZ", "MA", "SD", "SS", "ET", "ER", "SO", "DJ", "MV",
})


_TITLED = re.compile(r"\b(?:Lord|Lady|Viscount|Viscountess|Earl|Countess|Duke|Duchess|Marquess|Marquis|Baron|"
                     r"Baroness)\s+(?:of\s+)?([A-Z][\w'’-]{3,})")


@dataclass(frozen=True, slots=True)
class Target:
    """A canonical token a misspelling can be corrected to."""

    token: str
    entry: NameEntry
    part: str  # surname | given | name


# letters of their own that NFKD does not take apart, as English writes them (Đ is Dj: Djilas)
OWN_LETTERS = {"Đ": "Dj", "đ": "dj", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h"}
_OWN_LETTERS_TABLE = str.maketrans(OWN_LETTERS)


@lru_cache(maxsize=1 << 16)
def strip_diacritics(text: str) -> str:
    if text.isascii():
        return text
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    if not text.isascii():
        text = text.translate(_OWN_LETTERS_TABLE)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_FOLD_RULES = (
    (re.compile(r"[äæ]"), "a"), (re.compile(r"[öœ]"), "o"), (re.compile(r"ü"), "u"),
    (re.compile(r"tsch|tch|tsh"), "ch"), (re.compile(r"sch"), "sh"), (re.compile(r"kh"), "h"),
    (re.compile(r"zh"), "j"), (re.compile(r"ph"), "f"), (re.compile(r"ck"), "k"), (re.compile(r"ks"), "x"),
    (re.compile(r"w"), "v"), (re.compile(r"ff$"), "v"), (re.compile(r"ou"), "u"),
    (re.compile(r"(?:iy|ii|ij|yi|yy|ij)$"), "i"), (re.compile(r"(?<=[aeou])j"), "i"), (re.compile(r"y"), "i"),
    (re.compile(r"dj"), "j"), (re.compile(r"ae"), "a"), (re.compile(r"oe"), "o"), (re.compile(r"ue"), "u"),
    (re.compile(r"['’-]"), ""),
)


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """A transliteration-insensitive key: Mayskiy, Maiskii and Maisky fold alike; Torez and
    Thorez do not (a dropped letter is a misspelling, not a transliteration)."""
    s = token.lower()
    s = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    s = strip_diacritics(s)
    for pattern, replacement in _FOLD_RULES:
        s = pattern.sub(replacement, s)
    return s


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _person_parts(name: str, surname: str | None) -> tuple[str | None, tuple[str, ...]]:
    words = [w for w in re.split(r"\s+", name.split(",")[0].strip()) if w]
    if surname:
        head = name.split(surname)[0] if surname in name else " ".join(words[:-1])
        if surname in name and not head.strip() and name.strip() != surname:
            head = name.split(surname, 1)[1]  # surname first: "Kido Takayoshi", "Mao Zedong"
    else:
        rest = [w for w in words if w.lower().rstrip(".") not in PARTICLES]
        surname = rest[-1] if rest else (words[-1] if words else None)
        head = " ".join(words[: words.index(surname)]) if surname in words else ""
    given = tuple(t for t in tokens(head) if len(t) > 1 and t.lower() not in PARTICLES)
    return surname, given


def _str_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise CatalogueError(f"'{key}' must be a list of strings", path=where)
    return tuple(value)


def entry_from_mapping(item: dict[str, Any], *, kind: str, where: str) -> NameEntry:
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogueError("a name entry needs a 'name'", path=where)
    kind = str(item.get("kind") or kind)
    surname = item.get("surname")
    given: tuple[str, ...] = ()
    if kind == "person":
        surname, given = _person_parts(name, surname if isinstance(surname, str) else None)
    wrong = item.get("misspellings") or ()
    pairs: list[tuple[str, str]] = []
    if isinstance(wrong, dict):
        pairs = [(str(k), str(v)) for k, v in wrong.items()]
    else:
        target = surname or name
        pairs = [(w, target) for w in _str_list(wrong, where, "misspellings")]
    return NameEntry(
        name=name.strip(), kind=kind, surname=surname, given=given,
        variants=_str_list(item.get("variants"), where, "variants"),
        known_as=_str_list(item.get("known_as"), where, "known_as"),
        role=item.get("role"), misspellings=tuple(pairs),
        works=_str_list(item.get("works"), where, "works"), origin=where,
        country=str(item["country"]) if item.get("country") else None,
        active=active_years(item.get("years"), person=kind == "person"),
    )


_YEARS = re.compile(r"^(?:(?P<born>b\.)|(?P<died>d\.))?\s*(?:c\.\s*)?(?P<first>\d{3,4})"
                    r"(?:\s*[-–]\s*(?:c\.\s*)?(?P<last>\d{3,4})?)?\s*$")


def active_years(years: Any, *, person: bool) -> tuple[int, int] | None:
    """The years a person was grown up ("1895-1993" is 1915-1993; "b. 1935" or "1935-" is 1955-2025;
    "d. 1917" is 1867-1917), or an event's own years; None for dates BC or what this cannot read."""
    m = _YEARS.match(str(years).strip()) if years is not None else None
    if m is None:
        return None
    first, last = int(m.group("first")), int(m.group("last")) if m.group("last") else None
    if not person:
        return first, last or first
    if m.group("died"):
        return first - 50, first
    return first + 20, last or first + 90


_ORGANIZATION_KINDS = frozenset({"organization", "party", "institution", "movement"})


def _entry_kind(section: str, item: dict[str, Any]) -> str:
    if section == "people":
        return "person"
    if section == "places":
        return "place"
    if section == "events":
        return "organization" if item.get("kind") in _ORGANIZATION_KINDS else "event"
    return str(item.get("kind") or "person")  # refs.yaml-style "names"


def _parse_yaml(text: str, where: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CatalogueError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path=where,
                             line=mark.line + 1 if mark else None) from None


def load_lexicon_file(path: Path | str, text: str | None = None, data: Any = None) -> list[NameEntry]:
    """Entries of a lexicon file; ``data`` is the already parsed YAML, when there is one."""
    where = str(path)
    if data is None:
        if text is None:
            text = Path(path).read_text(encoding="utf-8")
        data = _parse_yaml(text, where)
    if not isinstance(data, dict):
        raise CatalogueError("a lexicon file must be a mapping with 'people', 'places', 'events' or 'names'",
                             path=where)
    out: list[NameEntry] = []
    for section in ("people", "places", "events", "names"):
        items = data.get(section) or []
        if not isinstance(items, list):
            raise CatalogueError(f"'{section}' must be a list", path=where)
        for item in items:
            if not isinstance(item, dict):
                raise CatalogueError(f"every entry of '{section}' must be a mapping", path=where)
            kind = _entry_kind(section, item)
            role = item.get("role") if section in ("people", "names") else item.get("kind")
            out.append(entry_from_mapping(item | {"kind": kind, "role": role}, kind=kind, where=where))
    return out


def _bundled_files() -> list[tuple[str, str]]:
    base = resources.files("citecheck") / "data" / "lexicon"
    out = []
    for item in sorted(base.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            out.append((f"citecheck/data/lexicon/{item.name}", item.read_text(encoding="utf-8")))
    return out


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    data = (resources.files("citecheck") / "data" / "english_words.txt.gz").read_bytes()
    words = frozenset(w for w in gzip.decompress(data).decode("utf-8").split("\n") if w and not w.startswith("#"))
    return words | british_spellings(words)


# The word list is American: "Cheques payable to ..." or "Colour plates" opening a sentence is a word, not a
# misspelled "Chequers" or "Collor". Only regular, unambiguous patterns, on word stems listed here.
_OUR_STEMS = ("armo", "behavio", "cando", "clamo", "colo", "demeano", "endeavo", "favo", "fervo", "flavo", "harbo",
              "hono", "humo", "labo", "neighbo", "odo", "parlo", "ranco", "rumo", "savio", "splendo", "tumo", "valo",
              "vigo")
_OUR = re.compile(rf"^((?:dis|un|mis)?(?:{'|'.join(_OUR_STEMS)}))r(s|ed|ing|ful|fully|able|ably|less|ite|ites|ist|"
                  r"ists|er|ers|hood|hoods|ly)?$")
_RE_STEMS = re.compile(r"^(cent|theat|fib|calib|sab|somb|spect|lust|meag|sepulch|reconnoit|manoeuv|lit|met)er(s)?$")
_ISE = re.compile(r"^(\w{3,}?)(iz|yz)(e|es|ed|ing|ation|ations|er|ers)$")
_ENCE = re.compile(r"^(def|off|pret)ense(s|less)?$")
_BRITISH_ONLY = ("cheque", "cheques", "chequebook", "kerb", "kerbs", "gaol", "gaols", "gaoled", "gaoler", "programme",
                 "programmes", "aluminium", "jewellery", "sceptic", "sceptics", "sceptical", "scepticism", "storeys",
                 "catalogued", "dialogue", "analogue", "pyjamas", "moustache", "draught", "draughts", "mould",
                 "moulds", "smoulder", "smouldering", "sulphur", "enrol", "enrols", "fulfil", "fulfils", "skilful",
                 "wilful", "ageing", "judgement", "judgements", "acknowledgement", "encyclopaedia", "mediaeval",
                 "manoeuvre", "manoeuvres", "manoeuvred", "whilst", "amongst", "towards", "learnt", "spelt", "burnt",
                 "dreamt", "paediatric", "anaemia", "oesophagus", "foetus", "plough", "ploughed", "ploughs", "tyres")


def british_spellings(american: frozenset[str]) -> frozenset[str]:
    """The British spellings of the words in ``american`` that follow a regular pattern ("colour", "centre",
    "organise", "defence"), and a few that do not ("cheque", "gaol", "programme")."""
    out = set(_BRITISH_ONLY)
    for word in american:
        if (m := _OUR.match(word)) is not None:
            out.add(f"{m.group(1)}ur{m.group(2) or ''}")
        elif (m := _RE_STEMS.match(word)) is not None:
            out.add(f"{m.group(1)}re{m.group(2) or ''}")
        elif (m := _ISE.match(word)) is not None:
            out.add(f"{m.group(1)}{m.group(2)[0]}s{m.group(3)}")
        elif (m := _ENCE.match(word)) is not None:
            out.add(f"{m.group(1)}ence{m.group(2) or ''}")
    return frozenset(out - american)


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """The commonest surnames (lower-cased): someone's own name, not a slip, unless something says otherwise."""
    data = (resources.files("citecheck") / "data" / "surnames.txt.gz").read_bytes()
    return frozenset(w for w in gzip.decompress(data).decode("utf-8").split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def town_names() -> frozenset[str]:
    """One-word names of towns of 15,000 people or more (GeoNames): places, never a misspelled surname."""
    data = (resources.files("citecheck") / "data" / "towns.txt.gz").read_bytes()
    return frozenset(w for w in gzip.decompress(data).decode("utf-8").split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    path = resources.files("citecheck") / "data" / "lexicon" / "given_names.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


HACEK = re.compile("[ŽžŠšČčŘř]")  # letters whose háček carries a sound ("Žukov", Zhukov)


@dataclass
class Lexicon:
    """Indexes over the name entries; build with :func:`build_lexicon` (or ``add`` then ``finish``)."""

    entries: list[NameEntry] = field(default_factory=list)
    given: frozenset[str] = frozenset()  # the bundled list of given names
    accepted: set[str] = field(default_factory=set)  # tokens spelled right, as written
    accepted_folded: set[str] = field(default_factory=set)  # lower-cased, diacritics stripped
    targets: dict[str, list[Target]] = field(default_factory=lambda: defaultdict(list))
    by_fold: dict[str, list[Target]] = field(default_factory=lambda: defaultdict(list))
    misspellings: dict[str, tuple[str, NameEntry]] = field(default_factory=dict)
    surnames: dict[str, list[NameEntry]] = field(default_factory=lambda: defaultdict(list))
    variant_of: dict[str, list[Target]] = field(default_factory=lambda: defaultdict(list))
    person_tokens: set[str] = field(default_factory=set)
    given_tokens: set[str] = field(default_factory=set)  # given names of the people in the lexicon
    # the first words of the names people were known by ("Nye" of "Nye Bevan", and "Lord" of "Lord Wavell")
    known_as_first: set[str] = field(default_factory=set)
    non_person_names: set[str] = field(default_factory=set)  # folded full names of places, events, bodies
    common: frozenset[str] = frozenset()  # English words that are not also names
    # a known work's title, or a part of it ("Hubris" of "Hitler 1889–1936: Hubris"), keyed by _work_key
    work_parts: dict[str, list[tuple[NameEntry, str]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, entry: NameEntry) -> None:
        self.entries.append(entry)
        hacek_in_name = HACEK.search(entry.name) is not None
        for form in (entry.name, *entry.variants, *entry.known_as):
            for tok in tokens(form):
                self.accepted.add(tok)
                if hacek_in_name or not HACEK.search(tok):
                    # "Žukov", a transliteration of Zhukov, is no licence for "Zukov" (but "Benes" is Beneš)
                    self.accepted_folded.add(strip_diacritics(tok).lower())
                if entry.kind == "person":
                    self.person_tokens.add(tok)
            if entry.kind != "person":
                self.non_person_names.add(name_key(form))
        if entry.kind == "person" and entry.surname:
            self.given_tokens.update(entry.given)
            self.surnames[entry.surname.lower()].append(entry)
            for form in (*entry.variants, *entry.known_as):
                form_tokens = tokens(form)
                if form_tokens:
                    self.surnames[form_tokens[-1].lower()].append(entry)
            for form in entry.known_as:
                form_tokens = tokens(form)
                if len(form_tokens) == 2 and form_tokens[1] == entry.surname:
                    self.known_as_first.add(form_tokens[0])
        for wrong, right in entry.misspellings:
            self.misspellings[wrong] = (right, entry)

    def finish(self) -> Lexicon:
        """Build the correction targets once every entry is in."""
        names = {t.lower() for t in self.person_tokens} | {g.lower() for g in self.given}
        for entry in self.entries:
            toks = tokens(entry.name)
            if entry.kind != "person" and len(toks) == 1:
                names.add(toks[0].lower())
        self.common = frozenset(english_words() - names)
        for entry in self.entries:
            if entry.kind == "person" and entry.surname:
                self._person_targets(entry)
                for work in entry.works:
                    for part in {work, *re.split(r"\s*[:—–]\s+", work)}:
                        key = _work_key(part)
                        if len(key) >= 4 and (entry, work) not in self.work_parts[key]:
                            self.work_parts[key].append((entry, work))
            else:
                self._name_targets(entry)
        return self

    def work_titled(self, who: str, title: str) -> str | None:
        """The known work of ``who`` that ``title`` names, as a reader shortens it: "Beevor" and
        "Stalingrad", "Kershaw" and "Hubris" (of "Hitler 1889–1936: Hubris"), "Evans" and "The Third
        Reich in Power". The name may be misspelled by a letter or two ("Kershow")."""
        works = self.work_parts.get(_work_key(title))
        words = who.replace("’", "'").split()
        if not works or not words:
            return None
        surname = words[-1].removesuffix("'s")
        for entry, work in works:
            if entry.surname and _close(surname, entry.surname) and (
                    len(words) == 1 or words[0] in entry.given or _close(words[0], entry.name.split()[0])):
                return work
        return None

    def _person_targets(self, entry: NameEntry) -> None:
        assert entry.surname is not None
        canonical = tokens(entry.name)
        surname_tokens = tokens(entry.surname)
        for tok in surname_tokens:
            self._target(Target(tok, entry, "surname"))
        for tok in entry.given:
            self._target(Target(tok, entry, "given"))
        # "Robert Stewart, Viscount Castlereagh", "Lord Castlereagh": known by the name in the title
        for form in (entry.name, *entry.known_as):
            for m in _TITLED.finditer(form):
                if m.group(1) not in surname_tokens:
                    self._target(Target(m.group(1), entry, "surname"))
        for form in (*entry.variants, *entry.known_as):
            for tok in tokens(form):
                if tok in canonical:
                    continue
                # a variant spelling of one of the name's words: "Mayskiy" for "Maisky"
                for target_tok in (*surname_tokens, *entry.given):
                    if _close(tok, target_tok):
                        part = "surname" if target_tok in surname_tokens else "given"
                        self.variant_of[tok].append(Target(target_tok, entry, part))
                        break

    def _name_targets(self, entry: NameEntry) -> None:
        canonical = tokens(entry.name)
        for tok in canonical:
            if len(tok) > 3 and tok.lower() not in PARTICLES and tok.lower() not in self.common:
                self._target(Target(tok, entry, "name"))
        if len(canonical) == 1:
            for form in entry.variants:
                form_tokens = tokens(form)
                if len(form_tokens) == 1 and form_tokens[0] != canonical[0] and _close(form_tokens[0], canonical[0]):
                    self.variant_of[form_tokens[0]].append(Target(canonical[0], entry, "name"))

    def _target(self, target: Target) -> None:
        if not target.token[:1].isupper():
            return  # "comte" in "comte de Saint-Simon" is a title, not a name to correct towards
        if any(t.entry is target.entry and t.token == target.token for t in self.targets[target.token]):
            return
        self.targets[target.token].append(target)
        self.by_fold[fold(target.token)].append(target)

    def is_accepted(self, tok: str) -> bool:
        return (tok in self.accepted or tok in self.given
                or strip_diacritics(tok).lower() in self.accepted_folded)

    def people_with_surname(self, surname: str) -> list[NameEntry]:
        return self.surnames.get(surname.lower(), [])

    def is_person(self, text: str) -> bool:
        words = text.replace("’", "'").split()
        return bool(words) and bool(self.people_with_surname(words[-1].removesuffix("'s")))

    def is_scholar(self, text: str) -> bool:
        """Known to write history: every person of that surname (or of that full name) is a historian,
        editor, writer or journalist. "Chamberlain" alone is not: one of them was Prime Minister."""
        words = text.split()
        if not words:
            return False
        entries = self.people_with_surname(words[-1])
        if len(words) > 1:
            named = [e for e in entries if words[0] in e.given or words[0] == e.name.split()[0]]
            entries = named or entries
        return bool(entries) and all(e.scholarly for e in entries)

    def is_place_or_event(self, text: str) -> bool:
        key = name_key(text)
        return (key in self.non_person_names
                or name_key(re.sub(r"^the\s+", "", text, flags=re.I)) in self.non_person_names)

    def is_given_name(self, word: str) -> bool:
        return word in self.given or word in self.given_tokens

    def is_common_word(self, word: str) -> bool:
        """An ordinary English word ("Russian", "Government"), not a name."""
        return word.lower() in self.common


def name_key(text: str) -> str:
    return " ".join(strip_diacritics(text).lower().replace("–", "-").replace("—", "-").split())


def _work_key(title: str) -> str:
    """A title as a reader may shorten it: no leading article, no closing years ("1932-1945")."""
    key = name_key(title).strip(" ,.;:*_\"'“”‘’")
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    return re.sub(r"[\s,]*\d{4}(?:\s*-\s*\d{2,4})?$", "", key)


def _close(a: str, b: str) -> bool:
    """Spellings of the same word: equal after folding, or a couple of letters apart."""
    from rapidfuzz.distance import DamerauLevenshtein

    fa, fb = fold(a), fold(b)
    return fa == fb or DamerauLevenshtein.distance(fa, fb) <= max(1, min(len(fa), len(fb)) // 4)


_CACHE_FORMAT = b"citecheck lexicon cache 1"
_CACHE_KEEP = 4  # lexicons kept (one per refs.yaml names and extra files in use)


def _cache_key(files: list[tuple[str, str]], extra_entries: list[NameEntry] | tuple[NameEntry, ...]) -> str:
    """What the built lexicon depends on: the data files, the code that builds it and the Python."""
    digest = hashlib.sha256(_CACHE_FORMAT)
    digest.update(Path(__file__).read_bytes())
    digest.update(repr(sys.version_info[:2]).encode())
    for name in ("english_words.txt.gz", "lexicon/given_names.txt"):
        digest.update((resources.files("citecheck") / "data" / name).read_bytes())
    for where, text in files:
        digest.update(f"\0{where}\0{len(text)}\0".encode())
        digest.update(text.encode("utf-8"))
    digest.update(repr(list(extra_entries)).encode("utf-8"))
    return digest.hexdigest()[:32]


def _load_cached(path: Path) -> Lexicon | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    gc.disable()  # ~20,000 entries: the collector would otherwise run dozens of times while loading
    try:
        lexicon = pickle.loads(data)
    except Exception:
        return None
    finally:
        gc.enable()
    return lexicon if isinstance(lexicon, Lexicon) else None


def _store(path: Path, lexicon: Lexicon) -> None:
    from citecheck.fsutil import write_atomic

    try:
        write_atomic(path, pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL))
        kept = sorted(path.parent.glob("lexicon-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in [*kept[_CACHE_KEEP:], *path.parent.glob("lexicon-*.json")]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home is no reason to fail


def build_lexicon(extra_entries: list[NameEntry] = (), *, bundled: bool = True,  # type: ignore[assignment]
                  extra_files: tuple[str, ...] = (), cache_dir: Path | None = None) -> Lexicon:
    """The lexicon of the bundled files (unless ``bundled`` is false), ``extra_files`` and
    ``extra_entries`` (refs.yaml's names). With the bundled files it is built once and kept, as a
    pickle named by the hash of everything it is built from, in ``cache_dir`` (the user's cache
    directory by default): loading it takes a quarter of the time of building it."""
    files = _bundled_files() if bundled else []
    for path in extra_files:
        try:
            files.append((str(path), Path(path).read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise CatalogueError("lexicon file not found", path=str(path)) from None
    cache = None
    if bundled:
        from citecheck.fsutil import default_cache_dir

        cache = (cache_dir or default_cache_dir()) / f"lexicon-{_cache_key(files, extra_entries)}.pickle"
        cached = _load_cached(cache)
        if cached is not None:
            return cached
    lexicon = Lexicon(given=given_names())
    for where, text in files:
        for entry in load_lexicon_file(where, text):
            lexicon.add(entry)
    for entry in extra_entries:
        lexicon.add(entry)
    lexicon.finish()
    if cache is not None:
        _store(cache, lexicon)
    return lexicon
