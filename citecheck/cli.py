"""The command line: a thin typer layer over :mod:`citecheck.api`. The only place that picks exit codes.

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, configuration or input
error (also for an unexpected exception, with a hint to rerun with --debug).
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from citecheck import __version__
from citecheck.api import ALL_CHECKS, AuditRun, audit
from citecheck.config import Config, load_config
from citecheck.errors import CitecheckError
from citecheck.model import FileReport, Report, Severity
from citecheck.report import FORMATS, STREAMING_FORMATS, RenderOptions, render, stream_renderer
from citecheck.report.sources_format import EXTRACT_FORMATS, render_sources

app = typer.Typer(
    name="citecheck",
    help="Audit historical prose: cited sources, misspelled names, links and unsupported claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
refs_app = typer.Typer(help="Check the catalogue (refs.yaml) and suggest entries for it.", no_args_is_help=True)
config_app = typer.Typer(help="Show the effective configuration.", no_args_is_help=True)
app.add_typer(refs_app, name="refs")
app.add_typer(config_app, name="config")

T = TypeVar("T")
_DEBUG = {"on": False}


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"citecheck: {message}", err=True)
    return typer.Exit(code)


def _guard(body: Callable[[], T]) -> T:
    """Library errors become one-line messages and exit 2; a crash is exit 2 too, never 1."""
    try:
        return body()
    except typer.Exit:
        raise
    except CitecheckError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail("interrupted", 130) from None
    except BrokenPipeError:
        # the reader went away (`citecheck rules | head`): not a crash; keep Python from complaining at exit
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(2) from None
    except Exception as exc:
        if _DEBUG["on"]:
            traceback.print_exc()
        raise _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)") from None


PathsArg = Annotated[list[str], typer.Argument(help="Files, directories (searched recursively) or - for stdin.",
                                               show_default=False)]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Configuration file (default: citecheck.toml, "
                                                ".citecheck.toml or [tool.citecheck] in pyproject.toml, "
                                                "searched upwards).")]
RefsOpt = Annotated[str | None, typer.Option("--refs", help="The catalogue (default: refs.yaml).")]
CassettesOpt = Annotated[str | None, typer.Option("--cassettes", help="Directory of recorded HTTP fixtures.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")]
OutputOpt = Annotated[Path | None, typer.Option("--output-file", "-o", help="Write the report to a file.")]
LinksOpt = Annotated[str | None, typer.Option("--links",
                                              help="replay (default: from cassettes/), live, record or off.")]
TimeoutOpt = Annotated[float | None, typer.Option("--timeout", help="Seconds per HTTP request (live mode).")]
ConcurrencyOpt = Annotated[int | None, typer.Option("--concurrency", help="Requests in flight at once.")]
PerHostOpt = Annotated[int | None, typer.Option("--per-host", help="Requests in flight per host.")]
PrivateOpt = Annotated[bool | None, typer.Option("--allow-private/--no-allow-private",
                                                 help="Allow links to private, loopback and link-local addresses.")]
SelectOpt = Annotated[list[str] | None, typer.Option("--select",
                                                     help="Only these rules (code, prefix such as CC3, or name).")]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="Not these rules (code, prefix or name).")]
FailOnOpt = Annotated[str | None, typer.Option("--fail-on", help="Exit 1 for findings at or above: error, warning, "
                                                                 "note or never.")]
ExitZeroOpt = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes for many files.")]
ScopeOpt = Annotated[str | None, typer.Option("--scope",
                                              help="Citation scope for claims: sentence, paragraph or post.")]
ColorOpt = Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text report (default: on a TTY "
                                                                         "unless NO_COLOR is set).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]
StdinNameOpt = Annotated[str | None, typer.Option("--stdin-filename", help="Name to report for - (stdin).")]


def _config(config_path: Path | None, **overrides: Any) -> Config:
    return load_config(config_path, overrides={k: v for k, v in overrides.items() if v is not None})


def _network_overrides(mode: str | None, timeout: float | None, concurrency: int | None, per_host: int | None,
                       allow_private: bool | None) -> dict[str, Any]:
    """The --links, --timeout, --concurrency, --per-host and --allow-private options as configuration overrides."""
    return {"links.mode": mode, "links.timeout": timeout, "links.concurrency": concurrency,
            "links.per-host": per_host, "links.allow-private": allow_private}


def _color(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _emit(text: str, output_file: Path | None) -> None:
    if output_file is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from citecheck.fsutil import write_atomic

    write_atomic(output_file, text.encode("utf-8"))


def _report_problems(problems: Sequence[CitecheckError], files: Sequence[FileReport]) -> None:
    for problem in problems:
        typer.echo(f"citecheck: {problem}", err=True)
    for file in files:
        for notice in file.document.notices:
            typer.echo(f"citecheck: {file.path}: {notice}", err=True)


def _exit_code(report: Report, fail_on: str, exit_zero: bool, problems: int) -> int:
    if problems:
        return 2
    if exit_zero or fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for file in report.files for f in file.findings) else 0


def _stdin_bytes(paths: list[str]) -> bytes | None:
    return sys.stdin.buffer.read() if "-" in paths else None


def _run_report(paths: list[str], config: Config, fmt: str, output_file: Path | None, color: bool | None,
                exit_zero: bool, checks: frozenset[str], stdin_filename: str | None = None,
                baseline: Path | None = None, write_baseline: Path | None = None) -> None:
    if fmt not in FORMATS:
        raise _fail(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    progress = config.links.mode in ("live", "record") and sys.stderr.isatty()
    if fmt in STREAMING_FORMATS and baseline is None and write_baseline is None:
        _stream_report(paths, config, fmt, output_file, color, exit_zero, checks, stdin_filename, progress)
        return
    result = audit(paths, config, stdin=_stdin_bytes(paths), checks_enabled=checks, progress=progress)
    report = result.report
    if stdin_filename:
        report = replace(report, files=tuple(_renamed(f, stdin_filename) for f in report.files))
    if write_baseline is not None:
        from citecheck.baseline import write_baseline as save

        written = save(write_baseline, report)
        typer.echo(f"citecheck: recorded {len(written.entries)} findings in {write_baseline}", err=True)
        # with only --write-baseline, what was just recorded is the baseline: the run passes
        baseline = baseline or write_baseline
    if baseline is not None:
        from citecheck.baseline import filter_report, load_baseline

        report = filter_report(report, load_baseline(baseline))
    _report_problems(result.problems, report.files)
    if not report.files and result.problems:
        raise typer.Exit(2)
    _emit(render(report, fmt, _render_options(color, output_file)), output_file)
    raise typer.Exit(_exit_code(report, config.fail_on, exit_zero, len(result.problems)))


def _run_listing(paths: list[str], cfg: Config, checks: set[str], listing: Callable[[Report], str],
                 output_file: Path | None) -> None:
    """Audit, then write one listing of the report (extract, provenance); exit 2 on any input problem."""
    result = audit(paths, cfg, stdin=_stdin_bytes(paths), checks_enabled=checks)
    _report_problems(result.problems, result.report.files)
    if not result.report.files and result.problems:
        raise typer.Exit(2)
    _emit(listing(result.report), output_file)
    raise typer.Exit(2 if result.problems else 0)


def _renamed(file: FileReport, stdin_filename: str) -> FileReport:
    return replace(file, path=stdin_filename) if file.path == "<stdin>" else file


def _stream_report(paths: list[str], config: Config, fmt: str, output_file: Path | None, color: bool | None,
                   exit_zero: bool, checks: frozenset[str], stdin_filename: str | None, progress: bool) -> None:
    """Write the report file by file, so memory stays flat however many files there are."""
    run = AuditRun(paths, config, stdin=_stdin_bytes(paths), checks_enabled=checks, progress=progress)
    renderer = stream_renderer(fmt, _render_options(color, output_file))
    threshold = None if exit_zero or config.fail_on == "never" else Severity(config.fail_on).rank
    failing = False
    files = 0
    with _Sink(output_file) as sink:
        sink.write(renderer.begin())
        for file in run:
            files += 1
            if stdin_filename:
                file = _renamed(file, stdin_filename)
            for notice in file.document.notices:
                typer.echo(f"citecheck: {file.path}: {notice}", err=True)
            failing = failing or (threshold is not None and any(f.severity.rank >= threshold for f in file.findings))
            sink.write(renderer.file(file))
        if not files and run.problems:
            sink.discard()
        else:
            sink.write(renderer.end(suppressed=run.suppressed))
    _report_problems(run.problems, ())
    if run.problems:
        raise typer.Exit(2)
    raise typer.Exit(1 if failing else 0)


class _Sink:
    """Standard output, or a file written through a temporary file and renamed into place at the end."""

    def __init__(self, output_file: Path | None) -> None:
        self.output_file = output_file
        self._handle: Any = None
        self._tmp: str | None = None

    def __enter__(self) -> _Sink:
        if self.output_file is not None:
            import tempfile

            directory = self.output_file.parent if str(self.output_file.parent) else Path(".")
            directory.mkdir(parents=True, exist_ok=True)
            from citecheck.fsutil import default_file_mode

            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.output_file.name}.", suffix=".tmp", dir=directory)
            os.chmod(self._tmp, default_file_mode())
            self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self

    def write(self, text: str) -> None:
        if self._handle is not None:
            self._handle.write(text)
        else:
            sys.stdout.write(text)

    def discard(self) -> None:
        self.output_file = None

    def __exit__(self, kind: object, error: object, tb: object) -> None:
        if self._handle is None:
            sys.stdout.flush()
            return
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        assert self._tmp is not None
        if kind is None and self.output_file is not None:
            os.replace(self._tmp, self.output_file)
        else:
            os.unlink(self._tmp)


def _render_options(color: bool | None, output_file: Path | None) -> RenderOptions:
    from citecheck.config import find_repo_root

    cwd = Path.cwd()
    link_base = ""
    env = os.environ
    if env.get("GITHUB_REPOSITORY") and env.get("GITHUB_SHA"):
        server = env.get("GITHUB_SERVER_URL", "https://github.com")
        link_base = f"{server}/{env['GITHUB_REPOSITORY']}/blob/{env['GITHUB_SHA']}/"
    return RenderOptions(color=_color(color) if output_file is None else False,
                         root=str(find_repo_root(cwd) or cwd), cwd=str(cwd), tool_version=__version__,
                         link_base=link_base)


@app.command("audit")
def audit_command(
    paths: PathsArg,
    format: FormatOpt = "text",
    output_file: OutputOpt = None,
    config: ConfigOpt = None,
    refs: RefsOpt = None,
    cassettes: CassettesOpt = None,
    links: LinksOpt = None,
    timeout: TimeoutOpt = None,
    concurrency: ConcurrencyOpt = None,
    per_host: PerHostOpt = None,
    allow_private: PrivateOpt = None,
    rerecord: Annotated[bool, typer.Option("--rerecord",
                                           help="With --links record: refresh existing recordings.")] = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    fail_on: FailOnOpt = None,
    exit_zero: ExitZeroOpt = False,
    jobs: JobsOpt = None,
    scope: ScopeOpt = None,
    baseline: Annotated[Path | None,
                        typer.Option("--baseline", help="Report only findings not in this baseline.")] = None,
    write_baseline: Annotated[Path | None,
                              typer.Option("--write-baseline", help="Record today's findings as the baseline.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes to the files.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="With --fix: also apply unsafe fixes.")] = False,
    color: ColorOpt = None,
    stdin_filename: StdinNameOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Audit documents: sources, names, links and claims."""
    _DEBUG["on"] = debug

    def body() -> None:
        cfg = _config(config, refs=refs, cassettes=cassettes,
                      **_network_overrides(links, timeout, concurrency, per_host, allow_private),
                      **{"links.rerecord": rerecord or None, "select": select or None, "ignore": ignore or None,
                         "fail-on": fail_on, "jobs": jobs, "claims.scope": scope})
        if fix:
            from citecheck.fix import fix_paths

            if "-" in paths:
                raise _fail("--fix cannot rewrite standard input; name the files")

            for line in fix_paths(paths, cfg, unsafe=unsafe_fixes, diff=False).summary_lines():
                typer.echo(f"citecheck: {line}", err=True)
        _run_report(paths, cfg, format, output_file, color, exit_zero, ALL_CHECKS, stdin_filename,
                    baseline, write_baseline)

    _guard(body)


