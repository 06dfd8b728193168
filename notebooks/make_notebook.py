import nbformat as nbf

nb = nbf.v4.new_notebook()
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
nb.cells = [
    md("""# Exploring the AI-governance graph

This notebook ingests the bundled corpus (the seed Reuters article and 23 annotated news
articles) into aigov's **embedded store**, asks canned Cypher queries into pandas, plots a
timeline and a network, and shows how to open the same graph in **Neo4j Browser**.
It uses the library directly; every step has a CLI twin (`aigov ingest`, `aigov query run`,
`aigov analyze`)."""),
    code("""import os, tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

import queries
from graph import analysis, cypher
from graph.embedded import EmbeddedStore
from loaders import coder_version, extract_sources

ROOT = Path.cwd() if (Path.cwd() / "corpus").exists() else Path.cwd().parent
HOME = Path(os.environ.get("AIGOV_NOTEBOOK_HOME") or tempfile.mkdtemp(prefix="aigov-nb-"))
store = EmbeddedStore(HOME)
store.ensure_schema()
print("data folder:", HOME)"""),
    md("## Ingest the bundled corpus"),
    code("""results = list(extract_sources([str(ROOT / "corpus" / "seed"), str(ROOT / "corpus" / "dev")]))
extractions = [r for r in results if not isinstance(r, Exception)]
for failure in (r for r in results if isinstance(r, Exception)):
    print("skipped:", failure)
summary = store.write(extractions, extractor=coder_version())
summary.to_dict()"""),
    code("""counts = store.counts()
pd.Series(counts["relationships"]).sort_values(ascending=False).head(12)"""),
    md("## Canned queries into pandas\n\nWho blocked or banned what, and who sued whom:"),
    code("""bans = queries.frame(store, "bans")
bans[["type", "actor", "target", "date", "sources"]]"""),
    code("""queries.frame(store, "lawsuits")[["plaintiff", "defendant", "date"]]"""),
    md("What Elon Musk said, with the quote and the source:"),
    code(
        """queries.frame(store, "statements", {"speaker": "Elon Musk"})[["speaker", "quote", "date", "source"]]"""
    ),
    md("The response chain around Grok, in date order:"),
    code("""chain = queries.frame(store, "response-chains", {"entity": "Grok"})
chain[["date", "role", "type", "actors", "targets"]]"""),
    md("## A timeline: events per month and type"),
    code("""timeline = pd.DataFrame(store.read(cypher.EVENT_STARTS))  # every dated event's type and start
timeline["month"] = pd.to_datetime(timeline["start"]).dt.to_period("M").dt.to_timestamp()
per_month = timeline.groupby(["month", "type"]).size().unstack(fill_value=0)
ax = per_month.plot(kind="bar", stacked=True, figsize=(11, 4), width=0.8)
ax.set_xticklabels([d.strftime("%Y-%m") for d in per_month.index], rotation=45, ha="right")
ax.set_ylabel("events"); ax.set_title("AI-governance events per month (bundled corpus)")
plt.tight_layout(); plt.show()
per_month.sum().sort_values(ascending=False)"""),
    md("## The network: who acts on whom\n\nEntities are nodes; each event adds an edge from actor to target."),
    code("""g = analysis.load_graph(store)
pd.DataFrame(analysis.centrality(g, top=10))"""),
    code("""core = g.subgraph(max(nx.weakly_connected_components(g), key=len))
pos = nx.spring_layout(nx.Graph(core), seed=7, k=0.9)
colors = {"Country": "tab:green", "Government": "tab:olive", "Regulator": "tab:purple",
          "Company": "tab:blue", "Product": "tab:cyan", "Person": "tab:orange",
          "Legislature": "tab:brown", "Court": "tab:red", "Law": "tab:gray", "Organization": "tab:pink"}
plt.figure(figsize=(11, 8))
nx.draw_networkx_edges(core, pos, alpha=0.3, arrows=True)
nx.draw_networkx_nodes(core, pos, node_size=220,
                       node_color=[colors.get(core.nodes[n]["type"], "black") for n in core])
nx.draw_networkx_labels(core, pos, {n: core.nodes[n]["name"][:22] for n in core}, font_size=7)
plt.axis("off"); plt.title("Largest connected part of the graph"); plt.show()
analysis.co_acting_communities(g, seed=0)"""),
    md("""## The same graph in Neo4j Browser

The embedded store is for running everything without a server. To explore the graph
visually, start the managed Neo4j server and copy the graph there:

```bash
aigov neo4j start                              # resolves Neo4j 5.26 from Maven Central once
aigov store copy --from embedded --to neo4j    # the same articles, events and evidence
aigov neo4j browser                            # prints the address, login and style file
```

Then, in Browser, for example:

```cypher
MATCH (c:Country)-[r:BLOCKED_ACCESS|SUED]->(t:Entity) RETURN c, r, t
```

Every canned query prints its Cypher with `aigov query show NAME`, ready to paste."""),
    code("""print(queries.get("response-chains").text)
store.close()"""),
]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbf.write(nb, "notebooks/explore.ipynb")
