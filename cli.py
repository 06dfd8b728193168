"""aigov: a knowledge graph of AI-governance events, from French and English news.

A thin Click layer: it parses options, calls the library (``graph``, ``loaders``,
``queries``) and turns every :class:`graph.errors.AigovError` into a one-line ``Error:``
message with exit code 1. Results go to stdout (table, JSON or CSV); progress and logs go to
stderr so that stdout stays pipeable.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import click

from graph.errors import AigovError, InputError, StoreUnavailable

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
#: How every command that prints rows prints them (``--format``; ``--json`` is ``--format json``).
FORMATS = ("table", "json", "csv", "jsonl")


# ----------------------------------------------------------------------------------------------
# plumbing


class State:
    """Options of the root group; the store is opened on first use and closed at exit."""

    def __init__(self, home: Path | None, store: str, neo4j: dict[str, Any], timeout: float | None = None):
        self.home = home
        self.store_kind = store
        self.neo4j = neo4j
        self.timeout = timeout
        self._store = None

    def store(self):
        if self._store is None:
            from graph.factory import open_store

            options = {k: v for k, v in self.neo4j.items() if v} if self.store_kind == "neo4j" else {}
            self._store = open_store(self.store_kind, self.home, timeout=self.timeout, **options)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


def run_library(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator: library errors become ``Error: ...`` with exit code 1."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AigovError as exc:
            raise _fail(exc) from exc

    return wrapper


def _cell(value: Any, width: int | None) -> str:
    if value is None:
        text = ""
    elif isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        text = ", ".join(str(v) for v in value)
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, float):
        text = f"{value:.3g}"
    else:
        text = str(value)
    text = " ".join(text.split())
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def render(rows: list[dict[str, Any]], columns: list[str], fmt: str, *, width: int | None = 60) -> str:
    """Rows as an aligned text table, a JSON array, JSON Lines or CSV (with a header line)."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [
                    _cell(row.get(c), None)
                    if isinstance(row.get(c), (list, dict))
                    else ("" if row.get(c) is None else row.get(c))
                    for c in columns
                ]
            )
        return buf.getvalue()
    if not rows:
        return "(no rows)\n"
    cells = [[_cell(r.get(c), width) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The output options of every command that prints rows, given to it as one ``fmt``:
    ``--format/-f table|json|csv|jsonl`` and ``--json`` (the same as ``--format json``)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, fmt: str, json_alias: bool, **kwargs: Any) -> Any:
        return fn(*args, fmt="json" if json_alias else fmt, **kwargs)

    wrapper = click.option("--json", "json_alias", is_flag=True, help="Same as --format json.")(wrapper)
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format (progress and notes go to stderr).",
    )(wrapper)


def _info(message: str, silent: bool = False) -> None:
    if not silent:
        click.echo(message, err=True)


# ----------------------------------------------------------------------------------------------
# root


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="aigov")
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="AIGOV_HOME",
    default=None,
    help="Data folder (embedded store, managed Neo4j). Default: ./.aigov",
)
@click.option(
    "--store",
    type=click.Choice(["embedded", "neo4j"]),
    envvar="AIGOV_STORE",
    default="embedded",
    show_default=True,
    help="Graph store to use.",
)
@click.option(
    "--neo4j-uri",
    envvar="NEO4J_URI",
    default=None,
    help="Bolt URI of an existing Neo4j (default: the managed server in --home).",
)
@click.option("--neo4j-user", envvar="NEO4J_USER", default=None, help="Neo4j user (default neo4j).")
@click.option(
    "--neo4j-password",
    envvar="NEO4J_PASSWORD",
    default=None,
    help="Neo4j password (default: the managed server's password file).",
)
@click.option("--neo4j-database", envvar="NEO4J_DATABASE", default=None, help="Neo4j database (default neo4j).")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True, max=10**7),
    default=None,
    envvar=["AIGOV_TIMEOUT", "AIGOV_EMBEDDED_TIMEOUT"],
    metavar="SECONDS",
    help="Seconds a query may run before the store stops it (default 600).",
)
@click.pass_context
def cli(
    ctx: click.Context,
    home: Path | None,
    store: str,
    neo4j_uri: str | None,
    neo4j_user: str | None,
    neo4j_password: str | None,
    neo4j_database: str | None,
    timeout: float | None,
) -> None:
    """aigov: a knowledge graph of AI-governance events from French and English news.

    \b
    Example:
        aigov ingest corpus/seed corpus/dev
        aigov query run bans
        aigov export rdf --format turtle -o graph.ttl
    """
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stderr)
    state = State(
        home,
        store,
        {"uri": neo4j_uri, "user": neo4j_user, "password": neo4j_password, "database": neo4j_database},
        timeout,
    )
    ctx.obj = state
    _exit_cleanly_on_sigterm(ctx)
    ctx.call_on_close(state.close)


