"""Section markers as data: numeral tables, the line-start marker pattern, style ranks, enumerations.

The marker forms follow GB/T 9704-2012 (党政机关公文格式: 一、 > （一） > 1. > （1）) and the
regulation forms 第X编/部分/章/节/条, plus what real portal pages write instead: half-width
brackets, 1．/1、, ①, decimal outlines (1.2.1, or 1 . 2 . 2 from split spans), bare 1　总则 and 01综合.
"""

from __future__ import annotations

import re

# Full-width digits written by Word and GBK pages; translated explicitly (NFKC would also turn ① into 1).
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# Single code points that are a whole marker, with the number they stand for.
CIRCLED: dict[str, int] = {chr(0x2460 + i): i + 1 for i in range(20)}  # ①..⑳
PAREN_DIGITS: dict[str, int] = {chr(0x2474 + i): i + 1 for i in range(20)}  # ⑴..⒇ = （1）
DOTTED_DIGITS: dict[str, int] = {chr(0x2488 + i): i + 1 for i in range(20)}  # ⒈..⒛ = 1.
PAREN_IDEOGRAPHS: dict[str, int] = {chr(0x3220 + i): i + 1 for i in range(10)}  # ㈠..㈩ = （一）

_CN = "一二三四五六七八九十"
_CN_BIG = "一二三四五六七八九十百千零〇两"
_DIG = "0-9０-９"
_SP = "[ \\t\\u3000\\u00a0]"  # spaces that split a marker: ASCII, ideographic, no-break
_CJK = "\\u4e00-\\u9fff"
# Characters that after a number mean an amount or a date, not a heading: 1.5亿元, 3 月.
UNIT_CHARS = "万亿千百元角个倍年月日天时小分秒周岁世届级余多米吨台人次户家所项件名辆张套座条%％‰"

# One pattern tried at the start of each line. Exactly one of the named alternatives matches;
# the group name is the marker's style (see RANKS). Repeats are bounded: no backtracking blow-up.
MARKER = re.compile(
    rf"""
    (?P<lead>{_SP}{{0,8}}(?:\#{{1,6}}{_SP}{{0,4}})?)          # indentation, markdown '## '
    (?:
      (?P<ordinal>第{_SP}{{0,2}}(?P<ordinal_num>[{_CN_BIG}]{{1,8}}|[{_DIG}]{{1,4}}){_SP}{{0,2}}
                  (?P<ordinal_kind>编|部分|章|节|条))          # 第一章, 第 八十六 条, 第二部分
    | (?P<cn>(?P<cn_num>[{_CN}]{{1,3}}){_SP}{{0,2}}[、.．]
             (?![{_CN}]{{1,3}}[、级类等档产]))                   # 一、 一． (not 一、二级)
    | (?P<cnp>[(（]{_SP}?(?P<cnp_num>[{_CN}]{{1,3}}){_SP}?[)）]
              |[\u3220-\u3229])                                 # （一） (一) ㈠
    | (?P<dec>[{_DIG}]{{1,2}}(?:{_SP}{{0,2}}[.．]{_SP}{{0,2}}[{_DIG}]{{1,2}}){{1,4}})
              (?![{_DIG}.．{UNIT_CHARS}])                        # 1.2  1.2.1  1 . 2 . 2
    | (?P<ar>[{_DIG}]{{1,3}}{_SP}{{0,2}}[.．、](?!(?!(?:19|20)[0-9]{{2}}年)[{_DIG}])
             |[\u2488-\u249b])                                  # 1. 1． 1、 ⒈ (1.2023年工作 too, not 1.5)
    | (?P<arp>[(（]{_SP}?[{_DIG}]{{1,3}}{_SP}?[)）]|[\u2474-\u2487])  # （1） (1) ⑴
    | (?P<arh>[{_DIG}]{{1,3}}[)）])                             # 1)
    | (?P<circ>[\u2460-\u2473])                                 # ①
    | (?P<bare>(?:0[1-9]|[1-9][0-9]?)                         # 1　总则, 01综合, 10科学技术
               (?={_SP}{{1,4}}(?![{UNIT_CHARS}])[{_CJK}]
                 |(?<=[0-9]{{2}})(?![{UNIT_CHARS}])[{_CJK}]))
    )
    """,
    re.VERBOSE,
)

