"""Structure: the tree of numbered sections of a body, and the 一是/二是 items of each section.

A heading is a line that starts with a marker (see `_markers`). Levels come from the order in
which marker styles appear in this document (a stack), so 1. is level 3 under 一、 > （一） but
level 2 under 一、 alone. Numbers must run in sequence, which keeps a list or a stray "1." from
being taken for a heading. One pass over the lines: linear in the body's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ._markers import (
    AMOUNTS_AFTER,
    ARTICLE_HEADING_MAX,
    ARTICLE_HEADING_PUNCT,
    ASIDE,
    BARS,
    CELL_GAP,
    CELL_PUNCT,
    CIRCLED,
    CJK_SPACE,
    CLAUSE_COMMAS,
    CLAUSE_END,
    CLOSERS,
    DOTTED_DIGITS,
    FIGURE,
    FIGURES_IN_ITEM,
    FULLWIDTH_DIGITS,
    HEADING_ENDERS,
    HEADING_LINE_MAX,
    HEADING_MAX,
    ITEM_AMOUNT,
    ITEM_BLOCKERS,
    ITEM_NUMERALS,
    ITEM_VERBS,
    JOIN_ENDS,
    JOIN_SPACES,
    JOINED_LINE_MIN,
    LABEL_LINE_MAX,
    LENIENT_STYLES,
    LIST_CLAUSE_ENDS,
    MARKER,
    MAX_SKIP,
    MAX_WARNINGS,
    MIN_ROW_HEADING,
    NOTES_LINE,
    OPENERS,
    ORDINAL_STYLES,
    PAREN_DIGITS,
    PAREN_IDEOGRAPHS,
    PIPE_ROW_GAP,
    RANKS,
    ROW_HEAD_PUNCT,
    ROW_NUMBER,
    SENTENCE_PUNCT,
    SPACED_HEADING,
    STYLES,
    TOC_ENTRY_MAX,
    TOC_LINE,
    TOC_MAX_LINES,
    TOC_MIN_ENTRIES,
    TOC_TAIL,
)
from .models import Section
from .numbers import chinese_integer

_TRAILING = " \t\u3000\u00a0\r"
_DIGITS = frozenset("0123456789０１２３４５６７８９")


@dataclass
class _Mark:
    """A line that starts with a marker: what it says, before the sequence checks."""

    start: int
    style: str
    marker: str
    number: int
    path: tuple[int, ...]
    heading: str
    heading_line: bool  # the heading is the whole line (not run into a paragraph)
    # "amounts": a long sentence of amounts, "clause": a clause with a comma ending in a semicolon;
    # either is an item of text in a list, never placed ("" for a heading)
    item: str = ""


@dataclass
class _Node:
    """A section under construction (Section is frozen)."""

    mark: _Mark
    level: int
    end: int = 0
    items: list[tuple[int, str]] = field(default_factory=list)  # (offset, text)
    children: list[_Node] = field(default_factory=list)

    def freeze(self, body: str) -> Section:
        """The public Section for this node and its subtree."""
        m = self.mark
        return Section(
            level=self.level,
            marker=m.marker,
            number=m.number,
            heading=m.heading,
            text=body[m.start : self.end],
            start=m.start,
            end=self.end,
            items=[text for _, text in sorted(self.items)],
            children=[c.freeze(body) for c in self.children],
        )


def build_sections(body: str) -> tuple[list[Section], list[str]]:
    """Sections of the body as a tree, and warnings about numbering that does not run in sequence."""
    builder = _Builder(body)
    builder.read_lines()
    nodes = builder.nodes
    _close(body, nodes)
    _collect_items(body, nodes)
    return [n.freeze(body) for n in builder.roots], builder.all_warnings()


@lru_cache(maxsize=1024)
def cn_number(text: str) -> int:
    """The value of a marker's numeral: 十一, 二十, 一百零五, or arabic digits (also full-width); 0 if none.

    Cached: a page's markers repeat a few short numerals (一, 二 …) many times.
    """
    if text and text[0] in _DIGITS:
        return int(text.translate(FULLWIDTH_DIGITS))
    return chinese_integer(text) or 0


class _Builder:
    """Reads the body line by line and places each accepted heading on the style stack."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.roots: list[_Node] = []
        self.nodes: list[_Node] = []  # document order
        self.stack: list[_Node] = []
        # last number taken per style, across parents, and the parent it was taken under
        self.last: dict[str, tuple[tuple[int, ...], _Node | None]] = {}
        self.notes = False  # after a 注： line numbered notes follow, not headings
        self.first_key = ""  # the first heading line, to spot a table of contents that repeats it
        self.text_seen = False  # a line of text has come since the first heading
        self.item_styles: set[str] = set()  # styles seen numbering sentences of amounts
        self.warnings: list[str] = []
        self.unsaid = 0  # warnings beyond MAX_WARNINGS

    def read_lines(self) -> None:
        """Walk the lines once, skipping a 目录 block, and place every heading that passes the checks."""
        body, pos, size = self.body, 0, len(self.body)
        while pos < size:
            nl = _eol(body, pos)
            eol = nl - 1 if nl > pos and body[nl - 1] == "\r" else nl  # \r\n line ends
            if eol - pos <= LABEL_LINE_MAX:  # 目录 / 注： stand alone on short lines
                if TOC_LINE.fullmatch(body, pos, eol):
                    pos = _skip_toc(body, nl + 1)
                    continue
                if NOTES_LINE.fullmatch(body, pos, eol):
                    self.notes = True
                    pos = nl + 1
                    continue
            cuts = _joined_cuts(body, pos, eol) if eol - pos >= JOINED_LINE_MIN else None
            if cuts:
                bounds = [pos, *cuts, eol]
                for k in range(len(bounds) - 1):
                    self.read_line(bounds[k], bounds[k + 1], joined=k > 0)
            else:
                self.read_line(pos, eol)
            pos = nl + 1

    def read_line(self, pos: int, eol: int, joined: bool = False) -> None:
        """Place the headings of one line (several when it is a flattened table row) and note what the
        line says about tables of contents and notes. A `joined` part of a line (see _joined_parts)
        starts with a heading whose first cell is all of it, like a table row's."""
        body = self.body
        m = MARKER.match(body, pos, eol)
        if m is not None and pos >= 2 and body[pos - 2] in "(（":
            m = None  # a wrapped line: "…其中:(" then "1)校舍建设项目56个"
        if m is not None and _piped_row(body, pos, eol):
            m = None  # 二、行政区划 | in a piped table is a group row
        if m is None and self.notes and body[pos:eol].strip():
            self.notes = False  # a plain paragraph ends the list of notes
        if m is not None and self.nodes and not self.text_seen:
            self._restart_after_toc(body[pos:eol])
        placed = len(self.nodes)
        in_row = joined
        while m is not None:  # a table row flattened to one line holds several: 一、医疗质量 （一）功能定位 1.…
            cell_end, nxt = _cell(body, m.end(), eol)
            in_row = in_row or nxt is not None
            mark = _read_mark(body, m, cell_end, in_row)
            if mark is not None:
                self.place(mark)
            m = nxt
        if placed == 0 and self.nodes:
            self.first_key = _toc_key(body[pos:eol])
        elif placed == len(self.nodes) and placed and not self.text_seen:
            self.text_seen = bool(body[pos:eol].strip())

    def _restart_after_toc(self, line: str) -> None:
        """An unlabelled table of contents: headings on consecutive lines, then the first one again.
        Forget them; the body's outline starts here."""
        if len(self.nodes) >= TOC_MIN_ENTRIES and _toc_key(line) == self.first_key:
            self.roots, self.nodes, self.stack, self.last = [], [], [], {}

    def place(self, mark: _Mark) -> None:
        """Put a heading on the stack if its number follows its siblings; else leave it as text.
        A style whose lines were sentences of amounts numbers clauses in this document: its later
        clause lines are items too ((一)…2万元…; under 第三条, then (一)凡符合…申报,并填写申请表; under 第四条)."""
        if mark.item == "amounts":
            self.item_styles.add(mark.style)
        if mark.item == "amounts" or (mark.item == "clause" and mark.style in self.item_styles):
            return
        if self.notes and mark.style not in LENIENT_STYLES and not self._continues_open(mark):
            return  # notes are numbered 1. / （1）; a 一、 or 第X章 heading is never a note
        decimal = mark.style.startswith("dec") and len(mark.path) > 1
        cut = self._decimal_cut(mark) if decimal else self._cut(mark)
        if cut is None:
            return
        del self.stack[cut:]
        parent = self.stack[-1] if self.stack else None
        node = _Node(mark, level=len(self.stack) + 1)
        (parent.children if parent else self.roots).append(node)
        self.stack.append(node)
        self.nodes.append(node)
        self.last[mark.style] = (mark.path, parent)
        self.notes = False

    def _continues_open(self, mark: _Mark) -> bool:
        """After a 注： line only the next number of an open style is a heading (三、 after 二、)."""
        sibling = self._find(mark.style)
        return sibling is not None and mark.number == self.stack[sibling].mark.number + 1

    def _cut(self, mark: _Mark) -> int | None:
        """Where the stack is cut for this heading (its parent is below the cut), or None to reject."""
        n, style = mark.number, mark.style
        sibling = self._find(style)
        if sibling is not None:
            prev = self.stack[sibling].mark.number
            if n in (prev + 1, 1) or self._tolerated(mark, prev):
                return sibling
            self._reject(mark, f"does not follow number {prev}")
            return None
        rank = _rank(style)
        cut = len(self.stack)
        if rank is not None:  # a new style closes the open styles ranked below it (GB/T 9704 order)
            while cut and _outranked(self.stack[cut - 1].mark.style, rank):
                cut -= 1
        if n != 1 and not self._numbered_on(mark, cut):
            if style not in ORDINAL_STYLES:
                self._reject(mark, "does not start its numbering at 1")
                return None
            self.warn(mark, "does not start its numbering at 1")
        return cut

    def _numbered_on(self, mark: _Mark, cut: int) -> bool:
        """A list numbered on across parents: 8. under （二） after 7. under （一）, 四、 under 第二章
        after 三、 under 第一章. The new parent must be a later sibling of the old one (articles
        第X条 run on through a whole regulation)."""
        last = self.last.get(mark.style)
        if last is None:
            return False
        path, old_parent = last
        parent = self.stack[cut - 1] if cut else None
        if (
            old_parent is not None
            and mark.style not in ORDINAL_STYLES
            and not (
                parent is not None
                and parent.level == old_parent.level
                and parent.mark.style == old_parent.mark.style
                and parent.mark.number > old_parent.mark.number
            )
        ):
            return False
        return mark.number == path[-1] + 1 or self._tolerated(mark, path[-1])

    def _decimal_cut(self, mark: _Mark) -> int | None:
        """Cut for a decimal heading 1.2.1: its prefix must be the open 1.2, its last digit follow 1.2.0."""
        path, k = mark.path, len(mark.path)
        parent = self._find(f"dec{k - 1}") if k > 2 else self._find("dec1", "ar")
        sibling = self._find(mark.style)
        if sibling is not None and (parent is None or sibling > parent):
            prev = self.stack[sibling].mark.path
            if path[:-1] == prev[:-1] and (path[-1] == prev[-1] + 1 or self._tolerated(mark, prev[-1])):
                return sibling
            if parent is None:
                return None
        if parent is not None:
            if path[:-1] != self.stack[parent].mark.path or path[-1] != 1:
                return None
            return parent + 1
        last = self.last.get(mark.style, ((), None))[0]
        if path[-1] == 1 or (last and path[:-1] == last[:-1] and path[-1] == last[-1] + 1):
            return len(self.stack)
        return None

    def _tolerated(self, mark: _Mark, prev: int) -> bool:
        """A skipped or repeated number taken anyway, with a warning: a typo in the source, not a list."""
        n = mark.number
        if not (mark.heading_line or mark.style in LENIENT_STYLES):
            return False
        if prev + 1 < n <= prev + 1 + MAX_SKIP:
            self.warn(mark, f"skips from {prev} to {n}")
            return True
        if n == prev and mark.heading_line:
            self.warn(mark, f"repeats number {n}")
            return True
        return False

    def _reject(self, mark: _Mark, why: str) -> None:
        """Leave a marker line as text; say so when its style is one that lists rarely use."""
        if mark.style in LENIENT_STYLES:
            self.warn(mark, f"{why}; left as text")

    def _find(self, *styles: str) -> int | None:
        """Index of the topmost open section of one of these styles."""
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].mark.style in styles:
                return i
        return None

    def warn(self, mark: _Mark, what: str) -> None:
        """Record a numbering oddity, naming the heading and where it is (the first MAX_WARNINGS only)."""
        self.unsaid += len(self.warnings) >= MAX_WARNINGS
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(f"section numbering: {mark.marker}{mark.heading[:20]} at offset {mark.start} {what}")

    def all_warnings(self) -> list[str]:
        """The warnings, with a last line counting those left unsaid."""
        more = [f"section numbering: {self.unsaid} more oddities not listed"] if self.unsaid else []
        return self.warnings + more


