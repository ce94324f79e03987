"""The PDF reader: reading order, running headers and page numbers, paragraphs, title, errors, tables.

Test PDFs are drawn with reportlab's built-in STSong-Light CID font (pdfplumber reads it back);
the one real PDF is the first three pages of the CSRC industry classification (table only).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

import pytest

import zhengwu_extract as zx
from zhengwu_extract.errors import (
    DamagedPdfError,
    EncryptedPdfError,
    NoTextLayerError,
    PdfTooLargeError,
)
from zhengwu_extract.load import Limits
from zhengwu_extract.pdf import check_stream_sizes, read_pdf_page

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
FONT = "STSong-Light"
LEFT, RIGHT, TOP, BOTTOM = 72.0, 523.0, 770.0, 80.0
SIZE = 12.0

Canvas = object  # reportlab's canvas, typed loosely: reportlab ships no type hints


def _register() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _canvas(buf: io.BytesIO, **kwargs: object) -> object:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register()
    return canvas.Canvas(buf, pagesize=A4, **kwargs)


def _wrap(text: str, first_indent: int = 2) -> list[tuple[float, str]]:
    """A paragraph cut into lines that fill the text block, measured with the font's real widths."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _register()
    out: list[tuple[float, str]] = []
    x = LEFT + first_indent * SIZE
    line = ""
    for ch in text:
        if stringWidth(line + ch, FONT, SIZE) > RIGHT - x:
            out.append((x, line))
            x, line = LEFT, ""
        line += ch
    if line:
        out.append((x, line))
    return out


def make_report(
    paragraphs: Sequence[str],
    *,
    title: str | None = "沙洋县人民政府关于2022年预算执行情况的报告",
    header: str | None = "沙洋县人民政府文件",
    footer: Callable[[int, int], str] | None = lambda n, total: f"第 {n} 页 共 {total} 页",
    meta_title: str | None = None,
    lines_per_page: int = 40,
    extra: Callable[[object, int], None] | None = None,
) -> bytes:
    """A multi-page report: running header, page-number footer, wrapped and indented paragraphs."""
    lines: list[tuple[float, str, float]] = []
    if title:
        lines.append((0.0, title, 18.0))
    for para in paragraphs:
        indent = 0 if para.startswith(("一、", "二、", "三、")) else 2
        lines += [(x, t, SIZE) for x, t in _wrap(para, indent)]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    buf = io.BytesIO()
    c = _canvas(buf)
    if meta_title is not None:
        c.setTitle(meta_title)  # type: ignore[attr-defined]
    for n, page in enumerate(pages, start=1):
        if header:
            c.setFont(FONT, 9)  # type: ignore[attr-defined]
            c.drawCentredString(297, 810, header)  # type: ignore[attr-defined]
        y = TOP
        for x, text, size in page:
            c.setFont(FONT, size)  # type: ignore[attr-defined]
            if size > SIZE:
                c.drawCentredString(297, y, text)  # type: ignore[attr-defined]
                y -= size * 2
            else:
                c.drawString(x, y, text)  # type: ignore[attr-defined]
                y -= SIZE * 1.6
        if footer:
            c.setFont(FONT, 9)  # type: ignore[attr-defined]
            c.drawCentredString(297, 40, footer(n, len(pages)))  # type: ignore[attr-defined]
        if extra:
            extra(c, n)
        c.showPage()  # type: ignore[attr-defined]
    c.save()  # type: ignore[attr-defined]
    return buf.getvalue()


PARAS = [
    "一、2022年财政预算执行情况",
    "2022年，全县一般公共预算收入预计完成81000万元，占调整预算的100%，同比下降6.8%，全县一般公共预算支出预计完成411120万元，"
    "占调整预算的100%，同比增长20.4%。县级一般公共预算收入预计完成64000万元，其中税收收入34000万元、非税收入30000万元。",
    "二、2023年预算草案",
    "2023年全县一般公共预算收入预期增长5%，安排85050万元；加上转移性收入和上年结余，收入总计为512800万元，"
    "支出安排坚持尽力而为、量力而行，兜牢基层三保底线，优先保障民生支出和重点项目，严格控制一般性支出。",
]


def parse_pdf(data: bytes, limits: Limits | None = None) -> zx.Document:
    return zx.parse(data, "test.pdf", limits=limits or Limits())


