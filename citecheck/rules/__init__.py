"""Rules: the only place findings are made."""

from __future__ import annotations

from citecheck.model import Finding, Fix, Related, Severity, Span
from citecheck.rules.registry import RULES, Rule, get_rule, matches, rule, valid_selector

__all__ = ["RULES", "Rule", "finding", "get_rule", "matches", "rule", "valid_selector"]


def finding(code: str, span: Span, message: str, *, anchor: str = "", fix: Fix | None = None,
            severity: Severity | None = None, related: tuple[Related, ...] = (), why: str = "") -> Finding:
    """A finding of the rule ``code`` with the rule's name and default severity."""
    r = rule(code)
    return Finding(code=r.code, rule=r.name, severity=severity or r.severity, message=message, span=span,
                   fix=fix, anchor=anchor, related=related, why=why)
