"""Structure: the tree of numbered sections of a body (stub)."""

from __future__ import annotations

from .models import Section


def build_sections(body: str) -> tuple[list[Section], list[str]]:
    """Sections of the body as a tree, and warnings."""
    return [], []
