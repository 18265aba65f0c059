"""refs.yaml: the user's catalogue of sources and names (schema: docs/catalogue.md).

The file is parsed with PyYAML's safe loader into a node tree first, so that every problem
is reported with the file and line it is on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from citecheck.errors import CatalogueError
from citecheck.model import SourceKind, Tier
from citecheck.resolve.lexicon import NameEntry, active_years, entry_from_mapping

SOURCE_KEYS = ("id", "title", "kind", "authors", "editors", "year", "publisher", "isbn", "doi", "urls",
               "aliases", "tier", "text", "site", "notes")
NAME_KEYS = ("name", "variants", "misspellings", "kind", "surname", "known_as", "role", "works", "country", "years",
             "notes")
NAME_KINDS = ("person", "place", "event", "organization", "term")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True, slots=True)
class CatalogueSource:
    id: str
    title: str
    kind: SourceKind
    tier: Tier
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    year: int | None = None
    publisher: str | None = None
    isbn: str | None = None
    doi: str | None = None
    urls: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    text: str | None = None  # a local text file of the work, for quotation checks
    site: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Catalogue:
    path: str | None
    sources: tuple[CatalogueSource, ...] = ()
    names: tuple[NameEntry, ...] = ()

    def get(self, source_id: str) -> CatalogueSource | None:
        for source in self.sources:
            if source.id == source_id:
                return source
        return None


EMPTY = Catalogue(None)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.Node, where: str, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise CatalogueError(f"{what} must be a mapping", path=where, line=_line(node))
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise CatalogueError(f"{what}: keys must be plain words", path=where, line=_line(key_node))
        if key_node.value in out:
            raise CatalogueError(f"{what}: duplicate key '{key_node.value}'", path=where, line=_line(key_node))
        out[key_node.value] = (key_node, value_node)
    return out


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_object(node, deep=True)


def _check_keys(fields: dict[str, tuple[yaml.Node, yaml.Node]], allowed: tuple[str, ...], where: str,
                what: str) -> None:
    for key, (key_node, _) in fields.items():
        if key not in allowed:
            raise CatalogueError(f"{what}: unknown key '{key}' (valid keys: {', '.join(allowed)})",
                                 path=where, line=_line(key_node))


def _strings(loader: yaml.SafeLoader, node: yaml.Node, where: str, what: str) -> tuple[str, ...]:
    value = _scalar(loader, node)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CatalogueError(f"{what} must be a list of strings", path=where, line=_line(node))
    return tuple(value)


def _optional_str(loader: yaml.SafeLoader, node: yaml.Node, where: str, what: str) -> str | None:
    value = _scalar(loader, node)
    if value is None:
        return None
    if isinstance(value, int | float) and what.endswith(("isbn", "doi")):
        return str(value)
    if not isinstance(value, str):
        raise CatalogueError(f"{what} must be a string", path=where, line=_line(node))
    return value


def _source(loader: yaml.SafeLoader, node: yaml.Node, where: str, index: int, seen: dict[str, int]) -> CatalogueSource:
    what = f"sources[{index}]"
    fields = _mapping(node, where, what)
    _check_keys(fields, SOURCE_KEYS, where, what)
    for required in ("id", "title", "kind"):
        if required not in fields:
            raise CatalogueError(f"{what}: missing required key '{required}'", path=where, line=_line(node))
    source_id = _scalar(loader, fields["id"][1])
    if not isinstance(source_id, str) or not _ID.match(source_id):
        raise CatalogueError(f"{what}: id must be lower-case letters, digits, '.', '_' or '-'", path=where,
                             line=_line(fields["id"][1]))
    if source_id in seen:
        raise CatalogueError(f"duplicate source id '{source_id}' (first on line {seen[source_id]})", path=where,
                             line=_line(fields["id"][1]))
    seen[source_id] = _line(fields["id"][1])
    what = f"source '{source_id}'"
    title = _optional_str(loader, fields["title"][1], where, f"{what}: title")
    if not title:
        raise CatalogueError(f"{what}: title must not be empty", path=where, line=_line(fields["title"][1]))
    kind_value = _scalar(loader, fields["kind"][1])
    try:
        kind = SourceKind(kind_value)
    except ValueError:
        raise CatalogueError(f"{what}: kind must be one of {', '.join(k.value for k in SourceKind)}, "
                             f"not {kind_value!r}", path=where, line=_line(fields["kind"][1])) from None
    tier = Tier.SECONDARY
    if "tier" in fields:
        tier_value = _scalar(loader, fields["tier"][1])
        try:
            tier = Tier(tier_value)
        except ValueError:
            raise CatalogueError(f"{what}: tier must be one of {', '.join(t.value for t in Tier)}, not {tier_value!r}",
                                 path=where, line=_line(fields["tier"][1])) from None
    year = None
    if "year" in fields:
        year = _scalar(loader, fields["year"][1])
        if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 0 < year < 3000):
            raise CatalogueError(f"{what}: year must be a whole number such as 1939", path=where,
                                 line=_line(fields["year"][1]))

    def strings(key: str) -> tuple[str, ...]:
        return _strings(loader, fields[key][1], where, f"{what}: {key}") if key in fields else ()

    def opt(key: str) -> str | None:
        return _optional_str(loader, fields[key][1], where, f"{what}: {key}") if key in fields else None

    return CatalogueSource(
        id=source_id, title=title, kind=kind, tier=tier, authors=strings("authors"), editors=strings("editors"),
        year=year, publisher=opt("publisher"), isbn=opt("isbn"), doi=opt("doi"), urls=strings("urls"),
        aliases=strings("aliases"), text=opt("text"), site=opt("site"), line=_line(node),
    )


def _name(loader: yaml.SafeLoader, node: yaml.Node, where: str, index: int) -> NameEntry:
    what = f"names[{index}]"
    fields = _mapping(node, where, what)
    _check_keys(fields, NAME_KEYS, where, what)
    if "name" not in fields:
        raise CatalogueError(f"{what}: missing required key 'name'", path=where, line=_line(node))
    item = loader.construct_object(node, deep=True)
    kind = item.get("kind") or "person"
    if kind not in NAME_KINDS:
        raise CatalogueError(f"{what}: kind must be one of {', '.join(NAME_KINDS)}, not {kind!r}", path=where,
                             line=_line(fields["kind"][1]))
    if item.get("years") is not None and active_years(item["years"], person=kind == "person") is None:
        raise CatalogueError(f"{what}: years must read like \"1895-1993\", \"b. 1935\", \"d. 1917\" or "
                             f"\"1940-1941\", not {item['years']!r}", path=where, line=_line(fields["years"][1]))
    country = item.get("country")
    if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Za-z]{2}", country)):
        hint = " (quote it: YAML reads NO as false)" if isinstance(country, bool) else ""
        raise CatalogueError(f"{what}: country must be a two-letter ISO 3166 code such as GB, not {country!r}{hint}",
                             path=where, line=_line(fields["country"][1]))
    wrong = item.get("misspellings")
    if wrong is not None and not isinstance(wrong, list | dict):
        raise CatalogueError(f"{what}: misspellings must be a list or a mapping of wrong: right", path=where,
                             line=_line(fields["misspellings"][1]))
    try:
        return entry_from_mapping(item, kind=kind, where=f"{where}:{_line(node)}")
    except CatalogueError as exc:
        raise CatalogueError(f"{what}: {exc.message}", path=where, line=_line(node)) from None


_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map",
                                                             "timestamp"))


def _plain_yaml_only(node: yaml.Node, where: str) -> None:
    """Refuse language-specific tags (``!!python/...``) before anything is constructed."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag not in _PLAIN_TAGS:
            raise CatalogueError(f"unsupported YAML tag {current.tag} (refs.yaml must be plain YAML)", path=where,
                                 line=_line(current))
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))


