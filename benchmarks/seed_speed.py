"""Side by side on the seed page: our full parse (quantities included) against JioNLP's money extractor.

    python benchmarks/seed_speed.py [PAGE] [--rounds N]

Both are timed as CPU time (time.process_time), best of 5 rounds of N calls, after one warm-up
call. Ours: `zx.parse(data)` on the page's bytes, and `zx.parse(data, quantities=False)` beside it.
JioNLP: `jionlp.ner.extract_money(body)` on the body this library cleans from the same page, run in
benchmarks/.venv (`python3 -m venv benchmarks/.venv && benchmarks/.venv/bin/pip install jionlp`);
if that environment is missing, its line says so and no ratio is printed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_PYTHON = ROOT / "benchmarks" / ".venv" / "bin" / "python"
SEED = ROOT / "tests" / "fixtures" / "jiangjin.txt"

_JIONLP = """
import json, sys, time
import jionlp
body = json.load(open(sys.argv[1], encoding="utf-8"))
rounds = int(sys.argv[2])
found = len(jionlp.ner.extract_money(body))
times = []
for _ in range(5):
    start = time.process_time()
    for _ in range(rounds):
        jionlp.ner.extract_money(body)
    times.append(time.process_time() - start)
print(json.dumps({"ms": min(times) / rounds * 1000, "found": found}))
"""


def best_ms(call: Callable[[], object], rounds: int) -> float:
    """CPU milliseconds per call: the best of 5 rounds of `rounds` calls."""
    call()
    times = []
    for _ in range(5):
        start = time.process_time()
        for _ in range(rounds):
            call()
        times.append(time.process_time() - start)
    return min(times) / rounds * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", nargs="?", type=Path, default=SEED)
    ap.add_argument("--rounds", type=int, default=100)
    args = ap.parse_args()

    import zhengwu_extract as zx

    data = args.page.read_bytes()
    doc = zx.parse(data)
    full = best_ms(lambda: zx.parse(data), args.rounds)
    bare = best_ms(lambda: zx.parse(data, quantities=False), args.rounds)
    print(f"page: {args.page.name} ({len(doc.body)} characters of body, {len(doc.quantities)} quantities)")
    print(f"zhengwu_extract full parse      {full:7.2f} ms  {1000 / full:6.0f} pages/s")
    print(f"zhengwu_extract without quantities {bare:4.2f} ms  {1000 / bare:6.0f} pages/s")
    if not BENCH_PYTHON.exists():
        print(f"JioNLP: {BENCH_PYTHON} is missing; see this script's docstring")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump(doc.body, fh, ensure_ascii=False)
    out = subprocess.run(
        [str(BENCH_PYTHON), "-c", _JIONLP, fh.name, str(args.rounds)], capture_output=True, text=True, check=False
    )
    Path(fh.name).unlink()
    if out.returncode != 0:
        print("JioNLP failed:", out.stderr.strip().splitlines()[-1:] or out.returncode)
        return
    jio = json.loads(out.stdout.strip().splitlines()[-1])
    ms, found = jio["ms"], jio["found"]
    print(f"JioNLP extract_money            {ms:7.2f} ms  {1000 / ms:6.0f} pages/s ({found} amounts)")
    print(f"ratio (our pages/s ÷ JioNLP's): {ms / full:.2f}×")


if __name__ == "__main__":
    sys.exit(main())
