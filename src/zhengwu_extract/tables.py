"""Data tables of the body (HTML, PDF, flattened text) and the quantity records their numeric cells give.

Three readers build the same `Table` (caption, unit, header rows, a grid of cell texts):
`tables_from_html` expands rowspan/colspan and skips layout tables (navigation, header blocks,
whole-page frames); `tables_from_pdf` uses pdfplumber's ruled-table finder, falls back to its text
alignment finder for unruled numeric tables, and joins tables continued on the next page;
`tables_from_lines` rebuilds budget tables that a scrape flattened to one cell per line under a
`单位：万元` line. table_records.py turns their numeric cells into quantity records.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import ExtractError
from .models import Table
from .numbers import SCALES
from .quantities import unit_info

if TYPE_CHECKING:
    import lxml.html

# --- data: words that give cells their meaning ------------------------------------------------

# Words of a layout/navigation block: a table holding them is page furniture, not data.
LAYOUT_WORDS: tuple[str, ...] = (
    "首页", "当前位置", "您的位置", "网站地图", "联系我们", "版权所有", "主办单位", "ICP备", "打印本页",
    "关闭窗口", "政策解读", "音频解读", "一图读懂", "相关链接", "上一篇", "下一篇", "索引号", "索 引 号",
    "发文机关", "发布机构", "主题分类", "成文日期", "发文字号", "主题词",
)  # fmt: skip
# --- patterns -----------------------------------------------------------------------------------

_WS = re.compile(r"[\s\u3000\u00a0]+")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff#＃]) (?=[\u4e00-\u9fff])")
_FOLD = str.maketrans("０１２３４５６７８９．，－＋−％", "0123456789.,-+-%")
# A numeric cell: optional approx word, a signed number with separators, an optional short unit.
_NUMBER_CELL = re.compile(
    r"""^(?P<pre>约|近|超过|不超过|不低于|最高|最低|平均|每人每月|每月|每年|每人)?
        (?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?   # 4000.5, -1.6, 3,219
          |(?P<cn>[零〇一二两三四五六七八九十百千]{1,6}))        # 两 (年): a Chinese numeral needs a unit
        (?:[-~～至](?P<high>\d+(?:\.\d+)?))?                  # 600-1000: a range's upper bound
        (?P<unit>[^\d\s.,;；。，、()（）]{0,12})
        (?P<aside>[(（][^()（）]{1,12}[)）])?$                 # 4000(60天): an aside after the figure""",
    re.VERBOSE,
)
_YEAR_HEADER = re.compile(r"^(?:19|20)\d{2}\s?年")
_DATE_CELL = re.compile(r"^(?:19|20)\d{2}(?:[-/]\d{1,2}[-/]\d{1,2}|年\d{1,2}月|\.\d{1,2}\.\d{1,2})")
UNIT_LINE = re.compile(r"(?:计量)?单\s?位\s{0,2}[:：]\s{0,2}(?P<unit>[^\s,，;；、)）]{1,12})")
_SENTENCE_MARK = re.compile(r"[。；;，,！？!?]")
_OUTLINE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节部分])"
)
_PLACEHOLDER = frozenset({"", "-", "—", "--", "——", "/", "…", "－", "无", "空"})
# A numbered table's caption line (yearbooks): 表14—16 各类医院基本情况(2020年), 表3 …; at most 60 characters.
TABLE_CAPTION = re.compile(r"^表\s?\d{1,3}(?:\s?[—\-－–]{1,2}\s?\d{1,3})?\s?[\u4e00-\u9fff(（][^。；;，,]{1,54}$")


def clean_cell(text: str, *, words: bool = False) -> str:
    """A cell's text with white space folded and spaced labels joined: `粮 食` → `粮食`, `#水 稻` → `#水稻`.

    With `words`, a gap between two words of two or more characters stays (`尸体火化 台车式捡灰炉`, an
    item and its sub-item in one pipe cell); letters spaced out (`绝 对 数`) are still joined.
    """
    text = _WS.sub(" ", text).strip()
    if not words:
        return _CJK_GAP.sub("", text)
    parts = text.split(" ")
    out = parts[0]
    for prev, part in itertools.pairwise(parts):
        lone = len(prev.lstrip("#＃")) == 1 or len(part) == 1
        joins = _CJK_GAP.search(f"{prev[-1:]} {part[:1]}") is not None
        out += part if lone and joins else f" {part}"
    return out


class CellParts(NamedTuple):
    """A figure cell in parts: `约5万元` → 约, 5, 万元; `200元/月` → 元 per /月; `350(5-7天)` → 350, aside (5-7天)."""

    qualifier: str
    number: str
    unit: str
    per: str
    high: str = ""  # the upper bound of a range cell (600-1000), else empty
    aside: str = ""  # a bracketed aside after the figure (60天), brackets removed


