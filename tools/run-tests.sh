#!/usr/bin/env bash
# The README's test command (`make test`) runs this after `make setup`:
# resolve and start the managed Neo4j server (tests of Neo4j behaviour are required, not
# skipped), run the whole suite on both stores, and stop the server even when tests fail.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export AIGOV_TEST_NEO4J_HOME="${AIGOV_TEST_NEO4J_HOME:-$PWD/.aigov-test}"
export AIGOV_REQUIRE_NEO4J="${AIGOV_REQUIRE_NEO4J:-1}"

stop_server() { "$BIN/aigov" --home "$AIGOV_TEST_NEO4J_HOME" neo4j stop >/dev/null 2>&1 || true; }
trap stop_server EXIT

if [ -z "${NEO4J_URI:-}" ]; then
  "$BIN/aigov" --home "$AIGOV_TEST_NEO4J_HOME" neo4j install
  "$BIN/aigov" --home "$AIGOV_TEST_NEO4J_HOME" neo4j start
fi
"$BIN/python" -m pytest "$@"
