"""The pipeline: load → page (metadata, title, body) → structure (sections) → quantities → Document."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import _DEADLINE, EmptyInputError, ExtractError, ExtractTimeoutError, InputTooLargeError, InternalError
from .load import DEFAULT_LIMITS, Limits, load, read_path
from .models import Document, Metadata, Quantity
from .page import PageParts, read_text_page


def parse(
    data: bytes | str,
    source: str | None = None,
    *,
    quantities: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Parse a page given as bytes or text (HTML, plain text or PDF, told apart by content).

    Raises ExtractError (a subclass per cause) and nothing else: an unexpected failure inside a
    stage becomes an InternalError naming the input and the stage, with the original as __cause__.
    """
    try:
        with _time_limit(limits.timeout, source):
            return _check_body(_parse(data, source, quantities, limits))
    except ExtractError:
        raise
    except RecursionError as exc:
        raise InternalError("the page is nested too deeply to parse", source, _stage_of(exc)) from exc
    except MemoryError as exc:
        raise InputTooLargeError("the page needs more memory than is available", source) from exc
    except Exception as exc:
        stage = _stage_of(exc)
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        reason = f"internal error in the {stage} stage: {type(exc).__name__}" + (f": {detail}" if detail else "")
        raise InternalError(reason, source, stage) from exc


def _check_body(doc: Document) -> Document:
    """A page with no body text is an error if nothing else was found, else a Document that says so."""
    if doc.body.strip():
        return doc
    if doc.title or doc.attachments or doc.tables or doc.metadata != Metadata():
        return doc.model_copy(
            update={"warnings": [*doc.warnings, "no body text found (markup, scripts or a header only)"]}
        )
    reason = f"no body text could be read from the {doc.format} page (only markup, scripts, header labels or space)"
    raise EmptyInputError(reason, doc.source)


def _stage_of(exc: BaseException) -> str:
    """The pipeline stage (module of this package) where an exception was raised, for the error message."""
    stage = "api"
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if os.path.dirname(os.path.abspath(filename)) == _PACKAGE_DIR:
            stage = Path(filename).stem
        tb = tb.tb_next
    return stage


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


@contextmanager
def _time_limit(seconds: float | None, source: str | None) -> Iterator[None]:
    """Raise ExtractTimeoutError after `seconds` of wall time.

    In the POSIX main thread an alarm interrupts the parse (a long call inside C code when it returns
    to Python). Elsewhere (a worker thread of dask or a thread pool) the quantity stage, which takes
    most of a page's time, checks a deadline at every paragraph. A batch that needs a hard bound runs
    each input in a worker process it can kill.
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # do not clobber a timer someone else set
    )
    if not usable:
        if seconds is None or seconds <= 0:
            yield
            return
        # a worker thread (dask, a thread pool): the stages check a deadline at their loops instead
        token = _DEADLINE.set((time.monotonic() + seconds, seconds, source))
        try:
            yield
        finally:
            _DEADLINE.reset(token)
        return
    assert seconds is not None

    def on_alarm(signum: int, frame: object) -> None:
        raise ExtractTimeoutError(f"processing took longer than the limit of {seconds:g} s", source)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_file(path: str | os.PathLike[str], *, quantities: bool = True, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse a file from disk; the format is told by content, not only by the file's extension."""
    source = str(path)
    return parse(read_path(Path(path), limits), source, quantities=quantities, limits=limits)


def _parse(data: bytes | str, source: str | None, with_quantities: bool, limits: Limits) -> Document:
    loaded = load(data, source, limits)
    if loaded.format == "pdf":
        from .pdf import read_pdf_page

        parts: PageParts = read_pdf_page(loaded.data, source, limits)
    elif loaded.format == "html":
        from .html import read_html_page

        parts = read_html_page(loaded.text)
    else:
        parts = read_text_page(loaded.text)
    from .structure import build_sections

    sections, section_warnings = build_sections(parts.body)
    warnings = loaded.warnings + parts.warnings + section_warnings
    quantities: list[Quantity] = []
    if with_quantities:
        from .quantities import document_quantities

        quantities, quantity_warnings = document_quantities(
            parts.body, sections, parts.metadata, tables=parts.tables, text_date=parts.text_date, title=parts.title
        )
        warnings += quantity_warnings
    tables = parts.tables
    try:  # table records (origin "table") join the text ones; a failure here leaves the page without them
        from .table_records import add_table_quantities

        tables, quantities = add_table_quantities(
            loaded.format,
            parts.body,
            parts.tables,
            quantities,
            parts.metadata,
            with_quantities=with_quantities,
            sections=sections,
            title=parts.title,
        )
    except ExtractError:
        raise  # a time limit, not a defect of the tables
    except Exception as exc:
        warnings.append(f"tables skipped: {type(exc).__name__}: {str(exc)[:200]}")
    return Document(
        source=source,
        format=loaded.format,
        title=parts.title,
        metadata=parts.metadata,
        body=parts.body,
        signature=parts.signature,
        attachments=parts.attachments,
        sections=sections,
        quantities=quantities,
        tables=tables,
        warnings=warnings,
    )
