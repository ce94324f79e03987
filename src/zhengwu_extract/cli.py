"""Command line (stub)."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    """Entry point of `zhengwu-extract`."""
    return 0
