"""Words the quantity extractor reads around a number: qualifiers, fillers, change words, categories.

Data, not code: each tuple is tried longest first by the extractor. The words come from the
seed page, the corpus pages (statistical communiqués, budget reports, government work reports,
policy notices) and FORMAT.md's conventions for indicators.
"""

from __future__ import annotations

from typing import Final

# Qualifiers written just before a number (近100人次, 约440万元) and whether they make it approximate.
PRE_QUALIFIERS: Final[tuple[str, ...]] = (
    "将近", "接近", "超过", "突破", "不到", "不足", "不少于", "不低于", "不超过", "不高于", "至少", "最多", "大约",
    "约", "近", "逾", "超",
)  # fmt: skip
# Modal words of rules: the subject before them is not what a time limit or a threshold measures
# (申请主体应当在合同期满后30日内 → 合同期满后; 年薪应当在30万元以上 → 年薪).
MODAL_WORDS: Final[tuple[str, ...]] = ("应当在", "应当于", "应在", "应于", "须在", "需在", "必须在", "应当自", "应自")
# Characters that make a word with 过 (通过, 经过, 度过 …): there 过 before a number is no qualifier.
PASS_VERBS_BEFORE_GUO: Final[str] = "通经超越度不跨错略透路闯难"
# Qualifiers written just after a number or its unit (5759余万元, 4100多人, 6600万人以上, 15%左右).
POST_QUALIFIERS: Final[tuple[str, ...]] = ("以上", "以下", "左右", "上下", "以内", "之多", "多", "余", "几")
# Qualifiers that make a figure approximate (FORMAT.md: 近/约/余/多/超过/左右/以上 …); the others
# (不少于, 不超过, 以下 …) state a bound exactly and are kept in `qualifier` only.
APPROX_QUALIFIERS: Final[frozenset[str]] = frozenset(
    {"将近", "接近", "超过", "突破", "不到", "不足", "大约", "约", "近", "逾", "超", "过", "破", "上", "多", "余", "几",
     "以上", "左右", "上下", "之多"}
)  # fmt: skip

