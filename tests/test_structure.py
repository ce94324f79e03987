"""The section tree: real bodies of several numbering styles, small cases, and invariants.

Expected outlines were written by reading each fixture (tests/fixtures/structure/, excerpts of
/work/shared/corpus pages and of the seed page, header and footer cut by hand).
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhengwu_extract as zx
from zhengwu_extract.models import Section
from zhengwu_extract.structure import build_sections, cn_number

STRUCTURE = Path(__file__).parent / "fixtures" / "structure"

Row = tuple[int, str, str]


def read(name: str) -> str:
    """A fixture body; the national GWR excerpt was converted from GBK to UTF-8 when it was cut."""
    return (STRUCTURE / name).read_text(encoding="utf-8")


def flat(sections: list[Section]) -> list[Section]:
    """Every section in document order."""
    return [s for top in sections for s in top.walk()]


def outline(body: str) -> list[Row]:
    """(level, marker, heading) of every section of a body, in document order."""
    sections, _ = build_sections(body)
    return [(s.level, s.marker, s.heading) for s in flat(sections)]


SEED = [
    (1, "一、", "基本情况"),
    (1, "二、", "工作措施和成效"),
    (2, "(一)", "健全机制,落实发展政策"),
    (3, "1.", "完善党委政府领导机制"),
    (3, "2.", "完善教育协同推进机制"),
    (3, "3.", "完善督政督学评估机制"),
    (2, "(二)", "教育优先,确保经费投入"),
    (2, "(三)", "完善布局,落实配套学校"),
    (2, "(四)", "狠抓技术装备和信息化工程"),
    (2, "(五)", "深化改革,促进师资均衡"),
    (2, "(六)", "完善机制,营造公平环境"),
    (1, "三、", "今后目标和方向"),
]

# Decimal outline after a 目录 that repeats it; （1） lists under 1.4 and under 2.1.x.
GRAIN_PLAN = [
    (1, "1", "总则"),
    (2, "1.1", "编制目的及依据"),
    (2, "1.2", "等级划分"),
    (3, "1.2.1", "国家级（Ⅰ级）"),
    (3, "1.2.2", "省级（Ⅱ级）"),
    (3, "1.2.3", "省级人民政府可以根据本地区实际情况，研究制订省级（Ⅱ级）以下粮食应急状态分级和应急处理办法"),
    (2, "1.3", "适用范围"),
    (2, "1.4", "工作原则"),
    (3, "（1）", "统一领导、分级负责"),
    (3, "（2）", "科学监测、预防为主"),
    (3, "（3）", "反应及时、处置果断"),
    (1, "2", "组织机构和职责"),
    (2, "2.1", "国家粮食应急工作指挥部"),
    (3, "2.1.1", "国家粮食应急工作指挥部职责"),
    (4, "（1）", "掌握粮食市场形势，向国务院提出启动或终止实施应急措施的建议，经国务院同意后组织实施"),
    (4, "（2）", "对省级人民政府和有关部门开展粮食应急工作进行督查和指导"),
    (4, "（3）", "及时向国务院及有关部门报告（通报）事态发展变化情况，并根据需要向军队和武警部队通报有关情况"),
    (4, "（4）", "完成国务院交办的其他事项"),
    (3, "2.1.2", "国家粮食应急工作指挥部办公室及其职责"),
    (4, "（1）", "根据应急状态下全国粮食市场动态，向国家粮食应急工作指挥部提出相应的行动建议"),
    (4, "（2）", "根据国家粮食应急工作指挥部指示，联系指挥部成员单位和省级人民政府有关部门开展应急工作"),
    (4, "（3）", "综合有关情况，起草有关文件和简报"),
    (4, "（4）", "协助有关部门核定实施本预案应急行动的各项费用开支，提出对实施预案单位和个人的奖惩意见"),
    (4, "（5）", "完成国家粮食应急工作指挥部交办的其他工作"),
    (3, "2.1.3", "国家粮食应急工作指挥部成员单位职责"),
    (4, "（1）", "国家发展改革委及国家粮食局负责应急工作的综合协调"),
    (
        4,
        "（2）",
        "国家发展改革委及国家粮食局、商务部按照各自职能分工，负责粮食市场应急供应工作，完善应急商品投放网络建设，组织协调应急粮食的进口工作",
    ),
    (
        4,
        "（3）",
        "公安部负责维护粮食供应场所的治安秩序，保证道路交通运输的通畅，配合有关部门及时打击扰乱市场秩序的犯罪活动",
    ),
    (4, "（4）", "财政部负责安排、审核实施本预案所需经费，专款专用，并及时足额拨付到位"),
    (4, "（5）", "铁道部、交通部负责根据粮食应急工作的需要，及时安排落实应急粮食的运输"),
    (
        4,
        "（6）",
        "农业部负责根据粮食生产及市场供求情况，采取有力措施增加粮食产量，促进产需的基本平衡，防止粮食生产大起大落",
    ),
    (
        4,
        "（7）",
        "工商总局负责对粮食市场以及流通环节粮油食品安全的监管，依法打击囤积居奇、欺行霸市等违法经营行为，维护市场秩序",
    ),
    (4, "（8）", "质检总局负责对粮食加工环节进行监管，严肃查处以假充真、以次充好、掺杂使假等违法行为"),
    (4, "（9）", "国家统计局负责统计监测与应急工作相关的粮食生产和消费"),
    (
        4,
        "（10）",
        "国务院新闻办会同国家发展改革委制订国家粮食应急新闻发布预案，负责组织发布相关新闻，"
        "加强互联网的管理监督和有害信息的封堵、删除工作，正确引导舆论",
    ),
    (4, "（11）", "中国农业发展银行负责落实采购、加工、调拨、供应应急粮食所需贷款"),
    (4, "（12）", "中国储备粮管理总公司负责中央储备粮动用计划的执行"),
    (4, "（13）", "其他有关部门在指挥部的统一领导下，做好相关配合工作"),
    (2, "2.2", "地方粮食应急机构及其职责"),
]

# 第一章总则 (no space) with 一、 articles numbered straight on across chapters.
ZHENBA = [
    (1, "第一章", "总则"),
    (
        2,
        "一、",
        "根据《中华人民共和国宪法》《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》,"
        "参照《陕西省人民政府工作规则》《汉中市人民政府工作规则》的有关规定,结合本县实际,制定本规则",
    ),
    # sentences over 100 characters are cut at their last comma before that
    (
        2,
        "二、",
        "县政府工作的指导思想是,高举中国特色社会主义伟大旗帜,以习近平新时代中国特色社会主义思想为指导,"
        "在党中央、国务院和省委、省政府、市委、市政府、县委的坚强领导下,认真执行党的路线方针政策",
    ),
    (
        2,
        "三、",
        "县政府工作人员要旗帜鲜明讲政治,深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”、"
        "做到“两个维护”,坚持用习近平新时代中国特色社会主义思想武装头脑、指导实践、推动工作",
    ),
    (1, "第二章", "组成人员和政府职能"),
    (2, "四、", "县政府由县长、副县长、县政府党组成员,县政府各工作部门主要负责人组成"),
    (2, "五、", "县政府实行县长负责制"),
]

# 第一章  总  则 with spaces inside the title; articles have no heading.
YUBEI = [
    (1, "第一章", "总则"),
    (2, "第一条", ""),
    (2, "第二条", ""),
    (2, "第三条", ""),
    (1, "第二章", "组成人员及其职责"),
    (2, "第四条", ""),
    (2, "第五条", ""),
]

# LawRefBook markdown: '## 第一章 总则', half-width (一) items inside an article.
LAWREF = [
    (1, "第一章", "总则"),
    (2, "第一条", ""),
    (2, "第二条", ""),
    (2, "第三条", ""),
    (2, "第四条", ""),
    (3, "(一)", "办理本行政机关的政府信息公开事宜"),
    (3, "(二)", "维护和更新本行政机关公开的政府信息"),
    (3, "(三)", "组织编制本行政机关的政府信息公开指南、政府信息公开目录和政府信息公开工作年度报告"),
    (3, "(四)", "组织开展对拟公开政府信息的审查"),
    (3, "(五)", "本行政机关规定的与政府信息公开有关的其他职能"),
    (2, "第五条", ""),
]

# 第一章　总　　则 (U+3000 inside).
IIT = [
    (1, "第一章", "总则"),
    (2, "第一条", ""),
    (2, "第二条", ""),
    (2, "第三条", ""),
    (2, "第四条", ""),
    (1, "第二章", "子女教育"),
    (2, "第五条", ""),
]

# An excerpt that starts at 第十三条 inside chapter 2; 第三章　登记规范 with U+3000.
REGISTRATION = [
    (1, "第十三条", ""),
    (1, "第十四条", ""),
    (1, "第三章", "登记规范"),
    (2, "第十五条", ""),
    (2, "第十六条", ""),
    (3, "（一）", "申请书"),
    (3, "（二）", "申请人资格文件、自然人身份证明"),
    (3, "（三）", "住所或者主要经营场所相关文件"),
    (3, "（四）", "公司、非公司企业法人、农民专业合作社（联合社）章程或者合伙企业合伙协议"),
    (3, "（五）", "法律、行政法规和国务院市场监督管理部门规定提交的其他材料"),
    (2, "第十七条", ""),
]

# A 目录 of 第X部分 and 一、 lines before the body; the body repeats 第一部分 报告.
SHAYANG = [
    (1, "第一部分", "报告"),
    (2, "一、", "2022年财政预算执行情况"),
    (3, "(一)", "全县预算执行情况"),
    (3, "(二)", "县级预算执行情况"),
    (4, "1.", "一般公共预算"),
]

# 01综合 … 12资源、环境和应急管理: two digits and the title, no punctuation.
JIANGXI = [
    (1, "01", "综合"),
    (1, "02", "农业"),
    (1, "03", "工业和建筑业"),
    (1, "04", "服务业"),
    (1, "05", "固定资产投资"),
    (1, "06", "国内贸易"),
    (1, "07", "对外经济"),
    (1, "08", "财政金融"),
    (1, "09", "居民收入消费和社会保障"),
    (1, "10", "科学技术与教育"),
    (1, "11", "文化旅游、卫生健康与体育"),
    (1, "12", "资源、环境和应急管理"),
]

# Indicator table flattened one cell per line: 1.–17. run on across （一）（二）（三）, and
# （三） stands alone on its line with its title 合理用药 on the next.
HOSPITAL = [
    (1, "一、", "医疗质量"),
    (2, "（一）", "功能定位"),
    (3, "1.", "门诊人次数与出院人次数比"),
    (3, "2.", "下转患者人次数（门急诊、住院）"),
    (3, "3.", "日间手术占择期手术比例"),
    (3, "4.", "出院患者手术占比▲"),
    (3, "5.", "出院患者微创手术占比▲"),
    (3, "6.", "出院患者四级手术比例▲"),
    (3, "7.", "特需医疗服务占比"),
    (2, "（二）", "质量安全"),
    (3, "8.", "手术患者并发症发生率▲"),
    (3, "9.", "I类切口手术部位感染率▲"),
    (3, "10.", "单病种质量控制▲"),
    (3, "11.", "大型医用设备检查阳性率"),
    (3, "12.", "大型医用设备维修保养及质量控制管理"),
    (3, "13.", "通过国家室间质量评价的临床检验项目数▲"),
    (3, "14.", "低风险组病例死亡率▲"),
    (3, "15.", "优质护理服务病房覆盖率"),
    (2, "（三）", "合理用药"),
    (3, "16.", "点评处方占处方总数的比例"),
    (3, "17.", "抗菌药物使用强度（DDDs）▲"),
]

# National GWR 2018 (GBK source): run-in （一） headings cut at the first 。.
GWR2018 = [
    (1, "一、", "过去五年工作回顾"),
    (2, "（一）", "坚持稳中求进工作总基调，着力创新和完善宏观调控，经济运行保持在合理区间、实现稳中向好"),
    (2, "（二）", "坚持以供给侧结构性改革为主线，着力培育壮大新动能，经济结构加快优化升级"),
    (1, "二、", "2018年经济社会发展总体要求和政策取向"),
    (1, "三、", "对2018年政府工作的建议"),
    (2, "（一）", "深入推进供给侧结构性改革"),
    (2, "（二）", "加快建设创新型国家"),
]

# 1、 under 一、, heading cut at a half-width colon.
NANXIAN = [
    (1, "一、", "部门概况"),
    (2, "1、", "组织机构设置及人员情况"),
]

# Half-width (一) run-in headings ending in 。.
YUEYANG = [
    (1, "一、", "把握总体要求,明确工作目标"),
    (2, "(一)", "总体要求"),
    (2, "(二)", "工作目标"),
]

# 二、农 业: a space inside a short heading.
DANZHAI = [
    (1, "一、", "综合"),
    (1, "二、", "农业"),
]

CASES = [
    ("jiangjin.body.txt", SEED),
    ("grain_plan.body.txt", GRAIN_PLAN),
    ("zhenba_rules.body.txt", ZHENBA),
    ("yubei_rules.body.txt", YUBEI),
    ("lawref_gov_info.md.txt", LAWREF),
    ("iit_deduction_ch1_2.txt", IIT),
    ("registration_reg_ch2_3.txt", REGISTRATION),
    ("shayang_budget.body.txt", SHAYANG),
    ("jiangxi_2022_excerpt.txt", JIANGXI),
    ("hospital_indicators.txt", HOSPITAL),
    # the same table as the page stage flattens it: one line per row, cells joined by a space
    ("hospital_indicator_rows.txt", HOSPITAL),
    ("gwr2018_excerpt.txt", GWR2018),
    ("nanxian_eval.body.txt", NANXIAN),
    ("yueyang_opinions.body.txt", YUEYANG),
    ("danzhai_2015_excerpt.txt", DANZHAI),
]


@pytest.mark.parametrize(("fixture", "expected"), CASES, ids=[c[0] for c in CASES])
def test_outline_of_real_bodies(fixture: str, expected: list[Row]) -> None:
    assert outline(read(fixture)) == expected


@pytest.mark.parametrize("fixture", [c[0] for c in CASES])
def test_offsets_text_and_tree(fixture: str) -> None:
    body = read(fixture)
    sections, _ = build_sections(body)
    check_tree(body, sections)


def check_tree(body: str, sections: list[Section], parent: Section | None = None) -> None:
    """Each section's text is body[start:end], starts with its marker and nests inside its parent."""
    for s in sections:
        assert s.text == body[s.start : s.end]
        assert s.text.startswith(s.marker)
        assert s.level == (parent.level + 1 if parent else 1)
        if parent is not None:
            assert parent.start < s.start and s.end <= parent.end
        check_tree(body, s.children, s)
    for a, b in itertools.pairwise(sections):
        assert a.end <= b.start


