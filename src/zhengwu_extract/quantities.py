"""Quantities: every stated amount of a text as a typed record — indicator, value, unit, kind, year.

How a paragraph is read:
1. numbers with their units are found by one precompiled pattern (`_AMOUNT`) on a copy of the
   text whose full-width digits are folded to ASCII (same length, so offsets hold); names,
   ordinals, dates and codes are turned away by rules, not by lists of names;
2. time expressions (2015年, 20152016学年度, 去年, 目前, 2014年以来 …) give each figure its year,
   carried through the sentence, the paragraph and the section;
3. the indicator is the phrase before the number in its clause, cleaned of scope and linking
   words, or the noun after a measure word (206所普通中小学); a change (比上年增长29.29%) names
   the thing changed;
4. 分别为 lists map their values onto year lists, categories and item lists.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import cast

from . import _lexicon as lex
from ._markers import MARKER
from ._units import OTHER_MEASURE_WORDS, PER_UNITS, all_units
from .models import Kind, Metadata, Quantity, Section, Table
from .numbers import SCALES, arabic_decimal, chinese_integer, exact, fold_digits, parse_number, to_number

__all__ = ["document_quantities", "extract_quantities", "parse_number", "quantity_from_cell", "unit_info"]

_UNITS = all_units()
_PER_SEPARATOR = re.compile("[/∙•·.]")  # 240元/人/日, 1020元/月∙人


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation of literal words, longest first so that 万元 wins over 万."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --- units ------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def unit_info(unit: str) -> tuple[Kind, str, Decimal] | None:
    """What a written unit measures: (kind, base unit, factor to the base unit), or None if unknown.

    Reads the unit table in _units.py; a scale word in front multiplies the factor:
    `unit_info("万元")` → ("money", "元", Decimal(10000)); `unit_info("个百分点")` →
    ("percentage_point", "个百分点", 1); `unit_info("万人次")` → ("count", "人次", 10000).
    """
    unit = unit.strip()
    head, slash, per = unit.partition("/")
    if slash and head and unit not in _UNITS:
        info = unit_info(head)
        if info is None or not all(p in PER_UNITS for p in _PER_SEPARATOR.split(per)):
            return None
        return info[0], f"{info[1]}/{per}", info[2]
    if unit in _UNITS:
        kind, base, factor = _UNITS[unit]
        return cast(Kind, kind), base, Decimal(factor)
    for scale in sorted(SCALES, key=len, reverse=True):
        rest = unit[len(scale) :]
        if unit.startswith(scale) and rest in _UNITS:
            kind, base, factor = _UNITS[rest]
            if kind in ("percent", "percentage_point"):
                return None
            return cast(Kind, kind), base, Decimal(factor) * SCALES[scale]
    return None


def _measure(value: Decimal, unit: str | None) -> tuple[Kind, str | None, int | float | None]:
    """Kind, base unit and normalized value of a value in a unit (exact: Decimal arithmetic)."""
    info = unit_info(unit) if unit else None
    if info is None:
        return "other", None, None
    kind, base, factor = info
    return kind, base, exact(value * factor)


# --- table cells ------------------------------------------------------------------------------

_CELL = re.compile(
    r"""^\s{0,4}
    (?P<sign>[-+])?\s{0,2}
    (?P<num>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?|\d{1,20}(?:\.\d{1,12})?|[零〇一二两三四五六七八九十百千]{1,10})
    \s{0,2}(?P<unit>[^\d\s]{1,8})?\s{0,4}$""",
    re.VERBOSE,
)


def quantity_from_cell(text: str, unit_hint: str | None = None) -> Quantity | None:
    """A table cell ("185692", "12.5%", "3,219.5", "-0.46", "1.3亿元") as a record, or None.

    The cell's own unit wins; else `unit_hint` (the table's 单位:万元 or the column's unit) is
    used and `implied_unit` is set. value/unit/normalized_value/base_unit/kind are filled;
    indicator and year are left None for the table reader to set. Empty cells, dashes and
    text that is not one number give None.
    """
    m = _CELL.match(fold_digits(text))
    if not m:
        return None
    num = m.group("num")
    dec = arabic_decimal(num)
    if dec is None:
        integer = chinese_integer(num)
        if integer is None:
            return None
        dec = Decimal(integer)
    if m.group("sign") == "-":
        dec = -dec
    unit = m.group("unit")
    implied = False
    if unit is not None and unit_info(unit) is None and unit not in SCALES:
        return None
    if unit == "年" and 1900 <= dec <= 2100:
        return None  # a year, not a duration
    if unit is None and unit_hint:
        unit, implied = unit_hint.strip(), True
    kind, base, normalized = _measure(dec, unit)
    return Quantity(
        value=to_number(dec),
        unit=unit,
        normalized_value=normalized,
        base_unit=base,
        kind=kind,
        implied_unit=implied,
        origin="table",
        raw=text.strip(),
        text=text.strip(),
    )


# --- patterns ---------------------------------------------------------------------------------

_NUM_AR = r"\d{1,3}(?:,\d{3}){1,6}(?!\d)(?:\.\d{1,12})?|\d{1,20}(?:\.\d{1,12})?"
_NUM_CN = r"[零〇一二两三四五六七八九十百千]{1,10}"
_CN_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿")
_CN_NUMERALS = frozenset("一二三四五六七八九十")
_SCALE_ALT = _alternation(list(SCALES))
_BASE_ALT = _alternation(list(_UNITS))
# Characters a unit, a scale word or a qualifier after a Chinese numeral can begin with.
_UNIT_FIRST = re.escape("".join(sorted({w[0] for w in [*_UNITS, *SCALES, "余", "多", "几", "个百分点", "百分点"]})))
_PER_ALT = _alternation(PER_UNITS)
_BASE_AT = re.compile(_BASE_ALT)
_COLLECTIVE = re.compile(r"[两三四五六七八九十]{1,2}(?:大|个|项|类|种)(?:重点|主要|支柱|新兴)?(?:产业|行业|领域|板块)?")
_UNIT_ENDS = frozenset([w[-1] for w in _UNITS] + ["%"])  # the last characters of units: 70%-100%, 5万元-10万元
_BARE_FOLLOWERS = frozenset({"、", "和", "与", "及", "或", "～", "~", "—", "-", "－", "–", "至", "到", ":", "："})
_OUTLINE = re.compile(r"\s{0,4}\d{1,2}(?:\s?[.．]\s?\d{1,2}){1,4}(?!\d)")
_OF_AFTER = re.compile(f"(?:{_alternation([q for q in lex.POST_QUALIFIERS if len(q) > 1])})?的")
_POST_AT = re.compile(_alternation([q for q in lex.POST_QUALIFIERS if len(q) > 1]))
_POST_ALT = _alternation([q for q in lex.POST_QUALIFIERS if len(q) > 1])

# One amount: a number, its scale word and unit, and the qualifiers glued to it.
_AMOUNT = re.compile(
    rf"""
    (?<![\dA-Za-z.])                              # not inside a longer number or a code
    (?:
        百分之(?P<pnum>{_NUM_AR}|{_NUM_CN})        # 百分之三十
      | (?P<sign>[-+](?=\d))?                      # 增长-0.46%
        (?P<num>{_NUM_AR}|{_NUM_CN}(?=[{_UNIT_FIRST}]))  # a Chinese numeral only before a unit
        (?P<q1>余|多|几)?                          # 5759余万元, 十余个
        (?P<gap>[ \u3000\u00a0]{{0,2}})            # 99.2 %, 罚款 158 万元
        (?:
            (?P<pp>个百分点|百分点)
          | (?P<scale>{_SCALE_ALT})?(?P<q2>余|多)?(?P<base>{_BASE_ALT})?
            (?P<per>/(?:{_PER_ALT})(?:[/∙•.](?:{_PER_ALT}))?)?  # 240元/人/日, 1020元/月∙人
        )
        (?P<q3>{_POST_ALT}|(?<=倍)多)?              # 以上, 左右 …, 1倍多
    )
    """,
    re.VERBOSE,
)

_Y = r"(?:19|20)\d{2}"
_CN_SMALL = r"[一二两三四五六七八九十]"
# Time expressions that set the year of the figures after them.
_TIME = re.compile(
    rf"""
      (?P<since>(?:从|自)?(?P<since_y>{_Y})\s?年(?P<since_m>\d{{1,2}}月)?(?:以来|至今|起|开始|来|以后))
    | (?P<glued>(?P<g1>{_Y})(?P<g2>{_Y})(?P<g_unit>学年度?|年度?))           # 20152016学年度
    | (?P<range>(?P<r1>{_Y})\s?年?\s?[—–\-－~～至到](?P<r2>{_Y}|\d{{2}})\s?(?P<r_unit>学年度?|年度?))
    | (?P<date>(?P<d_y>{_Y})(?P<d_nian>\s?年)?(?P<d_m>1[0-2]|0?[1-9])   # 2015年9月, 20159月,
        (?:\s?[-—–~～至]\s?(?:1[0-2]|[1-9]))?月)                        # 2020年1-6月
    | (?P<year>(?P<y>{_Y})\s?年度?)
    | (?P<rel>前年|去年|上年度|上年(?=的)|今年|本年度|明年)
    | (?P<now>截至目前|截止目前|截至当前|目前|当前|现阶段|至今|迄今)
    | (?P<past>(?:刚刚)?过去(?:的)?一年(?:来|里|中|间)?|一年来)   # the year a report looks back on
    | (?P<ytd>(?<![\d年])1\s?[-—–~～至]\s?(?:1[0-2]|[2-9])月份?|(?<!年)(?:前三季度|上半年))  # 1-10月: this year so far
    | (?P<month>(?<![\d年/.\-])(?:1[0-2]|[1-9])月份?(?![\d日号]))  # 12月份实施临时救助: a month of the year in force
    | (?P<span>近年来|近几年来?|多年来|这些年来?|历年来
        |(?:今后|未来)(?:(?:\d{{1,2}}|{_CN_SMALL}{{1,2}}|几)年[内间里]?|一个时期|一段时期|一段时间|(?=[,，]))
                                                         # 今后5年内, 今后，… but not 未来产业
        |近(?:\d{{1,2}}|{_CN_SMALL}{{1,2}})年来?
        |(?:\d{{1,2}}|{_CN_SMALL}{{1,2}})年(?:来|内|间|后))
    """,
    re.VERBOSE,
)
_REL_OFFSET = {"前年": -2, "去年": -1, "上年度": -1, "上年": -1, "今年": 0, "本年度": 0, "明年": 1}
_WORD_BEFORE_MU = frozenset("项节科栏名题")  # 项目前期, 节目前: 目前 read across a word boundary

# The characters an amount or a time expression can begin with, for `_scan`.
_AMOUNT_START = re.compile(r"(?<![\d零〇一二两三四五六七八九十百千])[\d零〇一二两三四五六七八九十百千+-]")
# One character each, then what must follow it for a _TIME branch to match there (前→年/三季度,
# 目→前 …): most 上, 一, 多 of a page are not the start of a time, and each try of _TIME costs.
_TIME_START = re.compile(
    r"[\d从自前去今明上本截目当现至迄近多这历未过刚一二两三四五六七八九十]"
    r"(?:(?<=\d)(?<!\d\d)(?=\d{3}(?!\d)|\d{4}月|\d{7}|\d?\s?[年月]|\s?[-—–~～至到])|(?<=[从自])(?=\d)|(?<=前)(?=年|三季度)|(?<=[去明])(?=年)|(?<=今)(?=[年后])"
    r"|(?<=上)(?=年度|半年|年的)|(?<=本)(?=年度)|(?<=截)(?=[至止])|(?<=[目当])(?=前)|(?<=现)(?=阶段)|(?<=[至迄])(?=今)"
    r"|(?<=近)(?=[\d年几一二两三四五六七八九十])|(?<=多)(?=年)|(?<=这)(?=些年)|(?<=历)(?=年)|(?<=未)(?=来)"
    r"|(?<=过)(?=去)|(?<=刚)(?=刚过去)|(?<=[一二两三四五六七八九十])(?=[一二两三四五六七八九十]?年))"
)
_WORTH_READING = re.compile(r"[\d０-９一二两三四五六七八九十百千亿]|去年|今年|明年|前年|目前|当前|至今|年来|过去")
_CLAUSE_DELIM = re.compile(r"[，,；;：:。！？!?\n]")
_SENTENCE_END = re.compile(r"[。！？!?]+")
_STATEMENT_END = re.compile(r"[。！？!?；;]")  # a sentence's or a statement's end: …1600万人；五年内…
_CLAUSE_DELIMS = frozenset("，,；;：:。！？!?\n")
# What may stand before a time expression that opens a clause (【教育基本情况】 2022年,…; 在2015年 …)
_SPAN_OPENERS = frozenset(
    {"", "在", "从", "自", "的", "是", "”", "）", ")", "】", "]", "」", "\n", *"，,；;：:。！？!?"}
)
_LIST_JOINERS = frozenset({"、", "和", "与", "及", "或"})
_CONTINUATIONS = frozenset({"、", "和", "与", "及", "或", ":", "："})
_RANGE_DASHES = frozenset({"—", "-", "－", "–", "~", "～", "至", "到", "——", "－－"})
# A ratio 25.72:26.84:47.44, read where 比/结构/比例 stands shortly before it.
_RATIO = re.compile(r"(?<![\d.:：])\d{1,3}(?:\.\d{1,3})?(?:[:：]\d{1,3}(?:\.\d{1,3})?){1,3}(?![\d.:：])")
_RATIO_TERM = re.compile(r"\d{1,3}(?:\.\d{1,3})?")
_RATIO_CUE = re.compile(r"比|结构|比例")
_ENUM = re.compile(
    r"^(?:[（(]?\d{1,2}[)）]|[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}是|\d{1,2}[.、．](?!\d)"
    r"|[一二三四五六七八九十]{1,2}[、.]|[①-⑳]|[一二三四五六七八九十]抓|第[一二三四五六七八九十百零〇\d]{1,5}[条章节款项]\s?)"
)
_LIST_VERB = re.compile(r"分别(?:为|是|达到|达|占|增长|下降|提高|降低|增加|减少|回落|上升)?[:：]?|依次为[:：]?")
_LIST_GAP = re.compile(r"[\s、，,：:；;]")  # what separates two values of a list
_GROUP_GAP = re.compile(r"[\s、，,：:；;和与及或]")  # … or two groups of one (分别为小学…;初中…)
_YEAR_IN_LIST = re.compile(rf"({_Y})\s?年")
# What a removed time expression leaves behind: 2015年秋, 2016年春季, 2022年末 …
_AFTER_TIME = re.compile(
    "\x00(?:春季|秋季|夏季|冬季|上半年|下半年|年初|年末|年底|底|末|初|春|秋|全年|前三季度|一季度|[1-4]季度|同期)?"
)

# 过 alone stands for 超过 (纳税过1亿元的企业), but not in 通过, 经过, 度过 …
_PRE_QUAL = re.compile(f"(?:{_alternation(lex.PRE_QUALIFIERS)}|(?<![{lex.PASS_VERBS_BEFORE_GUO}])过)$")
_LEADING = re.compile(f"^(?:{_alternation(lex.LEADING_FILLERS)})")
_YEARS_LEAD = re.compile(r"^(?:\d{1,2}|[一二两三四五六七八九十]{1,2})年(?=累计|合计|共|总)")  # 五年累计达2526亿元


class _Suffixes:
    """Words looked for at the end of a short phrase.

    Matched by an anchored pattern on the reversed phrase: a `(?:…)$` pattern would be tried at
    every position of the phrase, which made this the slowest step of a page.
    """

    def __init__(self, words: Sequence[str]) -> None:
        self._rx = re.compile(_alternation([w[::-1] for w in words]))
        self.words = frozenset(words)

    def at_end(self, text: str) -> str | None:
        """The longest listed word ending the text, or None."""
        m = self._rx.match(text[::-1])
        return m.group()[::-1] if m else None

    def strip(self, text: str) -> str:
        """The text without the listed word it ends with."""
        word = self.at_end(text)
        return text[: -len(word)] if word else text


_TRAILING = _Suffixes(lex.TRAILING_FILLERS)
_CHANGE_END = _Suffixes(lex.CHANGE_WORDS)
_COMPARISON = re.compile(_alternation(lex.COMPARISON_BASES))
_DIRECTION = re.compile(_alternation(lex.DIRECTION_WORDS))
_VERB_END = _Suffixes(lex.VERBS_BEFORE_OBJECT)
_AFTER_STOP = re.compile(_alternation(lex.AFTER_STOPS))
_HAVE = re.compile(r"共有|现有|拥有|共计|合计")  # every word holds 有 or 计: `_clean_phrase` tests those first
_BRACKET = re.compile(r"[()（）]")
_MODAL = re.compile(_alternation(lex.MODAL_WORDS))
# 比2017年, 相比2021年末, 与2023年预算相比: a comparison
_BLANK_BASE = re.compile("(?:相?比|较)\x00(?:末|底|初)?|与\x00(?:年初)?(?:预算)?相比")
_WITH_BASE = re.compile("相比|持平")  # 与2021年度持平: the year compared with
_PROGRESS = re.compile(r"(?:完成|占|为)(?:年初|年度|全年)?(?:预算|计划|任务|目标|进度)")  # a rate, not a subject
_BASE_NOUN = re.compile(r"^(?:上年)?(?:年初)?(?:预算数|预算|决算数|执行数|同期)(?:相比)?")
_CUT_AFTER = re.compile(_alternation(lex.CUT_AFTER))
_ASIDE = re.compile(r"[(（][^()（）]{5,40}[)）]")  # a bracket of five or more characters inside a name
_AWARD_AFTER = re.compile(rf"的?[^，,。；;：:、\d\s]{{0,6}}?(?:{_alternation(lex.AWARD_HEADS)})(?![^，,。；;\s]{{3}})")
# An age group naming values (0-17岁、…, 5岁以下儿童死亡率分别为…), at the start of one of its figures
_AGE_LABEL = re.compile(r"\d{1,3}(?:\s?[-—–~～至]\s?\d{1,3})?\s?周?岁(?:及?以[上下])?(?=[、和及与\u4e00-\u9fff])")
_AGE_ITEM = re.compile(r"\d{1,3}(?:\s?[-—–~～至]\s?\d{1,3})?\s?周?岁(?:及?以[上下])?")
_SECTOR_LIST = re.compile(r"第?一、二、三次?产业?|三次产业")  # 第一、二、三次产业对经济增长的贡献率
_REACHED = frozenset({"达", "达到", "为", "至", "到", "，达", ",达", "，达到", ",达到"})  # 增长12.6%达92.9亿元
_RELATIVE = frozenset({"高", "低", "多", "少", "快", "慢", "高出", "低出", "多出"})  # 比全省高1.18万元
_ETC = re.compile(r"(?<![中高初同平对相上优头特次均何])等(?![级待于同额值候])")  # 等 closing a list, not 等级, 同等
_CATEGORY = re.compile(f"(?<!中)(?:{_alternation(lex.CATEGORY_WORDS)})")
_CATEGORY_ONLY = re.compile(f"^(?:{_alternation([*lex.CATEGORY_WORDS, *lex.PART_WORDS])})$")
_CLASH = re.compile(f"^(?:{_alternation(lex.UNIT_WORD_CLASHES)})")
_CJK = re.compile(r"[\u4e00-\u9fff“‘]")
_DATE_BITS = re.compile(r"\d{1,2}月份?(?:\d{1,2}[日号])?|\d{1,2}[日号]|[（(]星期.[)）]")
_FOOTNOTE = re.compile(r"\[\d{1,2}\]|［\d{1,2}］")
_EDGE_JUNK = " \u3000\t、，,：:；;\"'～~—–－-"

_MAX_INDICATOR = 14  # a longer phrase before the number is cut after its last verb
_MAX_AFTER = 14  # the noun after a measure word is read at most this far
_MAX_CUT_OF = 18  # a longer phrase keeps only what follows its last 的
_MAX_BEFORE = 40  # the words before a number are read at most this far back
_MAX_HEAD = 80  # the words before 分别为 likewise
_GROUP_VERB = re.compile(r"(?:其中[，,：:]?)?([^\s，,；;：:、。\x00]{2,7}?)(?:完成|实现)")
_BREAKDOWN = re.compile(r"\s{0,2}(?:其中|按[^，,。；;\d]{1,6}分|[从分][^，,。；;\d]{1,8}看)")
_TERSE_GAP = re.compile(r"[，,][^，,；;。\d]{0,6}$")  # 招生20972人，在校生63184人: the next figure of one part
_MAX_MODIFIER = 4  # the parts a list names before a shared head are at most this long (城镇, 集中养育)
_SHORT_BRACKET = 4  # a bracket closing this close is part of the name after a number: 省市（州）共建
_MIN_CLAUSE = 6  # words before a 、 ending in a verb are a clause of their own from this length


# --- records in the making --------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    """An amount found in a paragraph, before its indicator and year are known."""

    start: int  # number (with sign) starts here, in the paragraph
    end: int  # number and unit end here
    value: Decimal
    unit: str | None
    scale: str | None = None
    qualifier: str | None = None
    lead: int = 0  # where a qualifier written before the number starts
    low: Decimal | None = None
    high: Decimal | None = None
    implied: bool = False
    ratio: int | None = None  # the terms of one ratio share its start
    ratio_name: str | None = None  # the words ending in the ratio's cue (产业结构, 三次产业投资占比)
    of_figures_before: bool = False  # a 分别 list with no head of its own: it goes with the figures before it
    tentative: bool = False  # a bare number kept only if its indicator is an index or a ratio
    drop: bool = False
    warnings: list[str] = field(default_factory=list)
    # filled per sentence
    indicator: str | None = None
    category: str | None = None
    change: str | None = None
    year: int | None = None
    year_set: bool = False
    base_record: bool = True
    guessed: bool = False  # the category is a school word inside the indicator, not a split the sentence states


@dataclass(slots=True)
class _Time:
    """A time expression: where it is, the year it gives (None: a span of years), how far it reaches."""

    start: int
    end: int
    year: int | None
    carries: bool  # sets the year of the following sentences, not only its own clause
    period: bool  # a plain year (2015年, 2015学年度) that may carry on into the next paragraphs
    warning: str | None = None
    sentence_only: bool = False  # a deadline (到2025年): its sentence only
    reach: tuple[int, int] | None = None  # a year in brackets holds for the bracket only
    base: bool = False  # the base of a comparison (比2015年): blanked from indicators, no year given
    holds_figure: bool = False  # 毕业5年内: a span of years that is also a stated duration


@dataclass(slots=True)
class _State:
    """What carries from paragraph to paragraph: the document's year and the section's year."""

    doc_year: int | None
    year: int | None = None
    year_known: bool = False
    report: bool = False  # a periodic report (统计公报): a plain year carries through the sections
    warnings: list[str] = field(default_factory=list)
    doc_month: int | None = None
    listed_year: int | None = None  # the year of a paragraph announcing what follows (…公布如下：)
    opening_year: int | None = None  # the year a body opens with (2022年,在区委…): its sections' by default
    rules: bool = False  # a rule or notice (办法, 细则, 通知 …): its time limits (30日内) are of no year

    @property
    def past_year(self) -> int | None:
        """The year 一年来/过去一年 look back on: the year in force, else the one before a report
        written in its first half-year (a work report of January 2025 reviews 2024), else the year of writing."""
        if self.year_known and self.year is not None:
            return self.year
        if self.doc_year is None or self.doc_month is None:
            return None
        return self.doc_year - 1 if self.doc_month <= 6 else self.doc_year


# --- amounts ----------------------------------------------------------------------------------


def _is_year_unit_ok(text: str, start: int, end: int, value: Decimal, chinese: bool) -> bool:
    """Whether N年 is a duration: not a year, not 近三年/15年制/三年行动/这五年 (留存五年。, 毕业5年内,
    租满1年, 1年以上 are)."""
    if text[max(0, start - 1) : start] in ("近", "第", "每", "前", "后", "这", "那", "去", "来"):
        return False
    if text[max(0, start - 2) : start] == "连续" and text.startswith(lex.RANK_AFTER_RUN, end):
        return False  # 连续10年居主城区首位: a rank held, not a duration stated
    if chinese and text[max(0, start - 4) : start].endswith(lex.YEAR_EPITHETS):
        return False  # 重要一年: the year named, not a year's time
    if chinese:  # 留存五年。, 获奖之日起两年内 but not 前进的五年。
        return text[end : end + 1] in ("", "内", *_CLAUSE_DELIMS) and text[start - 1 : start] != "的"
    if value == value.to_integral_value() and 1900 <= value <= 2100:
        return False
    after = text[end : end + 1]
    if after and after in "来制级前后度底末初起中期代春秋上下间至到龄":
        return False
    if after == "以" and text[end + 1 : end + 2] in ("来", "后", "前"):
        return False  # 5年以来; but 1年以上, 3年以内
    before = text[max(0, start - 1) : start]
    return before not in ("近", "第", "每", "前", "后", "这")


def _scan(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Like pattern.finditer, but tried only where `starts` finds a character a match can begin with.

    Python's regex engine tries a pattern that opens with alternatives at every position; most of
    a page is prose, so looking for the few possible first characters first is several times faster.
    """
    pos = 0
    for cand in starts.finditer(text):
        at = cand.start()
        if at < pos:
            continue
        m = pattern.match(text, at)
        if m and m.end() > at:
            pos = m.end()
            yield m