def _rank(style: str) -> float | None:
    """Place of a style in the GB/T 9704 / regulation order; None for decimal outlines."""
    return RANKS.get("dec" if style.startswith("dec") else style)


def _outranked(open_style: str, rank: float) -> bool:
    """Whether an open style ranks at or below a newly seen one, so the new style closes it."""
    top = _rank(open_style)
    return top is not None and top >= rank


def _eol(body: str, pos: int) -> int:
    """End of the line that starts at `pos`."""
    eol = body.find("\n", pos)
    return len(body) if eol < 0 else eol


def _piped_row(body: str, pos: int, eol: int) -> bool:
    """The line ends in a bar and a row of two or more cells stands at most PIPE_ROW_GAP lines above or
    below it, with only lines ending in a bar between: a row of a piped table (`二、行政区划 |` over `|` and
    `街道 | 个 | 74 |`), not a heading. Looks at a bounded number of lines either way."""
    end = eol
    while end > pos and body[end - 1] in _TRAILING:
        end -= 1
    if end == pos or body[end - 1] not in BARS:
        return False
    after = eol  # end of the last line looked at below
    for _ in range(PIPE_ROW_GAP):
        if after >= len(body):
            break
        nxt = _eol(body, after + 1)
        kind = _bar_line(body, after + 1, nxt)
        if kind != 1:
            if kind == 2:
                return True
            break
        after = nxt
    before = pos  # start of the last line looked at above
    for _ in range(PIPE_ROW_GAP):
        if before <= 0:
            break
        start = body.rfind("\n", 0, before - 1) + 1
        kind = _bar_line(body, start, before - 1)
        if kind != 1:
            return kind == 2
        before = start
    return False


