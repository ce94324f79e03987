"""Pages per second and peak memory: parse only, full parse, convert with 1 and 2 workers; JioNLP and GNE beside.

    python benchmarks/throughput.py [CORPUS] [--rounds N]      (CORPUS default: ../shared/corpus from the repo)

Every measurement runs in its own process, whose memory (with all its workers) is sampled 10 times a
second; the peak of that sum is reported. "parse only" is `parse_file(quantities=False)`, "full parse"
is `parse_file`, "convert" is the command line's engine writing JSON lines.

For comparison, on the same pages, in the benchmark's own environment (benchmarks/.venv, made with
`python3 -m venv benchmarks/.venv && benchmarks/.venv/bin/pip install jionlp gne`):
JioNLP's `ner.extract_money` on each page's body text (as this library cleans it), and GNE's
`GeneralNewsExtractor().extract` on the HTML pages. If that environment or a package is missing,
the line says so; no number is made up.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from memory_flat import tree_rss_kb

ROOT = Path(__file__).resolve().parent.parent
BENCH_PYTHON = ROOT / "benchmarks" / ".venv" / "bin" / "python"
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".pdf")


def pages_of(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.suffix.lower() in PAGE_SUFFIXES)


# --- one measurement, run inside its own process -----------------------------------------------


def run_mode(mode: str, corpus: Path, rounds: int, data: Path | None) -> dict[str, float]:
    """Do one kind of work over the pages `rounds` times; return the number of pages and the seconds."""
    pages = pages_of(corpus) * rounds
    start = time.perf_counter()
    if mode in ("parse_only", "full_parse"):
        import zhengwu_extract as zx

        money = 0
        for page in pages:
            with contextlib.suppress(zx.ExtractError):
                doc = zx.parse_file(page, quantities=mode == "full_parse")
                money += sum(q.kind == "money" for q in doc.quantities)
        if mode == "full_parse":  # beside JioNLP's count on the same bodies
            return {"pages": len(pages), "seconds": time.perf_counter() - start, "found": money}
    elif mode.startswith("convert"):
        from zhengwu_extract.batch import convert

        with tempfile.TemporaryDirectory() as tmp:  # one batch of all rounds, as a long run would be
            convert([str(p) for p in pages], Path(tmp) / "out.jsonl", workers=int(mode[-1]))
    elif mode == "jionlp":
        import jionlp

        assert data is not None
        bodies = json.loads(data.read_text(encoding="utf-8")) * rounds
        found = sum(len(jionlp.ner.extract_money(body)) for body in bodies)
        return {"pages": len(bodies), "seconds": time.perf_counter() - start, "found": found}
    elif mode == "gne":
        from gne import GeneralNewsExtractor

        extractor = GeneralNewsExtractor()
        html_pages = [p for p in pages if p.suffix.lower() in (".html", ".htm")]
        failed = 0
        start = time.perf_counter()
        for page in html_pages:
            try:
                extractor.extract(page.read_text(encoding="utf-8", errors="replace"))
            except Exception:  # GNE raises NoContentException and others on pages it cannot read
                failed += 1
        return {"pages": len(html_pages), "seconds": time.perf_counter() - start, "failed": failed}
    return {"pages": len(pages), "seconds": time.perf_counter() - start}


# --- the harness -------------------------------------------------------------------------------


def measure(python: Path | str, mode: str, corpus: Path, rounds: int, data: Path | None = None) -> dict[str, float]:
    """Run one mode in a fresh process; add the peak memory of that process and its workers."""
    command = [str(python), __file__, "--run", mode, str(corpus), "--rounds", str(rounds)]
    if data is not None:
        command += ["--data", str(data)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            own, workers = tree_rss_kb(process.pid)
            peak = max(peak, own + workers)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    stdout, stderr = process.communicate()
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {process.returncode}")
    result: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    result["peak_mb"] = peak / 1024
    return result


def bodies_file(corpus: Path, tmp: Path) -> Path:
    """The cleaned body of every page, for JioNLP (made here, outside any timing)."""
    import zhengwu_extract as zx

    bodies = []
    for page in pages_of(corpus):
        with contextlib.suppress(zx.ExtractError):
            bodies.append(zx.parse_file(page, quantities=False).body)
    path = tmp / "bodies.json"
    path.write_text(json.dumps(bodies, ensure_ascii=False), encoding="utf-8")
    return path


def report(label: str, result: dict[str, float]) -> None:
    rate = result["pages"] / result["seconds"] if result["seconds"] else 0.0
    extra = f"  ({int(result['found'])} money amounts found)" if "found" in result else ""
    extra += f"  ({int(result['failed'])} pages failed)" if result.get("failed") else ""
    print(
        f"{label:34} {int(result['pages']):5d} pages {result['seconds']:7.2f} s "
        f"{rate:8.1f} pages/s  peak {result['peak_mb']:6.1f} MB{extra}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="../shared/corpus", help="relative to the repository")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the corpus per measurement")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    corpus = (ROOT / args.corpus).resolve()
    if args.run:
        print(json.dumps(run_mode(args.run, corpus, args.rounds, args.data)))
        return 0
    print(f"corpus: {corpus} ({len(pages_of(corpus))} pages) x {args.rounds} round(s)")
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work skews the figures)")
    modes = [
        ("parse only (no quantities)", "parse_only"),
        ("full parse", "full_parse"),
        ("convert, 1 worker", "convert1"),
        ("convert, 2 workers", "convert2"),
    ]
    results = {}
    for label, mode in modes:
        results[mode] = measure(sys.executable, mode, corpus, args.rounds)
        report(label, results[mode])
    one, two = (results[m]["pages"] / results[m]["seconds"] for m in ("convert1", "convert2"))
    print(f"{'speed-up of 2 workers over 1':34} {two / one:.2f}x")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    if not BENCH_PYTHON.exists():
        print(f"JioNLP / GNE: not measured: {BENCH_PYTHON} does not exist (see this script's docstring)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data = bodies_file(corpus, Path(tmp))
        for label, mode in (("JioNLP ner.extract_money (bodies)", "jionlp"), ("GNE extract (HTML pages only)", "gne")):
            try:
                report(label, measure(BENCH_PYTHON, mode, corpus, args.rounds, data))
            except RuntimeError as exc:
                print(f"{label:34} not measured: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
