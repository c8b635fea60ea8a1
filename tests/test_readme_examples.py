"""The README's ecosystem examples run as written (```python blocks and ```sh blocks, in order).

They run in a scratch folder holding a copy of ``data/samples``, with the venv's ``vnreport`` and
``python`` first on PATH. The placeholder scheduler address is replaced by a local cluster's, so
the "real scheduler" examples run too. ```text blocks are output samples and are not run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PLACEHOLDER = "tcp://scheduler-host:8786"
SECTIONS = (
    "spaCy",
    "pandas",
    "Command line",
    "Pages, corpus files and encodings",
    "Review pages",
    "Linking across reports",
    "Dask",
    "Extending",
)
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```\s*$", re.M | re.S)


def ecosystem_blocks() -> list[tuple[str, str, str]]:
    """``(section heading, language, code)`` for every fenced block between the markers."""
    text = README.read_text(encoding="utf-8")
    body = text[text.index("<!-- ecosystem:start -->") : text.index("<!-- ecosystem:end -->")]
    out = []
    for m in _FENCE.finditer(body):
        headings = re.findall(r"^## (.+)$", body[: m.start()], re.M)
        out.append((headings[-1] if headings else "", m.group(1), m.group(2)))
    return out


def test_every_section_has_runnable_examples() -> None:
    blocks = ecosystem_blocks()
    for section in SECTIONS:
        assert any(h == section and lang in ("python", "sh") for h, lang, _ in blocks), section
    assert {lang for _, lang, _ in blocks} <= {"python", "sh", "text"}  # nothing silently skipped


@pytest.fixture(scope="module")
def scheduler_address():  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
    )
    yield cluster.scheduler_address
    cluster.close()


def test_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scheduler_address: str) -> None:
    shutil.copytree(ROOT / "data" / "samples", tmp_path / "data" / "samples")
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    namespace: dict[str, object] = {"__name__": "__main__"}
    for i, (section, lang, code) in enumerate(ecosystem_blocks()):
        code = code.replace(PLACEHOLDER, scheduler_address)
        where = f"README block {i} ({section}, {lang})"
        started = time.perf_counter()
        if lang == "python":
            exec(compile(code, where, "exec"), namespace)
        elif lang == "sh":
            r = subprocess.run(
                ["bash", "-euo", "pipefail", "-c", code],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert r.returncode == 0, f"{where} failed:\n{code}\n--- stderr:\n{r.stderr}"
        print(f"{where}: {time.perf_counter() - started:.1f}s")
    # What the shell examples promise to write, they wrote.
    records = [json.loads(x) for x in (tmp_path / "samples.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and not any(r["error"] for r in records)
    assert (tmp_path / "tables" / "officials.csv").exists() and (tmp_path / "run.officials.parquet").exists()
    assert "properties" in json.loads((tmp_path / "report.schema.json").read_text(encoding="utf-8"))
    assert len((tmp_path / "with_my_titles.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    assert (tmp_path / "out" / "parquet" / "officials").is_dir()
    assert (tmp_path / "run.xlsx").exists() and (tmp_path / "review" / "index.html").exists()
    corpus = [json.loads(x) for x in (tmp_path / "corpus_out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(corpus) == 5 and all(r["published"] and r["url"] for r in corpus)
    assert (tmp_path / "linked" / "timeline.csv").exists()