def _bar_line(body: str, start: int, end: int) -> int:
    """2 for a row of two or more cells (two bars or more), 1 for another line that ends in a bar
    (a group row or an empty row), 0 for any other line."""
    line = body[start:end].rstrip(_TRAILING)
    if sum(line.count(bar) for bar in BARS) >= 2:
        return 2
    return 1 if line and line[-1] in BARS else 0


def _joined_cuts(body: str, pos: int, eol: int) -> list[int]:
    """Where a long line is cut because a scrape joined a heading to the text before it with a space:
    after a sentence end and a space, at a marker whose first cell is a short heading followed by a
    space (…平衡。 2.区本级一般公共预算收支决算情况 区本级…). Spaces are found with str.find: most
    lines have none, and a regex scan of every character costs more."""
    cuts: list[int] = []
    for space in JOIN_SPACES:
        at = body.find(space, pos + 1, eol)
        while at >= 0:
            if body[at - 1] in JOIN_ENDS:
                cut = _heading_after(body, at, eol)
                if cut is not None:
                    cuts.append(cut)
            at = body.find(space, at + 1, eol)
    return sorted(set(cuts))


def _heading_after(body: str, at: int, eol: int) -> int | None:
    """Start of the marker after the space at `at` when its first cell is a short heading without
    punctuation, followed by a space; else None."""
    m = MARKER.match(body, at, eol)
    if m is None or m.group("bare") is not None:
        return None
    space = CELL_GAP.search(body, m.end(), min(eol, m.end() + HEADING_LINE_MAX + 1))
    if space is None or space.start() == m.end() or CELL_PUNCT.search(body, m.end(), space.start()):
        return None
    return m.start()


