"""Data tables of the body (HTML, PDF, flattened text) and the quantity records their numeric cells give.

Three readers build the same `Table` (caption, unit, header rows, a grid of cell texts):
`tables_from_html` expands rowspan/colspan and skips layout tables (navigation, header blocks,
whole-page frames); `tables_from_pdf` uses pdfplumber's ruled-table finder, falls back to its text
alignment finder for unruled numeric tables, and joins tables continued on the next page;
`tables_from_lines` rebuilds budget tables that a scrape flattened to one cell per line under a
`单位：万元` line. `table_quantities` turns numeric cells into ordinary Quantity records with
`origin="table"`, the indicator from the row header, year and unit from headers or caption.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import _lexicon as lex
from .errors import ExtractError
from .models import Metadata, Quantity, Section, Table
from .numbers import SCALES
from .quantities import extract_quantities, quantity_from_cell, unit_info

if TYPE_CHECKING:
    import lxml.html

# --- data: words that give cells their meaning ------------------------------------------------

# Column headers that name an identifier, not a measure: their digits are never quantities.
ID_HEADER_WORDS: tuple[str, ...] = (
    "代码", "编号", "序号", "编码", "电话", "邮编", "坐标", "文号", "日期", "时间", "年份", "号码",
    "证号", "账号", "批次", "门牌", "顺序", "排名", "名次", "排序", "邮政", "传真",
)  # fmt: skip
# Column headers that only say "the value" (指标值, 金额, 本年 …): the row header alone is the indicator.
GENERIC_MEASURES: frozenset[str] = frozenset(
    {
        "指标值", "数值", "数量", "数额", "金额", "合计金额", "总额", "绝对值", "绝对数", "数据", "值",
        "年末数", "年初数", "期末数", "期初数", "本期数", "本年数", "上年数", "全年", "累计", "总量",
        "预算数", "执行数", "决算数", "预计执行数", "完成数", "调整预算数", "预算", "决算", "执行",
        "实际", "实际数", "计划", "计划数", "标准", "补助标准", "支付标准", "收费标准", "额度", "限额",
        "本年", "上年", "去年", "今年", "当年", "本期", "上期", "同期", "月末", "年末", "年初",
        "本月", "人数", "户数", "规模", "指标", "项目", "内容",
    }
)  # fmt: skip
# Labels of total rows, kept and marked `total=True`.
TOTAL_WORDS: tuple[str, ...] = ("合计", "总计", "共计", "小计", "总 计", "合 计", "收入总计", "支出总计")
# Column headers that hold a unit per row (产品名称 | 单位 | 产量).
UNIT_HEADERS: frozenset[str] = frozenset({"单位", "计量单位", "单位名称"})
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
    r"""^(?P<pre>约|近|超过|不超过|不低于|最高|最低|每人每月|每月|每年|每人)?
        (?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?   # 4000.5, -1.6, 3,219
          |(?P<cn>[零〇一二两三四五六七八九十百千]{1,6}))        # 两 (年): a Chinese numeral needs a unit
        (?P<unit>[^\d\s.,;；。，、]{0,12})$""",
    re.VERBOSE,
)
_CODE = re.compile(r"^0\d+$")
_YEAR_HEADER = re.compile(r"^(?:19|20)\d{2}\s?年")
_DATE_CELL = re.compile(r"^(?:19|20)\d{2}(?:[-/]\d{1,2}[-/]\d{1,2}|年\d{1,2}月|\.\d{1,2}\.\d{1,2})")
# Column headers that name a time, not a measure: 12月末, 1-9月, 3季度.
_TIME_HEADER = re.compile(r"^(?:\d{1,2}月(?:末|份|底)?|\d{1,2}[-—~]\d{1,2}月|[1-4一二三四]季度|上半年|下半年|全年)$")
_DIGIT = re.compile(r"[0-9０-９]")
_FORMULA_MARKS = frozenset("×*/=÷xX")
_AXES = frozenset({"X", "Y", "Z", "x", "y", "z", "经度", "纬度"})
_UNIT_LINE = re.compile(r"(?:计量)?单\s?位\s{0,2}[:：]\s{0,2}(?P<unit>[^\s,，;；、)）]{1,12})")
_PAREN_UNIT = re.compile(r"[（(](?:单位[:：]\s{0,2})?(?P<unit>[^()（）]{1,10})[)）]\s{0,2}$")
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s{0,2}年?(?!\d)")
_COMPARED = re.compile(r"(?:比|较|同比|高于|低于|与|为|相当于)上年(?:同期)?")
_RELATIVE_YEAR = {"上年": -1, "去年": -1, "上年同期": -1, "前年": -2, "本年": 0, "今年": 0, "当年": 0, "本期": 0}
_SENTENCE_MARK = re.compile(r"[。；;，,！？!?]")
_OUTLINE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节部分])"
)
_CHANGE_WORDS = ("增长", "增速", "增幅", "下降", "增减", "比上年", "同比", "比重", "占比", "比例", "增加")
_PLACEHOLDER = frozenset({"", "-", "—", "--", "——", "/", "…", "－", "无", "空"})


def clean_cell(text: str) -> str:
    """A cell's text with white space folded and spaced labels joined: `粮 食` → `粮食`, `#水 稻` → `#水稻`."""
    text = _WS.sub(" ", text).strip()
    return _CJK_GAP.sub("", text)


