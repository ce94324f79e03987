"""Quantities: every stated amount as a typed record (stub)."""

from __future__ import annotations

from collections.abc import Sequence

from .models import Metadata, Quantity, Section, Table


def extract_quantities(text: str, *, year: int | None = None, doc_year: int | None = None) -> list[Quantity]:
    """Quantity records for a sentence or paragraph."""
    return []


def document_quantities(
    body: str, sections: Sequence[Section], metadata: Metadata, tables: Sequence[Table] = ()
) -> tuple[list[Quantity], list[str]]:
    """Quantity records for a whole body, years resolved against the document's dates; and warnings."""
    return [], []