def _exit_cleanly_on_sigterm(ctx: click.Context) -> None:
    """SIGTERM ends the command like an error does: the store is closed (the embedded server
    stopped if this was its last user, its run folder removed) instead of the process
    vanishing with them left behind. The previous handler comes back at the end."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    previous = signal.getsignal(signal.SIGTERM)

    def terminate(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    ctx.call_on_close(lambda: signal.signal(signal.SIGTERM, previous))


# ----------------------------------------------------------------------------------------------
# extract / ingest

INPUT_FORMATS = ["text", "html", "feed", "json", "jsonl", "csv", "tsv"]


def input_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--input-format and --columns, shared by extract and ingest."""
    fn = click.option(
        "--columns",
        default=None,
        metavar="FIELD=COLUMN,...",
        help="Column names in JSON Lines/CSV input for title, date, text, url, "
        "language (e.g. text=body,date=published).",
    )(fn)
    return click.option(
        "--input-format",
        type=click.Choice(INPUT_FORMATS),
        default=None,
        help="Read every input as this format (default: by extension, then by content).",
    )(fn)


def jobs_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(0, 256),
        default=1,
        show_default=True,
        help="Processes that code articles (0: one per CPU); the output is the same as with one.",
    )(fn)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["json", "jsonl", "table"]),
    default="json",
    show_default=True,
    help="json: one object per article (JSON Lines when several).",
)
@click.option("--rejected", is_flag=True, help="Also list the candidates the coder rejected (stderr).")
@jobs_option
@input_options
@run_library
def extract(
    sources: tuple[str, ...], fmt: str, rejected: bool, jobs: int, input_format: str | None, columns: str | None
) -> None:
    """Extract entities and events; print the contract JSON (nothing is stored).

    SOURCES are files, directories (walked recursively) or - for standard input: plain-text
    articles, HTML pages, RSS/Atom feeds, JSON Lines, JSON and CSV.

    \b
    Example:
        aigov extract corpus/seed/000_a26acc091d010e43.txt --format json
    """
    from loaders import extract_sources
    from loaders.parallel import default_jobs

    failed = 0
    results = []
    for item in extract_sources(list(sources), jobs=jobs or default_jobs(), format=input_format, columns=columns):
        if isinstance(item, InputError):
            click.echo(f"Error: {item}", err=True)
            failed += 1
            continue
        results.append(item)
        if rejected:
            for r in item.rejected:
                click.echo(f"rejected [{r.reason.value}] {r.detail}: {r.evidence[:100]}", err=True)
    if fmt == "table":
        rows = [
            {
                "article": ex.article.source,
                "type": ev.type.value,
                "actors": ", ".join(ex.entity(a).name for a in ev.actors),
                "targets": ", ".join(ex.entity(t).name for t in ev.targets),
                "date": ev.date,
                "modality": ev.modality.value,
                "evidence": ev.evidence,
            }
            for ex in results
            for ev in ex.events
        ]
        click.echo(render(rows, ["type", "actors", "targets", "date", "modality", "evidence"], "table"), nl=False)
    elif fmt == "json" and len(results) == 1:
        click.echo(json.dumps(results[0].to_dict(), ensure_ascii=False, indent=2))
    else:
        for ex in results:
            click.echo(json.dumps(ex.to_dict(), ensure_ascii=False))
    if failed:
        raise click.ClickException(f"{failed} input(s) could not be read (see above)")


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=None,
    help="Articles per write statement (default 1000); read, coded and written one batch at a time.",
)
@click.option("--recode", is_flag=True, help="Re-code stored articles that an older extractor version coded.")
@click.option(
    "--dry-run",
    is_flag=True,
    help="List what each article would do (add, unchanged, replace, recode); write nothing.",
)
@click.option("--silent", is_flag=True, help="No progress or summary on stderr.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@jobs_option
@input_options
@click.pass_obj
@run_library
def ingest(
    state: State,
    sources: tuple[str, ...],
    batch_size: int | None,
    recode: bool,
    dry_run: bool,
    silent: bool,
    as_json: bool,
    jobs: int,
    input_format: str | None,
    columns: str | None,
) -> None:
    """Read articles, extract events and write them to the graph store.

    SOURCES are files, folders, - (standard input) and http(s) URLs: an article page is one
    article, a feed (RSS/Atom, told by its content type and content) gives the pages of its
    entries (its own text of an entry when the page cannot be read). A URL read before is
    asked again conditionally and not coded again unless its text changed.

    Re-ingesting an unchanged article changes nothing; a changed page (same url) replaces
    its old version. Bad files are reported (file: problem) and skipped; the exit code is 1
    when any input failed.

    \b
    Example:
        aigov ingest corpus/seed corpus/dev
        aigov ingest --jobs 2 news/
        aigov ingest https://example.org/news/2026/01/14/grok.html
        aigov --store neo4j ingest news/
    """
    from graph.store import DEFAULT_BATCH_SIZE, IngestSummary
    from loaders import coder_version, extract_sources
    from loaders.fetch import is_url
    from loaders.parallel import default_jobs

    jobs = jobs or default_jobs()
    urls = [s for s in sources if is_url(s)]
    paths = [s for s in sources if not is_url(s)]
    if urls and dry_run:
        raise click.UsageError(
            "--dry-run reads files only (a URL is fetched, and its state kept, when it is ingested)"
        )
    batch_size = batch_size or DEFAULT_BATCH_SIZE

    def report(error: str) -> None:
        click.echo(f"Error: {error}", err=True)

    # Read, coded and written as they come: no list of every extraction (bodies included).
    read_all = [False]  # set once the input is exhausted
    items = (
        _counted(extract_sources(paths, jobs=jobs, format=input_format, columns=columns), silent, read_all)
        if paths
        else iter(())
    )
    if dry_run:
        rows: list[dict[str, Any]] = []
        summary = state.store().dry_run(
            items,
            extractor=coder_version(),
            batch_size=batch_size,
            recode=recode,
            on_error=report,
            on_plan=lambda planned: rows.extend(_plan_row(p) for p in planned),
        )
        if not as_json:
            click.echo(render(rows, ["action", "source", "events", "replaces"], "table", width=None), nl=False)
        _print_summary(summary, as_json, silent, prefix="to add")
        if summary.errors:
            raise click.ClickException(f"{len(summary.errors)} input(s) failed")
        return
    summary = IngestSummary()
    if paths:
        store = state.store()

        written = [0]

        def progress(n: int) -> None:
            written[0] += n
            # a line per batch when there is more than one (a batch is written once the next
            # article has been read: whether the input is over is known by then)
            if not silent and not (read_all[0] and written[0] == n):
                _info(f"written {written[0]} articles")

        try:
            summary = store.write(
                items,
                extractor=coder_version(),
                batch_size=batch_size,
                recode=recode,
                progress=progress,
                on_error=report,
            )
        except StoreUnavailable as exc:
            # the store stopped the run (lost, full disk): what was committed, then one error line
            if exc.summary is not None:
                _print_summary(exc.summary, as_json, silent)
            raise
    web = None
    if urls:
        web = _run_round(
            state, lambda poller: poller.ingest(urls), jobs=jobs, silent=silent, batch_size=batch_size
        )
    if as_json:
        data = summary.to_dict() if paths else {}
        if web is not None:
            data["urls"] = web.to_dict()
        click.echo(json.dumps(data))
    elif not silent:
        if paths:
            _print_summary(summary, False, silent)
        if web is not None:
            _info(_round_line(web, "URL"))
    failed = len(summary.errors) + (len(web.errors) if web is not None else 0)
    if failed:
        raise click.ClickException(f"{failed} input(s) failed; the others were stored")


def _counted(items: Iterator[Any], silent: bool, read_all: list[bool]) -> Iterator[Any]:
    """``items`` as they come, with a progress line every 100 articles coded; ``read_all``
    is set once they are all read."""
    n = 0
    for item in items:
        if not isinstance(item, InputError):
            n += 1
            if not silent and n % 100 == 0:
                _info(f"extracted {n} articles…")
        yield item
    read_all[0] = True


def _plan_row(p: Any) -> dict[str, Any]:
    """One line of ``ingest --dry-run``'s table (what :meth:`GraphStore.dry_run` planned)."""
    return {
        "action": p.action,
        "source": p.extraction.article.source,
        "events": len(p.extraction.events),
        "replaces": ", ".join(r[:12] for r in p.replaces),
    }


def _print_summary(summary, as_json: bool, silent: bool, prefix: str = "added") -> None:
    data = summary.to_dict()
    if as_json:
        click.echo(json.dumps(data))
    elif not silent:
        _info(
            f"{data['read']} articles read: {data['added']} {prefix}, {data['unchanged']} unchanged, "
            f"{data['replaced']} replaced, {data['recoded']} recoded; {data['events']} events, "
            f"{data['entities']} entities; {data['rejected']} candidates rejected; "
            f"{data['errors']} errors"
        )


# ----------------------------------------------------------------------------------------------
# feeds and URLs


class _Progress:
    """Progress of a round on stderr: a line rewritten in place on a terminal; elsewhere (a
    log, cron) one line as each stage starts, so a log shows where a round is."""

    LABELS = {
        "feeds": "fetching {} feed",
        "urls": "fetching {} URL",
        "pages": "fetching {} page",
        "read": "reading {} page",
        "code": "coding {} article",
        "write": "writing {} source",
    }

    def __init__(self, silent: bool):
        self.silent = silent
        self.tty = sys.stderr.isatty()
        self.open = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.silent or not total:
            return
        label = self.LABELS.get(stage, stage + " {}").format(total) + ("s" if total != 1 else "")
        if self.tty:
            width = 30
            filled = int(width * done / total)
            click.echo(
                f"\r{label:<24} [{'#' * filled}{'-' * (width - filled)}] {done}/{total}", err=True, nl=False
            )
            self.open = done < total
            if done >= total:
                click.echo("", err=True)
        elif done == 0:
            click.echo(f"{label}…", err=True)

    def close(self) -> None:
        if self.open:
            click.echo("", err=True)
            self.open = False


def _fetcher():
    from loaders.fetch import Fetcher, FetchPolicy

    return Fetcher(FetchPolicy.from_env())


def _feed_book(state: State):
    from graph.store import default_home
    from loaders.feedstate import FeedBook

    return FeedBook(state.home or default_home())


def _poller(
    state: State,
    book,
    *,
    jobs: int,
    progress,
    batch_size: int | None = None,
    max_new: int | None = None,
    every: float | None = None,
):
    """A Poller over the home's feed state, writing to the store (opened on first write)."""
    from graph.sink import StoreSink
    from graph.store import DEFAULT_BATCH_SIZE
    from loaders import coder_version
    from loaders.feeds import DEFAULT_EVERY, DEFAULT_MAX_NEW, Poller
    from loaders.parallel import default_jobs

    sink = StoreSink(state.store, extractor=coder_version(), batch_size=batch_size or DEFAULT_BATCH_SIZE)
    return Poller(
        book,
        _fetcher(),
        sink,
        jobs=jobs or default_jobs(),
        max_new=max_new or DEFAULT_MAX_NEW,
        every=every or DEFAULT_EVERY,
        progress=progress,
    )


def _run_round(
    state: State,
    run: Callable[[Any], Any],
    *,
    jobs: int,
    silent: bool,
    batch_size: int | None = None,
    max_new: int | None = None,
):
    """Run one round of a Poller; print its errors and notes (stderr); return its report. A
    lost store stops the round: what was done before it is printed, then the error."""
    progress = _Progress(silent)
    with _feed_book(state) as book:
        poller = _poller(state, book, jobs=jobs, progress=progress, batch_size=batch_size, max_new=max_new)
        try:
            report = run(poller)
        except StoreUnavailable:
            progress.close()
            _echo_round(poller.report, silent)
            raise
        finally:
            progress.close()
    _echo_round(report, silent)
    return report


def _echo_round(report, silent: bool) -> None:
    for err in report.errors:
        click.echo(f"Error: {err}", err=True)
    if not silent:
        for src in report.sources:
            for note in src.notes:
                click.echo(
                    f"note: {src.label}: {note}"
                    if not note.startswith(("http://", "https://"))
                    else f"note: {note}",
                    err=True,
                )


def _round_line(report, what: str = "feed") -> str:
    t = report.totals()
    n = len([s for s in report.sources if s.polled])
    http = report.http
    return (
        f"{n} {what}{'s' if n != 1 else ''} read: {t['new']} new ({t['replaced']} replacing an older "
        f"text, {t['summaries']} from feed summaries), {t['unchanged']} unchanged, {t['failed']} failed, "
        f"{t['pending']} pending; {t['events']} events; {http.get('requests', 0)} HTTP requests "
        f"({http.get('conditional', 0)} conditional, {http.get('not_modified', 0)} not modified); "
        f"fetch {report.fetch_s:.2f} s, extract {report.extract_s:.2f} s, write {report.write_s:.2f} s"
    )


_ROUND_COLUMNS = ["feed", "status", "new", "unchanged", "failed", "from_summary", "pending", "events"]


def _round_rows(report) -> list[dict[str, Any]]:
    return [
        {
            "feed": s.label,
            "status": s.status,
            "new": s.new,
            "unchanged": s.unchanged,
            "failed": s.failed,
            "from_summary": s.summaries,
            "pending": s.pending,
            "events": s.events,
        }
        for s in report.sources
    ]


def _print_round(report, as_json: bool, silent: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.to_dict()))
        return
    if silent:
        return
    if report.sources:
        click.echo(render(_round_rows(report), _ROUND_COLUMNS, "table"), err=True, nl=False)
    _info(_round_line(report))


