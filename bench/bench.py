#!/usr/bin/env python
"""Throughput of vnreport against the Vietnamese NLP tools people would otherwise reach for.

One run, the same texts for every system: the bundled samples (``data/samples/*.txt``) plus the
``*.txt`` files of any folders given as arguments. Each system is warmed up on one text, then the
whole set is processed ``--repeat`` times; the best (shortest) pass is reported, because on a
shared machine noise only ever adds time.

    .venv/bin/python bench/bench.py                          # samples only
    .venv/bin/python bench/bench.py ../shared/corpus/news --repeat 3 --json bench.json

Targets checked (ratios inside this run, so the machine's speed cancels out):

* ``extract`` ≥ 100 × ``underthesea.ner`` (per sentence) throughput, and ≥ 1 M chars/s;
* ``extract(tokens=True)`` − ``extract`` ≤ 1.25 × ``pyvi.ViTokenizer.tokenize`` time;
* ``import vnreport`` + first ``extract`` < 2 s (fresh interpreter);
* peak RSS of a process that extracts the whole set < 300 MB.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"

TARGET_NER_RATIO = 100.0
TARGET_CHARS_PER_S = 1_000_000.0
TARGET_TOKENS_COST = 1.25
TARGET_STARTUP_S = 2.0
TARGET_RSS_MB = 300.0


# ---------------------------------------------------------------------------- inputs
def load_texts(folders: Sequence[str]) -> list[tuple[str, str]]:
    """(name, text) for the bundled samples and every ``*.txt`` under the given folders."""
    paths = sorted(SAMPLES.glob("*.txt"))
    for folder in folders:
        p = Path(folder)
        if p.is_file():
            paths.append(p)
        elif p.is_dir():
            paths += sorted(q for q in p.rglob("*.txt") if q.is_file())
        else:
            raise SystemExit(f"bench: {folder}: no such file or folder")
    return [(str(p), p.read_text(encoding="utf-8")) for p in paths]


def machine() -> dict[str, object]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    versions = {}
    for mod in ("vnreport", "underthesea", "pyvi", "pydantic"):
        try:
            from importlib.metadata import version  # noqa: PLC0415

            versions[mod] = version(mod)
        except Exception:  # noqa: BLE001 - best effort
            versions[mod] = "?"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
    }


# ---------------------------------------------------------------------------- timing
@dataclass
class Result:
    name: str
    ok: bool = True
    error: str | None = None
    docs: int = 0
    chars: int = 0
    best_s: float = float("nan")
    median_s: float = float("nan")
    cpu_s: float = float("nan")  # CPU time of the best wall-clock pass
    best_cpu_s: float = float("nan")  # shortest CPU time of any pass
    loops: int = 1
    runs: list[float] = field(default_factory=list)
    cpu_runs: list[float] = field(default_factory=list)

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.best_s if self.ok and self.best_s > 0 else float("nan")

    @property
    def chars_per_cpu_s(self) -> float:
        return self.chars / self.best_cpu_s if self.ok and self.best_cpu_s > 0 else float("nan")

    @property
    def contended(self) -> bool:
        """True when this process got well under one core: other load inflated wall times."""
        return self.ok and self.cpu_s < 0.9 * self.best_s

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.best_s if self.ok and self.best_s > 0 else float("nan")


def time_system(
    name: str, fn: Callable[[str], object], texts: list[str], repeat: int, min_pass_s: float = 0.5
) -> Result:
    """Warm up, then time ``repeat`` passes over all texts.

    A pass over a small set can take milliseconds, where timer and scheduler noise dominate;
    like ``timeit.autorange`` a pass then loops over the set several times and is divided back.
    """
    res = Result(name, docs=len(texts), chars=sum(map(len, texts)))
    try:
        fn(texts[0])
        c0, t0 = time.process_time(), time.perf_counter()
        for t in texts:  # calibration pass, also the warm-up of every text
            fn(t)
        calib, calib_cpu = time.perf_counter() - t0, time.process_time() - c0
    except Exception as e:  # noqa: BLE001 - a missing optional system is reported, not fatal
        res.ok, res.error = False, f"{type(e).__name__}: {e}"
        return res
    loops = max(1, math.ceil(min_pass_s / max(calib, 1e-9))) if calib < min_pass_s else 1
    res.loops = loops
    cpu_best = float("inf")
    if loops == 1:  # a slow system (underthesea.ner): its calibration pass counts as pass 1
        res.runs.append(calib)
        res.cpu_runs.append(calib_cpu)
        cpu_best = calib_cpu
    for _ in range(repeat - len(res.runs)):
        gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        for _ in range(loops):
            for t in texts:
                fn(t)
        dt, dc = (time.perf_counter() - t0) / loops, (time.process_time() - c0) / loops
        res.runs.append(dt)
        res.cpu_runs.append(dc)
        if dt == min(res.runs):
            cpu_best = dc
    res.best_s = min(res.runs)
    res.median_s = sorted(res.runs)[len(res.runs) // 2]
    res.cpu_s = cpu_best
    res.best_cpu_s = min(res.cpu_runs)
    return res


def systems() -> list[tuple[str, Callable[[str], object]]]:
    import vnreport  # noqa: PLC0415

    def extract(t: str) -> object:
        return vnreport.extract(t)

    def extract_tokens(t: str) -> object:
        return vnreport.extract(t, tokens=True)

    def uts_word_tokenize(t: str) -> object:
        from underthesea import word_tokenize  # noqa: PLC0415

        return word_tokenize(t)

    def uts_ner(t: str) -> object:
        from underthesea import ner, sent_tokenize  # noqa: PLC0415

        return [ner(s) for s in sent_tokenize(t)]

    def pyvi_tokenize(t: str) -> object:
        from pyvi import ViTokenizer  # noqa: PLC0415

        return ViTokenizer.tokenize(t)

    return [
        ("vnreport.extract", extract),
        ("vnreport.extract(tokens=True)", extract_tokens),
        ("underthesea.word_tokenize", uts_word_tokenize),
        ("underthesea.ner (per sentence)", uts_ner),
        ("pyvi.ViTokenizer.tokenize", pyvi_tokenize),
    ]


# ---------------------------------------------------------------------------- fresh process
_CHILD = r"""
import json, resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
import vnreport
t1, c1 = time.perf_counter(), time.process_time()
paths = sys.argv[2:]
texts = [open(p, encoding="utf-8").read() for p in paths]
tokens = sys.argv[1] == "1"
t2, c2 = time.perf_counter(), time.process_time()
vnreport.extract(texts[0], tokens=tokens)
t3, c3 = time.perf_counter(), time.process_time()
for t in texts:
    vnreport.extract(t, tokens=tokens)
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"import_s": t1 - t0, "first_call_s": t3 - t2, "peak_rss_mb": rss_kb / 1024,
                  "import_cpu_s": c1 - c0, "first_call_cpu_s": c3 - c2}))
