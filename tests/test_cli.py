"""The command line: convert (lines, order, exit status, summary, formats, resume after a kill) and show."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

import zhengwu_extract as zx
from test_batch import copies
from zhengwu_extract.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples" / "pages"


def sources(path: Path) -> list[str]:
    return [json.loads(line)["source"] for line in path.read_text(encoding="utf-8").splitlines()]


def run_cli(*args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "zhengwu_extract.cli", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def start_convert(pages: Path, out: Path, partial_bytes: int) -> subprocess.Popen[str]:
    """Start a conversion in a subprocess and return once its partial output has grown past `partial_bytes`."""
    process = run_cli("convert", str(pages), "-o", str(out), "--workers", "2")
    partial = Path(str(out) + ".partial")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if partial.exists() and partial.stat().st_size > partial_bytes:
            break
        time.sleep(0.01)
    return process


def test_convert_folder_prints_summary(fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = copies(fixtures, tmp_path / "pages", 4)
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(tmp_path / "pages"), "-o", str(out), "--workers", "2"]) == 0
    assert sources(out) == paths
    printed = capsys.readouterr()
    assert "4 pages: 4 converted, 0 failed" in printed.out
    assert "pages/s with 2 worker(s)" in printed.out
    assert printed.err == ""  # no progress bar when stderr is not a terminal


def test_a_failed_input_gets_an_error_line_and_a_failing_exit(
    fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = copies(fixtures, tmp_path / "pages", 2)
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["convert", paths[0], str(empty), paths[1], "-o", str(out), "--workers", "1"]) == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == [paths[0], str(empty), paths[1]]
    assert records[1]["error_kind"] == "empty" and records[1]["error"]
    assert "errors: empty 1" in capsys.readouterr().out


def test_an_input_past_its_timeout_gets_an_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = str(EXAMPLES / "gz_portal_disability_subsidies_2026.html")
    out = tmp_path / "out.jsonl"
    assert main(["convert", page, "-o", str(out), "--timeout", "0.001", "--workers", "1"]) == 1
    record = json.loads(out.read_text(encoding="utf-8"))
    assert (record["source"], record["error_kind"]) == (page, "timeout")
    assert "errors: timeout 1" in capsys.readouterr().out


def test_csv_format_and_paths_on_stdin(fixtures: Path, tmp_path: Path) -> None:
    paths = copies(fixtures, tmp_path / "pages", 2)
    process = subprocess.run(
        [sys.executable, "-m", "zhengwu_extract.cli", "convert", "-", "-o", str(tmp_path / "q.txt"), "--format", "csv"],
        input="\n".join(paths),
        capture_output=True,
        text=True,
        check=True,
    )
    header = (tmp_path / "q.txt").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",")[:4] == ["source", "title", "publisher", "doc_no"]
    assert "2 pages" in process.stdout


def test_bad_command_says_why_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.txt").write_text("x")
    assert main(["convert", str(tmp_path / "page.txt"), "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "nothing-*.txt"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "no input files found" in capsys.readouterr().err


def test_killed_run_is_finished_by_resume_with_each_input_once(fixtures: Path, tmp_path: Path) -> None:
    paths = copies(fixtures, tmp_path / "pages", 150)
    out = tmp_path / "out.jsonl"
    partial = Path(str(out) + ".partial")
    process = start_convert(tmp_path / "pages", out, 100_000)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert main(["convert", str(tmp_path / "pages"), "-o", str(out), "--resume", "-q"]) == 0
    assert sources(out) == paths
    assert not partial.exists()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_an_interrupt_keeps_the_work_and_resume_finishes(fixtures: Path, tmp_path: Path, signum: int) -> None:
    paths = copies(fixtures, tmp_path / "pages", 150)
    out = tmp_path / "out.jsonl"
    partial = Path(str(out) + ".partial")
    process = start_convert(tmp_path / "pages", out, 50_000)
    process.send_signal(signum)
    _, err = process.communicate(timeout=30)
    if process.returncode == 130:  # stopped before the end (it normally is)
        assert "re-run with --resume" in err and "Traceback" not in err
        assert not out.exists()
        done = Counter(sources(partial))
        assert done and max(done.values()) == 1
    resumed = run_cli("convert", str(tmp_path / "pages"), "-o", str(out), "--resume")
    stdout, _ = resumed.communicate(timeout=120)
    assert resumed.returncode == 0
    assert sources(out) == paths
    assert "kept from an earlier run" in stdout or process.returncode == 0


def test_show_prints_metadata_outline_and_quantities(fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = zx.parse_file(fixtures / "jiangjin.txt")
    assert main(["show", str(fixtures / "jiangjin.txt")]) == 0
    shown = capsys.readouterr().out
    assert "Outline" in shown and "Quantities" in shown
    for value in (doc.title, doc.metadata.publisher, doc.metadata.written_date):
        if value:
            assert value in shown
    for section in doc.outline()[:3]:
        assert section.heading[:10] in shown


def test_show_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path / "missing.html")]) == 1
    assert "read" in capsys.readouterr().err


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/pages not present")
def test_readme_command_on_the_example_pages(tmp_path: Path) -> None:
    root = EXAMPLES.parent.parent
    out = tmp_path / "examples.jsonl"
    process = subprocess.run(
        [sys.executable, "-m", "zhengwu_extract.cli", "convert", "examples/pages", "-o", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root / "src")},
    )
    expected = sorted(str(p.relative_to(root)) for p in EXAMPLES.iterdir() if not p.name.startswith("."))
    assert sources(out) == expected
    failed = sum('"error_kind"' in line for line in out.read_text(encoding="utf-8").splitlines())
    assert process.returncode == (1 if failed else 0), process.stdout + process.stderr
    assert "converted" in process.stdout and "pages/s" in process.stdout


def test_batch_example_script(fixtures: Path, tmp_path: Path) -> None:
    copies(fixtures, tmp_path / "pages", 2)
    script = EXAMPLES.parent / "batch_convert.py"
    process = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "pages"), str(tmp_path / "out.jsonl")],
        capture_output=True,
        text=True,
    )
    assert process.returncode == 0, process.stderr
    assert "2 pages: 2 converted, 0 failed" in process.stdout
    assert len(sources(tmp_path / "out.jsonl")) == 2


def test_show_prints_the_data_tables(capsys: pytest.CaptureFixture[str]) -> None:
    page = Path(__file__).parent / "fixtures" / "html" / "daqing_stats_2012_communique.frag.html"
    assert main(["show", str(page)]) == 0
    shown = capsys.readouterr().out
    assert "Table 1" in shown
    assert "粮食" in shown  # a row label of the first grain table (粮 食 joined)
