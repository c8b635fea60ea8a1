#!/usr/bin/env python3
"""Score the figure-semantics fields of vnreport's metrics against a gold set.

Usage (from the project root, inside the project's environment):

    python eval/figures.py --gold eval/wide/dev --root ../shared            # summary
    python eval/figures.py --gold eval/wide/dev --root ../shared --verbose  # every disagreement
    python eval/figures.py --gold eval/wide/dev --root ../shared --json out.json

Gold metrics are matched to predicted ones exactly as the shared scorer does
(``../shared/eval/score.py``, imported, not copied): same value (relative tolerance 1e-6) and
agreeing unit (a word prefix of the other), maximum matching of the required figures first,
then the optional ones on what is left. Every matched pair (required or optional) is then
compared field by field:

* ``subject``: both empty, or the word-overlap Dice coefficient of the two phrases (words of
  the shared scorer's comparison key, so case, tone-mark position and dashes do not matter) is
  at least 0.5: 2·|common words| / (|gold words| + |predicted words|). A predicted phrase that
  contains the gold one and at most doubles it passes; one that shares a single word of five
  does not. ``subject_exact`` reports equal keys.
* ``change``, ``per``: equal (``per`` compared by key), both empty counts as agreement.
* ``change_base``: both empty, or the shared scorer's ``similar`` (the rule used for positions).
* ``as_of``: the same ISO date; ``period``: the same ISO start and end.
* ``range``: both empty, or the same low and high.

For each field the report gives: the accuracy over all matched pairs; the number of gold
figures carrying the field (whole gold set, matched or not); over matched pairs where the gold
carries it, how many the prediction got right; and how many predicted values the gold has no
value for (spurious).

A prediction's fields are read from ``Report.metrics[]``: ``subject``, ``change``,
``change_base``, ``as_of``, ``period_start``/``period_end`` (or a ``period`` object with
``start``/``end``), ``per``, ``low``/``high`` (or a ``range`` object).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

FIELDS = ("subject", "subject_exact", "change", "change_base", "as_of", "period", "per", "range")


def load_scorer(root: Path) -> ModuleType:
    """The shared scorer module (``ROOT/eval/score.py``), imported by path."""
    path = root / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the shared scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- reading fields


def _period(m: dict[str, Any]) -> tuple[str, str] | None:
    p = m.get("period")
    if isinstance(p, dict):
        return (p.get("start") or "", p.get("end") or "") if (p.get("start") or p.get("end")) else None
    start, end = m.get("period_start"), m.get("period_end")
    return (start or "", end or "") if (start or end) else None


def _range(m: dict[str, Any]) -> tuple[float, float] | None:
    r = m.get("range")
    if isinstance(r, dict):
        return float(r["low"]), float(r["high"])
    if m.get("low") is not None and m.get("high") is not None:
        return float(m["low"]), float(m["high"])
    return None


def _value(m: dict[str, Any], field: str) -> Any:
    if field == "period":
        return _period(m)
    if field == "range":
        return _range(m)
    if field == "subject_exact":
        return m.get("subject")
    return m.get(field) or None


def dice(a: str, b: str, key: Callable[[str], str]) -> float:
    """Word-overlap Dice coefficient of two phrases (multisets of key words)."""
    wa, wb = key(a).split(), key(b).split()
    if not wa or not wb:
        return 0.0
    rest = list(wb)
    common = 0
    for w in wa:
        if w in rest:
            rest.remove(w)
            common += 1
    return 2 * common / (len(wa) + len(wb))


def agrees(field: str, gold: Any, pred: Any, sc: ModuleType) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if field == "subject":
        return dice(gold, pred, sc.key) >= 0.5
    if field in ("subject_exact", "per"):
        return bool(sc.key(gold) == sc.key(pred))
    if field == "change_base":
        return bool(sc.similar(gold, pred))
    if field == "range":
        return all(math.isclose(g, p, rel_tol=1e-6) for g, p in zip(gold, pred, strict=True))
    return bool(gold == pred)


# ---------------------------------------------------------------- matching


def match_pairs(sc: ModuleType, gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict]]:
    """Matched (gold, predicted) pairs, required gold first then optional, and missed required gold."""

    def ok(gm: dict, pm: dict) -> bool:
        try:
            v = float(pm.get("value"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
        return math.isclose(v, float(gm["value"]), rel_tol=1e-6) and bool(sc.units_agree(gm["unit"], pm.get("unit")))

    req = [g for g in gold if not g.get("optional")]
    opt = [g for g in gold if g.get("optional")]
    m = sc.max_matching(len(req), len(pred), lambda gi, pi: ok(req[gi], pred[pi]))
    pairs = [(req[g], pred[p]) for g, p in m.items()]
    used = set(m.values())
    rest = [i for i in range(len(pred)) if i not in used]
    m2 = sc.max_matching(len(opt), len(rest), lambda gi, ri: ok(opt[gi], pred[rest[ri]]))
    pairs += [(opt[g], pred[rest[r]]) for g, r in m2.items()]
    missed = [req[g] for g in range(len(req)) if g not in m]
    return pairs, missed


# ---------------------------------------------------------------- scoring


def score(gold_dir: Path, root: Path, verbose: bool) -> dict[str, Any]:
    sc = load_scorer(root)
    run = sc.vnreport_system()
    tally = {f: {"hit": 0, "pairs": 0, "gold_n": 0, "gold_pairs": 0, "gold_hit": 0, "spurious": 0} for f in FIELDS}
    details: list[str] = []
    n_gold = n_pairs = n_missed = 0
    for gf in sorted(gold_dir.glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        text = (root / g["text_file"]).read_text(encoding="utf-8")
        gold = g.get("metrics", [])
        pairs, missed = match_pairs(sc, gold, run(text).get("metrics") or [])
        n_gold += len(gold)
        n_pairs += len(pairs)
        n_missed += len(missed)
        for gm in gold:
            for f in FIELDS:
                tally[f]["gold_n"] += _value(gm, f) is not None
        notes: list[str] = []
        for gm, pm in pairs:
            for f in FIELDS:
                gv, pv = _value(gm, f), _value(pm, f)
                ok = agrees(f, gv, pv, sc)
                t = tally[f]
                t["pairs"] += 1
                t["hit"] += ok
                if gv is not None:
                    t["gold_pairs"] += 1
                    t["gold_hit"] += ok
                elif pv is not None:
                    t["spurious"] += 1
                if not ok and f != "subject_exact":
                    notes.append(f"{gm['text']!r}: {f} {pv!r} != {gv!r}")
        if verbose and notes:
            details.append(f"== {gf.name}")
            details += ["   " + n for n in notes]
    summary: dict[str, Any] = {"gold_figures": n_gold, "matched_pairs": n_pairs, "missed_required": n_missed}
    for f, t in tally.items():
        summary[f] = {
            "accuracy": round(t["hit"] / t["pairs"], 4) if t["pairs"] else None,
            "gold_n": t["gold_n"],
            "gold_pairs": t["gold_pairs"],
            "gold_accuracy": round(t["gold_hit"] / t["gold_pairs"], 4) if t["gold_pairs"] else None,
            "spurious": t["spurious"],
        }
    summary["details"] = details
    return summary


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files")
    ap.add_argument("--root", type=Path, required=True, help="folder the gold text_file paths are relative to")
    ap.add_argument("--verbose", action="store_true", help="list every disagreement per document")
    ap.add_argument("--json", type=Path, help="write the summary as JSON here")
    args = ap.parse_args()
    s = score(args.gold, args.root, args.verbose)
    print(f"gold figures={s['gold_figures']} matched pairs={s['matched_pairs']} missed required={s['missed_required']}")
    print(f"{'field':<15}{'acc':>7}{'gold_n':>8}{'pairs':>7}{'acc|gold':>10}{'spurious':>10}")
    for f in FIELDS:
        v = s[f]
        acc = f"{v['accuracy']:.3f}" if v["accuracy"] is not None else "-"
        gacc = f"{v['gold_accuracy']:.3f}" if v["gold_accuracy"] is not None else "-"
        print(f"{f:<15}{acc:>7}{v['gold_n']:>8}{v['gold_pairs']:>7}{gacc:>10}{v['spurious']:>10}")
    if s["details"]:
        print("\n".join(s["details"]))
    if args.json:
        args.json.write_text(json.dumps(s, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
