"""SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, SonarQube, ...).

Columns count Unicode code points (``columnKind: unicodeCodePoints``), lines are 1-based, URIs
are relative to the repository root with POSIX separators, and ``partialFingerprints`` hash
the rule, path, anchor text and occurrence index (never a line number) so that a finding keeps
its identity when unrelated lines move.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from citecheck import __version__
from citecheck.baseline import fingerprints
from citecheck.model import Finding, Fix, Report, Span
from citecheck.report import repo_path
from citecheck.rules.docs import rule_help_markdown, rule_help_text
from citecheck.rules.registry import RULES, Rule
from citecheck.textspan import LineIndex

if TYPE_CHECKING:
    from citecheck.report import RenderOptions

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "citecheck/v1"
INFORMATION_URI = "https://github.com/citecheck/citecheck"


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": rule_help_text(rule), "markdown": rule_help_markdown(rule)},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"tags": ["citecheck", rule.group]},
    }


def _region(index: LineIndex | None, span: Span) -> dict[str, int]:
    if index is None:
        return {"charOffset": span.start, "charLength": len(span)}
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _artifact(uri: str) -> dict[str, str]:
    return {"uri": quote(uri), "uriBaseId": "%SRCROOT%"}


def _fix(fix: Fix, uri: str, index: LineIndex) -> dict[str, Any]:
    title = fix.title or f"Replace with {fix.replacement!r}"
    return {
        "description": {"text": f"{title} ({fix.applicability.value} fix)"},
        "artifactChanges": [{
            "artifactLocation": _artifact(uri),
            "replacements": [{"deletedRegion": _region(index, fix.span),
                              "insertedContent": {"text": fix.replacement}}],
        }],
    }


def _result(f: Finding, uri: str, index: LineIndex, fingerprint: str, rule_index: dict[str, int],
            indexes: dict[str, LineIndex], options: RenderOptions) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index[f.code],
        "level": f.severity.value,
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(uri),
                                            "region": _region(index, f.span)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if f.related:
        result["relatedLocations"] = [
            {"id": n, "message": {"text": r.label or "related"},
             "physicalLocation": {"artifactLocation": _artifact(repo_path(r.path, options)),
                                  "region": _region(indexes.get(r.path), r.span)}}
            for n, r in enumerate(f.related, start=1)
        ]
    if f.fix is not None:
        result["fixes"] = [_fix(f.fix, uri, index)]
    return result


def sarif_dict(report: Report, options: RenderOptions) -> dict[str, Any]:
    rule_index = {rule.code: i for i, rule in enumerate(RULES)}
    indexes = {file.path: LineIndex(file.document.text) for file in report.files}
    rows: list[tuple[tuple[str, int, int, str, str], dict[str, Any]]] = []
    for file in report.files:
        uri = repo_path(file.path, options)
        index = indexes[file.path]
        prints = fingerprints(uri, file.document.text, file.findings)
        for i, f in enumerate(file.findings):
            line, column = index.position(f.span.start)
            result = _result(f, uri, index, prints[i], rule_index, indexes, options)
            rows.append(((uri, line, column, f.code, f.message), result))
    rows.sort(key=lambda row: row[0])
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "citecheck",
                "version": options.tool_version or __version__,
                "semanticVersion": options.tool_version or __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(rule) for rule in RULES],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [result for _, result in rows],
            "properties": {"baselined": report.baselined, "suppressed": report.suppressed},
        }],
    }


def render(report: Report, options: RenderOptions) -> str:
    return json.dumps(sarif_dict(report, options), ensure_ascii=False, indent=2) + "\n"
