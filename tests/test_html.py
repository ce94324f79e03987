"""The HTML reader: clean bodies of the corpus pages, and the markup cases each template brings.

Expected text was read off the pages (tests/fixtures/html); titles and metadata of the same pages are
in test_corpus_pages.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhengwu_extract as zx
from zhengwu_extract.html import read_html_page

HTML = Path(__file__).parent / "fixtures" / "html"

# Footer and furniture strings that no body may contain.
FURNITURE = ("版权所有", "ICP备", "公网安备", "网站标识码", "扫一扫在手机", "当前位置", "begin-->", "{{", "&nbsp")

# file → (first line of the body, last words of the body, page strings that must not be in the body)
BODIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "govcn_zhengce_5346276_holiday.frag.html": (
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "确保人民群众祥和平安度过节日假期。",
        ("索 引 号", "主题分类", "国办发明电〔2018〕15号"),
    ),
    "govcn_zhengce_5345459_grain_emergency_plan.frag.html": (
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "7.3 本预案自印发之日起实施。",
        ("国 家 粮 食", "主 题 词"),
    ),
    "govcn_zhengce_5351181_iit_deduction_measures.frag.html": (
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "第三十二条 本办法自2019年1月1日起施行。",
        ("专项附加扣除暂行办法的通知",),
    ),
    "govcn_zhengce_5362266_hospital_perf_eval.frag.html": (
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "",
        ("三级公立医院绩效考核工作的意见",),
    ),
    "govcn_zhengce_5345410_shenzhenbay_coords.frag.html": (
        "广东省人民政府、香港特别行政区政府：",
        "",
        ("土 地 使 用",),
    ),
    "gz_wjw_gkmlpt_family_doctor_plan.html": (
        "各区卫生健康局、财政局、人力资源社会保障局，市医保中心：",
        "",
        ("下载文字版", "发布日期", "浏览次数", "【打印】", "分享到", "穗卫函〔2023〕1930号"),
    ),
    "gz_thnet_gkmlpt_public_rental_housing.html": (
        "各区人民政府，市政府各部门、各直属机构：",
        "广州市人民政府办公厅秘书处 2024年7月29日印发",
        ("（转载）", "下载图片版", "主办单位", "浏览次数", "穗府办规〔2024〕13号\n"),
    ),
    "gz_gfxwj_temporary_assistance_rules.html": (
        "各区人民政府,市政府各部门、各直属机构:",
        "广州市人民政府办公厅秘书处 2021年12月6日印发",
        ("统一编号", "文件状态", "【返回顶部】", "政策解读", "音频解读"),
    ),
    "gz_gfxwj_outpatient_special_disease_fees.html": (
        "各有关单位，社会保险定点医疗机构：",
        "",
        ("统一编号", "发布机关", "穗医保规字〔2019〕4号"),
    ),
    "gz_scjgj_market_entity_registration_reg.html": (
        "（2021年7月27日中华人民共和国国务院令第746号公布）",
        "《企业法人法定代表人登记管理规定》同时废止。",
        ("相关附件", "标签", "字体大小", "返回顶部"),
    ),
    "gz_portal_disability_subsidies_2026.html": (
        "一、2025年发放情况",
        "分别提高至每人每月217元、290元。",
        ("相关附件", "相关新闻", "来源", "-次"),
    ),
    "yichun_portal_jiangxi_2022_stats_communique.saved.html": (
        "江西省统计局 国家统计局江西调查总队",
        "其他数据来自省统计局和国家统计局江西调查总队。",
        ("索 引 号", "访问量", "关联稿件", "相关解读", "【关闭本页】"),
    ),
    "wanzai_tjj_2022_stats_communique.saved.html": (
        "万载县统计局 国家统计局万载调查队",
        "其他数据来自县统计局和国家统计局万载调查队。",
        ("生成日期", "访问量", "图文解读", "万载政府网"),
    ),
    "daqing_stats_2012_communique.frag.html": (
        "大庆市统计局",
        "增长速度按可比价计算。",
        ("2012年大庆市国民经济和社会发展统计公报",),
    ),
    "zj_fgw_hanweb_deqing_investment.html": (
        "1-10月，全县固定资产投资完成246.79亿元，完成年度计划82.3%，同比增长15.3%，位列三县两区第一。"
        "其中第三产业投资完成119.90亿元，同比增长15.2%，位列三县两区第二，三次产业投资占比由去年同期的"
        "1.1:50.3:48.6调整为0.7:50.7:48.6，三产占比与去年持平；生产性服务业完成投资39.66亿元，占第三产业"
        "完成投资的33.1%，位列三县两区第二；项目投资完成220.53亿元，占全部投资的89.4%，位列三县两区第二；"
        "总体全县投资结构趋稳趋优。（德清县发改局）",
        "（德清县发改局）",
        ("end-->", "信息来源", "打印", "大汉版通"),
    ),
    "shanxi_portal_news_brand_silkroad.html": (
        "图为山西品牌丝路行（南美站）启动仪式。（刘通摄）",
        "南美站活动将先后在巴西、乌拉圭、阿根廷举行。（张巨峰）",
        ("时间：", "字体", "山西要闻", "分享"),
    ),
    "nfra_penalty_disclosure_2024_36.rendered.html": (
        "行政处罚决定书文号 金罚决字〔2024〕36号",
        "2024年7月8日",
        ("发布时间", "版权与免责声明", "手机扫一扫", "附件信息", "国家金融监督管理总局规章"),
    ),
}


def test_every_fixture_page_has_a_body_row() -> None:
    assert sorted(BODIES) == sorted(p.name for p in HTML.glob("*.html"))


@pytest.mark.parametrize("name", sorted(BODIES))
def test_clean_body(name: str) -> None:
    first, last, absent = BODIES[name]
    body = zx.parse_file(HTML / name, quantities=False).body
    assert body.split("\n")[0] == first
    assert body.endswith(last)
    for text in (*FURNITURE, *absent):
        assert text not in body, text


def test_signature_of_the_holiday_notice() -> None:
    doc = zx.parse_file(HTML / "govcn_zhengce_5346276_holiday.frag.html", quantities=False)
    assert doc.signature is not None
    assert (doc.signature.issuer, doc.signature.date) == ("国务院办公厅", "2018-12-04")


def test_hidden_print_copy_is_not_read() -> None:
    """NFRA renders the article twice; the second copy sits in an ng-hide block."""
    body = zx.parse_file(HTML / "nfra_penalty_disclosure_2024_36.rendered.html", quantities=False).body
    assert body.count("行政处罚决定书文号") == 1


def test_table_rows_are_not_rejoined_as_broken_paragraphs() -> None:
    """NFRA's penalty table: a row ending on a Chinese character is not glued to the next row."""
    lines = zx.parse_file(HTML / "nfra_penalty_disclosure_2024_36.rendered.html", quantities=False).body.split("\n")
    facts = next(line for line in lines if line.startswith("主要违法违规事实"))
    assert facts.endswith("四、虚挂中介业务套取费用")
    assert any(line.startswith("行政处罚依据 《保险公司管理规定》第五十四条") for line in lines)
    assert "作出处罚决定的日期 2024年7月8日" in lines


