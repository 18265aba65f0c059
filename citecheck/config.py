"""Configuration: defaults, discovery of citecheck.toml / pyproject.toml, validation.

Precedence, lowest first: built-in defaults, the configuration file, command-line overrides.
Every value remembers where it came from so that ``citecheck config show`` can tell.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from citecheck.errors import ConfigError
from citecheck.rules.registry import RULES, valid_selector

CONFIG_FILES = ("citecheck.toml", ".citecheck.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
LINK_MODES = ("replay", "live", "record", "off")
CLAIM_SCOPES = ("sentence", "paragraph", "post")
FAIL_ON = ("error", "warning", "note", "never")
SEVERITIES = ("error", "warning", "note")
INVALID_UTF8 = ("replace", "skip")


@dataclass(frozen=True, slots=True)
class LinkSettings:
    mode: str = "replay"
    timeout: float = 10.0
    concurrency: int = 64
    per_host: int = 8
    max_redirects: int = 10
    max_body: int = 64 * 1024
    retries: int = 3
    max_retry_wait: float = 30.0
    allow_private: bool = False
    exclude: tuple[str, ...] = ()
    ignore_file: str = ".citecheckignore"
    user_agent: str = ""
    cache: bool = True
    cache_dir: str = ""
    wayback: bool = True
    page_links: bool = True  # also check the links of a page's navigation, header, footer and <head>
    rerecord: bool = False
    scrub_headers: tuple[str, ...] = (
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-api-key",
    )
    scrub_params: tuple[str, ...] = (
        "token",
        "key",
        "api_key",
        "apikey",
        "access_token",
        "auth",
        "sig",
        "signature",
        "secret",
        "password",
        "client_secret",
    )


@dataclass(frozen=True, slots=True)
class ClaimSettings:
    scope: str = "sentence"
    window: int = 1  # sentences after a citation that it also supports (scope "sentence")
    short_paragraph: int = 6  # a citation supports every sentence of a paragraph this short (scope "sentence")
    duplicate_words: int = 20
    quote_min_chars: int = 12
    weasel_phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NameSettings:
    lexicon: bool = True
    extra: tuple[str, ...] = ()  # extra lexicon files (YAML, same schema as the bundled one)
    accept: tuple[str, ...] = ()  # spellings never to flag


@dataclass(frozen=True, slots=True)
class Config:
    refs: str = "refs.yaml"
    cassettes: str = "cassettes"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_file_size: int = 20 * 1024 * 1024
    invalid_utf8: str = "replace"
    fail_on: str = "warning"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    jobs: int = 1
    links: LinkSettings = field(default_factory=LinkSettings)
    claims: ClaimSettings = field(default_factory=ClaimSettings)
    names: NameSettings = field(default_factory=NameSettings)
    root: str = "."  # directory relative paths in the file are resolved against
    origins: tuple[tuple[str, str], ...] = ()  # dotted key -> where the value came from
    file: str = ""  # the configuration file read, if any

    def origin(self, key: str) -> str:
        return dict(self.origins).get(key, "default")

    def resolve_path(self, value: str) -> Path:
        path = Path(value)
        return path if path.is_absolute() else Path(self.root) / path


_SECTIONS: dict[str, type] = {"links": LinkSettings, "claims": ClaimSettings, "names": NameSettings}
_META = frozenset({"root", "origins", "file"})  # not settings: never read from a file


def _toml_key(name: str) -> str:
    return name.replace("_", "-")


def _valid_keys(cls: type) -> list[str]:
    skip = _META | set(_SECTIONS)
    return sorted(_toml_key(f.name) for f in fields(cls) if f.name not in skip)


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$", re.IGNORECASE)
_UNITS = {None: 1, "b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2, "gb": 1000**3, "gib": 1024**3}


def parse_size(value: Any, *, where: str, key: str) -> int:
    if isinstance(value, bool):
        raise ConfigError(f"'{key}' must be a size such as 20MB or a number of bytes", path=where)
    if isinstance(value, int):
        return value
    match = _SIZE.match(str(value))
    if not match:
        raise ConfigError(f"'{key}' must be a size such as 20MB or a number of bytes, not {value!r}", path=where)
    unit = match.group(2).lower() if match.group(2) else None
    return int(float(match.group(1)) * _UNITS[unit])


def _coerce(cls: type, name: str, value: Any, *, where: str, key: str) -> Any:
    default = getattr(cls(), name)
    choices = {
        ("Config", "fail_on"): FAIL_ON,
        ("Config", "invalid_utf8"): INVALID_UTF8,
        ("LinkSettings", "mode"): LINK_MODES,
        ("ClaimSettings", "scope"): CLAIM_SCOPES,
    }.get((cls.__name__, name))
    if choices is not None:
        if value not in choices:
            raise ConfigError(f"'{key}' must be one of {', '.join(choices)}, not {value!r}", path=where)
        return value
    if name in ("max_file_size", "max_body"):
        return parse_size(value, where=where, key=key)
    if name in ("select", "ignore"):
        return _selectors(_str_tuple(value, where=where, key=key), where=where, key=key)
    if name == "per_file_ignores":
        if not isinstance(value, dict):
            raise ConfigError(f"'{key}' must be a table of glob = [codes]", path=where)
        return tuple(sorted((str(g), _selectors(_str_tuple(v, where=where, key=f"{key}.{g}"), where=where,
                                                key=f'{key}."{g}"'))
                            for g, v in value.items()))
    if name == "severity":
        if not isinstance(value, dict):
            raise ConfigError(f"'{key}' must be a table of rule = severity", path=where)
        out = []
        for rule, sev in value.items():
            _selectors((rule,), where=where, key=f"{key}.{rule}")
            if sev not in SEVERITIES:
                raise ConfigError(
                    f"'{key}.{rule}' must be one of {', '.join(SEVERITIES)}, not {sev!r}", path=where
                )
            out.append((str(rule), str(sev)))
        return tuple(sorted(out))
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"'{key}' must be true or false, not {value!r}", path=where)
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"'{key}' must be a non-negative whole number, not {value!r}", path=where)
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise ConfigError(f"'{key}' must be a positive number, not {value!r}", path=where)
        return float(value)
    if isinstance(default, tuple):
        return _str_tuple(value, where=where, key=key)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ConfigError(f"'{key}' must be a string, not {value!r}", path=where)
        return value
    raise AssertionError(f"unhandled setting {cls.__name__}.{name}")  # pragma: no cover


_SELECTOR_HELP = (f"a rule code ({', '.join(r.code for r in RULES)}), a prefix such as CC3, a rule name "
                  "such as misspelled-name, or ALL; `citecheck rules` lists them")


def _selectors(values: tuple[str, ...], *, where: str, key: str) -> tuple[str, ...]:
    """Rule selectors, split on commas (``--select CC2,CC3``); each must name at least one rule."""
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            selector = part.strip()
            if not selector:
                continue
            if not valid_selector(selector):
                raise ConfigError(f"'{key}' names an unknown rule '{selector}' (valid: {_SELECTOR_HELP})",
                                  path=where)
            out.append(selector)
    return tuple(out)


def _str_tuple(value: Any, *, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of strings", path=where)
    return tuple(value)


def _apply_table(cls: type, current: Any, table: dict[str, Any], *, where: str, prefix: str,
                 origins: dict[str, str]) -> Any:
    by_key = {_toml_key(f.name): f.name for f in fields(cls) if f.name not in _META}
    changes: dict[str, Any] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        name = by_key.get(key)
        if name is None:
            valid = ", ".join(_valid_keys(cls) + ([f"[{s}]" for s in _SECTIONS] if cls is Config else []))
            raise ConfigError(f"unknown key '{full}' (valid keys: {valid})", path=where)
        if name in _SECTIONS and cls is Config:
            if not isinstance(value, dict):
                raise ConfigError(f"'{full}' must be a table", path=where)
            changes[name] = _apply_table(_SECTIONS[name], getattr(current, name), value, where=where,
                                         prefix=f"{full}.", origins=origins)
            continue
        changes[name] = _coerce(cls, name, value, where=where, key=full)
        origins[full] = where
    return replace(current, **changes)


def config_file_in(directory: Path) -> Path | None:
    """The configuration file of one directory: citecheck.toml, .citecheck.toml or a pyproject.toml
    with a [tool.citecheck] table, in that order."""
    for name in CONFIG_FILES:
        candidate = directory / name
        if candidate.is_file():
            if name == "pyproject.toml" and not _has_tool_table(candidate):
                continue
            return candidate
    return None


def find_config_file(start: Path) -> Path | None:
    """Walk up from ``start`` to the repository root (a directory holding .git) or the file-system root."""
    here = start.resolve()
    for directory in (here, *here.parents):
        found = config_file_in(directory)
        if found is not None:
            return found
        if (directory / ".git").exists():
            return None
    return None


def find_repo_root(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` that holds .git (a directory, or a file in worktrees)."""
    here = start.resolve()
    for directory in (here, *here.parents):
        if (directory / ".git").exists():
            return directory
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "citecheck" in data["tool"]


