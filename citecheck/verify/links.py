"""Checking links. (Interface stub: the implementation lands with the links issue.)"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import httpx

from citecheck.config import LinkSettings
from citecheck.model import LinkStatus, LinkVerdict


def check_links(
    urls: Sequence[str],
    settings: LinkSettings,
    *,
    cassette_dir: Path,
    cache_dir: Path | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: bool = False,
) -> dict[str, LinkVerdict]:
    """Check every distinct URL once and return a verdict per URL."""
    status = LinkStatus.UNCHECKED if settings.mode == "off" else LinkStatus.UNRECORDED
    return {url: LinkVerdict(url=url, status=status) for url in dict.fromkeys(urls)}


def recorded_text(url: str, cassette_dir: Path) -> str | None:
    """The recorded body of ``url`` (after recorded redirects), decoded, or None when unrecorded."""
    return None
