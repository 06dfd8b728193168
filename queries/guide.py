"""The aigov guide for Neo4j Browser: the graph's shape and every canned query, runnable.

Browser shows an HTML guide as slides (``:play <url>``): each ``<slide>`` is one page, and a
``<pre class="runnable">`` becomes a frame the user runs with one click. The managed server
serves this page from its own address (:mod:`graph.server`) and plays it on connect. A canned
query has two frames, as ``aigov query show NAME`` prints it: its ``:param`` lines, then the
query (run as one script, Browser would show the statements' status but not the rows).

Examples
--------
>>> html = guide_html()
>>> html.count("<slide") == len(names()) + 2, html.count("runnable") == 2 * len(names()) + 1
(True, True)
>>> "MATCH (a:Entity)-[r]-&gt;(b:Entity)" in html
True
"""

from __future__ import annotations

from html import escape

from graph.model import EntityType, EventType
from queries import get, names

__all__ = ["EVENTS_ONLY", "guide_html"]

#: The query aigov suggests first: who did what to whom. Every relationship between two
#: entities is an event's direct view (the rankings' tallies are kept between ``Tally``
#: nodes), so Browser's "Connect result nodes", on by default, adds no tallies to the picture.
EVENTS_ONLY = "MATCH (a:Entity)-[r]->(b:Entity)\nRETURN a, r, b\nLIMIT 300"

_SHAPE = """\
(:Entity:Country {name, aliases, keys})-[:ACTOR]->(:Event:BLOCKED_ACCESS {date, modality, evidence, quote})
(:Event)-[:TARGET]->(:Entity:Product)
(:Article {title, published, source, url})-[:REPORTS {evidence, date}]->(:Event)
(:Entity)-[:BLOCKED_ACCESS {event_id, date, modality}]->(:Entity)   // one per event: the direct view
(:Tally {id, name})-[:ACTS_ON {type, modality, events}]->(:Tally)  // the rankings' counts"""


def _pre(text: str) -> str:
    return f'<pre class="pre-scrollable code runnable">{escape(text)}</pre>'


def _slide(title: str, body: str) -> str:
    return (
        f'<slide class="row-fluid">\n<div class="col-sm-12">\n<h3>{escape(title)}</h3>\n{body}\n</div>\n</slide>'
    )


def guide_html() -> str:
    """The guide as one HTML page of slides: the graph, then one slide per canned query."""
    entity_types = ", ".join(t.value for t in EntityType)
    event_types = ", ".join(t.value for t in EventType)
    intro = _slide(
        "aigov: AI-governance events",
        "\n".join(
            [
                "<p>Who blocked, banned, sued, fined, investigated or regulated which AI company or "
                "product, who demanded what and who said what, from French and English news. Every "
                "event keeps its date, modality (asserted, planned, reported, ...) and the sentence "
                "that states it.</p>",
                "<p>Click a frame below to put it in the editor, then run it. This first one draws "
                "who did what to whom: every relationship between two entities is an event.</p>",
                _pre(EVENTS_ONLY),
                f"<p>Entity labels: {escape(entity_types)}.<br>Event types (an <code>Event</code> label "
                f"and a relationship type each): {escape(event_types)}.</p>",
                f"<pre>{escape(_SHAPE)}</pre>",
                "<p>The next slides hold every canned query (<code>aigov query list</code>): run its "
                "<code>:param</code> lines (edit a value first if you like), then the query. Names "
                "match in any case, accents optional (<code>'Grok'</code>, <code>'INDONÉSIE'</code>, "
                "<code>'malaisie'</code>).</p>",
            ]
        ),
    )
    index = _slide(
        "Canned queries",
        "<ul>\n"
        + "\n".join(f"<li><b>{escape(q.name)}</b>: {escape(q.description)}</li>" for q in map(get, names()))
        + "\n</ul>",
    )
    slides = [intro, index]
    for name in names():
        q = get(name)
        params = "".join(
            f"<li><code>{escape(p.name)}</code> ({escape(p.type)}): {escape(p.doc)}</li>"
            for p in q.params.values()
        )
        slides.append(
            _slide(
                q.name,
                f"<p>{escape(q.description)}</p>\n<ul>{params}</ul>\n"
                f"<p>1. The parameters:</p>\n{_pre(q.browser_params())}\n"
                f"<p>2. The query:</p>\n{_pre(q.text)}",
            )
        )
    return (
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n</carousel>\n</article>\n"
    )
