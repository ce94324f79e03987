"""Convert a folder of pages to JSON lines from Python, then read the quantities back as a table.

    python examples/batch_convert.py [PAGES] [OUT]     (defaults: examples/pages, out/examples.jsonl)

The same as `zhengwu-extract convert PAGES -o OUT`; shown here for scripts that want the summary.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import zhengwu_extract as zx
from zhengwu_extract.batch import convert, expand_inputs

HERE = Path(__file__).parent


def main() -> int:
    pages = sys.argv[1] if len(sys.argv) > 1 else str(HERE / "pages")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "out/examples.jsonl")
    summary = convert(expand_inputs([pages]), out, workers=2)
    print(summary.text())
    with out.open(encoding="utf-8") as fh:
        frame = zx.to_frame(json.loads(line) for line in fh)
    print(frame.groupby("kind").size().rename("quantities").to_string())
    return 1 if summary.failed else 0


if __name__ == "__main__":  # worker processes import this file; only the parent runs main()
    sys.exit(main())