def _cell(body: str, start: int, eol: int) -> tuple[int, re.Match[str] | None]:
    """End of a heading's table cell and the marker of the next cell, when a short heading is followed
    by a space and another marker on the same line; else (eol, None)."""
    for gap in CELL_GAP.finditer(body, start, min(eol, start + HEADING_LINE_MAX)):
        if gap.start() == start:
            continue  # the space of 1　总则
        if SENTENCE_PUNCT.search(body, start, gap.start()):
            break
        nxt = MARKER.match(body, gap.end(), eol)
        if nxt is not None:
            return gap.start(), nxt
    return eol, None


def _read_mark(body: str, m: re.Match[str], eol: int, in_row: bool = False) -> _Mark | None:
    """What a marker line says: style, marker as written, number, heading; None when it is no heading.
    In a table row (`in_row`) the heading is the marker's cell."""
    style = next(s for s in STYLES if m.group(s) is not None)
    raw = m.group(style)
    start, marker_end = m.start(style), m.end(style)
    marker = raw.rstrip(_TRAILING)
    line = body[marker_end:eol].strip(_TRAILING).lstrip("：:")  # 第一部分：一类门诊特定病种
    if m.group("bare") is not None and ROW_NUMBER.search(line):
        return None  # 1 一类高血压病 200元/月 is a numbered table row
    rest = _first_cell(line) if in_row else _row_head(line)
    row = in_row or len(rest) < len(line)
    number, path = 0, tuple[int, ...]()
    if style == "ordinal":
        style = m.group("ordinal_kind")
        number = cn_number(m.group("ordinal_num").strip())
    elif style == "cn":
        number = cn_number(m.group("cn_num"))
    elif style == "cnp":
        number = PAREN_IDEOGRAPHS.get(raw) or cn_number(m.group("cnp_num"))
    elif style == "dec":
        path = tuple(int(p) for p in "".join(raw.split()).translate(FULLWIDTH_DIGITS).replace("．", ".").split("."))
        style, number = f"dec{len(path)}", path[-1]
    elif style in ("ar", "arp", "arh"):
        digits = "".join(ch for ch in raw.translate(FULLWIDTH_DIGITS) if ch in "0123456789")  # ⑴ ⒈ pass isdigit()
        number = int(digits) if digits else DOTTED_DIGITS.get(raw) or PAREN_DIGITS.get(raw, 0)
    elif style == "circ":
        number = CIRCLED[raw]
    else:  # bare 1　总则 / 01综合: only as a heading on its own line
        style, number = "dec1", int(raw)
    path = path or (number,)
    heading, heading_line = _heading(rest)
    heading_line = heading_line and not row  # a table row gets no leeway for skipped numbers
    if not rest:
        heading, heading_line = _next_line_heading(body, eol), True
    if m.group("bare") is not None and not heading_line:
        return None
    if m.group("dec") is not None and not rest:
        return None  # 29.1 alone on a line is a table value
    if not heading_line and len(rest) > HEADING_LINE_MAX and style not in ORDINAL_STYLES:
        cut = _clause_end(rest)
        clause = CJK_SPACE.sub("", rest[:cut].strip(_TRAILING))
        if ITEM_AMOUNT.fullmatch(clause):
            return None  # a numbered paragraph opening with its item and amount: 1.财政拨款收入364.6552万元,为…
        if _figures(heading) and not _figures(clause) and AMOUNTS_AFTER.match(rest, cut):
            heading = clause  # a run-in heading before a sentence of amounts: (一)收入预算,2018年年初预算数…万元
    item = ""
    if _unaside_len(heading) > HEADING_LINE_MAX and _figures(heading) >= FIGURES_IN_ITEM:
        item = "amounts"  # a long sentence of amounts is an item of text, not a heading
    elif style not in ORDINAL_STYLES and line[-1:] in LIST_CLAUSE_ENDS and _has_comma(heading):
        item = "clause"  # (一)凡符合…申报,并填写申请表;
    if style == "条":  # an article's text is the section text; only a short heading of its own is kept
        heading = heading if _article_heading(body, marker_end, line, rest) else ""
    return _Mark(start, style, marker, number, path, heading, heading_line, item)


