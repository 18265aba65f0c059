"""Rule documentation, generated from the registry: ``docs/rules.md``, ``citecheck rules`` and the
help text of SARIF rule descriptors all come from here, so they cannot drift apart."""

from __future__ import annotations

import re
import textwrap
from typing import assert_never

from citecheck.model import Applicability
from citecheck.rules.registry import GROUPS, RULES, Rule

__all__ = ["explain", "fix_safety", "is_description", "rule_help_markdown", "rule_help_text",
           "rules_markdown", "rules_table"]

_WIDTH = 88


def is_description(example: str) -> bool:
    """A parenthesised description of a document rather than the document itself."""
    return example.startswith("(") and example.endswith(")")


def fix_safety(rule: Rule) -> str:
    match rule.fix:
        case None:
            return "No automatic fix."
        case Applicability.SAFE:
            return ("Safe: `citecheck fix` (or `citecheck audit --fix`) applies it; the change keeps the "
                    "meaning of the text.")
        case Applicability.UNSAFE:
            return ("Unsafe: applied only with `--unsafe-fixes`, because the change can alter what the text "
                    "says or points to; review it.")
        case Applicability.DISPLAY:
            return "Display only: the suggestion is shown but never applied."
        case _:
            assert_never(rule.fix)


def _fix_label(rule: Rule) -> str:
    return rule.fix.value if rule.fix is not None else "-"


def _anchor(rule: Rule) -> str:
    return f"{rule.code.lower()}-{rule.name}"


def _fence(example: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", example)), default=0)
    return "`" * max(3, longest + 1)


def _example_markdown(example: str) -> list[str]:
    if is_description(example):
        return [f"*{example}*"]
    fence = _fence(example)
    lang = "markdown" if "<!--" in example else "text"
    return [f"{fence}{lang}", example, fence]


def _rule_markdown(rule: Rule, heading: str) -> list[str]:
    facts = f"Default severity: **{rule.severity.value}** · Fix: **{_fix_label(rule)}** · Group: {rule.group}"
    if rule.aliases:
        facts += " · Also known as: " + ", ".join(f"`{a}`" for a in rule.aliases)
    if rule.needs_network:
        facts += " · Needs link answers (live or recorded)"
    lines = [f"{heading} {rule.code} {rule.name}", "", rule.summary, "", facts, "",
             f"**What it finds.** {rule.what}", "", f"**Why it matters.** {rule.why}", "", "**Fails:**", ""]
    lines += _example_markdown(rule.fails)
    lines += ["", "**Passes:**", ""]
    lines += _example_markdown(rule.passes)
    lines += ["", f"**How to fix.** {rule.how_to_fix}", "", f"**Fix safety.** {fix_safety(rule)}", ""]
    return lines


def rules_markdown() -> str:
    """The text of ``docs/rules.md``."""
    out = [
        "# Rules",
        "",
        "<!-- Generated from citecheck/rules/registry.py by `citecheck rules --markdown > docs/rules.md`; "
        "do not edit by hand. -->",
        "",
        f"citecheck has {len(RULES)} rules. Select or ignore them by code (`CC201`), prefix (`CC2`) or name "
        "(`misspelled-name`) with `--select` / `--ignore` or in the configuration (see configuration.md), "
        "and suppress single findings with `<!-- citecheck: disable-next-line CC201 -->`.",
        "",
        "| Code | Name | Severity | Fix | Summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in RULES:
        summary = rule.summary.replace("|", "\\|")
        out.append(f"| [{rule.code}](#{_anchor(rule)}) | {rule.name} | {rule.severity.value} "
                   f"| {_fix_label(rule)} | {summary} |")
    out.append("")
    for prefix, group in GROUPS.items():
        members = [r for r in RULES if r.code.startswith(prefix)]
        if not members:
            continue
        out += [f"## {group.capitalize()} ({prefix}xx)", ""]
        for rule in members:
            out += _rule_markdown(rule, "###")
    return "\n".join(out).rstrip("\n") + "\n"


def rules_table() -> str:
    """``citecheck rules``: one line per rule."""
    name_width = max(len(r.name) for r in RULES)
    lines = [f"{'CODE':<6} {'NAME':<{name_width}} {'SEVERITY':<8} {'FIX':<7} SUMMARY"]
    for rule in RULES:
        lines.append(f"{rule.code:<6} {rule.name:<{name_width}} {rule.severity.value:<8} "
                     f"{_fix_label(rule):<7} {rule.summary}")
    lines += ["", "Explain one with `citecheck rules CODE` (or its name)."]
    return "\n".join(lines) + "\n"


def _section(title: str, body: str) -> list[str]:
    wrapped = []
    for paragraph in body.split("\n"):
        wrapped += textwrap.wrap(paragraph, _WIDTH - 2, initial_indent="  ", subsequent_indent="  ") or ["  "]
    return [title, *wrapped, ""]


def explain(rule: Rule) -> str:
    """``citecheck rules CC201``: what the rule finds, why, examples, how to fix, fix safety."""
    head = f"{rule.code} {rule.name} ({rule.severity.value}, {rule.group})"
    lines = [head, "", *textwrap.wrap(rule.summary, _WIDTH), ""]
    lines += _section("What it finds", rule.what)
    lines += _section("Why it matters", rule.why)
    lines += ["Fails", *("  " + line for line in rule.fails.split("\n")), ""]
    lines += ["Passes", *("  " + line for line in rule.passes.split("\n")), ""]
    lines += _section("How to fix", rule.how_to_fix)
    lines += _section("Fix safety", fix_safety(rule))
    if rule.aliases:
        lines += _section("Also known as", ", ".join(rule.aliases))
    lines.append(f"Documentation: {rule.help_uri}")
    return "\n".join(lines) + "\n"


def rule_help_text(rule: Rule) -> str:
    """Plain help for a SARIF rule descriptor."""
    return (f"{rule.what}\n\nWhy: {rule.why}\n\nFails: {rule.fails}\nPasses: {rule.passes}\n\n"
            f"How to fix: {rule.how_to_fix}\nFix safety: {fix_safety(rule)}")


def rule_help_markdown(rule: Rule) -> str:
    """Markdown help for a SARIF rule descriptor (shown by GitHub code scanning)."""
    return "\n".join(_rule_markdown(rule, "##")[2:]).strip() + f"\n\n[Documentation]({rule.help_uri})"
