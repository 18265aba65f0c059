"""``citecheck init``: a commented starter citecheck.toml and refs.yaml; existing files are never
overwritten."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from citecheck.config import config_file_in

__all__ = ["STARTER_CONFIG", "STARTER_REFS", "write_starter_files"]

STARTER_CONFIG = """\
# citecheck configuration (docs/configuration.md lists every key with its default).
# Values given on the command line override this file; `citecheck config show` prints the
# effective configuration and where each value came from.

# The catalogue of works your documents cite, and the recorded HTTP answers for offline link checks.
refs = "refs.yaml"
cassettes = "cassettes"

# Which files a directory argument expands to.
include = ["*.md", "*.markdown", "*.txt", "*.html", "*.htm"]
exclude = []

# Exit 1 when a finding at or above this severity remains: error, warning, note or never.
fail-on = "warning"

# Rules by code ("CC201"), prefix ("CC3") or name ("unsupported-claim"); see `citecheck rules`.
select = []
ignore = []

# [per-file-ignores]
# "drafts/*.md" = ["CC3"]

# [severity]
# CC101 = "warning"

[links]
# replay: answers from cassettes/ (offline, the default); live: check on the network;
# record: check live and save new answers; off: do not check links.
mode = "replay"
timeout = 10.0
concurrency = 64
per-host = 8
allow-private = false
# URLs never to check (regular expressions).
exclude = []

[claims]
# How far a citation reaches: sentence, paragraph or post.
scope = "sentence"
# With scope "sentence": a citation in a paragraph of at most this many sentences supports all of it.
short-paragraph = 6
# Extra weasel phrases, added to the bundled list.
weasel-phrases = []

[names]
# Extra lexicon files (YAML, the bundled schema) and spellings never to flag.
extra = []
accept = []
"""

STARTER_REFS = """\
# citecheck catalogue: the works your documents cite (`citecheck refs check` validates it;
# `citecheck refs suggest FILE` prints stanzas for the sources it lacks).
version: 1

sources:
  # - id: maisky-diaries                  # lower-case letters, digits, '.', '_' or '-'
  #   title: "The Maisky Diaries"
  #   kind: diary                         # book, diary, article, web, video, forum, thesis, archive, other
  #   authors: ["Ivan Maisky"]
  #   editors: ["Gabriel Gorodetsky"]
  #   year: 2015
  #   aliases: ["Maisky diaries"]
  #   urls: []
  #   tier: primary                       # primary, secondary, tertiary, user-generated

names:
  # - name: "Gabriel Gorodetsky"          # the accepted spelling
  #   variants: ["Gabriel Gorodetski"]    # other accepted spellings
  #   misspellings: ["Gorodetzky"]        # always flagged, fixed to `name`
  #   kind: person                        # person, place, event, organization, term
"""


def _create_new(path: Path, text: str) -> bool:
    """Write ``path`` only if it does not exist, never leaving a half-written file behind."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        try:
            os.link(tmp, path)  # atomic, and fails if the target exists
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system
            try:
                with open(path, "xb") as handle:
                    handle.write(text.encode("utf-8"))
            except FileExistsError:
                return False
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_starter_files(directory: Path) -> list[str]:
    """Write citecheck.toml and refs.yaml into ``directory``; return the lines to print."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    config = directory / "citecheck.toml"
    existing = config_file_in(directory)
    if existing is not None:
        lines.append(f"{existing}: exists, left unchanged")
    elif _create_new(config, STARTER_CONFIG):
        lines.append(f"{config}: written")
    else:
        lines.append(f"{config}: exists, left unchanged")
    refs = directory / "refs.yaml"
    if refs.exists() or not _create_new(refs, STARTER_REFS):
        lines.append(f"{refs}: exists, left unchanged")
    else:
        lines.append(f"{refs}: written")
    lines.append("Next: `citecheck audit .` (see docs/ci.md to run it in CI).")
    return lines
