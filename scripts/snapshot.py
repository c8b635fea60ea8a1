#!/usr/bin/env python3
"""Extract every shared corpus report and write (or compare) one JSON digest per report.

A refactoring commit must change no output: take a snapshot before, then

    .venv/bin/python scripts/snapshot.py --out /tmp/before.jsonl      # at the old commit
    .venv/bin/python scripts/snapshot.py --compare /tmp/before.jsonl  # after the change

``--compare`` prints the first differing field of each changed report and exits 1 if any.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_files(shared: Path) -> list[Path]:
    files: list[Path] = []
    for sub in ("seeds", "news", "wide"):
        files += sorted((shared / "corpus" / sub).glob("*.txt"))
    files += sorted((ROOT / "data" / "samples").glob("*.txt"))
    return files


def records(shared: Path, tokens: bool = False) -> dict[str, str]:
    import vnreport  # noqa: PLC0415

    out: dict[str, str] = {}
    for f in corpus_files(shared):
        text = f.read_text(encoding="utf-8")
        rep = vnreport.extract(text, doc_id=f.name, tokens=tokens)
        out[f"{f.parent.name}/{f.name}"] = rep.model_dump_json()
    return out


def first_difference(a: object, b: object, path: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{path}: {a!r:.120} != {b!r:.120}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):  # type: ignore[arg-type]
            if k not in a or k not in b:  # type: ignore[operator]
                return f"{path}.{k}: only in {'new' if k in b else 'old'}"  # type: ignore[operator]
            d = first_difference(a[k], b[k], f"{path}.{k}")  # type: ignore[index]
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):  # type: ignore[arg-type]
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):  # type: ignore[arg-type]
            return f"{path}: length {len(a)} != {len(b)}"  # type: ignore[arg-type]
        return None
    return None if a == b else f"{path}: {a!r:.120} != {b!r:.120}"


def _without(report_json: str, fields: list[str]) -> object:
    data = json.loads(report_json)
    for f in fields:
        data.pop(f, None)
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("--tokens", action="store_true", help="also segment (tokens=True)")
    ap.add_argument("--ignore", action="append", default=[], metavar="FIELD", help="top-level field to leave out")
    args = ap.parse_args()
    recs = records(args.shared, tokens=args.tokens)
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for k, v in recs.items():
                fh.write(json.dumps({"file": k, "report": v}, ensure_ascii=False) + "\n")
        print(f"{len(recs)} reports written to {args.out}")
    if args.compare:
        old = {}
        for line in args.compare.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            old[row["file"]] = row["report"]
        changed = 0
        for k in sorted(set(old) | set(recs)):
            if k in old and k in recs and _without(old[k], args.ignore) == _without(recs[k], args.ignore):
                continue
            changed += 1
            if k not in old or k not in recs:
                print(f"{k}: only in {'new' if k in recs else 'old'}")
                continue
            print(f"{k}: {first_difference(_without(old[k], args.ignore), _without(recs[k], args.ignore))}")
        print(f"{changed} of {len(recs)} reports differ")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
