#!/usr/bin/env bash
# The README's first command (`make demo`): on the embedded store, ingest the seed article and
# the bundled corpus, answer canned queries, and write the graph as RDF (out/graph.ttl).
set -euo pipefail
cd "$(dirname "$0")/.."
AIGOV=.venv/bin/aigov
sources=(corpus/seed corpus/dev)
[ -d ../shared/corpus/seed ] && sources=(../shared/corpus/seed corpus/dev)

run() { printf '\n$ aigov %s\n' "$*"; "$AIGOV" "$@"; }
run ingest "${sources[@]}"
run stats
run query run bans
run query run lawsuits
run query run demands
run query run statements --param speaker=musk
run query run timeline --param entity=grok
run export rdf --format turtle -o out/graph.ttl