def test_footnotes_after_a_related_link_are_kept() -> None:
    body = zx.parse_file(HTML / "yichun_portal_jiangxi_2022_stats_communique.saved.html", quantities=False).body
    assert "[8]原保险保费收入是指保险企业确认的原保险合同保费收入。" in body.split("\n")


def test_word_table_rows_are_lines() -> None:
    """Daqing's MsoNormal tables: one row per line, each cell's <p> inside the row."""
    lines = zx.parse_file(HTML / "daqing_stats_2012_communique.frag.html", quantities=False).body.split("\n")
    assert "一、综合" in lines
    assert "地区生产总值 4000.5 10.0" in lines


# --- markup cases --------------------------------------------------------------------------------


def page(body: str, head: str = "") -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


ARTICLE = "<p>为进一步做好工作，现将有关事项通知如下。</p><p>一、总体要求。各地要认真落实，确保取得实效。</p>"


def test_heading_split_across_spans_is_one_line() -> None:
    html = page(f"<div id='zoom'><p><span>一</span>\n  <span>、</span>\n<span>综合</span></p>{ARTICLE}</div>")
    assert read_html_page(html).body.split("\n")[0] == "一、综合"


def test_scripts_styles_and_comments_give_no_text() -> None:
    html = page(
        "<div class='TRS_Editor'><script>var x = '脚本文字';</script><style>.a{}</style>"
        f"<!--<p>注释里的旧文字。</p>-->{ARTICLE}</div>"
    )
    body = read_html_page(html).body
    assert "脚本" not in body and "注释" not in body and "var" not in body


