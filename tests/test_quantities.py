"""Quantity records from sentences: a table of input → expected records, written by reading the text.

Sentences come from the seed page (Jiangjin education report) and the corpus pages named in each
group. An expected record is (value, unit, indicator, year, category); the indicator passes when its
character F1 with the hand-written one is at least 0.6 (the answer key's criterion), everything
else must be equal. Known failures are `xfail(strict=True)`: a fix makes them fail until moved.
"""

from __future__ import annotations

from typing import Any

import pytest

import zhengwu_extract as zx
from answer_key import char_f1
from zhengwu_extract.models import Quantity

Expected = tuple[Any, str | None, str, int | None, str | None]


def check(records: list[Quantity], expected: list[Expected]) -> None:
    got = [(q.value, q.unit, q.indicator, q.year, q.category) for q in records]
    assert [(v, u, y, c) for v, u, _, y, c in got] == [(v, u, y, c) for v, u, _, y, c in expected], got
    for (_, _, indicator, _, _), want in zip(got, expected, strict=True):
        assert char_f1(want[2], indicator) >= 0.6, (want[2], indicator)
    for q, want in zip(records, expected, strict=True):
        assert type(q.value) is type(want[0]), q


SEED: list[Any] = [
    (
        "2015年公共财政教育支出185692万元，比上年增长29.29%",
        None,
        [(185692, "万元", "公共财政教育支出", 2015, None), (29.29, "%", "公共财政教育支出增长", 2015, None)],
    ),
    (
        "义务教育学校办学基本标准自评得分99分,区人民政府推进义务教育均衡发展工作自评得分99.5分(含加分3分),"
        "已经超过市定合格标准。",
        2016,
        [
            (99, "分", "义务教育学校办学基本标准自评得分", None, None),
            (99.5, "分", "推进义务教育均衡发展工作自评得分", None, None),
            (3, "分", "加分", None, None),
        ],
    ),
    (
        "江津位于重庆西南,辖区面积3219平方公里,总人口150万,辖425镇。",
        2016,
        [(3219, "平方公里", "辖区面积", None, None), (150, "万人", "总人口", None, None)],
    ),
    (
        "20152016学年度,全区共有206所普通中小学(含民办小学3所,民办九年一贯制学校2所,民办初中2所,小学教学点66所,"
        "其中由于教学点的学生异动,有11个教学点于2016年春季停办)义务教育阶段共有学生121227人,其中小学83824人,"
        "1940个教学班,初中学生共37403人,779个教学班。",
        2016,
        [
            (206, "所", "普通中小学", 2015, None),
            (3, "所", "民办小学", 2015, "小学"),
            (2, "所", "民办九年一贯制学校", 2015, None),
            (2, "所", "民办初中", 2015, "初中"),
            (66, "所", "小学教学点", 2015, "小学"),
            (11, "个", "教学点", 2016, None),
            (121227, "人", "学生", 2015, None),
            (83824, "人", "学生", 2015, "小学"),
            (1940, "个", "教学班", 2015, "小学"),
            (37403, "人", "初中学生", 2015, "初中"),
            (779, "个", "教学班", 2015, "初中"),
        ],
    ),
    (
        "按照评估要求,本次纳入督导评估的学校共133所,其中小学94所,初中17所,九年一贯制学校12所,高完中(初中部)10所;"
        "共计在校学生110434人、教职工7077人。",
        2016,
        [
            (133, "所", "纳入督导评估的学校", None, None),
            (94, "所", "小学", None, "小学"),
            (17, "所", "初中", None, "初中"),
            (12, "所", "九年一贯制学校", None, None),
            (10, "所", "高完中(初中部)", None, "初中"),
            (110434, "人", "在校学生", None, None),
            (7077, "人", "教职工", None, None),
        ],
    ),
    pytest.param(
        "区委书记陶长海亲自协调双福、德感、珞璜三大工业园区筹资3000万,购买电脑9000台,解决了学校教学设施设备缺口。",
        2016,
        [(3000, "万元", "筹资", None, None), (9000, "台", "电脑", None, None)],
        marks=pytest.mark.xfail(strict=True, reason="a 27-character phrase with no verb to cut after"),
    ),
    (
        "2013年公共财政教育支出122153万元,比上年122711万元增长-0.46%;财政经常性收入224373万元,比上年176776万元增长"
        "26.93%,公共财政教育支出增长低于财政经常性收入增长27.39个百分点。",
        2016,
        [
            (122153, "万元", "公共财政教育支出", 2013, None),
            (122711, "万元", "公共财政教育支出", 2012, None),
            (-0.46, "%", "公共财政教育支出增长", 2013, None),
            (224373, "万元", "财政经常性收入", 2013, None),
            (176776, "万元", "财政经常性收入", 2012, None),
            (26.93, "%", "财政经常性收入增长", 2013, None),
            (27.39, "个百分点", "公共财政教育支出增长低于财政经常性收入增长", 2013, None),
        ],
    ),
    (
        "2012年、2013年、2014年、2015年义务教育生均预算内教育事业费分别为小学5722.64元、5937.62元、6675.01元、"
        "8457.67;初中6818.35元、8328.1元、10298.79元、12105.81万元,三年生均预算内教育事业费实现了逐步增长。",
        2016,
        [
            (5722.64, "元", "生均预算内教育事业费", 2012, "小学"),
            (5937.62, "元", "生均预算内教育事业费", 2013, "小学"),
            (6675.01, "元", "生均预算内教育事业费", 2014, "小学"),
            (8457.67, "元", "生均预算内教育事业费", 2015, "小学"),  # unit lost in the scrape
            (6818.35, "元", "生均预算内教育事业费", 2012, "初中"),
            (8328.1, "元", "生均预算内教育事业费", 2013, "初中"),
            (10298.79, "元", "生均预算内教育事业费", 2014, "初中"),
            (12105.81, "万元", "生均预算内教育事业费", 2015, "初中"),  # a slip for 元, kept as written
        ],
    ),
    (
        "2012年、2013年、2014年、2015年公共财政预算支出分别为629187万元、698830万元、818724万元、963004万元;"
        "公共财政教育支出分别为120771万元、122153万元、143626万元、185692万元;"
        "公共预算教育支出分别占公共财政支出比例分别为19.19%17.48%17.54%19.28%",
        2016,
        [
            (629187, "万元", "公共财政预算支出", 2012, None),
            (698830, "万元", "公共财政预算支出", 2013, None),
            (818724, "万元", "公共财政预算支出", 2014, None),
            (963004, "万元", "公共财政预算支出", 2015, None),
            (120771, "万元", "公共财政教育支出", 2012, None),
            (122153, "万元", "公共财政教育支出", 2013, None),
            (143626, "万元", "公共财政教育支出", 2014, None),
            (185692, "万元", "公共财政教育支出", 2015, None),
            (19.19, "%", "公共预算教育支出占公共财政支出比例", 2012, None),
            (17.48, "%", "公共预算教育支出占公共财政支出比例", 2013, None),
            (17.54, "%", "公共预算教育支出占公共财政支出比例", 2014, None),
            (19.28, "%", "公共预算教育支出占公共财政支出比例", 2015, None),
        ],
    ),
    (
        "20152016学年度,我区义务教育学校的初中、小学大班额分别为2.95%4.16%",
        2016,
        [(2.95, "%", "大班额", 2015, "初中"), (4.16, "%", "大班额", 2015, "小学")],
    ),
    (
        "经过几年的创建工作,截至目前,我区校舍场地建设对照义务教育学校办学基本标准指标体系生均校地、生均校舍、"
        "生均体育场馆达标率分别为:小学:91.5%97.2%94.3%;中学:97.4%100%94.9%",
        2016,
        [
            (91.5, "%", "生均校地达标率", 2016, "小学"),
            (97.2, "%", "生均校舍达标率", 2016, "小学"),
            (94.3, "%", "生均体育场馆达标率", 2016, "小学"),
            (97.4, "%", "生均校地达标率", 2016, "中学"),
            (100, "%", "生均校舍达标率", 2016, "中学"),
            (94.9, "%", "生均体育场馆达标率", 2016, "中学"),
        ],
    ),
    (
        "近年来,我区先后投入近1.3亿元,实施教育技术装备和信息化工程。20159月,江津区成为重庆市教育信息化试点单位。",
        2016,
        [(1.3, "亿元", "投入", None, None)],
    ),
    (
        "目前全区中小学共有38400名代理家长、开通324部亲情电话,组建了20个心理咨询室、38个留守儿童之家、162间亲情室、"
        "18个托管中心。",
        2016,
        [
            (38400, "名", "代理家长", 2016, None),
            (324, "部", "亲情电话", 2016, None),
            (20, "个", "心理咨询室", 2016, None),
            (38, "个", "留守儿童之家", 2016, None),
            (162, "间", "亲情室", 2016, None),
            (18, "个", "托管中心", 2016, None),
        ],
    ),
    (
        "去年我区交流教师共396人,交流校级干部45名,选派优秀教师到市或区名校上挂交流学习近100人次。",
        2016,
        [
            (396, "人", "交流教师", 2015, None),
            (45, "名", "交流校级干部", 2015, None),
            (100, "人次", "上挂交流学习", 2015, None),
        ],
    ),
    (
        "2015年秋全区公办义务教育阶段学校解决随迁子女入学2168人,占全区义务教育阶段学生总数的1.8%,其中小学1634人、"
        "初中534人,入学率达100%。",
        2016,
        [
            (2168, "人", "随迁子女入学", 2015, None),
            (1.8, "%", "随迁子女占全区义务教育阶段学生总数", 2015, None),
            (1634, "人", "随迁子女入学", 2015, "小学"),
            (534, "人", "随迁子女入学", 2015, "初中"),
            (100, "%", "入学率", 2015, None),
        ],
    ),
    (
        "2013年至今,减免作业本费共计约440万元,补助贫困住宿生生活费用共计约11741.2万元。",
        2016,
        [(440, "万元", "减免作业本费", None, None), (11741.2, "万元", "补助贫困住宿生生活费用", None, None)],
    ),
    (
        "“三空间活力课堂”、“翻转课堂”、“文化课堂”等课改成果吸引江苏、天津、福建等十余个发达地区学校前来考察学习。",
        2016,
        [(10, "个", "发达地区", None, None)],
    ),
    (
        "2012年引进重庆市双福育才中学,20149月顺利实现初中招生,目前有在校生学生4100多人。",
        2016,
        [(4100, "人", "在校生", 2016, None)],
    ),
]