def _find_hits(text: str, folded: str, times: Sequence[_Time]) -> list[_Hit]:
    """Every amount of a paragraph, unitless numbers included (a list may lend them its unit)."""
    taken = [(t.start, t.end) for t in times if not t.holds_figure]
    hits: list[_Hit] = []
    if ":" in folded or "：" in folded:
        for m in _RATIO.finditer(folded):
            clause = max(folded.rfind(mark, max(0, m.start() - 40), m.start()) for mark in ";；。")
            cues = list(_RATIO_CUE.finditer(folded, max(0, clause + 1, m.start() - 40), m.start()))
            if not cues:
                continue  # 产业结构进一步优化,由上年的6.9:55.9:37.2: the cue may stand a clause back
            cue = cues[-1]
            named = max(folded.rfind(mark, clause + 1, cue.start()) for mark in ",，:：、")  # the cue's phrase
            name = _clean_phrase(folded[max(named + 1, clause + 1, cue.start() - 12) : cue.end()]).text or None
            terms = list(_RATIO_TERM.finditer(folded, m.start(), m.end()))
            if len(terms) == 2 and terms[1].group() == "100" and "为100" in folded[m.end() : m.end() + 12]:
                terms.pop()  # 男女性别比为105.23:100(女性为100): the 100 is the base
            elif len(terms) == 2 and "1" in (terms[0].group(), terms[1].group()):
                terms.remove(terms[1] if terms[1].group() == "1" else terms[0])  # 2.05:1, 1:3.4: the one is no figure
            for term in terms:
                hits.append(_Hit(start=term.start(), end=term.end(), value=Decimal(term.group()), unit=None,
                                 lead=m.start() if term is terms[0] else term.start(), ratio=m.start(),
                                 ratio_name=name))  # fmt: skip
            taken.append((m.start(), m.end()))
    taken.sort()
    starts = [a for a, _ in taken]
    quoted = "“" in folded
    for m in _scan(_AMOUNT, _AMOUNT_START, folded):
        hit = _hit_from_match(text, folded, m)
        if hit is None:
            continue
        k = bisect_left(starts, hit.end) - 1  # the last span starting before the hit ends
        if k >= 0 and max(end for _, end in taken[max(0, k - 2) : k + 1]) > hit.start:
            continue  # part of a year, a date or a ratio
        if quoted and hit.unit and _in_quoted_name(folded, hit.start, hit.end, folded[hit.start] in _CN_CHARS):
            continue  # “15分钟高品质生活服务圈”: a programme's name, not an amount
        hits.append(hit)
    if "亿" in folded or "万" in folded:
        for m in _ROUND_SCALE.finditer(folded):  # 旅客吞吐量再次破亿, 上亿人, 接种逾万人: one 亿 or 万, roughly
            bare = m.end() - m.start() == 2
            hit = _Hit(start=m.start() + 1, end=m.end(), value=Decimal(1), unit=m.group()[1:], lead=m.start())
            hit.scale, hit.qualifier = (m.group()[1] if bare else None), m.group()[0]
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    return hits


