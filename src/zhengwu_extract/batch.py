"""Batch conversion: inputs (files, folders, globs, stdin) → one record per input, in order, written atomically.

The work runs in the ordered worker pool of `pool.py`; here are the inputs, `parse_many`, and
`convert` with its partial file and `--resume`.
"""

from __future__ import annotations

import dataclasses
import functools
import glob
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from pydantic_core import PydanticSerializationError

from .api import parse_file
from .errors import ExtractError, InternalError
from .load import DEFAULT_LIMITS, Limits
from .models import Document
from .pool import default_workers, ordered_map

OutputFormat = Literal["jsonl", "json", "csv", "parquet"]
FORMATS: tuple[OutputFormat, ...] = ("jsonl", "json", "csv", "parquet")

# Files a folder does not contribute: a saved page's style sheets, scripts, images and fonts. Every
# other file is an input and gets its line (a page saved as .bin or .doc is reported, not lost).
ASSET_SUFFIXES = frozenset(
    {".css", ".js", ".map", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".svg", ".webp", ".bmp",
     ".woff", ".woff2", ".ttf", ".eot", ".otf"}
)  # fmt: skip


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
    """The files below a folder, sorted by path; hidden files and folders and web assets are skipped."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            suffix = os.path.splitext(name)[1].lower()
            if not name.startswith(".") and suffix not in ASSET_SUFFIXES:
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


# --- Python API -------------------------------------------------------------------------------


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
