"""The one exception tree of citecheck.

Errors from YAML, decoding, the file system and HTTP are translated into these at the edge;
none of the third-party exceptions escapes the public API.
"""

from __future__ import annotations


class CitecheckError(Exception):
    """Base class. ``str(error)`` is a one-line message fit for a terminal."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"


class InputError(CitecheckError):
    """A document cannot be read: missing, binary, too large, not a directory of documents."""


class ConfigError(CitecheckError):
    """citecheck.toml / pyproject.toml / command-line options are invalid."""


class CatalogueError(CitecheckError):
    """refs.yaml is malformed."""


class CassetteError(CitecheckError):
    """A recorded HTTP fixture is malformed or cannot be written."""


class BaselineError(CitecheckError):
    """A baseline file is malformed."""


class FixError(CitecheckError):
    """A fix cannot be applied safely."""