def test_commented_out_header_field_is_not_read() -> None:
    """Handan: <p><strong>label</strong>：value pairs, 成文日期 commented out, 文号：无."""
    header = (
        "<div class='top-l'><p><strong>索引号</strong>：000000/2020-001</p>"
        "<!--<p><strong>成文日期</strong>：2019-01-01</p>--><p><strong>文号</strong>：无</p></div>"
        "<div class='top-r'><p><strong>发布日期</strong>：2020-03-04</p></div>"
    )
    doc = read_html_page(page(header + f"<div id='zoom'>{ARTICLE}</div>"))
    assert doc.metadata.index_no == "000000/2020-001"
    assert doc.metadata.written_date is None
    assert doc.metadata.doc_no is None
    assert doc.metadata.publish_date == "2020-03-04"


def test_word_settings_pasted_without_their_comment_give_no_text() -> None:
    html = page(
        "<div id='zoom'><p>正文第一段。<o:p></o:p></p><w:WordDocument><w:BrowserLevel>MicrosoftInternetExplorer4"
        "</w:BrowserLevel></w:WordDocument><o:DocumentProperties><o:Author>Administrator</o:Author>"
        f"</o:DocumentProperties>{ARTICLE}</div>"
    )
    body = read_html_page(html).body
    assert "MicrosoftInternetExplorer4" not in body and "Administrator" not in body
    assert body.startswith("正文第一段。")


def test_hanweb_comment_markers_do_not_leak() -> None:
    html = page(
        "<div class='title'><!--<$[标题]>begin-->德清投资<!--<$[标题]>end--></div>"
        f"<div id='zoom'><!--<$[信息内容]>begin-->{ARTICLE}<!--<$[信息内容]>end--></div>"
    )
    body = read_html_page(html).body
    assert "begin" not in body and "-->" not in body and body.startswith("为进一步做好工作")


def test_vue_placeholders_and_literal_entities_are_dropped() -> None:
    html = page(
        f"<div id='wenzhang-content'><p>{{{{data.docSource}}}}来源&amp;nbsp;说明</p>{ARTICLE}</div>",
        head="<title>关于某事的通知</title>",
    )
    assert read_html_page(html).body.split("\n")[0] == "来源 说明"


def test_nested_layout_tables_give_leaf_pairs() -> None:
    """The outer layout cell holds the whole inner table; only leaf cells make pairs."""
    header = (
        "<table><tr><td><table class='bd1'><tr><td><b>索 引 号：</b></td><td>000014349/2018-00213</td>"
        "<td><b>主题分类：</b></td><td>综合政务</td></tr><tr><td><b>标　　题：</b></td>"
        "<td colspan='3'>关于某事的通知</td></tr><tr><td><b>发布日期：</b></td><td>2018年12月06日</td></tr>"
        "</table></td></tr></table>"
    )
    doc = read_html_page(page(header + f"<table><tr><td id='UCAP-CONTENT'>{ARTICLE}</td></tr></table>"))
    assert doc.title == "关于某事的通知"
    assert doc.metadata.index_no == "000014349/2018-00213"
    assert doc.metadata.subject == "综合政务"
    assert doc.metadata.publish_date == "2018-12-06"


def test_header_table_inside_the_body_container() -> None:
    body = (
        "<div class='TRS_Editor'><table><tr><td>索引号：</td><td>123/2020-1</td></tr>"
        f"<tr><td>发文字号：</td><td>某府发〔2020〕3号</td></tr></table>{ARTICLE}</div>"
    )
    doc = read_html_page(page(body))
    assert (doc.metadata.index_no, doc.metadata.doc_no) == ("123/2020-1", "某府发〔2020〕3号")
    assert doc.body.startswith("为进一步做好工作")


