"""Title and header metadata of every corpus HTML page, one row per page, values read off the pages.

The pages are copies in tests/fixtures/html (see its README for the cut ones). Fields a page does not
state are None; metadata from <meta> tags is the fallback (PubDate, ContentSource).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import zhengwu_extract as zx

HTML = Path(__file__).parent / "fixtures" / "html"

# file → (title, {field: expected}); fields not listed must be None.
PAGES: dict[str, tuple[str, dict[str, Any]]] = {
    # gov.cn 政策 template: label cells of nested table.bd1, 标　　题 label
    "govcn_zhengce_5346276_holiday.frag.html": (
        "国务院办公厅关于2019年部分节假日安排的通知",
        {
            "index_no": "000014349/2018-00213",
            "subject": "综合政务\\其他",
            "publisher": "国务院办公厅",
            "written_date": "2018-12-04",
            "doc_no": "国办发明电〔2018〕15号",
            "publish_date": "2018-12-06",
        },
    ),
    "govcn_zhengce_5345459_grain_emergency_plan.frag.html": (
        "国务院办公厅关于印发国家粮食应急预案的函",
        {
            "index_no": "000014349/2005-00154",
            "subject": "农业、林业、水利\\农业、畜牧业、渔业",
            "publisher": "国务院办公厅",
            "written_date": "2005-06-11",
            "doc_no": "国办函〔2005〕57号",
            "publish_date": "2018-12-03",
        },
    ),
    "govcn_zhengce_5351181_iit_deduction_measures.frag.html": (
        "国务院关于印发个人所得税专项附加扣除暂行办法的通知",
        {
            "index_no": "000014349/2018-00219",
            "subject": "财政、金融、审计\\税务",
            "publisher": "国务院",
            "written_date": "2018-12-13",
            "doc_no": "国发〔2018〕41号",
            "publish_date": "2018-12-22",
        },
    ),
    "govcn_zhengce_5362266_hospital_perf_eval.frag.html": (
        "国务院办公厅关于加强三级公立医院绩效考核工作的意见",
        {
            "index_no": "000014349/2019-00004",
            "subject": "卫生、体育\\卫生",
            "publisher": "国务院办公厅",
            "written_date": "2019-01-16",
            "doc_no": "国办发〔2019〕4号",
            "publish_date": "2019-01-30",
        },
    ),
    "govcn_zhengce_5345410_shenzhenbay_coords.frag.html": (
        "国务院关于授权香港特别行政区实施管辖的深圳湾口岸港方口岸区范围和土地使用期限的批复",
        {
            "index_no": "000014349/2006-00209",
            "subject": "港澳台侨工作\\港澳工作",
            "publisher": "国务院",
            "written_date": "2006-12-30",
            "doc_no": "国函〔2006〕132号",
            "publish_date": "2018-12-03",
        },
    ),
    # gkmlpt: td.first labels, values in the next cell; 分类 empty; PubDate meta gives the time
    "gz_wjw_gkmlpt_family_doctor_plan.html": (
        "广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知",
        {
            "index_no": "11440100MB2C90856P/2023-00331",
            "publisher": "广州市卫生健康委员会",
            "written_date": "2023-10-19",
            "doc_no": "穗卫函〔2023〕1930号",
            "publish_date": "2023-11-07",
            "publish_time": "15:02",
        },
    ),
    # gkmlpt on a district site: （转载） title, 文号 cell empty but printed at the top of the body
    "gz_thnet_gkmlpt_public_rental_housing.html": (
        "广州市人民政府办公厅关于印发广州市公共租赁住房管理办法的通知",
        {
            "index_no": "11440106718120458W/2024-00008",
            "doc_no": "穗府办规〔2024〕13号",
            "publisher": "广州市天河区人民政府天园街道办事处",
            "written_date": "2024-07-26",
            "publish_date": "2024-09-12",
            "publish_time": "16:38",
        },
    ),
    # gfxwj: li > span label + bare value; 文件状态 only in a script; no 发布日期 label (PubDate meta)
    "gz_gfxwj_outpatient_special_disease_fees.html": (
        "广州市医疗保障局 广州市财政局 广州市卫生健康委员会"
        "关于印发广州市社会医疗保险统筹基金支付门诊特定病种费用范围及标准的通知",
        {
            "doc_no": "穗医保规字〔2019〕4号",
            "publisher": "广州市医疗保障局,广州市财政局,广州市卫生健康委员会",
            "validity": "失效",
            "publish_date": "2019-06-17",
            "publish_time": "10:00",
        },
    ),
    "gz_gfxwj_temporary_assistance_rules.html": (
        "广州市人民政府办公厅关于印发广州市临时救助实施细则的通知",
        {
            "doc_no": "穗府办规〔2021〕19号",
            "publisher": "广州市人民政府办公厅",
            "validity": "有效（延续实施）",
            "publish_date": "2021-12-10",
            "publish_time": "09:37",
        },
    ),
    # bureau template: 发布日期/来源 line above the article, 字体大小 furniture after it
    "gz_scjgj_market_entity_registration_reg.html": (
        "中华人民共和国市场主体登记管理条例",
        {"publisher": "国家法律法规数据库", "publish_date": "2021-07-30", "publish_time": "16:43"},
    ),
    # portal article: no header table, only 来源 and the meta tags
    "gz_portal_disability_subsidies_2026.html": (
        "广州市残疾人两项补贴2025年发放情况和2026年发放标准",
        {"publisher": "广州市民政局", "publish_date": "2026-02-26", "publish_time": "10:19:50"},
    ),
    # Jiangxi Ucap: dd > label + div.display-block, 发文日期 on the city page
    "yichun_portal_jiangxi_2022_stats_communique.saved.html": (
        "江西省2022年国民经济和社会发展统计公报",
        {
            "index_no": "014717475N/2023-0032866",
            "subject": "统计公报",
            "publisher": "宜春市统计局",
            "written_date": "2023-03-31",
            "publish_date": "2023-05-16",
            "publish_time": "12:34:10",
        },
    ),
    # county Ucap: 生成日期 and 责任部门
    "wanzai_tjj_2022_stats_communique.saved.html": (
        "万载县2022年国民经济和社会发展统计公报",
        {
            "index_no": "014742224A/2023-0043406",
            "publisher": "万载县统计局",
            "written_date": "2023-05-11",
            "publish_date": "2023-08-16",
            "publish_time": "10:33:59",
        },
    ),
    # body-only fragment: the title is its first line, no header at all
    "daqing_stats_2012_communique.frag.html": ("2012年大庆市国民经济和社会发展统计公报", {}),
    # Hanweb: 发布日期/信息来源 line, lowercase contentSource meta
    "zj_fgw_hanweb_deqing_investment.html": (
        "1-10月德清县固定资产投资结构趋稳趋优",
        {"publisher": "省发改委", "publish_date": "2016-11-22", "publish_time": "09:53"},
    ),
    # news template: 时间/来源 line
    "shanxi_portal_news_brand_silkroad.html": (
        "山西品牌丝路行（南美站）正式启动",
        {"publisher": "山西日报", "publish_date": "2019-09-18", "publish_time": "06:23"},
    ),
    # NFRA: <title> is only the site name; ArticleTitle carries the document number (no 文号 label)
    "nfra_penalty_disclosure_2024_36.rendered.html": (
        "国家金融监督管理总局行政处罚信息公开表(金罚决字〔2024〕36号)",
        {
            "publisher": "保险和非银机构检查局",
            "publish_date": "2024-07-12",
            "publish_time": "17:33",
            "doc_no": "金罚决字〔2024〕36号",
        },
    ),
}

FIELDS = (
    "index_no",
    "doc_no",
    "subject",
    "genre",
    "publisher",
    "validity",
    "written_date",
    "publish_date",
    "publish_time",
)


def test_every_fixture_page_has_a_row() -> None:
    assert sorted(PAGES) == sorted(p.name for p in HTML.glob("*.html"))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_title_and_metadata(name: str) -> None:
    title, expected = PAGES[name]
    doc = zx.parse_file(HTML / name, quantities=False)
    assert doc.format == "html"
    assert doc.title == title
    got = {field: getattr(doc.metadata, field) for field in FIELDS}
    assert got == {field: expected.get(field) for field in FIELDS}


# Labelled fields outside the main keys, as the pages write them (a subset of `extra` per page).
EXTRA: dict[str, dict[str, str]] = {
    "gz_gfxwj_temporary_assistance_rules.html": {
        "统一编号": "GZ0220210019",
        "实施日期": "2021年12月06日",
        "失效日期": "2029年12月06日",
    },
    "gz_gfxwj_outpatient_special_disease_fees.html": {"统一编号": "GZ0320190096", "失效日期": "2024年06月30日"},
    "yichun_portal_jiangxi_2022_stats_communique.saved.html": {
        "公开方式": "主动公开",
        "公开时限": "常年公开",
        "公开范围": "面向全社会",
    },
    "wanzai_tjj_2022_stats_communique.saved.html": {"公开方式": "主动公开", "公开范围": "面向全社会"},
    "nfra_penalty_disclosure_2024_36.rendered.html": {"文章类型": "原创"},
}


@pytest.mark.parametrize("name", sorted(EXTRA))
def test_extra_fields(name: str) -> None:
    extra = zx.parse_file(HTML / name, quantities=False).metadata.extra
    assert {label: extra.get(label) for label in EXTRA[name]} == EXTRA[name]
    assert "访问量" not in extra and "浏览次数" not in extra
