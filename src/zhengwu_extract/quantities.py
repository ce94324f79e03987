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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from . import _lexicon as lex
from ._amounts import _LIST_JOINERS, _RANGE_DASHES, _find_hits, _Hit, _join_ranges, _lend_units, unit_info
from ._lists import _AWARD_AFTER, _frames
from ._markers import MARKER
from ._phrases import _CATEGORY, _CHANGE_END, _VERB_END, _after_phrase, _blank_times, _category_of, _clean_phrase
from ._text import _EDGE_JUNK, _alternation, _Clauses
from ._text import _scan as _scan  # re-exported: tests reach it here
from ._times import _TIME as _TIME  # re-exported: tests reach it here
from ._times import _TIME_START as _TIME_START  # re-exported: tests reach it here
from ._times import _Y, _find_times, _Time
from ._units import OTHER_MEASURE_WORDS
from .errors import check_deadline
from .models import Kind, Metadata, Quantity, Section, Table
from .numbers import SCALES, arabic_decimal, chinese_integer, exact, fold_digits, parse_number, to_number
from .structure import SectionIndex

__all__ = ["document_quantities", "extract_quantities", "parse_number", "quantity_from_cell", "unit_info"]


# --- units ------------------------------------------------------------------------------------


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

_WORTH_READING = re.compile(r"[\d０-９一二两三四五六七八九十百千亿]|去年|今年|明年|前年|目前|当前|至今|年来|过去")
_SENTENCE_END = re.compile(r"[。！？!?]+")
_CONTINUATIONS = frozenset({"、", "和", "与", "及", "或", ":", "："})
_PROGRESS = re.compile(r"(?:完成|占|为)(?:年初|年度|全年)?(?:预算|计划|任务|目标|进度)")  # a rate, not a subject
_REACHED = frozenset({"达", "达到", "为", "至", "到", "，达", ",达", "，达到", ",达到"})  # 增长12.6%达92.9亿元
_RELATIVE = frozenset({"高", "低", "多", "少", "快", "慢", "高出", "低出", "多出"})  # 比全省高1.18万元
_CATEGORY_ONLY = re.compile(f"^(?:{_alternation([*lex.CATEGORY_WORDS, *lex.PART_WORDS])})$")
_MAX_BEFORE = 40  # the words before a number are read at most this far back
_GROUP_VERB = re.compile(r"(?:其中[，,：:]?)?([^\s，,；;：:、。\x00]{2,7}?)(?:完成|实现)")
_BREAKDOWN = re.compile(r"\s{0,2}(?:其中|按[^，,。；;\d]{1,6}分|[从分][^，,。；;\d]{1,8}看)")
_TERSE_GAP = re.compile(r"[，,][^，,；;。\d]{0,6}$")  # 招生20972人，在校生63184人: the next figure of one part
_MIN_CLAUSE = 6  # words before a 、 ending in a verb are a clause of their own from this length
_RUN_IN = re.compile(
    r"\s{0,4}(?:[（(][一二三四五六七八九十]{1,3}[)）]|[（(]?\d{1,2}[)）.、．])\s{0,2}(?P<label>[^：:，,。；;\s]{2,8})[：:]"
)
_BRACKET_PARTS = re.compile(r"[(（]其中[,，:：]?")


# --- records in the making --------------------------------------------------------------------


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


# --- indicators -------------------------------------------------------------------------------


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
        elif phrase.change in lex.DIRECTION_WORDS and phrase.text.startswith(phrase.change) and prev and prev.change:
            # 地区生产总值增长10.2%,高于全国2.8个百分点,高于全省1.5个百分点: the gaps of that growth
            growth = prev.indicator or ""
            if prev.change in lex.DIRECTION_WORDS and prev.change in growth:
                growth = growth[: growth.rfind(prev.change)]
            h.indicator, h.change, h.base_record = growth + phrase.text, phrase.change, False
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
        # 第一产业4.41亿元, 第一产业增长1.8%: the sector is the thing named, no part of another
        parts = [h for h in parts if (h.indicator or "").removesuffix(h.change or "") not in lex.SECTOR_PARTS]
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


class _SectionIndex(SectionIndex):
    """The section index, also telling the year the headings above an offset name."""

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__(sections)
        self._years: dict[int, int | None] = {}

    def year(self, pos: int) -> int | None:
        """The year named by the innermost heading above pos that names one (一、2024年工作回顾)."""
        year: int | None = None
        for section in self.path(pos):
            if id(section) not in self._years:
                self._years[id(section)] = _heading_year(section.heading)
            year = self._years[id(section)] or year
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
            check_deadline()  # a worker thread's time limit (the main thread has an alarm)
            out.extend(_paragraph(line, offset, state, section_of))
        offset += len(line) + 1
    return out


_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s?年\s?(\d{1,2})\s?月\s?\d{1,2}\s?日")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR_IN_TEXT = re.compile(rf"(?<!\d)({_Y})\s?年")
_OPENING_MAX = 400  # the opening paragraph read for the year it names
_YEAR_DIGITS = re.compile(_Y)  # a time naming its year, not 当前 or 今年
# 2022年,在区委、区政府…: the year a body opens with
_OPENING_YEAR = re.compile(rf"\s{{0,4}}(?:【[^】]{{1,12}}】\s{{0,4}})?({_Y})\s?年(?:以来|度)?[,，]")
_STATISTICS_TITLE = re.compile(r"统计公报|统计快报|统计月报|统计季报|统计年鉴|统计资料|主要指标")
_RULES_TITLE = re.compile(r"办法|细则|规定|条例|规则|通知|通告|公告|意见|方案|须知|指南|标准")
_REPORT_TITLE = re.compile(r"报告|公报|总结|年鉴|统计|决算|预算")


def _doc_date(metadata: Metadata, body: str, text_date: str | None = None) -> tuple[int | None, int | None]:
    """Year and month of writing (成文日期), else of the date the text gives itself, else of
    publication, else of a full date heading or closing the body, else the one year an opening
    paragraph speaking of 今年 names (今年以来,…紧扣2025年重点工作目标: an undated report of 2025)."""
    for date in (metadata.written_date, text_date, metadata.publish_date):
        if date and date[:4].isdigit():
            iso = _ISO_MONTH.match(date)
            return int(date[:4]), int(iso.group(2)) if iso else None
    m = _FULL_DATE.search(fold_digits(body[:300])) or _FULL_DATE.search(fold_digits(body[-200:]))
    if m:
        return int(m.group(1)), int(m.group(2))
    opening = fold_digits(body[:_OPENING_MAX].partition("\n")[0])
    years = set(_YEAR_IN_TEXT.findall(opening)) if "今年" in opening else set()
    return (int(years.pop()), None) if len(years) == 1 else (None, None)


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
