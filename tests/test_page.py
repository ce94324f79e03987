"""Page-stage building blocks: dates, document numbers, labels and titles, as portals write them."""

from __future__ import annotations

from typing import Any

import pytest

from zhengwu_extract.dates import parse_date
from zhengwu_extract.models import Metadata
from zhengwu_extract.page import clean_title, date_from_title, label_key, metadata_from_pairs, parse_doc_no


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("2016-05-05", "2016-05-05", None),
        ("2016年05月05日", "2016-05-05", None),
        ("2016年5月5日", "2016-05-05", None),
        ("2016.5.5", "2016-05-05", None),
        ("2016/5/5", "2016-05-05", None),
        ("二〇一六年五月五日", "2016-05-05", None),
        ("二○一六年五月五日", "2016-05-05", None),
        ("二O一六年十二月三十一日", "2016-12-31", None),
        ("2021-03-17 18:51:23", "2021-03-17", "18:51:23"),
        ("2024年04月06日 16:40", "2024-04-06", "16:40"),
        ("2024-07-12 17:33", "2024-07-12", "17:33"),
        ("201655", "2016-05-05", None),
        ("2016-02-30", None, None),
        ("暂无", None, None),
    ],
)
def test_parse_date(text: str, date: str | None, time: str | None) -> None:
    assert parse_date(text) == (date, time)


def test_run_together_date_needs_a_hint_when_ambiguous() -> None:
    assert parse_date("2016115") == (None, None)
    assert parse_date("2016115", hint="2016-11-05") == ("2016-11-05", None)


@pytest.mark.parametrize(
    ("raw", "code", "year", "serial"),
    [
        ("渝府发〔2016〕12号", "渝府发", 2016, 12),
        ("渝北府发 〔2017〕 7号", "渝北府发", 2017, 7),
        ("穗府办规〔2024〕13号", "穗府办规", 2024, 13),
        ("湘政发【2012】33号", "湘政发", 2012, 33),
        ("国办发[2008]36号", "国办发", 2008, 36),
        ("国办发明电〔2018〕15号", "国办发明电", 2018, 15),
        ("穗医保规字﹝2019﹞4号", "穗医保规字", 2019, 4),
        ("财税［2018］164号", "财税", 2018, 164),
        ("国令第707号", "国令", None, 707),
        ("国务院令第711号", "国务院令", None, 711),
    ],
)
def test_parse_doc_no(raw: str, code: str, year: int | None, serial: int) -> None:
    parts = parse_doc_no(raw)
    assert (parts.issuer_code, parts.year, parts.serial) == (code, year, serial)


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("[ 索引号 ]", "index_no"),
        ("索 引 号：", "index_no"),
        ("文　　号", "doc_no"),
        ("文  号:", "doc_no"),
        ("发文机关", "publisher"),
        ("办文部门：", "publisher"),
        ("生成日期", "written_date"),
        ("发文日期", "written_date"),
        ("公开日期", "publish_date"),
        ("信息分类名称:", "subject"),
        ("文件状态", "validity"),
        ("公文名称：", "title"),
        ("主 题 词", "extra"),
        ("统一编号：", "extra"),
        ("浏览", None),
    ],
)
def test_label_key(label: str, key: str | None) -> None:
    assert label_key(label) == key


