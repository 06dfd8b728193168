"""Date expressions in French and English news, resolved against the article's dateline.

Deterministic and fast (pure regular expressions, no dateparser). Each expression keeps its
precision: a weekday is a day, "la semaine dernière" a Monday-Sunday interval, "earlier this
month" a month, "in 2023" a year. Stray numbers are never read as dates.

>>> import datetime as dt
>>> anchor = dt.date(2026, 1, 14)                       # a Wednesday
>>> [m.value for m in find_dates("La semaine dernière, X a réduit...", anchor)]
['2026-01-05/2026-01-11']
>>> [m.value for m in find_dates("Musk said on Wednesday", anchor)]
['2026-01-14']
>>> [m.value for m in find_dates("It was fined in 2023 for 15 million euros", anchor)]
['2023']
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from graph.model import fold
from loaders.patterns import PREFILTER, Plan
from loaders.spans import SpanSet

__all__ = ["DateMention", "find_dates", "resolve_date", "week_interval"]

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}

_MONTH_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MONTH_FR = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|"
    r"novembre|d[ée]cembre)"
)
_WD_EN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_FR = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:19[5-9]\d|20\d\d)"

# Order matters: longer, more precise forms first; matches never overlap.
_PATTERNS: list[tuple[str, str]] = [
    # a month (and day) of a year told relative to the dateline: "in July of this year",
    # "February 26 of last year", "en mars de l'année dernière", "en juillet dernier" is not one
    (
        "m_rel_year",
        rf"\b(?:(?i:in|en)\s+)?(?P<mon>(?i:{_MONTH_FR})|{_MONTH_EN})(?:\s+(?P<day>{_DAY})(?:st|nd|rd|th)?)?"
        r"\s+(?:of\s+|de\s+)?(?P<rel>(?i:this\s+year|last\s+year|next\s+year|cette\s+ann[ée]e|"
        r"l['’]ann[ée]e\s+derni[èe]re|l['’]an\s+dernier|l['’]ann[ée]e\s+prochaine))\b",
    ),
    # explicit days
    (
        "mdy",
        rf"\b(?:{_WD_EN},?\s+)?(?P<mon>{_MONTH_EN})\s+(?P<day>{_DAY})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{_YEAR}))?\b",
    ),
    (
        "dmy",
        rf"\b(?:(?i:{_WD_FR})\s+|{_WD_EN},?\s+)?(?:(?i:le|the)\s+)?(?P<day>{_DAY}|1er)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>(?i:{_MONTH_FR})|{_MONTH_EN})(?:\s+(?P<year>{_YEAR}))?\b",
    ),
    ("iso", rf"\b(?P<year>{_YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
    # months
    (
        "my",
        rf"\b(?:(?i:fin|d[ée]but|mi|late|early|mid)[\s-]+)?(?P<mon>(?i:{_MONTH_FR})|{_MONTH_EN})\s+(?P<year>{_YEAR})\b",
    ),
    (
        "month_only",
        rf"\b(?P<prep>(?i:fin|d[ée]but|mi|en|in|late|early|mid|since|depuis))[\s-]+(?P<mon>(?i:{_MONTH_FR})|(?:January|February|March|April|June|July|August|September|October|November|December))\b(?!\s+\d)",
    ),
    # relative
    (
        "last_week",
        r"(?i:\b(?:la\s+semaine\s+derni[èe]re|la\s+semaine\s+pass[ée]e|last\s+week|the\s+previous\s+week|the\s+week\s+before)\b)",
    ),
    ("this_week", r"(?i:\b(?:cette\s+semaine|this\s+week|earlier\s+this\s+week|en\s+d[ée]but\s+de\s+semaine)\b)"),
    ("last_month", r"(?i:\b(?:le\s+mois\s+dernier|le\s+mois\s+pass[ée]|last\s+month|the\s+previous\s+month)\b)"),
    (
        "this_month",
        r"(?i:\b(?:(?:plus\s+t[ôo]t\s+)?(?:ce|en\s+d[ée]but\s+de)\s+mois(?:-ci)?|(?:earlier\s+)?this\s+month)\b)",
    ),
    (
        "last_year",
        r"(?i:\b(?:l['’]ann[ée]e\s+derni[èe]re|l['’]an\s+dernier|l['’]an\s+pass[ée]|last\s+year|the\s+previous\s+year)\b)",
    ),
    ("this_year", r"(?i:\b(?:cette\s+ann[ée]e|(?:earlier\s+)?this\s+year|plus\s+t[ôo]t\s+cette\s+ann[ée]e)\b)"),
    ("yesterday", r"(?i:\b(?:hier|yesterday)\b)"),
    ("today", r"(?i:\b(?:aujourd['’]hui|today|ce\s+jour)\b)"),
    ("weekday", rf"\b(?:(?i:ce|on|last|this\s+past)\s+)?(?P<wd>{_WD_EN}|(?i:{_WD_FR}))\b"),
    (
        "the_nth",
        r"\b(?:on\s+the\s+(?P<day1>[12]?\d|3[01])(?:st|nd|rd|th)|le\s+(?P<day2>[12]?\d|3[01]|1er)(?=[\s,.]))(?!\s*(?:%|ans|years|millions?|milliards?|\d))",
    ),
    ("year", rf"\b(?P<prep>(?i:in|en|during|durant|au\s+cours\s+de))\s+(?P<year>{_YEAR})\b(?!\s*[-–]\d)"),
]
_COMPILED = [(kind, re.compile(p)) for kind, p in _PATTERNS]
# their indexes in the coder's prefilter (``find_dates(..., plan=...)``: only the sentences that
# can hold a date are scanned)
_SCAN = [PREFILTER.add(rx) for _, rx in _COMPILED]
# literal fragments one of which a kind needs (a cheap prefilter on the lower-cased text)
_KEYS = {
    "last_week": ("week", "semaine"),
    "this_week": ("week", "semaine"),
    "last_month": ("month", "mois"),
    "this_month": ("month", "mois"),
    "last_year": ("year", "ann", "l'an", "l’an"),
    "this_year": ("year", "ann"),
    "m_rel_year": ("year", "ann", "l'an", "l’an"),
    "yesterday": ("hier", "yesterday"),
    "today": ("today", "aujourd", "ce jour"),
    "weekday": (
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
    ),
}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    kind: str


def week_interval(day: dt.date, weeks_back: int = 0) -> str:
    """The Monday-Sunday interval of the week of ``day`` (``weeks_back`` weeks earlier)."""
    monday = day - dt.timedelta(days=day.weekday() + 7 * weeks_back)
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _month_num(text: str) -> int | None:
    return MONTHS.get(fold(text).rstrip("."))


def _safe_day(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _infer_year(anchor: dt.date, month: int, day: int | None = None) -> int:
    """News talks about the recent past: a month/day after the dateline is last year's,
    unless it is within the next ~two months (announced dates, deadlines)."""
    y = anchor.year
    probe = dt.date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))
    if (probe - anchor).days > 62:
        return y - 1
    return y


def resolve_date(kind: str, m: re.Match, anchor: dt.date | None) -> str | None:
    g = m.groupdict()
    if kind in ("mdy", "dmy", "iso"):
        mon = int(g["mon"]) if kind == "iso" else _month_num(g["mon"])
        day = 1 if g["day"] == "1er" else int(g["day"])
        if not mon:
            return None
        if g.get("year"):
            year = int(g["year"])
        elif anchor:
            year = _infer_year(anchor, mon, day)
        else:
            return None
        return _safe_day(year, mon, day)
    if kind == "my":
        return f"{int(g['year']):04d}-{_month_num(g['mon']):02d}"
    if kind == "m_rel_year":
        if anchor is None:
            return None
        rel = fold(g["rel"])
        year = anchor.year + (
            -1 if ("last" in rel or "dern" in rel) else 1 if ("next" in rel or "proch" in rel) else 0
        )
        mon = _month_num(g["mon"])
        assert mon is not None  # the pattern matched a month name
        return _safe_day(year, mon, int(g["day"])) if g.get("day") else f"{year:04d}-{mon:02d}"
    if kind == "year":
        return g["year"]
    if anchor is None:
        return None
    if kind == "month_only":
        mon = _month_num(g["mon"])
        assert mon is not None  # the pattern matched a month name
        return f"{_infer_year(anchor, mon):04d}-{mon:02d}"
    if kind == "last_week":
        return week_interval(anchor, 1)
    if kind == "this_week":
        return week_interval(anchor, 0)
    if kind == "last_month":
        first = anchor.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if kind == "this_month":
        return f"{anchor.year:04d}-{anchor.month:02d}"
    if kind == "last_year":
        return str(anchor.year - 1)
    if kind == "this_year":
        return str(anchor.year)
    if kind == "yesterday":
        return (anchor - dt.timedelta(days=1)).isoformat()
    if kind == "today":
        return anchor.isoformat()
    if kind == "weekday":
        wd = WEEKDAYS[fold(g["wd"])]
        back = (anchor.weekday() - wd) % 7
        return (anchor - dt.timedelta(days=back)).isoformat()
    if kind == "the_nth":
        raw = g.get("day1") or g.get("day2")
        assert raw is not None  # the pattern matched one of them
        day = 1 if raw == "1er" else int(raw)
        if day <= anchor.day:
            return _safe_day(anchor.year, anchor.month, day)
        prev = anchor.replace(day=1) - dt.timedelta(days=1)
        return _safe_day(prev.year, prev.month, day)
    return None


def find_dates(text: str, anchor: dt.date | None, plan: Plan | None = None) -> list[DateMention]:
    """All non-overlapping date expressions in ``text``, in order, resolved against ``anchor``.

    ``plan``: a :class:`loaders.patterns.Plan` of this very ``text`` (the coder's, cut at the
    sentence ends): the same result, faster -- each pattern only scans the sentences that
    contain one of its required fragments (a month name, a digit, "semaine"...), and
    ``Plan.finditer`` yields exactly the matches of ``finditer`` over the whole text.
    """
    if plan is not None and plan.text is not text and plan.text != text:
        raise ValueError("find_dates: the plan is not a plan of this text")
    taken = SpanSet()
    out: list[DateMention] = []
    low = text.lower()
    for (kind, rx), scan in zip(_COMPILED, _SCAN):
        keys = _KEYS.get(kind)
        if keys and not any(k in low for k in keys):
            continue
        for m in rx.finditer(text) if plan is None else plan.finditer(scan):
            s, e = m.span()
            if not taken.free(s, e):
                continue
            # "May" is also a modal verb: only a date with a day or year after it.
            if kind in ("my", "mdy") and m.group("mon").lower() == "may" and kind == "mdy" and not m.group("year"):
                if not re.match(r"\s*\d", text[m.start("mon") + 3 :]):
                    continue
            try:
                value = resolve_date(kind, m, anchor)
            except (OverflowError, ValueError):
                value = None  # "last week" of 0001-01-01: before the calendar starts
            if value is None:
                continue
            taken.append((s, e))
            out.append(DateMention(s, e, text[s:e].strip(), value, kind))
    out.sort(key=lambda d: d.start)
    return out