CORPUS: list[Any] = [
    # pages_qdndz_gov_cn_danzhai_2015_stats_communique: a county statistical communiqué
    (
        "初步测算,2015年全县地区生产总值244394万元,比上年增长13.1%。其中:第一产业增加值62857万元,同比增长6.3%;"
        "第二产业增加值65585万元,同比增长9.5%,其中工业增加值完成40653万元,同比增长13.5%。",
        2016,
        [
            (244394, "万元", "地区生产总值", 2015, None),
            (13.1, "%", "地区生产总值增长", 2015, None),
            (62857, "万元", "第一产业增加值", 2015, None),
            (6.3, "%", "第一产业增加值增长", 2015, None),
            (65585, "万元", "第二产业增加值", 2015, None),
            (9.5, "%", "第二产业增加值增长", 2015, None),
            (40653, "万元", "工业增加值", 2015, None),
            (13.5, "%", "工业增加值增长", 2015, None),
        ],
    ),
    (
        "2015年三次产业结构比为25.72:26.84:47.44,与上年比,第一产业占地区生产总值的比重上升3.82个百分点,"
        "第二、第三产业占地区生产总值的比重分别回落2.16和1.66个百分点。",
        2016,
        [
            (25.72, None, "三次产业结构比", 2015, "第一产业"),
            (26.84, None, "三次产业结构比", 2015, "第二产业"),
            (47.44, None, "三次产业结构比", 2015, "第三产业"),
            (3.82, "个百分点", "第一产业占地区生产总值的比重上升", 2015, None),
            (2.16, "个百分点", "第二产业占地区生产总值的比重回落", 2015, "第二产业"),  # a split (answer key)
            (1.66, "个百分点", "第三产业占地区生产总值的比重回落", 2015, "第三产业"),
        ],
    ),
    (
        "主要农作物种植面积稳步扩大,粮食作物种植面积12981公顷 ,比上年同期增长1.32%;油料种植面积1139公顷,"
        "比上年同期下降0.35%。",
        None,
        [
            (12981, "公顷", "粮食作物种植面积", None, None),
            (1.32, "%", "粮食作物种植面积增长", None, None),
            (1139, "公顷", "油料种植面积", None, None),
            (0.35, "%", "油料种植面积下降", None, None),
        ],
    ),
    (
        "全年林业增加值10583万元,比上年同期增长1.6%。全年造林面积19800亩。全年木材产量1868立方米,同比下降90.7%。",
        None,
        [
            (10583, "万元", "林业增加值", None, None),
            (1.6, "%", "林业增加值增长", None, None),
            (19800, "亩", "造林面积", None, None),
            (1868, "立方米", "木材产量", None, None),
            (90.7, "%", "木材产量下降", None, None),
        ],
    ),
    # govcn_gwr_national_2018: the 2018 government work report (GBK)
    (
        "国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%，占世界经济比重从11.4%提高到15%左右，"
        "对世界经济增长贡献率超过30%。财政收入从11.7万亿元增加到17.3万亿元。",
        2018,
        [
            (54, "万亿元", "国内生产总值", None, None),
            (82.7, "万亿元", "国内生产总值", None, None),
            (7.1, "%", "国内生产总值年均增长", None, None),
            (11.4, "%", "占世界经济比重", None, None),
            (15, "%", "占世界经济比重", None, None),
            (30, "%", "对世界经济增长贡献率", None, None),
            (11.7, "万亿元", "财政收入", None, None),
            (17.3, "万亿元", "财政收入", None, None),
        ],
    ),
    (
        "城镇新增就业6600万人以上，13亿多人口的大国实现了比较充分就业。",
        2018,
        [(6600, "万人", "城镇新增就业", None, None), (13, "亿人", "人口", None, None)],
    ),
    (
        "日均新设企业由5千多户增加到1万6千多户。",
        2018,
        [(5, "千户", "日均新设企业", None, None), (1.6, "万户", "日均新设企业", None, None)],
    ),
    (
        "刚刚过去的2017年，经济社会发展主要目标任务全面完成并好于预期。国内生产总值增长6.9%，居民收入增长7.3%，"
        "增速均比上年有所加快；城镇新增就业1351万人，失业率为多年来最低；工业增速回升，企业利润增长21%。",
        2018,
        [
            (6.9, "%", "国内生产总值增长", 2017, None),
            (7.3, "%", "居民收入增长", 2017, None),
            (1351, "万人", "城镇新增就业", 2017, None),
            (21, "%", "企业利润增长", 2017, None),
        ],
    ),
    (
        "今年发展主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；城镇新增就业1100万人以上。",
        2018,
        [
            (6.5, "%", "国内生产总值增长", 2018, None),
            (3, "%", "居民消费价格涨幅", 2018, None),
            (1100, "万人", "城镇新增就业", 2018, None),
        ],
    ),
    # pages_cqcs_gov_cn_changshou_budget_report_2022_2023: a district budget report
    (
        "兑现组合式税费支持政策17.3亿元,其中留抵退税13.8亿元,有效提振市场主体信心。",
        2023,
        [(17.3, "亿元", "组合式税费支持政策", None, None), (13.8, "亿元", "留抵退税", None, None)],
    ),
    (
        "使用转贷应急周转金8.1亿元帮助65家企业获得信贷支持。实现融资在保余额8.8亿元,较年初增长42%。",
        2023,
        [
            (8.1, "亿元", "转贷应急周转金", None, None),
            (65, "家", "企业", None, None),
            (8.8, "亿元", "融资在保余额", None, None),
            (42, "%", "融资在保余额增长", None, None),
        ],
    ),
    # budget reports (shayang, changshou): shares of the budget, changes of the figure named first
    (
        "2022年一般公共预算收入完成12.5亿元，为调整预算的101.2%，比上年增长5.6%。",
        2023,
        [
            (12.5, "亿元", "一般公共预算收入", 2022, None),
            (101.2, "%", "一般公共预算收入占调整预算", 2022, None),
            (5.6, "%", "一般公共预算收入增长", 2022, None),
        ],
    ),
    # gz_gfxwj_temporary_assistance_rules / gz_scjgj_market_entity_registration_reg: policy rules
    (
        "其中本市特困人员住院照料临时救助标准不超过240元/人/日,其他申请人住院照料临时救助标准不超过120元/人/日。",
        None,
        [
            (240, "元/人/日", "住院照料临时救助标准", None, None),
            (120, "元/人/日", "住院照料临时救助标准", None, None),
        ],
    ),
    (
        "由登记机关责令改正，处1万元以上10万元以下的罚款。",
        None,
        [(1, "万元", "罚款", None, None), (10, "万元", "罚款", None, None)],
    ),
    # gz_wjw_gkmlpt_family_doctor_plan: targets with deadlines and ranges
    (
        "到2023年，重点人群签约服务覆盖率达80%以上，重点人群续约率达80%以上。在现有服务水平基础上，"
        "全人群和重点人群签约服务覆盖率每年提升1～3个百分点，逐年提高满意度。",
        2023,
        [
            (80, "%", "重点人群签约服务覆盖率", 2023, None),
            (80, "%", "重点人群续约率", 2023, None),
            (1, "个百分点", "签约服务覆盖率每年提升", None, None),
            (3, "个百分点", "签约服务覆盖率每年提升", None, None),
        ],
    ),
    # gz_portal_disability_subsidies_2026: one unit phrase shared by two amounts
    (
        "2025年1月起，全市困难残疾人生活补贴和重度残疾人护理补贴标准分别为每人每月209元、280元。",
        2026,
        [
            (209, "元", "困难残疾人生活补贴标准", 2025, None),
            (280, "元", "重度残疾人护理补贴标准", 2025, None),
        ],
    ),
    # yichun / wanzai 2022 communiqués: per-mille points, indexes, footnote markers
    (
        "全年出生人口32.5万人，出生率为7.19‰，比上年下降1.15个千分点。",
        2023,
        [
            (32.5, "万人", "出生人口", None, None),
            (7.19, "‰", "出生率", None, None),
            (1.15, "个千分点", "出生率下降", None, None),
        ],
    ),
    (
        "全年地表水水质综合指数3.4830，同比变好1.16%。",
        None,
        [(3.483, None, "水质综合指数", None, None), (1.16, "%", "水质综合指数变好", None, None)],
    ),
    ("全省一般公共预算收入[2]3074.7亿元。", None, [(3074.7, "亿元", "一般公共预算收入", None, None)]),
    ("全年地区生产总值[2]32074.7亿元。", None, [(32074.7, "亿元", "地区生产总值", None, None)]),
    (
        "占规模以上工业比重分别为27.1%、40.5%、30.9%，比上年提高3.9、2.0、2.9个百分点。",
        None,
        [
            (27.1, "%", "占规模以上工业比重", None, None),
            (40.5, "%", "占规模以上工业比重", None, None),
            (30.9, "%", "占规模以上工业比重", None, None),
            (3.9, "个百分点", "占规模以上工业比重提高", None, None),
            (2.0, "个百分点", "占规模以上工业比重提高", None, None),
            (2.9, "个百分点", "占规模以上工业比重提高", None, None),
        ],
    ),
    ("全年货物周转量1234.5亿吨公里。", None, [(1234.5, "亿吨公里", "货物周转量", None, None)]),
    # gwr2025_chongqing: measure words of transport
    ("中欧班列（成渝）累计开行3.6万列。", None, [(3.6, "万列", "中欧班列（成渝）累计开行", None, None)]),
    # nfra_penalty_disclosure_2024_36, notes: spaces inside amounts; GBK 2003 report: full-width digits
    ("罚款 158 万元。", None, [(158, "万元", "罚款", None, None)]),
    ("优良天数比例为99.2 %。", None, [(99.2, "%", "优良天数比例", None, None)]),
    (
        "国内生产总值达到３３．５万亿元，增长８．７％。",
        None,
        [(33.5, "万亿元", "国内生产总值", None, None), (8.7, "％", "国内生产总值增长", None, None)],
    ),
    # numerals written in Chinese, shares written out, multiples
    (
        "全年培训教师三千人，帮扶两百余名学生。",
        None,
        [(3000, "人", "培训教师", None, None), (200, "名", "学生", None, None)],
    ),
    ("合格率达到百分之九十五。", None, [(95, "%", "合格率", None, None)]),
    ("按城乡低保标准的1.5倍确定。", None, [(1.5, "倍", "城乡低保标准", None, None)]),
    ("申请支出型临时救助的事由应发生在申请日前12个月内。", None, [(12, "个月", "申请日前", None, None)]),
    # govcn_gwr_national_2003 (GBK, full-width digits): levels from 由…到, years inside the sentence
    (
        "城镇居民家庭人均可支配收入，由１９９７年的５１６０元增加到２００２年的７７０３元，平均每年实际增长６．２％。",
        2003,
        [
            (5160, "元", "城镇居民家庭人均可支配收入", 1997, None),
            (7703, "元", "城镇居民家庭人均可支配收入", 2002, None),
            (6.2, "％", "城镇居民家庭人均可支配收入实际增长", None, None),  # an average over 1998–2002
        ],
    ),
    # the same report: a starting level with no year of its own, a comparison base, a span average
    (
        "城镇居民人均住房建筑面积由１７．８平方米增加到近２２平方米。",
        2003,
        [
            (17.8, "平方米", "城镇居民人均住房建筑面积", None, None),
            (22, "平方米", "城镇居民人均住房建筑面积", None, None),
        ],
    ),
    (
        "２００２年，全国财政性教育经费投入３３６６亿元，是１９９７年的１．８倍。",
        2003,
        [(3366, "亿元", "全国财政性教育经费投入", 2002, None), (1.8, "倍", "全国财政性教育经费投入", 2002, None)],
    ),
    (
        "国内生产总值从１９９７年的７．４万亿元增加到２００２年的１０．２万亿元，按可比价格计算，平均每年增长７．７％。",
        2003,
        [
            (7.4, "万亿元", "国内生产总值", 1997, None),
            (10.2, "万亿元", "国内生产总值", 2002, None),
            (7.7, "％", "国内生产总值增长", None, None),
        ],
    ),
    # a Chinese numeral before 倍 or 个百分点 is an amount (govcn_gwr_national_2003, 2018)
    ("教育经费所占比例每年提高一个百分点。", None, [(1, "个百分点", "教育经费所占比例每年提高", None, None)]),
    ("外商投资结构优化，高技术产业占比提高一倍。", None, [(1, "倍", "高技术产业占比提高", None, None)]),
    # pages_shanwei (2018 final accounts): 比2017年 is a comparison, the change is the revenue's
    (
        "2018年市级一般公共预算收入决算数129748万元,比2017年增收12423万元,增长10.59%。",
        2019,
        [
            (129748, "万元", "市级一般公共预算收入决算数", 2018, None),
            (12423, "万元", "市级一般公共预算收入增收", 2018, None),
            (10.59, "%", "市级一般公共预算收入增长", 2018, None),
        ],
    ),
    # pages_yongning (2020 first half): 2020年1-6月 is a date; 比上年同期 + amount is last year's level
    (
        "2020年1-6月全城区组织财政收入累计完成146845万元,比上年同期144987万元增收1858万元,增长1.28%。",
        2020,
        [
            (146845, "万元", "全城区组织财政收入", 2020, None),
            (144987, "万元", "全城区组织财政收入", 2019, None),
            (1858, "万元", "全城区组织财政收入增收", 2020, None),
            (1.28, "%", "全城区组织财政收入增长", 2020, None),
        ],
    ),
    # pages_mianchi (2022 communiqué): a middle dot written for the decimal point
    (
        "医疗保健类价格上涨1·8%，交通通信类价格上涨2·9%。",
        None,
        [(1.8, "%", "医疗保健类价格上涨", None, None), (2.9, "%", "交通通信类价格上涨", None, None)],
    ),
    # pages_shangyu (2013 communiqué, republished 2022): 由上年的… is 2012's structure, 演变为… 2013's;
    # a sector's 增加值 is a named indicator, not a part
    (
        "2013年全区生产总值625亿元。产业结构进一步优化,由上年的6.9:55.9:37.2演变为6.7:55.1:38.2。",
        2022,
        [
            (625, "亿元", "全区生产总值", 2013, None),
            (6.9, None, "产业结构", 2012, "第一产业"),
            (55.9, None, "产业结构", 2012, "第二产业"),
            (37.2, None, "产业结构", 2012, "第三产业"),
            (6.7, None, "产业结构", 2013, "第一产业"),
            (55.1, None, "产业结构", 2013, "第二产业"),
            (38.2, None, "产业结构", 2013, "第三产业"),
        ],
    ),
    (
        "从三大产业看:第一产业实现增加值41.71亿元,增长3.2%;第二产业实现增加值344.22亿元,增长10.0%。",
        2014,
        [
            (41.71, "亿元", "第一产业实现增加值", None, None),
            (3.2, "%", "第一产业实现增加值增长", None, None),
            (344.22, "亿元", "第二产业实现增加值", None, None),
            (10.0, "%", "第二产业实现增加值增长", None, None),
        ],
    ),
    # pages_ningguo (2020 notice): a rate per month and person written with ∙
    (
        "农村特困集中供养人员基本生活财政补助标准为827元/月∙人",
        None,
        [(827, "元/月∙人", "农村特困集中供养人员基本生活财政补助标准", None, None)],
    ),
    # pages_hanbin (2025 work report): 场次 counts
    ("组织政银企对接活动11场次", None, [(11, "场次", "政银企对接活动", None, None)]),
    # 城乡… 分别 with two values: town (city) and country
    (
        "城乡居民人均可支配收入分别增长4.8%、7.2%。",
        None,
        [
            (4.8, "%", "城乡居民人均可支配收入增长", None, "城镇"),
            (7.2, "%", "城乡居民人均可支配收入增长", None, "农村"),
        ],
    ),
    (
        "城乡低保平均标准分别提高至778元/月、6818元/年。",
        None,
        [(778, "元/月", "城乡低保平均标准", None, "城市"), (6818, "元/年", "城乡低保平均标准", None, "农村")],
    ),
    # yuexiu / thnet policy pages (2025): time limits in years and days are durations
    (
        "技工院校学生（在校及毕业5年内）和毕业5年内的出国（境）留学回国人员",
        None,
        [(5, "年", "在校及毕业", None, None), (5, "年", "毕业", None, None)],
    ),
    (
        "技工院校学生（在校及毕业5年内）和出国（境）留学回国人员（领取毕业证5年内）",
        None,
        [(5, "年", "在校及毕业", None, None), (5, "年", "领取毕业证", None, None)],
    ),
    ("（2）获奖之日起两年内（含参赛期间）在广州地区领取营业执照", None, [(2, "年", "获奖之日起", None, None)]),
    ("补贴标准：每连续租满1年补贴6000元", None, [(1, "年", "连续租满", None, None), (6000, "元", "补贴", None, None)]),
    (
        "申请主体应当在合同期满后30日内结清有关费用并腾退人才公寓",
        None,
        [(30, "日", "合同期满后", None, None)],
    ),
    # …but a day of a month is a date, and 5年内 opening a clause a time frame (jiangjin)
    ("2月4日至10日放假调休，共7天。", None, [(7, "天", "放假调休", None, None)]),
    (
        "建立校际教师互派制度和导师制度,5年内将安排80%城区学校优秀干部和教师到农村学校交流。",
        None,
        [(80, "%", "城区学校优秀干部和教师", None, None)],
    ),
    # wanzai 2015 communiqué: a 分别 list with no head of its own goes with the figures before it
    (
        "2015年，全县第一产业增加值142145万元，第二产业增加值626858万元，第三产业增加值333281万元，"
        "按可比价格计算，分别比上年增长4.0%、9.2%、12.3%。",
        2016,
        [
            (142145, "万元", "第一产业增加值", 2015, None),
            (626858, "万元", "第二产业增加值", 2015, None),
            (333281, "万元", "第三产业增加值", 2015, None),
            (4.0, "%", "第一产业增加值增长", 2015, None),
            (9.2, "%", "第二产业增加值增长", 2015, None),
            (12.3, "%", "第三产业增加值增长", 2015, None),
        ],
    ),
    ("家禽年末实有143.3万羽。", None, [(143.3, "万羽", "家禽", None, None)]),  # wanzai 2015: 实有 is a verb
    # gz_portal_zt 2026 notice: a run-in heading naming a group is the category of its figures
    (
        "（一）在校学生：个人缴费标准为每人413元，财政补助标准为每人956元。",
        None,
        [(413, "元", "个人缴费标准", None, "在校学生"), (956, "元", "财政补助标准", None, "在校学生")],
    ),
    ("（一）申请条件：年满18周岁。", None, [(18, "周岁", "年满", None, None)]),  # a label, not a group
    ("对上述第2、4、5项情况有异议的，新增3项。", None, [(3, "项", "新增", None, None)]),  # item numbers
    # pages from the last batch of keys
    (  # dayao budget execution: the budget of a share is not the subject of the changes after it
        "一般公共预算收入累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减收1070万元,下降4.2%",
        None,
        [
            (24627, "万元", "一般公共预算收入", None, None),
            (60999, "万元", "完成年初预算数", None, None),
            (40.4, "%", "一般公共预算收入完成年初预算数", None, None),
            (1070, "万元", "一般公共预算收入减收", None, None),
            (4.2, "%", "一般公共预算收入下降", None, None),
        ],
    ),
    (  # hlx: 比上年累计支出433万元 is last year's level
        "2020年“三公”经费支出431万元,比上年累计支出433万元减少2万元,下降0.46%",
        2021,
        [
            (431, "万元", "“三公”经费支出", 2020, None),
            (433, "万元", "“三公”经费支出", 2019, None),
            (2, "万元", "“三公”经费支出减少", 2020, None),
            (0.46, "%", "“三公”经费支出下降", 2020, None),
        ],
    ),
    (  # longquan: 与上年 compares
        "公务接待费决算1033万元,与上年下降7.6%",
        None,
        [(1033, "万元", "公务接待费决算", None, None), (7.6, "%", "公务接待费决算下降", None, None)],
    ),
    (  # gzzhijin: a year after a 【…】 label opens the paragraph and carries on
        "【教育基本情况】 2022年,全县共有各级各类学校486所。其中,幼儿园232所,小学206所。",
        None,
        [
            (486, "所", "各级各类学校", 2022, None),
            (232, "所", "幼儿园", 2022, "幼儿园"),
            (206, "所", "小学", 2022, "小学"),
        ],
    ),
    (  # hkcd (traditional script): 億, 以內
        "區屬地區生產總值達到379.95億元、增長9.3%,城鎮登記失業率控制在4%以內。",
        None,
        [
            (379.95, "亿元", "區屬地區生產總值", None, None),
            (9.3, "%", "區屬地區生產總值增長", None, None),
            (4, "%", "城鎮登記失業率", None, None),
        ],
    ),
    (  # gzzhijin: the figures in a bracket opening with 其中 are parts of the figure before it
        "共有在校学生205582人(其中,学前教育33054人、小学101036人)。",
        None,
        [
            (205582, "人", "在校学生", None, None),
            (33054, "人", "在校学生", None, "学前教育"),
            (101036, "人", "在校学生", None, "小学"),
        ],
    ),
    ("城、乡居民人均可支配收入分别增长8%、9%。", None,  # hkcd: 城、乡 written out
     [(8, "%", "居民人均可支配收入增长", None, "城镇"), (9, "%", "居民人均可支配收入增长", None, "农村")]),
    ("每千人拥有病床6.87张。", None, [(6.87, "张", "每千人拥有病床", None, None)]),  # mdx: per thousand
    (  # anji 2022 summary: 同比分别-6.2%、-19.3% are rates of change of the figures before
        "全年实现地区生产总值60.3亿元,一般公共预算收入2亿元,同比分别-6.2%、-19.3%。",
        None,
        [
            (60.3, "亿元", "地区生产总值", None, None),
            (2, "亿元", "一般公共预算收入", None, None),
            (-6.2, "%", "地区生产总值增长", None, None),
            (-19.3, "%", "一般公共预算收入增长", None, None),
        ],
    ),
    ("全年实现生产总值(GDP)262.6亿元。", None, [(262.6, "亿元", "生产总值(GDP)", None, None)]),  # 实现 is no name
    (  # taojiang (an undated page): 本年度 is the year its text is of, not a cleared year
        "2019年实际支出“三公经费”决算为22.62万元。本年度“三公经费”决算数未超过2019年预算数。"
        "无因公出国(境)人数,国内公务接待批次为520个,接待人次为4200人。",
        None,
        [
            (22.62, "万元", "实际支出“三公经费”决算", 2019, None),
            (520, "个", "国内公务接待批次", 2019, None),
            (4200, "人", "接待人次", 2019, None),
        ],
    ),
    ("如期完成裁减员额５０万的任务。", 2003, [(50, "万人", "裁减员额", None, None)]),  # 员额: people, not 万元
    # the final unseen batch (baise, fl, czj_gz, panji): a budget is the comparison's, not the figure's
    (
        "公务接待费638万元,比上年年初预算减少317万元。",
        None,
        [(638, "万元", "公务接待费", None, None), (317, "万元", "公务接待费减少", None, None)],
    ),
    (
        "2024年“三公”经费预算数为18.5万元,与2023年预算相比增长16.75%。",
        None,
        [(18.5, "万元", "“三公”经费预算数", 2024, None), (16.75, "%", "“三公”经费预算数增长", 2024, None)],
    ),
    (
        "全市一般公共预算支出1025.5亿元,完成年初预算36.7%,快于序时进度3.4个百分点,下降4%。",
        None,
        [
            (1025.5, "亿元", "全市一般公共预算支出", None, None),
            (36.7, "%", "完成年初预算", None, None),
            (3.4, "个百分点", "快于序时进度", None, None),
            (4, "%", "全市一般公共预算支出下降", None, None),
        ],
    ),
    ("2022年全区能源能耗总量达540.8万吨标准煤。", None, [(540.8, "万吨标准煤", "能源能耗总量", 2022, None)]),
    # wanzai 2022 communiqué: 第二、三产业 is 第二产业 and 第三产业
    (
        "其中第一产业同比下降49.1%，第二、三产业分别增长15.2%、6.2%。",
        None,
        [
            (49.1, "%", "第一产业下降", None, None),
            (15.2, "%", "第二产业增长", None, None),
            (6.2, "%", "第三产业增长", None, None),
        ],
    ),
    # zj_fgw_hanweb_deqing_investment (published 2016-11-22): 1-10月 is this year so far;
    # 去年同期 is the year of the starting ratio only
    # a part that names its own measure (第三产业投资) is the indicator, not a category
    (
        "其中第三产业投资完成119.90亿元，同比增长15.2%。",
        2016,
        [(119.9, "亿元", "第三产业投资", None, None), (15.2, "%", "第三产业投资增长", None, None)],
    ),
    (
        "1-10月，全县固定资产投资完成246.79亿元，同比增长15.3%。",
        2016,
        [(246.79, "亿元", "全县固定资产投资", 2016, None), (15.3, "%", "全县固定资产投资增长", 2016, None)],
    ),
    (
        "三次产业投资占比由去年同期的1.1:50.3:48.6调整为0.7:50.7:48.6，生产性服务业完成投资39.66亿元。",
        2016,
        [
            (1.1, None, "三次产业投资占比", 2015, "第一产业"),
            (50.3, None, "三次产业投资占比", 2015, "第二产业"),
            (48.6, None, "三次产业投资占比", 2015, "第三产业"),
            (0.7, None, "三次产业投资占比", None, "第一产业"),
            (50.7, None, "三次产业投资占比", None, "第二产业"),
            (48.6, None, "三次产业投资占比", None, "第三产业"),
            (39.66, "亿元", "生产性服务业完成投资", None, None),
        ],
    ),
    ("在我们这样一个近１３亿人口的国家。", 2003, [(13, "亿人", "人口", None, None)]),
    # govcn_zhengce_5346276_holiday: day counts after dates
    ("一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。", 2018, [(3, "天", "元旦放假调休", 2019, None)]),
    # govcn_zhengce_5351181_iit_deduction_measures: the thing measured after the amount
    ("在80000元限额内据实扣除。", None, [(80000, "元", "限额", None, None)]),
    # measure words the library does not count or normalize still give records, of kind other
    ("新建3孔桥涵，发放帐篷50顶。", None, [(3, "孔", "桥涵", None, None), (50, "顶", "帐篷", None, None)]),
    # bugs caught on corpus pages
    ("本办法规定纳税人需要留存备查的相关资料应当留存五年。", None, [(5, "年", "相关资料留存", None, None)]),
    ("两个以上行政机关共同制作的政府信息，由牵头制作的行政机关负责公开。", None, [(2, "个", "行政机关", None, None)]),
    ("加快推进2个国家重大产业备份项目建设。", None, [(2, "个", "国家重大产业备份项目", None, None)]),
    (
        "城镇新增就业60万人以上，农村劳动力省外务工稳定在600万人左右。",
        None,
        [(60, "万人", "城镇新增就业", None, None), (600, "万人", "农村劳动力省外务工", None, None)],
    ),
    # pages_hzsc_gov_cn_jianggan_district_gov_work_report_2017: 五年来 inside the 2016 sentence is an aside;
    # the paragraph's later figures are of 2016 (five-year averages of none)
    (
        "2016年,预计实现地区生产总值550亿元,五年来年均增长9%。实现财政总收入142.7亿元。"
        "限额以上固定资产投资590亿元,连续10年居主城区首位,五年累计达2526亿元,年均增长11.3%。",
        2017,
        [
            (550, "亿元", "地区生产总值", 2016, None),
            (9, "%", "地区生产总值增长", None, None),
            (142.7, "亿元", "财政总收入", 2016, None),
            (590, "亿元", "限额以上固定资产投资", 2016, None),
            (2526, "亿元", "限额以上固定资产投资", 2016, None),
            (11.3, "%", "限额以上固定资产投资增长", None, None),
        ],
    ),
    # pages_gzzs_gov_cn_zhongshan_social_assistance_2022_12: a bare 12月份 is a month of the year in force
    (
        "2022年12月纳入城乡低保8957户24835人,月发低保金877.74万元。其中:12月份纳入低保3167户8112人。",
        None,
        [
            (8957, "户", "纳入城乡低保", 2022, None),
            (24835, "人", "纳入城乡低保", 2022, None),
            (877.74, "万元", "月发低保金", 2022, None),
            (3167, "户", "纳入低保", 2022, None),
            (8112, "人", "纳入低保", 2022, None),
        ],
    ),
    # pages_liulin_gov_cn_h1_economy_2024: 其中,X完成N is a part of the total named before; a long bracket
    # inside a name is an aside
    (
        "分产品产量看,原煤产量1657.8万吨,同比下降14.3%;其中,县属企业完成1094.2万吨,同比下降17.1%;"
        "精煤产量947.5万吨,同比下降25.1%。农林牧渔业(包括农林牧渔专业及辅助性活动)增加值18100万元。",
        None,
        [
            (1657.8, "万吨", "原煤产量", None, None),
            (14.3, "%", "原煤产量下降", None, None),
            (1094.2, "万吨", "原煤产量", None, "县属企业"),
            (17.1, "%", "原煤产量下降", None, "县属企业"),
            (947.5, "万吨", "精煤产量", None, None),
            (25.1, "%", "精煤产量下降", None, None),
            (18100, "万元", "农林牧渔业增加值", None, None),
        ],
    ),
    # pages_ahtxq_gov_cn_tunxi_budget_execution_h1: the parts after 其中 keep the total's name
    (
        "全区一般公共预算收入完成58510万元。其中税务部门完成28684万元,占任务数的56.4%,同比增长33.2%;"
        "财政部门完成32962万元,占任务数的56.3%。",
        None,
        [
            (58510, "万元", "一般公共预算收入", None, None),
            (28684, "万元", "一般公共预算收入", None, "税务部门"),
            (56.4, "%", "一般公共预算收入占任务数", None, "税务部门"),
            (33.2, "%", "一般公共预算收入增长", None, "税务部门"),
            (32962, "万元", "一般公共预算收入", None, "财政部门"),
            (56.3, "%", "一般公共预算收入占任务数", None, "财政部门"),
        ],
    ),
    # pages_qiantang_gov_cn_xiasha_subdistrict_2022h1_summary, pages_hzsc_…_2017: 剂次; 逾万人; the class after 等
    (
        "累计完成加强针近10万剂次,老年人接种逾万人。五年来,获得全国科技进步先进区、国家级生态区等国家级荣誉10余项。",
        2022,
        [
            (10, "万剂次", "加强针", None, None),
            (1, "万人", "老年人接种", None, None),
            (10, "项", "国家级荣誉", None, None),
        ],
    ),
    # pages_mdx_gov_cn_mouding_gov_work_report_2022_summary: a level reached after a rate of change
    # (增长12.6%达92.9亿元) is the thing's level; a second 分别 list of levels drops the first one's 增长
    (
        "全县地区生产总值增长12.6%达92.9亿元,第一产业增长9.1%达21.2亿元。"
        "城乡常住居民人均可支配收入分别增长12%和13%,分别达43366元和13835元。",
        None,
        [
            (12.6, "%", "地区生产总值增长", None, None),
            (92.9, "亿元", "地区生产总值", None, None),
            (9.1, "%", "第一产业增长", None, None),
            (21.2, "亿元", "第一产业", None, None),
            (12, "%", "城乡常住居民人均可支配收入增长", None, "城镇"),
            (13, "%", "城乡常住居民人均可支配收入增长", None, "农村"),
            (43366, "元", "城乡常住居民人均可支配收入", None, "城镇"),
            (13835, "元", "城乡常住居民人均可支配收入", None, "农村"),
        ],
    ),
    # pages_epaper_cqrb_cn_chongqing_plan_execution_2019_2020, pages_guanchang_qwyd_net_liupanshui…: the ratio
    # sign ∶ (U+2236); a bare 占比 is the share of the thing just named; 比全省高 keeps its subject
    (
        "三次产业结构占比为6.6∶40.2∶53.2。全市新增市场主体46.2万户,民营经济增加值增长7%,占比达51.5%。"
        "人均地区生产总值5.18万元,比上年增加0.17万元,比全省高1.18万元。",
        None,
        [
            (6.6, None, "三次产业结构", None, "第一产业"),
            (40.2, None, "三次产业结构", None, "第二产业"),
            (53.2, None, "三次产业结构", None, "第三产业"),
            (46.2, "万户", "新增市场主体", None, None),
            (7, "%", "民营经济增加值增长", None, None),
            (51.5, "%", "民营经济增加值占比", None, None),
            (5.18, "万元", "人均地区生产总值", None, None),
            (0.17, "万元", "人均地区生产总值增加", None, None),
            (1.18, "万元", "人均地区生产总值比全省高", None, None),
        ],
    ),
    # pages_qxn_gov_cn_xingren_gov_info_disclosure_2022: a carried-over case's year (2021年结转, 结转2023年度)
    # is its clause's only
    (
        "2022年,共收到10件政府信息公开申请,2021年结转政府信息公开申请2件,共办结10件,结转2023年度继续办理2件;"
        "全市发生政府信息公开行政复议案件1起。书记县长信箱信件102封。",
        2023,
        [
            (10, "件", "政府信息公开申请", 2022, None),
            (2, "件", "结转政府信息公开申请", 2021, None),
            (10, "件", "办结", 2022, None),
            (2, "件", "结转继续办理", 2023, None),
            (1, "起", "政府信息公开行政复议案件", 2022, None),
            (102, "封", "书记县长信箱信件", 2022, None),
        ],
    ),
    # pages_zjc_gov_cn_maguan_health_center_final_accounts_2021, pages_yunxiqu…, pages_yantai…: 较上年度 is a
    # comparison base; the counted thing after 的; square metres written m2
    (
        "财政拨款收入364.6552万元,较上年度决算数减少24.1522万元。新招教的11位教师。使用面积100m2以下。",
        None,
        [
            (364.6552, "万元", "财政拨款收入", None, None),
            (24.1522, "万元", "财政拨款收入减少", None, None),
            (11, "位", "教师", None, None),
            (100, "m2", "使用面积", None, None),
        ],
    ),
    # pages_tjgb_hongheiku_com_yunhe_2022_stats_communique: a ratio to a base of 100 stated in brackets; age
    # groups before 分别为 name the values (categories), they are no figures
    (
        "男女性别比为105.23:100(女性为100);0-17岁、18-34岁、35-59岁、60岁及以上户籍人口分别为18891人、19099人、"
        "48951人和25594人。",
        None,
        [
            (105.23, None, "男女性别比", None, None),
            (18891, "人", "户籍人口", None, "0-17岁"),
            (19099, "人", "户籍人口", None, "18-34岁"),
            (48951, "人", "户籍人口", None, "35-59岁"),
            (25594, "人", "户籍人口", None, "60岁及以上"),
        ],
    ),
    # pages_lp_gov_cn_liping_2018_stats_communique: 第一、二、三次产业 split a 分别 list into the three sectors
    (
        "在三次产业中,第一、二、三次产业对经济增长的贡献率分别为12.0%、19.0%和69.0%。",
        None,
        [
            (12.0, "%", "经济增长的贡献率", None, "第一产业"),
            (19.0, "%", "经济增长的贡献率", None, "第二产业"),
            (69.0, "%", "经济增长的贡献率", None, "第三产业"),
        ],
    ),
    # pages_guanchang_qwyd_net_yuanling_gov_work_report_2018: the rates after a 分别为 list of parts go part by part
    (
        "社会消费品零售总额65.94亿元,增长10.8%;城、乡居民人均可支配收入分别为22694元、9527元,增长8.5%、11%。",
        None,
        [
            (65.94, "亿元", "社会消费品零售总额", None, None),
            (10.8, "%", "社会消费品零售总额增长", None, None),
            (22694, "元", "居民人均可支配收入", None, "城镇"),
            (9527, "元", "居民人均可支配收入", None, "农村"),
            (8.5, "%", "居民人均可支配收入增长", None, "城镇"),
            (11, "%", "居民人均可支配收入增长", None, "农村"),
        ],
    ),
    # pages_familybold_com_huizhou_education_statistics, pages_quxian_gov_cn_final_accounts_2024_and_2025h1:
    # 其中本科/专科 are parts of the total; 均衡, 共同, 就业 are words, not the fillers 均, 共, 就
    (
        "普通高校招生人数28529人,其中本科5422人,专科23107人。"
        "均衡性转移支付12亿元,共同财政事权转移支付3亿元,就业补助资金2亿元。",
        None,
        [
            (28529, "人", "普通高校招生人数", None, None),
            (5422, "人", "普通高校招生人数", None, "本科"),
            (23107, "人", "普通高校招生人数", None, "专科"),
            (12, "亿元", "均衡性转移支付", None, None),
            (3, "亿元", "共同财政事权转移支付", None, None),
            (2, "亿元", "就业补助资金", None, None),
        ],
    ),
    # pages_znkjc_wenzhou…, pages_yongde…, pages_panyu…: the sum given is named after the figure; 人民币 is no
    # part of a name; a rate per 100,000
    (
        "给予企业30%的活动经费补助。给予集聚区管理单位5万元奖励。给予奖励人民币2万元。"
        "分别给予集聚区管理单位80万元、30万元的一次性补助。孕产妇死亡率为3.85/10万。",
        None,
        [
            (30, "%", "活动经费补助", None, None),
            (5, "万元", "奖励", None, None),
            (2, "万元", "奖励", None, None),
            (80, "万元", "一次性补助", None, None),
            (30, "万元", "一次性补助", None, None),
            (3.85, "/10万", "孕产妇死亡率", None, None),
        ],
    ),
    # pages_panyu_gov_cn_health_bureau_2022_work_report (undated; its text is of 2022): 目前 keeps the year in
    # force; 相比2021年末 and 与2021年度持平 are comparisons; a figure whose own clause is empty is named by the
    # clause before it in its sentence, not by the sentence before
    (
        "2022年,是具有特殊重要意义的一年。目前,全区共有医疗机构787间,相比2021年末增加66间。"
        "全系统门急诊总诊疗量1213.65万人次,与2021年度持平。"
        "全人口孕产妇死亡率为3.85/10万。辖区居民健康素养水平稳步提升,2022年达38.2%。",
        None,
        [
            (787, "间", "医疗机构", 2022, None),
            (66, "间", "医疗机构增加", 2022, None),
            (1213.65, "万人次", "门急诊总诊疗量", 2022, None),
            (3.85, "/10万", "全人口孕产妇死亡率", 2022, None),
            (38.2, "%", "居民健康素养水平", 2022, None),
        ],
    ),
    # pages_mzj_sz_gov_cn_shenzhen_civil_affairs_2020q2 (备注): 对 counts couples; 对口 is a word
    (
        "办理结婚登记5000对,离婚登记1200对,对口支援3个贫困县。",
        None,
        [(5000, "对", "结婚登记", None, None), (1200, "对", "离婚登记", None, None), (3, "个", "贫困县", None, None)],
    ),
    # pages_bishan_gov_cn_district_final_accounts_2017: 合计 before a budget word does not cut the name
    (
        "一般公共预算支出合计预算为80.71亿元,义务教育阶段共有学生1200人。",
        None,
        [(80.71, "亿元", "一般公共预算支出合计预算", None, None), (1200, "人", "学生", None, None)],
    ),
    # pages_wei_gov_cn_county_air_quality_jul_2020 (a PDF-like text spacing its figures): a count after a
    # space, μg/m3 with a plain 3, a spaced day of the month is no duration; pages_web_xiaze_org_miyun…: 项次;
    # pages_czj_changde…: 负增长 is a change of the thing before
    (
        "1 月 1 日至 7 月 27 日,年均浓度为 58μg/m3,全市 20 个区县排名第 4。参加全国比赛5项次。"
        "上划中央收入完成37.78亿元,减少0.46亿元,负增长1.21%。",
        None,
        [
            (58, "μg/m3", "年均浓度", None, None),
            (20, "个", "区县", None, None),
            (5, "项次", "参加全国比赛", None, None),
            (37.78, "亿元", "上划中央收入", None, None),
            (0.46, "亿元", "上划中央收入减少", None, None),
            (1.21, "%", "上划中央收入负增长", None, None),
        ],
    ),
    # pages_liulin_gov_cn_ecommerce_reward_measures_interpretation: 单 counts orders; a bound written again in
    # a (含…) bracket before 以上 is one figure, 以上 its qualifier
    (
        "月均交易量达100单以上。网络零售额在500万元(含500万)以上的,给予奖励。",
        None,
        [(100, "单", "月均交易量", None, None), (500, "万元", "网络零售额", None, None)],
    ),
    # pages_czj_longyan_gov_cn_final_accounts_2019_and_2020h1: 完成调整预算数的103.2% is the rate of completion
    # of the thing named before, and no subject of the change after it; pages_gz_gov_cn_haizhu…, pages_longyou…:
    # 通过 (a channel) and 具体包括 open no name
    (
        "地方一般公共预算收入155.6亿元,完成调整预算数的103.2%,同比增长2.9%。"
        "通过政务微博公开信息1807条,具体包括镇政府信息公开年报1条。",
        None,
        [
            (155.6, "亿元", "地方一般公共预算收入", None, None),
            (103.2, "%", "地方一般公共预算收入完成调整预算数", None, None),
            (2.9, "%", "地方一般公共预算收入增长", None, None),
            (1807, "条", "公开信息", None, None),
            (1, "条", "信息公开年报", None, None),
        ],
    ),
    # pages_dztj_dezhou_gov_cn_q1_gdp_analysis: the gaps after a growth rate are that growth's;
    # pages_jiaxian_gov_cn_q1_economy_2025: a sector that is itself the thing named is no category of it
    (
        "全市地区生产总值同比增长10.2%,高于全国2.8个百分点,高于全省1.5个百分点。"
        "分产业看:第一产业4.41亿元,同比增长1.8%;第二产业19.31亿元,同比增长6.4%。",
        None,
        [
            (10.2, "%", "地区生产总值增长", None, None),
            (2.8, "个百分点", "地区生产总值增长高于全国", None, None),
            (1.5, "个百分点", "地区生产总值增长高于全省", None, None),
            (4.41, "亿元", "第一产业", None, None),
            (1.8, "%", "第一产业增长", None, None),
            (19.31, "亿元", "第二产业", None, None),
            (6.4, "%", "第二产业增长", None, None),
        ],
    ),
    # pages_youyang_gov_cn_q1_economy_2025: the 1 of a ratio to one is no figure
    (
        "城乡居民收入比由上年同期的2.05:1下降为2.02:1。",
        None,
        [(2.05, None, "城乡居民收入比", None, None), (2.02, None, "城乡居民收入比", None, None)],
    ),
    # pages_ahshitai_gov_cn_student_aid_standards, pages_gyswj_yangling…, pages_hh_gov_cn…: per-student-year
    # units as written; the thing given after 给予; Latin metres
    (
        "中职学校国家助学金标准:2000元/生·年。零售企业新增量达到50万元的,给予1万元促销奖励。建筑层高约4.3m。",
        None,
        [
            (2000, "元/生·年", "中职学校国家助学金标准", None, None),
            (50, "万元", "零售企业新增量", None, None),
            (1, "万元", "促销奖励", None, None),
            (4.3, "m", "建筑层高", None, None),
        ],
    ),
]