def test_metadata_from_pairs_weak_labels_and_meta_fallback() -> None:
    pairs = [("来源", "某某日报"), ("发布机构", "江津区教委"), ("文号", "无"), ("主 题 词", "教育"), ("成文日期", "")]
    meta, title, _ = metadata_from_pairs(pairs, {"PubDate": "2024-07-12 17:33", "ArticleTitle": "标题甲"})
    assert meta.publisher == "江津区教委"  # a real 发布机构 beats 来源
    assert meta.doc_no is None  # 无 means none
    assert meta.extra == {"主题词": "教育"}
    assert (meta.publish_date, meta.publish_time) == ("2024-07-12", "17:33")
    assert meta.written_date is None
    assert title == "标题甲"


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # a metadata table flattened to `索引号: | 002590358/2022-77135 | 公开方式: | 主动公开 |` (shangyu)
        (
            [("索引号", " | 002590358/2022-77135 | "), ("文号", " | "), ("发布单位", " | 绍兴市上虞区统计局 |")],
            {"index_no": "002590358/2022-77135", "doc_no": None, "publisher": "绍兴市上虞区统计局"},
        ),
        ([("公开日期", " | 2022-08-17 10:51 | |"), ("文号", "｜")], {"publish_date": "2022-08-17", "doc_no": None}),
        # a value made only of separators is empty
        ([("发布机构", " | — | "), ("文号", "/")], {"publisher": None, "doc_no": None}),
    ],
)
def test_metadata_values_without_cell_separators(pairs: list[tuple[str, str]], expected: dict[str, Any]) -> None:
    meta, _, _ = metadata_from_pairs(pairs)
    assert {key: getattr(meta, key) for key in expected} == expected


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # a 来源 value carrying the dateline and a counter (yunxiqu school budget): publisher, date and time
        (
            [("来源", "区教体局   2018-02-06 10:44   浏览量:1   | | | |")],
            {"publisher": "区教体局", "publish_date": "2018-02-06", "publish_time": "10:44", "extra": {"浏览量": "1"}},
        ),
        # an empty counter after the source (mdx work report summary): split off, and empty
        ([("来源", "牟定县融媒体中心    点击:[]")], {"publisher": "牟定县融媒体中心", "extra": {}}),
        # a date in a 来源 value does not override the header's own date
        (
            [("发布日期", "2018-02-07"), ("来源", "区教体局 2018-02-06")],
            {"publisher": "区教体局", "publish_date": "2018-02-07"},
        ),
        # a 标题 value is not split
        ([("标题", "摘要(一) 附件:目录")], {"extra": {}}),
    ],
)
def test_fields_run_into_a_value_are_split_off(pairs: list[tuple[str, str]], expected: dict[str, Any]) -> None:
    meta, _, _ = metadata_from_pairs(pairs)
    assert {key: getattr(meta, key) for key in expected} == expected


@pytest.mark.parametrize(
    ("title", "publish_date", "expected"),
    [
        # mzj.sh.gov.cn fee list: the title line ends in the date of the page
        (
            "市属殡仪馆主要收费项目和标准一览表 (2024-03-27 )",
            None,
            ("市属殡仪馆主要收费项目和标准一览表", "2024-03-27"),
        ),
        ("关于调整收费标准的通知（2024年3月27日）", None, ("关于调整收费标准的通知", "2024-03-27")),
        # the header's own date is kept; the title loses its date all the same
        (
            "市属殡仪馆主要收费项目和标准一览表 (2024-03-27 )",
            "2024-04-01",
            ("市属殡仪馆主要收费项目和标准一览表", "2024-04-01"),
        ),
        # a bracketed period that is no full date stays in the title
        ("统计快报(2022年3季度)", None, ("统计快报(2022年3季度)", None)),
    ],
)
def test_date_from_title(title: str, publish_date: str | None, expected: tuple[str, str | None]) -> None:
    meta, rest = date_from_title(Metadata(publish_date=publish_date), title)
    assert (rest, meta.publish_date) == expected


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("江西省2022年国民经济和社会发展统计公报 _ 中国宜春", "江西省2022年国民经济和社会发展统计公报"),
        ("万载县2022年国民经济和社会发展统计公报 _ 万载县人民政府", "万载县2022年国民经济和社会发展统计公报"),
        ("（转载）关于做好2019年元旦春节期间有关工作的通知", "关于做好2019年元旦春节期间有关工作的通知"),
        ("政府工作报告——2018年3月5日在第十三届全国人民代表大会第一次会议上", "政府工作报告"),
        ("国务院办公厅关于2019年部分节假日安排的通知", "国务院办公厅关于2019年部分节假日安排的通知"),
        # a title cell of a flattened table row (shangyu): the empty cells' pipes go
        ("2013年上虞区国民经济和社会发展统计公报 | |||||||||", "2013年上虞区国民经济和社会发展统计公报"),
    ],
)
def test_clean_title(raw: str, title: str) -> None:
    assert clean_title(raw) == title


def _sre_parse(pattern: str, flags: int = 0) -> Any:
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse  # type: ignore[no-redef]
    return sre_parse.parse(pattern, flags)


def test_line_patterns_starting_with_caret_are_anchored_as_a_whole() -> None:
    """Patterns that start with ^ are tried with .match: a top-level | would leave its other branch unanchored."""
    from zhengwu_extract._labels import BOILERPLATE_LINE_PATTERNS, FOOTER_LINE_PATTERNS, FOOTER_START_PATTERNS

    for pattern in (*BOILERPLATE_LINE_PATTERNS, *FOOTER_START_PATTERNS, *FOOTER_LINE_PATTERNS):
        if pattern.startswith("^"):
            assert str(_sre_parse(pattern)[0][0]) == "AT", pattern


