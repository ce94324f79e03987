"""Plain-text copies of portal pages: metadata, title, body boundaries and signature, read off each page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import zhengwu_extract as zx

TEXT = Path(__file__).parent / "fixtures" / "text"
SEED = Path(__file__).parent / "fixtures" / "jiangjin.txt"

# One row per page: (file, title, metadata fields that must match, first words of body, text not in body).
PAGES: list[tuple[Path, str | None, dict[str, Any], str, list[str]]] = [
    (
        SEED,
        "义务教育发展基本均衡区督导评估自查自评报告",
        {
            "index_no": "11500381750069234B/2021-00128",
            "doc_no": None,
            "subject": "科技、教育",
            "genre": "其他",
            "publisher": "江津区教委",
            "validity": "有效",
            "written_date": "2016-05-05",
            "publish_date": "2021-03-17",
            "publish_time": "18:51:23",
        },
        "江津区义务教育坚持以科学发展观为指导",
        ["扫一扫在手机打开当前页", "版权所有", "主办", "当前位置", "江津发布", "地方政府网站", "201655"],
    ),
    (
        TEXT / "pages_cq_gov_cn_yubei_work_rules_2017.excerpt.txt",
        "重庆市渝北区人民政府关于印发渝北区第十八届人民政府工作规则的通知",
        {
            "index_no": "009315877/2017-00733",
            "doc_no": "渝北府发 〔2017〕 7号",
            "subject": "行政事务/其他公文/全社会",
            "publisher": "渝北区政府",
            "written_date": "2017-03-21",
            "publish_date": "2017-03-21",
            "extra": {"主题词": "行政事务"},
        },
        "各镇人民政府,区政府各部门",
        ["索 引 号", "信息分类名称"],
    ),
    (
        TEXT / "pages_zb_gov_cn_zhenba_work_rules_2024.excerpt.txt",
        "镇巴县人民政府工作规则",
        {
            "index_no": "6107280000/2024-001005",
            "subject": None,
            "publisher": "县政府网站",
            "doc_no": "镇政发〔2024〕7号",
            "written_date": "2024-04-06",
            "written_time": "16:40",
            "validity": None,
            "publish_date": "2024-04-06",
            "publish_time": "16:34",
        },
        "第一章总则",
        ["返回顶部", "索引号", "发文字号"],
    ),
    (
        TEXT / "pages_pingjiang_gov_cn_yueyang_open_gov_opinions_2017.excerpt.txt",
        "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知(岳办发〔2017〕2号)",
        {
            "publish_date": "2017-01-12",
            "publish_time": "17:08",
            "doc_no": "岳办发〔2017〕2号",
            "index_no": None,
            "extra": {"归档时间": "2018-11-21"},
        },
        "各县市区委、人民政府",
        ["视力保护色", "浏览量", "当前位置", "字号"],
    ),
    (
        TEXT / "pages_nanxian_gov_cn_housing_bureau_2018_performance_eval.excerpt.txt",
        "南县住房和城乡建设局2018年度整体支出 绩效评价报告",
        {"index_no": None, "publish_date": None, "extra": {"归档时间": "2023-06-15"}},
        "为检验预算编制的科学性",
        ["详细信息", "公开具体内容", "当前位置"],
    ),
    (
        TEXT / "pages_cqcs_gov_cn_changshou_budget_report_2022_2023.excerpt.txt",
        "重庆市长寿区财政局关于重庆市长寿区2022年预算执行情况和2023年预算草案的报告",
        {"index_no": None, "doc_no": None, "written_date": None},
        "各位代表:",
        ["导航", "您的位置"],
    ),
    (
        TEXT / "pages_shayang_gov_cn_budget_report_2022_2023.excerpt.txt",
        "关于沙洋县2022年预算执行情况和2023年预算草案的报告",  # after a 目录 that lists the parts
        {"index_no": None},
        "第一部分 报告\n——2022年12月18日在沙洋县第六届人民代表大会",
        ["目录", "第二部分 预算表格"],
    ),
    (
        TEXT / "pages_qdndz_gov_cn_danzhai_2015_stats_communique.excerpt.txt",
        None,  # a mid-page excerpt: the page's title is not in it
        {"index_no": None},
        "2015年,面对严峻复杂的外部环境",
        [],
    ),
    (
        TEXT / "govcn_gwr_national_2003.gbk.txt",
        "2003年国务院政府工作报告",
        # the portal's dateline under the title: 中央政府门户网站 www.gov.cn 2006年02月16日 来源：新华社
        {"index_no": None, "publisher": "新华社", "publish_date": "2006-02-16"},
        "2003年政府工作报告——2003年3月5日在第十届全国人民代表大会第一次会议上",
        ["【字体", "E-mail推荐", "当前位置", "<U+00A0>", "<!--", "责任编辑"],
    ),
    (
        TEXT / "govcn_gwr_national_2018.gbk.txt",
        "政府工作报告",
        {"index_no": None, "written_date": None},  # no header: metadata stays empty
        "3月5日，第十三届全国人民代表大会第一次会议在北京人民大会堂开幕",
        ["新华社北京3月22日电"],
    ),
    (
        TEXT / "gwr2025_beijing.from_docx.txt",
        "2025年北京市政府工作报告",
        {"publisher": "北京日报"},
        "2025年1月14日在北京市第十六届人民代表大会第三次会议上",
        ["来源："],
    ),
    (
        TEXT / "gwr2025_guizhou.from_docx.txt",
        "2025年贵州省政府工作报告",
        {"publisher": "贵州日报"},
        "——2025年1月19日在贵州省第十四届人民代表大会第三次会议上",
        ["来源："],
    ),
    (
        TEXT / "lawref_gov_info_disclosure_regulation_2019.md.txt",
        "中华人民共和国政府信息公开条例",
        {"index_no": None},
        "2007年4月5日 中华人民共和国国务院令第492号公布",
        ["<!--", "INFO END", "## "],
    ),
    (
        TEXT / "zhonggong_guowuyuan_2018_rural_revitalization_opinions.utf8bom.txt",
        "中共中央 国务院关于实施乡村振兴战略的意见",
        {"written_date": None},  # （2018年1月2日） under the title is not a header field
        "实施乡村振兴战略，是党的十九大作出的重大决策部署",
        ["\ufeff"],
    ),
    (
        TEXT / "pages_mianchi_gov_cn_2022_stats_communique.excerpt.txt",
        None,  # the last line, a cut-off fragment (全县规模以上工业涉), heads nothing: all text above is body
        {"index_no": None},
        "2022年,全县上下坚持以习近平新时代中国特色社会主义思想为指引",
        [],
    ),
    (
        TEXT / "pages_zhouzhi_gov_cn_budget_report_2023_2024.excerpt.txt",
        "周至县2023年财政预算执行情况和2024年财政预算草案的报告",  # under the site menu line
        {"index_no": None},
        "各位代表:",
        ["首页 新闻中心", "政民互动"],
    ),
    (
        TEXT / "pages_shanwei_gov_cn_municipal_final_accounts_2018.excerpt.txt",
        None,  # starts at the occasion line (——2019年9月2日在…), wrapped in two; the title is cut off
        {"index_no": None},
        "——2019年9月2日在汕尾市第七届人民代表",
        [],
    ),
    (
        TEXT / "pages_bx2200_com_shuicheng_gov_work_report_2023.excerpt.txt",
        None,  # starts at the occasion line; the speaker's line under it (…人民政府区长 赵庆强) is no title
        {"index_no": None},
        "(2023年3月1日在六盘水市水城区第二届人民代表大会第二次会议上)",
        [],
    ),
    (
        TEXT / "pages_shangyu_gov_cn_2013_stats_communique.excerpt.txt",
        "2013年上虞区国民经济和社会发展统计公报",  # a flattened table row: `title | ||||…`
        # label and value cells joined by ` | `: the pipes are no part of the values
        {
            "index_no": "002590358/2022-77135",
            "doc_no": None,
            "publisher": "绍兴市上虞区统计局",
            "publish_date": "2022-08-17",
            "publish_time": "10:51",
        },
        "2013年是贯彻十八大精神的开局之年",
        ["||", "索引号"],
    ),
    (
        TEXT / "pages_hanbin_gov_cn_gov_work_report_2025.excerpt.txt",
        # a flattened table of label and value cells, labels partly without a colon: 文件名称 | 汉滨区…
        "汉滨区2025年政府工作报告",
        {
            "index_no": "/2025-0000",  # `公开目录: | 工作报告` in the same row is a label cell of its own
            "doc_no": None,  # 文号 | 成文日期: …: an empty cell, the next cell is a label
            "publisher": None,  # 公开责任部门 | 公开形式: …: empty too
            "subject": None,
            "validity": "有效",
            "written_date": "2025-04-15",
            "publish_date": "2025-04-15",
            "publish_time": "14:43",
            "extra": {"公开目录": "工作报告", "公开形式": "主动公开"},
        },
        "2025年3月21日在汉滨区第十九届",
        ["索引号", "文件名称", "|"],
    ),
    (
        TEXT / "pages_mdx_gov_cn_mouding_social_undertakings_2022q3.excerpt.txt",
        # 公文目录 (a catalogue) after the 索引号 on one line; 文号:无文号 says there is none
        "牟定县国民经济主要指标科技、教育、文化、卫生健康和旅游业统计快报(2022年3季度))",
        {
            "index_no": "115323230151728681-/2022-1028001",
            "doc_no": None,
            "written_date": "2022-10-28",
            "extra": {"公文目录": "统计数据"},
        },
        "全县科教文卫等社会事业协调发展。",
        ["公文目录", "无文号"],
    ),
    (
        TEXT / "pages_cgj_changde_gov_cn_urban_mgmt_fine_benchmarks_2013.excerpt.txt",
        # a document number alone above the title is its 文号, not the title
        "《常德市城市管理行政处罚自由裁量权实施基准》",
        {"doc_no": "常城管〔2013〕15号"},
        "第一章 总 则",
        [],
    ),
    (
        TEXT / "pages_anhua_gov_cn_urban_dibao_subsidy_allocation_2022_08.excerpt.txt",
        None,  # the excerpt has no title line; the print line (…2022年8月25日 印发) is none
        {"index_no": None},
        "各乡镇财政所、社会事务办公室(或社会事务服务中心):",
        [],
    ),
    (
        TEXT / "pages_tp_hkcd_com_fucheng_gov_work_report_2019.excerpt.txt",
        None,  # a news report of a work report: its photo caption 大會現場 張寶杉 攝 is no title
        {"index_no": None},
        "大會現場 張寶杉 攝\n【香港商報網訊】2月19日,綿陽市涪城區第六屆人民代表大會第四次會議",
        [],
    ),
    (
        TEXT / "pages_ningguo_gov_cn_destitute_support_standards_2020.excerpt.txt",
        # label and value pairs separated by spaces, two to a line, no colons
        "宁国市人民政府关于公布2020年城乡特困人员供养基本生活财政补助标准的通知",
        {
            "index_no": "11341702000111222F/202007-00024",
            "doc_no": "宁政秘〔2020〕78号",  # 发布文号
            "subject": "民政、扶贫、救灾",  # 主题导航
            "genre": None,  # 组配分类 其他文件 is a catalogue field
            "publisher": "宁国市人民政府(办公室)",
            "validity": None,
            "written_date": "2020-07-09",
            "written_time": "16:28",
            "publish_date": None,
        },
        "各乡、镇人民政府、街道办事处,市直有关单位:",
        ["索引号", "信息名称", "内容概述", "宁国市人民政府关于公布"],
    ),
    (
        TEXT / "pages_hunancourt_gov_cn_hengyang_enterprise_incentive_opinions_2021.excerpt.txt",
        # a cover notice (各…单位: / 《…》现印发给你们 / 衡阳市人民政府办公室 2021年9月2日) over the attached
        # text's title, whose (试行) sits on the next line; the notice stays in the body
        "关于践行“三高四新”战略优化企业奖补投入助推省域副中心城市建设的实施意见(试行)",
        {"index_no": None, "written_date": None},
        "各县市区人民政府,市直机关各单位,驻衡国省属单位:\n《关于践行",
        [],
    ),
    (
        TEXT / "pages_tjj_nanjing_gov_cn_hospitals_table_2020.excerpt.txt",
        # a yearbook table page: its numbered caption is the title (not the header cell 实有床位数), and
        # stays in the body over the table it names
        "表14—16 各类医院基本情况(2020年)",
        {"index_no": None, "publisher": None, "written_date": None, "publish_date": None},
        "表14—16 各类医院基本情况(2020年)\n指 标\n|\n机构数",
        [],
    ),
]


@pytest.mark.parametrize(("path", "title", "fields", "body_start", "not_in_body"), PAGES, ids=lambda v: str(v)[:30])
def test_text_page(
    path: Path, title: str | None, fields: dict[str, Any], body_start: str, not_in_body: list[str]
) -> None:
    doc = zx.parse_file(path, quantities=False)
    assert doc.format == "text"
    assert doc.title == title
    meta = doc.metadata.model_dump()
    for key, expected in fields.items():
        assert meta[key] == expected, key
    assert doc.body.startswith(body_start)
    for junk in not_in_body:
        assert junk not in doc.body, junk


def test_seed_signature_and_rejoined_paragraph() -> None:
    doc = zx.parse_file(SEED, quantities=False)
    assert doc.signature is not None
    assert doc.signature.issuer == "重庆市江津区人民政府"
    assert doc.signature.date == "2016-05-05"  # written 201655: 年月日 lost, read against 成文日期
    assert "包含人大审议、政协监督、专家评估" in doc.body
    assert doc.body.endswith("办人民满意的教育。")


def test_repeated_body_is_kept_once() -> None:
    doc = zx.parse_file(TEXT / "govcn_gwr_national_2003.gbk.txt", quantities=False)
    assert doc.body.count("本届政府１９９８年３月就职") == 1
    assert any("repeated" in w for w in doc.warnings)


def test_yubei_doc_no_parts() -> None:
    doc = zx.parse_file(TEXT / "pages_cq_gov_cn_yubei_work_rules_2017.excerpt.txt", quantities=False)
    parts = doc.metadata.doc_no_parts
    assert parts is not None
    assert (parts.issuer_code, parts.year, parts.serial) == ("渝北府发", 2017, 7)


HTML = Path(__file__).parent / "fixtures" / "html"


@pytest.mark.parametrize(
    ("path", "issuer", "date"),
    [
        (SEED, "重庆市江津区人民政府", "2016-05-05"),
        (HTML / "govcn_zhengce_5346276_holiday.frag.html", "国务院办公厅", "2018-12-04"),
        # cover notices of 印发 documents: the signature closes the notice, the attached text follows
        (HTML / "govcn_zhengce_5351181_iit_deduction_measures.frag.html", "国务院", "2018-12-13"),
        (HTML / "gz_gfxwj_temporary_assistance_rules.html", "广州市人民政府办公厅", "2021-12-01"),
        (HTML / "gz_thnet_gkmlpt_public_rental_housing.html", "广州市人民政府办公厅", "2024-07-26"),
        (
            HTML / "gz_wjw_gkmlpt_family_doctor_plan.html",
            "广州市卫生健康委员会 广州市财政局 广州市人力资源和社会保障局 广州市医疗保障局",
            "2023-10-19",
        ),
        (
            TEXT / "pages_pingjiang_gov_cn_yueyang_open_gov_opinions_2017.excerpt.txt",
            "中共岳阳市委办公室 岳阳市人民政府办公室",
            "2017-01-10",
        ),
        (
            TEXT / "pages_hunancourt_gov_cn_hengyang_enterprise_incentive_opinions_2021.excerpt.txt",
            "衡阳市人民政府办公室",
            "2021-09-02",
        ),
        # communiqués sign under the title; a month-only date gives no day
        (
            HTML / "yichun_portal_jiangxi_2022_stats_communique.saved.html",
            "江西省统计局 国家统计局江西调查总队",
            "2023-03-28",
        ),
        (HTML / "wanzai_tjj_2022_stats_communique.saved.html", "万载县统计局 国家统计局万载调查队", None),
    ],
    ids=lambda v: str(v).split("/")[-1][:30],
)
def test_signature(path: Path, issuer: str, date: str | None) -> None:
    signature = zx.parse_file(path, quantities=False).signature
    assert signature is not None
    assert (signature.issuer, signature.date) == (issuer, date)


def test_attachment_names_without_their_numbers() -> None:
    doc = zx.parse_file(HTML / "govcn_zhengce_5345410_shenzhenbay_coords.frag.html", quantities=False)
    assert doc.attachments == ["深圳湾口岸港方口岸区的查验区界址点坐标", "深圳湾公路大桥部分桥面界址点坐标"]


@pytest.mark.parametrize(
    ("path", "year", "anchor"),
    [
        # 今年 in a report dated only by its occasion line (——2018年3月5日在…会议上)
        (TEXT / "govcn_gwr_national_2018.gbk.txt", 2018, "今年发展主要预期目标是：国内生产总值增长6.5%"),
    ],
)
def test_text_date_resolves_this_year(path: Path, year: int, anchor: str) -> None:
    doc = zx.parse_file(path)
    at = doc.body.index(anchor) + len(anchor)
    found = [q for q in doc.quantities if q.end == at]
    assert [q.year for q in found] == [year]


@pytest.mark.parametrize(
    ("path", "outline"),
    [
        # a cut-off fragment as the last line took the page for a title: the body and sections were lost
        (
            TEXT / "pages_mianchi_gov_cn_2022_stats_communique.excerpt.txt",
            [(1, "一、", "综合"), (1, "二、", "农业"), (1, "三、", "工业和建筑业")],
        ),
        # 1)税收收入112446万元,完成年初预算207380万元的54.22%,…: a numbered item of figures, no heading
        (
            TEXT / "pages_yongning_gov_cn_budget_execution_2020h1.excerpt.txt",
            [
                (1, "一、", "全口径财政预算执行情况"),
                (2, "(一)", "一般公共预算执行情况"),
                (3, "1.", "组织财政收入执行情况"),
            ],
        ),
        # the whole page on one line, paragraphs joined by spaces: a heading follows a sentence end and a
        # space, and is followed by a space (…以下情况: 一、2021年财政决算主要情况 (一)2021年…)
        (
            TEXT / "pages_shmh_gov_cn_minhang_final_accounts_2021.excerpt.txt",
            [
                (1, "一、", "2021年财政决算主要情况"),
                (2, "(一)", "2021年一般公共预算收支决算情况"),
                (3, "1.", "全区一般公共预算收支决算情况"),
                (3, "2.", "区本级一般公共预算收支决算情况"),
            ],
        ),
        # …计算。 一、综 合 综合实力显著增强。: a heading spaced out character by character
        (TEXT / "pages_shangyu_gov_cn_2013_stats_communique.excerpt.txt", [(1, "一、", "综合"), (1, "二、", "农业")]),
        # a piped statistics table: its group rows 二、行政区划 | are rows, not headings
        (TEXT / "pages_mzj_sz_gov_cn_shenzhen_civil_affairs_2020q2.excerpt.txt", []),
    ],
    ids=lambda v: str(v).split("/")[-1][:30],
)
def test_outline_of_text_pages(path: Path, outline: list[tuple[int, str, str]]) -> None:
    doc = zx.parse_file(path, quantities=False)
    assert [(s.level, s.marker, s.heading) for s in doc.outline()] == outline


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        # a qualifier line under the title belongs to it
        (
            "关于优化企业奖补投入的实施意见\n（试行）\n为进一步提升企业技术创新能力，制定本意见。\n",
            "关于优化企业奖补投入的实施意见（试行）",
            "为进一步",
        ),
        # a salutation and a paragraph without a 落款 under them: no title below (body text heads nothing)
        (
            "各县市区人民政府：\n现将有关事项通知如下。\n关于优化企业奖补投入的实施意见\n为进一步提升能力。\n",
            None,
            "各县市区人民政府：",
        ),
        # a title broken over two lines: the second completes it (Yangling Q1 consumption incentives) …
        (
            "杨凌示范区进一步激发消费活力\n促进一季度消费增长若干措施\n按照省委省政府的要求,现制定措施如下:\n"
            "一、批发企业给予1万元促销奖励。\n",
            "杨凌示范区进一步激发消费活力促进一季度消费增长若干措施",
            "按照省委省政府",
        ),
        # … not a title that is whole (…的通知) over the title of the text it issues …
        (
            "关于印发消费活力提升方案的通知\n消费活力提升实施方案\n为进一步激发消费活力,制定本方案。\n",
            "关于印发消费活力提升方案的通知",
            "消费活力提升实施方案",
        ),
        # … nor a line that does not end like a title, nor a date
        (
            "杨凌示范区进一步激发消费活力\n杨凌示范区商务局\n2021年1月5日\n为进一步激发消费活力,制定本方案。\n",
            "杨凌示范区进一步激发消费活力",
            "为进一步",  # the issuer and date under the title are its signature
        ),
        (
            "杨凌示范区消费活力提升\n2021年1月5日\n为进一步激发消费活力,制定本方案。\n",
            "杨凌示范区消费活力提升",
            "2021年1月5日\n为进一步",
        ),
        # a line stating an amount after a colon is no title; a title may hold an amount (Ahshitai aid standards)
        (
            "中职学校国家助学金标准:2000元/生·年(中职全日制正式学籍一、二年级涉农专业学生)\n"
            "来源:中央财政60%(27.6万),省级财政32%(14.7万),县级财政8%(3.68万)\n"
            "中职学校免学费补助标准:2000元/生·年\n",
            None,
            "中职学校国家助学金标准:2000元/生·年(中职全日制正式学籍一、二年级涉农专业学生)\n来源:中央财政60%(27.6万)",
        ),
        (
            "上半年我县农林牧渔业总产值增长8%\n上半年,全县农林牧渔业总产值12.3亿元,增长8%。\n",
            "上半年我县农林牧渔业总产值增长8%",
            "上半年,全县",
        ),
        # a 落款 followed by no title-like line: no title
        (
            "各县市区人民政府：\n现将有关事项通知如下。\n衡阳市人民政府办公室\n2021年9月2日\n（此件公开发布）\n",
            None,
            "各县市区",
        ),
    ],
)
def test_title_qualifier_and_cover_notice(text: str, title: str | None, body_start: str) -> None:
    doc = zx.parse(text, "notice.txt", quantities=False)
    assert doc.title == title
    assert doc.body.startswith(body_start)
    assert doc.metadata.publisher is None


@pytest.mark.parametrize(
    ("text", "title", "fields"),
    [
        # a 来源 line with the dateline and a counter under the title (yunxiqu school budget 2018)
        (
            "岳阳市云溪区第一中学2018年部门预算说明\n来源:区教体局   2018-02-06 10:44   浏览量:1   | | | |\n\n"
            "一、部门基本概况\n",
            "岳阳市云溪区第一中学2018年部门预算说明",
            {"publisher": "区教体局", "publish_date": "2018-02-06", "publish_time": "10:44"},
        ),
        # an empty counter closing the header line (mdx work report summary)
        (
            "《政府工作报告》摘要(一):2021年 全县经济社会发展各项目标任务高质量全面完成\n\n"
            "日期:2022年01月24日   作者:   来源:牟定县融媒体中心    点击:[]\n\n"
            "在各级各部门和全县广大人民群众的共同努力下,2021年,牟定县经济社会发展各项目标任务高质量全面完成。\n",
            "《政府工作报告》摘要(一):2021年 全县经济社会发展各项目标任务高质量全面完成",
            {"publisher": "牟定县融媒体中心", "publish_date": "2022-01-24"},
        ),
        # a title line ending in the page's date in brackets (mzj.sh.gov.cn fee list 2024)
        (
            "市属殡仪馆主要收费项目和标准一览表 (2024-03-27 )\n序号 | 收费项目 | 计价单位 | 收费标准(元) | 备注 |\n"
            "1 | 尸体火化 台车式捡灰炉 | 具 | 600 | 丧家自愿选择。 |\n",
            "市属殡仪馆主要收费项目和标准一览表",
            {"publish_date": "2024-03-27", "publisher": None},
        ),
        # the speaker's line (an office, then a spaced-out name) under an occasion line: no title (liupanshui 2019)
        (
            "(2019年1月12日在六盘水市第八届人民代表大会第四次会议上)\n□六盘水市人民政府市长 李 刚\n各位代表:\n"
            "现在,我代表市人民政府向大会作工作报告,请予审议,并请市政协委员和其他列席人员提出意见。\n一、2018年政府工作回顾\n",
            None,
            {"publisher": None, "publish_date": None},
        ),
        # two-character labels padded to the width of longer ones, with empty values (yishui gaozhuang 2021)
        (
            "高庄镇2021年政府工作报告\n\n"
            "索  引  号: yishuigzz2441108/2021-0000032 主  题  词: 公开方式: 主动公开\n"
            "文       号: 发布机构: 沂水县高庄镇 发布日期: 2021-03-06\n"
            "浏览次数: 有  效  性: 成文日期: 2021-03-06\n"
            "标       题: 高庄镇2021年政府工作报告\n\n“十三五”时期经济社会发展回顾\n",
            "高庄镇2021年政府工作报告",
            {"doc_no": None, "publisher": "沂水县高庄镇", "publish_date": "2021-03-06", "written_date": "2021-03-06"},
        ),
        # a document number alone over the title of the notice opening the body (yongde awards 2015)
        (
            "永德县以商招商、民间招商奖励办法\n\n\n\n"
            "来源: 作者:系统管理员 时间:2018年07月30日 17:59 点击率:打印 】【 关闭\n\n  \n\n  办发〔2015〕6号\n\n"
            "  中共永德县委办公室  永德县人民政府办公室关于印发《永德县以商招商、民间招商奖励办法》的通知\n\n"
            "各乡(镇)党委、政府,县委各部门,县级国家机关、各人民团体、各企事业单位:\n",
            "永德县以商招商、民间招商奖励办法",
            {"doc_no": "办发〔2015〕6号", "publish_date": "2018-07-30"},
        ),
        # an aggregator's year tag after the title repeats its year (tjgb.hongheiku.com yunhe 2022)
        (
            "2022年云和县国民经济和社会发展统计公报 2022\n\n选择区域:>>\n\n"
            "2022年是极不平凡的一年,我县经济运行承压严重。\n\n一、综合\n",
            "2022年云和县国民经济和社会发展统计公报",
            {"publish_date": None},
        ),
    ],
    ids=[
        "source-date-counter",
        "empty-counter",
        "title-date",
        "speaker-line",
        "padded-labels",
        "doc-no-line",
        "year-tag",
    ],
)
def test_header_fields_run_together_and_title_lines(text: str, title: str | None, fields: dict[str, Any]) -> None:
    doc = zx.parse(text, "page.txt", quantities=False)
    assert doc.title == title
    assert {key: getattr(doc.metadata, key) for key in fields} == fields


def test_empty_value_cell_before_a_labelled_cell() -> None:
    """发文字号: | 发文时间:2020-12-31 |: no 文号, and the date is the 发文时间 (shangdangqu 2020 work summary)."""
    text = (
        "索引号: | |\n发文字号: | 发文时间:2020-12-31 |\n发文机关:长治市上党区统计局 | 主题词: |\n"
        "标题:长治市上党区统计局2020年工作总结暨2021年工作计划 | |\n主题分类:其它 | 发布日期:2020-12-31 |\n"
        "在区委、区政府的坚强领导下,统计工作又上新台阶。\n"
    )
    meta = zx.parse(text, "summary.txt", quantities=False).metadata
    assert (meta.doc_no, meta.written_date, meta.publish_date) == (None, "2020-12-31", "2020-12-31")
    assert meta.publisher == "长治市上党区统计局"


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    return raw.decode("gbk") if ".gbk." in path.name else raw.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("path", "text_date"),
    [
        # an occasion line opening the body, wrapped by the scrape: ——2019年9月2日在…人民代表 / 大会…会议上
        (TEXT / "pages_shanwei_gov_cn_municipal_final_accounts_2018.excerpt.txt", "2019-09-02"),
        # without the dash, under a header table, wrapped: 2025年3月21日在汉滨区第十九届 / 人民代表大会第四次会议上
        (TEXT / "pages_hanbin_gov_cn_gov_work_report_2025.excerpt.txt", "2025-03-21"),
        # in brackets on one line: (2023年3月1日在…会议上)
        (TEXT / "pages_bx2200_com_shuicheng_gov_work_report_2023.excerpt.txt", "2023-03-01"),
        # on the line under the title: ——2025年1月19日在贵州省…会议上
        (TEXT / "gwr2025_guizhou.from_docx.txt", "2025-01-19"),
        # in the title line itself, as before
        (TEXT / "govcn_gwr_national_2018.gbk.txt", "2018-03-05"),
        # a sentence opening with a date and 在 is no occasion line
        (TEXT / "gwr2025_beijing.from_docx.txt", None),
        (TEXT / "pages_mianchi_gov_cn_2022_stats_communique.excerpt.txt", None),
    ],
    ids=lambda v: str(v).split("/")[-1][:30],
)
def test_occasion_line_gives_the_text_date(path: Path, text_date: str | None) -> None:
    from zhengwu_extract.page import read_text_page

    assert read_text_page(_read_text(path)).text_date == text_date