# --- text ----------------------------------------------------------------------------------


def test_paragraphs_are_rejoined_and_running_lines_dropped() -> None:
    doc = parse_pdf(make_report(PARAS * 3, lines_per_page=12))
    assert doc.format == "pdf"
    assert doc.title == "沙洋县人民政府关于2022年预算执行情况的报告"
    lines = doc.body.split("\n")
    assert lines[0] == "一、2022年财政预算执行情况"
    assert lines[1] == PARAS[1]  # three printed lines are one paragraph again
    assert lines[2] == "二、2023年预算草案"
    assert "沙洋县人民政府文件" not in doc.body
    assert "页" not in doc.body.replace("页", "页") or "第 1 页" not in doc.body
    assert all("共" not in line or "页" not in line for line in lines)


def test_paragraph_continues_across_a_page_break() -> None:
    # 12 lines a page: the second paragraph's lines run over onto page 2
    doc = parse_pdf(make_report(PARAS, lines_per_page=3))
    assert PARAS[1] in doc.body.split("\n")
    assert PARAS[3] in doc.body.split("\n")


@pytest.mark.parametrize(
    "footer",
    [
        lambda n, total: f"- {n} -",
        lambda n, total: f"— {n} —",
        lambda n, total: f"{n}/{total}",
        lambda n, total: str(n),
        lambda n, total: f"第{n}页",
    ],
    ids=["dash", "emdash", "slash", "bare", "di_ye"],
)
def test_page_number_styles_are_dropped(footer: Callable[[int, int], str]) -> None:
    doc = parse_pdf(make_report(PARAS * 2, lines_per_page=8, header=None, footer=footer))
    for n in (1, 2, 3):
        assert footer(n, 3) not in doc.body.split("\n")
    assert PARAS[1] in doc.body


def test_overprinted_bold_text_reads_once() -> None:
    def bold(c: object, n: int) -> None:
        c.setFont(FONT, SIZE)  # type: ignore[attr-defined]
        for dx in (0.0, 0.3):  # fake bold: the same line printed twice, a hair apart
            c.drawString(LEFT + dx, 200, "三、2023年预算安排")  # type: ignore[attr-defined]

    doc = parse_pdf(make_report(PARAS[:2], extra=bold))
    assert "三、2023年预算安排" in doc.body.split("\n")


def test_masthead_and_document_number_are_not_the_title() -> None:
    def masthead(c: object, n: int) -> None:
        if n == 1:
            c.setFont(FONT, 26)  # type: ignore[attr-defined]
            c.drawCentredString(297, 800, "沙洋县人民政府文件")  # type: ignore[attr-defined]
            c.setFont(FONT, SIZE)  # type: ignore[attr-defined]
            c.drawCentredString(297, 785, "沙政发〔2022〕12号")  # type: ignore[attr-defined]

    doc = parse_pdf(make_report(PARAS, header=None, extra=masthead))
    assert doc.title == "沙洋县人民政府关于2022年预算执行情况的报告"


def test_metadata_title_wins_when_meaningful() -> None:
    doc = parse_pdf(make_report(PARAS, meta_title="关于沙洋县2022年预算执行情况和2023年预算草案的报告"))
    assert doc.title == "关于沙洋县2022年预算执行情况和2023年预算草案的报告"


@pytest.mark.parametrize("meta", ["Microsoft Word - 报告.doc", "untitled", "report.pdf", "1"])
def test_default_metadata_titles_are_ignored(meta: str) -> None:
    doc = parse_pdf(make_report(PARAS, meta_title=meta))
    assert doc.title == "沙洋县人民政府关于2022年预算执行情况的报告"


def test_header_labels_become_metadata() -> None:
    paras = ["索引号：11420822011101234X/2022-00012", "发文字号：沙政发〔2022〕12号", "发布日期：2022-12-29", *PARAS]
    data = make_report(paras)
    doc = parse_pdf(data)
    assert doc.metadata.index_no == "11420822011101234X/2022-00012"
    assert doc.metadata.doc_no == "沙政发〔2022〕12号"
    assert doc.metadata.publish_date == "2022-12-29"
    assert "索引号" not in doc.body


