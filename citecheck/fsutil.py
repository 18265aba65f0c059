"""Writing files so that they are never half-written: a temporary file in the same directory,
flushed to disk, then renamed over the target (atomic on POSIX and Windows)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/citecheck``, or ``~/.cache/citecheck``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citecheck"


def default_file_mode() -> int:
    """What open() would give a new file: 0o666 less the umask (mkstemp's 0o600 is for secrets)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    if mode is None:
        mode = path.stat().st_mode & 0o7777 if path.exists() else default_file_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
