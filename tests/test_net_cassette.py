"""Cassette files: format, validation with file and line, safe loading, atomic writes, replay order."""

from __future__ import annotations

import gzip
import marshal
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import yaml

from citecheck.errors import CassetteError
from citecheck.net import cassette as cassette_module
from citecheck.net import store as store_module
from citecheck.net.cassette import Interaction, dump_cassette, load_cassette, write_atomic
from citecheck.net.index import CassetteIndex
from citecheck.net.store import CassetteStore

GOOD = """\
interactions:
- request:
    body: null
    headers: {}
    method: GET
    uri: https://example.org/page
  response:
    body:
      string: hello
    headers:
      Content-Type:
      - text/html
    status:
      code: 200
      message: OK
version: 1
"""


def _item(uri: str, status: int = 200, body: bytes = b"", method: str = "GET") -> Interaction:
    return Interaction(method=method, uri=uri, status=status, reason="OK", body=body,
                       response_headers=(("Content-Type", "text/html"),), recorded_at="2024-01-01T00:00:00Z",
                       recorded_with="citecheck test")


def test_loads_a_vcrpy_shaped_cassette(tmp_path: Path) -> None:
    path = tmp_path / "example.org.yaml"
    path.write_text(GOOD)
    [item] = load_cassette(path)
    assert (item.method, item.uri, item.status, item.reason, item.body) == (
        "GET", "https://example.org/page", 200, "OK", b"hello")
    assert item.header("content-type") == "text/html"
    assert item.recorded_at is None and not item.truncated


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    items = [
        Interaction(method="GET", uri="https://example.org/a?x=1", status=301, reason="Moved Permanently",
                    response_headers=(("Location", "/b"), ("Set-Cookie", "a"), ("Set-Cookie", "b")),
                    request_headers=(("User-Agent", "citecheck"),), recorded_at="2024-05-01T10:00:00Z",
                    recorded_with="citecheck 0.1.0"),
        Interaction(method="GET", uri="https://example.org/bin", status=200, body=bytes(range(256)),
                    truncated=True, recorded_at="2024-05-01T10:00:00Z", recorded_with="citecheck 0.1.0"),
    ]
    path = tmp_path / "example.org.yaml"
    path.write_text(dump_cassette(items))
    assert load_cassette(path) == items
    assert "!!binary" in path.read_text()  # non-UTF-8 body


def test_binary_body_comes_back_as_bytes(tmp_path: Path) -> None:
    path = tmp_path / "h.yaml"
    path.write_text(GOOD.replace("string: hello", "string: !!binary |\n        /9j/4AAQ"))
    assert load_cassette(path)[0].body == b"\xff\xd8\xff\xe0\x00\x10"


def test_compressed_vcrpy_body_is_decompressed_on_load(tmp_path: Path) -> None:
    document = yaml.safe_load(GOOD)
    response = document["interactions"][0]["response"]
    response["body"]["string"] = gzip.compress(b"<p>zipped</p>")
    response["headers"]["Content-Encoding"] = ["gzip"]
    path = tmp_path / "h.yaml"
    path.write_text(yaml.safe_dump(document))
    [item] = load_cassette(path)
    assert item.body == b"<p>zipped</p>"
    assert item.header("content-encoding") is None
    assert item.header("content-length") == str(len(b"<p>zipped</p>"))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("interactions: [\n  {request: }\n", 3, "invalid cassette YAML"),
        (GOOD.replace("      code: 200", "      code: two hundred"), 14, "status code"),
        (GOOD.replace("    method: GET\n", ""), 3, "request.method"),
        (GOOD.replace("    uri: https://example.org/page", "    uri: not a url"), 6, "request.uri"),
        (GOOD.replace("version: 1", "version: 2"), 16, "version"),
        ("interactions: {}\nversion: 1\n", 1, "'interactions' must be a list"),
        (GOOD.replace("      - text/html", "      - {nested: map}"), 12, "header"),
    ],
)
def test_corrupt_cassette_names_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "example.org.yaml"
    path.write_text(text)
    with pytest.raises(CassetteError) as caught:
        load_cassette(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_empty_file_is_an_error_not_an_empty_cassette(tmp_path: Path) -> None:
    path = tmp_path / "example.org.yaml"
    path.write_text("")
    with pytest.raises(CassetteError, match="must be a mapping"):
        load_cassette(path)


def test_python_tags_are_refused_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f"interactions: !!python/object/apply:os.system ['touch {marker}']\nversion: 1\n")
    with pytest.raises(CassetteError) as caught:
        load_cassette(path)
    assert caught.value.line == 1
    assert not marker.exists()


