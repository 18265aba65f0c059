"""The cassettes of one directory: lookup by request, sequential replay, new recordings, saving."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx

from citecheck.net.cassette import (
    Interaction,
    decode_cassette,
    dump_cassette,
    parse_cassette,
    read_cassette,
    write_atomic,
)
from citecheck.net.index import CassetteIndex
from citecheck.net.urls import cassette_filename, host_label, match_key

_Slot = tuple[str, str]  # (method, match key)


@dataclass(slots=True)
class _HostFile:
    path: Path
    loaded: dict[_Slot, list[Interaction]]  # in file order
    fresh: dict[_Slot, list[Interaction]] = field(default_factory=dict)


class CassetteStore:
    """The cassettes of one directory, loaded per host on first use.

    Replays are sequential per request: the n-th identical request gets the n-th recorded answer
    and the last one repeats, so a recorded 429, 429, 200 replays as such and any interaction can
    be replayed any number of times. A HEAD request without a recording is answered from the GET.
    """

    def __init__(self, directory: Path, *, drop_params: Collection[str] = (),
                 index: CassetteIndex | None = None) -> None:
        self.directory = directory
        self.drop_params = frozenset(p.lower() for p in drop_params)
        self.index = index
        self._files: dict[str, _HostFile] = {}
        self._by_host: dict[bytes, _HostFile] = {}  # raw host -> its file, so a lookup skips the name
        self._plays: dict[_Slot, int] = {}

    def key(self, url: httpx.URL) -> str:
        return match_key(url, self.drop_params)

    def _load(self, path: Path) -> list[Interaction]:
        data = read_cassette(path)
        if self.index is not None:
            items = self.index.get(data, self.drop_params)
            if items is not None:
                return items
        items = parse_cassette(decode_cassette(data, path), str(path), self.drop_params)
        if self.index is not None:
            self.index.put(data, self.drop_params, items)
        return items

    def _file(self, url: httpx.URL) -> _HostFile:
        host_file = self._by_host.get(url.raw_host)
        if host_file is not None:
            return host_file
        name = cassette_filename(host_label(url))
        host_file = self._files.get(name)
        if host_file is None:
            path = self.directory / name
            loaded: dict[_Slot, list[Interaction]] = {}
            if path.is_file():
                for item in self._load(path):
                    slot = (item.method, item.key)
                    sequence = loaded.get(slot)
                    if sequence is None:
                        loaded[slot] = [item]
                    else:
                        sequence.append(item)
            host_file = self._files[name] = _HostFile(path, loaded)
        self._by_host[url.raw_host] = host_file
        return host_file

    def _sequence(self, method: str, url: httpx.URL) -> tuple[_Slot, list[Interaction]] | None:
        loaded = self._file(url).loaded
        key = self.key(url)
        found = loaded.get((method, key))
        if found is None and method == "HEAD":
            found = loaded.get(("GET", key))
        return ((method, key), found) if found else None

    def is_recorded(self, method: str, url: httpx.URL) -> bool:
        return self._sequence(method.upper(), url) is not None

    def replay(self, method: str, url: httpx.URL) -> Interaction | None:
        """The next recorded answer for this request, or None when it was never recorded."""
        found = self._sequence(method.upper(), url)
        if found is None:
            return None
        slot, sequence = found
        played = self._plays.get(slot, 0)
        self._plays[slot] = played + 1
        return sequence[min(played, len(sequence) - 1)]

    def latest(self, method: str, url: httpx.URL) -> Interaction | None:
        """The most recent recording of this request, without advancing any replay."""
        found = self._sequence(method.upper(), url)
        return found[1][-1] if found else None

    def add(self, item: Interaction) -> Interaction:
        """Keep a new recording; it replaces the file's recordings of the same request on save."""
        url = httpx.URL(item.uri)
        keyed = replace(item, key=self.key(url))
        self._file(url).fresh.setdefault((keyed.method, keyed.key), []).append(keyed)
        return keyed

    def save(self) -> tuple[Path, ...]:
        """Write every cassette that gained recordings, sorted by URL then method; return their paths."""
        written = []
        for host_file in self._files.values():
            if not host_file.fresh:
                continue
            merged = {**host_file.loaded, **host_file.fresh}
            by_url = sorted(merged.items(), key=lambda entry: (entry[0][1], entry[0][0]))
            ordered = [item for _, items in by_url for item in items]
            text = dump_cassette(ordered)
            write_atomic(host_file.path, text)
            if self.index is not None:
                self.index.put(text.encode("utf-8"), self.drop_params, ordered)
            host_file.loaded = merged
            host_file.fresh = {}
            written.append(host_file.path)
        return tuple(sorted(written))
