"""Convert pages with Dask: on a local cluster, or on any dask.distributed cluster by its address.

    python examples/dask_convert.py [PAGES] [OUT_DIR] [SCHEDULER]
    python examples/dask_convert.py examples/pages out/dask                    # a local cluster
    python examples/dask_convert.py '/shared/pages/**/*.html' /shared/out tcp://10.0.0.5:8786

On a remote cluster the pages and OUT_DIR must be on storage every worker can see. Each partition
is written as OUT_DIR/part-NNNNN.jsonl; read in name order, the lines are the inputs in order, the
same records `zhengwu-extract convert` writes. Needs `pip install 'zhengwu-extract[dask]'`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import zhengwu_extract as zx

HERE = Path(__file__).parent


def main() -> int:
    pages = sys.argv[1] if len(sys.argv) > 1 else str(HERE / "pages")
    out_dir = sys.argv[2] if len(sys.argv) > 2 else "out/dask"
    scheduler = sys.argv[3] if len(sys.argv) > 3 else None
    parts = zx.dask.convert(pages, out_dir, client=scheduler)
    count = sum(1 for part in parts for _ in part.open(encoding="utf-8"))
    print(f"{count} records in {len(parts)} partition(s) under {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