def test_seed_page_through_the_pipeline(fixtures: Path) -> None:
    """The whole seed page (header, footer and all) gives exactly the answer key's 12 sections."""
    doc = zx.parse_file(fixtures / "jiangjin.txt", quantities=False)
    assert [(s.level, s.marker, s.heading) for s in doc.outline()] == SEED
    assert all(s.text == doc.body[s.start : s.end] for s in doc.outline())


def test_seed_numbers_and_no_warnings() -> None:
    sections, warnings = build_sections(read("jiangjin.body.txt"))
    assert [s.number for s in flat(sections)] == [1, 2, 1, 1, 2, 3, 2, 3, 4, 5, 6, 3]
    assert warnings == []


def test_seed_inline_list_is_not_a_section() -> None:
    # "其中:(1)校舍建设项目56个,…;(2)运动场建设项目14个" sits inside a paragraph of (三).
    sections, _ = build_sections(read("jiangjin.body.txt"))
    third = flat(sections)[7]
    assert third.marker == "(三)"
    assert "(1)校舍建设项目56个" in third.text
    assert third.children == []


def test_seed_items() -> None:
    """一是/二是 paragraphs and the 一抓/二抓 run inside 四是 are items of their section."""
    secs = flat(build_sections(read("jiangjin.body.txt"))[0])
    by_heading = {s.heading: s for s in secs}
    assert [i[:6] for i in by_heading["完善党委政府领导机制"].items] == ["一是定期研究", "二是纳入规划", "三是政策保障"]
    assert by_heading["完善督政督学评估机制"].items == []
    assert [i[:4] for i in by_heading["狠抓技术装备和信息化工程"].items] == ["一是抓“", "二是抓“"]
    fifth = by_heading["深化改革,促进师资均衡"].items
    # 四是… holds an inline run of its own: 我区一是率先执行,二是按上限标准执行,三是财政资金保障到位…
    assert fifth[-3:] == ["一是率先执行,", "二是按上限标准执行,", "三是财政资金保障到位不留任何缺口。"]
    sixth = by_heading["完善机制,营造公平环境"].items
    assert [i[:4] for i in sixth] == [
        "一是保障",
        "二是完善",
        "三是健全",
        "四是稳步",
        "一抓课改",
        "二抓特色",
        "三抓管理",
        "四抓教研",
        "五是大力",
    ]
    assert sixth[4].startswith("一抓课改。") and sixth[4].endswith(
        "激活课堂的生命活力。相关经验被《人民教育》《今日教育》专版报道,并多次在全市做经验交流。"
    )
    assert len(by_heading["今后目标和方向"].items) == 4


