"""Property-based tests: random text, random HTML and mutated real pages never break the pipeline.

For any input, `parse` returns a Document or raises an ExtractError that is not an InternalError
(an internal error is a bug); every record's start/end point at its own text in the body; the
JSON output validates back into an equal Document.

CI runs a few dozen examples per property. A long fuzz run sets the number of examples:
    ZX_FUZZ_EXAMPLES=20000 nice -n 19 pytest tests/test_properties.py -p no:cacheprovider
and ZX_FUZZ_CORPUS=/path/to/pages adds more pages to mutate (default: the repository's fixtures).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhengwu_extract as zx
from zhengwu_extract.errors import ExtractError, InternalError

EXAMPLES = int(os.environ.get("ZX_FUZZ_EXAMPLES", "0"))
settings.register_profile(
    "zx",
    max_examples=EXAMPLES or 40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    print_blob=True,
    # The long run explores afresh each round instead of replaying a known failure first.
    database=None if EXAMPLES else settings.default.database,
)
settings.load_profile("zx")

FIXTURES = Path(__file__).parent / "fixtures"

# Pieces that portal pages are made of: the pipeline's patterns should meet them in every order.
TOKENS = [
    *"的是在和了有为与及对年月日区县市省教育学校学生万元亿元个人所名项次",
    *"，。、；：？！“”‘’《》（）【】—…·％%．.,:;()[]",
    *"0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿",
    "增长",
    "下降",
    "比上年",
    "同比",
    "比2015年",
    "上年",
    "去年",
    "今年",
    "个百分点",
    "百分点",
    "万元",
    "亿元",
    "元",
    "平方米",
    "平方公里",
    "公里",
    "吨",
    "立方米",
    "小时",
    "天",
    "人次",
    "万人",
    "近",
    "约",
    "余",
    "多",
    "超过",
    "左右",
    "以上",
    "以下",
    "不足",
    "达到",
    "分别为",
    "分别增长",
    "其中",
    "小学",
    "初中",
    "高中",
    "2015年",
    "2016年",
    "2020年底",
    "1-6月",
    "“十三五”",
    "第一季度",
    "一、",
    "二、",
    "十一、",
    "（一）",
    "（二）",
    "(三)",
    "1.",
    "2．",
    "12、",
    "（1）",
    "(2)",
    "①",
    "⑴",
    "⒈",
    "¹",
    "١",
    "𝟏",
    "Ⅳ",
    "㈠",
    "（十一）",
    "②",
    "⑩",
    "第一章",
    "第二节",
    "第三条",
    "第十二条",
    "第一百零一条",
    "附件",
    "附件1：",
    "目录",
    "索引号：",
    "索 引 号",
    "发文字号：",
    "渝府发〔2016〕12号",
    "发布机构：",
    "成文日期：",
    "发布日期：",
    "2021-03-17",
    "2016年05月05日",
    "二〇二一年三月十七日",
    "主题分类：",
    "有效性：",
    "[ 索引号 ]",
    "\n",
    "\n\n",
    " ",
    "\u3000",
    "\t",
    "\r\n",
    "\xa0",
    "江津区人民政府",
    "重庆市教育委员会",
    "2021年3月17日",
    "<p>",
    "</p>",
    "<br>",
    "<div>",
    "</div>",
    "<td>",
    "</td>",
    "<tr>",
    "<table>",
    "</table>",
    "&nbsp;",
    "&amp;",
    "&#x4e00;",
    "&#12290;",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<",
    ">",
    "&",
    "\\",
    "'",
    '"',
]
token_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=120).map("".join)
number = st.one_of(
    st.integers(-(10**15), 10**15).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.integers(1, 10**9).map(lambda n: f"{n:,}"),
)
quantity_text = st.lists(st.one_of(st.sampled_from(TOKENS), number), min_size=1, max_size=60).map("".join)

TAGS = ["div", "p", "span", "table", "tr", "td", "th", "ul", "li", "h1", "h2", "font", "strong", "a", "b", "center"]
ATTRS = [
    "",
    ' class="content"',
    ' id="UCAP-CONTENT"',
    ' class="TRS_Editor"',
    ' class="b12c"',
    ' style="display:none"',
    ' colspan="2"',
    ' rowspan="3"',
    ' class="xxgk_table"',
    ' href="file:///etc/passwd"',
]


@st.composite
def html_tree(draw: st.DrawFn, depth: int = 0) -> str:
    """A random, sometimes malformed, HTML fragment of portal-like pieces."""
    if depth > 6 or draw(st.integers(0, 3)) == 0:
        return draw(quantity_text if draw(st.booleans()) else token_text)
    tag = draw(st.sampled_from(TAGS))
    attrs = draw(st.sampled_from(ATTRS))
    children = draw(st.lists(html_tree(depth + 1), max_size=4))
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", f"</{tag}>", "", "</div>"]))
    return f"<{tag}{attrs}>{''.join(children)}{close}"


@st.composite
def html_page(draw: st.DrawFn) -> str:
    """A random HTML page: maybe a head with a charset and a title, a header table, a body."""
    head = draw(
        st.sampled_from(
            [
                "",
                '<head><meta charset="utf-8"><title>关于印发通知的通知</title></head>',
                '<head><meta name="ArticleTitle" content="报告">'
                '<meta name="PubDate" content="2024-07-12 17:33"></head>',
            ]
        )
    )
    header = draw(
        st.sampled_from(
            [
                "",
                "<table><tr><td><b>索 引 号：</b></td><td>000014349/2018-00213</td>"
                "<td><b>成文日期：</b></td><td>2018年12月04日</td></tr></table>",
            ]
        )
    )
    body = "".join(draw(st.lists(html_tree(), min_size=1, max_size=6)))
    doctype = draw(st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0"?>']))
    return f"{doctype}<html>{head}<body>{header}{body}</body></html>"


def _seed_pages() -> list[bytes]:
    """Real pages to mutate: the repository's fixtures, plus ZX_FUZZ_CORPUS when set."""
    folders = [FIXTURES, *(Path(p) for p in os.environ.get("ZX_FUZZ_CORPUS", "").split(os.pathsep) if p)]
    pages: list[bytes] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".txt", ".html", ".htm", ".pdf"} and path.stat().st_size < 2_000_000:
                pages.append(path.read_bytes())
    return pages


