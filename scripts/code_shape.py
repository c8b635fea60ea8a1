#!/usr/bin/env python3
"""Report modules over 500 lines and functions over 60 lines under src/vnreport.

The limits keep each module one idea and each function readable; ``tests/test_code_shape.py``
holds the tree to them. Usage: ``python scripts/code_shape.py [PATH ...]`` (exit 1 if any).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def oversized(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        n = len(text.splitlines())
        if n > MAX_MODULE_LINES:
            out.append(f"{rel}: module of {n} lines (at most {MAX_MODULE_LINES})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    out.append(f"{rel}:{node.lineno}: {node.name}() of {length} lines (at most {MAX_FUNCTION_LINES})")
    return out


def main(argv: list[str]) -> int:
    targets = [Path(a).resolve() for a in argv] or [ROOT / "src" / "vnreport"]
    files = sorted(f for t in targets for f in ([t] if t.is_file() else t.rglob("*.py")))
    problems = oversized(files)
    print("\n".join(problems) or "all modules and functions within limits")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