def test_gwr_items_in_one_paragraph() -> None:
    sections, _ = build_sections(read("gwr2018_excerpt.txt"))
    second = sections[1]
    assert [i[:9] for i in second.items] == ["一是大力推动高质量", "二是加大改革开放力", "三是抓好决胜全面建"]
    assert second.items[0].endswith("实现经济平稳增长和质量效益提高互促共进。")


def test_toc_is_not_the_outline() -> None:
    body = read("grain_plan.body.txt")
    sections, _ = build_sections(body)
    first = sections[0]
    assert body.index("1　总则") < first.start == body.index("1　总则\n1.1　编制目的及依据\n为了")


def test_toc_without_its_label() -> None:
    """Headings on consecutive lines and then the first one again: a 目录 whose label was lost."""
    body = read("grain_plan.body.txt").replace("目　　录\n", "")
    sections, warnings = build_sections(body)
    assert outline(body) == GRAIN_PLAN and warnings == []
    assert sections[0].start == body.index("1　总则\n1.1　编制目的及依据\n为了")


def test_broken_decimal_numbering() -> None:
    """Spans split around the dots leave '1 . 2 . 2' in the text: still the heading 1.2.2."""
    body = read("grain_plan.body.txt").replace("1.2.2　", "1 . 2 . 2　")
    rows = outline(body)
    assert (3, "1 . 2 . 2", "省级（Ⅱ级）") in rows
    assert rows[:6] == [r if r[1] != "1.2.2" else (3, "1 . 2 . 2", "省级（Ⅱ级）") for r in GRAIN_PLAN[:6]]


