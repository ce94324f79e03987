"""Time expressions (2015年, 去年, 目前, 2014年以来 …) and the year each gives, so that each figure gets its year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._text import _CLAUSE_DELIMS, _scan

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
# One character each, then what must follow it for a _TIME branch to match there (前→年/三季度,
# 目→前 …): most 上, 一, 多 of a page are not the start of a time, and each try of _TIME costs.
_TIME_START = re.compile(
    r"[\d从自前去今明上本截目当现至迄近多这历未过刚一二两三四五六七八九十]"
    r"(?:(?<=\d)(?<!\d\d)(?=\d{3}(?!\d)|\d{4}月|\d{7}|\d?\s?[年月]|\s?[-—–~～至到])|(?<=[从自])(?=\d)|(?<=前)(?=年|三季度)|(?<=[去明])(?=年)|(?<=今)(?=[年后])"
    r"|(?<=上)(?=年度|半年|年的)|(?<=本)(?=年度)|(?<=截)(?=[至止])|(?<=[目当])(?=前)|(?<=现)(?=阶段)|(?<=[至迄])(?=今)"
    r"|(?<=近)(?=[\d年几一二两三四五六七八九十])|(?<=多)(?=年)|(?<=这)(?=些年)|(?<=历)(?=年)|(?<=未)(?=来)"
    r"|(?<=过)(?=去)|(?<=刚)(?=刚过去)|(?<=[一二两三四五六七八九十])(?=[一二两三四五六七八九十]?年))"
)
_STATEMENT_END = re.compile(r"[。！？!?；;]")  # a sentence's or a statement's end: …1600万人；五年内…
# What may stand before a time expression that opens a clause (【教育基本情况】 2022年,…; 在2015年 …)
_SPAN_OPENERS = frozenset(
    {"", "在", "从", "自", "的", "是", "”", "）", ")", "】", "]", "」", "\n", *"，,；;：:。！？!?"}
)
_WITH_BASE = re.compile("相比|持平")  # 与2021年度持平: the year compared with


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
    """ "base" for a time that is the base a figure is compared with (较2021年增长, 是1997年的1.8倍,
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