# Words stripped from the front of an indicator: scope, enumeration and linking words.
LEADING_FILLERS: Final[tuple[str, ...]] = (
    "其中", "另外", "此外", "同时", "全区", "全市", "全县", "全省", "全国", "全镇", "全乡", "全州", "全年",
    "我区", "我市", "我县", "我省", "我国", "本区", "本市", "本县", "本次", "本年", "当年", "共有", "共计",
    "合计", "总计", "累计", "先后", "已经", "已", "共", "含", "包括", "并", "且", "和", "及", "以及", "还",
    "每年", "每月", "年均", "均", "就", "再", "又", "还有", "主要", "初步测算", "初步核算", "经初步核算",
    "原则上", "按照", "将", "力争", "其中：", "到", "以上", "以下", "左右", "以内", "上下", "的", "平均每年",
    "预计全年", "预计", "全年实现", "全年完成", "实现", "特别是", "尤其是", "主要原因是", "即",
    "平均", "按可比价格计算", "年末", "年底", "年初", "期末", "至", "至少", "不少于", "不低于", "不超过", "最多",
    "给予", "按常住人口计算", "最终计算", "具体包括", "主要包括", "通过",
)  # fmt: skip
# Words that open with a leading filler's character but are not that filler (均衡性转移支付, 就业补助资金).
FILLER_WORD_STARTS: Final[frozenset[str]] = frozenset(
    {"均衡", "共同", "共享", "共建", "共治", "就业", "并网", "并购", "及时", "和谐", "再生", "再就业", "含量", "将来",
     "已婚", "还款", "还贷", "且末", "到期", "到位", "至今", "累计数", "实现值", "通过率"}
)  # fmt: skip
# Heads of a sum given to someone, named after the figure (给予5万元奖励, 30%的租金补助).
AWARD_HEADS: Final[tuple[str, ...]] = (
    "补助", "奖励", "补贴", "奖金", "资助", "津贴", "慰问金", "救助金", "抚恤金", "扶持资金", "奖补资金",
)  # fmt: skip
# Words stripped from the end of an indicator: copulas and linking verbs before the number.
TRAILING_FILLERS: Final[tuple[str, ...]] = (
    "均达到", "分别达到", "分别为", "分别是", "分别达", "已达到", "达到了", "达到", "達到", "就达", "已达", "均为",
    "均是", "均达", "约为", "共有", "实有", "共计", "合计", "总计", "累计", "完成了", "完成", "实现了", "实现",
    "为", "达", "達", "是", "有", "共", "约", "近", "的", "计", "了", "已", "将", "共达", "高达", "多达",
    "总量", "分别", "到", "至", "不能超过", "不得超过", "不应超过", "不超过", "不低于", "不少于", "不大于", "不小于",
    "不高于", "低于", "大于", "小于", "原则上", "不得", "不能", "最高", "最低", "最多", "至少", "应按", "按照", "按",
    "本市", "本省", "本县", "本区", "当地", "每人每月", "每人每年", "每月", "每年", "每人", "每户", "每次", "每天",
    "每日", "力争", "拟按", "预计", "计划", "应当在", "应当于", "应在", "应于", "应当", "约占", "占比", "占",
    "从", "由", "稳定在", "保持在", "由上年同期", "由去年同期", "从上年同期", "人民币", "折合人民币",
    "控制在", "提高到", "提高至", "提升到", "提升至", "降低到", "降低至", "下降到", "下降至", "增加到", "增加至",
    "降至", "增至", "升至", "突破", "超过", "和", "与", "及", "以及",
)  # fmt: skip
# Verbs after which the counted thing follows the number (购买电脑9000台 vs 开通324部亲情电话).
VERBS_BEFORE_OBJECT: Final[tuple[str, ...]] = (
    "有", "共有", "拥有", "购买", "购置", "开通", "组建", "建设", "建成", "新建", "改建", "扩建", "建",
    "容纳", "安排", "完成", "培养", "培训", "引进", "吸引", "设立", "成立", "新增", "新开工", "开工",
    "实施", "打造", "创建", "举办", "开展", "招聘", "录用", "资助", "救助", "帮助", "带动", "惠及",
    "覆盖", "认定", "评选", "评定", "表彰", "获得", "涉及", "等", "了", "达", "共", "累计", "分流",
    "安置", "改造", "提供", "发放", "落实", "投放", "配备", "更新", "新开", "开设", "取消", "下放",
    "加强", "探索在", "探索", "推动", "确保", "培育", "扶持", "支持", "对", "向", "为", "给", "在",
    "扩展至", "扩大至", "扩大到", "拓展至", "拓展到", "延伸至", "延伸到", "给予", "享受", "进驻", "承接",
    "部署", "受理", "办理", "办结", "收到", "接到", "接收", "支援", "援建", "帮扶", "结对",
)  # fmt: skip
# Last characters of a verb phrase (加快推进, 打造, 启动建设 …): the counted thing follows the number.
VERB_FINAL_CHARS: Final[frozenset[str]] = frozenset("进造设动成育施增办立升展建启引培创扶帮组推开完实提新改购好理")

# Words before 一年 that name a year rather than state a duration (…政治担当的重要一年。).
YEAR_EPITHETS: Final[tuple[str, ...]] = (
    "重要", "关键", "特殊", "不平凡", "极不平凡", "难忘", "攻坚", "开局", "收官", "决胜", "丰收", "奋进", "转折",
)  # fmt: skip
# What a run of years (连续10年) is a run of when it is a rank or an honour, not a duration stated.
RANK_AFTER_RUN: Final[tuple[str, ...]] = (
    "居", "位居", "稳居", "位列", "排名", "排在", "保持", "蝉联", "荣获", "获", "被评", "被授予", "入选", "名列",
)  # fmt: skip

# Words that end a clause of their own (价格与去年持平、居住价格上涨0.5%): what follows a 、 after them is a new name.
CLAUSE_FINAL_WORDS: Final[tuple[str, ...]] = ("持平", "翻番", "破亿", "落地", "完工", "竣工", "投产", "实施")