def _id(case: Any) -> str:
    """A short test id: the first characters of the sentence."""
    text = case.values[0] if hasattr(case, "values") else case[0]
    return str(text)[:16]


@pytest.mark.parametrize(("text", "doc_year", "expected"), SEED, ids=[_id(c) for c in SEED])
def test_seed_sentences(text: str, doc_year: int | None, expected: list[Expected]) -> None:
    check(zx.extract_quantities(text, doc_year=doc_year), expected)


@pytest.mark.parametrize(("text", "doc_year", "expected"), CORPUS, ids=[_id(c) for c in CORPUS])
def test_corpus_sentences(text: str, doc_year: int | None, expected: list[Expected]) -> None:
    check(zx.extract_quantities(text, doc_year=doc_year), expected)


@pytest.mark.parametrize(
    "text",
    [
        "区政协《关于大力打造均衡教育基本合格区县的建议》作为一号提案全面落实。",
        "严格执行国家“两免一补”政策,减免义务教育阶段学生杂费。",
        "建立区四大班子定点联系学校制度,领导定期视察、研究教育发展。",
        "把教育优先发展纳入《江津区教育事业“十二五”发展规划》。",
        "牢牢把握“促进公平和提高质量”两个教育核心。",
        "大力开展“一师一优课”活动,实施教师素质提升“十百千工程”,打造“三空间活力课堂”。",
        "六位一体的留守儿童教育管护长效工作机制,不让一个孩子因家庭贫困失学。",
        "重庆市人民政府关于印发的通知(渝府发〔2016〕12号)。",
        "索引号:11500381750069234B/2021-00128,联系电话:023-47522033。",
        "第一章 总则 第三条 本办法自2016年5月5日起施行。",
        "2015年9月,江津区成为重庆市教育信息化试点单位。",
        "纳入《重庆市江津区国民经济和社会发展第十二个五年规划纲要》。",
        "稳步实施教育质量提升三年行动计划,完善三级教研网络建设。",
        "聚力实施两地一城建设和3113项目攻坚行动计划。",
        "7.2 本预案由国务院办公厅负责解释。",
        "1.2.1 国家级（Ⅰ级）：出现粮食应急状态。",
        "深入贯彻党的二十届三中全会精神。",
        "这五年，是全国各族人民阔步前进的五年。",
        "各位代表！过去一年，我们毫不放松抓好各项工作；未来五年，任务艰巨。",
        "农、林、牧、渔业(A) 01 农业 000998 隆平高科\n600371 万向德农\n002100 天康生物\n000869 张裕A",
        "2021年是全区上下践行初心使命、彰显政治担当的重要一年。",
        "限额以上固定资产投资连续10年居主城区首位。",
        "打通群众办事“最后一百米”。",
        "龙岩市第五届人大常委会二十二次会议文件。",  # a session's ordinal, its 第 left out
        "2021122日在阳谷县第十八届人民代表大会第五次会议上。",
    ],
)
def test_not_quantities(text: str) -> None:
    assert zx.extract_quantities(text, doc_year=2016) == []