_ROUND_SCALE = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百千])[破上超逾近](?:亿|万(?!亿))(?:人次|人|元|家|户|名|个|件)?"
    r"(?![\d零〇一二两三四五六七八九十百千万])"
)
_QUOTE_REACH = 8  # a number this close after an open quotation mark may be part of a name


def _in_quoted_name(text: str, start: int, end: int, chinese: bool = False) -> bool:
    """Whether an amount sits inside a quoted name with more name after it (“15分钟高品质生活服务圈”),
    or is a Chinese numeral closing a quoted slogan (打通群众办事“最后一百米”)."""
    opening = text.rfind("“", max(0, start - _QUOTE_REACH), start)
    if opening < 0 or "”" in text[opening:start]:
        return False
    if chinese and text[end : end + 1] == "”":
        return True
    if not _CJK.match(text[end : end + 1]):
        return False
    closing = text.find("”", end, end + 20)
    return closing > end and _CLAUSE_DELIM.search(text, end, closing) is None


def _hit_from_match(text: str, folded: str, m: re.Match[str]) -> _Hit | None:
    """The amount a match stands for, or None for an ordinal, a name, a code or a date."""
    start = m.start()
    pnum, sign, num, q1, gap, pp, scale, q2, base, per, q3 = m.groups()  # one call, not one per group
    if sign == "-" and start and (folded[start - 1].isdigit() or folded[start - 1] in _UNIT_ENDS):
        sign, start = None, start + 1  # （70%-100%）, 5-10万元: a range's dash, not a minus
    before = folded[max(0, start - 3) : start].rstrip(" \u3000")[-1:]
    if before in ("第", "#", "№") or (before and before in _CN_CHARS):
        return None
    if before in ("、", ",", "，") and _ORDINAL_LIST.search(folded, max(0, start - 16), start):
        return None  # 第2、4、5项: items of a list of ordinals
    if not (pp or scale or base or pnum):
        num_end = m.end("num")
        after = folded[num_end : num_end + 1]  # a bare number: kept only in a list or ending a clause
        if num[0] not in "0123456789" or not (after in _BARE_FOLLOWERS or _ends_list(folded, num_end)):
            return None
    pre = _PRE_QUAL.search(folded, max(0, start - 4), start)
    pre_word = pre.group() if pre and pre.end() == start else None
    if pnum is not None:
        dec = _decimal(pnum)
        if dec is None:
            return None
        return _Hit(start=start, end=m.end("pnum"), value=dec, unit="%", lead=start)
    chinese = num[0] not in "0123456789"
    dec = _decimal(num)
    if dec is None:
        return None
    if sign == "-":
        dec = -dec
    end = m.end("num") + (len(q1) if q1 else 0)
    unit: str | None = None
    whole = _BASE_AT.match(folded, m.start("scale")) if scale and not base else None
    if whole and len(whole.group()) > len(scale) and whole.group() in _UNITS:
        scale, base = None, whole.group()  # 1000千伏: a unit that begins like a scale word
    if pp:
        unit, end = pp, m.end("pp")
    elif base or scale:
        unit_end = (m.start("scale") + len(base) if whole else m.end("base")) if base else m.end("scale")
        after = folded[unit_end : unit_end + 2]
        if base and base.isascii() and after[:1].isalpha() and after[:1].isascii():
            base = None  # a Latin unit glued to a word: not a unit
        elif base and len(base) == 1 and not per and _CLASH.match(base + after):
            base = None  # 3113项目: 项 begins a word
        elif base == "年" and not _is_year_unit_ok(folded, start, m.end("base"), dec, chinese):
            return None
        elif base == "分" and re.search(r"[时点]\d{0,2}$", folded[max(0, start - 3) : start]):
            return None  # 9时30分 is a time of day
        elif base == "日" and len(num) >= 5 and num[:2] in ("19", "20"):
            return None  # 2021122日在…会议上: a date whose 年 and 月 were lost
        elif base == "日" and (
            folded[start - 1 : start] in ("月", "每", "第", "当", "次", "本", "同", "前")
            or per
            or _DAY_RANGE.search(folded, max(0, start - 8), start)
        ):
            return None  # 5月30日, 每月30日前, 2月4日至10日: a day of the month, not 30 days
        if base or scale:
            per = text[m.start("per") : m.end("per")] if per else per  # 元/月·人 as written, not folded
            unit = (scale or "") + (base or "") + (per if base and per and not whole else "")
            end = m.end("scale") if not base else (m.end("per") if per and not whole else unit_end)
    if gap and base and len(base) == 1 and _UNITS.get(base, ("",))[0] == "count" and "." in num:
        return None  # 7.2 本预案: an outline number before a word, not 7.2 of something
    if gap and unit and len(unit) == 1 and _CJK.match(folded[end : end + 1]):
        return None  # 600371 万向德农, 000869 张裕A: a code, then a name beginning with a unit's character
    if len(num) > 1 and num[0] == "0" and num[1].isdigit():
        return None  # 002100: a code (stock, post, area code), not an amount
    if start == 0 and _OUTLINE.match(folded):
        return None  # 1.2.1 国家级: a decimal outline number
    if chinese and num in ("百", "千") and scale and base and _UNITS[base][0] == "count" and unit:
        dec, unit, chinese = dec * SCALES[scale], unit[len(scale) :], False  # 百万名劳动者: 1000000 名
    if chinese and not _chinese_ok(num, q1, pre_word, unit, q3, folded[end : end + 1]):
        return None
    if base and not q3 and folded[end : end + 1] in ("多", "余") and not _CJK.match(folded[end + 1 : end + 2]):
        q3, end = folded[end], end + 1  # 增长1倍多: more than double
    if scale and not base:
        dec, end, q_mixed = _mixed_tail(folded, dec, scale, end)
        q1 = q1 or q_mixed
        tail = _BASE_AT.match(folded, end) if q_mixed is not None or end > m.end("scale") else None
        if tail and unit_info(tail.group()) is not None:
            base, unit, end = tail.group(), scale + tail.group(), tail.end()  # 1万6千多户
    hit = _Hit(start=start, end=end, value=dec, unit=unit, scale=scale if not base else None, lead=start)
    hit.qualifier = q1 or q2 or (q3 if unit is not None else None)
    if gap and unit:
        hit.warnings.append(f"space inside an amount repaired: {text[start:end]!r}")
    if pre_word and pre:
        hit.lead, hit.qualifier = pre.start(), pre_word
    return hit


_RUN_IN = re.compile(
    r"\s{0,4}(?:[（(][一二三四五六七八九十]{1,3}[)）]|[（(]?\d{1,2}[)）.、．])\s{0,2}(?P<label>[^：:，,。；;\s]{2,8})[：:]"
)
_SHORT_PARTS = {"城": "城镇", "乡": "农村", "鄉": "農村", "农": "农村"}  # 城、乡居民人均可支配收入
_BRACKET_PARTS = re.compile(r"[(（]其中[,，:：]?")
_ORDINAL_LIST = re.compile(r"第\d{1,3}(?:[、,，]\d{1,3}){0,6}[、,，]$")
_DAY_RANGE = re.compile(r"月\d{1,2}[日号]?[至到、\-—~～]$")  # 2月4日至10日

_MIXED = re.compile(r"([1-9一二两三四五六七八九])千(多|余)?(万)?")


def _mixed_tail(text: str, value: Decimal, scale: str, end: int) -> tuple[Decimal, int, str | None]:
    """1亿3千多万 → 1.3 亿, 1万6千多户 → 1.6 万: the tail after a scale word is a tenth of it."""
    m = _MIXED.match(text, end)
    if not m or value != value.to_integral_value() or (scale == "亿") != bool(m.group(3)):
        return value, end, None
    if scale not in ("亿", "万"):
        return value, end, None
    tenth = Decimal(_decimal(m.group(1)) or 0) / 10
    return value + tenth, m.end(), m.group(2)


def _chinese_ok(num: str, q1: str | None, pre: str | None, unit: str | None, q3: str | None, after: str) -> bool:
    """A Chinese numeral counts only when it is clearly an amount (三千人, 十余个, 两个以上, 留存五年。, 近千亿元).

    A bare digit with a measure word (两个核心, 一个孩子, 三年行动) is wording, not a figure.
    """
    if unit is None:
        return False
    if any(ch in "十百千" for ch in num):
        return len(num) > 1 or q1 is not None or pre is not None
    if q3 in ("以上", "以下", "以内") or unit in ("倍", "个百分点", "百分点"):
        return True  # 两个以上, 增长一倍多, 提高一个百分点
    info = unit_info(unit)
    return info is not None and info[0] == "duration" and (not after or after == "内" or after in _CLAUSE_DELIMS)


