"""Does `zhengwu-extract convert` keep memory flat over a long batch? Samples the resident memory.

    python benchmarks/memory_flat.py [--pages 20000] [--workers 2] [--seed-dir examples/pages]

Makes N copies of small real pages in a temporary folder, runs the command line on them, and samples
the resident memory (RSS) of the parent and of all its workers once a second against the lines written.
Prints the RSS at the 1,000th page and at the end, and the growth between them.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tree_rss_kb(pid: int) -> tuple[int, int]:
    """RSS in KB of a process and of all its descendants (Linux /proc)."""
    total, todo = 0, _children(pid)
    while todo:
        child = todo.pop()
        total += _rss_kb(child)
        todo.extend(_children(child))
    return _rss_kb(pid), total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            found += [int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
    except OSError:
        pass
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class LineCounter:
    """Counts the lines of a growing file, reading only what was added since the last call."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self.lines = path, 0, 0

    def __call__(self) -> int:
        try:
            with self.path.open("rb") as fh:
                fh.seek(self.offset)
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    self.lines += chunk.count(b"\n")
                    self.offset += len(chunk)
        except OSError:
            pass
        return self.lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed-dir", type=Path, default=ROOT / "examples" / "pages")
    parser.add_argument("--max-bytes", type=int, default=25_000, help="use seed pages up to this size")
    args = parser.parse_args()
    seeds = [p.read_bytes() for p in sorted(args.seed_dir.iterdir()) if p.stat().st_size <= args.max_bytes]
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for i, data in zip(range(args.pages), itertools.cycle(seeds)):
            (pages / f"p{i:06d}.txt").write_bytes(data)
        out = Path(tmp) / "out.jsonl"
        count_lines = LineCounter(Path(str(out) + ".partial"))
        command = [sys.executable, "-m", "zhengwu_extract.cli", "convert", str(pages), "-o", str(out), "-q"]
        process = subprocess.Popen([*command, "--workers", str(args.workers)])
        samples: list[tuple[int, int, int]] = []
        start = time.monotonic()
        while process.poll() is None:
            parent, workers = tree_rss_kb(process.pid)
            samples.append((count_lines(), parent, workers))
            time.sleep(1.0)
        seconds = time.monotonic() - start
    at_1000 = next((s for s in samples if s[0] >= 1000), samples[0])
    last = samples[-1]
    print(f"{args.pages} pages, {args.workers} workers, {seconds:.0f} s ({args.pages / seconds:.0f} pages/s)")
    for label, (done, parent, workers) in (("at ~1,000th page", at_1000), ("at the end", last)):
        print(f"{label:18} ({done:6d} written): parent {parent / 1024:6.1f} MB, workers {workers / 1024:6.1f} MB")
    print(
        f"growth: parent {(last[1] - at_1000[1]) / 1024:+.1f} MB, "
        f"parent+workers {(last[1] + last[2] - at_1000[1] - at_1000[2]) / 1024:+.1f} MB; "
        f"peak parent+workers {max(p + w for _, p, w in samples) / 1024:.1f} MB"
    )
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
