"""Quantity records from the numeric cells of data tables, and the tables' rows found in the body.

`table_quantities` turns a `Table` (see tables.py) into ordinary Quantity records with
`origin="table"`: the indicator from the row header, year and unit from the headers or caption.
`add_table_quantities` is the pipeline's step: it locates each table's rows in the body, reads
their records and merges them with the sentence records in body order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from . import _lexicon as lex
from .models import Metadata, Quantity, Section, Table
from .quantities import extract_quantities, quantity_from_cell, unit_info
from .structure import SectionIndex
from .tables import (
    UNIT_LINE,
    YEAR_CELL,
    cell_parts,
    clean_cell,
    is_number_cell,
    looks_unit,
    tables_from_lines,
    tables_from_pipes,
    tables_from_rate_lines,
    unit_in,
)

# --- data and patterns of the cell reader ---------------------------------------------------

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
# Row labels of the whole area a table splits by type (全市 above 综合医院, 中医院 …): no category of their own.
WHOLE_LABELS: frozenset[str] = frozenset(
    {"全国", "全省", "全市", "全县", "全区", "全州", "全盟", "全旗", "全镇", "全乡"}
)
# Column headers that hold a unit per row (产品名称 | 单位 | 产量).
UNIT_HEADERS: frozenset[str] = frozenset({"单位", "计量单位", "单位名称", "计价单位", "计费单位"})
# Column headers of remarks: the figures of their sentences are read (一级馆最高可上浮50%).
REMARK_HEADERS: tuple[str, ...] = ("备注", "说明")
_CODE = re.compile(r"^0\d+$")
# Column headers that name a time, not a measure: 12月末, 1-9月, 3季度.
_TIME_HEADER = re.compile(r"^(?:\d{1,2}月(?:末|份|底)?|\d{1,2}[-—~]\d{1,2}月|[1-4一二三四]季度|上半年|下半年|全年)$")
_DIGIT = re.compile(r"[0-9０-９]")
_FORMULA_MARKS = frozenset("×*/=÷xX")
_AXES = frozenset({"X", "Y", "Z", "x", "y", "z", "经度", "纬度"})
_PAREN_UNIT = re.compile(r"[（(](?:单位[:：]\s{0,2})?(?P<unit>[^()（）]{1,10})[)）]\s{0,2}$")
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s{0,2}年?(?!\d)")
_COMPARED = re.compile(r"(?:比|较|同比|高于|低于|与|为|相当于)上年(?:同期)?")
_RELATIVE_YEAR = {"上年": -1, "去年": -1, "上年同期": -1, "前年": -2, "本年": 0, "今年": 0, "当年": 0, "本期": 0}
_CHANGE_WORDS = ("增长", "增速", "增幅", "下降", "增减", "比上年", "同比", "比重", "占比", "比例", "增加")


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
    remarks: bool = False
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
    columns = _link_changes(_sub_columns([_column(table, c, doc_year) for c in range(width)]))
    if "坐标" in (table.caption or ""):
        for col in columns:
            col.skip = True  # a table of survey coordinates: its numbers are positions, not amounts
    data = rows[table.header_rows :]
    columns = _skip_row_numbers(data, columns)
    year_col = _year_column(table, data)
    if year_col is not None:
        columns[year_col].skip = True
    label_cols = _label_columns(data, columns)
    across = _measures_across(columns, label_cols)
    owner = _label_owners(label_cols, width)
    first_block = set(owner[min(label_cols)]) if label_cols else set[int]()
    caption_year = _year_of(table.caption or "", doc_year)
    for head in rows[: table.header_rows]:
        locate.row(head, lenient=False)  # anchors the search after the header, when written so
    out: list[Quantity] = []
    # a unit in a row header holds for the rows below it (大牲畜（万头）, #黄牛及肉牛 …), per label block
    carried: dict[tuple[int, ...], str] = {}
    # a price list (a 计价单位 column): a row without labels continues the item above (具 | 350)
    rates = any(col.units_per_row for col in columns)
    items: dict[tuple[int, ...], tuple[str | None, str | None]] = {}
    parts = _part_rows(data, label_cols, columns)
    for r, row in enumerate(data, start=table.header_rows):
        if not any(is_number_cell(cell) for c, cell in enumerate(row) if c not in label_cols):
            carried.clear()  # a section row (期末畜禽存栏) starts a new group
        heads = {block: _head(row, block, columns, carried) for block in set(owner.values())}
        subs: dict[tuple[int, ...], str | None] = {}
        if rates:
            for block in heads:
                indicator, row_unit, total = heads[block]
                item, subs[block] = _item(row, block, columns, items.get(block))
                items[block] = item, subs[block]
                heads[block] = item, row_unit, total
        per_row_unit = next((row[c] for c, col in enumerate(columns) if col.units_per_row and row[c]), None)
        row_span = locate.row(row, previous=data[r - table.header_rows - 1] if r > table.header_rows else None)
        for c, cell in enumerate(row):
            col = columns[c]
            if col.skip or col.units_per_row or not cell or _CODE.match(cell):
                continue
            indicator, row_unit, total = heads[owner[c]]
            category = subs.get(owner[c]) or col.category or parts.get(r - table.header_rows)
            place = {"table": index, "row": r, "column": c, "total": total}
            if c in label_cols and (c in first_block or not is_number_cell(cell)):
                if (col.remarks or (rates and cell == subs.get(owner[c]))) and len(cell) >= 6 and _DIGIT.search(cell):
                    out += _prose_records(cell, indicator, caption_year, doc_year, locate, row_span, place)
                continue  # a row header; figures in a later text column (有效期: 长期, 两年) still count
            row_unit = per_row_unit or row_unit
            if not is_number_cell(cell):
                if len(cell) >= 6 and _DIGIT.search(cell):
                    out += _prose_records(cell, indicator, caption_year, doc_year, locate, row_span, place)
                continue
            unit_hint = _rate_unit(col.unit, per_row_unit) or col.unit or row_unit or table.unit
            records = _cell_quantities(cell, unit_hint)
            if not records:
                continue
            name = indicator
            if across:  # 机构数 of 综合医院: the row names the category, the column the measure
                name, category = col.measure, None if total or indicator in WHOLE_LABELS else indicator
            elif col.measure and not _generic(col.measure) and not _names_measure(indicator, col.measure):
                of = col.of if col.of and not _names_measure(indicator, col.of) else ""
                name = f"{indicator or ''}{of}{col.measure}"
            year = col.year if col.year is not None else _row_year(row, year_col) or caption_year
            text, start, end = locate.cell(cell, row_span, " ".join(x for x in row if x))
            for record in records:
                out.append(
                    record.model_copy(
                        update={
                            "indicator": name or None,
                            "year": year,
                            "category": category,
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
            aside = cell_parts(cell)
            if aside is not None and aside.aside:  # 4000(60天): the period the fee covers, of the same row
                found = _prose_records(aside.aside, name, year, doc_year, locate, row_span, place)
                out += [q.model_copy(update={"indicator": name or None, "category": category}) for q in found]
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
        if text.startswith(REMARK_HEADERS):
            col.remarks = True
        paren = _PAREN_UNIT.search(text)
        if paren and looks_unit(paren["unit"]):
            col.unit = paren["unit"].replace("±", "").strip()
            text = text[: paren.start()].strip()
        elif unit_in(text):
            col.unit = unit_in(text)
            text = UNIT_LINE.sub("", text).strip()
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


def _sub_columns(columns: list[_Column]) -> list[_Column]:
    """A `#` column (`#卫生技术人员` after `卫生人员数(人)`) is part of the nearest unmarked column on
    its left: its measure loses the mark, and without a unit of its own it takes that column's."""
    parent: _Column | None = None
    for col in columns:
        if not col.measure or col.measure[0] not in "#＃":
            parent = col
            continue
        col.measure = col.measure.lstrip("#＃").strip() or None
        if col.unit is None and parent is not None:
            col.unit = parent.unit
    return columns


