"""The long fuzz run (outside CI): rounds of the property tests with many examples until a deadline.

    nice -n 19 python tests/fuzz_long.py --minutes 100 --examples 1000 --log fuzz.log

Each round is a fresh pytest process (so it runs the code as it is now) with a new random seed; the
log gets one line per round: examples run, failing tests, CPU seconds; and the failures in full.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
STATS = re.compile(r"(\d+) passing, (\d+) failing")


def main(argv: list[str]) -> int:
    """Run rounds until the deadline; print the totals."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--examples", type=int, default=1000, help="examples per property per round")
    parser.add_argument("--log", type=Path, default=Path("fuzz.log"))
    parser.add_argument("--corpus", default="/work/shared/corpus", help="extra real pages to mutate")
    args = parser.parse_args(argv)
    deadline = time.time() + args.minutes * 60
    env = {**os.environ, "ZX_FUZZ_EXAMPLES": str(args.examples)}
    if Path(args.corpus).is_dir():
        env["ZX_FUZZ_CORPUS"] = args.corpus
    total_examples = total_failing = rounds = 0
    total_cpu = 0.0
    with args.log.open("a", encoding="utf-8") as log:
        while time.time() < deadline:
            seed = int.from_bytes(os.urandom(4), "big")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            proc = subprocess.run(
                [sys.executable, "-m", "pytest", str(HERE / "test_properties.py"), "-p", "no:cacheprovider",
                 "-q", "--hypothesis-show-statistics", f"--hypothesis-seed={seed}"],
                env=env, capture_output=True, text=True, check=False,
            )  # fmt: skip
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            counts = [(int(a), int(b)) for a, b in STATS.findall(proc.stdout)]
            examples = sum(a + b for a, b in counts)
            failed = re.findall(r"^FAILED (\S+)", proc.stdout, re.MULTILINE)
            rounds += 1
            total_examples += examples
            total_failing += len(failed)
            total_cpu += cpu
            line = (
                f"{time.strftime('%H:%M:%S')} round {rounds} seed {seed}: {examples} examples, "
                f"{cpu:.0f} s CPU, exit {proc.returncode}, failed {failed}"
            )
            print(line, flush=True)
            log.write(line + "\n")
            if failed:  # the failures in full, but lines cut short: a mutated page's repr runs to megabytes
                report = proc.stdout.split("= Hypothesis Statistics =")[0]
                log.write("\n".join(line[:400] for line in report.splitlines()[-600:]) + "\n")
            log.flush()
    print(f"{rounds} rounds, {total_examples} examples, {total_cpu:.0f} s CPU, {total_failing} failing tests")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