def _article_heading(body: str, marker_end: int, line: str, rest: str) -> bool:
    """Whether an article's line holds its own heading: after a space, the whole rest of the line,
    short and without punctuation (第二条   奖励对象, 第三条 奖励条件、标准); not the opening of its text
    (第一条 为充分调动…，特制定本办法。)."""
    return (
        marker_end < len(body)
        and body[marker_end] in _TRAILING
        and bool(rest)
        and rest == line
        and len(rest) <= ARTICLE_HEADING_MAX
        and ARTICLE_HEADING_PUNCT.search(rest) is None
    )


def _has_comma(text: str) -> bool:
    """The text holds a comma (，or ,): a clause with parts, not a heading's label."""
    return any(comma in text for comma in CLAUSE_COMMAS)


def _clause_end(rest: str) -> int:
    """Where the first clause of a marker line ends: its first comma or sentence end outside brackets
    (the line's end when there is none within HEADING_MAX)."""
    depth, cut = 0, len(rest)
    for found in _HEADING_MARKS.finditer(rest, 0, HEADING_MAX):
        ch = found.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in CLAUSE_END:
            cut = found.start()
            break
    return cut


def _unaside_len(heading: str) -> int:
    """The heading's length without its bracketed asides: 零售企业(不含电商企业)新增量… is as long as
    零售企业新增量…."""
    return len(ASIDE.sub("", heading)) if "(" in heading or "（" in heading else len(heading)


