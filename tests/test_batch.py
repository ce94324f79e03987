"""Batch: input expansion, the ordered worker pool (crash, timeout, recycling), parse_many, convert."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import zhengwu_extract as zx
from zhengwu_extract import pool
from zhengwu_extract.batch import convert, expand_inputs, partial_path
from zhengwu_extract.errors import ExtractError, ExtractTimeoutError
from zhengwu_extract.pool import WorkerCrashError, ordered_map


def copies(fixtures: Path, folder: Path, n: int) -> list[str]:
    """`n` copies of the seed page in `folder`, as sorted paths."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = (fixtures / "jiangjin.txt").read_bytes()
    for i in range(n):
        (folder / f"page{i:04d}.txt").write_bytes(seed)
    return sorted(str(p) for p in folder.iterdir())


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- jobs run in worker processes (module level, so that they pickle) -------------------------


def echo_or_fail(path: str) -> str:
    """Returns the path; dies on 'crash', hangs on 'hang', raises on 'boom' and 'bad'."""
    name = os.path.basename(path)
    if name == "crash":
        os._exit(3)
    if name == "hang":
        time.sleep(60)
    if name == "boom":
        raise ValueError("unexpected")
    if name == "bad":
        raise ExtractError("bad page", path)
    return path.upper()


# --- inputs -----------------------------------------------------------------------------------