def wrap(body: str, width: int) -> str:
    """The body as a PDF text layer gives it: every paragraph cut into lines of `width` characters."""
    return "\n".join(para[i : i + width] for para in body.split("\n") for i in range(0, max(len(para), 1), width))


@pytest.mark.parametrize("fixture", ["jiangjin.body.txt", "grain_plan.body.txt", "gwr2018_excerpt.txt"])
@pytest.mark.parametrize("width", [9, 17, 26, 38, 52])
def test_wrapped_lines_give_the_same_outline(fixture: str, width: int) -> None:
    """A wrapped line that happens to start with 1. or 1) (a split "(1)") is no heading."""
    body = read(fixture)
    assert [r[:2] for r in outline(wrap(body, width))] == [r[:2] for r in outline(body)]


def test_registration_excerpt_warns_about_its_start() -> None:
    _, warnings = build_sections(read("registration_reg_ch2_3.txt"))
    assert len(warnings) == 2
    assert "第十三条" in warnings[0] and "第三章" in warnings[1]


def test_markdown_heading_starts_at_its_marker() -> None:
    body = read("lawref_gov_info.md.txt")
    chapter = build_sections(body)[0][0]
    assert body[chapter.start - 3 : chapter.start] == "## "
    assert chapter.text.startswith("第一章 总则\n\n第一条 为了保障公民")


# A long paragraph, for the bodies that need a long line.
FILLER = "这是一段很长的正文，用来说明情况，" * 12