def _cell_parts(text: str) -> tuple[str, str, str, str] | None:
    """A figure cell split into (qualifier, number, unit, per-part): `约5万元` → 约, 5, 万元, ``; `200元/月` → 元, /月.

    None for text that is not one figure with a known unit (dates, codes with words, notes).
    """
    folded = text.translate(_FOLD).replace(" ", "")
    match = _NUMBER_CELL.match(folded)
    if match is None or _DATE_CELL.match(folded):
        return None
    unit, per = match["unit"], ""
    if match["cn"] and not unit:
        return None
    if "/" in unit:
        unit, per = unit.split("/", 1)
        per = "/" + per
        if not unit or not per[1:]:
            return None
    if unit and not _known_unit(unit):
        return None
    return match["pre"] or "", match["num"], unit, per


def _known_unit(unit: str) -> bool:
    """A unit the quantities module knows (万元, 万头, 亿立方米) or a bare scale word (万, 亿)."""
    return unit in SCALES or unit_info(unit) is not None


def is_number_cell(text: str) -> bool:
    """True for a cell that is one figure (with an optional unit): `4000.5`, `-1.6`, `200元/月`, `12.5%`."""
    return _cell_parts(text) is not None


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
        text = " ".join(_distinct(rows[0]))
        found = _unit_in(text)
        if found:
            unit = unit or found
            rest = _UNIT_LINE.sub("", text).strip(" （()）")
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
        unit = _unit_in(caption)
    return Table(caption=caption, unit=unit, header_rows=header_rows, rows=rows, source=source, page=page)


def _title_row(row: Sequence[str]) -> bool:
    """A row typed above the header: one text across the table, or a title and a 单位 cell."""
    texts = set(_distinct(row))
    if len(texts) == 1:
        return True
    return len(texts) == 2 and any(_unit_in(t) for t in texts) and not any(is_number_cell(t) for t in texts)


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


def _unit_in(text: str) -> str | None:
    """The unit a `单位：万元` (or `（单位：万元）`) phrase states, when it is a unit."""
    match = _UNIT_LINE.search(text)
    if match is None:
        return None
    unit = match["unit"].strip()
    return unit if _looks_unit(unit) else None


def _header_rows(rows: Sequence[Sequence[str]], th_rows: int) -> int:
    """Leading rows without figures (beyond the first column) are header rows; at most 4.

    A table without figures keeps one header row when its first row is short labels (CSRC list,
    indicator catalogue) and marked-up `<th>` rows otherwise.
    """
    numeric = [any(is_number_cell(c) and not _YEAR_HEADER.match(c) for c in row[1:]) for row in rows]
    if len(rows) > 2 and all(_YEAR_CELL.match(c) or not is_number_cell(c) for c in rows[0][1:]) and any(numeric[1:]):
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
        if _unit_in(text) and len(text) <= 30:
            unit = unit or _unit_in(text)
            rest = _UNIT_LINE.sub("", text).strip(" （()）")
            if rest and len(rest) > 4:
                caption = rest
            continue
        if len(text) <= 80 and text[-1] not in "。；;，,：:":
            caption = text
        break
    if caption and unit is None:
        unit = _unit_in(caption)
        if unit:
            caption = _UNIT_LINE.sub("", caption).strip(" （()）") or caption
    # a 单位 line right after the table (Word exports put it under the title or the table)
    nxt = table.getnext()
    if unit is None and nxt is not None and isinstance(nxt.tag, str):
        text = clean_cell(nxt.text_content())
        if len(text) <= 20:
            unit = _unit_in(text)
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
    """Tables a scrape flattened to one cell per line under a `单位：万元` line (budget reports).

    The row width is found from the pattern of label and figure lines (label, n figures, repeated),
    checked against the header cells between the unit line and the first row; the table ends at the
    first line that breaks the pattern.
    """
    out: list[Table] = []
    i = 0
    n = len(lines)
    while i < n:
        if "单" not in lines[i]:  # every table here opens with a 单位 line: most lines are passed over unread
            i += 1
            continue
        line = clean_cell(lines[i])
        unit = _unit_in(line) if len(line) <= 60 else None
        if unit is None:
            i += 1
            continue
        table, end = _flat_table(lines, i, unit)
        if table is not None:
            out.append(table)
            i = max(end, i + 1)
        else:
            i += 1
    return out


