"""Indicators, categories, kinds and missed figures on unseen pages (government work reports 2025,
a statistical communiqué, a housing bureau evaluation): real sentences, expected records by reading.

An expected record is (value, unit, indicator, category); the indicator passes when its character
F1 with the hand-written one is at least 0.6 (the answer key's criterion). Years are not checked
here (test_quantities.py and test_quantities_document.py do).
"""

from __future__ import annotations

from typing import Any

import pytest

import zhengwu_extract as zx
from answer_key import char_f1

Expected = tuple[Any, str | None, str, str | None]


def check(text: str, expected: list[Expected]) -> None:
    records = zx.extract_quantities(text, doc_year=2025)
    got = [(q.value, q.unit, q.indicator, q.category) for q in records]
    assert [(v, u, c) for v, u, _, c in got] == [(v, u, c) for v, u, _, c in expected], got
    for (_, _, indicator, _), want in zip(got, expected, strict=True):
        assert char_f1(want[2], indicator) >= 0.6, (want[2], indicator, got)


# The counted thing follows the number when a verb (or a change word used as a verb) stands before it.
COUNTED_OBJECTS: list[Any] = [
    ("今年，我们将接续办好15件重点民生实事。", [(15, "件", "重点民生实事", None)]),
    ("整体提升100所学校周边环境。", [(100, "所", "学校周边环境", None)]),
    ("新增9829张家庭养老床位。", [(9829, "张", "家庭养老床位", None)]),
    ("扎实抓好15件群众身边具体实事。", [(15, "件", "群众身边具体实事", None)]),
    ("每月一题专项治理13个高频共性难题。", [(13, "个", "高频共性难题", None)]),
    (
        "新设政府投资基金扩展至8个投资领域、带动社会投资286亿元。",
        [(8, "个", "投资领域", None), (286, "亿元", "社会投资", None)],
    ),
    (
        "内设办公室、人事股、财计股、规划勘测设计院、信息中心21个股室和直属单位,另按规定设立了机关党支部。",
        [(21, "个", "股室和直属单位", None)],
    ),
    (
        "实施165个农村饮水水源保障工程和25个城乡供水一体化工程。",
        [(165, "个", "农村饮水水源保障工程", None), (25, "个", "城乡供水一体化工程", None)],
    ),
]