# Small bodies: (body, expected outline, substrings the warnings must contain in order).
SMALL = [
    # levels follow the order styles appear in, not a fixed table
    ("一、甲\n1.乙\n2.丙\n二、丁", [(1, "一、", "甲"), (2, "1.", "乙"), (2, "2.", "丙"), (1, "二、", "丁")], []),
    # a style ranked above the open one closes it (GB/T 9704 order)
    (
        "一、甲\n1.乙\n（一）丙\n1.丁",
        [(1, "一、", "甲"), (2, "1.", "乙"), (2, "（一）", "丙"), (3, "1.", "丁")],
        [],
    ),
    # full- and half-width forms are one style
    ("（一）甲\n(二)乙\n1．丙\n2.丁", [(1, "（一）", "甲"), (1, "(二)", "乙"), (2, "1．", "丙"), (2, "2.", "丁")], []),
    # a "1." inside a sentence is not a heading
    ("一、概况\n全区共有学校1.2万所，其中1.小学2.初中。", [(1, "一、", "概况")], []),
    # a heading that starts with a year (budget reports)
    ("1.2022年预算执行情况\n2.2023年预算草案", [(1, "1.", "2022年预算执行情况"), (1, "2.", "2023年预算草案")], []),
    # an amount at the start of a line is not a heading
    ("一、概况\n1.5亿元用于校舍改造。\n3.2%的学校达标。", [(1, "一、", "概况")], []),
    # a decimal table value alone on a line is not a heading
    ("一、综合\n29.1\n蔬菜", [(1, "一、", "综合")], []),
    # a numbered list must start at 1 and run in sequence
    ("一、概况\n3.第三项\n5.第五项", [(1, "一、", "概况")], []),
    # 三、 after 一、 is taken, with a warning
    ("一、甲\n正文。\n三、丙\n正文。", [(1, "一、", "甲"), (1, "三、", "丙")], ["skips from 1 to 3"]),
    # a Chinese heading that does not start at 一 is left as text, with a warning
    ("二、乙\n正文。", [], ["二、乙", "does not start its numbering at 1"]),
    # ① is 1 (NFKC would turn it into the digit 1); circled numbers nest under （1）
    ("（1）甲\n①子\n②丑\n（2）乙", [(1, "（1）", "甲"), (2, "①", "子"), (2, "②", "丑"), (1, "（2）", "乙")], []),
    # full-width digits
    ("１．完善机制\n２．落实政策", [(1, "１．", "完善机制"), (1, "２．", "落实政策")], []),
    # 第 八十六 条 with spaces inside the marker (NFRA)
    ("第 八十五 条 甲。\n第 八十六 条 乙。", [(1, "第 八十五 条", ""), (1, "第 八十六 条", "")], ["第 八十五 条"]),
    # 编 > 章 > 节 > 条, articles numbered on across sections
    (
        "第一编 总则\n第一章 一般规定\n第一节 范围\n第一条 甲。\n第二节 定义\n第二条 乙。\n第二章 附则\n第三条 丙。",
        [
            (1, "第一编", "总则"),
            (2, "第一章", "一般规定"),
            (3, "第一节", "范围"),
            (4, "第一条", ""),
            (3, "第二节", "定义"),
            (4, "第二条", ""),
            (2, "第二章", "附则"),
            (3, "第三条", ""),
        ],
        [],
    ),
    # run-in heading: up to the first 。 or ： outside brackets
    ("（一）关于《规定》：第一条。正文", [(1, "（一）", "关于《规定》")], []),
    ("（一）加强“组织。领导”。各地要抓好", [(1, "（一）", "加强“组织。领导”")], []),
    # a 目录 whose entries carry page numbers
    (
        "目 录\n一、总则……1\n二、附则……3\n一、总则\n正文。\n二、附则\n正文。",
        [(1, "一、", "总则"), (1, "二、", "附则")],
        [],
    ),
    # a PDF line wrapped inside "(1)" does not start a heading "1)"
    ("一、甲\n完成项目113个。其中:(\n1)校舍建设项目56个;(2)运动场建设项目14个。", [(1, "一、", "甲")], []),
    # a colon between the marker and the title (outpatient disease fees)
    ("第一部分：一类门诊特定病种\n一、高血压病", [(1, "第一部分", "一类门诊特定病种"), (2, "一、", "高血压病")], []),
    # a 目录 link in the page furniture, followed by no headings, hides nothing
    (
        "目录\n首页\n一、总则\n本办法适用于全市各级行政机关及其工作人员的政务公开工作，包括决策、执行、管理、服务和结果公开。\n首页",
        [(1, "一、", "总则")],
        [],
    ),
    # 一、二级 is not the heading 一、
    ("一、二级医院参照执行。", [], []),
    # an excerpt that starts at 九、 has no outline of its own
    ("九、甲\n十、乙", [], ["九、甲", "does not start its numbering at 1", "十、乙"]),
    # a bare number with a space is a heading only as a short line
    ("1 总则\n1.1 目的\n2 范围", [(1, "1", "总则"), (2, "1.1", "目的"), (1, "2", "范围")], []),
    ("1 月份全区完成投资3亿元。", [], []),
    # a flattened table row holds several headings, one per cell
    (
        "一、医疗质量 （一）功能定位 1.门诊人次数与出院人次数比 定量 计算方法：略。",
        [(1, "一、", "医疗质量"), (2, "（一）", "功能定位"), (3, "1.", "门诊人次数与出院人次数比")],
        [],
    ),
    # a row of three or more cells: the heading is the first cell
    ("1.下转患者人次数 定量 计算方法：略。", [(1, "1.", "下转患者人次数")], []),
    # numbered notes after 注： are not headings (Wanzai 2022 communique) …
    (
        "一、综合\n正文。\n二、农业\n正文。\n注：\n1.本公报中数据均为初步统计数，最后以年报核定数据为准。\n2.地区生产总值按现价计算。",
        [(1, "一、", "综合"), (1, "二、", "农业")],
        [],
    ),
    # … a 注： before the outline does not hide it, and a plain paragraph ends the notes …
    (
        "注：\n一、甲\n正文。\n（一）子\n注：\n表格说明。\n（二）丑",
        [(1, "一、", "甲"), (2, "（一）", "子"), (2, "（二）", "丑")],
        [],
    ),
    ("一、甲\n注：\n表格说明。\n1.子\n2.丑", [(1, "一、", "甲"), (2, "1.", "子"), (2, "2.", "丑")], []),
    # … and the next number of an open style ends the notes
    ("一、甲\n注：\n1.说明。\n二、乙", [(1, "一、", "甲"), (1, "二、", "乙")], []),
    # numbering runs on across parents only into a later sibling: 8. under （二） after 7. under （一) …
    (
        "一、甲\n（一）子\n1.a\n2.b\n（二）丑\n3.c",
        [(1, "一、", "甲"), (2, "（一）", "子"), (3, "1.", "a"), (3, "2.", "b"), (2, "（二）", "丑"), (3, "3.", "c")],
        [],
    ),
    # … not into a table after the last chapter (family doctor plan: 4. in 二、（四）, 5. in a table under 三、（三）)
    (
        "一、目标\n二、任务\n（一）完善保障\n1.发挥医保作用\n三、组织实施\n（一）加强宣传引导\n"
        "2.门急诊服务对象中签约居民占比 占比较上一年增加。 考察签约服务",
        [
            (1, "一、", "目标"),
            (1, "二、", "任务"),
            (2, "（一）", "完善保障"),
            (3, "1.", "发挥医保作用"),
            (1, "三、", "组织实施"),
            (2, "（一）", "加强宣传引导"),
        ],
        [],
    ),
    # a numbered table row with figures is not a heading (outpatient disease fees)
    ("1 一类高血压病 200元/月 50元/月长期\n2 一类糖尿病 200元/月 50元/月长期", [], []),
    # a long marker sentence full of amounts is an item of data, not a heading (Yongning 2020 H1 budget) …
    (
        "1.组织财政收入执行情况。\n1)税收收入112446万元,完成年初预算207380万元的54.22%,比上年同期133191万元"
        "减收20745万元,下降15.58%,主要是增值税、城市维护建设税、土地增值税减收;税收收入占全部组织财政收入的比重为76.57%。",
        [(1, "1.", "组织财政收入执行情况")],
        [],
    ),
    # … but a bracketed aside does not count in the length: 二、零售企业(不含电商企业)… is as short as its
    # siblings (Yangling Q1 consumption incentives)
    (
        "一、批发企业新增量达到300万元且增速达到20%以上的,给予1万元促销奖励;新增量达到800万元的,给予2万元。\n"
        "二、零售企业(不含电商企业)新增量达到180万元且增速达到20%以上的,给予1万元的促销奖励。\n"
        "三、电商企业新增量达到300万元且增速达到20%以上的,给予1万元促销奖励;新增量达到800万元的,给予2万元。",
        [
            (1, "一、", "批发企业新增量达到300万元且增速达到20%以上的,给予1万元促销奖励"),
            (1, "二、", "零售企业(不含电商企业)新增量达到180万元且增速达到20%以上的,给予1万元的促销奖励"),
            (1, "三、", "电商企业新增量达到300万元且增速达到20%以上的,给予1万元促销奖励"),
        ],
        [],
    ),
    # … while a short run-in heading before its figures is a heading (Zhouzhi 2023 budget report)
    (
        "(一)财政预算执行情况\n1.一般公共预算执行情况。全年县级一般公共预算收入31751万元,完成预算数31220万元的101.7%,"
        "较上年28899万元增长9.9%。",
        [(1, "(一)", "财政预算执行情况"), (2, "1.", "一般公共预算执行情况")],
        [],
    ),
    # paragraphs a scrape joined into one long line with spaces: a heading after a sentence end and a space,
    # its first cell a short heading followed by a space (Minhang 2021 final accounts) …
    (
        "主任、各位委员: " + FILLER + "报告如下: 一、主要情况 (一)一般公共预算 1.全区收支情况 全区收入331.1亿元。 "
        "2.区本级收支情况 区本级财力249.2亿元。",
        [(1, "一、", "主要情况"), (2, "(一)", "一般公共预算"), (3, "1.", "全区收支情况"), (3, "2.", "区本级收支情况")],
        [],
    ),
    # … a heading spaced out character by character (Shangyu 2013 communiqué) …
    (
        "注:GDP增幅按可比价计算。 一、综 合 综合实力显著增强。" + FILLER,
        [(1, "一、", "综合")],
        [],
    ),
    # … but not an inline list whose items end in punctuation, nor a short line
    (
        FILLER + "主要措施如下： 1.加强领导。 2.落实责任。",
        [],
        [],
    ),
    ("情况如下： 一、主要情况 正文。", [], []),
    # a run-in heading before a sentence of amounts ends at its comma (yunxiqu school budget 2018) …
    (
        "一、部门基本概况\n主要负责:实施高中学历教育,促进基础教育发展。\n二、部门收支总体情况\n"
        "(一)收入预算,2018年年初预算数2132.7 万元,其中,一般公共预算拨款2132.7 万元。收入较去年持平。\n"
        "(二)支出预算,2018年年初预算数2132.7万元,其中,教育支出1552.96万元,社会保障和就业支出367.38万元,"
        "医疗卫生与计划生育支出55.5万元,住房保障支出156.86万元。一支出较去年减少10.29万元。",
        [
            (1, "一、", "部门基本概况"),
            (1, "二、", "部门收支总体情况"),
            (2, "(一)", "收入预算"),
            (2, "(二)", "支出预算"),
        ],
        [],
    ),
    # … but a numbered paragraph opening with its item and amount is no heading (zjc health centre accounts 2021)
    (
        "(一)收入决算情况。2021年度,收入总计为457.8161万元,其中:\n"
        "1.财政拨款收入364.6552万元,为财政拨款资金。较上年度决算数减少24.1522万元,下降6.2118%,主要是公共卫生财政拨款减少。\n"
        "2.上级补助收入0万元,与上年相比没有变化。\n"
        "3.事业收入93.1608万元,为事业单位开展专业业务活动及辅助活动所取得的收入。较上年度决算数增加33.1608万元,增长55.268%。\n"
        "(二)支出决算情况\n",
        [(1, "(一)", "收入决算情况"), (1, "(二)", "支出决算情况")],
        [],
    ),
    # a heading stating an amount on its own line stays a heading
    ("1.地区生产总值增长8%\n全年实现地区生产总值1234亿元。", [(1, "1.", "地区生产总值增长8%")], []),
    # the group rows of a piped table (a line ending in a bar near a row of cells) are rows, not headings
    # (mzj_sz civil affairs 2020q2)
    (
        "指 标 | 单 位 | 数 量 |\n一、民政事业费累计支出 | 万元 | 98,644.9 |\n二、行政区划 |\n|\n|\n街道 | 个 | 74 |\n"
        "三、民政机构和设施 |\n|\n|\n(一)提供住宿的民政机构 | 个 | 42 |\n养老机构 | 个 | 34 |",
        [],
        [],
    ),
    # … a heading line ending in a bar with no row of cells near it stays a heading
    (
        "一、行政区划 |\n全市共有街道74个。\n二、社会救助 |\n城市低保人数3235人。",
        [(1, "一、", "行政区划 |"), (1, "二、", "社会救助 |")],
        [],
    ),
    # an article's short heading after spaces on its line is its heading; its text is not (yongde awards 2015)
    (
        "第一条   为充分调动投资商以商招商和民间群众对外招商的积极性,特制定本办法。\n第二条   奖励对象\n"
        "为我县引进省内外企业或外商投资项目、资金的企业、民间组织或非财政供养人员(以下简称引资人)。\n"
        "第三条   奖励条件、标准\n引资人受奖励应符合下列条件之一:\n第四条 本办法由县招商合作局负责解释和组织实施\n",
        [(1, "第一条", ""), (1, "第二条", "奖励对象"), (1, "第三条", "奖励条件、标准"), (1, "第四条", "")],
        [],
    ),
    # clauses numbered (一)(二) in a document whose (一)(二) lines are sentences of amounts are items too
    # (yongde awards 2015: 第三条's clauses state amounts, 第四条's are clauses ending in a semicolon)
    (
        "第三条   奖励条件、标准\n"
        "(一)符合国家产业政策、在我县注册登记企业年内实现地方公共财政预算收入达人民币50万元的,给予奖励人民币2万元,"
        "每增加地方公共财政预算收入人民币50万元,加奖人民币2万元;\n"
        "(二)企业当年完成固定资产投资2000万元人民币的,给予奖励人民币2万元,每增加固定资产投资2000万元人民币,加奖人民币2万元;\n"
        "第四条   申报程序\n(一)凡符合奖励办法第三条之一的即可向县招商合作局申报,并填写申请表;\n(二)",
        [(1, "第三条", "奖励条件、标准"), (1, "第四条", "申报程序")],
        ["第三条奖励条件、标准 at offset 0 does not start its numbering at 1"],
    ),
    # … but without such sentences of amounts, clauses ending in a semicolon stay sections (as the keys list them)
    (
        "第十三条 行政机关收到申请的时间,按照下列规定确定:\n"
        "(一)申请人当面提交政府信息公开申请的，以提交之日为收到申请之日；\n"
        "(二)申请人以邮寄方式提交申请的，以行政机关签收之日为收到申请之日。\n",
        [
            (1, "第十三条", ""),
            (2, "(一)", "申请人当面提交政府信息公开申请的，以提交之日为收到申请之日"),
            (2, "(二)", "申请人以邮寄方式提交申请的，以行政机关签收之日为收到申请之日"),
        ],
        ["第十三条 at offset 0 does not start its numbering at 1"],
    ),
]


