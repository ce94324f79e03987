"""Amounts of a paragraph (a number, its scale word, unit and qualifiers), with names, codes and dates turned away."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import cast

from . import _lexicon as lex
from ._phrases import _clean_phrase
from ._text import _CJK, _CLAUSE_DELIM, _CLAUSE_DELIMS, _alternation, _scan
from ._times import _Time
from ._units import PER_UNITS, all_units
from .models import Kind
from .numbers import SCALES, chinese_integer

_UNITS = all_units()
_PER_SEPARATOR = re.compile("[/∙•·.]")  # 240元/人/日, 1020元/月∙人


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


# --- patterns ---------------------------------------------------------------------------------

_NUM_AR = r"\d{1,3}(?:,\d{3}){1,6}(?!\d)(?:\.\d{1,12})?|\d{1,20}(?:\.\d{1,12})?"
_NUM_CN = r"[零〇一二两三四五六七八九十百千]{1,10}"
_CN_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿")
_SCALE_ALT = _alternation(list(SCALES))
_BASE_ALT = _alternation(list(_UNITS))
# Characters a unit, a scale word or a qualifier after a Chinese numeral can begin with.
_UNIT_FIRST = re.escape("".join(sorted({w[0] for w in [*_UNITS, *SCALES, "余", "多", "几", "个百分点", "百分点"]})))
_PER_ALT = _alternation(PER_UNITS)
_BASE_AT = re.compile(_BASE_ALT)
_UNIT_ENDS = frozenset([w[-1] for w in _UNITS] + ["%"])  # the last characters of units: 70%-100%, 5万元-10万元
_BARE_FOLLOWERS = frozenset({"、", "和", "与", "及", "或", "～", "~", "—", "-", "－", "–", "至", "到", ":", "："})
_OUTLINE = re.compile(r"\s{0,4}\d{1,2}(?:\s?[.．]\s?\d{1,2}){1,4}(?!\d)")
_OF_AFTER = re.compile(f"(?:{_alternation([q for q in lex.POST_QUALIFIERS if len(q) > 1])})?的")
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

# The characters an amount or a time expression can begin with, for `_scan`.
_AMOUNT_START = re.compile(r"(?<![\d零〇一二两三四五六七八九十百千])[\d零〇一二两三四五六七八九十百千+-]")
_LIST_JOINERS = frozenset({"、", "和", "与", "及", "或"})
_RANGE_DASHES = frozenset({"—", "-", "－", "–", "~", "～", "至", "到", "——", "－－"})
# A ratio 25.72:26.84:47.44, read where 比/结构/比例 stands shortly before it.
_RATIO = re.compile(r"(?<![\d.:：])\d{1,3}(?:\.\d{1,3})?(?:[:：]\d{1,3}(?:\.\d{1,3})?){1,3}(?![\d.:：])")
_RATIO_TERM = re.compile(r"\d{1,3}(?:\.\d{1,3})?")
_RATIO_CUE = re.compile(r"比|结构|比例")

# 过 alone stands for 超过 (纳税过1亿元的企业), but not in 通过, 经过, 度过 …
_PRE_QUAL = re.compile(f"(?:{_alternation(lex.PRE_QUALIFIERS)}|(?<![{lex.PASS_VERBS_BEFORE_GUO}])过)$")
_CLASH = re.compile(f"^(?:{_alternation(lex.UNIT_WORD_CLASHES)})")


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
    if "含" in folded:  # 500万元(含500万)以上: the bracket repeats the bound, it is no second figure
        hits = [h for i, h in enumerate(hits) if not (i and _repeats_bound(folded, hits[i - 1], h))]
    return hits


def _repeats_bound(text: str, prev: _Hit, hit: _Hit) -> bool:
    """Whether `hit` restates `prev` inside a (含…) bracket right after it (500万元(含500万元))."""
    return prev.value == hit.value and text[prev.end : hit.start].strip() in ("(含", "（含")


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
        elif base == "次" and folded.startswith(("会议", "全会", "常委会"), m.end("base")):
            return None  # 人大常委会二十二次会议: a session's ordinal, its 第 left out
        elif base == "日" and len(num) >= 5 and num[:2] in ("19", "20"):
            return None  # 2021122日在…会议上: a date whose 年 and 月 were lost
        elif base == "日" and (
            folded[max(0, start - 3) : start].rstrip(" \u3000")[-1:] in ("月", "每", "第", "当", "次", "本", "同", "前")
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
    if gap and unit and len(unit) == 1 and len(num) >= 5 and _CJK.match(folded[end : end + 1]):
        return None  # 600371 万向德农, 000869 张裕A: a code, then a name beginning with a unit's character
        # (全市 20 个区县, as a PDF spaces it, is 20 个)
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
    if hit.qualifier is None and unit is not None and folded[end : end + 1] in ("(", "（"):
        inclusive = _INCLUSIVE_BOUND.match(folded, end)  # 500万元(含500万)以上: the bound, then 以上
        hit.qualifier = inclusive.group(1) if inclusive else None
    if gap and unit:
        hit.warnings.append(f"space inside an amount repaired: {text[start:end]!r}")
    if pre_word and pre:
        hit.lead, hit.qualifier = pre.start(), pre_word
    return hit


_ORDINAL_LIST = re.compile(r"第\d{1,3}(?:[、,，]\d{1,3}){0,6}[、,，]$")
_INCLUSIVE_BOUND = re.compile(r"[(（]含[^()（）]{0,12}[)）](以上|以下|以内)")
_DAY_RANGE = re.compile(r"月 ?\d{1,2} ?[日号]? ?[至到、\-—~～] ?$")  # 2月4日至10日, 7 月 1 日至 7 月 27 日

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
