"""Helpers the quantity stages share: literal alternations, scanning only from likely starts, clause boundaries."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of literal words, longest first so that 万元 wins over 万."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_CLAUSE_DELIM = re.compile(r"[，,；;：:。！？!?\n]")
_CLAUSE_DELIMS = frozenset("，,；;：:。！？!?\n")
_CJK = re.compile(r"[\u4e00-\u9fff“‘]")
_EDGE_JUNK = " \u3000\t、，,：:；;\"'～~—–－-"


def _scan(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Like pattern.finditer, but tried only where `starts` finds a character a match can begin with.

    Python's regex engine tries a pattern that opens with alternatives at every position; most of
    a page is prose, so looking for the few possible first characters first is several times faster.
    """
    pos = 0
    for cand in starts.finditer(text):
        at = cand.start()
        if at < pos:
            continue
        m = pattern.match(text, at)
        if m and m.end() > at:
            pos = m.end()
            yield m


class _Clauses:
    """Clause boundaries of a paragraph, found once; look-ups by bisection keep a page linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.delims = [m.start() for m in _CLAUSE_DELIM.finditer(text)]

    def start(self, lo: int, pos: int) -> int:
        """Where the clause holding `pos` begins (after the last delimiter before it, not before `lo`)."""
        k = bisect_left(self.delims, pos) - 1
        return max(lo, self.delims[k] + 1) if k >= 0 else lo

    def end(self, pos: int, hi: int) -> int:
        """Where the clause holding `pos` ends (its delimiter, or `hi`)."""
        k = bisect_left(self.delims, pos)
        return min(hi, self.delims[k]) if k < len(self.delims) else hi
