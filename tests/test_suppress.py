"""Inline suppressions: what a writer puts in a document to silence one finding, and how stale or
mistyped suppressions are reported (CC901 / CC902)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import audit
from citecheck.config import Config, LinkSettings, NameSettings
from citecheck.fix import apply_edits
from citecheck.ingest import document_from_text
from citecheck.model import DocFormat, Document, Finding, Span
from citecheck.rules import finding
from citecheck.suppress import active_rules, apply_suppressions


def _at(doc: Document, needle: str, code: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    return finding(code, Span(start, start + len(needle)), f"{code} at {needle}", anchor=needle)


def _md(text: str) -> Document:
    return document_from_text(text, "doc.md", DocFormat.MARKDOWN)


def _txt(text: str) -> Document:
    return document_from_text(text, "doc.txt", DocFormat.TEXT)


def _codes(findings: list[Finding]) -> list[str]:
    return sorted(f.code for f in findings)


def test_disable_next_line_suppresses_only_the_next_line() -> None:
    doc = _md("<!-- citecheck: disable-next-line CC201 -->\nHallifax went.\nHallifax came back.\n")
    first, second = _at(doc, "Hallifax", "CC201"), _at(doc, "Hallifax", "CC201", 1)
    kept, suppressed = apply_suppressions(doc, [first, second])
    assert kept == [second]
    assert suppressed == 1


def test_next_line_skips_blank_lines_and_other_directives() -> None:
    doc = _md("<!-- citecheck: disable-next-line CC201 -->\n\n<!-- citecheck: disable-next-line CC301 -->\n"
              "\nHallifax went to Moscow in 1939.\n")
    name, claim = _at(doc, "Hallifax", "CC201"), _at(doc, "Hallifax went to Moscow in 1939.", "CC301")
    kept, suppressed = apply_suppressions(doc, [name, claim])
    assert kept == []
    assert suppressed == 2


def test_range_suppresses_between_disable_and_enable() -> None:
    doc = _md("Before 1939.\n<!-- citecheck: disable CC301 -- quoted from the minutes -->\nInside 1939.\n\n"
              "Also inside 1939.\n<!-- citecheck: enable CC301 -->\nAfter 1939.\n")
    sentences = ("Before 1939.", "Inside 1939.", "Also inside 1939.", "After 1939.")
    findings = [_at(doc, s, "CC301") for s in sentences]
    kept, suppressed = apply_suppressions(doc, findings)
    assert [f.anchor for f in kept] == ["Before 1939.", "After 1939."]
    assert suppressed == 2


def test_disable_without_enable_runs_to_the_end_of_the_file() -> None:
    doc = _md("Before 1939.\n<!-- citecheck: disable CC3 -->\nInside 1939.\n\nLast 1939.\n")
    findings = [_at(doc, s, "CC301") for s in ("Before 1939.", "Inside 1939.", "Last 1939.")]
    kept, _ = apply_suppressions(doc, findings)
    assert [f.anchor for f in kept] == ["Before 1939."]


def test_range_does_not_cover_other_rules() -> None:
    doc = _md("<!-- citecheck: disable CC301 -->\nHallifax went in 1939.\n<!-- citecheck: enable CC301 -->\n")
    name, claim = _at(doc, "Hallifax", "CC201"), _at(doc, "Hallifax went in 1939.", "CC301")
    kept, _ = apply_suppressions(doc, [name, claim])
    assert kept == [name]


@pytest.mark.parametrize("selector", ["CC201", "CC2", "misspelled-name", "ALL", ""])
def test_disable_file_accepts_code_prefix_name_all_or_nothing(selector: str) -> None:
    doc = _md(f"Hallifax went.\n\n<!-- citecheck: disable-file {selector} -->\n\nHallifax came.\n")
    findings = [_at(doc, "Hallifax", "CC201"), _at(doc, "Hallifax", "CC201", 1)]
    kept, suppressed = apply_suppressions(doc, findings)
    assert kept == []
    assert suppressed == 2


def test_several_rules_in_one_directive() -> None:
    doc = _md("<!-- citecheck: disable-next-line CC201, unsupported-claim -->\nHallifax went in 1939.\n")
    kept, suppressed = apply_suppressions(doc, [_at(doc, "Hallifax", "CC201"),
                                                _at(doc, "Hallifax went in 1939.", "CC301")])
    assert (kept, suppressed) == ([], 2)


def test_html_comments_work_too() -> None:
    doc = document_from_text("<p>Hallifax went.</p>\n<!-- citecheck: disable-file CC201 -->\n", "page.html",
                             DocFormat.HTML)
    kept, suppressed = apply_suppressions(doc, [_at(doc, "Hallifax", "CC201")])
    assert (kept, suppressed) == ([], 1)


def test_unused_suppression_is_reported_with_a_fix_that_removes_it() -> None:
    text = "Intro.\n<!-- citecheck: disable-next-line CC201 -->\nHalifax went to Moscow.\n"
    doc = _md(text)
    kept, suppressed = apply_suppressions(doc, [])
    assert suppressed == 0
    assert _codes(kept) == ["CC901"]
    unused = kept[0]
    assert "disable-next-line CC201" in unused.message
    assert doc.text[unused.span.start:unused.span.end] == "<!-- citecheck: disable-next-line CC201 -->"
    assert unused.fix is not None
    assert apply_edits(text, [unused.fix]) == "Intro.\nHalifax went to Moscow.\n"


def test_partly_unused_suppression_names_the_unused_rule_and_fixes_only_that() -> None:
    text = "<!-- citecheck: disable-next-line CC201, CC301 -->\nHallifax went.\n"
    doc = _md(text)
    kept, suppressed = apply_suppressions(doc, [_at(doc, "Hallifax", "CC201")])
    assert suppressed == 1
    [unused] = kept
    assert unused.code == "CC901"
    assert "CC301 in" in unused.message
    assert unused.fix is not None
    assert apply_edits(text, [unused.fix]) == "<!-- citecheck: disable-next-line CC201 -->\nHallifax went.\n"


def test_unknown_rule_is_invalid_and_never_widens_to_every_rule() -> None:
    doc = _md("<!-- citecheck: disable CC999 -->\nHallifax went.\n")
    name = _at(doc, "Hallifax", "CC201")
    kept, suppressed = apply_suppressions(doc, [name])
    assert suppressed == 0
    assert _codes(kept) == ["CC201", "CC902"]
    assert "CC999" in next(f for f in kept if f.code == "CC902").message


def test_unknown_directive_and_orphan_enable_are_invalid() -> None:
    doc = _md("<!-- citecheck: disabel CC201 -->\n<!-- citecheck: enable CC301 -->\nText.\n")
    kept, _ = apply_suppressions(doc, [])
    messages = sorted(f.message for f in kept)
    assert _codes(kept) == ["CC902", "CC902"]
    assert any("unknown directive 'disabel'" in m for m in messages)
    assert any("no matching `disable`" in m for m in messages)


def test_valid_rules_still_apply_next_to_an_unknown_one() -> None:
    doc = _md("<!-- citecheck: disable-next-line CC201 CC999 -->\nHallifax went.\n")
    kept, suppressed = apply_suppressions(doc, [_at(doc, "Hallifax", "CC201")])
    assert suppressed == 1
    assert _codes(kept) == ["CC902"]


def test_directives_shown_as_code_are_not_directives() -> None:
    doc = _md("Write `<!-- citecheck: disable-file -->` to silence a file.\n\n"
              "```markdown\n<!-- citecheck: disable-file CC999 -->\n```\n\n"
              "~~~~\n<!-- citecheck: disable-next-line CC201 -->\n~~~~\n\n"
              "    <!-- citecheck: disable-file CC2 -->\n\nHallifax went.\n")
    name = _at(doc, "Hallifax", "CC201")
    assert apply_suppressions(doc, [name]) == ([name], 0)


def test_ordinary_comments_are_ignored() -> None:
    doc = _md("<!-- a note to the editor: citecheck is great -->\nHallifax went.\n")
    name = _at(doc, "Hallifax", "CC201")
    assert apply_suppressions(doc, [name]) == ([name], 0)


def test_plain_text_directive_lines() -> None:
    text = ("citecheck: disable-next-line CC301\nOne 1939.\nTwo 1939.\n# citecheck: disable CC301\n"
            "Three 1939.\n// citecheck: enable CC301\nFour 1939.\n")
    doc = _txt(text)
    findings = [_at(doc, s, "CC301") for s in ("One 1939.", "Two 1939.", "Three 1939.", "Four 1939.")]
    kept, suppressed = apply_suppressions(doc, findings)
    assert [f.anchor for f in kept] == ["Two 1939.", "Four 1939."]
    assert suppressed == 2


def test_plain_text_unused_directive_fix_removes_the_line() -> None:
    text = "Intro.\ncitecheck: disable-file CC201\r\nBody.\r\n"
    doc = _txt(text)
    [unused] = apply_suppressions(doc, [])[0]
    assert unused.code == "CC901" and unused.fix is not None
    assert apply_edits(text, [unused.fix]) == "Intro.\nBody.\r\n"


def test_plain_text_mentions_of_citecheck_inside_a_line_are_not_directives() -> None:
    doc = _txt("We ran citecheck: disable nothing here.\n")
    assert apply_suppressions(doc, []) == ([], 0)


def test_suppression_of_a_rule_that_did_not_run_is_not_unused() -> None:
    doc = _md("<!-- citecheck: disable-next-line CC401 -->\nSee https://example.org/gone.\n")
    offline = active_rules({"sources", "names", "links", "claims"}, links_mode="off")
    assert "CC401" not in offline
    assert apply_suppressions(doc, [], active=offline) == ([], 0)
    kept, _ = apply_suppressions(doc, [], active=active_rules({"links"}, links_mode="live"))
    assert _codes(kept) == ["CC901"]


def test_unused_suppression_can_itself_be_suppressed_explicitly() -> None:
    doc = _md("<!-- citecheck: disable-file CC901 -->\n"
              "<!-- citecheck: disable-next-line CC201 -->\nHalifax.\n")
    kept, suppressed = apply_suppressions(doc, [])
    assert kept == []
    assert suppressed == 1


def test_the_pipeline_counts_suppressed_findings(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("<!-- citecheck: disable-next-line CC301 -->\n"
                   "In March 1939 the British cabinet offered Poland a guarantee.\n\n"
                   "In April 1939 the British cabinet offered Romania a guarantee.\n\n"
                   "<!-- citecheck: disable-next-line CC301 -->\nThe end.\n", encoding="utf-8")
    config = Config(refs=str(tmp_path / "none.yaml"), links=LinkSettings(mode="off"),
                    names=NameSettings(lexicon=False))
    report = audit([str(doc)], config).report
    assert report.suppressed == 1
    codes = [(f.code, doc.read_text()[f.span.start:f.span.end][:20]) for f in report.files[0].findings]
    assert ("CC301", "In April 1939 the Br") in codes
    assert [c for c, _ in codes].count("CC901") == 1
