"""The words before or after a number cleaned into an indicator: scope, time and linking words removed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import _lexicon as lex
from ._text import _CJK, _CLAUSE_DELIMS, _EDGE_JUNK, _alternation
from ._times import _TIME, _Time

_POST_AT = re.compile(_alternation([q for q in lex.POST_QUALIFIERS if len(q) > 1]))
_ENUM = re.compile(
    r"^(?:[（(]?\d{1,2}[)）]|[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}是|\d{1,2}[.、．](?!\d)"
    r"|[一二三四五六七八九十]{1,2}[、.]|[①-⑳]|[一二三四五六七八九十]抓|第[一二三四五六七八九十百零〇\d]{1,5}[条章节款项]\s?)"
)
# What a removed time expression leaves behind: 2015年秋, 2016年春季, 2022年末 …
_AFTER_TIME = re.compile(
    "\x00(?:春季|秋季|夏季|冬季|上半年|下半年|年初|年末|年底|底|末|初|春|秋|全年|前三季度|一季度|[1-4]季度|同期)?"
)
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
_BASE_NOUN = re.compile(r"^(?:上年)?(?:年初)?(?:预算数|预算|决算数|执行数|同期)(?:相比)?")
_CUT_AFTER = re.compile(_alternation(lex.CUT_AFTER))
_ASIDE = re.compile(r"[(（][^()（）]{5,40}[)）]")  # a bracket of five or more characters inside a name
_ETC = re.compile(r"(?<![中高初同平对相上优头特次均何])等(?![级待于同额值候])")  # 等 closing a list, not 等级, 同等
_CATEGORY = re.compile(f"(?<!中)(?:{_alternation(lex.CATEGORY_WORDS)})")
_DATE_BITS = re.compile(r"\d{1,2}月份?(?:\d{1,2}[日号])?|\d{1,2}[日号]|[（(]星期.[)）]")
_FOOTNOTE = re.compile(r"\[\d{1,2}\]|［\d{1,2}］")

_MAX_INDICATOR = 14  # a longer phrase before the number is cut after its last verb
_PLAN_WORDS = ("预算", "预算数", "计划", "任务", "任务数", "目标")  # what a rate of completion is of
_MAX_AFTER = 14  # the noun after a measure word is read at most this far
_MAX_CUT_OF = 18  # a longer phrase keeps only what follows its last 的
_SHORT_BRACKET = 4  # a bracket closing this close is part of the name after a number: 省市（州）共建


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
    elif raw.rstrip().endswith("的") and seg.startswith("完成") and seg.endswith(_PLAN_WORDS):
        phrase.share = True  # 收入155.6亿元,完成调整预算数的103.2%: the rate of completion of that thing
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
