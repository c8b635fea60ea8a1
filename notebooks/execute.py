"""Re-execute explore.ipynb in place, so that its committed outputs are current.

    python notebooks/execute.py          # after changing the notebook or the extraction

tests/test_notebook.py re-executes it the same way and fails when the stored outputs differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbclient
import nbformat

NOTEBOOK = Path(__file__).resolve().parent / "explore.ipynb"


def execute(path: Path = NOTEBOOK) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return nb


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else NOTEBOOK
    nbformat.write(execute(target), target)
    print(f"{target} executed and saved")