def _flat_table(lines: Sequence[str], at: int, unit: str) -> tuple[Table | None, int]:
    """The flattened table whose unit line is `lines[at]`, and the index after its last cell."""
    head = clean_cell(lines[at])
    caption = _UNIT_LINE.sub("", head).strip(" （()）") or None
    if caption is None or len(caption) < 4:
        caption = None
        for k in range(at - 1, max(-1, at - 3), -1):
            prev = clean_cell(lines[k])
            if prev:
                if len(prev) <= 60 and not _SENTENCE_MARK.search(prev) and not _OUTLINE.match(prev):
                    caption = prev
                break
    cells, index = _flat_cells(lines, at + 1)
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
    for j in range(begin, min(len(lines), begin + 40000)):
        text = clean_cell(lines[j])
        if barred and text in _BARS:
            cells.append(pending or "")
            index.append(j)
            pending = None
            continue
        if not text:
            continue
        if len(text) > _MAX_CELL or text[-1] in "。；;" or _unit_in(text):
            break
        if barred:
            pending = f"{pending} {text}" if pending else text
        else:
            cells.append(text)
            index.append(j)
    return cells, index


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
        found = _unit_in(text)
        if found and unit is None:
            unit = found
            rest = _UNIT_LINE.sub("", text).strip(" （()）")
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


# --- cells → quantities -----------------------------------------------------------------------


@dataclass
class _Column:
    """What a column's header says: measure words, sub-group, year, unit, whether to skip it."""

    measure: str | None = None
    category: str | None = None
    year: int | None = None
    unit: str | None = None
    skip: bool = False
    units_per_row: bool = False
    of: str | None = None  # for a change column (比上年增长), the measure of the figure column on its left


def table_quantities(
    table: Table, index: int, *, doc_year: int | None, body: str = "", offset: int = 0
) -> list[Quantity]:
    """One Quantity (origin "table") per numeric cell, with row, column and table index filled.

    The indicator is the row header (joined with the column header when that names a measure such
    as 比重 or 同比增长); the year comes from the column header (2022年, 上年, 本年) or the caption;
    the unit from the cell, the row header (`大牲畜（万头）`), a 单位 column, the column header
    (`金额（万元）`) or the table's unit. Given the document `body`, each record's `text` is its row as
    written there and `start`/`end` locate the cell value (searching from `offset`).
    """
    return _table_records(table, index, doc_year, _Locator(body, offset))


