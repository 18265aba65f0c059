"""Throughput and memory of ``citecheck audit`` on a generated forum-like corpus.

Writes a deterministic corpus of XenForo-style history-forum threads (seeded RNG, own
vocabulary and templates), then times the whole pipeline as a subprocess::

    citecheck audit DIR --links off --format json --output-file /dev/null [--jobs N]

and prints MB/s (1 MB = 1,000,000 bytes of input; wall clock, including interpreter start),
CPU seconds, the peak RSS of the largest process (``os.wait4``, the per-child form of
``getrusage(RUSAGE_CHILDREN)``) and the peak RSS summed over the process tree (sampled from
/proc, relevant for ``--jobs`` > 1). Running at two sizes shows whether cost is linear.

``--profile`` instead runs the same command in-process on a 5 MB sample under cProfile and
prints the top functions by cumulative and by own time.

Examples::

    python benchmarks/audit_throughput.py                    # sizes 10,50 MB, jobs 1,2
    python benchmarks/audit_throughput.py --sizes 5 --jobs 1 --keep --out /tmp/corpus
    python benchmarks/audit_throughput.py --profile
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000
FILE_TARGET = 100_000  # bytes per generated thread, on average
TARGET_MB_PER_S = 5.0
TARGET_RSS_MB = 300.0

# ----------------------------------------------------------------------------- vocabulary

MEMBERS = (
    "Halvard", "tomcat77", "Wieslaw", "Old_Grognard", "MarshalNey", "Kittyhawk", "Ostpolitik",
    "Bodrum_Bill", "Sonja K", "redcoat1812", "Tarnhelm", "ColdWarKid", "Fenwick", "Ardennes44",
    "Lusitania", "pugwash", "Vistula", "Dreadnought", "quillpen", "Neretva", "Belisarius",
    "ChurchillFan", "Szczecin", "PaxAmericana", "Morgenthau", "Tannenberg", "ZhouScholar",
)
RANKS = ("Ad Honorem", "Forum Veteran", "Historian", "Ad Astra", "New Member", "Junior Member", "Scholar")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LOCATIONS = (
    "Bergen", "Manchester", "Krakow", "Ohio", "Lyon", "Melbourne", "Toronto", "Gdansk", "Leeds",
    "Brno", "Texas", "Dublin", "Uppsala", "Bristol", "Tallinn", "Cape Town", "Porto",
)

# (name as written, misspellings a forum writer might produce)
PEOPLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Litvinov", ("Litvinoff", "Litvinof")),
    ("Daladier", ("Daladeir", "Dalladier")),
    ("Chamberlain", ("Chamberlin", "Chamberlane")),
    ("Ribbentrop", ("Ribbentropp", "Ribentrop")),
    ("Molotov", ("Molotow", "Mollotov")),
    ("Maisky", ("Maiskii", "Maisy")),
    ("Stresemann", ("Stressman", "Streseman")),
    ("Briand", ("Briande",)),
    ("Clemenceau", ("Clemenceu", "Clemencau")),
    ("Lloyd George", ("LLoyd George", "Loyd George")),
    ("Halifax", ("Hallifax",)),
    ("Beck", ("Bek",)),
    ("Astakhov", ("Astakov",)),
    ("Schulenburg", ("Schulenberg",)),
    ("Ciano", ("Ciana",)),
    ("Stalin", ("Stallin",)),
    ("Hitler", ("Hittler",)),
    ("Roosevelt", ("Roosvelt", "Rooseveldt")),
    ("Churchill", ("Churchil",)),
    ("Kennan", ("Kenan",)),
    ("Acheson", ("Atcheson",)),
    ("Gromyko", ("Gromiko",)),
    ("Khrushchev", ("Krushchev", "Khruschev")),
    ("Kissinger", ("Kissenger",)),
    ("Adenauer", ("Adenaur",)),
    ("de Gaulle", ("De Gaule",)),
    ("Matsuoka", ("Matsuaka",)),
    ("Cordell Hull", ("Cordel Hull",)),
    ("Eden", ("Eaden",)),
    ("Beneš", ("Benes", "Benesh")),
)
EVENTS: tuple[tuple[str, str, str], ...] = (  # name, date, wiki article
    ("the Treaty of Versailles", "28 June 1919", "Treaty_of_Versailles"),
    ("the Treaty of Rapallo", "16 April 1922", "Treaty_of_Rapallo_(1922)"),
    ("the Locarno treaties", "1 December 1925", "Locarno_Treaties"),
    ("the Kellogg-Briand Pact", "27 August 1928", "Kellogg–Briand_Pact"),
    ("the Stresa Front", "14 April 1935", "Stresa_Front"),
    ("the Hoare-Laval Pact", "December 1935", "Hoare–Laval_Pact"),
    ("the Anti-Comintern Pact", "25 November 1936", "Anti-Comintern_Pact"),
    ("the Munich Agreement", "30 September 1938", "Munich_Agreement"),
    ("the British guarantee to Poland", "31 March 1939", "British_guarantee_to_Poland"),
    ("the Molotov-Ribbentrop Pact", "23 August 1939", "Molotov–Ribbentrop_Pact"),
    ("the Tripartite Pact", "27 September 1940", "Tripartite_Pact"),
    ("the Soviet-Japanese Neutrality Pact", "13 April 1941", "Soviet–Japanese_Neutrality_Pact"),
    ("the Atlantic Charter", "14 August 1941", "Atlantic_Charter"),
    ("the Yalta Conference", "February 1945", "Yalta_Conference"),
    ("the Potsdam Conference", "July 1945", "Potsdam_Conference"),
    ("the Marshall Plan", "June 1947", "Marshall_Plan"),
    ("the North Atlantic Treaty", "4 April 1949", "North_Atlantic_Treaty"),
    ("the Suez crisis", "November 1956", "Suez_Crisis"),
    ("the Cuban missile crisis", "October 1962", "Cuban_Missile_Crisis"),
    ("the Elysee Treaty", "22 January 1963", "Élysée_Treaty"),
    ("the Helsinki Final Act", "1 August 1975", "Helsinki_Accords"),
)
COUNTRIES = (
    "Britain", "France", "the Soviet Union", "Germany", "Poland", "Italy", "Japan", "the United States",
    "Czechoslovakia", "Romania", "Turkey", "Yugoslavia", "China", "Belgium", "the Netherlands",
)
PLACES = ("Geneva", "Moscow", "Berlin", "Warsaw", "London", "Paris", "Rome", "Tokyo", "Washington",
          "Prague", "Ankara", "Vienna", "Danzig", "Bucharest")
AUTHORS = ("Gorodetsky", "A.J.P. Taylor", "Zara Steiner", "Richard Overy", "Jonathan Haslam",
           "Geoffrey Roberts", "Michael Jabara Carley", "Donald Cameron Watt", "Ian Kershaw",
           "Gerhard Weinberg", "Anita Prazmowska", "John Lewis Gaddis", "Margaret MacMillan",
           "Sally Marks", "Keith Neilson", "Robert Self", "Andrew Roberts")
DIARISTS = ("Maisky", "Cadogan", "Ciano", "Harold Nicolson", "Goebbels", "Oliver Harvey", "Chips Channon")
BOOK_TITLES = (
    "The Lights that Failed", "The Triumph of the Dark", "How War Came", "Stalin's Wars",
    "The Origins of the Second World War", "1939: Countdown to War", "The Struggle for Europe", "Paris 1919",
    "A World at Arms", "The Soviet Union and the Struggle for Collective Security", "The Deadly Embrace",
    "Appeasement Reconsidered",
)
JOURNALS = ("History Today", "the Journal of Contemporary History", "the Times", "Diplomatic History")
SITES = ("Wikipedia", "History Today", "The Guardian", "BBC News", "JSTOR", "Spartacus Educational",
         "The National Archives", "Britannica")
HEADLINES = (
    "Why appeasement failed", "The pact that shocked the world", "Inside the Munich crisis",
    "Stalin's secret protocol", "Collective security revisited", "The men who signed away Europe",
    "Was war inevitable in 1939?", "The forgotten conference", "How Locarno fooled everybody",
    "Diplomacy at the brink", "The myth of the phoney peace",
)
QUOTES = (
    ("Chamberlain", "peace for our time"),
    ("Chamberlain", "a quarrel in a far-away country between people of whom we know nothing"),
    ("Churchill", "an iron curtain has descended across the Continent"),
    ("Churchill", "a riddle, wrapped in a mystery, inside an enigma"),
    ("Litvinov", "peace is indivisible"),
    ("Kennan", "a long-term, patient but firm and vigilant containment of Russian expansive tendencies"),
    ("Stalin", "the Soviet Union would not be drawn into conflicts by warmongers"),
    ("Roosevelt", "a date which will live in infamy"),
    ("Rusk", "we're eyeball to eyeball, and I think the other fellow just blinked"),
    ("Foch", "this is not peace, it is an armistice for twenty years"),
)
TYPOS = {
    "the": "teh", "government": "goverment", "definitely": "definately", "separate": "seperate",
    "believe": "beleive", "occurred": "occured", "which": "wich", "their": "thier",
    "foreign": "foriegn", "negotiations": "negociations", "independent": "independant",
}

SENTENCES: tuple[str, ...] = (
    "{p} signed {e} on {d}, and {c} ratified it {n} weeks later.",
    "By {y} {c} was spending roughly {money} a year on rearmament, about {pct}% of the budget.",
    "I think {p} never really trusted {p2}, whatever he said in public.",
    "Many historians agree that {e} was the real turning point for {c}.",
    "It is widely believed that {p} knew about the secret protocol long before {d}.",
    "{p} met {p2} in {pl} in {mon} {y} and the two talked for {n} hours.",
    "The talks in {pl} dragged on for {n} days and produced nothing except a communique.",
    "{c} had {big} men under arms in {y}, more than {c2} and {c3} together.",
    "After {e} nobody in {pl} took the League seriously any more.",
    "According to {book}, {p} told {p2} in {y} that the guarantee was worthless.",
    "I read in {book} that the Foreign Office had {n} separate drafts of the reply.",
    "There is a good chapter on this in {book}, around page {page}.",
    "If you look at the diaries of {diarist} you see how nervous everybody was in {mon} {y}.",
    "{p} later wrote that \"{q}\", but that was hindsight.",
    "As {qa} put it, \"{q}\".",
    "Honestly I do not see how {c} could have done anything else.",
    "The vote in the assembly was {n} to {n2}, with {n3} abstentions.",
    "Trade between {c} and {c2} fell by {pct}% between {y} and {y2}.",
    "{p} resigned in {mon} {y}, officially on health grounds.",
    "Some say {p} was simply outmanoeuvred by {p2} at {pl}.",
    "Experts believe the military staff talks in {pl} were never meant to succeed.",
    "What people forget is that {c} had already been negotiating with {c2} since {y}.",
    "The ambassador reported on {d} that {p} would not budge on the frontier question.",
    "{e} is overrated in my opinion, the real change came in {y2}.",
    "It was the largest delegation ever sent abroad by {c}, {n} people in all.",
    "Their goverment believed that time was on their side, which turned out to be wrong.",
    "Does anyone know whether {p} actually read the dispatch from {pl}?",
    "I may be wrong, but I believe {p2} only heard about it from the newspapers.",
    "The conference opened in {pl} on {d} and closed {n} days later.",
    "The Red Army was in no state to fight in {y}, after the purges had removed {big} officers.",
    "{p} was the most influential diplomat of the decade, bar none.",
    "Obviously {c} wanted the best of both worlds.",
    "In the end {c2} got nothing from {e} except a promise.",
    "This was discussed at length on page {page} of the other thread.",
    "The minutes of the cabinet meeting of {d} show {p} arguing against any commitment to {c}.",
    "{c} recalled its ambassador from {pl} in {mon} {y} and did not send a new one for {n} months.",
    "The loan to {c} was {money}, repayable over {n} years at {pct2} per cent.",
    "Without {c2} there was no way to put {n} divisions on the eastern frontier.",
    "{p} flew to {pl} three times in {y}, which was unheard of for a foreign minister then.",
    "The secret annex was only published in {y2}, long after everyone involved had retired.",
    "Public opinion in {c} was overwhelmingly against another war, the polls showed {pct}% opposed.",
    "It's a myth that {p} was naive; he knew exactly what {p2} was up to.",
    "The whole affair cost {c} about {money} and {big} lives, for a border nobody could defend.",
    "Remember that {c} and {c2} had not had diplomatic relations since {y}.",
    "{p2} called it a betrayal, and {c3} never quite forgave {c}.",
    "The telegram from {pl} arrived on {d}, {n} hours after the decision had been taken.",
    "You have to read the French documents alongside the British ones, or you only get half the story.",
    "My grandfather was in {pl} at the time and always said nobody expected it.",
    "{p} had been ambassador in {pl} for {n} years and spoke the language fluently.",
    "Only {n} of the {n2} delegations actually signed in {y}.",
)
PREFIXES = ("Frankly, ", "To be fair, ", "In my view, ", "As far as I remember, ", "Mind you, ",
            "On the other hand, ", "Then again, ", "If I recall correctly, ", "Of course ")
SUFFIXES = (", at least on paper", ", or so the story goes", ", though the figures are disputed",
            ", as far as we know", ", give or take", ", if memory serves", " (correct me if I'm wrong)")
OPENERS = ("Hi all,", "Good point.", "Interesting thread.", "I agree with the above.", "Not quite.",
           "Thanks for the link.", "Welcome to the forum!", "Hmm.", "Well,", "Fair enough.")
CLOSERS = ("Cheers.", "Just my two cents.", "Any thoughts?", "Regards, H.", "Just saying.", "Cheers, Tom.")


# ----------------------------------------------------------------------------- generator


class ThreadWriter:
    """Builds one thread (one file) from a seeded RNG; ``pasta`` is shared copy-paste text."""

    def __init__(self, rng: random.Random, pasta: Sequence[str]) -> None:
        self.rng = rng
        self.pasta = pasta
        self.said: list[str] = []

    def person(self) -> str:
        name, variants = self.rng.choice(PEOPLE)
        return self.rng.choice(variants) if self.rng.random() < 0.08 else name

    def book(self) -> str:
        r = self.rng
        form = r.randrange(5)
        if form == 0:
            return f"a book by {r.choice(AUTHORS)}"
        if form == 1:
            return f"{r.choice(AUTHORS)}'s {r.choice(BOOK_TITLES)} ({r.randint(1961, 2021)})"
        if form == 2:
            return f"the diaries of {r.choice(DIARISTS)}"
        if form == 3:
            return f"{r.choice(AUTHORS)}, p. {r.randint(3, 640)}"
        return f"an article in {r.choice(JOURNALS)}"

    def sentence(self) -> str:
        r = self.rng
        event, date, _ = r.choice(EVENTS)
        who, quote = r.choice(QUOTES)
        c, c2, c3 = r.sample(COUNTRIES, 3)
        p, p2 = self.person(), self.person()
        y = r.randint(1918, 1980)
        template = r.choice(SENTENCES)
        text = template.format(
            p=p, p2=p2 if p2 != p else 'Bonnet', e=event, d=date, c=c, c2=c2, c3=c3, pl=r.choice(PLACES),
            y=y, y2=y + r.randint(1, 9), mon=r.choice(MONTHS), n=r.randint(2, 90), n2=r.randint(2, 90),
            n3=r.randint(0, 20), pct=r.randint(3, 60), page=r.randint(2, 40), big=f"{r.randint(2, 900):,}",
            money=f"£{r.randint(20, 900)} million", book=self.book(), diarist=r.choice(DIARISTS), q=quote,
            qa=who, pct2=f"{r.randint(2, 7)}.{r.randint(0, 9)}",
        )
        prefix = r.choice(PREFIXES) if r.random() < 0.2 else ""
        suffix = r.choice(SUFFIXES) if r.random() < 0.15 else ""
        if suffix and text[-1] == ".":
            text = text[:-1] + suffix + "."
        if prefix:
            keep = template.startswith("{") or text.startswith(("I ", "I'"))  # a name, or "I"
            text = prefix + (text if keep else text[0].lower() + text[1:])
        if r.random() < 0.08:  # one misspelled word
            words = text.split(" ")
            spots = [i for i, w in enumerate(words) if w in TYPOS]
            if spots:
                i = r.choice(spots)
                words[i] = TYPOS[words[i]]
                text = " ".join(words)
        return text[0].upper() + text[1:]

    def link_block(self) -> str:
        r = self.rng
        event, _, article = r.choice(EVENTS)
        form = r.randrange(4)
        if form == 0:
            return f"https://en.wikipedia.org/wiki/{article}"
        if form == 1:
            return f"{event[4:].capitalize() if event.startswith('the ') else event} - Wikipedia"
        if form == 2:
            site = r.choice(SITES[1:])
            return f"{r.choice(HEADLINES)} | {site}"
        host = r.choice(("www.jstor.org/stable/", "archive.org/details/", "avalon.law.yale.edu/20th_century/",
                         "www.historytoday.com/archive/"))
        return f"https://{host}{r.randint(10000, 999999)}"

    def paragraph(self) -> str:
        r = self.rng
        roll = r.random()
        if roll < 0.03 and self.said:
            return r.choice(self.said)  # re-posted paragraph from earlier in the thread
        if roll < 0.05 and self.pasta:
            return r.choice(self.pasta)  # copy-paste circulating between threads
        if roll < 0.15:
            lead = r.choice(("There is a decent write-up here:", "See:", "Wiki has it:", "Source:", ""))
            return (lead + "\n" if lead else "") + self.link_block()
        text = " ".join(self.sentence() for _ in range(r.randint(2, 6)))
        self.said.append(text)
        return text

    def post(self, number: int, previous: str | None) -> str:
        r = self.rng
        author = r.choice(MEMBERS)
        header = [author, "", r.choice(RANKS), f"{r.choice(MONTHS)} {r.randint(2004, 2020)}",
                  f"{r.randint(1, 14000):,}", r.choice(LOCATIONS), f"#{number}"]
        parts: list[str] = []
        if previous is not None and r.random() < 0.2:
            parts.append(f"{r.choice(MEMBERS)} said:\n{previous}\nClick to expand...")
        if r.random() < 0.3:
            parts.append(r.choice(OPENERS))
        parts.extend(self.paragraph() for _ in range(r.randint(1, 5)))
        if r.random() < 0.3:
            parts.append(r.choice(CLOSERS))
        tail = []
        if r.random() < 0.1:
            tail.append(f"Last edited: {r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2008, 2021)}")
        if r.random() < 0.5:
            tail.append("Likes: " + ", ".join(r.sample(MEMBERS, r.randint(1, 4))))
        return "\n".join(header) + "\n" + "\n\n".join(parts) + "\n \n" + "\n".join(tail) + "\n"

    def thread(self, target: int) -> str:
        r = self.rng
        event = r.choice(EVENTS)[0]
        title = r.choice((f"Was {event} a mistake?", f"Who was to blame for {event}?",
                          f"{event[4:].capitalize()}: a reappraisal", f"Question about {event}"))
        out = [f"{title}\n\n{title}\n\n"]
        size = len(out[0])
        previous: str | None = None
        number = r.randint(1, 40)
        while size < target:
            post = self.post(number, previous)
            out.append(post + "\n")
            size += len(post.encode("utf-8")) + 1
            previous = self.said[-1] if self.said else None
            number += 1
        return "".join(out)


def copy_pasta(seed: int) -> list[str]:
    writer = ThreadWriter(random.Random(f"{seed}:pasta"), ())
    return [" ".join(writer.sentence() for _ in range(5)) for _ in range(30)]


def write_corpus(out: Path, size_mb: float, seed: int = 1939,
                 file_bytes: int = FILE_TARGET) -> tuple[int, int]:
    """Write threads into ``out`` until it holds at least ``size_mb`` MB; return (files, bytes).

    File i depends only on (seed, i), so a smaller corpus is a prefix of a larger one.
    """
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("thread_*.txt"):  # left by an earlier, larger run
        stale.unlink()
    pasta = copy_pasta(seed)
    total = 0
    index = 0
    goal = int(size_mb * MB)
    while total < goal:
        rng = random.Random(f"{seed}:{index}")
        target = min(rng.randint(file_bytes * 8 // 10, file_bytes * 12 // 10), goal - total)
        data = ThreadWriter(rng, pasta).thread(max(target, 2_000)).encode("utf-8")
        (out / f"thread_{index:05d}.txt").write_bytes(data)
        total += len(data)
        index += 1
    return index, total


# ----------------------------------------------------------------------------- measurement


@dataclass(frozen=True)
class RunResult:
    size_bytes: int
    files: int
    jobs: int
    wall: float
    cpu: float  # user + sys over the process and its workers
    max_rss_kb: int  # largest single process
    tree_rss_kb: int  # sampled sum over the process tree
    returncode: int

    @property
    def mb_per_s(self) -> float:
        return self.size_bytes / MB / self.wall


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(parents.get(pid, ()))
    return out


def _sample_tree(pid: int, stop: threading.Event, peak: list[int], interval: float = 0.2) -> None:
    while not stop.is_set():
        if Path("/proc").is_dir():
            peak[0] = max(peak[0], sum(_rss_kb(p) for p in _descendants(pid)))
        stop.wait(interval)


def code_state() -> str:
    """The commit measured, and a fingerprint of uncommitted changes (the tree may be edited mid-run)."""
    def git(*args: str) -> str:
        try:
            out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            return ""
        return out.stdout.decode("utf-8", "replace").strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    diff = git("diff", "HEAD", "--", "citecheck")
    if not diff:
        return f"commit {head}, citecheck/ clean"
    digest = hashlib.sha1(diff.encode()).hexdigest()[:10]
    return f"commit {head} + uncommitted changes to citecheck/ (diff sha1 {digest})"


def citecheck_command() -> list[str]:
    exe = shutil.which("citecheck")
    return [exe] if exe else [sys.executable, "-m", "citecheck"]


def run_audit(corpus: Path, jobs: int, size_bytes: int, files: int) -> RunResult:
    cmd = [*citecheck_command(), "audit", str(corpus), "--links", "off", "--format", "json",
           "--output-file", os.devnull, "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop, peak = threading.Event(), [0]
    sampler = threading.Thread(target=_sample_tree, args=(proc.pid, stop, peak), daemon=True)
    sampler.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)  # rusage of this child and its waited-for workers
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1 = findings, which a corpus like this always has
        sys.stderr.write(err.decode("utf-8", "replace"))
        raise SystemExit(f"citecheck exited {proc.returncode}: {' '.join(cmd)}")
    return RunResult(size_bytes, files, jobs, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                     max(peak[0], usage.ru_maxrss), proc.returncode)


def print_result(r: RunResult) -> None:
    per_core = r.mb_per_s / r.jobs
    print(f"  {r.size_bytes / MB:6.1f} MB  {r.files:4d} files  jobs={r.jobs}  wall {r.wall:7.2f} s  "
          f"{r.mb_per_s:5.2f} MB/s ({per_core:4.2f} MB/s per core)  cpu {r.cpu:7.2f} s "
          f"({r.size_bytes / MB / r.cpu:4.2f} MB per cpu-s)  "
          f"peak RSS {r.max_rss_kb / 1024:6.1f} MB (tree {r.tree_rss_kb / 1024:6.1f} MB)", flush=True)


def verdict(results: Sequence[RunResult]) -> None:
    print("\nSummary")
    for jobs in sorted({r.jobs for r in results}):
        rows = sorted((r for r in results if r.jobs == jobs), key=lambda r: r.size_bytes)
        rates = ", ".join(f"{r.size_bytes / MB:.1f} MB: {r.mb_per_s:.3f} MB/s wall, "
                          f"{r.size_bytes / MB / r.cpu:.3f} MB per cpu-s" for r in rows)
        print(f"  jobs={jobs}: {rates}")
        if len(rows) >= 2:
            wall = rows[-1].mb_per_s / rows[0].mb_per_s
            cpu = (rows[-1].size_bytes / rows[-1].cpu) / (rows[0].size_bytes / rows[0].cpu)
            rss = (rows[-1].max_rss_kb / rows[-1].size_bytes) / (rows[0].max_rss_kb / rows[0].size_bytes)
            print(f"    largest/smallest corpus: rate ratio {wall:.2f} wall, {cpu:.2f} cpu (1.00 = linear, "
                  f"< 1 = superlinear); RSS per input MB ratio {rss:.2f}")
    single = [r for r in results if r.jobs == 1]
    if single:
        worst = min(r.mb_per_s for r in single)
        ok = "meets" if worst >= TARGET_MB_PER_S else "MISSES"
        print(f"  throughput, one core: worst {worst:.2f} MB/s — {ok} the target of {TARGET_MB_PER_S} MB/s")
    rss = max(r.max_rss_kb for r in results) / 1024
    ok = "meets" if rss < TARGET_RSS_MB else "MISSES"
    print(f"  peak RSS of one process: {rss:.1f} MB — {ok} the target of < {TARGET_RSS_MB:.0f} MB")


# ----------------------------------------------------------------------------- profile


def profile(corpus: Path, top: int) -> None:
    from citecheck.cli import app

    args = ["audit", str(corpus), "--links", "off", "--format", "json", "--output-file", os.devnull]
    profiler = cProfile.Profile()
    cwd = Path.cwd()
    os.chdir(REPO)  # same configuration and catalogue as the subprocess runs
    start = time.perf_counter()
    try:
        profiler.enable()
        try:
            app(args=args, prog_name="citecheck")
        except SystemExit as exc:
            if exc.code not in (0, 1, None):
                raise
        finally:
            profiler.disable()
    finally:
        os.chdir(cwd)
    wall = time.perf_counter() - start
    size = sum(p.stat().st_size for p in corpus.iterdir())
    print(f"in-process under cProfile: {size / MB:.1f} MB in {wall:.2f} s "
          f"({size / MB / wall:.2f} MB/s with profiling overhead)\n")
    stats = pstats.Stats(profiler, stream=io.StringIO())
    for key, label in (("cumulative", "cumulative time"), ("tottime", "own time")):
        print_top(stats, key, top, f"top {top} by {label} (typer/click wrappers left out)")


def _where(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    if filename == "~":
        return name  # a built-in
    path = Path(filename)
    for root in (REPO, *(Path(p) for p in sys.path if p.endswith("site-packages"))):
        if path.is_relative_to(root):
            filename = str(path.relative_to(root))
            break
    else:
        filename = f"{path.parent.name}/{path.name}"
    return f"{filename}:{line}({name})"


def print_top(stats: pstats.Stats, key: str, top: int, title: str) -> None:
    stats.sort_stats(key)
    raw = stats.stats  # type: ignore[attr-defined]  # {func: (cc, nc, tottime, cumtime, callers)}
    print(f"=== {title} ===")
    print(f"{'ncalls':>12} {'tottime':>9} {'cumtime':>9}  function")
    shown = 0
    for func in stats.fcn_list:  # type: ignore[attr-defined]  # set by sort_stats
        filename = func[0]
        if "/typer/" in filename or "/click/" in filename or func[2] in ("_guard", "body", "audit_command"):
            continue
        cc, nc, tottime, cumtime, _ = raw[func]
        calls = str(nc) if nc == cc else f"{nc}/{cc}"
        print(f"{calls:>12} {tottime:9.3f} {cumtime:9.3f}  {_where(func)}")
        shown += 1
        if shown >= top:
            break
    print()


# ----------------------------------------------------------------------------- main


def _numbers(text: str, cast: Callable[[str], float | int]) -> list[float | int]:
    try:
        return [cast(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated numbers, got {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=lambda s: _numbers(s, float), default=[10.0, 50.0],
                        help="corpus sizes in MB, comma-separated (default: 10,50)")
    parser.add_argument("--jobs", type=lambda s: _numbers(s, int), default=[1, 2],
                        help="values of --jobs to run, comma-separated (default: 1,2)")
    parser.add_argument("--out", type=Path, help="write the corpora under this directory (default: temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora")
    parser.add_argument("--file-kb", type=int, default=FILE_TARGET // 1000,
                        help="average size of a generated thread in KB (default: 100)")
    parser.add_argument("--seed", type=int, default=1939, help="RNG seed (default: 1939)")
    parser.add_argument("--profile", action="store_true",
                        help="profile the pipeline in-process on a sample instead of timing subprocesses")
    parser.add_argument("--profile-mb", type=float, default=5.0, help="MB to profile (default: 5)")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile to print (default: 25)")
    args = parser.parse_args(argv)

    base = args.out or Path(tempfile.mkdtemp(prefix="citecheck-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        if args.profile:
            corpus = base / f"corpus_{args.profile_mb:g}mb"
            files, size = write_corpus(corpus, args.profile_mb, args.seed, args.file_kb * 1000)
            print(f"generated {files} files, {size / MB:.1f} MB in {corpus}; code: {code_state()}")
            profile(corpus, args.top)
            if not args.keep:
                shutil.rmtree(corpus, ignore_errors=True)
            return 0
        print(f"citecheck: {' '.join(citecheck_command())}  (cwd {REPO}; {os.cpu_count()} cpus)")
        print(f"code: {code_state()}")
        results: list[RunResult] = []
        for size_mb in args.sizes:
            corpus = base / f"corpus_{size_mb:g}mb"
            start = time.perf_counter()
            files, size = write_corpus(corpus, size_mb, args.seed, args.file_kb * 1000)
            print(f"generated {files} files, {size / MB:.1f} MB in {corpus} "
                  f"({time.perf_counter() - start:.1f} s)", flush=True)
            for jobs in args.jobs:
                result = run_audit(corpus, jobs, size, files)
                print_result(result)
                results.append(result)
            if not args.keep:
                shutil.rmtree(corpus, ignore_errors=True)
        verdict(results)
        print(f"code after the runs: {code_state()}")
        return 0
    finally:
        if args.keep:
            print(f"corpora kept in {base}")
        elif args.out is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