STYLES = ("ordinal", "cn", "cnp", "dec", "ar", "arp", "arh", "circ", "bare")

# Place in the GB/T 9704 and regulation hierarchy, used only when a style first appears: a new
# style closes the open styles ranked below it. Decimal outlines (None) nest by their own digits.
RANKS: dict[str, float | None] = {
    "编": 0,
    "部分": 0,
    "章": 1,
    "节": 2,
    "条": 3,
    "cn": 4,
    "cnp": 5,
    "ar": 6,
    "arp": 7,
    "arh": 7.5,
    "circ": 8,
    "dec": None,  # also bare 1　总则, which heads a decimal outline
}

# Styles whose numbering is loose in real pages (chapter-wide article runs, typos): a skip is
# taken with a warning. The arabic styles must run in sequence, as lists in sentences use them too.
# 第X条 at the start of a line is a heading even when an excerpt starts at 第十三条 (with a warning).
ORDINAL_STYLES = frozenset({"编", "部分", "章", "节", "条"})
LENIENT_STYLES = ORDINAL_STYLES | {"cn", "cnp"}
MAX_SKIP = 3  # 一、 then 四、 is taken (with a warning); a longer jump is not a heading
MAX_WARNINGS = 20  # numbering warnings listed per document; the rest are counted

# A heading on its own line is short and has no sentence inside it.
HEADING_LINE_MAX = 40
HEADING_MAX = 100  # a run-in heading with no sentence end is cut here
HEADING_ENDERS = frozenset("。：:；;？！?!")
CLAUSE_COMMAS = frozenset("，,")  # where an overlong run-in heading is cut
# A marker line that is one clause with a comma in it, ending in a semicolon (（一）凡符合…申报,并填写申请表;),
# is a clause of an enumerated sentence, not a heading, in a document where its marker style has numbered
# sentences of amounts (FIGURES_IN_ITEM); elsewhere such clauses are listed as sections.
LIST_CLAUSE_ENDS = frozenset("；;")
# A marker sentence longer than HEADING_LINE_MAX that states this many amounts is an item of data,
# not a heading: 1)税收收入112446万元,完成年初预算207380万元的54.22%,…,下降15.58%,主要是…减收.
# An amount is a number before a unit, also with a space between them (2132.7 万元).
FIGURE = re.compile(rf"[{_DIG}](?:[.．]?[{_DIG}]){{0,12}}(?={_SP}?[万亿千元个%％‰倍吨人户家所项件名辆套座])")
FIGURES_IN_ITEM = 3
# Where a marker line's first clause ends: (一)收入预算,2018年年初预算数2132.7万元,… / 1.财政拨款收入364.6552万元,为….
CLAUSE_END = frozenset("，,。：:；;？！?!")
# A first clause that is an item and its amount, and nothing more: 财政拨款收入364.6552万元, 上年结转和结余5.9219万元.
# A long marker line opening with one is a numbered paragraph of a financial account, not a heading.
ITEM_AMOUNT = re.compile(rf"[^{_DIG}]{{2,30}}[{_DIG}](?:[.．]?[{_DIG}]){{0,12}}{_SP}?(?:[万亿千百]?元|[%％‰])")
# After a comma, a number opens the sentence of amounts that a run-in heading was run into:
# (一)收入预算,2018年年初预算数2132.7万元,… (the heading ends at the comma).
AMOUNTS_AFTER = re.compile(rf"[，,]{_SP}{{0,2}}[{_DIG}]")
# A bracketed aside in a heading (零售企业(不含电商企业)新增量…): not counted in its length.
ASIDE = re.compile(r"[（(][^（()）]{0,40}[)）]")
OPENERS = "《“‘「『（(【[〔"
CLOSERS = "》”’」』）)】]〕"
SENTENCE_PUNCT = re.compile("[。；;！？!?]")
CELL_GAP = re.compile(f"{_SP}{{1,8}}")  # between the cells of a table row flattened to one line
# Paragraphs a scrape joined into one line with spaces (… 重点报告以下情况: 一、2021年财政决算主要情况 (一)…):
# in a line this long, a marker after a sentence end and a space starts a heading when its first cell, up
# to the next space, is a short heading without punctuation.
JOINED_LINE_MIN = 200
JOIN_ENDS = frozenset("。：:；;！？!?")  # a sentence end before the joining space
JOIN_SPACES = (" ", "\u3000")  # spaces a scrape joins with (tabs and runs are folded by the page stage)
CELL_PUNCT = re.compile("[。：:；;！？!?，,、]")
ROW_HEAD_PUNCT = re.compile("[。；;！？!?，,]")  # a table row's heading cell is a label: no clause in it
# A heading spaced out character by character (农 业, 综 合) before a space and its paragraph.
SPACED_HEADING = re.compile(f"[{_CJK}](?:{_SP}[{_CJK}]){{1,4}}(?={_SP}|$)")
# A piped table (`指 标 | 单 位 | 数 量 |`) writes its group rows with one closing bar (`二、行政区划 |`):
# a marker line ending in a bar, with a row of two or more cells at most this many lines away (through
# lines that also end in a bar), is a table row, not a heading.
BARS = "|｜"
PIPE_ROW_GAP = 8
MIN_ROW_HEADING = 4  # a table row's heading cell is at least this long (a spaced title 农 业 is not a row)
ROW_NUMBER = re.compile(f"{_SP}[{_DIG}]")  # a figure in a later cell: a numbered table row, not a heading
CJK_SPACE = re.compile(rf"(?<=[{_CJK}]){_SP}{{1,8}}(?=[{_CJK}])")  # 总  则 → 总则