def _table_records(table: Table, index: int, doc_year: int | None, locate: _Locator) -> list[Quantity]:
    """The records of one table; `locate` finds rows in the body and moves on past them."""
    rows = table.rows
    if len(rows) <= table.header_rows or not rows[0]:
        return []
    width = len(rows[0])
    columns = _link_changes([_column(table, c, doc_year) for c in range(width)])
    if "坐标" in (table.caption or ""):
        for col in columns:
            col.skip = True  # a table of survey coordinates: its numbers are positions, not amounts
    data = rows[table.header_rows :]
    columns = _skip_row_numbers(data, columns)
    year_col = _year_column(table, data)
    if year_col is not None:
        columns[year_col].skip = True
    label_cols = _label_columns(data, columns)
    owner = _label_owners(label_cols, width)
    first_block = set(owner[min(label_cols)]) if label_cols else set[int]()
    caption_year = _year_of(table.caption or "", doc_year)
    for head in rows[: table.header_rows]:
        locate.row(head, lenient=False)  # anchors the search after the header, when written so
    out: list[Quantity] = []
    # a unit in a row header holds for the rows below it (大牲畜（万头）, #黄牛及肉牛 …), per label block
    carried: dict[tuple[int, ...], str] = {}
    for r, row in enumerate(data, start=table.header_rows):
        if not any(is_number_cell(cell) for c, cell in enumerate(row) if c not in label_cols):
            carried.clear()  # a section row (期末畜禽存栏) starts a new group
        heads = {block: _head(row, block, columns, carried) for block in set(owner.values())}
        per_row_unit = next((row[c] for c, col in enumerate(columns) if col.units_per_row and row[c]), None)
        row_span = locate.row(row, previous=data[r - table.header_rows - 1] if r > table.header_rows else None)
        for c, cell in enumerate(row):
            col = columns[c]
            if col.skip or col.units_per_row or not cell or _CODE.match(cell):
                continue
            if c in label_cols and (c in first_block or not is_number_cell(cell)):
                continue  # a row header; figures in a later text column (有效期: 长期, 两年) still count
            indicator, row_unit, total = heads[owner[c]]
            row_unit = per_row_unit or row_unit
            if not is_number_cell(cell):
                if len(cell) >= 6 and _DIGIT.search(cell):
                    place = {"table": index, "row": r, "column": c, "total": total}
                    out += _prose_records(cell, indicator, caption_year, doc_year, locate, row_span, place)
                continue
            unit_hint = col.unit or row_unit or table.unit
            record = _cell_quantity(cell, unit_hint)
            if record is None:
                continue
            name = indicator
            if col.measure and not _generic(col.measure) and not _names_measure(indicator, col.measure):
                of = col.of if col.of and not _names_measure(indicator, col.of) else ""
                name = f"{indicator or ''}{of}{col.measure}"
            year = col.year if col.year is not None else _row_year(row, year_col) or caption_year
            text, start, end = locate.cell(cell, row_span, " ".join(x for x in row if x))
            out.append(
                record.model_copy(
                    update={
                        "indicator": name or None,
                        "year": year,
                        "category": col.category,
                        "origin": "table",
                        "raw": cell,
                        "text": text,
                        "start": start,
                        "end": end,
                        "table": index,
                        "row": r,
                        "column": c,
                        "total": total,
                    }
                )
            )
    return out


def _prose_records(
    cell: str,
    label: str | None,
    year: int | None,
    doc_year: int | None,
    locate: _Locator,
    span: tuple[int, int] | None,
    place: dict[str, Any],
) -> list[Quantity]:
    """Figures stated in a sentence inside a cell (处罚决定: 罚款158万元): read as text, kept as table records."""
    records = extract_quantities(cell, year=year, doc_year=doc_year)
    at = locate.inside(cell, span)
    out: list[Quantity] = []
    for q in records:
        if cell[max(0, q.start - 1) : q.start] in _FORMULA_MARKS:
            continue  # ×100% in a formula (计算方法：a/b×100%) is not a stated amount
        start, end = locate.offsets(cell, at, q.start, q.end) if at is not None else (0, 0)
        update = {"origin": "table", "indicator": q.indicator or label, "start": start, "end": end, **place}
        out.append(q.model_copy(update=update))
    return out


def _distinct(row: Sequence[str]) -> list[str]:
    """A row's cells as the body writes them: empty cells and a spanned cell's repeats left out."""
    out: list[str] = []
    for cell in row:
        if cell and (not out or out[-1] != cell):
            out.append(cell)
    return out


def _column(table: Table, c: int, doc_year: int | None) -> _Column:
    """Read the header cells above column `c`, top to bottom."""
    path: list[str] = []
    for row in table.rows[: table.header_rows]:
        text = row[c] if c < len(row) else ""
        if text and (not path or path[-1] != text):
            path.append(text)
    col = _Column()
    words: list[str] = []
    for text in path:
        if any(word in text for word in ID_HEADER_WORDS) or text in _AXES:
            col.skip = True
        if re.sub(r"\s", "", text) in UNIT_HEADERS:
            col.units_per_row = True
            continue
        paren = _PAREN_UNIT.search(text)
        if paren and _looks_unit(paren["unit"]):
            col.unit = paren["unit"].replace("±", "").strip()
            text = text[: paren.start()].strip()
        elif _unit_in(text):
            col.unit = _unit_in(text)
            text = _UNIT_LINE.sub("", text).strip()
        elif text.endswith(("%", "％", "‰")):
            col.unit, text = text[-1], text[:-1].strip()  # 增长% without brackets
        year = _year_of(text, doc_year)
        if year is not None:
            col.year = year
            text = _YEAR.sub("", text)
            if _COMPARED.search(text) is None:
                for word in sorted(_RELATIVE_YEAR, key=len, reverse=True):
                    text = text.replace(word, "")
            text = text.strip()
        if text:
            words.append(text)
    if len(words) >= 2:
        col.measure, col.category = words[0], words[-1]
        if _generic(col.category) or any(w in col.category for w in _CHANGE_WORDS):
            col.measure, col.category = col.category, None
    elif words:
        col.measure = words[0]
    return col


