"""Every rule documents itself, its examples behave, and docs/rules.md is the generated text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.api import audit
from citecheck.cli import app
from citecheck.config import Config, LinkSettings
from citecheck.rules.docs import explain, is_description, rules_markdown
from citecheck.rules.registry import GROUPS, RULES, Rule

ROOT = Path(__file__).resolve().parents[1]
RUNNABLE = [(rule, which) for rule in RULES if not rule.needs_network
            for which in ("fails", "passes") if not is_description(getattr(rule, which))]


def test_docs_rules_md_is_in_sync_with_the_registry() -> None:
    on_disk = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    stale = "docs/rules.md is stale: run `citecheck rules --markdown > docs/rules.md`"
    assert on_disk == rules_markdown(), stale


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_documented(rule: Rule) -> None:
    assert re.fullmatch(r"CC\d{3}", rule.code)
    assert rule.code[:3] in GROUPS
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    for field in ("summary", "what", "why", "fails", "passes", "how_to_fix"):
        assert getattr(rule, field).strip(), f"{rule.code} has no {field}"
    assert rule.fails != rule.passes
    markdown = rules_markdown()
    assert f"### {rule.code} {rule.name}\n" in markdown
    assert rule.help_uri.endswith(f"#{rule.code.lower()}-{rule.name}")
    assert f"](#{rule.code.lower()}-{rule.name})" in markdown


def test_codes_and_names_are_unique() -> None:
    keys = [r.code for r in RULES] + [r.name for r in RULES] + [a for r in RULES for a in r.aliases]
    assert len(keys) == len(set(keys))


def test_runnable_examples_fire_on_fails_and_not_on_passes(tmp_path: Path) -> None:
    """One audit over every runnable example (the context is built once), with the project's catalogue."""
    paths: dict[tuple[str, str], Path] = {}
    for rule, which in RUNNABLE:
        suffix = ".md" if "<!--" in getattr(rule, which) else ".txt"
        path = tmp_path / f"{rule.code}-{which}{suffix}"
        path.write_text(getattr(rule, which) + "\n", encoding="utf-8")
        paths[(rule.code, which)] = path
    config = Config(refs=str(ROOT / "refs.yaml"), links=LinkSettings(mode="off"))
    report = audit([str(p) for p in paths.values()], config).report
    fired = {file.path: {f.code for f in file.findings} for file in report.files}
    wrong = []
    for (code, which), path in paths.items():
        codes = fired[path.as_posix()]
        if (code in codes) != (which == "fails"):
            wrong.append(f"{code} {which}: {sorted(codes)}")
    assert wrong == []


def test_rules_lists_every_rule() -> None:
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0
    for rule in RULES:
        row = rf"^{rule.code}\s+{rule.name}\s+{rule.severity.value}\b"
        assert re.search(row, result.stdout, re.MULTILINE)


@pytest.mark.parametrize("key", ["CC201", "cc201", "misspelled-name"])
def test_rules_explains_one_by_code_or_name(key: str) -> None:
    result = CliRunner().invoke(app, ["rules", key])
    assert result.exit_code == 0
    assert result.stdout == explain(next(r for r in RULES if r.code == "CC201"))
    for section in ("What it finds", "Why it matters", "Fails", "Passes", "How to fix", "Fix safety"):
        assert f"\n{section}\n" in result.stdout
    assert "Hallifax" in result.stdout and "Safe:" in result.stdout


def test_rules_markdown_and_unknown_rule() -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["rules", "--markdown"]).stdout == rules_markdown()
    unknown = runner.invoke(app, ["rules", "CC999"])
    assert unknown.exit_code == 2
    assert "unknown rule 'CC999'" in unknown.stderr