def parse_catalogue(text: str, where: str) -> Catalogue:
    loader = yaml.SafeLoader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            # where the broken construct began is more useful than the end of the file
            mark = exc.context_mark or exc.problem_mark
            raise CatalogueError(f"invalid YAML: {exc.problem or exc}", path=where,
                                 line=mark.line + 1 if mark else None) from None
        except yaml.YAMLError as exc:
            raise CatalogueError(f"invalid YAML: {exc}", path=where) from None
        if root is None:
            raise CatalogueError("empty catalogue (expected 'version: 1', 'sources' and 'names')", path=where)
        _plain_yaml_only(root, where)
        top = _mapping(root, where, "the catalogue")
        _check_keys(top, ("version", "sources", "names"), where, "the catalogue")
        version = _scalar(loader, top["version"][1]) if "version" in top else None
        if version != 1:
            line = _line(top["version"][1]) if "version" in top else _line(root)
            raise CatalogueError(f"unsupported catalogue version {version!r} (expected 'version: 1')", path=where,
                                 line=line)
        sources: list[CatalogueSource] = []
        names: list[NameEntry] = []
        seen: dict[str, int] = {}
        for key, parse in (("sources", None), ("names", None)):
            del parse
            if key not in top:
                continue
            node = top[key][1]
            if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
                continue
            if not isinstance(node, yaml.SequenceNode):
                raise CatalogueError(f"'{key}' must be a list", path=where, line=_line(node))
            for i, item in enumerate(node.value):
                if key == "sources":
                    sources.append(_source(loader, item, where, i, seen))
                else:
                    names.append(_name(loader, item, where, i))
        return Catalogue(where, tuple(sources), tuple(names))
    finally:
        loader.dispose()


def load_catalogue(path: Path, *, required: bool = False) -> Catalogue:
    if not path.is_file():
        if required:
            raise CatalogueError("catalogue not found", path=str(path))
        return EMPTY
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CatalogueError("not valid UTF-8", path=str(path)) from None
    except OSError as exc:
        raise CatalogueError(f"cannot read: {exc.strerror}", path=str(path)) from None
    return parse_catalogue(text, str(path))
