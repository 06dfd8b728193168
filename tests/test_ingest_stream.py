"""Streamed ingest (issue 14): the store writes batch by batch while its input is still being
read, keeps no extraction it has written, and a dry run plans batch by batch as the write does."""

from __future__ import annotations

import dataclasses
import gc
import weakref

from bench import corpus
from graph.errors import InputError
from graph.model import Article, Extraction
from tests import graphdata


def test_batches_are_written_while_the_input_is_read_and_not_kept(embedded):
    """The source yields 25 extractions made on demand; batches of 5 are written as they fill,
    and what was written is no longer referenced (memory holds a batch, not the input)."""
    consumed: list[int] = []
    alive: list[weakref.ref[Extraction]] = []
    at_batch: list[tuple[int, int, int]] = []  # (articles written, articles read, still alive)

    def source():
        for i, ex in enumerate(corpus.iter_extractions(25, seed=11)):
            consumed.append(i)
            alive.append(weakref.ref(ex))
            yield ex

    def progress(n: int) -> None:
        gc.collect()
        written = n + (at_batch[-1][0] if at_batch else 0)
        at_batch.append((written, len(consumed), sum(1 for r in alive if r() is not None)))

    summary = embedded.write(source(), extractor="t1", batch_size=5, progress=progress)
    assert summary.added == summary.read == 25
    assert [w for w, _, _ in at_batch] == [5, 10, 15, 20, 25]
    # each batch is written when it is full (one article read ahead), not after the whole input
    assert [r for _, r, _ in at_batch] == [6, 11, 16, 21, 25]
    # the written batches are let go: at most the batch in hand and the one read ahead live
    assert max(n for _, _, n in at_batch) <= 6
    assert embedded.counts()["labels"]["Article"] == 25


def test_read_errors_pass_through_to_the_one_summary_in_input_order(embedded):
    fr, en = graphdata.both()
    told: list[str] = []
    items = [InputError("a.txt", "empty file"), fr, InputError("b.bin", "not text"), en]
    summary = embedded.write(iter(items), extractor="t1", batch_size=1, on_error=told.append)
    assert (summary.read, summary.added) == (2, 2)
    assert summary.errors == told == ["a.txt: empty file", "b.bin: not text"]


def _inputs() -> list[Extraction]:
    fr, en = graphdata.both()
    moved = Article.from_text(
        fr.article.body + " Mise à jour.",
        title="Grok",
        published="2026-01-14",
        language="fr",
        source="fr2.txt",
        url=fr.article.url,
    )
    again = dataclasses.replace(en)
    return [fr, en, again, Extraction(moved), en]


def test_a_dry_run_counts_what_the_write_then_does_whatever_the_batching(embedded):
    for batch in (1, 2, 3, 10):
        actions: list[str] = []
        dry = embedded.dry_run(
            iter(_inputs()),
            extractor="t1",
            batch_size=batch,
            on_plan=lambda ps, seen=actions: seen.extend(p.action for p in ps),
        )
        assert embedded.counts()["labels"].get("Article", 0) == 0  # nothing written
        done = embedded.write(iter(_inputs()), extractor="t1", batch_size=batch)
        fields = ("read", "unchanged", "replaced", "recoded", "events")
        assert [getattr(dry, f) for f in fields] == [getattr(done, f) for f in fields], batch
        # "to add" counts new pages; the write's "added" also counts the texts that replace
        assert done.added == dry.added + actions.count("replace"), batch
        embedded.clear()


def test_a_dry_run_sees_the_articles_of_its_earlier_batches_as_written(embedded):
    planned: list[str] = []
    embedded.dry_run(
        iter(_inputs()), extractor="t1", batch_size=1, on_plan=lambda ps: planned.extend(p.action for p in ps)
    )
    assert planned == ["add", "add", "unchanged", "replace", "unchanged"]
    planned.clear()
    embedded.dry_run(
        iter(_inputs()), extractor="t1", batch_size=10, on_plan=lambda ps: planned.extend(p.action for p in ps)
    )
    assert planned == ["superseded", "add", "unchanged", "add", "unchanged"]