# Stages of a project (老旧小区改造开工742个、完工548个): a list going on with another stage names the same thing.
STAGE_WORDS: Final[tuple[str, ...]] = (
    "新开工", "开工", "完工", "竣工", "建成", "投用", "投产", "签约", "开业", "交付", "启动", "在建",
)  # fmt: skip

# Where the noun phrase after a number ends (有11个教学点于2016年春季停办).
AFTER_STOPS: Final[tuple[str, ...]] = (
    "于", "在", "的", "到", "前来", "进行", "入学", "实施", "获得", "参加", "成为", "开展", "建设",
    "正式", "被", "从", "向", "并", "等", "完成", "用于", "达到", "共同", "将", "内", "据实", "排名", "位居",
)  # fmt: skip
# Verbs after which a long indicator is cut (…共计完成建筑面积 → 建筑面积).
CUT_AFTER: Final[tuple[str, ...]] = (
    "完成", "实现", "解决", "安排", "选派", "实施", "开展", "用于", "帮助", "支持", "推动", "投入", "通过",
    "对照", "按照", "到", "在", "对", "向", "给", "从", "把", "获得", "获", "批准", "部署", "受理",
)  # fmt: skip
# Change words: a figure after them is a change of the thing named before (增长29.29%).
CHANGE_WORDS: Final[tuple[str, ...]] = (
    "增长", "下降", "增加", "减少", "提高", "降低", "上升", "回落", "上涨", "下跌", "回升", "扩大", "缩小",
    "增收", "减收", "增支", "减支", "提升", "下滑", "增速", "增幅", "降幅", "增产", "减产", "偏高", "偏低",
    "偏多", "偏少", "变好", "变差", "改善", "上调", "下调", "放缓", "加快", "实际增长", "名义增长", "年均增长",
    "平均增长", "负增长", "减", "增", "降", "涨", "跌", "增長", "減少", "減收", "減支", "實際增長",
)  # fmt: skip
# Comparison words: 低于/高于 keep the direction of a difference in percentage points.
DIRECTION_WORDS: Final[tuple[str, ...]] = ("低于", "高于", "快于", "慢于", "多于", "少于")
# Comparison bases written before a change (比上年, 较上年同期, 同比, 与上年相比).
COMPARISON_BASES: Final[tuple[str, ...]] = (
    "与上年同期相比", "与上年相比", "比上年同期", "较上年同期", "比上年度", "较上年度", "比上年末", "较上年末",
    "比去年同期", "较去年同期", "比上年", "较上年", "比去年", "较去年", "比上月", "较上月", "比年初", "较年初",
    "比同期", "较同期", "同比", "环比", "比上一年", "较上一年", "与上年", "与去年",
    "比全省", "较全省", "比全国", "较全国", "比全市", "较全市", "比全县", "较全县", "比全区", "较全区",
)  # fmt: skip
# Comparison bases that point at the previous year (比上年122711万元 is the 2012 figure).
PREVIOUS_YEAR_BASES: Final[frozenset[str]] = frozenset(
    {"比上年", "较上年", "比去年", "较去年", "比上一年", "较上一年", "与上年相比", "比上年末", "较上年末", "与上年",
     "比上年度", "较上年度",
     "比上年同期", "较上年同期", "比去年同期", "较去年同期"}
)

# What stands before the second ratio of 由…调整为… (the same ratio at a later time).
RATIO_CHANGE_WORDS: Final[tuple[str, ...]] = (
    "调整", "调整为", "变为", "变化为", "转变为", "优化为", "提高到", "变成", "演变", "演变为",
)  # fmt: skip