@pytest.mark.parametrize(("body", "expected", "warned"), SMALL)
def test_small_bodies(body: str, expected: list[Row], warned: list[str]) -> None:
    sections, warnings = build_sections(body)
    assert [(s.level, s.marker, s.heading) for s in flat(sections)] == expected
    joined = " | ".join(warnings)
    for part in warned:
        assert part in joined
    if not warned:
        assert warnings == []
    check_tree(body, sections)


ITEMS = [
    # a run of two or more in sequence, inside a section
    ("一、甲\n一是学。二是用。", ["一是学。", "二是用。"]),
    # a lone 一是 is no enumeration
    ("一、甲\n问题一是资金不足。", []),
    # 统一是 / 唯一是 are words, not items
    ("一、甲\n统一是前提，唯一是目标。二是", []),
    # 十一是 follows 十是
    ("一、甲\n" + "".join(f"{n}是x。" for n in "一二三四五六七八九十") + "十一是y。", 11),
    # runs do not cross a heading
    ("一、甲\n一是学。\n二、乙\n二是用。", []),
]


@pytest.mark.parametrize(("body", "expected"), ITEMS)
def test_items(body: str, expected: list[str] | int) -> None:
    sections, _ = build_sections(body)
    items = [i for s in flat(sections) for i in s.items]
    if isinstance(expected, int):
        assert len(items) == expected
    else:
        assert items == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十三", 23),
        ("一百零五", 105),
        ("两", 2),
        ("12", 12),
        ("１２", 12),
    ],
)
def test_cn_number(text: str, value: int) -> None:
    assert cn_number(text) == value


