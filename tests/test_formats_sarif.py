"""SARIF 2.1.0: valid against the OASIS schema and usable by GitHub code scanning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from citecheck.ingest import document_from_text
from citecheck.model import Applicability, DocFormat, FileReport, Finding, Fix, Related, Report, Span
from citecheck.report import RenderOptions, render
from citecheck.rules import finding
from citecheck.rules.registry import RULES

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _find(text: str, needle: str, code: str, *, nth: int = 0, fix: str | None = None,
          related: tuple[Related, ...] = ()) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    span = Span(start, start + len(needle))
    return finding(code, span, f"{code}: {needle}", anchor=needle, related=related,
                   fix=Fix(fix, span, Applicability.SAFE, f"Replace with {fix}") if fix else None)


def _file(path: str, text: str, *findings: Finding) -> FileReport:
    doc = document_from_text(text, path, DocFormat.MARKDOWN)
    return FileReport(path=path, document=doc, findings=findings)


def _report(prefix: str = "") -> Report:
    a = prefix + "Intro 😀 Hallifax went.\r\nIn 1939 the cabinet offered Poland a guarantee.\r\n"
    b = "Hallifax, again: Hallifax.\n"
    return Report(files=(
        _file("docs/a.md", a, _find(a, "Hallifax", "CC201", fix="Halifax"),
              _find(a, "In 1939 the cabinet offered Poland a guarantee.", "CC301")),
        _file("docs/b.md", b, _find(b, "Hallifax", "CC201", fix="Halifax"),
              _find(b, "Hallifax", "CC201", nth=1, fix="Halifax",
                    related=(Related("docs/a.md", Span(0, 5), "first seen"),))),
    ), baselined=3, suppressed=1)


def _sarif(report: Report, tmp_path: Path, cwd: str = "") -> dict[str, Any]:
    options = RenderOptions(root=str(tmp_path), cwd=cwd or str(tmp_path), tool_version="9.9.9")
    return json.loads(render(report, "sarif", options))


def _results(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return doc["runs"][0]["results"]


def test_output_is_valid_against_the_oasis_schema(tmp_path: Path) -> None:
    doc = _sarif(_report(), tmp_path)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(doc), key=str)
    assert errors == []
    assert doc["version"] == "2.1.0"
    assert doc["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_empty_report_is_valid(tmp_path: Path) -> None:
    doc = _sarif(Report(files=()), tmp_path)
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    assert _results(doc) == []


def test_every_rule_is_described_with_help(tmp_path: Path) -> None:
    driver = _sarif(_report(), tmp_path)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "citecheck" and driver["version"] == "9.9.9"
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    for descriptor, rule in zip(driver["rules"], RULES, strict=True):
        assert descriptor["helpUri"] == rule.help_uri
        assert rule.why in descriptor["help"]["text"]
        assert descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for result in _results(_sarif(_report(), tmp_path)):
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_regions_are_one_based_code_point_columns(tmp_path: Path) -> None:
    results = _results(_sarif(_report(), tmp_path))
    name = next(r for r in results if r["ruleId"] == "CC201" and "a.md" in json.dumps(r["locations"]))
    region = name["locations"][0]["physicalLocation"]["region"]
    # "Intro 😀 " is 8 code points (the emoji is one code point, two UTF-16 units)
    assert region == {"startLine": 1, "startColumn": 9, "endLine": 1, "endColumn": 17}
    claim = next(r for r in results if r["ruleId"] == "CC301")
    assert claim["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert claim["level"] == "warning"


def test_uris_are_repo_relative_posix(tmp_path: Path) -> None:
    sub = tmp_path / "site"
    text = render(_report(), "sarif", RenderOptions(root=str(tmp_path), cwd=str(sub)))
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for result in _results(json.loads(text)) for loc in result["locations"]}
    assert uris == {"site/docs/a.md", "site/docs/b.md"}
    assert str(tmp_path) not in text


def test_fixes_and_related_locations(tmp_path: Path) -> None:
    results = _results(_sarif(_report(), tmp_path))
    fixed = [r for r in results if r["ruleId"] == "CC201"]
    assert all(r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Halifax"
               for r in fixed)
    related = next(r for r in fixed if "relatedLocations" in r)
    assert related["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a.md"


def _prints(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((r["ruleId"], r["partialFingerprints"]["citecheck/v1"]) for r in _results(doc))


def test_fingerprints_ignore_line_numbers_and_tell_repeats_apart(tmp_path: Path) -> None:
    before = _sarif(_report(), tmp_path)
    after = _sarif(_report(prefix="A new first line.\r\n\r\nAnd another.\r\n"), tmp_path)
    assert _prints(before) == _prints(after)
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in _results(after)]
    assert lines[:2] == [4, 5]
    prints = [p for _, p in _prints(before)]
    assert len(set(prints)) == len(prints)  # the two "Hallifax" of b.md differ by occurrence


def test_output_is_deterministic(tmp_path: Path) -> None:
    options = RenderOptions(root=str(tmp_path), cwd=str(tmp_path))
    assert render(_report(), "sarif", options) == render(_report(), "sarif", options)
