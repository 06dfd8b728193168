"""Language detection for French and English news, by function-word counts.

No model and no download: the most frequent function words of each language decide. Text in
neither language comes back as ``"und"`` (undetermined) so the caller can refuse it clearly.

Examples
--------
>>> detect_language("La Malaisie et l'Indonésie ont bloqué l'accès à Grok.")
'fr'
>>> detect_language("Malaysia and Indonesia blocked access to Grok on Sunday.")
'en'
>>> detect_language("Der Bundestag hat das Gesetz über künstliche Intelligenz beschlossen.")
'und'
"""

from __future__ import annotations

import re

__all__ = ["detect_language", "SUPPORTED"]

SUPPORTED = ("fr", "en")

_WORDS = {
    "fr": set(
        "le la les des du de un une et est sont à au aux pour que qui dans sur par avec "
        "pas ne il elle ils ont été cette ce ces son sa ses leur selon mais ou plus a".split()
    ),
    "en": set(
        "the of and to in is are was were for that with on by as at from has have it its "
        "this be an which their said not or but will".split()
    ),
}
_TOKEN = re.compile(r"[a-zàâçéèêëîïôûùüÿœ]+")


def detect_language(text: str, sample: int = 4000) -> str:
    """Return ``"fr"``, ``"en"`` or ``"und"`` for ``text`` (its first ``sample`` characters)."""
    tokens = _TOKEN.findall(text[:sample].lower())
    if not tokens:
        return "und"
    scores = {lang: sum(1 for t in tokens if t in words) for lang, words in _WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    # Function words make up a third or more of running text in either language.
    if scores[best] < max(2, 0.12 * len(tokens)):
        return "und"
    return best