def _figures(text: str) -> int:
    """How many amounts (a number before a unit: 112446万元, 54.22%) the text states, counted up to FIGURES_IN_ITEM."""
    count = 0
    for _ in FIGURE.finditer(text):
        count += 1
        if count >= FIGURES_IN_ITEM:
            break
    return count


def _first_cell(rest: str) -> str:
    """The text before the first space: a heading's own cell in a flattened table row (all of a
    heading spaced out character by character: 综 合)."""
    spaced = SPACED_HEADING.match(rest)
    if spaced is not None:
        return spaced.group()
    gap = CELL_GAP.search(rest)
    return rest if gap is None else rest[: gap.start()]


def _row_head(rest: str) -> str:
    """A line of three or more space-separated cells after a heading of 4+ characters is a table row
    (1.门诊人次数与出院人次数比 定量 计算方法：…): the heading is its first cell. 农 业 stays whole, and so
    does a first cell with a clause in it, a sentence with a spaced amount (收入预算,…2132.7 万元,…)."""
    gaps = CELL_GAP.finditer(rest, 0, HEADING_MAX)
    first, second = next(gaps, None), next(gaps, None)
    if (
        first is None
        or second is None
        or first.start() < MIN_ROW_HEADING
        or ROW_HEAD_PUNCT.search(rest, 0, first.start())
    ):
        return rest
    return rest[: first.start()]


def _heading(rest: str) -> tuple[str, bool]:
    """Heading of a marker line, and whether it is the whole line: text up to the first 。：； outside
    brackets; a sentence longer than HEADING_MAX is cut at its last comma before that."""
    depth, cut, comma = 0, len(rest), 0
    for found in _HEADING_MARKS.finditer(rest, 0, HEADING_MAX):  # only brackets and punctuation matter
        i, ch = found.start(), found.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in HEADING_ENDERS:
            cut = i
            break
        elif depth == 0 and ch in CLAUSE_COMMAS:
            comma = i
    else:
        if len(rest) > HEADING_MAX:
            cut = comma or HEADING_MAX
    heading = CJK_SPACE.sub("", rest[:cut].strip(_TRAILING))
    whole = cut >= len(rest.rstrip("。：:；;" + _TRAILING)) and len(heading) <= HEADING_LINE_MAX
    return heading, whole


_HEADING_MARKS = re.compile(
    "[" + re.escape("".join(sorted({*OPENERS, *CLOSERS, *HEADING_ENDERS, *CLAUSE_COMMAS}))) + "]"
)


def _next_line_heading(body: str, eol: int) -> str:
    """The heading of a marker that stands alone on its line (a table cell): the next line, if short."""
    if eol >= len(body):
        return ""
    nxt = _eol(body, eol + 1)
    line = body[eol + 1 : nxt].strip(_TRAILING)
    m = MARKER.match(line)
    if not line or m is not None:
        return ""  # the next line is a heading of its own
    heading, whole = _heading(line)
    return heading if whole else ""


def _skip_toc(body: str, pos: int) -> int:
    """Offset where the body resumes after a 目录 block: where its first entry, a heading, is repeated.
    A block that holds a paragraph, or whose first entry is no heading, is no table of contents."""
    first = _eol(body, pos)
    if MARKER.match(body, pos, first) is None:
        return pos
    key = _toc_key(body[pos:first])
    cur, line_no = first + 1, 0
    while key and cur < len(body) and line_no < TOC_MAX_LINES:
        eol = _eol(body, cur)
        if _toc_key(body[cur:eol]) == key:
            return cur
        if eol - cur > TOC_ENTRY_MAX:
            break
        cur, line_no = eol + 1, line_no + 1
    return pos  # no repeat found: read the lines as they are


