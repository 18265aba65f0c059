"""citecheck: audit historical prose — cited sources, misspelled names, links and unsupported claims."""

from __future__ import annotations

__version__ = "0.1.0"
