"""JUnit XML for GitLab, Jenkins and other CI test-report views: always well-formed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from citecheck.ingest import document_from_text
from citecheck.model import Applicability, DocFormat, FileReport, Finding, Fix, Report, Span
from citecheck.report import RenderOptions, render
from citecheck.rules import finding

HOSTILE = 'Quote "<b>&amp;</b>" ]]> \x1b[31m\x00\x0b end'


def _file(path: str, text: str, *findings: Finding) -> FileReport:
    doc = document_from_text(text, path, DocFormat.MARKDOWN)
    return FileReport(path=path, document=doc, findings=findings)


def _report() -> Report:
    a = "Hallifax went.\nIn 1939 the cabinet offered a guarantee.\n"
    return Report(files=(
        _file("docs/b.md", "All fine.\n"),
        _file("docs/a.md", a,
              finding("CC201", Span(0, 8), "Misspelled name", anchor="Hallifax",
                      fix=Fix("Halifax", Span(0, 8), Applicability.SAFE)),
              finding("CC301", Span(15, 55), HOSTILE, anchor="claim")),
    ))


def _parse(tmp_path: Path) -> ET.Element:
    out = render(_report(), "junit", RenderOptions(root=str(tmp_path), cwd=str(tmp_path)))
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_a_suite_per_file_and_a_failing_case_per_finding(tmp_path: Path) -> None:
    root = _parse(tmp_path)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "2", "0")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["docs/a.md", "docs/b.md"]
    a, b = suites
    assert (a.get("tests"), a.get("failures")) == ("2", "2")
    cases = a.findall("testcase")
    assert [c.get("name") for c in cases] == ["CC201 misspelled-name at 1:1",
                                              "CC301 unsupported-claim at 2:1"]
    assert cases[0].get("classname") == "docs/a.md" and cases[0].get("line") == "1"
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("type") == "CC201 warning"
    assert failure.text == "docs/a.md:1:1: CC201 [warning] Misspelled name\nfix (safe): Halifax"
    # a clean file is one passing test case
    [passing] = b.findall("testcase")
    assert passing.find("failure") is None
    assert (b.get("tests"), b.get("failures")) == ("1", "0")


def test_hostile_text_is_escaped_and_still_parses(tmp_path: Path) -> None:
    case = _parse(tmp_path).findall("testsuite")[0].findall("testcase")[1]
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == 'Quote "<b>&amp;</b>" ]]> \ufffd[31m\ufffd\ufffd end'
    assert failure.text is not None and failure.text.endswith('"<b>&amp;</b>" ]]> \ufffd[31m\ufffd\ufffd end')


def test_no_files_is_an_empty_but_valid_report(tmp_path: Path) -> None:
    out = render(Report(files=()), "junit", RenderOptions(root=str(tmp_path), cwd=str(tmp_path)))
    root = ET.fromstring(out.encode("utf-8"))
    assert (root.get("tests"), root.get("failures")) == ("0", "0")
