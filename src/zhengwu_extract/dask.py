"""Conversion on more than one machine with Dask (optional extra `zhengwu-extract[dask]`).

A dask.bag maps each input to the same JSON line the command line writes, and every partition
becomes `part-NNNNN.jsonl` in the output folder; read in name order, the parts are the inputs in
order. By default it runs on a local cluster; give a scheduler address (or a Client) to use any
dask.distributed cluster — the inputs and the output folder must then be visible to its workers.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .batch import expand_inputs, json_line
from .load import DEFAULT_LIMITS, Limits

PART_PATTERN = "part-*.jsonl"
_PAGES_PER_PARTITION = 100


def convert(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    client: Any = None,
    *,
    npartitions: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[Path]:
    """Convert files, folders or a glob into JSON-lines partitions in `out_dir`; return their paths in order.

    `client` is a dask.distributed Client, a scheduler address such as "tcp://10.0.0.5:8786", or None
    for a LocalCluster started (and closed) here. Earlier `part-*.jsonl` files in `out_dir` are removed.
    `limits=Limits(timeout=30)` bounds each input: past it the input gets a "timeout" error line (the
    quantity stage checks the deadline at every paragraph, as workers run tasks outside the main thread).
    """
    import dask.bag as db

    args = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else paths_or_glob
    inputs = expand_inputs(args)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(PART_PATTERN):
        old.unlink()
    if not inputs:
        return []
    parts = npartitions or max(1, -(-len(inputs) // _PAGES_PER_PARTITION))
    bag = db.from_sequence(inputs, npartitions=min(parts, len(inputs)))
    lines = bag.map(functools.partial(json_line, limits=limits))
    names = [out / f"part-{i:05d}.jsonl" for i in range(lines.npartitions)]
    for name in names:  # fixed names made here, but say so: nothing may be written outside out_dir
        if name.resolve().parent != out.resolve():
            raise ValueError(f"partition path {name} is outside {out}")
    tasks = lines.to_textfiles([str(name) for name in names], last_endline=True, compute=False)
    with _client(client) as connected:
        connected.gather(connected.compute(tasks))
    return names


@contextmanager
def _client(client: Any) -> Iterator[Any]:
    """A Client for `client`: the one given, one connected to an address, or one on a new local cluster."""
    from dask.distributed import Client, LocalCluster

    if client is not None and not isinstance(client, str):
        yield client
    elif isinstance(client, str):
        with Client(client) as connected:
            yield connected
    else:
        with (
            LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None) as cluster,
            Client(cluster) as connected,
        ):
            yield connected