"""


def fresh_process(paths: list[str], tokens: bool) -> dict[str, float]:
    """Import + first-call time and peak RSS of a new interpreter that extracts every text."""
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, "1" if tokens else "0", *paths],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}  # type: ignore[dict-item]
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["import_plus_first_call_s"] = data["import_s"] + data["first_call_s"]
    data["import_plus_first_call_cpu_s"] = data["import_cpu_s"] + data["first_call_cpu_s"]
    data["process_wall_s"] = wall
    return data


def traced_peak(texts: list[str]) -> dict[str, float]:
    """tracemalloc peak of one ``extract`` on the largest text, and over the whole set."""
    import vnreport  # noqa: PLC0415

    vnreport.extract(texts[0])
    largest = max(texts, key=len)
    tracemalloc.start()
    vnreport.extract(largest)
    _, one = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    for t in texts:
        vnreport.extract(t)
    _, all_ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"largest_doc_chars": len(largest), "largest_doc_peak_mb": one / 2**20, "whole_set_peak_mb": all_ / 2**20}


def stage_times(texts: list[str], repeat: int) -> dict[str, float]:
    """CPU seconds per pipeline stage (make_doc, each recogniser, to_report), best of ``repeat``:
    where extract's time goes, so the slow recogniser is named, not guessed."""
    from vnreport.pipeline import default_pipeline  # noqa: PLC0415

    nlp = default_pipeline()
    for t in texts:
        nlp(t)
    best: dict[str, float] = {}
    for _ in range(repeat):
        acc: dict[str, float] = {}
        for t in texts:
            c0 = time.process_time()
            doc = nlp.make_doc(t)
            c1 = time.process_time()
            acc["make_doc (normalise + layout)"] = acc.get("make_doc (normalise + layout)", 0.0) + c1 - c0
            for r in nlp.recognizers:
                c0 = time.process_time()
                doc.found[r.label] = r.find(doc)
                acc[r.name] = acc.get(r.name, 0.0) + time.process_time() - c0
            c0 = time.process_time()
            nlp.to_report(doc)
            acc["to_report"] = acc.get("to_report", 0.0) + time.process_time() - c0
        for k, v in acc.items():
            best[k] = min(best.get(k, float("inf")), v)
    return best


