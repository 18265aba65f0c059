"""Unsupported-claim detection scored against the "Citation Needed" Wikipedia data.

Each row's statement (``\\[\\d+\\]`` markers stripped, as the data's README asks) becomes one
small file; a single ``citecheck audit DIR --links off --format json`` run audits them all and
the report's files are mapped back to rows. A statement is predicted "needs a citation" when
citecheck reports at least one claim with ``supported: false`` in it; the gold label is
``has_citation == 1``.

Prints precision, recall, F1, accuracy, the confusion matrix, claim counts by kind and the
README's reference points. See ../shared/datasets/citation_needed/README.md for the data.

Examples::

    python benchmarks/citation_needed.py                 # test.tsv
    python benchmarks/citation_needed.py --split train
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "citation_needed"
MARKER = re.compile(r"\[\d+\]")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")  # the README's split, to tell 1-sentence rows apart
KINDS = ("fact", "statistic", "quotation", "attribution", "weasel")
REFERENCE = (  # from the data's README, on test.tsv
    ("lexical rules, union (README)", 0.72, 0.53, 0.61),
    ("quote-only rule (README)", 0.90, 0.18, None),
)


@dataclass(frozen=True, slots=True)
class Row:
    index: int
    statement: str
    gold: bool  # has_citation == 1


@dataclass
class RowResult:
    row: Row
    claims: int = 0
    unsupported_kinds: Counter[str] = field(default_factory=Counter)
    supported_kinds: Counter[str] = field(default_factory=Counter)
    reported: bool = False  # the file appeared in the report

    @property
    def predicted(self) -> bool:
        return sum(self.unsupported_kinds.values()) > 0


@dataclass(frozen=True, slots=True)
class Scores:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def score(results: Sequence[RowResult]) -> Scores:
    tp = sum(1 for r in results if r.predicted and r.row.gold)
    fp = sum(1 for r in results if r.predicted and not r.row.gold)
    fn = sum(1 for r in results if not r.predicted and r.row.gold)
    tn = sum(1 for r in results if not r.predicted and not r.row.gold)
    return Scores(tp, fp, fn, tn)


def read_rows(path: Path) -> tuple[list[Row], int]:
    """Rows of a tab-separated file with a header (no quoting); returns (rows, malformed lines)."""
    rows: list[Row] = []
    bad = 0
    with path.open(encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\r\n").split("\t")
        try:
            col_statement, col_label = header.index("statement"), header.index("has_citation")
        except ValueError:
            raise SystemExit(f"{path}: header lacks 'statement' or 'has_citation': {header}") from None
        for number, line in enumerate(fh, start=2):
            cells = line.rstrip("\r\n").split("\t")
            if len(cells) != len(header) or cells[col_label].strip() not in ("0", "1"):
                bad += 1
                continue
            statement = MARKER.sub("", cells[col_statement]).strip()
            rows.append(Row(number, statement, cells[col_label].strip() == "1"))
    return rows, bad


def citecheck_command() -> list[str]:
    exe = shutil.which("citecheck")
    return [exe] if exe else [sys.executable, "-m", "citecheck"]


def audit_rows(rows: Sequence[Row], workdir: Path, jobs: int) -> list[RowResult]:
    corpus = workdir / "statements"
    corpus.mkdir()
    names: dict[str, RowResult] = {}
    for row in rows:
        name = f"row_{row.index:06d}.txt"
        (corpus / name).write_text(row.statement + "\n", encoding="utf-8")
        names[name] = RowResult(row)
    cmd = [*citecheck_command(), "audit", str(corpus), "--links", "off", "--format", "json",
           "--jobs", str(jobs)]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, check=False)
    if proc.returncode not in (0, 1):  # 1 = there were findings
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"citecheck exited {proc.returncode}: {' '.join(cmd)}")
    report = json.loads(proc.stdout)
    for file in report["files"]:
        result = names.get(Path(file["path"]).name)
        if result is None:
            continue
        result.reported = True
        for claim in file["claims"]:
            result.claims += 1
            (result.supported_kinds if claim["supported"] else result.unsupported_kinds)[claim["kind"]] += 1
    return list(names.values())


def print_scores(label: str, s: Scores) -> None:
    print(f"{label}: P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  accuracy {s.accuracy:.3f}  "
          f"(n={s.tp + s.fp + s.fn + s.tn})")


def report(split: str, results: Sequence[RowResult], bad: int, elapsed: float) -> None:
    s = score(results)
    positives = sum(1 for r in results if r.row.gold)
    print(f"split {split}: {len(results)} rows ({positives} with has_citation=1, "
          f"{positives / len(results):.0%}), {bad} malformed lines skipped; audit took {elapsed:.1f} s")
    missing = sum(1 for r in results if not r.reported)
    if missing:
        print(f"  {missing} statements absent from the report (counted as predicted negative)")
    print()
    print_scores("citecheck (>= 1 unsupported claim)", s)
    for name, p, r, f1 in REFERENCE:
        f1_text = f"F1 {f1:.2f}" if f1 is not None else "F1  -  "
        print(f"reference, {name}: P {p:.2f}  R {r:.2f}  {f1_text}  (test.tsv)")
    majority = Scores(positives, len(results) - positives, 0, 0)
    print_scores("baseline, everything needs a citation", majority)

    print("\nconfusion matrix (rows: gold, columns: predicted)")
    print(f"{'':>24} {'needs citation':>15} {'no claim flagged':>17}")
    print(f"{'gold has_citation=1':>24} {s.tp:>15} {s.fn:>17}")
    print(f"{'gold has_citation=0':>24} {s.fp:>15} {s.tn:>17}")

    print("\nclaims by kind")
    print(f"{'kind':>12} {'claims':>7} {'unsupported':>12} {'rows flagged':>13} {'of which gold=1':>16} "
          f"{'precision':>10}")
    kinds = sorted({k for r in results for k in (*r.unsupported_kinds, *r.supported_kinds)},
                   key=lambda k: (KINDS.index(k) if k in KINDS else len(KINDS), k))
    for kind in kinds:
        unsupported = sum(r.unsupported_kinds[kind] for r in results)
        total = unsupported + sum(r.supported_kinds[kind] for r in results)
        flagged = [r for r in results if r.unsupported_kinds[kind]]
        hits = sum(1 for r in flagged if r.row.gold)
        precision = f"{hits / len(flagged):.3f}" if flagged else "-"
        print(f"{kind:>12} {total:>7} {unsupported:>12} {len(flagged):>13} {hits:>16} {precision:>10}")
    claims = sum(r.claims for r in results)
    no_claim = sum(1 for r in results if r.claims == 0)
    print(f"{'all':>12} {claims:>7} {sum(sum(r.unsupported_kinds.values()) for r in results):>12} "
          f"{s.tp + s.fp:>13} {s.tp:>16} {s.precision:>10.3f}")
    print(f"rows with no claim at all: {no_claim}; rows whose claims are all supported: "
          f"{sum(1 for r in results if r.claims and not r.predicted)}")

    # train.tsv: many label-0 rows are whole lead paragraphs (README, "Known biases")
    buckets: dict[str, list[RowResult]] = {"1 sentence": [], "2 sentences": [], "3+ sentences": []}
    for r in results:
        n = len(SENTENCE_SPLIT.split(r.row.statement))
        buckets["1 sentence" if n == 1 else "2 sentences" if n == 2 else "3+ sentences"].append(r)
    if sum(1 for rows in buckets.values() if rows) > 1:
        print("\nby statement length (the README's sentence split)")
        for label, rows in buckets.items():
            if rows:
                gold = sum(1 for r in rows if r.row.gold)
                print_scores(f"  {label:<12} ({gold / len(rows):4.0%} gold=1)", score(rows))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"the data directory (default: {DEFAULT_DATA})")
    parser.add_argument("--split", choices=("test", "train"), default="test", help="which file to score")
    parser.add_argument("--jobs", type=int, default=1, help="passed to citecheck --jobs (default: 1)")
    parser.add_argument("--keep", type=Path, help="copy the per-row statement files into this directory")
    args = parser.parse_args(argv)

    path = args.data / f"{args.split}.tsv"
    if not args.data.is_dir() or not path.is_file():
        print(f"citation_needed: data not found: {path} (pass --data DIR; see the dataset's README.md)",
              file=sys.stderr)
        return 2
    rows, bad = read_rows(path)
    if not rows:
        print(f"citation_needed: no usable rows in {path}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="citecheck-cn-") as tmp:
        start = time.perf_counter()
        results = audit_rows(rows, Path(tmp), args.jobs)
        elapsed = time.perf_counter() - start
        if args.keep:
            shutil.copytree(Path(tmp) / "statements", args.keep, dirs_exist_ok=True)
    report(args.split, results, bad, elapsed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
