"""Print, per matched quantity, where the output disagrees with an answer key (indicator, year, category, kind).

    python benchmarks/disagree.py OUT.jsonl benchmarks/keys [DOC_SUBSTRING] [--field year]

Uses score.py's own matching, so the pairs are the ones the TOTAL line counts.
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import score


def main(argv: list[str]) -> None:
    out, keys = argv[0], argv[1]
    rest = [a for a in argv[2:] if not a.startswith("--")]
    chosen = [a.split("=", 1)[1] for a in argv[2:] if a.startswith("--field=")]
    fields = chosen or ["indicator", "year", "category", "kind"]
    preds = {}
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            preds[os.path.basename(d.get("source") or "")] = d
    for name in sorted(os.listdir(keys)):
        with open(os.path.join(keys, name), encoding="utf-8") as fh:
            gold = json.load(fh)
        if rest and not any(r in gold["doc"] for r in rest):
            continue
        pred = preds.get(gold["doc"])
        if pred is None or "error" in pred:
            continue
        pq = pred.get("quantities") or []
        scope = [score.norm(x) for x in gold.get("scope") or []]
        if scope:
            pq = [p for p in pq if score.in_scope(score.norm(p.get("text")) or "", scope)]
        for g, p in score.match(gold.get("quantities", []), pq, [False] * len(pq)):
            bad = []
            if "indicator" in fields and score.char_f1(g["indicator"], p.get("indicator")) < 0.6:
                bad.append(f"indicator {p.get('indicator')!r} ≠ {g['indicator']!r}")
            if "year" in fields and not score.year_ok(g.get("year"), p.get("year")):
                bad.append(f"year {p.get('year')} ≠ {g.get('year')}")
            if "category" in fields and score.norm(g.get("category")) != score.norm(p.get("category")):
                bad.append(f"category {p.get('category')!r} ≠ {g.get('category')!r}")
            if "kind" in fields and g.get("kind") != p.get("kind"):
                bad.append(f"kind {p.get('kind')} ≠ {g.get('kind')}")
            if bad:
                print(f"{gold['doc'][:28]:28s} {g['anchor'][:30]:30s} " + "; ".join(bad))


if __name__ == "__main__":
    main(sys.argv[1:])
