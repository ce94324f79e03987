"""The answer keys' criterion for an indicator, shared by the quantity tests (benchmarks/score.py has its own copy)."""

from __future__ import annotations

from collections import Counter


def char_f1(a: str, b: str | None) -> float:
    """Character F1 of two phrases (the answer key's indicator criterion)."""
    if not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)