@pytest.mark.parametrize(
    ("text", "value", "approx", "qualifier"),
    [
        ("先后投入近1.3亿元", 1.3, True, "近"),
        ("投入5759余万元建设实验室", 5759, True, "余"),
        ("减免作业本费共计约440万元", 440, True, "约"),
        ("目前有在校生学生4100多人", 4100, True, "多"),
        ("城镇新增就业1100万人以上", 1100, True, "以上"),
        ("网络零售额在500万元(含500万)以上的", 500, True, "以上"),  # the bound again in brackets, then 以上
        ("满意度达到90%左右", 90, True, "左右"),
        ("对世界经济增长贡献率超过30%", 30, True, "超过"),
        ("培养不少于3500名基层医生", 3500, False, "不少于"),  # a floor, stated exactly
        ("住院照料临时救助标准不超过240元/人/日", 240, False, "不超过"),
        ("城镇调查失业率5.5%以内", 5.5, False, "以内"),
        ("公共财政教育支出185692万元", 185692, False, None),
        ("集成电路产量增长1倍多", 1, True, "多"),  # gwr2025_chongqing
        ("纳税过1亿元的企业", 1, True, "过"),  # pages_hunancourt: 过 for 超过
        ("通过3年努力", 3, False, None),  # 通过 is no qualifier
        ("国家财政用于科技的投入比前五年增长一倍多", 1, True, "多"),  # govcn_gwr_national_2003
    ],
)
def test_qualifiers(text: str, value: float, approx: bool, qualifier: str | None) -> None:
    (q,) = zx.extract_quantities(text)
    assert (q.value, q.approx, q.qualifier) == (value, approx, qualifier)