def _footnote_page(c: object, n: int) -> None:
    """Page 1 gets `常住人口` + a raised small `1` + `1761.48万人。` on one printed line."""
    if n != 1:
        return
    c.setFont(FONT, SIZE)  # type: ignore[attr-defined]
    c.drawString(LEFT, 200, "年末全市常住人口")  # type: ignore[attr-defined]
    c.setFont(FONT, 7)  # type: ignore[attr-defined]
    c.drawString(LEFT + 8 * SIZE, 206, "1")  # type: ignore[attr-defined]
    c.setFont(FONT, SIZE)  # type: ignore[attr-defined]
    c.drawString(LEFT + 8 * SIZE + 5, 200, "1761.48万人，比上年末增加2.3万人。")  # type: ignore[attr-defined]


def test_superscript_footnote_digits_are_dropped() -> None:
    doc = parse_pdf(make_report(PARAS[:2], extra=_footnote_page))
    assert "年末全市常住人口1761.48万人，比上年末增加2.3万人。" in doc.body


def test_footnote_marker_on_its_own_line_is_dropped() -> None:
    def footnote_line(c: object, n: int) -> None:
        c.setFont(FONT, SIZE)  # type: ignore[attr-defined]
        c.drawString(LEFT, 300, "年末全市常住人口")  # type: ignore[attr-defined]
        c.drawString(LEFT, 280, "1")  # type: ignore[attr-defined]
        c.drawString(LEFT, 260, "1761.48 万人。")  # type: ignore[attr-defined]

    doc = parse_pdf(make_report(PARAS[:2], extra=footnote_line))
    assert "年末全市常住人口\n1761.48 万人。" in doc.body
    assert any("footnote" in w for w in doc.warnings)


# --- errors and limits ---------------------------------------------------------------------


def test_more_pages_than_the_limit_reads_the_first_pages_and_warns() -> None:
    doc = parse_pdf(make_report(PARAS * 3, lines_per_page=6), Limits(max_pdf_pages=2))
    assert any("only the first 2" in w for w in doc.warnings)
    assert "2023年全县一般公共预算收入预期增长5%" not in doc.body.split("\n")[-1]


def test_encrypted_pdf() -> None:
    buf = io.BytesIO()
    c = _canvas(buf, encrypt="secret")
    c.setFont(FONT, 12)  # type: ignore[attr-defined]
    c.drawString(72, 700, "加密文件")  # type: ignore[attr-defined]
    c.showPage()  # type: ignore[attr-defined]
    c.save()  # type: ignore[attr-defined]
    with pytest.raises(EncryptedPdfError, match="encrypted"):
        parse_pdf(buf.getvalue())


def test_pdf_without_text_layer() -> None:
    buf = io.BytesIO()
    c = _canvas(buf)
    c.rect(72, 400, 300, 200, fill=1)  # type: ignore[attr-defined]
    c.showPage()  # type: ignore[attr-defined]
    c.save()  # type: ignore[attr-defined]
    with pytest.raises(NoTextLayerError, match="no text layer: OCR would be needed"):
        parse_pdf(buf.getvalue())


@pytest.mark.parametrize("cut", [0.5, 0.2])
def test_truncated_pdf(cut: float) -> None:
    data = make_report(PARAS)
    with pytest.raises(DamagedPdfError, match=r"damaged|truncated"):
        parse_pdf(data[: int(len(data) * cut)])


def test_time_limit_is_not_taken_for_a_damaged_page() -> None:
    from zhengwu_extract.errors import ExtractTimeoutError

    # the alarm may land inside pdfminer, which swallows it; the page loop checks the clock as well
    with pytest.raises(ExtractTimeoutError):
        zx.parse_file(FIXTURES / "csrc_2018q3_first3.pdf", limits=Limits(timeout=0.05))


def test_decompression_bound() -> None:
    import zlib

    stream = zlib.compress(b" " * 3_000_000)
    data = b"%%PDF-1.4\n1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
    data += b"\nendstream\nendobj\n%%EOF\n"
    check_stream_sizes(data, "x", Limits(max_pdf_stream_bytes=4_000_000))
    with pytest.raises(PdfTooLargeError, match="max_pdf_stream_bytes"):
        check_stream_sizes(data, "x", Limits(max_pdf_stream_bytes=1_000_000))


# --- the real table-only PDF -----------------------------------------------------------------


@pytest.fixture(scope="module")
def csrc() -> zx.Document:
    return zx.parse_file(FIXTURES / "csrc_2018q3_first3.pdf")