def test_expand_folders_recursively_sorted_skipping_hidden_and_assets(tmp_path: Path) -> None:
    for name in ("b.html", "a.txt", "sub/c.pdf", "sub/.hidden.txt", ".git/x.txt", "style.css", "noext"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = expand_inputs([str(tmp_path)])
    assert found == [str(tmp_path / n) for n in ("a.txt", "b.html", "noext", "sub/c.pdf")]


def test_a_folder_gives_a_line_for_every_file_that_is_not_a_web_asset(tmp_path: Path, fixtures: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_bytes((fixtures / "jiangjin.txt").read_bytes())
    (pages / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (pages / "saved.doc").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    (pages / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    out = tmp_path / "out.jsonl"
    convert(expand_inputs([str(pages)]), out, workers=1)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [os.path.basename(rec["source"]) for rec in lines] == ["good.txt", "junk.bin", "saved.doc"]
    assert "error" not in lines[0] and "error" in lines[1] and "error" in lines[2]


def test_expand_globs_stdin_missing_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    stdin = io.StringIO(f"{tmp_path / 'b.txt'}\n\n{tmp_path / 'missing.txt'}\n")
    found = expand_inputs([str(tmp_path / "*.txt"), "-", str(tmp_path / "a.txt")], stdin=stdin)
    assert found == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "missing.txt")]


# --- the pool ---------------------------------------------------------------------------------


def test_pool_keeps_order_and_turns_every_failure_into_its_own_error() -> None:
    paths = ["a", "bad", "b", "crash", "c", "boom", "d"]
    results = list(ordered_map(echo_or_fail, paths, workers=2))
    assert [p for p, _ in results] == paths
    outcome = dict(results)
    assert [outcome[p] for p in "abcd"] == ["A", "B", "C", "D"]
    assert isinstance(outcome["crash"], WorkerCrashError)
    assert "exit status 3" in outcome["crash"].reason
    assert outcome["crash"].kind == "crash"
    assert isinstance(outcome["bad"], ExtractError) and outcome["bad"].kind == "error"
    assert isinstance(outcome["boom"], ExtractError) and outcome["boom"].kind == "internal"


def test_pool_kills_a_hung_worker_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_KILL_GRACE", 1.0)
    start = time.monotonic()
    results = dict(ordered_map(echo_or_fail, ["a", "hang", "b", "c"], workers=2, timeout=0.5))
    assert time.monotonic() - start < 20
    assert isinstance(results["hang"], ExtractTimeoutError)
    assert [results[p] for p in "abc"] == ["A", "B", "C"]


def test_pool_replaces_workers_after_their_share(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_RECYCLE_AFTER", 3)
    paths = [f"p{i}" for i in range(20)]
    assert [r for _, r in ordered_map(echo_or_fail, paths, workers=2)] == [p.upper() for p in paths]


def test_pool_in_process() -> None:
    results = list(ordered_map(echo_or_fail, ["a", "bad"], workers=0))
    assert results[0] == ("a", "A")
    assert isinstance(results[1][1], ExtractError)


# --- parse_many -------------------------------------------------------------------------------


def test_parse_many_matches_parse_file_in_order(fixtures: Path, tmp_path: Path) -> None:
    paths = copies(fixtures, tmp_path / "pages", 5)
    missing = str(tmp_path / "missing.txt")
    results = list(zx.parse_many([*paths[:3], missing, *paths[3:]], workers=2))
    assert len(results) == 6
    error = results[3]
    assert isinstance(error, ExtractError) and error.kind == "read" and error.source == missing
    docs = [r for r in results if isinstance(r, zx.Document)]
    assert [d.source for d in docs] == paths
    assert docs[0] == zx.parse_file(paths[0])


def test_parse_many_takes_a_folder(fixtures: Path, tmp_path: Path) -> None:
    paths = copies(fixtures, tmp_path / "pages", 3)
    docs = list(zx.parse_many(tmp_path / "pages", workers=0))
    assert [d.source for d in docs if isinstance(d, zx.Document)] == paths


# --- convert ----------------------------------------------------------------------------------


def test_convert_writes_one_line_per_input_and_renames(fixtures: Path, tmp_path: Path) -> None:
    paths = copies(fixtures, tmp_path / "pages", 6)
    out = tmp_path / "out" / "docs.jsonl"
    summary = convert([*paths, str(tmp_path / "nope.txt")], out, workers=2)
    records = lines(out)
    assert [r["source"] for r in records] == [*paths, str(tmp_path / "nope.txt")]
    assert records[-1]["error_kind"] == "read" and "error" in records[-1]
    assert records[0] == json.loads(zx.parse_file(paths[0]).model_dump_json())
    assert not partial_path(out).exists()
    assert (summary.pages, summary.failed, dict(summary.errors)) == (7, 1, {"read": 1})
    assert "7 pages" in summary.text() and "read 1" in summary.text()


def test_resume_keeps_complete_lines_and_drops_a_cut_one(fixtures: Path, tmp_path: Path) -> None:
    paths = copies(fixtures, tmp_path / "pages", 5)
    out = tmp_path / "docs.jsonl"
    first = zx.parse_file(paths[0]).model_dump_json()
    # A killed run: one complete line, a bad line, and the start of a third cut short.
    partial_path(out).write_text(first + "\n" + "not json\n" + '{"source": "' + paths[2], encoding="utf-8")
    summary = convert(paths, out, workers=1, resume=True)
    assert [r["source"] for r in lines(out)] == paths
    assert summary.resumed == 1 and summary.pages == 5


def test_resume_from_a_finished_output_adds_only_new_inputs(fixtures: Path, tmp_path: Path) -> None:
    paths = copies(fixtures, tmp_path / "pages", 4)
    out = tmp_path / "docs.jsonl"
    convert(paths[:2], out, workers=1)
    summary = convert(paths, out, workers=1, resume=True)
    assert [r["source"] for r in lines(out)] == paths
    assert (summary.resumed, summary.pages) == (2, 4)


def test_without_resume_a_run_starts_over(fixtures: Path, tmp_path: Path) -> None:
    paths = copies(fixtures, tmp_path / "pages", 2)
    out = tmp_path / "docs.jsonl"
    partial_path(out).write_text('{"source": "old"}\n')
    convert(paths, out, workers=0)
    assert [r["source"] for r in lines(out)] == paths


def test_json_csv_and_parquet_outputs(fixtures: Path, tmp_path: Path) -> None:
    paths = copies(fixtures, tmp_path / "pages", 2)
    convert(paths, tmp_path / "docs.json", workers=0)
    records = json.loads((tmp_path / "docs.json").read_text(encoding="utf-8"))
    assert [r["source"] for r in records] == paths
    convert(paths, tmp_path / "q.csv", workers=0)
    frame = zx.to_frame(zx.parse_file(p) for p in paths)
    csv_text = (tmp_path / "q.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].startswith(
        "source,title,publisher,doc_no,written_date,publish_date,indicator,value"
    )
    pd = pytest.importorskip("pandas")
    assert len(pd.read_csv(tmp_path / "q.csv")) == len(frame)
    pytest.importorskip("pyarrow")
    convert(paths, tmp_path / "q.parquet", workers=0)
    table = pd.read_parquet(tmp_path / "q.parquet")
    assert len(table) == len(frame)
    assert list(table.columns) == list(frame.columns)


def test_to_frame_one_row_per_quantity(fixtures: Path) -> None:
    doc = zx.parse_file(fixtures / "jiangjin.txt")
    frame = doc.quantities_frame()
    assert len(frame) == len(doc.quantities)
    assert list(frame["source"].unique()) == ([doc.source] if doc.quantities else [])
    both = zx.to_frame([doc, ExtractError("broken", "x.html"), json.loads(doc.model_dump_json())])
    assert len(both) == 2 * len(doc.quantities)


def test_a_file_name_that_is_not_utf8_is_converted_and_resumed(fixtures: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    name = os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")  # 报告.txt in GBK: not UTF-8
    (folder / name).write_bytes((fixtures / "jiangjin.txt").read_bytes())
    out = tmp_path / "docs.jsonl"
    assert convert(expand_inputs([str(folder)]), out, workers=1).failed == 0
    raw = out.read_bytes()
    assert raw.startswith(b'{"source":"' + os.fsencode(str(folder)) + b"/\xb1\xa8\xb8\xe6.txt")
    assert convert(expand_inputs([str(folder)]), out, workers=1, resume=True).resumed == 1
    assert out.read_bytes() == raw
    for suffix in ("json", "csv", "parquet"):
        assert convert(expand_inputs([str(folder)]), tmp_path / f"q.{suffix}", workers=0).failed == 0


def test_workers_that_cannot_start_fall_back_to_this_process(fixtures: Path, tmp_path: Path) -> None:
    # A script read from stdin cannot be imported again by worker processes, so every worker dies
    # at start-up; before this was handled, every input got a "crash" error line.
    paths = copies(fixtures, tmp_path / "pages", 3)
    script = f"import zhengwu_extract as zx\nprint([type(r).__name__ for r in zx.parse_many({paths!r}, workers=2)])\n"
    process = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == "['Document', 'Document', 'Document']"
    assert "reading the rest in this process" in process.stderr
