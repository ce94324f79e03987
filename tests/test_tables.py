"""Data tables: HTML (spans, Word mso tables, spaced labels, layout tables), flattened text, PDF; cells → quantities.

Expected cells and records were written by reading the pages (excerpts in tests/fixtures/tables/).
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhengwu_extract as zx
from zhengwu_extract.models import Quantity, Table
from zhengwu_extract.table_records import document_table_quantities, table_quantities, table_row_spans
from zhengwu_extract.tables import clean_cell, is_number_cell, tables_from_html, tables_from_lines, tables_from_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "tables"
PAGES = Path(__file__).parent / "fixtures" / "html"  # whole corpus pages, shared with the HTML tests


@cache
def html_tables(name: str) -> list[Table]:
    path = FIXTURES / name if (FIXTURES / name).exists() else PAGES / name
    root = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    return tables_from_html(root)


def records(name: str, doc_year: int | None = None) -> list[Quantity]:
    return [q for i, t in enumerate(html_tables(name)) for q in table_quantities(t, i, doc_year=doc_year)]


# --- cells ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("粮 食", "粮食"), ("#水 稻", "#水稻"), (" 指 标 ", "指标"), ("同比增长（±%）", "同比增长（±%）"), ("A 1", "A 1")],
)
def test_clean_cell(raw: str, clean: str) -> None:
    assert clean_cell(raw) == clean


@pytest.mark.parametrize(
    ("cell", "numeric"),
    [
        ("4000.5", True),
        ("-1.6", True),
        ("200元/月", True),
        ("12.5%", True),
        ("3,219.5", True),
        ("18000元/年", True),
        ("持平", False),
        ("12月末", False),
        ("2021-12-16", False),
        ("4000.0", True),
        ("——", False),
        ("与红线交点1", False),
    ],
)
def test_is_number_cell(cell: str, numeric: bool) -> None:
    assert is_number_cell(cell) is numeric


# --- Daqing 2012 communiqué: Word-pasted mso tables -------------------------------------------

DAQING = "daqing_stats_2012_communique.frag.html"


def test_daqing_tables() -> None:
    tables = html_tables(DAQING)
    assert [t.caption for t in tables] == [
        "2012年地区生产总值",
        "2012年主要农产品产量",
        "2012年畜牧业生产及产品产量",
        "2012年规模以上工业企业主要产品产量",
        "2012年末全市金融机构存贷",
        "2012年人口构成情况",
    ]
    assert [t.unit for t in tables] == ["亿元", None, None, None, "亿元", None]
    assert all(t.header_rows == 1 for t in tables)
    assert tables[0].rows[0] == ["指标", "指标值", "同比增长（±%）"]  # spacer columns of the Word table dropped
    assert tables[3].rows[0] == ["产品名称", "单位", "产量", "同比增长（±%）"]


@pytest.mark.parametrize(
    ("table", "row"),
    [
        (0, ["地区生产总值", "4000.5", "10.0"]),
        (0, ["第一产业", "153.6", "11.0"]),
        (1, ["粮食", "650.0", "17.3"]),
        (1, ["#水稻", "79.4", "17.5"]),
        (1, ["大豆", "7.0", "-1.6"]),
        (2, ["期末畜禽存栏", "", ""]),
        (2, ["大牲畜（万头）", "96.9", "8.7"]),
        (3, ["原油", "万吨", "4000.0", "持平"]),
        (3, ["天然气", "亿立方米", "33.7", "8.5"]),
        (4, ["金融机构存款余额", "1970.6", "266.0"]),
        (4, ["#单位存款", "775.0", "103.0"]),
        (5, ["其中：非农业", "144.7", "51.4"]),
    ],
)
def test_daqing_rows(table: int, row: list[str]) -> None:
    assert row in html_tables(DAQING)[table].rows


@pytest.mark.parametrize(
    ("table", "indicator", "value", "unit", "kind"),
    [
        (0, "地区生产总值", 4000.5, "亿元", "money"),
        (0, "地区生产总值同比增长", 10.0, "%", "percent"),
        (0, "第一产业", 153.6, "亿元", "money"),
        (1, "粮食产量", 650.0, "万吨", "weight"),
        (1, "水稻产量", 79.4, "万吨", "weight"),
        (1, "大豆产量同比增长", -1.6, "%", "percent"),
        (2, "大牲畜", 96.9, "万头", "count"),
        (2, "黄牛及肉牛", 32.1, "万头", "count"),  # the row unit carries down to the rows below
        (2, "大牲畜同比增长", 8.7, "%", "percent"),  # the column's % beats the row's 万头
        (3, "原油产量", 4000.0, "万吨", "weight"),  # unit from the 单位 column
        (3, "天然气产量", 33.7, "亿立方米", "volume"),
        (3, "原油加工量", 1286.5, "万吨", "weight"),
        (4, "金融机构存款余额", 1970.6, "亿元", "money"),
        (4, "单位存款比年初增加额", 103.0, "亿元", "money"),
        (5, "非农业", 144.7, "万人", "count"),
        (5, "非农业比重", 51.4, "%", "percent"),
    ],
)
def test_daqing_quantities(table: int, indicator: str, value: float, unit: str, kind: str) -> None:
    found = [q for q in records(DAQING) if q.table == table and q.indicator == indicator and q.value == value]
    assert len(found) == 1, [(q.indicator, q.value) for q in records(DAQING) if q.table == table]
    q = found[0]
    assert (q.unit, q.kind, q.year, q.origin) == (unit, kind, 2012, "table")
    assert q.row is not None and q.column is not None


def test_daqing_text_cells_give_no_records() -> None:
    values = {(q.table, q.row, q.column) for q in records(DAQING)}
    assert (3, 1, 3) not in values  # 持平
    assert all(q.column != 1 for q in records(DAQING) if q.table == 3)  # the 单位 column


# --- Guangzhou outpatient fee standards: two header rows, colspans, a split Word cell ----------

FEES = "gz_outpatient_fees.html"


def test_fee_table_shape() -> None:
    (table,) = html_tables(FEES)
    assert table.caption == "广州市社会医疗保险门诊特定病种范围、最高支付限额标准及审核确认有效期"
    assert table.header_rows == 2
    assert table.rows[1] == ["序号", "分类", "病种名称", "职工医保", "城乡居民医保", "审核确认有效期"]
    assert len(table.rows) == 60


@pytest.mark.parametrize(
    "row",
    [
        ["1", "一类", "高血压病", "200元/月", "50元/月", "长期"],
        ["40", "二类", "小儿脑性瘫痪", "——", "640元/月", "两年"],
        ["42", "二类", "慢性丙型肝炎", "3500元/月", "3500元/月", "6个月"],
        ["50", "二类", "湿性年龄相关性黄斑变性", "18000元/年", "14400元/年", "两年"],
        ["57", "二类", "家庭病床", "无", "无", "90天"],
    ],
)
def test_fee_rows(row: list[str]) -> None:
    assert row in html_tables(FEES)[0].rows


@pytest.mark.parametrize(
    ("disease", "category", "value", "unit"),
    [
        ("高血压病", "职工医保", 200, "元/月"),
        ("高血压病", "城乡居民医保", 50, "元/月"),
        ("湿性年龄相关性黄斑变性", "职工医保", 18000, "元/年"),
        ("湿性年龄相关性黄斑变性", "城乡居民医保", 14400, "元/年"),
        ("小儿脑性瘫痪", "城乡居民医保", 640, "元/月"),
    ],
)
def test_fee_quantities(disease: str, category: str, value: int, unit: str) -> None:
    found = [q for q in records(FEES) if q.indicator and q.indicator.startswith(disease) and q.category == category]
    assert [(q.value, q.unit, q.kind) for q in found] == [(value, unit, "money")]
    assert found[0].indicator == f"{disease}统筹基金最高支付限额"


def test_fee_row_numbers_are_not_quantities() -> None:
    assert all(q.column != 0 for q in records(FEES))


# --- NFRA penalty disclosure: a two-column label | value sheet with figures in sentences -------

NFRA = "nfra_penalty.html"


def test_penalty_table() -> None:
    (table,) = html_tables(NFRA)
    assert table.header_rows == 0
    assert table.caption == "国家金融监督管理总局行政处罚信息公开表"
    assert table.rows[0] == ["行政处罚决定书文号", "金罚决字〔2024〕36号"]
    assert table.rows[6] == ["作出处罚决定的日期", "2024年7月8日"]
    assert [row[0] for row in table.rows][1:4] == ["被处罚当事人", "主要违法违规事实", "行政处罚依据"]


@pytest.mark.parametrize(("value", "who"), [(158, "合计罚款"), (38, "总公司"), (120, "分支机构"), (7, "对潘麟")])
def test_penalty_amounts(value: int, who: str) -> None:
    found = [q for q in records(NFRA, doc_year=2024) if q.value == value and who in q.text]
    assert len(found) == 1
    assert (found[0].unit, found[0].origin, found[0].row, found[0].column) == ("万元", "table", 4, 1)


# --- other real tables ------------------------------------------------------------------------


def test_hospital_indicator_table_rowspans() -> None:
    (table,) = html_tables("govcn_hospital_indicators.html")
    assert table.caption == "三级公立医院绩效考核指标"
    assert table.rows[0] == ["一级指标", "二级指标", "三级指标", "指标性质", "指标说明"]
    assert table.rows[1][:4] == ["一、医疗质量", "（一）功能定位", "1.门诊人次数与出院人次数比", "定量"]
    assert table.rows[3][:3] == ["一、医疗质量", "（一）功能定位", "3.日间手术占择期手术比例"]  # rowspan expanded
    assert len(table.rows) == 56
    assert not records("govcn_hospital_indicators.html")  # ×100% in formulas is not a stated figure


def test_coordinates_are_not_quantities() -> None:
    tables = html_tables("govcn_shenzhenbay_coords.html")
    assert tables[0].rows[1] == ["1", "15172.500", "103655.000", ""]
    assert tables[1].header_rows == 2
    assert ["A1", "13725.5845", "103543.5725", "", "", "", "与红线交点1"] in tables[1].rows
    assert not [q for q in records("govcn_shenzhenbay_coords.html") if q.kind == "other" and q.unit is None]


@pytest.mark.parametrize("name", ["layout_tables.html", "govcn_zhengce_5346276_holiday.frag.html"])
def test_layout_tables_are_not_data(name: str) -> None:
    assert html_tables(name) == []


def test_thead_th_and_totals() -> None:
    html = """<div><p>表1 2023年一般公共预算收入预算表</p><p>单位：万元</p><table>
      <thead><tr><th>项 目</th><th>2022年执行数</th><th>2023年预算数</th><th>增长（%）</th></tr></thead>
      <tbody><tr><td>税收收入</td><td>34,000</td><td>36000</td><td>5.9</td></tr>
      <tr><td>非税收入</td><td>30000</td><td>—</td><td></td></tr>
      <tr><td>收入合计</td><td>64000</td><td>67200</td><td>5.0</td></tr></tbody></table></div>"""
    (table,) = tables_from_html(lxml.html.fromstring(html))
    assert (table.caption, table.unit, table.header_rows) == ("表1 2023年一般公共预算收入预算表", "万元", 1)
    assert table.rows[0] == ["项目", "2022年执行数", "2023年预算数", "增长（%）"]
    qs = table_quantities(table, 0, doc_year=2023)
    got = {(q.indicator, q.value, q.unit, q.year, q.total) for q in qs}
    assert ("税收收入", 34000, "万元", 2022, False) in got
    assert ("税收收入", 36000, "万元", 2023, False) in got
    assert ("税收收入增长", 5.9, "%", 2023, False) in got
    assert ("收入合计", 67200, "万元", 2023, True) in got
    assert len(qs) == 7  # 3 + 1 (— is no figure) + 3


def test_relative_years_in_headers() -> None:
    table = Table(header_rows=1, rows=[["指标", "上年", "本年"], ["户籍人口（万人）", "281.7", "283.0"]])
    got = [(q.indicator, q.value, q.unit, q.year) for q in table_quantities(table, 0, doc_year=2013)]
    assert got == [("户籍人口", 281.7, "万人", 2012), ("户籍人口", 283.0, "万人", 2013)]


def test_records_locate_their_row_in_the_body() -> None:
    table = html_tables(DAQING)[1]
    body = "一、农业\n全年粮食产量650.0万吨。\n指标名称 产量（万吨） 同比增长（±%）\n粮食 650.0 17.3\n#水稻 79.4 17.5\n"
    qs = document_table_quantities([table], body, doc_year=2013)
    rice = next(q for q in qs if q.indicator == "水稻产量")
    assert rice.text == "#水稻 79.4 17.5"
    assert body[rice.start : rice.end] == "79.4"
    grain = next(q for q in qs if q.indicator == "粮食产量")
    assert body[grain.start : grain.end] == "650.0" and grain.start > body.index("粮食 650.0")


# --- flattened text tables -----------------------------------------------------------------


def lines_of(text: str) -> list[str]:
    """A text copy's lines."""
    return text.split("\n")