def test_numbers_past_ten() -> None:
    numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    sections, warnings = build_sections("\n".join(f"{n}、甲\n正文。" for n in numerals))
    assert [s.number for s in sections] == list(range(1, 13))
    assert sections[10].marker == "十一、" and warnings == []


def test_crlf_line_ends() -> None:
    body = "目录\r\n一、总则\r\n二、附则\r\n一、总则\r\n正文。\r\n二、附则\r\n注：\r\n1.说明。"
    assert outline(body) == [(1, "一、", "总则"), (1, "二、", "附则")]


def test_warnings_are_capped() -> None:
    """A page of stray Chinese markers says what is odd without listing every one."""
    _, warnings = build_sections("\n".join(f"{n}、乙" for n in ["二", "四", "六", "八"] * 10))
    assert len(warnings) == 21
    assert warnings[-1] == "section numbering: 20 more oddities not listed"


def test_empty_and_plain_bodies() -> None:
    assert build_sections("") == ([], [])
    assert build_sections("没有任何编号的正文。\n第二段。") == ([], [])


def test_speed_on_seed() -> None:
    """Well under a millisecond per seed page on an idle machine (the whole parse must do 300 pages/s);
    the bound leaves room for a busy CI runner, and the best of several rounds is taken."""
    body = read("jiangjin.body.txt")
    rounds = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(20):
            build_sections(body)
        rounds.append((time.perf_counter() - t0) / 20)
    assert min(rounds) < 0.003