# A clause joined by 、 before the words that name the figure is not part of them.
CLAUSES_BEFORE: list[Any] = [
    ("重庆枢纽港产业园启动建设、签约项目163个。", [(163, "个", "签约项目", None)]),
    (
        "“大综合一体化”行政执法改革试点顺利推进、执法事项综合率达到71.9%。",
        [(71.9, "%", "执法事项综合率", None)],
    ),
    (
        "支持科技创新和制造业发展、减税降费及退税超1500亿元。",
        [(1500, "亿元", "减税降费及退税", None)],
    ),
    (
        "娱乐教育文化用品及服务价格与去年持平、居住价格上涨0.5%。",
        [(0.5, "%", "居住价格上涨", None)],
    ),
    (  # the 、 of a 分别为 list joins items of one name
        "我区校舍场地建设对照义务教育学校办学基本标准指标体系生均校地、生均校舍、生均体育场馆达标率分别为:"
        "小学:91.5%97.2%94.3%;中学:97.4%100%94.9%",
        [
            (91.5, "%", "生均校地", "小学"),
            (97.2, "%", "生均校舍", "小学"),
            (94.3, "%", "生均体育场馆达标率", "小学"),
            (97.4, "%", "生均校地", "中学"),
            (100, "%", "生均校舍", "中学"),
            (94.9, "%", "生均体育场馆达标率", "中学"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTED_OBJECTS, ids=[c[0][:16] for c in COUNTED_OBJECTS])
def test_counted_thing_after_a_verb(text: str, expected: list[Expected]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), CLAUSES_BEFORE, ids=[c[0][:16] for c in CLAUSES_BEFORE])
def test_clause_before_a_list_mark_is_cut(text: str, expected: list[Expected]) -> None:
    check(text, expected)


# Categories: a sentence that splits a total names its parts; a school word inside one name splits nothing.
CATEGORIES: list[Any] = [
    (  # Daqing communiqué: groups doing the thing, after 其中
        "全市固定资产投资1375.5亿元。其中，中省直企业完成投资475.7亿元，同比下降2.2%；地方完成投资899.8亿元，同比增长59.6%。",
        [
            (1375.5, "亿元", "固定资产投资", None),
            (475.7, "亿元", "中省直企业完成投资", "中省直企业"),
            (2.2, "%", "中省直企业完成投资下降", "中省直企业"),
            (899.8, "亿元", "地方完成投资", "地方"),
            (59.6, "%", "地方完成投资增长", "地方"),
        ],
    ),
    (  # … of the total named before
        "全市社会消费品零售总额803.1亿元。按地域分，城镇实现747.1亿元，同比增长16.5%；乡村实现56亿元，同比增长5.8%。",
        [
            (803.1, "亿元", "社会消费品零售总额", None),
            (747.1, "亿元", "社会消费品零售总额", "城镇"),
            (16.5, "%", "社会消费品零售总额增长", "城镇"),
            (56, "亿元", "社会消费品零售总额", "乡村"),
            (5.8, "%", "社会消费品零售总额增长", "乡村"),
        ],
    ),
    (
        "从产业投向看，第一产业投资95.3亿元，同比增长9.6%；第二产业投资708.8亿元，同比增长23.6%。",
        [
            (95.3, "亿元", "第一产业投资", "第一产业"),
            (9.6, "%", "第一产业投资增长", "第一产业"),
            (708.8, "亿元", "第二产业投资", "第二产业"),
            (23.6, "%", "第二产业投资增长", "第二产业"),
        ],
    ),
    (  # a sector that names its own indicator under 其中 is not split (the keys of four communiqués)
        "其中，第一产业实现增加值153.6亿元，比上年增长11%；第二产业实现增加值3235.9亿元，比上年增长9.8%。",
        [
            (153.6, "亿元", "第一产业实现增加值", None),
            (11, "%", "第一产业实现增加值增长", None),
            (3235.9, "亿元", "第二产业实现增加值", None),
            (9.8, "%", "第二产业实现增加值增长", None),
        ],
    ),
    (  # a school level carries to the figures after it, up to the next ；
        "全市普通高中招生20972人，在校生63184人，毕业生20418人；初中招生27799人，在校生110231人，毕业生31521人；"
        "普通小学招生29620人，在校生147797人，毕业生27771人。",
        [
            (20972, "人", "普通高中招生", "普通高中"),
            (63184, "人", "在校生", "普通高中"),
            (20418, "人", "毕业生", "普通高中"),
            (27799, "人", "初中招生", "初中"),
            (110231, "人", "在校生", "初中"),
            (31521, "人", "毕业生", "初中"),
            (29620, "人", "普通小学招生", "普通小学"),
            (147797, "人", "在校生", "普通小学"),
            (27771, "人", "毕业生", "普通小学"),
        ],
    ),
    ("高校毕业生初次毕业去向落实率85%。", [(85, "%", "高校毕业生初次毕业去向落实率", None)]),
    ("新建、改扩建中小学和幼儿园208所。", [(208, "所", "中小学和幼儿园", None)]),
    (
        "新设立职业本科高校1所、高职院校3所，全省高校增至80所。",
        [(1, "所", "职业本科高校", None), (3, "所", "高职院校", None), (80, "所", "全省高校", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CATEGORIES, ids=[c[0][:16] for c in CATEGORIES])
def test_categories_of_a_split(text: str, expected: list[Expected]) -> None:
    check(text, expected)


# 分别 lists whose items are parts of one shared head; 提高至 gives a level, not a change.
SHARED_HEADS: list[Any] = [
    (
        "集中养育和社会散居孤儿最低养育标准分别提高至1900元/月、1400元/月。",
        [(1900, "元/月", "孤儿最低养育标准", "集中养育"), (1400, "元/月", "孤儿最低养育标准", "社会散居")],
    ),
    (
        "全省地区生产总值增长5.5%左右，其中一、二、三产增加值分别增长3.5%以上、7%左右、5%以上。",
        [
            (5.5, "%", "地区生产总值增长", None),
            (3.5, "%", "增加值增长", "第一产业"),
            (7, "%", "增加值增长", "第二产业"),
            (5, "%", "增加值增长", "第三产业"),
        ],
    ),
    (
        "城镇和农村常住居民人均可支配收入分别增长5%左右、7%左右。",
        [(5, "%", "常住居民人均可支配收入增长", "城镇"), (7, "%", "常住居民人均可支配收入增长", "农村")],
    ),
    (
        "三次产业对GDP增长的贡献率分别为6.9%、49.9%和43.2%。",
        [
            (6.9, "%", "三次产业对GDP增长的贡献率", "第一产业"),
            (49.9, "%", "三次产业对GDP增长的贡献率", "第二产业"),
            (43.2, "%", "三次产业对GDP增长的贡献率", "第三产业"),
        ],
    ),
    (  # a long cut does not split the first item of a list (率、满意率)
        "持续深化接诉即办改革，12345市民服务热线诉求解决率、满意率分别达96.7%和97%。",
        [(96.7, "%", "市民服务热线诉求解决率", None), (97, "%", "满意率", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHARED_HEADS, ids=[c[0][:16] for c in SHARED_HEADS])
def test_list_items_sharing_a_head(text: str, expected: list[Expected]) -> None:
    check(text, expected)


# Measure words, round numbers and qualifiers (kind and approx); a quoted name is not an amount.
@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "approx"),
    [
        ("贵州籍运动员在2024年巴黎奥运会获得3块金牌", 3, "块", "count", False),
        ("有效应对14轮强降雨和区域性夏伏旱", 14, "轮", "count", False),
        ("惠及80余万高龄和失能失智老年人", 80, "万人", "count", True),
        ("航空双枢纽旅客吞吐量再次破亿", 1, "亿人次", "count", True),
        ("五年来上亿人喜迁新居", 1, "亿人", "count", True),
        ("累计为百万名新就业形态劳动者提供服务", 1000000, "名", "count", False),
        ("人均地区生产总值突破10万元", 10, "万元", "money", True),
        ("集成电路产量增长1倍多", 1, "倍", "other", True),
        ("全年为市场主体办理新增减税退税缓税（费）近千亿元", 1000, "亿元", "money", True),
    ],
)
def test_measure_words_and_round_numbers(text: str, value: Any, unit: str, kind: str, approx: bool) -> None:
    (q,) = zx.extract_quantities(text, doc_year=2025)
    assert (q.value, q.unit, q.kind, q.approx) == (value, unit, kind, approx)


def test_a_number_inside_a_quoted_name_is_not_an_amount() -> None:
    text = "“15分钟高品质生活服务圈”让幸福“出门可及”，15件重点民生实事年度任务如期完成。"
    assert [(q.value, q.unit) for q in zx.extract_quantities(text, doc_year=2025)] == [(15, "件")]


# Names kept whole: a share's …占…的比重, a short bracket inside the counted thing, a stage of one thing.
WHOLE_NAMES: list[Any] = [
    (
        "战略性新兴产业增加值占规上工业增加值的比重达到34.6%。",
        [(34.6, "%", "战略性新兴产业增加值占规上工业增加值的比重", None)],
    ),
    ("高校“双一流”建设取得新突破，新增9所省市（州）共建本科高校。", [(9, "所", "省市（州）共建本科高校", None)]),
    (
        "老旧小区改造开工742个、完工548个。",
        [(742, "个", "老旧小区改造开工", None), (548, "个", "老旧小区改造完工", None)],
    ),
    (
        "营业收入利润率为11.1%，比上年提升0.7个百分点；规模以上工业企业每百元营业收入中的成本为83.8元，增加了0.3元。",
        [
            (11.1, "%", "营业收入利润率", None),
            (0.7, "个百分点", "营业收入利润率提升", None),
            (83.8, "元", "每百元营业收入中的成本", None),
            (0.3, "元", "每百元营业收入中的成本增加", None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), WHOLE_NAMES, ids=[c[0][:16] for c in WHOLE_NAMES])
def test_names_kept_whole(text: str, expected: list[Expected]) -> None:
    check(text, expected)
