"""Memory and the garbage collector on large documents (issue 10): tokens are compact, and
the cyclic collector is paused while a large document is extracted, then switched back on."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from pathlib import Path

import vnreport
from vnreport.models import Token, TokenList
from vnreport.recognizers import Recognizer

SAMPLES = vnreport.samples()


def test_token_list_reads_like_a_list_and_is_compact() -> None:
    text = next(iter(SAMPLES.values()))
    tokens = vnreport.segment(text)
    assert isinstance(tokens, TokenList)
    listed = list(tokens)
    assert tokens == listed and listed == tokens[:] and tokens[-1] == listed[-1]
    assert all(isinstance(t, Token) and text[t.start : t.end] == t.text for t in tokens)
    per_token = (sys.getsizeof(tokens._starts) + sys.getsizeof(tokens._ends) + sys.getsizeof(tokens._kinds)) / len(
        tokens
    )
    assert per_token < 24, per_token  # a pydantic Token costs ~500 bytes
    assert [] + tokens == listed and tokens + [] == listed


def test_a_large_document_with_tokens_stays_within_memory(tmp_path: Path) -> None:
    """A 2 MB report with tokens=True: under 40 bytes per character above the process baseline
    (a 10 MB report then stays under 500 MB; pydantic tokens took 1.78 GB)."""
    code = (
        "import glob, resource, vnreport\n"
        "vnreport.extract('Sở Nội vụ', tokens=True)\n"
        "text = '\\n'.join(open(f, encoding='utf-8').read() for f in sorted(glob.glob(PATTERN)))\n"
        "text = (text * (2_000_000 // len(text) + 1))[:2_000_000]\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "r = vnreport.extract(text, tokens=True)\n"
        "print(len(r.tokens), (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) * 1024 / len(text))\n"
    ).replace("PATTERN", repr(str(Path(vnreport.io.corpus.samples_dir()) / "*.txt")))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True)
    n_tokens, per_char = out.stdout.split()
    assert int(n_tokens) > 300_000
    assert float(per_char) < 40, out.stdout


class _SeesCollector(Recognizer):
    name = "sees_collector"
    label = "SEES"

    def __init__(self) -> None:
        self.seen: list[bool] = []

    def find(self, doc):  # type: ignore[no-untyped-def]
        self.seen.append(gc.isenabled())
        return []


def test_collector_paused_for_large_documents_only_and_restored() -> None:
    probe = _SeesCollector()
    nlp = vnreport.Pipeline(extra_recognizers=[probe])
    assert gc.isenabled()
    nlp("Sở Nội vụ tỉnh Hậu Giang")
    nlp("Sở Nội vụ tỉnh Hậu Giang. " * 10_000)
    assert probe.seen == [True, False]
    assert gc.isenabled()
    threads = [threading.Thread(target=nlp, args=("Ủy ban nhân dân tỉnh. " * 12_000,)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.isenabled()
    gc.disable()
    try:
        nlp("Sở Nội vụ tỉnh Hậu Giang. " * 10_000)
        assert not gc.isenabled(), "a collector the user had switched off stays off"
    finally:
        gc.enable()
