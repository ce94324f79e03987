"""Batch conversion: many inputs through worker processes, exactly one result per input, in input order.

Each worker process has its own pipe and holds at most two inputs, so the parent always knows which
input a worker that died or hung was reading: that input gets an error result, a fresh worker takes
over, and the batch goes on (multiprocessing.Pool would stall or lose the input instead). Results are
written as they come in, in order, through a bounded window, so memory stays flat for any batch size.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import glob
import itertools
import json
import multiprocessing
import os
import signal
import sys
import time
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

from pydantic_core import PydanticSerializationError

from .api import parse_file
from .errors import ExtractError, ExtractTimeoutError, InternalError
from .load import DEFAULT_LIMITS, Limits
from .models import Document

OutputFormat = Literal["jsonl", "json", "csv", "parquet"]
FORMATS: tuple[OutputFormat, ...] = ("jsonl", "json", "csv", "parquet")

# Files a folder contributes: page extensions portals use, and files without an extension.
PAGE_SUFFIXES = frozenset(
    {".html", ".htm", ".shtml", ".xhtml", ".xml", ".jsp", ".asp", ".aspx", ".php", ".txt", ".text", ".md", ".pdf"}
)
_PREFETCH = 2  # inputs a worker holds: the one it reads and the next, so it never waits for the parent
_WINDOW_PER_WORKER = 16  # results that may wait for a slow earlier input before dispatch pauses
_RECYCLE_AFTER = 1000  # a worker is replaced after this many inputs, so a slow leak cannot grow a batch
_MAX_FAILED_STARTS = 3  # workers in a row that die while starting before the batch gives up on processes
_KILL_GRACE = 2.0  # seconds past the timeout before a worker that ignores its alarm is killed

R = TypeVar("R")


class WorkerCrashError(ExtractError):
    """The worker process reading this input died (killed, out of memory, a crash in C code)."""

    kind = "crash"


class BatchError(Exception):
    """A batch cannot start: a bad output path, an unknown format, a missing optional dependency."""


# --- inputs -----------------------------------------------------------------------------------


def expand_inputs(args: Iterable[str | os.PathLike[str]], stdin: IO[str] | None = None) -> list[str]:
    """Files, folders (recursive, sorted by path), globs and `-` (paths on stdin) → unique paths in order.

    A path that does not exist is kept, so that it gets its own error line instead of vanishing.
    """
    seen: set[str] = set()
    paths: list[str] = []
    for arg in args:
        arg = os.fspath(arg)
        if arg == "-":
            lines = (line.strip() for line in (stdin if stdin is not None else sys.stdin))
            expanded: Iterable[str] = (p for line in lines if line for p in _expand_path(line))
        else:
            expanded = _expand_path(arg)
        for path in expanded:
            if path not in seen:
                seen.add(path)
                paths.append(path)
    return paths


def _expand_path(arg: str) -> list[str]:
    if os.path.isdir(arg):
        return _walk(arg)
    if os.path.exists(arg) or not glob.has_magic(arg):
        return [arg]
    found: list[str] = []
    for match in sorted(glob.glob(arg, recursive=True)):
        found.extend(_walk(match) if os.path.isdir(match) else [match])
    return found


def _walk(folder: str) -> list[str]:
    """The page files below a folder, sorted by path; hidden files and folders are skipped."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            suffix = os.path.splitext(name)[1].lower()
            if not name.startswith(".") and (suffix in PAGE_SUFFIXES or not suffix):
                found.append(os.path.join(root, name))
    return sorted(found)


# --- one input --------------------------------------------------------------------------------


def error_record(source: str, error: ExtractError) -> dict[str, str]:
    """The output line of an input that failed."""
    return {"source": source, "error": error.reason, "error_kind": error.kind}