# Cells as a scrape of a budget report flattens them, one per line (modelled on the Shayang 2022
# report's 一般公共预算收支执行情况表; the totals are the report's own figures).
FLAT_TWO_SIDED = lines_of("""二、2022年县级一般公共预算收支执行情况
2022年县级一般公共预算收支执行情况表
单位：万元
收入项目
执行数
支出项目
执行数
税收收入
34000
一般公共服务支出
32150
非税收入
30000
教育支出
61230
转移性收入
486923
社会保障和就业支出
98765
收入总计
550923
支出总计
550923
三、2023年预算草案
2023年，全县一般公共预算收入预期增长5%。""")

FLAT_BUDGET = lines_of("""表3
2023年县级一般公共预算收入预算表
单位:万元
2022年执行数
2023年预算数
增值税
12000
12600
企业所得税
3500
3650
合计
15500
16250
注：本表为预算草案。""")


def test_flattened_two_sided_table() -> None:
    (table,) = tables_from_lines(FLAT_TWO_SIDED)
    assert (table.caption, table.unit, table.header_rows, table.source) == (
        "2022年县级一般公共预算收支执行情况表",
        "万元",
        1,
        "text",
    )
    assert table.rows[0] == ["收入项目", "执行数", "支出项目", "执行数"]
    assert table.rows[1] == ["税收收入", "34000", "一般公共服务支出", "32150"]
    assert table.rows[-1] == ["收入总计", "550923", "支出总计", "550923"]
    assert len(table.rows) == 5


