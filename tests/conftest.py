"""Shared fixtures: documents from strings, a configuration rooted in a temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.analysis import Context, DocAnalysis, analyze, build_context
from citecheck.config import Config
from citecheck.ingest import document_from_text
from citecheck.model import DocFormat

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def context() -> Context:
    """The bundled lexicon with the repository's refs.yaml (built once: it takes a moment)."""
    return build_context(Config(root=str(REPO)))


@pytest.fixture(scope="session")
def bare_context(tmp_path_factory: pytest.TempPathFactory) -> Context:
    """The bundled lexicon and no catalogue."""
    return build_context(Config(root=str(tmp_path_factory.mktemp("empty"))))


@pytest.fixture()
def analyze_text(context: Context):  # type: ignore[no-untyped-def]
    def run(text: str, path: str = "doc.txt", fmt: DocFormat | None = None) -> DocAnalysis:
        return analyze(document_from_text(text, path, fmt), context)

    return run


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the verdict and cassette caches of the tests out of the user's ~/.cache."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