def parse_path(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse one file; every failure is an ExtractError (an unexpected one becomes an InternalError)."""
    try:
        return parse_file(path, limits=limits)
    except ExtractError:
        raise
    except Exception as exc:
        raise InternalError(f"{type(exc).__name__}: {exc}", path) from exc


def document_json(path: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """The Document of one input as a JSON line (without the newline); raises ExtractError.

    A file name that is not UTF-8 (GBK names from Windows archives) is kept as it is, undecodable
    bytes and all, so that the line names the very file and `--resume` recognises it.
    """
    doc = parse_path(path, limits)
    try:
        return doc.model_dump_json()
    except PydanticSerializationError:
        rest = doc.model_copy(update={"source": None}).model_dump_json().removeprefix('{"source":null')
        return '{"source":' + json.dumps(path, ensure_ascii=False) + rest


def json_line(path: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """The output line of one input (a Document or an error record), without the newline; never raises."""
    try:
        return document_json(path, limits)
    except ExtractError as exc:
        return json.dumps(error_record(path, exc), ensure_ascii=False)


# --- the worker pool --------------------------------------------------------------------------


def _run(job: Callable[[str], R], path: str) -> R | ExtractError:
    try:
        return job(path)
    except ExtractError as exc:
        return exc
    except Exception as exc:
        return InternalError(f"{type(exc).__name__}: {exc}", path)


def _worker_main(conn: Connection, job: Callable[[str], Any]) -> None:
    """Read (index, path) tasks from the pipe until told to stop or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        conn.send(None)  # ready: the parent starts the clock of the first input now
    except OSError:
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        outcome = _run(job, path)
        try:
            conn.send((index, outcome))
        except (OSError, ValueError):
            return
        except Exception as exc:  # the result does not pickle
            conn.send((index, InternalError(f"result cannot be sent back: {exc}", path)))


class _Worker:
    """One worker process, its pipe, and the inputs it holds (the first is the one it is reading)."""

    def __init__(self, ctx: Any, job: Callable[[str], Any]) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, job), daemon=True)
        self.process.start()
        child.close()
        self.held: deque[tuple[int, str]] = deque()
        self.since = time.monotonic()  # when the input it is reading was started
        self.ready = False  # started up (its clock runs only from then)
        self.done = 0

    def give(self, task: tuple[int, str]) -> bool:
        """Send a task; False when the worker is already gone (the task stays with the caller)."""
        try:
            self.conn.send(task)
        except OSError:
            return False
        if not self.held and self.ready:
            self.since = time.monotonic()
        self.held.append(task)
        return True

    def stop(self, kill: bool = False) -> None:
        if not kill:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(timeout=1.0)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _context() -> Any:
    """Forkserver where there is one: cheap restarts, and no copies of the parent's threads or pipes."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    package = __name__.rpartition(".")[0]  # workers start with the library's stages imported
    ctx.set_forkserver_preload([__name__, f"{package}.html", f"{package}.structure"])
    return ctx


def ordered_map(
    job: Callable[[str], R],
    paths: Iterable[str],
    workers: int,
    timeout: float | None = None,
) -> Iterator[tuple[str, R | ExtractError]]:
    """Run `job` on every path in `workers` processes; yield (path, result or error) in input order.

    `workers=0` runs in this process (no isolation). With a timeout, a worker still on one input
    `_KILL_GRACE` seconds past it is killed, and that input gets an ExtractTimeoutError.
    """
    if workers <= 0:
        for path in paths:
            yield path, _run(job, path)
        return
    ctx = _context()
    todo = iter(enumerate(paths))
    retry: deque[tuple[int, str]] = deque()  # to send before new ones: unstarted inputs of a lost worker
    ready: dict[int, tuple[str, R | ExtractError]] = {}
    pool: list[_Worker] = []
    next_out = 0
    window = _WINDOW_PER_WORKER * workers
    exhausted = False
    failed_starts = 0  # workers in a row that died before they were ready
    try:
        pool = [_Worker(ctx, job) for _ in range(workers)]
        while failed_starts < _MAX_FAILED_STARTS:
            exhausted = _dispatch(pool, todo, retry, next_out + window, exhausted)
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
            if exhausted and not retry and not any(w.held for w in pool):
                return
            objects: list[Any] = [w.conn for w in pool] + [w.process.sentinel for w in pool]
            wait(objects, timeout=_next_deadline(pool, timeout))
            for i, worker in enumerate(pool):
                pool[i], failed = _collect(worker, ctx, job, ready, retry, timeout)
                if failed:
                    failed_starts += 1
                elif pool[i].ready:
                    failed_starts = 0
        # Workers cannot start here (often a main module that cannot be imported again, such as a
        # script read from stdin): finish in this process rather than fail every input.
        warnings.warn(
            f"worker processes exit at start-up ({failed_starts} in a row); reading the rest in this process",
            RuntimeWarning,
            stacklevel=2,
        )
        pending = sorted([*retry, *(task for worker in pool for task in worker.held)])
        for worker in pool:
            worker.stop(kill=True)
        pool = []
        for index, path in itertools.chain(pending, todo):
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
            yield path, _run(job, path)
            next_out = index + 1
        while next_out in ready:
            yield ready.pop(next_out)
            next_out += 1
    finally:
        for worker in pool:
            worker.stop(kill=True)


def _dispatch(
    pool: list[_Worker],
    todo: Iterator[tuple[int, str]],
    retry: deque[tuple[int, str]],
    limit: int,
    exhausted: bool,
) -> bool:
    """Top up every worker to `_PREFETCH` inputs, never past index `limit`; returns whether `todo` ran out."""
    for worker in pool:
        while len(worker.held) < _PREFETCH and worker.done < _RECYCLE_AFTER:
            if retry:
                task = retry.popleft()
            elif exhausted:
                return True
            else:
                nxt = next(todo, None)
                if nxt is None:
                    return True
                task = nxt
            if task[0] >= limit:
                retry.appendleft(task)
                return exhausted
            if not worker.give(task):
                retry.appendleft(task)
                break
    return exhausted


def _next_deadline(pool: list[_Worker], timeout: float | None) -> float | None:
    if timeout is None:
        return None
    busy = [w.since for w in pool if w.held and w.ready]
    if not busy:
        return None
    return max(0.05, min(busy) + timeout + _KILL_GRACE - time.monotonic())


def _collect(
    worker: _Worker,
    ctx: Any,
    job: Callable[[str], R],
    ready: dict[int, tuple[str, R | ExtractError]],
    retry: deque[tuple[int, str]],
    timeout: float | None,
) -> tuple[_Worker, bool]:
    """Take the worker's finished results; replace it if it died, hung, or has done its share.

    Returns the worker to use from now on, and whether this one died before it was ready.
    """
    lost = False
    try:
        while worker.conn.poll():
            message = worker.conn.recv()
            worker.since = time.monotonic()
            if message is None:
                worker.ready = True
                continue
            index, outcome = message
            _, path = worker.held.popleft()
            ready[index] = (path, outcome)
            worker.done += 1
    except (EOFError, OSError):
        lost = True
    lost = lost or not worker.process.is_alive()
    blame: ExtractError | None = None
    if lost and not worker.ready:  # died starting up: not the fault of any input it holds
        retry.extendleft(reversed(worker.held))
        worker.held.clear()
        worker.stop(kill=True)
        return _Worker(ctx, job), True
    if lost:
        if worker.held:
            worker.process.join(timeout=1.0)
            code = worker.process.exitcode
            how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
            blame = WorkerCrashError(f"the worker process died while reading this input ({how})", worker.held[0][1])
    elif (
        timeout is not None and worker.ready and worker.held and time.monotonic() - worker.since > timeout + _KILL_GRACE
    ):
        lost = True
        blame = ExtractTimeoutError(f"still running after {timeout:g} s; stopped", worker.held[0][1])
    elif not (worker.done >= _RECYCLE_AFTER and not worker.held):
        return worker, False
    if blame is not None:
        index, path = worker.held.popleft()
        ready[index] = (path, blame)
    retry.extendleft(reversed(worker.held))
    worker.held.clear()
    worker.stop(kill=lost)
    return _Worker(ctx, job), False


# --- Python API -------------------------------------------------------------------------------


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def parse_many(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    workers: int | None = None,
    *,
    timeout: float | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Document | ExtractError]:
    """Parse files, folders or globs in worker processes; yield a Document or an ExtractError per input, in order.

    `workers` defaults to the number of cores; 0 parses in this process. Errors are yielded, not raised,
    so one bad page does not end the loop; each error's `.source` and `.kind` say which page and why.
    """
    args = [paths] if isinstance(paths, (str, os.PathLike)) else paths
    inputs = expand_inputs(args)
    job = functools.partial(parse_path, limits=_with_timeout(limits, timeout))
    for _, outcome in ordered_map(job, inputs, default_workers() if workers is None else workers, timeout):
        yield outcome


def _with_timeout(limits: Limits, timeout: float | None) -> Limits:
    return limits if timeout is None else dataclasses.replace(limits, timeout=timeout)


# --- conversion -------------------------------------------------------------------------------


@dataclass
class Summary:
    """What a conversion did: pages written (new and kept from an earlier run), errors by kind, speed."""

    output: Path
    workers: int
    pages: int = 0
    resumed: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    @property
    def rate(self) -> float:
        """Pages per second of this run (pages kept by --resume not counted)."""
        return (self.pages - self.resumed) / self.seconds if self.seconds > 0 else 0.0

    def text(self) -> str:
        """A few lines for the terminal."""
        kept = f" ({self.resumed} kept from an earlier run)" if self.resumed else ""
        lines = [
            f"{self.pages} pages{kept}: {self.pages - self.failed} converted, {self.failed} failed",
            f"{self.rate:.1f} pages/s with {self.workers} worker(s), {self.seconds:.1f} s",
        ]
        if self.errors:
            lines.append("errors: " + ", ".join(f"{kind} {n}" for kind, n in self.errors.most_common()))
        lines.append(f"output: {self.output}")
        return "\n".join(lines)


def format_for(out: Path, fmt: str | None) -> OutputFormat:
    """The output format: as given, else by the output file's extension, else JSON lines."""
    chosen = fmt or {".json": "json", ".csv": "csv", ".parquet": "parquet"}.get(out.suffix.lower(), "jsonl")
    if chosen not in FORMATS:
        raise BatchError(f"unknown format {chosen!r}; use one of {', '.join(FORMATS)}")
    return chosen