SEEDS = _seed_pages()


@st.composite
def mutated_page(draw: st.DrawFn) -> bytes:
    """A real page with a few random edits: cut, duplicated, spliced, bytes flipped or inserted, re-encoded."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cut", "dup", "flip", "insert", "truncate", "splice", "encode"]))
        n = len(data)
        i = draw(st.integers(0, max(0, n - 1)))
        j = draw(st.integers(i, min(n, i + 5000)))
        if op == "cut":
            del data[i:j]
        elif op == "dup":
            data[i:i] = data[i:j] * draw(st.integers(1, 20))
        elif op == "flip":
            for k in draw(st.lists(st.integers(0, max(0, n - 1)), max_size=20)):
                if k < len(data):
                    data[k] = draw(st.integers(0, 255))
        elif op == "insert":
            data[i:i] = draw(st.one_of(st.binary(max_size=64), token_text.map(str.encode)))
        elif op == "truncate":
            del data[i:]
        elif op == "splice":
            other = draw(st.sampled_from(SEEDS))
            k = draw(st.integers(0, len(other)))
            data[i:] = other[k:]
        elif op == "encode":
            text = bytes(data).decode("utf-8", errors="ignore")
            data = bytearray(text.encode(draw(st.sampled_from(["gb18030", "utf-16", "utf-16-le"])), errors="ignore"))
    return bytes(data)


def check(data: bytes | str, source: str = "fuzz") -> None:
    """Parse and check the invariants: only non-internal ExtractErrors; offsets right; JSON round trip."""
    try:
        doc = zx.parse(data, source)
    except InternalError as exc:
        raise AssertionError(f"internal error: {exc} (from {exc.__cause__!r})") from exc
    except ExtractError as exc:
        assert str(exc).startswith(f"{source}: ") and exc.reason
        return
    check_document(doc)


def check_document(doc: zx.Document) -> None:
    """Offsets of sections and quantities point at their text; the JSON validates back into the Document."""
    body = doc.body
    for quantity in doc.quantities:
        assert 0 <= quantity.start <= quantity.end <= len(body), quantity
        if quantity.origin == "text":
            # CONTRACT: start/end locate the record in the body: its sentence (text) or its figure (raw).
            assert body[quantity.start : quantity.end] in (quantity.text, quantity.raw), quantity
            assert quantity.raw in quantity.text and quantity.text in body, quantity
    for section in doc.outline():
        assert 0 <= section.start <= section.end <= len(body), section
        assert body[section.start : section.end] == section.text, section
        for child in section.children:
            assert section.start <= child.start <= child.end <= section.end, (section, child)
    dumped = doc.model_dump_json()
    assert len(dumped.splitlines()) == 1, "the JSON line would be cut by str.splitlines()"
    assert zx.Document.model_validate_json(dumped) == doc


@given(token_text)
def test_random_text(text: str) -> None:
    check(text)


@given(quantity_text)
def test_random_quantity_text(text: str) -> None:
    check(text)


@given(st.text(max_size=2000))
def test_any_unicode_text(text: str) -> None:
    check(text)


@given(st.binary(max_size=4000))
def test_random_bytes(data: bytes) -> None:
    check(data)


@given(html_page())
def test_random_html(page: str) -> None:
    check(page)
    check(page.encode("gb18030"))


@given(mutated_page())
def test_mutated_real_pages(data: bytes) -> None:
    check(data)


@given(quantity_text)
def test_extract_quantities_offsets(text: str) -> None:
    for quantity in zx.extract_quantities(text):
        assert 0 <= quantity.start <= quantity.end <= len(text)
        assert text[quantity.start : quantity.end] in (quantity.text, quantity.raw)
        assert quantity.raw in quantity.text and quantity.text in text
        zx.Quantity.model_validate_json(quantity.model_dump_json())


LABELS = [
    "索引号",
    "索 引 号",
    "发文字号",
    "文号",
    "发布机构",
    "发文机关",
    "来源",
    "成文日期",
    "生成日期",
    "发文日期",
    "发布日期",
    "公开日期",
    "发布时间",
    "主题分类",
    "体裁分类",
    "有效性",
    "统一编号",
    "实施日期",
    "失效日期",
    "名称",
]
date_like = st.one_of(
    st.builds("{}-{:02d}-{:02d}".format, st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)),
    st.builds("{}年{}月{}日".format, st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)),
    st.builds(
        "{}〔{}〕{}号".format,
        st.sampled_from(["渝府发", "国办发", ""]),
        st.integers(0, 10**20),
        st.integers(-5, 10**20),
    ),
    st.sampled_from(["二〇二一年十三月三十二日", "2016.02.30", "20160230", "2016年", "无", "", "{{data.docSource}}"]),
    token_text,
)


@st.composite
def header_page(draw: st.DrawFn) -> str:
    """A plain-text page: a header block of labelled fields with odd values, a title, a numbered body."""
    fields = draw(st.lists(st.tuples(st.sampled_from(LABELS), date_like), max_size=10))
    style = draw(st.sampled_from(["{}：{}", "[ {} ] {}", "{}:{}", "{}\t{}"]))
    header = "\n".join(style.format(label, value) for label, value in fields)
    body = draw(quantity_text)
    return f"{header}\n\n{draw(token_text)}\n\n{body}\n"


@given(header_page())
def test_header_pages(text: str) -> None:
    check(text)


@given(quantity_text, st.one_of(st.none(), st.integers(-(10**6), 10**6)), st.one_of(st.none(), st.integers(0, 10**5)))
def test_extract_quantities_with_years(text: str, year: int | None, doc_year: int | None) -> None:
    for quantity in zx.extract_quantities(text, year=year, doc_year=doc_year):
        zx.Quantity.model_validate_json(quantity.model_dump_json())