@pytest.mark.parametrize(
    ("text", "records"),
    [
        ("利用3-5年时间", [(3, "年", 3, 5), (5, "年", 3, 5)]),
        ("每年提升1～3个百分点", [(1, "个百分点", 1, 3), (3, "个百分点", 1, 3)]),
        ("处1万元以上10万元以下的罚款", [(1, "万元", 1, 10), (10, "万元", 1, 10)]),
        ("年满16周岁的孤儿", [(16, "周岁", None, None)]),
        # gz_gfxwj outpatient fees: the dash after a unit is a range's, not a minus
        ("对左旋多巴的治疗反应良好（70%-100%）；", [(70, "%", 70, 100), (100, "%", 70, 100)]),
        ("处5-10万元罚款", [(5, "万元", 5, 10), (10, "万元", 5, 10)]),
        ("同比增长-0.46%", [(-0.46, "%", None, None)]),
    ],
)
def test_ranges(text: str, records: list[tuple[Any, str, Any, Any]]) -> None:
    assert [(q.value, q.unit, q.low, q.high) for q in zx.extract_quantities(text)] == records


@pytest.mark.parametrize(
    ("text", "kind", "normalized", "base"),
    [
        ("公共财政教育支出185692万元", "money", 1856920000, "元"),
        ("生均预算内教育事业费12105.81万元", "money", 121058100, "元"),
        ("先后投入近1.3亿元", "money", 130000000, "元"),
        ("增长-0.46%", "percent", -0.46, "%"),
        ("低于财政经常性收入增长27.39个百分点", "percentage_point", 27.39, "个百分点"),
        ("辖区面积3219平方公里", "area", 3219000000, "平方米"),
        ("建筑面积520114平方米", "area", 520114, "平方米"),
        ("全年粮食总产量46695吨", "weight", 46695000, "千克"),
        ("全年木材产量1868立方米", "volume", 1868, "立方米"),
        ("购买电脑9000台", "count", 9000, "台"),
        ("总人口150万", "count", 1500000, "人"),
        ("自评得分99.5分", "other", 99.5, "分"),
        ("在受理之日起3个工作日内", "duration", 3, "工作日"),
        ("指挥部办公室必须24小时值班", "duration", 24, "小时"),
        ("4个小时内报告", "duration", 4, "小时"),
        ("川渝1000千伏特高压交流工程建成投运", "other", 1000, "千伏"),
    ],
)
def test_kinds_and_normalized_values(text: str, kind: str, normalized: float, base: str) -> None:
    (q,) = zx.extract_quantities(text)
    assert (q.kind, q.normalized_value, q.base_unit) == (kind, normalized, base)
    assert type(q.normalized_value) is type(normalized)


def test_implied_units_are_flagged() -> None:
    money, people = zx.extract_quantities("筹资3000万,总人口150万。")
    assert (money.unit, money.implied_unit, people.unit, people.implied_unit) == ("万元", True, "万人", True)
    (lost,) = [q for q in zx.extract_quantities("分别为小学6675.01元、8457.67;初中6818.35元") if q.value == 8457.67]
    assert (lost.unit, lost.implied_unit) == ("元", True)


def test_year_list_length_mismatch_warns_instead_of_guessing() -> None:
    records = zx.extract_quantities("2013年、2014年、2015年生均公用经费分别为2458.56元、2567.77元。")
    assert [q.year for q in records] == [None, None]
    assert all("years" in w for q in records for w in q.warnings)


def test_offsets_point_at_the_amount() -> None:
    text = "其中:(1)校舍建设项目56个,建筑面积56268平方米,完成投资8676万元;(2)运动场建设项目14个"
    records = zx.extract_quantities(text)
    assert [text[q.start : q.end] for q in records] == ["56个", "56268平方米", "8676万元", "14个"]
    assert [q.raw for q in records] == ["56个", "56268平方米", "8676万元", "14个"]
    assert all(q.text.startswith("其中") for q in records)
