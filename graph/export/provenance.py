"""What the export says about where an article came from: its publisher and whether it says
it was machine-translated.

* **Publisher**: the host of the article's URL (``www.`` dropped), as one
  ``schema:Organization`` per host. An article read from a file with no URL has none.
* **Machine translation**: the input format (plain text with a ``date``/``source:``/
  ``language:``/``url:`` header, HTML, feeds, JSON, CSV) has no field for it; an article says
  it in its own text, as Reuters' French service does on the first line of the seed article::

      ((Traduction automatisée par Reuters à l'aide de l'apprentissage automatique et de
      l'IA générative, veuillez vous référer à l'avertissement suivant: https://bit.ly/rtrsauto))

  :func:`translation_notice` finds such a notice (a double-parenthesised editorial note that
  speaks of machine or automated translation, or a sentence saying the article or story was
  machine-translated); an article that merely *discusses* machine translation is not one.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

__all__ = ["publisher_host", "translation_notice"]

_MT = (
    r"(?:traduction\s+automati(?:que|s[ée]e)|traduit(?:e)?\s+automatiquement|"
    r"machine[- ]translat\w*|automated\s+translation|automatically\s+translated|"
    r"translated\s+(?:automatically|by\s+machine|using\s+machine\s+translation))"
)
#: an editorial note in double parentheses (Reuters' style) that speaks of it
_NOTE = re.compile(r"\(\((?:[^()]|\([^()]*\))*?" + _MT + r"(?:[^()]|\([^()]*\))*?\)\)", re.I)
#: a sentence saying so: "This article was machine-translated", "Cet article a été traduit
#: automatiquement", "Traduction automatisée par ..." at the start of a line
_SENTENCE = re.compile(
    r"(?:^|(?<=[\n.!?]\s))(?:"
    r"(?:this|the)\s+(?:article|story|text|report|dispatch)\s+(?:was|has\s+been|is)\s+"
    + _MT
    + r"|(?:cet|l['’])\s*(?:article|texte)\s+a\s+été\s+"
    + _MT
    + r"|(?:cette|la)\s+dépêche\s+a\s+été\s+"
    + _MT
    + r"|(?:traduction\s+automati(?:que|s[ée]e)|machine\s+translation)\s+(?:par|by)\s"
    r")[^\n]{0,300}",
    re.I | re.M,
)


def translation_notice(body: Any) -> str | None:
    """The article's own notice that it was machine-translated, or None.

    >>> translation_notice("((Traduction automatisée par Reuters, voir https://bit.ly/x)) Texte.")
    '((Traduction automatisée par Reuters, voir https://bit.ly/x))'
    >>> translation_notice("Intro.\\nThis story was machine-translated from Japanese.\\nBody.")
    'This story was machine-translated from Japanese.'
    >>> translation_notice("DeepL sells machine translation to newsrooms.") is None
    True
    """
    if not body or not isinstance(body, str):
        return None
    m = _NOTE.search(body) or _SENTENCE.search(body)
    return m.group(0).strip() if m else None


def publisher_host(url: Any, source: Any = None) -> str | None:
    """The web host an article was published at (lower case, ``www.`` dropped), from its URL
    (or its source, when that is a URL); None for a file.

    >>> publisher_host("https://WWW.Reuters.com:443/world/x")
    'reuters.com'
    >>> publisher_host(None, "/home/alice/a.txt") is None
    True
    """
    for value in (url, source):
        if not value or not isinstance(value, str) or "://" not in value:
            continue
        try:
            parts = urlsplit(value.strip())
        except ValueError:
            continue
        host = (parts.hostname or "").rstrip(".")
        if parts.scheme.lower() in ("http", "https") and host:
            return host[4:] if host.startswith("www.") and host.count(".") > 1 else host
    return None
