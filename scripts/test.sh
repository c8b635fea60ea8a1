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
# Lint, format and types first: CI keeps all three at zero.
.venv/bin/ruff check src tests scripts bench
.venv/bin/ruff format --check --quiet src tests scripts bench
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
