"""分别为 lists: their values mapped onto the years, categories and items the words before them name."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from . import _lexicon as lex
from ._amounts import _Hit, unit_info
from ._phrases import _CHANGE_END, _category_of, _clean_phrase
from ._text import _EDGE_JUNK, _alternation, _Clauses
from ._times import _Y

_CN_NUMERALS = frozenset("一二三四五六七八九十")
_COLLECTIVE = re.compile(r"[两三四五六七八九十]{1,2}(?:大|个|项|类|种)(?:重点|主要|支柱|新兴)?(?:产业|行业|领域|板块)?")
_LIST_VERB = re.compile(r"分别(?:为|是|达到|达|占|增长|下降|提高|降低|增加|减少|回落|上升)?[:：]?|依次为[:：]?")
_LIST_GAP = re.compile(r"[\s、，,：:；;]")  # what separates two values of a list
_GROUP_GAP = re.compile(r"[\s、，,：:；;和与及或]")  # … or two groups of one (分别为小学…;初中…)
_YEAR_IN_LIST = re.compile(rf"({_Y})\s?年")
_AWARD_AFTER = re.compile(rf"的?[^，,。；;：:、\d\s]{{0,6}}?(?:{_alternation(lex.AWARD_HEADS)})(?![^，,。；;\s]{{3}})")
# An age group naming values (0-17岁、…, 5岁以下儿童死亡率分别为…), at the start of one of its figures
_AGE_LABEL = re.compile(r"\d{1,3}(?:\s?[-—–~～至]\s?\d{1,3})?\s?周?岁(?:及?以[上下])?(?=[、和及与\u4e00-\u9fff])")
_AGE_ITEM = re.compile(r"\d{1,3}(?:\s?[-—–~～至]\s?\d{1,3})?\s?周?岁(?:及?以[上下])?")
_SECTOR_LIST = re.compile(r"第?一、二、三次?产业?|三次产业")  # 第一、二、三次产业对经济增长的贡献率
_MAX_HEAD = 80  # the words before 分别为 likewise
_MAX_MODIFIER = 4  # the parts a list names before a shared head are at most this long (城镇, 集中养育)
_SHORT_PARTS = {"城": "城镇", "乡": "农村", "鄉": "農村", "农": "农村"}  # 城、乡居民人均可支配收入


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