def _is_change(measure: str | None) -> bool:
    """A measure of change (增长, 比上年, 比重 …) rather than an amount."""
    return bool(measure) and any(word in (measure or "") for word in _CHANGE_WORDS)


def _link_changes(columns: list[_Column]) -> list[_Column]:
    """A change column (比上年增长) is about the figure column on its left: same year, its measure."""
    for c, col in enumerate(columns):
        if not _is_change(col.measure):
            continue
        for left in reversed(columns[:c]):
            if left.skip or left.units_per_row or _is_change(left.measure):
                continue
            if col.year is None:
                col.year = left.year
            if left.measure and not _generic(left.measure):
                col.of = left.measure
            break
    return columns


def _names_measure(indicator: str | None, measure: str) -> bool:
    """The row header already says what the column measures: 原油加工量 under 产量, 税收收入 under 收入."""
    if not indicator:
        return False
    if measure in indicator:
        return True
    change = any(word in measure for word in _CHANGE_WORDS)
    return not change and indicator[-1] in "量额数率值费"


def _generic(measure: str) -> bool:
    """A column header that only says "the value" or names a time (12月末, 1-9月), not a measure."""
    return measure in GENERIC_MEASURES or _TIME_HEADER.match(measure) is not None


def _year_of(text: str, doc_year: int | None) -> int | None:
    """The year a header or caption names: 2022年 → 2022; 上年/本年 against the document's year."""
    match = _YEAR.search(text)
    if match:
        return int(match["y"])
    text = _COMPARED.sub("", text)  # 比上年增长 is this year's growth, not last year's figure
    if doc_year is not None:
        for word in sorted(_RELATIVE_YEAR, key=len, reverse=True):
            if word in text:
                return doc_year + _RELATIVE_YEAR[word]
    return None


def _looks_unit(text: str) -> bool:
    """A parenthesised header part or 单位 value that is a unit (万元, %, ±%, 万头, 元/人), not a note."""
    text = text.replace("±", "").replace("单位：", "").replace("单位:", "").strip()
    head = text.split("/", 1)[0]
    return 0 < len(text) <= 8 and bool(head) and _known_unit(head)


def _label_columns(data: Sequence[Sequence[str]], columns: Sequence[_Column]) -> set[int]:
    """Columns that mostly hold text: the row headers (a two-sided 收入|金额|支出|金额 table has two).

    A table of text only keeps its first column as the row header, so the sentences in its other
    cells (处罚决定: 罚款158万元) are read for figures.
    """
    width = len(columns)
    labels: set[int] = set()
    for c in range(width):
        if columns[c].skip or columns[c].units_per_row:
            continue
        values = [row[c] for row in data if c < len(row) and row[c]]
        numeric = sum(1 for v in values if is_number_cell(v))
        if not values or numeric <= 0.5 * len(values):
            labels.add(c)
    usable = [c for c in range(width) if not columns[c].skip and not columns[c].units_per_row]
    if labels and all(c in labels for c in usable):
        return {usable[0]}
    return labels


def _label_owners(label_cols: set[int], width: int) -> dict[int, tuple[int, ...]]:
    """For every column, the block of adjacent label columns nearest on its left (else the first block)."""
    blocks: list[tuple[int, ...]] = []
    run: list[int] = []
    for c in range(width + 1):
        if c < width and c in label_cols:
            run.append(c)
        elif run:
            blocks.append(tuple(run))
            run = []
    owner: dict[int, tuple[int, ...]] = {}
    current = blocks[0] if blocks else ()
    for c in range(width):
        for block in blocks:
            if block[-1] < c:
                current = block
        owner[c] = current
    return owner


def _head(
    row: Sequence[str], block: tuple[int, ...], columns: Sequence[_Column], carried: dict[tuple[int, ...], str]
) -> tuple[str | None, str | None, bool]:
    """Indicator, unit and total flag a row header gives: `大牲畜（万头）` → 大牲畜, 万头; `合计` → total."""
    label: str | None = None
    for c in block:
        usable = not columns[c].skip and not columns[c].units_per_row
        if c < len(row) and row[c] and usable and not is_number_cell(row[c]):
            label = row[c]
    indicator = label
    if label:
        paren = _PAREN_UNIT.search(label)
        if paren and _looks_unit(paren["unit"]):
            carried[block] = paren["unit"].replace("单位：", "").replace("单位:", "").strip()
            indicator = label[: paren.start()].strip()
    total = bool(label) and any(word in (label or "") for word in TOTAL_WORDS)
    return _strip_marks(indicator), carried.get(block), total