def cell_parts(text: str) -> CellParts | None:
    """A figure cell split into its parts (see `CellParts`); a range's bounds both read.

    None for text that is not one figure with a known unit (dates, codes with words, notes), and for
    a span of years (2021-2025) or a range whose upper bound is not above its lower one (codes).
    """
    folded = text.translate(_FOLD).replace(" ", "")
    match = _NUMBER_CELL.match(folded)
    if match is None or _DATE_CELL.match(folded):
        return None
    unit, per, high = match["unit"], "", match["high"] or ""
    if match["cn"] and not unit:
        return None
    if high and not _range_bounds(match["num"], high):
        return None
    if "/" in unit:
        unit, per = unit.split("/", 1)
        per = "/" + per
        if not unit or not per[1:]:
            return None
    if unit and not _known_unit(unit):
        return None
    aside = (match["aside"] or "")[1:-1]
    return CellParts(match["pre"] or "", match["num"], unit, per, high, aside)


def _range_bounds(low: str, high: str) -> bool:
    """`600`-`1000` bound a range; `2021`-`2025` (years), `0571`-`8888` (a code) and `5`-`2` do not."""
    if re.match(r"[+-]|0\d", low) or "," in low or (YEAR_CELL.match(low) and YEAR_CELL.match(high)):
        return False
    return float(low) < float(high)


def _known_unit(unit: str) -> bool:
    """A unit the quantities module knows (万元, 万头, 亿立方米) or a bare scale word (万, 亿)."""
    return unit in SCALES or unit_info(unit) is not None


def is_number_cell(text: str) -> bool:
    """True for a cell that is one figure (with an optional unit): `4000.5`, `-1.6`, `200元/月`, `12.5%`."""
    return cell_parts(text) is not None


def row_cells(row: Sequence[str]) -> list[str]:
    """A row's cells as the body writes them: empty cells and a spanned or merged cell's repeats left out."""
    out: list[str] = []
    for cell in row:
        if cell and (not out or out[-1] != cell):
            out.append(cell)
    return out


def looks_unit(text: str) -> bool:
    """A parenthesised header part or 单位 value that is a unit (万元, %, ±%, 万头, 元/人), not a note."""
    text = text.replace("±", "").replace("单位：", "").replace("单位:", "").strip()
    head = text.split("/", 1)[0]
    return 0 < len(text) <= 8 and bool(head) and _known_unit(head)


YEAR_CELL = re.compile(r"^(?:19|20)\d{2}\s?年?$")


# --- the shared grid model --------------------------------------------------------------------


@dataclass
class _Grid:
    """A table under construction: cell texts, which positions a cell really starts at, header hints."""

    rows: list[list[str]]
    origin: list[list[bool]]
    th_rows: int = 0
    caption: str | None = None
    unit: str | None = None
    notes: list[str] = field(default_factory=list)


def _finish(grid: _Grid, source: str, page: int | None = None) -> Table | None:
    """Drop empty and span-only columns, take caption rows off the top, find header rows; None if no data."""
    rows, origin = grid.rows, grid.origin
    if not rows:
        return None
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    origin = [o + [False] * (width - len(o)) for o in origin]
    keep_cols = [c for c in range(width) if any(origin[r][c] and rows[r][c] for r in range(len(rows)))]
    keep_rows = [i for i, r in enumerate(rows) if any(r[c] for c in keep_cols)]
    th_rows = sum(1 for i in keep_rows if i < grid.th_rows)
    rows = [[rows[i][c] for c in keep_cols] for i in keep_rows]
    origin = [[origin[i][c] for c in keep_cols] for i in keep_rows]
    caption, unit = grid.caption, grid.unit
    # full-width rows on top: a title or a 单位 line typed into the table
    while rows and len(rows) > 2 and len(rows[0]) > 1 and _title_row(rows[0]):
        text = " ".join(row_cells(rows[0]))
        found = unit_in(text)
        if found:
            unit = unit or found
            rest = UNIT_LINE.sub("", text).strip(" （()）")
            if rest and not caption:
                caption = rest
        elif len(text) > 6 or not caption:
            caption = text  # a title typed into the table beats a block found before it
        rows.pop(0)
        origin.pop(0)
        th_rows = max(0, th_rows - 1)
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    header_rows = _header_rows(rows, th_rows)
    rows = _merge_twin_columns(rows, origin, header_rows)
    if unit is None and caption:
        unit = unit_in(caption)
    return Table(caption=caption, unit=unit, header_rows=header_rows, rows=rows, source=source, page=page)


def _title_row(row: Sequence[str]) -> bool:
    """A row typed above the header: one text across the table, or a title and a 单位 cell."""
    texts = set(row_cells(row))
    if len(texts) == 1:
        return True
    return len(texts) == 2 and any(unit_in(t) for t in texts) and not any(is_number_cell(t) for t in texts)


