"""The pipeline: load → page (metadata, title, body) → structure (sections) → quantities → Document."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ExtractError
from .load import DEFAULT_LIMITS, Limits, load, read_path
from .models import Document, Quantity
from .page import PageParts, read_text_page


def parse(
    data: bytes | str,
    source: str | None = None,
    *,
    quantities: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Parse a page given as bytes or text (HTML, plain text or PDF, told apart by content)."""
    try:
        return _parse(data, source, quantities, limits)
    except ExtractError:
        raise
    except RecursionError as exc:
        raise ExtractError("the page is nested too deeply to parse", source) from exc
    except MemoryError as exc:
        raise ExtractError("the page needs more memory than is available", source) from exc


def parse_file(
    path: str | os.PathLike[str], *, quantities: bool = True, limits: Limits = DEFAULT_LIMITS
) -> Document:
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
            parts.body, sections, parts.metadata, tables=parts.tables
        )
        warnings += quantity_warnings
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
        tables=parts.tables,
        warnings=warnings,
    )
