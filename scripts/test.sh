#!/usr/bin/env bash
# The test command of the README: create .venv if needed, install vnreport with its test
# extras (offline-capable once installed), check lint/format/types, then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
# --- Browser for the review-page test (tests/test_render.py): Debian's Chromium, driven by
# --- playwright (installed above by the test extra; it never downloads a browser of its own).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "scripts/test.sh: /usr/bin/chromium missing (apt-get install chromium); the browser test will be skipped" >&2
  fi
fi
# --- end of the browser block
# Lint, format and types first: CI keeps all three at zero.
.venv/bin/ruff check src tests scripts bench
.venv/bin/ruff format --check --quiet src tests scripts bench
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
