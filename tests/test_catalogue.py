"""refs.yaml: validation with file and line, and resolution of citations to entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.errors import CatalogueError
from citecheck.model import Citation, SourceKind, Span, Tier
from citecheck.resolve.catalogue import load_catalogue, parse_catalogue
from citecheck.resolve.lexicon import active_years
from citecheck.resolve.sources import Resolver, normalize_url

GOOD = """\
version: 1
sources:
  - id: maisky-diaries
    title: "The Maisky Diaries: Red Ambassador to the Court of St James's, 1932-1943"
    kind: diary
    authors: ["Ivan Maisky"]
    editors: ["Gabriel Gorodetsky"]
    year: 2015
    aliases: ["Maisky diaries"]
    tier: primary
  - id: wiki-bonnet
    title: "Georges Bonnet"
    kind: web
    urls: ["https://en.wikipedia.org/wiki/Georges_Bonnet"]
    tier: tertiary
names:
  - name: "Gabriel Gorodetsky"
    variants: ["Gabriel Gorodetski"]
    misspellings: ["Gorodetzky"]
"""


def test_the_bundled_catalogue_is_valid(repo: Path) -> None:
    catalogue = load_catalogue(repo / "refs.yaml", required=True)
    assert len(catalogue.sources) > 30
    assert len({s.id for s in catalogue.sources}) == len(catalogue.sources)
    assert catalogue.get("maisky-diaries") is not None


def test_a_good_catalogue() -> None:
    catalogue = parse_catalogue(GOOD, "refs.yaml")
    maisky = catalogue.get("maisky-diaries")
    assert maisky is not None and maisky.kind is SourceKind.DIARY and maisky.tier is Tier.PRIMARY
    assert maisky.line == 3
    (name,) = catalogue.names
    assert name.surname == "Gorodetsky" and name.misspellings == (("Gorodetzky", "Gorodetsky"),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\nsources:\n  - id: a\n    title: [unclosed\n", r"refs\.yaml:4: invalid YAML"),
        ("version: 2\n", r"refs\.yaml:1: unsupported catalogue version 2"),
        ("version: 1\nsources:\n  - id: a\n    title: T\n    kind: pamphlet\n",
         r"refs\.yaml:5: source 'a': kind must be one of"),
        ("version: 1\nsources:\n  - id: a\n    title: T\n    kind: book\n    colour: red\n",
         r"refs\.yaml:6: sources\[0\]: unknown key 'colour' \(valid keys: id, title"),
        ("version: 1\nsources:\n  - id: a\n    title: T\n    kind: book\n  - id: a\n    title: U\n    kind: book\n",
         r"refs\.yaml:6: duplicate source id 'a' \(first on line 3\)"),
        ("version: 1\nsources:\n  - title: T\n    kind: book\n",
         r"refs\.yaml:3: sources\[0\]: missing required key 'id'"),
        ("version: 1\nsources:\n  - id: a\n    title: T\n    kind: book\n    year: soon\n",
         r"refs\.yaml:6: .*year must be"),
        ("version: 1\nnames:\n  - variants: [x]\n", r"refs\.yaml:3: names\[0\]: missing required key 'name'"),
        ("version: 1\nnames:\n  - name: Max Manus\n    years: during the war\n",
         r"refs\.yaml:4: names\[0\]: years must read like \"1895-1993\""),
        ("version: 1\nnames:\n  - name: Max Manus\n    country: NO\n",
         r"refs\.yaml:4: names\[0\]: country must be a two-letter .* not False \(quote it"),
        ("", r"refs\.yaml: empty catalogue"),
        ("- just\n- a list\n", r"refs\.yaml:1: the catalogue must be a mapping"),
    ],
)
def test_malformed_catalogues_name_file_line_and_problem(text: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(text, "refs.yaml")


@pytest.mark.parametrize(
    ("years", "person", "active"),
    [("1895-1993", True, (1915, 1993)), ("c. 1450-c. 1510", True, (1470, 1510)), ("b. 1935", True, (1955, 2025)),
     ("1935-", True, (1955, 2025)), ("d. 1917", True, (1867, 1917)), ("1940-1941", False, (1940, 1941)),
     ("1938", False, (1938, 1938)), ("c. 350-300 BC", True, None), ("", True, None), (None, True, None)],
)
def test_a_names_years_give_the_span_of_an_adult_life_or_of_an_event(years: str | None, person: bool,
                                                                      active: tuple[int, int] | None) -> None:
    assert active_years(years, person=person) == active


def test_a_name_entry_keeps_its_country_and_years() -> None:
    catalogue = parse_catalogue('version: 1\nnames:\n  - name: Max Manus\n    country: "NO"\n    years: 1914-1996\n',
                                "refs.yaml")
    (entry,) = catalogue.names
    assert entry.country == "NO" and entry.active == (1934, 1996)


def test_yaml_tags_are_not_executed() -> None:
    with pytest.raises(CatalogueError, match=r"refs\.yaml:2: unsupported YAML tag tag:yaml\.org,2002:python/object"):
        parse_catalogue("version: 1\nsources: !!python/object/apply:os.system ['true']\n", "refs.yaml")


def test_missing_catalogue(tmp_path: Path) -> None:
    assert load_catalogue(tmp_path / "refs.yaml").sources == ()
    with pytest.raises(CatalogueError, match="catalogue not found"):
        load_catalogue(tmp_path / "refs.yaml", required=True)


def citation(surface: str, kind: SourceKind = SourceKind.OTHER, **fields: object) -> Citation:
    return Citation(Span(0, len(surface)), surface, kind, "test", **fields)  # type: ignore[arg-type]


def test_resolution_by_url_alias_and_author() -> None:
    resolver = Resolver(parse_catalogue(GOOD, "refs.yaml"))
    by_url = resolver.match(citation("x", url="https://en.m.wikipedia.org/wiki/Georges_Bonnet/"))
    assert by_url is not None and by_url.id == "wiki-bonnet"
    by_alias = resolver.match(citation("the Maisky diaries", SourceKind.DIARY))
    assert by_alias is not None and by_alias.id == "maisky-diaries"
    by_editor = resolver.match(citation("a book by Godoretsky", SourceKind.BOOK, authors=("Godoretsky",)))
    assert by_editor is not None and by_editor.id == "maisky-diaries"
    assert resolver.match(citation("a book by Taylor", SourceKind.BOOK, authors=("Taylor",))) is None
    # another first name is another author of that surname
    assert resolver.match(citation("Ivan's diary", SourceKind.DIARY, authors=("Ivan Maisky",))) is not None
    assert resolver.match(citation("Oleg Maisky's book", SourceKind.BOOK, authors=("Oleg Maisky",))) is None
    assert resolver.match(citation("Maisky, I.", SourceKind.BOOK, authors=("Maisky, I.",))) is not None
    assert resolver.match(citation("Sir Ivan Maisky", SourceKind.BOOK, authors=("Sir Ivan Maisky",))) is not None


def test_normalize_url() -> None:
    assert normalize_url("https://www.Example.org/a%20b/#frag") == normalize_url("http://example.org/a b")


def test_a_bare_surname_is_the_person_the_document_named_in_full() -> None:
    from citecheck.resolve.sources import resolve_sources

    resolver = Resolver(parse_catalogue(GOOD, "refs.yaml"))
    full = citation("Oleg Maisky's book", SourceKind.BOOK, authors=("Oleg Maisky",))
    bare = Citation(Span(40, 52), "Maisky notes", SourceKind.OTHER, "author-verb", authors=("Maisky",))
    assert [s.ref for s in resolve_sources([full, bare], resolver)] == [None, None]
    # without another Maisky in the document the bare name is the catalogue's
    assert [s.ref for s in resolve_sources([bare], resolver)] == ["maisky-diaries"]


def test_a_short_form_is_the_work_its_reference_list_gives_in_full(context) -> None:  # type: ignore[no-untyped-def]
    from citecheck.analysis import analyze
    from citecheck.ingest import document_from_text

    text = ("Bread stayed rationed until 1948 (Perry 2005, p. 87). According to Perry (2005) the queues grew. "
            "Hart argues the opposite. Crane argues that it was worse.\n\n"
            "References\n\n"
            "Perry, M. (2005) The Long Austerity. London: Faber.\n"
            "Hart, J. (1999) Bread Queues. Oxford: Clarendon.\n"
            "Crane, P. (2001) Ration Books. London: Methuen.\n"
            "Crane, P. (2010) After the Queues. London: Methuen.\n")
    sources = analyze(document_from_text(text, "t.txt"), context).sources
    by_surface = {s.citation.surface: s for s in sources}
    full = {s.title: s.id for s in sources if s.citation.cue == "bibliography"}
    perry = by_surface["Perry 2005"]
    assert (perry.same_as, perry.title, perry.kind, perry.tier) == (
        full["The Long Austerity"], "The Long Austerity", SourceKind.BOOK, Tier.SECONDARY)
    assert by_surface["According to Perry (2005)"].same_as == full["The Long Austerity"]
    assert by_surface["Hart argues"].same_as == full["Bread Queues"]
    # two works by Crane: the short form stays as written
    crane = next(s for s in sources if s.citation.cue != "bibliography" and s.citation.authors == ("Crane",))
    assert (crane.same_as, crane.title, crane.kind) == (None, None, SourceKind.OTHER)
    # a year that fits no entry names no entry
    other = analyze(document_from_text(text.replace("(Perry 2005, p. 87)", "(Perry 1995, p. 87)"), "t.txt"),
                    context).sources
    assert next(s for s in other if s.citation.surface == "Perry 1995").same_as is None


def test_a_dated_short_form_is_no_work_of_another_year() -> None:
    resolver = Resolver(parse_catalogue(GOOD, "refs.yaml"))
    maisky = next(s for s in parse_catalogue(GOOD, "refs.yaml").sources if s.id == "maisky-diaries")
    assert maisky.year is not None
    dated = resolver.match(citation("Maisky 2015", authors=("Maisky",), year=maisky.year))
    assert dated is not None and dated.id == "maisky-diaries"
    # one letter off the surname and another year: somebody else's work ("Nelson 1985" is no Neilson of 2006)
    assert resolver.match(citation("Maisky 1961", authors=("Maisky",), year=maisky.year - 40)) is None
    assert resolver.match(citation("Maiski 1961", authors=("Maiski",), year=maisky.year - 40)) is None
