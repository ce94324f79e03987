#!/usr/bin/env bash
# Score zhengwu-extract on the hand-made answer keys in benchmarks/keys.
# usage: benchmarks/score_corpus.sh [extra score.py args, e.g. --json or --origin=text]
set -u
cd "$(dirname "$0")/.."
OUT=/tmp/zx-keys.jsonl
rm -f "$OUT"
if ! zhengwu-extract convert benchmarks/pages -o "$OUT" || [ ! -s "$OUT" ]; then
  echo "convert failed or wrote nothing; falling back to zhengwu_extract.parse_file" >&2
  python - "$OUT" <<'PY'
import json, os, sys
import zhengwu_extract as zx
out = sys.argv[1]
with open(out, "w", encoding="utf-8") as fh:
    for name in sorted(os.listdir("benchmarks/pages")):
        path = os.path.join("benchmarks/pages", name)
        try:
            fh.write(zx.parse_file(path).model_dump_json() + "\n")
        except Exception as e:  # one line per input, as convert does
            fh.write(json.dumps({"source": path, "error": f"{type(e).__name__}: {e}"}, ensure_ascii=False) + "\n")
PY
fi
python benchmarks/score.py "$OUT" benchmarks/keys "$@"