def partial_path(out: Path) -> Path:
    """Where a conversion writes until it is complete; `--resume` continues from it."""
    return out.with_name(out.name + ".partial")


def convert(
    inputs: Sequence[str],
    out: str | os.PathLike[str],
    *,
    fmt: OutputFormat | None = None,
    workers: int | None = None,
    timeout: float | None = 60.0,
    resume: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    on_result: Callable[[Summary], None] | None = None,
) -> Summary:
    """Convert `inputs` into `out`: one record per input, in order, written atomically.

    Lines go to `OUT.partial` as they come and are flushed one by one; only a complete run renames it
    to OUT. `resume=True` keeps the complete lines of OUT.partial (or of a finished OUT in JSON lines),
    skips their sources and appends the rest, so a run killed at any point is finished with nothing
    lost or doubled. Ctrl-C (KeyboardInterrupt) stops cleanly and returns with `interrupted` set.
    """
    out = Path(out)
    chosen = format_for(out, fmt)
    if chosen == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise BatchError("parquet output needs pyarrow: pip install 'zhengwu-extract[parquet]'") from exc
    if out.is_dir():
        raise BatchError(f"{out} is a folder; give a file name for the output")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(out)
    count = workers if workers is not None else default_workers()
    summary = Summary(out, count)
    done: set[str] = set()
    if resume:
        done = _restore(out if chosen == "jsonl" else None, partial, summary)
    else:
        partial.write_bytes(b"")
    todo = [path for path in inputs if path not in done]
    job = functools.partial(document_json, limits=_with_timeout(limits, timeout))
    start = time.monotonic()
    # surrogateescape: a file name that is not UTF-8 is written back as its own bytes, so --resume finds it
    with partial.open("a", encoding="utf-8", errors="surrogateescape", newline="\n") as fh:
        try:
            for path, outcome in ordered_map(job, todo, count, timeout):
                if isinstance(outcome, ExtractError):
                    summary.errors[outcome.kind] += 1
                    line = json.dumps(error_record(path, outcome), ensure_ascii=False)
                else:
                    line = outcome
                fh.write(line + "\n")
                fh.flush()
                summary.pages += 1
                summary.seconds = time.monotonic() - start
                if on_result is not None:
                    on_result(summary)
        except KeyboardInterrupt:
            summary.interrupted = True
        fh.flush()
        os.fsync(fh.fileno())
    summary.seconds = time.monotonic() - start
    if not summary.interrupted:
        _finish(partial, out, chosen)
    return summary


