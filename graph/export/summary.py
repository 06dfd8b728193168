"""What an export wrote (:class:`ExportSummary`), or why it could not (:class:`ExportError`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, Iterator

from graph.errors import AigovError

__all__ = ["ExportError", "ExportSummary"]


class ExportError(AigovError):
    """The export cannot be written (unknown format, unwritable target, bad stored value)."""


@dataclass(eq=False)
class ExportSummary(Mapping):
    """What an export wrote: every export (RDF, JSON Lines, CSV) returns one.

    It also reads as a mapping. For ``jsonl`` and ``csv`` the mapping holds the keys those
    exports returned as a plain dict before they returned a summary, so that code which
    indexed or compared that dict keeps working:

    >>> s = ExportSummary(format="jsonl", entities=7, articles=2, events=4)
    >>> s == {"entities": 7, "articles": 2, "events": 4}, s["events"], s.seconds
    (True, 4, 0.0)
    """

    format: str  #: an RDF format's name, ``jsonl`` or ``csv``
    triples: int = 0  #: statements written (triples, or quads for trig/nquads/json-ld)
    reifications: int = 0  #: RDF 1.2 reifier statements (star formats)
    entities: int = 0
    articles: int = 0
    events: int = 0
    reports: int = 0
    direct: int = 0
    graphs: int = 0  #: named graphs (one per article)
    refused_aliases: int = 0  #: aliases left out as sentence debris (see graph.export.labels)
    nodes: int = 0  #: rows of nodes.csv
    relationships: int = 0  #: rows of relationships.csv
    streamed: bool = False
    seconds: float = 0.0
    conforms: bool | None = None  #: SHACL result when ``validate=True``
    validation_report: str | None = None
    files: list[str] = field(default_factory=list)  #: the files written (not stdout)

    #: the fields each table export fills; an RDF export fills all but theirs (nodes, relationships)
    _TABLE_FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "jsonl": ("format", "entities", "articles", "events", "seconds", "files"),
        "csv": ("format", "entities", "articles", "events", "nodes", "relationships", "seconds", "files"),
    }
    #: format -> the keys of the dict that export returned before (its mapping view)
    _DICT_KEYS: ClassVar[dict[str, tuple[str, ...]]] = {
        "jsonl": ("entities", "articles", "events"),
        "csv": ("nodes", "relationships", "files"),
    }

    def to_dict(self) -> dict[str, Any]:
        """The fields this kind of export fills."""
        names = self._TABLE_FIELDS.get(self.format) or [
            f.name for f in fields(self) if f.name not in ("nodes", "relationships")
        ]
        full = asdict(self)
        out = {name: full[name] for name in names}
        if out.get("validation_report") and self.conforms:
            out["validation_report"] = None
        return out

    # -- the mapping view ---------------------------------------------------------------------
    def _keys(self) -> tuple[str, ...]:
        return self._DICT_KEYS.get(self.format) or tuple(self.to_dict())

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys():
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ExportSummary):
            return asdict(self) == asdict(other)
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dict it stands for
