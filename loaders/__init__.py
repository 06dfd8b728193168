"""Loaders: files in, :class:`graph.model.Extraction` records out.

``extract_sources`` is the one pipeline that both ``aigov extract`` and ``aigov ingest`` use,
so what ``extract`` shows is exactly what ``ingest`` writes. It never drops an input
silently: every source yields either an Extraction or an :class:`graph.errors.InputError`
that names the file and the problem.

Examples
--------
>>> from pathlib import Path
>>> seed = Path(__file__).resolve().parent.parent / "corpus" / "seed"
>>> [type(r).__name__ for r in extract_sources([str(seed)])]
['Extraction']
"""

from __future__ import annotations

from typing import Iterator, Union

from graph.errors import InputError
from graph.model import Article, Extraction
from loaders.lang import SUPPORTED

__all__ = ["extract_sources", "extract_article", "coder_version", "Result"]

Result = Union[Extraction, InputError]


def coder_version() -> str:
    """The version of the event coder (recorded on every stored article).

    With the optional NER on (``AIGOV_NER=1``) the model's version is part of it, so that
    ``ingest --recode`` tells the two kinds of output apart.
    """
    import os

    from loaders.coder import CODER_VERSION

    if os.environ.get("AIGOV_NER", "") == "1":
        from loaders import ner

        model = ner.model_version("fr")
        if model:
            return f"{CODER_VERSION}+ner.{model}"
    return CODER_VERSION


def extract_article(article: Article) -> Extraction:
    """Code one article; refuse languages the coder does not read, and text no store takes.

    A NUL character (from a ``\\u0000`` escape in JSON, or a decoder) is refused here, so that
    ``extract`` and ``ingest`` give the same error line; the stores refused it at write time
    with "Failed to parse query parameter".
    """
    for name in ("body", "title", "url", "source"):
        value = getattr(article, name, None)
        if isinstance(value, str) and "\x00" in value:
            raise InputError(
                article.source or "<article>",
                f"the article's {'text' if name == 'body' else name} holds a NUL "
                f"character (at character {value.index(chr(0))}), which no store accepts",
            )
    if article.language not in SUPPORTED:
        raise InputError(
            article.source or "<article>",
            f"language {article.language!r} is not supported (aigov reads {', '.join(SUPPORTED)})",
        )
    from loaders.coder import code

    return code(article)


def extract_sources(sources: list[str], *, jobs: int = 1, **read_options) -> Iterator[Result]:
    """Read every source and code every article; yield Extractions or InputErrors in order.

    ``jobs`` > 1 codes in that many processes (:mod:`loaders.parallel`): the same results, in
    the same order.
    """
    from loaders.parallel import code_articles
    from loaders.read import read_sources

    return code_articles(read_sources(sources, **read_options), jobs=jobs)
