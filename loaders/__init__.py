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
            raise InputError(article.source or "<article>",
                             f"the article's {'text' if name == 'body' else name} holds a NUL "
                             f"character (at character {value.index(chr(0))}), which no store accepts")
    if article.language not in SUPPORTED:
        raise InputError(article.source or "<article>",
                         f"language {article.language!r} is not supported "
                         f"(aigov reads {', '.join(SUPPORTED)})")
    from loaders.coder import code

    return code(article)


def extract_sources(sources: list[str], **read_options) -> Iterator[Result]:
    """Read every source and code every article; yield Extractions or InputErrors in order."""
    from loaders.coder import ExtractionTimeout
    from loaders.read import read_sources

    for item in read_sources(sources, **read_options):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield extract_article(item)
        except InputError as exc:
            yield exc
        except RecursionError:
            yield InputError(item.source or "<article>", "could not be coded (nested too deeply)")
        except ExtractionTimeout as exc:
            yield InputError(item.source or "<article>", f"could not be coded: {exc}")
        except Exception as exc:  # noqa: BLE001 - one article's failure never stops the batch
            yield InputError(item.source or "<article>",
                             f"could not be coded ({type(exc).__name__}: {exc})")