def test_csrc_title_and_one_joined_table(csrc: zx.Document) -> None:
    assert csrc.title == "2018年3季度上市公司行业分类结果"
    assert len(csrc.tables) == 1  # three pages, one table: repeated header rows dropped
    table = csrc.tables[0]
    assert table.header_rows == 1
    assert table.rows[0] == ["门类名称及代码", "行业大类代码", "行业大类名称", "上市公司代码", "上市公司简称"]
    assert table.page == 1
    assert table.caption == "2018年3季度上市公司行业分类结果"
    assert sum(1 for row in table.rows if row[0] == "门类名称及代码") == 1


@pytest.mark.parametrize(
    "row",
    [
        ["农、林、牧、渔业(A)", "01", "农业", "000998", "隆平高科"],
        ["农、林、牧、渔业(A)", "01", "农业", "002041", "登海种业"],
        ["农、林、牧、渔业(A)", "02", "林业", "600265", "ST景谷"],
        ["农、林、牧、渔业(A)", "04", "渔业", "600467", "好当家"],
        ["农、林、牧、渔业", "05", "农、林、牧、渔服务业", "000713", "丰乐种业"],
        ["采矿业(B)", "06", "煤炭开采和洗选业", "601001", "大同煤业"],
        ["采矿业(B)", "07", "石油和天然气开采业", "601857", "中国石油"],
        ["采矿业(B)", "09", "有色金属矿采选业", "000688", "国城矿业"],
    ],
)
def test_csrc_rows(csrc: zx.Document, row: list[str]) -> None:
    assert row in csrc.tables[0].rows


def test_csrc_body_has_each_row_once(csrc: zx.Document) -> None:
    assert csrc.body.count("门类名称及代码") == 1
    assert "600467 好当家" in csrc.body
    assert csrc.tables[0].start == csrc.body.index("门类名称及代码 行业大类代码")


def test_csrc_codes_are_not_quantities(csrc: zx.Document) -> None:
    assert not [q for q in csrc.quantities if q.origin == "table"]
    assert not csrc.quantities  # nor does the text reader take `600371 万向德农` in a row for 600371万


def test_read_pdf_page_directly() -> None:
    parts = read_pdf_page(make_report(PARAS), "x.pdf", Limits())
    assert parts.title and parts.body.startswith("一、2022年财政预算执行情况")


def test_csrc_every_row_is_found_in_the_body(csrc: zx.Document) -> None:
    from zhengwu_extract.table_records import _Locator

    # rows whose category is written once on the page (merged cells) are found by their own cells,
    # and a page's first row, which repeats the category, does not pull the search ahead
    locator = _Locator(csrc.body)
    rows = csrc.tables[0].rows
    missing = [row for prev, row in pairwise(rows) if locator.row(row, previous=prev) is None]
    assert missing == []


def test_table_rows_sit_between_the_paragraphs_around_them() -> None:
    def table(c: object, n: int) -> None:
        if n != 1:
            return
        c.setFont(FONT, 10)  # type: ignore[attr-defined]
        rows = [["项目", "2022年", "增长（%）"], ["税收收入", "34000", "5.2"], ["非税收入", "30000", "-3.1"]]
        xs, top = [72.0, 250.0, 380.0, 500.0], 470.0
        for k, row in enumerate(rows):
            for j, cell in enumerate(row):
                c.drawString(xs[j] + 4, top - 18 * k - 13, cell)  # type: ignore[attr-defined]
        for k in range(len(rows) + 1):
            c.line(xs[0], top - 18 * k, xs[-1], top - 18 * k)  # type: ignore[attr-defined]
        for x in xs:
            c.line(x, top, x, top - 18 * len(rows))  # type: ignore[attr-defined]

    # page 1: heading and a paragraph above y=480, the table at 470-416, nothing below it
    doc = parse_pdf(make_report(PARAS[:2], extra=table))
    lines = doc.body.split("\n")
    assert lines[-3:] == ["项目 2022年 增长（%）", "税收收入 34000 5.2", "非税收入 30000 -3.1"]
    assert len(doc.tables) == 1 and doc.tables[0].start == doc.body.index("项目 2022年")
    records = [(q.indicator, q.value, q.year, q.origin) for q in doc.quantities if q.origin == "table"]
    assert records[:2] == [("税收收入", 34000, 2022, "table"), ("税收收入增长", 5.2, 2022, "table")]