def _restore(out: Path | None, partial: Path, summary: Summary) -> set[str]:
    """Rewrite OUT.partial (or start it from OUT) with its complete, valid lines; return their sources."""
    origin = partial if partial.exists() else out if out is not None and out.exists() else None
    done: set[str] = set()
    tmp = partial.with_name(partial.name + ".tmp")
    with tmp.open("wb") as dst:
        if origin is not None:
            with origin.open("rb") as src:
                for raw in src:
                    if not raw.endswith(b"\n"):
                        break  # the last line of a killed run, cut short
                    source = _source_of(raw)
                    if source is None or source in done:
                        continue
                    done.add(source)
                    dst.write(raw)
                    summary.pages += 1
                    summary.resumed += 1
                    kind = _error_kind_of(raw)
                    if kind is not None:
                        summary.errors[kind] += 1
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, partial)
    return done


def _source_of(raw: bytes) -> str | None:
    try:
        record = json.loads(raw.decode("utf-8", errors="surrogateescape"))
    except ValueError:
        return None
    source = record.get("source") if isinstance(record, dict) else None
    return source if isinstance(source, str) else None


def _error_kind_of(raw: bytes) -> str | None:
    if b'"error_kind"' not in raw:
        return None
    record = json.loads(raw.decode("utf-8", errors="surrogateescape"))
    return str(record.get("error_kind", "error")) if "error" in record else None


def _finish(partial: Path, out: Path, fmt: OutputFormat) -> None:
    """Turn the complete OUT.partial into OUT, atomically (write beside it, then rename)."""
    if fmt == "jsonl":
        os.replace(partial, out)
        return
    from .frame import write_records

    tmp = out.with_name(out.name + ".tmp")
    write_records(_records(partial), tmp, fmt)
    os.replace(tmp, out)
    partial.unlink()


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("rb") as fh:
        for raw in fh:
            record = json.loads(raw.decode("utf-8", errors="surrogateescape"))
            if isinstance(record, dict):
                yield record