def _toc_key(line: str) -> str:
    """A 目录 entry or heading, compared without spaces, dot leaders and page numbers."""
    return "".join(line.split()).lstrip("#").rstrip(TOC_TAIL)


def _close(body: str, nodes: list[_Node]) -> None:
    """Set each section's end: the next heading at its level or above, trailing blanks trimmed."""
    open_: list[_Node] = []
    for node in [*nodes, None]:
        limit = len(body) if node is None else node.mark.start
        while open_ and (node is None or open_[-1].level >= node.level):
            top = open_.pop()
            end = limit
            while end > top.mark.start and body[end - 1].isspace():
                end -= 1
            top.end = end
        if node is not None:
            open_.append(node)


def _collect_items(body: str, nodes: list[_Node]) -> None:
    """Record 一是/二是 and 一抓/二抓 runs (two or more in sequence) as items of the section holding them."""
    if not nodes:
        return
    starts = [n.mark.start for n in nodes]
    idx = -1
    runs: dict[str, list[tuple[int, int]]] = {}  # verb -> [(offset, number)] of the open run
    for pos, verb, numeral in _item_marks(body, starts[0]):
        new_idx = idx
        while new_idx + 1 < len(starts) and starts[new_idx + 1] <= pos:
            new_idx += 1
        if new_idx != idx:
            _flush(body, nodes[idx] if idx >= 0 else None, runs)
            idx = new_idx
        if pos >= nodes[idx].end:
            continue
        number = cn_number(numeral)
        run = runs.get(verb)
        if number == 1:
            if run is not None:
                _flush(body, nodes[idx], {verb: run})
            runs[verb] = [(pos, 1)]
        elif run is not None and number == run[-1][1] + 1:
            run.append((pos, number))
    _flush(body, nodes[idx] if idx >= 0 else None, runs)


def _item_marks(body: str, begin: int) -> list[tuple[int, str, str]]:
    """(offset, verb, numeral) of each 一是/二抓 at or after `begin`: what _markers.ITEM.finditer finds.

    A mark is a run of one to three numerals (the whole run: 十一是, not 一是 inside it) before the
    verb, not after a blocker (统一是). Found from the verbs with str.find, which is far quicker than
    a regex scan of every character of the body for a numeral.
    """
    marks: list[tuple[int, str, str]] = []
    for verb in ITEM_VERBS:
        at = body.find(verb, begin + 1)
        while at >= 0:
            k = at
            while k > begin and at - k < 4 and body[k - 1] in ITEM_NUMERALS:
                k -= 1
            if 0 < at - k < 4 and (k == 0 or body[k - 1] not in _ITEM_BEFORE):
                marks.append((k, verb, body[k:at]))
            at = body.find(verb, at + 1)
    marks.sort()
    return marks


_ITEM_BEFORE = frozenset(ITEM_BLOCKERS + ITEM_NUMERALS)  # a numeral before the run: it is longer


def _flush(body: str, node: _Node | None, runs: dict[str, list[tuple[int, int]]]) -> None:
    """Turn each finished run of at least two items into item texts of `node`."""
    for verb in list(runs):
        run = runs.pop(verb)
        if node is None or len(run) < 2:
            continue
        for i, (pos, _) in enumerate(run):
            eol = min(_eol(body, pos), node.end)
            end = run[i + 1][0] if i + 1 < len(run) and run[i + 1][0] < eol else eol
            node.items.append((pos, body[pos:end].strip()))


class SectionIndex:
    """The sections holding an offset, found by descending the tree with bisection (linear in its depth)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self._top = list(sections)
        self._starts: dict[int, list[int]] = {}

    def _starts_of(self, level: Sequence[Section]) -> list[int]:
        """Start offsets of one level of the tree, computed once."""
        key = id(level)
        if key not in self._starts:
            self._starts[key] = [s.start for s in level]
        return self._starts[key]

    def path(self, pos: int) -> Iterator[Section]:
        """The sections whose [start, end) holds pos, outermost first."""
        level: Sequence[Section] = self._top
        while level:
            k = bisect_left(self._starts_of(level), pos + 1) - 1
            if k < 0 or not level[k].start <= pos < level[k].end:
                return
            yield level[k]
            level = level[k].children

    def heading(self, pos: int) -> str | None:
        """Heading of the innermost section holding pos."""
        path = list(self.path(pos))
        return path[-1].heading if path else None
