"""Output formats. Each format is one module with ``render(report, options) -> str``."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from citecheck.model import Report

FORMATS = ("text", "concise", "json", "sarif", "github", "markdown", "junit")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    root: str = "."  # repository root, for repo-relative URIs (SARIF, GitHub annotations, Markdown links)
    tool_version: str = ""
    show_fixes: bool = True
    cwd: str = ""  # the directory report paths are relative to (default: the working directory)
    link_base: str = ""  # prefix for file links in Markdown, e.g. https://github.com/o/r/blob/<sha>/


def repo_path(path: str, options: RenderOptions) -> str:
    """``path`` (as reported) relative to the repository root, with POSIX separators.

    A path outside the root, or a pseudo-path such as ``<stdin>``, is returned unchanged (POSIX).
    """
    if path.startswith("<"):
        return path
    full = Path(path) if Path(path).is_absolute() else Path(options.cwd or os.getcwd()) / path
    try:
        relative = os.path.relpath(full, Path(options.root or ".").absolute())
    except ValueError:  # another drive on Windows
        return PurePosixPath(Path(path).as_posix()).as_posix()
    if relative == ".." or relative.startswith(".." + os.sep):
        return Path(path).as_posix()
    return PurePosixPath(*Path(relative).parts).as_posix()


STREAMING_FORMATS = ("text", "concise", "json")


def stream_renderer(fmt: str, options: RenderOptions) -> Any:
    """A renderer with ``begin()``, ``file(file_report)`` and ``end(baselined=, suppressed=)``, for the
    formats that can be written file by file (the others need every finding before they start)."""
    if fmt not in STREAMING_FORMATS:
        raise ValueError(f"{fmt!r} cannot be streamed")
    return importlib.import_module(f"citecheck.report.{fmt}_format").Stream(options)


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f"citecheck.report.{fmt}_format")
    return module.render(report, options or RenderOptions())