@cli.group()
def feeds() -> None:
    """Follow RSS/Atom feeds: add, list, remove, update (poll them now)."""


@feeds.command("add")
@click.argument("url")
@click.option("--name", default=None, help="A name to show in lists and summaries.")
@click.option(
    "--language",
    type=click.Choice(["fr", "en"]),
    default=None,
    help="The feed's language, used when an article's text alone does not tell.",
)
@click.pass_obj
@run_library
def feeds_add(state: State, url: str, name: str | None, language: str | None) -> None:
    """Follow a feed (again, if it was gone). Nothing is fetched until `aigov feeds update`
    or `aigov watch`.

    \b
    Example:
        aigov feeds add https://example.org/rss.xml --name "Example" --language fr
    """
    from loaders.feedstate import validate_feed_url

    url = validate_feed_url(url)
    with _feed_book(state) as book:
        existed = book.get(url) is not None
        feed = book.add(url, name=name, language=language)
    click.echo(
        f"{'updated' if existed else 'following'} {feed.url}"
        + (f" ({feed.name})" if feed.name else "")
        + (f", language {feed.language}" if feed.language else "")
    )


@feeds.command("list")
@output_options
@click.pass_obj
@run_library
def feeds_list(state: State, fmt: str) -> None:
    """The followed feeds: status, last fetch, entries read, failures, next poll."""
    from loaders.feedstate import epoch_to_iso

    with _feed_book(state) as book:
        rows = []
        for f in book.feeds():
            status = "gone" if f.gone_at else ("failing" if f.failures else ("new" if not f.last_fetch else "ok"))
            rows.append(
                {
                    "url": f.url,
                    "name": f.name,
                    "language": f.language,
                    "status": status,
                    "last_fetch": f.last_fetch,
                    "last_status": f.last_status,
                    "entries": f.entries,
                    "stored": f.stored,
                    "failures": f.failures,
                    "last_error": f.last_error,
                    "next_poll": epoch_to_iso(f.next_poll) if not f.gone_at else None,
                }
            )
    columns = [
        "url",
        "name",
        "language",
        "status",
        "last_fetch",
        "last_status",
        "entries",
        "stored",
        "failures",
        "next_poll",
        "last_error",
    ]
    click.echo(render(rows, columns, fmt), nl=False)


