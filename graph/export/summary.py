"""What an export wrote (:class:`ExportSummary`), or why it could not (:class:`ExportError`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from graph.errors import AigovError

__all__ = ["ExportError", "ExportSummary"]


class ExportError(AigovError):
    """The export cannot be written (unknown format, unwritable target, bad stored value)."""


@dataclass
class ExportSummary:
    """What an export wrote."""

    format: str
    triples: int = 0  #: statements written (triples, or quads for trig/nquads/json-ld)
    reifications: int = 0  #: RDF 1.2 reifier statements (star formats)
    entities: int = 0
    articles: int = 0
    events: int = 0
    reports: int = 0
    direct: int = 0
    graphs: int = 0  #: named graphs (one per article)
    streamed: bool = False
    seconds: float = 0.0
    conforms: bool | None = None  #: SHACL result when ``validate=True``
    validation_report: str | None = None
    files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if out["validation_report"] and self.conforms:
            out["validation_report"] = None
        return out
