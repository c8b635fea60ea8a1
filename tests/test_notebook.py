"""notebooks/explore.ipynb is committed with its outputs, and they are current: re-executing it
gives the same text outputs (modulo memory addresses and temporary paths) and the same kinds of
output (plots, tables, rendered entities)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
SHARED = Path(os.environ.get("VNREPORT_SHARED", ROOT.parent / "shared"))

_VOLATILE = [
    (re.compile(r"0x[0-9a-f]{6,}"), "0x…"),  # memory addresses in reprs
    (re.compile(r"/tmp/[^\s'\"<>]+"), "/tmp/…"),  # temporary folders
    (re.compile(r"\d+(\.\d+)? ?(ms|s|seconds)\b"), "… s"),  # timings
]


def _normal(text: str) -> str:
    for pattern, repl in _VOLATILE:
        text = pattern.sub(repl, text)
    return text.strip()


def text_outputs(nb: object) -> list[tuple[int, str, str]]:
    """(cell, kind, text) of every stream and text/plain or text/html output; images by kind only."""
    out = []
    for i, cell in enumerate(nb.cells):  # type: ignore[attr-defined]
        if cell.cell_type != "code":
            continue
        for o in cell.outputs:
            if o.output_type == "stream" and o.name == "stdout":
                # The kernel may flush one cell's printing as one message or several: join them.
                if out and out[-1][:2] == (i, "stdout"):
                    out[-1] = (i, "stdout", out[-1][2] + o.text)
                else:
                    out.append((i, "stdout", o.text))
            elif o.output_type in ("execute_result", "display_data"):
                data = o.get("data", {})
                if "image/png" in data:
                    out.append((i, "image/png", ""))
                elif "text/html" in data:
                    out.append((i, "text/html", _normal(data["text/html"])))
                elif "text/plain" in data:
                    out.append((i, "text/plain", _normal(data["text/plain"])))
            elif o.output_type == "error":
                out.append((i, "error", o.ename))
    return [(i, kind, _normal(t) if kind == "stdout" else t) for i, kind, t in out]


def test_notebook_is_stored_with_outputs_that_tell_the_story() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code), "run notebooks/execute.py and commit the outputs"
    outputs = text_outputs(nb)
    assert not [o for o in outputs if o[1] == "error"]
    assert sum(o[1] == "image/png" for o in outputs) >= 4  # posts, documents, province × year, units
    html = "\n".join(t for _, k, t in outputs if k == "text/html")
    assert 'class="entities"' in html  # displaCy
    assert "PROGRAMME" in html and "PLAN_PERIOD" in html  # the custom recognisers' table
    assert "srcdoc=" in html and "data-label=&quot;OFFICIAL&quot;" in html  # the rendered review page
    stdout = "\n".join(t for _, k, t in outputs if k == "stdout")
    assert "shared corpora found: True" in stdout  # stored as run on the full corpora
    assert "1 title row added" in stdout


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="the stored outputs were made on ../shared/corpus")
def test_stored_outputs_are_current() -> None:
    sys.path.insert(0, str(ROOT / "notebooks"))
    from execute import execute

    stored = nbformat.read(NOTEBOOK, as_version=4)
    env = os.environ.get("VNREPORT_SHARED")
    os.environ["VNREPORT_SHARED"] = str(SHARED)
    try:
        fresh = execute(NOTEBOOK)
    finally:
        if env is None:
            os.environ.pop("VNREPORT_SHARED", None)
        else:
            os.environ["VNREPORT_SHARED"] = env
    old, new = text_outputs(stored), text_outputs(fresh)
    for a, b in zip(old, new, strict=False):
        assert a == b, f"cell {a[0]}: stored output differs from a fresh run; run notebooks/execute.py"
    assert len(old) == len(new)