def _decimal(num: str) -> Decimal | None:
    """The Decimal of an Arabic (already folded to ASCII) or Chinese numeral as written."""
    if num[0] in "0123456789":
        return Decimal(num.replace(",", ""))
    integer = chinese_integer(num)
    return None if integer is None else Decimal(integer)


def _join_ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """5—10年, 1～3个百分点, 1万元以上10万元以下: one record per bound, both knowing low and high.

    The lower bound takes the upper one's unit when it has none (1～3个百分点 → 1 个百分点).
    """
    for a, b in itertools.pairwise(hits):
        gap = text[a.end : b.lead].removeprefix("以上")
        dash = gap in _RANGE_DASHES and (a.unit is None or a.unit == b.unit) and not a.qualifier  # 70%-100%
        bounds = gap in ("", "、", "，", ",") and a.qualifier == "以上" and b.qualifier == "以下"
        if b.unit and (dash or bounds) and (a.unit is None or a.unit == b.unit) and a.low is None:
            if a.unit is None:
                a.unit, a.implied, a.scale = b.unit, True, b.scale
            a.low = b.low = a.value
            a.high = b.high = b.value
    return hits


def _lend_units(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A unitless number in a list takes its neighbour's unit (8457.67 among 元 values; 提高3.9、2.0、
    2.9个百分点); others go, but for a bare figure ending its clause, kept on trial (an index:
    水质综合指数3.4830)."""
    for i in range(len(hits) - 2, -1, -1):  # right to left, so that a unit travels down a list
        h, nxt = hits[i], hits[i + 1]
        if h.unit is None and h.ratio is None and nxt.unit and text[h.end : nxt.lead] in _LIST_JOINERS:
            h.unit, h.implied = nxt.unit, True
            h.warnings.append(f"unit {h.unit} implied by its list for {text[h.start : h.end]}")
    kept: list[_Hit] = []
    for i, h in enumerate(hits):
        if h.unit is None and h.ratio is None:
            prev = hits[i - 1] if i else None
            if prev and prev.unit and text[prev.end : h.start] == "、" and _ends_list(text, h.end):
                h.unit, h.implied = prev.unit, True
                h.warnings.append(f"unit {h.unit} implied by its list for {text[h.start : h.end]}")
            elif _ends_list(text, h.end) and h.start and _CJK.match(text[h.start - 1]):
                h.tentative = True
            else:
                continue
        kept.append(h)
    return kept


def _ends_list(text: str, pos: int) -> bool:
    """Whether a list item ends here (a separator or the end of the sentence follows)."""
    return pos >= len(text) or text[pos] in "、;；。,，"


# --- time ---------------------------------------------------------------------------------------


def _find_times(
    text: str,
    doc_year: int | None,
    past_year: int | None = None,
    this_year: int | None = None,
    doc_month: int | None = None,
) -> list[_Time]:
    """Time expressions of a paragraph with the year each gives.

    `past_year` is the year that 一年来/过去一年 look back on (see `_State.past_year`);
    `this_year` the year a bare 1-10月 or 上半年 belongs to (the year in force, else of writing);
    `doc_month` the month of writing, which tells a 12月 written in January of the year before.
    """
    out: list[_Time] = []
    depth, swept = 0, 0  # bracket depth, counted once through the text
    latest = this_year
    stated = -1  # where the last year written out in this paragraph ends
    for m in _scan(_TIME, _TIME_START, text):
        before = text[max(0, m.start() - 1) : m.start()]
        if before.isdigit():
            continue
        depth += _bracket_balance(text, swept, m.start())
        swept = m.start()
        # 于2025年, a year in brackets, 2021年结转/结转2023年度 (carried-over cases): its clause only
        local = before == "于" or depth > 0 or text.startswith("结转", m.end()) or text.endswith("结转", 0, m.start())
        kind = m.lastgroup
        ahead = text[max(0, m.start() - 2) : m.start()]
        deadline = before in ("到", "至") and ahead not in ("截至", "截止")
        deadline = deadline or ahead in ("力争", "预计", "争取")
        opener = text[max(0, m.start() - 16) : m.start()].rstrip()[-1:] in _SPAN_OPENERS
        if kind == "now" and before and before in _WORD_BEFORE_MU and m.group().startswith("目"):
            continue  # 项目前期: not 目前
        role = _base_role(text, m.end(), kind, before)
        if role == "skip":
            continue
        if role == "base":  # 比2015年, 是1997年的1.8倍, 与去年同期相比: not the year of the figures
            out.append(_Time(m.start(), m.end(), None, carries=False, period=False, base=True))
            continue
        if role == "from":  # 由去年同期的1.1:50.3:48.6调整为…: the year of the starting level only
            to = min((i for i in (text.find(w, m.end(), m.end() + 60) for w in "到至为") if i >= 0), default=-1)
            if kind == "year":
                start_year: int | None = int(m.group("y"))
            else:
                now = latest if m.group() == "上年" else doc_year  # 上年: before the year reported on
                start_year = None if now is None else now + _REL_OFFSET[m.group()]
            reach = (m.start(), to if to >= 0 else m.end() + 60)
            out.append(_Time(m.start(), m.end(), start_year, carries=False, period=False, reach=reach))
            continue
        if kind in ("span", "past") and not opener:
            continue  # 失业率为多年来最低: not a time frame for the figures
        deadline = deadline or (kind == "year" and not opener)  # 较2021年, 工程2023年培训计划: this sentence only
        year: int | None = None
        period = False
        warning = None
        if kind == "since" and m.group("since_m") and m.group().endswith("起"):
            year = int(m.group("since_y"))  # 2025年1月起: a standard in force from that month
        elif kind == "since" or kind == "span":
            year = None
        elif kind == "glued":
            y1, y2 = int(m.group("g1")), int(m.group("g2"))
            if not 0 < y2 - y1 <= 10:
                continue
            school = m.group("g_unit").startswith("学年")
            year, period = (y1, True) if school and y2 == y1 + 1 else (None, False)
            warning = f"dash lost between years repaired: {m.group()} → {y1}—{y2}{m.group('g_unit')}"
        elif kind == "range":
            school = m.group("r_unit").startswith("学年")
            year, period = (int(m.group("r1")), True) if school else (None, False)
        elif kind == "date":
            year = int(m.group("d_y"))
            period = not m.group().endswith(m.group("d_m") + "月")  # 2020年1-6月: a part of the year, carried on
            if not m.group("d_nian"):
                warning = f"年 lost in a date repaired: {m.group()} → {year}年{m.group('d_m')}月"
        elif kind == "year":
            year, period = int(m.group("y")), True
        elif kind == "rel":  # 今年是…收官之年。 carries into the next paragraphs, as a plain year does
            now = doc_year if doc_year is not None else latest  # an undated page: the year its text is of
            if now is None:
                continue  # 本年度 with no year to count from: no time, rather than a year cleared
            year = now + _REL_OFFSET[m.group()]
            if m.group() == "今年" and latest is not None and text[m.end() : m.end() + 2] == "以来":
                year = latest  # 一、2024年工作回顾 … 今年以来: the year under review, in a report of January 2025
            period = year is not None and opener  # not 比去年, 与去年持平
        elif kind == "now":  # 目前: the year of writing; on an undated page the year its text is of
            year = doc_year if doc_year is not None else latest
            if year is None:
                continue  # no year to tell: 目前 does not clear the year carried
        elif kind == "past":
            year, period = past_year, past_year is not None
        elif kind == "ytd":
            year = this_year
        elif kind == "month":  # 12月份 in a report written in January: the year before
            month = int(m.group().rstrip("月份"))
            late = doc_month is not None and month > doc_month and latest == doc_year and stated < 0
            year = doc_year - 1 if late and doc_year is not None else latest
            if year is None:
                continue  # a month of no known year: it does not clear the year carried
        reached = before in ("到", "至") and text[max(0, m.start() - 2) : m.start() - 1] in ("", *_CLAUSE_DELIMS)
        reached = reached and kind == "year" and text[m.end() : m.end() + 1] != "的"
        if reached and doc_year is not None and year is not None:
            deadline = year >= doc_year  # 到2020年底,全镇企业总数达到42家 in a report of 2021: a point reached
        time = _Time(m.start(), m.end(), year, carries=not local, period=period and not local, warning=warning)
        if kind in ("year", "date") and not local and not deadline:
            latest = year  # the year reported on, so far in this paragraph
            stated = m.end()
        # 2016年,…550亿元,五年来年均增长9%。: a span after the sentence's year is an aside of that sentence
        aside = kind in ("span", "past") and stated >= 0 and _STATEMENT_END.search(text, stated, m.start()) is None
        time.sentence_only = deadline or aside
        # 毕业5年内 is a duration stated; 5年内，… at a clause start only a time frame
        time.holds_figure = kind == "span" and m.group().endswith("内") and m.group()[0] not in "近未今" and not opener
        if depth > 0:
            time.reach = (_bracket_open(text, m.start()), _bracket_close(text, m.end()))
        out.append(time)
    return out


def _base_role(text: str, end: int, kind: str | None, before: str) -> str | None:
    """"base" for a time that is the base a figure is compared with (较2021年增长, 是1997年的1.8倍,
    与去年同期相比), "skip" for such a 去年 read as part of the comparison words (比去年预算低),
    "from" for the time of a starting level (由去年同期的1.1:50.3:48.6调整为…), None for a
    figure's own time."""
    if kind not in ("year", "rel"):
        return None
    after = text[end : end + 2]
    if before in ("由", "从") and (after == "同期" or after[:1] == "的"):
        return "from"  # 从1997年的7.4万亿元增加到…: the starting level's year, carried no further
    if kind == "rel" and before in ("比", "较", "与", "同"):
        return "skip"  # 比去年, 与去年: left in the text, where the comparison words are read
    if before in ("比", "较") or after == "同期" or (before == "与" and _WITH_BASE.search(text, end, end + 6)):
        return "base"
    if before == "是" and after[:1] == "的":
        return "base"
    return "skip" if text[end - 2 : end] == "上年" else None  # 上年的 only as a base or a start: 在上年的基础上


def _bracket_open(text: str, pos: int) -> int:
    """Where the bracket holding pos opens (looked for at most 200 characters back)."""
    lo = max(0, pos - 200)
    return max(text.rfind("(", lo, pos), text.rfind("（", lo, pos), lo)


def _bracket_close(text: str, pos: int) -> int:
    """Where the bracket holding pos closes (looked for at most 200 characters ahead)."""
    found = [i for i in (text.find(")", pos, pos + 200), text.find("）", pos, pos + 200)) if i >= 0]
    return min(found, default=min(len(text), pos + 200))


def _bracket_balance(text: str, start: int, end: int) -> int:
    """Opening minus closing brackets in text[start:end]."""
    opening = text.count("(", start, end) + text.count("（", start, end)
    return opening - text.count(")", start, end) - text.count("）", start, end)


# --- indicators -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Phrase:
    """The words before a number, cleaned: the indicator and what the cleaning told."""

    text: str
    change: str | None = None
    comparison: str | None = None
    share: bool = False  # 占…的27.1%: a share of the thing named before
    verb_before: bool = False  # 开通324部…: the counted thing follows the number


