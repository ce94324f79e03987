"""Print the path of each answer key's page: benchmarks/pages/<doc>, else the test fixture of that name.

    python benchmarks/key_pages.py [KEYS_DIR]

A key whose page is found nowhere is an error (exit 1), so a score never silently leaves a document out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES = [ROOT / "benchmarks" / "pages", *(ROOT / "tests" / "fixtures" / d for d in ("text", "html", "pdf", ""))]


def main() -> int:
    keys = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "benchmarks" / "keys"
    missing = []
    for key in sorted(keys.glob("*.json")):
        doc = json.loads(key.read_text(encoding="utf-8"))["doc"]
        found = next((p / doc for p in PLACES if (p / doc).is_file()), None)
        if found is None:
            missing.append(doc)
        else:
            print(found.relative_to(ROOT))
    for doc in missing:
        print(f"no page for key {doc}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