def test_store_matches_method_and_normalized_url(tmp_path: Path) -> None:
    (tmp_path / "example.org.yaml").write_text(dump_cassette([
        _item("https://example.org/search?b=2&a=1&token=old", body=b"found"),
    ]))
    store = CassetteStore(tmp_path, drop_params={"token"})
    hit = store.replay("GET", httpx.URL("https://EXAMPLE.org:443/search?a=1&b=2&token=new#frag"))
    assert hit is not None and hit.body == b"found"
    assert store.replay("GET", httpx.URL("https://example.org/search?a=1")) is None
    assert store.replay("POST", httpx.URL("https://example.org/search?a=1&b=2")) is None
    assert store.replay("GET", httpx.URL("http://example.org/search?a=1&b=2")) is None  # scheme matters


def test_head_is_answered_from_a_recorded_get(tmp_path: Path) -> None:
    (tmp_path / "example.org.yaml").write_text(dump_cassette([_item("https://example.org/p", body=b"x")]))
    store = CassetteStore(tmp_path)
    assert store.is_recorded("HEAD", httpx.URL("https://example.org/p"))
    assert store.replay("HEAD", httpx.URL("https://example.org/p")) is not None


def test_replays_in_order_then_repeats_the_last(tmp_path: Path) -> None:
    (tmp_path / "example.org.yaml").write_text(dump_cassette([
        _item("https://example.org/rate", 429), _item("https://example.org/rate", 200),
    ]))
    store = CassetteStore(tmp_path)
    url = httpx.URL("https://example.org/rate")
    assert [store.replay("GET", url).status for _ in range(4)] == [429, 200, 200, 200]  # type: ignore[union-attr]


def test_save_is_one_file_per_host_sorted_by_url_then_method(tmp_path: Path) -> None:
    store = CassetteStore(tmp_path)
    for uri, method in [("https://b.org/z", "GET"), ("https://a.org/2", "HEAD"), ("https://a.org/1", "GET"),
                        ("https://a.org/2", "GET"), ("https://[::1]:8080/v6", "GET")]:
        store.add(_item(uri, method=method))
    written = store.save()
    assert [p.name for p in written] == ["__1.yaml", "a.org.yaml", "b.org.yaml"]
    order = [(i.uri, i.method) for i in load_cassette(tmp_path / "a.org.yaml")]
    assert order == [("https://a.org/1", "GET"), ("https://a.org/2", "GET"), ("https://a.org/2", "HEAD")]
    first = (tmp_path / "a.org.yaml").read_bytes()
    store.save()
    assert (tmp_path / "a.org.yaml").read_bytes() == first  # nothing new: nothing rewritten


def test_new_recordings_replace_old_ones_of_the_same_request(tmp_path: Path) -> None:
    (tmp_path / "a.org.yaml").write_text(dump_cassette([_item("https://a.org/1", 404), _item("https://a.org/2")]))
    store = CassetteStore(tmp_path)
    store.add(_item("https://a.org/1", 200))
    store.save()
    assert [(i.uri, i.status) for i in load_cassette(tmp_path / "a.org.yaml")] == [
        ("https://a.org/1", 200), ("https://a.org/2", 200)]