def _measures_across(columns: Sequence[_Column], label_cols: set[int]) -> bool:
    """The figure columns are distinct measures, each with a unit, in two or more units (机构数(个) |
    实有床位数(张) | 卫生人员数(人)): the rows are kinds of one thing (综合医院, 中医院), not indicators."""
    figures = [col for c, col in enumerate(columns) if c not in label_cols and not col.skip and not col.units_per_row]
    if len(figures) < 3 or len(label_cols) != 1:
        return False
    for col in figures:
        if not col.measure or not col.unit or col.year is not None or col.category or _generic(col.measure):
            return False
        if _is_change(col.measure):
            return False
    measures = [col.measure for col in figures]
    return len(set(measures)) == len(measures) and len({col.unit for col in figures}) >= 2


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
        if paren and looks_unit(paren["unit"]):
            carried[block] = paren["unit"].replace("单位：", "").replace("单位:", "").strip()
            indicator = label[: paren.start()].strip()
    total = bool(label) and any(word in (label or "") for word in TOTAL_WORDS)
    return _strip_marks(indicator), carried.get(block), total


def _item(
    row: Sequence[str], block: tuple[int, ...], columns: Sequence[_Column], above: tuple[str | None, str | None] | None
) -> tuple[str | None, str | None]:
    """A price list's item and sub-item: two label cells (`1. 火化费` | `普通殡仪馆`) or one cell with a
    gap (`尸体火化 台车式捡灰炉`); a row without labels (`具 | 350`) continues the item above."""
    labels: list[str] = []
    for c in block:
        cell = row[c] if c < len(row) else ""
        usable = not columns[c].skip and not columns[c].units_per_row and not columns[c].remarks
        if cell and usable and not is_number_cell(cell) and cell not in labels:
            labels.append(cell)
    if not labels:
        return above if above is not None else (None, None)
    if len(labels) == 1 and " " in labels[0]:
        labels = labels[0].split(" ", 1)
    sub = labels[-1] if len(labels) > 1 else None
    return _strip_marks(clean_cell(labels[0])), sub