def test_flattened_budget_table_and_records() -> None:
    (table,) = tables_from_lines(FLAT_BUDGET)
    assert table.caption == "2023年县级一般公共预算收入预算表"
    assert table.rows == [
        ["", "2022年执行数", "2023年预算数"],
        ["增值税", "12000", "12600"],
        ["企业所得税", "3500", "3650"],
        ["合计", "15500", "16250"],
    ]
    body = "\n".join(FLAT_BUDGET)
    qs = document_table_quantities([table], body, doc_year=2023)
    got = [(q.indicator, q.value, q.unit, q.year, q.total) for q in qs]
    assert got == [
        ("增值税", 12000, "万元", 2022, False),
        ("增值税", 12600, "万元", 2023, False),
        ("企业所得税", 3500, "万元", 2022, False),
        ("企业所得税", 3650, "万元", 2023, False),
        ("合计", 15500, "万元", 2022, True),
        ("合计", 16250, "万元", 2023, True),
    ]
    assert all(body[q.start : q.end] == q.raw for q in qs)
    assert qs[0].text == "增值税\n12000\n12600"


def test_no_table_without_figures() -> None:
    assert tables_from_lines(["单位：万元", "一、总体情况", "全县财政运行平稳。"]) == []


# --- PDF tables -------------------------------------------------------------------------------