def _clean_phrase(raw: str, timed: bool = False) -> _Phrase:
    """The indicator words in the text before a number (scope, time and linking words removed).

    `timed`: the time expressions of `raw` are already blanked out with NUL (see `_blank_times`).
    """
    seg = raw if timed else _TIME.sub("\x00", raw)
    if "\x00" in seg:
        seg = _AFTER_TIME.sub("", _BLANK_BASE.sub("比同期", seg))  # 比2017年增收: a comparison
    if "分别" in seg:
        seg = seg.replace("分别", "")
    if "[" in seg or "［" in seg:
        seg = _FOOTNOTE.sub("", seg)  # 地区生产总值[2]
    if "日" in seg or "月" in seg:
        seg = _DATE_BITS.sub("", seg)  # 2月4日至10日放假调休
    if _BRACKET.search(seg):
        if _ASIDE.search(seg):  # 农林牧渔业(包括农林牧渔专业及辅助性活动)增加值: the aside goes
            seg = _ASIDE.sub("", seg)
        opening, closing = seg.count("(") + seg.count("（"), seg.count(")") + seg.count("）")
        last_open, last_close = max(seg.rfind("("), seg.rfind("（")), max(seg.rfind(")"), seg.rfind("）"))
        if opening > closing or last_open > last_close:  # …）和留学回国人员（领取毕业证5年内: inside the last
            seg = seg[last_open + 1 :]
        elif closing > opening:
            seg = re.split(r"[)）]", seg)[-1]
    seg = seg.strip(_EDGE_JUNK)
    while True:  # an enumeration mark and leading scope words, as often as they come
        before = seg
        enum = _ENUM.match(seg)
        seg = (seg[enum.end() :] if enum else seg).strip(_EDGE_JUNK)
        lead = _LEADING.match(seg) or _YEARS_LEAD.match(seg)
        if lead and seg[lead.start() : lead.end() + 1] in lex.FILLER_WORD_STARTS:
            lead = None  # 均衡性转移支付, 就业补助资金: a word, not 均 or 就 before one
        if lead:
            seg = seg[lead.end() :]
        if seg == before:
            break
    verb_before = _VERB_END.at_end(seg) is not None or seg[-1:] in lex.VERB_FINAL_CHARS
    if ("有" in seg or "计" in seg) and not seg.startswith("每"):  # not 每千人拥有病床
        have = max((m.end() for m in _HAVE.finditer(seg)), default=-1)
        if have >= 0 and len(seg) - have >= 2 and not _BASE_NOUN.fullmatch(_TRAILING.strip(seg[have:])):
            seg = seg[have:]  # 义务教育阶段共有学生 → 学生; not 支出合计预算 → 预算
    if "应" in seg or "须" in seg:
        modal = max((m.end() for m in _MODAL.finditer(seg)), default=-1)
        if modal >= 0 and len(seg) - modal >= 2:
            seg = seg[modal:]  # 申请主体应当在合同期满后30日内 → 合同期满后
    changed = True
    while changed:
        before = seg
        seg = _TRAILING.strip(seg).strip(_EDGE_JUNK)
        changed = seg != before
    if "等" in seg and "、" in seg:  # …全国文化先进区、…均衡区等国家级荣誉10余项: the class named after 等
        etc = [m.end() for m in _ETC.finditer(seg) if "、" in seg[: m.start()]]
        if etc and len(seg) - etc[-1] >= 2:
            seg = seg[etc[-1] :]
    phrase = _Phrase(seg, verb_before=verb_before)
    comparison = _COMPARISON.search(seg)
    if comparison:
        phrase.comparison = comparison.group()
        rest = _BASE_NOUN.sub("", seg[comparison.end() :])  # 比上年年初预算减少: the budget is the base's
        seg = (seg[: comparison.start()] + rest).strip(_EDGE_JUNK)
        seg = _TRAILING.strip(seg)
    direction = _DIRECTION.search(seg)
    change = _CHANGE_END.at_end(seg)
    if direction:
        phrase.change = direction.group()
    elif change:
        phrase.change = change
    if seg.startswith("占"):
        phrase.share = True
        seg = _TRAILING.strip(seg)
    elif raw.rstrip().endswith("的") and seg.startswith(("为", "相当于", "是")):
        phrase.share = True  # 收入…，为调整预算的101.2%: a share of the thing named before
        seg = seg.removeprefix("相当于").lstrip("为是")
    if len(seg) > _MAX_INDICATOR:
        # a cut leaves two characters at least, also before a 、 (解决率、满意率 is not cut to 率、满意率)
        cuts = [
            m for m in _CUT_AFTER.finditer(seg) if len(seg) - m.end() >= 3 and "、" not in seg[m.end() : m.end() + 2]
        ]
        if cuts:
            seg = seg[cuts[-1].end() :]
    if len(seg) > _MAX_CUT_OF and 0 <= seg.rfind("的") < len(seg) - 3:  # not to 比重: …占…的比重 is one name
        seg = seg[seg.rfind("的") + 1 :]  # 原则上将…服务包的年签约服务费 → 年签约服务费
    phrase.text = seg.strip(_EDGE_JUNK)
    return phrase


def _blank_times(raw: str, lo: int, times: Sequence[_Time]) -> str:
    """`raw` (the text from offset `lo`) with the time expressions it holds replaced by one NUL each."""
    hi = lo + len(raw)
    spans = [(max(t.start, lo), min(t.end, hi)) for t in times if t.start < hi and t.end > lo]
    if not spans:
        return raw
    out, pos = [], lo
    for a, b in spans:
        out.append(raw[pos - lo : a - lo] + "\x00")
        pos = b
    out.append(raw[pos - lo :])
    return "".join(out)


def _after_phrase(text: str, pos: int, skip_of: bool = False) -> tuple[str, int]:
    """The noun right after an amount (206所普通中小学(含… → 普通中小学) and where it ends, or ('', pos).

    Qualifiers are skipped (10万元以下的罚款); with `skip_of`, also a 的 (15%的中医馆 → 中医馆).
    """
    q = _POST_AT.match(text, pos)
    if q:
        pos = q.end()
    elif text[pos : pos + 1] == "内":
        pos += 1  # 3个工作日内出具不予批准通知书: what is to be done within the time
    if skip_of and text[pos : pos + 1] == "的":
        pos += 1
    window = text[pos : pos + _MAX_AFTER]
    if not window or not _CJK.match(window) or window[0] in "的和与及或等是为在于":
        return "", pos
    out = []
    inside = 0  # characters left of a short bracket inside the name: 9所省市（州）共建本科高校
    for i, ch in enumerate(window):
        if inside:
            inside -= 1
            out.append(ch)
            continue
        if i and ch in "(（":
            close = min((k for k in (window.find(")", i), window.find("）", i)) if k > i), default=-1)
            if 0 < close - i <= _SHORT_BRACKET and _CJK.match(window[close + 1 : close + 2]):
                inside = close - i
                out.append(ch)
                continue
        if ch in _CLAUSE_DELIMS or ch in "、()（）" or ch.isdigit():
            break
        if i and _AFTER_STOP.match(window, i):
            break
        out.append(ch)
    noun = "".join(out).strip(_EDGE_JUNK).rstrip("和与及或")  # 保障工程和25个…: the list goes on
    return (noun, pos + len(out)) if len(noun) >= 2 else ("", pos)


def _category_of(phrase: str) -> str | None:
    """The sub-group (小学/初中 …) a phrase names, if any."""
    m = _CATEGORY.search(phrase)
    return m.group() if m else None


def _implied_unit(hit: _Hit, words: str) -> None:
    """A bare 万/亿 takes the unit its indicator implies (筹资3000万 → 万元, 总人口150万 → 万人)."""
    if hit.scale is None or hit.unit != hit.scale:
        return
    best: tuple[int, str] | None = None
    for unit, cues in lex.IMPLIED_UNIT_WORDS:
        for cue in cues:
            at = words.rfind(cue)
            if at >= 0 and (best is None or at + len(cue) > best[0]):
                best = (at + len(cue), unit)
    if best is not None:
        hit.unit = hit.scale + best[1]
        hit.implied = True
        hit.warnings.append(f"unit {hit.unit} implied by {words!r} for a bare {hit.scale}")


# --- sentences --------------------------------------------------------------------------------


_SENTENCE_MAX = 600  # a "sentence" longer than this (a scrape without 。) is cut, so each record's text stays small


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph, ends included; runaway sentences cut into pieces of bounded length."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.extend(_bounded(text, start, m.end()))
        start = m.end()
    if start < len(text):
        spans.extend(_bounded(text, start, len(text)))
    return spans


_CUT_BACK = 60  # how far a cut may move back to avoid splitting a figure


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut into pieces of at most _SENTENCE_MAX characters, never inside a run of digits,
    points, signs or units (so 19.9553% stays whole), preferably after a clause mark."""
    pieces: list[tuple[int, int]] = []
    lo = start
    while end - lo > _SENTENCE_MAX:
        cut = lo + _SENTENCE_MAX
        floor = cut - _CUT_BACK
        clause = max(text.rfind(mark, floor, cut) for mark in "，,；;、：")
        if clause >= floor:
            cut = clause + 1
        else:
            while cut > floor and not (text[cut - 1].isspace() or "\u4e00" <= text[cut - 1] <= "\u9fff"):
                cut -= 1
            if cut == floor:
                cut = lo + _SENTENCE_MAX  # a run of 60 figure characters: cut anyway
        pieces.append((lo, cut))
        lo = cut
    pieces.append((lo, end))
    return pieces


class _Clauses:
    """Clause boundaries of a paragraph, found once; look-ups by bisection keep a page linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.delims = [m.start() for m in _CLAUSE_DELIM.finditer(text)]

    def start(self, lo: int, pos: int) -> int:
        """Where the clause holding `pos` begins (after the last delimiter before it, not before `lo`)."""
        k = bisect_left(self.delims, pos) - 1
        return max(lo, self.delims[k] + 1) if k >= 0 else lo

    def end(self, pos: int, hi: int) -> int:
        """Where the clause holding `pos` ends (its delimiter, or `hi`)."""
        k = bisect_left(self.delims, pos)
        return min(hi, self.delims[k]) if k < len(self.delims) else hi