_YEAR_CELL = re.compile(r"^(?:19|20)\d{2}\s?年?$")


def _year_column(table: Table, data: Sequence[Sequence[str]]) -> int | None:
    """A column whose cells are years (年份 | 地区生产总值 | 增长): each row's figures are for that year."""
    for c in range(len(table.rows[0])):
        head = "".join(row[c] for row in table.rows[: table.header_rows])
        values = [row[c] for row in data if c < len(row) and row[c]]
        if len(values) >= 2 and all(_YEAR_CELL.match(v) for v in values) and (not head or "年" in head):
            return c
    return None


def _row_year(row: Sequence[str], year_col: int | None) -> int | None:
    """The year a row's year cell names (2021 / 2021年), if the table has a year column."""
    if year_col is None or year_col >= len(row) or not _YEAR_CELL.match(row[year_col]):
        return None
    return int(row[year_col][:4])


def _skip_row_numbers(data: Sequence[Sequence[str]], columns: list[_Column]) -> list[_Column]:
    """A first column counting 1, 2, 3 … is a row number, never a figure."""
    values = [row[0] for row in data if row and row[0]]
    if len(values) >= 2 and all(v.isascii() and v.isdigit() for v in values):  # not ⑴ or ¹: int() refuses them
        numbers = [int(v) for v in values]
        if numbers == sorted(numbers) and numbers[0] <= 1 + len(numbers) // 10:
            columns[0].skip = True
    return columns


def _strip_marks(label: str | None) -> str | None:
    """`#水稻` → `水稻`, `其中：非农业` → `非农业`, `1.门诊人次数` → `门诊人次数`."""
    if not label:
        return label
    return _LABEL_MARK.sub("", label).strip() or None


# Marks in front of a row header: #, 其中：, 1., （一）.
_LABEL_MARK = re.compile(
    r"^(?:[#＃*]+|其中[:：]?|内[:：]|包括[:：]?|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])"
)


# --- one cell → one record --------------------------------------------------------------------


def _cell_quantity(text: str, unit_hint: str | None) -> Quantity | None:
    """A figure cell as a record through quantities.quantity_from_cell; rates (元/月) and 约 handled here."""
    parts = _cell_parts(text)
    if parts is None:
        return None
    pre, num, unit, per = parts
    record = quantity_from_cell(num + unit, None if unit else unit_hint)
    if record is None:
        return None
    update: dict[str, Any] = {"raw": text}
    if per:
        update["unit"] = f"{record.unit}{per}"
        update["base_unit"] = f"{record.base_unit}{per}" if record.base_unit else None
    if pre:
        update["qualifier"] = pre
        update["approx"] = pre in lex.APPROX_QUALIFIERS  # 约/近/超过 yes; 不超过/最高/每月 no
    return record.model_copy(update=update)


# --- locating rows in the body ----------------------------------------------------------------


_ATTEMPTS = 30  # occurrences of a row's first cell tried before giving up (keeps the search linear)
_REACH = 200_000  # squeezed characters searched ahead of the cursor for one row
_GAP = 0  # characters (white space aside) allowed between two cells of one row in the body
_SPACE = re.compile(r"\s+")


