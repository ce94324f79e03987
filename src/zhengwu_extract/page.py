"""The page: metadata header, title, clean body, signature and attachments (shared by all formats)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Metadata, Signature, Table


@dataclass
class PageParts:
    """What the page stage hands on: everything but the sections and quantities."""

    title: str | None = None
    metadata: Metadata = field(default_factory=Metadata)
    body: str = ""
    signature: Signature | None = None
    attachments: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_text_page(text: str) -> PageParts:
    """A plain-text copy of a page (stub: the whole text is the body)."""
    return PageParts(body=text.strip())
