"""HTML pages: metadata pairs, title and body text from the markup (stub)."""

from __future__ import annotations

from .page import PageParts


def read_html_page(text: str) -> PageParts:
    """An HTML page into its parts."""
    return PageParts()