def test_label_pattern_widths_bound_the_prefilters() -> None:
    """text_header_pairs looks for a label near the line start only: the bounds must cover the patterns' widths."""
    from zhengwu_extract import page

    assert _sre_parse(page._TEXT_LABEL.pattern, page._TEXT_LABEL.flags).getwidth()[1] <= page._LABEL_MATCH_MAX
    assert _sre_parse(page._LONE_LABEL.pattern, page._LONE_LABEL.flags).getwidth()[1] < page._LONE_LABEL_MAX


def test_header_labels_found_near_the_line_start_only() -> None:
    from zhengwu_extract.page import text_header_pairs

    long_value = "某" * 300
    lines = [
        "索 引 号：11500116/2024-00001  发布机构：江津区教委",
        "    [ 发文字号 ] 江津府发〔2024〕1号",
        "正文" * 5 + "索引号：1",
    ]
    lines.append("发布日期：2024-07-12 " + long_value[:150])
    found = text_header_pairs(lines)
    assert [(i, label) for i, label, _ in found] == [(0, "索 引 号"), (0, "发布机构"), (1, "发文字号"), (3, "发布日期")]


def test_labels_without_colon_at_the_line_start_or_after_a_gap() -> None:
    """A known label without a colon is read at the line start, or after a space or pipe in such a line."""
    from zhengwu_extract.page import text_header_pairs

    lines = [
        "索引号 11341702000111222F/202007-00024 组配分类 其他文件",
        "有效性 | 有效 | 公开日期: | 2025-04-15 14:43 |",
        "信息名称 宁国市人民政府关于公布补助标准的通知 内容概述",
    ]
    found = [(i, label, value.strip(" |")) for i, label, value in text_header_pairs(lines, bare=True)]
    assert found == [
        (0, "索引号", "11341702000111222F/202007-00024"),
        (0, "组配分类", "其他文件"),
        (1, "有效性", "有效"),
        (1, "公开日期", "2025-04-15 14:43"),
        (2, "信息名称", "宁国市人民政府关于公布补助标准的通知"),
        (2, "内容概述", ""),
    ]


def test_value_cell_that_is_a_label_and_its_value_starts_a_pair() -> None:
    """发文字号: | 发文时间:2020-12-31 |: the empty 文号 stays empty, the cell is a pair of its own
    (shangdangqu; 签发人 is a label the lists do not know)."""
    from zhengwu_extract.page import text_header_pairs

    lines = ["发文字号: | 签发人:张三 |", "索引号: | | 公开目录:工作总结 |"]
    found = [(i, label, value.strip(" |")) for i, label, value in text_header_pairs(lines)]
    assert found == [(0, "发文字号", ""), (0, "签发人", "张三"), (1, "索引号", ""), (1, "公开目录", "工作总结")]


@pytest.mark.parametrize(
    "line",
    [
        "来源:中央财政60%(27.6万),省级财政32%(14.7万),县级财政8%(3.68万)",  # a label word stating amounts
        "来源:省3万",
    ],
)
def test_label_word_stating_amounts_is_no_header(line: str) -> None:
    from zhengwu_extract.page import read_text_page, text_header_pairs

    assert text_header_pairs([line], bare=True) == []
    parts = read_text_page(f"{line}\n\n第二段正文，说明情况。\n")
    assert parts.metadata.publisher is None
    assert parts.body.startswith(line)


def test_title_label_may_state_an_amount() -> None:
    from zhengwu_extract.page import text_header_pairs

    assert text_header_pairs(["标题:上半年我县农林牧渔业总产值增长8%"]) == [
        (0, "标题", "上半年我县农林牧渔业总产值增长8%")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "发布机构应当在收到申请之日起20个工作日内予以答复。",  # a label word opening a sentence
        "发布机构 应当在收到申请之日起20个工作日内予以答复。",  # even with a space after it
        "来源 新华社",  # generic labels (来源, 名称, 日期 …) need a colon
        "名称 数量 单位 金额",  # a table's header row
        "各单位要按照发布机构 宁国市人民政府的要求执行",  # not at the line start
    ],
)
def test_body_lines_opening_with_a_label_word_are_no_header(line: str) -> None:
    from zhengwu_extract.page import read_text_page, text_header_pairs

    assert text_header_pairs([line], bare=True) == []
    parts = read_text_page(f"{line}\n\n第二段正文，说明情况。\n")
    assert parts.metadata.publisher is None and parts.metadata.extra == {}
