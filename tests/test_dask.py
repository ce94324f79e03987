"""zx.dask.convert on a LocalCluster of two worker processes writes the same records as the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import zhengwu_extract as zx
from zhengwu_extract.batch import convert

distributed = pytest.importorskip("dask.distributed")

EXAMPLES = Path(__file__).parent.parent / "examples" / "pages"


def test_dask_matches_the_command_line(fixtures: Path, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(EXAMPLES, pages)
    (pages / "empty.txt").write_bytes(b"")
    inputs = zx.batch.expand_inputs([str(pages)])
    convert(inputs, tmp_path / "cli.jsonl", workers=2)
    expected = (tmp_path / "cli.jsonl").read_text(encoding="utf-8").splitlines()

    (tmp_path / "dask" / "part-00099.jsonl").parent.mkdir()
    (tmp_path / "dask" / "part-00099.jsonl").write_text("stale\n")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        parts = zx.dask.convert(str(pages), tmp_path / "dask", client=client, npartitions=3)
    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert sorted((tmp_path / "dask").iterdir()) == parts  # the stale part is gone, nothing else written
    got = [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
    assert [json.loads(line) for line in got] == [json.loads(line) for line in expected]
    assert json.loads(got[0])["source"] == str(pages / "empty.txt")
    assert json.loads(got[0])["error_kind"] == "empty"
