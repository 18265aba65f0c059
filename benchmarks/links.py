"""Link-checking benchmark: throughput, correctness and memory against a loopback server.

    python benchmarks/links.py                 # N=5000 through the CLI (citecheck links ... --format json)
    python benchmarks/links.py --direct        # call check_links() in a worker process instead
    python benchmarks/links.py --n 1000 --ports 4 --latency 0.05

A server process listens on several loopback ports and answers every request after ``--latency``
seconds with a fixed mix of outcomes (200, 301/308 and 302 chains, 404, 410, 500, 301→404, 429 with
Retry-After that succeeds on the third try, and one endpoint slower than the timeout). The checker
runs in its own process, so its peak RSS is measured alone (``os.wait4``). Then the same URLs are
recorded into a cassette and replayed, for replay throughput. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

# kind -> (share of the URLs, expected status)
MIX: dict[str, tuple[float, str]] = {
    "ok": (0.40, "ok"),
    "perm": (0.10, "redirected"),  # 301 -> 308 -> 200
    "temp": (0.10, "ok"),  # 302 -> 200
    "gone": (0.10, "broken"),  # 404
    "removed": (0.05, "broken"),  # 410
    "error": (0.05, "broken"),  # 500
    "permdead": (0.10, "broken"),  # 301 -> 404
    "rate": (0.10, "ok"),  # 429, 429 (Retry-After: 1), 200
}
SLOW_SECONDS = 5.0
TIMEOUT = 3.0


_LAST_CPU = 0.0  # CPU seconds of the last child, to tell CPU-bound from waiting


# ---------------------------------------------------------------- the server (a child process)

def _answer(kind: str, rest: str, hits: int) -> tuple[int, list[tuple[str, str]]]:
    moves = {"perm": (301, f"/perm2/{rest}"), "perm2": (308, f"/ok/{rest}"), "temp": (302, f"/ok/{rest}"),
             "permdead": (301, f"/gone/{rest}")}
    if kind in moves:
        code, target = moves[kind]
        return code, [("Location", target)]
    if kind == "rate" and hits < 3:
        return 429, [("Retry-After", "1")]
    return {"gone": 404, "removed": 410, "error": 500}.get(kind, 200), []


async def _serve(ports: list[int], latency: float, ready: multiprocessing.synchronize.Event) -> None:
    hits: Counter[str] = Counter()
    body = b"<!doctype html><html><body><h1 id='top-heading'>benchmark page</h1></body></html>"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, target, _ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
                _, kind, rest = [*target.split("/", 2), "", ""][:3]
                if kind == "__reset":
                    hits.clear()
                hits[target] += 1
                await asyncio.sleep(SLOW_SECONDS if kind == "slow" else latency)
                code, headers = _answer(kind, rest, hits[target])
                payload = body if code == 200 else b""
                lines = [f"HTTP/1.1 {code} X", f"Content-Length: {len(payload)}", "Content-Type: text/html",
                         *(f"{k}: {v}" for k, v in headers)]
                head_bytes = ("\r\n".join(lines) + "\r\n\r\n").encode()
                writer.write(head_bytes + (b"" if method == "HEAD" else payload))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()

    servers = [await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024) for port in ports]
    ready.set()
    await asyncio.gather(*(s.serve_forever() for s in servers))


def _server_main(ports: list[int], latency: float, ready: multiprocessing.synchronize.Event) -> None:
    asyncio.run(_serve(ports, latency, ready))


def _free_ports(count: int) -> list[int]:
    import socket

    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


# ---------------------------------------------------------------- the workload

def make_urls(n: int, ports: list[int]) -> dict[str, str]:
    """url -> expected status, with the kinds interleaved and spread over the ports."""
    kinds = [k for k, (share, _) in MIX.items() for _ in range(round(share * 100))]
    urls = {f"http://127.0.0.1:{ports[0]}/slow/0": "timeout"}
    i = 0
    while len(urls) < n:
        kind = kinds[i % len(kinds)]
        urls[f"http://127.0.0.1:{ports[i % len(ports)]}/{kind}/{i}"] = MIX[kind][1]
        i += 1
    return urls


def _reset(port: int) -> None:
    import urllib.request

    urllib.request.urlopen(f"http://127.0.0.1:{port}/__reset/", timeout=5).read()


def _worker(mode: str, url_file: Path, cassettes: Path, cache: str) -> None:
    """Run check_links in this (child) process and print {url: status} plus timings as JSON.

    ``cache`` is a cache directory, or "-" for none (then replay parses the YAML cassettes); with a
    "+index" suffix the replay memo is removed first, so only the cassette index is warm.
    """
    from citecheck.config import LinkSettings
    from citecheck.net.cassette import load_cassette
    from citecheck.verify.links import check_links

    urls = url_file.read_text().split()
    if cache.endswith("+index"):
        cache = cache.removesuffix("+index")
        (Path(cache) / "replay.sqlite3").unlink(missing_ok=True)
    settings = LinkSettings(mode=mode, allow_private=mode != "replay", timeout=TIMEOUT, wayback=False,
                            cache=cache != "-", ignore_file="")
    parse = None
    if mode == "replay" and cache == "-":
        start = time.perf_counter()
        for path in sorted(cassettes.glob("*.yaml")):
            load_cassette(path, settings.scrub_params)
        parse = time.perf_counter() - start
    start = time.perf_counter()
    verdicts = check_links(urls, settings, cassette_dir=cassettes,
                           cache_dir=None if cache == "-" else Path(cache))
    elapsed = time.perf_counter() - start
    json.dump({"elapsed": elapsed, "parse": parse,
               "statuses": {u: v.status.value for u, v in verdicts.items()}}, sys.stdout)


def _run_child(command: list[str], cwd: Path) -> tuple[str, float, int]:
    """Run a child; return its stdout, wall time and peak RSS in bytes (of that child alone)."""
    global _LAST_CPU
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.PIPE)
        assert child.stderr is not None
        errors = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        _LAST_CPU = usage.ru_utime + usage.ru_stime
        out.seek(0)
        text = out.read().decode()
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{errors.decode()[-3000:]}")
    return text, wall, usage.ru_maxrss * 1024


def _statuses_from_report(text: str) -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("url"), str) and isinstance(node.get("status"), str):
                found[node["url"]] = node["status"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(text))
    return found


def _score(expected: dict[str, str], got: dict[str, str]) -> dict[str, int]:
    dead = {"broken"}
    live = {"ok", "redirected"}
    pairs = [(e, got.get(u)) for u, e in expected.items()]
    return {
        "checked": sum(1 for u in expected if u in got),
        "dead links missed": sum(1 for e, g in pairs if e in dead and g not in dead),
        "live links reported dead": sum(1 for e, g in pairs if e in live and g in dead),
        "live links not confirmed": sum(1 for e, g in pairs if e in live and g not in live),
        "other mismatches": sum(1 for e, g in pairs if e not in dead | live and g != e),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=5000, help="distinct URLs (default 5000)")
    parser.add_argument("--ports", type=int, default=8, help="server ports, i.e. hosts (default 8)")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response (default 0.05)")
    parser.add_argument("--direct", action="store_true", help="call check_links() instead of the CLI")
    parser.add_argument("--repeat", type=int, default=3,
                        help="replay runs of each kind; the best and the median are shown (default 3)")
    parser.add_argument("--worker", nargs=4, metavar=("MODE", "URLS", "CASSETTES", "CACHE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker[0], Path(args.worker[1]), Path(args.worker[2]), args.worker[3])
        return

    from citecheck.config import LinkSettings

    defaults = LinkSettings()
    ports = _free_ports(args.ports)
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=_server_main, args=(ports, args.latency, ready), daemon=True)
    server.start()
    if not ready.wait(10):
        raise SystemExit("server did not start")
    try:
        with tempfile.TemporaryDirectory(prefix="citecheck-links-bench-") as tmp:
            work = Path(tmp)
            expected = make_urls(args.n, ports)
            (work / "urls.txt").write_text("\n".join(expected) + "\n")
            (work / "links.md").write_text("# Links\n\n" + "".join(f"- <{u}>\n" for u in expected))
            (work / "citecheck.toml").write_text("[links]\nwayback = false\ncache = false\n")
            me = [sys.executable, str(Path(__file__).resolve())]

            def run(mode: str, cache: str = "-") -> tuple[dict[str, str], float, dict[str, Any], int]:
                _reset(ports[0])
                if args.direct or mode != "live":
                    worker = [*me, "--worker", mode, "urls.txt", "cassettes", cache]
                    text, wall, rss = _run_child(worker, work)
                    data = json.loads(text)
                    return data["statuses"], wall, data, rss
                command = [sys.executable, "-m", "citecheck", "links", "links.md", "--links", "live",
                           "--allow-private", "--timeout", str(TIMEOUT), "--format", "json"]
                text, wall, rss = _run_child(command, work)
                return _statuses_from_report(text), wall, {}, rss

            in_flight = min(defaults.concurrency, defaults.per_host * args.ports)
            print(f"N={len(expected)} URLs over {args.ports} ports, latency {args.latency * 1000:.0f} ms, "
                  f"concurrency {defaults.concurrency}, per host {defaults.per_host}, "
                  f"{'check_links()' if args.direct else 'CLI'}")
            got, wall, timing, rss = run("live")
            n = len(expected)
            score = _score(expected, got)
            requests_limit = in_flight / args.latency
            core = timing.get("elapsed")
            print(f"live:   {n / wall:7.0f} links/s wall ({wall:.2f} s)"
                  + (f", {n / core:.0f} links/s in check_links ({core:.2f} s)" if core else ""))
            print(f"        limit set by concurrency: {in_flight} in flight / {args.latency * 1000:.0f} ms "
                  f"= {requests_limit:.0f} requests/s")
            print(f"        statuses: {dict(sorted(Counter(got.values()).items()))}")
            print(f"        correctness: {score}")
            print(f"        peak RSS of the checker: {rss / 2**20:.1f} MiB; CPU {_LAST_CPU:.2f} s")

            record, record_wall, _, _ = run("record", "cache")
            size = sum(p.stat().st_size for p in (work / "cassettes").glob("*.yaml")) / 2**20
            print(f"record: {n / record_wall:7.0f} links/s wall ({record_wall:.2f} s), "
                  f"cassette {size:.1f} MiB")
            # A timeout leaves no answer to record, so replay reports that URL as unrecorded.
            expected_replay = {u: "unrecorded" if e == "timeout" else e for u, e in expected.items()}
            runs_of = (("replay (YAML parsed)", "-"), ("replay (index warm, memo cold)", "cache+index"),
                       ("replay (memo warm)", "cache"))
            for label, cache in runs_of:
                runs = [run("replay", cache) for _ in range(max(1, args.repeat))]
                cores = sorted(timing["elapsed"] for _, _, timing, _ in runs)
                replayed, replay_wall, timing, replay_rss = min(runs, key=lambda r: r[2]["elapsed"])
                same = sum(1 for u in expected if replayed.get(u) == record.get(u))
                core, median = cores[0], cores[len(cores) // 2]
                parse = f"; parsing the YAML alone {timing['parse']:.2f} s" if timing.get("parse") else ""
                print(f"{label}: {n / core:7.0f} links/s in check_links ({core:.2f} s, loading included"
                      f"{parse}), {n / replay_wall:.0f} links/s wall"
                      + (f"; median of {len(runs)} {n / median:.0f} links/s" if len(runs) > 1 else ""))
                print(f"        {same}/{n} verdicts as recorded; peak RSS {replay_rss / 2**20:.1f} MiB; "
                      f"correctness {_score(expected_replay, replayed)}")
    finally:
        server.terminate()
        server.join(5)


if __name__ == "__main__":
    main()
