"""Batch engines: a process pool that survives dying workers, and Dask on a local cluster."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import vnreport
from vnreport.batch import (
    extract_bag,
    extract_dataframe,
    extract_records,
    stream_records,
    to_dataframe,
    write_jsonl,
    write_parquet,
)
from vnreport.io.corpus import InputDoc
from vnreport.io.frames import to_frame
from vnreport.recognizers import Recognizer

SAMPLES = vnreport.samples()
TEXTS = list(SAMPLES.values())


class PidLog(Recognizer):
    """Writes its process id each time a pipeline is built with it (``setup``)."""

    name = "pidlog"
    label = "PIDLOG"

    def __init__(self, log: str) -> None:
        self.log = log

    def setup(self, gazetteers: object) -> None:
        with open(self.log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")

    def find(self, doc: object) -> list:
        return []


class Saboteur(Recognizer):
    """Kills its process on 'CRASH-HERE', raises on 'RAISE-HERE'."""

    name = "saboteur"
    label = "SABOTAGE"

    def find(self, doc: object) -> list:
        text = doc.text  # type: ignore[attr-defined]
        if "CRASH-HERE" in text:
            os._exit(3)
        if "RAISE-HERE" in text:
            raise RuntimeError("deliberate failure")
        return []


def _docs(n: int, special: dict[int, str] | None = None) -> list[InputDoc]:
    special = special or {}
    return [InputDoc(f"d{i:02d}", text=TEXTS[i % len(TEXTS)] + f"\n\nBài {i}. {special.get(i, '')}") for i in range(n)]


def _serial(docs: list[InputDoc]) -> list[dict]:
    return [{"error": None, **vnreport.extract(d.text, doc_id=d.doc_id).model_dump(mode="json")} for d in docs]


def _pids(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").split() if log.exists() else []


# ---------------------------------------------------------------------- process pool
def test_pool_survives_a_dying_worker() -> None:
    docs = _docs(14, {3: "CRASH-HERE", 9: "CRASH-HERE", 6: "RAISE-HERE"})
    recs = list(extract_records(docs, workers=2, options={"extra_recognizers": [Saboteur()]}))
    assert [r["doc_id"] for r in recs] == [d.doc_id for d in docs]  # no gap, same order
    failed = {r["doc_id"]: r["error"] for r in recs if r["error"]}
    assert set(failed) == {"d03", "d06", "d09"}
    assert "worker process died" in failed["d03"] and "worker process died" in failed["d09"]
    assert "recogniser 'saboteur' failed" in failed["d06"] and "deliberate failure" in failed["d06"]
    good = [d for d in docs if d.doc_id not in failed]
    assert [r for r in recs if not r["error"]] == _serial(good)


def test_pool_breaking_while_inputs_are_submitted_loses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker can die while the window is still being filled: ``submit`` itself then raises
    BrokenProcessPool. That input and the unfinished ones are retried; none is lost."""
    from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

    import vnreport.io.pool as batch

    pools: list[object] = []

    class BreaksOnThirdSubmit(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            pools.append(self)
            self.calls = 0

        def submit(self, fn, /, *args, **kwargs):
            self.calls += 1
            if self is pools[0] and self.calls == 3:
                raise BrokenProcessPool("simulated: a worker died during submission")
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", BreaksOnThirdSubmit)
    docs = _docs(8)
    recs = list(extract_records(docs, workers=2))
    assert len(pools) >= 2  # the broken pool was replaced
    assert [r["doc_id"] for r in recs] == [d.doc_id for d in docs]
    assert all(r["error"] is None for r in recs)
    assert recs == _serial(docs)


@pytest.mark.parametrize("context", ["fork", "spawn"])
def test_pipeline_built_once_per_worker_process(tmp_path: Path, context: str) -> None:
    log = tmp_path / "setups.log"
    docs = _docs(16)
    recs = list(
        extract_records(
            docs,
            workers=2,
            options={"extra_recognizers": [PidLog(str(log))]},
            mp_context=multiprocessing.get_context(context),
        )
    )
    assert [r["doc_id"] for r in recs] == [d.doc_id for d in docs]
    pids = _pids(log)
    assert pids[0] == str(os.getpid())  # built (and validated) here first
    assert len(pids) == len(set(pids)) <= 3, pids  # at most once per process, never per document


def test_paths_and_stdin_like_inputs_mix(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    recs = list(
        extract_records([tmp_path / "a.txt", str(tmp_path / "missing.txt"), InputDoc("x", text=TEXTS[1])], workers=2)
    )
    assert [r["doc_id"] for r in recs] == [str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "x"]
    assert [bool(r["error"]) for r in recs] == [False, True, False]


# ---------------------------------------------------------------------- Dask
@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    dask = pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    # No retries: a task whose worker dies fails at once (keeps the crash test quick).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
        )
        c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("dask") / "reports"
    d.mkdir()
    for i in range(9):
        (d / f"r{i}.txt").write_text(TEXTS[i % len(TEXTS)] + f"\n\nBài {i}.", encoding="utf-8")
    (d / "r9_empty.txt").write_bytes(b"")
    return d


def test_bag_matches_the_process_engine(client, folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log = tmp_path / "setups.log"
    bag = extract_bag([folder], partition_size=2, options={"extra_recognizers": [PidLog(str(log))]})
    assert bag.npartitions == 5
    recs = bag.compute()
    assert recs == list(extract_records(sorted(str(p) for p in folder.iterdir())))
    assert recs[-1]["error"] and "empty file" in recs[-1]["error"]
    pids = _pids(log)
    assert 1 <= len(pids) == len(set(pids)) <= 2, pids  # once per worker process, not per partition


def test_bag_outputs(client, folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bag = extract_bag(folder, partition_size=4)
    recs = bag.compute()
    files = write_jsonl(bag, str(tmp_path / "jsonl" / "part-*.jsonl"))
    assert len(files) == bag.npartitions == 3
    lines = [json.loads(x) for f in sorted(files) for x in Path(f).read_text(encoding="utf-8").splitlines()]
    assert lines == recs
    assert write_parquet(bag, tmp_path / "pq") == len(recs)
    docs = pd.read_parquet(tmp_path / "pq" / "documents")
    assert docs["doc_id"].tolist() == [r["doc_id"] for r in recs]
    frames = to_frame(recs)
    pd.testing.assert_frame_equal(to_dataframe(bag, "documents").compute().reset_index(drop=True), frames.documents)
    assert len(pd.read_parquet(tmp_path / "pq" / "spans")) == len(frames.spans)


def test_extract_dataframe(client) -> None:  # type: ignore[no-untyped-def]
    import dask.dataframe as dd

    pdf = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": [TEXTS[0], TEXTS[1], None, TEXTS[2]]})
    ddf = dd.from_pandas(pdf, npartitions=2)
    docs = extract_dataframe(ddf, "text", id_column="id").compute().reset_index(drop=True)
    assert docs["doc_id"].tolist() == ["a", "b", "c", "d"]
    assert docs["error"].notna().tolist() == [False, False, True, False]
    assert docs.loc[0, "title"] == vnreport.extract(TEXTS[0]).title
    spans = extract_dataframe(ddf, "text", id_column="id", table="spans").compute()
    assert len(spans) == sum(len(vnreport.extract(t).spans()) for t in (TEXTS[0], TEXTS[1], TEXTS[2]))
    with pytest.raises(ValueError, match="unknown table"):
        extract_dataframe(ddf, "text", table="nope")


def test_stream_survives_a_dying_worker(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    d = tmp_path / "in"
    d.mkdir()
    for i in range(6):
        (d / f"r{i}.txt").write_text(TEXTS[i % len(TEXTS)] + ("\nCRASH-HERE" if i == 2 else ""), encoding="utf-8")
    recs = list(stream_records([d], client=client, partition_size=2, options={"extra_recognizers": [Saboteur()]}))
    assert [Path(r["doc_id"]).name for r in recs] == [f"r{i}.txt" for i in range(6)]
    failed = [Path(r["doc_id"]).name for r in recs if r["error"]]
    assert failed == ["r2.txt"]  # its partition neighbour r3 was retried alone and succeeded
    client.wait_for_workers(2, timeout=60)


def test_cli_with_a_scheduler_address(client, folder: Path) -> None:  # type: ignore[no-untyped-def]
    cwd = folder.parent
    addr = client.scheduler.address
    on_dask = subprocess.run(
        [sys.executable, "-m", "vnreport", "extract", "reports", "--scheduler", addr],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
    )
    local = subprocess.run(
        [sys.executable, "-m", "vnreport", "extract", "reports"], cwd=cwd, capture_output=True, text=True, timeout=180
    )
    assert on_dask.returncode == local.returncode == 1  # the empty file
    assert on_dask.stdout == local.stdout
    assert on_dask.stderr.strip().splitlines()[-1] == "vnreport: 1 of 10 input(s) failed"


def test_dask_and_pandas_stay_optional() -> None:
    """The CLI and batch module import neither; the Dask API says how to install it."""
    code = (
        "import sys\n"
        "import vnreport.batch, vnreport.cli\n"
        "print(sorted(m for m in ('dask', 'distributed', 'pandas', 'tqdm') if m in sys.modules))\n"
        "sys.modules['dask'] = None\n"
        "try:\n"
        "    vnreport.batch.extract_bag(['.'])\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    loaded, message = out.stdout.splitlines()
    assert loaded == "[]"
    assert "pip install 'vnreport[dask]'" in message