def _year_column(table: Table, data: Sequence[Sequence[str]]) -> int | None:
    """A column whose cells are years (年份 | 地区生产总值 | 增长): each row's figures are for that year."""
    for c in range(len(table.rows[0])):
        head = "".join(row[c] for row in table.rows[: table.header_rows])
        values = [row[c] for row in data if c < len(row) and row[c]]
        if len(values) >= 2 and all(YEAR_CELL.match(v) for v in values) and (not head or "年" in head):
            return c
    return None


def _row_year(row: Sequence[str], year_col: int | None) -> int | None:
    """The year a row's year cell names (2021 / 2021年), if the table has a year column."""
    if year_col is None or year_col >= len(row) or not YEAR_CELL.match(row[year_col]):
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


# Marks in front of a row header: #, 其中：, 1., 一、, （一）.
_LABEL_MARK = re.compile(
    r"^(?:[#＃*]+|其中[:：]?|内[:：]|包括[:：]?|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）])"
)
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）])")  # 一、 （二）
_PART_REACH = 20  # rows after a row searched for the parts that add up to it


def _part_rows(data: Sequence[Sequence[str]], label_cols: set[int], columns: Sequence[_Column]) -> dict[int, str]:
    """Rows that split the row above them, by data-row index, with the part each names (its category).

    In a table of one figure column, the unnumbered rows right after a row whose figures (in the same
    unit) add up to its figure are its parts: 养老机构 34, 儿童福利和救助保护机构 5, 其他提供住宿机构 3
    under (一)提供住宿的民政机构 42. Rows under a heading row without a figure are no parts.
    """
    figures = [c for c, col in enumerate(columns) if c not in label_cols and not col.skip and not col.units_per_row]
    if len(figures) != 1 or not label_cols:
        return {}
    column, first = figures[0], min(label_cols)
    unit_col = next((c for c, col in enumerate(columns) if col.units_per_row), None)
    rows: list[tuple[str, float, int, str] | None] = []  # label, figure, its decimals, unit
    for row in data:
        cell = row[column] if column < len(row) else ""
        found = cell_parts(cell) if cell else None
        label = row[first] if first < len(row) else ""
        number = found.number.replace(",", "") if found is not None else ""
        if found is None or found.high or not label or not number.lstrip("+-").replace(".", "").isdigit():
            rows.append(None)  # no figure, a range, or a Chinese numeral (两年)
            continue
        unit = found.unit or (row[unit_col] if unit_col is not None and unit_col < len(row) else "")
        rows.append((label, float(number), len(number.partition(".")[2]), unit))
    out: dict[int, str] = {}
    for p, parent in enumerate(rows):
        if parent is None or parent[1] <= 0:
            continue
        total, places, labels = 0.0, parent[2], []
        for part in rows[p + 1 : p + 1 + _PART_REACH]:
            if part is None or part[3] != parent[3] or _NUMBERED.match(part[0]) or part[1] < 0:
                break
            total, places = total + part[1], max(places, part[2])
            labels.append(_strip_marks(part[0]) or part[0])
            if total >= parent[1] - 1e-9:
                break
        tolerance = 0.5 * 10**-places * len(labels) if places else 1e-9
        if len(labels) >= 2 and abs(total - parent[1]) <= tolerance:
            name = _strip_marks(parent[0]) or parent[0]
            out.update({p + 1 + k: _part_name(label, name) for k, label in enumerate(labels)})
    return out


def _part_name(label: str, parent: str) -> str:
    """What a part row names beside its parent: 集中养育孤儿 under 孤儿 → 集中养育; 养老机构床位数 under
    …民政机构床位 → 养老机构 (the parent's counted thing and 数 dropped); 养老机构 under 民政机构 → 养老机构."""
    if len(label) > len(parent) and label.endswith(parent):
        return label[: -len(parent)]
    if len(parent) >= 2 and label.endswith(parent[-2:] + "数") and len(label) > 3:
        return label[:-3]
    return label


# --- one cell → one record --------------------------------------------------------------------