def test_linear_in_size() -> None:
    """A page of many headings and a page of one long line both take time in proportion to their size."""
    many = "\n".join(f"（{n}）标题。正文一是甲二是乙。" for n in "一二三四五六七八九十") * 300
    long_line = "（一）" + "甲" * 200_000
    for body in (many, long_line):
        t0 = time.perf_counter()
        build_sections(body)
        assert time.perf_counter() - t0 < 1.0


LINES = st.sampled_from(
    [
        "一、总则",
        "二、范围",
        "（一）加强领导。各地要抓好落实。",
        "(二)健全机制",
        "1.完善制度",
        "2、落实责任",
        "（1）甲",
        "①乙",
        "第一章 总则",
        "第一条 为了规范。",
        "目录",
        "1.1 目的",
        "1 总则",
        "一是学。二是用。",
        "正文，其中1.甲2.乙。",
        "",
        "  ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINES, max_size=25))
def test_any_mix_of_lines_gives_a_consistent_tree(lines: list[str]) -> None:
    body = "\n".join(lines)
    sections, warnings = build_sections(body)
    check_tree(body, sections)
    assert all(isinstance(w, str) for w in warnings)


ALPHABET = st.sampled_from(list("一二三十、（）()1２.．、:：。，①第章条节 \n\u3000甲乙是抓目录注#"))


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=120))
def test_any_text_gives_a_consistent_tree(body: str) -> None:
    sections, _ = build_sections(body)
    check_tree(body, sections)


def test_item_marks_find_what_the_item_pattern_finds() -> None:
    """_item_marks (str.find from the verbs) is a faster ITEM.finditer: the same marks on random text."""
    import random

    from zhengwu_extract._markers import ITEM
    from zhengwu_extract.structure import _item_marks

    rng = random.Random(7)
    alphabet = "一二三四十是抓统第的\n 。"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        begin = rng.randint(0, len(text))
        expected = [(m.start(), m["verb"], m["num"]) for m in ITEM.finditer(text, begin)]
        assert _item_marks(text, begin) == expected, (text, begin)
