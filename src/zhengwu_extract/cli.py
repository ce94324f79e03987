"""Command line: `zhengwu-extract convert INPUT... -o OUT` and `zhengwu-extract show FILE`.

Nothing here prints a traceback: a failed input is a line in the output, a bad command a message
and exit status 2, an interrupted run a hint to re-run with `--resume` and exit status 130.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from .batch import FORMATS, BatchError, Summary, convert, expand_inputs, partial_path
from .errors import ExtractError
from .pool import default_workers


def main(argv: list[str] | None = None) -> int:
    """Entry point of `zhengwu-extract`; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args)
        return code
    except BatchError as exc:
        print(f"zhengwu-extract: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("zhengwu-extract: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line rather than with a traceback
        print(f"zhengwu-extract: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhengwu-extract", description="Turn Chinese government portal pages into data."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    conv = commands.add_parser("convert", help="convert pages to JSON lines (or json, csv, parquet)")
    conv.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs, or - for paths on stdin")
    conv.add_argument("-o", "--output", required=True, type=Path, metavar="OUT", help="the output file")
    conv.add_argument("--format", choices=FORMATS, help="output format (default: by OUT's extension, else jsonl)")
    conv.add_argument("--workers", type=int, default=None, help="worker processes (default: the number of cores)")
    conv.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per input (default: 60)")
    conv.add_argument("--resume", action="store_true", help="keep the inputs already in OUT; convert the rest")
    conv.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    conv.set_defaults(run=_convert)

    show = commands.add_parser("show", help="show a page's metadata, outline and quantities")
    show.add_argument("file", type=Path, metavar="FILE")
    show.add_argument("--max-quantities", type=int, default=50, help="rows of the quantity table (0: all)")
    show.set_defaults(run=_show)
    return parser


def _convert(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 0:
        raise BatchError("--workers must be 0 or more")
    if args.timeout is not None and args.timeout <= 0:
        args.timeout = None
    inputs = expand_inputs(args.inputs)
    if not inputs:
        raise BatchError("no input files found")
    workers = default_workers() if args.workers is None else args.workers
    with _sigterm_as_interrupt(), _progress(len(inputs), enabled=not args.quiet) as on_result:
        summary = convert(
            inputs,
            args.output,
            fmt=args.format,
            workers=workers,
            timeout=args.timeout,
            resume=args.resume,
            on_result=on_result,
        )
    if summary.interrupted:
        print(
            f"zhengwu-extract: interrupted after {summary.pages} of {len(inputs)} inputs; "
            f"they are in {partial_path(args.output)}: re-run with --resume to finish",
            file=sys.stderr,
        )
        return 130
    if not args.quiet:
        print(summary.text())
    return 1 if summary.failed else 0


def _show(args: argparse.Namespace) -> int:
    from .api import parse_file
    from .display import show

    try:
        doc = parse_file(args.file)
    except ExtractError as exc:
        print(f"zhengwu-extract: {exc} ({exc.kind})", file=sys.stderr)
        return 1
    show(doc, max_quantities=args.max_quantities or None)
    return 0


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Callable[[Summary], None] | None]:
    """A progress bar with pages/s and the error count on a terminal; nothing otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} pages/s"),
        TextColumn("[red]{task.fields[errors]} errors"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("convert", total=total, rate=0.0, errors=0)

        def update(summary: Summary) -> None:
            bar.update(task, completed=summary.pages, rate=summary.rate, errors=summary.failed)

        yield update


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Treat `kill` (SIGTERM) like Ctrl-C, so that the output written so far is flushed and kept."""

    def on_term(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