def _cell_quantities(text: str, unit_hint: str | None) -> list[Quantity]:
    """A figure cell as records through quantities.quantity_from_cell: one, or one per bound of a range
    (600-1000, both knowing low and high, as text ranges do); rates (元/月, a 元/具 hint) and 约 handled here.
    A bracketed aside (4000(60天)) is not part of the value."""
    parts = cell_parts(text)
    if parts is None:
        return []
    per = parts.per
    if not parts.unit and unit_hint and "/" in unit_hint.strip("/"):
        unit_hint, rest = unit_hint.split("/", 1)  # 元/具 from the 计费单位 column: 元 per 具
        per = "/" + rest
    out: list[Quantity] = []
    for num in (parts.number, parts.high) if parts.high else (parts.number,):
        record = quantity_from_cell(num + parts.unit, None if parts.unit else unit_hint)
        if record is None:
            return []
        update: dict[str, Any] = {"raw": text}
        if per:
            update["unit"] = f"{record.unit}{per}"
            update["base_unit"] = f"{record.base_unit}{per}" if record.base_unit else None
        if parts.qualifier:
            update["qualifier"] = parts.qualifier
            update["approx"] = parts.qualifier in lex.APPROX_QUALIFIERS  # 约/近/超过 yes; 不超过/最高/每月 no
        out.append(record.model_copy(update=update))
    if parts.high:
        low, high = out[0].value, out[1].value
        out = [q.model_copy(update={"low": low, "high": high}) for q in out]
    return out


def _rate_unit(money: str | None, basis: str | None) -> str | None:
    """元 per a 计价单位 that is no unit itself (具, 每格每年): 元/具; None otherwise."""
    if not money or not basis or "/" in basis:
        return None
    info = unit_info(money)
    if info is None or info[0] != "money" or looks_unit(basis):
        return None
    return f"{money}/{basis}"


# --- locating rows in the body ----------------------------------------------------------------


_ATTEMPTS = 30  # occurrences of a row's first cell tried before giving up (keeps the search linear)
_REACH = 200_000  # squeezed characters searched ahead of the cursor for one row
_GAP = 0  # characters (white space aside) allowed between two cells of one row in the body
_SPACE = re.compile(r"[\s|｜]+")  # white space, and the bars a scrape writes between cells


class _Locator:
    """Finds table rows and cells in the body, moving forward only (linear over a document).

    Matching ignores white space and the bars of a piped table, so `粮 食` in the body meets the cell
    `粮食`, `15172. 500` meets `15172.500` and `具 | 180` the cells 具, 180; offsets are mapped back to the body.
    """

    def __init__(self, body: str, offset: int = 0) -> None:
        """Squeeze the body once (white space and bars out, an index back to the body); start at `offset`."""
        self.body = body
        keep = [i for i, ch in enumerate(body) if not ch.isspace() and ch not in "|｜"]
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
    title: str | None = None,
) -> tuple[list[Table], list[Quantity]]:
    """The document's tables (located in the body; a text page's flattened tables found) and its records.

    Table records join the text records in body order; a text record reading the same figure as a
    table cell (a sentence inside a cell, a row the text reader also read) gives way to the table's.
    A table record that its headers, its caption and the text before it give no year takes the one
    year the `title` names (2020年2季度深圳民政统计季报 → 2020).
    """
    found = list(tables)
    piped = "|" in body or "｜" in body
    if fmt == "text" and not found and ("单" in body or piped):
        lines = body.split("\n")  # a flattened table opens with a 单位 line; a piped one has | cells
        found = tables_from_lines(lines) + (tables_from_pipes(lines) if piped else [])
        if not found and "单" in body and piped:  # one cell a line, | lines between
            found = tables_from_lines([line for line in lines if line.strip() not in ("|", "｜")])
        if not found and "单" in body and "元/" in body:  # a fee table one cell a line: 计费单位, 元/具 cells
            found = tables_from_rate_lines(lines)
    found = locate_tables(found, body)
    if not with_quantities or not found:
        return found, list(records)
    table_records, rows = _document_records(found, body, _metadata_year(metadata))
    if sections:
        index = SectionIndex(sections)
        table_records = [_in_section(q, index) for q in table_records]
    merged = _carry_years(merge_records(records, table_records, rows))
    return found, _title_year(merged, title)


def _title_year(records: list[Quantity], title: str | None) -> list[Quantity]:
    """Table records without a year take the one year the title names; none when it names two or none."""
    years = {match["y"] for match in _YEAR.finditer(title or "")}
    if len(years) != 1:
        return records
    year = int(years.pop())
    return [q.model_copy(update={"year": year}) if q.origin == "table" and q.year is None else q for q in records]


def _in_section(record: Quantity, index: SectionIndex) -> Quantity:
    """The record with the heading of the innermost section holding it (as text records have)."""
    if record.end <= record.start or record.section:
        return record
    heading = index.heading(record.start)
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