def _merge_twin_columns(rows: list[list[str]], origin: list[list[bool]], header_rows: int) -> list[list[str]]:
    """Merge neighbouring columns under one identical header whose cells never disagree.

    Word tables often split a column in a single row (a cell spanning 职工医保 and half of 城乡居民医保);
    each row then keeps the cell that really starts in the merged column.
    """
    if header_rows == 0:
        return rows
    width = len(rows[0])
    groups: list[list[int]] = [[0]]
    for c in range(1, width):
        prev = groups[-1][-1]
        same_head = all(rows[r][c] == rows[r][prev] for r in range(header_rows))
        compatible = all(
            rows[r][c] == rows[r][prev] or not (origin[r][c] and origin[r][prev] and rows[r][c] and rows[r][prev])
            for r in range(header_rows, len(rows))
        )
        if same_head and compatible:
            groups[-1].append(c)
        else:
            groups.append([c])
    if len(groups) == width:
        return rows
    merged: list[list[str]] = []
    for r, row in enumerate(rows):
        out: list[str] = []
        for group in groups:
            own = [row[c] for c in group if origin[r][c] and row[c]]
            out.append(own[-1] if own else next((row[c] for c in group if row[c]), ""))
        merged.append(out)
    return merged


def unit_in(text: str) -> str | None:
    """The unit a `单位：万元` (or `（单位：万元）`) phrase states, when it is a unit."""
    match = UNIT_LINE.search(text)
    if match is None:
        return None
    unit = match["unit"].strip()
    return unit if looks_unit(unit) else None


def _header_rows(rows: Sequence[Sequence[str]], th_rows: int) -> int:
    """Leading rows without figures (beyond the first column) are header rows; at most 4.

    A table without figures keeps one header row when its first row is short labels (CSRC list,
    indicator catalogue) and marked-up `<th>` rows otherwise.
    """
    numeric = [any(is_number_cell(c) and not _YEAR_HEADER.match(c) for c in row[1:]) for row in rows]
    if len(rows) > 2 and all(YEAR_CELL.match(c) or not is_number_cell(c) for c in rows[0][1:]) and any(numeric[1:]):
        numeric[0] = False  # 项目 | 2021 | 2022: years heading the columns, not figures
    if any(numeric[1:]):
        n = 0
        for i, row in enumerate(rows[: min(4, len(rows) - 1)]):
            if numeric[i] or len({c for c in row if c}) < 2:
                break
            n += 1
        return max(n, min(th_rows, len(rows) - 1))
    if th_rows:
        return min(th_rows, len(rows) - 1)
    first = rows[0]
    if len(first) == 2:
        return 0  # a two-column label | value sheet (处罚决定书文号 | 金罚决字〔2024〕36号)
    short = all(c and len(c) <= 16 for c in first)
    return 1 if short and len(rows) >= 3 and len(set(first)) == len(first) else 0


# --- HTML -------------------------------------------------------------------------------------

_MAX_SPAN = 200
_MAX_ROWS = 5000
_MAX_COLS = 200
_MAX_POSITIONS = 400_000


def tables_from_html(root: lxml.html.HtmlElement) -> list[Table]:
    """Every data table under `root` (the article container), in document order.

    Layout tables (tables holding tables, page frames, navigation and header blocks) are skipped
    but the data tables nested inside them are still found.
    """
    out: list[Table] = []
    for element in root.iter("table"):
        if not isinstance(element.tag, str) or element.xpath(".//table|.//form|.//input|.//iframe"):
            continue  # a frame around other tables, or a form: layout
        grid = _html_grid(element)
        if grid is None:
            continue
        figures = sum(1 for row in grid.rows[1:] if any(is_number_cell(c) for c in row[1:]))
        if figures < 2 and _is_furniture(element):
            continue
        grid.caption, grid.unit = _html_caption(element, grid)
        table = _finish(grid, "html")
        if table is not None and _is_data(table):
            out.append(table)
    return out


def _is_furniture(table: lxml.html.HtmlElement) -> bool:
    """A table of the portal's furniture: navigation links, a header block, a footer.

    Only asked of tables with fewer than two rows of figures: a table of figures is data even when
    its labels are links or words such as 发布机构.
    """
    text = clean_cell(table.text_content())
    if not text:
        return True
    furniture = sum(1 for word in LAYOUT_WORDS if word in text)
    if furniture >= 2 or (furniture and len(text) < 400):
        return True
    links = sum(len(clean_cell(a.text_content())) for a in table.iter("a"))
    return links > 0.5 * len(text)