def test_interrupted_dump_leaves_old_cassette_and_no_temp_file(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.org.yaml"
    path.write_text(dump_cassette([_item("https://a.org/1")]))
    before = path.read_bytes()
    store = CassetteStore(tmp_path)
    store.add(_item("https://a.org/2"))

    def broken_dump(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(cassette_module.yaml, "dump", broken_dump)
    with pytest.raises(KeyboardInterrupt):
        store.save()
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["a.org.yaml"]


def test_interrupted_write_leaves_old_cassette_and_no_temp_file(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.org.yaml"
    path.write_text("old contents\n")
    seen_partial: list[int] = []

    def failing_fsync(fd: int) -> None:
        seen_partial.append(os.fstat(fd).st_size)  # the new text was already written to the temp file
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cassette_module.os, "fsync", failing_fsync)
    with pytest.raises(CassetteError, match="No space left on device") as caught:
        write_atomic(path, "new contents that never land\n" * 100)
    assert caught.value.path == str(path)
    assert seen_partial and seen_partial[0] > 0
    assert path.read_text() == "old contents\n"
    assert os.listdir(tmp_path) == ["a.org.yaml"]


def test_written_cassette_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "a.org.yaml"
    write_atomic(path, "a: 1\n")
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    write_atomic(path, "a: 2\n")
    assert path.stat().st_mode & 0o777 == 0o600


def _many(count: int) -> list[Interaction]:
    return [_item(f"https://example.org/{i}", 200 + i % 3, body=f"<p>{i}</p>".encode()) for i in range(count)]


def test_batched_parsing_equals_whole_document_parsing(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "example.org.yaml"
    path.write_text("# recorded for the tests\n" + dump_cassette(_many(11)))
    monkeypatch.setattr(cassette_module, "_BATCH", 3)
    batched = load_cassette(path)
    monkeypatch.setattr(cassette_module, "_batched", lambda text: None)
    assert load_cassette(path) == batched == [
        replace(i, key=f"https://example.org:443/{n}") for n, i in enumerate(_many(11))]


def test_alias_across_batches_falls_back_to_whole_document(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    document = yaml.safe_load(GOOD)
    entry = document["interactions"][0]
    text = yaml.safe_dump({"version": 1, "interactions": [entry, entry, entry, entry]})
    assert "&id" in text and "*id" in text  # PyYAML writes the shared entry once, then aliases
    path = tmp_path / "example.org.yaml"
    path.write_text(text)
    monkeypatch.setattr(cassette_module, "_BATCH", 1)
    assert [i.body for i in load_cassette(path)] == [b"hello"] * 4


def test_index_spares_the_parse_and_follows_the_content(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    index = CassetteIndex(tmp_path / "index")
    store = CassetteStore(tmp_path / "cassettes", index=index)
    for item in _many(5):
        store.add(item)
    store.save()
    assert len(list((tmp_path / "index").glob("*.marshal"))) == 1

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed although indexed")

    with monkeypatch.context() as patch:
        patch.setattr(store_module, "parse_cassette", no_parsing)
        fresh = CassetteStore(tmp_path / "cassettes", index=index)
        hit = fresh.replay("GET", httpx.URL("https://example.org/3"))
        assert hit is not None and hit.body == b"<p>3</p>" and hit.recorded_with == "citecheck test"
    cassette = tmp_path / "cassettes" / "example.org.yaml"
    cassette.write_text(cassette.read_text().replace("<p>3</p>", "<p>three</p>"))
    changed = CassetteStore(tmp_path / "cassettes", index=index).replay("GET", httpx.URL("https://example.org/3"))
    assert changed is not None and changed.body == b"<p>three</p>"


@pytest.mark.parametrize("damage", [
    lambda data: b"[[1, 2]",  # not an index entry at all
    lambda data: data[: len(data) // 2],  # cut short
    lambda data: data.split(b"\n", 1)[0] + b"\n" + marshal.dumps([1, 2]),  # a list, not rows
    lambda data: data.split(b"\n", 1)[0] + b"\n" + marshal.dumps((("GET",) * 11,)),  # fields of the wrong type
    lambda data: data.split(b"\n", 1)[0] + b"\n" + marshal.dumps(((  # headers of the wrong shape
        "GET", "https://example.org/page", 200, "OK", (("a", 1),), b"", (), False, None, None, "k"),)),
])
def test_damaged_index_entry_is_a_miss(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "example.org.yaml").write_text(GOOD)
    index = CassetteIndex(tmp_path / "index")
    CassetteStore(tmp_path / "c", index=index).replay("GET", httpx.URL("https://example.org/page"))
    [entry] = (tmp_path / "index").glob("*.marshal")
    entry.write_bytes(damage(entry.read_bytes()))
    hit = CassetteStore(tmp_path / "c", index=index).replay("GET", httpx.URL("https://example.org/page"))
    assert hit is not None and hit.body == b"hello"


def test_index_entry_round_trips_every_field(tmp_path: Path) -> None:
    items = [*_many(3), Interaction("GET", "https://example.org/bin", 200, "OK", (("Content-Type", "image/png"),),
                                    b"\x89PNG\x00\xff", truncated=True, key="https://example.org:443/bin")]
    index = CassetteIndex(tmp_path)
    index.put(b"cassette bytes", ["token"], items)
    assert index.get(b"cassette bytes", ["token"]) == items
    assert index.get(b"other bytes", ["token"]) is None and index.get(b"cassette bytes", []) is None