def _read_sentence(
    clauses: _Clauses,
    span: tuple[int, int],
    hits: list[_Hit],
    times: Sequence[_Time],
    carried: int | None,
    subject: list[str],
) -> None:
    """Indicators, categories, changes and years of the hits of one sentence."""
    text = clauses.text
    s_start = span[0]
    frames = _frames(clauses, span, hits)
    in_frame = {id(h) for frame in frames for h in frame}
    _years(clauses, span, hits, times, carried)
    prev_end = s_start
    prev: _Hit | None = None
    outer = subject[0] if subject else None  # what the sentence before named: a breakdown splits it
    groups: dict[int, str] = {}
    part: str | None = None  # the part of a total (其中,县属企业完成…) the figures now read are of
    for h in hits:
        if id(h) in in_frame:
            h.drop = h.drop or (h.tentative and not _unitless_ok(h, subject))
            if h.base_record and h.indicator and not h.drop:
                subject[:] = [h.indicator]  # 分别为22694元、9527元,增长8.5%、11%: the changes are of the list's thing
            prev_end, prev = h.end, h
            continue
        lo = max(clauses.start(s_start, h.lead), prev_end, h.lead - _MAX_BEFORE)
        raw = text[lo : h.lead]
        if "、" in raw:
            cut = _clause_cut(raw)
            lo, raw = lo + cut, raw[cut:]
        phrase = _clean_phrase(_blank_times(raw, lo, times), timed=True)
        gap = text[prev.end : h.lead].strip() if prev is not None else None
        gap_is_list = gap in _CONTINUATIONS or (gap is not None and gap in _RANGE_DASHES)
        after = ""
        consumed = 0  # the noun after the number, when it is the indicator, is not the next one's
        info = unit_info(h.unit) if h.unit else None
        after_end = h.end
        counted = (info is not None and info[0] in ("count", "percent")) or h.unit == h.scale
        counted = counted or (h.unit or "") in OTHER_MEASURE_WORDS
        award = _AWARD_AFTER.match(text, h.end) is not None  # 给予5万元奖励, 30%的租金补助: the sum given
        if counted or award or len(phrase.text) <= 1 or (phrase.verb_before and phrase.text in _VERB_END.words):
            after, after_end = _after_phrase(text, h.end, skip_of=info is None or info[0] != "count")
            if after[:2] in _CHANGE_END.words or after[:1] in _CHANGE_END.words:
                after, after_end = "", h.end  # 5160元增加到…: a change follows, not the counted thing
        if h.unit and h.unit.endswith("人") and text[h.end : h.end + 1] == "口":
            after, after_end = "人口", h.end + 1  # 13亿多人口: the people are the thing counted
        # 新增9829张家庭养老床位, 整体提升100所学校: a verb (a change word too) takes the counted thing as its object
        counted_object = (
            info is not None
            and info[0] == "count"
            and (
                phrase.verb_before
                or "、" in phrase.text  # 办公室、人事股、…信息中心21个股室和直属单位: the members, then their count
                or (phrase.change is not None and _CHANGE_END.at_end(phrase.text) is not None)
            )
        )
        to_level = (
            raw.rstrip().endswith(("到", "至"))
            and prev is not None
            and (not phrase.text or phrase.text in _CHANGE_END.words)
        )
        names_after = len(phrase.text) <= 2 or phrase.verb_before or raw.rstrip().endswith("等") or after == "人口"
        # 新招教的11位教师: the counted thing after 的
        names_after = names_after or (raw.rstrip().endswith("的") and info is not None and info[0] == "count")
        if prev is not None and h.ratio is not None and prev.ratio == h.ratio:
            h.indicator, h.change, h.base_record = prev.indicator, prev.change, False
        elif after and (
            (not (phrase.comparison or phrase.change) and (names_after or award))
            or (counted_object and not phrase.comparison)
        ):
            h.indicator = after
            consumed = after_end - h.end
            if prev is not None and prev.category and not phrase.text and gap in ("，", ","):
                h.category = prev.category  # 其中小学83824人,1940个教学班: the classes of the primary schools
        elif phrase.comparison and (
            not phrase.text
            or (
                subject
                and not phrase.change
                and raw.strip(_EDGE_JUNK).startswith(phrase.comparison)
                and not phrase.text.endswith(("低", "高", "多", "少", "快", "慢"))  # 比去年预算低0.4个百分点
            )
        ):  # 比上年122711万元, 比上年累计支出433万元: the level of the year compared with
            h.indicator = subject[0] if subject else None
            h.base_record = False
            if phrase.comparison in lex.PREVIOUS_YEAR_BASES and h.year is not None:
                h.year -= 1
        elif to_level and prev is not None:
            h.indicator, h.base_record = prev.indicator, False  # 从54万亿元增加到82.7万亿元: a level
        elif prev is not None and prev.change and not phrase.text and gap in _REACHED and prev.indicator:
            h.indicator = prev.indicator.removesuffix(prev.change) or None  # 地区生产总值增长12.6%达92.9亿元
        elif phrase.comparison and subject and phrase.text in _RELATIVE:  # 比全省高1.18万元
            h.indicator, h.base_record = subject[0] + phrase.comparison + phrase.text, False
        elif phrase.change and phrase.text in _CHANGE_END.words:
            h.change = phrase.change
            h.indicator = (subject[0] if subject else "") + phrase.text
            h.base_record = False
        elif phrase.share:
            owner = subject[0] if subject else ""
            if prev is not None and prev.change and prev.indicator and (gap or "")[:1] in ("，", ","):
                owner = prev.indicator.removesuffix(prev.change)  # …增加值增长7%,占比达51.5%: the share of that
            h.indicator = owner + phrase.text
            h.base_record = False
        elif _CATEGORY_ONLY.match(phrase.text):
            h.category, h.guessed = phrase.text, True
            school = not subject or subject[0].endswith(lex.SCHOOL_HEADS)
            h.indicator = phrase.text if school else subject[0]
            h.base_record = False
        elif not phrase.text and "占比" in raw and prev and prev.indicator and (gap or "")[:1] in ("，", ","):
            # 民营经济增加值增长7%,占比达51.5%: the share of the thing just named
            h.indicator, h.base_record = prev.indicator.removesuffix(prev.change or "") + "占比", False
        elif not phrase.text and prev is not None and gap_is_list:
            h.indicator, h.category, h.change = prev.indicator, None, prev.change
            h.base_record = False
        elif not phrase.text and subject and not (subject[0] == outer and lo > s_start):
            h.indicator, h.base_record = subject[0], False  # 80%用于…，20%用于…: the sentence's subject
        elif gap and gap[0] in _LIST_JOINERS and prev and phrase.text in lex.STAGE_WORDS and _stage_of(prev.indicator):
            # 老旧小区改造开工742个、完工548个: the same thing at another stage
            h.indicator = (prev.indicator or "")[: -len(_stage_of(prev.indicator) or "")] + phrase.text
        else:
            h.indicator = phrase.text or None
            h.change = phrase.change
            h.base_record = phrase.change is None
        if h.category is None and h.indicator:
            h.category = _category_of(h.indicator)
            h.guessed = h.category is not None
            at = h.indicator.find(h.category) if h.category else -1
            if at > 0 and h.indicator[at - 1] in _LIST_JOINERS:
                h.category = None  # 新建、改扩建中小学和幼儿园208所: the counted thing, not a part
        group = _GROUP_VERB.match(raw.strip(_EDGE_JUNK)) if "完成" in raw or "实现" in raw else None
        if (
            group
            and not phrase.comparison
            and not group.group(1).endswith(lex.MEASURE_NOUNS)
            and not (group.group(1) in lex.SECTOR_PARTS and "增加值" in raw)  # 第一产业实现增加值: named
        ):
            groups[id(h)] = group.group(1)  # 地方完成投资899.8亿元, 城镇实现747.1亿元: a part of a total
            part_of = "其中" in text[max(s_start, lo - 4) : lo] or raw.lstrip(_EDGE_JUNK).startswith("其中")
            if (part_of or part is not None) and subject and h.indicator == group.group(1) and h.category is None:
                # 原煤产量1657.8万吨…;其中,县属企业完成1094.2万吨,同比下降17.1%;财政部门完成…: the total's
                # thing, for that part, and the part's figures after it
                h.indicator, h.category, h.guessed, h.base_record = subject[0], group.group(1), False, False
                part = group.group(1)
        elif part is not None and h.category is None and prev is not None:
            if any(c in text[prev.end : h.lead] for c in ";；"):
                part = None
            else:
                h.category = part
        _implied_unit(h, (h.indicator or "") + after)
        if not h.indicator and lo > s_start:
            back = clauses.start(s_start, lo - 1)  # 收入，由1997年的5160元…: named in the clause before
            h.indicator = _clean_phrase(text[max(back, lo - _MAX_BEFORE) : lo]).text or None
        if h.tentative:
            h.drop = not _unitless_ok(h, subject)
        share_base = text[h.end : h.end + 1] == "的" and text[h.end + 1 : h.end + 2].isdigit()
        share_base = share_base or bool(h.indicator and _PROGRESS.match(h.indicator))  # 完成年初预算36.7%
        if h.base_record and h.indicator and not h.drop and not share_base:  # not 完成预算数60999万元的40.4%
            subject[:] = [h.indicator]
        prev_end, prev = h.end + consumed, h
    for a, b in itertools.pairwise(hits):
        if a.high is not None and (a.low, a.high) == (b.low, b.high) and len(a.indicator or "") <= 1:
            a.indicator = b.indicator  # 处1万元以上10万元以下的罚款: the bounds share what they bound
    _ratio_parts(hits)
    for frame in frames:
        _categories_after(frame, hits)
    _split_categories(text, span, [h for h in hits if id(h) not in in_frame], groups, outer, subject)
    _lists_of_figures_before(hits)
    if "其中" in text[span[0] : span[1]]:
        _bracketed_parts(text, span, hits)


def _split_categories(
    text: str, span: tuple[int, int], hits: list[_Hit], groups: dict[int, str], outer: str | None, subject: list[str]
) -> None:
    """Categories of a sentence that splits a total into parts.

    A sentence opening with 其中/按…分/从…看 names its parts first: a group doing the thing
    (其中，中省直企业完成投资…；地方完成投资…; 按地域分，城镇实现747.1亿元 — of the total named before)
    or a sector (从产业投向看，第一产业投资…). A school word inside one indicator (高校毕业生初次毕业
    去向落实率85%) splits nothing unless a second one or 其中 says so. A school level's later figures
    up to the next ； are of it (普通高中招生…，在校生…，毕业生…).
    """
    opener = _BREAKDOWN.match(text, span[0])
    if not (opener or groups or any(h.category for h in hits)):
        return
    if opener and groups and len(set(groups.values())) >= 2:
        first = min(h.start for h in hits if id(h) in groups)
        if opener.group().strip().startswith("其中"):
            groups = {k: g for k, g in groups.items() if g not in lex.SECTOR_PARTS}
        if not any(c.isdigit() for c in text[opener.end() : first]):
            head: _Hit | None = None  # the part's first figure
            for h in hits:
                g = groups.get(id(h))
                if g is not None:
                    h.category, h.guessed, head = g, False, h
                    if outer and h.indicator == g:
                        h.indicator, h.base_record = outer, False
                        subject[:] = [outer]
                elif head is not None and any(c in text[head.end : h.lead] for c in ";；"):
                    head = None
                elif head is not None and h.category is None and h.indicator:
                    g = head.category or ""
                    if h.indicator.startswith(g):  # 城镇实现747.1亿元，同比增长16.5%
                        h.category = g
                        if head.indicator != g and h.change:
                            h.indicator = (head.indicator or "") + h.change
    if opener and not opener.group().strip().startswith("其中"):
        parts = [h for h in hits if h.indicator and h.indicator.startswith(lex.SECTOR_PARTS)]
        parts = [h for h in parts if "增加值" not in (h.indicator or "")]  # 第一产业增加值 is a named indicator
        if len({h.indicator[:4] for h in parts if h.indicator}) >= 2:
            for h in parts:
                if h.indicator:
                    h.category, h.guessed = h.indicator[:4], False
    schools = {h.category for h in hits if h.guessed}
    if len(schools) == 1 and len(set(_CATEGORY.findall(text))) < 2:  # one school level in the paragraph
        for h in hits:
            if h.guessed and text.rfind("其中", span[0], h.start) < 0:
                h.category = None
    carry: str | None = None
    prev: _Hit | None = None
    for h in hits:
        if prev is not None and any(c in text[prev.end : h.lead] for c in ";；"):
            carry = None
        if h.category:
            words = h.indicator or ""
            carry = h.category if h.guessed and words.startswith(h.category) and len(words) > len(h.category) else None
        elif (
            prev is not None
            and prev.category
            and h.indicator
            and prev.indicator
            and h.indicator.startswith(prev.indicator)
        ):
            h.category = prev.category  # 中省直企业完成投资475.7亿元，同比下降2.2%
        elif (
            carry
            and h.change is None
            and len(h.indicator or "") <= 4
            and prev is not None
            and _TERSE_GAP.match(text[prev.end : h.lead])
        ):
            h.category = carry  # 普通高中招生20972人，在校生63184人
        prev = h


def _stage_of(indicator: str | None) -> str | None:
    """The stage word (开工, 完工 …) ending an indicator with words before it, or None."""
    for word in lex.STAGE_WORDS:
        if indicator and indicator.endswith(word) and len(indicator) > len(word):
            return word
    return None


def _clause_cut(raw: str) -> int:
    """Where the words naming a figure begin when a whole clause stands before them, joined by 、
    (园区启动建设、签约项目163个 → 签约项目); 0 when the 、 joins items of one name (生均校地、生均校舍)."""
    cut, pos = 0, 0
    for part in raw.split("、")[:-1]:
        pos += len(part) + 1
        words = part.strip(_EDGE_JUNK)
        if len(words) >= _MIN_CLAUSE and (
            words[-1] in lex.VERB_FINAL_CHARS
            or (len(_VERB_END.at_end(words) or "") >= 2)
            or _CHANGE_END.at_end(words) is not None
            or words.endswith(lex.CLAUSE_FINAL_WORDS)
        ):
            cut = pos
    return cut if len(raw) - cut >= 2 else 0


def _bracketed_parts(text: str, span: tuple[int, int], hits: list[_Hit]) -> None:
    """Figures in a bracket opening with 其中 after a figure are its parts: the figure's indicator,
    each part's name as the category (共有在校学生205582人(其中,学前教育33054人、小学101036人…))."""
    for m in _BRACKET_PARTS.finditer(text, span[0], span[1]):
        close = min((i for i in (text.find(")", m.end(), span[1]), text.find("）", m.end(), span[1])) if i >= 0),
                    default=span[1])  # fmt: skip
        owners = [h for h in hits if h.end <= m.start() and h.indicator]
        members = [h for h in hits if m.end() <= h.start < close]
        if not owners or not members:
            continue
        owner = owners[-1]
        for h in members:
            part = h.category if h.category or h.indicator == owner.indicator else h.indicator
            if part and owner.indicator and not h.change:
                h.category, h.indicator, h.base_record = part, owner.indicator, False


def _categories_after(frame: list[_Hit], hits: list[_Hit]) -> None:
    """A list of changes right after a 分别 list of parts goes part by part (城、乡居民人均可支配收入
    分别为22694元、9527元,增长8.5%、11%: 城镇, then 农村)."""
    cats = [h.category for h in frame]
    if not all(cats) or len(set(cats)) != len(cats):
        return
    at = hits.index(frame[-1]) + 1
    after = hits[at : at + len(frame)]
    if len(after) == len(frame) and all(h.category is None and h.change for h in after):
        for h, cat in zip(after, cats, strict=True):
            h.category = cat


