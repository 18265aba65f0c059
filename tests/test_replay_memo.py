"""The replay memo: a second replay of unchanged cassettes gives the very same verdicts without
replaying, and anything a verdict depends on (cassette bytes, settings) makes it a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.config import LinkSettings
from citecheck.model import LinkStatus, LinkVerdict, ResponseOrigin
from citecheck.net.cache import ReplayMemo, replay_key
from citecheck.net.cassette import Interaction, dump_cassette
from citecheck.net.store import CassetteStore
from citecheck.verify.links import check_links

OK = "https://history.example.org/treaty"
MOVED = "https://history.example.org/old-treaty"
GONE = "https://history.example.org/lost"
UNKNOWN = "https://history.example.org/never-recorded"


def _write(directory: Path, *items: Interaction) -> None:
    directory.mkdir(exist_ok=True)
    (directory / "history.example.org.yaml").write_text(dump_cassette(items))


@pytest.fixture
def cassettes(tmp_path: Path) -> Path:
    directory = tmp_path / "cassettes"
    _write(directory,
           Interaction("HEAD", OK, 200, "OK", (("content-type", "text/html"),)),
           Interaction("HEAD", MOVED, 301, "Moved Permanently", (("location", OK),)),
           Interaction("HEAD", GONE, 404, "Not Found"),
           Interaction("GET", GONE, 404, "Not Found", (("content-type", "text/html"),), b"gone"))
    return directory


def _replay(cassettes: Path, cache_dir: Path, **changes: object) -> dict[str, LinkVerdict]:
    settings = LinkSettings(ignore_file="", wayback=False, **changes)  # type: ignore[arg-type]
    return check_links([OK, MOVED, GONE, UNKNOWN], settings, cassette_dir=cassettes, cache_dir=cache_dir)


def _no_replaying(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    replayed: list[str] = []
    original = CassetteStore.replay

    def counting(self: CassetteStore, method: str, url: object) -> Interaction | None:
        replayed.append(str(url))
        return original(self, method, url)  # type: ignore[arg-type]

    monkeypatch.setattr(CassetteStore, "replay", counting)
    return replayed


def test_second_replay_is_answered_by_the_memo_with_identical_verdicts(
        cassettes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _replay(cassettes, tmp_path / "cache")
    assert first[MOVED].status is LinkStatus.REDIRECTED and first[GONE].status is LinkStatus.BROKEN
    assert first[UNKNOWN].status is LinkStatus.UNRECORDED
    replayed = _no_replaying(monkeypatch)
    second = _replay(cassettes, tmp_path / "cache")
    assert replayed == []
    assert second == first  # origin included: the report does not change from one run to the next
    assert second[OK].origin is ResponseOrigin.CASSETTE


def test_a_changed_cassette_is_replayed_again(cassettes: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _replay(cassettes, tmp_path / "cache")
    _write(cassettes, Interaction("HEAD", OK, 410, "Gone"), Interaction("GET", OK, 410, "Gone"),
           Interaction("HEAD", MOVED, 301, "Moved Permanently", (("location", OK),)))
    replayed = _no_replaying(monkeypatch)
    after = _replay(cassettes, tmp_path / "cache")
    assert OK in replayed
    assert after[OK].status is LinkStatus.BROKEN and after[OK].http_status == 410
    assert after[MOVED].status is LinkStatus.BROKEN  # its target is gone now


def test_a_new_cassette_file_changes_the_key(cassettes: Path) -> None:
    before = replay_key(cassettes, "settings")
    other = dump_cassette([Interaction("HEAD", "https://other.example.org/", 200)])
    (cassettes / "other.example.org.yaml").write_text(other)
    assert replay_key(cassettes, "settings") != before
    assert replay_key(cassettes, "other settings") != replay_key(cassettes, "settings")


def test_different_settings_do_not_share_a_memo(cassettes: Path, tmp_path: Path) -> None:
    _replay(cassettes, tmp_path / "cache")
    strict = _replay(cassettes, tmp_path / "cache", max_redirects=0)
    assert strict[MOVED].status is LinkStatus.BROKEN  # not the memo of the run that followed redirects


def test_no_memo_without_the_cache(cassettes: Path, tmp_path: Path) -> None:
    _replay(cassettes, tmp_path / "cache", cache=False)
    assert not (tmp_path / "cache" / "replay.sqlite3").exists()


def test_a_damaged_memo_is_replaced(cassettes: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "replay.sqlite3").write_bytes(b"this is not a database" * 100)
    first = _replay(cassettes, cache)
    assert first[OK].status is LinkStatus.OK
    assert _replay(cassettes, cache) == first


def test_only_the_most_recent_keys_are_kept(tmp_path: Path) -> None:
    now = [0.0]
    for number in range(ReplayMemo.KEEP_KEYS + 2):
        now[0] = float(number)
        with ReplayMemo(tmp_path, f"key-{number}", clock=lambda: now[0]) as memo:
            memo.put_many([LinkVerdict(OK, LinkStatus.OK, http_status=200, origin=ResponseOrigin.CASSETTE)])
    with ReplayMemo(tmp_path, "key-0") as oldest:
        assert oldest.get_many([OK]) == {}
    with ReplayMemo(tmp_path, f"key-{ReplayMemo.KEEP_KEYS + 1}") as newest:
        assert newest.get_many([OK])[OK].origin is ResponseOrigin.CASSETTE


def test_answers_that_depend_on_the_clock_are_not_memoized(tmp_path: Path) -> None:
    directory = tmp_path / "cassettes"
    busy = "https://history.example.org/busy"
    _write(directory,
           Interaction("HEAD", busy, 429, "Too Many Requests", (("retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"),)),
           Interaction("HEAD", busy, 200, "OK"))
    settings = LinkSettings(ignore_file="", wayback=False)
    first = check_links([busy], settings, cassette_dir=directory, cache_dir=tmp_path / "cache")
    assert first[busy].status is LinkStatus.OK
    with ReplayMemo(tmp_path / "cache", "unused") as memo:
        assert memo._db.execute("SELECT COUNT(*) FROM verdicts").fetchone()[0] == 0
