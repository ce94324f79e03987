#!/usr/bin/env bash
# Score zhengwu-extract on the hand-made answer keys in benchmarks/keys.
# Each key's page is benchmarks/pages/<doc>, or the test fixture of that name (tests/fixtures/{text,html,pdf}/<doc>):
# pages the tests already hold are not copied here a second time.
# usage: benchmarks/score_corpus.sh [extra score.py args, e.g. --json or --origin=text]
set -u
cd "$(dirname "$0")/.."
OUT=${ZX_SCORE_OUT:-/tmp/zx-keys.jsonl}
rm -f "$OUT"
LIST=$(python benchmarks/key_pages.py) || exit 1
if ! printf '%s\n' "$LIST" | zhengwu-extract convert - -o "$OUT" -q || [ ! -s "$OUT" ]; then
  echo "convert failed or wrote nothing; falling back to zhengwu_extract.parse_file" >&2
  printf '%s\n' "$LIST" | python - "$OUT" <<'PY'
import json, sys
import zhengwu_extract as zx
out = sys.argv[1]
with open(out, "w", encoding="utf-8") as fh:
    for path in sys.stdin.read().split():
        try:
            fh.write(zx.parse_file(path).model_dump_json() + "\n")
        except Exception as e:  # one line per input, as convert does
            fh.write(json.dumps({"source": path, "error": f"{type(e).__name__}: {e}"}, ensure_ascii=False) + "\n")
PY
fi
python benchmarks/score.py "$OUT" benchmarks/keys "$@"