def load_config(path: Path | None = None, *, start: Path | None = None,
                overrides: dict[str, Any] | None = None) -> Config:
    """Build the effective configuration.

    ``path`` names a file explicitly (``--config``); otherwise one is searched upwards from
    ``start`` (default: the working directory). ``overrides`` are dotted keys from the command
    line (``{"links.mode": "live"}``) and win over the file.
    """
    origins: dict[str, str] = {}
    config = Config()
    if path is None:
        path = find_config_file(start or Path.cwd())
    elif not path.is_file():
        raise ConfigError("configuration file not found", path=str(path))
    if path is not None:
        where = str(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot read: {exc.strerror}", path=where) from None
        except UnicodeDecodeError:
            raise ConfigError("not valid UTF-8", path=where) from None
        except tomllib.TOMLDecodeError as exc:
            line = getattr(exc, "lineno", None)
            raise ConfigError(f"invalid TOML: {exc}", path=where, line=line) from None
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("citecheck", {})
            if not isinstance(data, dict):
                raise ConfigError("[tool.citecheck] must be a table", path=where)
        config = _apply_table(Config, config, data, where=where, prefix="", origins=origins)
        config = replace(config, root=str(path.parent), file=where)
    if overrides:
        for dotted, value in overrides.items():
            if value is None:
                continue
            section, _, key = dotted.rpartition(".")
            table: dict[str, Any] = {key: value}
            if section:
                table = {section: table}
            config = _apply_table(Config, config, table, where="command line", prefix="", origins=origins)
    return replace(config, origins=tuple(sorted(origins.items())))


def effective_items(config: Config) -> list[tuple[str, Any, str]]:
    """(dotted key, value, origin) for every setting, for ``citecheck config show``."""
    rows: list[tuple[str, Any, str]] = []
    for f in fields(Config):
        if f.name in _META:
            continue
        value = getattr(config, f.name)
        if f.name in _SECTIONS:
            for sub in fields(value):
                key = f"{_toml_key(f.name)}.{_toml_key(sub.name)}"
                rows.append((key, getattr(value, sub.name), config.origin(key)))
        else:
            key = _toml_key(f.name)
            rows.append((key, value, config.origin(key)))
    return rows


def _toml_value(value: Any, *, table: bool = False) -> str:
    if table:
        pairs = ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value)
        return f"{{ {pairs} }}" if value else "{}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise AssertionError(f"unhandled value {value!r}")  # pragma: no cover


_TABLES = frozenset({"per-file-ignores", "severity"})


def show_lines(config: Config) -> list[str]:
    """``citecheck config show``: the effective configuration as TOML, each value with its origin."""
    lines = [f"# configuration file: {config.file or 'none (built-in defaults)'}"]
    section = ""
    for key, value, origin in effective_items(config):
        head, _, name = key.rpartition(".")
        if head != section:
            lines += ["", f"[{head}]"]
            section = head
        lines.append(f"{name} = {_toml_value(value, table=key in _TABLES)}  # {origin}")
    return lines


def env_no_color() -> bool:
    return bool(os.environ.get("NO_COLOR"))