def test_meeting_time_in_the_first_lines_stays_in_the_body() -> None:
    body = "<div id='zoom'><p>各有关单位：</p><p>时间：2023年5月6日上午9时</p><p>地点：市政府三楼会议室</p></div>"
    doc = read_html_page(page(body, head="<title>关于召开工作会议的通知</title>"))
    assert doc.body.split("\n")[:2] == ["各有关单位：", "时间：2023年5月6日上午9时"]
    assert doc.metadata.publish_date is None


def test_unknown_labels_of_the_header_block_go_to_extra() -> None:
    header = (
        "<table><tr><td>索引号：</td><td>123/2020-1</td><td>备案编号：</td><td>BA-7</td></tr>"
        "<tr><td>发布日期</td><td>2020-01-02</td></tr></table><ul><li>审核人：张三</li><li>来源：某某局</li></ul>"
    )
    doc = read_html_page(page(header + f"<div id='zoom'>{ARTICLE}</div>"))
    assert (doc.metadata.index_no, doc.metadata.publish_date, doc.metadata.publisher) == (
        "123/2020-1",
        "2020-01-02",
        "某某局",
    )
    assert doc.metadata.extra["备案编号"] == "BA-7"
    assert doc.metadata.extra["审核人"] == "张三"


def test_label_cells_without_colons() -> None:
    header = "<table><tr><td>索引号</td><td>123/2020-1</td><td>发布日期</td><td>2020-01-02</td></tr></table>"
    doc = read_html_page(page(header + f"<div id='zoom'>{ARTICLE}</div>"))
    assert (doc.metadata.index_no, doc.metadata.publish_date) == ("123/2020-1", "2020-01-02")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (  # label cells padded with &nbsp;
            "<table><tr><td>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</td><td>xx/2020</td>"
            "<td>发&nbsp;文&nbsp;字&nbsp;号：</td><td>某发〔2020〕1号</td></tr></table>",
            {"index_no": "xx/2020", "doc_no": "某发〔2020〕1号"},
        ),
        (  # one info line: time with seconds, source, a visit counter
            "<p class='info'>发布时间：2020-01-01 09:30:00&nbsp;&nbsp;&nbsp;来源：XX局&nbsp;&nbsp;&nbsp;"
            "浏览次数：<span>12</span></p>",
            {"publish_date": "2020-01-01", "publish_time": "09:30:00", "publisher": "XX局"},
        ),
        (  # label and value spans inside one div
            "<div><div><span>索引号：</span><span>xx/2020</span></div>"
            "<div><span>成文日期：</span><span>2020年1月2日</span></div></div>",
            {"index_no": "xx/2020", "written_date": "2020-01-02"},
        ),
        (  # label and value in sibling divs
            "<div class='row'><div class='label'>发文字号：</div><div class='value'>某发〔2020〕1号</div></div>"
            "<div class='row'><div class='label'>有效性：</div><div class='value'>有效</div></div>",
            {"doc_no": "某发〔2020〕1号", "validity": "有效"},
        ),
    ],
)
def test_header_markup_variants(header: str, expected: dict[str, str]) -> None:
    metadata = read_html_page(page(header + f"<div id='zoom'>{ARTICLE}</div>")).metadata
    assert {key: getattr(metadata, key) for key in expected} == expected


def test_dl_dd_label_pairs_and_lone_label_values() -> None:
    header = (
        "<dl><dt>索引号：</dt><dd>123/2020-1</dd><dt>发布机构：</dt><dd>某某局</dd></dl>"
        "<ul><li><span>文件状态：</span></li></ul><h1>不是文件状态的值</h1>"
    )
    doc = read_html_page(page(header + f"<div id='zoom'>{ARTICLE}</div>"))
    assert (doc.metadata.index_no, doc.metadata.publisher) == ("123/2020-1", "某某局")
    assert doc.metadata.validity is None