def _lists_of_figures_before(hits: list[_Hit]) -> None:
    """A 分别 list without a head of its own takes, value by value, the figures just before it
    (第一产业增加值…，第二产业增加值…，第三产业增加值…，分别比上年增长4.0%、9.2%、12.3%)."""
    members = [h for h in hits if h.of_figures_before]
    if not members:
        return
    before = [h for h in hits if h.end <= members[0].start and not h.of_figures_before and h.indicator]
    if len(before) < len(members):
        return
    for h, base in zip(members, before[-len(members) :], strict=True):
        name = base.indicator or ""
        if base.change and not h.change:
            name = name.removesuffix(base.change)  # …分别增长12%和13%,分别达43366元和13835元: the levels
        h.indicator = name + (h.change or "")
        h.category = base.category
        h.base_record = False


def _unitless_ok(h: _Hit, subject: list[str]) -> bool:
    """A bare figure stands when what it measures is an index, a coefficient or a ratio."""
    words = h.indicator or ""
    if h.change and words.endswith(h.change):
        words = words[: -len(h.change)]
    words = words or (subject[0] if subject else "")
    return words.endswith(lex.UNITLESS_HEADS) or words.endswith(tuple(w[:-1] for w in lex.UNITLESS_HEADS if len(w) > 2))


def _ratio_parts(hits: list[_Hit]) -> None:
    """The three terms of a ratio of the sectors (三次产业结构比) are the first, second and third sector."""
    terms: dict[int, list[_Hit]] = {}
    for h in hits:
        if h.ratio is not None:
            terms.setdefault(h.ratio, []).append(h)
    previous: list[_Hit] | None = None
    for group in terms.values():
        name = group[0].ratio_name
        if name and len(name) >= 2 and name not in (group[0].indicator or ""):
            for h in group:  # 产业结构进一步优化,由上年的6.9:55.9:37.2: named by its cue, not the subject
                h.indicator = name
        elif previous is not None and group[0].indicator in (None, *lex.RATIO_CHANGE_WORDS):
            for h in group:  # 由1.1:50.3:48.6调整为0.7:50.7:48.6: the same ratio, later
                h.indicator = previous[0].indicator
        previous = group
        if len(group) == len(lex.SECTOR_PARTS) and "产业" in (group[0].indicator or ""):
            for h, part in zip(group, lex.SECTOR_PARTS, strict=False):
                h.category = part


def _years(
    clauses: _Clauses, span: tuple[int, int], hits: list[_Hit], times: Sequence[_Time], carried: int | None
) -> None:
    """The year of each hit: a local expression of its clause, else the last one before it, else carried."""
    local: dict[int, _Time] = {}
    for t in times:
        if not t.carries and not t.base:
            local.setdefault(clauses.start(span[0], t.start), t)
    carrying = [t for t in times if t.carries]
    k = 0
    year = carried
    for h in hits:
        while k < len(carrying) and carrying[k].end <= h.lead:
            year = carrying[k].year
            k += 1
        if h.year_set:
            continue
        at = h.start if h.ratio is None else h.ratio  # a ratio's terms share the clause of its first
        here = local.get(clauses.start(span[0], at)) if local else None
        inside = here is not None and (here.reach is None or here.reach[0] <= at < here.reach[1])
        h.year = here.year if here is not None and inside else year
        h.year_set = True


_AVERAGE = re.compile(r"(?:平均每年|每年平均|年均)(?:实际)?(?:增长|增加|提高|下降|减少|递增|递减)")  # not 年均浓度
_FROM_TO = re.compile(r"[到至为]")


def _period_figures(clauses: _Clauses, span: tuple[int, int], hits: list[_Hit]) -> None:
    """No single year for an average over years (平均每年增长7.7%, 年均增长) or for a starting
    level whose own year is not written (由17.8平方米增加到近22平方米: the 17.8)."""
    text = clauses.text
    sentence = text[span[0] : span[1]]
    if "均" not in sentence and "从" not in sentence and "由" not in sentence:
        return  # most sentences: nothing to look for
    for i, h in enumerate(hits):
        if h.year is None:
            continue
        before = text[clauses.start(span[0], h.lead) : h.lead]
        if _AVERAGE.search(before):
            h.year = None
        elif before.rstrip().endswith(("从", "由")) and i + 1 < len(hits):
            nxt = hits[i + 1]
            if clauses.start(span[0], nxt.lead) <= h.start and _FROM_TO.search(text, h.end, nxt.lead):
                h.year = None


# --- 分别为 lists ------------------------------------------------------------------------------


def _frames(clauses: _Clauses, span: tuple[int, int], hits: list[_Hit]) -> list[list[_Hit]]:
    """Map the values of each 分别为 list of a sentence onto its years, categories and items."""
    text = clauses.text
    s_start, s_end = span
    if text.find("分别", s_start, s_end) < 0 and text.find("依次", s_start, s_end) < 0:
        return []
    verbs = list(_LIST_VERB.finditer(text, s_start, s_end))
    starts = [h.start for h in hits]
    frames: list[list[_Hit]] = []
    years: list[int] = []
    for k, verb in enumerate(verbs):
        stop = verbs[k + 1].start() if k + 1 < len(verbs) else s_end
        members = _list_members(text, hits[bisect_left(starts, verb.end()) : bisect_left(starts, stop)])
        if not members:
            continue
        head_start = max(clauses.start(s_start, verb.start()), verb.start() - _MAX_HEAD)
        for _ in range(3):  # a year list may sit a clause or two back
            if head_start <= s_start or text[head_start - 1] not in "，,":
                break
            prior = clauses.start(s_start, head_start - 1)
            if len(_YEAR_IN_LIST.findall(text, prior, head_start)) < 2:
                break
            head_start = prior
        head = text[head_start : verb.start()]
        ages = [h for h in hits if head_start <= h.start < verb.start() and _AGE_LABEL.match(text, h.start)]
        for h in ages:  # 0-17岁、18-34岁、…60岁及以上户籍人口分别为…: age groups naming the values
            h.drop, h.tentative = True, False
        listed = [int(y) for y in _YEAR_IN_LIST.findall(head)]
        if len(listed) >= 2:
            years = listed
        phrase = _clean_phrase(_YEAR_IN_LIST.sub("", head))
        sectors = len(members) == len(lex.SECTOR_PARTS) and _SECTOR_LIST.search(head)
        if sectors and "产业" not in phrase.text and not phrase.text.startswith("三产"):
            phrase.text = "三次产业" + phrase.text  # 第一、二、三次产业对经济增长的贡献率分别为…
        word = verb.group().removeprefix("分别").rstrip(":：")
        change = word if word in lex.CHANGE_WORDS else None
        if change and text[verb.end() : verb.end() + 1] in ("至", "到"):
            change = None  # 分别提高至778元/月: the level reached, not a change
        items = [i for i in (x.strip(_EDGE_JUNK) for x in phrase.text.split("、")) if i]
        if len(items) == 1 and "和" in items[0] and len(members) == 2:
            items = items[0].split("和", 1)  # 生活补贴和护理补贴标准分别为209元、280元
        for group in _groups(text, verb.end(), members):
            label, values = group
            _map_group(label, values, phrase.text, items, years, change)
        award = _AWARD_AFTER.match(text, members[-1].end) if not phrase.text else None
        if award:  # 分别给予集聚区管理单位80万元、30万元的一次性补助: the sum named after the list
            for h in members:
                h.indicator, h.base_record = award.group().removeprefix("的"), False
        elif not phrase.text and len(members) >= 2:
            for h in members:  # …第三产业增加值333281万元，分别比上年增长4.0%、9.2%、12.3%: of the figures before
                h.of_figures_before = True
                if phrase.comparison and not h.change and h.unit == "%":
                    h.change = "增长"  # 同比分别-6.2%、-19.3%: rates of change with no change word
        frames.append(members)
        _frame_units(text, members)
    return frames


def _list_members(text: str, members: list[_Hit]) -> list[_Hit]:
    """The values of a list: after a ; or , the list goes on only with a short label (;初中…), not
    with a new statement (，装备制造业增加值增长155.7%)."""
    for i in range(1, len(members)):
        gap = text[members[i - 1].end : members[i].lead]
        if any(c in gap for c in ";；,，"):
            label = _LIST_GAP.sub("", gap)
            if len(label) > 6 or any(w in label for w in ("增长", "下降", "为", "达", "占")):
                return members[:i]
    return members


def _groups(text: str, start: int, members: list[_Hit]) -> list[tuple[str | None, list[_Hit]]]:
    """A list's values split at ; or at a label (分别为小学…;初中…): (label, values)."""
    groups: list[tuple[str | None, list[_Hit]]] = []
    prev_end = start
    for i, h in enumerate(members):
        gap = text[prev_end : h.lead]
        label = _clean_phrase(_GROUP_GAP.sub("", gap)).text if gap else ""
        if label in _CHANGE_END.words:  # 分别增长159.2%、0.7%和下降46.8%, 分别比上年增长…: a change, no label
            h.change = label
            label = ""
        if i == 0 or label or any(c in gap for c in ";；"):
            groups.append((label or None, [h]))
        else:
            groups[-1][1].append(h)
        prev_end = h.end
    return groups


def _map_group(
    label: str | None, values: list[_Hit], head: str, items: list[str], years: list[int], change: str | None
) -> None:
    """Give each value of a group its indicator, category and year."""
    categories: list[str | None] = [_category_of(i) for i in items] if len(items) >= 2 else []
    by_category = bool(categories) and all(categories)
    collective = _COLLECTIVE.search(items[-1]) if len(items) >= 2 else None
    if collective and not by_category and collective.start() > 0 and len(items[-1]) - collective.end() >= 2:
        # 新能源新材料、烟花鞭炮、…食品四大重点产业工业增加值: the items are categories of one head
        named = [*items[:-1], items[-1][: collective.start()]]
        items = [*named[:-1], f"{named[-1]}{items[-1][collective.end() :]}"]
        categories, by_category = list(named), True
    ages = [m for m in (_AGE_ITEM.match(i) for i in items) if m]
    if not by_category and len(values) == len(items) == len(ages) >= 2 and len(items[-1]) > ages[-1].end():
        categories, by_category = [a.group() for a in ages], True  # 0-17岁、…60岁及以上户籍人口
    if not by_category and label is None and len(items) == len(values) >= 2:
        shared = _modifiers(items)  # 城镇和农村常住居民人均可支配收入: the items are parts of one head
        if shared:  # 城、乡居民…: the one-character parts written out (城镇, 农村)
            categories, by_category = [_SHORT_PARTS.get(c, c) for c in shared], True
    if len(items) == 1 and len(values) == len(lex.SECTOR_PARTS) and items[0].startswith(("三次产业", "三产")):
        categories = list[str | None](lex.SECTOR_PARTS)  # 三次产业对GDP增长的贡献率分别为6.9%、49.9%和43.2%
    elif len(items) == 1 and len(values) == 2 and items[0].startswith("城乡"):
        # 城乡居民人均可支配收入分别增长4.8%、7.2%: town then country (城乡低保标准: city then country)
        categories = ["城镇" if "居民" in items[0] else "城市", "农村"]
    middle = max((len(i) for i in items[1:-1]), default=0)
    switched = change
    for k, h in enumerate(values):
        switched = h.change if h.change in _CHANGE_END.words else switched
        change = switched
        indicator = head.replace("、", "") if head else None
        category = label if label else None
        if len(categories) == len(values) and len(items) == 1:
            category = categories[k]
        if len(items) == len(values) and len(items) >= 2:
            if by_category:
                category = categories[k]
                last = items[-1]
                cat = categories[-1] or ""
                if not last.startswith(cat):  # 城、乡居民…: the part was written out from 乡
                    cat = next((a for a, b in _SHORT_PARTS.items() if b == cat and last[:1] == a), cat)
                indicator = last.replace(cat, "", 1) or last
            else:
                item = items[k]
                if k == 0 and middle and len(item) > middle + 4:
                    item = item[-middle:]  # …指标体系生均校地、生均校舍 → 生均校地
                last = items[-1]
                elided = item[-1:] in _CN_NUMERALS and last[:1] in _CN_NUMERALS and item.startswith("第")
                if k < len(items) - 1 and elided:
                    item += last[1:]  # 第二、三产业 → 第二产业
                elif k < len(items) - 1 and len(item) <= 2 < len(last):
                    item += last[len(item) :]  # 第二、第三产业…的比重 → 第二产业…的比重
                elif k == len(items) - 1 and items[0].startswith("第") and item[:1] in _CN_NUMERALS:
                    item = "第" + item  # 第二、三产业 → 第三产业
                indicator = item
        if change and indicator:
            indicator += change
        h.indicator, h.change, h.base_record = indicator, change, change is None
        if category and category == label and _category_of(category) is None and len(category) > 6:
            category = None  # a long label is a new statement, not a sub-group
        h.category = category
        if len(years) >= 2:
            if len(years) == len(values):
                h.year, h.year_set = years[k], True
            else:
                h.warnings.append(f"a list of {len(years)} years holds {len(values)} values: years left out")
                h.year, h.year_set = None, True


