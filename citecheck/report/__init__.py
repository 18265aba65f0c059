"""Output formats. Each format is one module with ``render(report, options) -> str``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from citecheck.model import Report

FORMATS = ("text", "concise", "json", "sarif", "github", "markdown", "junit")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    root: str = "."  # repository root, for repo-relative URIs (SARIF)
    tool_version: str = ""
    show_fixes: bool = True


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f"citecheck.report.{fmt}_format")
    return module.render(report, options or RenderOptions())