def test_bracket_labels_with_values_on_the_next_item() -> None:
    """Chongqing: `• [ 索引号 ]` and `• value` on alternating items; an empty field gives two labels in a row."""
    items = ["[ 索引号 ]", "11500381750069234B/2021-00128", "[ 发文字号 ]", "[ 发布机构 ]", "江津区教委"]
    header = "<ul class='info'>" + "".join(f"<li>• {item}</li>" for item in items) + "</ul>"
    doc = read_html_page(page(header + f"<div id='zoom'>{ARTICLE}</div>"))
    assert doc.metadata.index_no == "11500381750069234B/2021-00128"
    assert doc.metadata.doc_no is None
    assert doc.metadata.publisher == "江津区教委"


def test_dates_of_related_articles_are_not_taken() -> None:
    html = page(
        f"<div id='zoom'>{ARTICLE}</div>"
        "<div class='related'><h3>相关文章</h3><ul><li>发布日期：2015-01-01 其他文章</li></ul></div>",
        head="<meta name='PubDate' content='2020-05-06 08:00'>",
    )
    doc = read_html_page(html)
    assert doc.metadata.publish_date == "2020-05-06"
    assert doc.metadata.publish_time == "08:00"
    assert "其他文章" not in doc.body


def test_meta_tags_any_case_are_the_fallback() -> None:
    head = (
        "<title>德清投资结构趋稳 - 浙江省发展和改革委员会</title>"
        "<meta name='articletitle' content='德清投资结构趋稳'><meta name='contentSource' content='省发改委'>"
        "<meta name='PUBDATE' content='2016-11-22 09:53'>"
    )
    doc = read_html_page(page(f"<div id='zoom'>{ARTICLE}</div>", head=head))
    assert doc.title == "德清投资结构趋稳"
    assert (doc.metadata.publisher, doc.metadata.publish_date, doc.metadata.publish_time) == (
        "省发改委",
        "2016-11-22",
        "09:53",
    )


def test_title_element_without_site_suffix_and_reprint_mark() -> None:
    doc = read_html_page(
        page(f"<div id='zoom'>{ARTICLE}</div>", head="<title>（转载）关于某事的通知_某某市人民政府</title>")
    )
    assert doc.title == "关于某事的通知"


def test_article_heading_over_a_site_title() -> None:
    """No ArticleTitle: the article's h1 wins over the print header and a <title> naming the site section."""
    body = (
        "<h1 class='print-title'>某某区政府信息公开</h1><div class='box'><h1 class='title'>关于做好防汛工作的通知</h1>"
        f"<div class='date-row'>发布日期：2023-11-07</div><div class='article-content'>{ARTICLE}</div></div>"
    )
    doc = read_html_page(page(body, head="<title>某某区政府信息公开</title>"))
    assert doc.title == "关于做好防汛工作的通知"
    assert doc.metadata.publish_date == "2023-11-07"


def test_site_name_alone_is_no_title() -> None:
    head = "<title>国家金融监督管理总局</title><meta name='SiteName' content='国家金融监督管理总局'>"
    body = "<div class='wenzhang-title'>行政处罚信息公开表</div><div id='wenzhang-content'>" + ARTICLE + "</div>"
    assert read_html_page(page(body, head=head)).title == "行政处罚信息公开表"


def test_unrendered_placeholders_leave_header_fields_empty() -> None:
    """NFRA's Vue header: labels whose values are still {{…}} templates."""
    header = (
        "<ul><li>索 引 号：<span>{{data.indexNo}}</span></li><li>办文部门：<span>{{data.docSource}}</span></li>"
        "<li>文 号：<span>{{data.documentNo}}</span></li></ul>"
    )
    doc = read_html_page(page(header + f"<div id='zoom'>{ARTICLE}</div>"))
    assert (doc.metadata.index_no, doc.metadata.publisher, doc.metadata.doc_no) == (None, None, None)