def render_stages(stages: dict[str, float], chars: int) -> str:
    total = sum(stages.values())
    lines = ["", "| stage | CPU ms | share | chars/CPU-s |", "|---|---:|---:|---:|"]
    for k, v in stages.items():
        lines.append(f"| {k} | {v * 1000:.1f} | {100 * v / total:.1f} % | {_fmt(chars / v if v else float('nan'))} |")
    lines.append(f"| total | {total * 1000:.1f} | 100 % | {_fmt(chars / total if total else float('nan'))} |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- report
def _fmt(x: float, spec: str = ",.0f") -> str:
    return "n/a" if x != x else format(x, spec)


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def summarise(
    results: dict[str, Result], startup: dict[str, dict[str, float]], traced: dict[str, float]
) -> dict[str, object]:
    """Targets as ratios inside this run, by wall clock and by CPU time.

    Verdicts use wall-clock numbers unless the machine was busy (a timed system got < 0.9 of a
    core), where CPU time of this process is the fair measure of single-core throughput.
    """
    ex = results["vnreport.extract"]
    tok = results["vnreport.extract(tokens=True)"]
    ner = results["underthesea.ner (per sentence)"]
    pyvi = results["pyvi.ViTokenizer.tokenize"]
    nan = float("nan")
    busy = any(r.contended for r in results.values())
    basis = "cpu" if busy else "wall"

    def ratios(wall: float, cpu: float) -> dict[str, float]:
        return {"wall": wall, "cpu": cpu}

    ner_ratio = ratios(
        ex.chars_per_s / ner.chars_per_s if ex.ok and ner.ok else nan,
        ex.chars_per_cpu_s / ner.chars_per_cpu_s if ex.ok and ner.ok else nan,
    )
    mchars = ratios(
        ex.chars_per_s / TARGET_CHARS_PER_S if ex.ok else nan, ex.chars_per_cpu_s / TARGET_CHARS_PER_S if ex.ok else nan
    )
    both = tok.ok and ex.ok and pyvi.ok
    tok_cost = ratios(
        (tok.best_s - ex.best_s) / pyvi.best_s if both else nan,
        (tok.best_cpu_s - ex.best_cpu_s) / pyvi.best_cpu_s if both else nan,
    )
    default = startup.get("default", {})
    first = ratios(default.get("import_plus_first_call_s", nan), default.get("import_plus_first_call_cpu_s", nan))
    rss = max((v.get("peak_rss_mb", nan) for v in startup.values()), default=nan)

    def item(values: dict[str, float], target: str, ok: Callable[[float], bool]) -> dict[str, object]:
        v = values[basis]
        return {**values, "value": v, "basis": basis, "target": target, "pass": None if v != v else bool(ok(v))}

    return {
        "machine_busy": busy,
        "extract_vs_ner": item(ner_ratio, f"≥ {TARGET_NER_RATIO:g}", lambda v: v >= TARGET_NER_RATIO),
        "extract_vs_1M_chars_per_s": item(mchars, "≥ 1", lambda v: v >= 1),
        "tokens_cost_vs_pyvi": item(tok_cost, f"≤ {TARGET_TOKENS_COST:g}", lambda v: v <= TARGET_TOKENS_COST),
        "import_plus_first_call_s": item(first, f"< {TARGET_STARTUP_S:g}", lambda v: v < TARGET_STARTUP_S),
        "peak_rss_mb": item(ratios(rss, rss), f"< {TARGET_RSS_MB:g}", lambda v: v < TARGET_RSS_MB),
        "tracemalloc": traced,
    }


def render(
    mach: dict[str, object],
    results: dict[str, Result],
    summary: dict[str, object],
    startup: dict[str, dict[str, float]],
    repeat: int,
    bench_rss_mb: float,
) -> str:
    ex = results["vnreport.extract"]
    lines = [
        f"Machine: {mach['cpu']}, {mach['cores']} cores ({mach['usable_cores']} usable), "
        f"Python {mach['python']}, {mach['platform']}",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in mach["versions"].items()),  # type: ignore[union-attr]
        f"Texts: {ex.docs} documents, {ex.chars:,} characters; best of {repeat} pass(es) after warm-up; "
        "single-threaded (cpu/wall ≈ 1 means one core).",
        "",
        "| system | chars/s | docs/s | chars/CPU-s | best pass (s) | median pass (s) | cpu/wall | speed vs extract |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results.values():
        if not r.ok:
            lines.append(f"| {r.name} | unavailable: {r.error} | | | | | | |")
            continue
        rel = ex.best_s / r.best_s if ex.ok else float("nan")
        lines.append(
            f"| {r.name} | {_fmt(r.chars_per_s)} | {_fmt(r.docs_per_s, ',.1f')} | {_fmt(r.chars_per_cpu_s)} "
            f"| {_fmt(r.best_s, '.3f')} "
            f"| {_fmt(r.median_s, '.3f')} | {_fmt(r.cpu_s / r.best_s, '.2f')} | {_fmt(rel, '.3g')}× |"
        )
    s = summary
    lines += [
        "",
        "| target | wall clock | CPU time | goal | verdict |",
        "|---|---:|---:|---:|---|",
    ]
    labels = {
        "extract_vs_ner": ("extract throughput / underthesea.ner throughput", ".0f", "×"),
        "extract_vs_1M_chars_per_s": ("extract chars/s / 1 M chars/s", ".2f", "×"),
        "tokens_cost_vs_pyvi": ("(extract+tokens − extract) / pyvi time", ".2f", "×"),
        "import_plus_first_call_s": ("import + first extract, fresh process", ".3f", " s"),
        "peak_rss_mb": ("peak RSS, fresh process extracting every text", ".0f", " MB"),
    }
    for key, (label, spec, unit) in labels.items():
        item = s[key]  # type: ignore[index]
        cells = []
        for basis in ("wall", "cpu"):
            value = _fmt(item[basis], spec)
            value += unit if value != "n/a" else ""
            cells.append(f"**{value}**" if basis == item["basis"] and value != "n/a" else value)
        lines.append(f"| {label} | {cells[0]} | {cells[1]} | {item['target']}{unit} | {_verdict(item['pass'])} |")
    lines.append("")
    if s["machine_busy"]:  # type: ignore[index]
        lines.append("- machine busy (a timed system got < 0.9 of a core): verdicts use CPU time (in bold)")
    else:
        lines.append("- machine quiet: verdicts use wall-clock time (in bold)")
    for mode, d in startup.items():
        if "error" in d:
            lines.append(f"- fresh process ({mode}): failed: {d['error']}")
        else:
            lines.append(
                f"- fresh process ({mode}): import {d['import_s']:.3f} s (CPU {d['import_cpu_s']:.3f} s), "
                f"first call {d['first_call_s']:.3f} s (CPU {d['first_call_cpu_s']:.3f} s), "
                f"peak RSS {d['peak_rss_mb']:.0f} MB, whole process {d['process_wall_s']:.2f} s"
            )
    tm = s["tracemalloc"]  # type: ignore[index]
    lines.append(
        f"- tracemalloc peak of extract: {tm['largest_doc_peak_mb']:.2f} MB for the largest text "  # type: ignore[index]
        f"({tm['largest_doc_chars']:,} chars), {tm['whole_set_peak_mb']:.2f} MB over the whole set"  # type: ignore[index]
    )
    lines.append(f"- peak RSS of this benchmark process (every timed system loaded): {bench_rss_mb:.0f} MB")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", help="extra folders (or files) of *.txt reports")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per system (best is reported)")
    ap.add_argument(
        "--min-pass",
        type=float,
        default=0.5,
        metavar="S",
        help="loop over the texts until one timed pass lasts at least S seconds",
    )
    ap.add_argument("--json", metavar="OUT", help="also write the raw numbers to this JSON file")
    ap.add_argument(
        "--only",
        action="append",
        metavar="SUBSTR",
        help="time only systems whose name contains SUBSTR (repeatable); ratios needing a skipped system show n/a",
    )
    ap.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    ap.add_argument(
        "--stages", action="store_true", help="also print extract's CPU time per stage (make_doc, each recogniser)"
    )
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")

    loaded = load_texts(args.folders)
    if not loaded:
        raise SystemExit("bench: no texts")
    texts = [t for _, t in loaded]
    mach = machine()
    print(f"bench: {len(texts)} texts, {sum(map(len, texts)):,} chars; timing …", file=sys.stderr)

    # Fresh processes first, so this process's imports cannot warm their caches.
    paths = [p for p, _ in loaded]
    startup = {"default": fresh_process(paths, tokens=False), "tokens=True": fresh_process(paths, tokens=True)}

    results: dict[str, Result] = {}
    for name, fn in systems():
        if args.only and not any(s in name for s in args.only):
            results[name] = Result(
                name, ok=False, error="skipped (--only)", docs=len(texts), chars=sum(map(len, texts))
            )
            continue
        print(f"bench:   {name}", file=sys.stderr)
        results[name] = time_system(name, fn, texts, args.repeat, args.min_pass)
    traced = traced_peak(texts)
    bench_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    summary = summarise(results, startup, traced)
    print(render(mach, results, summary, startup, args.repeat, bench_rss))
    stages = stage_times(texts, args.repeat) if args.stages else None
    if stages is not None:
        print(render_stages(stages, sum(map(len, texts))))

    if args.json:
        payload = {
            "machine": mach,
            "repeat": args.repeat,
            "texts": paths,
            "results": {
                k: {
                    **asdict(r),
                    "chars_per_s": r.chars_per_s,
                    "docs_per_s": r.docs_per_s,
                    "chars_per_cpu_s": r.chars_per_cpu_s,
                }
                for k, r in results.items()
            },
            "targets": summary,
            "fresh_process": startup,
            "bench_process_peak_rss_mb": bench_rss,
            "stages_cpu_s": stages,
        }
        Path(args.json).write_text(
            json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
        )
    if args.strict:
        missed = [k for k, v in summary.items() if isinstance(v, dict) and v.get("pass") is False]
        if missed:
            print(f"bench: missed targets: {', '.join(missed)}", file=sys.stderr)
        return 1 if missed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
