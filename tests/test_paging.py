"""The one pager of the exports and the analysis (graph.paging), on both stores.

Its ids include the ones that tripped FalkorDB 4.22's string range index ('Q145' followed by
'Q252' ... 'Q95': ``n.id > 'Q145'`` returned nothing), so a pager that leaned on a range
predicate would lose nodes here.
"""

from __future__ import annotations

import random

import pytest

from graph import analysis, cypher
from graph.export.reader import read_node_pages
from graph.export.summary import ExportError
from graph.paging import StoreChanged, all_ids, id_pages, pages, read_ahead
from tests import graphdata

# the ids of the bug report, a few neighbours that sort between them, and enough others for
# many pages (string order: 'Q1' < 'Q10' < 'Q100' < 'Q145' < 'Q2' ...)
BUG_IDS = [
    "Q145",
    "Q252",
    "Q312",
    "Q833",
    "Q918",
    "Q95",
    "Q1",
    "Q10",
    "Q100",
    "Q1144685",
    "Q317521",
    "grok",
    "x-corp",
]
IDS = sorted(set(BUG_IDS) | {f"Q{n}" for n in random.Random(7).sample(range(1, 100_000), 250)})


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, home):
    s = request.getfixturevalue("embedded" if request.param == "embedded" else "neo4j_store")
    shuffled = IDS[:]
    random.Random(1).shuffle(shuffled)  # stored in no particular order
    s._run(
        "UNWIND $ids AS id CREATE (:Entity {id: id, name: 'n' + id, type: 'Company'})",
        {"ids": shuffled},
        write=True,
    )
    return s


@pytest.mark.parametrize("page_size", [1, 2, 3, 7, 100, len(IDS), 1000])
def test_every_node_once_in_id_order_across_page_boundaries(store, page_size):
    got = list(pages(store, "Entity", cypher.NETWORK_NODES_PAGE, page_size, one_row_per_id=True))
    assert all(0 < len(p) <= page_size for p in got)
    assert len(got) == -(-len(IDS) // page_size)
    flat = [r["id"] for p in got for r in p]
    assert flat == IDS  # each once, none lost after 'Q145', in order
    assert [i for p in id_pages(store, "Entity", page_size) for i in p] == IDS
    assert all_ids(store, "Entity") == IDS


def test_read_ahead_and_the_export_reader_see_the_same_pages(store):
    direct = list(pages(store, "Entity", cypher.ENTITIES_PAGE, 7))
    assert list(read_ahead(pages(store, "Entity", cypher.ENTITIES_PAGE, 7))) == direct
    assert list(read_node_pages(store, cypher.ENTITIES_PAGE, 7)) == direct
    assert [r["id"] for p in direct for r in p] == IDS


def test_the_analysis_loads_every_entity_once_at_any_page_size(store):
    for page_size in (1, 4, 1000):
        g = analysis.load_graph(store, page_size=page_size)
        assert list(g.nodes) == IDS
        assert g.nodes["Q95"]["name"] == "nQ95"


def test_an_empty_label_has_no_pages(store):
    assert list(pages(store, "Article", cypher.ARTICLES_PAGE, 5)) == []
    assert all_ids(store, "Article") == []


def test_a_page_size_below_one_is_refused(embedded):
    with pytest.raises(ValueError, match="at least 1"):
        list(id_pages(embedded, "Entity", 0))
    with pytest.raises(ExportError, match="at least 1"):
        list(read_node_pages(embedded, cypher.ENTITIES_PAGE, 0))


def test_a_node_gone_between_the_id_list_and_its_page_is_reported(embedded):
    embedded.write(graphdata.both(), extractor="t1")

    class Deleting:  # deletes an entity once the id list has been read
        def __init__(self, inner):
            self.inner, self.done = inner, False

        def read(self, query, params=None):
            if params is not None and not self.done:
                self.done = True
                self.inner._run("MATCH (n:Entity {id: 'Q95'}) DETACH DELETE n", write=True)
            return self.inner.read(query, params)

    with pytest.raises(StoreChanged, match="nodes of a page"):
        for _ in pages(Deleting(embedded), "Entity", cypher.ENTITIES_PAGE, 2, one_row_per_id=True):
            pass


def test_labels_reach_cypher_only_from_the_closed_vocabulary():
    from graph.errors import SchemaError

    assert "MATCH (n:`Event`)" in cypher.ids_of("Event")
    with pytest.raises(SchemaError):
        cypher.ids_of("Entity) DETACH DELETE (n")
