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

# Neo4j Browser is tested in a real headless Chromium (tests/test_browser.py). A fresh Debian
# machine lacks it: install it when we can (root or passwordless sudo, apt-get), within a time
# limit, and go on without it when we cannot (those tests then skip, saying why).
if ! command -v chromedriver >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 \
   && [ "${AIGOV_NO_CHROMIUM:-0}" != 1 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || { sudo -n true 2>/dev/null && SUDO="sudo -n"; } || SUDO=none
  if [ "$SUDO" != none ]; then
    echo "installing chromium + chromium-driver for the Neo4j Browser tests (best effort)"
    export DEBIAN_FRONTEND=noninteractive
    timeout 240 $SUDO apt-get update -q >/dev/null 2>&1 || true
    timeout 420 $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1 \
      || echo "chromium could not be installed: the Browser tests will skip"
  fi
fi

if [ -z "${NEO4J_URI:-}" ]; then
  "$BIN/aigov" --home "$AIGOV_TEST_NEO4J_HOME" neo4j install
  "$BIN/aigov" --home "$AIGOV_TEST_NEO4J_HOME" neo4j start
fi
"$BIN/python" -m pytest "$@"
