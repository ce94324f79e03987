"""Quantities of a whole page: offsets, sections, years against the document's dates, repairs, speed."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import zhengwu_extract as zx
from zhengwu_extract.models import Metadata, Section
from zhengwu_extract.quantities import document_quantities


@pytest.fixture(scope="module")
def seed(fixtures: Path) -> zx.Document:
    return zx.parse_file(fixtures / "jiangjin.txt")


def test_every_record_points_at_its_amount(seed: zx.Document) -> None:
    assert len(seed.quantities) >= 140  # the answer key lists 147 stated amounts
    for q in seed.quantities:
        assert seed.body[q.start : q.end] == q.raw, q
        assert q.raw in q.text


def test_records_name_their_section(seed: zx.Document) -> None:
    by_raw = {q.raw: q for q in seed.quantities}
    assert by_raw["3219平方公里"].section == "基本情况"
    assert by_raw["396人"].section == "深化改革,促进师资均衡"
    assert by_raw["9000台"].section == "完善教育协同推进机制"


def test_relative_years_resolve_against_the_written_date(seed: zx.Document) -> None:
    # 成文日期 2016-05-05, republished 2021-03-17: 去年 is 2015, 目前 is 2016
    assert seed.metadata.written_date == "2016-05-05"
    by_raw = {q.raw: q for q in seed.quantities}
    assert (by_raw["396人"].year, by_raw["45名"].year) == (2015, 2015)
    assert by_raw["38400名"].year == 2016
    assert by_raw["122711万元"].year == 2012  # 比上年122711万元, in a 2013 sentence


def test_cumulative_periods_have_no_year(seed: zx.Document) -> None:
    by_raw = {q.raw: q for q in seed.quantities}
    for raw in ("520114平方米", "113个", "8676万元", "1.5亿元", "2400套", "440万元", "2500万元"):
        assert by_raw[raw].year is None, raw  # 近三年来, 2014年以来, 从2012年起, 2013年至今, 20132015年


def test_scraping_damage_is_repaired_with_warnings(seed: zx.Document) -> None:
    percents = [q.value for q in seed.quantities if q.text.startswith("2012年、2013年、2014年、2015年公共财政预算支出")]
    assert percents[-4:] == [19.19, 17.48, 17.54, 19.28]
    joined = "\n".join(seed.warnings)
    assert "20152016学年度 → 2015—2016学年度" in joined
    assert "20159月 → 2015年9月" in joined
    assert "separator lost between '19.19%17.48%'" in joined
    assert "unit 元 implied by its list for 8457.67" in joined
    assert "unit 万元 differs from its list's 元" in joined


def test_year_falls_back_on_publish_date_then_on_the_body() -> None:
    body = "去年全区新增就业1200人。"
    (q,) = document_quantities(body, [], Metadata(publish_date="2021-03-17"))[0]
    assert q.year == 2020
    (q,) = document_quantities("2019年3月5日\n" + body, [], Metadata())[0]
    assert q.year == 2018


def test_innermost_section_wins() -> None:
    body = "一、总体情况\n（一）教育\n全区共有学校12所。\n二、下一步"
    inner = Section(level=2, marker="（一）", heading="教育", start=7, end=20)
    outer = Section(level=1, marker="一、", heading="总体情况", start=0, end=20, children=[inner])
    last = Section(level=1, marker="二、", heading="下一步", start=20, end=len(body))
    (q,) = document_quantities(body, [outer, last], Metadata())[0]
    assert (q.raw, q.section) == ("12所", "教育")


def test_a_year_does_not_carry_into_the_next_section() -> None:
    body = "一、基本情况\n2015年全区共有学校12所。\n二、措施\n购买电脑9000台。"
    records, _ = document_quantities(body, [], Metadata())
    assert [(q.raw, q.year) for q in records] == [("12所", 2015), ("9000台", None)]


def test_the_year_a_body_opens_with_holds_for_its_sections() -> None:
    # pages_gzzs_gov_cn_zhongshan_social_assistance_2022_12: an undated report opening "2022年,…"
    body = "2022年,我区社会救助工作较好地保障了困难群众的基本生活。\n一、临时救助\n12月份实施临时救助24户77人。"
    records, _ = document_quantities(body, [], Metadata())
    assert [(q.raw, q.year) for q in records] == [("24户", 2022), ("77人", 2022)]


@pytest.mark.parametrize(
    ("opening", "year"),
    [
        ("今年以来,全县坚持稳中求进工作总基调,紧扣2025年重点工作目标,扎实推动高质量发展。", 2025),
        ("今年以来,全县对标2024年和2025年两年目标,扎实推动高质量发展。", None),  # two years: none is told
        ("全县紧扣2025年重点工作目标,扎实推动高质量发展。", None),  # no 今年: the year may be a target
    ],
)
def test_an_undated_page_takes_the_year_its_opening_speaks_of(opening: str, year: int | None) -> None:
    # pages_jiaxian_gov_cn_q1_economy_2025: undated; 今年以来 … 2025年 in the opening paragraph
    body = opening + "\n一、1-3月份主要经济指标完成情况。\n全县地区生产总值总量为52.22亿元,同比增长4.0%。"
    records, _ = document_quantities(body, [], Metadata())
    assert [(q.raw, q.year) for q in records] == [("52.22亿元", year), ("4.0%", year)]


@pytest.mark.parametrize(("written", "year"), [("2021-03-06", 2020), ("2019-03-06", None)])
def test_a_year_reached_in_a_review_carries(written: str, year: int | None) -> None:
    # pages_yishui_gov_cn_gaozhuang_town_gov_work_report_2021: 到2020年底 in a report of 2021 is a point
    # reached, whose year the next sentence keeps; in a plan written before it, a deadline of its sentence only
    body = "到2020年底,全镇企业总数达到42家。其中,规模以上企业达到11家。"
    records, _ = document_quantities(body, [], Metadata(written_date=written))
    assert [(q.raw, q.year) for q in records] == [("42家", 2020), ("11家", year)]


@pytest.mark.parametrize(
    ("publish_date", "year"),
    [("2023-01-10", 2022), ("2022-12-28", 2022), (None, None)],  # 12月 written in January is of the year before
)
def test_a_bare_month_takes_the_year_of_writing(publish_date: str | None, year: int | None) -> None:
    body = "一、临时救助\n12月份全区实施临时救助24户。"
    (q,) = document_quantities(body, [], Metadata(publish_date=publish_date))[0]
    assert q.year == year


def test_a_communique_year_carries_through_its_sections() -> None:
    body = (
        "2015年国民经济和社会发展统计公报\n一、综合\n2015年全县地区生产总值244394万元。\n"
        "二、农业\n农业增加值32586万元。"
    )
    records, _ = document_quantities(body, [], Metadata())
    assert [(q.raw, q.year) for q in records] == [("244394万元", 2015), ("32586万元", 2015)]


def test_seed_page_is_fast(seed: zx.Document) -> None:
    document_quantities(seed.body, seed.sections, seed.metadata)
    start = time.process_time()
    for _ in range(10):
        document_quantities(seed.body, seed.sections, seed.metadata)
    per_page = (time.process_time() - start) / 10
    assert per_page < 0.05, f"{per_page * 1000:.1f} ms per page"  # about 8 ms on the development machine


@pytest.mark.parametrize("n", [2_000, 8_000])
def test_one_long_sentence_stays_linear(n: int) -> None:
    text = "学校120所，增长5.3%，" * n
    start = time.process_time()
    records = zx.extract_quantities(text)
    elapsed = time.process_time() - start
    assert len(records) == 2 * n
    assert elapsed < 0.5 * n / 1000 + 0.5


# Years in government work reports (written in January 2025; 一、2024年工作回顾 reviews 2024,
# 二、2025年… sets the targets). Expected years read from the pages' headings and sentences.
WORK_REPORT_YEARS = [
    # the year an undated report opens with holds through its sections; 12月份 is a month of it
    ("pages_gzzs_gov_cn_zhongshan_social_assistance_2022_12.excerpt.txt", "12月份实施临时救助", "77人", 2022),
    ("pages_gzzs_gov_cn_zhongshan_social_assistance_2022_12.excerpt.txt", "12月救助52人", "1.04万元", 2022),
    # a year in a section heading holds for the section (一、2024年工作回顾)
    ("gwr2025_beijing.from_docx.txt", "促进高质量充分就业", "29.9万人", 2024),
    # 未来产业 (future industries) is not a time frame that clears the year
    ("gwr2025_beijing.from_docx.txt", "新建105家街道乡镇区域养老服务中心", "105家", 2024),
    # 一年来 after "2024年是…。" keeps 2024
    ("gwr2025_guizhou.from_docx.txt", "全年地区生产总值增长5.3%", "5.3%", 2024),
    # 项目前期 is not 目前 (which gave the year of writing, 2025)
    ("gwr2025_guizhou.from_docx.txt", "高速公路总里程突破9000公里", "9000公里", 2024),
    # 今年是…收官之年。 carries into the next paragraph of targets
    ("gwr2025_guizhou.from_docx.txt", "主要预期目标是：全省地区生产总值增长5.5%左右", "5.5%", 2025),
    ("gwr2025_chongqing.from_docx.txt", "地区生产总值达到32193.15亿元", "32193.15亿元", 2024),
    # 比去年 is the base of a comparison: the deficit is this year's (2018)
    ("govcn_gwr_national_2018.gbk.txt", "今年赤字率拟按2.6%安排", "2.38万亿元", 2018),
    # delivered 2003年3月5日 (——…在…会议上), republished 2006-02-16: 今年 is 2003
    ("govcn_gwr_national_2003.gbk.txt", "今年中央财政预算用于支持这项改革的资金", "３０５亿元", 2003),
    # a budget report: 2020年1-6月 is a part of 2020 that carries into the next paragraphs
    ("pages_yongning_gov_cn_budget_execution_2020h1.excerpt.txt", "1)税收收入112446万元", "112446万元", 2020),
    ("pages_yongning_gov_cn_budget_execution_2020h1.excerpt.txt", "增值税收入31636万元", "31636万元", 2020),
    # a report of January 2025 reviewing 2024: 今年以来 is 2024, the year under review
    ("pages_tx_gov_cn_fengming_subdistrict_work_report_2025.excerpt.txt", "预计全年实现地区生产总值", "44.8亿元", 2024),
    # a statistics bulletin titled …统计快报(2022年3季度): a figure before any date is of 2022
    ("pages_mdx_gov_cn_mouding_social_undertakings_2022q3.excerpt.txt", "财政对教育支出达", "2.17亿元", 2022),
    # 比去年预算低: a difference from last year's budget, this year's
    ("govcn_gwr_national_2018.gbk.txt", "今年赤字率拟按2.6%安排", "0.4个百分点", 2018),
    # a notice: 现将我市2020年…标准公布如下：the numbered sections after it are of 2020
    ("pages_ningguo_gov_cn_destitute_support_standards_2020.excerpt.txt", "城市特困集中供养", "1020元/月∙人", 2020),
]


@pytest.mark.parametrize(("name", "sentence", "raw", "year"), WORK_REPORT_YEARS)
def test_work_report_years(fixtures: Path, name: str, sentence: str, raw: str, year: int) -> None:
    doc = zx.parse_file(fixtures / "text" / name)
    (q,) = [q for q in doc.quantities if q.raw == raw and sentence in q.text]
    assert q.year == year, q


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("一年来，全区新增就业1200人。", 2015),  # the year a report of May 2016 looks back on
        ("过去一年，我们新建学校3所。", 2015),
        ("2015年，未来产业蓬勃发展，新增企业12家。", 2015),  # 未来 before a noun is not a time frame
        ("统筹做好项目前期工作，新开工项目35个。", None),  # 项目前期: no 目前 in it
    ],
)
def test_past_year_words(text: str, year: int | None) -> None:
    (q,) = document_quantities(text, [], Metadata(written_date="2016-05-05"))[0]
    assert q.year == year


def test_a_year_in_a_heading_holds_for_its_subsections() -> None:
    body = "一、2024年工作回顾\n（一）教育\n全区新建学校12所。\n二、2025年主要任务\n（一）就业\n新增就业1.2万人。"
    a, b, c = body.index("（一）教育"), body.index("二、"), body.index("（一）就业")
    sub1 = Section(level=2, marker="（一）", heading="教育", start=a, end=b)
    top1 = Section(level=1, marker="一、", heading="2024年工作回顾", start=0, end=b, children=[sub1])
    sub2 = Section(level=2, marker="（一）", heading="就业", start=c, end=len(body))
    top2 = Section(level=1, marker="二、", heading="2025年主要任务", start=b, end=len(body), children=[sub2])
    records, _ = document_quantities(body, [top1, top2], Metadata())
    assert [(q.raw, q.year) for q in records] == [("12所", 2024), ("1.2万人", 2025)]


def test_time_candidates_miss_no_time_expression(fixtures: Path) -> None:
    """`_TIME_START` keeps only characters a time can begin with; tried everywhere (but inside a
    digit run) the time pattern must find nothing more on any fixture page."""
    from zhengwu_extract import quantities as q
    from zhengwu_extract.numbers import fold_digits

    everywhere = re.compile(r"(?<!\d)[\s\S]")
    lines = [
        fold_digits(line)
        for path in sorted(fixtures.glob("text/*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n")
    ]
    lines += ["2015年前三季度增长", "今年上半年", "1-10月，", "刚刚过去的一年", "一年来", "近三年来", "今后五年",
              "截至目前", "现阶段", "这些年来", "自2014年以来", "上年度", "20152016学年度", "20159月"]  # fmt: skip
    for line in lines:
        fast = [m.span() for m in q._scan(q._TIME, q._TIME_START, line)]
        assert fast == [m.span() for m in q._scan(q._TIME, everywhere, line)], line


@pytest.mark.parametrize(
    ("title", "body", "raw", "year"),
    [
        # a rule's time limit belongs to no year, whatever year the page is about (zc_gov_cn, 2022 rules)
        (
            "广州市困难残疾人生活补贴和重度残疾人护理补贴实施办法",
            "2022年起施行本办法。\n重度残疾人，且本人前12个月的月均经济收入低于当前困难残疾人生活补贴标准。",
            "12个月",
            None,
        ),
        (
            "广州市医疗保险服务中心关于开展2026年度广州市城乡居民基本医疗保险集中参保缴费工作的通告",
            "2026年度集中参保缴费期为2025年9月1日至12月31日。\n中断缴费时间不超过3个月的职工医保参保人，"
            "自缴费到账次月起享受2026年度城乡居民医保待遇。",
            "3个月",
            None,
        ),
        # …but a stated year before it still holds, and a report's days are of its year
        ("某某办法", "2019年春节放假调休，共7天。", "7天", 2019),
        ("2025年北京市政府工作报告", "一、2024年工作回顾\n优良天数达到290天。", "290天", 2024),
    ],
)
def test_durations_of_rules_have_no_year(title: str, body: str, raw: str, year: int | None) -> None:
    records, _ = document_quantities(body, [], Metadata(publish_date="2025-10-01"), title=title)
    (q,) = [q for q in records if q.raw == raw]
    assert q.year == year


def test_a_communique_by_its_title_carries_its_year_through_sections() -> None:
    # pages_yhsz_yuhuan: 统计公报 only in the title, the year in the first sentence
    body = "2019年,是新中国成立70周年。\n一、综 合\n经济运行总体平稳。全市实现生产总值617.50亿元,比上年增长5.2%。"
    records, _ = document_quantities(body, [], Metadata(), title="玉环市2019年国民经济和社会发展统计公报")
    assert [(q.raw, q.year) for q in records] == [("617.50亿元", 2019), ("5.2%", 2019)]
