"""notebooks/explore.ipynb runs top to bottom (so it never rots) and shows what it promises."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"


def test_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_notebook_executes(tmp_path: Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Raises CellExecutionError (with the cell and traceback) if any cell fails, including the
    # notebook's own asserts that the gazetteer row and the custom recognisers take effect.
    nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    kinds = {k for o in outputs for k in o.get("data", {})}
    assert "image/png" in kinds  # the matplotlib plot
    html = "\n".join(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))
    assert "PROGRAMME" in html and "PLAN_PERIOD" in html  # custom recognisers in the tables and displaCy
    assert 'class="entities"' in html and 'class="spans"' in html  # displaCy ent and span styles
    text = "\n".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "1 title row added" in text