def _rows_of(table: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The table's own rows (not those of nested tables), thead/tbody/tfoot included."""
    return list(table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"))


def _span(cell: lxml.html.HtmlElement, name: str) -> int:
    """A cell's rowspan/colspan as a bounded int (junk such as `2px` or `0` reads as the digits, at least 1)."""
    try:
        return max(1, min(_MAX_SPAN, int(re.sub(r"\D", "", cell.get(name, "1")) or "1")))
    except ValueError:
        return 1


def _html_grid(table: lxml.html.HtmlElement) -> _Grid | None:
    """The cell grid with rowspan and colspan expanded (a spanned cell's text fills each position)."""
    rows: list[list[str]] = []
    origin: list[list[bool]] = []
    pending: dict[tuple[int, int], str] = {}  # (row, col) → text carried down by a rowspan
    th_rows = 0
    header_done = False
    trs = _rows_of(table)[:_MAX_ROWS]
    budget = _MAX_POSITIONS  # grid positions a hostile rowspan/colspan may still create
    for r, tr in enumerate(trs):
        row: list[str] = []
        own: list[bool] = []
        cells = tr.xpath("./td|./th")
        col = 0
        for cell in cells:
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                own.append(False)
                col += 1
            text = clean_cell(cell.text_content())
            rowspan = min(_span(cell, "rowspan"), len(trs) - r)
            colspan = min(_span(cell, "colspan"), max(1, _MAX_COLS - col))
            budget -= rowspan * colspan
            if budget < 0:
                break
            for k in range(colspan):
                row.append(text)
                own.append(k == 0)
                for down in range(1, rowspan):
                    pending[(r + down, col + k)] = text
            col += colspan
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            own.append(False)
            col += 1
        if not header_done and cells and all(c.tag == "th" or c.getparent().getparent().tag == "thead" for c in cells):
            th_rows += 1
        else:
            header_done = True
        rows.append(row)
        origin.append(own)
        if budget < 0:
            break
    if len(rows) < 2:
        return None
    return _Grid(rows, origin, th_rows=th_rows)


def _html_caption(table: lxml.html.HtmlElement, grid: _Grid) -> tuple[str | None, str | None]:
    """Caption and unit: `<caption>`, else the short title-like block(s) just before the table."""
    caption: str | None = None
    unit: str | None = None
    found = table.xpath("./caption")
    if found:
        caption = clean_cell(found[0].text_content()) or None
    node: Any = table
    seen = 0
    while caption is None and node is not None and seen < 4:
        prev = node.getprevious()
        if prev is None:
            node = node.getparent()
            if node is None or node.tag in ("body", "html"):
                break
            continue
        node = prev
        if not isinstance(prev.tag, str) or prev.tag in ("script", "style"):
            continue
        if prev.tag == "table" or prev.xpath(".//table"):
            break
        text = clean_cell(prev.text_content())
        if not text:
            continue
        seen += 1
        if unit_in(text) and len(text) <= 30:
            unit = unit or unit_in(text)
            rest = UNIT_LINE.sub("", text).strip(" （()）")
            if rest and len(rest) > 4:
                caption = rest
            continue
        if len(text) <= 80 and text[-1] not in "。；;，,：:":
            caption = text
        break
    if caption and unit is None:
        unit = unit_in(caption)
        if unit:
            caption = UNIT_LINE.sub("", caption).strip(" （()）") or caption
    # a 单位 line right after the table (Word exports put it under the title or the table)
    nxt = table.getnext()
    if unit is None and nxt is not None and isinstance(nxt.tag, str):
        text = clean_cell(nxt.text_content())
        if len(text) <= 20:
            unit = unit_in(text)
    return caption, unit


def _is_data(table: Table) -> bool:
    """A data table has at least two columns, two body rows, and cells that are not prose paragraphs."""
    body = table.rows[table.header_rows :]
    if len(body) < 1 or len(table.rows[0]) < 2:
        return False
    cells = [c for row in table.rows for c in row if c]
    if not cells:
        return False
    long_cells = sum(1 for c in cells if len(c) > 200)
    total = sum(len(c) for c in cells)
    biggest = max(len(c) for c in cells)
    if biggest > 0.6 * total and len(table.rows) <= 3:
        return False  # a frame around the article text
    return long_cells <= max(1, len(cells) // 3)


# --- flattened text tables --------------------------------------------------------------------

_MAX_CELL = 40
_BARS = frozenset({"|", "｜", "||"})


def tables_from_lines(lines: Sequence[str]) -> list[Table]:
    """Tables a scrape flattened to one cell per line under a `单位：万元` line (budget reports), or with
    a `|` line after every cell under a numbered caption (`表14—16 各类医院基本情况(2020年)`, yearbooks).

    The row width is found from the pattern of label and figure lines (label, n figures, repeated),
    checked against the header cells between the unit line and the first row; the table ends at the
    first line that breaks the pattern.
    """
    out: list[Table] = []
    i = 0
    n = len(lines)
    while i < n:
        if "单" not in lines[i] and not lines[i].lstrip().startswith("表"):  # a 单位 line or a caption opens it
            i += 1
            continue
        line = clean_cell(lines[i])
        unit = unit_in(line) if len(line) <= 60 else None
        if unit is None and not _barred_caption(lines, i):
            i += 1
            continue
        table, end = _flat_table(lines, i, unit)
        if table is not None:
            out.append(table)
            i = max(end, i + 1)
        else:
            i += 1
    return out


_PIPE = re.compile(r"[|｜]")


def tables_from_pipes(lines: Sequence[str]) -> list[Table]:
    """Tables a scrape wrote as rows of cells between pipes (`地区生产总值 | 617.50 | 5.2 |`).

    A run of two or more lines holding two or more pipes each is one table; a shorter first row is
    its header, aligned right (`| 绝对数(亿元) | 比上年增长(%) |` over label, figure, figure); a short
    line just above it is its caption (`表1 2019年玉环市生产总值`). A run without two rows of figures
    (a header block of label | value pairs) is no table.
    """
    out: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        if len(_PIPE.findall(lines[i])) < 2:
            i += 1
            continue
        j = i
        rows: list[list[str]] = []
        while j < n:
            if len(_PIPE.findall(lines[j])) >= 2:
                rows.append([clean_cell(c, words=True) for c in _PIPE.split(lines[j].strip().strip("|｜"))])
                j += 1
                continue
            gap = _group_rows(lines, j)
            if gap is None:
                break
            rows += gap[0]
            j = gap[1]
        width = max(len(r) for r in rows)
        figures = sum(1 for r in rows if any(is_number_cell(c) for c in r[1:]))
        if len(rows) >= 2 and figures >= 2 and width >= 2:
            header_rows = 0 if any(is_number_cell(c) for c in rows[0][1:]) else 1
            grid = [[""] * (width - len(r)) + r if k < header_rows else r + [""] * (width - len(r))
                    for k, r in enumerate(rows)]  # fmt: skip
            grid[header_rows:] = _align_on_figures(grid[header_rows:])
            caption = clean_cell(lines[i - 1]) if i else ""
            if not caption or len(caption) > 60 or _SENTENCE_MARK.search(caption) or _PIPE.search(caption):
                caption = ""
            out.append(Table(caption=caption or None, header_rows=header_rows, rows=grid, source="text"))
        i = j
    return out


_GROUP_GAP = 8  # lines of group rows and empty rows allowed between two rows of one piped table


def _group_rows(lines: Sequence[str], begin: int) -> tuple[list[list[str]], int] | None:
    """The rows of a gap in a piped table that starts at `begin`, and the line of the row after it.

    A scrape writes a group row (`三、民政机构和设施 |`) or an empty row (`|`) with one bar; such lines
    belong to the table only when a row of two or more cells follows within `_GROUP_GAP` lines. A group
    row is its label alone (`[label]`); empty rows are dropped. None when the table ends here.
    """
    rows: list[list[str]] = []
    for k in range(begin, min(len(lines), begin + _GROUP_GAP)):
        line = lines[k].strip()
        if len(_PIPE.findall(line)) >= 2:
            return (rows, k) if k > begin else None
        if not line or line[-1] not in "|｜":
            return None
        label = clean_cell(line[:-1], words=True)
        if len(label) > _MAX_CELL or _SENTENCE_MARK.search(label):
            return None
        if label:
            rows.append([label])
    return None


# A fee table flattened one cell a line: a rate cell (元/具) above its figure (120, 100-500).
_RATE_CELL = re.compile(r"^万?元/[^\s\d/]{1,6}$")
_RATE_HEADER_WORDS = ("序号", "项目", "单位", "标准", "备注", "价格", "名称")
_GROUP_ROW = re.compile(r"^\d{1,2}[.．、]\s?\S")  # 1. 火化费: a numbered group of fees
_RATE_GAP = 6  # cells allowed between one row's figure and the next row's rate cell


def tables_from_rate_lines(lines: Sequence[str]) -> list[Table]:
    """Fee tables a scrape flattened to one cell a line under a header naming a 计费单位 column.

    Each row ends in a rate cell and its figure (`元/具`, `120`); the label cells before them name the
    fee: a fee name (…费) or a numbered group (`1. 火化费`) is the item, another label its sub-item
    (`普通殡仪馆`), and a row without labels continues the row above. With a 备注 column, a cell right
    after a figure is that row's remark when a label still follows before the next rate cell.
    Rows come out as item | sub-item | rate | figure | remark, the item repeated as a rowspan would.
    """
    cells: list[str] = []
    for line in lines:
        text = clean_cell(line)
        if text:
            cells.append(text)
    pairs = [k for k in range(len(cells) - 1) if _RATE_CELL.match(cells[k]) and _bare_figure(cells[k + 1])]
    out: list[Table] = []
    start = 0
    while start < len(pairs):
        end = start + 1
        while end < len(pairs) and pairs[end] - pairs[end - 1] - 2 <= _RATE_GAP:
            end += 1
        table = _rate_table(cells, pairs[start:end])
        if table is not None:
            out.append(table)
        start = end
    return out


def _bare_figure(text: str) -> bool:
    """A figure cell without a unit of its own: 120, 100-500."""
    parts = cell_parts(text)
    return parts is not None and not parts.unit and not parts.qualifier


def _rate_header(cells: Sequence[str], first: int) -> tuple[int, list[str]] | None:
    """Where the header before the first rate cell ends, and its cells (one naming a 单位 column)."""
    for h in range(first - 1, max(-1, first - 10), -1):
        if len(cells[h]) <= 8 and any(word in cells[h] for word in _RATE_HEADER_WORDS):
            begin = h
            while begin > 0 and len(cells[begin - 1]) <= 8 and any(w in cells[begin - 1] for w in _RATE_HEADER_WORDS):
                begin -= 1
            head = list(cells[begin : h + 1])
            return (h + 1, head) if any("单位" in c for c in head) else None
    return None


def _rate_table(cells: Sequence[str], pairs: Sequence[int]) -> Table | None:
    """The fee table whose rate cells are at `pairs` (see `tables_from_rate_lines`); None without a header."""
    if len(pairs) < 3:
        return None
    found = _rate_header(cells, pairs[0])
    if found is None:
        return None
    pos, head = found
    item = next((c for c in head if "项目" in c or "名称" in c), "项目")
    rate = next(c for c in head if "单位" in c)
    after = head[head.index(rate) + 1 :]
    figure = after[0] if after else "标准"
    remark = next((c for c in head if "备注" in c or "说明" in c), "")
    rows: list[list[str]] = [[item, item, rate, figure, remark]]
    fee, sub = "", ""
    for n, k in enumerate(pairs):
        labels = list(cells[pos:k])
        group = next((i for i in range(len(labels) - 1, -1, -1) if _GROUP_ROW.match(labels[i])), None)
        if group is not None:
            fee, sub, labels = labels[group], "", labels[group + 1 :]
        if labels and labels[0].endswith("费"):
            fee, sub, labels = labels[0], "", labels[1:]
        if labels:
            sub = labels[-1]
        pos = k + 2
        note = ""
        nxt = pairs[n + 1] if n + 1 < len(pairs) else len(cells)
        if remark and pos < nxt and (pos + 1 < nxt or n + 1 == len(pairs)) and not _rate_label(cells[pos]):
            note, pos = cells[pos], pos + 1
        rows.append([fee, sub, cells[k], cells[k + 1], note])
    return Table(header_rows=1, rows=rows, source="text")


def _rate_label(text: str) -> bool:
    """A label that opens a row of a fee table: a numbered group (`2. 尸体接运费`) or a fee name (…费)."""
    return bool(_GROUP_ROW.match(text)) or text.endswith("费")


def _first_figure(row: Sequence[str]) -> int | None:
    """Index of the first figure cell after a row's first cell."""
    return next((c for c in range(1, len(row)) if is_number_cell(row[c])), None)


def _align_on_figures(rows: list[list[str]]) -> list[list[str]]:
    """Rows that lost their leading cells (no 序号, the item written once above) moved right so that
    their first figure stands in the figure column of the full rows: `具 | 350(5-7天)` under
    `序号 | 收费项目 | 计价单位 | 收费标准`."""
    width = len(rows[0]) if rows else 0
    used = [len(r) - next((k for k, c in enumerate(reversed(r)) if c), len(r)) for r in rows]
    firsts = [_first_figure(r) for r, n in zip(rows, used, strict=True) if n == width]
    columns = [c for c in firsts if c is not None]
    if not columns:
        return rows
    column = max(set(columns), key=columns.count)
    out: list[list[str]] = []
    for row, n in zip(rows, used, strict=True):
        at = _first_figure(row)
        shift = column - at if at is not None and n < width else 0
        if 0 < shift <= width - n:
            row = ([""] * shift + row[:n] + [""] * width)[:width]
        out.append(row)
    return out


def _barred_caption(lines: Sequence[str], at: int) -> bool:
    """`lines[at]` is a numbered table caption (`TABLE_CAPTION`) with a bare `|` line among the next three."""
    if TABLE_CAPTION.match(clean_cell(lines[at])) is None:
        return False
    return any(line.strip() in _BARS for line in lines[at + 1 : at + 4])


def _flat_table(lines: Sequence[str], at: int, unit: str | None) -> tuple[Table | None, int]:
    """The flattened table whose unit line (or, without `unit`, caption line) is `lines[at]`, and the
    index after its last cell."""
    head = clean_cell(lines[at])
    caption: str | None = head
    if unit is not None:
        caption = UNIT_LINE.sub("", head).strip(" （()）") or None
    if caption is None or len(caption) < 4:
        caption = None
        for k in range(at - 1, max(-1, at - 3), -1):
            prev = clean_cell(lines[k])
            if prev and prev not in _BARS:
                if len(prev) <= 60 and not _SENTENCE_MARK.search(prev) and not _OUTLINE.match(prev):
                    caption = prev
                break
    cells, index = _flat_cells(lines, at + 1)
    cells, index = _drop_empty_heads(cells, index)
    kinds = ["n" if is_number_cell(c) or c in _PLACEHOLDER else "l" for c in cells]
    first = next((k for k, kind in enumerate(kinds) if kind == "n"), None)
    if first is None or first == 0:
        return None, at + 1
    start = first - 1  # the first row's label
    header = cells[:start]
    width = _row_width(kinds, start, len(header))
    spans = _take_rows(kinds, start, width) if width else []
    if width < 2 or sum(1 for _, size in spans if size == width) < 2:
        return None, at + 1
    rows = [cells[b : b + size] + [""] * (width - size) for b, size in spans]
    while len(header) > width and (_OUTLINE.match(header[-1]) or header[-1].endswith(("：", ":"))):
        rows.insert(0, [header.pop()] + [""] * (width - 1))  # a section row before the first figures
    if len(header) >= width:
        head_row = header[-width:]
        if caption is None and len(header) > width:
            caption = " ".join(header[: len(header) - width])
    else:
        head_row = [""] * (width - len(header)) + header
    grid = [head_row, *rows] if any(head_row) else rows
    end = index[spans[-1][0] + spans[-1][1] - 1] + 1
    return Table(caption=caption, unit=unit, header_rows=1 if any(head_row) else 0, rows=grid, source="text"), end


def _drop_empty_heads(cells: list[str], index: list[int]) -> tuple[list[str], list[int]]:
    """The cells without the empty ones among the header cells (two bars in a row above a sub-column:
    `卫生人员数(人) | | | #卫生技术人员`), kept when the first figure's row label is itself empty."""
    first = next((k for k, c in enumerate(cells) if is_number_cell(c)), None)
    if first is None or first == 0 or not cells[first - 1] or all(cells[:first]):
        return cells, index
    keep = [k for k in range(len(cells)) if k >= first - 1 or cells[k]]
    return [cells[k] for k in keep], [index[k] for k in keep]


def _flat_cells(lines: Sequence[str], begin: int) -> tuple[list[str], list[int]]:
    """The cells after a unit line and the line each came from, up to the first line of prose.

    One cell a line; or, when the scrape wrote a `|` line after every cell, the text between bars
    (two bars in a row are an empty cell).
    """
    ahead = [clean_cell(line) for line in lines[begin : begin + 40]]
    bars = sum(1 for text in ahead if text in _BARS)
    barred = bars >= 0.3 * max(1, sum(1 for text in ahead if text))
    cells: list[str] = []
    index: list[int] = []
    pending: str | None = None
    last = begin  # the line of the pending cell's last text
    for j in range(begin, min(len(lines), begin + 40000)):
        text = clean_cell(lines[j])
        if barred and text in _BARS:
            cells.append(pending or "")
            index.append(j)
            pending = None
            continue
        if not text:
            continue
        if len(text) > _MAX_CELL or text[-1] in "。；;" or unit_in(text):
            break
        if barred:  # a cell written over lines: 机构数 / (个), #执业(助理) / 医师
            pending, last = (_join_lines(pending, text) if pending else text), j
        else:
            cells.append(text)
            index.append(j)
    if pending:  # the last cell, without a bar after it
        cells.append(pending)
        index.append(last)
    return cells, index


def _join_lines(head: str, tail: str) -> str:
    """Two lines of one cell joined: with a space only between two ASCII letters or digits."""
    words = head[-1:].isascii() and head[-1:].isalnum() and tail[:1].isascii() and tail[:1].isalnum()
    return f"{head} {tail}" if words else head + tail


def _row_width(kinds: Sequence[str], start: int, header: int) -> int:
    """The row width whose label/figure pattern, repeated from `start`, covers the most cells (0: none).

    A width equal to the number of header cells wins ties (a two-sided 收入|金额|支出|金额 table
    repeats its pattern at half its width too).
    """
    best = (0, 0, 0)  # (covered cells, preference, width)
    for width in range(2, 9):
        spans = _take_rows(kinds, start, width)
        full = sum(1 for _, size in spans if size == width)
        covered = sum(size for _, size in spans)
        prefer = 2 if width == header else 1 if width == header + 1 else 0
        if full >= 2 and (covered, prefer) > (best[0], best[1]):
            best = (covered, prefer, width)
    return best[2]


def _take_rows(kinds: Sequence[str], start: int, width: int) -> list[tuple[int, int]]:
    """Rows as (first cell, cell count): the first row's pattern repeated, with label-only section
    rows (`其中：`, `一、税收收入`) allowed between them; stops at the first cell that fits neither."""
    pattern = list(kinds[start : start + width])
    if len(pattern) < width or pattern[0] != "l" or "n" not in pattern:
        return []
    rows: list[tuple[int, int]] = []
    i = start
    while i < len(kinds):
        if list(kinds[i : i + width]) == pattern:
            rows.append((i, width))
            i += width
        elif kinds[i] == "l" and list(kinds[i + 1 : i + 1 + width]) == pattern:
            rows.append((i, 1))
            i += 1
        else:
            break
    while rows and rows[-1][1] == 1:
        rows.pop()
    return rows


# --- PDF --------------------------------------------------------------------------------------

# Ruled tables: pdfplumber's defaults with a little snapping for Excel/Word exports.
RULED_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
# Unruled tables: columns from text alignment; only kept when the result is a table of figures.
UNRULED_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "text",
    "horizontal_strategy": "text",
    "min_words_vertical": 3,
    "min_words_horizontal": 2,
    "text_x_tolerance": 2,
    "snap_tolerance": 3,
}


@dataclass
class PdfTable:
    """A table found on one PDF page, before tables continued across pages are joined.

    `own_rows` are the rows as printed (a merged cell's text only where it is written), for the body.
    """

    page: int
    bbox: tuple[float, float, float, float]
    page_height: float
    table: Table
    own_rows: list[list[str]] = field(default_factory=list)


def pdf_page_tables(page: Any, number: int) -> list[PdfTable]:
    """The data tables of one pdfplumber page: ruled ones first, else an unruled table of figures."""
    found: list[PdfTable] = []
    for settings, ruled in ((RULED_SETTINGS, True), (UNRULED_SETTINGS, False)):
        if found:
            break
        try:
            candidates = page.find_tables(settings)
        except ExtractError:
            raise  # the time limit
        except Exception:  # pdfplumber fails on some odd geometry: the page keeps its text
            continue
        for candidate in candidates:
            rows = candidate.extract()
            table = _pdf_table(rows, ruled)
            if table is None:
                continue
            own = [[clean_cell((cell or "").replace("\n", "")) for cell in row] for row in rows]
            bbox = tuple(float(v) for v in candidate.bbox)
            caption, unit = _pdf_caption(page, bbox)
            table = table.model_copy(
                update={"caption": table.caption or caption, "unit": table.unit or unit, "page": number}
            )
            box = (bbox[0], bbox[1], bbox[2], bbox[3])
            found.append(PdfTable(number, box, float(page.height), table, own))
    return found


def _pdf_table(rows: Sequence[Sequence[str | None]], ruled: bool) -> Table | None:
    """A Table from pdfplumber's extracted rows; None cells (merged) take the text above (or left in headers)."""
    if not rows:
        return None
    width = max(len(r) for r in rows)
    grid: list[list[str]] = []
    origin: list[list[bool]] = []
    for r, raw in enumerate(rows):
        row: list[str] = []
        own: list[bool] = []
        for c in range(width):
            value = raw[c] if c < len(raw) else None
            if value is None:
                above = grid[r - 1][c] if r > 0 else ""
                left = row[c - 1] if c > 0 else ""
                row.append(above if (r > 0 and above and r > 1) else left)
                own.append(False)
            else:
                row.append(clean_cell(value.replace("\n", "")))
                own.append(True)
        grid.append(row)
        origin.append(own)
    table = _finish(_Grid(grid, origin), "pdf")
    if table is None:
        return None
    if not ruled and not _figures_table(table):
        return None
    if ruled and not _is_data(table):
        return None  # a frame drawn around paragraphs, not a table
    return table


def _figures_table(table: Table) -> bool:
    """An unruled candidate is kept only when it is short cells with many figures (not a paragraph)."""
    body = table.rows[table.header_rows :]
    cells = [c for row in body for c in row[1:] if c]
    if len(body) < 3 or len(table.rows[0]) < 3 or not cells:
        return False
    if any(len(c) > 30 for row in table.rows for c in row):
        return False
    return sum(1 for c in cells if is_number_cell(c)) >= 0.6 * len(cells)


def _pdf_caption(page: Any, bbox: tuple[float, ...]) -> tuple[str | None, str | None]:
    """The title line and 单位 line just above a table on its page."""
    top = bbox[1]
    if top < 5:
        return None, None
    try:
        x0, y0, x1, _ = (float(v) for v in page.bbox)
        above = page.crop((x0, max(y0, top - 60), x1, top)).extract_text_lines(strip=True)
    except ExtractError:
        raise
    except Exception:
        return None, None
    caption: str | None = None
    unit: str | None = None
    for line in reversed(above[-3:]):
        text = clean_cell(line["text"])
        if not text:
            continue
        found = unit_in(text)
        if found and unit is None:
            unit = found
            rest = UNIT_LINE.sub("", text).strip(" （()）")
            if len(rest) > 4 and caption is None:
                caption = rest
            continue
        if caption is None and len(text) <= 80 and text[-1] not in "。；;，,":
            caption = text
        break
    return caption, unit


def join_pdf_tables(found: Sequence[PdfTable]) -> tuple[list[Table], set[tuple[int, int]]]:
    """Join tables continued on the next page; returns the tables and the (page, row) repeats dropped.

    A table continues when it ends low on its page, the next page's first table starts high, both
    have the same number of columns, and the continuation's header rows (if any) repeat the first's.
    Dropped repeats are given as (index in `found`, row index) so the body can skip them too.
    """
    out: list[Table] = []
    dropped: set[tuple[int, int]] = set()
    last: PdfTable | None = None
    last_rows: list[list[str]] = []
    for k, item in enumerate(found):
        rows = [list(r) for r in item.table.rows]
        if last is not None and _continues(last, item):
            head = out[-1].rows[: out[-1].header_rows]
            skip = 0
            while skip < len(head) and skip < len(rows) and rows[skip] == head[skip]:
                dropped.add((k, skip))
                skip += 1
            last_rows.extend(rows[skip:])
            out[-1] = out[-1].model_copy(update={"rows": [list(r) for r in last_rows]})
        else:
            out.append(item.table)
            last_rows = rows
        last = item
    return out, dropped


def _continues(prev: PdfTable, item: PdfTable) -> bool:
    """`item` carries `prev` on: the next page, same columns, `prev` low on its page and `item` high on its."""
    if item.page != prev.page + 1:
        return False
    if len(item.table.rows[0]) != len(prev.table.rows[0]):
        return False
    return prev.bbox[3] > 0.7 * prev.page_height and item.bbox[1] < 0.3 * item.page_height


def tables_from_pdf(pdf: Any) -> list[Table]:
    """Every data table of an open pdfplumber PDF, tables continued across pages joined."""
    found: list[PdfTable] = []
    for number, page in enumerate(pdf.pages, start=1):
        try:
            found.extend(pdf_page_tables(page, number))
        finally:
            page.close()
    tables, _ = join_pdf_tables(found)
    return tables
