"""Finding documents on disk and decoding them, with one clear error per unusable file."""

from __future__ import annotations

import codecs
import fnmatch
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from citecheck.errors import InputError
from citecheck.model import DocFormat

STDIN = "-"


@dataclass(frozen=True, slots=True)
class RawText:
    path: str  # as displayed in reports: POSIX, relative when given relative
    text: str
    format: DocFormat
    encoding: str
    bom: bool
    newline: str
    notices: tuple[str, ...]


def display_path(path: Path) -> str:
    return PurePosixPath(*path.parts).as_posix() if not path.is_absolute() else path.as_posix()


def _matches(name: str, rel: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns)


def collect_paths(args: Sequence[str], include: Sequence[str],
                  exclude: Sequence[str] = ()) -> tuple[list[str], list[InputError]]:
    """Expand files and directories (recursively) into a sorted list of document paths.

    Files named explicitly are kept whatever their extension; files found in directories must
    match ``include`` and not ``exclude``. Problems are returned, not raised, so that one bad
    argument does not hide the others.
    """
    found: list[str] = []
    problems: list[InputError] = []
    seen: set[str] = set()
    for arg in args:
        if arg == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                found.append(STDIN)
            continue
        path = Path(arg)
        if path.is_file():
            shown = display_path(path)
            if shown not in seen:
                seen.add(shown)
                found.append(shown)
            continue
        if path.is_dir():
            matched: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _matches(d, d, exclude))
                for name in files:
                    full = Path(root) / name
                    rel = display_path(full)
                    if _matches(name, rel, include) and not _matches(name, rel, exclude):
                        matched.append(rel)
            if not matched:
                problems.append(InputError(
                    f"directory holds no documents matching {' '.join(include)}", path=display_path(path)))
            for rel in sorted(matched):
                if rel not in seen:
                    seen.add(rel)
                    found.append(rel)
            continue
        if path.exists():
            problems.append(InputError("not a regular file or directory", path=arg))
        else:
            problems.append(InputError("no such file or directory", path=arg))
    return found, problems


def guess_format(path: str, text: str) -> DocFormat:
    lower = path.lower()
    if lower.endswith((".md", ".markdown", ".mdown", ".mkd")):
        return DocFormat.MARKDOWN
    if lower.endswith((".html", ".htm", ".xhtml")):
        return DocFormat.HTML
    if path == STDIN:
        head = text[:2000].lstrip().lower()
        if head.startswith(("<!doctype html", "<html")) or "<body" in head:
            return DocFormat.HTML
        if "](http" in text or "\n# " in text or text.startswith("# "):
            return DocFormat.MARKDOWN
    return DocFormat.TEXT


def _newline_of(text: str) -> str:
    i = text.find("\n")
    if i > 0 and text[i - 1] == "\r":
        return "\r\n"
    if i == -1 and "\r" in text:
        return "\r"
    return "\n"


def decode(data: bytes, path: str, *, invalid_utf8: str = "replace") -> tuple[str, str, bool, tuple[str, ...]]:
    """Bytes to text: (text, encoding, bom, notices). Raises InputError for binary data.

    UTF-8 is assumed (a UTF-16 byte-order mark is honoured). Invalid UTF-8 is replaced with
    U+FFFD and reported, or refused when ``invalid_utf8`` is "skip". A UTF-8 BOM is kept in the
    text as U+FEFF so that offsets match what other tools read.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", True, ()
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 text", path=path) from None
    head = data[:8192]
    if b"\x00" in head:
        raise InputError("binary file (contains NUL bytes); citecheck reads text, Markdown and HTML", path=path)
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.1:
        raise InputError("binary file (mostly control bytes); citecheck reads text, Markdown and HTML", path=path)
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), "utf-8", bom, ()
    except UnicodeDecodeError as exc:
        where = f"invalid UTF-8 at byte {exc.start}"
        if invalid_utf8 == "skip":
            raise InputError(f"{where}; skipped (set invalid-utf8 = \"replace\" to read it anyway)",
                             path=path) from None
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd") - data.count("\ufffd".encode())
        return (text, "utf-8", bom,
                (f"{where} ({bad} invalid sequence{'s' if bad != 1 else ''} replaced by U+FFFD)",))


def read_text(path: str, *, max_size: int, invalid_utf8: str = "replace", stdin: bytes | None = None) -> RawText:
    if path == STDIN:
        data = stdin if stdin is not None else sys.stdin.buffer.read()
        shown = "<stdin>"
    else:
        shown = path
        try:
            size = os.stat(path).st_size
        except FileNotFoundError:
            raise InputError("no such file or directory", path=path) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=path) from None
        if size > max_size:
            raise InputError(f"file is {size:,} bytes, over the limit of {max_size:,} (max-file-size)", path=path)
        try:
            with open(path, "rb") as handle:
                data = handle.read(max_size + 1)
        except IsADirectoryError:
            raise InputError("is a directory", path=path) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    if len(data) > max_size:
        raise InputError(f"input is over the limit of {max_size:,} bytes (max-file-size)", path=shown)
    text, encoding, bom, notices = decode(data, shown, invalid_utf8=invalid_utf8)
    if not text.strip("\ufeff \t\r\n"):
        notices = (*notices, "file is empty")
    return RawText(shown, text, guess_format(path, text), encoding, bom, _newline_of(text), notices)