@app.command("links")
def links_command(
    paths: PathsArg,
    format: FormatOpt = "text",
    output_file: OutputOpt = None,
    config: ConfigOpt = None,
    cassettes: CassettesOpt = None,
    links: LinksOpt = None,
    timeout: TimeoutOpt = None,
    concurrency: ConcurrencyOpt = None,
    per_host: PerHostOpt = None,
    allow_private: PrivateOpt = None,
    fail_on: FailOnOpt = None,
    exit_zero: ExitZeroOpt = False,
    color: ColorOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Check the links in documents (offline from cassettes/ by default)."""
    _DEBUG["on"] = debug

    def body() -> None:
        cfg = _config(config, cassettes=cassettes,
                      **_network_overrides(links, timeout, concurrency, per_host, allow_private),
                      **{"fail-on": fail_on})
        _run_report(paths, cfg, format, output_file, color, exit_zero, frozenset({"links"}))

    _guard(body)


@app.command("record")
def record_command(
    paths: PathsArg,
    config: ConfigOpt = None,
    cassettes: CassettesOpt = None,
    rerecord: Annotated[bool, typer.Option("--rerecord", help="Refresh recordings that already exist.")] = False,
    timeout: TimeoutOpt = None,
    concurrency: ConcurrencyOpt = None,
    per_host: PerHostOpt = None,
    allow_private: PrivateOpt = None,
    format: FormatOpt = "text",
    debug: DebugOpt = False,
) -> None:
    """Check links live and record new answers into cassettes/."""
    _DEBUG["on"] = debug

    def body() -> None:
        cfg = _config(config, cassettes=cassettes,
                      **_network_overrides("record", timeout, concurrency, per_host, allow_private),
                      **{"links.rerecord": rerecord or None})
        _run_report(paths, cfg, format, None, None, True, frozenset({"links"}))

    _guard(body)


@app.command("claims")
def claims_command(
    paths: PathsArg,
    format: FormatOpt = "text",
    output_file: OutputOpt = None,
    config: ConfigOpt = None,
    refs: RefsOpt = None,
    scope: ScopeOpt = None,
    fail_on: FailOnOpt = None,
    exit_zero: ExitZeroOpt = False,
    color: ColorOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Report claims and their support: unsupported claims, unsourced quotations, weasel words."""
    _DEBUG["on"] = debug

    def body() -> None:
        cfg = _config(config, refs=refs, **{"claims.scope": scope, "fail-on": fail_on, "links.mode": "off"})
        _run_report(paths, cfg, format, output_file, color, exit_zero, frozenset({"claims"}))

    _guard(body)


@app.command("extract")
def extract_command(
    paths: PathsArg,
    format: Annotated[str, typer.Option("--format", "-f", help=f"{', '.join(EXTRACT_FORMATS)}.")] = "table",
    output_file: OutputOpt = None,
    config: ConfigOpt = None,
    refs: RefsOpt = None,
    debug: DebugOpt = False,
) -> None:
    """List the cited sources, one row per citation (table, JSON, CSV, CSL-JSON or BibTeX)."""
    _DEBUG["on"] = debug

    def body() -> None:
        if format not in EXTRACT_FORMATS:
            raise _fail(f"unknown format '{format}' (choose from {', '.join(EXTRACT_FORMATS)})")
        cfg = _config(config, refs=refs, **{"links.mode": "off"})
        _run_listing(paths, cfg, {"sources"}, lambda report: render_sources(report, format), output_file)

    _guard(body)


@app.command("provenance")
def provenance_command(
    paths: PathsArg,
    format: Annotated[str, typer.Option("--format", "-f", help="text, json, mermaid or dot.")] = "text",
    output_file: OutputOpt = None,
    config: ConfigOpt = None,
    refs: RefsOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Draw where each claim comes from: claims → sources → via → primary."""
    _DEBUG["on"] = debug

    def body() -> None:
        from citecheck.report.provenance_format import PROVENANCE_FORMATS, render_provenance

        if format not in PROVENANCE_FORMATS:
            raise _fail(f"unknown format '{format}' (choose from {', '.join(PROVENANCE_FORMATS)})")
        cfg = _config(config, refs=refs, **{"links.mode": "off"})
        _run_listing(paths, cfg, {"sources", "claims"}, lambda report: render_provenance(report, format),
                     output_file)

    _guard(body)


@app.command("fix")
def fix_command(
    paths: PathsArg,
    diff: Annotated[bool, typer.Option("--diff", help="Show the changes and write nothing.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Also apply unsafe fixes (redirects).")] = False,
    config: ConfigOpt = None,
    refs: RefsOpt = None,
    links: LinksOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Apply safe fixes (misspelled names; with --unsafe-fixes also redirected links)."""
    _DEBUG["on"] = debug

    def body() -> None:
        from citecheck.fix import fix_paths

        cfg = _config(config, refs=refs, **{"links.mode": links})
        outcome = fix_paths(paths, cfg, unsafe=unsafe_fixes, diff=diff)
        if diff:
            sys.stdout.write(outcome.diff)
        for line in outcome.summary_lines():
            typer.echo(line, err=True)
        raise typer.Exit(0 if outcome.ok else 2)

    _guard(body)


@app.command("rules")
def rules_command(
    rule: Annotated[str | None, typer.Argument(help="A rule code or name to explain.")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print docs/rules.md.")] = False,
) -> None:
    """List the rules, or explain one."""

    def body() -> None:
        from citecheck.rules.docs import explain, rules_markdown, rules_table
        from citecheck.rules.registry import get_rule

        if markdown:
            sys.stdout.write(rules_markdown())
            return
        if rule is None:
            sys.stdout.write(rules_table())
            return
        found = get_rule(rule)
        if found is None:
            raise _fail(f"unknown rule '{rule}' (see `citecheck rules`)")
        sys.stdout.write(explain(found))

    _guard(body)


@refs_app.command("check")
def refs_check(
    refs: Annotated[Path | None, typer.Argument(help="The catalogue (default: refs.yaml).")] = None,
    config: ConfigOpt = None,
) -> None:
    """Validate refs.yaml; a problem is reported with file and line."""

    def body() -> None:
        from citecheck.resolve.catalogue import load_catalogue

        cfg = _config(config)
        path = refs or cfg.resolve_path(cfg.refs)
        catalogue = load_catalogue(path, required=True)
        typer.echo(f"{path}: ok ({len(catalogue.sources)} sources, {len(catalogue.names)} names)")

    _guard(body)


@refs_app.command("suggest")
def refs_suggest(
    paths: PathsArg,
    config: ConfigOpt = None,
    refs: RefsOpt = None,
) -> None:
    """Print refs.yaml stanzas for the sources the catalogue lacks."""

    def body() -> None:
        from citecheck.resolve.suggest import suggest_stanzas

        cfg = _config(config, refs=refs, **{"links.mode": "off"})
        result = audit(paths, cfg, stdin=_stdin_bytes(paths), checks_enabled={"sources"})
        _report_problems(result.problems, result.report.files)
        sys.stdout.write(suggest_stanzas(result.report))
        raise typer.Exit(2 if result.problems else 0)

    _guard(body)


@config_app.command("show")
def config_show(config: ConfigOpt = None) -> None:
    """Print the effective configuration and where each value came from."""

    def body() -> None:
        from citecheck.config import show_lines

        for line in show_lines(_config(config)):
            typer.echo(line)

    _guard(body)


@app.command("init")
def init_command(
    directory: Annotated[Path, typer.Argument(help="Where to write citecheck.toml and refs.yaml.")] = Path("."),
) -> None:
    """Write a commented starter citecheck.toml and refs.yaml (never overwrites)."""

    def body() -> None:
        from citecheck.starter import write_starter_files

        for line in write_starter_files(directory):
            typer.echo(line)

    _guard(body)


@app.command("version")
def version_command() -> None:
    """Print the version."""
    typer.echo(f"citecheck {__version__}")


def main() -> None:
    try:
        app()
    except SystemExit:
        raise
    except Exception as exc:
        typer.echo(f"citecheck: internal error: {exc}", err=True)
        raise SystemExit(2) from None
