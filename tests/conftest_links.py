"""Fixtures for the link tests: a loopback HTTP server with one route per outcome, and a socket guard.

Import the fixtures into a test module (``from conftest_links import site_fixture``); they are
registered under the names ``site`` and ``no_network``. This is not a conftest.py (another part of
the project owns that), so the link tests import what they use.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from citecheck.config import LinkSettings

PAGE = b"""<!doctype html><html><head><title>Guarantee</title></head><body>
<h1 id="top-heading">The guarantee</h1><h2 id="background">Background</h2>
<a name="legacy-anchor"></a><p>On 31 March 1939 Chamberlain told the Commons.</p></body></html>"""
BIG_SIZE = 1024 * 1024
SLOW_SECONDS = 3.0

Reply = tuple[int, list[tuple[str, str]], bytes]


@dataclass
class Site:
    """The running server: its base URL and every request it received, in order."""

    base: str
    log: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    peers: list[int] = field(default_factory=list)  # client port of each request: one per connection
    counters: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str, method: str | None = None) -> int:
        return sum(1 for m, p, _ in self.log if p == path and (method is None or m == method))

    @property
    def host(self) -> str:
        return urlsplit(self.base).hostname or ""


def _redirect(status: int, location: str) -> Reply:
    return status, [("Location", location)], b""


def _html(body: bytes = PAGE, status: int = 200) -> Reply:
    return status, [("Content-Type", "text/html; charset=utf-8")], body


def _route(site: Site, method: str, target: str) -> Reply:
    parts = urlsplit(target)
    path = parts.path
    count = site.counters[path] = site.counters.get(path, 0) + 1
    simple: dict[str, Callable[[], Reply]] = {
        "/": lambda: _html(b"<html><body>front page</body></html>"),
        "/ok": _html,
        "/perm1": lambda: _redirect(301, "/perm2"),
        "/perm2": lambda: _redirect(308, site.url("/ok")),
        "/temp": lambda: _redirect(302, "/ok"),
        "/see-other": lambda: _redirect(303, "/ok"),
        "/gone": lambda: _html(b"<html>not here</html>", 404),
        "/removed": lambda: _html(b"<html>removed</html>", 410),
        "/error": lambda: _html(b"<html>oops</html>", 500),
        "/perm-dead": lambda: _redirect(301, "/gone"),
        "/loop-a": lambda: _redirect(302, "/loop-b"),
        "/loop-b": lambda: _redirect(302, "/loop-a"),
        "/to-metadata": lambda: _redirect(302, "http://169.254.169.254/latest/meta-data/"),
        "/to-root": lambda: _redirect(301, "/"),
        "/to-404-page": lambda: _redirect(302, "/errors/404.html"),
        "/errors/404.html": lambda: _html(b"<html>Sorry</html>"),
        "/forbidden": lambda: _html(b"<html>no</html>", 403),
        "/big": lambda: (200, [("Content-Type", "text/plain")], b"x" * BIG_SIZE),
        "/gzip": lambda: (200, [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                          gzip.compress(PAGE)),
        "/latin1": lambda: (200, [("Content-Type", "text/html; charset=iso-8859-1")],
                            "<p>Ren\u00e9 Massigli</p>".encode("latin-1")),
        "/secret": lambda: (200, [("Content-Type", "text/html"), ("Set-Cookie", "session=s3cr3t-cookie")],
                            b"<p>members</p>"),
        "/signed-redirect": lambda: _redirect(302, "/ok?sig=s3cr3t-sig&page=2"),
        "/chain-start": lambda: _redirect(301, "/chain-1"),
        "/chain-1": lambda: _redirect(301, "/chain-2"),
        "/chain-2": lambda: _redirect(301, "/chain-3"),
        "/chain-3": lambda: _redirect(301, "/ok"),
    }
    if path in simple:
        return simple[path]()
    if path == "/rate":
        if count < 3:
            return 429, [("Retry-After", "1"), ("Content-Type", "text/plain")], b"slow down"
        return _html()
    if path == "/rate-date":
        if count < 2:
            return 503, [("Retry-After", "Wed, 21 Oct 2015 07:28:10 GMT")], b""
        return _html()
    if path == "/rate-forever":
        return 429, [("Retry-After", "1")], b""
    if path == "/head405":
        return (405, [("Allow", "GET")], b"") if method == "HEAD" else _html()
    if path == "/head-drops":
        return (-1, [], b"") if method == "HEAD" else _html()
    if path == "/slow":
        time.sleep(SLOW_SECONDS)
        return _html()
    if path == "/wayback/available":
        url = parse_qs(parts.query).get("url", [""])[0]
        if url.endswith("/gone"):
            body = {"archived_snapshots": {"closest": {
                "available": True, "status": "200", "timestamp": "20200101000000",
                "url": f"http://web.archive.org/web/20200101000000/{url}"}}}
        else:
            body = {"archived_snapshots": {}}
        return 200, [("Content-Type", "application/json")], json.dumps(body).encode()
    return _html(b"<html>no route</html>", 404)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            site.log.append((self.command, urlsplit(self.path).path, dict(self.headers.items())))
            site.peers.append(self.client_address[1])
            status, headers, body = _route(site, self.command, self.path)
            if status < 0:  # close the connection without an answer
                self.close_connection = True
                return
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

        do_GET = do_HEAD = _serve

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up early (timeouts, capped reads) are part of the tests


@pytest.fixture(name="site")
def site_fixture() -> Iterator[Site]:
    server = _QuietServer(("127.0.0.1", 0), _handler(Site("")))
    state = Site(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(state)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(name="no_network")
def no_network_fixture(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail any attempt to open a network connection; returns the list of attempts."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise AssertionError(f"network connection attempted to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))  # type: ignore[arg-type]
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: refuse(None, host))  # type: ignore[arg-type]
    return attempts


class FakeTime:
    """An injectable clock and sleep: sleeping advances the clock instantly and is logged."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def live_settings(**changes: object) -> LinkSettings:
    base: dict[str, object] = {"mode": "live", "allow_private": True, "cache": False, "timeout": 10.0,
                               "ignore_file": ""}
    base.update(changes)
    return LinkSettings(**base)  # type: ignore[arg-type]


def cassette_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())
