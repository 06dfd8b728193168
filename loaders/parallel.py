"""Coding articles in several processes, with the same output as one.

The coder is pure (an article in, an :class:`graph.model.Extraction` out, no state kept between
articles), so N processes give the same extractions as one; :func:`map_in_order` keeps the
input order, so what is written, printed and counted does not depend on ``jobs`` either
(``tests/test_feeds_jobs.py`` compares the two).

Workers are *spawned*, not forked: the parent may hold fetch threads, a store connection or a
SQLite handle, none of which survive a fork safely. Work goes out in chunks and at most a few
chunks per worker are in flight, so a big backfill never holds every article at once.
Exceptions cross the process boundary as plain tuples: :class:`graph.errors.InputError` does
not survive pickling (its constructor takes the file and the problem apart).

Examples
--------
>>> list(map_in_order(abs, [-2, 3, -1], jobs=1))
[2, 3, 1]
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, TypeVar, Union

from graph.errors import InputError
from graph.model import Article, Extraction

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["code_one", "code_articles", "map_in_order", "default_jobs", "Workers"]

T = TypeVar("T")
R = TypeVar("R")
Result = Union[Extraction, InputError]


def default_jobs() -> int:
    """The number of CPUs this process may use (``--jobs 0`` means this many)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def code_one(article: Article) -> Result:
    """Code one article; every failure becomes an InputError naming its source (the rules of
    :func:`loaders.extract_sources`, which calls this)."""
    from loaders import extract_article
    from loaders.coder import ExtractionTimeout

    source = article.source or "<article>"
    try:
        return extract_article(article)
    except InputError as exc:
        return exc
    except RecursionError:
        return InputError(source, "could not be coded (nested too deeply)")
    except ExtractionTimeout as exc:
        return InputError(source, f"could not be coded: {exc}")
    except Exception as exc:  # noqa: BLE001 - one article's failure never stops the batch
        return InputError(source, f"could not be coded ({type(exc).__name__}: {exc})")


def _portable(value: Any) -> Any:
    if isinstance(value, InputError):
        return ("__input_error__", value.source, value.problem, value.line)
    return value


def _restore(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 4 and value[0] == "__input_error__":
        return InputError(value[1], value[2], line=value[3])
    return value


def _run_chunk(fn: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    return [_portable(fn(_restore(item))) for item in chunk]


class Workers:
    """A pool of ``jobs`` spawned processes for several :meth:`map` calls (a poll reads pages,
    then codes articles, with the same workers); with ``jobs <= 1``, no process at all."""

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, int(jobs))
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunk: int = 8, window: int = 4) -> Iterator[R]:
        """``map(fn, items)``, results in input order (see :func:`map_in_order`)."""
        if self.jobs <= 1:
            yield from map(fn, items)
            return
        import itertools

        iterator = iter(items)
        try:
            first = next(iterator)
        except StopIteration:
            return
        iterator = itertools.chain([first], iterator)
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn")
            )
        from collections import deque

        pool = self._pool
        pending: deque = deque()

        def submit_next() -> bool:
            batch = []
            for item in iterator:
                batch.append(_portable(item))
                if len(batch) >= chunk:
                    break
            if not batch:
                return False
            pending.append(pool.submit(_run_chunk, fn, batch))
            return True

        while len(pending) < self.jobs * window and submit_next():
            pass
        while pending:
            results = pending.popleft().result()
            submit_next()
            for value in results:
                yield _restore(value)


def map_in_order(
    fn: Callable[[T], R], items: Iterable[T], *, jobs: int = 1, chunk: int = 8, window: int = 4
) -> Iterator[R]:
    """``map(fn, items)`` in ``jobs`` spawned processes, results in input order.

    ``fn`` must be a module-level function. ``chunk`` items go to a worker at a time and at
    most ``window`` chunks per worker wait, so memory stays bounded however long ``items`` is.
    With ``jobs <= 1`` it is the plain ``map``, in this process.
    """
    with Workers(jobs) as workers:
        yield from workers.map(fn, items, chunk=chunk, window=window)


def code_articles(articles: Iterable[Union[Article, InputError]], *, jobs: int = 1) -> Iterator[Result]:
    """Code a stream of articles (errors passed through in place), in ``jobs`` processes."""
    return map_in_order(_code_or_pass, articles, jobs=jobs)


def _code_or_pass(item: Union[Article, InputError]) -> Result:
    return item if isinstance(item, InputError) else code_one(item)
