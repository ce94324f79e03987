"""Page-stage building blocks: dates, document numbers, labels and titles, as portals write them."""

from __future__ import annotations

import pytest

from zhengwu_extract.dates import parse_date
from zhengwu_extract.page import clean_title, label_key, metadata_from_pairs, parse_doc_no


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
    ("raw", "title"),
    [
        ("江西省2022年国民经济和社会发展统计公报 _ 中国宜春", "江西省2022年国民经济和社会发展统计公报"),
        ("万载县2022年国民经济和社会发展统计公报 _ 万载县人民政府", "万载县2022年国民经济和社会发展统计公报"),
        ("（转载）关于做好2019年元旦春节期间有关工作的通知", "关于做好2019年元旦春节期间有关工作的通知"),
        ("政府工作报告——2018年3月5日在第十三届全国人民代表大会第一次会议上", "政府工作报告"),
        ("国务院办公厅关于2019年部分节假日安排的通知", "国务院办公厅关于2019年部分节假日安排的通知"),
    ],
)
def test_clean_title(raw: str, title: str) -> None:
    assert clean_title(raw) == title