# Heads of indicators whose figures have no unit (水质综合指数3.4830, 收入比值为2.19, 结构比为7.6:44.8:47.6).
UNITLESS_HEADS: Final[tuple[str, ...]] = (
    "指数", "比值", "系数", "比为", "比例为", "结构比", "结构为", "之比", "倍数", "比率", "PMI", "CPI", "PPI",
)  # fmt: skip
# Parts of a ratio of the three sectors (三次产业结构比为25.72:26.84:47.44).
SECTOR_PARTS: Final[tuple[str, ...]] = ("第一产业", "第二产业", "第三产业")
# Nouns that name a group of people or bodies: a run-in heading ending in one ((一)在校学生：…) is the
# category of the figures that follow it.
GROUP_NOUNS: Final[tuple[str, ...]] = (
    "学生", "人员", "对象", "儿童", "老人", "老年人", "家庭", "企业", "单位", "职工", "居民", "农户", "人群",
    "残疾人", "群体", "户", "人才", "幼儿", "新生儿",
)  # fmt: skip
# Nouns that name a measure: a group ending in one (第三产业投资完成…) is the indicator, not a part.
MEASURE_NOUNS: Final[tuple[str, ...]] = (
    "投资", "收入", "支出", "增加值", "产值", "总值", "总额", "产量", "销售额", "营业额", "利润", "税收",
    "贷款", "存款", "出口", "进口", "零售额", "成交额", "营收", "规模",
)  # fmt: skip

# Sub-groups a sentence splits a figure into (小学/初中): they become `category`.
CATEGORY_WORDS: Final[tuple[str, ...]] = (
    "普通高中", "职业高中", "普通小学", "特殊教育", "幼儿园", "小学", "初中", "高中", "中学", "中职",
    "男性", "女性", "男生", "女生",
)  # fmt: skip
# Parts named alone before a figure (其中本科5422人,专科23107人), but not a category inside a name (本科高校).
PART_WORDS: Final[tuple[str, ...]] = ("本科", "专科", "研究生")
# Heads that make a category word itself the counted thing (学校共133所,其中小学94所).
SCHOOL_HEADS: Final[tuple[str, ...]] = ("学校", "校", "园")

# Words that make a bare 万/亿 money, people, households … (筹资3000万 → 万元, 总人口150万 → 万人).
IMPLIED_UNIT_WORDS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("人次", ("人次", "旅客")),
    ("人", ("人口", "人员", "游客", "学生", "居民", "就业", "劳动力", "职工", "群众", "儿童", "老人", "患者",
           "常住", "户籍", "农民", "贫困", "参保", "老年人", "劳动者", "人才", "人才资源", "员额")),
    ("元", ("资金", "投入", "投资", "收入", "支出", "经费", "筹资", "筹措", "资", "款", "费", "预算", "税",
           "金", "额", "产值", "总值", "增加值", "消费", "贷款", "存款", "补助", "补贴", "奖励", "成本", "营业",
           "利润", "收益", "债", "价", "拨付", "融资", "销售")),
    ("户", ("户", "家庭")),
    ("亩", ("耕地", "播种面积", "种植面积", "亩")),
    ("吨", ("产量", "粮食", "吨")),
    ("头", ("存栏", "出栏", "牲畜", "生猪", "牛", "羊")),
    ("羽", ("家禽", "存笼", "出笼")),
)  # fmt: skip

# Words a single-character measure word starts (3113项目, 2条件): after a number they are not its unit.
UNIT_WORD_CLASHES: Final[tuple[str, ...]] = (
    "项目", "条件", "条例", "条款", "部分", "名单", "名称", "名义", "台账", "家庭", "家长", "次数", "种类",
    "门槛", "处理", "处置", "场所", "所有", "所得", "起来", "间隔", "届时", "片区", "套餐", "支持", "支付",
    "支出", "本级", "本身", "件数", "批次", "批准", "座谈", "位置", "位于", "例如", "头部", "只有", "只要",
    "张贴", "户籍", "户口", "次要", "场景", "种植", "种养", "门户", "门诊", "份额", "本地", "本土", "名誉",
    "组织", "组建", "节约", "节能", "把握", "轮换", "双方", "双向", "副本", "扇区", "节点", "堂堂",
    "块状", "轮流", "成为", "成立", "成果", "成效", "成本", "成员", "成绩", "成功", "成熟", "成交", "成品", "周期",
    "周边", "周年", "对口", "对接", "对象", "对标", "对外", "对比", "对照", "对应", "对于", "对策", "对待",
    "单位", "单独", "单一", "单元", "单项", "单价", "单体", "单列", "单向", "单个", "单身", "单次",
)  # fmt: skip