class _Locator:
    """Finds table rows and cells in the body, moving forward only (linear over a document).

    Matching ignores white space, so `粮 食` in the body meets the cell `粮食` and `15172. 500` meets
    `15172.500`; offsets are mapped back to the body.
    """

    def __init__(self, body: str, offset: int = 0) -> None:
        """Squeeze the body once (white space out, an index back to the body); start at `offset`."""
        self.body = body
        keep = [i for i, ch in enumerate(body) if not ch.isspace()]
        self.squeezed = "".join(body[i] for i in keep)
        self.index = keep
        self.pos = bisect_right(keep, offset - 1) if offset else 0
        self.found: list[tuple[int, int]] = []  # body spans of the rows found so far

    def row(
        self, cells: Sequence[str], *, previous: Sequence[str] | None = None, lenient: bool = True
    ) -> tuple[int, int] | None:
        """Squeezed span of a row: its cells in order and adjacent, at or after the cursor.

        The row is anchored on its longest cell and the others are checked on each side of it. Failing
        that (a PDF body or a rowspan writes a merged cell only once), the cells that differ from the
        `previous` row's must all be there, adjacent, with the repeated ones present or not.
        """
        wanted: list[str] = []
        fresh: list[bool] = []
        for k, raw in enumerate(cells):
            text = _SPACE.sub("", raw)
            if not text or (wanted and wanted[-1] == text):
                continue
            wanted.append(text)
            fresh.append(previous is None or k >= len(previous) or previous[k] != raw)
        if not self.squeezed or not wanted:
            return None
        by_length = sorted(range(len(wanted)), key=lambda k: -len(wanted[k]))
        tries: list[tuple[bool, int]] = [(True, by_length[0])]
        if lenient:  # a merged cell the body writes once cannot anchor: the row's own cells do
            own = [k for k in by_length if fresh[k]] or by_length
            tries += [(False, k) for k in own[:3]]
        required = {k for k, new in enumerate(fresh) if new}
        for strict, anchor in tries:
            pos = self.pos
            limit = self.pos + _REACH
            for _ in range(_ATTEMPTS):
                at = self._find(wanted[anchor], pos, limit)
                if at is None:
                    break
                span = self._around(wanted, anchor, at, None if strict else required)
                if span is not None:
                    self.pos = span[1]
                    self.found.append(self.span(span))
                    return span
                pos = at + 1
        return None

    def _around(self, cells: Sequence[str], anchor: int, at: int, required: set[int] | None) -> tuple[int, int] | None:
        """The row's span when the cells around the anchor (found at `at`) sit next to it.

        `required` None: every cell must be there; else only those, the others may be missing.
        """
        start, end = at, at + len(cells[anchor])
        found = 1
        for k in range(anchor - 1, -1, -1):
            cell = cells[k]
            hit = self.squeezed.rfind(cell, max(0, start - _GAP - len(cell)), start)
            if hit < 0:
                if required is None or k in required:
                    return None
                continue
            start, found = hit, found + 1
        for k in range(anchor + 1, len(cells)):
            cell = cells[k]
            after = self._find(cell, end, end + _GAP + len(cell))
            if after is None:
                if required is None or k in required:
                    return None
                continue
            end, found = after + len(cell), found + 1
        if found < min(2, len(cells)):
            return None  # a lone cell is no evidence; two adjacent cells of the row are
        return start, end

    def span(self, squeezed: tuple[int, int]) -> tuple[int, int]:
        """A squeezed span as body offsets."""
        return self.index[squeezed[0]], self.index[squeezed[1] - 1] + 1

    def cell(self, cell: str, span: tuple[int, int] | None, fallback: str) -> tuple[str, int, int]:
        """The row as written in the body, and the cell's body offsets (the row's when not found)."""
        if span is None:
            return fallback, 0, 0
        start, end = self.span(span)
        line_start = self.body.rfind("\n", 0, start) + 1
        line_end = self.body.find("\n", end)
        line_end = len(self.body) if line_end < 0 else line_end
        short = line_end - line_start <= 4 * (end - start) + 80
        text = self.body[line_start:line_end] if short else self.body[start:end]
        if not short or "\n" in self.body[start:end]:
            text = self.body[start:end]
        at = self.inside(cell, span)
        if at is None:
            return text, start, end
        return text, *self.span((at, at + len(_SPACE.sub("", cell))))

    def inside(self, cell: str, span: tuple[int, int] | None) -> int | None:
        """Squeezed offset where a cell's text starts within its row's span."""
        if span is None:
            return None
        wanted = _SPACE.sub("", cell)
        at = self.squeezed.find(wanted, span[0], span[1]) if wanted else -1
        return None if at < 0 else at

    def offsets(self, cell: str, at: int, start: int, end: int) -> tuple[int, int]:
        """Body offsets of `cell[start:end]`, the cell starting at squeezed offset `at`."""
        skip_start = len(_SPACE.sub("", cell[:start]))
        skip_end = len(_SPACE.sub("", cell[:end]))
        if skip_end <= skip_start:
            return 0, 0
        return self.span((at + skip_start, at + skip_end))

    def _find(self, text: str, start: int, stop: int) -> int | None:
        """Squeezed offset of `text` in [start, stop), or None."""
        at = self.squeezed.find(text, start, min(len(self.squeezed), stop))
        return None if at < 0 else at