def _modifiers(items: list[str]) -> list[str] | None:
    """The parts a list names before one shared head (集中养育和社会散居孤儿最低养育标准 → 集中养育,
    社会散居; 一、二、三产增加值 → 第一产业, 第二产业, 第三产业), or None for items that are whole names
    (生均校地、生均校舍、生均体育场馆达标率)."""
    n = len(items[0])
    if n > _MAX_MODIFIER or any(len(i) != n for i in items[:-1]) or len(items[-1]) < n + 2:
        return None
    if items[0][0] == items[1][0] != "第":
        return None  # 生均校地、生均校舍: parallel names sharing their first word
    parts = [*items[:-1], items[-1][:n]]
    if items[-1][n:].startswith("产"):
        parts = [f"第{p.removeprefix('第')}产业" for p in parts]
    return parts if len(set(parts)) == len(parts) else None


def _frame_units(text: str, members: list[_Hit]) -> None:
    """Warn about a unit that differs from the rest of its list (12105.81万元 among 元 values)."""
    units = [h.unit for h in members if h.unit and not h.implied]
    if len(units) < 3:
        return
    common, count = Counter(units).most_common(1)[0]
    if count < len(units) - 1:
        return
    b = unit_info(common)
    for h in members:
        if h.unit and h.unit != common and b:
            a = unit_info(h.unit)
            if a and a[0] == b[0]:
                h.warnings.append(f"unit {h.unit} differs from its list's {common}: a slip in the source?")


# --- paragraphs and documents ------------------------------------------------------------------


def _paragraph(text: str, offset: int, state: _State, section_of: _SectionIndex | None) -> list[Quantity]:
    """Quantity records of one paragraph; updates the carried year."""
    folded = fold_digits(text)
    section = section_of.heading(offset) if section_of else None  # sections begin at line starts
    this_year = state.year if state.year_known and state.year is not None else state.doc_year
    times = _find_times(folded, state.doc_year, state.past_year, this_year, state.doc_month)
    hits = _lend_units(folded, _join_ranges(folded, _find_hits(text, folded, times)))
    state.warnings.extend(t.warning for t in times if t.warning)
    clauses = _Clauses(folded)
    out: list[Quantity] = []
    subject: list[str] = []
    year = state.year if state.year_known else None
    run_in = _RUN_IN.match(text)  # （一）在校学生：个人缴费标准为每人413元…: the figures are the group's
    group = run_in.group("label") if run_in and run_in.group("label").endswith(lex.GROUP_NOUNS) else None
    last_time: _Time | None = None
    h0 = t0 = 0
    for span in _sentences(text):
        h1 = h0
        while h1 < len(hits) and hits[h1].start < span[1]:
            h1 += 1
        t1 = t0
        while t1 < len(times) and times[t1].start < span[1]:
            t1 += 1
        s_hits, s_times = hits[h0:h1], times[t0:t1]
        h0, t0 = h1, t1
        if s_hits:
            _read_sentence(clauses, span, s_hits, s_times, year, subject)
            _period_figures(clauses, span, s_hits)
            if group:
                for h in s_hits:
                    h.category = h.category or group
            if state.rules:
                named = [t.start for t in s_times if not t.base and _YEAR_DIGITS.search(folded, t.start, t.end)]
                for h in s_hits:  # 出生180天内, 3个工作日内: a rule's time limit, not a figure of a year
                    info = unit_info(h.unit) if h.unit else None
                    if info is not None and info[0] == "duration" and not any(at < h.start for at in named):
                        h.year = None
            sentence = text[span[0] : span[1]].strip()
            for i, h in enumerate(s_hits):
                if i and s_hits[i - 1].end == h.start and s_hits[i - 1].unit:
                    h.warnings.append(f"separator lost between {text[s_hits[i - 1].start : h.end]!r}: split")
                if not h.drop:
                    out.append(_record(text, offset, h, sentence, section))
        if s_times:
            carried = [t for t in s_times if t.carries and not t.sentence_only]
            if carried:
                year = carried[-1].year
            # into the next paragraph carry only a plain year or a span of years, not a date or 目前
            plain = [t for t in carried if t.period or t.year is None]
            last_time = plain[-1] if plain else last_time
    if last_time is not None:
        state.year, state.year_known = last_time.year, True
    if text.rstrip().endswith(("如下:", "如下：")):  # 现将我市2020年…标准公布如下：the sections that follow are of 2020
        years = [t.year for t in times if t.period and not t.base and not t.reach and t.year is not None]
        state.listed_year = years[-1] if years else state.listed_year
    return out


# model_validate without its wrapper
_VALIDATE_QUANTITY: Callable[..., Quantity] = Quantity.__pydantic_validator__.validate_python


def _record(text: str, offset: int, h: _Hit, sentence: str, section: str | None) -> Quantity:
    """The public record of a hit (validated from a dict: a third faster than keyword arguments)."""
    kind, base, normalized = _measure(h.value, h.unit)
    return _VALIDATE_QUANTITY(
        {
            "indicator": h.indicator,
            "value": to_number(h.value),
            "unit": h.unit,
            "normalized_value": normalized,
            "base_unit": base,
            "kind": kind,
            "year": h.year,
            "approx": h.qualifier in lex.APPROX_QUALIFIERS,
            "qualifier": h.qualifier,
            "category": h.category,
            "change": h.change,
            "low": None if h.low is None else to_number(h.low),
            "high": None if h.high is None else to_number(h.high),
            "implied_unit": h.implied,
            "raw": text[h.start : h.end],
            "text": sentence,
            "start": offset + h.start,
            "end": offset + h.end,
            "section": section,
            "warnings": h.warnings,
        },
        strict=True,  # the values are already of their types: no coercion to try
    )


def _heading_year(heading: str) -> int | None:
    """The one year a heading names (一、2024年工作回顾 → 2024; 2021—2025年 names none)."""
    years = {t.year for t in _find_times(fold_digits(heading), None) if t.period and t.year is not None}
    return years.pop() if len(years) == 1 else None


class _SectionIndex:
    """Finds the innermost section holding an offset, descending the tree by bisection."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self._top = list(sections)
        self._starts: dict[int, list[int]] = {}
        self._years: dict[int, int | None] = {}

    def _starts_of(self, level: Sequence[Section]) -> list[int]:
        """Start offsets of one level of the tree, computed once."""
        key = id(level)
        if key not in self._starts:
            self._starts[key] = [s.start for s in level]
        return self._starts[key]

    def heading(self, pos: int) -> str | None:
        """Heading of the innermost section whose [start, end) holds pos."""
        found: Section | None = None
        level: Sequence[Section] = self._top
        while level:
            k = bisect_left(self._starts_of(level), pos + 1) - 1
            if k < 0 or not level[k].start <= pos < level[k].end:
                break
            found = level[k]
            level = found.children
        return found.heading if found else None

    def year(self, pos: int) -> int | None:
        """The year named by the innermost heading above pos that names one (一、2024年工作回顾)."""
        year: int | None = None
        level: Sequence[Section] = self._top
        while level:
            k = bisect_left(self._starts_of(level), pos + 1) - 1
            if k < 0 or not level[k].start <= pos < level[k].end:
                break
            section = level[k]
            if id(section) not in self._years:
                self._years[id(section)] = _heading_year(section.heading)
            year = self._years[id(section)] or year
            level = section.children
        return year


def extract_quantities(
    text: str, *, year: int | None = None, doc_year: int | None = None, report: bool = False
) -> list[Quantity]:
    """Quantity records of a sentence or paragraphs (one per line).

    `year` is the year in force before the text starts (a figure with no time expression gets
    it); `doc_year` is the year of writing that 去年/今年/目前 resolve against. `report` makes a
    plain year carry across section headings, as in a statistical communiqué.
    """
    state = _State(doc_year=doc_year, year=year, year_known=year is not None, report=report)
    return _text_quantities(text, state, None)


def _text_quantities(text: str, state: _State, section_of: _SectionIndex | None) -> list[Quantity]:
    """Records of every line of a text, offsets into the text."""
    out: list[Quantity] = []
    offset = 0
    for line in text.split("\n"):
        if MARKER.match(line) and len(line) <= 40 and "。" not in line:
            # a new section: the year its headings name (一、2024年工作回顾), else none but in a report
            year = section_of.year(offset) if section_of else None
            year = _heading_year(line) if year is None else year  # also where the tree missed the heading
            year = state.listed_year if year is None else year
            year = state.opening_year if year is None else year
            if year is not None or not state.report:
                state.year, state.year_known = year, year is not None
        if _WORTH_READING.search(line):
            out.extend(_paragraph(line, offset, state, section_of))
        offset += len(line) + 1
    return out


_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s?年\s?(\d{1,2})\s?月\s?\d{1,2}\s?日")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR_DIGITS = re.compile(_Y)  # a time naming its year, not 当前 or 今年
# 2022年,在区委、区政府…: the year a body opens with
_OPENING_YEAR = re.compile(rf"\s{{0,4}}(?:【[^】]{{1,12}}】\s{{0,4}})?({_Y})\s?年(?:以来|度)?[,，]")
_STATISTICS_TITLE = re.compile(r"统计公报|统计快报|统计月报|统计季报|统计年鉴|统计资料|主要指标")
_RULES_TITLE = re.compile(r"办法|细则|规定|条例|规则|通知|通告|公告|意见|方案|须知|指南|标准")
_REPORT_TITLE = re.compile(r"报告|公报|总结|年鉴|统计|决算|预算")


def _doc_date(metadata: Metadata, body: str, text_date: str | None = None) -> tuple[int | None, int | None]:
    """Year and month of writing (成文日期), else of the date the text gives itself, else of
    publication, else of a full date heading or closing the body."""
    for date in (metadata.written_date, text_date, metadata.publish_date):
        if date and date[:4].isdigit():
            iso = _ISO_MONTH.match(date)
            return int(date[:4]), int(iso.group(2)) if iso else None
    m = _FULL_DATE.search(fold_digits(body[:300])) or _FULL_DATE.search(fold_digits(body[-200:]))
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def document_quantities(
    body: str,
    sections: Sequence[Section],
    metadata: Metadata,
    tables: Sequence[Table] = (),
    *,
    text_date: str | None = None,
    title: str | None = None,
) -> tuple[list[Quantity], list[str]]:
    """Quantity records of a whole body, years resolved against the document's dates; and warnings.

    `text_date` is a date the text gives itself outside the header (政府工作报告——2018年3月5日在…);
    `title` tells rules (办法, 细则, 通知 …), whose time limits belong to no year, from reports.
    """
    report = "统计公报" in body or "统计公报" in (title or "") or body.count("全年") >= 3
    doc_year, doc_month = _doc_date(metadata, body, text_date)
    state = _State(doc_year=doc_year, doc_month=doc_month, report=report)
    state.rules = bool(title and _RULES_TITLE.search(title) and not _REPORT_TITLE.search(title))
    if title and _STATISTICS_TITLE.search(title):  # …统计快报(2022年3季度): its figures are of 2022 by default
        years = set(_YEAR_DIGITS.findall(fold_digits(title)))
        if len(years) == 1:
            state.year, state.year_known = int(years.pop()), True
    opening = _OPENING_YEAR.match(fold_digits(body[:40]))
    state.opening_year = int(opening.group(1)) if opening else None
    records = _text_quantities(body, state, _SectionIndex(sections))
    warnings = list(dict.fromkeys(state.warnings + [w for q in records for w in q.warnings]))
    return records, warnings