def test_visit_counter_between_labels_does_not_swallow_the_date() -> None:
    """Older Jiangxi county pages: one 来源： 访问量： 发布日期： line above the article."""
    header = "<div class='attr'>来源：万载县统计局 访问量：<span>123</span> 发布日期：2016-03-01</div>"
    doc = read_html_page(page(header + f"<div id='zoom'>{ARTICLE}</div>"))
    assert (doc.metadata.publisher, doc.metadata.publish_date) == ("万载县统计局", "2016-03-01")
    assert "访问量" not in doc.metadata.extra


def test_gfxwj_file_status_from_its_script() -> None:
    header = "<ul><li><span id='file_status'>文件状态：</span></li></ul>"
    script = "<script>var file_status = '失效'; $('#file_status').parent().append(file_status);</script>"
    doc = read_html_page(page(header + script + f"<div id='info_cont'>{ARTICLE}</div>"))
    assert doc.metadata.validity == "失效"


def test_specific_container_wins_over_a_page_wrapper() -> None:
    html = page(
        "<div id='content'><div class='nav'>首页、政务公开、政策文件、政策解读、互动交流、办事服务</div>"
        "<ul class='list'><li>关于开展二〇二〇年度统计执法检查工作的通知，请各单位认真落实。</li>"
        "<li>关于做好二〇二〇年度统计年报和定期报表工作的通知，请各单位按时报送。</li></ul>"
        f"<div class='TRS_Editor'>{ARTICLE}</div></div>"
    )
    assert read_html_page(html).body.startswith("为进一步做好工作")


def test_body_by_text_density_without_a_known_container() -> None:
    html = page(
        "<div class='nav'><a href='#'>首页、政务、服务、互动</a></div>"
        f"<div class='main'><div class='text'>{ARTICLE}"
        "<p>二、工作措施。要加强领导，压实责任，抓好落实。</p></div></div>"
        "<div class='foot'>主办单位：某某市人民政府</div>"
    )
    doc = read_html_page(html)
    assert doc.body.startswith("为进一步做好工作") and doc.body.endswith("抓好落实。")
    assert any("text density" in w for w in doc.warnings)


def test_data_table_rows_stay_one_line() -> None:
    table = "<table><tr><td><p>指标</p></td><td>数值</td></tr><tr><td>粮食产量</td><td><p>650</p></td></tr></table>"
    lines = read_html_page(page(f"<div id='zoom'>{ARTICLE}{table}</div>")).body.split("\n")
    assert lines[-2:] == ["指标 数值", "粮食产量 650"]


@pytest.mark.parametrize("opening", ["<div>", "<div><span>"])
def test_text_below_the_parser_depth_limit_is_kept(opening: str) -> None:
    """libxml2 drops everything under 256 levels of tags; the text is then read between the tags."""
    text = "<html><body>" + opening * 5000 + "<p>深层嵌套的正文。</p><p>第二段文字在这里。</p></body></html>"
    parts = read_html_page(text)
    assert parts.body.split("\n")[-2:] == ["深层嵌套的正文。", "第二段文字在这里。"]
    assert any("256" in warning for warning in parts.warnings)


@pytest.mark.parametrize("text", ["<html></html>", "<p>", "<div>\x00</div>", "<<<>>>", "<!-- 只有注释 -->"])
def test_degenerate_markup_does_not_crash(text: str) -> None:
    parts = read_html_page(text)
    assert isinstance(parts.body, str)


PIECES = st.sampled_from(
    [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<td>",
        "<tr>",
        "<table>",
        "</table>",
        "<span>",
        "</span>",
        "<br>",
        "<li>",
        "<script>x=1</script>",
        "<!--注释-->",
        "索引号：",
        "发布日期：",
        "2020-01-02",
        "\n",
        " ",
        "\u3000",
        "&nbsp;",
        "一、",
        "综合",
        "。",
        "{{data.x}}",
        "<div style='display:none'>",
        "<h1>",
        "</h1>",
        "<title>",
        "</title>",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=60))
def test_any_markup_gives_clean_parts(pieces: list[str]) -> None:
    parts = read_html_page("<html><body>" + "".join(pieces) + "</body></html>")
    text = parts.body + (parts.title or "")
    assert "\x01" not in text and "\x02" not in text and "x=1" not in text and "注释" not in text
    assert "{{" not in parts.body
