"""Data: header-label spellings seen on real portals, and the page furniture that is not body text.

Label spellings come from the pages in shared/corpus and the templates described in its NOTES.md
(gov.cn 政策 pages, Guangdong gkmlpt and gfxwj, Jiangxi Ucap, Handan, Chongqing, Shaanxi, NFRA).
Keys are labels after normalisation: no spaces, no brackets, no colon.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    # index number
    "索引号": "index_no",
    "信息索引号": "index_no",
    "信息索取号": "index_no",
    "索取号": "index_no",
    # document number
    "发文字号": "doc_no",
    "文号": "doc_no",
    "发文编号": "doc_no",
    "文件编号": "doc_no",
    "发布文号": "doc_no",  # ningguo OpennessContent
    # subject classification
    "主题分类": "subject",
    "分类": "subject",
    "信息分类名称": "subject",
    "信息分类": "subject",
    "所属主题": "subject",
    "主题类别": "subject",
    "主题导航": "subject",  # ningguo: topic navigation, the 主题分类
    # genre
    "体裁分类": "genre",
    "体裁": "genre",
    "公文种类": "genre",
    "文种": "genre",
    "文种分类": "genre",
    # publisher
    "发布机构": "publisher",
    "发文机关": "publisher",
    "发布机关": "publisher",
    "发文机构": "publisher",
    "办文部门": "publisher",
    "发文单位": "publisher",
    "发布单位": "publisher",
    "责任部门": "publisher",
    "来源": "publisher",
    "信息来源": "publisher",
    "文章来源": "publisher",
    "制发机关": "publisher",
    "公开责任部门": "publisher",
    # validity
    "有效性": "validity",
    "文件状态": "validity",
    "效力状态": "validity",
    "时效性": "validity",
    "有效状态": "validity",
    # dates
    "成文日期": "written_date",
    "生成日期": "written_date",
    "发文日期": "written_date",
    "发文时间": "written_date",  # shangdangqu: 发文字号: | 发文时间:2020-12-31 |
    "成文时间": "written_date",
    "印发日期": "written_date",
    "发布日期": "publish_date",
    "公开日期": "publish_date",
    "发布时间": "publish_date",
    "公开时间": "publish_date",
    "发表日期": "publish_date",
    "日期": "publish_date",
    "时间": "publish_date",  # news templates: 时间：2019-09-18 06:23 来源：山西日报
    # title (used for the title, not kept in metadata)
    "名称": "title",
    "标题": "title",
    "公文名称": "title",
    "文件名称": "title",
    "信息名称": "title",
}

# When two labels of one page map to the same key, the earlier-listed label wins.
# 责任部门 and 来源 are weaker than a real 发布机构; 发文日期 weaker than 成文日期.
WEAK_LABELS: frozenset[str] = frozenset(
    {"责任部门", "来源", "信息来源", "文章来源", "公开责任部门", "分类", "日期", "时间"}
)

# Labels read only with a colon or brackets: words that open a body line or name a table column
# (来源 新华社, 名称 数量 单位). The others are read also without one at the line start (`索引号 1134…/…`).
COLON_ONLY_LABELS: frozenset[str] = frozenset(
    {"名称", "标题", "分类", "日期", "时间", "来源", "体裁", "文种", "作者", "摘要", "发布者"}
)

# Labels that are recognised as header labels but kept under `extra` (not one of the main keys).
EXTRA_LABELS: tuple[str, ...] = (
    "统一编号",  # gfxwj's regulation register number: not a 索引号
    "主题词",
    "关键词",
    "公开方式",
    "公开时限",
    "公开范围",
    "公开形式",
    "实施日期",
    "失效日期",
    "废止日期",
    "内容概述",
    "摘要",
    "归档时间",
    "访问量",
    "浏览次数",
    "作者",
    "组配分类",
    "服务对象",
    "有效期",
    "信息类别",
    "发布者",
    "文章类型",
    "阅读次数",
    "点击数",
    "点击量",
    "阅读量",
    "浏览数",  # mdx: 信息来源: 县统计局     浏览数:
    "公文目录",  # mdx: 索引号:…/2022-1028001 公文目录:统计数据
    "公开目录",
)

# Words a document title ends with (its genre): a line ending in one completes a title broken over two
# lines (杨凌示范区进一步激发消费活力 / 促进一季度消费增长若干措施).
TITLE_ENDINGS: tuple[str, ...] = (
    "措施",
    "办法",
    "通知",
    "方案",
    "意见",
    "规定",
    "细则",
    "决定",
    "公告",
    "通告",
    "通报",
    "报告",
    "总结",
    "计划",
    "规划",
    "公报",
    "批复",
    "纲要",
    "条例",
    "要点",
    "决议",
    "规则",
    "指南",
    "清单",
)

# Values that mean "none" in a header field.
NULL_VALUES: frozenset[str] = frozenset(
    {"", "无", "暂无", "-", "--", "—", "/", "空", "null", "none", "None", "本网", "本站", "无文号", "无编号"}
)

# Meta tags of the national 政府网站 规范 (lower-cased name → metadata key or "title").
META_TAGS: dict[str, str] = {
    "articletitle": "title",
    "pubdate": "publish_date",
    "contentsource": "publisher",
    "firstpubdate": "publish_date",
}

# Lines that are portal furniture wherever they appear (matched after removing spaces).
BOILERPLATE_LINE_PATTERNS: tuple[str, ...] = (
    r"^当前位置",
    r"^您现在的位置",
    r"^您的位置",
    r"^首页[>＞»/]",
    r"^【?字号?[:：]?\s?[【\[]?大中小",
    r"^字号[:：]?$",
    r"^【?字体[:：]",
    r"^【?(?:打印|打印本页|关闭|关闭窗口|收藏|返回顶部|返回|分享到?)】?$",
    r"^(?:【?打印本?页?】?|【?关闭窗口】?|【?保存】?|【?收藏】?){2,}",
    r"^扫一扫在手机(?:上)?打开当前页",
    r"^分享到[:：]?",
    r"^语音播报",
    r"^(?:微信|微博|QQ空间)(?:扫一扫)?$",
    r"^浏览次数",
    r"^访问量[:：]",
    r"^\[?(?:我要纠错|我要打印|关闭本页)\]?$",
    r"^上一篇[:：]",
    r"^下一篇[:：]",
    r"^相关附件[:：]?$",
    r"^视力保护色[:：]?",
    r"^浏览量[:：]?",
    r"^(?:详细信息|公开具体内容|导航|信息来源[:：]?|正文)$",
    r"^[（(【]?责任编辑[:：]",
    r"^【?E-?mail推荐",
    r"^[）)】]$",
    r"^.{0,40}(?:19|20)\d{2}年\d{1,2}月\d{1,2}日.{0,20}来源[:：].{0,20}$",
)

# Lines at which the body ends: everything after them is the portal footer.
FOOTER_START_PATTERNS: tuple[str, ...] = (
    r"^扫一扫在手机(?:上)?打开当前页",
    r"^主办(?:单位)?[:：]",
    r"^承办(?:单位)?[:：]",
    r"^版权所有",
    r"^网站标识码",
    r"^网站地图$",
    r"^关注公众号",
    r"^相关(?:链接|文章|阅读|新闻|稿件|信息|文件)[:：]?$",
    r"^(?:国务院部门网站|地方政府网站|市政府部门网站|区县政府网站|其他网站|部门网站|友情链接)$",
    r"^【?(?:打印本页|关闭窗口)】?",
    r"^相关解读",
)

# Lines that are copyright/registration notices wherever they stand.
FOOTER_LINE_PATTERNS: tuple[str, ...] = (
    r"ICP备",
    r"公网安备",
    r"^Copyright",
    r"^技术支持[:：]",
    r"^联系电话[:：].{0,30}$",
)