def _pdf_with_tables(ruled: bool) -> bytes:
    """Two pages: a ruled (or unruled) table of figures that continues on page 2 with its header repeated."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    header = ["指标", "2022年", "比上年增长（%）"]
    body = [[f"第{i}项产品产量", f"{100 + i * 7}.5", f"{i % 5}.{i}"] for i in range(1, 61)]
    xs = [72, 260, 400, 523]
    rows_per_page = [body[:38], body[38:]]
    for n, rows in enumerate(rows_per_page):
        y = 780.0
        c.setFont("STSong-Light", 10)
        if n == 0:
            c.drawString(72, y, "表1 2022年主要产品产量")
            y -= 16
            c.drawString(430, y, "单位：万吨")
            y -= 14
        top = y
        for row in [header, *rows]:
            for k, cell in enumerate(row):
                c.drawString(xs[k] + 4, y - 12, cell)
            y -= 18
        if ruled:
            for k in range(len(header) + 1 + len(rows)):
                c.line(xs[0], top - 18 * k, xs[-1], top - 18 * k)
            for x in xs:
                c.line(x, top, x, top - 18 * (len(rows) + 1))
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_pdf_table_across_two_pages(ruled: bool) -> None:
    import pdfplumber

    data = _pdf_with_tables(ruled)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        tables = tables_from_pdf(pdf)
    assert len(tables) == 1
    table = tables[0]
    assert table.rows[0] == ["指标", "2022年", "比上年增长（%）"]
    assert table.header_rows == 1
    assert len(table.rows) == 61  # the header repeated on page 2 is dropped
    assert table.rows[1] == ["第1项产品产量", "107.5", "1.1"]
    assert table.rows[60] == ["第60项产品产量", "520.5", "0.60"]
    assert (table.page, table.source) == (1, "pdf")
    if ruled:
        assert (table.caption, table.unit) == ("表1 2022年主要产品产量", "万吨")


def test_pdf_document_gets_table_records() -> None:
    doc = zx.parse(_pdf_with_tables(True), "t.pdf")
    assert len(doc.tables) == 1
    qs = document_table_quantities(doc.tables, doc.body, doc_year=2023)
    first = next(q for q in qs if q.row == 1 and q.column == 1)
    assert (first.indicator, first.value, first.unit, first.year) == ("第1项产品产量", 107.5, "万吨", 2022)
    assert doc.body[first.start : first.end] == "107.5"
    growth = next(q for q in qs if q.row == 1 and q.column == 2)
    assert (growth.indicator, growth.value, growth.unit) == ("第1项产品产量比上年增长", 1.1, "%")


# --- the pipeline: table records in doc.quantities ---------------------------------------------


def test_two_sided_table_takes_each_figure_label_from_its_left() -> None:
    (table,) = tables_from_lines(FLAT_TWO_SIDED)
    got = [(q.indicator, q.value, q.row, q.column, q.total) for q in table_quantities(table, 0, doc_year=2023)]
    assert got == [
        ("税收收入", 34000, 1, 1, False),
        ("一般公共服务支出", 32150, 1, 3, False),
        ("非税收入", 30000, 2, 1, False),
        ("教育支出", 61230, 2, 3, False),
        ("转移性收入", 486923, 3, 1, False),
        ("社会保障和就业支出", 98765, 3, 3, False),
        ("收入总计", 550923, 4, 1, True),
        ("支出总计", 550923, 4, 3, True),
    ]


def test_text_page_gets_flattened_table_records() -> None:
    text = "\n".join(["关于沙洋县2022年预算执行情况的报告", *FLAT_TWO_SIDED])
    doc = zx.parse(text, "budget.txt")
    assert doc.format == "text" and len(doc.tables) == 1
    assert doc.tables[0].start == doc.body.index("收入项目")  # where the table begins: its header row
    table_records = [q for q in doc.quantities if q.origin == "table"]
    assert len(table_records) == 8
    spending = next(q for q in table_records if q.indicator == "教育支出")
    assert (spending.value, spending.unit, spending.year, spending.table) == (61230, "万元", 2022, 0)
    assert doc.body[spending.start : spending.end] == "61230"
    starts = [q.start for q in doc.quantities]
    assert starts == sorted(starts)  # table and text records in body order


def test_html_page_gets_located_table_records() -> None:
    doc = zx.parse_file(PAGES / DAQING)
    assert len(doc.tables) == 6
    table_records = [q for q in doc.quantities if q.origin == "table"]
    assert len(table_records) >= 130
    assert all(doc.body[q.start : q.end] == q.raw for q in table_records)
    gdp = next(q for q in table_records if q.indicator == "地区生产总值" and q.table == 0)
    assert (gdp.value, gdp.unit, gdp.year, gdp.text) == (4000.5, "亿元", 2012, "地区生产总值 4000.5 10.0")


def test_sentence_in_a_cell_is_read_once() -> None:
    doc = zx.parse_file(FIXTURES / NFRA)
    fines = [q for q in doc.quantities if q.value == 158 and q.unit == "万元"]
    assert len(fines) == 1 and fines[0].origin == "table"
    assert doc.body[fines[0].start : fines[0].end] == "158万元"


def test_figures_in_a_later_text_column_count() -> None:
    durations = [(q.indicator, q.value, q.unit, q.kind) for q in records(FEES) if q.column == 5]
    assert ("慢性丙型肝炎审核确认有效期", 6, "个月", "duration") in durations
    assert ("家庭病床审核确认有效期", 90, "天", "duration") in durations


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (  # one row per year: the year column gives each row's year, the column headers the indicator
            [["年份", "地区生产总值（亿元）", "比上年增长（%）"], ["2020", "100.5", "3.1"], ["2021年", "110.2", "6.0"]],
            [
                ("地区生产总值", 100.5, "亿元", 2020),
                ("地区生产总值比上年增长", 3.1, "%", 2020),
                ("地区生产总值", 110.2, "亿元", 2021),
                ("地区生产总值比上年增长", 6.0, "%", 2021),
            ],
        ),
        (  # 比上年增长 is this year's growth: it takes the year of the figure on its left
            [["指标", "本年", "比上年增长（%）", "上年执行数"], ["税收收入（万元）", "100", "5.0", "95"]],
            [
                ("税收收入", 100, "万元", 2022),
                ("税收收入比上年增长", 5.0, "%", 2022),
                ("税收收入", 95, "万元", 2021),
            ],
        ),
    ],
    ids=["year_rows", "relative_years"],
)
def test_years_from_rows_and_relative_headers(rows: list[list[str]], expected: list[tuple[object, ...]]) -> None:
    table = Table(header_rows=1, rows=rows)
    assert [(q.indicator, q.value, q.unit, q.year) for q in table_quantities(table, 0, doc_year=2022)] == expected


def test_title_and_unit_cells_above_the_header() -> None:
    html = """<table><tr><td colspan="2">表2 2022年主要农产品产量</td><td>单位：万吨</td></tr>
      <tr><td>品种</td><td>产量</td><td>比上年增长（%）</td></tr>
      <tr><td>粮食</td><td>650.0</td><td>17.3</td></tr><tr><td>油料</td><td>3.1</td><td>-2.0</td></tr></table>"""
    (table,) = tables_from_html(lxml.html.fromstring(html))
    assert (table.caption, table.unit, table.header_rows) == ("表2 2022年主要农产品产量", "万吨", 1)
    got = [(q.indicator, q.value, q.unit, q.year) for q in table_quantities(table, 0, doc_year=2023)]
    assert got[:2] == [("粮食产量", 650.0, "万吨", 2022), ("粮食产量比上年增长", 17.3, "%", 2022)]


def test_table_records_take_section_and_the_year_of_the_sentence_before() -> None:
    text = "\n".join(
        [
            "某县2022年国民经济和社会发展统计公报",
            "一、农业",
            "2022年全年粮食产量650.0万吨，比上年增长5.0%。",
            "主要农产品产量",
            "单位：万吨",
            "品种",
            "产量",
            "粮食",
            "650.0",
            "油料",
            "3.1",
            "二、工业",
            "全年规模以上工业增加值增长6.1%。",
        ]
    )
    doc = zx.parse(text, "communique.txt")
    (table,) = doc.tables
    assert (table.caption, table.unit) == ("主要农产品产量", "万吨")
    assert table.rows == [["品种", "产量"], ["粮食", "650.0"], ["油料", "3.1"]]
    oil = next(q for q in doc.quantities if q.origin == "table" and q.indicator == "油料产量")
    assert (oil.value, oil.unit, oil.year) == (3.1, "万吨", 2022)
    assert oil.section == "农业"
    assert table.start == doc.body.index("品种\n产量\n粮食")  # not the sentence 粮食产量650.0万吨 above
    grain = [q for q in doc.quantities if q.value == 650.0]
    assert [q.origin for q in grain] == ["text", "table"]
    assert grain[1].start == doc.body.index("粮食\n650.0") + 3


def test_flattened_table_with_section_rows() -> None:
    lines = ["单位：万元", "项目", "预算数", "一、税收收入", "增值税", "12000", "企业所得税", "3500"]
    lines += ["二、非税收入", "罚没收入", "800", "全年收入增长5%。"]
    (table,) = tables_from_lines(lines)
    assert table.rows == [
        ["项目", "预算数"],
        ["一、税收收入", ""],
        ["增值税", "12000"],
        ["企业所得税", "3500"],
        ["二、非税收入", ""],
        ["罚没收入", "800"],
    ]


@pytest.mark.parametrize(("cell", "numeric"), [("两年", True), ("三个月", True), ("一类", False), ("三", False)])
def test_chinese_numeral_cells(cell: str, numeric: bool) -> None:
    assert is_number_cell(cell) is numeric


def test_fee_validity_in_chinese_numerals() -> None:
    got = {(q.indicator, q.value, q.unit) for q in records(FEES) if q.column == 5}
    assert ("耐多药肺结核审核确认有效期", 2, "年") in got


def test_pdf_frame_around_paragraphs_is_not_a_table() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("STSong-Light", 10)
    sentence = "本办法自发布之日起施行，由县财政局负责解释，原有规定与本办法不一致的以本办法为准。"
    for k in range(2):  # framed columns, each holding paragraphs of many lines
        x = 72 + k * 220
        c.rect(x, 300, 220, 400)
        c.line(x, 500, x + 220, 500)  # two rows of two framed cells: shaped like a table
        for line in range(24):
            c.drawString(x + 5, 686 - 16 * line - (8 if line >= 12 else 0), sentence[(line * 3) % 20 :][:20])
    c.showPage()
    c.save()
    doc = zx.parse(buf.getvalue(), "frame.pdf")
    assert doc.tables == []
    assert "本办法自发布之日起施行" in doc.body


def test_bare_years_and_percent_in_headers() -> None:
    html = """<p>单位：亿元</p><table><tr><td>指标</td><td>2021</td><td>2022</td><td>增长%</td></tr>
      <tr><td>地区生产总值</td><td>950.2</td><td>1001.7</td><td>5.4</td></tr>
      <tr><td>财政收入</td><td>80.1</td><td>83.0</td><td>3.6</td></tr></table>"""
    (table,) = tables_from_html(lxml.html.fromstring(f"<div>{html}</div>"))
    assert (table.header_rows, table.unit) == (1, "亿元")
    got = [(q.indicator, q.value, q.unit, q.year) for q in table_quantities(table, 0, doc_year=2023)][:3]
    assert got == [
        ("地区生产总值", 950.2, "亿元", 2021),
        ("地区生产总值", 1001.7, "亿元", 2022),
        ("地区生产总值增长", 5.4, "%", 2022),
    ]


def test_hostile_spans_stay_bounded() -> None:
    import time

    cells = '<td rowspan="100000" colspan="100000">9</td>' * 50
    html = "<table>" + f"<tr>{cells}</tr>" * 300 + "</table>"
    start = time.perf_counter()
    tables_from_html(lxml.html.fromstring(f"<div>{html}</div>"))
    assert time.perf_counter() - start < 5


def test_flattened_table_with_bar_lines() -> None:
    # a scrape that writes `|` after every cell; two bars in a row are an empty cell
    lines = lines_of("单位：吨\n地区\n|\n总产量\n|\n比上年增长%\n|\n河 北\n|\n712 418\n|\n67.01\n|\n北 京\n|\n|\n|\n")
    lines += lines_of("山 西\n|\n101 513\n|\n156.24\n|\n合 计\n|\n813 931\n|\n71.5\n|\n说明：数据为初步统计。")
    (table,) = tables_from_lines(lines)
    assert table.rows == [
        ["地区", "总产量", "比上年增长%"],
        ["河北", "712 418", "67.01"],
        ["北京", "", ""],
        ["山西", "101 513", "156.24"],
        ["合计", "813 931", "71.5"],
    ]
    got = [(q.indicator, q.value, q.unit, q.total) for q in table_quantities(table, 0, doc_year=None)]
    assert got[:2] == [("河北总产量", 712418, "吨", False), ("河北总产量比上年增长", 67.01, "%", False)]
    assert got[-2] == ("合计总产量", 813931, "吨", True)


# --- robustness ---------------------------------------------------------------------------------

_CELLS = st.sampled_from(
    [
        *("", "合计", "单位：万元", "指标", "2022年", "上年", "（万吨）", "粮 食", "—", "x"),
        *("12.5", "-3", "1,200", "200元/月", "两年"),
    ]
)
_GRIDS = st.lists(st.lists(_CELLS, min_size=1, max_size=6), min_size=1, max_size=8)
_SPANS = st.lists(st.tuples(st.integers(1, 3), st.integers(1, 3)), min_size=48, max_size=48)


@settings(max_examples=60, deadline=None)
@given(_GRIDS, _SPANS)
def test_any_grid_reads_without_error(grid: list[list[str]], spans: list[tuple[int, int]]) -> None:
    cells = iter(spans)

    def td(text: str) -> str:
        down, across = next(cells)
        return f'<td rowspan="{down}" colspan="{across}">{text}</td>'

    rows = "".join("<tr>" + "".join(td(c) for c in row) + "</tr>" for row in grid)
    body = "\n".join(" ".join(c for c in row if c) for row in grid)
    for table in tables_from_html(lxml.html.fromstring(f"<div><table>{rows}</table></div>")):
        for q in document_table_quantities([table], body, doc_year=2023):
            assert 0 <= q.start <= q.end <= len(body)
            assert q.origin == "table"


@settings(max_examples=60, deadline=None)
@given(st.lists(_CELLS, max_size=40))
def test_any_lines_read_without_error(cells: list[str]) -> None:
    lines = ["单位：万元", *cells]
    for table in tables_from_lines(lines):
        assert len({len(row) for row in table.rows}) == 1
        table_quantities(table, 0, doc_year=2023, body="\n".join(lines))


def test_table_row_spans() -> None:
    body = "\n".join(FLAT_BUDGET)
    spans = table_row_spans(tables_from_lines(FLAT_BUDGET), body)
    assert [body[a:b] for a, b in spans] == [
        "2022年执行数\n2023年预算数",
        "增值税\n12000\n12600",
        "企业所得税\n3500\n3650",
        "合计\n15500\n16250",
    ]


def test_figures_with_furniture_words_or_links_are_still_data() -> None:
    html = """<table><tr><td>发布机构</td><td>公开文件数（件）</td></tr>
      <tr><td><a href="/a">县财政局</a></td><td>120</td></tr><tr><td><a href="/b">县统计局</a></td><td>85</td></tr>
      <tr><td><a href="/c">县教育局</a></td><td>64</td></tr></table>"""
    (table,) = tables_from_html(lxml.html.fromstring(f"<div>{html}</div>"))
    got = [(q.indicator, q.value, q.unit) for q in table_quantities(table, 0, doc_year=2023)]
    assert got[0] == ("县财政局公开文件数", 120, "件")


def test_tables_written_with_pipes() -> None:
    """A table a scrape wrote as cells between pipes (pages_yhsz_yuhuan 2019 communiqué, read by eye)."""
    from zhengwu_extract.tables import tables_from_pipes

    lines = [
        "表1 2019年玉环市生产总值",
        "| 绝 对 数 (亿元) | 比上年增长 (%) |",
        "地区生产总值 | 617.50 | 5.2 |",
        "第一产业 | 37.11 | 2.6 |",
        "第二产业 | 339.85 | 4.5 |",
        "第三产业 | 240.54 | 6.7 |",
        "二、农 业",
    ]
    (table,) = tables_from_pipes(lines)
    assert table.caption == "表1 2019年玉环市生产总值"
    assert table.header_rows == 1
    assert table.rows[1] == ["地区生产总值", "617.50", "5.2"]
    records = table_quantities(table, 0, doc_year=2020)
    got = [(q.value, q.unit, q.indicator, q.year) for q in records]
    assert got[:2] == [(617.5, "亿元", "地区生产总值", 2019), (5.2, "%", "地区生产总值比上年增长", 2019)]
    assert len(got) == 8
    # a header block of label | value pairs is no table
    header = ["索引号: | 002590358/2022-77135 | 公开方式: | 主动公开 |", "文号: | 公开日期: | 2022-08-17 |"]
    assert tables_from_pipes(header) == []


def test_a_flat_table_with_pipe_lines_between_its_cells() -> None:
    """One cell a line with a `|` line between cells (pages_panji 2022, read by eye)."""
    cells = ["2022年全区生产总值及其增长速度", "单位:亿元", "指 标", "绝对数", "比上年增长%"]
    cells += ["生产总值", "295.4", "7.7", "第一产业", "24.4", "3.3"]
    cells += ["第二产业", "210.1", "11.6", "第三产业", "60.9", "-0.2"]
    body = "\n|\n".join(cells)
    doc = zx.parse(body, "panji.txt")
    got = [(q.value, q.unit, q.indicator) for q in doc.quantities if q.origin == "table"]
    assert got[:2] == [(295.4, "亿元", "生产总值"), (7.7, "%", "生产总值比上年增长")]
    assert len(got) == 8


# --- fee lists: a 计价单位 column, ranges, asides (two funeral fee pages, read by eye) ----------

TEXT_PAGES = Path(__file__).parent / "fixtures" / "text"
YANTAI_FEES = "pages_yantai_gov_cn_funeral_service_fees_2015.excerpt.txt"
SH_FEES = "pages_mzj_sh_gov_cn_municipal_funeral_home_fees_2024.excerpt.txt"


@cache
def fee_records(name: str) -> list[tuple[object, ...]]:
    doc = zx.parse_file(TEXT_PAGES / name)
    return [(q.indicator, q.category, q.value, q.unit, q.low, q.high) for q in doc.quantities if q.origin == "table"]


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("600-1000", ("", "600", "", "", "1000", "")),
        ("平均100", ("平均", "100", "", "", "", "")),
        ("4000(60天)", ("", "4000", "", "", "", "60天")),
        ("350(5-7天)", ("", "350", "", "", "", "5-7天")),
        ("2021-2025", None),  # a span of years is no range of figures
        ("5-2", None),
    ],
)
def test_cell_parts_ranges_and_asides(cell: str, parts: tuple[str, ...] | None) -> None:
    from zhengwu_extract.tables import cell_parts

    assert cell_parts(cell) == parts


@pytest.mark.parametrize(
    "record",
    [
        # one cell a line: the rate cell (元/具) above its figure; the fee of the row names it
        ("火化费", "普通殡仪馆", 120, "元/具", None, None),
        ("尸体接运费", "20公里以内,普通型灵车", 100, "元/具", None, None),
        ("骨灰寄存费", "全封闭式单盒", 60, "元/年", None, None),
        ("尸体寄存费", None, 20, "元/具.日", None, None),
        ("尸体寄存费", None, 5, "元/具.小时", None, None),  # a row without labels continues the one above
        ("委托穿、脱衣费", None, 100, "元/具", None, None),
        ("尸体整容费", "一般整容", 100, "元/具", 100, 500),
        ("尸体整容费", "一般整容", 500, "元/具", 100, 500),
        ("尸体整容费", "特殊整容", 501, "元/具", 501, 1000),
        ("尸体防腐费", None, 1000, "元/具", 400, 1000),
        ("馆内抬尸费", None, 60, "元/具.次", None, None),
        ("租赁费", "使用面积200m2以上", 500, "元/次", None, None),
    ],
)
def test_fee_table_one_cell_a_line(record: tuple[object, ...]) -> None:
    assert record in fee_records(YANTAI_FEES)


def test_fee_table_one_cell_a_line_reads_remarks_and_sub_items() -> None:
    values = [(r[2], r[3]) for r in fee_records(YANTAI_FEES)]
    assert values.count((30, "%")) == 2  # 上浮30% (一级殡仪馆) and 上浮30% (二级馆) in the 备注 column
    assert (50, "%") in values and (7, "岁") in values and (200, "m2") in values
    assert len([r for r in fee_records(YANTAI_FEES) if str(r[3]).startswith("元/")]) == 25  # 22 cells, 3 ranges


@pytest.mark.parametrize(
    "record",
    [
        ("尸体火化", "台车式捡灰炉", 600, "元/具", None, None),
        ("尸体火化", "平板式火化炉", 180, "元/具", None, None),  # a row without its 序号 cell
        ("接尸", "高档灵车接尸", 600, "元/具", 600, 1000),
        ("接尸", "高档灵车接尸", 1000, "元/具", 600, 1000),
        ("车辆消毒", None, 5, "元/具", None, None),
        ("殡仪馆骨灰寄存", None, 100, "元/每格每年", None, None),
        ("遗体防腐", "针防", 4000, "元/具", None, None),
        ("遗体防腐", "针防", 60, "天", None, None),
        ("遗体防腐", "针防", 350, "元/具", None, None),  # 具 | 350(5-7天): the item above
        ("遗体防腐", "针防", 7, "天", 5, 7),
        ("遗体防腐", "冰防", 10, "元/每具每天", None, None),
        ("尸体特殊整容化妆费", "3级化妆", 50, "元/具", None, None),
        ("尸体入殓服务费", None, 80, "元/具", None, None),
    ],
)
def test_fee_table_with_pipes_and_a_pricing_unit_column(record: tuple[object, ...]) -> None:
    assert record in fee_records(SH_FEES)


def test_fee_table_with_pipes_reads_every_figure_once() -> None:
    doc = zx.parse_file(TEXT_PAGES / SH_FEES)
    assert len(doc.quantities) == 27
    assert all(q.origin == "table" and q.end > q.start for q in doc.quantities)  # rows found in the body


# --- a statistics table written with pipes, group rows between its rows (深圳民政统计季报, read by eye) --

SZ_CIVIL = "pages_mzj_sz_gov_cn_shenzhen_civil_affairs_2020q2.excerpt.txt"
SZ_TITLE = "2020年2季度深圳民政统计季报"


@cache
def sz_civil() -> tuple[list[Table], list[Quantity]]:
    from zhengwu_extract.models import Metadata
    from zhengwu_extract.table_records import add_table_quantities

    doc = zx.parse_file(TEXT_PAGES / SZ_CIVIL)
    assert doc.title == SZ_TITLE
    text = [q for q in doc.quantities if q.origin == "text"]
    return add_table_quantities("text", doc.body, [], text, Metadata(publish_date="2020-09-25"), title=SZ_TITLE)


def test_pipe_table_keeps_group_rows_and_skips_empty_rows() -> None:
    from zhengwu_extract.tables import tables_from_pipes

    lines = ["指 标 | 单 位 | 数 量 |", "一、民政事业费累计支出 | 万元 | 98,644.9 |", "二、行政区划 |", "|", "|"]
    lines += ["街道 | 个 | 74 |", "三、民政机构和设施 |", "|", "(一)提供住宿的民政机构 | 个 | 42 |"]
    lines += ["备注:我市目前有10个婚姻登记处,其中机构2个。 |", "|"]
    (table,) = tables_from_pipes(lines)
    assert table.header_rows == 1
    assert table.rows == [
        ["指标", "单位", "数量"],
        ["一、民政事业费累计支出", "万元", "98,644.9"],
        ["二、行政区划", "", ""],
        ["街道", "个", "74"],
        ["三、民政机构和设施", "", ""],
        ["(一)提供住宿的民政机构", "个", "42"],
    ]  # the 备注 sentence after the last row is no row: no row of cells follows it


@pytest.mark.parametrize(
    "record",
    [
        ("民政事业费累计支出", 98644.9, "万元", "money", None),  # a row numbered 一、 keeps its figure
        ("街道", 74, "个", "count", None),  # the one row under 二、行政区划
        ("提供住宿的民政机构", 42, "个", "count", None),
        ("养老机构", 34, "个", "count", "养老机构"),  # 34 + 5 + 3 = 42: parts of the row above
        ("其他提供住宿机构", 3, "个", "count", "其他提供住宿机构"),
        ("提供住宿的民政机构床位", 11535, "张", "count", None),
        ("养老机构床位数", 9634, "张", "count", "养老机构"),
        ("儿童福利和救助保护机构床位数", 1097, "张", "count", "儿童福利和救助保护机构"),
        ("孤儿", 725, "人", "count", None),
        ("集中养育孤儿", 704, "人", "count", "集中养育"),  # 704 + 21 = 725
        ("社会散居孤儿", 21, "人", "count", "社会散居"),
        ("成立收养关系登记", 9, "件", "count", None),  # after the parts: 704 + 21 already make 725
        ("城市低保人数", 3235, "人", "count", None),  # under a heading row without a figure: no parts
        ("其他社区服务机构和设施", 7421, "个", "count", None),
        ("居委会", 810, "个", "count", None),
    ],
)
def test_pipe_statistics_table_rows(record: tuple[object, ...]) -> None:
    _, found = sz_civil()
    table = [(q.indicator, q.value, q.unit, q.kind, q.category) for q in found if q.origin == "table"]
    assert record in table


def test_pipe_statistics_table_reads_every_row_once_with_the_title_year() -> None:
    tables, found = sz_civil()
    assert len(tables) == 1 and tables[0].header_rows == 1
    table = [q for q in found if q.origin == "table"]
    assert len(table) == 29
    assert {q.year for q in table} == {2020}  # 2020年2季度 in the title; the table names no year
    assert all(q.end > q.start and "|" in q.text for q in table)  # every row found in the body
    notes = [(q.value, q.unit) for q in found if q.origin == "text"]
    assert notes == [(10, "个"), (2, "个")]  # the 备注 sentence stays text


@pytest.mark.parametrize(
    ("title", "year"),
    [(SZ_TITLE, 2020), ("关于2019年预算执行情况和2020年预算草案的报告", None), ("民政统计季报", None)],
)
def test_table_records_take_a_title_naming_one_year(title: str, year: int | None) -> None:
    from zhengwu_extract.models import Metadata
    from zhengwu_extract.table_records import add_table_quantities

    body = "指标 | 单位 | 数量 |\n街道 | 个 | 74 |\n社区 | 个 | 683 |"
    _, found = add_table_quantities("text", body, [], [], Metadata(publish_date="2020-09-25"), title=title)
    assert [(q.value, q.year) for q in found] == [(74, year), (683, year)]


def test_rows_that_do_not_add_up_are_no_parts() -> None:
    from zhengwu_extract.models import Metadata
    from zhengwu_extract.table_records import add_table_quantities

    body = "指标 | 单位 | 数量 |\n孤儿 | 人 | 725 |\n集中养育孤儿 | 人 | 700 |\n社会散居孤儿 | 人 | 21 |"
    _, found = add_table_quantities("text", body, [], [], Metadata())
    assert [q.category for q in found] == [None, None, None]


def test_a_parse_gives_table_and_text_records_the_year_of_a_statistics_title() -> None:
    # parse passes the title to the table reader (the table names no year), and 统计季报 in the title
    # gives the sentence figures of the 备注 the same year
    doc = zx.parse_file(TEXT_PAGES / SZ_CIVIL)
    assert {q.year for q in doc.quantities if q.origin == "table"} == {2020}
    assert [(q.value, q.year) for q in doc.quantities if q.origin == "text"] == [(10, 2020), (2, 2020)]


# Nanjing statistics yearbook 2021, table 14—16: one cell a line with a `|` line after each cell, the
# header cells split over two lines (机构数 / (个), #卫生技术 / 人员), two empty header cells before the
# #-columns of 卫生人员数; no 单位 line: the caption opens the table.
NANJING_HOSPITALS = "pages_tjj_nanjing_gov_cn_hospitals_table_2020.excerpt.txt"


def test_barred_yearbook_table_under_a_numbered_caption() -> None:
    lines = (TEXT_PAGES / NANJING_HOSPITALS).read_text(encoding="utf-8").split("\n")
    (table,) = tables_from_lines(lines)
    assert table.caption == "表14—16 各类医院基本情况(2020年)"
    assert table.header_rows == 1
    assert table.rows[0] == [
        "指标",
        "机构数(个)",
        "实有床位数(张)",
        "卫生人员数(人)",
        "#卫生技术人员",
        "#执业(助理)医师",
    ]
    assert table.rows[1] == ["全市", "271", "57455", "83314", "69786", "23804"]
    assert table.rows[-1] == ["护理院", "56", "5108", "2880", "1646", "386"]
    assert len(table.rows) == 7


@pytest.mark.parametrize(
    ("indicator", "value", "unit", "category"),
    [
        ("机构数", 271, "个", None),  # 全市: the whole the types split
        ("实有床位数", 57455, "张", None),
        ("卫生人员数", 83314, "人", None),
        ("卫生技术人员", 69786, "人", None),  # a #-column without a unit: 人 of 卫生人员数
        ("执业(助理)医师", 23804, "人", None),
        ("机构数", 105, "个", "综合医院"),
        ("卫生技术人员", 9948, "人", "中医院"),
        ("实有床位数", 1364, "张", "中西医结合医院"),
        ("执业(助理)医师", 4977, "人", "专科医院"),
        ("卫生人员数", 2880, "人", "护理院"),
    ],
)
def test_yearbook_columns_are_measures_and_rows_kinds(
    indicator: str, value: int, unit: str, category: str | None
) -> None:
    doc = parse_nanjing_hospitals()
    found = [q for q in doc.quantities if q.value == value]
    assert [(q.indicator, q.unit, q.year, q.category, q.origin) for q in found] == [
        (indicator, unit, 2020, category, "table")
    ]


def test_yearbook_table_gives_all_its_cells() -> None:
    doc = parse_nanjing_hospitals()
    assert len(doc.quantities) == 30
    assert {q.year for q in doc.quantities} == {2020}
    assert doc.quantities[0].text.startswith("全 市\n|\n271")


@cache
def parse_nanjing_hospitals() -> zx.Document:
    return zx.parse_file(TEXT_PAGES / NANJING_HOSPITALS)


def test_one_unit_for_every_column_keeps_rows_as_indicators() -> None:
    # a budget table's columns all in 万元 are amounts of the row's item, not measures across kinds
    table = Table(
        header_rows=1,
        rows=[["项目", "预算数(万元)", "执行数(万元)", "完成率(%)"], ["教育支出", "100", "90", "90"]],
        source="text",
    )
    assert [q.indicator for q in table_quantities(table, 0, doc_year=None)][:2] == ["教育支出", "教育支出"]
