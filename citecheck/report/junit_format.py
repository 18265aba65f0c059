"""JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure DevOps, CircleCI).

One ``testsuite`` per file and one ``testcase`` per finding, each with a ``failure``; a file with
no findings has one passing ``testcase``. Text is escaped by the XML writer, and characters XML
1.0 cannot carry (most control characters) are replaced by U+FFFD so the output always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from citecheck.model import Report
from citecheck.report import repo_path
from citecheck.textspan import LineIndex

if TYPE_CHECKING:
    from citecheck.report import RenderOptions

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(report: Report, options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="citecheck")
    total = failures = 0
    for file in sorted(report.files, key=lambda f: f.path):
        index = LineIndex(file.document.text)
        path = _clean(repo_path(file.path, options))
        suite = ET.SubElement(root, "testsuite", name=path)
        findings = sorted(file.findings, key=lambda f: (f.span.start, f.span.end, f.code, f.message))
        for f in findings:
            line, col = index.position(f.span.start)
            name = _clean(f"{f.code} {f.rule} at {line}:{col}")
            case = ET.SubElement(suite, "testcase", classname=path, name=name, file=path, line=str(line))
            detail = f"{path}:{line}:{col}: {f.code} [{f.severity.value}] {f.message}"
            if f.fix is not None:
                detail += f"\nfix ({f.fix.applicability.value}): {f.fix.replacement}"
            failure = ET.SubElement(case, "failure", message=_clean(f.message),
                                    type=f"{f.code} {f.severity.value}")
            failure.text = _clean(detail)
        if not findings:
            ET.SubElement(suite, "testcase", classname=path, name="citecheck", file=path)
        count = max(1, len(findings))
        suite.set("tests", str(count))
        suite.set("failures", str(len(findings)))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += count
        failures += len(findings)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
