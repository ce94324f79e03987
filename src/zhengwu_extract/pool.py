"""An ordered pool of worker processes: one result per input, in input order, whatever happens to a worker.

Each worker process has its own pipe and holds at most two inputs, so the parent always knows which
input a worker that died or hung was reading: that input gets an error result, a fresh worker takes
over, and the batch goes on (multiprocessing.Pool would stall or lose the input instead). Results wait
for earlier ones in a bounded window, so memory stays flat for any number of inputs.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from .errors import ExtractError, ExtractTimeoutError, InternalError

_PREFETCH = 2  # inputs a worker holds: the one it reads and the next, so it never waits for the parent
_WINDOW_PER_WORKER = 16  # results that may wait for a slow earlier input before dispatch pauses
_RECYCLE_AFTER = 1000  # a worker is replaced after this many inputs, so a slow leak cannot grow a batch
_MAX_FAILED_STARTS = 3  # workers in a row that die while starting before the batch gives up on processes
_KILL_GRACE = 2.0  # seconds past the timeout before a worker that ignores its alarm is killed


R = TypeVar("R")


class WorkerCrashError(ExtractError):
    """The worker process reading this input died (killed, out of memory, a crash in C code)."""

    kind = "crash"


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
    ctx.set_forkserver_preload([f"{package}.batch", f"{package}.html", f"{package}.structure"])
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
            while next_out in ready:  # first: the window moves on before the next dispatch, or all may wait
                yield ready.pop(next_out)
                next_out += 1
            exhausted = _dispatch(pool, todo, retry, next_out + window, exhausted)
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


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