# An article's own short heading on its line after a space (第二条   奖励对象): kept when no longer than
# this and without punctuation; an article that runs on into its text has no heading.
ARTICLE_HEADING_MAX = 10
ARTICLE_HEADING_PUNCT = re.compile("[。：:；;！？!?，,（）()《》“”]")

# 目录 line that opens a table of contents repeating the headings before the body.
TOC_LINE = re.compile(rf"{_SP}{{0,8}}(?:\#{{1,6}}{_SP}{{0,4}})?目{_SP}{{0,6}}录{_SP}{{0,4}}")
TOC_MAX_LINES = 300
TOC_ENTRY_MAX = 80  # a longer line is a paragraph: what follows 目录 is no table of contents
LABEL_LINE_MAX = 24  # a 目录 or 注： label line is no longer than this
TOC_MIN_ENTRIES = 3  # headings on consecutive lines, then the first again: a 目录 without its label
TOC_TAIL = " \t\u3000\u00a0\r.·…—-_0123456789０１２３４５６７８９"  # dot leaders, page numbers: 总则……1

# A line that introduces notes (注：1.本公报中数据均为初步统计数 …): numbered notes are not headings.
NOTES_LINE = re.compile(
    rf"{_SP}{{0,8}}(?:(?:注|附注|备注|注释)(?:{_SP}{{0,4}}[:：])?|说明{_SP}{{0,4}}[:：]){_SP}{{0,8}}"
)

# 一是/二是 and 一抓/二抓 enumerations: items of their paragraph, never sections.
ITEM_VERBS = "是抓"
# A numeral after these is part of a word (统一是, 唯一是, 第一是), not an enumeration.
ITEM_BLOCKERS = "统唯同万单第专划逐均归合不如之其每任进既"
# The lookbehind sits after the first numeral (it looks at the character before it): a pattern that
# opens with a character class lets the regex engine skip ahead fast; one that opens with a lookbehind does not.
ITEM_NUMERALS = _CN
ITEM = re.compile(rf"(?P<num>[{_CN}](?<![{ITEM_BLOCKERS}{_CN}].)[{_CN}]{{0,2}})(?P<verb>[{ITEM_VERBS}])")