def locate_tables(tables: Iterable[Table], body: str) -> list[Table]:
    """The tables with `start` set to the body offset where they begin (header row, else first data row)."""
    tables = list(tables)
    if not tables:
        return []  # no need to index the body
    out: list[Table] = []
    locator = _Locator(body)
    for table in tables:
        span = None
        if table.header_rows and table.rows:
            span = locator.row(table.rows[0], lenient=False)
        rows = table.rows[table.header_rows :] or table.rows
        if span is None and rows:
            span = locator.row(rows[0])
        out.append(table.model_copy(update={"start": locator.span(span)[0]}) if span else table)
    return out


def document_table_quantities(tables: Sequence[Table], body: str, doc_year: int | None) -> list[Quantity]:
    """Quantity records of every table of a document, located in its body, tables in order."""
    return _document_records(tables, body, doc_year)[0]


def table_row_spans(tables: Sequence[Table], body: str) -> list[tuple[int, int]]:
    """Body spans of every table row the body writes (header rows included), in body order.

    For the text reader: a figure inside one of these spans belongs to a table, not to a sentence.
    """
    return sorted(_document_records(tables, body, None)[1])


def _document_records(
    tables: Sequence[Table], body: str, doc_year: int | None
) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """The tables' records and the body spans of every table row found (header rows included)."""
    out: list[Quantity] = []
    locator = _Locator(body)
    for index, table in enumerate(tables):
        out.extend(_table_records(table, index, doc_year, locator))
    return out, locator.found


# --- the pipeline's entry point ----------------------------------------------------------------


def add_table_quantities(
    fmt: str,
    body: str,
    tables: Sequence[Table],
    records: Sequence[Quantity],
    metadata: Metadata,
    *,
    with_quantities: bool = True,
    sections: Sequence[Section] = (),
) -> tuple[list[Table], list[Quantity]]:
    """The document's tables (located in the body; a text page's flattened tables found) and its records.

    Table records join the text records in body order; a text record reading the same figure as a
    table cell (a sentence inside a cell, a row the text reader also read) gives way to the table's.
    """
    found = list(tables)
    if fmt == "text" and not found and "单" in body:  # a flattened table opens with a 单位 line
        found = tables_from_lines(body.split("\n"))
    found = locate_tables(found, body)
    if not with_quantities or not found:
        return found, list(records)
    table_records, rows = _document_records(found, body, _metadata_year(metadata))
    if sections:
        table_records = [_in_section(q, sections) for q in table_records]
    return found, _carry_years(merge_records(records, table_records, rows))


def _in_section(record: Quantity, sections: Sequence[Section]) -> Quantity:
    """The record with the heading of the innermost section holding it (as text records have)."""
    if record.end <= record.start or record.section:
        return record
    heading: str | None = None
    level: Sequence[Section] = sections
    while True:
        inside = next((s for s in level if s.start <= record.start < s.end), None)
        if inside is None:
            break
        heading, level = inside.heading, inside.children
    return record.model_copy(update={"section": heading}) if heading else record


def _carry_years(records: list[Quantity]) -> list[Quantity]:
    """A table record without a year takes the year of the text record just before it in its section.

    A communiqué states the year in its sentences (2022年全年粮食产量…) and not in the table under them.
    """
    out: list[Quantity] = []
    last: Quantity | None = None
    for q in records:
        if q.origin == "text":
            last = q
        elif q.year is None and last is not None and last.year is not None and last.section == q.section:
            q = q.model_copy(update={"year": last.year})
        out.append(q)
    return out


def _metadata_year(metadata: Metadata) -> int | None:
    """The document's own year (written, else published): what 本年/上年 in a header are counted from."""
    for date in (metadata.written_date, metadata.publish_date):
        if date and date[:4].isdigit():
            return int(date[:4])
    return None


def merge_records(
    text_records: Sequence[Quantity], table_records: Sequence[Quantity], rows: Sequence[tuple[int, int]] = ()
) -> list[Quantity]:
    """Text and table records in body order, without the text records read inside a table.

    A text record goes when a table record covers its figure (a sentence in a cell) or when it lies in
    a table row of the body (`rows`): `600371 万向德农` in a row is a code and a name, not 600371万.
    """
    spans = sorted([*((q.start, q.end) for q in table_records if q.end > q.start), *rows])
    starts = [s for s, _ in spans]

    def covered(q: Quantity) -> bool:
        """The record's figure overlaps a table record or a table row."""
        if q.end <= q.start:
            return False
        k = bisect_right(starts, q.end - 1)
        return k > 0 and spans[k - 1][1] > q.start

    kept = [q for q in text_records if not covered(q)]
    located = sorted([*kept, *(q for q in table_records if q.end > q.start)], key=lambda q: (q.start, q.end))
    return located + [q for q in table_records if q.end <= q.start]