@feeds.command("remove")
@click.argument("url")
@click.pass_obj
@run_library
def feeds_remove(state: State, url: str) -> None:
    """Stop following a feed and forget its entries (the articles stay in the graph)."""
    with _feed_book(state) as book:
        if not book.remove(url.strip()):
            raise click.ClickException(f"{url}: not a followed feed (see `aigov feeds list`)")
    click.echo(f"removed {url.strip()}")


def poll_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by feeds update and watch."""
    options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.option(
            "--max-new",
            type=click.IntRange(1, 1_000_000),
            default=None,
            help="Entries of one feed fetched per poll (default 200); the rest wait for the next polls.",
        ),
        jobs_option,
        click.option(
            "--batch-size", type=click.IntRange(1, 10_000), default=None, help="Articles per write statement."
        ),
        click.option("--silent", is_flag=True, help="No progress, notes or summary on stderr (errors stay)."),
        click.option("--json", "as_json", is_flag=True, help="Print each poll's report as JSON on stdout."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


@feeds.command("update")
@click.argument("urls", nargs=-1)
@click.option(
    "--force",
    is_flag=True,
    help="Also poll gone feeds and feeds waiting after failures or on a server's Retry-After.",
)
@poll_options
@click.pass_obj
@run_library
def feeds_update(
    state: State,
    urls: tuple[str, ...],
    force: bool,
    max_new: int | None,
    jobs: int,
    batch_size: int | None,
    silent: bool,
    as_json: bool,
) -> None:
    """Poll the followed feeds once (URLS: only these) and ingest their new entries' pages.

    Feeds are asked conditionally (ETag, Last-Modified); entries read before are not fetched
    again; a page that cannot be read gives the feed's own text of the entry. A summary per
    feed (new, unchanged, failed) goes to stderr; the exit code is 1 when anything failed.

    \b
    Example:
        aigov feeds update
        aigov feeds update https://example.org/rss.xml --jobs 2
    """
    report = _run_round(
        state,
        lambda poller: poller.poll(list(urls) or None, force=force),
        jobs=jobs,
        silent=silent,
        batch_size=batch_size,
        max_new=max_new,
    )
    _print_round(report, as_json, silent)
    if not report.sources and not silent:
        _info("no feeds followed yet: add one with `aigov feeds add URL`")
    if report.errors:
        raise click.ClickException(f"{len(report.errors)} failure(s) (see above); the rest was stored")


@cli.command()
@click.option(
    "--every",
    default="15m",
    show_default=True,
    metavar="INTERVAL",
    help="Time between two polls of a feed: 90s, 15m, 1h, 1d.",
)
@click.option(
    "--rounds",
    type=click.IntRange(1, None),
    default=None,
    help="Stop after this many rounds (default: run until stopped).",
)
@poll_options
@click.pass_obj
@run_library
def watch(
    state: State,
    every: str,
    rounds: int | None,
    max_new: int | None,
    jobs: int,
    batch_size: int | None,
    silent: bool,
    as_json: bool,
) -> None:
    """Poll every followed feed as it comes due, ingest new entries, and keep going.

    Each round polls the feeds whose next poll has come (a failing feed backs off, a server's
    Retry-After is honoured, a gone feed is left alone), prints its summary and waits for the
    next feed to be due. Stop it with Ctrl-C or SIGTERM; the exit code is 1 when a round had
    a failure. Under cron or a systemd timer, `aigov feeds update` is the one-shot form.

    \b
    Example:
        aigov watch --every 15m
        aigov watch --every 1h --jobs 2 --silent
    """
    import datetime as dt

    from loaders.feeds import parse_interval, watch as watch_feeds

    seconds = parse_interval(every)
    failed = [0]
    progress = _Progress(silent)

    def each(report) -> None:
        progress.close()
        _echo_round(report, silent)
        failed[0] += len(report.errors)
        if as_json:
            click.echo(json.dumps(report.to_dict()))
        elif not silent and any(s.polled for s in report.sources):
            stamp = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
            _info(f"[{stamp}] " + _round_line(report))

    with _feed_book(state) as book:
        if not book.feeds() and not silent:
            _info("no feeds followed yet: add one with `aigov feeds add URL`; watching anyway")
        poller = _poller(
            state, book, jobs=jobs, progress=progress, batch_size=batch_size, max_new=max_new, every=seconds
        )
        try:
            watch_feeds(poller, every=seconds, rounds=rounds, on_round=each)
        finally:
            progress.close()
    if failed[0]:
        raise click.ClickException(f"{failed[0]} failure(s) while watching (see above)")


# ----------------------------------------------------------------------------------------------
# queries


@cli.group()
def query() -> None:
    """Canned Cypher queries (list, show, run) and ad-hoc read-only Cypher."""


@query.command("list")
@output_options
@run_library
def query_list(fmt: str) -> None:
    """List the canned queries with a one-line description."""
    import queries

    rows = [
        {
            "name": q.name,
            "description": q.description,
            "parameters": ", ".join(f"{p.name}={p.default}" for p in q.params.values()),
        }
        for q in queries.all_queries()
    ]
    click.echo(render(rows, ["name", "description", "parameters"], fmt, width=None), nl=False)


@query.command("show")
@click.argument("name")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter (repeatable), printed as a :param line.",
)
@run_library
def query_show(name: str, params: tuple[str, ...]) -> None:
    """Print a canned query for Neo4j Browser: its `:param` lines, then its Cypher.

    Run the two parts in Browser one after the other: the `:param` lines set the parameters
    (integers stay integers), then the query's frame shows the rows. Names are printed as
    given; the query folds case and accents itself.

    \b
    Example:
        aigov query show timeline -p entity=Grok -p limit=20
    """
    import queries

    click.echo(queries.get(name).browser_script(_parse_params(params)), nl=False)


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        k, v = pair.split("=", 1)
        out[k.strip()] = v
    return out


params_option = click.option(
    "--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeatable)."
)


@query.command("run")
@click.argument("name")
@params_option
@output_options
@click.pass_obj
@run_library
def query_run(state: State, name: str, params: tuple[str, ...], fmt: str) -> None:
    """Run a canned query.

    \b
    Example:
        aigov query run bans --format table
        aigov query run timeline --param entity=Grok --param from=2026-01-01
    """
    import queries

    columns, rows = queries.rows(state.store(), name, _parse_params(params))
    click.echo(render(rows, columns, fmt), nl=False)


@query.command("cypher")
@click.argument("text")
@params_option
@output_options
@click.pass_obj
@run_library
def query_cypher(state: State, text: str, params: tuple[str, ...], fmt: str) -> None:
    """Run an ad-hoc, read-only Cypher query (writes, LOAD CSV and procedures that are not
    read-only are refused).

    \b
    Example:
        aigov query cypher "MATCH (n:Entity) RETURN n.type AS type, count(*) AS n"
    """
    from graph.guard import check_read

    check_read(text, refusal="`aigov query cypher` only runs read-only queries")
    rows = state.store().read(text, _parse_params(params))
    columns = list(rows[0].keys()) if rows else []
    click.echo(render(rows, columns, fmt), nl=False)


# ----------------------------------------------------------------------------------------------
# stats, eval


@cli.command()
@output_options
@click.pass_obj
@run_library
def stats(state: State, fmt: str) -> None:
    """Counts of nodes by label and relationships by type."""
    counts = state.store().counts()
    rows = [{"kind": "label", "name": k, "count": v} for k, v in counts["labels"].items()]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in counts["relationships"].items()]
    click.echo(render(rows, ["kind", "name", "count"], fmt), nl=False)


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@run_library
def eval_(gold: tuple[Path, ...], as_json: bool) -> None:
    """Score extraction against gold annotations (precision, recall, F1, dates).

    Several sets are scored apart and shown side by side (then the report of all of them).

    \b
    Examples:
        aigov eval corpus/dev
        aigov eval corpus/dev corpus/blind
    """
    from loaders.evaluate import combine, evaluate, summary_row

    reports = [evaluate([g]) for g in gold]
    report = combine(reports) if len(reports) > 1 else reports[0]
    if as_json:
        out = report.to_dict()
        if len(reports) > 1:
            out["sets"] = [summary_row(str(g), r) for g, r in zip(gold, reports)]
        click.echo(json.dumps(out, indent=2))
        return
    if len(reports) > 1:
        rows = [summary_row(str(g), r) for g, r in zip(gold, reports)] + [summary_row("all", report)]
        click.echo(render(rows, list(rows[0]), "table"), nl=False)
        click.echo()
    click.echo(report.to_text())


@cli.command()
@click.option("--top", type=int, default=15, show_default=True, help="Rows of the centrality table.")
@click.option("--ego", metavar="ENTITY", default=None, help="Report the ego network of this entity instead.")
@click.option("--radius", type=int, default=1, show_default=True, help="Hops of the ego network.")
@click.option(
    "--write",
    "write_to",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the graph (or ego network) as .graphml or .gexf.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the community detection.")
@output_options
@click.pass_obj
@run_library
def analyze(
    state: State, top: int, ego: str | None, radius: int, write_to: Path | None, seed: int, fmt: str
) -> None:
    """Network analysis: central actors and targets, co-acting communities, ego networks.

    \b
    Example:
        aigov analyze --top 10
        aigov analyze --ego Grok --write grok.gexf
    """
    from graph import analysis

    g = analysis.load_graph(state.store())
    if ego:
        g = analysis.ego_network(g, ego, radius)
    rows = analysis.centrality(g, top)
    click.echo(
        render(rows, ["name", "type", "acts", "targeted", "degree_centrality", "betweenness"], fmt), nl=False
    )
    if fmt == "table":
        communities = analysis.co_acting_communities(g, seed=seed)
        click.echo(f"\n{len(communities)} communities of co-acting actors:")
        for i, names in enumerate(communities, 1):
            click.echo(f"  {i}. " + ", ".join(names))
    _info(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} event edges")
    if write_to:
        write_to.parent.mkdir(parents=True, exist_ok=True)
        analysis.write_graph(g, write_to)
        _info(f"wrote {write_to}")


# ----------------------------------------------------------------------------------------------
# export


@cli.group()
def export() -> None:
    """Export the graph: RDF, JSON Lines, CSV."""


RDF_FORMATS = ["turtle", "nt", "json-ld", "xml", "trig", "nquads", "turtle12", "ntriples12"]
#: the RDF 1.2 formats' former names, still accepted
RDF_FORMAT_OLD_NAMES = {"turtle-star": "turtle12", "ntriples-star": "ntriples12"}


@export.command("rdf")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(RDF_FORMATS + list(RDF_FORMAT_OLD_NAMES)),
    default="turtle",
    show_default=True,
    help="turtle12 and ntriples12 are RDF 1.2 syntax (each direct triple reified by its event); "
    "turtle-star and ntriples-star are their former names.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(allow_dash=True, path_type=Path),
    default=None,
    help="Output file (default: stdout, as is -), replaced only once the export is complete.",
)
@click.option("--validate", is_flag=True, help="Check the output against the SHACL shapes (pyshacl).")
@click.option(
    "--aligned/--no-aligned",
    default=True,
    show_default=True,
    help="Also write the schema.org / PROV-O / SEM super-classes and super-properties.",
)
@click.pass_obj
@run_library
def export_rdf_cmd(state: State, fmt: str, output: Path | None, validate: bool, aligned: bool) -> None:
    """Export the graph as RDF (one named graph per article in TriG/N-Quads).

    \b
    Example:
        aigov export rdf --format turtle -o graph.ttl
        aigov export rdf --format trig -o graph.trig --validate
        aigov export rdf --format nt --no-aligned -o graph.nt
    """
    from graph.export import export_rdf
    from graph.export.output import make_folder

    output = _file_or_stdout(output)
    if output is None:
        result = export_rdf(state.store(), sys.stdout.buffer, fmt, validate=validate, aligned=aligned)
    else:
        make_folder(output.parent)
        result = export_rdf(state.store(), output, fmt, validate=validate, aligned=aligned)
    _info(_describe(result, output))
    if validate and result.conforms is False:
        click.echo(result.validation_report or "", err=True)
        raise click.ClickException("the export does not conform to the SHACL shapes (report above)")


@export.command("ontology")
@click.option(
    "--output",
    "-o",
    type=click.Path(allow_dash=True, path_type=Path),
    default=None,
    help="Output file (default: stdout, as is -), replaced only once it is complete.",
)
@run_library
def export_ontology_cmd(output: Path | None) -> None:
    """Export the aigov ontology (OWL, Turtle): classes and properties of the closed
    vocabulary with labels and definitions in English and French.

    \b
    Example:
        aigov export ontology -o aigov.ttl
    """
    from graph import vocab
    from graph.export.output import binary_out, make_folder

    output = _file_or_stdout(output)
    if output is None:
        n, where = vocab.write_ontology(sys.stdout.buffer), "stdout"
    else:
        make_folder(output.parent)
        with binary_out(output) as fh:
            n, where = vocab.write_ontology(fh), str(output)
    _info(f"wrote {n} triples to {where}: the aigov ontology {vocab.VERSION}")


def _file_or_stdout(output: Path | None) -> Path | None:
    """The file to write, or ``None`` for stdout (no ``-o``, or ``-o -``)."""
    return None if output is None or str(output) == "-" else output


def _describe(result: Any, output: Path | None) -> str:
    where = str(output) if output else "stdout"
    text = (
        f"wrote {result.triples} triples to {where}: {result.events} events, "
        f"{result.entities} entities, {result.articles} articles"
    )
    if result.conforms is True:
        text += " (SHACL: conforms)"
    return text


@export.command("jsonl")
@click.option(
    "--output",
    "-o",
    type=click.Path(allow_dash=True, path_type=Path),
    default=None,
    help="Output file (default: stdout, as is -), replaced only once the export is complete.",
)
@click.pass_obj
@run_library
def export_jsonl_cmd(state: State, output: Path | None) -> None:
    """Export nodes and relationships as JSON Lines."""
    from graph.export import export_jsonl

    output = _file_or_stdout(output)
    if output is None:
        export_jsonl(state.store(), sys.stdout)
    else:
        export_jsonl(state.store(), output)
        _info(f"wrote {output}")


@export.command("csv")
@click.option(
    "--output",
    "-o",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("out/csv"),
    show_default=True,
    help="Folder for nodes.csv and relationships.csv.",
)
@click.pass_obj
@run_library
def export_csv_cmd(state: State, out_dir: Path) -> None:
    """Export nodes.csv and relationships.csv (for pandas)."""
    from graph.export import export_csv

    export_csv(state.store(), out_dir)
    _info(f"wrote {out_dir}/nodes.csv and {out_dir}/relationships.csv")


# ----------------------------------------------------------------------------------------------
# the managed Neo4j server


@cli.group()
def neo4j() -> None:
    """Manage a local Neo4j Community server assembled from Maven Central."""


def _server(state: State, bolt_port: int | None = None, http_port: int | None = None):
    from graph.server import ManagedNeo4j
    from graph.store import default_home

    return ManagedNeo4j(state.home or default_home(), bolt_port, http_port)


@neo4j.command("install")
@click.pass_obj
@run_library
def neo4j_install(state: State) -> None:
    """Resolve the Neo4j jars from Maven Central (cached; instant when already there)."""
    server = _server(state)
    lib = server.install()
    _info(f"Neo4j installed in {lib}")


@neo4j.command("start")
@click.option("--timeout", type=int, default=180, show_default=True, help="Seconds to wait for Bolt.")
@click.option(
    "--bolt-port",
    "--port",
    "bolt_port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Bolt port (default: the one of the last start, else 7687); kept for later starts.",
)
@click.option(
    "--http-port",
    type=click.IntRange(1, 65535),
    default=None,
    help="HTTP port of Browser (default: the one of the last start, else 7474); kept too.",
)
@click.pass_obj
@run_library
def neo4j_start(state: State, timeout: int, bolt_port: int | None, http_port: int | None) -> None:
    """Start the managed server (installs first if needed); wait until Bolt answers.

    \b
    Example:
        aigov neo4j start --bolt-port 7688 --http-port 7475
    """
    server = _server(state, bolt_port, http_port)
    server.install()
    status = server.start(timeout=timeout)
    click.echo(
        f"Neo4j {status.version or ''} running (pid {status.pid}): {status.bolt_uri}  "
        f"Browser: {server.browser_url()}"
    )


@neo4j.command("stop")
@click.pass_obj
@run_library
def neo4j_stop(state: State) -> None:
    """Stop the managed server cleanly."""
    _server(state).stop()
    click.echo("Neo4j stopped")


@neo4j.command("status")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@run_library
def neo4j_status(ctx: click.Context, as_json: bool) -> None:
    """Is the managed server running, on which ports? Exit code 0 when it runs, 3 when it
    is stopped (as LSB init scripts say), so scripts can test it."""
    status = _server(ctx.obj).status()
    data = {
        k: getattr(status, k) for k in ("running", "pid", "bolt_uri", "http_url", "version") if hasattr(status, k)
    }
    if as_json:
        click.echo(json.dumps(data))
    else:
        click.echo("running" if status.running else "stopped (start it with `aigov neo4j start`)")
        for k, v in data.items():
            if k != "running" and v is not None:
                click.echo(f"  {k}: {v}")
    if not status.running:
        ctx.exit(3)


@neo4j.command("browser")
@click.option("--open", "open_", is_flag=True, help="Open it in the default web browser.")
@click.pass_obj
@run_library
def neo4j_browser(state: State, open_: bool) -> None:
    """Print the Neo4j Browser address, how to log in, and where its style and guide are."""
    from queries.guide import EVENTS_ONLY

    server = _server(state)
    url = server.browser_url()
    click.echo(f"Neo4j Browser: {url}")
    click.echo(f"  connect to {server.status().bolt_uri} as user 'neo4j';")
    click.echo(f"  the password is in {server.password_file} (readable by you only)")
    click.echo("  on login Browser applies aigov's style and opens aigov's guide, served by the server:")
    click.echo(f"    :style {server.style_url()}")
    click.echo(f"    :play {server.guide_url()}")
    click.echo("  try: " + " ".join(EVENTS_ONLY.split()))
    if open_:
        click.launch(url)


# ----------------------------------------------------------------------------------------------
# store copy


@cli.group()
def store() -> None:
    """Move the graph between stores."""


@store.command("copy")
@click.option("--from", "source", type=click.Choice(["embedded", "neo4j"]), required=True)
@click.option("--to", "target", type=click.Choice(["embedded", "neo4j"]), required=True)
@click.pass_obj
@run_library
def store_copy(state: State, source: str, target: str) -> None:
    """Copy every article with its events from one store to the other (idempotent).

    \b
    Example:
        aigov store copy --from embedded --to neo4j
    """
    from graph.factory import copy_store, open_store

    if source == target:
        raise click.UsageError("--from and --to name the same store")
    neo = {k: v for k, v in state.neo4j.items() if v}
    with (
        open_store(source, state.home, timeout=state.timeout, **(neo if source == "neo4j" else {})) as src,
        open_store(target, state.home, timeout=state.timeout, **(neo if target == "neo4j" else {})) as dst,
    ):
        summary = copy_store(src, dst)
    _info(f"copied {summary.added} articles ({summary.unchanged} already there), {summary.events} events")


if __name__ == "__main__":  # pragma: no cover
    cli()
