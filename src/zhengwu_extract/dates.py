"""Dates as portals write them: 2016-05-05, 2016年05月05日, 2016.5.5, 2016/5/5, 二〇一六年五月五日 (also ○ / O)."""

from __future__ import annotations

import datetime as dt
import re

from .numbers import CN_DIGITS, chinese_integer

# Year digits are written one by one (二〇一六); scrapes turn 〇 into O or ○.
_ZH_DIGITS = {**CN_DIGITS, "O": 0, "o": 0, "Ｏ": 0}
_ZH = "〇○OoＯ零一二三四五六七八九十"

_NUMERIC = re.compile(
    r"""(?P<y>(?:19|20)\d{2})\s{0,2}(?:年|[-./／])\s{0,2}
        (?P<m>\d{1,2})\s{0,2}(?:月|[-./／])\s{0,2}
        (?P<d>\d{1,2})\s{0,2}日?
        (?:\s{0,3}(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?)?""",
    re.VERBOSE,
)
_CHINESE = re.compile(rf"(?P<y>[{_ZH}]{{4}})年(?P<m>[{_ZH}]{{1,3}})月(?P<d>[{_ZH}]{{1,3}})日")
# A date whose 年/月/日 were lost in scraping: 201655, 2016505, 20160505.
_RUN_TOGETHER = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<rest>\d{2,4})$")


def parse_date(text: str, hint: str | None = None) -> tuple[str | None, str | None]:
    """The first date in `text` as (ISO date, HH:MM[:SS] or None); (None, None) when there is none.

    `hint` is an ISO date that decides between readings of a date that lost its separators
    (2016115 could be 2016-11-05 or 2016-01-15).
    """
    match = _NUMERIC.search(text)
    if match:
        date = _iso(int(match["y"]), int(match["m"]), int(match["d"]))
        if date:
            time = None
            if match["H"]:
                time = f"{int(match['H']):02d}:{match['M']}" + (f":{match['S']}" if match["S"] else "")
            return date, time
    match = _CHINESE.search(text)
    if match:
        year = "".join(str(_ZH_DIGITS.get(ch, 0)) for ch in match["y"])
        month, day = _zh_small(match["m"]), _zh_small(match["d"])
        if year.isdigit() and month and day:
            return _iso(int(year), month, day), None
    match = _RUN_TOGETHER.match(text.strip())
    if match:
        return _run_together(int(match["y"]), match["rest"], hint), None
    return None, None


def _run_together(year: int, rest: str, hint: str | None) -> str | None:
    """Read month and day from digits whose separators were lost; None when it is ambiguous."""
    readings = []
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        if len(month) > 2 or len(day) > 2 or (len(month) == 2 and month[0] == "0" and len(rest) == 2):
            continue
        iso = _iso(year, int(month), int(day))
        if iso and iso not in readings:
            readings.append(iso)
    if len(readings) == 1:
        return readings[0]
    if hint and hint in readings:
        return hint
    return None


def _zh_small(text: str) -> int | None:
    """A month or day in Chinese numerals: 五, 十, 十二, 三十一, or digit by digit (一二)."""
    value = chinese_integer(text)
    if value is not None:
        return value
    digits = [_ZH_DIGITS.get(ch) for ch in text]
    if any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
